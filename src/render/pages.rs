//! The site's HTML pages as one list: each page's file and what it is made of. A build
//! renders every page of the plan and writes it; `serve` keeps the plan beside the
//! collection and renders a page when a browser asks for it.

use super::browse::{self, Taxonomy};
use super::context::{self, index_page_path, latest_events, LinkView, PageMeta, SiteContext};
use super::stories::{self, home_link, StoryList, StoryOf};
use super::{event, speech, RenderError, Renderer};
use crate::crosslink::Collection;
use serde::Serialize;
use std::collections::HashMap;

/// What one page is made of: an item of the collection, or a page of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Article(usize),
    Speech(usize),
    Event(usize),
    /// Page `number` of one of the story lists (home, events, speeches).
    Stories {
        list: usize,
        number: usize,
    },
    /// A browse family's index.
    Family(usize),
    /// Page `number` of one term of a browse family.
    Term {
        family: usize,
        term: usize,
        number: usize,
    },
    Search,
    NotFound,
}

impl Page {
    /// Pages that list others (and are listed by the sitemap as such).
    fn is_list(self) -> bool {
        !matches!(
            self,
            Page::Article(_) | Page::Speech(_) | Page::Event(_) | Page::NotFound
        )
    }
}

/// One story list: its folder, its heading's text key, its stories in order.
struct Stories {
    base: &'static str,
    heading: Option<&'static str>,
    stories: Vec<StoryOf>,
}

/// Every HTML page of a site, with what each list page needs prepared once.
pub struct Plan {
    /// Each page's file under the site ("events/index.html", "404.html"), in the order a
    /// build renders them.
    pub pages: Vec<(String, Page)>,
    by_file: HashMap<String, usize>,
    lists: Vec<Stories>,
    pub taxonomies: Vec<Taxonomy>,
    /// The home page's latest events, linked from the home page.
    sidebar: Vec<LinkView>,
    /// Document indices, newest first: the order of the search index and the feeds.
    pub newest_first: Vec<usize>,
    page_size: usize,
}

impl Plan {
    /// The pages of `collection`, with the browse families that are on.
    pub fn new(
        site: &SiteContext,
        collection: &Collection,
        families: &[(&'static str, String)],
        page_size: usize,
    ) -> Plan {
        let page_size = page_size.max(1);
        let newest_first = stories::documents_newest_first(collection);
        let lists = vec![
            Stories {
                base: "",
                heading: None,
                stories: stories::stories_newest_first(collection, &newest_first),
            },
            Stories {
                base: "events/",
                heading: Some("events_title"),
                stories: stories::events_newest_first(collection),
            },
            Stories {
                base: "speeches/",
                heading: Some("speeches_title"),
                stories: stories::speeches_newest_first(collection),
            },
        ];
        let taxonomies = browse::taxonomies(collection, families, &newest_first);
        let mut pages = item_pages(collection);
        let count = |n: usize| n.div_ceil(page_size).max(1);
        for (list, stories) in lists.iter().enumerate() {
            for number in 1..=count(stories.stories.len()) {
                let folder = format!("{}{}", stories.base, index_page_path(number));
                pages.push((folder, Page::Stories { list, number }));
            }
        }
        for (family, taxonomy) in taxonomies.iter().enumerate() {
            pages.push((taxonomy.base.clone(), Page::Family(family)));
            for (term, t) in taxonomy.terms.iter().enumerate() {
                for number in 1..=count(t.members.len()) {
                    let folder = format!("{}{}", t.path, index_page_path(number));
                    let page = Page::Term {
                        family,
                        term,
                        number,
                    };
                    pages.push((folder, page));
                }
            }
        }
        pages.push(("search/".to_string(), Page::Search));
        let mut pages: Vec<(String, Page)> = pages
            .into_iter()
            .map(|(folder, page)| (format!("{folder}index.html"), page))
            .collect();
        pages.push(("404.html".to_string(), Page::NotFound));
        let by_file = pages
            .iter()
            .enumerate()
            .map(|(n, (file, _))| (file.clone(), n))
            .collect();
        Plan {
            pages,
            by_file,
            lists,
            taxonomies,
            sidebar: latest_events(&site.for_page(""), collection, 10),
            newest_first,
            page_size,
        }
    }

    /// The page written to `file` under the site, if the site has one there.
    pub fn find(&self, file: &str) -> Option<Page> {
        self.by_file.get(file).map(|&n| self.pages[n].1)
    }

    /// The folders of the list pages, sorted: the sitemap lists them with the items.
    pub fn list_folders(&self) -> Vec<String> {
        let mut folders: Vec<String> = self
            .pages
            .iter()
            .filter(|(_, page)| page.is_list())
            .map(|(file, _)| file.trim_end_matches("index.html").to_string())
            .collect();
        folders.sort_unstable();
        folders
    }

    /// Renders one page of the plan.
    pub fn render(
        &self,
        renderer: &Renderer,
        site: &SiteContext,
        collection: &Collection,
        page: Page,
    ) -> Result<String, RenderError> {
        match page {
            Page::Article(i) => {
                let path = context::article_path(&collection.documents[i]);
                let ctx = context::article(&site.for_page(&path), collection, i);
                renderer.render("article.html", &ctx)
            }
            Page::Speech(g) => {
                let path = context::speech_path(&collection.speech_groups[g]);
                let ctx = speech::speech(&site.for_page(&path), collection, g);
                renderer.render("speech.html", &ctx)
            }
            Page::Event(e) => {
                let path = context::event_path(&collection.events[e]);
                let ctx = event::event(&site.for_page(&path), collection, e);
                renderer.render("event.html", &ctx)
            }
            Page::Stories { list, number } => {
                self.stories(renderer, site, collection, list, number)
            }
            Page::Family(f) => {
                let taxonomy = &self.taxonomies[f];
                let ctx = browse::taxonomy_page(&site.for_page(&taxonomy.base), taxonomy);
                renderer.render("taxonomy.html", &ctx)
            }
            Page::Term {
                family,
                term,
                number,
            } => {
                let taxonomy = &self.taxonomies[family];
                let folder = format!("{}{}", taxonomy.terms[term].path, index_page_path(number));
                let site = site.for_page(&folder);
                let ctx =
                    browse::term_page(&site, collection, taxonomy, term, number, self.page_size);
                renderer.render("term.html", &ctx)
            }
            Page::Search => renderer.render("search.html", &search_page(site)),
            Page::NotFound => renderer.render("404.html", &context::not_found(site)),
        }
    }

    fn stories(
        &self,
        renderer: &Renderer,
        site: &SiteContext,
        collection: &Collection,
        list: usize,
        number: usize,
    ) -> Result<String, RenderError> {
        let stories = &self.lists[list];
        let folder = format!("{}{}", stories.base, index_page_path(number));
        let site = site.for_page(&folder);
        let heading = stories.heading.map(|key| site.text(key).to_string());
        let list_view = StoryList {
            base: stories.base,
            heading: heading.unwrap_or_default(),
            stories: &stories.stories,
        };
        let mut ctx = stories::stories_page(&site, collection, &list_view, number, self.page_size);
        if folder.is_empty() {
            ctx.events = self.sidebar.clone();
        }
        renderer.render("index.html", &ctx)
    }
}

/// A page for every document, speech group and event.
fn item_pages(collection: &Collection) -> Vec<(String, Page)> {
    let articles = collection
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (context::article_path(d), Page::Article(i)));
    let speeches = collection
        .speech_groups
        .iter()
        .enumerate()
        .map(|(g, group)| (context::speech_path(group), Page::Speech(g)));
    let events = collection
        .events
        .iter()
        .enumerate()
        .map(|(e, event)| (context::event_path(event), Page::Event(e)));
    articles.chain(speeches).chain(events).collect()
}

/// The search page: a form the client script brings to life.
#[derive(Debug, Clone, Serialize)]
pub struct SearchContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub breadcrumbs: Vec<LinkView>,
}

fn search_page(site: &SiteContext) -> SearchContext {
    let here = site.for_page("search/");
    SearchContext {
        site: here.clone(),
        page: PageMeta {
            title: site.text("search_title").to_string(),
            canonical: site.permalink("search/"),
            description: site.text("search_label").to_string(),
            og_type: "website",
        },
        breadcrumbs: vec![home_link(&here)],
    }
}
