//! The cross-linker: groups the reports of one speech and the documents of one event,
//! picks a canonical full text, checks quotes against it and fills dates from the group.

pub mod align;
pub mod candidates;
mod checks;
pub mod copies;
pub mod events;
mod headlines;
mod infer;
pub mod manual;
mod naming;
pub mod occasion;
mod particulars;
pub mod patch;
pub mod relink;
mod reports;
mod spans;
pub mod stable_ids;
mod topics;
mod undated;
pub mod unionfind;

use crate::config::CrosslinkConfig;
use crate::load::{Diagnostic, Document, DocumentId, Kind, PartialDate};
use crate::text::short_hash;
use rayon::prelude::*;
use serde::Serialize;
use spans::DateSpans;
use std::collections::HashMap;
use std::sync::Arc;
use unionfind::UnionFind;

/// A speech group's id, stable between builds: derived from its anchor member.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct GroupId(pub String);

/// The result of checking one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Verified,
    Variant,
    NotFound,
    Unchecked,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Variant => "variant",
            Verdict::NotFound => "not found",
            Verdict::Unchecked => "unchecked",
        }
    }
}

/// A quote's check against a canonical text or another report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteCheck {
    pub verdict: Verdict,
    pub against: Option<DocumentId>,
    pub detail: Option<String>,
}

/// How two documents of one speech group are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The same text, issued again (a joint release, a re-post, a stub).
    Copy,
    /// Two reports that quote the same words.
    Report,
    /// The same speaker at the same named event on the same day.
    Occasion,
    /// Set by hand in site.toml.
    HandSet,
}

/// Why two documents were linked in one speech group.
#[derive(Debug, Clone, Serialize)]
pub struct LinkEvidence {
    pub a: DocumentId,
    pub b: DocumentId,
    pub kind: LinkKind,
    /// Quotes of one that are found in the other (up to three).
    pub shared_quotes: Vec<String>,
    /// Shared five-word phrases.
    pub score: usize,
    /// For a copy: the share of the shorter text found in the longer.
    pub containment: Option<f64>,
    /// The link's basis in a sentence: what the two texts share.
    pub reason: String,
}

/// Two document indices, the smaller first, and why they are linked.
pub type Link = ((usize, usize), LinkEvidence);

/// The reports (and full text) of one speech.
#[derive(Debug, Clone)]
pub struct SpeechGroup {
    pub id: GroupId,
    pub speaker: Option<String>,
    pub date: Option<PartialDate>,
    /// Document indices, sorted by document id.
    pub members: Vec<usize>,
    pub canonical: Option<usize>,
    /// The text the group is read from: the canonical full text, else the report that
    /// quotes the most (the longest among equals).
    pub lead: usize,
    pub evidence: Vec<LinkEvidence>,
}

/// The documents about one event: speeches, announcements and reports.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub place: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// Document indices, sorted by date then id.
    pub members: Vec<usize>,
    pub speech_groups: Vec<usize>,
    /// Why the members belong together.
    pub evidence: Vec<String>,
}

/// The cross-linked collection every page is rendered from.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// Sorted by date, then source path. Shared, so that `serve` puts an edited
    /// document in place without copying the others.
    pub documents: Vec<Arc<Document>>,
    /// Shared like the documents: an edit changes one group.
    pub speech_groups: Vec<Arc<SpeechGroup>>,
    /// Shared whole: no edit that keeps them changes an event.
    pub events: Arc<Vec<Event>>,
    /// Per document: its speech group and event (indices into the vectors above).
    pub speech_group_of: Vec<Option<usize>>,
    pub event_of: Vec<Option<usize>>,
    /// Per document, per quote.
    pub checks: Vec<Arc<Vec<QuoteCheck>>>,
    /// Document index by id.
    pub by_id: Arc<HashMap<DocumentId, usize>>,
    /// Problems with hand-set links (a name that is no document).
    pub diagnostics: Vec<Diagnostic>,
}

impl Collection {
    /// The document with this id.
    pub fn find(&self, id: &DocumentId) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &*self.documents[i])
    }
}

/// What linking computed that linking again after an edit starts from (see relink).
#[derive(Debug, Clone, Default)]
pub struct LinkState {
    /// The documents as they were before linking filled their fields, in the linker's
    /// order: by source path.
    pub documents: Vec<Arc<Document>>,
    /// Per document, the shingles of what it quotes (or of a full text, all of it).
    pub quote_sets: Vec<Vec<u64>>,
    /// Per document, the sketch of its text that finds copies.
    pub sketches: Vec<Vec<u64>>,
    /// The documents that hold each quote shingle, and each sketch hash.
    pub quote_index: relink::Postings,
    pub sketch_index: relink::Postings,
    /// Every link texts gave, copies and reports, before the groups were joined.
    pub text_links: Vec<Link>,
    /// What the topics read of texts beyond their headlines and leads.
    pub topic_reads: topics::TopicReads,
}

/// Cross-links loaded documents into a collection.
pub fn crosslink(documents: Vec<Document>, config: &CrosslinkConfig) -> Collection {
    link_all(documents, config, false).0
}

/// Cross-links loaded documents, and keeps what linking again after an edit needs.
pub fn crosslink_keeping(
    documents: Vec<Document>,
    config: &CrosslinkConfig,
) -> (Collection, LinkState) {
    link_all(documents, config, true)
}

fn link_all(
    mut documents: Vec<Document>,
    config: &CrosslinkConfig,
    keep: bool,
) -> (Collection, LinkState) {
    documents.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    let quote_sets: Vec<Vec<u64>> = documents
        .par_iter()
        .map(|d| candidates::speech_shingles(d, config.phrase_words))
        .collect();
    let quote_links = quote_links(&documents, &quote_sets, config);
    // Dropped as soon as they are used, unless kept: at scale they are large.
    let quote_sets = if keep { quote_sets } else { Vec::new() };
    let sketches: Vec<Vec<u64>> = documents.par_iter().map(copies::sketch).collect();
    let copy_links = copy_links(&documents, &sketches, config);
    let sketches = if keep { sketches } else { Vec::new() };
    let mut state = LinkState::default();
    if keep {
        state.quote_index = relink::Postings::of(&quote_sets);
        state.sketch_index = relink::Postings::of(&sketches);
        state.quote_sets = quote_sets;
        state.sketches = sketches;
        state.documents = documents.iter().cloned().map(Arc::new).collect();
    }
    let occasion_links = if config.join_by_occasion {
        occasion::same_occasion_links(&documents)
    } else {
        Vec::new()
    };
    let hand_set = manual::HandSet::new(&documents, config);
    let mut diagnostics = hand_set.diagnostics.clone();
    let text_links = merge_links(copy_links, quote_links);
    if keep {
        state.text_links = text_links.clone();
    }
    let (mut uf, accepted) = join(
        &documents,
        text_links,
        occasion_links,
        &hand_set,
        config.group_span_days,
    );
    diagnostics.sort_by(|a, b| a.path.cmp(&b.path).then(a.message.cmp(&b.message)));
    let mut evidence_of: HashMap<usize, Vec<LinkEvidence>> = HashMap::new();
    for ((a, _), link) in accepted {
        evidence_of.entry(uf.find(a)).or_default().push(link);
    }
    let mut speech_groups: Vec<SpeechGroup> = uf
        .groups(2)
        .into_iter()
        .map(|members| {
            let evidence = evidence_of.remove(&uf.find(members[0])).unwrap_or_default();
            make_speech_group(&documents, members, evidence)
        })
        .collect();
    speech_groups.sort_by(|a, b| a.id.cmp(&b.id));
    let mut speech_group_of = vec![None; documents.len()];
    for (g, group) in speech_groups.iter().enumerate() {
        for &m in &group.members {
            speech_group_of[m] = Some(g);
        }
    }

    infer::infer_dates(&mut documents, &speech_groups);
    infer::infer_places_and_speakers(&mut documents, &speech_groups);
    for group in &mut speech_groups {
        group.date = infer::group_date(&documents, group);
    }
    let checks = checks::check_quotes(&documents, &speech_groups);
    let (events, event_of, body_read) = events::find_events(&mut documents, &mut speech_groups);
    state.topic_reads = body_read;

    let linked = Linked {
        documents,
        speech_groups,
        events,
        speech_group_of,
        event_of,
        checks,
    };
    (in_final_order(linked, diagnostics), state)
}

/// What linking made, in the linker's order (by source path).
struct Linked {
    documents: Vec<Document>,
    speech_groups: Vec<SpeechGroup>,
    events: Vec<Event>,
    speech_group_of: Vec<Option<usize>>,
    event_of: Vec<Option<usize>>,
    checks: Vec<Vec<QuoteCheck>>,
}

/// The collection in its final order, by date, then source path, every index remapped.
fn in_final_order(linked: Linked, diagnostics: Vec<Diagnostic>) -> Collection {
    let Linked {
        documents,
        mut speech_groups,
        events,
        speech_group_of,
        event_of,
        checks,
    } = linked;
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by(|&a, &b| {
        documents[a]
            .date_or_default()
            .sort_key()
            .cmp(&documents[b].date_or_default().sort_key())
            .then_with(|| documents[a].source_path.cmp(&documents[b].source_path))
    });
    let mut new_index = vec![0; documents.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Document>> = documents.into_iter().map(Some).collect();
    let documents: Vec<Arc<Document>> = order
        .iter()
        .filter_map(|&old| slots[old].take())
        .map(Arc::new)
        .collect();
    let speech_group_of = order.iter().map(|&old| speech_group_of[old]).collect();
    let event_of = order.iter().map(|&old| event_of[old]).collect();
    let checks: Vec<Vec<QuoteCheck>> = order.iter().map(|&old| checks[old].clone()).collect();
    for group in &mut speech_groups {
        group.members = group.members.iter().map(|&m| new_index[m]).collect();
        group
            .members
            .sort_by(|&a, &b| documents[a].id.cmp(&documents[b].id));
        group.canonical = group.canonical.map(|c| new_index[c]);
        group.lead = new_index[group.lead];
    }
    let mut events = events;
    for event in &mut events {
        event.members = event.members.iter().map(|&m| new_index[m]).collect();
        event.members.sort_by(|&a, &b| {
            documents[a]
                .date_or_default()
                .sort_key()
                .cmp(&documents[b].date_or_default().sort_key())
                .then_with(|| documents[a].id.cmp(&documents[b].id))
        });
    }
    let by_id = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    Collection {
        documents,
        speech_groups: speech_groups.into_iter().map(Arc::new).collect(),
        events: Arc::new(events),
        speech_group_of,
        event_of,
        checks: checks.into_iter().map(Arc::new).collect(),
        by_id: Arc::new(by_id),
        diagnostics,
    }
}

/// Links between reports that quote the same words: candidates from the phrases they
/// quote (all of a full text's), each verified by aligning the quotes.
fn quote_links(documents: &[Document], sets: &[Vec<u64>], config: &CrosslinkConfig) -> Vec<Link> {
    let window = config.report_window_days;
    let pairs = candidates::candidate_pairs(
        sets,
        config.min_shared_phrases,
        config.max_phrase_documents,
        |a, b| reports::dates_compatible(&documents[a], &documents[b], window),
    );
    pairs
        .par_iter()
        .filter_map(|&((a, b), shared)| {
            quote_link(&documents[a], &documents[b], shared, config).map(|link| ((a, b), link))
        })
        .collect()
}

/// Verifies one candidate pair of reports, `a` before `b` in the linker's order. Two
/// releases of one template share their office's stock quote and are no reports of one
/// speech.
pub(crate) fn quote_link(
    da: &Document,
    db: &Document,
    shared: usize,
    config: &CrosslinkConfig,
) -> Option<LinkEvidence> {
    let link = reports::verify_pair(da, db, shared, config.report_window_days)?;
    (!particulars::headlines_differ(da, db) && !copies::one_template(da, db)).then_some(link)
}

/// Links between documents that carry the same text: candidates from a sample of
/// every body's shingles (its sketch), each compared in full.
fn copy_links(
    documents: &[Document],
    sketches: &[Vec<u64>],
    config: &CrosslinkConfig,
) -> Vec<Link> {
    let pairs = candidates::candidate_pairs(sketches, 2, config.max_phrase_documents, |_, _| true);
    pairs
        .par_iter()
        .filter_map(|&((a, b), shared)| {
            let sketches = (sketches[a].as_slice(), sketches[b].as_slice());
            copy_link(&documents[a], &documents[b], sketches, shared, config)
                .map(|link| ((a, b), link))
        })
        .collect()
}

/// Compares one candidate pair of copies, `a` before `b`. Dates only rule a pair out
/// when both texts have one and they disagree (`copies::dates_agree`); who issued a
/// copy is what differs between copies, so the publisher never does, nor does the
/// speaker: each office names its own senator first.
pub(crate) fn copy_link(
    da: &Document,
    db: &Document,
    (sa, sb): (&[u64], &[u64]),
    shared: usize,
    config: &CrosslinkConfig,
) -> Option<LinkEvidence> {
    if !copies::worth_comparing(shared, sa, sb)
        || !copies::dates_agree(da, db, config.copy_window_days)
        || !copies::may_be_copies(da, db)
    {
        return None;
    }
    let comparison = copies::compare(&copies::words(da), &copies::words(db))?;
    (comparison.is_copy() && !particulars::headlines_differ(da, db))
        .then(|| copies::link(da, db, &comparison))
}

/// Copy and quote links in one list, one link per pair: a copy's evidence is the
/// stronger.
fn merge_links(copies: Vec<Link>, reports: Vec<Link>) -> Vec<Link> {
    let mut links = copies;
    links.extend(reports);
    links.sort_by_key(|(pair, link)| (*pair, link.kind != LinkKind::Copy));
    links.dedup_by_key(|(pair, _)| *pair);
    links
}

/// Joins documents into speech groups: quote links first, then the occasion, each only
/// where no hand-set `apart` forbids it, then the hand-set `together` groups.
fn join(
    documents: &[Document],
    quote_links: Vec<Link>,
    occasion_links: Vec<Link>,
    hand_set: &manual::HandSet,
    span_days: i64,
) -> (UnionFind, Vec<Link>) {
    let mut uf = UnionFind::new(documents.len());
    let mut accepted = Vec::with_capacity(quote_links.len());
    let mut spans = DateSpans::new(documents);
    let mut headlines = particulars::HeadlineSamples::new();
    for ((a, b), link) in quote_links {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra != rb && !headlines.agree(documents, ra, rb) {
            continue;
        }
        if hand_set.forbids(&mut uf, a, b) || !spans.join(&mut uf, a, b, span_days) {
            continue;
        }
        let root = uf.find(a);
        if ra != rb {
            headlines.merge(documents, ra, rb, root);
        }
        accepted.push(((a, b), link));
    }
    // The occasion joins a report that shares no quote to its speech, but never two
    // groups that quotes already hold together (each is a speech: a speaker may speak
    // twice at one conference), nor two speeches whose full texts are both here.
    let mut quote_backed = vec![false; documents.len()];
    let mut has_full_text = vec![false; documents.len()];
    for &((a, _), _) in &accepted {
        let root = uf.find(a);
        quote_backed[root] = true;
    }
    for (i, doc) in documents.iter().enumerate() {
        if doc.kind == Kind::FullText {
            let root = uf.find(i);
            has_full_text[root] = true;
        }
    }
    for ((a, b), link) in occasion_links {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb
            || (quote_backed[ra] && quote_backed[rb])
            || (has_full_text[ra] && has_full_text[rb])
            || hand_set.forbids(&mut uf, a, b)
        {
            continue;
        }
        uf.union(a, b);
        let root = uf.find(a);
        quote_backed[root] = quote_backed[ra] || quote_backed[rb];
        has_full_text[root] = has_full_text[ra] || has_full_text[rb];
        accepted.push(((a, b), link));
    }
    for ((a, b), link) in hand_set.together_links(documents) {
        uf.union(a, b);
        accepted.push(((a, b), link));
    }
    (uf, accepted)
}

fn make_speech_group(
    documents: &[Document],
    members: Vec<usize>,
    evidence: Vec<LinkEvidence>,
) -> SpeechGroup {
    let canonical = members
        .iter()
        .copied()
        .filter(|&m| documents[m].kind == Kind::FullText)
        .max_by_key(|&m| {
            (
                documents[m].paragraphs().map(str::len).sum::<usize>(),
                std::cmp::Reverse(documents[m].id.clone()),
            )
        });
    let lead = canonical.unwrap_or_else(|| {
        members
            .iter()
            .copied()
            .max_by_key(|&m| {
                let doc = &documents[m];
                (
                    doc.quotes.len(),
                    doc.paragraphs().map(str::len).sum::<usize>(),
                    std::cmp::Reverse(doc.id.clone()),
                )
            })
            .unwrap_or(members[0])
    });
    let anchor = canonical.unwrap_or_else(|| {
        *members
            .iter()
            .min_by_key(|&&m| &documents[m].id)
            .unwrap_or(&members[0])
    });
    let mut speaker_votes: HashMap<&str, usize> = HashMap::new();
    for &m in &members {
        for s in &documents[m].speakers {
            *speaker_votes.entry(s.as_str()).or_default() +=
                if Some(m) == canonical { 3 } else { 1 };
        }
    }
    let speaker = speaker_votes
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| a.0.len().cmp(&b.0.len()))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(s, _)| s.to_string());
    let mut members = members;
    members.sort_by(|&a, &b| documents[a].id.cmp(&documents[b].id));
    SpeechGroup {
        id: GroupId(format!("s-{}", short_hash(&documents[anchor].id.0))),
        speaker,
        date: None,
        members,
        canonical,
        lead,
        evidence,
    }
}
