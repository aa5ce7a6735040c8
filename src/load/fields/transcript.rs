//! Transcripts: paragraphs that open with a speaker's label ("THE PRESIDENT:", "Anatoly
//! Sedykh:", "Q") are turns of a recorded exchange, and each label names a speaker.

use super::people::{clean_name, person_by_office, resolve_mention};
use crate::load::pattern::compile;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// "GOVERNOR OKAFOR:  Good morning", "Arseny Volkov: And the water mains?", "Q    Mr.
/// President, …": a label, then the turn.
static TURN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?P<caps>(?:THE\s+)?\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3})|(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+(?:de|da|van|von|der|al|bin|te)?\s*\p{Lu}[\p{L}.'’-]+){1,3}))\s*:\s+\S|^(?P<question>Q)(?:\s*:\s+|\s{2,})\S",
    )
});

/// Fewer labelled paragraphs than this are labels of another kind ("Venue: …").
const MIN_TURNS: usize = 3;

/// What the turns of a transcript say about it.
#[derive(Debug, Default)]
pub struct Turns {
    /// The people the labels name, in order of first turn, as `people` writes them.
    pub speakers: Vec<String>,
    /// Labelled paragraphs, questions from the floor included.
    pub count: usize,
}

/// The turns in `paragraphs`, if they read as a transcript: at least three labelled
/// paragraphs, by two labelled speakers or by one speaker answering questions.
/// `context` (the headline and the paragraphs) resolves labels such as "THE PRESIDENT"
/// through the name the text gives that office ("President Harlan").
pub fn find_turns(paragraphs: &[&str], people: &[String], context: &[&str]) -> Option<Turns> {
    let mut labels: Vec<(String, usize)> = Vec::new();
    let mut count = 0;
    let mut questions = 0;
    for paragraph in paragraphs {
        let Some(caps) = TURN_LABEL.captures(paragraph) else {
            continue;
        };
        count += 1;
        if caps.name("question").is_some() {
            questions += 1;
            continue;
        }
        let label = caps
            .name("caps")
            .or_else(|| caps.name("name"))
            .map_or("", |m| m.as_str().trim());
        match labels.iter_mut().find(|(l, _)| l == label) {
            Some((_, turns)) => *turns += 1,
            None => labels.push((label.to_string(), 1)),
        }
    }
    // A label in mixed case that speaks once and names nobody the text knows is a field
    // label ("Next Post: …"), not a speaker.
    labels.retain(|(label, turns)| {
        *turns > 1
            || label.chars().all(|c| !c.is_lowercase())
            || resolve_mention(label, people).is_some()
    });
    let enough = count >= MIN_TURNS && (labels.len() >= 2 || (labels.len() == 1 && questions > 0));
    if !enough {
        return None;
    }
    let mut speakers: Vec<String> = Vec::new();
    for (label, _) in &labels {
        if let Some(person) = label_person(label, people, context) {
            if !speakers.iter().any(|s| fold(s) == fold(&person)) {
                speakers.push(person);
            }
        }
    }
    Some(Turns { speakers, count })
}

/// The person a label names: a known person ("GOVERNOR OKAFOR" is Adaeze Okafor), a new
/// full name ("Arseny Volkov"), or the person the text names by the label's office ("THE
/// PRESIDENT" is whoever "President …" names).
fn label_person(label: &str, people: &[String], context: &[&str]) -> Option<String> {
    let written = super::dateline::title_case(label);
    let written = written.strip_prefix("The ").unwrap_or(&written);
    if let Some(person) = resolve_mention(written, people) {
        return Some(person.to_string());
    }
    if written.split_whitespace().count() == 1 {
        // An office alone: the person the text gives it to.
        return person_by_office(written, context, people).map(str::to_string);
    }
    clean_name(written, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_speakers_of_a_transcript() {
        let people = vec!["Thomas Harlan".to_string(), "Adaeze Okafor".to_string()];
        let paragraphs = [
            "GOVERNOR OKAFOR:  Good morning, everybody.",
            "THE PRESIDENT:  Thank you. I want to thank Governor Adaeze Okafor.",
            "Q    Mr. President, why only $212 million?",
            "THE PRESIDENT:  Because that is what has been inspected.",
        ];
        let context = ["Remarks by President Harlan and Governor Okafor"];
        let turns = find_turns(&paragraphs, &people, &context);
        assert_eq!(
            turns.map(|t| t.speakers),
            Some(vec![
                "Adaeze Okafor".to_string(),
                "Thomas Harlan".to_string()
            ])
        );
    }

    #[test]
    fn full_name_labels_are_speakers_even_when_unknown() {
        let paragraphs = [
            "Arseny Volkov: Let us begin with the floods.",
            "Anatoly Sedykh: We have reinforced dams at 14 sites.",
            "Arseny Volkov: Good.",
        ];
        let turns = find_turns(&paragraphs, &["Anatoly Sedykh".to_string()], &[]);
        assert_eq!(
            turns.map(|t| t.speakers),
            Some(vec![
                "Arseny Volkov".to_string(),
                "Anatoly Sedykh".to_string()
            ])
        );
    }

    #[test]
    fn a_few_labelled_lines_are_no_transcript() {
        let paragraphs = [
            "Venue: Palais des Nations, Geneva.",
            "The minister spoke about water.",
            "Media Contact: Jane Roe, press office.",
        ];
        assert!(find_turns(&paragraphs, &[], &[]).is_none());
    }
}
