//! `pressroom check`: everything a build would find wrong with a site, gathered for a
//! person to fix before publishing: loader warnings by kind, ambiguous dates, quotes the
//! full text does not hold, sidecars that were ignored, templates that replace nothing,
//! and internal links that lead nowhere in the built pages. Errors make it fail, so it
//! can gate a publish step.

use crate::build::{collect, BuildError};
use crate::config::SiteConfig;
use crate::crosslink::{Collection, Verdict};
use crate::load::{Diagnostic, Severity};
use crate::render::{render_site, TEMPLATE_NAMES};
use crate::write::Staging;
use std::collections::BTreeMap;
use std::path::Path;

/// How many examples each finding lists.
const EXAMPLES: usize = 10;

/// One kind of finding: how many, whether it fails the check, and some examples.
#[derive(Debug, Clone, Default)]
pub struct Finding {
    pub what: String,
    pub count: usize,
    pub error: bool,
    pub examples: Vec<String>,
}

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub documents: usize,
    pub findings: Vec<Finding>,
    /// Loader warnings, by kind (the message with its particulars taken out).
    pub warning_kinds: BTreeMap<String, usize>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.error)
            .map(|f| f.count)
            .sum()
    }
}

/// A warning's kind: its message with quoted text and numbers taken out, so that one
/// rule's warnings about different files count together.
pub fn warning_kind(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quote: Option<char> = None;
    for c in message.chars() {
        match (quote, c) {
            (None, '"' | '`' | '“' | '‘' | '«') => {
                quote = Some(match c {
                    '“' => '”',
                    '‘' => '’',
                    '«' => '»',
                    _ => c,
                });
                kind.push('…');
            }
            (Some(end), _) if c == end => quote = None,
            (Some(_), _) => {}
            (None, d) if d.is_ascii_digit() => {
                if !kind.ends_with('N') {
                    kind.push('N');
                }
            }
            (None, _) => kind.push(c),
        }
    }
    kind
}

fn finding(what: &str, error: bool, examples: impl Iterator<Item = String>) -> Finding {
    let all: Vec<String> = examples.collect();
    Finding {
        what: what.to_string(),
        count: all.len(),
        error,
        examples: all.into_iter().take(EXAMPLES).collect(),
    }
}

fn diagnostic_findings(diagnostics: &[Diagnostic]) -> Vec<Finding> {
    let with = |test: &dyn Fn(&Diagnostic) -> bool| {
        diagnostics
            .iter()
            .filter(|d| test(d))
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .into_iter()
    };
    vec![
        finding(
            "files skipped",
            true,
            with(&|d| d.severity == Severity::Error),
        ),
        finding(
            "sidecars or front matter ignored",
            true,
            with(&|d| d.message.contains("is ignored") || d.message.contains("unknown field")),
        ),
        finding(
            "ambiguous dates",
            false,
            with(&|d| d.message.starts_with("ambiguous numeric date")),
        ),
        finding(
            "dates that may be the copy's",
            false,
            with(&|d| d.message.contains("may be when the page was copied")),
        ),
    ]
}

/// Quotes that the full text, or every other report, does not hold.
fn quote_findings(collection: &Collection) -> Finding {
    let missing = collection
        .documents
        .iter()
        .enumerate()
        .flat_map(|(i, doc)| {
            doc.quotes
                .iter()
                .zip(collection.checks[i].iter())
                .filter(|(_, check)| check.verdict == Verdict::NotFound)
                .map(move |(q, check)| {
                    let text: String = q.text.chars().take(80).collect();
                    let why = check.detail.clone().unwrap_or_default();
                    format!("{}: “{text}”: {why}", doc.source_path)
                })
        });
    finding(
        "quotes not in the text they were checked against",
        false,
        missing,
    )
}

/// Files in the site's templates/ that replace no built-in template (a misspelt name is
/// silently unused).
fn unknown_templates(root: &Path) -> Finding {
    let folder = root.join("templates");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".html") && !TEMPLATE_NAMES.contains(&name.as_str()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let examples = names.into_iter().map(|name| {
        format!(
            "{}: replaces no built-in template (they are {})",
            folder.join(name).display(),
            TEMPLATE_NAMES.join(", ")
        )
    });
    finding("unknown templates", true, examples)
}

/// Checks the site `config` describes, building it into a temporary folder.
pub fn check(config: &SiteConfig) -> Result<CheckReport, BuildError> {
    let (collection, diagnostics) = collect(config)?;
    let mut report = CheckReport {
        documents: collection.documents.len(),
        ..CheckReport::default()
    };
    for d in diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        *report
            .warning_kinds
            .entry(warning_kind(&d.message))
            .or_default() += 1;
    }
    report.findings = diagnostic_findings(&diagnostics);
    report.findings.push(quote_findings(&collection));
    report.findings.push(unknown_templates(&config.root));
    let scratch = tempfile::tempdir().map_err(|source| BuildError::Scratch { source })?;
    let output = scratch.path().join("site");
    let staging = Staging::new(&output)?;
    match render_site(config, &collection, &staging) {
        Ok(_) => {
            staging.commit()?;
            let broken = crate::links::broken_links(&output, &config.base_path);
            report
                .findings
                .push(finding("broken internal links", true, broken.into_iter()));
        }
        Err(error) => {
            staging.abandon();
            let failed = std::iter::once(error.to_string());
            report
                .findings
                .push(finding("pages that cannot be rendered", true, failed));
        }
    }
    Ok(report)
}

/// The report as the terminal shows it: warnings by kind, a table of findings, then the
/// first examples of each finding there is, and the verdict.
pub fn describe(report: &CheckReport) -> String {
    let plural = if report.documents == 1 { "" } else { "s" };
    let mut out = format!("checked {} document{plural}\n", report.documents);
    if !report.warning_kinds.is_empty() {
        out.push_str("\nloader warnings by kind:\n");
        let mut kinds: Vec<(&String, &usize)> = report.warning_kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for (kind, count) in kinds {
            out.push_str(&format!("  {count:>6}  {kind}\n"));
        }
    }
    out.push_str(&format!("\n  {:<52} {:>6}\n", "finding", "count"));
    for f in &report.findings {
        let mark = if f.error && f.count > 0 {
            "  error"
        } else {
            ""
        };
        out.push_str(&format!("  {:<52} {:>6}{mark}\n", f.what, f.count));
    }
    for f in report.findings.iter().filter(|f| f.count > 0) {
        out.push_str(&format!("\n{}:\n", f.what));
        for example in &f.examples {
            out.push_str(&format!("  {example}\n"));
        }
        if f.count > f.examples.len() {
            out.push_str(&format!("  … and {} more\n", f.count - f.examples.len()));
        }
    }
    out.push_str(&match report.errors() {
        0 => "\nno errors\n".to_string(),
        n => format!(
            "\n{n} error{} to fix before publishing\n",
            if n == 1 { "" } else { "s" }
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_counts_as_one_kind_whatever_it_quotes() {
        assert_eq!(
            warning_kind("the line \"Print this\" repeats in 12 documents"),
            warning_kind("the line \"Share\" repeats in 3 documents"),
        );
        assert_eq!(
            warning_kind("no publication date found"),
            "no publication date found"
        );
    }
}
