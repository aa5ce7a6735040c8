//! Finding dates in running text: named months in the languages of `data/dates.toml`,
//! numeric dates, ISO dates and the Chinese and Japanese 年月日 form.

use super::words::{DateWords, DATE_WORDS};
use super::{DateMatch, PartialDate};
use crate::load::pattern::{captures_all, captures_of, compile};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A date with a month name, an ISO date, or a 年月日 date. A month glued to the word
/// before it ("Yahoo FinanceOctober 13, 2016", a crawl's "RELEASEOctober 19 2007") is read
/// when it is capitalised and has its day and year; so is a year glued to the next word
/// ("September 26  2007Contact").
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let months = DateWords::alternation(&DATE_WORDS.months);
    let weekdays = DateWords::alternation(&DATE_WORDS.weekdays);
    let year_end = r"(?:\b|(?-i:\p{Lu}))";
    compile(&format!(
        r"(?i)\b(?:(?P<wd>{weekdays})\.?,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|º)?(?:\.\s*|\s+)(?:de\s+)?(?P<m1>{months})\.?(?:[,.]?\s*(?:de\s+)?(?P<y1>\d{{4}}){year_end})?|(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}){year_end})?|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b)|(?-i:\p{{L}})(?P<m4>{months})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}}){year_end}|(?P<y5>\d{{4}})\s*年\s*(?P<m5>\d{{1,2}})\s*月\s*(?P<d5>\d{{1,2}})\s*日|(?P<m6>\d{{1,2}})\s*月\s*(?P<d6>\d{{1,2}})\s*日"
    ))
});

/// 03/04/2019, 3.4.2019, 12-03-2021, 2019/04/03, 10.15.15, and a crawl's "03 15 2007"
/// (two-digit day and month, punctuation stripped to spaces). Its word boundaries are
/// ASCII ones, which keep the regex engine on its fast path over any text; see
/// [`numeric_captures`] for the Unicode ones the dates need.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?-u:\b)(?:(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})|(?P<a2>[0-9]{1,2})\.(?P<b2>[0-9]{1,2})\.(?P<y2>[0-9]{4}|[0-9]{2})|(?P<y3>[0-9]{4})/(?P<m3>[0-9]{1,2})/(?P<d3>[0-9]{1,2})|(?P<a4>[0-9]{1,2})-(?P<b4>[0-9]{1,2})-(?P<y4>[0-9]{4})|(?P<a5>[0-9]{2}) (?P<b5>[0-9]{2}) (?P<y5>[0-9]{4}))(?-u:\b)",
    )
});

/// The numeric dates of `text` between Unicode word boundaries: a date glued to a letter
/// outside ASCII ("é12/03/2019") is none. A match the ASCII boundaries let through but
/// the Unicode ones do not is dropped, and the search goes on from its next character,
/// as a search with Unicode boundaries would have.
fn numeric_captures(text: &str) -> Vec<Captures<'_>> {
    let is_word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = NUMERIC_DATE.find_at(text, at) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if is_word(before) || is_word(after) {
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        found.extend(captures_of(&NUMERIC_DATE, text, m.start(), m.end()));
        at = m.end().max(m.start() + 1);
    }
    found
}

/// Every date expression in `text`, in order.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let view = crate::text::AsciiView::new(text);
    let mut found: Vec<DateMatch> = captures_all(&DATE_RE, &view.text)
        .into_iter()
        .filter_map(|caps| {
            let mut date = named_date(&caps)?;
            date.start = view.original(date.start);
            date.end = view.original(date.end);
            Some(date)
        })
        .collect();
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

/// A full date from its numbers, if it is a real day.
fn full(year: i32, month: u8, day: u8) -> Option<PartialDate> {
    let date = PartialDate::ymd(year, month, day);
    date.to_naive().map(|_| date)
}

fn number<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name)?.as_str().parse().ok()
}

/// A date with a month name, an ISO date or a 年月日 date, from one match.
fn named_date(caps: &Captures) -> Option<DateMatch> {
    let whole = caps.get(0)?;
    let plain = |date: PartialDate, start: usize| DateMatch {
        date,
        start,
        end: whole.end(),
        weekday: None,
        ambiguous: None,
    };
    if caps.name("y3").is_some() {
        let date = full(
            number(caps, "y3")?,
            number(caps, "m3")?,
            number(caps, "d3")?,
        )?;
        return Some(plain(date, whole.start()));
    }
    if caps.name("y5").is_some() {
        let date = full(
            number(caps, "y5")?,
            number(caps, "m5")?,
            number(caps, "d5")?,
        )?;
        return Some(plain(date, whole.start()));
    }
    if caps.name("m6").is_some() {
        let date = yearless(number(caps, "m6")?, number(caps, "d6")?)?;
        return Some(plain(date, whole.start()));
    }
    let (day, month, year, glued) = ["1", "2", "4"].iter().find_map(|n| {
        let month = caps.name(&format!("m{n}"))?;
        Some((
            caps.name(&format!("d{n}"))?,
            month,
            caps.name(&format!("y{n}")),
            *n == "4",
        ))
    })?;
    let word = month.as_str();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let title_case = capitalised && word.chars().nth(1).is_some_and(char::is_lowercase);
    if glued && !title_case {
        return None;
    }
    // "5 mar (EFE)", "2 mai 2014": after a day number a lower-case abbreviation is a
    // month; "may" stays a verb ("3 may withdraw").
    let lower = word.to_lowercase();
    let day_first = caps.name("m1").is_some();
    if DATE_WORDS.ambiguous.contains(&lower) && !capitalised && (!day_first || lower == "may") {
        return None;
    }
    let month = DATE_WORDS.month(word)?;
    let day: u8 = day.as_str().parse().ok()?;
    let date = match year {
        Some(y) => full(y.as_str().parse().ok()?, month, day)?,
        None => yearless(month, day)?,
    };
    Some(DateMatch {
        date,
        // A glued month starts the date, not the letter before it.
        start: if glued {
            month_start(caps)
        } else {
            whole.start()
        },
        // A glued year ends the date, not the letter after it.
        end: year.map_or(whole.end(), |y| y.end()).max(day_end(caps)),
        weekday: caps.name("wd").and_then(|w| DATE_WORDS.weekday(w.as_str())),
        ambiguous: None,
    })
}

fn month_start(caps: &Captures) -> usize {
    caps.name("m4").map_or(0, |m| m.start())
}

fn day_end(caps: &Captures) -> usize {
    ["d1", "d2", "d4", "m1"]
        .iter()
        .filter_map(|n| caps.name(n))
        .map(|m| m.end())
        .max()
        .unwrap_or(0)
}

/// A day and month without a year, if some year has it (29 February does).
fn yearless(month: u8, day: u8) -> Option<PartialDate> {
    chrono::NaiveDate::from_ymd_opt(2000, u32::from(month), u32::from(day))?;
    Some(PartialDate {
        year: None,
        month: Some(month),
        day: Some(day),
    })
}

/// "15" is 2015 and "98" is 1998: two-digit years of dates in bylines.
fn full_year(year: i32) -> i32 {
    match year {
        0..=69 => 2000 + year,
        70..=99 => 1900 + year,
        _ => year,
    }
}

/// Which numeric forms a match is, and its numbers: (year, first, second, year first,
/// day first by convention).
fn numeric_parts(caps: &Captures) -> Option<(i32, u8, u8, bool, bool)> {
    if let Some(y) = number::<i32>(caps, "y") {
        return Some((
            full_year(y),
            number(caps, "a")?,
            number(caps, "b")?,
            false,
            false,
        ));
    }
    if let Some(y) = number::<i32>(caps, "y2") {
        // Dotted dates are day first wherever they are written ("08.04.2015").
        return Some((
            full_year(y),
            number(caps, "a2")?,
            number(caps, "b2")?,
            false,
            true,
        ));
    }
    if let Some(y) = number::<i32>(caps, "y3") {
        return Some((y, number(caps, "d3")?, number(caps, "m3")?, true, false));
    }
    if let Some(y) = number::<i32>(caps, "y4") {
        return Some((y, number(caps, "a4")?, number(caps, "b4")?, false, false));
    }
    let y = number::<i32>(caps, "y5")?;
    Some((y, number(caps, "a5")?, number(caps, "b5")?, false, false))
}

fn numeric_dates(text: &str) -> Vec<DateMatch> {
    numeric_captures(text)
        .into_iter()
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            // "1.2.10.4", "v2.3.15": a number with more parts is a version or an address.
            let before = text[..whole.start()].chars().next_back();
            let after = text[whole.end()..].chars().take(2).collect::<String>();
            if before.is_some_and(|c| c == '.' || c == '/' || c.is_ascii_digit())
                || (after.starts_with(['.', '/'])
                    && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()))
            {
                return None;
            }
            let (year, first, second, year_first, day_first) = numeric_parts(&caps)?;
            let (date, ambiguous) = if year_first {
                (full(year, second, first)?, None)
            } else {
                let day_month = full(year, second, first);
                let month_day = full(year, first, second);
                match (day_month, month_day) {
                    (Some(d), Some(_)) if first != second && !day_first => {
                        (d, Some((first, second)))
                    }
                    (Some(d), _) => (d, None),
                    (None, Some(d)) => (d, None),
                    (None, None) => return None,
                }
            };
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

/// How many numeric dates in `text` can only be read month first, and how many only day
/// first ("10/19/2007", "19/10/2007"): a source's proofs of how it writes them. Dotted
/// and year-first dates prove nothing (their order is fixed by convention).
pub fn numeric_order_proofs(text: &str) -> (usize, usize) {
    let (mut month_first, mut day_first) = (0, 0);
    for caps in numeric_captures(text) {
        let Some((year, first, second, year_first, dotted)) = numeric_parts(&caps) else {
            continue;
        };
        if year_first || dotted || first == second {
            continue;
        }
        match (full(year, second, first), full(year, first, second)) {
            (Some(_), None) => day_first += 1,
            (None, Some(_)) => month_first += 1,
            _ => {}
        }
    }
    (month_first, day_first)
}
