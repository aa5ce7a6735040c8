//! The cross-linker: groups the reports of one speech and the documents of one event,
//! picks a canonical full text, checks quotes against it and fills dates from the group.

pub mod align;
pub mod candidates;
pub mod events;
pub mod manual;
pub mod occasion;
pub mod unionfind;

use crate::config::CrosslinkConfig;
use crate::load::{DatedField, Diagnostic, Document, DocumentId, Evidence, Kind, PartialDate};
use crate::text::{fold, short_hash};
use align::{Alignment, Target};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
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

/// Why two documents were linked as reports of one speech.
#[derive(Debug, Clone, Serialize)]
pub struct LinkEvidence {
    pub a: DocumentId,
    pub b: DocumentId,
    /// Quotes of one that are found in the other (up to three).
    pub shared_quotes: Vec<String>,
    /// Shared five-word phrases.
    pub score: usize,
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
    /// Sorted by date, then source path.
    pub documents: Vec<Document>,
    pub speech_groups: Vec<SpeechGroup>,
    pub events: Vec<Event>,
    /// Per document: its speech group and event (indices into the vectors above).
    pub speech_group_of: Vec<Option<usize>>,
    pub event_of: Vec<Option<usize>>,
    /// Per document, per quote.
    pub checks: Vec<Vec<QuoteCheck>>,
    /// Document index by id.
    pub by_id: HashMap<DocumentId, usize>,
    /// Problems with hand-set links (a name that is no document).
    pub diagnostics: Vec<Diagnostic>,
}

impl Collection {
    /// The document with this id.
    pub fn find(&self, id: &DocumentId) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.documents[i])
    }
}

/// Cross-links loaded documents into a collection.
pub fn crosslink(mut documents: Vec<Document>, config: &CrosslinkConfig) -> Collection {
    documents.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    let window = config.report_window_days;
    let shingle_sets: Vec<Vec<u64>> = documents
        .par_iter()
        .map(|d| candidates::speech_shingles(d, config.phrase_words))
        .collect();
    let pairs = candidates::candidate_pairs(
        &shingle_sets,
        config.min_shared_phrases,
        config.max_phrase_documents,
        |a, b| dates_compatible(&documents[a], &documents[b], window),
    );
    drop(shingle_sets);
    let quote_links: Vec<Link> = pairs
        .par_iter()
        .filter_map(|&((a, b), shared)| {
            verify_pair(&documents, a, b, shared, window).map(|link| ((a, b), link))
        })
        .collect();
    let occasion_links = if config.join_by_occasion {
        occasion::same_occasion_links(&documents)
    } else {
        Vec::new()
    };
    let hand_set = manual::HandSet::new(&documents, config);
    let mut diagnostics = hand_set.diagnostics.clone();
    let (mut uf, accepted) = join(&documents, quote_links, occasion_links, &hand_set);
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

    infer_dates(&mut documents, &speech_groups);
    infer_places_and_speakers(&mut documents, &speech_groups);
    for group in &mut speech_groups {
        group.date = group_date(&documents, group);
    }
    let checks = check_quotes(&documents, &speech_groups);
    let (events, event_of) = events::find_events(&mut documents, &mut speech_groups);

    // Final order: by date, then source path; remap every index.
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
    let documents: Vec<Document> = order.iter().filter_map(|&old| slots[old].take()).collect();
    let speech_group_of = order.iter().map(|&old| speech_group_of[old]).collect();
    let event_of = order.iter().map(|&old| event_of[old]).collect();
    let checks = order.iter().map(|&old| checks[old].clone()).collect();
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
        speech_groups,
        events,
        speech_group_of,
        event_of,
        checks,
        by_id,
        diagnostics,
    }
}

/// Joins documents into speech groups: quote links first, then the occasion, each only
/// where no hand-set `apart` forbids it, then the hand-set `together` groups.
fn join(
    documents: &[Document],
    quote_links: Vec<Link>,
    occasion_links: Vec<Link>,
    hand_set: &manual::HandSet,
) -> (UnionFind, Vec<Link>) {
    let mut uf = UnionFind::new(documents.len());
    let mut accepted = Vec::with_capacity(quote_links.len());
    for ((a, b), link) in quote_links {
        if hand_set.forbids(&mut uf, a, b) {
            continue;
        }
        uf.union(a, b);
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

/// The words a document can be checked against: a full text's whole body; a report's
/// paragraphs (its quotes and its paraphrase).
fn speech_text(doc: &Document) -> String {
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

fn dates_compatible(a: &Document, b: &Document, window_days: i64) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.date.within_days(&y.date, window_days),
        _ => true,
    }
}

/// Accepts a candidate pair when the same speaker's words align: at least two quotes of
/// one found in the other, or one long quote with several shared phrases.
fn verify_pair(
    documents: &[Document],
    a: usize,
    b: usize,
    shared: usize,
    window_days: i64,
) -> Option<LinkEvidence> {
    let (da, db) = (&documents[a], &documents[b]);
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
            shared_quotes: found,
            score: shared,
            reason,
        }
    })
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

/// The date of the speech: the canonical text's, else the earliest dated member's.
pub(crate) fn group_date(documents: &[Document], group: &SpeechGroup) -> Option<PartialDate> {
    if let Some(c) = group.canonical {
        if let Some(d) = &documents[c].date {
            return Some(d.date);
        }
    }
    group
        .members
        .iter()
        .filter_map(|&m| documents[m].date.as_ref().map(|d| d.date))
        .filter(|d| d.year.is_some())
        .min_by_key(PartialDate::sort_key)
        .or_else(|| {
            group
                .members
                .iter()
                .find_map(|&m| documents[m].date.as_ref().map(|d| d.date))
        })
}

/// Fills what a group knows and a member does not: the year of a date line that gives
/// none, and the date of a member that has none. Each is marked inferred.
fn infer_dates(documents: &mut [Document], groups: &[SpeechGroup]) {
    for group in groups {
        infer_years(documents, &group.members, "a report of the same speech");
        let speech_date = group
            .canonical
            .and_then(|c| documents[c].date.as_ref().map(|d| (c, d.date)))
            .or_else(|| {
                group
                    .members
                    .iter()
                    .filter_map(|&m| documents[m].date.as_ref().map(|d| (m, d.date)))
                    .min_by_key(|(_, d)| d.sort_key())
            });
        if let Some((source, date)) = speech_date {
            for &m in &group.members {
                if documents[m].date.is_none() {
                    let rule = format!(
                        "the date of the speech, from {} in the same speech group",
                        documents[source].id
                    );
                    documents[m].date = Some(DatedField {
                        date,
                        inferred: true,
                        evidence: Evidence::rule(rule),
                    });
                }
            }
        }
    }
}

/// Gives each member whose date has a day and month but no year the year that puts it
/// nearest (within a month) to a member's own full date; `relation` says how the two
/// documents are related, for the evidence.
pub(crate) fn infer_years(documents: &mut [Document], members: &[usize], relation: &str) {
    let dated: Vec<(usize, PartialDate)> = members
        .iter()
        .filter_map(|&m| {
            documents[m]
                .date
                .as_ref()
                .filter(|d| d.date.year.is_some() && !d.inferred)
                .map(|d| (m, d.date))
        })
        .collect();
    if dated.is_empty() {
        return;
    }
    for &m in members {
        let Some(current) = documents[m].date.clone() else {
            continue;
        };
        if current.date.year.is_some() || current.date.month.is_none() {
            continue;
        }
        let best = dated
            .iter()
            .flat_map(|&(source, d)| {
                let year = d.year.unwrap_or(0);
                [year - 1, year, year + 1].into_iter().filter_map(move |y| {
                    let candidate = PartialDate {
                        year: Some(y),
                        ..current.date
                    };
                    let distance = (candidate.to_naive()? - d.to_naive()?).num_days().abs();
                    Some((distance, source, candidate))
                })
            })
            .min_by_key(|&(distance, source, _)| (distance, source));
        if let Some((distance, source, candidate)) = best {
            if distance <= 31 {
                let rule = format!(
                    "year from {} ({}), {relation}",
                    documents[source].id,
                    documents[source].date_or_default().iso()
                );
                documents[m].date = Some(DatedField {
                    date: candidate,
                    inferred: true,
                    evidence: Evidence {
                        line: current.evidence.line,
                        rule,
                    },
                });
            }
        }
    }
}

/// Fills a member's missing place, and its missing or shortened speaker, from its speech
/// group: the canonical text's place (else the one most members give) and the group's
/// speaker. Each is listed in the document's `inferred` with the reason in its evidence.
fn infer_places_and_speakers(documents: &mut [Document], groups: &[SpeechGroup]) {
    for group in groups {
        // Where the speech was given: a masthead names where a text was issued instead.
        let place_of_speech = |m: usize| {
            let doc = &documents[m];
            let issued = doc
                .place_evidence
                .as_ref()
                .is_some_and(|e| e.rule == crate::load::fields::place::MASTHEAD_PLACE);
            doc.place.as_deref().filter(|_| !issued)
        };
        let place = group
            .canonical
            .and_then(|c| place_of_speech(c).map(|p| (c, p.to_string())))
            .or_else(|| {
                let mut counts: std::collections::BTreeMap<&str, (usize, usize)> =
                    Default::default();
                for &m in &group.members {
                    if let Some(p) = place_of_speech(m) {
                        counts.entry(p).or_insert((0, m)).0 += 1;
                    }
                }
                counts
                    .into_iter()
                    .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(a.0)))
                    .map(|(p, (_, m))| (m, p.to_string()))
            });
        if let Some((source, place)) = place {
            let from = documents[source].id.clone();
            for &m in &group.members {
                let doc = &mut documents[m];
                if doc.place.is_none() {
                    doc.place = Some(place.clone());
                    doc.place_evidence = Some(Evidence::rule(format!(
                        "inferred: the place of the speech, from {from} in the same speech group"
                    )));
                    doc.inferred.push("place".to_string());
                }
            }
        }
        let Some(speaker) = group.speaker.as_deref() else {
            continue;
        };
        let full = crate::load::fields::people::name_tokens(speaker);
        for &m in &group.members {
            let doc = &mut documents[m];
            let before = doc.speakers.clone();
            if doc.speakers.is_empty() && doc.kind != Kind::Announcement {
                doc.speakers.push(speaker.to_string());
            } else {
                // "Mariam Al Kaabi" in one report is "Mariam Saeed Al Kaabi" in the group.
                for s in &mut doc.speakers {
                    let tokens = crate::load::fields::people::name_tokens(s);
                    if tokens.len() < full.len() && tokens.iter().all(|t| full.contains(t)) {
                        *s = speaker.to_string();
                    }
                }
            }
            if doc.speakers != before {
                doc.inferred.push("speakers".to_string());
            }
        }
    }
}

/// Checks every quote of every grouped report: against the canonical text when there is
/// one, else against the other reports of the same speech.
fn check_quotes(documents: &[Document], groups: &[SpeechGroup]) -> Vec<Vec<QuoteCheck>> {
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
