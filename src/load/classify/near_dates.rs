//! The dates around the headline: in a byline ("By Jane Doe January 18, 2017 11:00 PM"),
//! a dated row of labels, a line glued to the headline, or the headline itself ("…
//! Gerald Ford For Immediate Release: December 27, 2006"). A page gives its publication
//! date there, beside the story, rather than in a teaser or sidebar far from it.

use super::Walk;
use crate::load::data;
use crate::load::date::{find_dates, DateMatch};
use crate::load::document::RemovalReason;
use crate::load::lines::Line;
use crate::load::pattern::compile;
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// A date read in the lines around the headline.
#[derive(Debug, Clone)]
pub struct NearDate {
    /// The source line it is on.
    pub line: usize,
    pub found: DateMatch,
    /// Labelled as when the page was changed ("Updated", "Mis à jour").
    pub updated: bool,
    /// On or below the headline (else just above it).
    pub below_headline: bool,
}

/// How far above the headline a date still stands beside it, in lines.
const ABOVE_HEADLINE: usize = 2;
/// A line past the first paragraph is a byline or date line at most this long, in words.
const BYLINE_WORDS: usize = 20;
/// A date in the first paragraph counts only when it opens it (within this many bytes).
const OPENING_BYTES: usize = 40;

static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = data::updated_words().map(regex::escape).collect();
    compile(&format!(r"\b(?:{})\b", words.join("|")))
});

/// Whether the words before a date say it is an update's.
pub fn labelled_updated(label: &str) -> bool {
    UPDATED.is_match(&fold(label))
}

/// A date the walk saw before the body, with the line's place in the walk.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    seq: usize,
    date: NearDate,
}

/// The dates of a line, each with whether the words before it say it is an update's.
fn dates_of(text: &str) -> Vec<(DateMatch, bool)> {
    let mut from = 0;
    find_dates(text)
        .into_iter()
        .map(|found| {
            let label = text.get(from..found.start).unwrap_or("");
            from = found.end;
            let updated = labelled_updated(label);
            (found, updated)
        })
        .collect()
}

impl Walk<'_> {
    /// Gives `line` to the rules, noting the dates it holds if it comes before the body,
    /// and when it is the headline.
    pub(super) fn take_noting_dates(&mut self, line: &Line) {
        self.seq += 1;
        // A standfirst may come before the byline: past the first paragraph, a short
        // line (a byline, a date line) still stands beside the headline.
        let paragraphs = self.paragraphs_seen_count();
        let short = crate::text::word_count(&line.text) <= BYLINE_WORDS;
        let before_body =
            self.region != super::Region::Footer && (paragraphs == 0 || (paragraphs == 1 && short));
        let dates = if before_body {
            dates_of(&line.text)
        } else {
            Vec::new()
        };
        let headline_before = self.headline.as_ref().map(|h| (h.no, h.raw.clone()));
        let removed_before = self.removed.len();
        self.take(line);
        let headline_now = self.headline.as_ref().map(|h| (h.no, h.raw.clone()));
        if headline_now != headline_before && headline_now.is_some() {
            self.headline_seq = Some(self.seq);
        }
        let captured = self.removed[removed_before..]
            .iter()
            .any(|r| r.reason == RemovalReason::CaptureDate);
        let opens_body = self.paragraphs_seen_count() > paragraphs && paragraphs == 0;
        if captured {
            return;
        }
        for (found, updated) in dates {
            if opens_body && found.start > OPENING_BYTES {
                continue;
            }
            self.near_dates.push(Seen {
                seq: self.seq,
                date: NearDate {
                    line: line.no,
                    found,
                    updated,
                    below_headline: true,
                },
            });
        }
    }

    /// Whether a date was seen before the body.
    pub(super) fn has_near_dates(&self) -> bool {
        !self.near_dates.is_empty()
    }

    /// The dates that stand beside the headline: from just above it to the opening of
    /// the body (every date before the body when there is no headline).
    pub(super) fn dates_near_headline(&self) -> Vec<NearDate> {
        self.near_dates
            .iter()
            .filter(|s| {
                self.headline_seq
                    .is_none_or(|h| s.seq + ABOVE_HEADLINE >= h)
            })
            .map(|s| NearDate {
                below_headline: self.headline_seq.is_none_or(|h| s.seq >= h),
                ..s.date.clone()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_is_told_by_its_label_in_every_language() {
        let dates = dates_of("Publié le 30 avril 2015 à 07h19 - Mis à jour le 2 mai 2015 à 10h02");
        let updated: Vec<bool> = dates.iter().map(|(_, u)| *u).collect();
        assert_eq!(updated, [false, true]);
        for word in data::updated_words() {
            assert!(labelled_updated(&format!("{word} ")), "{word}");
        }
    }
}
