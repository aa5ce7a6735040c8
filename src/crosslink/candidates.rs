//! Candidate pairs without comparing all pairs: an inverted index of word shingles taken
//! from what a document quotes (or, for a full text, from the whole speech).

use crate::load::{Document, Kind};
use crate::text::folded_words;
use std::collections::HashMap;

/// Words per shingle: long enough that sharing one means sharing a phrase.
pub const SHINGLE_WORDS: usize = 5;
/// Two reports of one speech share at least two phrases (one six-word quote gives two);
/// a single shared phrase is a stock expression as often as not.
const MIN_SHARED: usize = 2;
/// A shingle found in more documents than this is a stock phrase and links nothing.
const MAX_POSTINGS: usize = 40;

/// FNV-1a over the shingle's words: stable across runs and platforms.
fn hash_words(words: &[String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for byte in word.bytes().chain([b' ']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The shingle hashes of one span of text.
pub fn shingles(text: &str) -> Vec<u64> {
    let words = folded_words(text);
    if words.len() < SHINGLE_WORDS {
        return Vec::new();
    }
    words.windows(SHINGLE_WORDS).map(hash_words).collect()
}

/// What a document contributes to the index: its quotes, or all of a full text.
pub fn speech_shingles(doc: &Document) -> Vec<u64> {
    let mut out: Vec<u64> = if doc.kind == Kind::FullText {
        doc.paragraphs().flat_map(shingles).collect()
    } else {
        doc.quotes.iter().flat_map(|q| shingles(&q.text)).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of document indices that share at least `MIN_SHARED` shingles, with how many
/// they share. `may_pair` rules pairs out cheaply (dates far apart) before they are counted.
pub fn candidate_pairs(
    shingle_sets: &[Vec<u64>],
    may_pair: impl Fn(usize, usize) -> bool,
) -> Vec<((usize, usize), usize)> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (doc, set) in shingle_sets.iter().enumerate() {
        for &h in set {
            postings.entry(h).or_default().push(doc);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for docs in postings.values() {
        if docs.len() < 2 || docs.len() > MAX_POSTINGS {
            continue;
        }
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                if may_pair(a, b) {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED)
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_phrases_make_candidates_and_nothing_else_does() {
        let a = shingles("we must bring all our resources to bear on this");
        let b = shingles("“We must bring all our resources to bear,” he said");
        let c = shingles("an unrelated sentence about rain and wind today");
        let pairs = candidate_pairs(&[a, b, c], |_, _| true);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].0, (0, 1));
    }
}
