//! Finding the people a text names, and resolving partial mentions ("Mr. Ban", "the UN
//! chief", "he") to them.

use super::data;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// A word of an office's field or of an organisation's name ("Management", "Reduction",
/// "Council"): never a word of a person's name.
fn is_field_or_body_word(token: &str) -> bool {
    let folded = fold(token);
    data::OFFICE_WORDS.contains(&folded)
        || data::ORGANISATION_WORDS.contains(&folded)
        || is_abstract_noun(token)
}

/// "Disaster Risk Reduction", "Water Scarcity", "Coastal Resilience": the abstract nouns
/// that name a field of work, never a person.
fn is_abstract_noun(token: &str) -> bool {
    let folded = fold(token);
    folded.len() > 6
        && ["tion", "sion", "ity", "ence", "ance", "ment", "ness", "ism"]
            .iter()
            .any(|end| folded.ends_with(end))
}

/// A name token: capitalised, letters with inner hyphens and apostrophes ("Ki-moon", "O'Brien").
const NAME_TOKEN: &str = r"\b\p{Lu}[\p{Ll}'’]*(?:-\p{L}[\p{Ll}'’]*)*\b";

/// A full name: two to four name words, with particles ("de la") and one middle initial
/// ("Harold J. Whitcombe") allowed.
fn full_name_pattern() -> String {
    format!(
        r"{NAME_TOKEN}(?:\s+\p{{Lu}}\.)?(?:\s+(?:(?:{particles})\s+){{0,2}}{NAME_TOKEN}){{1,3}}",
        particles = data::PARTICLES.alternation()
    )
}

/// "Il vicecapo della Protezione civile, Marco Bellandi, ha annunciato", "The head of
/// the agency, Jane Roe, said": a sentence that opens with an office, then the name
/// between commas.
static OFFICE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[.!?]\s+)(?:The|Il|La|Lo|El|Le|Der|Die)\s+\p{{Ll}}[^,.;:]{{2,80}},\s+(?P<name>{}),\s+(?:{verbs}|\p{{Ll}}+)\b",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// Cheap literal tests for the rarer patterns below.
static AND_THEN_COMMA: LazyLock<Regex> =
    LazyLock::new(|| compile(r" and \p{Lu}[^,.;]{1,40}, (?:who|both|a|an) "));
static COMMA_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r",\s+(?:{verbs})\b",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
static COMPOUND_TITLE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"[a-zäöü](?:präsident|prasident|minister|sprecher|politiker|kanzler|vorsitzende|direktor|leiter|sekretär|sekretar|beauftragte)",
    )
});
static OFFICE_OPENING_HINT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:^|[.!?] )(?:The|Il|La|Lo|El|Le|Der|Die) [a-z]"));
/// ", Glenys Parkinson," right after a capitalised run.
static APPOSED_NAME: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^,\s+{},", full_name_pattern())));
/// "Die Gesundheitspolitikerin Sabine Körner": a German compound office before a name.
static COMPOUND_TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b\p{{Lu}}\p{{Ll}}+(?:pr[äa]sident|minister|sprecher|politiker|kanzler|vorsitzende|direktor|leiter|sekret[äa]r|beauftragte)(?:in|r)?\s+(?P<name>{})",
        full_name_pattern()
    ))
});
static TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{titles})\b\.?,?\s+(?P<name>{})",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "President of the Commission Marco Rahman", "Minister for Foreign Affairs Jane Doe".
/// The office's last word must be capitalised: in "Prevention of Genocide and Mass
/// Atrocities" nothing after "and" is a name.
static TITLE_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{titles})\s+(?:of|for|on)\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}'’-]*\s+(?:(?:of|for|and|on|the)\s+)+){{0,4}}?\p{{Lu}}[\p{{L}}'’-]*\s+(?P<name>{})",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{}),\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,3}}?(?:{titles})\b",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?i:{titles}|chief executive|executive director|head|founder|manager|officer|curator)\b[^.;:,“”]{{0,60}},\s+(?P<name>{})(?:\s+\p{{Lu}}{{2,4}})?(?:[,.;:]|\s*$)",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "Grace Nakoochee, a band councillor from …, welcomed", "Leila Haddad, who chaired the
/// talks, said": a name, a description of the person, then the verb.
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"(?P<name>{}),\s+(?:a|an|the|who|whose|his|her|their)\s[^,“”"]{{1,120}},\s+(?:(?:{verbs})\b|\p{{Ll}}+ed\b)"#,
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "Tomasz Wierzbicki, founder of …, described", "Adaeze Okonkwo, a 24-year-old
/// analyst", "Marieke Janssens, whose posters …": a name followed by a description of a
/// person. A sentence that opens with a name and a comma introduces that person.
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:(?P<name>{0}),\s+(?:(?:a|an|who|whose)\s+[\p{{Ll}}\d]|\d{{1,3}}(?:\s+(?:ans|años|anni|Jahre))?,)|(?:^|[.!?]\s+)(?P<opener>{0}),\s+[\p{{Ll}}\d])",
        full_name_pattern()
    ))
});
/// "Jae-won Park and Amara Bright, who …": the first of two people described together.
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{0})\s+and\s+{0},\s+(?:who|both|a|an)\s",
        full_name_pattern()
    ))
});
/// The French "M. Alioune Ndiaye-Ba" after a comma or a lower-case word (not a middle
/// initial, as in "Anna M. Berg").
static MONSIEUR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[,;:(]\s*|\b\p{{Ll}}+\s+)M\.\s+(?P<name>{})",
        full_name_pattern()
    ))
});
static SPEAKS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{})\s+(?:{verbs})\b",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "Doreen Pickles of the Swaledale Bus Users' Group, told MPs": a name, the body the
/// person speaks for, then a speech verb.
static OF_ORGANISATION_SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"(?P<name>{})\s+of\s+(?:the\s+)?\p{{Lu}}[^,.;“”"]{{1,80}},\s+(?:{verbs})\b"#,
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
static SPEAKS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{verbs})\s+(?P<name>{})",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\(?(?:\b\p{Lu}\p{L}*\s+)?\b\p{Lu}[\p{L}.]*/\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\)?\.?\s*$",
    )
});
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?{NAME_TOKEN}(?:\s+(?:(?:{particles})\s+)?{NAME_TOKEN}){{0,3}}",
        particles = data::PARTICLES.alternation()
    ))
});

/// Like `re.captures_iter(text)`, but the fast matcher finds each match first and the
/// slower capturing one only runs at that spot: on long paragraphs that is many times
/// quicker. The haystack keeps a few bytes past the match, so word boundaries at its end
/// are judged as in the whole text.
pub(crate) fn captures_all<'t>(re: &Regex, text: &'t str) -> Vec<regex::Captures<'t>> {
    let spans: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    spans
        .into_iter()
        .filter_map(|(start, end)| {
            let mut until = (end + 4).min(text.len());
            while !text.is_char_boundary(until) {
                until += 1;
            }
            re.captures_at(&text[..until], start)
        })
        .collect()
}

pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern must compile: {e}"))
}

fn is_name_word(token: &str) -> bool {
    let folded = fold(token.trim_end_matches(['\'', '’']));
    !data::NOT_NAME_WORDS.contains(&folded)
}

/// Title words, folded, as a set; a name never starts with one ("Mayor Paul Giraud" is
/// Paul Giraud), though one may end a name ("Martin Luther King").
static LEADING_TITLES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    data::TITLES
        .iter()
        .filter(|t| !t.contains(' '))
        .map(fold)
        .collect()
});

fn is_title_word(token: &str) -> bool {
    let folded = fold(token.trim_end_matches('.'));
    LEADING_TITLES.contains(&folded)
        || data::TITLE_ENDINGS
            .iter()
            .any(|end| folded.len() > end.len() + 2 && folded.ends_with(end))
}

/// Trims leading and trailing non-name words off a candidate and rejects it unless two
/// name words remain ("The Secretary-General Ban Ki-moon" gives "Ban Ki-moon").
pub fn clean_name(candidate: &str, places: &[String]) -> Option<String> {
    // "Ban Ki-moon's message": the person, not the possessive.
    let candidate = candidate
        .strip_suffix("'s")
        .or_else(|| candidate.strip_suffix("’s"))
        .unwrap_or(candidate);
    let tokens: Vec<&str> = candidate.split_whitespace().collect();
    // "Air Access Council", "Deutschen Presse-Agentur": a name that ends in an
    // organisation's word is the organisation.
    if tokens.last().is_some_and(|t| {
        is_field_or_body_word(t)
            || fold(t)
                .rsplit('-')
                .next()
                .is_some_and(|last| data::ORGANISATION_WORDS.contains(last))
    }) {
        return None;
    }
    let start = tokens
        .iter()
        .position(|t| is_name_word(t) && !is_title_word(t))?;
    let end = tokens.iter().rposition(|t| is_name_word(t))?;
    let is_foreign = |t: &&str| {
        (!is_name_word(t) && !data::PARTICLES.contains(t))
            // "Q" (a reporter's question) or a stray letter; an initial has its full stop.
            || (t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))
            || is_field_or_body_word(t)
            || is_title_word(t)
    };
    // An office or institution before the name ("Commonwealth Affairs Jane Okafor"):
    // the name is what follows its last word.
    let start = match tokens[start..end].iter().rposition(is_foreign) {
        Some(last) => start + last + 1,
        None => start,
    };
    if start > end {
        return None;
    }
    let kept = &tokens[start..=end];
    if kept.iter().filter(|t| !data::PARTICLES.contains(t)).count() < 2 {
        return None;
    }
    let name = kept.join(" ");
    let folded = fold(&name);
    if places.iter().any(|p| fold(p) == folded) {
        return None;
    }
    Some(name)
}

/// Removes a photo credit ("UNRIC/Julien Schreiber.") from the end of a caption: the
/// photographer is not a person in the story.
pub fn strip_photo_credit(caption: &str) -> &str {
    match CREDIT.find(caption) {
        Some(m) => &caption[..m.start()],
        None => caption,
    }
}

/// The people `texts` name, as written at their first full mention, in order of first
/// appearance, one entry per person.
pub fn find_people(texts: &[&str], places: &[String]) -> Vec<String> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let view = crate::text::AsciiView::new(text);
        let haystack: &str = &view.text;
        // The rarer shapes are searched only near what must be there (a comma and a
        // speech verb, a compound office, a sentence opening with an office): their
        // patterns are costly to run over whole paragraphs.
        let near = |hint: &Regex, before: usize, after: usize| -> Vec<(usize, usize)> {
            hint.find_iter(haystack)
                .map(|m| {
                    let mut from = m.start().saturating_sub(before);
                    while !haystack.is_char_boundary(from) {
                        from -= 1;
                    }
                    let mut to = (m.end() + after).min(haystack.len());
                    while !haystack.is_char_boundary(to) {
                        to += 1;
                    }
                    (from, to)
                })
                .collect()
        };
        let whole = vec![(0, haystack.len())];
        let searches: [(&Regex, Vec<(usize, usize)>); 13] = [
            (&TITLE_BEFORE, whole.clone()),
            (&TITLE_OF_BEFORE, whole.clone()),
            (&ROLE_AFTER, whole.clone()),
            (&ROLE_BEFORE, whole.clone()),
            (&DESCRIBED, whole.clone()),
            (&SPEAKS_AFTER, whole.clone()),
            (&SPEAKS_BEFORE, whole.clone()),
            (&APPOSITION, whole.clone()),
            (&COORDINATED, near(&AND_THEN_COMMA, 80, 0)),
            (&MONSIEUR, whole),
            (
                &OF_ORGANISATION_SPEAKS,
                near(&COMMA_THEN_VERB, 200, 0)
                    .into_iter()
                    .filter(|&(from, to)| haystack[from..to].contains(" of "))
                    .collect(),
            ),
            (&COMPOUND_TITLE_BEFORE, near(&COMPOUND_TITLE_HINT, 40, 80)),
            (&OFFICE_THEN_NAME, near(&OFFICE_OPENING_HINT, 0, 200)),
        ];
        for (re, windows) in searches {
            for (from, to) in windows {
                for caps in captures_all(re, &haystack[from..to]) {
                    let Some(m) = caps.name("name").or_else(|| caps.name("opener")) else {
                        continue;
                    };
                    let (m_start, m_end) = (from + m.start(), from + m.end());
                    // "The chair of the Southern Riverina Irrigators, Glenys Parkinson,":
                    // the words before a name set off by commas are what the person is.
                    if APPOSED_NAME.is_match(&haystack[m_end..]) {
                        continue;
                    }
                    let (start, end) = (view.original(m_start), view.original(m_end));
                    if let Some(name) = clean_name(&text[start..end], places) {
                        found.push((i, start, name));
                    }
                }
            }
        }
    }
    found.sort();
    let mut people: Vec<String> = Vec::new();
    for (_, _, name) in found {
        let tokens = name_tokens(&name);
        if let Some(existing) = people.iter_mut().find(|p| {
            let other = name_tokens(p);
            tokens.iter().all(|t| other.contains(t)) || other.iter().all(|t| tokens.contains(t))
        }) {
            // Keep the fuller name ("Maria Lopez de la Cruz" over "Maria Lopez"), but not
            // one that only adds words in front: "Transport Helena Marković" is
            // "Commissioner for Transport" running into "Helena Marković".
            let other = name_tokens(existing);
            // A surname that opens with a particle ("Al Kaabi", "van Dijk") is the end
            // of the full name, not a name with an office in front of it.
            let adds_in_front = |long: &[String], short: &[String]| {
                long.len() > short.len()
                    && long[long.len() - short.len()..] == *short
                    && !short.first().is_some_and(|t| data::PARTICLES.contains(t))
            };
            if adds_in_front(&other, &tokens)
                || (!adds_in_front(&tokens, &other) && other.len() < tokens.len())
            {
                *existing = name;
            }
        } else {
            people.push(name);
        }
    }
    people
}

/// The folded words of a name.
pub fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| c.is_whitespace())
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Finds the person a mention refers to: "Mr. Ban" or "Ban" is "Ban Ki-moon" when the
/// document names him.
pub fn resolve_mention<'a>(mention: &str, people: &'a [String]) -> Option<&'a str> {
    let tokens: Vec<String> = name_tokens(mention)
        .into_iter()
        .skip_while(|t| is_title_word(t) || t.chars().count() == 1)
        .filter(|t| is_name_word(t))
        .collect();
    // "Delhi Assembly Meena Chaudhary": an office's words may run into the name, so
    // words are dropped from the front until the rest names someone.
    (0..tokens.len()).find_map(|skip| {
        let rest = &tokens[skip..];
        people
            .iter()
            .find(|p| {
                let ptoks = name_tokens(p);
                rest.iter().all(|t| ptoks.contains(t))
            })
            .map(String::as_str)
    })
}

/// Where `word` starts in `text` as a word of its own (no letter or digit right before).
pub fn word_starts<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(word).filter_map(move |(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(at)
    })
}

/// The person `texts` give an office to: "President Harlan" makes Thomas Harlan "the
/// President" when he is among `people`.
pub fn person_by_office<'a>(office: &str, texts: &[&str], people: &'a [String]) -> Option<&'a str> {
    texts.iter().find_map(|text| {
        word_starts(text, office).find_map(|at| {
            // "Under-Secretary-General for Humanitarian Affairs, Marisol …": past the
            // office's field to the name.
            let mut rest = &text[at + office.len()..];
            if rest.starts_with(" for ") || rest.starts_with(" of ") {
                let comma = rest.find(", ").filter(|&i| i <= 90)?;
                rest = &rest[comma + 1..];
            }
            let name: Vec<&str> = rest
                .split_whitespace()
                .take(3)
                .take_while(|w| w.starts_with(char::is_uppercase))
                .collect();
            if name.is_empty() {
                return None;
            }
            resolve_mention(&name.join(" "), people)
        })
    })
}

/// Everyone of `people` that `text` mentions, in order.
pub fn mentions<'a>(text: &str, people: &'a [String]) -> Vec<&'a str> {
    MENTION
        .find_iter(text)
        .filter_map(|m| resolve_mention(m.as_str(), people))
        .collect()
}

/// The last person mentioned in `text` who is one of `people`, or a new capitalised
/// name directly tied to a speech verb.
pub fn last_mentioned<'a>(text: &str, people: &'a [String]) -> Option<&'a str> {
    MENTION
        .find_iter(text)
        .filter_map(|m| resolve_mention(m.as_str(), people))
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        find_people(&[text], &["New York".to_string(), "Brussels".to_string()])
    }

    #[test]
    fn finds_names_by_title_role_and_speech() {
        assert_eq!(
            people("UN Secretary-General Ban Ki-moon says that the world must act."),
            vec!["Ban Ki-moon"]
        );
        assert_eq!(
            people("the distinguished Sudanese diplomat, Francis Deng, to the post"),
            vec!["Francis Deng"]
        );
        assert_eq!(
            people("Didier Reynders, Belgian Foreign Minister and others"),
            vec!["Didier Reynders"]
        );
        assert_eq!(
            people("My Special Adviser on the Prevention of Genocide, Adama Dieng, and my Special Adviser on the Responsibility to Protect, Jennifer Welsh, scan"),
            vec!["Adama Dieng", "Jennifer Welsh"]
        );
        assert_eq!(
            people("“We will act,” said Maria Lopez de la Cruz."),
            vec!["Maria Lopez de la Cruz"]
        );
        assert_eq!(
            people("Mr. Didier Reynders, Deputy Prime Minister and Minister of Foreign Affairs"),
            vec!["Didier Reynders"]
        );
        assert_eq!(
            people("President of the Commission Marco Rahman on Monday addressed the meeting"),
            vec!["Marco Rahman"]
        );
        assert_eq!(
            people("the Minister for Foreign and Commonwealth Affairs Jane Okafor said"),
            vec!["Jane Okafor"]
        );
    }

    #[test]
    fn every_title_introduces_a_name() {
        for title in data::TITLES.iter() {
            let text = format!("They met {title} Jane Okafor in the hall.");
            assert_eq!(people(&text), ["Jane Okafor"], "{text}");
        }
        assert!(people("They met Jane Okafor in the hall.").is_empty());
    }

    #[test]
    fn every_title_ending_makes_a_german_compound_an_office() {
        for ending in data::TITLE_ENDINGS.iter() {
            let candidate = format!("Landes{ending} Jana Berg");
            assert_eq!(
                clean_name(&candidate, &[]).as_deref(),
                Some("Jana Berg"),
                "{candidate}"
            );
        }
        assert_eq!(
            clean_name("Landesgarten Jana Berg", &[]).as_deref(),
            Some("Landesgarten Jana Berg")
        );
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn no_word_of_the_not_name_list_is_kept_in_a_name() {
        for word in data::NOT_NAME_WORDS.iter() {
            let candidate = format!("Jane Okafor {}", capitalised(word));
            assert_ne!(clean_name(&candidate, &[]), Some(candidate.clone()));
        }
        assert_eq!(
            clean_name("Jane Okafor Smith", &[]).as_deref(),
            Some("Jane Okafor Smith")
        );
    }

    #[test]
    fn a_name_that_ends_in_an_office_or_organisation_word_is_no_person() {
        for word in data::OFFICE_WORDS
            .iter()
            .chain(data::ORGANISATION_WORDS.iter())
        {
            let candidate = format!("Jane Okafor {}", capitalised(word));
            assert_eq!(clean_name(&candidate, &[]), None, "{candidate}");
        }
    }

    #[test]
    fn every_particle_stays_inside_a_name() {
        for particle in data::PARTICLES.iter() {
            let text = format!("Minister Jan {particle} Berg opened the session.");
            assert_eq!(people(&text), [format!("Jan {particle} Berg")], "{text}");
        }
    }

    #[test]
    fn places_and_institutions_are_not_people() {
        assert!(people("The Security Council met in New York. The Rights Up Front approach was used in South Sudan.").is_empty());
        assert!(people("Secretary General of the Council of Europe met the press").is_empty());
    }

    #[test]
    fn mentions_resolve_to_full_names() {
        let known = vec!["Ban Ki-moon".to_string(), "Francis Deng".to_string()];
        assert_eq!(resolve_mention("Mr. Ban", &known), Some("Ban Ki-moon"));
        assert_eq!(resolve_mention("Deng", &known), Some("Francis Deng"));
        assert_eq!(resolve_mention("Mr. Smith", &known), None);
        assert_eq!(
            last_mentioned("In his speech, Ban commended the progress", &known),
            Some("Ban Ki-moon")
        );
    }

    #[test]
    fn photo_credits_are_cut_from_captions() {
        assert_eq!(
            strip_photo_credit("Photo: leaders meet the press. UNRIC/Julien Schreiber."),
            "Photo: leaders meet the press. "
        );
        assert_eq!(
            strip_photo_credit("Photo: leaders meet"),
            "Photo: leaders meet"
        );
    }
}
