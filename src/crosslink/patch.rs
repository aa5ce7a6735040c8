//! A linked collection with edited documents put in place without linking again: when
//! an edit leaves everything the cross-linker reads of a document as it was (a line of
//! furniture, a capture date, a field's evidence), the links, groups, events and quote
//! checks it made are what linking again would make, and only the document changes.

use super::Collection;
use crate::load::{DatedField, Document, Evidence};

/// Points evidence read from line `was` of a text at the line `now` it moved to.
fn moved(evidence: &mut Evidence, was: Option<Option<usize>>, now: Option<Option<usize>>) {
    if let (Some(was), Some(now)) = (was, now) {
        if evidence.line == was {
            evidence.line = now;
        }
    }
}

/// Whether the cross-linker reads the same of both documents: every field but those it
/// never looks at. Written out field by field, so that a field added to [`Document`]
/// is not forgotten here.
pub fn same_link_inputs(a: &Document, b: &Document) -> bool {
    link_inputs(a) == link_inputs(b)
}

/// Whether the cross-linker reads the same of both documents but their text: the body
/// and the quotes in it.
pub fn same_but_text(a: &Document, b: &Document) -> bool {
    link_inputs(a).0 == link_inputs(b).0
}

/// What the cross-linker reads of a document: its text (quotes and body), and the rest.
fn link_inputs(d: &Document) -> (impl PartialEq + '_, impl PartialEq + '_) {
    {
        let Document {
            id,
            slug: _,
            source_path,
            source_sha256: _,
            title,
            title_from,
            title_evidence: _,
            kind,
            kind_evidence: _,
            publisher,
            publisher_evidence: _,
            date,
            captured: _,
            place,
            place_evidence,
            speakers,
            people,
            quotes,
            body,
            removed: _,
            warnings: _,
            event_names,
            weekday,
            dateline_end: _,
            overrides: _,
            inferred,
            together,
            apart,
        } = d;
        // Of a date's evidence only its rule is read; its line moves when a line is
        // added above, and is carried over below.
        let date = date
            .as_ref()
            .map(|d| (d.date, d.inferred, &d.evidence.rule));
        let rest = (
            (id, source_path, title, title_from, kind, publisher, date),
            // Of a place's evidence only its rule is read (a masthead's place is where a
            // text was issued); its line moves when a line is added above.
            (place, place_evidence.as_ref().map(|e| &e.rule)),
            (speakers, people),
            (event_names, weekday, inferred, together, apart),
        );
        (rest, (quotes, body))
    }
}

/// `collection` with each edit (a document as loaded before, and as loaded now) put in
/// place, when no edit changes what the cross-linker reads; None when one does, or a
/// document is not in the collection.
pub fn patched(collection: &Collection, edits: &[(&Document, &Document)]) -> Option<Collection> {
    let mut places = Vec::with_capacity(edits.len());
    for (before, after) in edits {
        if !same_link_inputs(before, after) {
            return None;
        }
        let at = collection
            .documents
            .iter()
            .position(|d| d.source_path == after.source_path)?;
        places.push(at);
    }
    let mut next = collection.clone();
    for (&at, (before, after)) in places.iter().zip(edits) {
        let doc = put_in_place(&collection.documents[at], before, after);
        next.documents[at] = std::sync::Arc::new(doc);
    }
    Some(next)
}

/// The edited document (`before` and `after` as loaded) as linking gives it, when
/// linking gives what it gave `linked`: its unique id and slug, and the fields it
/// fills from the document's group; the lines its own date and place were read from
/// are the edited text's.
pub(super) fn put_in_place(linked: &Document, before: &Document, after: &Document) -> Document {
    let mut doc = after.clone();
    doc.id = linked.id.clone();
    doc.slug = linked.slug.clone();
    doc.date = linked.date.clone().map(|mut date| {
        let lines = |d: &Option<DatedField>| d.as_ref().map(|d| d.evidence.line);
        moved(&mut date.evidence, lines(&before.date), lines(&after.date));
        date
    });
    doc.place = linked.place.clone();
    doc.place_evidence = linked.place_evidence.clone().map(|mut evidence| {
        let lines = |e: &Option<Evidence>| e.as_ref().map(|e| e.line);
        moved(
            &mut evidence,
            lines(&before.place_evidence),
            lines(&after.place_evidence),
        );
        evidence
    });
    doc.speakers = linked.speakers.clone();
    doc.inferred = linked.inferred.clone();
    doc
}
