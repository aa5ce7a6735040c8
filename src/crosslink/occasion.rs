//! Reports of one speech that share no quote: a release quotes one passage, a wire story
//! another. What they share is the occasion: the same speaker, at the same named event,
//! on the same day. That links them, and nothing looser does: a speaker who addresses a
//! conference on two days gives two speeches.

use super::events::name_key;
use super::{Link, LinkEvidence, LinkKind};
use crate::load::{Document, PartialDate};
use crate::text::fold;
use chrono::{Datelike, Duration};
use std::collections::BTreeMap;

/// Documents sharing one speaker and event name beyond this are a series (a speaker at
/// an annual meeting), not one occasion; they are left to their quotes.
const MAX_OCCASION_DOCUMENTS: usize = 64;
/// A report's "on Friday" names a day at most this far before its dateline.
const MAX_DAYS_BACK: i64 = 6;

/// The day a document says the speech was given: its date, moved back to the weekday
/// it names ("Dakar, October 25 (Reuters) – … on Sunday addressed").
pub fn speech_day(doc: &Document) -> Option<PartialDate> {
    let date = doc.date.as_ref()?.date;
    date.month?;
    date.day?;
    Some(day_of(date, doc.weekday))
}

/// The speech day of a date and the weekday a text names, as `speech_day` reads them.
fn day_of(date: PartialDate, weekday: Option<u8>) -> PartialDate {
    let (Some(naive), Some(weekday)) = (date.to_naive(), weekday) else {
        return date;
    };
    let back =
        (i64::from(naive.weekday().num_days_from_monday()) - i64::from(weekday)).rem_euclid(7);
    if back > MAX_DAYS_BACK {
        return date;
    }
    let day = naive - Duration::days(back);
    match (u8::try_from(day.month()), u8::try_from(day.day())) {
        (Ok(month), Ok(d)) => PartialDate::ymd(day.year(), month, d),
        _ => date,
    }
}

/// Whether two dated documents say the speech was on the same day. A date without a year
/// ("Mar. 24 (Xinhua) … on Sunday") is read in the other's year; two dates without a
/// year match by day and month, and by weekday when both name one.
fn same_day(a: (PartialDate, Option<u8>), b: (PartialDate, Option<u8>)) -> bool {
    let ((x, wx), (y, wy)) = (a, b);
    match (x.year, y.year) {
        (Some(_), Some(_)) => day_of(x, wx) == day_of(y, wy),
        (None, Some(year)) => {
            day_of(
                PartialDate {
                    year: Some(year),
                    ..x
                },
                wx,
            ) == day_of(y, wy)
        }
        (Some(year), None) => {
            day_of(x, wx)
                == day_of(
                    PartialDate {
                        year: Some(year),
                        ..y
                    },
                    wy,
                )
        }
        // Without a year the weekday cannot move a date back; "on Tuesday" under "May 2"
        // and under "May 3" is still one Tuesday.
        (None, None) => match (wx, wy) {
            (Some(p), Some(q)) => p == q && x.within_days(&y, 3),
            _ => x.month == y.month && x.day == y.day,
        },
    }
}

/// Links between documents that report the same speaker at the same named event on the
/// same day.
pub fn same_occasion_links(documents: &[Document]) -> Vec<Link> {
    let mut occasions: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, doc) in documents.iter().enumerate() {
        if speech_day(doc).is_none() {
            continue;
        }
        for speaker in doc
            .speakers
            .iter()
            .filter(|s| s.split_whitespace().count() >= 2)
        {
            for event in doc.event_names.iter().map(|e| name_key(e)) {
                if event.split(' ').count() >= 3 {
                    occasions.entry((fold(speaker), event)).or_default().push(i);
                }
            }
        }
    }
    let mut links = Vec::new();
    for ((_, event), mut members) in occasions {
        members.sort_unstable();
        members.dedup();
        if members.len() < 2 || members.len() > MAX_OCCASION_DOCUMENTS {
            continue;
        }
        let days: Vec<Option<(PartialDate, Option<u8>)>> = members
            .iter()
            .map(|&m| {
                speech_day(&documents[m])
                    .and(documents[m].date.as_ref())
                    .map(|d| (d.date, documents[m].weekday))
            })
            .collect();
        for (k, &b) in members.iter().enumerate().skip(1) {
            let Some(day_b) = days[k] else { continue };
            // One link to the first earlier member of the same day joins them all.
            let earlier = members[..k]
                .iter()
                .zip(&days[..k])
                .find(|(_, day)| day.is_some_and(|d| same_day(d, day_b)));
            if let Some((&a, day_a)) = earlier {
                // Name the day as the member that knows its year says it.
                let shown = match day_a {
                    Some((d, w)) if d.year.is_some() || day_b.0.year.is_none() => day_of(*d, *w),
                    _ => day_of(day_b.0, day_b.1),
                };
                let speaker = documents[b]
                    .speakers
                    .iter()
                    .find(|s| documents[a].speakers.contains(s))
                    .cloned()
                    .unwrap_or_default();
                let reason = format!(
                    "the same speaker ({speaker}) at the same event ({event}) on the same day ({})",
                    shown.human()
                );
                links.push((
                    (a, b),
                    LinkEvidence {
                        a: documents[a].id.clone(),
                        b: documents[b].id.clone(),
                        kind: LinkKind::Occasion,
                        shared_quotes: Vec::new(),
                        score: 0,
                        containment: None,
                        reason,
                    },
                ));
            }
        }
    }
    links.sort_by_key(|(pair, _)| *pair);
    links.dedup_by_key(|(pair, _)| *pair);
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_weekday_moves_the_speech_day_back() {
        let day = |y, m, d| PartialDate::ymd(y, m, d);
        // Monday 25 October 2021, "on Sunday": the 24th; "on Monday": the day itself.
        assert_eq!(day_of(day(2021, 10, 25), Some(6)), day(2021, 10, 24));
        assert_eq!(day_of(day(2021, 10, 25), Some(0)), day(2021, 10, 25));
        assert_eq!(day_of(day(2021, 10, 25), None), day(2021, 10, 25));
    }

    #[test]
    fn days_without_a_year_match_on_day_month_and_weekday() {
        let partial = PartialDate {
            year: None,
            month: Some(11),
            day: Some(13),
        };
        let full = PartialDate::ymd(2024, 11, 13);
        assert!(same_day((partial, Some(1)), (full, Some(1))));
        assert!(!same_day((partial, Some(1)), (full, Some(2))));
        let next = PartialDate {
            day: Some(14),
            ..partial
        };
        assert!(same_day((partial, Some(1)), (next, Some(1))));
        assert!(!same_day((partial, None), (next, None)));
        assert!(!same_day(
            (full, None),
            (PartialDate::ymd(2024, 11, 14), None)
        ));
        // "Mar. 24 … on Sunday" (2008): the 23rd, not the full text's 24 March.
        let sunday_report = PartialDate {
            year: None,
            month: Some(3),
            day: Some(24),
        };
        assert!(!same_day(
            (sunday_report, Some(6)),
            (PartialDate::ymd(2008, 3, 24), None)
        ));
        assert!(same_day(
            (sunday_report, Some(6)),
            (PartialDate::ymd(2008, 3, 23), None)
        ));
    }
}
