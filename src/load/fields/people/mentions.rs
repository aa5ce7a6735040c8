//! Resolving partial mentions of a person ("Mr. Ban", "Ban", "the President") to the
//! full names a text gives.

use super::names::{is_name_word, is_title_word, name_tokens};
use super::patterns::NAME_TOKEN;
use crate::load::data;
use crate::load::pattern::compile;
use regex::Regex;
use std::sync::LazyLock;

/// A mention of a person: a name or part of one, with its honorific.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?{NAME_TOKEN}(?:\s+(?:(?:{particles})\s+)?{NAME_TOKEN}){{0,3}}",
        particles = data::PARTICLES.alternation()
    ))
});

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
}
