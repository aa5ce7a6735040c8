//! Lines as the classifier reads them: the cleaned pieces of a text, with hard-wrapped
//! prose and an all-capitals headline broken over two lines joined again.

use super::clean::Cleaned;
use super::pattern::compile;
use crate::text::{collapse_whitespace, word_count};
use regex::Regex;
use std::sync::LazyLock;

/// One line as the classifier sees it; hard-wrapped lines and headlines split over two
/// lines are joined first.
#[derive(Debug, Clone)]
pub struct Line {
    /// The number of the source line it starts on, from 1.
    pub no: usize,
    /// Trimmed source text, as written.
    pub raw: String,
    /// Whitespace collapsed.
    pub text: String,
}

impl Line {
    /// A line of `text`, starting on source line `no`.
    pub fn new(no: usize, text: &str) -> Self {
        Line {
            no,
            raw: text.to_string(),
            text: collapse_whitespace(text),
        }
    }
}

/// Whether `text` ends like a sentence (or a quotation, a bracket, a list's lead-in).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '”', '"', '’', ')', ':', ';'])
}

/// How many letters `text` has.
pub fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `text` is written in capitals: nine letters in ten, and at least four.
pub fn is_all_caps(text: &str) -> bool {
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let total = letters(text);
    total >= 4 && upper * 10 >= total * 9
}

/// Of the words of `text` that have letters: how many start with a capital, and how many
/// there are. A Title Case or ALL CAPS headline has nearly all capitalised, "of" too.
pub fn capitalised_words(text: &str) -> (usize, usize) {
    let mut capitalised = 0;
    let mut total = 0;
    for word in text.split_whitespace() {
        if let Some(first) = word.chars().find(|c| c.is_alphabetic()) {
            total += 1;
            capitalised += usize::from(first.is_uppercase());
        }
    }
    (capitalised, total)
}

/// "ENDS", "-30-", "###": an end mark is a line of its own even where lines are wrapped.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^(?:-\s*)?(?:ENDS?|-30-|- 30 -|#{3}|\*{3,}|\* \*\*\* \*)(?:\s*-)?$")
});

/// How a text is laid out: what says where a paragraph starts.
struct Layout {
    /// Hard-wrapped: many long lines, none much longer than a printed line, and
    /// paragraphs of several lines.
    wrapped: bool,
    /// Whether each source line (by number, from 1) is indented.
    indented: Vec<bool>,
    /// Only some lines are indented: an indented line starts a paragraph.
    indents_mark_paragraphs: bool,
}

impl Layout {
    fn of(text: &str, physical: &[(usize, &str)]) -> Self {
        let long: Vec<usize> = physical
            .iter()
            .map(|(_, l)| l.chars().count())
            .filter(|&n| n > 30)
            .collect();
        let wrapped = long.len() >= 5 && long.iter().all(|&n| n <= 100) && {
            let mut multi_line_blocks = 0;
            let mut run = 0;
            for (_, l) in physical {
                if l.is_empty() {
                    run = 0;
                } else {
                    run += 1;
                    if run == 2 {
                        multi_line_blocks += 1;
                    }
                }
            }
            multi_line_blocks >= 2
        };
        // A text wrapped without blank lines may mark each paragraph by indenting its
        // first line; when only some lines are indented, an indented line starts a
        // paragraph.
        let indented: Vec<bool> = text
            .lines()
            .map(|l| l.starts_with("  ") || l.starts_with('\t'))
            .collect();
        let long_lines = physical
            .iter()
            .filter(|(_, l)| l.chars().count() > 30)
            .count();
        let long_indented = physical
            .iter()
            .filter(|(no, l)| l.chars().count() > 30 && indented[no - 1])
            .count();
        let indents_mark_paragraphs = long_indented >= 2 && long_indented * 5 <= long_lines * 3;
        Layout {
            wrapped,
            indented,
            indents_mark_paragraphs,
        }
    }
}

/// Joins lines that belong together: hard-wrapped prose, and an all-capitals headline
/// broken over two lines. `text` is the source `cleaned` was made from.
pub fn logical_lines(text: &str, cleaned: &Cleaned<'_>) -> Vec<Line> {
    let layout = Layout::of(text, &cleaned.physical);
    let mut lines: Vec<Line> = Vec::new();
    let mut previous_blank = true;
    let mut previous_no = 0;
    for (no, l) in &cleaned.pieces {
        let (no, l) = (*no, l.as_ref());
        if l.is_empty() {
            previous_blank = true;
            continue;
        }
        let starts_paragraph =
            (layout.indents_mark_paragraphs && no != previous_no && layout.indented[no - 1])
                || END_MARK.is_match(l)
                || lines
                    .last()
                    .is_some_and(|prev| END_MARK.is_match(&prev.text));
        previous_no = no;
        // Over a page break: a paragraph cut mid-sentence goes on with a lower-case word.
        let over_page = previous_blank
            && cleaned.paged
            && l.starts_with(char::is_lowercase)
            && lines.last().is_some_and(|prev| !ends_sentence(&prev.text));
        let joins = over_page
            || !previous_blank
                && !starts_paragraph
                && lines
                    .last()
                    .is_some_and(|prev| runs_on(prev, l, layout.wrapped));
        match lines.last_mut() {
            Some(prev) if joins => join(prev, l),
            _ => lines.push(Line::new(no, l)),
        }
        previous_blank = false;
    }
    lines
}

/// Whether `next` goes on from the line before: wrapped prose, or the second half of an
/// all-capitals headline.
fn runs_on(prev: &Line, next: &str, wrapped: bool) -> bool {
    (wrapped && !prev.text.is_empty() && word_count(&prev.text) >= 4 && word_count(next) >= 1)
        || (is_all_caps(&prev.text)
            && is_all_caps(next)
            && !ends_sentence(&prev.text)
            && word_count(&prev.text) >= 4)
}

/// Adds `next` to the end of `prev`.
fn join(prev: &mut Line, next: &str) {
    // "irri-" + "gation": a word broken at the line's end is one word.
    let broken_word = prev.raw.ends_with('-')
        && prev.raw[..prev.raw.len() - 1].ends_with(char::is_lowercase)
        && next.starts_with(char::is_lowercase);
    if broken_word {
        prev.raw.pop();
    } else {
        prev.raw.push(' ');
    }
    prev.raw.push_str(next);
    prev.text = collapse_whitespace(&prev.raw);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::clean::clean;

    fn lines(text: &str) -> Vec<String> {
        logical_lines(text, &clean(text))
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn a_capitals_headline_over_two_lines_is_one_line() {
        assert_eq!(
            lines("MINISTER OPENS NEW CLINIC\nIN NAIROBI TODAY\n\nThe minister spoke.\n"),
            [
                "MINISTER OPENS NEW CLINIC IN NAIROBI TODAY",
                "The minister spoke."
            ]
        );
    }

    #[test]
    fn a_paragraph_goes_on_over_a_page_break() {
        let text = "The minister said the irrigation works\n\nPage 1 of 2\n\nwere failing.\n";
        assert_eq!(
            lines(text),
            ["The minister said the irrigation works were failing."]
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_a_word_broken_at_the_end_is_mended() {
        let text = "The first paragraph of a hard-wrapped text runs over\nseveral lines because an editor wrapped its irri-\ngation report at a fixed width.\n\nThe second paragraph is wrapped in just the same way\nand carries on over the next line as well.\n";
        assert_eq!(
            lines(text),
            [
                "The first paragraph of a hard-wrapped text runs over several lines because an editor wrapped its irrigation report at a fixed width.",
                "The second paragraph is wrapped in just the same way and carries on over the next line as well.",
            ]
        );
    }
}
