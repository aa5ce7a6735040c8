//! The rules for the body: captions, a menu glued onto the first paragraph, a sign-off
//! run into the last one, and the paragraphs and subheadings themselves.

use super::patterns::{glued_menu_words, is_caption, short_label, TRAILING_SIGN_OFF};
use super::{Region, Taken, Walk};
use crate::load::document::{Block, RemovalReason, RemovedLine};
use crate::load::lines::Line;

/// A photo caption or credit: kept, as a caption.
pub(super) fn caption(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if !is_caption(&line.text) {
        return None;
    }
    walk.keep(line, Block::Caption(line.text.clone()))
}

/// A site menu that lost its line break: "Home News Contact The minister said…".
pub(super) fn glued_menu(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.paragraphs_seen() {
        return None;
    }
    let text = &line.text;
    let glued = glued_menu_words(text);
    if glued == 0 {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    walk.removed.push(RemovedLine::new(
        line.no,
        words[..glued].join(" "),
        RemovalReason::Masthead,
    ));
    let rest = words[glued..].join(" ");
    walk.keep(line, Block::Paragraph(rest))
}

/// "GENEVA (Reuters) - ... the region. Enditem": the paragraph without its sign-off,
/// and the footer begins.
pub(super) fn trailing_sign_off(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    let sign_off = TRAILING_SIGN_OFF.find(text)?;
    walk.blocks.push((
        line.no,
        Block::Paragraph(text[..sign_off.start()].to_string()),
    ));
    walk.removed.push(RemovedLine::new(
        line.no,
        sign_off.as_str().trim().to_string(),
        RemovalReason::SignOff,
    ));
    walk.region = Region::Footer;
    Some(Taken)
}

/// Any other line is body: a short label is a subheading, the rest paragraphs.
pub(super) fn paragraph_or_subheading(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    let block = if short_label(text) {
        Block::Heading(text.clone())
    } else {
        Block::Paragraph(text.clone())
    };
    walk.keep(line, block)
}
