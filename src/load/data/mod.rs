//! The loader's knowledge as data files, compiled in: furniture lines and footer markers
//! (one file per language), the publishers, places and regions known without
//! configuration, and the word lists the classifier and the field readers consult.
//!
//! A data file has one entry a line, trimmed. A line that is "#" alone or starts with
//! "# " is a comment, so "###" (an end mark) is an entry; blank lines separate groups.

use crate::config::PublisherConfig;
use serde::Deserialize;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_no_entries() {
        let file = "# a comment\n\n  one  \n#\n###\n# another\ntwo\n";
        assert_eq!(entries(file).collect::<Vec<_>>(), ["one", "###", "two"]);
    }

    #[test]
    fn the_built_in_publishers_parse() {
        assert_eq!(PUBLISHERS.len(), 9);
        assert_eq!(PUBLISHERS[0].name, "UN Department of Public Information");
        assert!(PUBLISHERS.iter().all(|p| p.date_order.is_none()));
    }
}
