//! Undated texts of a recurring occasion (an address given every year): which year's
//! burst each belongs to, told by its words, the texts of the same year around it, and
//! who issued it.

use super::headlines::FUNCTION_WORDS;
use super::topics::Unit;
use crate::load::Document;
use crate::text::FoldedWords;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A text joins a burst only where its words are this much nearer to it than to any
/// other burst it may join.
const MIN_MARGIN: f64 = 1.25;

/// Beyond this many undated texts of one phrase, none is placed by its words: the
/// grouping compares every pair at each step, and a phrase with so many undated uses in several
/// years is the collection's vocabulary rather than one occurrence's.
const MAX_TO_PLACE: usize = 200;

/// At most this many texts, evenly spread over the collection, count how rare each word
/// is: the weights they give differ from the whole collection's only for words so rare
/// that they stay the rarest either way.
const RARITY_SAMPLE: usize = 20_000;

/// How many texts of the collection use each word.
pub(super) struct Rarity {
    used_by: HashMap<String, u32>,
    texts: usize,
}

impl Rarity {
    /// The indices of the documents the rarity of words is counted on.
    pub(super) fn sample(documents: usize) -> impl Iterator<Item = usize> {
        let step = documents.div_ceil(RARITY_SAMPLE).max(1);
        (0..documents).step_by(step)
    }

    pub(super) fn of(documents: &[Document]) -> Rarity {
        let sample: Vec<&Document> = Rarity::sample(documents.len())
            .map(|i| &documents[i])
            .collect();
        // One thread counts: this runs inside the phrases' parallel loop, where a
        // nested parallel count could be asked for again by the same worker.
        let mut used_by: HashMap<String, u32> = HashMap::new();
        for doc in &sample {
            for w in topic_word_set(doc) {
                *used_by.entry(w).or_default() += 1;
            }
        }
        Rarity {
            used_by,
            texts: sample.len(),
        }
    }

    fn weight(&self, word: &str) -> f64 {
        let used_by = self.used_by.get(word).copied().unwrap_or(0);
        ((self.texts + 1) as f64 / (used_by + 1) as f64).ln()
    }
}

/// Groups undated texts of a recurring occasion with each other and with the bursts,
/// the nearest first (mean cosine of their texts' words): the texts of one year talk of
/// one year's matters, so they find each other even where each alone is nearly as near
/// to another year's single dated text. A group joins a burst only when clearly nearer
/// to it than to any other; what joins no burst stays out. An office speaks once of each
/// occurrence: two texts by one issuer never share a group (one senator's statements on
/// two years' addresses are two years').
pub(super) fn place_by_words(
    bags: &BTreeMap<usize, Bag>,
    issuer: &dyn Fn(&usize) -> Option<String>,
    members: &mut [Vec<usize>],
    left: Vec<usize>,
) {
    if left.is_empty() || left.len() > MAX_TO_PLACE {
        return;
    }
    let mut groups: Vec<Group> = members
        .iter()
        .enumerate()
        .map(|(b, ms)| Group::new(ms.clone(), Some(b), issuer))
        .chain(left.iter().map(|&u| Group::new(vec![u], None, issuer)))
        .collect();
    let mut sums = pair_sums(bags, &groups);
    while let Some((a, b)) = nearest_pair(&groups, &sums) {
        let (keep, gone) = if groups[b].burst.is_some() {
            (b, a)
        } else {
            (a, b)
        };
        let moved = std::mem::take(&mut groups[gone].texts);
        let moved_issuers = std::mem::take(&mut groups[gone].issuers);
        groups[keep].texts.extend(moved);
        groups[keep].issuers.extend(moved_issuers);
        groups[gone].live = false;
        // The merged group's sums are its two parts' added; the rows of groups gone are
        // never read again.
        let gone_sums = std::mem::take(&mut sums[gone]);
        for (k, add) in gone_sums.into_iter().enumerate() {
            if groups[k].live {
                sums[keep][k] += add;
                sums[k][keep] = sums[keep][k];
            }
        }
    }
    for g in groups {
        if let Some(b) = g.burst {
            members[b] = g.texts;
        }
    }
}

/// Texts grouped together: a burst and the texts placed in it, or undated texts only.
struct Group {
    texts: Vec<usize>,
    burst: Option<usize>,
    issuers: BTreeSet<String>,
    live: bool,
}

impl Group {
    fn new(
        texts: Vec<usize>,
        burst: Option<usize>,
        issuer: &dyn Fn(&usize) -> Option<String>,
    ) -> Group {
        let issuers = texts.iter().filter_map(issuer).collect();
        Group {
            texts,
            burst,
            issuers,
            live: true,
        }
    }

    fn may_join(&self, other: &Group) -> bool {
        self.live
            && other.live
            && (self.burst.is_none() || other.burst.is_none())
            && self.issuers.is_disjoint(&other.issuers)
    }
}

/// sums[a][b]: the summed cosine of group a's texts to group b's.
fn pair_sums(bags: &BTreeMap<usize, Bag>, groups: &[Group]) -> Vec<Vec<f64>> {
    let mut sums = vec![vec![0.0; groups.len()]; groups.len()];
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            if groups[a].burst.is_some() && groups[b].burst.is_some() {
                continue;
            }
            let sum: f64 = groups[a]
                .texts
                .iter()
                .flat_map(|x| groups[b].texts.iter().map(move |y| (x, y)))
                .filter_map(|(x, y)| Some(cosine(bags.get(x)?, bags.get(y)?)))
                .sum();
            sums[a][b] = sum;
            sums[b][a] = sum;
        }
    }
    sums
}

/// The two groups nearest each other that may join, where a group without a burst
/// joins one only if clearly nearer to it than to every other burst it may join.
fn nearest_pair(groups: &[Group], sums: &[Vec<f64>]) -> Option<(usize, usize)> {
    let mean = |a: usize, b: usize| {
        sums[a][b] / (groups[a].texts.len() * groups[b].texts.len()).max(1) as f64
    };
    let clear = |free: usize, burst: usize| {
        let next = (0..groups.len())
            .filter(|&o| {
                o != burst && groups[o].burst.is_some() && groups[free].may_join(&groups[o])
            })
            .map(|o| mean(free, o))
            .fold(0.0, f64::max);
        mean(free, burst) >= MIN_MARGIN * next
    };
    let mut best: Option<(f64, usize, usize)> = None;
    for a in 0..groups.len() {
        for b in a + 1..groups.len() {
            if !groups[a].may_join(&groups[b]) {
                continue;
            }
            let m = mean(a, b);
            let allowed = m > 0.0
                && match (groups[a].burst, groups[b].burst) {
                    (Some(_), None) => clear(b, a),
                    (None, Some(_)) => clear(a, b),
                    _ => true,
                };
            if allowed && best.is_none_or(|(x, _, _)| m > x) {
                best = Some((m, a, b));
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}

/// A text's words with their weights, in a fixed order so sums over them are the same
/// on every run.
pub(super) type Bag = BTreeMap<String, f64>;

/// The words of a phrase's texts, each weighted by how few texts of the collection use
/// it: words every text uses ("president", "today") tell no two occurrences apart, a
/// year's own matters ("social security", "stimulus") do. Words that most of the
/// phrase's texts use ("union", "address") are the occasion's, shared by every year, and
/// are left out.
pub(super) fn weighted_bags(
    documents: &[Document],
    units: &[Unit],
    texts: &[usize],
    rarity: &Rarity,
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
    let occasion_words: HashSet<String> = used_by
        .into_iter()
        .filter(|(_, n)| 2 * n > bags.len())
        .map(|(w, _)| w)
        .collect();
    for words in bags.values_mut() {
        words.retain(|w, _| !occasion_words.contains(w));
        for (w, x) in words.iter_mut() {
            *x = (1.0 + x.ln()) * rarity.weight(w);
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
    for w in topic_words(doc).filter(|w| !names.contains(w)) {
        *out.entry(w).or_default() += 1.0;
    }
    out
}

/// The distinct words of a text that the rarity of words is counted from.
pub(super) fn topic_word_set(doc: &Document) -> BTreeSet<String> {
    topic_words(doc).collect()
}

/// The words of a text's headline and paragraphs that may say what it is about.
fn topic_words(doc: &Document) -> impl Iterator<Item = String> + '_ {
    std::iter::once(doc.title.as_str())
        .chain(doc.paragraphs())
        .flat_map(|paragraph| {
            let words = FoldedWords::new(paragraph);
            words
                .iter()
                .filter(|w| w.len() >= 3 && !FUNCTION_WORDS.contains(*w))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
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

    #[test]
    fn a_text_as_near_to_two_years_joins_neither() {
        let bags: BTreeMap<usize, Bag> = [
            (0, bag_of(&["social", "security", "elections"])),
            (1, bag_of(&["stimulus", "economy", "surge"])),
            (2, bag_of(&["elections", "surge", "veto"])),
        ]
        .into_iter()
        .collect();
        let issuer = |u: &usize| Some(["reyes", "walsh", "ortiz"][*u].to_string());
        let mut members = vec![vec![0], vec![1]];
        place_by_words(&bags, &issuer, &mut members, vec![2]);
        assert_eq!(members, vec![vec![0], vec![1]]);
    }

    #[test]
    fn texts_of_one_year_find_each_other() {
        // Text 3 shares nothing with either year's dated text, but its talk of private
        // accounts is text 2's, and text 2 is 2005's.
        let bags: BTreeMap<usize, Bag> = [
            (0, bag_of(&["social", "security", "elections"])),
            (1, bag_of(&["stimulus", "economy", "surge"])),
            (2, bag_of(&["privatize", "accounts", "social"])),
            (3, bag_of(&["privatize", "accounts", "mortgage"])),
        ]
        .into_iter()
        .collect();
        let issuer = |u: &usize| Some(["reyes", "walsh", "lund", "hale"][*u].to_string());
        let mut members = vec![vec![0], vec![1]];
        place_by_words(&bags, &issuer, &mut members, vec![2, 3]);
        assert_eq!(members, vec![vec![0, 2, 3], vec![1]]);
    }
}
