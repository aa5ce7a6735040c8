//! The article inside a page copied from a browser: which line is its headline, where its
//! prose starts and where it ends. Before the headline and after the end is the page
//! around the story (menus, promotions, related headlines, comments, footers), which the
//! classifier then sets aside whatever words it uses.
//!
//! Lines are measured the way jusText measures blocks (length and stop-word density, with
//! one stop-word list per language); the headline is found by what surrounds it (see
//! `headline`); the end is where the article's weight is greatest, gaps of non-prose
//! costing at most a fixed amount, so a gallery or video player inside a story does not
//! cut it in two, while a heading such as "Related stories" costs more.

pub mod headline;
pub mod language;
pub mod prose;
pub mod vocabulary;

use crate::load::classify::patterns::{
    is_caption, is_organisation_name, is_publisher_or_furniture,
};
use crate::load::collection::SourceHints;
use crate::load::date::find_dates;
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use headline::{Candidate, Page};
pub use language::Language;
use prose::{weight, Prose};
use regex::Regex;
use std::sync::LazyLock;
pub use vocabulary::{Vocabulary, VOCABULARY};

/// What the frame finder needs to know of lines beyond their prose class: the page
/// vocabulary, and the loader's tests for captions and dates.
pub struct Shape<'a> {
    pub vocabulary: &'a Vocabulary,
    pub is_caption: &'a dyn Fn(&str) -> bool,
    pub has_date: &'a dyn Fn(&str) -> bool,
    /// A line that is never a headline: the publisher's name, a label, furniture.
    pub is_furniture: &'a dyn Fn(&str) -> bool,
    /// The name of an organisation ("Department of Coastal Communities").
    pub is_organisation: &'a dyn Fn(&str) -> bool,
}

/// Where the article is among a page's lines (indices into them).
#[derive(Debug, Clone)]
pub struct Frame {
    pub headline: Candidate,
    /// The last line of the article.
    pub end: usize,
    /// How many lines were candidates for the headline.
    pub candidates: usize,
}

impl Frame {
    /// Why the headline is the headline, as the title's evidence says it.
    pub fn explain(&self) -> String {
        let byline = if self.headline.byline {
            ", a byline or date below it"
        } else {
            ""
        };
        format!(
            "the headline of the article on a copied page: {:.0}% of its words open the text below{byline} (score {:.2}, of {} candidate lines)",
            100.0 * self.headline.overlap,
            self.headline.score,
            self.candidates
        )
    }
}

/// A headline scoring less is no headline: the text is read as it is.
const MIN_SCORE: f32 = 0.5;
/// A run of non-prose costs at most this much: a video player's or a gallery's hundred
/// labels inside a story do not cut it in two.
const GAP_CAP: f32 = 500.0;
/// What a heading that ends articles ("Comments", "Most read") costs: the text goes on
/// past it only when much more of the story follows. A box of related links costs no
/// more than its lines: such boxes stand inside stories as often as after them.
const END_HEADING_COST: f32 = 1000.0;

/// "10:00 PM", "14:05": a time of day, as bylines give it.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| compile(r"\b\d{1,2}[:.h]\d{2}\b"));

/// Whether a line gives a date or a time, as a byline or a date line does.
fn has_date(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && (TIME_OF_DAY.is_match(text)
            || VOCABULARY.has_relative_time(text)
            || !find_dates(text).is_empty())
}

/// The article in `lines`, found with the loader's own tests for captions, dates,
/// publishers and furniture.
pub fn article_frame(
    lines: &[&str],
    language: &Language,
    rules: &Rules,
    hints: &SourceHints<'_>,
) -> Option<Frame> {
    let furniture =
        |text: &str| is_publisher_or_furniture(text, rules) || hints.repeated_in(text).is_some();
    let shapes = Shape {
        vocabulary: &VOCABULARY,
        is_caption: &is_caption,
        has_date: &has_date,
        is_furniture: &furniture,
        is_organisation: &is_organisation_name,
    };
    find_frame(lines, language, &shapes)
}

/// The article in `lines`, when one can be told from the page around it.
pub fn find_frame(lines: &[&str], language: &Language, shapes: &Shape) -> Option<Frame> {
    let page = Page::new(lines, language, shapes);
    let candidates = page.candidates();
    let headline = page.choose(&candidates)?;
    if headline.score < MIN_SCORE || page.inside_prose(headline.line) {
        // A title-like line with the story's prose above it is a subheading: the text
        // has no headline of its own, and is read as it is.
        return None;
    }
    let end = article_end(
        lines,
        &page.prose(),
        headline.lead,
        shapes.vocabulary,
        language,
    );
    Some(Frame {
        headline,
        end,
        candidates: candidates.len(),
    })
}

/// The last line of the article whose prose starts at `lead`: the end that gives the
/// article the most weight, each gap costing at most [`GAP_CAP`]. Past a heading that ends
/// articles, the text counts only while it goes on with the same story (a feed of other
/// stories under "Sdílet článek" does not).
fn article_end(
    lines: &[&str],
    prose: &[Prose],
    lead: usize,
    vocabulary: &Vocabulary,
    language: &Language,
) -> usize {
    let mut total = 0.0;
    let mut best = (0.0, lead);
    let mut gap = 0.0_f32;
    for (j, line) in lines.iter().enumerate().skip(lead) {
        let text = line.trim();
        if j > lead && vocabulary.is_end_heading(text) {
            if !same_story(lines, prose, lead, j, language) {
                break;
            }
            total += gap.max(-GAP_CAP) - END_HEADING_COST;
            gap = 0.0;
            continue;
        }
        let w = weight(prose[j], text.chars().count());
        if w > 0.0 {
            total += gap.max(-GAP_CAP) + w;
            gap = 0.0;
            if total > best.0 {
                best = (total, j);
            }
        } else {
            gap += w;
        }
    }
    best.1
}

/// Lines of prose looked at past an end heading to tell whether the story goes on.
const AFTER_HEADING_LINES: usize = 6;
/// Bytes of story needed above an end heading before it can end the story.
const STORY_SO_FAR: usize = 400;
/// Share of their subject words the story above must have for them to go on with it.
const SAME_STORY: f32 = 0.15;

/// Whether the prose after the heading at `heading` goes on with the story that starts
/// at `lead`: enough of its subject words are the story's.
fn same_story(
    lines: &[&str],
    prose: &[Prose],
    lead: usize,
    heading: usize,
    language: &Language,
) -> bool {
    let story: String = (lead..heading)
        .filter(|&j| prose[j].is_prose())
        .map(|j| lines[j])
        .collect::<Vec<_>>()
        .join(" ");
    let after: String = (heading + 1..lines.len())
        .filter(|&j| prose[j].is_prose())
        .take(AFTER_HEADING_LINES)
        .map(|j| lines[j])
        .collect::<Vec<_>>()
        .join(" ");
    let words = headline::content_words(&after, language);
    // Under the byline a share row or a comment count is no end: too little story yet.
    if words.is_empty() || story.len() < STORY_SO_FAR {
        return true;
    }
    let known = headline::content_words(&story, language);
    let shared = words.intersection(&known).count();
    shared as f32 >= SAME_STORY * words.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame_of(text: &str) -> Option<(String, String)> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let language = language::detect(lines.iter().copied());
        let rules = Rules::new(&crate::config::LoaderConfig::default(), &[]);
        let frame = article_frame(&lines, &language, &rules, &SourceHints::default())?;
        Some((
            lines[frame.headline.line].to_string(),
            lines[frame.end].to_string(),
        ))
    }

    #[test]
    fn the_story_is_told_from_the_page_around_it() {
        let page = "Home\nNews\nSport\nMost read\nCouncil approves budget for new ferry terminal\nStorm damage closes coastal road for a week\nWorld\nFlood barrier on the Tarn will be finished two years early\nBy Rachel Okafor\n14 September 2023 07:30\nShare\nThe flood barrier protecting 3,000 homes along the Tarn river will be finished in the spring of 2025, two years ahead of schedule, the engineering firm building it said on Wednesday.\nWork on the barrier began in 2021 after floods in the previous winter reached the ground floors of houses in Tarnside and Millbeck, and more than 400 families had to leave their homes.\nRelated stories\nCouncil approves budget for new ferry terminal\nStorm damage closes coastal road for a week\nAbout us\nPrivacy policy\n";
        let (headline, end) = frame_of(page).unwrap_or_default();
        assert_eq!(
            headline,
            "Flood barrier on the Tarn will be finished two years early"
        );
        assert!(end.starts_with("Work on the barrier began"), "{end}");
    }
}
