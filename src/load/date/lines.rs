//! Lines that are dates: a date line under a headline, a page header's date, a capture
//! note ("Printed on 9 March 2022"), and the labels and times that may stand beside them.

use super::read::find_dates;
use super::DateMatch;
use regex::Regex;
use std::sync::LazyLock;

/// The date a line consists of, if the line is nothing but a date (a page header such
/// as "Sunday, 17 January 2021", or a date line under a headline).
pub fn standalone_date(line: &str) -> Option<DateMatch> {
    let trimmed = line
        .trim()
        .trim_end_matches(['.', ',', '|', '-', '–', '—'])
        .trim();
    // A date line is short; a paragraph that merely contains a date is not one.
    if trimmed.len() > 120 {
        return None;
    }
    let found = find_dates(trimmed).into_iter().next()?;
    let before = &trimmed[..found.start];
    let after = &trimmed[found.end..];
    let alone = (before.is_empty() || is_date_label(before) || BYLINE_BAR.is_match(before))
        && (after.is_empty() || TIME_OF_DAY.is_match(after) || UPDATE_NOTE.is_match(after));
    alone.then_some(found)
}

/// The date of a line that says when the page was printed or copied ("Printed on 9 March
/// 2022", "Retrieved 3 May 2021"): never the publication date.
pub fn captured_date(line: &str) -> Option<DateMatch> {
    let trimmed = line.trim();
    if trimmed.len() > 120 {
        return None;
    }
    let found = find_dates(trimmed).into_iter().next()?;
    let after = &trimmed[found.end..];
    (CAPTURE_LABEL.is_match(&trimmed[..found.start])
        && (after.trim().is_empty() || TIME_OF_DAY.is_match(after)))
    .then_some(found)
}

static CAPTURE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:this\s+)?(?:web\s*)?page\s+(?:was\s+)?)?(?:printed|retrieved|accessed|captured|archived|downloaded|saved|generated|copied|clipped)(?:\s+(?:on|at))?\s*:?\s*$")
        .unwrap_or_else(|e| panic!("capture label pattern must compile: {e}"))
});

/// Whether `text` is a label that says the date after it is the publication date
/// ("Published:", "FOR IMMEDIATE RELEASE:").
pub fn is_date_label(text: &str) -> bool {
    DATE_LINE_LABEL.is_match(text)
}

/// What may stand before a date on a line of its own: "Published:", "Updated on".
static DATE_LINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:first\s+)?(?:published|updated|last\s+updated|posted|issued|released|date|publication\s+date|date\s+of\s+(?:publication|issue)|release\s+date)(?:\s+by\s+\p{Lu}[\p{L}.'’ -]{1,50}?)?(?:\s+(?:on|at))?|for\s+immediate\s+release|embargoed\s+(?:until|till|to)(?:\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?)?)\s*[:,–—-]?\s*$")
        .unwrap_or_else(|e| panic!("date label pattern must compile: {e}"))
});

/// "Zeynep Kaya Demir |": an author's name and a bar before the date.
static BYLINE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}\s*\|\s*$")
        .unwrap_or_else(|e| panic!("byline pattern must compile: {e}"))
});

/// " - Update : 13.03.2021": when the text was updated, after the date it was published.
static UPDATE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[-–—/|]\s*(?:last\s+)?(?:update|updated|modified)\b[^/|]{0,40}$")
        .unwrap_or_else(|e| panic!("update note pattern must compile: {e}"))
});

/// What may follow a date on a line of its own: a time of day ("/ 10:32 AM",
/// "at 3.15 p.m. GMT", "- 14:05 CET").
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:--|[/|,·•–—-])\s*)?(?:at\s+)?\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?(?:[A-Z]{2,5}|(?:UTC|GMT)\s*[+-]?\s*\d{0,2}(?::?\d{2})?)\)?)?\s*(?:(?:Uhr|h|hrs|JST|IST)\b)?\s*(?:[/|]\s*[^/|]{0,40}|[-–—]\s*(?:last\s+)?updated?\b[^/|]{0,40}|by\s+[\p{Lu}][\w .-]{0,40})?$")
        .unwrap_or_else(|e| panic!("time pattern must compile: {e}"))
});
