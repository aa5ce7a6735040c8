//! The search index, built in the build: every document's words with a BM25 weight,
//! kept per term as compact postings. A common word keeps only its best-weighted
//! postings, so no query ever downloads a list as long as the collection.

use crate::load::Document;
use crate::text::fold;
use rayon::prelude::*;
use std::collections::HashMap;

/// Postings a term keeps: its best-weighted ones. A rarer term keeps them all.
pub const MAX_POSTINGS: usize = 1500;
/// A word longer than this is no word a reader types (a URL, a run of digits).
const MAX_TERM_CHARS: usize = 32;
/// BM25's saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word of the headline counts as this many words of the body.
const TITLE_WEIGHT: u32 = 4;

/// A term and its postings: search numbers of documents, ascending, each with a weight
/// from 1 to 255.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPostings {
    pub term: String,
    /// Documents holding the term, before any were dropped.
    pub documents: usize,
    pub postings: Vec<(u32, u8)>,
}

/// The words of a text as the search client reads a query: folded (lower case, no
/// accents), split at anything but letters and digits, one-letter words dropped. Chinese
/// and Japanese, written without spaces, are read as overlapping pairs of characters, so
/// any word of two characters or more is found.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in fold(text).split(|c: char| !c.is_alphanumeric()) {
        let mut rest = word;
        while !rest.is_empty() {
            let cjk = rest.chars().next().is_some_and(is_cjk);
            let end = rest
                .char_indices()
                .find(|&(_, c)| is_cjk(c) != cjk)
                .map_or(rest.len(), |(i, _)| i);
            let (run, next) = rest.split_at(end);
            if cjk {
                push_pairs(run, &mut out);
            } else if (2..=MAX_TERM_CHARS).contains(&run.chars().count()) {
                out.push(run.to_string());
            }
            rest = next;
        }
    }
    out
}

/// Han ideographs and Japanese kana: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A run of CJK characters as its overlapping pairs; a lone character as itself.
fn push_pairs(run: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        out.push(run.to_string());
    }
    out.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
}

/// One document's terms with their weighted counts, and its length in words.
fn document_terms(doc: &Document) -> (Vec<(String, u32)>, u32) {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut length = 0u32;
    for word in words(&doc.title) {
        *counts.entry(word).or_default() += TITLE_WEIGHT;
        length += 1;
    }
    for block in &doc.body {
        for word in words(block.text()) {
            *counts.entry(word).or_default() += 1;
            length += 1;
        }
    }
    let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
    terms.sort_unstable();
    (terms, length.max(1))
}

/// Raw counts per term: (search number, weighted count), and each document's length.
type RawPostings = HashMap<String, Vec<(u32, u32)>>;

fn gather(documents: &[&Document]) -> (RawPostings, Vec<u32>) {
    const CHUNK: usize = 2048;
    let chunks: Vec<(RawPostings, Vec<u32>)> = documents
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut postings: RawPostings = HashMap::new();
            let mut lengths = Vec::with_capacity(chunk.len());
            for (k, doc) in chunk.iter().enumerate() {
                let number = (c * CHUNK + k) as u32;
                let (terms, length) = document_terms(doc);
                lengths.push(length);
                for (term, count) in terms {
                    postings.entry(term).or_default().push((number, count));
                }
            }
            (postings, lengths)
        })
        .collect();
    // Chunks merge in order, so every term's postings stay ascending.
    let mut merged: RawPostings = HashMap::new();
    let mut lengths = Vec::with_capacity(documents.len());
    for (postings, chunk_lengths) in chunks {
        lengths.extend(chunk_lengths);
        for (term, list) in postings {
            merged.entry(term).or_default().extend(list);
        }
    }
    (merged, lengths)
}

/// The index of `documents`, each numbered by its position: terms in byte order.
pub fn build(documents: &[&Document]) -> Vec<TermPostings> {
    let (raw, lengths) = gather(documents);
    let n = documents.len().max(1) as f32;
    let average = lengths.iter().map(|&l| l as f32).sum::<f32>() / n;
    let score = |count: u32, number: u32, df: usize| -> f32 {
        let idf = ((n - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln();
        let tf = count as f32;
        let length = lengths.get(number as usize).copied().unwrap_or(1) as f32;
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length / average.max(1.0)))
    };
    // The largest weight any posting can reach, so weights share one scale.
    let top = (n + 0.5).ln().max(0.1) * (K1 + 1.0) * 1.2;
    let mut terms: Vec<TermPostings> = raw
        .into_par_iter()
        .map(|(term, list)| {
            let df = list.len();
            let mut weighted: Vec<(u32, u8)> = list
                .into_iter()
                .map(|(number, count)| {
                    let w = (score(count, number, df) / top * 255.0).round();
                    (number, w.clamp(1.0, 255.0) as u8)
                })
                .collect();
            if weighted.len() > MAX_POSTINGS {
                // The best weights, the newest first among equals.
                weighted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                weighted.truncate(MAX_POSTINGS);
                weighted.sort_unstable();
            }
            TermPostings {
                term,
                documents: df,
                postings: weighted,
            }
        })
        .collect();
    terms.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_test_text;

    #[test]
    fn words_are_folded_like_the_client_reads_a_query() {
        let got = words("Élysée: Ban Ki-moon's “No” at U.N. 2015");
        assert_eq!(got, ["elysee", "ban", "ki", "moon", "no", "at", "2015"]);
        assert_eq!(
            words("联合国秘书长 said"),
            ["联合", "合国", "国秘", "秘书", "书长", "said"]
        );
        // Folding drops kana's voicing marks as it drops accents: で is read as て, in
        // the index and in the query alike.
        assert_eq!(words("東京で"), ["東京", "京て"]);
    }

    #[test]
    fn a_rare_word_outweighs_a_common_one_and_a_headline_word_a_body_word() {
        let texts = [
            "Minister speaks on water\n\nGENEVA, 3 March 2015 – The minister spoke on water and the climate.",
            "Minister speaks on roads\n\nGENEVA, 4 March 2015 – The minister spoke on roads and the climate.",
            "Rain report\n\nGENEVA, 5 March 2015 – The minister said water was short, and the climate dry.",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| load_test_text(&format!("{i}.txt"), t))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let index = build(&refs);
        let find = |term: &str| index.iter().find(|t| t.term == term).cloned();
        let water = find("water").expect("water is indexed");
        let climate = find("climate").expect("climate is indexed");
        assert_eq!(water.postings.len(), 2);
        assert!(
            water.postings[0].1 > climate.postings[0].1,
            "{water:?} {climate:?}"
        );
        // In the headline of document 0, in the body of document 2.
        assert!(water.postings[0].1 > water.postings[1].1, "{water:?}");
        assert!(index.windows(2).all(|w| w[0].term < w[1].term));
    }
}
