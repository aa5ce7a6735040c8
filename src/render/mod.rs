//! The renderer: tera templates over the context structs in [`context`], written through
//! a [`Staging`] folder. Templates in a site's `templates/` folder replace the built-in
//! ones of the same name.

pub mod api;
pub mod browse;
pub mod context;
mod discovery;
mod event;
mod feed;
mod listings;
pub mod pages;
pub mod search;
mod sources;
pub mod speech;
pub mod stories;
mod strings;
mod structured;

use crate::config::SiteConfig;
use crate::crosslink::Collection;
use crate::write::{Staging, WriteError};
use context::SiteContext;
use pages::Plan;
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;

/// Built-in templates, by name; a site overrides any of them by file name.
const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("speech.html", include_str!("../../templates/speech.html")),
    ("event.html", include_str!("../../templates/event.html")),
    (
        "taxonomy.html",
        include_str!("../../templates/taxonomy.html"),
    ),
    ("term.html", include_str!("../../templates/term.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
];

/// The names a site's own templates may have: those of the built-in ones.
pub const TEMPLATE_NAMES: [&str; 10] = [
    "base.html",
    "macros.html",
    "index.html",
    "article.html",
    "speech.html",
    "event.html",
    "taxonomy.html",
    "term.html",
    "search.html",
    "404.html",
];

/// Built-in static files, copied to `static/` in the output.
const BUILTIN_STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../../static/style.css")),
    ("search.js", include_str!("../../static/search.js")),
];

/// What can go wrong rendering.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    #[error("{path}: cannot read template: {source}")]
    ReadTemplate {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot serialise {what}: {source}")]
    Json {
        what: &'static str,
        source: serde_json::Error,
    },
}

fn tera_message(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
/// Unlike tera's default it leaves '/' alone, so URLs stay readable in the output.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut plain_from = 0;
    // Most text has nothing to escape: runs of it are copied whole, not char by char.
    for (at, byte) in input.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[plain_from..at]);
        out.push_str(entity);
        plain_from = at + 1;
    }
    out.push_str(&input[plain_from..]);
    out
}

/// The loaded templates.
pub struct Renderer {
    tera: tera::Tera,
    /// Where each template came from, for error messages: a site file or built-in.
    origins: std::collections::HashMap<String, String>,
}

impl Renderer {
    /// Loads the built-in templates, replaced by any of the same name in `root/templates`.
    pub fn new(root: &Path) -> Result<Self, RenderError> {
        let mut templates: Vec<(String, String)> = Vec::new();
        let mut origins = std::collections::HashMap::new();
        for (name, builtin) in BUILTIN_TEMPLATES {
            let path = root.join("templates").join(name);
            let text = if path.is_file() {
                origins.insert(name.to_string(), path.display().to_string());
                std::fs::read_to_string(&path).map_err(|source| RenderError::ReadTemplate {
                    path: path.clone(),
                    source,
                })?
            } else {
                origins.insert(name.to_string(), format!("built-in {name}"));
                builtin.to_string()
            };
            templates.push((name.to_string(), text));
        }
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        if let Err(error) = tera.add_raw_templates(templates) {
            let overridden: Vec<&str> = origins
                .values()
                .filter(|o| !o.starts_with("built-in"))
                .map(String::as_str)
                .collect();
            let mut name = "templates".to_string();
            if !overridden.is_empty() {
                let mut overridden = overridden;
                overridden.sort_unstable();
                name = format!("templates (site overrides: {})", overridden.join(", "));
            }
            return Err(RenderError::Template {
                name,
                message: tera_message(&error),
            });
        }
        Ok(Renderer { tera, origins })
    }

    fn origin(&self, name: &str) -> String {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Renders one template with a context struct.
    pub fn render<C: Serialize>(&self, name: &str, context: &C) -> Result<String, RenderError> {
        let context =
            tera::Context::from_serialize(context).map_err(|e| RenderError::Template {
                name: name.into(),
                message: tera_message(&e),
            })?;
        self.tera
            .render(name, &context)
            .map_err(|e| RenderError::Template {
                name: self.origin(name),
                message: tera_message(&e),
            })
    }
}

/// How many files a render wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
    /// The search index: its files, their bytes, and the time it took to build and write.
    pub search: search::SearchStats,
    pub search_time: std::time::Duration,
}

/// Renders every page of the collection into `staging`, with every other file of the
/// site.
pub fn render_site(
    config: &SiteConfig,
    collection: &Collection,
    staging: &Staging,
) -> Result<RenderStats, RenderError> {
    let renderer = Renderer::new(&config.root)?;
    let site = SiteContext::new(config);
    let plan = Plan::new(&site, collection, &config.browse, config.page_size);
    plan.pages.par_iter().try_for_each(|(file, page)| {
        let html = plan.render(&renderer, &site, collection, *page)?;
        staging
            .write(file, html.as_bytes())
            .map_err(RenderError::from)
    })?;
    let mut stats = write_files(config, &site, collection, &plan, staging)?;
    stats.pages = plan.pages.len();
    stats.files += stats.pages;
    Ok(stats)
}

/// Every file of the site but its HTML pages: the search index, the feeds, the JSON API,
/// the sitemap, the sources and the static files. `serve` writes these and renders the
/// pages as they are asked for.
pub fn write_files(
    config: &SiteConfig,
    site: &SiteContext,
    collection: &Collection,
    plan: &Plan,
    staging: &Staging,
) -> Result<RenderStats, RenderError> {
    let indexing = std::time::Instant::now();
    let search = listings::write_search_index(site, collection, plan, staging)?;
    let search_time = indexing.elapsed();
    let mut files = listings::write_term_feeds(site, collection, plan, staging)?;
    write_api(site, collection, staging)?;
    files += 3;
    files += discovery::write_discovery(site, collection, &plan.list_folders(), staging)?;
    files += search.files;
    files += usize::from(feed::write_feed(site, collection, staging)?);
    files += sources::copy_sources(&config.source, collection, staging)?;
    for (name, text) in BUILTIN_STATIC {
        staging.write(&format!("static/{name}"), text.as_bytes())?;
        files += 1;
    }
    let site_static = config.root.join("static");
    if site_static.is_dir() {
        files += staging.copy_dir(&site_static, "static")?;
    }
    Ok(RenderStats {
        pages: 0,
        files,
        search,
        search_time,
    })
}

/// The JSON API: every document, the groups and events, and the ids the next build keeps.
fn write_api(
    site: &SiteContext,
    collection: &Collection,
    staging: &Staging,
) -> Result<(), RenderError> {
    write_json(staging, "api/documents.json", |w| {
        api::write_documents_json(site, collection, w)
    })?;
    write_json(staging, "api/groups.json", |w| {
        api::write_groups_json(site, collection, w)
    })?;
    let ledger = crate::crosslink::stable_ids::IdLedger::of(collection);
    write_json(staging, crate::crosslink::stable_ids::LEDGER_PATH, |w| {
        serde_json::to_writer(w, &ledger)
    })
}

/// Writes one JSON file of the API through `write`.
fn write_json(
    staging: &Staging,
    what: &'static str,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<(), serde_json::Error>,
) -> Result<(), RenderError> {
    let mut file = staging.create(what)?;
    write(file.writer()).map_err(|source| RenderError::Json { what, source })?;
    file.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_template_names_are_those_of_the_built_in_templates() {
        let builtin: Vec<&str> = super::BUILTIN_TEMPLATES
            .iter()
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(builtin, super::TEMPLATE_NAMES);
    }

    #[test]
    fn markup_characters_are_escaped_and_every_other_character_kept() {
        assert_eq!(
            super::escape_html("«Ça» <b a='1' b=\"2\">&amp;</b> — 東京/"),
            "«Ça» &lt;b a=&#39;1&#39; b=&quot;2&quot;&gt;&amp;amp;&lt;/b&gt; — 東京/"
        );
        assert_eq!(super::escape_html(""), "");
        assert_eq!(super::escape_html("<"), "&lt;");
    }
}
