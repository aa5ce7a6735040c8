//! What the loader learns from the whole collection before it reads each text: the lines
//! each source repeats (its furniture, see load/furniture), and the order in which each
//! source writes numeric dates, told by the dates that can only be read one way.

pub use super::furniture::DocumentLines;
use super::furniture::LearnedFurniture;
use super::rules::Rules;
use super::{clean, data, date};
use crate::config::DateOrder;
use crate::text::fold;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// What the collection says about the texts of one source.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceHints<'k> {
    /// The source's learned furniture, and the source's name.
    pub furniture: Option<(&'k LearnedFurniture, &'k str)>,
    /// The order of day and month in the source's numeric dates, when its unambiguous
    /// ones all agree.
    pub date_order: Option<DateOrder>,
}

impl SourceHints<'_> {
    /// In how many of its source's documents `line` recurs, when it is their furniture.
    pub fn repeated_in(&self, line: &str) -> Option<usize> {
        let (learned, source) = self.furniture?;
        learned.documents_with(source, line)
    }
}

/// What the loader learned from the collection.
#[derive(Debug, Default)]
pub struct Knowledge {
    furniture: LearnedFurniture,
    orders: HashMap<String, DateOrder>,
    sources: Vec<String>,
}

/// A source's unambiguous numeric dates must agree this often, and number at least
/// [`MIN_PROOFS`], before its ambiguous ones are read the same way.
const AGREEMENT: usize = 9;
const MIN_PROOFS: usize = 2;

/// How far into each text its numeric dates are counted as proofs of order.
const PROOF_BYTES: usize = 3000;

/// The source a document belongs to: the folder it is in.
pub fn source_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(folder, _)| folder)
}

impl Knowledge {
    /// Reads every file once and learns from them all; a file that cannot be read here
    /// is reported when it is loaded.
    pub fn learn(files: &[(String, PathBuf)], rules: &Rules) -> Self {
        let read: Vec<LearnerRead> = read_all(files, rules).into_iter().flatten().collect();
        Knowledge::from_reads(read.iter())
    }

    /// Learns from what the learner read of each file.
    pub fn from_reads<'r>(read: impl Iterator<Item = &'r LearnerRead> + Clone) -> Self {
        let mut proofs: HashMap<&str, (usize, usize)> = HashMap::new();
        for (doc, (mdy, dmy)) in read.clone() {
            let entry = proofs.entry(doc.source.as_str()).or_default();
            entry.0 += mdy;
            entry.1 += dmy;
        }
        let orders = proofs
            .into_iter()
            .filter_map(|(source, (mdy, dmy))| Some((source.to_string(), date_order(mdy, dmy)?)))
            .collect();
        let documents: Vec<&DocumentLines> = read.map(|(doc, _)| doc).collect();
        let mut sources: Vec<String> = documents.iter().map(|d| d.source.clone()).collect();
        sources.sort();
        sources.dedup();
        Knowledge {
            furniture: LearnedFurniture::learn(&documents),
            orders,
            sources,
        }
    }

    /// Whether the collection has texts of this source.
    pub fn knows_source(&self, source: &str) -> bool {
        self.sources
            .binary_search_by(|s| s.as_str().cmp(source))
            .is_ok()
    }

    /// What the collection says about the source of the document at `rel`.
    pub fn hints_for(&self, rel: &str) -> SourceHints<'_> {
        let source = source_of(rel);
        let name = self
            .sources
            .binary_search_by(|s| s.as_str().cmp(source))
            .ok()
            .and_then(|i| self.sources.get(i));
        SourceHints {
            furniture: name.map(|n| (&self.furniture, n.as_str())),
            date_order: self.orders.get(source).copied(),
        }
    }

    /// How many distinct lines were learned as furniture.
    pub fn furniture_lines(&self) -> usize {
        self.furniture.len()
    }
}

/// The order of a source's numeric dates, from its unambiguous dates read month first
/// and day first: when they agree often enough.
pub fn date_order(mdy: usize, dmy: usize) -> Option<DateOrder> {
    if mdy >= MIN_PROOFS && mdy >= dmy * AGREEMENT {
        Some(DateOrder::Mdy)
    } else if dmy >= MIN_PROOFS && dmy >= mdy * AGREEMENT {
        Some(DateOrder::Dmy)
    } else {
        None
    }
}

/// What the learner reads of one file: its lines, and its proofs of date order (month
/// first, day first).
pub type LearnerRead = (DocumentLines, (usize, usize));

/// Reads every file for the learner, in parallel; None for a file it cannot read.
pub fn read_all(files: &[(String, PathBuf)], rules: &Rules) -> Vec<Option<LearnerRead>> {
    files
        .par_iter()
        .map(|(rel, path)| {
            let attempt = std::panic::AssertUnwindSafe(|| read_one(rel, path, rules));
            std::panic::catch_unwind(attempt).ok().flatten()
        })
        .collect()
}

/// One file's lines as the learner keeps them, and its proofs of date order (month
/// first, day first).
pub fn read_one(
    rel: &str,
    path: &std::path::Path,
    rules: &Rules,
) -> Option<(DocumentLines, (usize, usize))> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > rules.max_file_bytes {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let (_, text, _) = super::source_text(rel, &bytes).ok()?;
    let pieces = clean::plain_pieces(&text);
    let lines = pieces.iter().map(|p| p.as_ref());
    let eligible = |line: &str| may_be_furniture(line, rules);
    let doc = DocumentLines::new(source_of(rel), lines, eligible);
    // The dates of a text's head are enough to tell how its source writes them.
    let head = &text[..crate::text::floor_char_boundary(&text, PROOF_BYTES)];
    Some((doc, date::numeric_order_proofs(head)))
}

/// Whether a line may be furniture at all: not a date or a dateline, not a place, not a
/// quotation, not an attribution ("said Senator Salazar"). Those recur across the texts
/// of one day, one town or one speech, and carry what the texts say.
fn may_be_furniture(line: &str, rules: &Rules) -> bool {
    let quoted = line.contains(['“', '”', '"', '«', '»', '„']);
    let first = line.split_whitespace().next().map(fold).unwrap_or_default();
    let attribution = data::SPEECH_VERBS.contains(&first);
    !quoted
        && !attribution
        && date::find_dates(line).is_empty()
        && rules.place_named(line).is_none()
        && rules.place_at_start(line).is_none()
}
