//! The files the list pages bring beside them: a feed per browse term, and the search
//! index the search page reads.

use super::browse;
use super::context::SiteContext;
use super::feed::{write_page_feed, FeedHead};
use super::pages::Plan;
use super::RenderError;
use crate::crosslink::Collection;
use crate::write::Staging;
use rayon::prelude::*;

/// Writes the feed of every browse term beside its first page; returns how many.
pub fn write_term_feeds(
    site: &SiteContext,
    collection: &Collection,
    plan: &Plan,
    staging: &Staging,
) -> Result<usize, RenderError> {
    let terms: Vec<(usize, usize)> = plan
        .taxonomies
        .iter()
        .enumerate()
        .flat_map(|(f, taxonomy)| (0..taxonomy.terms.len()).map(move |t| (f, t)))
        .collect();
    let written: Vec<bool> = terms
        .par_iter()
        .map(|&(f, t)| {
            let taxonomy = &plan.taxonomies[f];
            let term = &taxonomy.terms[t];
            let head = FeedHead {
                title: format!(
                    "{} · {}",
                    browse::display_name(site, taxonomy.key, term),
                    site.title
                ),
                page: term.path.clone(),
            };
            write_page_feed(site, collection, &head, &term.members, staging)
        })
        .collect::<Result<_, _>>()?;
    Ok(written.into_iter().filter(|&w| w).count())
}

/// The search index files, for the documents newest first.
pub fn write_search_index(
    site: &SiteContext,
    collection: &Collection,
    plan: &Plan,
    staging: &Staging,
) -> Result<super::search::SearchStats, RenderError> {
    let site = site.for_page("search/");
    Ok(super::search::write_search(
        &site,
        collection,
        &plan.newest_first,
        staging,
    )?)
}
