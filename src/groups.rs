//! `pressroom groups`: the speech groups and events of a collection with the evidence
//! for every link, so a grouping can be checked and corrected without opening the site.

use crate::crosslink::{Collection, Verdict};
use std::fmt::Write;

/// Whether a group or event matches what the user asked for: its id, or the id or
/// source path of one of its members. An empty filter matches everything.
fn matches(filter: Option<&str>, id: &str, members: &[usize], collection: &Collection) -> bool {
    let Some(wanted) = filter else { return true };
    id == wanted
        || members.iter().any(|&m| {
            let doc = &collection.documents[m];
            doc.id.0 == wanted
                || doc.source_path == wanted
                || std::path::Path::new(wanted).ends_with(&doc.source_path)
        })
}

/// The text `pressroom groups` prints: every speech group (members, canonical text,
/// quote checks, the evidence for each link), then every event.
pub fn describe(collection: &Collection, filter: Option<&str>) -> String {
    let mut out = String::new();
    let docs = &collection.documents;
    let mut shown = 0;
    for group in &collection.speech_groups {
        if !matches(filter, &group.id.0, &group.members, collection) {
            continue;
        }
        shown += 1;
        let _ = writeln!(
            out,
            "speech group {}  {}  {}",
            group.id.0,
            group.speaker.as_deref().unwrap_or("(speaker unknown)"),
            group.date.map(|d| d.human()).unwrap_or_default()
        );
        for &m in &group.members {
            let doc = &docs[m];
            let marker = if Some(m) == group.canonical {
                "canonical"
            } else if m == group.lead {
                "lead report"
            } else {
                doc.kind.label()
            };
            let checks = &collection.checks[m];
            let count = |v: Verdict| checks.iter().filter(|c| c.verdict == v).count();
            let _ = writeln!(
                out,
                "  {:<12} {}  {}  [{}]  quotes: {} verified, {} variant, {} not found, {} unchecked",
                marker,
                doc.id.0,
                doc.date_or_default().iso(),
                doc.title,
                count(Verdict::Verified),
                count(Verdict::Variant),
                count(Verdict::NotFound),
                count(Verdict::Unchecked),
            );
        }
        for link in &group.evidence {
            let _ = writeln!(out, "  link {} – {}: {}", link.a.0, link.b.0, link.reason);
            for quote in &link.shared_quotes {
                let _ = writeln!(out, "      “{quote}”");
            }
        }
        out.push('\n');
    }
    for event in collection.events.iter() {
        if !matches(filter, &event.id, &event.members, collection) {
            continue;
        }
        shown += 1;
        let dates = match (event.start, event.end) {
            (Some(s), Some(e)) if s != e => format!("{} – {}", s.human(), e.human()),
            (Some(s), _) => s.human(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "event {}  {}  {}  {}",
            event.id,
            event.name,
            event.place.as_deref().unwrap_or(""),
            dates
        );
        for &m in &event.members {
            let doc = &docs[m];
            let _ = writeln!(
                out,
                "  {:<12} {}  {}  [{}]",
                doc.kind.label(),
                doc.id.0,
                doc.date_or_default().iso(),
                doc.title
            );
        }
        for reason in &event.evidence {
            let _ = writeln!(out, "  because {reason}");
        }
        out.push('\n');
    }
    if shown == 0 {
        match filter {
            Some(wanted) => {
                let _ = writeln!(out, "no speech group or event has {wanted:?}");
            }
            None => out.push_str("no speech groups or events\n"),
        }
    }
    out
}
