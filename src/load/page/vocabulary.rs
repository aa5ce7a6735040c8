//! The words of page furniture around an article, read from `data/page.toml`.

use crate::load::pattern::compile;
use crate::text::fold;
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct File {
    share_words: Vec<String>,
    byline_words: Vec<String>,
    relative_time: Vec<String>,
    end_headings: Vec<String>,
    link_headings: Vec<String>,
    consent_words: Vec<String>,
}

/// The page vocabulary, folded and compiled.
pub struct Vocabulary {
    share_words: HashSet<String>,
    byline: Regex,
    relative_time: Regex,
    end_headings: Vec<String>,
    link_headings: Vec<String>,
    consent: Regex,
}

/// A consent banner's line has at most this many words.
const CONSENT_WORDS: usize = 50;

/// The built-in vocabulary.
pub static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../data/page.toml")).unwrap_or_else(|e| {
        // The file is compiled in and covered by tests: this cannot fail at run time.
        panic!("data/page.toml: {e}")
    });
    Vocabulary::new(file)
});

fn alternatives(words: &[String]) -> String {
    let mut folded: Vec<String> = words.iter().map(|w| regex::escape(&fold(w))).collect();
    // Longest first, so "last modified" wins over "modified".
    folded.sort_by_key(|w| std::cmp::Reverse(w.len()));
    folded.join("|")
}

impl Vocabulary {
    fn new(file: File) -> Self {
        Vocabulary {
            share_words: file.share_words.iter().map(|w| fold(w)).collect(),
            byline: compile(&format!(r"^(?:{})\s+\S", alternatives(&file.byline_words))),
            relative_time: compile(&format!(
                r"\b\d{{1,3}}\s*(?:h|hrs?|hours?|min|mins|minutes?|days?|d)\s+(?:{0})\b|\b(?:{0})\s+\d{{1,3}}\s*\p{{L}}",
                alternatives(&file.relative_time)
            )),
            end_headings: file.end_headings.iter().map(|w| fold(w)).collect(),
            link_headings: file.link_headings.iter().map(|w| fold(w)).collect(),
            consent: compile(&format!(r"\b(?:{})\b", alternatives(&file.consent_words))),
        }
    }

    /// A row of share buttons: "Share  Tweet  Email", "Share on Facebook", "Sdílet článek".
    pub fn is_share_row(&self, text: &str) -> bool {
        let folded = fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || "|·•:,/".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        (1..=8).contains(&words.len())
            && words
                .iter()
                .all(|w| self.share_words.contains(*w) || w.chars().all(|c| c.is_ascii_digit()))
    }

    /// "By Jane Doe", "par Jean Dupont": a byline's opening word and a name.
    pub fn opens_byline(&self, text: &str) -> bool {
        self.byline.is_match(&fold(text.trim()))
    }

    /// "1 day ago", "il y a 2 heures", "před 2 hodinami".
    pub fn has_relative_time(&self, text: &str) -> bool {
        self.relative_time.is_match(&fold(text))
    }

    /// A heading after which the page has left the article ("Comments", "Most read",
    /// "Kommentare"); a trailing '*' matches any ending.
    pub fn is_end_heading(&self, text: &str) -> bool {
        matches_heading(&self.end_headings, text)
    }

    /// A consent banner's line: short, about cookies, and speaking to the reader ("We use
    /// cookies to …", "Accept all cookies", "Diese Seite benutzt Cookies. Wenn Sie …").
    pub fn is_consent_notice(&self, text: &str) -> bool {
        let folded = fold(text);
        let words = folded.split_whitespace().count();
        words <= CONSENT_WORDS
            && folded.contains("cookie")
            && (words <= 4 || self.consent.is_match(&folded))
    }

    /// The heading of a box of links a page may set inside its article ("Related
    /// stories", "Sur le même sujet").
    pub fn is_link_heading(&self, text: &str) -> bool {
        matches_heading(&self.link_headings, text)
    }
}

/// Whether `text`, folded, is one of `headings`: "Comments (12)" and "Related:" count,
/// "941 comments" (a count beside a byline) does not.
fn matches_heading(headings: &[String], text: &str) -> bool {
    let folded = fold(text.trim());
    let folded = folded
        .trim_end_matches(|c: char| c.is_ascii_digit() || "():»›> ".contains(c))
        .trim();
    headings.iter().any(|h| match h.strip_suffix('*') {
        Some(prefix) => folded.starts_with(prefix),
        None => folded == h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_read() {
        let v = &*VOCABULARY;
        let file: File =
            toml::from_str(include_str!("../data/page.toml")).unwrap_or_else(|e| panic!("{e}"));
        for w in &file.share_words {
            assert!(v.is_share_row(w), "share word {w}");
        }
        for w in &file.byline_words {
            assert!(v.opens_byline(&format!("{w} Jane Doe")), "byline word {w}");
        }
        for w in &file.end_headings {
            let heading = w.replace('*', "the region");
            assert!(v.is_end_heading(&heading), "end heading {w}");
        }
        for w in &file.link_headings {
            assert!(v.is_link_heading(w), "link heading {w}");
        }
        for w in &file.consent_words {
            assert!(
                v.is_consent_notice(&format!("{w} cookies and more words here to read")),
                "{w}"
            );
        }
        assert!(v.is_consent_notice("Diese Seite benutzt Cookies. Wenn Sie die Seite weiter nutzen, stimmen Sie der Verwendung von Cookies zu."));
        assert!(!v.is_consent_notice(
            "The regulator fined the company for its use of tracking cookies in the app."
        ));
        assert!(v.is_end_heading("Comments (12)"));
        assert!(!v.is_end_heading("941 comments"));
        for w in &file.relative_time {
            let before = format!("Jane Doe 3 days {w}");
            let after = format!("Jane Doe {w} 3 hodinami");
            assert!(
                v.has_relative_time(&before) || v.has_relative_time(&after),
                "{w}"
            );
        }
    }
}
