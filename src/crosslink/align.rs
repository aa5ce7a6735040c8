//! Quote alignment: where a reported quote stands in another text, word for word, and
//! how it differs.

use crate::text::folded_words;
use std::collections::HashMap;

/// How a quote compares with a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alignment {
    /// Every word is there, in order (punctuation and case aside).
    Exact,
    /// Nearly all words are there; `differences` lists each change as (quote, text).
    Variant {
        differences: Vec<(String, String)>,
    },
    Absent,
}

/// A text prepared for repeated alignment: its folded words and where each word occurs.
pub struct Target {
    words: Vec<String>,
    positions: HashMap<String, Vec<usize>>,
}

impl Target {
    pub fn new(text: &str) -> Self {
        let words = folded_words(text);
        let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            positions.entry(w.clone()).or_default().push(i);
        }
        Target { words, positions }
    }

    /// Aligns `quote` against the text. A variant may change at most a fifth of the
    /// quote's words (at least one), as reporters drop or inflect a word.
    pub fn align(&self, quote: &str) -> Alignment {
        let q = folded_words(quote);
        if q.is_empty() || self.words.is_empty() {
            return Alignment::Absent;
        }
        // Anchor on positions where some quote word occurs, then align locally there.
        let mut starts: Vec<usize> = Vec::new();
        for (k, word) in q.iter().enumerate().take(6) {
            if let Some(ps) = self.positions.get(word) {
                starts.extend(ps.iter().filter(|&&p| p >= k).map(|&p| p - k).take(64));
            }
        }
        starts.sort_unstable();
        starts.dedup();
        if starts.iter().any(|&s| {
            self.words
                .get(s..s + q.len())
                .is_some_and(|w| w == q.as_slice())
        }) {
            return Alignment::Exact;
        }
        let budget = (q.len() / 5).max(1);
        let mut best: Option<(usize, Vec<(String, String)>)> = None;
        for &start in &starts {
            let from = start.saturating_sub(budget);
            let to = (start + q.len() + budget).min(self.words.len());
            let (cost, diffs) = local_alignment(&q, &self.words[from..to]);
            if cost <= budget && best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, diffs));
            }
        }
        match best {
            Some((0, _)) => Alignment::Exact,
            Some((_, differences)) => Alignment::Variant { differences },
            None => Alignment::Absent,
        }
    }
}

/// Word-level edit distance of `q` against the best-matching stretch of `t` (free gaps
/// at both ends of `t`), with the differing words.
fn local_alignment(q: &[String], t: &[String]) -> (usize, Vec<(String, String)>) {
    let (n, m) = (q.len(), t.len());
    // cost[i][j]: aligning q[..i] ending at t[..j].
    let mut cost = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in cost.iter_mut().enumerate().skip(1) {
        row[0] = i;
    }
    for i in 1..=n {
        for j in 1..=m {
            let substitution = cost[i - 1][j - 1] + usize::from(q[i - 1] != t[j - 1]);
            cost[i][j] = substitution.min(cost[i - 1][j] + 1).min(cost[i][j - 1] + 1);
        }
    }
    let (mut j, best) = (0..=m)
        .map(|j| (j, cost[n][j]))
        .min_by_key(|&(j, c)| (c, j))
        .unwrap_or((0, n));
    let mut i = n;
    let mut diffs = Vec::new();
    while i > 0 {
        if j > 0 && cost[i][j] == cost[i - 1][j - 1] + usize::from(q[i - 1] != t[j - 1]) {
            if q[i - 1] != t[j - 1] {
                diffs.push((q[i - 1].clone(), t[j - 1].clone()));
            }
            i -= 1;
            j -= 1;
        } else if cost[i][j] == cost[i - 1][j] + 1 {
            diffs.push((q[i - 1].clone(), String::new()));
            i -= 1;
        } else if j > 0 {
            diffs.push((String::new(), t[j - 1].clone()));
            j -= 1;
        } else {
            break;
        }
    }
    diffs.reverse();
    (best, diffs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_despite_punctuation() {
        let t = Target::new("We must bring all our resources to bear: early warning, diplomacy and, if ultimately necessary, military strength.");
        assert_eq!(
            t.align("diplomacy, and, if ultimately necessary, military strength,"),
            Alignment::Exact
        );
    }

    #[test]
    fn a_changed_word_is_a_variant() {
        let t = Target::new("The killing fields of Rwanda, Cambodia and the Balkans stand silent witnesses to the brutality.");
        let got = t.align("The killing fields of Rwanda, Cambodia and the Balkans stand silent witness to the brutality");
        assert_eq!(
            got,
            Alignment::Variant {
                differences: vec![("witness".into(), "witnesses".into())]
            }
        );
    }

    #[test]
    fn a_dropped_word_is_a_variant_and_other_words_are_absent() {
        let t =
            Target::new("it has worked hard to draw on the lessons of those failures in Rwanda");
        assert!(matches!(
            t.align("draw on the lessons of its failures"),
            Alignment::Variant { .. }
        ));
        assert_eq!(
            t.align("an entirely different sentence about the weather"),
            Alignment::Absent
        );
    }
}
