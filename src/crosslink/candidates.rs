//! Candidate pairs without comparing all pairs: an inverted index of word shingles taken
//! from what a document quotes (or, for a full text, from the whole speech).

use crate::load::{Document, Kind};
use crate::text::FoldedWords;
use rayon::prelude::*;

// The defaults, in `CrosslinkConfig`: five-word shingles, long enough that sharing one
// means sharing a phrase; two shared (one six-word quote gives two), since a single
// shared phrase is a stock expression as often as not; a shingle in more than 40
// documents is a stock phrase and links nothing.

/// FNV-1a over a word: stable across runs and platforms.
pub(crate) fn hash_word(word: &str) -> u64 {
    crate::text::fnv1a(word.as_bytes(), crate::text::FNV_OFFSET)
}

/// A shingle's hash from its words' hashes; the order of the words counts.
pub(crate) fn hash_shingle(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(0x9e37_79b9_7f4a_7c15, |hash: u64, &word| {
            (hash.rotate_left(23) ^ word).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The hashes of the `size`-word shingles of one span of text.
pub fn shingles(text: &str, size: usize) -> Vec<u64> {
    let words = FoldedWords::new(text);
    if words.len() < size || size == 0 {
        return Vec::new();
    }
    let hashes: Vec<u64> = words.iter().map(hash_word).collect();
    hashes.windows(size).map(hash_shingle).collect()
}

/// What a document contributes to the index: its quotes, or all of a full text.
pub fn speech_shingles(doc: &Document, size: usize) -> Vec<u64> {
    let mut out: Vec<u64> = if doc.kind == Kind::FullText {
        doc.paragraphs().flat_map(|p| shingles(p, size)).collect()
    } else {
        doc.quotes
            .iter()
            .flat_map(|q| shingles(&q.text, size))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Pairs of document indices that share at least `min_shared` shingles, with how many
/// they share; a shingle held by more than `max_documents` documents is ignored. `may_pair` rules pairs out cheaply (dates far apart) before they are counted.
///
/// Sorting flat lists rather than filling hash maps keeps memory at two integers per
/// posting and pair, and lets both sorts run on every core. The postings are sorted a
/// slice of the shingles at a time ([`POSTING_SLICES`] slices by hash), so that at most
/// one slice of them is held at once: every pair a shingle gives comes from its slice.
pub fn candidate_pairs(
    shingle_sets: &[Vec<u64>],
    min_shared: usize,
    max_documents: usize,
    may_pair: impl Fn(usize, usize) -> bool + Sync,
) -> Vec<((usize, usize), usize)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for slice in 0..POSTING_SLICES {
        pairs.extend(slice_pairs(shingle_sets, slice, max_documents, &may_pair));
    }
    pairs.par_sort_unstable();
    runs(&pairs, |&pair| pair)
        .filter(|(_, run)| run.len() >= min_shared)
        .map(|((a, b), run)| ((a as usize, b as usize), run.len()))
        .collect()
}

/// The runs of equal keys in sorted `items`: each key with the range of its items.
fn runs<'a, T, K: PartialEq>(
    items: &'a [T],
    key: impl Fn(&T) -> K + 'a,
) -> impl Iterator<Item = (K, std::ops::Range<usize>)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = items.get(from)?;
        let k = key(first);
        let len = items[from..]
            .iter()
            .take_while(|item| key(item) == k)
            .count();
        let run = from..from + len;
        from += len;
        Some((k, run))
    })
}

/// How many slices the postings are sorted in: more hold less at once, each pass over
/// the shingle sets costs a little.
const POSTING_SLICES: u64 = 4;

/// The slice of a shingle's hash. Sets may be samples of their hashes (the smallest, or
/// those a modulus picks), so the slice comes from all of the hash's bits, mixed.
fn slice_of(hash: u64) -> u64 {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) % POSTING_SLICES
}

/// The pairs of documents that share each shingle of one slice, once per shingle.
fn slice_pairs(
    shingle_sets: &[Vec<u64>],
    slice: u64,
    max_documents: usize,
    may_pair: &(impl Fn(usize, usize) -> bool + Sync),
) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u64, u32)> = shingle_sets
        .iter()
        .enumerate()
        .flat_map(|(doc, set)| {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            set.iter()
                .filter(move |&&h| slice_of(h) == slice)
                .map(move |&h| (h, doc))
        })
        .collect();
    postings.par_sort_unstable();
    // Runs of one shingle: the documents that share it.
    let shared: Vec<&[(u64, u32)]> = runs(&postings, |&(hash, _)| hash)
        .filter(|(_, run)| (2..=max_documents).contains(&run.len()))
        .map(|(_, run)| &postings[run])
        .collect();
    shared
        .par_iter()
        .flat_map_iter(|run| {
            run.iter().enumerate().flat_map(move |(i, &(_, a))| {
                run[i + 1..].iter().filter_map(move |&(_, b)| {
                    let (a, b) = (a.min(b), a.max(b));
                    (a != b && may_pair(a as usize, b as usize)).then_some((a, b))
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_phrases_make_candidates_and_nothing_else_does() {
        let a = shingles("we must bring all our resources to bear on this", 5);
        let b = shingles("“We must bring all our resources to bear,” he said", 5);
        let c = shingles("an unrelated sentence about rain and wind today", 5);
        let pairs = candidate_pairs(&[a, b, c], 2, 40, |_, _| true);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].0, (0, 1));
    }
}
