//! The serialisable contexts templates are rendered from: one small struct per page kind.

use super::structured::script_safe_json;
use crate::config::SiteConfig;
use crate::crosslink::{Collection, Event, SpeechGroup, Verdict};
use crate::load::{Block, DatedField, Document, PartialDate, TitleFrom};
use serde::Serialize;

/// What every page knows about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub base_path: String,
    pub language: String,
    /// The Atom feed's absolute address, where the site has an absolute address.
    pub feed: Option<String>,
    /// The words pages show, in the site's language.
    pub t: &'static serde_json::Value,
    /// The browse page families, for the navigation: their index pages, under their names.
    pub browse: Vec<LinkView>,
    /// The same as (title, folder), to link them from any page.
    #[serde(skip)]
    browse_paths: Vec<(String, String)>,
}

impl SiteContext {
    pub fn new(config: &SiteConfig) -> Self {
        SiteContext {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
            language: config.language.clone(),
            feed: is_absolute(&config.base_url)
                .then(|| format!("{}{}", config.base_url, super::feed::FEED_PATH)),
            t: super::strings::for_language(&config.language),
            browse: Vec::new(),
            browse_paths: Vec::new(),
        }
        .with_browse(&config.browse)
    }

    fn with_browse(mut self, browse: &[(&'static str, String)]) -> Self {
        self.browse_paths = browse
            .iter()
            .map(|(key, name)| {
                let title = self.text(&format!("taxonomy.{key}")).to_string();
                (title, format!("{name}/"))
            })
            .collect();
        self.link_browse();
        self
    }

    fn link_browse(&mut self) {
        self.browse = self
            .browse_paths
            .iter()
            .map(|(title, path)| LinkView {
                title: title.clone(),
                url: self.url(path),
            })
            .collect();
    }

    /// The site as seen from the page in folder `page_path` ("articles/x/"): its links
    /// relative to that page ("../../events/y/"), so that the output works at any address
    /// and its styles load even when a page is opened from the file system.
    pub fn for_page(&self, page_path: &str) -> SiteContext {
        let depth = page_path.split('/').filter(|s| !s.is_empty()).count();
        let mut site = self.clone();
        site.base_path = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        site.link_browse();
        site
    }

    /// The context of a site with the built-in settings at `base_url`, for tests.
    #[cfg(test)]
    pub fn at(base_url: &str) -> Self {
        let overrides = crate::config::Overrides {
            base_url: Some(base_url.to_string()),
            ..Default::default()
        };
        let text = "title = \"Archive\"\nbase_url = \"/\"\n";
        match SiteConfig::parse(text, std::path::Path::new("site.toml"), &overrides) {
            Ok(config) => SiteContext::new(&config),
            Err(e) => panic!("{e}"),
        }
    }

    /// One of the page words by its key ("nav_search", "kind.report").
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        super::strings::lookup(self.t, key)
    }

    /// A page word with `{n}` filled in: "reports_n" is "{n} reports", and for one its
    /// singular "reports_1", where the language has one.
    pub fn count_text(&self, key: &str, n: usize) -> String {
        if n == 1 {
            if let Some(stem) = key.strip_suffix("_n") {
                let singular = format!("{stem}_1");
                let text = self.text(&singular);
                if text != singular {
                    return text.to_string();
                }
            }
        }
        self.text(key).replace("{n}", &n.to_string())
    }

    /// Whether the site has an absolute address, which feeds and sitemaps need.
    pub fn is_absolute(&self) -> bool {
        is_absolute(&self.base_url)
    }

    /// A site-relative URL with the base path: "articles/x/" → "/archive/articles/x/".
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// The absolute URL, for canonical links and feeds.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

/// Whether a base URL names a host ("https://example.org/archive/"), not only a path.
fn is_absolute(base_url: &str) -> bool {
    base_url.starts_with("http://") || base_url.starts_with("https://")
}

/// A page's own head: title, canonical URL and description.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub title: String,
    pub canonical: String,
    pub description: String,
    pub og_type: &'static str,
}

/// A date as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    /// The value of a `datetime` attribute: the date where it has a year (a yearless
    /// "--10-10" is no valid one), else none and the date is plain text.
    pub machine: Option<String>,
    pub human: String,
    pub inferred: bool,
    pub why: String,
}

impl DateView {
    /// A date the page states with no reason of its own (an event's or a group's).
    pub fn of_date(date: PartialDate) -> Self {
        DateView {
            iso: date.iso(),
            machine: date.year.map(|_| date.iso()),
            human: date.human(),
            inferred: false,
            why: String::new(),
        }
    }

    fn of(field: &DatedField) -> Self {
        DateView {
            iso: field.date.iso(),
            machine: field.date.year.map(|_| field.date.iso()),
            human: field.date.human(),
            inferred: field.inferred,
            why: match field.evidence.line {
                Some(line) => format!("{} (line {line})", field.evidence.rule),
                None => field.evidence.rule.clone(),
            },
        }
    }
}

/// One document in a list: no body, so list pages stay small at any scale.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub date: Option<DateView>,
    pub excerpt: String,
}

pub fn kind_key(kind: crate::load::Kind) -> &'static str {
    match kind {
        crate::load::Kind::Report => "report",
        crate::load::Kind::FullText => "full_text",
        crate::load::Kind::Announcement => "announcement",
        crate::load::Kind::Other => "other",
    }
}

/// A verdict's key in the page words, as `Verdict` serialises.
fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Verified => "verified",
        Verdict::Variant => "variant",
        Verdict::NotFound => "not_found",
        Verdict::Unchecked => "unchecked",
    }
}

pub fn article_path(doc: &Document) -> String {
    format!("articles/{}/", doc.slug)
}

pub fn speech_path(group: &SpeechGroup) -> String {
    format!("speeches/{}/", group.id.0)
}

pub fn event_path(event: &Event) -> String {
    format!("events/{}/", event.slug)
}

/// A link to an event's page, under its name.
pub fn event_link(site: &SiteContext, event: &Event) -> LinkView {
    LinkView {
        title: event.name.clone(),
        url: site.url(&event_path(event)),
    }
}

fn excerpt(doc: &Document, max_chars: usize) -> String {
    let first = doc.lede();
    if first.chars().count() <= max_chars {
        return first.to_string();
    }
    let cut = first
        .char_indices()
        .nth(max_chars)
        .map_or(first.len(), |(i, _)| i);
    let cut = first[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", &first[..cut])
}

pub fn summary(site: &SiteContext, doc: &Document) -> DocumentSummary {
    DocumentSummary {
        id: doc.id.0.clone(),
        title: doc.title.clone(),
        url: site.url(&article_path(doc)),
        kind: kind_key(doc.kind),
        kind_label: site
            .text(&format!("kind.{}", kind_key(doc.kind)))
            .to_string(),
        publisher: doc.publisher.clone(),
        place: doc.place.clone(),
        date: doc.date.as_ref().map(DateView::of),
        excerpt: excerpt(doc, 220),
    }
}

/// A quote with its check, as article and speech pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    pub speaker: Option<String>,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// "checked against “Title”", linked to `against_url`.
    pub against_label: Option<String>,
    pub against_url: Option<String>,
    pub detail: Option<String>,
}

pub(super) fn quotes(site: &SiteContext, collection: &Collection, i: usize) -> Vec<QuoteView> {
    let doc = &collection.documents[i];
    doc.quotes
        .iter()
        .zip(collection.checks[i].iter())
        .map(|(q, check)| {
            let against = check.against.as_ref().and_then(|id| collection.find(id));
            let against = against.filter(|a| a.id != doc.id);
            QuoteView {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                verdict: check.verdict,
                verdict_label: site
                    .text(&format!("verdict.{}", verdict_key(check.verdict)))
                    .to_string(),
                against_label: against
                    .map(|a| site.text("checked_against").replace("{name}", &a.title)),
                against_url: against.map(|a| site.url(&article_path(a))),
                detail: check.detail.clone(),
            }
        })
        .collect()
}

/// A field the loader read, with the reason, for the provenance table.
#[derive(Debug, Clone, Serialize)]
pub struct FieldWhy {
    pub field: &'static str,
    pub value: String,
    pub why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RemovedView {
    pub line: usize,
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
}

/// The article page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub doc: DocumentSummary,
    pub title_made: bool,
    pub captured: Option<DateView>,
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub blocks: Vec<Block>,
    pub quotes: Vec<QuoteView>,
    pub removed: Vec<RemovedView>,
    pub provenance: Vec<FieldWhy>,
    pub source_path: String,
    /// The copy of the raw source in the output, where it has one.
    pub source_url: Option<String>,
    pub source_sha256: String,
    pub speech_group: Option<LinkView>,
    pub same_speech: Vec<DocumentSummary>,
    pub event: Option<LinkView>,
    pub same_event: Vec<DocumentSummary>,
    /// The documents before and after this one in its event, in date order.
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
    pub breadcrumbs: Vec<LinkView>,
    pub warnings: Vec<String>,
    /// Fields set by hand in front matter or a sidecar.
    pub overrides: Vec<String>,
    /// Fields filled in from the speech group.
    pub inferred: Vec<String>,
    /// schema.org NewsArticle, already serialised and safe inside a script element.
    pub json_ld: String,
}

fn why(evidence: &crate::load::Evidence) -> String {
    match evidence.line {
        Some(line) => format!("{} (line {line})", evidence.rule),
        None => evidence.rule.clone(),
    }
}

pub fn article(site: &SiteContext, collection: &Collection, i: usize) -> ArticleContext {
    let doc = &collection.documents[i];
    let group = collection.speech_group_of[i].map(|g| &collection.speech_groups[g]);
    let event = collection.event_of[i].map(|e| &collection.events[e]);
    let others = |members: &[usize]| -> Vec<DocumentSummary> {
        members
            .iter()
            .filter(|&&m| m != i)
            .map(|&m| summary(site, &collection.documents[m]))
            .collect()
    };
    let mut provenance = vec![
        FieldWhy {
            field: "Title",
            value: doc.title.clone(),
            why: why(&doc.title_evidence),
        },
        FieldWhy {
            field: "Kind",
            value: doc.kind.label().to_string(),
            why: why(&doc.kind_evidence),
        },
    ];
    if let (Some(p), Some(e)) = (&doc.publisher, &doc.publisher_evidence) {
        provenance.push(FieldWhy {
            field: "Publisher",
            value: p.clone(),
            why: why(e),
        });
    }
    if let Some(d) = &doc.date {
        provenance.push(FieldWhy {
            field: "Date",
            value: d.date.human(),
            why: why(&d.evidence),
        });
    }
    if let Some(d) = &doc.captured {
        provenance.push(FieldWhy {
            field: "Captured",
            value: d.date.human(),
            why: why(&d.evidence),
        });
    }
    if let (Some(p), Some(e)) = (&doc.place, &doc.place_evidence) {
        provenance.push(FieldWhy {
            field: "Place",
            value: p.clone(),
            why: why(e),
        });
    }
    let summary = summary(site, doc);
    let permalink = site.permalink(&article_path(doc));
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": doc.title,
        "url": permalink,
        "isBasedOn": doc.source_path,
    });
    if let Some(d) = doc.date.as_ref().filter(|d| d.date.to_naive().is_some()) {
        ld["datePublished"] = serde_json::Value::String(d.date.iso());
    }
    if let Some(p) = &doc.publisher {
        ld["publisher"] = serde_json::json!({ "@type": "Organization", "name": p });
    }
    if let Some(p) = &doc.place {
        ld["contentLocation"] = serde_json::json!({ "@type": "Place", "name": p });
    }
    ArticleContext {
        site: site.clone(),
        page: PageMeta {
            title: doc.title.clone(),
            canonical: permalink,
            description: summary.excerpt.clone(),
            og_type: "article",
        },
        title_made: doc.title_from == TitleFrom::Made,
        captured: doc.captured.as_ref().map(DateView::of),
        speakers: doc.speakers.clone(),
        people: doc.people.clone(),
        blocks: doc.body.clone(),
        quotes: quotes(site, collection, i),
        removed: doc
            .removed
            .iter()
            .map(|r| RemovedView {
                line: r.line,
                text: r.text.clone(),
                reason: r.explain(),
            })
            .collect(),
        provenance,
        source_path: doc.source_path.clone(),
        source_url: super::sources::copy_path(doc).map(|p| site.url(&super::sources::url_path(&p))),
        source_sha256: doc.source_sha256.clone(),
        speech_group: group.map(|g| LinkView {
            title: speech_name(site, g),
            url: site.url(&speech_path(g)),
        }),
        same_speech: group.map(|g| others(&g.members)).unwrap_or_default(),
        event: event.map(|e| event_link(site, e)),
        same_event: event
            .map(|e| {
                others(&e.members)
                    .into_iter()
                    .filter(|s| {
                        group.is_none_or(|g| {
                            !g.members
                                .iter()
                                .any(|&m| collection.documents[m].id.0 == s.id)
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        warnings: doc
            .warnings
            .iter()
            .map(|w| match w.line {
                Some(line) => format!("line {line}: {}", w.message),
                None => w.message.clone(),
            })
            .collect(),
        overrides: doc.overrides.clone(),
        inferred: doc.inferred.clone(),
        json_ld: script_safe_json(&ld),
        previous: event.and_then(|e| neighbour(site, collection, e, i, -1)),
        next: event.and_then(|e| neighbour(site, collection, e, i, 1)),
        breadcrumbs: article_breadcrumbs(site, collection, i),
        doc: summary,
    }
}

/// The document `step` places from `i` in its event's order.
fn neighbour(
    site: &SiteContext,
    collection: &Collection,
    event: &Event,
    i: usize,
    step: isize,
) -> Option<LinkView> {
    let at = event.members.iter().position(|&m| m == i)?;
    let other = *event.members.get(at.checked_add_signed(step)?)?;
    let doc = &collection.documents[other];
    Some(LinkView {
        title: doc.title.clone(),
        url: site.url(&article_path(doc)),
    })
}

/// Home, then the article's event and speech where it has them.
fn article_breadcrumbs(site: &SiteContext, collection: &Collection, i: usize) -> Vec<LinkView> {
    let mut trail = vec![super::stories::home_link(site)];
    if let Some(e) = collection.event_of[i] {
        trail.push(event_link(site, &collection.events[e]));
    }
    if let Some(g) = collection.speech_group_of[i] {
        let group = &collection.speech_groups[g];
        trail.push(LinkView {
            title: speech_name(site, group),
            url: site.url(&speech_path(group)),
        });
    }
    trail
}

/// "Speech by Ban Ki-moon", in the site's words.
pub fn speech_name(site: &SiteContext, group: &SpeechGroup) -> String {
    match &group.speaker {
        Some(s) => site.text("speech_by").replace("{name}", s),
        None => site.text("speech").to_string(),
    }
}

pub fn index_page_path(page: usize) -> String {
    if page <= 1 {
        String::new()
    } else {
        format!("page/{page}/")
    }
}

/// The most recent events, newest first, for the home page's sidebar.
pub fn latest_events(site: &SiteContext, collection: &Collection, count: usize) -> Vec<LinkView> {
    let mut events: Vec<&Event> = collection.events.iter().collect();
    events.sort_by(|a, b| {
        b.start
            .map(|d| d.sort_key())
            .cmp(&a.start.map(|d| d.sort_key()))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    events
        .into_iter()
        .take(count)
        .map(|e| event_link(site, e))
        .collect()
}

/// The 404 page.
#[derive(Debug, Clone, Serialize)]
pub struct NotFoundContext {
    pub site: SiteContext,
    pub page: PageMeta,
}

pub fn not_found(site: &SiteContext) -> NotFoundContext {
    NotFoundContext {
        site: site.clone(),
        page: PageMeta {
            title: site.text("not_found_title").to_string(),
            canonical: site.permalink("404.html"),
            description: String::new(),
            og_type: "website",
        },
    }
}
