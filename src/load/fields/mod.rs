//! The document's fields, one module each: what the classified lines say the title,
//! date, place, publisher, kind, people and quotes are, each with its evidence.

pub(crate) mod date;
pub mod dateline;
pub(crate) mod events;
pub(crate) mod kind;
pub mod people;
pub(crate) mod place;
pub(crate) mod publisher;
pub mod quotes;
pub(crate) mod title;
pub mod transcript;

use super::classify::Classified;
use super::document::Block;
use super::rules::Rules;
use dateline::{parse_dateline, Dateline};

/// A warning about one line (or the whole text when `line` is None).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineWarning {
    pub line: Option<usize>,
    pub message: String,
}

impl LineWarning {
    /// A warning about line `line`, if any.
    pub(crate) fn new(line: Option<usize>, message: &str) -> Self {
        LineWarning {
            line,
            message: message.to_string(),
        }
    }
}

/// What the field readers read: the classified lines, the body's paragraphs and the
/// text's dateline.
pub(crate) struct Reading<'a> {
    pub rules: &'a Rules,
    /// What the classifier found.
    pub found: &'a Classified,
    /// The paragraphs, each with the line it starts on.
    pub paragraphs: Vec<(usize, &'a str)>,
    /// The paragraphs' texts alone.
    pub texts: Vec<&'a str>,
    /// The dateline that opens the first paragraph, with the paragraph's line.
    pub paragraph_dateline: Option<(usize, Dateline)>,
    /// The text's dateline: the first paragraph's, else one on a line of its own.
    pub dateline: Option<(usize, Dateline)>,
}

impl<'a> Reading<'a> {
    /// The reading of what the classifier `found`.
    pub(crate) fn new(found: &'a Classified, rules: &'a Rules) -> Self {
        let paragraphs: Vec<(usize, &str)> = found
            .blocks
            .iter()
            .filter_map(|(no, b)| match b {
                Block::Paragraph(t) => Some((*no, t.as_str())),
                _ => None,
            })
            .collect();
        let texts = paragraphs.iter().map(|(_, t)| *t).collect();
        let paragraph_dateline = paragraphs
            .first()
            .and_then(|(no, t)| parse_dateline(t, rules).map(|d| (*no, d)));
        let dateline = paragraph_dateline.clone().or_else(|| {
            found
                .dateline_line
                .as_ref()
                .map(|(line, d)| (line.no, d.clone()))
        });
        Reading {
            rules,
            found,
            paragraphs,
            texts,
            paragraph_dateline,
            dateline,
        }
    }

    /// The first paragraph and the line it starts on.
    pub(crate) fn first_paragraph(&self) -> Option<(usize, &'a str)> {
        self.paragraphs.first().copied()
    }

    /// The line the body starts on (past every line when there is no paragraph).
    pub(crate) fn body_from(&self) -> usize {
        self.first_paragraph().map_or(usize::MAX, |(no, _)| no)
    }

    /// Where the first paragraph's text starts, past its dateline (0 without one).
    pub(crate) fn dateline_end(&self) -> usize {
        self.paragraph_dateline.as_ref().map_or(0, |(_, d)| d.end)
    }
}
