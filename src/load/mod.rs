//! The loader: every source file becomes a typed [`Document`] or a diagnostic.

pub mod analyse;
mod classify;
mod clean;
pub mod collection;
pub(crate) mod data;
pub mod date;
pub mod decode;
pub mod document;
pub mod fields;
mod furniture;
pub(crate) mod lines;
pub mod overrides;
pub mod page;
pub(crate) mod pattern;
pub mod reload;
pub mod rules;

pub use date::PartialDate;
pub use document::*;

use crate::config::SiteConfig;
use crate::text::slugify;
use collection::SourceHints;
use rayon::prelude::*;
use rules::Rules;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File extensions read as sources.
const SOURCE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// What loading a source folder gives: the documents, sorted by source path, and every
/// diagnostic.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Why loading could not even start.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: the source folder does not exist (set `source` in site.toml or pass --source)")]
    MissingSource(PathBuf),
    #[error("{0}: the source is not a folder")]
    NotAFolder(PathBuf),
}

/// Loads every source file under the configured source folder, in parallel.
pub fn load_collection(config: &SiteConfig) -> Result<Loaded, LoadError> {
    let rules = Rules::new(&config.loader, &config.publishers);
    let (files, mut diagnostics) = source_files(config)?;
    let knowledge = collection::Knowledge::learn(&files, &rules);
    let results: Vec<Result<Document, Diagnostic>> = files
        .par_iter()
        .map(|(rel, path)| load_file_with(rel, path, &rules, knowledge.hints_for(rel)))
        .collect();
    let documents = gather(results.into_iter(), &mut diagnostics);
    Ok(Loaded {
        documents,
        diagnostics,
    })
}

/// The documents of `results` with unique slugs and ids, each one's warnings (and each
/// failure) added to `diagnostics` in order.
fn gather(
    results: impl ExactSizeIterator<Item = Result<Document, Diagnostic>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    // Sized at once: growing a list of a whole archive's documents would hold it twice.
    let mut documents = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(doc) => {
                diagnostics.extend(doc.warnings.iter().cloned());
                documents.push(doc);
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    assign_unique_slugs(&mut documents);
    documents
}

/// Source files as (path under the source folder, path).
type SourceFiles = Vec<(String, PathBuf)>;

/// Every source file under the source folder, as (path under it, path), sorted by
/// name; a folder or file that cannot be read is a diagnostic.
fn source_files(config: &SiteConfig) -> Result<(SourceFiles, Vec<Diagnostic>), LoadError> {
    let root = &config.source;
    if !root.exists() {
        return Err(LoadError::MissingSource(root.clone()));
    }
    if !root.is_dir() {
        return Err(LoadError::NotAFolder(root.clone()));
    }
    let mut diagnostics = Vec::new();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    // The site itself is no source: a build into a folder inside the sources (the
    // default `public/` of a folder built without site.toml) must not read its pages and
    // source copies back. Hidden folders (a build's staging folder) are not read either.
    let output = std::fs::canonicalize(&config.output).ok();
    let walk = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_output = e.file_type().is_dir()
                && output.is_some()
                && std::fs::canonicalize(e.path()).ok() == output;
            !hidden && !is_output
        });
    for entry in walk {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_file() && is_source_name(path) {
                    files.push((relative_path(root, path), path.to_path_buf()));
                }
            }
            Err(err) => diagnostics.push(Diagnostic {
                path: err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string()),
                line: None,
                severity: Severity::Error,
                message: format!(
                    "cannot read: {}",
                    err.io_error()
                        .map_or_else(|| err.to_string(), ToString::to_string)
                ),
            }),
        }
    }
    Ok((files, diagnostics))
}

/// Whether a file's extension makes it a source.
pub fn is_source_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and analyses one file on its own; any failure is a diagnostic naming the file.
pub fn load_file(rel: &str, path: &Path, rules: &Rules) -> Result<Document, Diagnostic> {
    load_file_with(rel, path, rules, SourceHints::default())
}

/// Reads and analyses one file with what the collection says of its source.
pub fn load_file_with(
    rel: &str,
    path: &Path,
    rules: &Rules,
    hints: SourceHints<'_>,
) -> Result<Document, Diagnostic> {
    let shown = path.display().to_string();
    let error = |message: String| Diagnostic {
        path: shown.clone(),
        line: None,
        severity: Severity::Error,
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| error(format!("cannot read: {e}")))?
        .len();
    if size > rules.max_file_bytes {
        return Err(error(format!(
            "the file is {size} bytes, more than the limit of {} (raise loader.max_file_bytes in site.toml)",
            rules.max_file_bytes
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
    let mut doc = isolated(&shown, || {
        load_bytes_with(rel, &shown, &bytes, rules, hints)
    })?;
    let sidecar_warning = |line, message| Diagnostic {
        path: overrides::sidecar_path(path).display().to_string(),
        line,
        severity: Severity::Warning,
        message,
    };
    match overrides::read_sidecar(path) {
        Ok(Some((sidecar, fields))) => {
            let name = sidecar
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            if let Err(e) = overrides::apply(&mut doc, fields, &format!("sidecar {name}")) {
                doc.warnings.push(sidecar_warning(e.line, e.message));
            }
        }
        Ok(None) => {}
        Err(e) => doc.warnings.push(sidecar_warning(
            e.line,
            format!("{}; the sidecar is ignored", e.message),
        )),
    }
    Ok(doc)
}

/// [`load_bytes`], isolated: see [`isolated`].
pub fn load_bytes_isolated(
    rel: &str,
    shown: &str,
    bytes: &[u8],
    rules: &Rules,
) -> Result<Document, Diagnostic> {
    isolated(shown, || load_bytes(rel, shown, bytes, rules))
}

/// Runs one file's analysis so that a failure inside it (a bug, never the file's fault)
/// becomes that file's diagnostic and the rest of the site still builds.
fn isolated<T>(
    shown: &str,
    analysis: impl FnOnce() -> Result<T, Diagnostic>,
) -> Result<T, Diagnostic> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(analysis)).unwrap_or_else(|payload| {
        let cause = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        Err(Diagnostic {
            path: shown.to_string(),
            line: None,
            severity: Severity::Error,
            message: format!(
                "internal error while reading this file ({cause}); the file was skipped (please report it, with the file)"
            ),
        })
    })
}

/// A source's text as the loader reads it: decoded, its front matter split off, a
/// Markdown source made plain; and the decoder's warning, if any.
pub(crate) fn source_text(
    rel: &str,
    bytes: &[u8],
) -> Result<(overrides::FrontMatter, String, Option<String>), String> {
    let decoded = decode::decode(bytes).map_err(|e| e.to_string())?;
    let (front_matter, text) = overrides::split_front_matter(&decoded.text);
    let is_markdown = rel.ends_with(".md") || rel.ends_with(".markdown");
    let text = if is_markdown {
        markdown_to_text(&text)
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err("the file is empty; skipped".to_string());
    }
    Ok((front_matter, text, decoded.warning))
}

/// Analyses a file's bytes on their own; `shown` is the path diagnostics print.
pub fn load_bytes(
    rel: &str,
    shown: &str,
    bytes: &[u8],
    rules: &Rules,
) -> Result<Document, Diagnostic> {
    load_bytes_with(rel, shown, bytes, rules, SourceHints::default())
}

/// Analyses a file's bytes with what the collection says of its source.
pub fn load_bytes_with(
    rel: &str,
    shown: &str,
    bytes: &[u8],
    rules: &Rules,
    hints: SourceHints<'_>,
) -> Result<Document, Diagnostic> {
    let diagnostic = |severity, line, message: String| Diagnostic {
        path: shown.to_string(),
        line,
        severity,
        message,
    };
    let (front_matter, text, decode_warning) =
        source_text(rel, bytes).map_err(|e| diagnostic(Severity::Error, None, e))?;
    let analysis = analyse::analyse_with(&text, rules, hints);
    let mut warnings: Vec<Diagnostic> = Vec::new();
    if let Some(w) = decode_warning {
        warnings.push(diagnostic(Severity::Warning, None, w));
    }
    warnings.extend(
        analysis
            .warnings
            .iter()
            .map(|w| diagnostic(Severity::Warning, w.line, w.message.clone())),
    );
    if analysis.body.is_empty() {
        warnings.push(diagnostic(
            Severity::Warning,
            None,
            "no body text is left after removing page furniture".to_string(),
        ));
    }
    let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
    let (title, title_from, title_evidence) = analysis.title.unwrap_or_else(|| {
        let name = stem.rsplit('/').next().unwrap_or(stem);
        (
            format!("Untitled ({name})"),
            TitleFrom::Made,
            Evidence::rule("made from the file name; the text has no headline or lede"),
        )
    });
    let mut doc = Document {
        id: DocumentId(document_id(stem)),
        slug: String::new(),
        source_path: rel.to_string(),
        source_sha256: Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        title,
        title_from,
        title_evidence,
        kind: analysis.kind,
        kind_evidence: analysis.kind_evidence,
        publisher: analysis.publisher.as_ref().map(|p| p.0.clone()),
        publisher_evidence: analysis.publisher.map(|p| p.1),
        date: analysis.date,
        captured: analysis.captured,
        place: analysis.place.as_ref().map(|p| p.0.clone()),
        place_evidence: analysis.place.map(|p| p.1),
        speakers: analysis.speakers,
        people: analysis.people,
        quotes: analysis.quotes,
        body: analysis.body,
        removed: analysis.removed,
        warnings,
        event_names: analysis.event_names,
        weekday: analysis.weekday,
        dateline_end: analysis.dateline_end,
        overrides: Vec::new(),
        inferred: Vec::new(),
        together: Vec::new(),
        apart: Vec::new(),
    };
    apply_front_matter(&mut doc, front_matter, shown);
    doc.shrink_to_fit();
    Ok(doc)
}

/// Applies a source's front matter, if it has any; a problem with it is a warning.
fn apply_front_matter(doc: &mut Document, front_matter: overrides::FrontMatter, shown: &str) {
    let warning = |line, message| Diagnostic {
        path: shown.to_string(),
        line,
        severity: Severity::Warning,
        message,
    };
    match front_matter {
        Some(Ok(fields)) => {
            if let Err(e) = overrides::apply(doc, fields, "front matter") {
                doc.warnings.push(warning(e.line, e.message));
            }
        }
        Some(Err(e)) => doc.warnings.push(warning(
            e.line,
            format!("{}; the front matter is ignored", e.message),
        )),
        None => {}
    }
}

/// A document id from the source path without extension: URL-safe, '/' becomes '-'.
fn document_id(stem: &str) -> String {
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "document".to_string()
    } else {
        id
    }
}

/// Slugs from titles, made unique by a numeric suffix in source order; ids made unique
/// the same way (two sources can differ only in extension).
fn assign_unique_slugs(documents: &mut [Document]) {
    let mut slugs: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for doc in documents.iter_mut() {
        let base = slugify(&doc.title, 60);
        let base = if base.is_empty() {
            doc.id.0.to_lowercase()
        } else {
            base
        };
        doc.slug = unique(&mut slugs, base);
        doc.id = DocumentId(unique(&mut ids, doc.id.0.clone()));
    }
}

fn unique(seen: &mut HashMap<String, usize>, base: String) -> String {
    let count = {
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        *count
    };
    let candidate = if count == 1 {
        base.clone()
    } else {
        format!("{base}-{count}")
    };
    if count > 1 && seen.contains_key(&candidate) {
        return unique(seen, candidate);
    }
    if count > 1 {
        seen.insert(candidate.clone(), 1);
    }
    candidate
}

/// Markdown sources become plain text: one block per paragraph or heading.
fn markdown_to_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let mut list_depth = 0usize;
    let trim_end = |out: &mut String| {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(_)) => list_depth += 1,
            // A list is one paragraph, its items run on: "…: one; two; three."
            Event::End(TagEnd::Item) => {
                trim_end(&mut out);
                if !out.ends_with(['.', ';', ':', '!', '?']) {
                    out.push(';');
                }
                out.push(' ');
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                trim_end(&mut out);
                if out.ends_with(';') {
                    out.pop();
                    out.push('.');
                }
                if list_depth == 0 {
                    out.push_str("\n\n");
                }
            }
            Event::End(TagEnd::Paragraph) if list_depth > 0 => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                out.push_str("\n\n")
            }
            _ => {}
        }
    }
    out
}

/// A text read with the built-in rules, for tests across the crate; `name` is its path.
#[cfg(test)]
pub(crate) fn load_test_text(name: &str, text: &str) -> Document {
    let rules = Rules::new(&crate::config::LoaderConfig::default(), &[]);
    load_bytes(name, name, text.as_bytes(), &rules)
        .unwrap_or_else(|e| panic!("{name}: {}", e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs_are_unique() {
        let mut seen = HashMap::new();
        let got: Vec<String> = ["a", "a", "a-2", "a"]
            .iter()
            .map(|s| unique(&mut seen, s.to_string()))
            .collect();
        assert_eq!(got, vec!["a", "a-2", "a-2-2", "a-3"]);
        assert_eq!(document_id("batch-0000/0000001"), "batch-0000-0000001");
    }

    #[test]
    fn a_failure_inside_one_files_analysis_is_that_files_error() {
        let failed: Result<(), Diagnostic> =
            isolated("texts/bad.txt", || panic!("index out of range"));
        let message = failed.map_err(|d| d.to_string()).unwrap_err();
        assert!(
            message.starts_with("texts/bad.txt: error: internal error"),
            "{message}"
        );
        assert!(message.contains("index out of range") && message.contains("the file was skipped"));
    }

    #[test]
    fn markdown_becomes_blocks() {
        assert_eq!(
            markdown_to_text("# Title\n\nSome *text*\nhere.\n"),
            "Title\n\nSome text here.\n\n"
        );
        assert_eq!(
            markdown_to_text("It funds:\n\n- laptops\n- teachers\n\nEnd.\n"),
            "It funds:\n\nlaptops; teachers.\n\nEnd.\n\n"
        );
    }
}
