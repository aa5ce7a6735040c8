//! Line classification: a walk down the text's lines that tells the headline, the
//! capture-date header, the date line and dateline, bylines and the body (paragraphs,
//! subheadings, captions) from page furniture, which it sets aside with its reason.
//!
//! Each line goes through an ordered list of small rules; the first that takes the line
//! decides what it is. The order matters: a rule may rely on earlier rules having taken
//! the lines it must not see.

mod body;
mod finish;
mod framed;
mod furniture;
mod header;
mod near_dates;
pub mod patterns;

pub use framed::ArticleLines;
pub use near_dates::NearDate;

use super::collection::SourceHints;
use super::date::DateMatch;
use super::document::{Block, RemovalReason, RemovedLine};
use super::fields::dateline::Dateline;
use super::lines::Line;
use super::rules::Rules;

/// What the walk found in a text's lines.
#[derive(Debug, Clone)]
pub struct Classified {
    /// The headline, if a line reads as one.
    pub headline: Option<Line>,
    /// A date at the very top of the page, which may be when it was copied.
    pub header_date: Option<(Line, DateMatch)>,
    /// A line that is only a date ("Published 5 March 2019") above the text.
    pub date_line: Option<(Line, DateMatch)>,
    /// A dateline standing on its own line ("LISBON, 27 June 2022").
    pub dateline_line: Option<(Line, Dateline)>,
    /// The body, each block with the line it starts on.
    pub blocks: Vec<(usize, Block)>,
    /// The lines set aside, in line order.
    pub removed: Vec<RemovedLine>,
    /// A "Printed on …" style line was seen: the top date is a capture date.
    pub capture_labelled: bool,
    /// "Spokesperson for …: Name" above the text: who read it out, and on which line.
    pub delivered_by: Option<(usize, String)>,
    /// The dates beside the headline, in order.
    pub near_dates: Vec<NearDate>,
    /// The date line stands above the headline (where a copy's date may be).
    pub date_line_above_headline: bool,
}

/// Classifies `lines`; `removed` are lines already set aside (a printed page's marks);
/// `frame` is the article of a copied page, when one was found.
pub fn classify(
    lines: Vec<Line>,
    removed: Vec<RemovedLine>,
    rules: &Rules,
    frame: Option<ArticleLines>,
    hints: SourceHints<'_>,
    stripped: bool,
) -> Classified {
    let mut walk = Walk {
        rules,
        region: Region::Header,
        headline: None,
        header_date: None,
        date_line: None,
        dateline_line: None,
        blocks: Vec::new(),
        removed,
        bylines: Vec::new(),
        capture_labelled: false,
        in_link_box: false,
        delivered_by: None,
        seq: 0,
        headline_seq: None,
        near_dates: Vec::new(),
        place: framed::Place::Unframed,
        index: 0,
        headline_forced: false,
        framed: frame.is_some(),
        hints,
        stripped,
        date_line_seq: None,
        repeats: Default::default(),
    };
    walk.repeats = framed::short_line_counts(&lines);
    for (index, line) in lines.iter().enumerate() {
        walk.place = ArticleLines::place(frame, index);
        walk.index = index;
        walk.take_noting_dates(line);
    }
    walk.finish();
    let near_dates = walk.dates_near_headline();
    let date_line_above_headline = match (walk.date_line_seq, walk.headline_seq) {
        (Some(date), Some(headline)) => date < headline,
        _ => false,
    };
    Classified {
        headline: walk.headline,
        header_date: walk.header_date,
        date_line: walk.date_line,
        dateline_line: walk.dateline_line,
        blocks: walk.blocks,
        removed: walk.removed,
        capture_labelled: walk.capture_labelled,
        delivered_by: walk.delivered_by,
        near_dates,
        date_line_above_headline,
    }
}

/// Where in the page the walk is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Region {
    Header,
    Body,
    Footer,
}

/// The walk's state: what it has found so far, and where it is.
struct Walk<'r> {
    rules: &'r Rules,
    region: Region,
    headline: Option<Line>,
    header_date: Option<(Line, DateMatch)>,
    date_line: Option<(Line, DateMatch)>,
    dateline_line: Option<(Line, Dateline)>,
    blocks: Vec<(usize, Block)>,
    removed: Vec<RemovedLine>,
    /// Bylines set aside above the text. Nothing reads them yet: the people of a text
    /// are found in its paragraphs and captions.
    bylines: Vec<String>,
    capture_labelled: bool,
    /// Inside a box of links to other stories ("Read also", "Keep reading") in the body.
    in_link_box: bool,
    delivered_by: Option<(usize, String)>,
    /// How many lines the walk has taken, and when it took the headline.
    seq: usize,
    headline_seq: Option<usize>,
    /// Dates seen before the body.
    near_dates: Vec<near_dates::Seen>,
    /// Where the line being taken stands against the article frame, and its index.
    place: framed::Place,
    index: usize,
    /// The headline is the frame's: no later line replaces it.
    headline_forced: bool,
    /// The text is a copied page read within its article frame.
    framed: bool,
    /// What the collection says of the text's source.
    hints: SourceHints<'r>,
    /// The text lost its punctuation: lines cannot be told by how they end.
    stripped: bool,
    /// When the walk took the date line.
    date_line_seq: Option<usize>,
    /// How often each short line occurs in the text (by its folded words).
    repeats: std::collections::HashMap<String, usize>,
}

/// A paragraph this long (in words) means the body has begun.
const BODY_WORDS: usize = 20;

/// A rule's answer when it takes a line: no later rule sees it.
struct Taken;

/// One classification rule: it takes the line (sets it aside, keeps it as a block, or
/// records it as the headline or a date) or leaves it to the next rule.
type Rule = fn(&mut Walk<'_>, &Line) -> Option<Taken>;

/// The rules, in the order a line meets them.
const RULES: &[Rule] = &[
    framed::frame_headline,
    furniture::in_footer,
    framed::after_article,
    header::particulars,
    header::markdown_heading,
    header::print_header,
    furniture::print_footer_or_address,
    furniture::contact_line,
    furniture::footer_marker,
    furniture::about_section_or_author_note,
    furniture::decoration,
    furniture::link_box_entry,
    furniture::boilerplate,
    furniture::learned,
    framed::repeated_in_page,
    furniture::image_label,
    furniture::masthead,
    furniture::editorial_note,
    furniture::sign_off,
    furniture::document_symbol,
    furniture::credit_line,
    header::capture_date,
    furniture::menu,
    header::date_line,
    header::dateline_line,
    header::repeated_headline,
    framed::before_article,
    body::caption,
    header::byline,
    header::headline,
    body::glued_menu,
    body::trailing_sign_off,
    body::paragraph_or_subheading,
];

impl Walk<'_> {
    /// Gives `line` to each rule in turn until one takes it.
    fn take(&mut self, line: &Line) {
        for rule in RULES {
            if rule(self, line).is_some() {
                return;
            }
        }
    }

    /// Sets `line` aside for `reason`.
    fn remove(&mut self, line: &Line, reason: RemovalReason) -> Option<Taken> {
        self.removed
            .push(RemovedLine::new(line.no, line.raw.clone(), reason));
        Some(Taken)
    }

    /// Keeps `block`, which starts on `line`, in the body.
    fn keep(&mut self, line: &Line, block: Block) -> Option<Taken> {
        self.blocks.push((line.no, block));
        Some(Taken)
    }

    /// How many paragraphs the body has so far.
    fn paragraphs_seen_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|(_, b)| matches!(b, Block::Paragraph(_)))
            .count()
    }

    /// Takes `found`, on `line`, as the date line.
    fn set_date_line(&mut self, line: &Line, found: DateMatch) {
        self.date_line = Some((line.clone(), found));
        self.date_line_seq = Some(self.seq);
    }

    /// Whether the body has begun: a sentence, or a paragraph of some length (a footer
    /// never starts before one; a crawl's unpunctuated subtitle is not enough).
    fn body_begun(&self) -> bool {
        self.blocks.iter().any(|(_, b)| match b {
            Block::Paragraph(t) => {
                let words = crate::text::word_count(t);
                words >= BODY_WORDS || (words >= 8 && crate::load::lines::ends_sentence(t))
            }
            _ => false,
        }) || self.paragraphs_seen_count() >= 2
    }

    /// Whether the body has a paragraph yet.
    fn paragraphs_seen(&self) -> bool {
        self.blocks
            .iter()
            .any(|(_, b)| matches!(b, Block::Paragraph(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

    /// A text's lines classified with the built-in rules, as a punctuated text.
    fn classify_text(text: &str) -> Classified {
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| Line::new(i + 1, l))
            .collect();
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        classify(
            lines,
            Vec::new(),
            &rules,
            None,
            SourceHints::default(),
            false,
        )
    }

    #[test]
    fn each_line_is_headline_date_body_or_furniture() {
        let text = "Skip to main content\nHome | News | Press releases\nMinister opens new clinic in Nairobi\nBy Jane Doe\n12 March 2021\nNAIROBI – The Minister of Health today opened a clinic for ten thousand families.\nShare this\nPrivacy policy\n";
        let found = classify_text(text);
        assert_eq!(found.headline.map(|h| h.no), Some(3));
        assert_eq!(found.date_line.map(|(l, _)| l.no), Some(5));
        assert_eq!(found.blocks.len(), 1);
        let removed: Vec<(usize, RemovalReason)> =
            found.removed.iter().map(|r| (r.line, r.reason)).collect();
        assert_eq!(
            removed,
            [
                (1, RemovalReason::Boilerplate),
                (2, RemovalReason::Masthead),
                (4, RemovalReason::Byline),
                (5, RemovalReason::DateLine),
                (7, RemovalReason::Footer),
                (8, RemovalReason::Footer),
            ]
        );
    }

    #[test]
    fn a_line_of_press_contacts_is_no_headline() {
        let text = "Contact  Wes Hickman  202 224 5972  or Kevin Bishop  (864) 250-1417\nSenators introduce the Terrorist Surveillance Act\nToday the senators introduced a measure that would provide a statutory framework.\n";
        let found = classify_text(text);
        assert_eq!(found.headline.map(|h| h.no), Some(2));
        assert!(found
            .removed
            .iter()
            .any(|r| r.line == 1 && r.reason == RemovalReason::Contact));
    }
}
