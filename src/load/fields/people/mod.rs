//! Finding the people a text names, and resolving partial mentions ("Mr. Ban", "the UN
//! chief", "he") to them.

mod mentions;
mod names;
mod patterns;

pub use mentions::{last_mentioned, mentions, person_by_office, resolve_mention, word_starts};
pub use names::{clean_name, name_tokens};

use super::Reading;
use crate::load::data;
use crate::load::document::Block;
use crate::load::pattern::captures_all;
use crate::text::fold;
use crate::text::AsciiView;
use patterns::*;
use regex::Regex;

/// The people a text names: in its paragraphs, and in its captions without their photo
/// credits ("told Al Jazeera": a publisher is no person).
pub(crate) fn people_of(reading: &Reading<'_>) -> Vec<String> {
    let captions = reading.found.blocks.iter().filter_map(|(_, b)| match b {
        Block::Caption(t) => Some(strip_photo_credit(t)),
        _ => None,
    });
    let sources: Vec<&str> = reading.texts.iter().copied().chain(captions).collect();
    let mut people = find_people(&sources, &reading.rules.places);
    people.retain(|p| reading.rules.publisher_named(p).is_none());
    people
}

/// Adds `name` to `names` unless it is there already, written the same way or another.
pub(crate) fn add_once(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| fold(n) == fold(name)) {
        names.push(name.to_string());
    }
}

/// Removes a photo credit ("UNRIC/Julien Schreiber.") from the end of a caption: the
/// photographer is not a person in the story.
pub fn strip_photo_credit(caption: &str) -> &str {
    match CREDIT.find(caption) {
        Some(m) => &caption[..m.start()],
        None => caption,
    }
}

/// The people `texts` name, as written at their first full mention, in order of first
/// appearance, one entry per person.
pub fn find_people(texts: &[&str], places: &[String]) -> Vec<String> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        found.extend(
            names_in(text, places)
                .into_iter()
                .map(|(start, name)| (i, start, name)),
        );
    }
    found.sort();
    one_per_person(found.into_iter().map(|(_, _, name)| name))
}

/// Every full name `text` gives a person, with the offset where it starts.
fn names_in(text: &str, places: &[String]) -> Vec<(usize, String)> {
    let view = AsciiView::new(text);
    let haystack: &str = &view.text;
    let mut found = Vec::new();
    for (re, windows) in searches(haystack) {
        for (from, to) in windows {
            for caps in captures_all(re, &haystack[from..to]) {
                let Some(m) = caps.name("name").or_else(|| caps.name("opener")) else {
                    continue;
                };
                let (m_start, m_end) = (from + m.start(), from + m.end());
                // "The chair of the Southern Riverina Irrigators, Glenys Parkinson,":
                // the words before a name set off by commas are what the person is.
                if APPOSED_NAME.is_match(&haystack[m_end..]) {
                    continue;
                }
                let (start, end) = (view.original(m_start), view.original(m_end));
                if let Some(name) = clean_name(&text[start..end], places) {
                    found.push((start, name));
                }
            }
        }
    }
    found
}

/// The patterns a paragraph is searched with, each with the spans of `haystack` it runs
/// over. The rarer shapes are searched only near what must be there (a comma and a
/// speech verb, a compound office, a sentence opening with an office): their patterns
/// are costly to run over whole paragraphs.
fn searches(haystack: &str) -> [(&'static Regex, Vec<(usize, usize)>); 13] {
    let near = |hint: &Regex, before: usize, after: usize| -> Vec<(usize, usize)> {
        hint.find_iter(haystack)
            .map(|m| {
                let mut from = m.start().saturating_sub(before);
                while !haystack.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (m.end() + after).min(haystack.len());
                while !haystack.is_char_boundary(to) {
                    to += 1;
                }
                (from, to)
            })
            .collect()
    };
    let whole = vec![(0, haystack.len())];
    [
        (&TITLE_BEFORE, whole.clone()),
        (&TITLE_OF_BEFORE, whole.clone()),
        (&ROLE_AFTER, whole.clone()),
        (&ROLE_BEFORE, whole.clone()),
        (&DESCRIBED, whole.clone()),
        (&SPEAKS_AFTER, whole.clone()),
        (&SPEAKS_BEFORE, whole.clone()),
        (&APPOSITION, whole.clone()),
        (&COORDINATED, near(&AND_THEN_COMMA, 80, 0)),
        (&MONSIEUR, whole),
        (
            &OF_ORGANISATION_SPEAKS,
            near(&COMMA_THEN_VERB, 200, 0)
                .into_iter()
                .filter(|&(from, to)| haystack[from..to].contains(" of "))
                .collect(),
        ),
        (&COMPOUND_TITLE_BEFORE, near(&COMPOUND_TITLE_HINT, 40, 80)),
        (&OFFICE_THEN_NAME, near(&OFFICE_OPENING_HINT, 0, 200)),
    ]
}

/// The names, in order, one per person: a name that shares all its words with another
/// is the same person.
fn one_per_person(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut people: Vec<String> = Vec::new();
    for name in names {
        let tokens = name_tokens(&name);
        if let Some(existing) = people.iter_mut().find(|p| {
            let other = name_tokens(p);
            tokens.iter().all(|t| other.contains(t)) || other.iter().all(|t| tokens.contains(t))
        }) {
            // Keep the fuller name ("Maria Lopez de la Cruz" over "Maria Lopez"), but not
            // one that only adds words in front: "Transport Helena Marković" is
            // "Commissioner for Transport" running into "Helena Marković".
            let other = name_tokens(existing);
            // A surname that opens with a particle ("Al Kaabi", "van Dijk") is the end
            // of the full name, not a name with an office in front of it.
            let adds_in_front = |long: &[String], short: &[String]| {
                long.len() > short.len()
                    && long[long.len() - short.len()..] == *short
                    && !short.first().is_some_and(|t| data::PARTICLES.contains(t))
            };
            if adds_in_front(&other, &tokens)
                || (!adds_in_front(&tokens, &other) && other.len() < tokens.len())
            {
                *existing = name;
            }
        } else {
            people.push(name);
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        find_people(&[text], &["New York".to_string(), "Brussels".to_string()])
    }

    #[test]
    fn finds_names_by_title_role_and_speech() {
        assert_eq!(
            people("UN Secretary-General Ban Ki-moon says that the world must act."),
            vec!["Ban Ki-moon"]
        );
        assert_eq!(
            people("the distinguished Sudanese diplomat, Francis Deng, to the post"),
            vec!["Francis Deng"]
        );
        assert_eq!(
            people("Didier Reynders, Belgian Foreign Minister and others"),
            vec!["Didier Reynders"]
        );
        assert_eq!(
            people("My Special Adviser on the Prevention of Genocide, Adama Dieng, and my Special Adviser on the Responsibility to Protect, Jennifer Welsh, scan"),
            vec!["Adama Dieng", "Jennifer Welsh"]
        );
        assert_eq!(
            people("“We will act,” said Maria Lopez de la Cruz."),
            vec!["Maria Lopez de la Cruz"]
        );
        assert_eq!(
            people("Mr. Didier Reynders, Deputy Prime Minister and Minister of Foreign Affairs"),
            vec!["Didier Reynders"]
        );
        assert_eq!(
            people("President of the Commission Marco Rahman on Monday addressed the meeting"),
            vec!["Marco Rahman"]
        );
        assert_eq!(
            people("the Minister for Foreign and Commonwealth Affairs Jane Okafor said"),
            vec!["Jane Okafor"]
        );
    }

    #[test]
    fn every_title_introduces_a_name() {
        for title in data::TITLES.iter() {
            let text = format!("They met {title} Jane Okafor in the hall.");
            assert_eq!(people(&text), ["Jane Okafor"], "{text}");
        }
        assert!(people("They met Jane Okafor in the hall.").is_empty());
    }

    #[test]
    fn every_particle_stays_inside_a_name() {
        for particle in data::PARTICLES.iter() {
            let text = format!("Minister Jan {particle} Berg opened the session.");
            assert_eq!(people(&text), [format!("Jan {particle} Berg")], "{text}");
        }
    }

    #[test]
    fn places_and_institutions_are_not_people() {
        assert!(people("The Security Council met in New York. The Rights Up Front approach was used in South Sudan.").is_empty());
        assert!(people("Secretary General of the Council of Europe met the press").is_empty());
    }

    #[test]
    fn photo_credits_are_cut_from_captions() {
        assert_eq!(
            strip_photo_credit("Photo: leaders meet the press. UNRIC/Julien Schreiber."),
            "Photo: leaders meet the press. "
        );
        assert_eq!(
            strip_photo_credit("Photo: leaders meet"),
            "Photo: leaders meet"
        );
    }
}
