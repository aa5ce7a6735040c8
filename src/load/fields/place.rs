//! Where a text is from: the dateline's place, else an advisory's venue, else the
//! office a masthead names, else a place the headline names, else "in <place>" in a
//! sentence about an event, else the first "in <place>" early in the text. Places inside
//! quotes are what speakers talk about, not where they are.

use super::quotes::QuotedSpan;
use super::Reading;
use crate::load::date::standalone_date;
use crate::load::document::{Evidence, RemovalReason, RemovedLine};
use crate::load::lines::Line;
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use crate::text::word_count;
use regex::Regex;
use std::sync::LazyLock;

/// Why a place was taken from a masthead: the office that issued the text, which need not
/// be where a speech it reports was given.
pub const MASTHEAD_PLACE: &str = "the office named in the masthead";

/// "Venue:", "Where:": an advisory's place among its details.
static VENUE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:venue|place|location|where)\s*:"));

/// Words that make a sentence one about an event ("the conference in Nairobi").
static EVENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:conference|meeting|summit|session|forum|symposium|congress|ceremony|workshop|assembly|dialogue|talks|commemoration|event|visit)\b",
    )
});

/// The place of the text, and why; `spans` are the quotes found in its paragraphs.
pub(crate) fn place(reading: &Reading<'_>, spans: &[QuotedSpan]) -> Option<(String, Evidence)> {
    let rules = reading.rules;
    let paragraphs = &reading.paragraphs;
    reading
        .dateline
        .as_ref()
        .and_then(|(no, d)| d.place.clone().map(|p| (p, Evidence::at(*no, "dateline"))))
        .or_else(|| venue_place(paragraphs, rules))
        .or_else(|| masthead_place(&reading.found.removed, reading.body_from(), rules))
        .or_else(|| headline_place(reading.found.headline.as_ref(), rules))
        .or_else(|| {
            // Only now is the narration worth cutting out of every paragraph.
            let narration: Vec<(usize, String)> = paragraphs
                .iter()
                .enumerate()
                .map(|(index, (no, text))| (*no, outside_quotes(index, text, spans)))
                .collect();
            place_in_text(&narration, rules, true)
                .or_else(|| place_in_text(&narration[..narration.len().min(3)], rules, false))
        })
}

/// An advisory's "Venue: Press Briefing Room, United Nations Headquarters, New York":
/// the last known place on the line.
fn venue_place(paragraphs: &[(usize, &str)], rules: &Rules) -> Option<(String, Evidence)> {
    paragraphs.iter().find_map(|(no, paragraph)| {
        let details = VENUE_LABEL.find(paragraph)?;
        paragraph[details.end()..]
            .split([',', ';', '('])
            .rev()
            .find_map(|part| rules.place_at_start(part.trim()))
            .map(|place| {
                (
                    place.to_string(),
                    Evidence::at(*no, "the venue of the event"),
                )
            })
    })
}

/// A masthead above the text that ends in the issuing office's city: "Department of
/// Public Information • News and Media Division • New York".
fn masthead_place(
    removed: &[RemovedLine],
    body_from: usize,
    rules: &Rules,
) -> Option<(String, Evidence)> {
    removed
        .iter()
        .filter(|r| r.reason == RemovalReason::Masthead && r.line < body_from)
        .find_map(|r| {
            let last = r
                .text
                .split(['•', '|', '·'])
                .map(str::trim)
                .rfind(|s| !s.is_empty())?;
            let place = rules.place_named(last)?;
            Some((place.to_string(), Evidence::at(r.line, MASTHEAD_PLACE)))
        })
}

/// "Speech by … at the Blue Deltas Conference, Rotterdam, 12 March 2021": a known place
/// standing alone between the headline's commas.
fn headline_place(headline: Option<&Line>, rules: &Rules) -> Option<(String, Evidence)> {
    let headline = headline?;
    let segments: Vec<&str> = headline.text.split(',').map(str::trim).collect();
    segments
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(i, segment)| {
            // A known place, or a capitalised name the headline dates: "…, Rotterdam, 12
            // March 2021".
            let known = rules.place_named(segment).map(str::to_string);
            let dated_next = segments
                .get(i + 1)
                .is_some_and(|next| standalone_date(next).is_some());
            let named = (dated_next
                && (1..=3).contains(&word_count(segment))
                && segment
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)))
            .then(|| segment.to_string());
            known.or(named).map(|place| {
                (
                    place,
                    Evidence::at(headline.no, "the place the headline names"),
                )
            })
        })
}

/// The paragraph with every quoted span cut out (each replaced by "…"), so that only the
/// narrator's words remain.
fn outside_quotes(index: usize, text: &str, spans: &[QuotedSpan]) -> String {
    let mut narration = String::with_capacity(text.len());
    let mut from = 0;
    for span in spans
        .iter()
        .filter(|s| s.paragraph <= index && s.end_paragraph >= index)
    {
        let start = if span.paragraph == index {
            span.open_at
        } else {
            0
        };
        let end = if span.end_paragraph == index {
            span.close_at
        } else {
            text.len()
        };
        if start >= from
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            narration.push_str(&text[from..start]);
            narration.push('…');
            from = end;
        }
    }
    narration.push_str(&text[from..]);
    narration
}

/// The first "in <place>" in `paragraphs`; with `about_event`, only in sentences about
/// an event.
fn place_in_text(
    paragraphs: &[(usize, String)],
    rules: &Rules,
    about_event: bool,
) -> Option<(String, Evidence)> {
    for (no, paragraph) in paragraphs {
        for sentence in paragraph.split(". ") {
            if about_event && !EVENT_NOUN.is_match(sentence) {
                continue;
            }
            let mut rest = sentence;
            while let Some(at) = rest.find("in ") {
                let preceded_by_word = rest[..at].chars().last().is_some_and(char::is_alphanumeric);
                let after = &rest[at + 3..];
                if !preceded_by_word {
                    if let Some(place) = rules.place_at_start(after) {
                        let rule = if about_event {
                            "'in <place>' in a sentence about the event"
                        } else {
                            "'in <place>' early in the text"
                        };
                        return Some((place.to_string(), Evidence::at(*no, rule)));
                    }
                }
                rest = after;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;
    use crate::load::fields::quotes::find_quoted_spans;

    #[test]
    fn quotes_are_cut_out_of_the_narration() {
        let paragraph = "He said “we met in Beirut” in Nairobi.";
        let spans = find_quoted_spans(&[paragraph]);
        assert_eq!(
            outside_quotes(0, paragraph, &spans),
            "He said … in Nairobi."
        );
    }

    #[test]
    fn a_sentence_about_the_event_names_its_place_first() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        let text = "The weather was fine in Geneva. The conference in Nairobi ended.";
        let paragraphs = vec![(3, text.to_string())];
        let found = |about_event| place_in_text(&paragraphs, &rules, about_event).map(|p| p.0);
        assert_eq!(found(true).as_deref(), Some("Nairobi"));
        assert_eq!(found(false).as_deref(), Some("Geneva"));
    }
}
