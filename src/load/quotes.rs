//! Quoted speech: finding quoted spans (curly, straight, nested, running over paragraphs)
//! and attributing each to a speaker.

use super::data;
use super::people::{
    clean_name, compile, last_mentioned, person_by_office, resolve_mention, word_starts,
};
use regex::Regex;
use std::sync::LazyLock;

/// A quoted span as found, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    pub text: String,
    /// Paragraph the opening mark is in, and the byte offset just before that mark.
    pub paragraph: usize,
    pub open_at: usize,
    /// Paragraph the closing mark is in, and the byte offset just after that mark.
    pub end_paragraph: usize,
    pub close_at: usize,
}

/// An unclosed quote running over more paragraphs than this is a stray mark, not speech.
const MAX_QUOTE_PARAGRAPHS: usize = 4;

#[derive(Clone, Copy, PartialEq)]
enum Outer {
    Curly,
    /// German „…“ (and Polish „…”): the low mark opens, either high mark closes.
    Low,
    Straight,
}

struct Open {
    outer: Outer,
    depth: usize,
    paragraph: usize,
    open_at: usize,
    text: String,
}

/// Every top-level quoted span in the paragraphs. Curly marks nest (“…“eyes and ears”…”);
/// a quote left open at the end of a paragraph runs on into the next, whose opening mark
/// (the typographic convention for continued quotes) is skipped.
pub fn find_quoted_spans(paragraphs: &[&str]) -> Vec<QuotedSpan> {
    let mut spans = Vec::new();
    let mut open: Option<Open> = None;
    for (p, text) in paragraphs.iter().enumerate() {
        if let Some(o) = open.as_mut() {
            if p - o.paragraph >= MAX_QUOTE_PARAGRAPHS {
                open = None;
            } else {
                o.text.push(' ');
            }
        }
        let mut skip_continuation_mark = open.is_some();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = if k == 0 { None } else { Some(chars[k - 1].1) };
            let next = chars.get(k + 1).map(|&(_, n)| n);
            if skip_continuation_mark {
                skip_continuation_mark = false;
                if matches!(c, '“' | '„' | '«' | '"') {
                    continue;
                }
            }
            match (c, open.as_mut()) {
                ('“' | '„' | '«', None) => {
                    open = Some(Open {
                        outer: if c == '„' { Outer::Low } else { Outer::Curly },
                        depth: 1,
                        paragraph: p,
                        open_at: i,
                        text: String::new(),
                    })
                }
                ('“' | '”', Some(o)) if o.outer == Outer::Low && o.depth == 1 => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + c.len_utf8(),
                    });
                    open = None;
                }
                ('“' | '„' | '«', Some(o)) => {
                    o.depth += 1;
                    o.text.push(c);
                }
                ('”' | '»', Some(o)) if o.outer != Outer::Straight && o.depth > 1 => {
                    o.depth -= 1;
                    o.text.push(c);
                }
                ('”' | '»', Some(o)) if o.outer != Outer::Straight => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + c.len_utf8(),
                    });
                    open = None;
                }
                ('"', None) => {
                    let opens = prev.is_none_or(|x| x.is_whitespace() || "([{—–-/".contains(x))
                        && next.is_some_and(|x| !x.is_whitespace());
                    if opens {
                        open = Some(Open {
                            outer: Outer::Straight,
                            depth: 1,
                            paragraph: p,
                            open_at: i,
                            text: String::new(),
                        });
                    }
                }
                ('"', Some(o)) if o.outer == Outer::Straight => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + 1,
                    });
                    open = None;
                }
                (_, Some(o)) => o.text.push(c),
                (_, None) => {}
            }
        }
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// The quoted words, trimmed; a comma a crawler left stranded after the closing
/// punctuation ("…twenty years ago? ,”) is dropped.
fn clean_quote_text(text: &str) -> String {
    let text = text.trim();
    let before_comma = text.strip_suffix(',').map(str::trim_end);
    match before_comma {
        Some(rest) if rest.len() + 1 < text.len() && rest.ends_with(['?', '!', '.']) => {
            rest.to_string()
        }
        _ => text.to_string(),
    }
}

/// "…," he said / the UN chief said / Mr. Ban told / Ban explained
static SPEAKER_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^[\s,;:.!?—–-]*(?:(?P<who>(?i:{pronouns})|the\s+[\p{{L}}'’ -]{{1,40}}?)|(?:[\p{{Ll}}'’-]+\s+){{0,3}}(?P<named>(?:(?:Mr|Ms|Mrs|Mme|Dr|Prof)\.?\s+)?\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,5}}))(?:,\s+(?i:the|a|an|his|her|their|its|who|whose)\s[^,“”"«»]{{1,80}},)?\s+(?:(?i:also|then|later|further)\s+)?(?:{verbs})\b"#,
        verbs = data::SPEECH_VERBS.alternation(),
        pronouns = data::PRONOUNS.alternation()
    ))
});
/// "…," the council's director-general, Rafael Ortega Vidal, told reporters.
static ROLE_NAME_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^[\s,;:.!?—–-]*(?i:the|a|an|his|her|their|its)\s[^,“”"«»]{{1,60}},\s+(?P<who>\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}\.)?(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{1,3}}),\s+(?:(?i:also|then|later)\s+)?(?:{verbs})\b"#,
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "…," said the Minister of Digital Affairs, Ingrid Solberg Haugen.
static VERB_THEN_ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"^[\s,;:.!?—–-]*(?:{verbs})\s+(?:the|la|el|le|les|los|las)\s+[^,“”"«»]{{1,80}},\s+(?P<who>\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}\.)?(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{1,3}})"#,
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "…," said Mr. Ban
static VERB_THEN_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^[\s,;:.!?—–-]*(?:{verbs})\s+(?:(?:à|a)\s+l['’]\p{{Lu}}{{2,}}\s+|to\s+\p{{Lu}}{{2,}}\s+)?(?:(?P<who>the\s+[\p{{L}}'’ -]{{1,40}}?)|(?:[\p{{Ll}}'’-]+\s+){{0,3}}(?P<named>(?:(?:Mr|Ms|Mrs|Mme|Dr|Prof)\.?\s+|M\.\s+)?\p{{Lu}}[\p{{L}}'’-]*(?:\s+\p{{Lu}}[\p{{L}}'’-]*){{0,3}}))(?:[\s,.;:]|$)",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "noted that", "said:" — a speech verb that introduces reported words.
static SPEECH_VERB_THAT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{verbs}|stating|saying|adding|noting)\s*(?:that\b|:|,)",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// A speaker the text describes by role alone: "the representative of France", "the
/// delegate of Peru".
static UNNAMED_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?i:the\s+(?:representative|delegate|observer|speaker|ambassador|envoy|spokesperson|spokesman|spokeswoman)\s+(?:of|for|from)\s+(?:the\s+)?)\p{Lu}",
    )
});
/// "«…», ha aggiunto", "«…», dijo": a speech verb with its subject left unsaid, as
/// Italian and Spanish allow; the speaker is the one in context.
static VERB_WITHOUT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^[\s,;:.!?—–-]*(?:{verbs})\s*(?:[,.;:]|$)",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "the Secretary-General", "the Minister": an office the text may give to a named person.
static THE_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\bthe\s+(?P<office>(?:{offices}))\b",
        offices = data::OFFICES.alternation()
    ))
});
static PRONOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:he|she|according to (?:him|her)|selon (?:lui|elle)|secondo (?:lui|lei)|según (?:él|ella))\b",
    )
});
/// A word before a full stop that ends no sentence: an abbreviation or an initial.
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:\b(?:{abbreviations})|\b\p{{Lu}})$",
        abbreviations = data::ABBREVIATIONS.alternation()
    ))
});

/// A paragraph that ends by introducing the quote below it: "…, said:", "… put it simply
/// at the closing:".
static INTRODUCES_QUOTE: LazyLock<Regex> = LazyLock::new(|| compile(r":\s*$"));

/// The text of the sentence before `at`: from the last sentence end up to `at`.
fn sentence_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let mut start = 0;
    for (i, c) in head.char_indices() {
        if matches!(c, '.' | '?' | '!') {
            let after = &head[i + 1..];
            let stops = after.starts_with(' ') && !ABBREVIATION.is_match(&head[..i]);
            if stops {
                start = i + 1;
            }
        }
    }
    &head[start..]
}

/// Who a quote is attributed to, if the text says.
enum Attribution {
    Person(String),
    /// A pronoun or a role ("he", "the UN chief"): the speaker in context.
    Contextual,
}

fn who_to_attribution(who: &str, people: &[String], paragraphs: &[&str]) -> Option<Attribution> {
    let lower = who.to_lowercase();
    if lower.starts_with("the ") {
        // "the Under-Secretary-General added": whoever the text gave that office.
        let office = THE_OFFICE
            .captures(who)
            .and_then(|c| c.name("office"))
            .and_then(|o| person_by_office(o.as_str(), paragraphs, people));
        return Some(office.map_or(Attribution::Contextual, |p| {
            Attribution::Person(p.to_string())
        }));
    }
    if data::PRONOUNS.contains(&lower) {
        return Some(Attribution::Contextual);
    }
    if let Some(person) = resolve_mention(who, people) {
        return Some(Attribution::Person(person.to_string()));
    }
    // "Ellen told us" after "When Ellen Marsh decided …": the full name the text gave.
    if !who.contains(' ') && who.starts_with(char::is_uppercase) {
        if let Some(full) = full_name_with(who, paragraphs) {
            return Some(Attribution::Person(full));
        }
    }
    // A capitalised word before "said" that is no known person, such as "Officials", is not a name.
    clean_name(who, &[]).map(Attribution::Person)
}

/// A two-word name in `paragraphs` that begins with `word` ("Ellen" → "Ellen Marsh").
fn full_name_with(word: &str, paragraphs: &[&str]) -> Option<String> {
    paragraphs.iter().find_map(|text| {
        word_starts(text, word).find_map(|at| {
            let next = text[at + word.len()..]
                .strip_prefix(' ')?
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .next()?;
            (next.starts_with(char::is_uppercase) && next.len() > 1)
                .then(|| clean_name(&format!("{word} {next}"), &[]))
                .flatten()
        })
    })
}

/// Attributes each span to a speaker: a speech verb next to the quote, else a person
/// named earlier in the same sentence, else the speaker of the quote before it.
/// `main_person` answers roles and pronouns when no quote has been attributed yet.
pub fn attribute(
    spans: &[QuotedSpan],
    paragraphs: &[&str],
    people: &[String],
    main_person: Option<&str>,
) -> Vec<Option<String>> {
    let mut last: Option<String> = None;
    let mut speakers = Vec::with_capacity(spans.len());
    let mut previous: Option<&QuotedSpan> = None;
    for span in spans {
        // “…,” she said. “…” — the second quote, right after an attributed one, is the same
        // person's, however short.
        let continues = previous.is_some_and(|p| {
            p.end_paragraph == span.paragraph
                && p.close_at <= span.open_at
                && paragraphs[span.paragraph][p.close_at..span.open_at]
                    .chars()
                    .count()
                    <= 60
                && !paragraphs[span.paragraph][p.close_at..span.open_at].contains(['“', '"'])
        }) && last.is_some();
        previous = Some(span);
        let after = &paragraphs[span.end_paragraph][span.close_at..];
        let after = &after[..after
            .len()
            .min(after.char_indices().nth(90).map_or(after.len(), |(i, _)| i))];
        let before = sentence_before(paragraphs[span.paragraph], span.open_at);
        let paragraph_before = &paragraphs[span.paragraph][..span.open_at];
        // Who the paragraph names before the quote: looked up at most once.
        let mentioned = std::cell::OnceCell::new();
        let mentioned_before =
            || *mentioned.get_or_init(|| last_mentioned(paragraph_before, people));
        let attribution = SPEAKER_THEN_VERB
            .captures(after)
            .or_else(|| ROLE_NAME_THEN_VERB.captures(after))
            .or_else(|| VERB_THEN_ROLE_NAME.captures(after))
            .or_else(|| VERB_THEN_SPEAKER.captures(after))
            .and_then(|c| {
                c.name("who")
                    .or_else(|| c.name("named"))
                    .and_then(|w| who_to_attribution(w.as_str(), people, paragraphs))
            })
            .or_else(|| last_mentioned(before, people).map(|p| Attribution::Person(p.to_string())))
            .or_else(|| {
                // "Rural Affairs Minister Lucy Pemberton said:" on its own, then the quote.
                let introduction = paragraphs.get(span.paragraph.checked_sub(1)?)?;
                (span.open_at == 0 && INTRODUCES_QUOTE.is_match(introduction))
                    .then(|| last_mentioned(introduction, people))?
                    .map(|p| Attribution::Person(p.to_string()))
            })
            .or_else(|| {
                // A quote that opens a sentence after one about someone ("Mariama Sarr …
                // remains sceptical. « … »") is theirs, as is one after "he said".
                (PRONOUN_BEFORE.is_match(before)
                    || SPEECH_VERB_THAT.is_match(before)
                    || VERB_WITHOUT_SUBJECT.is_match(after)
                    || (before.trim().is_empty() && mentioned_before().is_some()))
                .then_some(Attribution::Contextual)
            });
        let speaker = match attribution {
            Some(Attribution::Person(p)) => Some(p),
            None if continues => last.clone(),
            Some(Attribution::Contextual) => {
                // "he said": the last speaker if this paragraph still speaks of them, else
                // the person it last named.
                let last_here = last
                    .as_deref()
                    .is_some_and(|l| resolve_in(paragraph_before, l, people));
                // "the Secretary-General said …": the person the text gives that office.
                let named_here = mentioned_before().or_else(|| {
                    let office = THE_OFFICE.captures_iter(paragraph_before).last()?;
                    person_by_office(office.name("office")?.as_str(), paragraphs, people)
                });
                // "The representative of France said …", "said the representative of
                // France": someone the text does not name.
                let unnamed_here =
                    UNNAMED_ROLE.is_match(paragraph_before) || UNNAMED_ROLE.is_match(after);
                // The paragraph before, when this one names nobody: "Mr. Guterres also
                // called for …" then "“…,” he said."
                let named_before = span
                    .paragraph
                    .checked_sub(1)
                    .and_then(|p| last_mentioned(paragraphs[p], people));
                match (last_here, named_here) {
                    (false, Some(named)) => Some(named.to_string()),
                    (false, None) if unnamed_here => None,
                    (false, None) if named_before.is_some() => named_before.map(str::to_string),
                    _ => last.clone().or_else(|| main_person.map(str::to_string)),
                }
            }
            // An unattributed full sentence in quotes continues the last speaker; a short
            // phrase in quotes ("a “call for action” by the chair") is nobody's speech.
            None if looks_like_speech(&span.text) => last.clone(),
            None => None,
        };
        if speaker.is_some() {
            last.clone_from(&speaker);
        }
        speakers.push(speaker);
    }
    speakers
}

/// Whether `text` mentions `person` (by any part of their name).
fn resolve_in(text: &str, person: &str, people: &[String]) -> bool {
    crate::load::people::mentions(text, people).contains(&person)
}

/// A quote that reads as someone's sentence rather than a quoted term.
pub fn looks_like_speech(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase) && crate::text::word_count(text) >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        find_quoted_spans(paragraphs)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn german_low_quotes_close_with_a_high_mark() {
        assert_eq!(
            texts(&["„Wir fahren mehr Einsätze“, sagte er. „Das geht nicht.”"]),
            vec!["Wir fahren mehr Einsätze", "Das geht nicht."]
        );
    }

    #[test]
    fn nested_curly_quotes_stay_inside_the_outer_quote() {
        let p = "“Taking away the international “eyes and ears” on the ground,” Mr. Ban told the conference.";
        assert_eq!(
            texts(&[p]),
            vec!["Taking away the international “eyes and ears” on the ground,"]
        );
    }

    #[test]
    fn straight_quotes_pair_up() {
        let p = r#""We pay tribute," the UN chief said, calling them "breakthroughs against impunity"."#;
        assert_eq!(
            texts(&[p]),
            vec!["We pay tribute,", "breakthroughs against impunity"]
        );
    }

    #[test]
    fn a_quote_runs_on_over_paragraphs() {
        let ps = [
            "“The world often proves reluctant to act.",
            "“But is that reason to look away?” he said.",
        ];
        assert_eq!(
            texts(&ps),
            vec!["The world often proves reluctant to act. But is that reason to look away?"]
        );
    }

    #[test]
    fn a_stranded_comma_after_the_closing_punctuation_is_dropped() {
        assert_eq!(
            texts(&["“Is that not an echo? ,” he said. “Yes,” she said."]),
            ["Is that not an echo?", "Yes,"]
        );
    }

    #[test]
    fn stray_marks_do_not_swallow_the_text() {
        let ps = ["He said “this", "b", "c", "d", "e", "f “real quote here” g"];
        assert_eq!(texts(&ps), vec!["real quote here"]);
    }

    #[test]
    fn speakers_come_from_verbs_names_and_context() {
        let people = vec!["Ban Ki-moon".to_string(), "Jane Doe".to_string()];
        let paragraphs = [
            "“First quote here,” Mr. Ban told the meeting.",
            "“Second quote here,” he added.",
            "“Third quote here,” said Jane Doe.",
            "In his speech, Ban called them “breakthroughs against impunity”.",
            "The meeting will end with a “call for action” by the chair.",
        ];
        let spans = find_quoted_spans(&paragraphs);
        let speakers = attribute(&spans, &paragraphs, &people, Some("Ban Ki-moon"));
        let want = [
            Some("Ban Ki-moon"),
            Some("Ban Ki-moon"),
            Some("Jane Doe"),
            Some("Ban Ki-moon"),
            None,
        ];
        assert_eq!(
            speakers,
            want.iter()
                .map(|s| s.map(str::to_string))
                .collect::<Vec<_>>()
        );
    }

    /// The speaker of the one quote in `paragraphs`.
    fn speaker(paragraphs: &[&str], main_person: Option<&str>) -> Option<String> {
        let people = ["Jane Okafor".to_string()];
        let spans = find_quoted_spans(paragraphs);
        attribute(&spans, paragraphs, &people, main_person)
            .into_iter()
            .next()
            .flatten()
    }

    #[test]
    fn every_speech_verb_attributes_a_quote() {
        let quote = "“We will build the new clinic this year,”";
        for verb in data::SPEECH_VERBS.iter() {
            let paragraph = format!("{quote} {verb} Jane Okafor.");
            assert_eq!(
                speaker(&[&paragraph], None).as_deref(),
                Some("Jane Okafor"),
                "{paragraph}"
            );
        }
        assert_eq!(
            speaker(&[&format!("{quote} whispered Jane Okafor.")], None),
            None
        );
    }

    #[test]
    fn every_pronoun_stands_for_the_speaker_in_context() {
        let quote = "“We will build the new clinic this year,”";
        for pronoun in data::PRONOUNS.iter() {
            let paragraph = format!("{quote} {} said.", pronoun.to_uppercase());
            let found = speaker(&[&paragraph], Some("Jane Okafor"));
            assert_eq!(found.as_deref(), Some("Jane Okafor"), "{paragraph}");
        }
        let paragraph = format!("{quote} Gardener said.");
        assert_eq!(speaker(&[&paragraph], Some("Jane Okafor")), None);
    }

    #[test]
    fn every_office_names_the_person_the_text_gives_it_to() {
        let people = ["Jane Okafor".to_string()];
        for office in data::OFFICES.iter() {
            let text = format!("“We will act,” the {office} said.");
            let found = THE_OFFICE
                .captures(&text)
                .and_then(|c| c.name("office"))
                .map(|m| m.as_str());
            assert_eq!(found, Some(office), "{text}");
            let named = format!("{office} Jane Okafor opened the session.");
            assert_eq!(
                person_by_office(office, &[&named], &people),
                Some("Jane Okafor"),
                "{named}"
            );
        }
    }

    #[test]
    fn no_sentence_ends_at_an_abbreviation() {
        for abbreviation in data::ABBREVIATIONS.iter() {
            let text = format!("They met {abbreviation}. Okafor there");
            assert_eq!(sentence_before(&text, text.len()), text, "{text}");
        }
        assert_eq!(
            sentence_before("They met them. Okafor there", 27),
            " Okafor there"
        );
    }

    #[test]
    fn a_quote_with_no_one_to_attribute_it_to_has_no_speaker() {
        let paragraphs = ["The conference will end with a “call for action” by the chair."];
        let spans = find_quoted_spans(&paragraphs);
        assert_eq!(
            attribute(&spans, &paragraphs, &[], Some("Ban Ki-moon")),
            vec![None]
        );
    }
}
