//! An event's name, as its documents give it: a conference or meeting they name, else
//! the phrase their headlines share ("Pope John Paul II", "State of the Union address"),
//! else a description from the texts, else who spoke where.

use super::events::name_key;
use super::headlines::{SpeakerName, FUNCTION_WORDS, OFFICE_TITLES, RELEASE_WORDS};
use super::SpeechGroup;
use crate::load::pattern::compile;
use crate::load::Document;
use crate::text::fold;
use rayon::prelude::*;
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// "a conference on the prevention of mass atrocities": an unnamed event, described.
static EVENT_DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:a|the|this)\s+((?:international\s+|high-level\s+|regional\s+)?(?:conference|meeting|summit|forum|symposium|session) on [^,.;:]{3,80}?)(?:[,.;:]| organi[sz]ed\b| in\b| held\b| at\b)",
    )
});

/// A conference or meeting two members name is the event's name where at least one
/// member in this many names it: one speech of a day's many texts may name where it was
/// given, and that is not what the rest are about.
const NAMED_BY_SHARE: usize = 4;
/// A headline phrase names the event where at least one member in this many has it.
const HEADLINE_SHARE: usize = 3;
/// The longest headline phrase a name is made of.
const MAX_NAME_WORDS: usize = 6;
/// One word names an event only where few texts of the whole collection have it in their
/// headline beside those of the event: "Katrina", not "Senate" or "Housing".
const ONE_WORD_SPREAD: usize = 3;
/// A longer phrase is the name when nearly as many headlines have it as the most shared
/// one: "Hurricane Katrina" (six of seven) over "Katrina" (seven).
const LONGER_PHRASE_SHARE: f64 = 0.8;

/// The event's name: a conference or meeting two of its documents name or describe, else
/// the phrase most of its headlines share, else a name or description one text gives,
/// else the speaker and place.
pub(super) fn event_name(
    documents: &[Document],
    headline_counts: &HashMap<String, usize>,
    standing: &HashSet<String>,
    members: &[usize],
    groups: &[SpeechGroup],
    speech_groups: &[usize],
) -> String {
    let named = most_named_event(documents, standing, members);
    if let Some((count, name)) = &named {
        if *count >= 2 && *count * NAMED_BY_SHARE >= members.len() {
            return name.clone();
        }
    }
    let described = described_event(documents, members);
    if let Some((count, description)) = &described {
        // A description is particular enough from one text, where the event is small.
        if *count * NAMED_BY_SHARE >= members.len() {
            return description.clone();
        }
    }
    if let Some(phrase) = shared_headline_phrase(documents, headline_counts, members) {
        return phrase;
    }
    if let Some((_, name)) = named.or(described) {
        return name;
    }
    let speaker = speech_groups
        .iter()
        .find_map(|&g| groups[g].speaker.clone());
    let place = members.iter().find_map(|&m| documents[m].place.clone());
    match (speaker, place) {
        (Some(s), Some(p)) => format!("{s} in {p}"),
        (Some(s), None) => format!("Speech by {s}"),
        (None, Some(p)) => format!("Event in {p}"),
        (None, None) => "Event".to_string(),
    }
}

/// The event name of three words or more that most members give, with how many give it;
/// a standing body's name is none.
fn most_named_event(
    documents: &[Document],
    standing: &HashSet<String>,
    members: &[usize],
) -> Option<(usize, String)> {
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    for &m in members {
        for name in &documents[m].event_names {
            let entry = counts.entry(name_key(name)).or_insert((0, name.clone()));
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(key, _)| key.split(' ').count() >= 3 && !standing.contains(key))
        .max_by(|a, b| {
            a.1 .0
                .cmp(&b.1 .0)
                .then_with(|| a.0.len().cmp(&b.0.len()))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|(_, named)| named)
}

/// The occasion most members describe in their first paragraphs ("a conference on the
/// prevention of mass atrocities"), capitalised, with how many describe it.
fn described_event(documents: &[Document], members: &[usize]) -> Option<(usize, String)> {
    let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for &m in members {
        let description = description_in(&documents[m]).and_then(|text| {
            let mut chars = text.chars();
            let first = chars.next()?;
            Some(first.to_uppercase().chain(chars).collect::<String>())
        });
        if let Some(description) = description {
            let entry = counts
                .entry(name_key(&description))
                .or_insert((0, description));
            entry.0 += 1;
        }
    }
    counts.into_values().max_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.len().cmp(&b.1.len()))
            .then_with(|| b.1.cmp(&a.1))
    })
}

/// The occasion a document's first paragraphs describe ("a conference on the prevention
/// of mass atrocities").
pub(super) fn description_in(doc: &Document) -> Option<String> {
    doc.paragraphs().take(3).find_map(|p| {
        EVENT_DESCRIPTION
            .captures(p)?
            .get(1)
            .map(|d| d.as_str().trim().to_string())
    })
}

/// How many headlines of the collection have each word.
pub(super) fn headline_word_counts(documents: &[Document]) -> HashMap<String, usize> {
    documents
        .par_iter()
        .fold(HashMap::new, |mut counts: HashMap<String, usize>, doc| {
            let mut words: Vec<String> = headline_words(&doc.title)
                .into_iter()
                .map(|w| w.key)
                .collect();
            words.sort_unstable();
            words.dedup();
            for word in words {
                *counts.entry(word).or_default() += 1;
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (word, n) in b {
                *a.entry(word).or_default() += n;
            }
            a
        })
}

/// A word of a headline: where it is in the headline, and its folded form.
struct HeadlineWord {
    start: usize,
    end: usize,
    key: String,
    /// A word no name is made of: a number, an office title, a word of the release
    /// ("statement", "Sen.").
    gap: bool,
}

fn headline_words(title: &str) -> Vec<HeadlineWord> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    // The words after an office title name who speaks ("Sens. Mikulski, Sarbanes
    // announce"), not what happened.
    let mut speaker = SpeakerName::default();
    let mut push = |s: usize, e: usize, words: &mut Vec<HeadlineWord>| {
        let key = fold(&title[s..e]);
        let named = speaker.is_name(&key);
        let gap = key.bytes().all(|b| b.is_ascii_digit())
            || named
            || RELEASE_WORDS.contains(&key)
            || OFFICE_TITLES.contains(&key);
        words.push(HeadlineWord {
            start: s,
            end: e,
            key,
            gap,
        });
    };
    for (i, c) in title.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut words);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, title.len(), &mut words);
    }
    words
}

/// How one phrase is spelled in a headline, and whether it has capitals where a name has
/// them ("State of the Union", not "state of the union" nor "STATE OF THE UNION").
fn spelling_rank(spelling: &str) -> (bool, bool) {
    let mixed = spelling.chars().any(char::is_lowercase);
    let initial = spelling.chars().next().is_some_and(char::is_uppercase);
    (mixed, initial)
}

/// The phrase most member headlines share, spelled as most of them spell it: a run of
/// words with no word of the release in it, starting and ending with a word that names
/// something, had by a third of the members and at least two.
fn shared_headline_phrase(
    documents: &[Document],
    headline_counts: &HashMap<String, usize>,
    members: &[usize],
) -> Option<String> {
    // Per phrase: how many members have it, and each spelling with its count.
    let mut phrases: BTreeMap<String, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for &m in members {
        let title = &documents[m].title;
        let words = headline_words(title);
        let mut seen: Vec<String> = Vec::new();
        for i in 0..words.len() {
            for n in 1..=MAX_NAME_WORDS.min(words.len() - i) {
                let run = &words[i..i + n];
                if run.iter().any(|w| w.gap) {
                    break;
                }
                let (first, last) = (&run[0], &run[n - 1]);
                if FUNCTION_WORDS.contains(&first.key) || FUNCTION_WORDS.contains(&last.key) {
                    continue;
                }
                let key = run
                    .iter()
                    .map(|w| w.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                let entry = phrases.entry(key).or_default();
                entry.0 += 1;
                *entry
                    .1
                    .entry(title[first.start..last.end].to_string())
                    .or_default() += 1;
            }
        }
    }
    // One word names an event only as a name, capitalised wherever it stands, and rare
    // in the collection's headlines: "bill", "million" or "Senate" are in many events'.
    phrases.retain(|key, (count, spellings)| {
        key.contains(' ')
            || (spellings
                .keys()
                .all(|s| s.chars().next().is_some_and(char::is_uppercase))
                && headline_counts.get(key).copied().unwrap_or(0) <= ONE_WORD_SPREAD * *count)
    });
    let best = phrases.values().map(|(count, _)| *count).max()?;
    if best < 2 || HEADLINE_SHARE * best < members.len() {
        return None;
    }
    let floor = (best as f64 * LONGER_PHRASE_SHARE).ceil() as usize;
    let (_, (_, spellings)) = phrases
        .into_iter()
        .filter(|(_, (count, _))| *count >= floor)
        .max_by(|a, b| {
            let words = |key: &str| key.split(' ').count();
            words(&a.0)
                .cmp(&words(&b.0))
                .then_with(|| a.1 .0.cmp(&b.1 .0))
                .then_with(|| b.0.cmp(&a.0))
        })?;
    spellings
        .into_iter()
        .max_by(|a, b| {
            spelling_rank(&a.0)
                .cmp(&spelling_rank(&b.0))
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|(spelling, _)| spelling)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_test_text;

    fn release(name: &str, headline: &str) -> Document {
        let text = format!("{headline}\n\nWASHINGTON - The senator said today that it mattered.\n");
        load_test_text(name, &text)
    }

    fn name_of(headlines: &[&str]) -> Option<String> {
        let docs: Vec<Document> = headlines
            .iter()
            .enumerate()
            .map(|(i, h)| release(&format!("r{i}.txt"), h))
            .collect();
        let members: Vec<usize> = (0..docs.len()).collect();
        shared_headline_phrase(&docs, &headline_word_counts(&docs), &members)
    }

    #[test]
    fn the_name_is_the_longest_phrase_nearly_every_headline_shares() {
        let name = name_of(&[
            "Sen. Talent issues statement on death of Pope John Paul II",
            "Sen. Burr issues statement on death of Pope John Paul II",
            "Sen. Warner issues statement on passing of Pope John Paul II",
            "Senator Crapo issued the following statement regarding Pope John Paul II",
            "Sen. Byrd: Pope was 'voice for freedom and a champion of the poor'",
        ]);
        assert_eq!(name.as_deref(), Some("Pope John Paul II"));
    }

    #[test]
    fn a_name_is_spelled_with_the_capitals_most_headlines_give_it() {
        let name = name_of(&[
            "Sen. Cochran comments on bush's state of the union address",
            "Sen. Talent comments on president's State of the Union address",
            "Sen. Crapo praised the State of the Union address this evening",
            "Sen. Murkowski reacts to Bush's STATE OF THE UNION ADDRESS",
            "Sen. Stabenow comments on State of the Union speech",
        ]);
        assert_eq!(name.as_deref(), Some("State of the Union address"));
    }

    #[test]
    fn the_senators_a_headline_names_first_name_no_event() {
        let name = name_of(&[
            "Sens. Mikulski, Sarbanes announce funding for Charles County firefighters",
            "Sens. Mikulski, Sarbanes announce funding for Charles County roads",
        ]);
        assert_eq!(name.as_deref(), Some("funding for Charles County"));
    }

    #[test]
    fn headlines_that_share_only_words_of_the_release_give_no_name() {
        let name = name_of(&[
            "Sen. Talent issues statement today",
            "Sen. Burr issues statement on farm aid",
            "Sen. Warner issues statement on new highway",
        ]);
        assert_eq!(name, None);
    }

    #[test]
    fn one_word_is_a_name_only_where_every_headline_capitalises_it() {
        let name = name_of(&[
            "Sen. Kerry announces $12 million for harbors",
            "Sen. Biden Announces $10 Million For Roads",
        ]);
        assert_eq!(name, None);
        let name = name_of(&[
            "Sen. Lott announces Katrina aid",
            "Sen. Burr on the aftermath of Katrina",
        ]);
        assert_eq!(name.as_deref(), Some("Katrina"));
    }

    #[test]
    fn the_occasion_most_members_describe_is_taken_at_its_fullest() {
        let doc = |name: &str, lead: &str| {
            load_test_text(
                name,
                &format!("A message to the world\n\nNEW YORK - {lead}\n"),
            )
        };
        let docs = [
            doc(
                "a.txt",
                "He spoke to a conference on the prevention of atrocities, today.",
            ),
            doc(
                "b.txt",
                "He spoke to a conference on the prevention of mass atrocities, today.",
            ),
        ];
        let (count, name) = described_event(&docs, &[0, 1]).expect("a description");
        assert_eq!(count, 1);
        assert_eq!(name, "Conference on the prevention of mass atrocities");
    }
}
