//! Reports of one speech: two texts that quote the same words of the same speaker.

use super::align::{Alignment, Target};
use super::{LinkEvidence, LinkKind};
use crate::load::{Document, Kind};
use crate::text::fold;

/// The words a document can be checked against: a full text's whole body; a report's
/// paragraphs (its quotes and its paraphrase).
pub(crate) fn speech_text(doc: &Document) -> String {
    doc.paragraphs().collect::<Vec<_>>().join(" ")
}

fn speakers_compatible(a: &Document, b: &Document) -> bool {
    if a.speakers.is_empty() || b.speakers.is_empty() {
        return a.kind == Kind::FullText || b.kind == Kind::FullText;
    }
    a.speakers.iter().any(|x| {
        let xt = crate::load::fields::people::name_tokens(x);
        b.speakers.iter().any(|y| {
            let yt = crate::load::fields::people::name_tokens(y);
            fold(x) == fold(y)
                || xt.iter().all(|t| yt.contains(t))
                || yt.iter().all(|t| xt.contains(t))
        })
    })
}

pub(crate) fn dates_compatible(a: &Document, b: &Document, window_days: i64) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.date.within_days(&y.date, window_days),
        _ => true,
    }
}

/// Accepts a candidate pair when the same speaker's words align: at least two quotes of
/// one found in the other, or one long quote with several shared phrases.
pub(crate) fn verify_pair(
    da: &Document,
    db: &Document,
    shared: usize,
    window_days: i64,
) -> Option<LinkEvidence> {
    if !speakers_compatible(da, db) || !dates_compatible(da, db, window_days) {
        return None;
    }
    // Prepared per pair and dropped: holding every text's index would not scale.
    let (ta, tb) = (Target::new(&speech_text(da)), Target::new(&speech_text(db)));
    let mut found: Vec<String> = Vec::new();
    for (doc, other) in [(da, &tb), (db, &ta)] {
        for quote in &doc.quotes {
            if crate::text::word_count(&quote.text) >= 4
                && !matches!(other.align(&quote.text), Alignment::Absent)
            {
                found.push(quote.text.clone());
            }
        }
    }
    let accepted = found.len() >= 2 || (found.len() == 1 && shared >= 6);
    accepted.then(|| {
        let reason = format!(
            "{} quote{} of one found in the other; {shared} shared five-word phrase{}",
            found.len(),
            if found.len() == 1 { "" } else { "s" },
            if shared == 1 { "" } else { "s" },
        );
        found.truncate(3);
        LinkEvidence {
            a: da.id.clone(),
            b: db.id.clone(),
            kind: LinkKind::Report,
            shared_quotes: found,
            score: shared,
            containment: None,
            reason,
        }
    })
}
