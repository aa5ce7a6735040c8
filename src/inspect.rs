//! `pressroom inspect`: one source as the site will use it, with the reason for every
//! field, every removed line and, when the file is part of the site, its groups.

use crate::build::{collect, BuildError};
use crate::config::SiteConfig;
use crate::crosslink::QuoteCheck;
use crate::load::rules::Rules;
use crate::load::{load_file, Block, Diagnostic, Document, Evidence};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// A group the document belongs to, by id, with the other members.
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
    pub canonical: Option<String>,
}

/// Everything `inspect` shows about one source.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    pub document: Document,
    pub speech_group: Option<Membership>,
    pub event: Option<Membership>,
    /// The check of each quote, in quote order, when the file is part of the site.
    pub quote_checks: Vec<QuoteCheck>,
}

/// Why a file cannot be inspected.
#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error("{0}")]
    Unreadable(Diagnostic),
    #[error(transparent)]
    Build(#[from] BuildError),
}

/// Inspects `file`. When it lies in the site's source folder, the whole collection is
/// loaded and cross-linked so its groups and quote checks are the site's.
pub fn inspect(config: &SiteConfig, file: &Path) -> Result<Inspection, InspectError> {
    let in_site = std::fs::canonicalize(file)
        .ok()
        .zip(std::fs::canonicalize(&config.source).ok())
        .and_then(|(file, source)| {
            file.strip_prefix(&source).ok().map(|rel| {
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
        });
    if let Some(rel) = in_site {
        let (collection, _) = collect(config)?;
        if let Some(i) = collection
            .documents
            .iter()
            .position(|d| d.source_path == rel)
        {
            let membership =
                |members: &[usize], id: &str, name: String, canonical: Option<usize>| Membership {
                    id: id.to_string(),
                    name,
                    members: members
                        .iter()
                        .map(|&m| collection.documents[m].source_path.clone())
                        .collect(),
                    canonical: canonical.map(|c| collection.documents[c].source_path.clone()),
                };
            let speech_group = collection.speech_group_of[i].map(|g| {
                let group = &collection.speech_groups[g];
                let name = match &group.speaker {
                    Some(s) => format!("speech by {s}"),
                    None => "speech".to_string(),
                };
                membership(&group.members, &group.id.0, name, group.canonical)
            });
            let event = collection.event_of[i].map(|e| {
                let event = &collection.events[e];
                membership(&event.members, &event.id, event.name.clone(), None)
            });
            return Ok(Inspection {
                quote_checks: (*collection.checks[i]).clone(),
                document: (*collection.documents[i]).clone(),
                speech_group,
                event,
            });
        }
    }
    let rules = Rules::new(&config.loader, &config.publishers);
    let shown = file.display().to_string();
    let document = load_file(&shown, file, &rules).map_err(InspectError::Unreadable)?;
    Ok(Inspection {
        document,
        speech_group: None,
        event: None,
        quote_checks: Vec::new(),
    })
}

fn why(evidence: &Evidence) -> String {
    match evidence.line {
        Some(line) => format!("line {line}: {}", evidence.rule),
        None => evidence.rule.clone(),
    }
}

fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The inspection as a reader-friendly report.
pub fn describe(inspection: &Inspection) -> String {
    let doc = &inspection.document;
    let mut out = String::new();
    let mut field = |name: &str, value: &str, reason: &str| {
        let _ = writeln!(out, "  {name:<10} {value}");
        if !reason.is_empty() {
            let _ = writeln!(out, "  {:<10}   ↳ {reason}", "");
        }
    };
    field("source", &doc.source_path, "");
    field("title", &doc.title, &why(&doc.title_evidence));
    field("kind", doc.kind.label(), &why(&doc.kind_evidence));
    match (&doc.publisher, &doc.publisher_evidence) {
        (Some(p), Some(e)) => field("publisher", p, &why(e)),
        _ => field(
            "publisher",
            "(unknown)",
            "no dateline agency, sign-off or known marker",
        ),
    }
    match &doc.date {
        Some(d) => {
            let value = if d.inferred {
                format!("{} (inferred)", d.date.iso())
            } else {
                d.date.iso()
            };
            field("date", &value, &why(&d.evidence));
        }
        None => field("date", "(none)", "no dateline, date line or dated sentence"),
    }
    if let Some(d) = &doc.captured {
        field("captured", &d.date.iso(), &why(&d.evidence));
    }
    match (&doc.place, &doc.place_evidence) {
        (Some(p), Some(e)) => field("place", p, &why(e)),
        _ => field("place", "(none)", ""),
    }
    field(
        "speakers",
        &doc.speakers.join(", "),
        "people quotes are attributed to",
    );
    field(
        "people",
        &doc.people.join(", "),
        "names after titles, roles or speech verbs",
    );
    if !doc.overrides.is_empty() {
        field(
            "set by hand",
            &doc.overrides.join(", "),
            "front matter or sidecar",
        );
    }
    for (label, group) in [
        ("speech", &inspection.speech_group),
        ("event", &inspection.event),
    ] {
        if let Some(g) = group {
            let others: Vec<&str> = g
                .members
                .iter()
                .filter(|m| **m != doc.source_path)
                .map(String::as_str)
                .collect();
            let canonical = g
                .canonical
                .as_ref()
                .map(|c| format!("; full text: {c}"))
                .unwrap_or_default();
            field(
                label,
                &format!("{} {}", g.id, g.name),
                &format!("with {}{canonical}", others.join(", ")),
            );
        }
    }

    let paragraphs = doc.paragraphs().count();
    let _ = writeln!(out, "\nbody: {paragraphs} paragraphs");
    for block in &doc.body {
        let (mark, text) = match block {
            Block::Paragraph(t) => ("¶", t),
            Block::Caption(t) => ("caption", t),
            Block::Heading(t) => ("heading", t),
        };
        let _ = writeln!(out, "  {mark:<8} {}", clip(text, 110));
    }
    if !doc.quotes.is_empty() {
        let _ = writeln!(out, "\nquotes: {}", doc.quotes.len());
        for (k, quote) in doc.quotes.iter().enumerate() {
            let speaker = quote.speaker.as_deref().unwrap_or("(no speaker)");
            let _ = writeln!(
                out,
                "  ¶{:<3} {speaker}: “{}”",
                quote.paragraph + 1,
                clip(&quote.text, 90)
            );
            if let Some(check) = inspection.quote_checks.get(k) {
                let detail = check.detail.as_deref().unwrap_or("");
                let _ = writeln!(out, "        ↳ {} {detail}", check.verdict.label());
            }
        }
    }
    if !doc.removed.is_empty() {
        let _ = writeln!(out, "\nremoved lines: {}", doc.removed.len());
        for line in &doc.removed {
            let _ = writeln!(
                out,
                "  {:>4}  {:<22} {}",
                line.line,
                line.explain(),
                clip(&line.text, 80)
            );
        }
    }
    if !doc.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings:");
        for warning in &doc.warnings {
            let _ = writeln!(out, "  {warning}");
        }
    }
    out
}
