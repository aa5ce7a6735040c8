//! The loader's rule tables: the built-in furniture lists, publishers and places (from
//! load/data), extended by a site's own lists in site.toml.

use super::data;
use crate::config::{LoaderConfig, PublisherConfig};
use crate::text::{collapse_whitespace, fold};
use std::collections::HashSet;

/// One furniture pattern, already folded.
#[derive(Debug, Clone)]
enum LinePattern {
    Exact(String),
    Prefix(String),
}

/// A set of line patterns, matched against a folded, whitespace-collapsed line.
#[derive(Debug, Clone, Default)]
pub struct LineSet {
    exact: HashSet<String>,
    prefixes: Vec<String>,
    /// The longest pattern, in bytes: a line much longer than this can only match by
    /// its start, so only its start is folded.
    longest: usize,
}

impl LineSet {
    /// A set of `items`.
    fn new<'a>(items: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = LineSet::default();
        set.add(items);
        set
    }

    /// Adds `items` (a site's own, after the built-in ones).
    fn add<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        for item in items {
            match pattern(item) {
                LinePattern::Exact(s) => {
                    self.longest = self.longest.max(s.len());
                    self.exact.insert(s);
                }
                LinePattern::Prefix(s) => {
                    self.longest = self.longest.max(s.len());
                    self.prefixes.push(s);
                }
            }
        }
    }

    /// Whether `line` (raw) matches one of the patterns.
    pub fn matches(&self, line: &str) -> bool {
        // Folding shortens text at most threefold (a curly quote's three bytes become
        // one), so a line whose words are over three times the longest pattern is never
        // equal to one, and only its start can begin with one.
        let limit = 3 * self.longest + 16;
        let words_len: usize = line.split_whitespace().map(|w| w.len() + 1).sum();
        if words_len > limit {
            let mut cut = limit.min(line.len());
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            let key = line_key(&line[..cut]);
            return self.prefixes.iter().any(|p| key.starts_with(p.as_str()));
        }
        let key = line_key(line);
        !key.is_empty()
            && (self.exact.contains(&key)
                || self.prefixes.iter().any(|p| key.starts_with(p.as_str())))
    }
}

fn pattern(item: &str) -> LinePattern {
    let item = item.trim();
    match item.strip_suffix('*') {
        Some(prefix) if !prefix.trim().is_empty() => LinePattern::Prefix(line_key(prefix)),
        _ => LinePattern::Exact(line_key(item)),
    }
}

/// The form lines are compared in: folded, whitespace collapsed, no trailing colon.
pub fn line_key(line: &str) -> String {
    let folded = collapse_whitespace(&fold(line));
    folded.trim_end_matches([':', '|', ' ']).to_string()
}

/// Everything the loader matches lines and names against.
#[derive(Debug, Clone)]
pub struct Rules {
    pub boilerplate: LineSet,
    pub footer_markers: LineSet,
    pub publishers: Vec<PublisherConfig>,
    /// Known places, longest first so "New York" wins over "York".
    pub places: Vec<String>,
    /// The same places folded, for matching.
    places_folded: Vec<String>,
    /// States, provinces and countries, folded: what may follow a town's name.
    regions: HashSet<String>,
    pub max_file_bytes: u64,
}

impl Rules {
    /// The built-in rules extended by the site's own lists; the site's publishers are
    /// consulted before the built-in ones.
    pub fn new(loader: &LoaderConfig, site_publishers: &[PublisherConfig]) -> Self {
        let mut boilerplate = LineSet::new(data::furniture());
        boilerplate.add(loader.boilerplate.iter().map(String::as_str));
        let mut footer_markers = LineSet::new(data::footer_markers());
        footer_markers.add(loader.footer_markers.iter().map(String::as_str));
        let mut publishers = site_publishers.to_vec();
        publishers.extend(data::PUBLISHERS.iter().cloned());
        let mut places: Vec<String> = data::places()
            .map(str::to_string)
            .chain(loader.places.iter().cloned())
            .collect();
        places.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        places.dedup();
        Rules {
            boilerplate,
            footer_markers,
            publishers,
            places_folded: places.iter().map(|p| fold(p)).collect(),
            places,
            regions: data::regions().map(fold).collect(),
            max_file_bytes: loader.max_file_bytes,
        }
    }

    /// Whether `text` is, whole, one of a publisher's marker strings ("unicef | for every
    /// child"): a masthead.
    pub fn is_publisher_marker(&self, text: &str) -> bool {
        let key = fold(text.trim());
        self.publishers
            .iter()
            .any(|p| p.markers.iter().any(|m| fold(m.trim()) == key))
    }

    /// Whether `text` is a state, province or country ("Maryland", "Kenya").
    pub fn is_region(&self, text: &str) -> bool {
        self.regions.contains(&fold(text.trim()))
    }

    /// The known place `text` starts with, written as the place list writes it.
    pub fn place_at_start(&self, text: &str) -> Option<&str> {
        let folded = fold(text);
        self.places
            .iter()
            .zip(&self.places_folded)
            .find(|(_, p)| {
                folded.starts_with(p.as_str())
                    && !folded[p.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|(place, _)| place.as_str())
    }

    /// The known place `text` is, whole ("Geneva", not "Geneva Airport").
    pub fn place_named(&self, text: &str) -> Option<&str> {
        self.place_at_start(text)
            .filter(|place| fold(place) == fold(text))
    }

    /// The registry name for a publisher written as `written` (a name or alias), if known.
    pub fn publisher_named(&self, written: &str) -> Option<&str> {
        self.publisher(written).map(|p| p.name.as_str())
    }

    fn publisher(&self, written: &str) -> Option<&PublisherConfig> {
        let key = fold(written.trim());
        self.publishers
            .iter()
            .find(|p| fold(&p.name) == key || p.aliases.iter().any(|a| fold(a) == key))
    }

    /// How a publisher writes numeric dates, when the site says.
    pub fn date_order(&self, publisher: &str) -> Option<crate::config::DateOrder> {
        self.publisher(publisher).and_then(|p| p.date_order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::new(
            &LoaderConfig {
                boilerplate: vec!["Site menu*".into()],
                ..LoaderConfig::default()
            },
            &[],
        )
    }

    #[test]
    fn furniture_lines_match_whole_or_by_prefix() {
        let r = rules();
        assert!(r.boilerplate.matches("Skip to main content"));
        assert!(r.boilerplate.matches("  Share  this story "));
        assert!(r.boilerplate.matches("Read more: the full report"));
        assert!(r.boilerplate.matches("Site menu: news, events"));
        assert!(!r
            .boilerplate
            .matches("The conference will share its findings."));
    }

    #[test]
    fn places_prefer_the_longest_name() {
        let r = rules();
        assert_eq!(r.place_at_start("New York today"), Some("New York"));
        assert_eq!(r.place_at_start("GENEVA, Mar. 3"), Some("Geneva"));
        assert_eq!(r.place_at_start("Genevan"), None);
    }

    /// A data entry written as a line of its own: a prefix entry ("share on*") with some
    /// text after it, in the case a page would use.
    fn as_line(entry: &str) -> String {
        let line = match entry.strip_suffix('*') {
            Some(prefix) => format!("{prefix} the rest of the line"),
            None => entry.to_string(),
        };
        let mut chars = line.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_built_in_furniture_line_is_furniture() {
        let r = Rules::new(&LoaderConfig::default(), &[]);
        let entries: Vec<&str> = data::furniture().collect();
        assert!(entries.len() > 120);
        for entry in entries {
            let line = as_line(entry);
            assert!(
                r.boilerplate.matches(&line),
                "{entry:?} written as {line:?}"
            );
        }
    }

    #[test]
    fn every_built_in_footer_marker_opens_the_footer() {
        let r = Rules::new(&LoaderConfig::default(), &[]);
        let entries: Vec<&str> = data::footer_markers().collect();
        assert!(entries.len() > 60);
        for entry in entries {
            let line = as_line(entry);
            assert!(
                r.footer_markers.matches(&line),
                "{entry:?} written as {line:?}"
            );
        }
    }

    #[test]
    fn every_built_in_place_is_found_as_written() {
        let r = Rules::new(&LoaderConfig::default(), &[]);
        let places: Vec<&str> = data::places().collect();
        assert!(places.len() > 150);
        for place in places {
            assert_eq!(r.place_named(place), Some(place));
            assert_eq!(r.place_named(&place.to_uppercase()), Some(place));
            let dateline = format!("{}, 12 March 2021 - The minister said", place);
            assert_eq!(r.place_at_start(&dateline), Some(place));
        }
    }

    #[test]
    fn every_built_in_publisher_is_known_by_its_names_and_markers() {
        let r = Rules::new(&LoaderConfig::default(), &[]);
        for p in data::PUBLISHERS.iter() {
            assert_eq!(r.publisher_named(&p.name), Some(p.name.as_str()));
            for alias in &p.aliases {
                assert_eq!(r.publisher_named(alias), Some(p.name.as_str()), "{alias}");
            }
            for marker in &p.markers {
                assert!(r.is_publisher_marker(marker), "{marker}");
            }
        }
    }

    #[test]
    fn publishers_resolve_aliases() {
        assert_eq!(
            rules().publisher_named("Indo-Asian News Service"),
            Some("IANS")
        );
        assert_eq!(rules().publisher_named("Nobody"), None);
    }
}
