//! Events that no name announces: documents about one occurrence (a death, a disaster,
//! an address) that share no text, told by a phrase of their headlines and leads that
//! the collection uses in a burst. "Hurricane Katrina" in eight releases of three days,
//! and almost nowhere else, is an event; "health care" every week is not.
//!
//! The unit is a text, not a document: the copies of one release count once, so a
//! joint release issued by eight offices is no burst. A phrase's dated uses are split
//! into bursts where they lie more than `BURST_GAP_DAYS` apart. An undated text that
//! uses the phrase joins its only burst; where the phrase has several (an address given
//! every year), it joins the one whose texts its words are clearly nearest, or none.

use super::headlines::{issuer, lead_phrases, named_year, phrase_key};
use super::undated::{place_by_words, weighted_bags, Rarity};
use super::SpeechGroup;
use crate::load::Document;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// Dated uses of a phrase further apart than this are two bursts.
const BURST_GAP_DAYS: i64 = 3;
/// An event holds at least this many texts.
const MIN_UNITS: usize = 3;
/// A burst holds at least this many times the uses the phrase's rate over the whole
/// collection would put in its days.
const MIN_RATE_RATIO: f64 = 8.0;

/// One event found from a phrase: its documents and why.
#[derive(Debug, Clone)]
pub struct TopicEvent {
    pub members: Vec<usize>,
    pub reason: String,
}

/// A text: a speech group's members, or one document alone.
pub(super) struct Unit {
    pub(super) members: Vec<usize>,
    date: Option<NaiveDate>,
    /// The year its headline names, when it has no date.
    year: Option<i32>,
    /// The event a member names, if any.
    name: Option<String>,
}

impl Unit {
    /// Whether the text places a burst in time: it is dated, or its headline names a year.
    fn anchors(&self) -> bool {
        self.date.is_some() || self.year.is_some()
    }
}

fn units(documents: &[Document], groups: &[SpeechGroup]) -> Vec<Unit> {
    let mut grouped = vec![false; documents.len()];
    let mut out: Vec<Unit> = Vec::new();
    let date_of = |m: usize| documents[m].date.as_ref().and_then(|d| d.date.to_naive());
    for group in groups {
        for &m in &group.members {
            grouped[m] = true;
        }
        let date = group.members.iter().filter_map(|&m| date_of(m)).min();
        out.push(unit(documents, group.members.clone(), date));
    }
    for i in (0..documents.len()).filter(|&i| !grouped[i]) {
        out.push(unit(documents, vec![i], date_of(i)));
    }
    out
}

fn unit(documents: &[Document], members: Vec<usize>, date: Option<NaiveDate>) -> Unit {
    let year = date
        .is_none()
        .then(|| named_year(&documents[members[0]]))
        .flatten();
    let name = members.iter().find_map(|&m| {
        super::events::first_event_name(&documents[m]).map(|n| super::events::name_key(n))
    });
    Unit {
        members,
        date,
        year,
        name,
    }
}

/// Events found from phrases that burst, each at least `MIN_UNITS` texts.
#[cfg(test)]
pub fn topic_events(documents: &[Document], groups: &[SpeechGroup]) -> Vec<TopicEvent> {
    topic_events_reading(documents, groups).0
}

/// What the topics read of texts beyond their headlines and leads: the words of texts
/// weighed to place undated ones, and the sample the words' rarity is counted on.
#[derive(Default)]
struct BodyReads {
    rarity: OnceLock<Rarity>,
    weighed: std::sync::Mutex<Vec<usize>>,
    weighed_words: std::sync::Mutex<Vec<String>>,
}

/// What finding the topics read beyond the headlines and leads: the documents whose
/// words were weighed, and when the rarity of words was counted, the documents it was
/// counted on and the words whose rarity was asked for. An edit of another document's
/// body, or of a counted one's in none of those words, changes no topic.
#[derive(Debug, Clone, Default)]
pub struct TopicReads {
    pub weighed: Vec<usize>,
    pub rarity_sample: Vec<usize>,
    pub rarity_words: Vec<String>,
}

/// The events found from phrases, and the documents whose whole text was read to find
/// them (an edit of any other's body beyond its lead changes no topic).
pub fn topic_events_reading(
    documents: &[Document],
    groups: &[SpeechGroup],
) -> (Vec<TopicEvent>, TopicReads) {
    let units = units(documents, groups);
    // Every use of every phrase as (phrase, text, in the headline), sorted so that each
    // phrase's uses lie together: a flat list sorts on every core, where a map of
    // strings would hold tens of millions of them at a million documents.
    let mut uses: Vec<(u64, u32, bool)> = units
        .par_iter()
        .enumerate()
        .flat_map_iter(|(u, unit)| {
            lead_phrases(&documents[unit.members[0]])
                .into_iter()
                .map(move |(p, in_title)| (phrase_key(&p), u as u32, in_title))
        })
        .collect();
    uses.par_sort_unstable();
    let dates: Vec<NaiveDate> = units.iter().filter_map(|u| u.date).collect();
    let span_days = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => (*b - *a).num_days().max(1),
        _ => return (Vec::new(), TopicReads::default()),
    };
    // A phrase in a tenth of the texts is the collection's vocabulary, not an event's.
    let max_units = (units.len() / 10).max(MIN_UNITS * 4);
    let units = &units;
    // Counted once, by the first phrase whose undated texts need it.
    let reads = BodyReads::default();
    let reads = &reads;
    let mut found: Vec<(usize, Vec<usize>, String, String)> = uses
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|us| (MIN_UNITS..=max_units).contains(&us.len()))
        .flat_map_iter(|us| {
            let texts: Vec<(usize, bool)> = us.iter().map(|&(_, u, t)| (u as usize, t)).collect();
            let found = bursts(documents, units, &texts, span_days, reads);
            // The phrase itself, read again from its first text, only for the few
            // phrases that burst.
            let phrase = if found.is_empty() {
                String::new()
            } else {
                phrase_text(&documents[units[texts[0].0].members[0]], us[0].0)
            };
            found
                .into_iter()
                .map(move |(members, when)| (texts.len(), members, phrase.clone(), when))
        })
        .collect();
    // The rarest phrase speaks first; a text is in one event, and a burst that others
    // have taken the texts of adds nothing.
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| b.1.len().cmp(&a.1.len()))
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.1.cmp(&b.1))
    });
    let mut read = TopicReads {
        weighed: taken(&reads.weighed),
        rarity_words: taken(&reads.weighed_words),
        rarity_sample: Vec::new(),
    };
    if reads.rarity.get().is_some() {
        read.rarity_sample = Rarity::sample(documents.len()).collect();
    }
    read.weighed.sort_unstable();
    read.weighed.dedup();
    read.rarity_words.sort_unstable();
    read.rarity_words.dedup();
    (merge(found, units), read)
}

/// What a list gathered across threads holds.
fn taken<T>(list: &std::sync::Mutex<Vec<T>>) -> Vec<T> {
    list.lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default()
}

/// The phrase of a document's headline and lead with this key.
fn phrase_text(doc: &Document, key: u64) -> String {
    lead_phrases(doc)
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| phrase_key(p) == key)
        .unwrap_or_default()
}

/// Bursts into events, the rarest phrase first.
fn merge(found: Vec<(usize, Vec<usize>, String, String)>, units: &[Unit]) -> Vec<TopicEvent> {
    // A burst that shares half the texts of itself or of an event found already is more
    // of it ("hurricane katrina", "gulf coast"); one that shares less takes only free
    // texts.
    let mut event_of: Vec<Option<usize>> = vec![None; units.len()];
    let mut events: Vec<(Vec<usize>, String)> = Vec::new();
    for (_, members, phrase, when) in found {
        let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
        for &u in &members {
            if let Some(e) = event_of[u] {
                *shared.entry(e).or_default() += 1;
            }
        }
        let joins = shared
            .iter()
            .max_by_key(|(_, n)| **n)
            .filter(|(e, n)| 2 * **n >= members.len().min(events[**e].0.len()))
            .map(|(e, _)| *e);
        let free: Vec<usize> = members
            .into_iter()
            .filter(|&u| event_of[u].is_none())
            .collect();
        let e = match joins {
            Some(e) => e,
            // A new event needs a text of its own that is dated or names its year:
            // undated texts joined a burst for its dated run, and once others have taken
            // that, nothing holds them.
            None if free.len() >= MIN_UNITS && free.iter().any(|&u| units[u].anchors()) => {
                events.push((
                    Vec::new(),
                    format!(
                        "{} texts name '{phrase}' in their headline or lead, {when}",
                        free.len()
                    ),
                ));
                events.len() - 1
            }
            None => continue,
        };
        for u in free {
            event_of[u] = Some(e);
            events[e].0.push(u);
        }
    }
    let mut events: Vec<TopicEvent> = events
        .into_iter()
        .map(|(us, reason)| {
            let mut docs: Vec<usize> = us
                .iter()
                .flat_map(|&u| units[u].members.iter().copied())
                .collect();
            docs.sort_unstable();
            TopicEvent {
                members: docs,
                reason,
            }
        })
        .collect();
    events.sort_by(|a, b| a.members.cmp(&b.members));
    events
}

/// The bursts of one phrase's texts: their units, and when.
fn bursts(
    documents: &[Document],
    units: &[Unit],
    uses: &[(usize, bool)],
    span_days: i64,
    reads: &BodyReads,
) -> Vec<(Vec<usize>, String)> {
    // An undated text only counts where its headline has the phrase: a lead names the
    // speaker and much else, a headline what the text is about.
    let with_phrase: Vec<usize> = uses
        .iter()
        .filter(|(u, in_title)| *in_title || units[*u].date.is_some())
        .map(|(u, _)| *u)
        .collect();
    let mut dated: Vec<(NaiveDate, usize)> = with_phrase
        .iter()
        .filter_map(|&u| units[u].date.map(|d| (d, u)))
        .collect();
    dated.sort_unstable();
    let mut runs: Vec<Vec<(NaiveDate, usize)>> = Vec::new();
    for item in dated.iter().copied() {
        match runs.last_mut() {
            Some(run) if (item.0 - run[run.len() - 1].0).num_days() <= BURST_GAP_DAYS => {
                run.push(item)
            }
            _ => runs.push(vec![item]),
        }
    }
    // A burst is many more uses in its days than the phrase's rate would put there, and
    // at least half of its dated uses: a phrase used now and then is no event's.
    let rate = dated.len() as f64 / span_days as f64;
    runs.retain(|run| {
        let days = (run[run.len() - 1].0 - run[0].0).num_days() + BURST_GAP_DAYS;
        run.len() as f64 >= MIN_RATE_RATIO * rate * days as f64 && 2 * run.len() >= dated.len()
    });
    // An undated text that names a year no burst is in stands for a burst of that year:
    // an address given every year is not one event.
    let mut years: Vec<i32> = with_phrase
        .iter()
        .filter(|&&u| units[u].date.is_none())
        .filter_map(|&u| units[u].year)
        .filter(|y| !runs.iter().any(|r| r[0].0.year() == *y))
        .collect();
    years.sort_unstable();
    years.dedup();
    if runs.is_empty() {
        return Vec::new();
    }
    let mut members: Vec<Vec<usize>> = runs
        .iter()
        .map(|r| r.iter().map(|&(_, u)| u).collect())
        .collect();
    let mut run_years: Vec<i32> = runs.iter().map(|r| r[0].0.year()).collect();
    for &year in &years {
        members.push(
            with_phrase
                .iter()
                .copied()
                .filter(|&u| units[u].date.is_none() && units[u].year == Some(year))
                .collect(),
        );
        run_years.push(year);
    }
    let undated: Vec<usize> = with_phrase
        .iter()
        .copied()
        .filter(|&u| units[u].date.is_none() && !units[u].year.is_some_and(|y| years.contains(&y)))
        .collect();
    // The words of each burst's texts, read once for all the undated texts to place.
    let bags = if run_years.len() > 1 && !undated.is_empty() {
        if let Ok(mut weighed) = reads.weighed.lock() {
            weighed.extend(with_phrase.iter().map(|&u| units[u].members[0]));
        }
        let bags = weighted_bags(
            documents,
            units,
            &with_phrase,
            reads.rarity.get_or_init(|| Rarity::of(documents)),
        );
        if let Ok(mut words) = reads.weighed_words.lock() {
            words.extend(bags.values().flat_map(|bag| bag.keys().cloned()));
        }
        bags
    } else {
        BTreeMap::new()
    };
    let mut by_words = Vec::new();
    for u in undated {
        match burst_by_year(units, &run_years, u) {
            Placed::In(b) => members[b].push(u),
            Placed::Nowhere => {}
            Placed::ByWords => by_words.push(u),
        }
    }
    let issuer = |u: &usize| issuer(&documents[units[*u].members[0]]);
    place_by_words(&bags, &issuer, &mut members, by_words);
    when(&runs, &years)
        .into_iter()
        .zip(members)
        .filter(|(_, m)| {
            m.len() >= MIN_UNITS && names_at_most_one(units, m) && !one_office(documents, units, m)
        })
        .map(|(when, mut m)| {
            m.sort_unstable();
            (m, when)
        })
        .collect()
}

/// When each burst was: its runs' days, then the years undated texts name.
fn when(runs: &[Vec<(NaiveDate, usize)>], years: &[i32]) -> Vec<String> {
    runs.iter()
        .map(|run| {
            let (first, last) = (run[0].0, run[run.len() - 1].0);
            if first == last {
                format!("on {first}")
            } else {
                format!("from {first} to {last}")
            }
        })
        .chain(years.iter().map(|y| format!("in texts that name {y}")))
        .collect()
}

/// Whether the texts are a campaign of one office or two: most of them say who issued
/// them, and those name one issuer, or so few that each issued three texts or more. A
/// burst of one office's releases ("Sen. Johnson announces induction of Walworth County
/// students to National Honor Roll", one for each county), or of two senators' joint
/// ones, is their campaign, not an occurrence the collection reports: one the
/// collection reports is told by many offices, a text each.
fn one_office(documents: &[Document], units: &[Unit], members: &[usize]) -> bool {
    let issuers: Vec<Option<String>> = members
        .iter()
        .map(|&u| issuer(&documents[units[u].members[0]]))
        .collect();
    let known: HashSet<&String> = issuers.iter().flatten().collect();
    let named = issuers.iter().filter(|i| i.is_some()).count();
    let few = known.len() == 1 || known.len() * CAMPAIGN_TEXTS_PER_OFFICE <= named;
    few && 2 * named >= members.len()
}

/// Texts per issuer, on average, that make a burst a campaign of its issuers.
const CAMPAIGN_TEXTS_PER_OFFICE: usize = 3;

/// Whether the texts name at most one event: where they name two, the names tell the
/// events apart better than any phrase (two conferences of one week share words).
fn names_at_most_one(units: &[Unit], members: &[usize]) -> bool {
    let mut names = members.iter().filter_map(|&u| units[u].name.as_deref());
    let first = names.next();
    names.all(|n| Some(n) == first)
}

/// Where an undated text goes by the years of the bursts and the year it names.
enum Placed {
    In(usize),
    Nowhere,
    /// Wherever its words are clearly nearest.
    ByWords,
}

/// The burst an undated text belongs to: the only one, or the one of the year it names;
/// with several bursts and no year named, its words decide.
fn burst_by_year(units: &[Unit], run_years: &[i32], u: usize) -> Placed {
    let of_year = |year: i32| -> Vec<usize> {
        (0..run_years.len())
            .filter(|&b| run_years[b] == year)
            .collect()
    };
    match (run_years.len(), units[u].year) {
        (1, None) => Placed::In(0),
        (_, Some(year)) => match of_year(year).as_slice() {
            [b] => Placed::In(*b),
            _ => Placed::Nowhere,
        },
        _ => Placed::ByWords,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_test_text as load;

    fn release(name: &str, headline: &str, date: &str, lead: &str) -> Document {
        load(
            name,
            &format!(
                "{headline}\n\n{date}\n\nWASHINGTON – {lead} The office will say more next week.\n"
            ),
        )
    }

    #[test]
    fn releases_of_three_days_naming_one_occurrence_are_an_event() {
        let docs = vec![
            release(
                "a.txt",
                "Statement on Hurricane Katrina",
                "August 30, 2005",
                "Senator Ann Reyes spoke of the storm's victims.",
            ),
            release(
                "b.txt",
                "Relief for victims of Hurricane Katrina",
                "August 31, 2005",
                "Senator Tom Walsh asked for emergency funds.",
            ),
            release(
                "c.txt",
                "Hurricane Katrina aid for farmers",
                "September 1, 2005",
                "Senator Mia Lund met the farm bureau.",
            ),
            release(
                "d.txt",
                "New bridge for the river town",
                "August 31, 2005",
                "Senator Tom Walsh opened a bridge.",
            ),
            release(
                "e.txt",
                "Budget hearing on schools",
                "March 3, 2004",
                "Senator Ann Reyes heard the teachers.",
            ),
        ];
        let events = topic_events(&docs, &[]);
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].members, vec![0, 1, 2]);
        assert!(
            events[0].reason.contains("hurricane katrina"),
            "{}",
            events[0].reason
        );
    }

    #[test]
    fn undated_texts_whose_dated_one_another_event_took_make_no_event() {
        let day = NaiveDate::from_ymd_opt(2008, 1, 11);
        let unit = |i: usize, date: Option<NaiveDate>| Unit {
            members: vec![i],
            date,
            year: None,
            name: None,
        };
        let units: Vec<Unit> = (0..7)
            .map(|i| unit(i, if i < 3 { day } else { None }))
            .collect();
        // The rarer phrase takes the three dated texts; the other burst holds one of them
        // and four undated ones, which are left alone.
        let found = vec![
            (
                3,
                vec![0, 1, 2],
                "honor roll".to_string(),
                "on 2008-01-11".to_string(),
            ),
            (
                5,
                vec![2, 3, 4, 5, 6],
                "national honor".to_string(),
                "on 2008-01-11".to_string(),
            ),
        ];
        let events = merge(found, &units);
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].members, vec![0, 1, 2]);
    }

    #[test]
    fn a_phrase_used_now_and_then_makes_no_event() {
        let docs = vec![
            release(
                "a.txt",
                "Senator backs farm bill",
                "March 3, 2004",
                "Senator Ann Reyes spoke for farmers.",
            ),
            release(
                "b.txt",
                "Farm bill clears committee",
                "June 9, 2005",
                "Senator Tom Walsh welcomed the vote.",
            ),
            release(
                "c.txt",
                "Farm bill signed into law",
                "May 2, 2007",
                "Senator Mia Lund thanked the president.",
            ),
            release(
                "d.txt",
                "Bridge opens in river town",
                "May 3, 2007",
                "Senator Tom Walsh opened a bridge.",
            ),
        ];
        assert!(topic_events(&docs, &[]).is_empty());
    }
}
