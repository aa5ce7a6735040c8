//! Undated texts of a recurring occasion (an address given every year): which year's
//! burst each belongs to, told by its words and by who issued it.

use super::headlines::FUNCTION_WORDS;
use super::topics::Unit;
use crate::load::Document;
use crate::text::FoldedWords;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The nearest burst's words must be this much nearer than the next one's.
const MIN_MARGIN: f64 = 1.25;

/// Places undated texts in the bursts whose texts their words are clearly nearest
/// (mean cosine), the clearest first: each text placed joins its burst's words, so
/// the texts of one year found early help place the rest. An office speaks once of
/// each occurrence: a text never joins a burst that holds one by the same issuer (one
/// senator's statements on two years' addresses are two years').
pub(super) fn place_by_words(
    bags: &BTreeMap<usize, Bag>,
    issuer: &dyn Fn(&usize) -> Option<String>,
    members: &mut [Vec<usize>],
    mut left: Vec<usize>,
) {
    let bag_of = |u: &usize| bags.get(u);
    // sums[i][b]: the summed cosine of left[i] to burst b's members.
    let mut sums: Vec<Vec<f64>> = left
        .iter()
        .map(|u| {
            members
                .iter()
                .map(|ms| match bag_of(u) {
                    Some(own) => ms.iter().filter_map(bag_of).map(|o| cosine(own, o)).sum(),
                    None => 0.0,
                })
                .collect()
        })
        .collect();
    let mut counts: Vec<usize> = members.iter().map(Vec::len).collect();
    let mut issuers: Vec<HashSet<String>> = members
        .iter()
        .map(|ms| ms.iter().filter_map(issuer).collect())
        .collect();
    let mut left_issuers: Vec<Option<String>> = left.iter().map(issuer).collect();
    loop {
        let best = (0..left.len())
            .filter_map(|i| {
                let open: Vec<bool> = issuers
                    .iter()
                    .map(|taken| left_issuers[i].as_ref().is_none_or(|x| !taken.contains(x)))
                    .collect();
                clear_choice(&sums[i], &counts, &open).map(|(b, margin)| (margin, i, b))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        let Some((_, i, b)) = best else { break };
        let placed = left.swap_remove(i);
        sums.swap_remove(i);
        if let Some(x) = left_issuers.swap_remove(i) {
            issuers[b].insert(x);
        }
        members[b].push(placed);
        counts[b] += 1;
        if let Some(new) = bag_of(&placed) {
            for (j, u) in left.iter().enumerate() {
                if let Some(own) = bag_of(u) {
                    sums[j][b] += cosine(own, new);
                }
            }
        }
    }
}

/// The burst a text's mean cosines clearly favour among those it may join, with how
/// clearly (best over the next).
fn clear_choice(sums: &[f64], counts: &[usize], open: &[bool]) -> Option<(usize, f64)> {
    let mut means: Vec<(f64, usize)> = sums
        .iter()
        .zip(counts)
        .enumerate()
        .filter(|(b, _)| open[*b])
        .map(|(b, (s, n))| (s / (*n).max(1) as f64, b))
        .collect();
    means.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best, second) = (means.first()?, means.get(1).map_or(0.0, |m| m.0));
    let margin = if second > 0.0 {
        best.0 / second
    } else {
        f64::MAX
    };
    (best.0 > 0.0 && margin >= MIN_MARGIN).then_some((best.1, margin))
}

/// A text's words with their weights, in a fixed order so sums over them are the same
/// on every run.
pub(super) type Bag = BTreeMap<String, f64>;

/// The words of a phrase's texts, each weighted by how few of those texts use it: the
/// words they all share (the phrase's own, "president", "address") tell no two
/// occurrences apart, the rarer ones ("second term", "final") do.
pub(super) fn weighted_bags(
    documents: &[Document],
    units: &[Unit],
    texts: &[usize],
) -> BTreeMap<usize, Bag> {
    let mut bags: BTreeMap<usize, Bag> = texts
        .iter()
        .map(|&u| (u, bag(&documents[units[u].members[0]])))
        .collect();
    let mut used_by: HashMap<String, usize> = HashMap::new();
    for words in bags.values() {
        for w in words.keys() {
            *used_by.entry(w.clone()).or_default() += 1;
        }
    }
    let n = bags.len() as f64;
    for words in bags.values_mut() {
        for (w, x) in words.iter_mut() {
            let rarity = (n / used_by.get(w).copied().unwrap_or(1) as f64).ln();
            *x = (1.0 + x.ln()) * rarity;
        }
    }
    bags
}

/// A text's content words and how often it uses them. The words of its people's names
/// are left out: one senator's releases of two years share them, whatever they are about.
fn bag(doc: &Document) -> Bag {
    let names: HashSet<String> = doc
        .people
        .iter()
        .chain(&doc.speakers)
        .flat_map(|n| {
            FoldedWords::new(n)
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = Bag::new();
    for paragraph in std::iter::once(doc.title.as_str()).chain(doc.paragraphs()) {
        let words = FoldedWords::new(paragraph);
        for w in words.iter() {
            if w.len() >= 3 && !FUNCTION_WORDS.contains(w) && !names.contains(w) {
                *out.entry(w.to_string()).or_default() += 1.0;
            }
        }
    }
    out
}

fn cosine(a: &Bag, b: &Bag) -> f64 {
    let dot: f64 = a.iter().filter_map(|(w, x)| b.get(w).map(|y| x * y)).sum();
    let norm = |v: &Bag| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let n = norm(a) * norm(b);
    if n == 0.0 {
        0.0
    } else {
        dot / n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bag_of(words: &[&str]) -> Bag {
        words.iter().map(|w| (w.to_string(), 1.0)).collect()
    }

    #[test]
    fn an_undated_text_joins_the_nearest_year_its_office_has_not_spoken_of() {
        // Bursts 0 (2005) and 1 (2008); text 2 reads like 2008, but its office's 2008
        // statement is text 1, so it is the 2005 one; text 3 is clearly 2008.
        let bags: BTreeMap<usize, Bag> = [
            (0, bag_of(&["second", "term", "social", "security"])),
            (1, bag_of(&["final", "economy", "stimulus", "michigan"])),
            (2, bag_of(&["final", "michigan", "security"])),
            (3, bag_of(&["final", "economy", "stimulus"])),
        ]
        .into_iter()
        .collect();
        let issuer = |u: &usize| Some(["reyes", "walsh", "walsh", "lund"][*u].to_string());
        let mut members = vec![vec![0], vec![1]];
        place_by_words(&bags, &issuer, &mut members, vec![2, 3]);
        assert_eq!(members, vec![vec![0, 2], vec![1, 3]]);
    }
}
