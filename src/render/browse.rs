//! Browse pages, made from the documents themselves: people (speakers first),
//! publishers, places, years and months, kinds. Each family has an index page with
//! counts and a page per term listing its documents, newest first, paginated.

use super::context::{kind_key, summary, DocumentSummary, LinkView, PageMeta, SiteContext};
use super::stories::{home_link, Pagination};
use crate::crosslink::Collection;
use crate::text::slugify;
use serde::Serialize;
use std::collections::HashMap;

/// One term of a family: a person, a publisher, a year...
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    /// Its folder under the site: "people/ban-ki-moon/".
    pub path: String,
    /// Its documents, newest first.
    pub members: Vec<u32>,
    /// For people: in how many of them they speak.
    pub speaks: usize,
    /// For a year: its months, as indices into the family's terms.
    pub children: Vec<usize>,
    /// A month is listed under its year, not on the family's index by itself.
    pub nested: bool,
}

/// A family of browse pages and its terms, in index order.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub key: &'static str,
    /// Its folder: "people/".
    pub base: String,
    pub terms: Vec<Term>,
}

/// Terms gathered by name, each with its members in the order they were added.
#[derive(Default)]
struct Gatherer {
    index: HashMap<String, usize>,
    terms: Vec<(String, Vec<u32>, usize)>,
}

impl Gatherer {
    fn add(&mut self, name: &str, doc: usize, speaks: bool) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let next = self.terms.len();
        let at = *self.index.entry(name.to_string()).or_insert(next);
        if at == next {
            self.terms.push((name.to_string(), Vec::new(), 0));
        }
        let (_, members, speaking) = &mut self.terms[at];
        if members.last() != Some(&(doc as u32)) {
            members.push(doc as u32);
        }
        *speaking += usize::from(speaks);
    }
}

/// Every family that is on, built from documents in `newest_first` order.
pub fn taxonomies(
    collection: &Collection,
    browse: &[(&'static str, String)],
    newest_first: &[usize],
) -> Vec<Taxonomy> {
    browse
        .iter()
        .map(|(key, name)| {
            let mut gather = Gatherer::default();
            for &i in newest_first {
                add_terms(&mut gather, key, collection, i);
            }
            build(key, &format!("{name}/"), gather)
        })
        .collect()
}

fn add_terms(gather: &mut Gatherer, key: &str, collection: &Collection, i: usize) {
    let doc = &collection.documents[i];
    match key {
        "people" => {
            for speaker in &doc.speakers {
                gather.add(speaker, i, true);
            }
            for person in &doc.people {
                gather.add(person, i, false);
            }
        }
        "publishers" => doc.publisher.iter().for_each(|p| gather.add(p, i, false)),
        "places" => doc.place.iter().for_each(|p| gather.add(p, i, false)),
        "years" => {
            if let Some(date) = doc.date.as_ref().map(|d| d.date) {
                if let Some(year) = date.year {
                    gather.add(&year.to_string(), i, false);
                    if let Some(month) = date.month {
                        gather.add(&format!("{year}-{month:02}"), i, false);
                    }
                }
            }
        }
        _ => gather.add(kind_key(doc.kind), i, false),
    }
}

/// Orders the gathered terms for the index and gives each its folder.
fn build(key: &'static str, base: &str, gather: Gatherer) -> Taxonomy {
    let mut terms: Vec<(String, Vec<u32>, usize)> = gather.terms;
    // Speakers first, then by documents, then by name: the same order every build.
    terms.sort_by(|a, b| {
        (b.2 > 0)
            .cmp(&(a.2 > 0))
            .then(b.1.len().cmp(&a.1.len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    if key == "years" {
        terms.sort_by(|a, b| b.0.cmp(&a.0));
    }
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut built: Vec<Term> = terms
        .into_iter()
        .map(|(name, members, speaks)| {
            let path = match key {
                "years" => format!("{base}{}/", name.replace('-', "/")),
                _ => format!("{base}{}/", unique_slug(&name, &mut used)),
            };
            Term {
                nested: key == "years" && name.contains('-'),
                name,
                path,
                members,
                speaks,
                children: Vec::new(),
            }
        })
        .collect();
    if key == "years" {
        nest_months(&mut built);
    }
    Taxonomy {
        key,
        base: base.to_string(),
        terms: built,
    }
}

/// A slug for a term, made unique within its family by a number where two names fold
/// alike; a name with no letters or digits becomes "term".
fn unique_slug(name: &str, used: &mut HashMap<String, usize>) -> String {
    let mut slug = slugify(name, 60);
    if slug.is_empty() {
        slug = "term".to_string();
    }
    let seen = used.entry(slug.clone()).or_insert(0);
    *seen += 1;
    if *seen == 1 {
        slug
    } else {
        format!("{slug}-{seen}")
    }
}

/// Hangs each month ("2019-03") under its year ("2019"), newest month first.
fn nest_months(terms: &mut [Term]) {
    let years: HashMap<String, usize> = terms
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.nested)
        .map(|(i, t)| (t.name.clone(), i))
        .collect();
    for m in 0..terms.len() {
        if !terms[m].nested {
            continue;
        }
        let year = terms[m]
            .name
            .split('-')
            .next()
            .unwrap_or_default()
            .to_string();
        if let Some(&y) = years.get(&year) {
            terms[y].children.push(m);
        }
    }
}

/// How a term is named on pages: kinds and months in the site's words.
pub fn display_name(site: &SiteContext, key: &str, term: &Term) -> String {
    match key {
        "kinds" => site.text(&format!("kind.{}", term.name)).to_string(),
        "years" if term.nested => {
            let mut parts = term.name.split('-');
            let year = parts.next().and_then(|y| y.parse().ok());
            let month = parts.next().and_then(|m| m.parse().ok());
            crate::load::PartialDate {
                year,
                month,
                day: None,
            }
            .human()
        }
        _ => term.name.clone(),
    }
}

/// One term on an index page.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub name: String,
    pub url: String,
    pub count: usize,
    pub children: Vec<TermLink>,
}

/// A family's index page: its terms with counts, speakers in their own list.
#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub heading: String,
    pub breadcrumbs: Vec<LinkView>,
    /// (heading, terms): "Speakers" and "Also named" for people, one untitled list else.
    pub sections: Vec<(String, Vec<TermLink>)>,
}

fn term_link(site: &SiteContext, taxonomy: &Taxonomy, t: usize) -> TermLink {
    let term = &taxonomy.terms[t];
    TermLink {
        name: display_name(site, taxonomy.key, term),
        url: site.url(&term.path),
        count: term.members.len(),
        children: term
            .children
            .iter()
            .map(|&c| term_link(site, taxonomy, c))
            .collect(),
    }
}

pub fn taxonomy_page(site: &SiteContext, taxonomy: &Taxonomy) -> TaxonomyContext {
    let heading = site.text(&format!("taxonomy.{}", taxonomy.key)).to_string();
    let top = (0..taxonomy.terms.len()).filter(|&t| !taxonomy.terms[t].nested);
    let sections = if taxonomy.key == "people" {
        let (speakers, named): (Vec<usize>, Vec<usize>) =
            top.partition(|&t| taxonomy.terms[t].speaks > 0);
        [("speakers", speakers), ("also_named", named)]
            .into_iter()
            .filter(|(_, terms)| !terms.is_empty())
            .map(|(title, terms)| {
                let links = terms
                    .iter()
                    .map(|&t| term_link(site, taxonomy, t))
                    .collect();
                (site.text(title).to_string(), links)
            })
            .collect()
    } else {
        vec![(
            String::new(),
            top.map(|t| term_link(site, taxonomy, t)).collect(),
        )]
    };
    TaxonomyContext {
        site: site.clone(),
        page: PageMeta {
            title: heading.clone(),
            canonical: site.permalink(&taxonomy.base),
            description: format!("{heading} · {}", site.title),
            og_type: "website",
        },
        heading,
        breadcrumbs: vec![home_link(site)],
        sections,
    }
}

/// One page of a term's documents.
#[derive(Debug, Clone, Serialize)]
pub struct TermContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub heading: String,
    pub count: usize,
    pub count_label: String,
    pub breadcrumbs: Vec<LinkView>,
    pub documents: Vec<DocumentSummary>,
    pub children: Vec<TermLink>,
    pub pagination: Pagination,
    /// The term's own Atom feed, where the site has one.
    pub feed: Option<String>,
}

pub fn term_page(
    site: &SiteContext,
    collection: &Collection,
    taxonomy: &Taxonomy,
    t: usize,
    number: usize,
    page_size: usize,
) -> TermContext {
    let term = &taxonomy.terms[t];
    let heading = display_name(site, taxonomy.key, term);
    let pages = term.members.len().div_ceil(page_size).max(1);
    let pagination = Pagination::new(site, &term.path, number, pages);
    let path = format!("{}{}", term.path, super::context::index_page_path(number));
    let family = LinkView {
        title: site.text(&format!("taxonomy.{}", taxonomy.key)).to_string(),
        url: site.url(&taxonomy.base),
    };
    TermContext {
        site: site.clone(),
        page: PageMeta {
            title: if number == 1 {
                heading.clone()
            } else {
                format!("{heading} · {}", pagination.label)
            },
            canonical: site.permalink(&path),
            description: format!(
                "{heading}: {}",
                site.count_text("documents_n", term.members.len())
            ),
            og_type: "website",
        },
        count: term.members.len(),
        count_label: site.count_text("documents_n", term.members.len()),
        breadcrumbs: vec![home_link(site), family],
        documents: term
            .members
            .iter()
            .skip((number - 1) * page_size)
            .take(page_size)
            .map(|&i| summary(site, &collection.documents[i as usize]))
            .collect(),
        children: term
            .children
            .iter()
            .map(|&c| term_link(site, taxonomy, c))
            .collect(),
        pagination,
        feed: site
            .is_absolute()
            .then(|| site.url(&format!("{}{}", term.path, super::feed::FEED_PATH))),
        heading,
    }
}
