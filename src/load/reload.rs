//! The sources kept between changes, for `serve`: a changed file is read again on its
//! own, unless the change would alter what the loader learned from the whole collection
//! (a line becoming, or ceasing to be, furniture; a source's date order), when every
//! file is.

use super::collection::{self, date_order, source_of, Knowledge, LearnerRead};
use super::furniture::{furniture_state, DocumentLines, MAX_COPIES, MIN_DOCUMENTS};
use super::rules::Rules;
use super::{gather, load_file_with, source_files, Diagnostic, Document, LoadError, Loaded};
use crate::config::SiteConfig;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Every source as loaded, with what the learner read of each.
pub struct Sources {
    root: PathBuf,
    rules: Rules,
    knowledge: Knowledge,
    /// (path under the root, path), in the order a full load reads them.
    files: Vec<(String, PathBuf)>,
    index: HashMap<String, usize>,
    reads: Vec<Option<LearnerRead>>,
    results: Vec<Result<Document, Diagnostic>>,
    /// In how many documents each line key occurs.
    line_counts: HashMap<u64, usize>,
    /// Per source, its proofs of date order (month first, day first).
    proofs: HashMap<String, (usize, usize)>,
    /// The folders that could not be read.
    walk_diagnostics: Vec<Diagnostic>,
    /// What the last reload read again: each file's index and its document before.
    edits: Vec<(usize, Option<Document>)>,
    /// Whether the last reload removed a file.
    removed_any: bool,
}

/// What a change of files came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Reloaded {
    /// Only these files were read again.
    Files(usize),
    /// Every file was: the change altered what the collection teaches the loader, or it
    /// added a file.
    Everything,
}

impl Sources {
    /// Loads every source, keeping what each change will need.
    pub fn load(config: &SiteConfig) -> Result<Sources, LoadError> {
        let rules = super::Rules::new(&config.loader, &config.publishers);
        let (files, walk_diagnostics) = source_files(config)?;
        let reads = collection::read_all(&files, &rules);
        let knowledge = Knowledge::from_reads(reads.iter().flatten());
        let results = files
            .par_iter()
            .map(|(rel, path)| load_file_with(rel, path, &rules, knowledge.hints_for(rel)))
            .collect();
        let mut line_counts: HashMap<u64, usize> = HashMap::new();
        let mut proofs: HashMap<String, (usize, usize)> = HashMap::new();
        for (lines, (mdy, dmy)) in reads.iter().flatten() {
            for &key in lines.keys() {
                *line_counts.entry(key).or_default() += 1;
            }
            let entry = proofs.entry(lines.source.clone()).or_default();
            entry.0 += mdy;
            entry.1 += dmy;
        }
        let index = files
            .iter()
            .enumerate()
            .map(|(n, (rel, _))| (rel.clone(), n))
            .collect();
        Ok(Sources {
            root: std::fs::canonicalize(&config.source).unwrap_or_else(|_| config.source.clone()),
            rules,
            knowledge,
            files,
            index,
            reads,
            results,
            line_counts,
            proofs,
            walk_diagnostics,
            edits: Vec::new(),
            removed_any: false,
        })
    }

    /// The documents and diagnostics, as a full load gives them.
    pub fn loaded(&self) -> Loaded {
        let mut diagnostics = self.walk_diagnostics.clone();
        let documents = gather(self.results.iter().cloned(), &mut diagnostics);
        Loaded {
            documents,
            diagnostics,
        }
    }

    /// The loader's diagnostics, as [`Sources::loaded`] gives them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut diagnostics = self.walk_diagnostics.clone();
        for result in &self.results {
            match result {
                Ok(doc) => diagnostics.extend(doc.warnings.iter().cloned()),
                Err(diagnostic) => diagnostics.push(diagnostic.clone()),
            }
        }
        diagnostics
    }

    /// The documents the last reload read again, each as it was and as it is; None when
    /// it removed a file, or a file did not load before or after.
    pub fn edited(&self) -> Option<Vec<(&Document, &Document)>> {
        if self.removed_any {
            return None;
        }
        self.edits
            .iter()
            .map(|(n, before)| Some((before.as_ref()?, self.results.get(*n)?.as_ref().ok()?)))
            .collect()
    }

    /// Reads changed files again: `changed` are paths the system reported, sources or
    /// their sidecars. Anything else under the root, a new file, or a change that would
    /// alter what the loader learned from the collection, loads everything again.
    pub fn reload(
        &mut self,
        config: &SiteConfig,
        changed: &[PathBuf],
    ) -> Result<Reloaded, LoadError> {
        let mut again: Vec<usize> = Vec::new();
        for path in changed {
            match self.file_of(path) {
                Some(n) => again.push(n),
                None => return self.everything(config),
            }
        }
        again.sort_unstable();
        again.dedup();
        let (mut removed, mut reread) = (Vec::new(), Vec::new());
        for &n in &again {
            let path = self.files[n].1.clone();
            let read = path
                .is_file()
                .then(|| collection::read_one(&self.files[n].0, &path, &self.rules))
                .flatten();
            let Some(others) = self.affected_by(n, read.as_ref()) else {
                return self.everything(config);
            };
            self.count(n, -1);
            self.reads[n] = read;
            self.count(n, 1);
            if !others.is_empty() {
                self.knowledge = Knowledge::from_reads(self.reads.iter().flatten());
            }
            if !path.is_file() {
                removed.push(n);
            }
            reread.push(n);
            reread.extend(others);
        }
        reread.sort_unstable();
        reread.dedup();
        let (files, rules, knowledge) = (&self.files, &self.rules, &self.knowledge);
        let results: Vec<(usize, Result<Document, Diagnostic>)> = reread
            .par_iter()
            .filter(|n| removed.binary_search(n).is_err())
            .map(|&n| {
                let (rel, path) = &files[n];
                (
                    n,
                    load_file_with(rel, path, rules, knowledge.hints_for(rel)),
                )
            })
            .collect();
        self.edits.clear();
        for (n, result) in results {
            let before = std::mem::replace(&mut self.results[n], result);
            self.edits.push((n, before.ok()));
        }
        self.removed_any = !removed.is_empty();
        self.remove(&removed);
        Ok(Reloaded::Files(reread.len()))
    }

    fn everything(&mut self, config: &SiteConfig) -> Result<Reloaded, LoadError> {
        *self = Sources::load(config)?;
        Ok(Reloaded::Everything)
    }

    /// The index of the source file `path` names, itself or by its sidecar; None for
    /// any other path, and for a source not read before.
    fn file_of(&self, path: &Path) -> Option<usize> {
        let folder = path.parent()?;
        let folder = std::fs::canonicalize(folder).ok()?;
        let rel_folder = folder.strip_prefix(&self.root).ok()?;
        let name = path.file_name()?.to_str()?;
        let rel = |name: &str| {
            let mut parts: Vec<String> = rel_folder
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            parts.push(name.to_string());
            parts.join("/")
        };
        if super::is_source_name(path) {
            return self.index.get(&rel(name)).copied();
        }
        // A sidecar: "release.toml" beside "release.txt" (or .md, ...).
        name.ends_with(".toml").then_some(())?;
        let sidecar = rel(name);
        self.files
            .iter()
            .position(|(r, _)| Path::new(r).with_extension("toml") == Path::new(&sidecar))
    }

    /// The other files whose reading changes when file `n` is read as `read` in place
    /// of its last read: the holders of each line that becomes or ceases to be
    /// furniture, or is furniture held by one more or one fewer (the count shows on
    /// their pages). None when everything must be read again: the file is the first of
    /// a new source, or its source's date order changes.
    fn affected_by(&self, n: usize, read: Option<&LearnerRead>) -> Option<Vec<usize>> {
        let old = self.reads[n].as_ref();
        let source = source_of(&self.files[n].0);
        if !self.knowledge.knows_source(source) && read.is_some() {
            return None;
        }
        if !self.same_date_order(source, old, read) {
            return None;
        }
        let (was, now) = (old.map(|(lines, _)| lines), read.map(|(lines, _)| lines));
        let check = self.lines_to_check(was, now);
        if check.is_empty() {
            return Some(Vec::new());
        }
        let holders = self.holders(n, &check);
        let mut affected = Vec::new();
        for (key, others) in check.iter().zip(&holders) {
            let group: Vec<&DocumentLines> = others
                .iter()
                .filter_map(|&m| self.reads[m].as_ref().map(|(lines, _)| lines))
                .collect();
            let state = |lines: Option<&DocumentLines>| {
                let mut group = group.clone();
                group.extend(lines.filter(|l| l.keys().contains(key)));
                furniture_state(&group)
            };
            if state(was) != state(now) {
                affected.extend_from_slice(others);
            }
        }
        affected.sort_unstable();
        affected.dedup();
        Some(affected)
    }

    /// The lines (keys, sorted) whose learning a file's change from `was` to `now` may
    /// change: those that come or go, and when the text changed those kept too (the
    /// learner tells copies apart by text); only those held often enough to be
    /// furniture before or after.
    fn lines_to_check(&self, was: Option<&DocumentLines>, now: Option<&DocumentLines>) -> Vec<u64> {
        let keys = |l: Option<&DocumentLines>| -> Vec<u64> {
            let mut keys = l.map(|l| l.keys().to_vec()).unwrap_or_default();
            keys.sort_unstable();
            keys
        };
        let (before, after) = (keys(was), keys(now));
        let same_text = match (was, now) {
            (Some(a), Some(b)) => a.same_sketch(b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let count = |k: &u64| self.line_counts.get(k).copied().unwrap_or(0);
        // A kept line held by more than `MAX_COPIES` is furniture whatever the text.
        let judged = |k: &&u64| count(k) <= MAX_COPIES;
        let mut check: Vec<u64> = before
            .iter()
            .filter(|k| after.binary_search(k).is_err() || (!same_text && judged(k)))
            .chain(after.iter().filter(|k| before.binary_search(k).is_err()))
            .filter(|k| count(k) + 1 >= MIN_DOCUMENTS)
            .copied()
            .collect();
        check.sort_unstable();
        check.dedup();
        check
    }

    /// Whether the source's date order stays when a file's proofs change.
    fn same_date_order(
        &self,
        source: &str,
        old: Option<&LearnerRead>,
        read: Option<&LearnerRead>,
    ) -> bool {
        let proofs_of = |r: Option<&LearnerRead>| r.map_or((0, 0), |(_, p)| *p);
        let (was, now) = (proofs_of(old), proofs_of(read));
        let total = self.proofs.get(source).copied().unwrap_or_default();
        let next = (
            total.0.saturating_sub(was.0) + now.0,
            total.1.saturating_sub(was.1) + now.1,
        );
        date_order(total.0, total.1) == date_order(next.0, next.1)
    }

    /// For each key (sorted), the files other than `n` that hold it, in one pass.
    fn holders(&self, n: usize, keys: &[u64]) -> Vec<Vec<usize>> {
        let mut holders = vec![Vec::new(); keys.len()];
        for (m, read) in self.reads.iter().enumerate() {
            let Some((lines, _)) = read.as_ref().filter(|_| m != n) else {
                continue;
            };
            for key in lines.keys() {
                if let Ok(at) = keys.binary_search(key) {
                    holders[at].push(m);
                }
            }
        }
        holders
    }

    /// Adds (`by` 1) or takes away (`by` -1) file `n`'s read from the counts.
    fn count(&mut self, n: usize, by: isize) {
        let Some((lines, (mdy, dmy))) = &self.reads[n] else {
            return;
        };
        for key in lines.keys() {
            let count = self.line_counts.entry(*key).or_default();
            *count = count.saturating_add_signed(by);
        }
        let entry = self.proofs.entry(lines.source.clone()).or_default();
        entry.0 = entry.0.saturating_add_signed(by * *mdy as isize);
        entry.1 = entry.1.saturating_add_signed(by * *dmy as isize);
    }

    /// Forgets the files at these indices (sorted), whose files are gone.
    fn remove(&mut self, gone: &[usize]) {
        for &n in gone.iter().rev() {
            self.files.remove(n);
            self.reads.remove(n);
            drop(self.results.remove(n));
        }
        if !gone.is_empty() {
            self.index = self
                .files
                .iter()
                .enumerate()
                .map(|(n, (rel, _))| (rel.clone(), n))
                .collect();
        }
    }
}
