//! Whose a quote is: a speech verb and a name next to it, a person named before it, or
//! the speaker in context ("he said", "the Minister added").

use super::{looks_like_speech, QuotedSpan};
use crate::load::data;
use crate::load::fields::people::{
    clean_name, last_mentioned, mentions, person_by_office, resolve_mention, word_starts,
};
use crate::load::pattern::compile;
use regex::Regex;
use std::sync::LazyLock;

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
/// A pronoun in the sentence before a quote ("he", "according to her", "selon lui"):
/// the quote is the speaker's in context.
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
        let continues =
            previous.is_some_and(|p| close_after(p, span, paragraphs)) && last.is_some();
        previous = Some(span);
        let around = Around::new(span, paragraphs, people);
        let speaker = match around.attribution() {
            Some(Attribution::Person(p)) => Some(p),
            None if continues => last.clone(),
            Some(Attribution::Contextual) => {
                around.speaker_in_context(last.as_deref(), main_person)
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

/// Whether `span` opens a few words after `previous` closed, in the same paragraph and
/// with no other quote between them.
fn close_after(previous: &QuotedSpan, span: &QuotedSpan, paragraphs: &[&str]) -> bool {
    previous.end_paragraph == span.paragraph
        && previous.close_at <= span.open_at
        && paragraphs[span.paragraph][previous.close_at..span.open_at]
            .chars()
            .count()
            <= 60
        && !paragraphs[span.paragraph][previous.close_at..span.open_at].contains(['“', '"'])
}

/// A quote and the words around it that may say whose it is.
struct Around<'a> {
    span: &'a QuotedSpan,
    paragraphs: &'a [&'a str],
    people: &'a [String],
    /// The first words after the closing mark.
    after: &'a str,
    /// The sentence before the opening mark.
    before: &'a str,
    /// The paragraph up to the opening mark.
    paragraph_before: &'a str,
    /// Who the paragraph names before the quote: looked up at most once.
    mentioned: std::cell::OnceCell<Option<&'a str>>,
}

impl<'a> Around<'a> {
    fn new(span: &'a QuotedSpan, paragraphs: &'a [&'a str], people: &'a [String]) -> Self {
        let after = &paragraphs[span.end_paragraph][span.close_at..];
        let after = &after[..after
            .len()
            .min(after.char_indices().nth(90).map_or(after.len(), |(i, _)| i))];
        Around {
            span,
            paragraphs,
            people,
            after,
            before: sentence_before(paragraphs[span.paragraph], span.open_at),
            paragraph_before: &paragraphs[span.paragraph][..span.open_at],
            mentioned: std::cell::OnceCell::new(),
        }
    }

    fn mentioned_before(&self) -> Option<&'a str> {
        *self
            .mentioned
            .get_or_init(|| last_mentioned(self.paragraph_before, self.people))
    }

    /// Who the words around the quote say spoke it, if anyone.
    fn attribution(&self) -> Option<Attribution> {
        let (after, before, people, paragraphs) =
            (self.after, self.before, self.people, self.paragraphs);
        SPEAKER_THEN_VERB
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
                let introduction = paragraphs.get(self.span.paragraph.checked_sub(1)?)?;
                (self.span.open_at == 0 && INTRODUCES_QUOTE.is_match(introduction))
                    .then(|| last_mentioned(introduction, people))?
                    .map(|p| Attribution::Person(p.to_string()))
            })
            .or_else(|| {
                // A quote that opens a sentence after one about someone ("Mariama Sarr …
                // remains sceptical. « … »") is theirs, as is one after "he said".
                (PRONOUN_BEFORE.is_match(before)
                    || SPEECH_VERB_THAT.is_match(before)
                    || VERB_WITHOUT_SUBJECT.is_match(after)
                    || (before.trim().is_empty() && self.mentioned_before().is_some()))
                .then_some(Attribution::Contextual)
            })
    }

    /// "he said": the last speaker if this paragraph still speaks of them, else the
    /// person it last named.
    fn speaker_in_context(&self, last: Option<&str>, main_person: Option<&str>) -> Option<String> {
        let (people, paragraphs) = (self.people, self.paragraphs);
        let last_here = last.is_some_and(|l| resolve_in(self.paragraph_before, l, people));
        // "the Secretary-General said …": the person the text gives that office.
        let named_here = self.mentioned_before().or_else(|| {
            let office = THE_OFFICE.captures_iter(self.paragraph_before).last()?;
            person_by_office(office.name("office")?.as_str(), paragraphs, people)
        });
        // "The representative of France said …", "said the representative of
        // France": someone the text does not name.
        let unnamed_here =
            UNNAMED_ROLE.is_match(self.paragraph_before) || UNNAMED_ROLE.is_match(self.after);
        // The paragraph before, when this one names nobody: "Mr. Guterres also
        // called for …" then "“…,” he said."
        let named_before = self
            .span
            .paragraph
            .checked_sub(1)
            .and_then(|p| last_mentioned(paragraphs[p], people));
        match (last_here, named_here) {
            (false, Some(named)) => Some(named.to_string()),
            (false, None) if unnamed_here => None,
            (false, None) if named_before.is_some() => named_before.map(str::to_string),
            _ => last.or(main_person).map(str::to_string),
        }
    }
}

/// Whether `text` mentions `person` (by any part of their name).
fn resolve_in(text: &str, person: &str, people: &[String]) -> bool {
    mentions(text, people).contains(&person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::fields::quotes::find_quoted_spans;

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
