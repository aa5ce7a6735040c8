//! The rules that set page furniture aside: a page's footer, print footers and bare
//! addresses, link boxes, boilerplate, image labels, mastheads and menus, desk notes,
//! sign-offs, document symbols and staff credits.

use super::patterns::{
    is_author_note, is_decoration, is_language_row, is_masthead, is_menu, is_spaced_menu,
    ABOUT_SECTION, BARE_ADDRESS, CREDIT_LINE, DOCUMENT_SYMBOL, EDITORIAL_NOTE, IMAGE_LABEL,
    LINK_BOX, LINK_BOX_COUNTER, PHONE_NUMBER, PRINT_FOOTER, SIGN_OFF,
};
use super::{header, Region, Taken, Walk};
use crate::load::date::{find_dates, standalone_date};
use crate::load::document::{RemovalReason, RemovedLine};
use crate::load::lines::{ends_sentence, Line};
use crate::load::page::VOCABULARY;
use crate::text::word_count;

/// Once the footer has begun, every line is footer.
pub(super) fn in_footer(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.region != Region::Footer {
        return None;
    }
    walk.remove(line, RemovalReason::Footer)
}

/// "https://www.example.org/news/story/ 1/2", a web address alone: where the page was,
/// not what it says. A browser prints the first at the foot of every page.
pub(super) fn print_footer_or_address(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(PRINT_FOOTER.is_match(text) || BARE_ADDRESS.is_match(text)) {
        return None;
    }
    walk.remove(line, RemovalReason::Masthead)
}

/// Words besides its telephone numbers a line of press contacts has at most: names,
/// "or", "Contact", an office.
const CONTACT_WORDS: usize = 12;

/// "Wes Hickman 202 224 5972 or Kevin Bishop 864 250 1417": a few names and telephone
/// numbers, no sentence. A crawl that lost the punctuation leaves it where the headline
/// was.
pub(super) fn contact_line(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if ends_sentence(text) || !may_hold_phone_number(text) || !PHONE_NUMBER.is_match(text) {
        return None;
    }
    let rest = PHONE_NUMBER.replace_all(text, " ");
    if word_count(&rest) > CONTACT_WORDS {
        return None;
    }
    walk.remove(line, RemovalReason::Contact)
}

/// Whether `text` has what PHONE_NUMBER needs: a '+', or ten digits. Running the
/// pattern itself over every long line of a collection is costly.
fn may_hold_phone_number(text: &str) -> bool {
    text.contains('+') || text.chars().filter(|c| c.is_numeric()).nth(9).is_some()
}

/// A footer marker ("Related stories", "-30-") after the text has begun opens the
/// footer.
pub(super) fn footer_marker(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(walk.body_begun() && walk.rules.footer_markers.matches(text)) {
        return None;
    }
    let page_heading = VOCABULARY.is_link_heading(text)
        || VOCABULARY.is_end_heading(text)
        || VOCABULARY.is_share_row(text);
    if walk.framed && page_heading {
        // Inside a copied page's article, whose frame ends later: a box of links set in
        // the story (or its tags, share row and comment count under the byline), not its
        // end.
        walk.in_link_box = true;
        return walk.remove(line, RemovalReason::Boilerplate);
    }
    walk.region = Region::Footer;
    let reason = if is_decoration(text) {
        RemovalReason::Decoration
    } else {
        RemovalReason::Footer
    };
    walk.remove(line, reason)
}

/// "About Dryland Water Trust": the organisation's standing description, then contacts;
/// "Corinne Haller covers … Reach her at …": the reporter's note. Either opens the footer.
pub(super) fn about_section_or_author_note(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(walk.body_begun() && (ABOUT_SECTION.is_match(text) || is_author_note(text))) {
        return None;
    }
    walk.region = Region::Footer;
    walk.remove(line, RemovalReason::Footer)
}

/// A rule of stars or dashes, with no date in it.
pub(super) fn decoration(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(is_decoration(text) && find_dates(text).is_empty()) {
        return None;
    }
    walk.remove(line, RemovalReason::Decoration)
}

/// Inside a box of links to other stories: the linked headlines, short and no sentence
/// of the story. The first line that is neither closes the box.
pub(super) fn link_box_entry(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if !walk.in_link_box {
        return None;
    }
    let text = &line.text;
    let headline_like = word_count(text) <= 20 && (!ends_sentence(text) || text.ends_with('?'));
    if headline_like || LINK_BOX_COUNTER.is_match(text) {
        return walk.remove(line, RemovalReason::Boilerplate);
    }
    walk.in_link_box = false;
    None
}

/// A known furniture line ("Skip to main content", "Share this"); "Read also" in the
/// body opens a box of links.
pub(super) fn boilerplate(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(walk.rules.boilerplate.matches(text) || VOCABULARY.is_consent_notice(text)) {
        return None;
    }
    walk.in_link_box = walk.paragraphs_seen() && LINK_BOX.is_match(text);
    walk.remove(line, RemovalReason::Boilerplate)
}

/// A line the collection repeats in many documents of this source: its furniture.
pub(super) fn learned(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let documents = walk.hints.repeated_in(&line.text)?;
    walk.removed.push(RemovedLine {
        line: line.no,
        text: line.raw.clone(),
        reason: RemovalReason::Repeated,
        documents: Some(documents),
    });
    Some(Taken)
}

/// Words an image label has at most: a paragraph that names a size is still text.
const IMAGE_LABEL_WORDS: usize = 12;

/// An image's file name or size left where the image was.
pub(super) fn image_label(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    // The cheap tests first: most lines are sentences, and long.
    let label =
        word_count(text) <= IMAGE_LABEL_WORDS && !ends_sentence(text) && IMAGE_LABEL.is_match(text);
    if !label {
        return None;
    }
    walk.remove(line, RemovalReason::ImageLabel)
}

/// A navigation trail or masthead; one that carries a date above the text is the date
/// line ("Speech | 12-03-2021 | 14:30").
pub(super) fn masthead(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !is_masthead(text) {
        return None;
    }
    let dated = text
        .split('|')
        .find_map(standalone_date)
        .filter(|_| !walk.paragraphs_seen() && walk.date_line.is_none());
    if let Some(found) = dated {
        // "12 March 2021 | News release | Geneva": the row may name the place too.
        let place = header::known_place_among(text.split('|'), walk.rules);
        if let (Some(place), None) = (place, &walk.dateline_line) {
            walk.dateline_line = Some((line.clone(), header::place_only(place, text)));
        }
        walk.set_date_line(line, found);
        return walk.remove(line, RemovalReason::DateLine);
    }
    walk.remove(line, RemovalReason::Masthead)
}

/// A wire desk's note in brackets on a line of its own ("(Corrects spelling of name in
/// paragraph 3)").
pub(super) fn editorial_note(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(text.starts_with('(') && text.ends_with(')') && EDITORIAL_NOTE.is_match(text)) {
        return None;
    }
    walk.remove(line, RemovalReason::Label)
}

/// "-- Reuters", "(ENDS)", "jd/ak": a sign-off. The cheap tests come first in this and
/// the next two rules: their patterns are costly on long lines.
pub(super) fn sign_off(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(word_count(text) <= 8 && SIGN_OFF.is_match(text)) {
        return None;
    }
    walk.remove(line, RemovalReason::SignOff)
}

/// A United Nations document symbol ("SG/SM/18960").
pub(super) fn document_symbol(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(text.len() <= 80 && text.contains('/') && DOCUMENT_SYMBOL.is_match(text)) {
        return None;
    }
    walk.remove(line, RemovalReason::Masthead)
}

/// The staff credits that close a wire story ("Reporting by …; Editing by …").
pub(super) fn credit_line(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    let credit = word_count(text) <= 30
        && (text.contains("by ") || text.contains("contributed"))
        && walk.paragraphs_seen()
        && CREDIT_LINE.is_match(text);
    if !credit {
        return None;
    }
    walk.remove(line, RemovalReason::SignOff)
}

/// A site menu, a menu laid out with wide gaps, or a language switcher.
pub(super) fn menu(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(is_menu(text) || is_spaced_menu(&line.raw) || is_language_row(text)) {
        return None;
    }
    walk.remove(line, RemovalReason::Masthead)
}
