//! Events: speech groups, and documents that name the same conference or meeting at a
//! fitting place and time, joined into one event each.

use super::spans::DateSpans;
use super::topics::TopicReads;
use super::unionfind::UnionFind;
use super::{Event, SpeechGroup};
use crate::load::{Document, Kind, PartialDate};
use crate::text::{fold, short_hash, slugify};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Two mentions of one event name lie at most this far apart (an announcement a week or
/// two ahead, reports a few days after).
const EVENT_WINDOW_DAYS: i64 = 21;
/// A name shared by more documents than this is too generic to join them ("General Assembly").
const MAX_NAME_POSTINGS: usize = 200;
/// A name that dated texts give in this many different months names a body that sits
/// all year ("Senate Republican Conference"), not an occasion.
const STANDING_MONTHS: usize = 3;
/// The most days an event's dated members span once names, occasions and speech groups
/// have joined them: without a bound, a speech group that chained one office's template
/// releases of three years would make them one event.
const EVENT_SPAN_DAYS: i64 = 2 * EVENT_WINDOW_DAYS;

pub(crate) fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

fn fits(a: &Document, b: &Document) -> bool {
    let places_fit = match (&a.place, &b.place) {
        (Some(x), Some(y)) => fold(x) == fold(y),
        _ => true,
    };
    let dates_fit = match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.date.within_days(&y.date, EVENT_WINDOW_DAYS),
        _ => a.place.is_some() && b.place.is_some(),
    };
    places_fit && dates_fit
}

/// Joins the documents that evidence puts in one event: a phrase that bursts, a name
/// two documents share, a speech given at a named occasion, and then each speech group
/// a joined document belongs to. Returns the evidence, by a member, and which documents
/// have any: a component without is a speech group alone, and no event; and the names
/// of standing bodies, which name no event; and the documents whose whole text the
/// topics read.
fn join_by_evidence(
    documents: &[Document],
    groups: &[SpeechGroup],
    uf: &mut UnionFind,
) -> (Evidence, Vec<bool>, HashSet<String>, TopicReads) {
    let mut evidence: Vec<(usize, String)> = Vec::new();
    let mut evidenced = vec![false; documents.len()];
    let mut spans = DateSpans::new(documents);
    let (topics, body_read) = super::topics::topic_events_reading(documents, groups);
    for topic in topics {
        for pair in topic.members.windows(2) {
            spans.join(uf, pair[0], pair[1], EVENT_SPAN_DAYS);
        }
        // Each event the burst's texts ended up in (its dates may split it) has its
        // evidence.
        let mut roots: Vec<(usize, usize)> =
            topic.members.iter().map(|&m| (uf.find(m), m)).collect();
        roots.sort_unstable();
        roots.dedup_by_key(|(root, _)| *root);
        for (_, m) in roots {
            evidence.push((m, topic.reason.clone()));
        }
        for &m in &topic.members {
            evidenced[m] = true;
        }
    }
    let by_name = documents_by_name(documents);
    let standing = standing_names(documents, &by_name);
    for (key, docs) in &by_name {
        if docs.len() < 2 || standing.contains(key) {
            continue;
        }
        for (k, &a) in docs.iter().enumerate() {
            if let Some(&b) = docs[k + 1..]
                .iter()
                .find(|&&b| fits(&documents[a], &documents[b]))
            {
                if !spans.join(uf, a, b, EVENT_SPAN_DAYS) {
                    continue;
                }
                evidenced[a] = true;
                evidenced[b] = true;
                evidence.push((
                    a,
                    format!(
                        "{} and {} both name the {key}",
                        documents[a].id, documents[b].id
                    ),
                ));
            }
        }
    }
    // A speech given at a named or described occasion is an event of its own; an event
    // holds every copy and report of a speech one of its documents is part of.
    let occasions: Vec<Option<String>> = groups
        .par_iter()
        .map(|group| {
            group
                .members
                .iter()
                .find_map(|&m| occasion_of(&documents[m], &standing))
        })
        .collect();
    for (group, occasion) in groups.iter().zip(occasions) {
        if let Some(occasion) = occasion {
            evidence.push((
                group.members[0],
                // Named by a document, whose id no build changes, not by the group's.
                format!(
                    "{} reports a speech given at {occasion}",
                    documents[group.members[0]].id
                ),
            ));
            for &m in &group.members {
                evidenced[m] = true;
            }
        }
        if group.members.iter().any(|&m| evidenced[m]) {
            for pair in group.members.windows(2) {
                spans.join(uf, pair[0], pair[1], EVENT_SPAN_DAYS);
            }
        }
    }
    (evidence, evidenced, standing, body_read)
}

/// The documents that name each event name of three words or more, by its key.
fn documents_by_name(documents: &[Document]) -> BTreeMap<String, Vec<usize>> {
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, doc) in documents.iter().enumerate() {
        for name in full_event_names(doc) {
            by_name.entry(name_key(name)).or_default().push(i);
        }
    }
    by_name
}

/// The names of bodies that sit all year rather than of occasions: named by too many
/// texts, or by dated texts of many months.
fn standing_names(
    documents: &[Document],
    by_name: &BTreeMap<String, Vec<usize>>,
) -> HashSet<String> {
    by_name
        .iter()
        .filter(|(_, docs)| {
            let months: HashSet<(i32, u8)> = docs
                .iter()
                .filter_map(|&d| {
                    let date = documents[d].date.as_ref()?.date;
                    Some((date.year?, date.month?))
                })
                .collect();
            docs.len() > MAX_NAME_POSTINGS || months.len() >= STANDING_MONTHS
        })
        .map(|(key, _)| key.clone())
        .collect()
}

/// Each reason two documents are in one event, by a member.
type Evidence = Vec<(usize, String)>;

/// Finds events; returns them with each document's event index, and the documents whose
/// whole text was read to find them (see topics::topic_events_reading).
/// A member whose date lacks a year takes it from the event's dated members, and the
/// speech groups' dates follow.
pub fn find_events(
    documents: &mut [Document],
    groups: &mut [SpeechGroup],
) -> (Vec<Event>, Vec<Option<usize>>, TopicReads) {
    let mut uf = UnionFind::new(documents.len());
    let (evidence, evidenced, standing, body_read) = join_by_evidence(documents, groups, &mut uf);
    let mut events: Vec<Event> = Vec::new();
    let mut event_of = vec![None; documents.len()];
    let group_of_member: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.members.iter().map(move |&m| (m, g)))
        .collect();
    let mut used_slugs: HashMap<String, usize> = HashMap::new();
    let headline_counts = super::naming::headline_word_counts(documents);
    // Each component's evidence, gathered once: filtering the whole list per event
    // would be quadratic in the number of events.
    let mut evidence_of: HashMap<usize, Vec<String>> = HashMap::new();
    for (member, reason) in evidence {
        evidence_of.entry(uf.find(member)).or_default().push(reason);
    }
    // Components a speech group's links made alone hold no evidence of an event.
    let mut components: Vec<Vec<usize>> = uf
        .groups(2)
        .into_iter()
        .filter(|members| members.iter().any(|&m| evidenced[m]))
        .collect();
    // Stable ids and order: by the smallest member id.
    components.sort_by(|a, b| min_id(documents, a).cmp(min_id(documents, b)));
    for members in components {
        let root = uf.find(members[0]);
        let mut speech_groups: Vec<usize> = members
            .iter()
            .filter_map(|m| group_of_member.get(m).copied())
            .collect();
        speech_groups.sort_unstable();
        speech_groups.dedup();
        super::infer::infer_years(documents, &members, "a document of the same event");
        for &g in &speech_groups {
            groups[g].date = super::infer::group_date(documents, &groups[g]);
        }
        let name = super::naming::event_name(
            documents,
            &headline_counts,
            &standing,
            &members,
            groups,
            &speech_groups,
        );
        let place = most_common(members.iter().filter_map(|&m| documents[m].place.clone()));
        // When the event is the day of a speech: a report is often dated the day after
        // and an announcement days before, so speeches' dates win when there are any.
        let speech_dates: Vec<PartialDate> = speech_groups
            .iter()
            .filter_map(|&g| groups[g].date)
            .collect();
        let dates: Vec<PartialDate> = if speech_dates.is_empty() {
            members
                .iter()
                .filter(|&&m| documents[m].kind != Kind::Announcement)
                .filter_map(|&m| documents[m].date.as_ref().map(|d| d.date))
                .collect()
        } else {
            speech_dates
        };
        // A date without a year cannot be placed beside dates with one.
        let dates: Vec<PartialDate> = if dates.iter().any(|d| d.year.is_some()) {
            dates.into_iter().filter(|d| d.year.is_some()).collect()
        } else {
            dates
        };
        let start = dates.iter().copied().min_by_key(PartialDate::sort_key);
        let end = dates.iter().copied().max_by_key(PartialDate::sort_key);
        let id = format!("e-{}", short_hash(&min_id(documents, &members).0));
        let year = start
            .and_then(|d| d.year)
            .map(|y| format!("-{y}"))
            .unwrap_or_default();
        let base = format!("{}{year}", slugify(&name, 60));
        let count = used_slugs.entry(base.clone()).or_insert(0);
        *count += 1;
        let slug = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        let event_evidence = evidence_of.remove(&root).unwrap_or_default();
        for &m in &members {
            event_of[m] = Some(events.len());
        }
        events.push(Event {
            id,
            slug,
            name,
            place,
            start,
            end,
            members,
            speech_groups,
            evidence: event_evidence,
        });
    }
    (events, event_of, body_read)
}

/// The events a document names with three words or more: a shorter name ("the Summit")
/// names no one event.
fn full_event_names(doc: &Document) -> impl Iterator<Item = &String> {
    doc.event_names
        .iter()
        .filter(|n| n.split_whitespace().count() >= 3)
}

/// The first event a document names with three words or more.
pub(crate) fn first_event_name(doc: &Document) -> Option<&String> {
    full_event_names(doc).next()
}

/// The occasion a document says a speech was given at: a named event, or one its first
/// paragraphs describe ("a conference on the prevention of mass atrocities").
fn occasion_of(doc: &Document, standing: &HashSet<String>) -> Option<String> {
    full_event_names(doc)
        .find(|n| !standing.contains(&name_key(n)))
        .cloned()
        .or_else(|| super::naming::description_in(doc))
}

fn min_id<'a>(documents: &'a [Document], members: &[usize]) -> &'a crate::load::DocumentId {
    members
        .iter()
        .map(|&m| &documents[m].id)
        .min()
        .unwrap_or(&documents[members[0]].id)
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(name: &str, date: &str, lead: &str) -> Document {
        let text = format!("Senator speaks on energy\n\n{date}\n\nWASHINGTON - {lead}\n");
        crate::load::load_test_text(name, &text)
    }

    #[test]
    fn a_name_dated_texts_give_in_many_months_is_a_standing_body() {
        let lead = "The senator spoke at the Senate Republican Conference about energy.";
        let body: Vec<Document> = ["March 2, 2006", "June 8, 2006", "October 5, 2006"]
            .iter()
            .enumerate()
            .map(|(i, d)| release(&format!("r{i}.txt"), d, lead))
            .collect();
        let by_name = documents_by_name(&body);
        assert!(standing_names(&body, &by_name).contains("senate republican conference"));
        let summit = "The senator spoke at the World Energy Summit of Ministers today.";
        let occasion: Vec<Document> = ["March 2, 2006", "March 3, 2006"]
            .iter()
            .enumerate()
            .map(|(i, d)| release(&format!("s{i}.txt"), d, summit))
            .collect();
        let by_name = documents_by_name(&occasion);
        assert!(standing_names(&occasion, &by_name).is_empty());
        assert!(occasion_of(&occasion[0], &HashSet::new()).is_some());
    }
}
