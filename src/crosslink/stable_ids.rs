//! Ids that outlive rebuilds. A speech group's id and an event's slug are its URL: made
//! fresh from the members, they would change whenever a full text or an older document
//! joins. Each build writes, per document, the id of its group and the slug and id of
//! its event (`api/ids.json`); the next build gives each group and event the id most of
//! its members had, so a page keeps its address when documents are added to it or to
//! the collection. Ids nothing claims are made fresh, never taken from another.

use super::{Collection, GroupId};
use crate::load::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// What a previous build called each document's group and event.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct IdLedger {
    /// Document id to its speech group's id.
    pub speech_groups: BTreeMap<String, String>,
    /// Document id to its event's id and slug.
    pub events: BTreeMap<String, EventIds>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventIds {
    pub id: String,
    pub slug: String,
}

impl IdLedger {
    /// The ids a collection gives its documents.
    pub fn of(collection: &Collection) -> IdLedger {
        let mut ledger = IdLedger::default();
        for group in &collection.speech_groups {
            for &m in &group.members {
                let doc = collection.documents[m].id.0.clone();
                ledger.speech_groups.insert(doc, group.id.0.clone());
            }
        }
        for event in collection.events.iter() {
            for &m in &event.members {
                let doc = collection.documents[m].id.0.clone();
                let ids = EventIds {
                    id: event.id.clone(),
                    slug: event.slug.clone(),
                };
                ledger.events.insert(doc, ids);
            }
        }
        ledger
    }
}

/// Where in the output folder a build records its ids.
pub const LEDGER_PATH: &str = "api/ids.json";

/// The ledger a previous build left in `output`: none when there was no build, and a
/// warning (the ids are then made fresh) when the file cannot be read.
pub fn read_ledger(output: &Path) -> (IdLedger, Option<Diagnostic>) {
    let path = output.join(LEDGER_PATH);
    let warn = |message: String| Diagnostic {
        path: path.display().to_string(),
        line: None,
        severity: Severity::Warning,
        message,
    };
    match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (IdLedger::default(), None),
        Err(e) => (
            IdLedger::default(),
            Some(warn(format!(
                "cannot read the previous build's ids ({e}); pages get fresh ids"
            ))),
        ),
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(ledger) => (ledger, None),
            Err(e) => (
                IdLedger::default(),
                Some(warn(format!(
                    "the previous build's ids are not valid ({e}); pages get fresh ids"
                ))),
            ),
        },
    }
}

/// Gives the collection's groups and events the ids the ledger's build gave most of
/// their members.
pub fn keep_ids(collection: &mut Collection, ledger: &IdLedger) {
    let group_claims = claims(
        collection,
        collection.speech_groups.iter().map(|g| &g.members[..]),
        &ledger.speech_groups,
    );
    let fresh: Vec<String> = collection
        .speech_groups
        .iter()
        .map(|g| g.id.0.clone())
        .collect();
    let kept = assign(&group_claims, &fresh);
    for (group, id) in collection.speech_groups.iter_mut().zip(kept) {
        Arc::make_mut(group).id = GroupId(id);
    }
    let event_claims = claims(
        collection,
        collection.events.iter().map(|e| &e.members[..]),
        &ledger.events,
    );
    let fresh: Vec<EventIds> = collection
        .events
        .iter()
        .map(|e| EventIds {
            id: e.id.clone(),
            slug: e.slug.clone(),
        })
        .collect();
    let kept = assign(&event_claims, &fresh);
    for (event, ids) in Arc::make_mut(&mut collection.events).iter_mut().zip(kept) {
        event.id = ids.id;
        event.slug = ids.slug;
    }
}

/// For each item (its members), the names the ledger gives its members.
fn claims<'a, N>(
    collection: &Collection,
    items: impl Iterator<Item = &'a [usize]>,
    recorded: &'a BTreeMap<String, N>,
) -> Vec<Vec<&'a N>> {
    items
        .map(|members| {
            members
                .iter()
                .filter_map(|&m| recorded.get(&collection.documents[m].id.0))
                .collect()
        })
        .collect()
}

/// Something that names a page: an id, or an event's id and slug.
trait Name: Clone + Ord {
    /// A variant of the name that differs from it ("-2", "-3", ...).
    fn numbered(&self, n: usize) -> Self;
    /// The parts that must be unique among pages.
    fn keys(&self) -> Vec<String>;
}

impl Name for String {
    fn numbered(&self, n: usize) -> Self {
        format!("{self}-{n}")
    }
    fn keys(&self) -> Vec<String> {
        vec![self.clone()]
    }
}

impl Name for EventIds {
    fn numbered(&self, n: usize) -> Self {
        EventIds {
            id: format!("{}-{n}", self.id),
            slug: format!("{}-{n}", self.slug),
        }
    }
    fn keys(&self) -> Vec<String> {
        vec![format!("id:{}", self.id), format!("slug:{}", self.slug)]
    }
}

/// The name each item keeps: the old name most of its members carry, items with the
/// most such members choosing first; an item whose old names are all taken, or that
/// has none, keeps its fresh name, numbered if an old one holds it.
fn assign<N: Name>(claims: &[Vec<&N>], fresh: &[N]) -> Vec<N> {
    let mut wishes: Vec<(usize, N, usize)> = Vec::new();
    for (item, names) in claims.iter().enumerate() {
        let mut counts: BTreeMap<&N, usize> = BTreeMap::new();
        for name in names {
            *counts.entry(*name).or_default() += 1;
        }
        wishes.extend(counts.into_iter().map(|(name, n)| (n, name.clone(), item)));
    }
    // Most members first, then by name and item, so the result rests on nothing else.
    wishes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken: HashSet<String> = HashSet::new();
    let mut out: Vec<Option<N>> = vec![None; fresh.len()];
    for (_, name, item) in wishes {
        let free = name.keys().iter().all(|k| !taken.contains(k));
        if out[item].is_none() && free {
            taken.extend(name.keys());
            out[item] = Some(name);
        }
    }
    out.into_iter()
        .zip(fresh)
        .map(|(kept, fresh)| {
            kept.unwrap_or_else(|| {
                let mut name = fresh.clone();
                let mut n = 1;
                while name.keys().iter().any(|k| taken.contains(k)) {
                    n += 1;
                    name = fresh.numbered(n);
                }
                taken.extend(name.keys());
                name
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_most_members_had_is_kept_and_no_name_is_given_twice() {
        let (a, b) = ("s-a".to_string(), "s-b".to_string());
        // Item 0 holds two members of old group a and one of b; item 1 one of a.
        let claims = vec![vec![&a, &a, &b], vec![&a], vec![]];
        let fresh = vec!["s-x".to_string(), "s-y".to_string(), "s-a".to_string()];
        assert_eq!(
            assign(&claims, &fresh),
            vec!["s-a".to_string(), "s-y".to_string(), "s-a-2".to_string()]
        );
    }
}
