//! The list pages: home, all events and all speeches as stories; the browse families
//! with a page per term and its feed; the search page and its index.

use super::browse::{self, Taxonomy};
use super::context::{index_page_path, latest_events, LinkView, PageMeta, SiteContext};
use super::feed::{write_page_feed, FeedHead};
use super::stories::{self, home_link, StoryList, StoryOf};
use super::{RenderError, Renderer};
use crate::crosslink::Collection;
use crate::write::Staging;
use rayon::prelude::*;
use serde::Serialize;

/// What the list pages came to.
#[derive(Debug, Default, Clone, Copy)]
pub struct ListingStats {
    pub pages: usize,
    pub files: usize,
}

/// Everything a list page needs to render: the templates, the site, where to write.
pub struct Lister<'a> {
    pub renderer: &'a Renderer,
    pub site: &'a SiteContext,
    pub collection: &'a Collection,
    pub staging: &'a Staging,
    pub page_size: usize,
    /// The folders of the pages written, for the sitemap.
    pub written: std::sync::Mutex<Vec<String>>,
}

impl Lister<'_> {
    fn page<C: Serialize>(&self, path: &str, template: &str, ctx: &C) -> Result<(), RenderError> {
        let html = self.renderer.render(template, ctx)?;
        if let Ok(mut written) = self.written.lock() {
            written.push(path.to_string());
        }
        self.staging
            .write(&format!("{path}index.html"), html.as_bytes())
            .map_err(RenderError::from)
    }

    /// Every page of one story list; returns how many.
    fn story_list(&self, list: &StoryList, sidebar: &[LinkView]) -> Result<usize, RenderError> {
        let count = list.stories.len().div_ceil(self.page_size).max(1);
        (1..=count).into_par_iter().try_for_each(|n| {
            let path = format!("{}{}", list.base, index_page_path(n));
            let site = self.site.for_page(&path);
            let mut ctx = stories::stories_page(&site, self.collection, list, n, self.page_size);
            if path.is_empty() {
                ctx.events = sidebar.to_vec();
            }
            self.page(&path, "index.html", &ctx)
        })?;
        Ok(count)
    }

    /// Home, events and speeches.
    pub fn write_stories(&self, newest_first: &[usize]) -> Result<usize, RenderError> {
        let site = self.site;
        let home: Vec<StoryOf> = stories::stories_newest_first(self.collection, newest_first);
        let sidebar = latest_events(&site.for_page(""), self.collection, 10);
        let mut pages = self.story_list(
            &StoryList {
                base: "",
                heading: String::new(),
                stories: &home,
            },
            &sidebar,
        )?;
        drop(home);
        let events = stories::events_newest_first(self.collection);
        pages += self.story_list(
            &StoryList {
                base: "events/",
                heading: site.text("events_title").to_string(),
                stories: &events,
            },
            &[],
        )?;
        let speeches = stories::speeches_newest_first(self.collection);
        pages += self.story_list(
            &StoryList {
                base: "speeches/",
                heading: site.text("speeches_title").to_string(),
                stories: &speeches,
            },
            &[],
        )?;
        Ok(pages)
    }

    /// Page `n` of term `t` of a family, and with its first page the term's feed;
    /// returns the feed files written.
    fn write_term_page(
        &self,
        taxonomy: &Taxonomy,
        t: usize,
        n: usize,
    ) -> Result<usize, RenderError> {
        let term = &taxonomy.terms[t];
        let path = format!("{}{}", term.path, index_page_path(n));
        let site = self.site.for_page(&path);
        let ctx = browse::term_page(&site, self.collection, taxonomy, t, n, self.page_size);
        self.page(&path, "term.html", &ctx)?;
        if n > 1 {
            return Ok(0);
        }
        let head = FeedHead {
            title: format!(
                "{} · {}",
                browse::display_name(self.site, taxonomy.key, term),
                self.site.title
            ),
            page: term.path.clone(),
        };
        let feed = write_page_feed(
            self.site,
            self.collection,
            &head,
            &term.members,
            self.staging,
        )?;
        Ok(usize::from(feed))
    }

    /// Every browse family that is on: its index, its terms' pages and their feeds. The
    /// pages of all terms render as one parallel job, so one term of thousands of pages
    /// (the kind "report") does not hold a core while the other waits.
    pub fn write_browse(
        &self,
        families: &[(&'static str, String)],
        newest_first: &[usize],
    ) -> Result<ListingStats, RenderError> {
        let taxonomies = browse::taxonomies(self.collection, families, newest_first);
        for taxonomy in &taxonomies {
            let ctx = browse::taxonomy_page(&self.site.for_page(&taxonomy.base), taxonomy);
            self.page(&taxonomy.base, "taxonomy.html", &ctx)?;
        }
        let jobs: Vec<(usize, usize, usize)> = taxonomies
            .iter()
            .enumerate()
            .flat_map(|(f, taxonomy)| {
                taxonomy
                    .terms
                    .iter()
                    .enumerate()
                    .flat_map(move |(t, term)| {
                        let pages = term.members.len().div_ceil(self.page_size).max(1);
                        (1..=pages).map(move |n| (f, t, n))
                    })
            })
            .collect();
        let feeds: Vec<usize> = jobs
            .par_iter()
            .map(|&(f, t, n)| self.write_term_page(&taxonomies[f], t, n))
            .collect::<Result<_, _>>()?;
        Ok(ListingStats {
            pages: taxonomies.len() + jobs.len(),
            files: feeds.iter().sum(),
        })
    }

    /// The folders of the pages written, in order.
    pub fn into_written(self) -> Vec<String> {
        let mut written = self.written.into_inner().unwrap_or_default();
        written.sort_unstable();
        written
    }

    /// The search page and its index files.
    pub fn write_search(
        &self,
        newest_first: &[usize],
    ) -> Result<super::search::SearchStats, RenderError> {
        let site = self.site.for_page("search/");
        let ctx = SearchContext {
            site: site.clone(),
            page: PageMeta {
                title: self.site.text("search_title").to_string(),
                canonical: self.site.permalink("search/"),
                description: self.site.text("search_label").to_string(),
                og_type: "website",
            },
            breadcrumbs: vec![home_link(&site)],
        };
        self.page("search/", "search.html", &ctx)?;
        Ok(super::search::write_search(
            &site,
            self.collection,
            newest_first,
            self.staging,
        )?)
    }
}

/// The search page: a form the client script brings to life.
#[derive(Debug, Clone, Serialize)]
pub struct SearchContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub breadcrumbs: Vec<LinkView>,
}
