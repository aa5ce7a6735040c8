//! Atom feeds: the site's newest dated documents, and each browse term's, for feed
//! readers.

use super::context::{self, SiteContext};
use super::escape_html;
use crate::crosslink::Collection;
use crate::load::Document;
use crate::write::{Staging, WriteError};

/// Where the feed is written, under the output folder.
pub const FEED_PATH: &str = "atom.xml";
/// Documents the feed holds: the newest.
const FEED_ENTRIES: usize = 50;
/// Characters of the lead an entry's summary keeps.
const SUMMARY_CHARS: usize = 300;

/// Writes the feed when the site has an absolute address (Atom ids and links are
/// absolute); returns whether it did.
pub fn write_feed(
    site: &SiteContext,
    collection: &Collection,
    staging: &Staging,
) -> Result<bool, WriteError> {
    if site.feed.is_none() {
        return Ok(false);
    }
    let mut dated: Vec<(chrono::NaiveDate, &Document)> = collection
        .documents
        .iter()
        .filter_map(|d| Some((d.date.as_ref()?.date.to_naive()?, &**d)))
        .collect();
    // Newest first; one day's texts by source path, so the feed never reorders.
    dated.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.source_path.cmp(&b.1.source_path))
    });
    dated.truncate(FEED_ENTRIES);
    let head = FeedHead {
        title: site.title.clone(),
        page: String::new(),
    };
    staging.write(FEED_PATH, atom(site, &head, &dated).as_bytes())?;
    Ok(true)
}

/// A feed's own title and the page it follows ("" for the home page).
pub struct FeedHead {
    pub title: String,
    pub page: String,
}

/// Writes the feed of one page's documents (given newest first) beside the page, where
/// the site has an absolute address; returns whether it did.
pub fn write_page_feed(
    site: &SiteContext,
    collection: &Collection,
    head: &FeedHead,
    newest_first: &[u32],
    staging: &Staging,
) -> Result<bool, WriteError> {
    if site.feed.is_none() {
        return Ok(false);
    }
    let dated: Vec<(chrono::NaiveDate, &Document)> = newest_first
        .iter()
        .map(|&i| &*collection.documents[i as usize])
        .filter_map(|d| Some((d.date.as_ref()?.date.to_naive()?, d)))
        .take(FEED_ENTRIES)
        .collect();
    let path = format!("{}{FEED_PATH}", head.page);
    staging.write(&path, atom(site, head, &dated).as_bytes())?;
    Ok(true)
}

fn atom(site: &SiteContext, head: &FeedHead, entries: &[(chrono::NaiveDate, &Document)]) -> String {
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01".to_string(), |(day, _)| day.to_string());
    let home = escape_html(&site.permalink(&head.page));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<id>{home}</id>\n<author><name>{}</name></author>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <updated>{updated}T00:00:00Z</updated>\n",
        escape_html(&site.language),
        escape_html(&head.title),
        escape_html(&site.title),
        escape_html(&site.permalink(&format!("{}{FEED_PATH}", head.page))),
    );
    for (day, doc) in entries {
        let url = escape_html(&site.permalink(&context::article_path(doc)));
        xml.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{url}</id>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             <updated>{day}T00:00:00Z</updated>\n",
            escape_html(&doc.title)
        ));
        if let Some(publisher) = &doc.publisher {
            let name = escape_html(publisher);
            xml.push_str(&format!("<author><name>{name}</name></author>\n"));
        }
        if let Some(lead) = doc.paragraphs().next() {
            xml.push_str(&format!(
                "<summary>{}</summary>\n",
                escape_html(&summary(lead))
            ));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The lead, cut at a word before [`SUMMARY_CHARS`] characters.
fn summary(lead: &str) -> String {
    match lead.char_indices().nth(SUMMARY_CHARS) {
        None => lead.to_string(),
        Some((end, _)) => {
            let cut = lead[..end].rfind(' ').unwrap_or(end);
            format!("{}…", lead[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_escaped_and_summaries_cut_at_a_word() {
        let text =
            "Fish & chips tax rises, 5 < 6\n\nLONDON, March 3, 2015 – The minister said so.\n";
        let doc = crate::load::load_test_text("a.txt", text);
        let site = SiteContext::at("https://example.org/");
        let day = chrono::NaiveDate::from_ymd_opt(2015, 3, 3).expect("a day");
        let head = FeedHead {
            title: "Archive".to_string(),
            page: "people/x/".to_string(),
        };
        let xml = atom(&site, &head, &[(day, &doc)]);
        assert!(xml.contains("<title>Archive</title>"), "{xml}");
        assert!(
            xml.contains("href=\"https://example.org/people/x/atom.xml\""),
            "{xml}"
        );
        assert!(
            xml.contains("<title>Fish &amp; chips tax rises, 5 &lt; 6</title>"),
            "{xml}"
        );
        assert!(xml.contains("<updated>2015-03-03T00:00:00Z</updated>"));
        let long = "é".repeat(SUMMARY_CHARS - 10) + " and more words past the end";
        let cut = summary(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= SUMMARY_CHARS + 1);
    }
}
