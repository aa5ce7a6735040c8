//! Quote checks: every quote of a grouped report against the canonical full text, or
//! where there is none, against the other reports of the speech.

use super::align::{Alignment, Target};
use super::reports::speech_text;
use super::{QuoteCheck, SpeechGroup, Verdict};
use crate::load::Document;
use rayon::prelude::*;

/// Checks every quote of every grouped report: against the canonical text when there is
/// one, else against the other reports of the same speech.
pub(crate) fn check_quotes(documents: &[Document], groups: &[SpeechGroup]) -> Vec<Vec<QuoteCheck>> {
    let mut checks: Vec<Vec<QuoteCheck>> = documents
        .iter()
        .map(|doc| {
            doc.quotes
                .iter()
                .map(|_| QuoteCheck {
                    verdict: Verdict::Unchecked,
                    against: None,
                    detail: Some("not linked to any other report of this speech".into()),
                })
                .collect()
        })
        .collect();
    let grouped: Vec<Vec<(usize, Vec<QuoteCheck>)>> = groups
        .par_iter()
        .map(|group| check_group(documents, group))
        .collect();
    for (i, member_checks) in grouped.into_iter().flatten() {
        checks[i] = member_checks;
    }
    checks
}

/// Checks every quote of a group's reports against its full text, or where it has none,
/// against the other reports. Only this group's texts are prepared for alignment.
fn check_group(documents: &[Document], group: &SpeechGroup) -> Vec<(usize, Vec<QuoteCheck>)> {
    let prepare = |m: usize| (m, Target::new(&speech_text(&documents[m])));
    let canonical = group.canonical.map(prepare);
    let reports: Vec<(usize, Target)> = if canonical.is_some() {
        Vec::new()
    } else {
        group.members.iter().copied().map(prepare).collect()
    };
    group
        .members
        .iter()
        .map(|&i| {
            let doc = &documents[i];
            let member_checks = doc
                .quotes
                .iter()
                .map(|quote| match &canonical {
                    Some((c, _)) if *c == i => QuoteCheck {
                        verdict: Verdict::Verified,
                        against: Some(doc.id.clone()),
                        detail: Some("part of the full text".into()),
                    },
                    Some((c, target)) => {
                        check_one(&quote.text, &documents[*c], target, "the full text")
                    }
                    None => check_against_reports(&quote.text, i, documents, &reports),
                })
                .collect();
            (i, member_checks)
        })
        .collect()
}

fn check_one(quote: &str, against: &Document, target: &Target, what: &str) -> QuoteCheck {
    match target.align(quote) {
        Alignment::Exact => QuoteCheck {
            verdict: Verdict::Verified,
            against: Some(against.id.clone()),
            detail: None,
        },
        Alignment::Variant { differences } => QuoteCheck {
            verdict: Verdict::Variant,
            against: Some(against.id.clone()),
            detail: Some(describe_differences(&differences, what)),
        },
        Alignment::Absent => QuoteCheck {
            verdict: Verdict::NotFound,
            against: Some(against.id.clone()),
            detail: Some(format!("these words are not in {what}")),
        },
    }
}

fn check_against_reports(
    quote: &str,
    i: usize,
    documents: &[Document],
    targets: &[(usize, Target)],
) -> QuoteCheck {
    let mut variant: Option<QuoteCheck> = None;
    for (m, target) in targets.iter().filter(|(m, _)| *m != i) {
        let check = check_one(quote, &documents[*m], target, "another report");
        match check.verdict {
            Verdict::Verified => return check,
            Verdict::Variant if variant.is_none() => variant = Some(check),
            _ => {}
        }
    }
    variant.unwrap_or(QuoteCheck {
        verdict: Verdict::Unchecked,
        against: None,
        detail: Some(
            "no full text in the collection, and no other report quotes these words".into(),
        ),
    })
}

fn describe_differences(differences: &[(String, String)], what: &str) -> String {
    let parts: Vec<String> = differences
        .iter()
        .map(|(quote, text)| match (quote.is_empty(), text.is_empty()) {
            (false, false) => format!("'{text}' where the quote has '{quote}'"),
            (true, false) => format!("'{text}', which the quote leaves out"),
            (false, true) => format!("no '{quote}'"),
            (true, true) => String::new(),
        })
        .collect();
    format!("{what} says {}", parts.join("; "))
}
