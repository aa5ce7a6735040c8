//! The site configuration: `site.toml`, validated, with command-line overrides applied.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What can go wrong reading `site.toml`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the configuration: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// A publisher the loader can recognise: its display name, other names it goes by,
/// and marker strings whose presence in a raw text identifies it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PublisherConfig {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub markers: Vec<String>,
    /// How the publisher writes numeric dates such as 03/04/2019.
    #[serde(default)]
    pub date_order: Option<DateOrder>,
}

/// The order of day and month in a numeric date.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// 03/04/2019 is 3 April.
    Dmy,
    /// 03/04/2019 is 4 March.
    Mdy,
}

/// Loader settings a site can extend; the built-in defaults always apply as well.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LoaderConfig {
    /// Whole lines that are page furniture (case-insensitive; a trailing `*` matches a prefix).
    #[serde(default)]
    pub boilerplate: Vec<String>,
    /// Lines after which the rest of the page is footer.
    #[serde(default)]
    pub footer_markers: Vec<String>,
    /// Extra place names for datelines and "in <place>" phrases.
    #[serde(default)]
    pub places: Vec<String>,
    /// Files larger than this many bytes are skipped with an error.
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
}

impl Default for LoaderConfig {
    fn default() -> Self {
        LoaderConfig {
            boilerplate: Vec::new(),
            footer_markers: Vec::new(),
            places: Vec::new(),
            max_file_bytes: default_max_file_bytes(),
        }
    }
}

/// Cross-linker settings; every one has a default that suits press collections.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CrosslinkConfig {
    /// Words per phrase that reports of one speech are matched on.
    pub phrase_words: usize,
    /// Two documents become candidates when they share at least this many phrases.
    pub min_shared_phrases: usize,
    /// A phrase found in more documents than this is a stock phrase and links nothing.
    pub max_phrase_documents: usize,
    /// Reports of one speech are dated at most this many days apart.
    pub report_window_days: i64,
    /// Copies of one text are dated at most this many days apart (a re-post comes later).
    pub copy_window_days: i64,
    /// All the dated members of one speech group lie within this many days: pairs
    /// linked one by one through undated members never chain a template's releases of
    /// several years into one statement.
    pub group_span_days: i64,
    /// Join reports that share no quote when they have the same speaker, named event and
    /// day.
    pub join_by_occasion: bool,
    /// Documents (source paths or ids) that are reports of one speech, whatever the
    /// texts say: each inner list is one group.
    pub together: Vec<Vec<String>>,
    /// Pairs of documents that are never put in one speech group.
    pub apart: Vec<Vec<String>>,
}

impl Default for CrosslinkConfig {
    fn default() -> Self {
        CrosslinkConfig {
            phrase_words: 5,
            min_shared_phrases: 2,
            max_phrase_documents: 40,
            report_window_days: 3,
            copy_window_days: 7,
            group_span_days: 31,
            join_by_occasion: true,
            together: Vec::new(),
            apart: Vec::new(),
        }
    }
}

/// A browse page family: on under its default URL name, on under another, or off.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum BrowseSetting {
    On(bool),
    Named(String),
}

/// Which browse pages a site has (people, publishers, places, years, kinds) and the
/// URL name of each: `people = "personen"`, or `kinds = false` to leave them out.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BrowseConfig {
    pub people: Option<BrowseSetting>,
    pub publishers: Option<BrowseSetting>,
    pub places: Option<BrowseSetting>,
    pub years: Option<BrowseSetting>,
    pub kinds: Option<BrowseSetting>,
}

/// The families of browse pages, in the order the site's navigation lists them.
pub const TAXONOMIES: [&str; 5] = ["people", "publishers", "places", "years", "kinds"];

impl BrowseConfig {
    /// The families that are on, each with its URL name.
    fn resolve(&self, path: &Path) -> Result<Vec<(&'static str, String)>, ConfigError> {
        let settings = [
            &self.people,
            &self.publishers,
            &self.places,
            &self.years,
            &self.kinds,
        ];
        let mut on = Vec::new();
        for (key, setting) in TAXONOMIES.into_iter().zip(settings) {
            let name = match setting {
                None | Some(BrowseSetting::On(true)) => key.to_string(),
                Some(BrowseSetting::On(false)) => continue,
                Some(BrowseSetting::Named(name)) => name.trim_matches('/').to_string(),
            };
            let reserved = [
                "articles", "speeches", "events", "search", "static", "api", "page",
            ];
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && !reserved.contains(&name.as_str());
            if !valid || on.iter().any(|(_, n)| n == &name) {
                return Err(ConfigError::Invalid {
                    path: path.to_path_buf(),
                    message: format!(
                        "[browse] {key} = \"{name}\": a URL name is letters, digits, '-' or \
                         '_', used once, and none of {}",
                        reserved.join(", ")
                    ),
                });
            }
            on.push((key, name));
        }
        Ok(on)
    }
}

fn default_max_file_bytes() -> u64 {
    16 * 1024 * 1024
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: String,
    base_url: String,
    #[serde(default = "default_source")]
    source: PathBuf,
    #[serde(default = "default_output")]
    output: PathBuf,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default)]
    description: String,
    #[serde(default = "default_page_size")]
    page_size: usize,
    #[serde(default)]
    publishers: Vec<PublisherConfig>,
    #[serde(default)]
    loader: Option<LoaderConfig>,
    #[serde(default)]
    crosslink: CrosslinkConfig,
    #[serde(default)]
    browse: BrowseConfig,
}

fn default_source() -> PathBuf {
    PathBuf::from("seeds")
}
fn default_output() -> PathBuf {
    PathBuf::from("public")
}
fn default_language() -> String {
    "en".to_string()
}
fn default_page_size() -> usize {
    50
}

/// The validated configuration every later stage reads.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// The absolute base URL, always ending in '/'.
    pub base_url: String,
    /// The path part of the base URL ('/' or '/archive/'), prefixed to every site link.
    pub base_path: String,
    pub source: PathBuf,
    pub output: PathBuf,
    pub language: String,
    pub page_size: usize,
    pub publishers: Vec<PublisherConfig>,
    pub loader: LoaderConfig,
    pub crosslink: CrosslinkConfig,
    /// The browse page families that are on, with their URL names.
    pub browse: Vec<(&'static str, String)>,
    /// The folder holding site.toml, where a site's own `templates/` and `static/` live.
    pub root: PathBuf,
}

/// Command-line values that win over site.toml.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub source: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
}

impl SiteConfig {
    /// Reads and validates `path`, then applies `overrides`. Relative folders in the file
    /// are taken from the file's folder; folders given on the command line from the
    /// working directory.
    pub fn load(path: &Path, overrides: &Overrides) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path, overrides)
    }

    /// The configuration of a folder without a site.toml: built-in rules only, sources
    /// in the folder itself.
    pub fn defaults(root: &Path) -> Self {
        let text = "title = \"Pressroom\"\nbase_url = \"/\"\nsource = \".\"\n";
        match Self::parse(text, &root.join("site.toml"), &Overrides::default()) {
            Ok(config) => config,
            // The text above is fixed and valid; parse cannot fail on it.
            Err(_) => unreachable!("the built-in default configuration parses"),
        }
    }

    /// The configuration of a build with no site.toml: built-in rules, the sources given
    /// on the command line (else the current folder), the site titled after their
    /// folder, published at `/`, written to `public/`.
    pub fn without_file(overrides: &Overrides) -> Result<Self, ConfigError> {
        let source = overrides
            .source
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let folder = std::fs::canonicalize(&source)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "Press archive".to_string());
        let text = format!(
            "title = {}\nbase_url = \"/\"\n",
            toml::Value::String(folder)
        );
        let overrides = Overrides {
            source: Some(source),
            ..overrides.clone()
        };
        Self::parse(&text, Path::new("site.toml"), &overrides)
    }

    /// Parses configuration text; `path` names it in errors and anchors relative folders.
    pub fn parse(text: &str, path: &Path, overrides: &Overrides) -> Result<Self, ConfigError> {
        let file: SiteFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| {
                text[..span.start.min(text.len())].matches('\n').count() + 1
            });
            ConfigError::Parse {
                path: path.to_path_buf(),
                line,
                message: e.message().to_string(),
            }
        })?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        let base_url = overrides.base_url.clone().unwrap_or(file.base_url);
        let base_path = base_path_of(&base_url).ok_or_else(|| ConfigError::Invalid {
            path: path.to_path_buf(),
            message: format!("base_url `{base_url}` must start with http://, https:// or '/'"),
        })?;
        let crosslink = &file.crosslink;
        if crosslink.phrase_words < 2 || crosslink.min_shared_phrases == 0 {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                message:
                    "[crosslink] phrase_words must be at least 2 and min_shared_phrases at least 1"
                        .to_string(),
            });
        }
        if let Some(pair) = crosslink.apart.iter().find(|p| p.len() != 2) {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                message: format!(
                    "[crosslink] apart takes pairs of documents; {pair:?} is not a pair"
                ),
            });
        }
        if file.page_size == 0 {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                message: "page_size must be at least 1".to_string(),
            });
        }
        let browse = file.browse.resolve(path)?;
        let mut base_url = base_url.trim().to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Ok(SiteConfig {
            title: file.title,
            description: file.description,
            base_url,
            base_path,
            source: overrides
                .source
                .clone()
                .unwrap_or_else(|| root.join(file.source)),
            output: overrides
                .output
                .clone()
                .unwrap_or_else(|| root.join(file.output)),
            language: file.language,
            page_size: file.page_size,
            publishers: file.publishers,
            loader: file.loader.unwrap_or_default(),
            crosslink: file.crosslink,
            browse,
            root,
        })
    }
}

/// The path part of a base URL, with a leading and trailing '/'.
fn base_path_of(base_url: &str) -> Option<String> {
    let url = base_url.trim();
    let path = if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        rest.find('/').map_or("/", |i| &rest[i..])
    } else if url.starts_with('/') {
        url
    } else {
        return None;
    };
    let trimmed = path.trim_matches('/');
    Some(if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, ConfigError> {
        SiteConfig::parse(text, Path::new("site.toml"), &Overrides::default())
    }

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        let err = parse("title = \"x\"\nbase_url = \"/\"\ncolour = \"red\"\n")
            .map(|_| ())
            .unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("site.toml:3:"), "{message}");
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn browse_pages_are_on_by_default_renamed_or_left_out() {
        let all = parse("title = \"x\"\nbase_url = \"/\"\n").map(|c| c.browse);
        assert_eq!(all.map(|b| b.len()).ok(), Some(5));
        let some = parse(
            "title = \"x\"\nbase_url = \"/\"\n[browse]\npeople = \"personen\"\nkinds = false\n",
        )
        .map(|c| c.browse)
        .map_err(|e| e.to_string());
        let some = some.unwrap_or_default();
        assert_eq!(some[0], ("people", "personen".to_string()));
        assert!(!some.iter().any(|(key, _)| *key == "kinds"));
        let clash = parse("title = \"x\"\nbase_url = \"/\"\n[browse]\nplaces = \"articles\"\n");
        let message = clash.map(|_| ()).unwrap_err().to_string();
        assert!(message.contains("[browse] places"), "{message}");
    }

    #[test]
    fn base_path_comes_from_the_base_url() {
        assert_eq!(base_path_of("https://example.org").as_deref(), Some("/"));
        assert_eq!(
            base_path_of("https://example.org/archive").as_deref(),
            Some("/archive/")
        );
        assert_eq!(base_path_of("/sub/dir/").as_deref(), Some("/sub/dir/"));
        assert_eq!(base_path_of("example.org"), None);
    }

    #[test]
    fn command_line_wins() {
        let overrides = Overrides {
            base_url: Some("https://x.org/a/".into()),
            ..Overrides::default()
        };
        let config = SiteConfig::parse(
            "title = \"t\"\nbase_url = \"https://y.org/\"\n",
            Path::new("site.toml"),
            &overrides,
        )
        .map_err(|e| e.to_string());
        assert_eq!(config.map(|c| c.base_path), Ok("/a/".to_string()));
    }
}
