//! The loader's knowledge as data files, compiled in: furniture lines and footer markers
//! (one file per language), the publishers, places and regions known without
//! configuration, and the word lists the classifier and the field readers consult.
//!
//! A data file has one entry a line, trimmed. A line that is "#" alone or starts with
//! "# " is a comment, so "###" (an end mark) is an entry; blank lines separate groups.

use crate::config::PublisherConfig;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The entries of a data file: its lines, trimmed, without comments and blank lines.
pub fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && *line != "#" && !line.starts_with("# "))
}

/// Whole lines that web pages and wire feeds wrap around a text, in every language.
const FURNITURE: [&str; 6] = [
    include_str!("furniture.txt"),
    include_str!("furniture.en.txt"),
    include_str!("furniture.fr.txt"),
    include_str!("furniture.de.txt"),
    include_str!("furniture.it.txt"),
    include_str!("furniture.es.txt"),
];

/// Lines that open a page's footer, in every language.
const FOOTER_MARKERS: [&str; 6] = [
    include_str!("footer.txt"),
    include_str!("footer.en.txt"),
    include_str!("footer.fr.txt"),
    include_str!("footer.de.txt"),
    include_str!("footer.it.txt"),
    include_str!("footer.es.txt"),
];

/// The built-in furniture patterns ("skip to main content*").
pub fn furniture() -> impl Iterator<Item = &'static str> {
    FURNITURE.into_iter().flat_map(entries)
}

/// The built-in footer markers ("related stories", "-30-").
pub fn footer_markers() -> impl Iterator<Item = &'static str> {
    FOOTER_MARKERS.into_iter().flat_map(entries)
}

/// Words that label a date as an update ("Updated", "Mis à jour"), folded.
pub fn updated_words() -> impl Iterator<Item = &'static str> {
    entries(include_str!("updated.txt"))
}

/// The cities known without configuration.
pub fn places() -> impl Iterator<Item = &'static str> {
    entries(include_str!("places.txt"))
}

/// The states, provinces and countries known without configuration.
pub fn regions() -> impl Iterator<Item = &'static str> {
    entries(include_str!("regions.txt"))
}

/// The shape of publishers.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Publishers {
    publisher: Vec<PublisherConfig>,
}

/// The publishers known without configuration, in the order they are consulted.
pub static PUBLISHERS: LazyLock<Vec<PublisherConfig>> = LazyLock::new(|| {
    toml::from_str::<Publishers>(include_str!("publishers.toml"))
        .map(|p| p.publisher)
        .unwrap_or_else(|e| panic!("the built-in publishers must parse: {e}"))
});

/// A word list: its entries in file order, and the same as a set for lookups.
#[derive(Debug)]
pub struct Words {
    entries: Vec<&'static str>,
    set: HashSet<&'static str>,
}

impl Words {
    /// The entries of `files`, one after the other.
    fn read(files: &[&'static str]) -> Self {
        let entries: Vec<&'static str> = files.iter().copied().flat_map(entries).collect();
        let set = entries.iter().copied().collect();
        Words { entries, set }
    }

    /// Whether `word` is, exactly, one of the entries.
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// The entries, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().copied()
    }

    /// The entries as the alternatives of a regex ("said|says|…"), each matched
    /// literally, in file order (which decides among alternatives that match alike).
    pub fn alternation(&self) -> String {
        self.iter().map(regex::escape).collect::<Vec<_>>().join("|")
    }
}

/// A word list read, on first use, from data files of this folder.
macro_rules! words {
    ($($file:literal),+) => {
        LazyLock::new(|| Words::read(&[$(include_str!($file)),+]))
    };
}

/// Languages as switchers write them, folded, and their codes.
pub static LANGUAGE_NAMES: LazyLock<Words> = words!("language_names.txt");
/// Words of site menus and navigation bars, folded.
pub static NAV_WORDS: LazyLock<Words> = words!("nav_words.txt");
/// Nouns that make a capitalised line an organisation's name.
pub static ORGANISATION_NOUNS: LazyLock<Words> = words!("organisation_nouns.txt");
/// Words that may be lower case inside an organisation's name.
pub static NAME_CONNECTORS: LazyLock<Words> = words!("name_connectors.txt");
/// Honorifics, offices and roles that introduce a person's name.
pub static TITLES: LazyLock<Words> = words!("titles.txt");
/// Offices whose holders run a press page of their own.
pub static MASTHEAD_OFFICES: LazyLock<Words> = words!("masthead_offices.txt");
/// German compound offices' endings, folded ("prasident").
pub static TITLE_ENDINGS: LazyLock<Words> = words!("title_endings.de.txt");
/// Capitalised words that are never part of a person's name, folded.
pub static NOT_NAME_WORDS: LazyLock<Words> = words!("not_name_words.txt");
/// The subject words of an office ("Drought", "Youth"), folded.
pub static OFFICE_WORDS: LazyLock<Words> = words!("office_words.txt");
/// Words that end the name of an organisation, folded.
pub static ORGANISATION_WORDS: LazyLock<Words> = words!("organisation_words.txt");
/// Particles inside a person's name ("de", "van", "bin").
pub static PARTICLES: LazyLock<Words> = words!("particles.txt");
/// Verbs that attribute speech, in English, Spanish, French, German and Italian.
pub static SPEECH_VERBS: LazyLock<Words> = words!(
    "speech_verbs.en.txt",
    "speech_verbs.es.txt",
    "speech_verbs.fr.txt",
    "speech_verbs.de.txt",
    "speech_verbs.it.txt"
);
/// Pronouns that stand for the speaker in context ("he said").
pub static PRONOUNS: LazyLock<Words> = words!("pronouns.txt");
/// Offices a text may give to a named person ("the Secretary-General").
pub static OFFICES: LazyLock<Words> = words!("offices.txt");
/// Abbreviations whose full stop ends no sentence ("Mr.", "Jan.").
pub static ABBREVIATIONS: LazyLock<Words> = words!("abbreviations.txt");
/// Capitalised words that open a sentence like a dateline's place but are none.
pub static NOT_PLACES: LazyLock<Words> = words!("not_places.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_no_entries() {
        let file = "# a comment\n\n  one  \n#\n###\n# another\ntwo\n";
        assert_eq!(entries(file).collect::<Vec<_>>(), ["one", "###", "two"]);
    }

    #[test]
    fn a_word_list_keeps_its_order_and_matches_its_entries_literally() {
        let words = Words::read(&["# verbs\nsaid\npointed out\n", "a-t-il\n"]);
        assert_eq!(
            words.iter().collect::<Vec<_>>(),
            ["said", "pointed out", "a-t-il"]
        );
        assert!(words.contains("pointed out") && !words.contains("point"));
        let re = regex::Regex::new(&format!("^(?:{})$", words.alternation()));
        assert!(re.is_ok_and(|re| re.is_match("a-t-il") && !re.is_match("said|")));
    }

    /// The entries of a list that differ from their folded form.
    fn unfolded(words: &Words) -> Vec<&'static str> {
        words
            .iter()
            .filter(|w| crate::text::fold(w) != *w)
            .collect()
    }

    #[test]
    fn lists_compared_folded_are_written_folded() {
        // Never matched, as words are folded before they are looked up: "русский" and
        // "українська" are listed folded too, the Korean and Hindi names are not, and
        // "français" and "español" are not among the menu words.
        assert_eq!(
            unfolded(&LANGUAGE_NAMES),
            ["русский", "한국어", "हिंदी", "हिन्दी", "українська"]
        );
        assert_eq!(unfolded(&NAV_WORDS), ["»", "français", "español"]);
        for list in [
            &ORGANISATION_NOUNS,
            &TITLE_ENDINGS,
            &NOT_NAME_WORDS,
            &OFFICE_WORDS,
            &ORGANISATION_WORDS,
        ] {
            assert_eq!(unfolded(list), Vec::<&str>::new());
        }
    }

    #[test]
    fn the_built_in_publishers_parse() {
        assert_eq!(PUBLISHERS.len(), 9);
        assert_eq!(PUBLISHERS[0].name, "UN Department of Public Information");
        assert!(PUBLISHERS.iter().all(|p| p.date_order.is_none()));
    }
}
