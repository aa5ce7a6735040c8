//! The month and weekday names dates are read in, from `data/dates.toml`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Language {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct File {
    ambiguous: Vec<String>,
    #[serde(flatten)]
    languages: HashMap<String, Language>,
}

/// Every form of every month and weekday, lower case, with its number.
pub struct DateWords {
    /// Month forms and their month (1 = January), longest first, so that a pattern made
    /// of them prefers "March" to "Mar".
    pub months: Vec<(String, u8)>,
    /// Weekday forms and their day (0 = Monday), longest first.
    pub weekdays: Vec<(String, u8)>,
    /// Month words that are also common words.
    pub ambiguous: Vec<String>,
}

const FILE: &str = include_str!("../data/dates.toml");

/// The built-in date words.
pub static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    // The file is compiled in and read by the tests: it cannot fail here.
    let file: File = toml::from_str(FILE).unwrap_or_else(|e| panic!("data/dates.toml: {e}"));
    let mut months = Vec::new();
    let mut weekdays = Vec::new();
    let mut languages: Vec<(&String, &Language)> = file.languages.iter().collect();
    languages.sort_by_key(|(code, _)| *code);
    for (_, language) in languages {
        numbered(&language.months, 1, &mut months);
        numbered(&language.weekdays, 0, &mut weekdays);
    }
    for list in [&mut months, &mut weekdays] {
        list.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
        list.dedup();
    }
    DateWords {
        months,
        weekdays,
        ambiguous: file.ambiguous.iter().map(|w| w.to_lowercase()).collect(),
    }
});

fn numbered(names: &[Vec<String>], first: u8, out: &mut Vec<(String, u8)>) {
    for (number, forms) in (first..).zip(names) {
        out.extend(forms.iter().map(|f| (f.to_lowercase(), number)));
    }
}

impl DateWords {
    /// The month a word names.
    pub fn month(&self, word: &str) -> Option<u8> {
        let lower = word.to_lowercase();
        self.months
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, m)| *m)
    }

    /// The weekday a word names, by its whole form or a known abbreviation's start.
    pub fn weekday(&self, word: &str) -> Option<u8> {
        let lower = word.to_lowercase();
        self.weekdays
            .iter()
            .find(|(w, _)| *w == lower)
            .or_else(|| {
                self.weekdays
                    .iter()
                    .find(|(w, _)| w.starts_with(&lower) && lower.chars().count() >= 3)
            })
            .map(|(_, d)| *d)
    }

    /// A regex alternation of every form.
    pub fn alternation(list: &[(String, u8)]) -> String {
        list.iter()
            .map(|(w, _)| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_twelve_months_and_seven_days() {
        let file: File = toml::from_str(FILE).unwrap_or_else(|e| panic!("{e}"));
        for (code, language) in &file.languages {
            assert_eq!(language.months.len(), 12, "{code}");
            assert_eq!(language.weekdays.len(), 7, "{code}");
        }
        for word in &file.ambiguous {
            assert!(
                DATE_WORDS.month(word).is_some(),
                "ambiguous word {word} is no month"
            );
        }
    }
}
