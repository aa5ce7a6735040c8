//! Stories: the unit the home page and the listings show. An event is one story, a
//! speech group outside an event is one, and any other document is its own; so five
//! reports of one speech are one item, "5 reports · full text", not five.

use super::context::{
    event_path, index_page_path, speech_path, summary, DateView, LinkView, PageMeta, SiteContext,
};
use crate::crosslink::{Collection, Event, SpeechGroup};
use crate::load::{Document, PartialDate};
use serde::Serialize;

/// What a story is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoryOf {
    Event(usize),
    Speech(usize),
    Document(usize),
}

/// One story in a list.
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// "event", "speech" or the document's kind.
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub url: String,
    pub date: Option<DateView>,
    pub place: Option<String>,
    pub publisher: Option<String>,
    /// "5 reports · full text"; empty for a single document.
    pub counts: String,
    pub excerpt: String,
}

/// The story a document belongs to: its event, else its speech group, else itself.
pub fn story_of(collection: &Collection, i: usize) -> StoryOf {
    match (collection.event_of[i], collection.speech_group_of[i]) {
        (Some(e), _) => StoryOf::Event(e),
        (None, Some(g)) => StoryOf::Speech(g),
        (None, None) => StoryOf::Document(i),
    }
}

/// Every story once, newest first: in the order of its newest document.
pub fn stories_newest_first(collection: &Collection, newest_first: &[usize]) -> Vec<StoryOf> {
    let mut seen = std::collections::HashSet::new();
    newest_first
        .iter()
        .map(|&i| story_of(collection, i))
        .filter(|story| seen.insert(*story))
        .collect()
}

/// Document indices, newest first, undated last, then by source path.
pub fn documents_newest_first(collection: &Collection) -> Vec<usize> {
    let mut order: Vec<usize> = (0..collection.documents.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, db) = (&collection.documents[a], &collection.documents[b]);
        let key = |d: &Document| (d.date.is_some(), d.date_or_default().sort_key());
        key(db)
            .cmp(&key(da))
            .then_with(|| da.source_path.cmp(&db.source_path))
    });
    order
}

fn date_view(date: Option<PartialDate>) -> Option<DateView> {
    date.map(DateView::of_date)
}

/// "5 reports · full text", in the site's words.
fn group_counts(site: &SiteContext, group: &SpeechGroup) -> String {
    let reports = site.count_text("reports_n", group.members.len());
    match group.canonical {
        Some(_) => format!("{reports} · {}", site.text("full_text")),
        None => reports,
    }
}

fn event_counts(site: &SiteContext, event: &Event) -> String {
    let documents = site.count_text("documents_n", event.members.len());
    match event.speech_groups.len() {
        0 => documents,
        n => format!("{documents} · {}", site.count_text("speeches_n", n)),
    }
}

/// The title a speech group goes by: its lead document's headline.
pub fn speech_title(collection: &Collection, group: &SpeechGroup) -> String {
    collection.documents[group.lead].title.clone()
}

pub fn story_view(site: &SiteContext, collection: &Collection, story: StoryOf) -> StoryView {
    match story {
        StoryOf::Event(e) => {
            let event = &collection.events[e];
            let lead = event
                .speech_groups
                .first()
                .map(|&g| collection.speech_groups[g].lead)
                .or_else(|| event.members.first().copied());
            StoryView {
                kind: "event",
                kind_label: site.text("event").to_string(),
                title: event.name.clone(),
                url: site.url(&event_path(event)),
                date: date_view(event.start),
                place: event.place.clone(),
                publisher: None,
                counts: event_counts(site, event),
                excerpt: lead
                    .map(|i| summary(site, &collection.documents[i]).excerpt)
                    .unwrap_or_default(),
            }
        }
        StoryOf::Speech(g) => {
            let group = &collection.speech_groups[g];
            let lead = summary(site, &collection.documents[group.lead]);
            StoryView {
                kind: "speech",
                kind_label: site.text("speech").to_string(),
                title: speech_title(collection, group),
                url: site.url(&speech_path(group)),
                date: date_view(group.date).or(lead.date),
                place: lead.place,
                publisher: None,
                counts: group_counts(site, group),
                excerpt: lead.excerpt,
            }
        }
        StoryOf::Document(i) => {
            let doc = summary(site, &collection.documents[i]);
            StoryView {
                kind: doc.kind,
                kind_label: doc.kind_label,
                title: doc.title,
                url: doc.url,
                date: doc.date,
                place: doc.place,
                publisher: doc.publisher,
                counts: String::new(),
                excerpt: doc.excerpt,
            }
        }
    }
}

/// A page of a paginated list, and the links around it.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub number: usize,
    pub count: usize,
    pub label: String,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
}

impl Pagination {
    /// Page `number` of `count` under `base` ("" for home, "events/").
    pub fn new(site: &SiteContext, base: &str, number: usize, count: usize) -> Self {
        let url = |n: usize| site.url(&format!("{base}{}", index_page_path(n)));
        Pagination {
            number,
            count,
            label: site
                .count_text("page_of", number)
                .replace("{count}", &count.to_string()),
            previous_url: (number > 1).then(|| url(number - 1)),
            next_url: (number < count).then(|| url(number + 1)),
        }
    }
}

/// A list page of stories: the home page, the events and the speeches.
#[derive(Debug, Clone, Serialize)]
pub struct StoriesContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub heading: String,
    pub tally: Option<String>,
    pub stories: Vec<StoryView>,
    pub pagination: Pagination,
    pub breadcrumbs: Vec<LinkView>,
    pub events: Vec<LinkView>,
}

/// What a story list is: its folder, its heading, and whether it is the home page.
pub struct StoryList<'a> {
    pub base: &'a str,
    pub heading: String,
    pub stories: &'a [StoryOf],
}

/// Page `number` of a story list, `page_size` stories a page.
pub fn stories_page(
    site: &SiteContext,
    collection: &Collection,
    list: &StoryList,
    number: usize,
    page_size: usize,
) -> StoriesContext {
    let count = list.stories.len().div_ceil(page_size).max(1);
    let home = list.base.is_empty();
    let heading = match (home, number) {
        (true, 1) => site.text("latest_stories").to_string(),
        (true, n) => site.count_text("stories_page", n),
        (false, 1) => list.heading.clone(),
        (false, n) => format!(
            "{} · {}",
            list.heading,
            site.count_text("page_of", n)
                .replace("{count}", &count.to_string())
        ),
    };
    let path = format!("{}{}", list.base, index_page_path(number));
    let tally = home.then(|| {
        site.text("tally")
            .replace("{documents}", &collection.documents.len().to_string())
            .replace("{speeches}", &collection.speech_groups.len().to_string())
            .replace("{events}", &collection.events.len().to_string())
    });
    StoriesContext {
        site: site.clone(),
        page: PageMeta {
            title: if home && number == 1 {
                site.title.clone()
            } else {
                heading.clone()
            },
            canonical: site.permalink(&path),
            description: if site.description.is_empty() || !home {
                tally.clone().unwrap_or_else(|| list.heading.clone())
            } else {
                site.description.clone()
            },
            og_type: "website",
        },
        heading,
        tally,
        stories: list
            .stories
            .iter()
            .skip((number - 1) * page_size)
            .take(page_size)
            .map(|&story| story_view(site, collection, story))
            .collect(),
        pagination: Pagination::new(site, list.base, number, count),
        breadcrumbs: if home {
            Vec::new()
        } else {
            vec![home_link(site)]
        },
        events: Vec::new(),
    }
}

/// The first link of every breadcrumb trail.
pub fn home_link(site: &SiteContext) -> LinkView {
    LinkView {
        title: site.text("home").to_string(),
        url: site.url(""),
    }
}

/// Events newest first, then by slug.
pub fn events_newest_first(collection: &Collection) -> Vec<StoryOf> {
    let mut events: Vec<usize> = (0..collection.events.len()).collect();
    events.sort_by(|&a, &b| {
        let (ea, eb) = (&collection.events[a], &collection.events[b]);
        let key = |e: &Event| (e.start.is_some(), e.start.map(|d| d.sort_key()));
        key(eb).cmp(&key(ea)).then_with(|| ea.slug.cmp(&eb.slug))
    });
    events.into_iter().map(StoryOf::Event).collect()
}

/// Speech groups newest first, then by id. Each is shown as itself, even inside an event.
pub fn speeches_newest_first(collection: &Collection) -> Vec<StoryOf> {
    let mut groups: Vec<usize> = (0..collection.speech_groups.len()).collect();
    groups.sort_by(|&a, &b| {
        let (ga, gb) = (&collection.speech_groups[a], &collection.speech_groups[b]);
        let key = |g: &SpeechGroup| (g.date.is_some(), g.date.map(|d| d.sort_key()));
        key(gb).cmp(&key(ga)).then_with(|| ga.id.0.cmp(&gb.id.0))
    });
    groups.into_iter().map(StoryOf::Speech).collect()
}
