//! What search engines read: robots.txt, and sitemap.xml listing every page (an index of
//! several sitemaps above the protocol's 50,000 addresses per file).

use super::context::{self, SiteContext};
use super::escape_html;
use crate::crosslink::Collection;
use crate::write::{Staging, WriteError};

/// The most addresses one sitemap file may list.
const SITEMAP_URLS: usize = 50_000;

/// Writes robots.txt and, when the site has an absolute address, its sitemaps; returns
/// how many files it wrote. A sitemap lists absolute addresses only, so a site linked
/// from `/` gets none, and its robots.txt names none.
pub fn write_discovery(
    site: &SiteContext,
    collection: &Collection,
    list_pages: &[String],
    staging: &Staging,
) -> Result<usize, WriteError> {
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if !site.is_absolute() {
        staging.write("robots.txt", robots.as_bytes())?;
        return Ok(1);
    }
    let urls = page_urls(site, collection, list_pages);
    let files = sitemaps(site, &urls, SITEMAP_URLS);
    for (name, xml) in &files {
        staging.write(name, xml.as_bytes())?;
    }
    robots.push_str(&format!("Sitemap: {}\n", site.permalink("sitemap.xml")));
    staging.write("robots.txt", robots.as_bytes())?;
    Ok(files.len() + 1)
}

/// The sitemap files, by name: one sitemap.xml, or above `limit` addresses sitemap-1.xml,
/// sitemap-2.xml … of `limit` each and a sitemap.xml that lists them.
fn sitemaps(site: &SiteContext, urls: &[String], limit: usize) -> Vec<(String, String)> {
    if urls.len() <= limit {
        return vec![("sitemap.xml".to_string(), urlset(urls))];
    }
    let mut files: Vec<(String, String)> = urls
        .chunks(limit)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        let loc = escape_html(&site.permalink(name));
        index.push_str(&format!("  <sitemap><loc>{loc}</loc></sitemap>\n"));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

/// Every page's absolute address: the list pages, then articles, speeches and events.
fn page_urls(site: &SiteContext, collection: &Collection, list_pages: &[String]) -> Vec<String> {
    let homes = list_pages.iter().cloned();
    let articles = collection
        .documents
        .iter()
        .map(|d| context::article_path(d));
    let speeches = collection
        .speech_groups
        .iter()
        .map(|g| context::speech_path(g));
    let events = collection.events.iter().map(context::event_path);
    homes
        .chain(articles)
        .chain(speeches)
        .chain(events)
        .map(|path| site.permalink(&path))
        .collect()
}

fn urlset(urls: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_html(url)));
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn above_the_limit_the_sitemap_is_an_index_of_sitemaps() {
        let site = SiteContext::at("https://example.org/a/");
        let urls: Vec<String> = (1..=5).map(|i| site.permalink(&format!("p{i}/"))).collect();
        let files = sitemaps(&site, &urls, 2);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        assert!(files[3]
            .1
            .contains("<loc>https://example.org/a/sitemap-3.xml</loc>"));
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        let one = sitemaps(&site, &urls, 5);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].1.matches("<url>").count(), 5);
    }
}
