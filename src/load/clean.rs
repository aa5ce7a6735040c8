//! Cleaning a text before its lines are read: a printed page's marks (page numbers and
//! the running header or footer beside them), web remnants (HTML tags and entities,
//! Markdown marks and links), and flattened crawls (a whole text that arrived as one line,
//! split at its seams).

use super::document::{RemovalReason, RemovedLine};
use super::lines::{ends_sentence, Line};
use super::pattern::compile;
use super::rules::Rules;
use crate::text::collapse_whitespace;
use regex::Regex;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A text's lines once cleaned, before hard-wrapped lines are joined.
pub struct Cleaned<'t> {
    /// The physical lines, trimmed and numbered from 1, without the page's marks.
    pub physical: Vec<(usize, &'t str)>,
    /// The same lines cleaned of web remnants; a line broken by a tag gives several
    /// pieces, each with the line's number. An empty piece is a blank line.
    pub pieces: Vec<(usize, Cow<'t, str>)>,
    /// Whether the text had printed page numbers.
    pub paged: bool,
    /// Whether the text lost its line breaks to runs of spaces, as a crawler leaves
    /// them: it was broken at those runs.
    pub flattened: bool,
    /// Whether the text lost its punctuation ("Washington  D C", "September 6  2007"):
    /// its lines cannot be told apart by how they end.
    pub stripped: bool,
    /// The page numbers and running headers taken out.
    pub removed: Vec<RemovedLine>,
}

/// Cleans `text`: page marks out, web remnants removed.
pub fn clean(text: &str) -> Cleaned<'_> {
    let all: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .collect();
    let (physical, removed, paged) = without_page_marks(all);
    let flattened = physical.iter().any(|(_, l)| is_flattened_line(l));
    let mut pieces = Vec::with_capacity(physical.len());
    for &(no, l) in &physical {
        for piece in web_remnants_removed(l) {
            if flattened {
                pieces.extend(broken_at_gaps(no, piece));
            } else {
                pieces.push((no, piece));
            }
        }
    }
    let stripped = punctuation_stripped(text);
    Cleaned {
        physical,
        pieces,
        paged,
        flattened,
        stripped,
        removed,
    }
}

/// A text's lines as the classifier will see them, cheaply (without the web remnants
/// cleaning): trimmed, and broken at wide gaps when the text is a flattened crawl. What
/// the collection pass learns furniture from.
pub fn plain_pieces(text: &str) -> Vec<Cow<'_, str>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.iter().any(|l| is_flattened_line(l)) {
        return lines.into_iter().map(Cow::Borrowed).collect();
    }
    lines.into_iter().flat_map(gap_parts).collect()
}

/// What a stripped apostrophe leaves of a word: "Bush   s State of the Union", where
/// the crawl turned "Bush's" into a wide gap.
const CONTRACTION_ENDS: &[&str] = &["s", "t", "re", "ll", "ve", "d", "m"];

/// The parts of a line between its wide gaps, trimmed, none empty; a part that starts
/// with the end of a contraction is glued back to the part before, with its apostrophe.
fn gap_parts(line: &str) -> Vec<Cow<'_, str>> {
    let mut parts: Vec<Cow<'_, str>> = Vec::new();
    for part in GAP_RUN.split(line).map(str::trim).filter(|p| !p.is_empty()) {
        let first = part.split(' ').next().unwrap_or_default();
        match parts.last_mut() {
            Some(last) if CONTRACTION_ENDS.contains(&first) => {
                let glued = format!("{last}'{part}");
                *last = Cow::Owned(glued);
            }
            _ => parts.push(Cow::Borrowed(part)),
        }
    }
    parts
}

/// Fewer marks than this per hundred words: the crawl stripped the punctuation. Prose has
/// ten or so; the stripped crawls of a Senate archive have none.
const STRIPPED_MARKS: usize = 2;

/// Whether a text has (almost) no punctuation left.
fn punctuation_stripped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let marks = text
        .chars()
        .filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '。' | '，' | '、'))
        .count();
    words >= 20 && marks * 100 < words * STRIPPED_MARKS
}

/// A long line with this many wide gaps makes a text a flattened crawl: every such run
/// is a line break. Short lines with gaps are a table's columns or a spaced-out menu.
const FLATTENED_GAPS: usize = 3;

const FLATTENED_LINE_BYTES: usize = 400;

/// A long line broken by wide gaps: a crawl that flattened its line breaks.
fn is_flattened_line(line: &str) -> bool {
    line.len() >= FLATTENED_LINE_BYTES && GAP_RUN.find_iter(line).count() >= FLATTENED_GAPS
}

/// A piece of a flattened line broken at its wide gaps, each part a paragraph of its own
/// (a blank piece between them), all with the line's number.
fn broken_at_gaps(no: usize, piece: Cow<'_, str>) -> Vec<(usize, Cow<'_, str>)> {
    if !GAP_RUN.is_match(&piece) {
        return vec![(no, piece)];
    }
    let mut parts = Vec::new();
    for part in gap_parts(&piece) {
        if !parts.is_empty() {
            parts.push((no, Cow::Borrowed("")));
        }
        parts.push((no, Cow::Owned(part.into_owned())));
    }
    parts
}

/// A run of three or more spaces or tabs inside a (trimmed) line: where a crawl lost a
/// line break.
static GAP_RUN: LazyLock<Regex> = LazyLock::new(|| compile(r"[ \t]{3,}"));

/// A printed page's number, and a running header or footer repeated beside it: taken
/// out before lines are joined, so a paragraph that runs over a page stays whole.
/// Gives the lines left, the lines taken out, and whether there were page numbers.
fn without_page_marks(all: Vec<(usize, &str)>) -> (Vec<(usize, &str)>, Vec<RemovedLine>, bool) {
    let page_marks: Vec<usize> = all
        .iter()
        .filter(|(_, l)| PAGE_MARK.is_match(l))
        .map(|(no, _)| *no)
        .collect();
    let running: HashSet<&str> = if page_marks.is_empty() {
        Default::default()
    } else {
        let mut seen: HashMap<&str, usize> = Default::default();
        for (_, l) in &all {
            if !l.is_empty() && l.len() <= 100 && !ends_sentence(l) {
                *seen.entry(l).or_insert(0) += 1;
            }
        }
        all.iter()
            .filter(|(no, l)| {
                seen.get(l).is_some_and(|&n| n >= 2)
                    && page_marks.iter().any(|m| m.abs_diff(*no) <= 3)
            })
            .map(|(_, l)| *l)
            .collect()
    };
    let mut furniture = Vec::new();
    let physical: Vec<(usize, &str)> = all
        .into_iter()
        .filter(|(no, l)| {
            let page_line = page_marks.contains(no) || running.contains(l);
            if page_line {
                furniture.push(RemovedLine::new(
                    *no,
                    l.to_string(),
                    RemovalReason::Masthead,
                ));
            }
            !page_line
        })
        .collect();
    (physical, furniture, !page_marks.is_empty())
}

/// "Page 1 of 2", "- 3 -", "2/5": a printed page's number on a line of its own.
static PAGE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:page\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3}\s*/\s*\d{1,3})$",
    )
});

/// A line as a copy from a web page left it, cleaned of markup: HTML tags dropped (a
/// paragraph or line break tag splits the line, each piece keeping the line's number),
/// entities decoded ("&amp;" → "&"), and Markdown links reduced to their text.
fn web_remnants_removed(line: &str) -> Vec<Cow<'_, str>> {
    // "# Headline", "> quoted line", "*Posted by … on …*": Markdown marks in a plain copy.
    let line = MARKDOWN_LINE_MARK
        .find(line)
        .map_or(line, |mark| &line[mark.end()..]);
    // "*Posted by …*": emphasis around a whole line (not a row of stars like "* *** *").
    let emphasised = line.len() > 2
        && line.starts_with('*')
        && line.ends_with('*')
        && line[1..].starts_with(char::is_alphanumeric)
        && line[..line.len() - 1].ends_with(|c: char| !c.is_whitespace() && c != '*');
    let line = if emphasised {
        &line[1..line.len() - 1]
    } else {
        line
    };
    let has_tags = line.contains('<') && HTML_TAG.is_match(line);
    let has_entities = line.contains('&') && line.contains(';');
    let has_links = line.contains("](");
    if !has_tags && !has_entities && !has_links {
        return vec![Cow::Borrowed(line)];
    }
    let pieces: Vec<&str> = if has_tags {
        HTML_BREAK.split(line).collect()
    } else {
        vec![line]
    };
    pieces
        .into_iter()
        .map(|piece| {
            let piece = if has_tags {
                HTML_TAG.replace_all(piece, "")
            } else {
                Cow::Borrowed(piece)
            };
            let piece = if has_links {
                Cow::Owned(MARKDOWN_LINK.replace_all(&piece, "$text").into_owned())
            } else {
                piece
            };
            let piece = if has_entities {
                Cow::Owned(html_escape::decode_html_entities(&piece).into_owned())
            } else {
                piece
            };
            // A decoded no-break space is a space; a piece of nothing but spaces is blank.
            let trimmed = piece.trim_matches(|c: char| c.is_whitespace());
            if trimmed.len() == piece.len() && !piece.contains('\u{a0}') {
                piece
            } else {
                Cow::Owned(collapse_whitespace(&trimmed.replace('\u{a0}', " ")))
            }
        })
        .collect()
}

/// "## ", "> " at the start of a line; a top heading's "# " is left for the walk to see.
static MARKDOWN_LINE_MARK: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?:#{2,6}|>)\s+"));
/// An HTML tag a copy left in the text (the common ones; "<" in prose is no tag).
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)</?(?:p|br|div|span|strong|b|i|em|u|a|ul|ol|li|h[1-6]|blockquote|img|table|tbody|thead|tr|td|th|hr|sup|sub|small|font|section|article|header|footer|nav|figure|figcaption|center)\b[^<>]{0,300}/?>",
    )
});
/// The tags that end a line or a paragraph.
static HTML_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)<(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|hr)\b[^<>]{0,300}/?>")
});
/// "[link text](https://…)": the text stays, the address goes.
static MARKDOWN_LINK: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\[(?P<text>[^\[\]]{1,300})\]\((?:https?://|/|www\.|mailto:)[^()\s]{0,500}\)")
});

/// Where a text that lost its line breaks has its seams: around "FOR IMMEDIATE
/// RELEASE", before a dateline ("OTTAWA, October 9, 2019 –") and before end and contact
/// markers ("-30-", "###", "Contact:").
static RUN_ON_SEAM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\s(?:FOR IMMEDIATE RELEASE|MEDIA ADVISORY|NEWS RELEASE|PRESS RELEASE|-30-|- 30 -|###|- ENDS -|Contact:|Media contact:|Media Contact:|For more information|For further information)|\s\p{Lu}[\p{Lu} .'-]{2,30},\s(?:\p{Lu}{2},\s)?(?:\p{Lu}\p{Ll}+\.?\s\d{1,2},\s\d{4}|\d{1,2}\s\p{Lu}\p{Ll}+\s\d{4})\s*(?:--|[–—-])",
    )
});

/// Splits a whole text that arrived as one line at its seams, so the usual walk can
/// tell masthead, headline, dateline, body and footer apart.
pub fn split_run_on(line: &Line, rules: &Rules) -> Vec<Line> {
    // The line as written: a crawl's double spaces (where commas were) stay in each part.
    let text = &line.raw;
    let mut cuts: Vec<usize> = RUN_ON_SEAM.find_iter(text).map(|m| m.start() + 1).collect();
    cuts.extend(header_seams(text));
    // The marker itself stands alone: cut after release labels and end marks too.
    for m in RUN_ON_SEAM.find_iter(text) {
        let marker = m.as_str().trim();
        if marker.chars().all(|c| !c.is_lowercase()) && !marker.contains(',') {
            cuts.push(m.end());
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut parts = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([text.len()]) {
        let part = text[from..cut].trim();
        from = cut;
        if part.is_empty() {
            continue;
        }
        let mut pieces = vec![part.to_string()];
        // A masthead glued to the headline: "Northern Infrastructure Canada Minister …".
        if parts.is_empty() {
            if let Some((masthead, rest)) = split_publisher_prefix(part, rules) {
                pieces = vec![masthead, rest];
            }
        }
        parts.extend(pieces.into_iter().map(|piece| Line::new(line.no, &piece)));
    }
    parts
}

/// How many of a crawl's first lines may hold its header glued together.
pub const HEADER_LINES: usize = 8;

/// How far into a run-on line its header (headline, release label, date, contact,
/// dateline) may reach. A full date there stands on its own line unless the word before
/// it is in lower case (a sentence runs through it: "signed on October 16, 2007 by").
const HEADER_BYTES: usize = 700;

/// "… Northern Illinois  November 13  2007  For Immediate Release  Contact  Christina …":
/// in the header of a line that lost its breaks (and perhaps its punctuation), a release
/// label and a contact stand on their own.
static HEADER_SEAM: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\s(?:for immediate release:?|news release|press release|contact:?\s)")
});

/// The cuts [`HEADER_SEAM`] and full dates make in the header of a run-on line.
fn header_seams(text: &str) -> Vec<usize> {
    let header = &text[..crate::text::floor_char_boundary(text, HEADER_BYTES)];
    let mut cuts: Vec<usize> = Vec::new();
    for m in HEADER_SEAM.find_iter(header) {
        cuts.push(m.start() + 1);
        cuts.push(m.end());
    }
    for date in crate::load::date::find_dates(header) {
        // A lower-case word before the date: a sentence runs through it; a comma before
        // it or a dash after it: a dateline ("OTTAWA, March 12, 2021 – The …") that
        // stays whole.
        let before = header[..date.start].trim_end();
        let sentence = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let dateline =
            before.ends_with(',') || header[date.end..].trim_start().starts_with(['-', '–', '—']);
        if date.date.year.is_some() && !sentence && !dateline {
            cuts.push(date.start);
            cuts.push(date.end);
        }
    }
    cuts.retain(|&c| c > 0 && c < text.len() && text.is_char_boundary(c));
    cuts
}

/// A known publisher's name in front of a text, and the rest.
fn split_publisher_prefix(text: &str, rules: &Rules) -> Option<(String, String)> {
    rules.publishers.iter().find_map(|p| {
        std::iter::once(&p.name).chain(&p.aliases).find_map(|name| {
            let rest = text.strip_prefix(name.as_str())?.trim_start();
            rest.chars()
                .next()
                .is_some_and(char::is_uppercase)
                .then(|| (name.clone(), rest.to_string()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_split_a_line_and_entities_are_decoded() {
        let pieces = web_remnants_removed("<p>Forty dams will go.<br>Anglers &amp; Paddlers</p>");
        let pieces: Vec<&str> = pieces
            .iter()
            .map(|p| p.as_ref())
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(pieces, ["Forty dams will go.", "Anglers & Paddlers"]);
        assert_eq!(
            web_remnants_removed("Read the [full plan](https://example.org/plan)."),
            ["Read the full plan."]
        );
        assert_eq!(
            web_remnants_removed("*Posted by the office*"),
            ["Posted by the office"]
        );
    }

    #[test]
    fn a_flattened_crawl_keeps_a_word_whose_apostrophe_became_a_gap() {
        let line = format!(
            "Washington  DC     Senator Mike Crapo praised President Bush   s State of the Union address this evening{}     Crapo said      Tonight he set forth an agenda",
            " and more".repeat(40)
        );
        let parts: Vec<String> = gap_parts(&line)
            .into_iter()
            .map(|p| p.into_owned())
            .collect();
        assert!(
            parts[1].starts_with("Senator Mike Crapo praised President Bush's State of the Union"),
            "{parts:?}"
        );
        assert_eq!(parts[2], "Crapo said");
    }

    #[test]
    fn page_numbers_and_running_headers_are_taken_out() {
        let text = "Ministry of Water | Press Release\nThe minister said the wells\nPage 1 of 2\nMinistry of Water | Press Release\nwere failing.\n";
        let cleaned = clean(text);
        assert!(cleaned.paged);
        let removed: Vec<usize> = cleaned.removed.iter().map(|r| r.line).collect();
        assert_eq!(removed, [1, 3, 4]);
        assert_eq!(
            cleaned.physical,
            [(2, "The minister said the wells"), (5, "were failing.")]
        );
    }
}
