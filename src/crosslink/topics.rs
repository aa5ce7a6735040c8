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

use super::SpeechGroup;
use crate::load::data::entries;
use crate::load::{Document, TitleFrom};
use crate::text::{fnv1a, fold, FoldedWords, FNV_OFFSET};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::HashSet;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// Words that join a phrase's words and name nothing.
static FUNCTION_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/function_words.txt")));

fn word_list(file: &'static str) -> HashSet<String> {
    entries(file).map(fold).collect()
}

/// Words inside a name, which a phrase spans.
static NAME_JOINERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/name_joiners.txt")));

/// Words that say who issued a text or how ("Sen.", "today", "statement").
static RELEASE_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/release_words.txt")));

/// Titles before a name: the name after one is a speaker's.
static OFFICE_TITLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/office_titles.txt")));

/// Words after an office title that may be the holder's name.
const NAME_WORDS: usize = 3;

/// Words of the lead that stand for the headline of a text that has none.
const MADE_HEADLINE_WORDS: usize = 30;
/// Words of the lead read after the headline.
const LEAD_WORDS: usize = 40;
/// Dated uses of a phrase further apart than this are two bursts.
const BURST_GAP_DAYS: i64 = 3;
/// An event holds at least this many texts.
const MIN_UNITS: usize = 3;
/// A burst holds at least this many times the uses the phrase's rate over the whole
/// collection would put in its days.
const MIN_RATE_RATIO: f64 = 8.0;
/// The nearest burst's words must be this much nearer than the next one's.
const MIN_MARGIN: f64 = 1.25;

/// One event found from a phrase: its documents and why.
#[derive(Debug, Clone)]
pub struct TopicEvent {
    pub members: Vec<usize>,
    pub reason: String,
}

/// A text: a speech group's members, or one document alone.
struct Unit {
    members: Vec<usize>,
    date: Option<NaiveDate>,
    /// The year its headline names, when it has no date.
    year: Option<i32>,
    /// The event a member names, if any.
    name: Option<String>,
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

/// One word of a headline or lead, as phrases are made of them.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word that names something.
    Content(String),
    /// A word inside a name ("of", "the"): "State of the Union" is the phrase "state
    /// union".
    Joiner,
    /// A word no phrase spans: a number, a name after an office title, a word of the
    /// release ("statement", "today").
    Gap,
}

/// Joiners a phrase may span.
const MAX_JOINERS: usize = 2;

/// The words of a headline and the start of its lead, folded, as tokens.
/// The names after an office title are left out: a senator's name is in every release
/// of the office, whatever happened.
fn content_words(text: &str) -> Vec<Token> {
    let words = FoldedWords::new(text);
    let mut after_title = 0;
    (0..words.len().min(LEAD_WORDS + 20))
        .map(|i| words.word(i))
        .map(|w| {
            let joiner = FUNCTION_WORDS.contains(w);
            // A name ends at the first word that says what its holder did ("Sen. Lott
            // announces Katrina aid").
            let ends_name = joiner || RELEASE_WORDS.contains(w);
            let named = after_title > 0 && !ends_name;
            after_title = if OFFICE_TITLES.contains(w) {
                NAME_WORDS
            } else if ends_name {
                0
            } else {
                after_title.saturating_sub(1)
            };
            if joiner && NAME_JOINERS.contains(w) {
                Token::Joiner
            } else if joiner
                || w.len() < 2
                || named
                || RELEASE_WORDS.contains(w)
                || w.bytes().all(|b| b.is_ascii_digit())
            {
                Token::Gap
            } else {
                Token::Content(w.to_string())
            }
        })
        .collect()
}

fn content_of(tokens: Vec<Token>) -> impl Iterator<Item = String> {
    tokens.into_iter().filter_map(|t| match t {
        Token::Content(w) => Some(w),
        _ => None,
    })
}

/// The phrases of a headline and lead, each marked when the headline has it.
/// A headline that names the phrase in part ("Katrina disaster assistance", a lead on
/// "Hurricane Katrina") counts as having it.
fn lead_phrases(doc: &Document) -> Vec<(String, bool)> {
    let lead = doc.paragraphs().next().unwrap_or_default();
    // A title the loader made from the lead is no headline: the lead's start says what
    // the text is about.
    let headline = match doc.title_from {
        TitleFrom::Source => doc.title.clone(),
        TitleFrom::Made => lead
            .split_whitespace()
            .take(MADE_HEADLINE_WORDS)
            .collect::<Vec<_>>()
            .join(" "),
    };
    let title_words: HashSet<String> = content_of(content_words(&headline)).collect();
    // No phrase runs from the title into the lead.
    let mut tokens = content_words(&doc.title);
    tokens.push(Token::Gap);
    tokens.extend(content_words(lead));
    let mut all: Vec<(String, bool)> = phrases(&tokens)
        .into_iter()
        .map(|p| {
            let title = p.split(' ').any(|w| title_words.contains(w));
            (p, title)
        })
        .collect();
    all.dedup_by(|a, b| a.0 == b.0);
    all
}

/// Two content words side by side, or with at most [`MAX_JOINERS`] joiners between, as
/// one phrase.
fn phrases(tokens: &[Token]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Content(a) = token else { continue };
        let next = tokens[i + 1..]
            .iter()
            .take(MAX_JOINERS + 1)
            .find(|t| **t != Token::Joiner);
        if let Some(Token::Content(b)) = next {
            if a != b {
                out.push(format!("{a} {b}"));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A year from 1900 to 2099 that a headline names ("2008 State of the Union"): a lead
/// names the years of a life or a law as often as its own.
fn named_year(doc: &Document) -> Option<i32> {
    let words = FoldedWords::new(&doc.title);
    (0..words.len().min(LEAD_WORDS))
        .filter_map(|i| words.word(i).parse::<i32>().ok())
        .find(|y| (1900..2100).contains(y))
}

/// A phrase's key in the index: its hash, so the index holds no string per use.
fn phrase_key(phrase: &str) -> u64 {
    fnv1a(phrase.as_bytes(), FNV_OFFSET)
}

/// Events found from phrases that burst, each at least `MIN_UNITS` texts.
pub fn topic_events(documents: &[Document], groups: &[SpeechGroup]) -> Vec<TopicEvent> {
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
        _ => return Vec::new(),
    };
    // A phrase in a tenth of the texts is the collection's vocabulary, not an event's.
    let max_units = (units.len() / 10).max(MIN_UNITS * 4);
    let units = &units;
    let mut found: Vec<(usize, Vec<usize>, String, String)> = uses
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|us| (MIN_UNITS..=max_units).contains(&us.len()))
        .flat_map_iter(|us| {
            let texts: Vec<(usize, bool)> = us.iter().map(|&(_, u, t)| (u as usize, t)).collect();
            let found = bursts(documents, units, &texts, span_days);
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
    merge(found, units)
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
            None if free.len() >= MIN_UNITS => {
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
        weighted_bags(documents, units, &with_phrase)
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
    let when: Vec<String> = runs
        .iter()
        .map(|run| {
            let (first, last) = (run[0].0, run[run.len() - 1].0);
            if first == last {
                format!("on {first}")
            } else {
                format!("from {first} to {last}")
            }
        })
        .chain(years.iter().map(|y| format!("in texts that name {y}")))
        .collect();
    when.into_iter()
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

/// Whether the texts are one office's: most of them say who issued them and all those
/// name one issuer. A burst of one office's releases ("Sen. Johnson announces induction of
/// Walworth County students to National Honor Roll", one for each county) is its
/// campaign, not an occurrence the collection reports.
fn one_office(documents: &[Document], units: &[Unit], members: &[usize]) -> bool {
    let issuers: Vec<Option<String>> = members
        .iter()
        .map(|&u| issuer(&documents[units[u].members[0]]))
        .collect();
    let known: HashSet<&String> = issuers.iter().flatten().collect();
    let named = issuers.iter().filter(|i| i.is_some()).count();
    known.len() == 1 && 2 * named >= members.len()
}

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

/// Who issued a text, as its headline says: the name after an office title ("Sen.
/// Stabenow comments on ..."), else its publisher.
pub(crate) fn issuer(doc: &Document) -> Option<String> {
    let words = FoldedWords::new(&doc.title);
    let from_title = (1..words.len())
        .find(|&i| OFFICE_TITLES.contains(words.word(i - 1)))
        .map(|i| words.word(i))
        .filter(|w| !FUNCTION_WORDS.contains(*w) && !RELEASE_WORDS.contains(*w))
        .map(str::to_string);
    from_title.or_else(|| doc.publisher.as_deref().map(fold))
}

/// Places undated texts in the bursts whose texts their words are clearly nearest
/// (mean cosine), the clearest first: each text placed joins its burst's words, so
/// the texts of one year found early help place the rest. An office speaks once of
/// each occurrence: a text never joins a burst that holds one by the same issuer (one
/// senator's statements on two years' addresses are two years').
fn place_by_words(
    bags: &BTreeMap<usize, Bag>,
    issuer: &dyn Fn(&usize) -> Option<String>,
    members: &mut [Vec<usize>],
    mut left: Vec<usize>,
) {
    let bag_of = |u: &usize| bags.get(u);
    // sums[i][b]: the summed cosine of left[i] to burst b's members.
    let mut sums: Vec<Vec<f64>> = left
        .iter()
        .map(|u| {
            members
                .iter()
                .map(|ms| match bag_of(u) {
                    Some(own) => ms.iter().filter_map(bag_of).map(|o| cosine(own, o)).sum(),
                    None => 0.0,
                })
                .collect()
        })
        .collect();
    let mut counts: Vec<usize> = members.iter().map(Vec::len).collect();
    let mut issuers: Vec<HashSet<String>> = members
        .iter()
        .map(|ms| ms.iter().filter_map(issuer).collect())
        .collect();
    let mut left_issuers: Vec<Option<String>> = left.iter().map(issuer).collect();
    loop {
        let best = (0..left.len())
            .filter_map(|i| {
                let open: Vec<bool> = issuers
                    .iter()
                    .map(|taken| left_issuers[i].as_ref().is_none_or(|x| !taken.contains(x)))
                    .collect();
                clear_choice(&sums[i], &counts, &open).map(|(b, margin)| (margin, i, b))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        let Some((_, i, b)) = best else { break };
        let placed = left.swap_remove(i);
        sums.swap_remove(i);
        if let Some(x) = left_issuers.swap_remove(i) {
            issuers[b].insert(x);
        }
        members[b].push(placed);
        counts[b] += 1;
        if let Some(new) = bag_of(&placed) {
            for (j, u) in left.iter().enumerate() {
                if let Some(own) = bag_of(u) {
                    sums[j][b] += cosine(own, new);
                }
            }
        }
    }
}

/// The burst a text's mean cosines clearly favour among those it may join, with how
/// clearly (best over the next).
fn clear_choice(sums: &[f64], counts: &[usize], open: &[bool]) -> Option<(usize, f64)> {
    let mut means: Vec<(f64, usize)> = sums
        .iter()
        .zip(counts)
        .enumerate()
        .filter(|(b, _)| open[*b])
        .map(|(b, (s, n))| (s / (*n).max(1) as f64, b))
        .collect();
    means.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best, second) = (means.first()?, means.get(1).map_or(0.0, |m| m.0));
    let margin = if second > 0.0 {
        best.0 / second
    } else {
        f64::MAX
    };
    (best.0 > 0.0 && margin >= MIN_MARGIN).then_some((best.1, margin))
}

/// A text's words with their weights, in a fixed order so sums over them are the same
/// on every run.
type Bag = BTreeMap<String, f64>;

/// The words of a phrase's texts, each weighted by how few of those texts use it: the
/// words they all share (the phrase's own, "president", "address") tell no two
/// occurrences apart, the rarer ones ("second term", "final") do.
fn weighted_bags(documents: &[Document], units: &[Unit], texts: &[usize]) -> BTreeMap<usize, Bag> {
    let mut bags: BTreeMap<usize, Bag> = texts
        .iter()
        .map(|&u| (u, bag(&documents[units[u].members[0]])))
        .collect();
    let mut used_by: HashMap<String, usize> = HashMap::new();
    for words in bags.values() {
        for w in words.keys() {
            *used_by.entry(w.clone()).or_default() += 1;
        }
    }
    let n = bags.len() as f64;
    for words in bags.values_mut() {
        for (w, x) in words.iter_mut() {
            let rarity = (n / used_by.get(w).copied().unwrap_or(1) as f64).ln();
            *x = (1.0 + x.ln()) * rarity;
        }
    }
    bags
}

/// A text's content words and how often it uses them. The words of its people's names
/// are left out: one senator's releases of two years share them, whatever they are about.
fn bag(doc: &Document) -> Bag {
    let names: HashSet<String> = doc
        .people
        .iter()
        .chain(&doc.speakers)
        .flat_map(|n| {
            FoldedWords::new(n)
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = Bag::new();
    for paragraph in std::iter::once(doc.title.as_str()).chain(doc.paragraphs()) {
        let words = FoldedWords::new(paragraph);
        for w in words.iter() {
            if w.len() >= 3 && !FUNCTION_WORDS.contains(w) && !names.contains(w) {
                *out.entry(w.to_string()).or_default() += 1.0;
            }
        }
    }
    out
}

fn cosine(a: &Bag, b: &Bag) -> f64 {
    let dot: f64 = a.iter().filter_map(|(w, x)| b.get(w).map(|y| x * y)).sum();
    let norm = |v: &Bag| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let n = norm(a) * norm(b);
    if n == 0.0 {
        0.0
    } else {
        dot / n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;
    use crate::load::rules::Rules;

    fn load(name: &str, text: &str) -> Document {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        crate::load::load_bytes(name, name, text.as_bytes(), &rules)
            .unwrap_or_else(|e| panic!("{name}: {}", e.message))
    }

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

    fn bag_of(words: &[&str]) -> Bag {
        words.iter().map(|w| (w.to_string(), 1.0)).collect()
    }

    #[test]
    fn an_undated_text_joins_the_nearest_year_its_office_has_not_spoken_of() {
        // Bursts 0 (2005) and 1 (2008); text 2 reads like 2008, but its office's 2008
        // statement is text 1, so it is the 2005 one; text 3 is clearly 2008.
        let bags: BTreeMap<usize, Bag> = [
            (0, bag_of(&["second", "term", "social", "security"])),
            (1, bag_of(&["final", "economy", "stimulus", "michigan"])),
            (2, bag_of(&["final", "michigan", "security"])),
            (3, bag_of(&["final", "economy", "stimulus"])),
        ]
        .into_iter()
        .collect();
        let issuer = |u: &usize| Some(["reyes", "walsh", "walsh", "lund"][*u].to_string());
        let mut members = vec![vec![0], vec![1]];
        place_by_words(&bags, &issuer, &mut members, vec![2, 3]);
        assert_eq!(members, vec![vec![0, 2], vec![1, 3]]);
    }

    #[test]
    fn the_name_after_an_office_title_ends_where_the_headline_says_what_was_done() {
        let words = content_of(content_words(
            "Sen. Lott announces Katrina disaster assistance",
        ));
        assert_eq!(
            words.collect::<Vec<_>>(),
            vec!["katrina", "disaster", "assistance"]
        );
        let tokens = content_words("Statement on the State of the Union address");
        assert!(phrases(&tokens).contains(&"state union".to_string()));
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
