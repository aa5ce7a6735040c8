//! Linking again after the text of one document was edited, without linking the whole
//! collection: the document's candidate pairs are found against what the last linking
//! kept (every document's shingles and sketch), verified as linking verifies them, and
//! when they give the links it had, every group and event stays; only the document's
//! group is looked at again (its full text, its evidence, its quote checks).
//!
//! The result is what linking everything again gives. Where it could not be, the edit
//! is refused and the caller links everything: the edit changed more than the text, or
//! the lead the topics read, or the occasion the first paragraphs describe; the topics
//! read the document's whole text; a shingle it gained or lost crossed the limit of
//! documents that makes it a stock phrase (that changes pairs of other documents); its
//! links changed; or its group would take another full text or speaker.

use super::patch::{put_in_place, same_but_text};
use super::topics::TopicReads;
use super::undated::topic_word_set;
use super::{
    candidates, checks, copies, copy_link, headlines, make_speech_group, merge_links, naming,
    quote_link, reports, Collection, Link, LinkEvidence, LinkKind, LinkState,
};
use crate::config::CrosslinkConfig;
use crate::load::Document;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// `collection` with the document edited from `before` to `after` (both as loaded) linked
/// again, and `state` brought up to date; None, with `state` untouched, when only
/// linking everything gives the result.
pub fn relinked(
    collection: &Collection,
    state: &mut LinkState,
    before: &Document,
    after: &Document,
    config: &CrosslinkConfig,
) -> Option<Collection> {
    let x = state
        .documents
        .binary_search_by(|d| d.source_path.as_str().cmp(&after.source_path))
        .ok()?;
    let only_the_text = same_but_text(before, after)
        && !topics_read(&state.topic_reads, x, before, after)
        && headlines::lead_phrases(before) == headlines::lead_phrases(after)
        && naming::description_in(before) == naming::description_in(after);
    if !only_the_text {
        return None;
    }
    let mut doc = after.clone();
    doc.id = state.documents[x].id.clone();
    doc.slug = state.documents[x].slug.clone();
    let quote_set = candidates::speech_shingles(&doc, config.phrase_words);
    let sketch = copies::sketch(&doc);
    let links = links_of(state, x, &doc, (&quote_set, &sketch), config)?;
    let kinds = |links: &mut dyn Iterator<Item = &Link>| -> Vec<((usize, usize), LinkKind)> {
        links.map(|(pair, link)| (*pair, link.kind)).collect()
    };
    let had = kinds(
        &mut state
            .text_links
            .iter()
            .filter(|((a, b), _)| *a == x || *b == x),
    );
    if kinds(&mut links.iter()) != had {
        return None;
    }
    let next = with_group_again(collection, state, x, &doc, (before, after), &links)?;
    state.documents[x] = Arc::new(doc);
    state
        .quote_index
        .replace(x, &state.quote_sets[x], &quote_set);
    state.sketch_index.replace(x, &state.sketches[x], &sketch);
    state.quote_sets[x] = quote_set;
    state.sketches[x] = sketch;
    let renewed: HashMap<(usize, usize), &LinkEvidence> =
        links.iter().map(|(pair, link)| (*pair, link)).collect();
    for (pair, link) in &mut state.text_links {
        if let Some(new) = renewed.get(pair) {
            *link = (*new).clone();
        }
    }
    Some(next)
}

/// Whether finding the topics read the edit of document `x`: its words were weighed,
/// or the rarity of words was counted on it and the edit adds or takes away a word
/// whose rarity was asked for.
fn topics_read(reads: &TopicReads, x: usize, before: &Document, after: &Document) -> bool {
    if reads.weighed.binary_search(&x).is_ok() {
        return true;
    }
    if reads.rarity_sample.binary_search(&x).is_err() {
        return false;
    }
    let (was, now) = (topic_word_set(before), topic_word_set(after));
    was.symmetric_difference(&now)
        .any(|w| reads.rarity_words.binary_search(w).is_ok())
}

/// The links document `x`, now `doc`, makes with every other: copies and reports, one
/// per pair, as linking makes them. None when a shingle it gained or lost changes
/// which shingles count.
fn links_of(
    state: &LinkState,
    x: usize,
    doc: &Document,
    (quote_set, sketch): (&[u64], &[u64]),
    config: &CrosslinkConfig,
) -> Option<Vec<Link>> {
    let max = config.max_phrase_documents;
    let quote_was = state.quote_sets.get(x)?.as_slice();
    let quote_pairs = pairs_of(
        &state.quote_index,
        x,
        (quote_was, quote_set),
        config.min_shared_phrases,
        max,
    )?;
    let sketch_was = state.sketches.get(x)?.as_slice();
    let copy_pairs = pairs_of(&state.sketch_index, x, (sketch_was, sketch), 2, max)?;
    let docs = &state.documents;
    // A pair's documents in the linker's order, the earlier first.
    let ordered = |d: usize| -> (&Document, &Document, (usize, usize)) {
        if d < x {
            (&docs[d], doc, (d, x))
        } else {
            (doc, &docs[d], (x, d))
        }
    };
    let window = config.report_window_days;
    let quotes: Vec<Link> = quote_pairs
        .into_par_iter()
        .filter_map(|(d, shared)| {
            let (da, db, pair) = ordered(d);
            if !reports::dates_compatible(da, db, window) {
                return None;
            }
            quote_link(da, db, shared, config).map(|link| (pair, link))
        })
        .collect();
    let copies: Vec<Link> = copy_pairs
        .into_par_iter()
        .filter_map(|(d, shared)| {
            let (da, db, pair) = ordered(d);
            let sketches = if d < x {
                (state.sketches[d].as_slice(), sketch)
            } else {
                (sketch, state.sketches[d].as_slice())
            };
            copy_link(da, db, sketches, shared, config).map(|link| (pair, link))
        })
        .collect();
    Some(merge_links(copies, quotes))
}

/// The documents that share at least `min` counted shingles with document `x` once its
/// shingles are `now` (they `was`), with how many: a shingle counts when at most `max`
/// documents hold it (as in candidates::candidate_pairs). None when a shingle `x`
/// gained or lost crosses that limit, which changes what other documents share.
fn pairs_of(
    index: &Postings,
    x: usize,
    (was, now): (&[u64], &[u64]),
    min: usize,
    max: usize,
) -> Option<Vec<(usize, usize)>> {
    let holds = |set: &[u64], h: &u64| set.binary_search(h).is_ok();
    let others = |h: &u64| {
        let docs = index.holders(*h);
        docs.len() - usize::from(docs.binary_search(&(x as u32)).is_ok())
    };
    let gained_or_lost = was
        .iter()
        .filter(|h| !holds(now, h))
        .chain(now.iter().filter(|h| !holds(was, h)));
    for h in gained_or_lost {
        let n = others(h);
        let (before, after) = (
            n + usize::from(holds(was, h)),
            n + usize::from(holds(now, h)),
        );
        if (before <= max) != (after <= max) {
            return None;
        }
    }
    let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
    for h in now {
        let docs = index.holders(*h);
        // Held by more than `max` with `x`: a stock phrase, counted for no pair.
        if others(h) >= max {
            continue;
        }
        for &d in docs.iter().filter(|&&d| d as usize != x) {
            *shared.entry(d as usize).or_default() += 1;
        }
    }
    Some(shared.into_iter().filter(|&(_, n)| n >= min).collect())
}

/// The documents holding each hash of a family of sets (quote shingles, sketches), by
/// index, each list sorted.
#[derive(Clone, Default)]
pub struct Postings(HashMap<u64, Vec<u32>>);

impl Postings {
    pub fn of(sets: &[Vec<u64>]) -> Postings {
        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        for (d, set) in sets.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            for &h in set {
                postings.entry(h).or_default().push(d);
            }
        }
        Postings(postings)
    }

    fn holders(&self, h: u64) -> &[u32] {
        self.0.get(&h).map_or(&[], Vec::as_slice)
    }

    /// Document `x`'s set changes from `was` to `now`.
    fn replace(&mut self, x: usize, was: &[u64], now: &[u64]) {
        let x = u32::try_from(x).unwrap_or(u32::MAX);
        for h in was.iter().filter(|h| now.binary_search(h).is_err()) {
            if let Some(docs) = self.0.get_mut(h) {
                if let Ok(at) = docs.binary_search(&x) {
                    docs.remove(at);
                }
                if docs.is_empty() {
                    self.0.remove(h);
                }
            }
        }
        for &h in now.iter().filter(|h| was.binary_search(h).is_err()) {
            let docs = self.0.entry(h).or_default();
            if let Err(at) = docs.binary_search(&x) {
                docs.insert(at, x);
            }
        }
    }
}

/// In order of hash, so that two indexes of the same sets print alike.
impl std::fmt::Debug for Postings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut entries: Vec<(&u64, &Vec<u32>)> = self.0.iter().collect();
        entries.sort_unstable();
        f.debug_map().entries(entries).finish()
    }
}

/// The collection with the edited document in place, and its group's evidence, full
/// text, lead and quote checks looked at again; None when the group would change.
fn with_group_again(
    collection: &Collection,
    state: &LinkState,
    x: usize,
    doc: &Document,
    (before, after): (&Document, &Document),
    links: &[Link],
) -> Option<Collection> {
    let fx = collection
        .documents
        .iter()
        .position(|d| d.source_path == doc.source_path)?;
    let mut next = collection.clone();
    next.documents[fx] = Arc::new(put_in_place(&collection.documents[fx], before, after));
    let Some(g) = collection.speech_group_of[fx] else {
        let alone = [(*next.documents[fx]).clone()];
        next.checks[fx] = Arc::new(checks::check_quotes(&alone, &[]).into_iter().next()?);
        return Some(next);
    };
    let group = &collection.speech_groups[g];
    let renewed = |e: &LinkEvidence| {
        links
            .iter()
            .find(|(_, l)| l.a == e.a && l.b == e.b && l.kind == e.kind)
            .map_or_else(|| e.clone(), |(_, l)| l.clone())
    };
    let evidence: Vec<LinkEvidence> = group.evidence.iter().map(renewed).collect();
    // The group as linking makes it, from its members as loaded.
    let internal: Vec<usize> = group
        .members
        .iter()
        .map(|&m| {
            let path = collection.documents[m].source_path.as_str();
            state
                .documents
                .binary_search_by(|d| d.source_path.as_str().cmp(path))
                .ok()
        })
        .collect::<Option<_>>()?;
    let loaded: Vec<Document> = internal
        .iter()
        .map(|&i| {
            if i == x {
                doc.clone()
            } else {
                (*state.documents[i]).clone()
            }
        })
        .collect();
    let fresh = make_speech_group(&loaded, (0..loaded.len()).collect(), evidence.clone());
    let path_of_local = |i: usize| loaded[i].source_path.as_str();
    let path_of_final = |m: usize| collection.documents[m].source_path.as_str();
    let same = fresh.canonical.map(path_of_local) == group.canonical.map(path_of_final)
        && fresh.speaker == group.speaker;
    if !same {
        return None;
    }
    let renewed_group = Arc::make_mut(&mut next.speech_groups[g]);
    renewed_group.evidence = evidence;
    // The lead (the report the group is shown from when it has no full text) may move to
    // the edited text; nothing else linking does reads it. Local indices follow the
    // members' order.
    renewed_group.lead = *group.members.get(fresh.lead)?;
    // Quote checks read the members as linked, as linking checks them.
    let members: Vec<Document> = group
        .members
        .iter()
        .map(|&m| (*next.documents[m]).clone())
        .collect();
    let local = |m: usize| group.members.iter().position(|&n| n == m);
    let mut checked_group = (**group).clone();
    checked_group.members = (0..members.len()).collect();
    checked_group.canonical = group.canonical.and_then(local);
    checked_group.lead = local(group.lead)?;
    let checks = checks::check_quotes(&members, &[checked_group]);
    for (&m, member_checks) in group.members.iter().zip(checks) {
        next.checks[m] = Arc::new(member_checks);
    }
    Some(next)
}
