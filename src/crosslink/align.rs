//! Quote alignment: where a reported quote stands in another text, word for word, and
//! how it differs.

use crate::text::FoldedWords;

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

/// A word as an integer, so alignment compares numbers, not strings.
fn word_id(word: &str) -> u64 {
    // FNV-1a: stable, fast, and collisions only ever cost a missed variant.
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash: u64, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A text prepared for repeated alignment: its folded words and a sorted index of where
/// each word occurs. Built when needed and dropped after, so it never has to hold the
/// whole collection.
pub struct Target {
    words: FoldedWords,
    ids: Vec<u64>,
    /// (word id, position), sorted.
    index: Vec<(u64, u32)>,
}

impl Target {
    pub fn new(text: &str) -> Self {
        let words = FoldedWords::new(text);
        let ids: Vec<u64> = words.iter().map(word_id).collect();
        let mut index: Vec<(u64, u32)> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        index.sort_unstable();
        Target { words, ids, index }
    }

    fn positions(&self, id: u64) -> impl Iterator<Item = usize> + '_ {
        let from = self.index.partition_point(|&(w, _)| w < id);
        self.index[from..]
            .iter()
            .take_while(move |&&(w, _)| w == id)
            .map(|&(_, p)| p as usize)
    }

    /// Aligns `quote` against the text. A variant may change at most a fifth of the
    /// quote's words (at least one), as reporters drop or inflect a word. An ellipsis
    /// marks words the reporter left out: each part is aligned on its own.
    pub fn align(&self, quote: &str) -> Alignment {
        let parts: Vec<&str> = quote
            .split(['…'])
            .flat_map(|p| p.split("..."))
            .filter(|p| p.split_whitespace().count() >= 3)
            .collect();
        if parts.len() < 2 {
            return self.align_part(quote);
        }
        let mut differences = Vec::new();
        for part in parts {
            match self.align_part(part) {
                Alignment::Exact => {}
                Alignment::Variant { differences: d } => differences.extend(d),
                Alignment::Absent => return Alignment::Absent,
            }
        }
        if differences.is_empty() {
            Alignment::Exact
        } else {
            Alignment::Variant { differences }
        }
    }

    fn align_part(&self, quote: &str) -> Alignment {
        let q_words = FoldedWords::new(quote);
        let q: Vec<u64> = q_words.iter().map(word_id).collect();
        let (n, m) = (q.len(), self.ids.len());
        if n == 0 || m == 0 {
            return Alignment::Absent;
        }
        let budget = (n / 5).max(1);
        // Each quote word votes for the diagonals (text start positions) it fits on; an
        // alignment within the budget needs n - budget votes within `budget` diagonals.
        let mut votes = vec![0u32; n + m];
        for (k, &id) in q.iter().enumerate() {
            for p in self.positions(id) {
                votes[p + n - k] += 1;
            }
        }
        let needed = u32::try_from(n - budget.min(n)).unwrap_or(u32::MAX).max(1);
        let mut windows: Vec<(u32, usize)> = Vec::new();
        let mut window_votes: u32 = votes[..budget.min(votes.len())].iter().sum();
        for d in 0..votes.len() {
            if d + budget < votes.len() {
                window_votes += votes[d + budget];
            }
            if d > budget {
                window_votes -= votes[d - budget - 1];
            }
            if votes[d] as usize == n {
                let start = d - n;
                if self.ids.get(start..start + n) == Some(q.as_slice()) {
                    return Alignment::Exact;
                }
            }
            if window_votes >= needed && votes[d] > 0 {
                windows.push((window_votes, d));
            }
        }
        // The most promising diagonals first; neighbours of a tried one add nothing.
        windows.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut tried: Vec<usize> = Vec::new();
        let mut best: Option<(usize, Vec<(String, String)>)> = None;
        for &(_, d) in &windows {
            if tried.len() >= 8 {
                break;
            }
            if tried.iter().any(|&t| t.abs_diff(d) <= budget) {
                continue;
            }
            tried.push(d);
            let start = d.saturating_sub(n);
            let from = start.saturating_sub(budget);
            let to = (start + n + budget).min(m);
            let (cost, diffs) = local_alignment(
                (&q, &q_words),
                (&self.ids[from..to], &self.words, from),
                budget,
            );
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
/// `text` is the stretch's ids, the text's words and the stretch's first position in
/// them. Differences are only spelled out when the cost is within `budget`.
fn local_alignment(
    (q, q_words): (&[u64], &FoldedWords),
    (t, t_words, offset): (&[u64], &FoldedWords, usize),
    budget: usize,
) -> (usize, Vec<(String, String)>) {
    let (n, m) = (q.len(), t.len());
    let width = m + 1;
    // cost[i * width + j]: aligning q[..i] ending at t[..j].
    let mut cost = vec![0usize; (n + 1) * width];
    for i in 1..=n {
        cost[i * width] = i;
        for j in 1..=m {
            let substitution = cost[(i - 1) * width + j - 1] + usize::from(q[i - 1] != t[j - 1]);
            cost[i * width + j] = substitution
                .min(cost[(i - 1) * width + j] + 1)
                .min(cost[i * width + j - 1] + 1);
        }
    }
    let at = |i: usize, j: usize| cost[i * width + j];
    let (mut j, best) = (0..=m)
        .map(|j| (j, at(n, j)))
        .min_by_key(|&(j, c)| (c, j))
        .unwrap_or((0, n));
    if best > budget {
        return (best, Vec::new());
    }
    let mut i = n;
    let mut diffs = Vec::new();
    while i > 0 {
        if j > 0 && at(i, j) == at(i - 1, j - 1) + usize::from(q[i - 1] != t[j - 1]) {
            if q[i - 1] != t[j - 1] {
                diffs.push((
                    q_words.word(i - 1).to_string(),
                    t_words.word(offset + j - 1).to_string(),
                ));
            }
            i -= 1;
            j -= 1;
        } else if at(i, j) == at(i - 1, j) + 1 {
            diffs.push((q_words.word(i - 1).to_string(), String::new()));
            i -= 1;
        } else if j > 0 {
            diffs.push((String::new(), t_words.word(offset + j - 1).to_string()));
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
    fn an_ellipsis_stands_for_the_words_left_out() {
        let t = Target::new(
            "We will rebuild the schools, the clinics and the roads that the floods destroyed.",
        );
        assert_eq!(
            t.align("We will rebuild the schools … the roads that the floods destroyed"),
            Alignment::Exact
        );
        assert_eq!(
            t.align("We will rebuild the schools ... the bridges of the north"),
            Alignment::Absent
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
