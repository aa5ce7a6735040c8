//! The rules a copied page's article frame adds (see load/page): a line before the
//! headline is the page around the story unless an earlier rule read it as a date or
//! furniture; the frame's headline is the headline; after the article's last line only
//! a sign-off or a credit is told apart from the footer.

use super::patterns::is_caption;
use super::{furniture, Region, Taken, Walk};
use crate::load::document::{Block, RemovalReason};
use crate::load::lines::Line;
use crate::text::fold;
use std::collections::HashMap;

/// Where a line stands against the article frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// No frame: the walk reads the text on its own.
    Unframed,
    /// Before the headline, this many lines above it.
    Before(usize),
    Headline,
    Inside,
    /// After the article's last line, this many lines below it.
    After(usize),
}

/// The lines of the article, by their index among the text's lines.
#[derive(Debug, Clone, Copy)]
pub struct ArticleLines {
    pub headline: usize,
    pub end: usize,
}

impl ArticleLines {
    pub(super) fn place(frame: Option<ArticleLines>, index: usize) -> Place {
        match frame {
            None => Place::Unframed,
            Some(f) if index < f.headline => Place::Before(f.headline - index),
            Some(f) if index == f.headline => Place::Headline,
            Some(f) if index <= f.end => Place::Inside,
            Some(f) => Place::After(index - f.end),
        }
    }
}

/// How many lines above the headline (or below the article's end) still belong to it: a
/// date line, a photo and its caption.
pub(super) const NEAR_HEADLINE: usize = 3;

impl Place {
    /// Just above the headline (see [`NEAR_HEADLINE`]).
    pub(super) fn near_headline(self) -> bool {
        matches!(self, Place::Before(n) if n <= NEAR_HEADLINE)
    }
}

impl Walk<'_> {
    /// Whether the line stands just above a copied page's headline, below the page's
    /// first lines (which carry the date it was copied).
    pub(super) fn just_above_headline(&self) -> bool {
        self.place.near_headline() && self.index >= 2
    }
}

/// Before the headline, a line no earlier rule took is the page around the story, but
/// for a caption just above the headline.
pub(super) fn before_article(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if !matches!(walk.place, Place::Before(_)) {
        return None;
    }
    if walk.place.near_headline() && is_caption(&line.text) {
        return walk.keep(line, Block::Caption(line.text.clone()));
    }
    walk.remove(line, RemovalReason::OutsideArticle)
}

/// The frame's headline is the headline, whatever shape it has.
pub(super) fn frame_headline(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.place != Place::Headline {
        return None;
    }
    if let Some(old) = walk.headline.replace(line.clone()) {
        walk.remove(&old, RemovalReason::Masthead);
    }
    walk.headline_forced = true;
    Some(Taken)
}

/// After the article, a sign-off or a staff credit keeps its reason; any other line is
/// footer.
pub(super) fn after_article(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let Place::After(below) = walk.place else {
        return None;
    };
    walk.region = Region::Footer;
    let text = &line.text;
    let copyright = text.starts_with('©') || fold(text).contains("copyright");
    if below <= NEAR_HEADLINE && is_caption(text) && !copyright {
        // The story's last photo, under its text.
        return walk.keep(line, Block::Caption(line.text.clone()));
    }
    furniture::sign_off(walk, line)
        .or_else(|| furniture::credit_line(walk, line))
        .or_else(|| walk.remove(line, RemovalReason::Footer))
}

/// A line this short (in words) that a page prints twice inside its article is the
/// page's, not the story's: "Continue reading the main story", "Advertisement".
const REPEATED_WORDS: usize = 8;

/// How often each short line occurs in the text, by its folded words.
pub(super) fn short_line_counts(lines: &[Line]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for line in lines {
        if crate::text::word_count(&line.text) <= REPEATED_WORDS {
            *counts.entry(fold(&line.text)).or_insert(0) += 1;
        }
    }
    counts
}

/// Inside a copied page's article, a short line that is no sentence and that the page
/// prints more than once: subheadings of a story do not repeat, a page's labels do.
pub(super) fn repeated_in_page(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    // A dated line ("Published 5 March 2019" above and below) is the date rules'.
    let dated = line.text.chars().any(|c| c.is_ascii_digit());
    if walk.place != Place::Inside || dated || crate::load::lines::ends_sentence(&line.text) {
        return None;
    }
    let times = walk.repeats.get(&fold(&line.text)).copied().unwrap_or(0);
    if times < 2 {
        return None;
    }
    walk.remove(line, RemovalReason::Boilerplate)
}
