//! One full build: config → load → crosslink → render → write, with a report of what
//! happened. The output folder is replaced only when every step succeeded.

use crate::config::SiteConfig;
use crate::crosslink::{crosslink, crosslink_keeping, stable_ids, Collection, LinkState};
use crate::load::{load_collection, Diagnostic, LoadError, Loaded, Severity};
use crate::render::{render_site, RenderError};
use crate::write::{Staging, WriteError};
use std::time::{Duration, Instant};

/// Why a build produced no site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot make a temporary folder to build in: {source}")]
    Scratch { source: std::io::Error },
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub documents: usize,
    pub pages: usize,
    pub files: usize,
    pub speech_groups: usize,
    pub events: usize,
    /// Every loader diagnostic, in source order; errors name files that were skipped.
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Wall time of each stage, in pipeline order.
    pub stages: Vec<(&'static str, Duration)>,
    /// The search index's files and bytes.
    pub search_files: usize,
    pub search_bytes: u64,
}

impl BuildReport {
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The one-line summary printed at the end of a build.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "built {}, {}, {}, {}, {} in {:.2}s{}",
            plural(self.documents, "document"),
            plural(self.pages, "page"),
            plural(self.speech_groups, "speech group"),
            plural(self.events, "event"),
            plural(self.warnings(), "warning"),
            self.elapsed.as_secs_f64(),
            match self.errors() {
                0 => String::new(),
                n => format!(" ({} skipped)", plural(n, "file")),
            }
        )
    }
}

/// Loads and cross-links the collection without writing anything.
pub fn collect(config: &SiteConfig) -> Result<(Collection, Vec<Diagnostic>), BuildError> {
    let collected = collect_timed(config, &mut Vec::new())?;
    Ok((collected.collection, collected.diagnostics))
}

fn collect_timed(
    config: &SiteConfig,
    stages: &mut Vec<(&'static str, Duration)>,
) -> Result<Collected, BuildError> {
    let started = Instant::now();
    let loaded = load_collection(config)?;
    stages.push(("load", started.elapsed()));
    let started = Instant::now();
    let collected = link(config, loaded);
    stages.push(("crosslink", started.elapsed()));
    Ok(collected)
}

/// Cross-links loaded documents, keeping the ids the last build gave its groups and
/// events (read from the output folder).
pub fn link(config: &SiteConfig, loaded: Loaded) -> Collected {
    let collection = crosslink(loaded.documents, &config.crosslink);
    collected(config, collection, loaded.diagnostics)
}

/// [`link`], keeping what linking again after an edit needs (see crosslink::relink).
pub fn link_keeping(config: &SiteConfig, loaded: Loaded) -> (Collected, LinkState) {
    let (collection, state) = crosslink_keeping(loaded.documents, &config.crosslink);
    (collected(config, collection, loaded.diagnostics), state)
}

fn collected(
    config: &SiteConfig,
    mut collection: Collection,
    loaded: Vec<Diagnostic>,
) -> Collected {
    let (ledger, unreadable) = stable_ids::read_ledger(&config.output);
    stable_ids::keep_ids(&mut collection, &ledger);
    let mut diagnostics = loaded;
    let from_loading = diagnostics.len();
    diagnostics.extend(unreadable);
    diagnostics.extend(collection.diagnostics.iter().cloned());
    Collected {
        collection,
        from_linking: diagnostics.len() - from_loading,
        diagnostics,
    }
}

/// Builds the whole site into `config.output`.
pub fn build(config: &SiteConfig) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    crate::write::check_output_is_safe(&config.output, &[&config.source, &config.root])?;
    let mut stages = Vec::new();
    let collected = collect_timed(config, &mut stages)?;
    render_collected(config, &collected, started, stages)
}

/// A loaded and cross-linked collection with its loader diagnostics.
pub struct Collected {
    pub collection: Collection,
    pub diagnostics: Vec<Diagnostic>,
    /// How many of the diagnostics, at the end, linking gave (the id ledger, hand-set
    /// links); the loader's come before them.
    pub from_linking: usize,
}

impl Collected {
    /// Another collection linked from the same sources, with the loader's diagnostics
    /// now given and linking's as they were.
    pub fn with_collection(&self, collection: Collection, loader: Vec<Diagnostic>) -> Collected {
        let mut diagnostics = loader;
        let from = self.diagnostics.len().saturating_sub(self.from_linking);
        diagnostics.extend_from_slice(&self.diagnostics[from..]);
        Collected {
            collection,
            diagnostics,
            from_linking: self.from_linking,
        }
    }
}

/// Renders a collected site into `config.output` (templates, static files and
/// the page words are read again), swapping it in when the whole render succeeded.
fn render_collected(
    config: &SiteConfig,
    collected: &Collected,
    started: Instant,
    mut stages: Vec<(&'static str, Duration)>,
) -> Result<BuildReport, BuildError> {
    let collection = &collected.collection;
    let rendering = Instant::now();
    let staging = Staging::new(&config.output)?;
    let stats = match render_site(config, collection, &staging) {
        Ok(stats) => stats,
        Err(error) => {
            staging.abandon();
            return Err(error.into());
        }
    };
    stages.push(("render", rendering.elapsed()));
    stages.push(("of which search", stats.search_time));
    let committing = Instant::now();
    staging.commit()?;
    stages.push(("write", committing.elapsed()));
    Ok(BuildReport {
        documents: collection.documents.len(),
        pages: stats.pages,
        files: stats.files,
        speech_groups: collection.speech_groups.len(),
        events: collection.events.len(),
        diagnostics: collected.diagnostics.clone(),
        elapsed: started.elapsed(),
        stages,
        search_files: stats.search.files,
        search_bytes: stats.search.bytes,
    })
}
