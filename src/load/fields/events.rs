//! The events a text names: conferences, meetings and summits.

use crate::load::pattern::compile;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// A named event: capitalised words around an event noun ("International Conference on
/// Genocide Prevention", "High-level Conference on Health Solidarity 12").
static EVENT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:\p{{Lu}}[\p{{L}}'’-]*\s+){{0,5}}(?:{nouns})\b(?:\s+(?:on|of|for|to|against)\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}'’-]*|\d+)(?:\s+(?:(?:and|of|on|for|the)\s+)?(?:\p{{Lu}}[\p{{L}}'’-]*|\d+))*)?",
        nouns = EVENT_NOUN_WORDS.join("|")
    ))
});

/// Bodies that sit all year: one names an event only with what it is on or for ("World
/// Congress on Information Technology"), never as "U.S. Congress" or "the Congress of
/// the United States".
const STANDING_BODIES: &[&str] = &["Congress", "Assembly"];
/// Words after an event noun that make it the legislature's: a "conference report" is a
/// bill, a "conference committee" a group of members.
const LEGISLATIVE_USES: &[&str] = &["report", "committee", "vote", "agreement"];

/// Whether a match of [`EVENT_NAME`], followed by `after`, names an event.
fn names_an_event(name: &str, after: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(noun) = words.iter().rposition(|w| EVENT_NOUN_WORDS.contains(w)) else {
        return false;
    };
    let complement = &words[noun + 1..];
    if STANDING_BODIES.contains(&words[noun]) {
        let of_the_country =
            complement.len() >= 3 && complement[1] == "the" && complement[2] == "United";
        return matches!(complement.first(), Some(&("on" | "of" | "for"))) && !of_the_country;
    }
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    !(complement.is_empty()
        && after.starts_with(char::is_whitespace)
        && LEGISLATIVE_USES
            .iter()
            .any(|u| u.eq_ignore_ascii_case(next)))
}

/// The nouns an event's name is made around.
const EVENT_NOUN_WORDS: &[&str] = &[
    "Conference",
    "Summit",
    "Meeting",
    "Forum",
    "Session",
    "Symposium",
    "Congress",
    "Dialogue",
    "Workshop",
    "Ceremony",
    "Commemoration",
    "Assembly",
];

/// Names of conferences, meetings and summits, in order of first mention.
pub(crate) fn event_names(paragraphs: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // Every name holds one of the nouns as written: a paragraph without any is passed
    // over before the costlier pattern runs.
    let may_name = |p: &&&str| EVENT_NOUN_WORDS.iter().any(|noun| p.contains(noun));
    for paragraph in paragraphs
        .iter()
        .filter(may_name)
        .filter(|p| !title_case(p))
    {
        for m in EVENT_NAME.find_iter(paragraph) {
            let name = m.as_str().trim();
            if !names_an_event(name, &paragraph[m.end()..]) {
                continue;
            }
            let name = name.trim_start_matches("The ").trim();
            let capitalised = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            if capitalised >= 2 && !names.iter().any(|n| fold(n) == fold(name)) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Whether nearly every word of a text is capitalised, "of" and "for" too (a Title Case
/// or ALL CAPS headline): there capitals mark no name, and any run of words around
/// "Meeting" would read as one ("Emanuel Illinois Members Ask For Meeting").
fn title_case(text: &str) -> bool {
    let (capitalised, words) = crate::load::lines::capitalised_words(text);
    words >= 5 && capitalised * 10 >= words * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_named_once_in_order_of_mention() {
        let paragraphs = [
            "The Secretary-General addressed the International Conference on Genocide Prevention.",
            "The International Conference on Genocide Prevention and the Forum on Water met.",
        ];
        assert_eq!(
            event_names(&paragraphs),
            [
                "International Conference on Genocide Prevention",
                "Forum on Water"
            ]
        );
    }

    #[test]
    fn a_name_that_merely_begins_with_an_event_noun_names_no_event() {
        let paragraphs = ["Sen. Jeff Sessions spoke at the Alabama Farmers Federation."];
        assert!(event_names(&paragraphs).is_empty());
    }

    #[test]
    fn a_title_case_headline_names_no_event() {
        let paragraphs = [
            "Emanuel, Illinois Members Ask For Meeting With Federal Aviation Officials",
            "The members asked for a meeting with the agency.",
        ];
        assert!(event_names(&paragraphs).is_empty());
    }

    #[test]
    fn the_legislature_and_its_conference_reports_are_no_events() {
        let paragraphs = [
            "The U S Congress must act, and the Congress of the United States will vote.",
            "Co-sponsors said the PATRIOT Act Conference Report is unacceptable.",
        ];
        assert!(event_names(&paragraphs).is_empty());
        let paragraphs = ["She spoke at the World Congress on Information Technology."];
        assert_eq!(
            event_names(&paragraphs),
            ["World Congress on Information Technology"]
        );
    }
}
