//! Which date is the publication date: the dateline's (its year completed from a dated
//! line above the text), else the date line under the headline, else "today, 10
//! October" early in the text, else the page's header date, which may only be when the
//! page was copied. A numeric date's order is settled by the publisher's convention.
//! (Reading dates out of text is load/date.rs's job.)

use super::{LineWarning, Reading};
use crate::load::collection::SourceHints;
use crate::load::date::{find_dates, DateMatch, PartialDate, WEEKDAY_NAMES};
use crate::load::document::{DatedField, Evidence, RemovalReason};
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use crate::text::floor_char_boundary;
use regex::Regex;
use std::sync::LazyLock;

/// What comes right before a date that is the day of the text: "today, 10 October", "on
/// 10 October", "(10 October)".
static TODAY_DATE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\btoday,?\s+$|\bon\s+$|\(\s*$"));

/// "today, 10 October": the text says the date is its own day.
static EXPLICIT_TODAY: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\btoday,?\s+$"));

/// A weekday named early in the text ("on Tuesday").
static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:on\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
});

/// The dates a text gives, before a numeric date's order is settled.
pub(crate) struct Dates {
    /// The publication date.
    pub date: Option<DatedField>,
    /// When the page was printed or copied.
    pub captured: Option<DatedField>,
    /// The match the date was read from, for a numeric date whose order is settled later.
    read: Option<DateMatch>,
}

/// The publication date and the capture date; a text whose only date is its header's,
/// or that has none, is warned about.
pub(crate) fn publication_date(reading: &Reading<'_>, warnings: &mut Vec<LineWarning>) -> Dates {
    let mut dates = Dates {
        date: None,
        captured: None,
        read: None,
    };
    let take = |dates: &mut Dates, found: Option<(DatedField, DateMatch)>| {
        if dates.date.is_none() {
            if let Some((field, read)) = found {
                dates.date = Some(field);
                dates.read = Some(read);
            }
        }
    };
    take(&mut dates, dateline_date(reading));
    take(&mut dates, date_line(reading));
    take(&mut dates, near_headline(reading));
    // A day the text mentions ("on 10 October") rather than calls today: any day of the
    // story, which a full date at the top of the page outranks.
    let mut mentioned = false;
    if dates.date.is_none() {
        if let Some((field, today)) = today_in_text(reading) {
            mentioned = !today;
            dates.date = Some(field);
        }
    }
    take(&mut dates, dated_heading(reading));
    release_beats_copy(&mut dates, reading);
    header_date(&mut dates, reading, mentioned, warnings);
    if dates.date.is_none() {
        warnings.push(LineWarning::new(None, "no publication date found"));
    }
    dates
}

/// The date line, when the text has one.
fn date_line(reading: &Reading<'_>) -> Option<(DatedField, DateMatch)> {
    let (line, found) = reading.found.date_line.as_ref()?;
    let field = DatedField {
        date: found.date,
        inferred: false,
        evidence: Evidence::at(line.no, "date line"),
    };
    Some((field, found.clone()))
}

/// A date line above the headline that is later than a date beside it below: the page's
/// copy date above, the release date below ("July 31 2008 … [headline] … June 29th 2007").
fn release_beats_copy(dates: &mut Dates, reading: &Reading<'_>) {
    let found = reading.found;
    let Some((line, above)) = found
        .date_line
        .as_ref()
        .filter(|_| found.date_line_above_headline)
    else {
        return;
    };
    let is_date_line = dates.read.as_ref().is_some_and(|r| r == above);
    let release = found.near_dates.iter().find(|d| {
        d.below_headline
            && !d.updated
            && d.found.date.year.is_some()
            && d.found.date.sort_key() < above.date.sort_key()
    });
    if let (true, Some(release)) = (is_date_line, release) {
        dates.captured = Some(DatedField {
            date: above.date,
            inferred: false,
            evidence: Evidence::at(
                line.no,
                "a date above the headline, later than the one beside it: when the page was copied",
            ),
        });
        dates.date = Some(DatedField {
            date: release.found.date,
            inferred: false,
            evidence: Evidence::at(release.line, "the date beside the headline"),
        });
        dates.read = Some(release.found.clone());
    }
}

/// The date at the top of the page: when it was copied, or, when the text gives no
/// other (or only mentions a day), its date.
fn header_date(
    dates: &mut Dates,
    reading: &Reading<'_>,
    mentioned: bool,
    warnings: &mut Vec<LineWarning>,
) {
    let Some((line, found)) = &reading.found.header_date else {
        return;
    };
    let header = DatedField {
        date: found.date,
        inferred: false,
        evidence: Evidence::at(line.no, "date at the top of the page"),
    };
    let earlier_than_header = dates.date.as_ref().is_none_or(|d| {
        let yearless = d.date.year.is_none();
        let outranked = mentioned && yearless && found.date.year.is_some();
        !outranked && (d.date.sort_key() <= found.date.sort_key() || yearless)
    });
    if reading.found.capture_labelled {
        dates.captured = Some(DatedField {
            evidence: Evidence::at(line.no, "the page says when it was printed or copied"),
            ..header
        });
    } else if dates.date.is_some() && earlier_than_header {
        dates.captured = Some(DatedField {
            evidence: Evidence::at(
                line.no,
                "date at the top of the page, before the headline: when the page was copied",
            ),
            ..header
        });
    } else if dates.date.is_none() || mentioned {
        let message = if mentioned {
            "the date at the top of the page is taken over a day the text mentions; it may be when the page was copied"
        } else {
            "the only date is the one at the top of the page; it may be when the page was copied"
        };
        warnings.push(LineWarning::new(Some(line.no), message));
        dates.date = Some(header);
        dates.read = Some(found.clone());
    }
}

/// The dateline's date (its year completed from a dated line above the text), and the
/// match it was read from.
fn dateline_date(reading: &Reading<'_>) -> Option<(DatedField, DateMatch)> {
    let (no, dateline) = reading.dateline.as_ref()?;
    let found = dateline.date.clone()?;
    let mut field = DatedField {
        date: found.date,
        inferred: false,
        evidence: Evidence::at(*no, "dateline"),
    };
    if field.date.year.is_none() {
        complete_year(&mut field, reading);
    }
    Some((field, found))
}

/// "BEIJING, Jan. 5 (Xinhua) --" under "2019-01-05 14:22|Editor: …" or "Last Updated at
/// February 12, 2019": the dated line above the text gives a yearless dateline its year.
fn complete_year(field: &mut DatedField, reading: &Reading<'_>) {
    let found = reading.found;
    let body_from = reading.body_from();
    let dated_lines = found
        .date_line
        .iter()
        .map(|(line, _)| (line.no, line.text.as_str()))
        .chain(
            found
                .removed
                .iter()
                .filter(|r| r.line < body_from && r.reason != RemovalReason::CaptureDate)
                .map(|r| (r.line, r.text.as_str())),
        );
    let year_from = dated_lines.into_iter().find_map(|(no, text)| {
        find_dates(text)
            .into_iter()
            .find_map(|d| {
                // "12-03-2021" either way round: the year is all that is wanted here.
                let readings = match d.ambiguous {
                    Some((first, second)) => vec![
                        PartialDate {
                            day: Some(first),
                            month: Some(second),
                            ..d.date
                        },
                        PartialDate {
                            day: Some(second),
                            month: Some(first),
                            ..d.date
                        },
                    ],
                    None => vec![d.date],
                };
                readings
                    .into_iter()
                    .find(|r| r.year.is_some() && r.within_days(&field.date, 3))
            })
            .map(|date| (no, date))
    });
    if let Some((no, full)) = year_from {
        field.date.year = full.year.map(|y| {
            // A dateline of 31 December under a stamp of 1 January is last year's.
            if field.date.month == Some(12) && full.month == Some(1) {
                y - 1
            } else if field.date.month == Some(1) && full.month == Some(12) {
                y + 1
            } else {
                y
            }
        });
        field
            .evidence
            .rule
            .push_str(&format!("; the year from line {no}"));
    }
}

/// The date beside the headline: in its byline or a dated label row, glued to it, or
/// just above it. One below the headline beats one above, and a publication date beats
/// an update's ("Publié le 30 avril … Mis à jour le 2 mai").
fn near_headline(reading: &Reading<'_>) -> Option<(DatedField, DateMatch)> {
    let dated: Vec<_> = reading
        .found
        .near_dates
        .iter()
        .filter(|d| d.found.date.year.is_some())
        .collect();
    let rank = |d: &&crate::load::classify::NearDate| (!d.below_headline, d.updated);
    let best = dated.iter().min_by_key(|d| rank(d))?;
    let rule = match (best.below_headline, best.updated) {
        (true, false) => "the date beside the headline",
        (true, true) => "the date the page was updated, beside the headline",
        (false, _) => "the date just above the headline",
    };
    let field = DatedField {
        date: best.found.date,
        inferred: false,
        evidence: Evidence::at(best.line, rule),
    };
    Some((field, best.found.clone()))
}

/// How many blocks into the body a dated heading may stand.
const DATED_HEADING_WITHIN: usize = 8;

/// "Remarks on the passing of Mrs. Coretta Scott King By U.S. Senator Jon Kyl January 31,
/// 2006": early in the body, a line that is no sentence and ends in a full date.
fn dated_heading(reading: &Reading<'_>) -> Option<(DatedField, DateMatch)> {
    reading
        .found
        .blocks
        .iter()
        .take(DATED_HEADING_WITHIN)
        .find_map(|(no, block)| {
            let text = block.text().trim_end_matches(['.', ' ']);
            if crate::load::lines::ends_sentence(block.text()) && !text.ends_with(char::is_numeric)
            {
                return None;
            }
            let last = find_dates(text).pop()?;
            let closes = text[last.end..].trim().is_empty();
            (closes && last.date.year.is_some()).then(|| {
                let field = DatedField {
                    date: last.date,
                    inferred: false,
                    evidence: Evidence::at(*no, "the date a heading in the text ends with"),
                };
                (field, last)
            })
        })
}

/// "today, 10 October" (or "on 10 October", "(10 October)") in one of the first three
/// paragraphs, and whether the text called it today.
fn today_in_text(reading: &Reading<'_>) -> Option<(DatedField, bool)> {
    reading.paragraphs.iter().take(3).find_map(|(no, t)| {
        find_dates(t)
            .into_iter()
            .find(|found| {
                TODAY_DATE.is_match(&t[..found.start]) && !inside_quotation(&t[..found.start])
            })
            .map(|found| {
                let from = floor_char_boundary(t, found.start.saturating_sub(7));
                let rule = format!("'{}' in the text", t[from..found.end].trim());
                let today = EXPLICIT_TODAY.is_match(&t[..found.start]);
                let field = DatedField {
                    date: found.date,
                    inferred: false,
                    evidence: Evidence::at(*no, rule),
                };
                (field, today)
            })
    })
}

/// Whether text that ends here has opened a quotation it has not closed: a date a
/// speaker recalls ("the attacks it executed on September 11, 2001") is not the text's.
fn inside_quotation(before: &str) -> bool {
    let mut open: Vec<char> = Vec::new();
    let mut straight = 0usize;
    for c in before.chars() {
        match c {
            // German quotes open low and close with the English opening mark.
            '“' if open.last() == Some(&'„') => {
                open.pop();
            }
            '“' | '«' | '„' => open.push(c),
            '”' | '»' => {
                open.pop();
            }
            '"' => straight += 1,
            _ => {}
        }
    }
    !open.is_empty() || straight % 2 == 1
}

/// The weekday the first two paragraphs name, Monday 0.
pub(crate) fn weekday(reading: &Reading<'_>) -> Option<u8> {
    reading.paragraphs.iter().take(2).find_map(|(_, t)| {
        WEEKDAY_WORD
            .captures(t)
            .and_then(|c| c.name("day"))
            .and_then(|d| {
                WEEKDAY_NAMES
                    .iter()
                    .position(|w| *w == d.as_str())
                    .and_then(|i| u8::try_from(i).ok())
            })
    })
}

/// The publication and capture dates, a numeric date's day and month in the order the
/// publisher writes them. A numeric date the publisher's convention cannot settle is no
/// date (and is warned about); such a capture date is dropped.
pub(crate) fn settle_numeric(
    dates: Dates,
    publisher: Option<&str>,
    found_header: Option<&DateMatch>,
    rules: &Rules,
    hints: SourceHints<'_>,
    warnings: &mut Vec<LineWarning>,
) -> (Option<DatedField>, Option<DatedField>) {
    let Dates {
        mut date,
        mut captured,
        read,
    } = dates;
    // The publisher's convention, else the order the source's unambiguous numeric
    // dates all follow.
    let order = || {
        publisher
            .and_then(|p| rules.date_order(p))
            .or(hints.date_order)
    };
    if let (Some(field), Some(found)) = (captured.as_mut(), found_header) {
        if found.ambiguous.is_some() {
            match found.resolve(order()) {
                Some(resolved) => field.date = resolved,
                // Which day a capture was is not worth a guess.
                None => captured = None,
            }
        }
    }
    if let Some(found) = read.filter(|d| d.ambiguous.is_some()) {
        match (found.resolve(order()), date.as_mut()) {
            (Some(resolved), Some(field)) => {
                field.date = resolved;
                field
                    .evidence
                    .rule
                    .push_str(" (numeric; the publisher's date_order)");
            }
            _ => {
                let line = date.as_ref().and_then(|d| d.evidence.line);
                date = None;
                warnings.push(LineWarning::new(
                    line,
                    "ambiguous numeric date: day or month first? Set date_order for this publisher in site.toml",
                ));
            }
        }
    }
    (date, captured)
}

#[cfg(test)]
mod tests {
    use super::inside_quotation;

    #[test]
    fn a_date_inside_an_open_quotation_is_the_speakers() {
        assert!(inside_quotation(
            "\"Al Qaeda still desires the attacks it executed on "
        ));
        assert!(inside_quotation("He said: “the attacks of "));
        assert!(inside_quotation("Er sagte: „am "));
        assert!(!inside_quotation("Er sagte: „nein“, am "));
        assert!(!inside_quotation("“We will act,” the minister said on "));
        assert!(!inside_quotation("The conference opened on "));
    }
}
