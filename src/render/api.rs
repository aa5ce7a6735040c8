//! The JSON API: `api/documents.json` and `api/groups.json`. Field names are a public
//! interface: add fields, never rename them.

use super::context::{article_path, event_path, kind_key, speech_path, SiteContext};
use crate::crosslink::Collection;
use serde::Serialize;

#[derive(Serialize)]
struct RemovedJson<'a> {
    line: usize,
    text: &'a str,
    reason: crate::load::RemovalReason,
    /// For a repeated line: in how many documents of its source it recurs.
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<usize>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    check: crate::crosslink::Verdict,
    against: Option<&'a str>,
    detail: Option<&'a str>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: &'a str,
    source: &'a str,
    slug: &'a str,
    url: String,
    title: &'a str,
    title_made: bool,
    kind: &'static str,
    publisher: Option<&'a str>,
    date: Option<String>,
    date_inferred: bool,
    captured: Option<String>,
    place: Option<&'a str>,
    speakers: &'a [String],
    people: &'a [String],
    speech_group: Option<&'a str>,
    event: Option<&'a str>,
    body: Vec<&'a str>,
    captions: Vec<&'a str>,
    removed: Vec<RemovedJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    /// Fields set by hand in front matter or a sidecar.
    overrides: &'a [String],
    /// Fields filled in from the document's speech group.
    inferred: &'a [String],
}

/// `{"documents": [...]}`, each document built as it is written, so the whole file never
/// has to be in memory.
struct DocumentsJson<'a> {
    site: &'a SiteContext,
    collection: &'a Collection,
}

struct DocumentList<'a>(&'a DocumentsJson<'a>);

impl Serialize for DocumentsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut object = serializer.serialize_struct("DocumentsJson", 1)?;
        object.serialize_field("documents", &DocumentList(self))?;
        object.end()
    }
}

impl Serialize for DocumentList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let DocumentsJson { site, collection } = self.0;
        serializer.collect_seq(
            (0..collection.documents.len()).map(|i| document_json(site, collection, i)),
        )
    }
}

/// Writes `api/documents.json`: every document, in date then source order.
pub fn write_documents_json(
    site: &SiteContext,
    collection: &Collection,
    writer: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer(writer, &DocumentsJson { site, collection })
}

fn document_json<'a>(site: &SiteContext, collection: &'a Collection, i: usize) -> DocumentJson<'a> {
    let doc = &collection.documents[i];
    DocumentJson {
        id: &doc.id.0,
        source: &doc.source_path,
        slug: &doc.slug,
        url: site.url(&article_path(doc)),
        title: &doc.title,
        title_made: doc.title_from == crate::load::TitleFrom::Made,
        kind: kind_key(doc.kind),
        publisher: doc.publisher.as_deref(),
        date: doc.date.as_ref().map(|d| d.date.iso()),
        date_inferred: doc.date.as_ref().is_some_and(|d| d.inferred),
        captured: doc.captured.as_ref().map(|d| d.date.iso()),
        place: doc.place.as_deref(),
        speakers: &doc.speakers,
        people: &doc.people,
        speech_group: collection.speech_group_of[i]
            .map(|g| collection.speech_groups[g].id.0.as_str()),
        event: collection.event_of[i].map(|e| collection.events[e].id.as_str()),
        body: doc.paragraphs().collect(),
        captions: doc
            .body
            .iter()
            .filter_map(|b| match b {
                crate::load::Block::Caption(t) => Some(t.as_str()),
                _ => None,
            })
            .collect(),
        removed: doc
            .removed
            .iter()
            .map(|r| RemovedJson {
                line: r.line,
                text: &r.text,
                reason: r.reason,
                documents: r.documents,
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .zip(collection.checks[i].iter())
            .map(|(q, c)| QuoteJson {
                text: &q.text,
                speaker: q.speaker.as_deref(),
                check: c.verdict,
                against: c.against.as_ref().map(|a| a.0.as_str()),
                detail: c.detail.as_deref(),
            })
            .collect(),
        overrides: &doc.overrides,
        inferred: &doc.inferred,
    }
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    a: &'a str,
    b: &'a str,
    /// "copy", "report", "occasion" or "hand_set".
    kind: crate::crosslink::LinkKind,
    shared_quotes: &'a [String],
    score: usize,
    /// For a copy: the share of the shorter text found in the longer, to two places.
    #[serde(skip_serializing_if = "Option::is_none")]
    containment: Option<f64>,
    reason: &'a str,
}

#[derive(Serialize)]
struct SpeechGroupJson<'a> {
    id: &'a str,
    url: String,
    speaker: Option<&'a str>,
    date: Option<String>,
    members: Vec<&'a str>,
    canonical: Option<&'a str>,
    /// The canonical text, else the report that quotes the most.
    lead: &'a str,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    url: String,
    name: &'a str,
    place: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    members: Vec<&'a str>,
    speech_groups: Vec<&'a str>,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct GroupsJson<'a> {
    speech_groups: Vec<SpeechGroupJson<'a>>,
    events: Vec<EventJson<'a>>,
}

/// Writes `api/groups.json`: speech groups and events with members (sorted by id) and
/// evidence.
pub fn write_groups_json(
    site: &SiteContext,
    collection: &Collection,
    writer: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    let id_of = |i: usize| collection.documents[i].id.0.as_str();
    let sorted_ids = |members: &[usize]| {
        let mut ids: Vec<&str> = members.iter().map(|&m| id_of(m)).collect();
        ids.sort_unstable();
        ids
    };
    let speech_groups = collection
        .speech_groups
        .iter()
        .map(|g| SpeechGroupJson {
            id: &g.id.0,
            url: site.url(&speech_path(g)),
            speaker: g.speaker.as_deref(),
            date: g.date.map(|d| d.iso()),
            members: sorted_ids(&g.members),
            canonical: g.canonical.map(id_of),
            lead: id_of(g.lead),
            evidence: g
                .evidence
                .iter()
                .map(|e| EvidenceJson {
                    a: &e.a.0,
                    b: &e.b.0,
                    kind: e.kind,
                    shared_quotes: &e.shared_quotes,
                    score: e.score,
                    containment: e.containment.map(|c| (c * 100.0).round() / 100.0),
                    reason: &e.reason,
                })
                .collect(),
        })
        .collect();
    let events = collection
        .events
        .iter()
        .map(|e| EventJson {
            id: &e.id,
            url: site.url(&event_path(e)),
            name: &e.name,
            place: e.place.as_deref(),
            start: e.start.map(|d| d.iso()),
            end: e.end.map(|d| d.iso()),
            members: sorted_ids(&e.members),
            speech_groups: e
                .speech_groups
                .iter()
                .map(|&g| collection.speech_groups[g].id.0.as_str())
                .collect(),
            evidence: &e.evidence,
        })
        .collect();
    serde_json::to_writer(
        writer,
        &GroupsJson {
            speech_groups,
            events,
        },
    )
}
