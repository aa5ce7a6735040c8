//! The loader's rule tables: built-in furniture lists, publishers and places, extended by
//! a site's own lists in site.toml.

use crate::config::{LoaderConfig, PublisherConfig};
use crate::text::{collapse_whitespace, fold};
use std::collections::HashSet;

/// Whole lines that web pages and wire feeds wrap around a text. Matched after folding;
/// a trailing '*' matches any line that starts with the rest.
const BUILTIN_BOILERPLATE: &[&str] = &[
    "skip to main content*",
    "skip to content*",
    "version for the visually impaired",
    "screen reader access",
    "you are here:*",
    "search within*",
    "search this site*",
    "search the site*",
    "cookies on *",
    "we use some essential cookies*",
    "we'd like to set additional cookies*",
    "we would like to set additional cookies*",
    "we also use cookies*",
    "we value your privacy*",
    "this site uses cookies*",
    "accept additional cookies",
    "reject additional cookies",
    "view cookies",
    "accept all",
    "reject all",
    "manage cookies",
    "read this release in*",
    "←*",
    "all news from russia and abroad",
    "tous droits de reproduction*",
    "tous droits réservés*",
    "lire aussi*",
    "à lire aussi*",
    "leggi anche*",
    "keep reading",
    "end of list",
    "comments (*",
    "video player*",
    "from:*",
    "next post:*",
    "previous post:*",
    "next story:*",
    "previous story:*",
    "text version",
    "copy link",
    "anzeige",
    "pubblicità",
    "publicité",
    "publicidad",
    "direct link:*",
    "permalink:*",
    "print version",
    "printable version",
    "text size*",
    "change text size*",
    "skip to navigation",
    "jump to navigation",
    "toggle navigation",
    "main menu",
    "menu",
    "home",
    "search",
    "search form",
    "close",
    "un in your language",
    "welcome to the united nations*",
    "search news centre*",
    "global perspective human stories",
    "audio hub",
    "top stories",
    "latest news",
    "briefing notes",
    "news releases",
    "press releases",
    "news and press releases",
    "statements",
    "speeches",
    "more from this section",
    "read more",
    "read more*",
    "see also",
    "share",
    "share this",
    "share this story",
    "share this article",
    "share on*",
    "share:*",
    "follow us:*",
    "share via*",
    "share this via*",
    "share this on*",
    "click to expand image",
    "click to enlarge*",
    "enlarge image",
    "donate",
    "donate now",
    "tweet",
    "print",
    "email",
    "e-mail",
    "print this page",
    "email this page",
    "follow us",
    "follow us on*",
    "all our channels",
    ">> all our channels",
    "advertisement",
    "sponsored",
    "back to top",
    "top of page",
    "previous",
    "next",
    "previous article",
    "next article",
    "download",
    "download pdf",
    "listen",
    "audio",
    "watch",
    "video",
    "photos",
    "comments",
    "leave a comment",
    "for immediate release",
    "immediate release",
    "media contact*",
    "press contact*",
    "contact:*",
    "contacts:*",
    "for more information*",
    "for further information*",
    "our standards: the thomson reuters trust principles.",
    "editor:*",
    "editing by*",
    "reporting by*",
    "un press & media contacts",
    "latest products*",
    "new backgrounders*",
    "library newsletter*",
    "external link*",
    "subscribe",
    "subscribe to*",
    "sign up*",
    "newsletter",
    "we use cookies*",
    "this website uses cookies*",
    "accept cookies",
    "accept all cookies",
    "cookie settings",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "all rights reserved*",
    "copyright*",
    "©*",
    "you may also like",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "tags:*",
    "topics:*",
    "filed under*",
    "related",
    "related stories",
    "related news",
    "related content",
    "related articles",
    "related links",
    "related coverage*",
    "related topics",
    "also read*",
    "read also*",
    "more on this*",
];

/// Lines that open a page footer: everything after them is furniture.
const BUILTIN_FOOTER_MARKERS: &[&str] = &[
    "social media",
    "follow us",
    "share this",
    "share this story",
    "related",
    "related stories",
    "related news",
    "related content",
    "related articles",
    "related links",
    "related coverage*",
    "related topics",
    "is this page useful?*",
    "footnotes",
    "endnotes",
    "version française",
    "version francaise",
    "french version",
    "version anglaise",
    "english version",
    "versión en español",
    "version en español",
    "see also",
    "documents",
    "downloads",
    "attachments",
    "related documents",
    "ministry responsible",
    "weitere meldungen",
    "mehr zum thema*",
    "altre notizie",
    "ultime notizie",
    "riproduzione riservata*",
    "sur le meme sujet",
    "was this page useful?*",
    "(this story has not been edited*",
    "this story has not been edited*",
    "anadolu agency website contains only a portion*",
    "you may also like",
    "most read",
    "most popular",
    "latest products*",
    "more stories",
    "more news",
    "* *** *",
    "###",
    "- ends -",
    "-ends-",
    "ends",
    "-30-",
    "- 30 -",
    "end",
    "*****",
    "notes to editors*",
    "note to editors*",
    "notes for editors*",
    "note for editors*",
    "editor's note*",
    "media contact*",
    "press contact*",
    "media enquiries*",
    "media inquiries*",
    "press enquiries*",
    "press inquiries*",
    "for media enquiries*",
    "for media inquiries*",
    "contact:*",
    "contacts:*",
    "contact for media*",
    "for more information*",
    "for further information*",
    "source:*",
    "(source:*",
    "press office*",
    "enditem",
    "(end)",
    // The French and Spanish forms of the UN's "For information media, not an official
    // record" and of "end of release".
    "ce document est destiné*",
    "ce communiqué est destiné*",
    "les versions anglaise et française*",
    "este documento*",
    "fin",
];

/// Publishers recognised without any configuration, by marker strings in the raw text.
fn builtin_publishers() -> Vec<PublisherConfig> {
    let make = |name: &str, aliases: &[&str], markers: &[&str]| PublisherConfig {
        name: name.to_string(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        markers: markers.iter().map(|s| s.to_string()).collect(),
        date_order: None,
    };
    vec![
        make(
            "UN Department of Public Information",
            &[
                "Department of Public Information",
                "DPI",
                "UN DPI",
                "Meetings Coverage and Press Releases",
            ],
            &[
                "Department of Public Information",
                "Meetings Coverage and Press Releases",
                "not an official record",
            ],
        ),
        make(
            "UN News",
            &["UN News Centre", "UN News Center"],
            &[
                "UN News Centre",
                "UN News Center",
                "news.un.org",
                "Global perspective Human stories",
            ],
        ),
        make(
            "UNRIC",
            &[
                "United Nations Regional Information Centre",
                "UNRIC Brussels",
            ],
            &[
                "UNRIC",
                "UN in your language",
                "Regional Information Centre for Western Europe",
            ],
        ),
        make(
            "Reuters",
            &["Thomson Reuters"],
            &["Thomson Reuters Trust Principles"],
        ),
        make("Associated Press", &["AP"], &[]),
        make("AFP", &["Agence France-Presse"], &[]),
        make("Xinhua", &["Xinhua News Agency"], &[]),
        make("IANS", &["Indo-Asian News Service"], &[]),
        make("WAM", &["Emirates News Agency"], &[]),
    ]
}

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
    fn new<'a>(items: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = LineSet::default();
        for item in items {
            match pattern(item) {
                LinePattern::Exact(s) => {
                    set.longest = set.longest.max(s.len());
                    set.exact.insert(s);
                }
                LinePattern::Prefix(s) => {
                    set.longest = set.longest.max(s.len());
                    set.prefixes.push(s);
                }
            }
        }
        set
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
        let boilerplate = LineSet::new(
            BUILTIN_BOILERPLATE
                .iter()
                .copied()
                .chain(loader.boilerplate.iter().map(String::as_str)),
        );
        let footer_markers = LineSet::new(
            BUILTIN_FOOTER_MARKERS
                .iter()
                .copied()
                .chain(loader.footer_markers.iter().map(String::as_str)),
        );
        let mut publishers = site_publishers.to_vec();
        publishers.extend(builtin_publishers());
        let mut places: Vec<String> = include_str!("places.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
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
            regions: include_str!("regions.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(fold)
                .collect(),
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
        assert!(r.boilerplate.matches("  UN  in your language "));
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

    #[test]
    fn publishers_resolve_aliases() {
        assert_eq!(
            rules().publisher_named("Indo-Asian News Service"),
            Some("IANS")
        );
        assert_eq!(rules().publisher_named("Nobody"), None);
    }
}
