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
        }
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
    pub kind_label: &'static str,
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
        kind_label: doc.kind.label(),
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
    pub verdict_label: &'static str,
    /// "checked against “Title”", linked to `against_url`.
    pub against_label: Option<String>,
    pub against_url: Option<String>,
    pub detail: Option<String>,
}

pub(super) fn quotes(site: &SiteContext, collection: &Collection, i: usize) -> Vec<QuoteView> {
    let doc = &collection.documents[i];
    doc.quotes
        .iter()
        .zip(&collection.checks[i])
        .map(|(q, check)| {
            let against = check.against.as_ref().and_then(|id| collection.find(id));
            let against = against.filter(|a| a.id != doc.id);
            QuoteView {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                verdict: check.verdict,
                verdict_label: check.verdict.label(),
                against_label: against.map(|a| format!("checked against “{}”", a.title)),
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
            title: match &g.speaker {
                Some(s) => format!("Speech by {s}"),
                None => "Speech".to_string(),
            },
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
        doc: summary,
    }
}

/// A month heading and its documents on the home timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonth {
    pub heading: String,
    pub documents: Vec<DocumentSummary>,
}

/// A page of the home timeline.
#[derive(Debug, Clone, Serialize)]
pub struct IndexContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub months: Vec<TimelineMonth>,
    pub page_number: usize,
    pub page_count: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    pub total_documents: usize,
    pub events: Vec<LinkView>,
    pub speech_group_count: usize,
    pub event_count: usize,
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

/// The home timeline, newest first; `order` holds document indices in that order.
pub fn index(
    site: &SiteContext,
    collection: &Collection,
    order: &[usize],
    page: usize,
    page_size: usize,
    latest_events: &[LinkView],
) -> IndexContext {
    let page_count = order.len().div_ceil(page_size).max(1);
    let slice = order.iter().skip((page - 1) * page_size).take(page_size);
    let mut months: Vec<TimelineMonth> = Vec::new();
    for &i in slice {
        let doc = &collection.documents[i];
        let heading = match doc.date.as_ref().map(|d| d.date) {
            Some(PartialDate {
                year: Some(y),
                month: Some(m),
                ..
            }) => PartialDate {
                year: Some(y),
                month: Some(m),
                day: None,
            }
            .human(),
            Some(PartialDate { year: Some(y), .. }) => y.to_string(),
            Some(PartialDate {
                year: None,
                month: Some(_),
                ..
            }) => "Year unknown".to_string(),
            _ => "Undated".to_string(),
        };
        match months.last_mut() {
            Some(last) if last.heading == heading => last.documents.push(summary(site, doc)),
            _ => months.push(TimelineMonth {
                heading,
                documents: vec![summary(site, doc)],
            }),
        }
    }
    let title = if page == 1 {
        site.title.clone()
    } else {
        format!("{} — page {page}", site.title)
    };
    IndexContext {
        site: site.clone(),
        page: PageMeta {
            title,
            canonical: site.permalink(&index_page_path(page)),
            description: if site.description.is_empty() {
                format!("{} documents", order.len())
            } else {
                site.description.clone()
            },
            og_type: "website",
        },
        months,
        page_number: page,
        page_count,
        previous_url: (page > 1).then(|| site.url(&index_page_path(page - 1))),
        next_url: (page < page_count).then(|| site.url(&index_page_path(page + 1))),
        total_documents: order.len(),
        events: latest_events.to_vec(),
        speech_group_count: collection.speech_groups.len(),
        event_count: collection.events.len(),
    }
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
            title: "Page not found".into(),
            canonical: site.permalink("404.html"),
            description: String::new(),
            og_type: "website",
        },
    }
}
