//! Search that works offline on any static host: an index written in small files that
//! the client in `static/search.js` fetches only as a query needs them.
//!
//! - `search/manifest.json`: the first term of every shard, the filters with their
//!   values and counts, and how many documents a details chunk holds;
//! - `search/t/N.bin`: shards, runs of terms in byte order with their postings;
//! - `search/f/FILTER/N.bin`: the documents of one filter value;
//! - `search/d/N.json`: titles, links and excerpts, fetched only for the hits shown.
//!
//! Documents are numbered newest first, so among equal scores the newest wins.

mod index;

pub use index::{build as build_index, words, TermPostings, MAX_POSTINGS};

use super::context::{kind_key, summary, SiteContext};
use crate::crosslink::Collection;
use crate::write::{Staging, WriteError};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// Bytes of postings a shard holds before the next term starts a new one.
const SHARD_BYTES: usize = 24 * 1024;
/// Documents per details chunk.
pub const DETAILS_CHUNK: usize = 40;
/// Characters of the lead a result shows.
const EXCERPT_CHARS: usize = 140;
/// Values a filter offers: its most frequent.
const FILTER_VALUES: usize = 100;

/// What the search files came to, for the build's report and the benchmark.
#[derive(Debug, Default, Clone, Copy)]
pub struct SearchStats {
    pub files: usize,
    pub bytes: u64,
    pub terms: usize,
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// One term as a shard holds it: its length and bytes, how many documents hold it, how
/// many postings follow, their gaps, then their weights.
fn encode_term(term: &TermPostings, out: &mut Vec<u8>) {
    push_varint(out, term.term.len() as u64);
    out.extend_from_slice(term.term.as_bytes());
    push_varint(out, term.documents as u64);
    push_varint(out, term.postings.len() as u64);
    let mut previous = 0u32;
    for &(number, _) in &term.postings {
        push_varint(out, u64::from(number - previous));
        previous = number;
    }
    out.extend(term.postings.iter().map(|&(_, w)| w));
}

/// The shards: each a run of whole terms of about [`SHARD_BYTES`], with its first term.
fn shards(terms: &[TermPostings]) -> Vec<(String, Vec<u8>)> {
    let mut shards: Vec<(String, Vec<u8>)> = Vec::new();
    for term in terms {
        match shards.last_mut() {
            Some((_, bytes)) if bytes.len() < SHARD_BYTES => encode_term(term, bytes),
            _ => {
                let mut bytes = Vec::with_capacity(SHARD_BYTES * 2);
                encode_term(term, &mut bytes);
                shards.push((term.term.clone(), bytes));
            }
        }
    }
    shards
}

/// A filter value's documents: a list of gaps where few hold it, else a bit per document.
fn encode_members(members: &[u32], documents: usize) -> Vec<u8> {
    if members.len() * 8 < documents {
        let mut out = vec![0u8];
        let mut previous = 0u32;
        for &m in members {
            push_varint(&mut out, u64::from(m - previous));
            previous = m;
        }
        out
    } else {
        let mut out = vec![0u8; 1 + documents.div_ceil(8)];
        out[0] = 1;
        for &m in members {
            out[1 + m as usize / 8] |= 1 << (m % 8);
        }
        out
    }
}

/// A filter the search page offers, and its values with their document counts.
#[derive(Debug, Serialize)]
struct Filter {
    key: &'static str,
    values: Vec<(String, usize)>,
}

/// The filters' values, most frequent first (years newest first), each with the search
/// numbers of its documents.
fn filters(
    site: &SiteContext,
    collection: &Collection,
    order: &[usize],
) -> Vec<(Filter, Vec<Vec<u32>>)> {
    let keys = ["publisher", "year", "kind", "speaker"];
    keys.into_iter()
        .map(|key| {
            let mut values: HashMap<String, Vec<u32>> = HashMap::new();
            for (number, &i) in order.iter().enumerate() {
                let doc = &collection.documents[i];
                let mut add = |v: String| values.entry(v).or_default().push(number as u32);
                match key {
                    "publisher" => doc.publisher.iter().for_each(|p| add(p.clone())),
                    "year" => {
                        if let Some(y) = doc.date.as_ref().and_then(|d| d.date.year) {
                            add(y.to_string());
                        }
                    }
                    "kind" => add(site
                        .text(&format!("kind.{}", kind_key(doc.kind)))
                        .to_string()),
                    _ => doc.speakers.iter().for_each(|s| add(s.clone())),
                }
            }
            let mut values: Vec<(String, Vec<u32>)> = values.into_iter().collect();
            if key == "year" {
                values.sort_by(|a, b| b.0.cmp(&a.0));
            } else {
                values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
            }
            values.truncate(FILTER_VALUES);
            let filter = Filter {
                key,
                values: values.iter().map(|(v, m)| (v.clone(), m.len())).collect(),
            };
            (filter, values.into_iter().map(|(_, m)| m).collect())
        })
        .collect()
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    documents: usize,
    chunk: usize,
    max_postings: usize,
    shards: Vec<&'a str>,
    filters: Vec<&'a Filter>,
}

/// One result as the client shows it: title, link, date, publisher, kind, excerpt.
fn details(site: &SiteContext, collection: &Collection, i: usize) -> [String; 6] {
    let doc = &collection.documents[i];
    let s = summary(site, doc);
    let mut excerpt = s.excerpt;
    if let Some((cut, _)) = excerpt.char_indices().nth(EXCERPT_CHARS) {
        let at = excerpt[..cut].rfind(' ').unwrap_or(cut);
        excerpt = format!("{}…", excerpt[..at].trim_end_matches('…'));
    }
    [
        s.title,
        s.url,
        s.date.map(|d| d.human).unwrap_or_default(),
        s.publisher.unwrap_or_default(),
        s.kind_label,
        excerpt,
    ]
}

/// Writes the search files for the documents in `order` (newest first).
pub fn write_search(
    site: &SiteContext,
    collection: &Collection,
    order: &[usize],
    staging: &Staging,
) -> Result<SearchStats, WriteError> {
    let documents: Vec<&crate::load::Document> =
        order.iter().map(|&i| &*collection.documents[i]).collect();
    let terms = build_index(&documents);
    drop(documents);
    let shards = shards(&terms);
    let mut stats = SearchStats {
        terms: terms.len(),
        ..SearchStats::default()
    };
    drop(terms);
    let mut write = |path: String, bytes: &[u8]| -> Result<(), WriteError> {
        stats.files += 1;
        stats.bytes += bytes.len() as u64;
        staging.write(&path, bytes)
    };
    for (n, (_, bytes)) in shards.iter().enumerate() {
        write(format!("search/t/{n}.bin"), bytes)?;
    }
    let filters = filters(site, collection, order);
    for (filter, members) in &filters {
        for (n, m) in members.iter().enumerate() {
            write(
                format!("search/f/{}/{n}.bin", filter.key),
                &encode_members(m, order.len()),
            )?;
        }
    }
    let chunks: Vec<String> = order
        .par_chunks(DETAILS_CHUNK)
        .map(|chunk| {
            let rows: Vec<[String; 6]> = chunk
                .iter()
                .map(|&i| details(site, collection, i))
                .collect();
            serde_json::to_string(&rows).unwrap_or_else(|_| "[]".to_string())
        })
        .collect();
    for (n, chunk) in chunks.iter().enumerate() {
        write(format!("search/d/{n}.json"), chunk.as_bytes())?;
    }
    let manifest = Manifest {
        version: 1,
        documents: order.len(),
        chunk: DETAILS_CHUNK,
        max_postings: MAX_POSTINGS,
        shards: shards.iter().map(|(first, _)| first.as_str()).collect(),
        filters: filters.iter().map(|(f, _)| f).collect(),
    };
    let json = serde_json::to_string(&manifest).unwrap_or_else(|_| "{}".to_string());
    write("search/manifest.json".to_string(), json.as_bytes())?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_varint(bytes: &[u8], at: &mut usize) -> u64 {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = bytes[*at];
            *at += 1;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    #[test]
    fn a_term_reads_back_as_the_client_reads_it() {
        let term = TermPostings {
            term: "genève".to_string(),
            documents: 3,
            postings: vec![(2, 10), (300, 255), (70_000, 1)],
        };
        let mut bytes = Vec::new();
        encode_term(&term, &mut bytes);
        let mut at = 0;
        let len = read_varint(&bytes, &mut at) as usize;
        assert_eq!(&bytes[at..at + len], "genève".as_bytes());
        at += len;
        assert_eq!(read_varint(&bytes, &mut at), 3);
        assert_eq!(read_varint(&bytes, &mut at), 3);
        let gaps: Vec<u64> = (0..3).map(|_| read_varint(&bytes, &mut at)).collect();
        assert_eq!(gaps, [2, 298, 69_700]);
        assert_eq!(&bytes[at..], &[10, 255, 1]);
    }

    #[test]
    fn filter_members_are_a_list_when_few_and_bits_when_many() {
        assert_eq!(encode_members(&[3, 10], 1000), vec![0, 3, 7]);
        let bits = encode_members(&[0, 9], 10);
        assert_eq!(bits, vec![1, 0b0000_0001, 0b0000_0010]);
    }
}
