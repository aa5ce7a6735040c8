//! Dates as press texts write them: full, partial (no year) and with weekdays.

use regex::Regex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

/// A calendar date of which any part may be unknown, as in a wire dateline
/// ("April 2") that gives no year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// ISO 8601: `2014-04-01`, `2014-04`, `2014`, or `--10-10` for a day without a year.
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        }
    }

    /// A date a reader understands: "1 April 2014", "10 October", "April 2014".
    pub fn human(&self) -> String {
        let month = self
            .month
            .map(|m| MONTH_NAMES[usize::from(m.clamp(1, 12)) - 1]);
        match (self.year, month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
            (Some(y), Some(m), None) => format!("{m} {y}"),
            (Some(y), None, _) => y.to_string(),
            (None, Some(m), Some(d)) => format!("{d} {m}"),
            (None, Some(m), None) => m.to_string(),
            (None, None, _) => String::new(),
        }
    }

    /// The full date as a chrono date, when year, month and day are all known and valid.
    pub fn to_naive(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year?, u32::from(self.month?), u32::from(self.day?))
    }

    /// Whether two dates can be the same day or lie within `days` of each other,
    /// judged only on the parts both of them know.
    pub fn within_days(&self, other: &PartialDate, days: i64) -> bool {
        if let (Some(a), Some(b)) = (self.to_naive(), other.to_naive()) {
            return (a - b).num_days().abs() <= days;
        }
        match (self.month, self.day, other.month, other.day) {
            (Some(m1), Some(d1), Some(m2), Some(d2)) => {
                // Compare within a leap year; wrap around the new year.
                let day_of_year = |m: u8, d: u8| {
                    chrono::NaiveDate::from_ymd_opt(2000, u32::from(m), u32::from(d))
                        .map(|x| i64::from(chrono::Datelike::ordinal(&x)))
                };
                match (day_of_year(m1, d1), day_of_year(m2, d2)) {
                    (Some(a), Some(b)) => {
                        let diff = (a - b).abs();
                        diff.min(366 - diff) <= days
                    }
                    _ => false,
                }
            }
            _ => match (self.year, other.year) {
                (Some(a), Some(b)) => (a - b).abs() <= 1,
                _ => true,
            },
        }
    }

    /// The key dates sort by: unknown parts sort first.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (
            self.year.unwrap_or(0),
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
        )
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// Weekday names, Monday first (the numbering `weekday` fields use).
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month names and abbreviations in English, French and Spanish, longest first so that
/// the regex prefers "March" over "Mar".
const MONTH_WORDS: &[(&str, u8)] = &[
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("december", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("february", 2),
    ("février", 2),
    ("febrero", 2),
    ("january", 1),
    ("janvier", 1),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("juillet", 7),
    ("august", 8),
    ("agosto", 8),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("enero", 1),
    ("march", 3),
    ("marzo", 3),
    ("junio", 6),
    ("julio", 7),
    ("mars", 3),
    ("juin", 6),
    ("june", 6),
    ("july", 7),
    ("mayo", 5),
    ("août", 8),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// English month words that are also ordinary words; only taken as months when capitalised.
const AMBIGUOUS_MONTH_WORDS: &[&str] = &["may", "march", "mar", "mai", "jan", "sept", "dec", "aug"];

const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_WORDS
        .iter()
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join("|");
    let pattern = format!(
        r"(?i)\b(?:(?P<wd>{WEEKDAYS})\.?,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?P<m1>{months})\.?(?:,?\s+(?:de\s+)?(?P<y1>\d{{4}})\b)?|(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b)"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("date pattern must compile: {e}"))
});

/// A date found in a text, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
    /// The weekday the text names, if any (0 = Monday).
    pub weekday: Option<u8>,
    /// For a numeric date whose order is unknown ("03/04/2019"): its first two numbers.
    /// `date` then holds the day-first reading until the publisher's convention decides.
    pub ambiguous: Option<(u8, u8)>,
}

impl DateMatch {
    /// Settles an ambiguous numeric date by the publisher's convention; without one it
    /// stays ambiguous.
    pub fn resolve(&self, order: Option<crate::config::DateOrder>) -> Option<PartialDate> {
        use crate::config::DateOrder;
        let Some((first, second)) = self.ambiguous else {
            return Some(self.date);
        };
        let (day, month) = match order? {
            DateOrder::Dmy => (first, second),
            DateOrder::Mdy => (second, first),
        };
        Some(PartialDate {
            month: Some(month),
            day: Some(day),
            ..self.date
        })
    }
}

/// 03/04/2019, 3.4.2019, 12-03-2021, 2019/04/03: numeric dates with a four-digit year.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})|(?P<a2>\d{1,2})\.(?P<b2>\d{1,2})\.(?P<y2>\d{4})|(?P<y3>\d{4})/(?P<m3>\d{1,2})/(?P<d3>\d{1,2})|(?P<a4>\d{1,2})-(?P<b4>\d{1,2})-(?P<y4>\d{4}))\b")
        .unwrap_or_else(|e| panic!("numeric date pattern must compile: {e}"))
});

fn numeric_dates(text: &str) -> Vec<DateMatch> {
    crate::load::pattern::captures_all(&NUMERIC_DATE, text)
        .into_iter()
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
            let (year, first, second, year_first) =
                match (number("y"), number("y2"), number("y3"), number("y4")) {
                    (Some(y), _, _, _) => (y, number("a")?, number("b")?, false),
                    (_, Some(y), _, _) => (y, number("a2")?, number("b2")?, false),
                    (_, _, Some(y), _) => (y, number("d3")?, number("m3")?, true),
                    (_, _, _, Some(y)) => (y, number("a4")?, number("b4")?, false),
                    _ => return None,
                };
            let year = i32::try_from(year).ok()?;
            let (first, second) = (u8::try_from(first).ok()?, u8::try_from(second).ok()?);
            let valid =
                |day: u8, month: u8| PartialDate::ymd(year, month, day).to_naive().is_some();
            let (date, ambiguous) = if year_first {
                (PartialDate::ymd(year, second, first), None)
            } else {
                match (valid(first, second), valid(second, first)) {
                    (true, true) if first != second => {
                        (PartialDate::ymd(year, second, first), Some((first, second)))
                    }
                    (true, _) => (PartialDate::ymd(year, second, first), None),
                    (false, true) => (PartialDate::ymd(year, first, second), None),
                    (false, false) => return None,
                }
            };
            date.to_naive()?;
            Some(DateMatch {
                date,
                start: whole.start(),
                end: whole.end(),
                weekday: None,
                ambiguous,
            })
        })
        .collect()
}

fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    MONTH_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, m)| *m)
}

fn weekday_number(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let prefixes = [
        ["mon", "lun", "lunes"],
        ["tue", "mar", "martes"],
        ["wed", "mer", "mié"],
        ["thu", "jeu", "jue"],
        ["fri", "ven", "vie"],
        ["sat", "sam", "sáb"],
        ["sun", "dim", "dom"],
    ];
    prefixes
        .iter()
        .position(|p| p.iter().any(|x| lower.starts_with(x)))
        .and_then(|i| u8::try_from(i).ok())
}

/// Every date expression in `text`, in order.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let view = crate::text::AsciiView::new(text);
    let mut found = crate::load::pattern::captures_all(&DATE_RE, &view.text)
        .into_iter()
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let (day, month_word, year) = if let Some(m) = caps.name("m1") {
                (caps.name("d1")?.as_str(), m.as_str(), caps.name("y1"))
            } else if let Some(m) = caps.name("m2") {
                (caps.name("d2")?.as_str(), m.as_str(), caps.name("y2"))
            } else {
                let year: i32 = caps.name("y3")?.as_str().parse().ok()?;
                let month: u8 = caps.name("m3")?.as_str().parse().ok()?;
                let day: u8 = caps.name("d3")?.as_str().parse().ok()?;
                let date = PartialDate::ymd(year, month, day);
                date.to_naive()?;
                return Some(DateMatch {
                    date,
                    start: view.original(whole.start()),
                    end: view.original(whole.end()),
                    weekday: None,
                    ambiguous: None,
                });
            };
            let lower = month_word.to_lowercase();
            let capitalised = month_word.chars().next().is_some_and(char::is_uppercase);
            // "5 mar (EFE)", "2 mai 2014": after a day number a lower-case abbreviation is
            // a month; "may" stays a verb ("3 may withdraw").
            let day_first = caps.name("m1").is_some();
            if AMBIGUOUS_MONTH_WORDS.contains(&lower.as_str())
                && !capitalised
                && (!day_first || lower == "may")
            {
                return None;
            }
            let month = month_number(month_word)?;
            let day: u8 = day.parse().ok()?;
            if !(1..=31).contains(&day) {
                return None;
            }
            let year = year.and_then(|y| y.as_str().parse::<i32>().ok());
            let date = PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            };
            if year.is_some() && date.to_naive().is_none() {
                return None;
            }
            if year.is_none()
                && chrono::NaiveDate::from_ymd_opt(2000, u32::from(month), u32::from(day)).is_none()
            {
                return None;
            }
            let weekday = caps.name("wd").and_then(|w| weekday_number(w.as_str()));
            Some(DateMatch {
                date,
                start: view.original(whole.start()),
                end: view.original(whole.end()),
                weekday,
                ambiguous: None,
            })
        })
        .collect::<Vec<_>>();
    for numeric in numeric_dates(text) {
        if !found
            .iter()
            .any(|d| numeric.start < d.end && d.start < numeric.end)
        {
            found.push(numeric);
        }
    }
    found.sort_by_key(|d| d.start);
    found
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<String> {
        find_dates(text).first().map(|m| m.date.iso())
    }

    #[test]
    fn reads_every_form_the_loader_documents() {
        for (text, want) in [
            ("Apr. 2, 2014", "2014-04-02"),
            ("5 de marzo de 2019", "2019-03-05"),
            ("lundi 3 juin 2019", "2019-06-03"),
            ("le 2 avril 2014", "2014-04-02"),
            ("Sunday, 17 January 2021", "2021-01-17"),
            ("25/03/2019", "2019-03-25"),
            ("2019/04/03", "2019-04-03"),
            ("25-03-2019", "2019-03-25"),
        ] {
            let got = find_dates(text).first().map(|d| d.date.iso());
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn numeric_dates_are_read_and_their_order_settled_by_convention() {
        use crate::config::DateOrder;
        let only = |text: &str| find_dates(text).into_iter().next();
        let plain = only("Issued 25/03/2019 in Ottawa");
        assert_eq!(
            plain.as_ref().map(|d| d.date.iso()).as_deref(),
            Some("2019-03-25")
        );
        assert_eq!(plain.and_then(|d| d.ambiguous), None);
        let us = only("03/25/2019");
        assert_eq!(us.map(|d| d.date.iso()).as_deref(), Some("2019-03-25"));
        let ambiguous = only("03/04/2019");
        assert_eq!(ambiguous.as_ref().and_then(|d| d.ambiguous), Some((3, 4)));
        let read = |order| {
            ambiguous
                .as_ref()
                .and_then(|d| d.resolve(order))
                .map(|d| d.iso())
        };
        assert_eq!(read(Some(DateOrder::Dmy)).as_deref(), Some("2019-04-03"));
        assert_eq!(read(Some(DateOrder::Mdy)).as_deref(), Some("2019-03-04"));
        assert_eq!(read(None), None);
        assert_eq!(
            only("2019/04/03").map(|d| d.date.iso()).as_deref(),
            Some("2019-04-03")
        );
        assert!(only("Call 613.555.0199 or see SG/SM/12345").is_none());
        assert!(only("13/13/2019").is_none());
    }

    #[test]
    fn a_date_line_may_carry_a_label_and_a_time() {
        for line in [
            "January 14, 2019 / 10:32 AM",
            "14 January 2019, 10:32 GMT",
            "Published: 14 January 2019",
            "Updated on January 14, 2019 at 3.15 p.m. EST",
            "Monday, 14 January 2019 - 14:05 CET",
            "FOR IMMEDIATE RELEASE: January 14, 2019",
            "Embargoed until 00:01 GMT 14 January 2019",
        ] {
            let found = standalone_date(line).map(|m| m.date.iso());
            assert_eq!(found.as_deref(), Some("2019-01-14"), "{line}");
        }
        for line in [
            "January 14, 2019 was a cold day",
            "Talks on 14 January 2019",
        ] {
            assert!(standalone_date(line).is_none(), "{line}");
        }
    }

    #[test]
    fn reads_the_forms_press_texts_use() {
        let cases = [
            ("1 April 2014. UN Secretary-General", Some("2014-04-01")),
            ("Brussels, April 2 (IANS/WAM) UN", Some("--04-02")),
            ("28 March 2014- UN Secretary General", Some("2014-03-28")),
            ("in New York today, 10 October, of the", Some("--10-10")),
            ("Sunday, 17 January 2021", Some("2021-01-17")),
            ("April 2, 2014", Some("2014-04-02")),
            ("GENEVA, Mar. 3 (Xinhua) --", Some("--03-03")),
            ("le 2 avril 2014 à Genève", Some("2014-04-02")),
            ("2014-04-01", Some("2014-04-01")),
            ("You may 2 things", None),
            ("124 representatives of states", None),
            ("31 February 2014", None),
        ];
        for (text, want) in cases {
            assert_eq!(first(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn standalone_dates_are_whole_lines() {
        assert_eq!(
            standalone_date("Sunday, 17 January 2021").map(|m| m.weekday),
            Some(Some(6))
        );
        assert!(standalone_date("1 April 2014. UN Secretary-General").is_none());
    }

    #[test]
    fn partial_dates_write_iso() {
        let d = PartialDate {
            year: None,
            month: Some(10),
            day: Some(10),
        };
        assert_eq!(d.iso(), "--10-10");
        assert_eq!(d.human(), "10 October");
        assert!(d.within_days(&PartialDate::ymd(2014, 10, 11), 2));
        assert!(PartialDate {
            year: None,
            month: Some(12),
            day: Some(31)
        }
        .within_days(
            &PartialDate {
                year: None,
                month: Some(1),
                day: Some(1)
            },
            1
        ));
    }
}
