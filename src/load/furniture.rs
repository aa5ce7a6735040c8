//! Furniture learned from the collection: a line that recurs across many documents of one
//! source (a folder), outside their article text, is that source's furniture (an office's
//! menu, a site's contact block), whatever words it uses. Copies of one text share their
//! lines too, so lines that documents share because the documents are copies of each other
//! are not furniture; nor are quoted sentences, which reports of one speech share, nor
//! dates, datelines and places, which many texts of one day or town share.

use crate::text::{fnv1a, fold, FNV_OFFSET, FNV_PRIME};
use std::collections::{HashMap, HashSet};

/// A line must recur in at least this many documents of a source to be its furniture.
pub const MIN_DOCUMENTS: usize = 3;
/// Documents that share most of their text are copies of one text: at least this share
/// of the sketch of each lies in the others'.
const COPY_SHARE: f64 = 0.5;
/// More documents than this sharing a line are not copies of one text (no joint release
/// is issued by fifty offices): the copy test is skipped for them.
pub const MAX_COPIES: usize = 50;
/// Longer lines are paragraphs, never recurring furniture (and never worth the test).
const MAX_LINE_CHARS: usize = 200;
/// Words per shingle, and shingles kept per document, in the sketch of its text.
const SHINGLE_WORDS: usize = 5;
const SKETCH_SIZE: usize = 64;

/// What the learner keeps of one document: its lines' keys and a sketch of its text.
#[derive(Debug, Default, Clone)]
pub struct DocumentLines {
    /// The source (folder) the document is in.
    pub source: String,
    /// The keys of its distinct lines that may be furniture.
    keys: Vec<u64>,
    /// The smallest hashes of its five-word shingles: two sketches share most hashes
    /// when their texts share most shingles.
    sketch: Vec<u64>,
}

impl DocumentLines {
    /// The keys of its lines that may be furniture, each once.
    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    /// Whether two reads of one document would be compared alike when the learner looks
    /// for copies.
    pub fn same_sketch(&self, other: &DocumentLines) -> bool {
        self.sketch == other.sketch
    }

    /// A document of `source` with these lines; `eligible` says whether a line may be
    /// furniture at all.
    pub fn new<'l>(
        source: &str,
        lines: impl Iterator<Item = &'l str>,
        eligible: impl Fn(&str) -> bool,
    ) -> Self {
        let mut keys = Vec::new();
        let mut seen = HashSet::new();
        let mut words: Vec<u64> = Vec::new();
        let source_hash = fnv1a(source.as_bytes(), FNV_OFFSET);
        for line in lines {
            let line = line.trim();
            let folded = fold(line);
            words.extend(
                folded
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| fnv1a(w.as_bytes(), FNV_OFFSET)),
            );
            if line.is_empty() || line.chars().count() > MAX_LINE_CHARS || !eligible(line) {
                continue;
            }
            let k = folded_key(source_hash, &folded);
            if seen.insert(k) {
                keys.push(k);
            }
        }
        DocumentLines {
            source: source.to_string(),
            keys,
            sketch: sketch(&words),
        }
    }
}

/// Mixes a hash's bits (splitmix64's finaliser), so a sketch's smallest hashes are a fair
/// sample of the shingles.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// A line's identity: its source and its folded letters and digits, so that "Washington,
/// D.C." and a crawl's "Washington  D C" are one line.
fn key(source: &str, line: &str) -> u64 {
    folded_key(fnv1a(source.as_bytes(), FNV_OFFSET), &fold(line))
}

/// [`key`] of a line already folded, its source already hashed.
fn folded_key(source_hash: u64, folded: &str) -> u64 {
    let mut h = source_hash;
    let mut buf = [0u8; 4];
    for c in folded.chars().filter(|c| c.is_alphanumeric()) {
        h = fnv1a(c.encode_utf8(&mut buf).as_bytes(), h);
    }
    mix(h)
}

/// The [`SKETCH_SIZE`] smallest hashes of a text's five-word shingles, from the hashes
/// of its words.
fn sketch(words: &[u64]) -> Vec<u64> {
    let mut hashes: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            mix(w
                .iter()
                .fold(FNV_OFFSET, |h, x| (h ^ x).wrapping_mul(FNV_PRIME)))
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes.truncate(SKETCH_SIZE);
    hashes
}

/// The learned furniture: for each source and line, in how many documents it recurs.
#[derive(Debug, Default)]
pub struct LearnedFurniture {
    counts: HashMap<u64, usize>,
}

impl LearnedFurniture {
    /// In how many documents of `source` the line recurs, when it is furniture there.
    pub fn documents_with(&self, source: &str, line: &str) -> Option<usize> {
        if self.counts.is_empty() {
            return None;
        }
        self.counts.get(&key(source, line)).copied()
    }

    /// How many distinct lines were learned.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Learns from every document of the collection.
    pub fn learn(documents: &[&DocumentLines]) -> Self {
        let mut holders: HashMap<u64, Vec<u32>> = HashMap::new();
        for (doc, lines) in documents.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            for k in &lines.keys {
                holders.entry(*k).or_default().push(doc);
            }
        }
        holders.retain(|_, docs| docs.len() >= MIN_DOCUMENTS);
        // Lines held by the same documents are judged together.
        let mut by_holders: HashMap<Vec<u32>, Vec<u64>> = HashMap::new();
        for (k, docs) in holders {
            by_holders.entry(docs).or_default().push(k);
        }
        let mut counts = HashMap::new();
        for (docs, keys) in by_holders {
            if docs.len() <= MAX_COPIES && are_copies(&docs, documents) {
                continue;
            }
            for k in keys {
                counts.insert(k, docs.len());
            }
        }
        LearnedFurniture { counts }
    }
}

/// What the learner makes of a line these documents hold: whether it is furniture, and
/// in how many documents. Lines held by too few, or only by copies of one text (judged
/// only up to `MAX_COPIES` holders), are not.
pub fn furniture_state(holders: &[&DocumentLines]) -> Option<usize> {
    let copies = || {
        let docs: Vec<u32> = (0..holders.len())
            .filter_map(|d| u32::try_from(d).ok())
            .collect();
        are_copies(&docs, holders)
    };
    let furniture = holders.len() >= MIN_DOCUMENTS && !(holders.len() <= MAX_COPIES && copies());
    furniture.then_some(holders.len())
}

/// Whether the documents share most of their text, by their sketches (their lines may be
/// broken differently): then they are copies of one text.
fn are_copies(docs: &[u32], documents: &[&DocumentLines]) -> bool {
    let sketch_of = |d: u32| {
        documents
            .get(d as usize)
            .map_or(&[][..], |doc| doc.sketch.as_slice())
    };
    let mut held: HashMap<u64, usize> = HashMap::new();
    for &d in docs {
        for s in sketch_of(d) {
            *held.entry(*s).or_default() += 1;
        }
    }
    let mut shares: Vec<f64> = docs
        .iter()
        .map(|&d| {
            let own = sketch_of(d);
            let shared = own
                .iter()
                .filter(|s| held.get(s).is_some_and(|&n| n >= 2))
                .count();
            if own.is_empty() {
                0.0
            } else {
                shared as f64 / own.len() as f64
            }
        })
        .collect();
    shares.sort_by(f64::total_cmp);
    shares
        .get(shares.len() / 2)
        .is_some_and(|&m| m >= COPY_SHARE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(source: &str, text: &str) -> DocumentLines {
        DocumentLines::new(source, text.lines(), |l| !l.contains('“'))
    }

    #[test]
    fn a_menu_shared_by_an_offices_releases_is_its_furniture() {
        let menu = "Senator Frank R Lautenberg\nPress Release\nof\nSenator Lautenberg\n";
        let docs: Vec<DocumentLines> = [
            "Senate passes the rail safety bill after a long debate on funding for crossings.",
            "The senator asked the agency to explain the delays at the Newark airport tower.",
            "A new grant will pay for flood barriers along the Passaic river next spring.",
        ]
        .iter()
        .map(|body| {
            document(
                "lautenberg",
                &format!("{menu}{body}\n“We will not wait,” he said."),
            )
        })
        .collect();
        let learned = LearnedFurniture::learn(&docs.iter().collect::<Vec<_>>());
        assert_eq!(
            learned.documents_with("lautenberg", "Press Release"),
            Some(3)
        );
        assert_eq!(
            learned.documents_with("lautenberg", "Senator Frank R. Lautenberg"),
            Some(3)
        );
        assert_eq!(learned.documents_with("other", "Press Release"), None);
        // The quotation every release shares is not eligible.
        assert_eq!(
            learned.documents_with("lautenberg", "“We will not wait,” he said."),
            None
        );
    }

    #[test]
    fn copies_of_one_release_share_their_text_but_it_is_no_furniture() {
        let body = "Senators Durbin and Obama today asked the steel company to meet them about the wastewater permit.\nThe permit would let the plant put more ammonia into the lake than the law allows.\nThe senators said the state should hold a public hearing before it decides.\n";
        let docs: Vec<DocumentLines> = ["Durbin", "Obama", "Emanuel"]
            .iter()
            .map(|office| document("senate", &format!("Office of {office}\n{body}")))
            .collect();
        let learned = LearnedFurniture::learn(&docs.iter().collect::<Vec<_>>());
        assert!(learned.is_empty(), "{learned:?}");
    }
}
