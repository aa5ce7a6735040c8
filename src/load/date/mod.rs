//! Dates as press texts write them: full, partial (no year) and with weekdays; the
//! reader in `read`, the lines that are dates in `lines`, the names in `words`.

mod lines;
mod read;
mod words;

pub use lines::{captured_date, is_date_label, standalone_date};
pub use read::{find_dates, numeric_order_proofs};
pub use words::DATE_WORDS;

use serde::{Serialize, Serializer};
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::read::find_dates;
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

    #[test]
    fn reads_the_forms_of_pages_and_crawls() {
        for (text, want) in [
            ("By JEFFREY GETTLEMAN JAN. 13, 2017", "2017-01-13"),
            ("Yahoo FinanceOctober 13, 2016", "2016-10-13"),
            ("FOR IMMEDIATE RELEASEOctober 19 2007 Contact", "2007-10-19"),
            (
                "FOR IMMEDIATE RELEASE  September 26  2007Contact  Katie Laning",
                "2007-09-26",
            ),
            ("Tuesday  July 10  2007", "2007-07-10"),
            ("October 5th 2007", "2007-10-05"),
            ("Friday September 07 2007", "2007-09-07"),
            ("03 15 2007 News Release", "2007-03-15"),
            ("21.dez.2018 às 12h55", "2018-12-21"),
            ("Le Monde | 04.05.2015 à 13h36", "2015-05-04"),
            ("10.15.15", "2015-10-15"),
            ("2/26/2015 7:11 AM PST", "2015-02-26"),
            ("1 de diciembre de 2017 3:00 AM PST", "2017-12-01"),
            ("Veröffentlicht am 24. November 2017", "2017-11-24"),
            ("3. März 2019", "2019-03-03"),
            ("před 2 hodinami, 14. října 2021", "2021-10-14"),
            ("TNW中文站2016年10月14日07:17", "2016-10-14"),
            ("发稿时间：2017-03-10 08:42:00", "2017-03-10"),
            ("30 avril 2015 à 07:19", "2015-04-30"),
            ("Thu 3 Jan 2019 02.00 EST", "2019-01-03"),
        ] {
            assert_eq!(first(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "Kasanov 5, 2019 was",
            "version 1.2.10.4",
            "call 202 224 4843",
            "iOS 8.3",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
        assert_eq!(first("3月9日、発表した").as_deref(), Some("--03-09"));
        let glued = find_dates("Yahoo FinanceOctober 13, 2016");
        assert_eq!(glued.first().map(|d| d.start), Some(13));
        let crawl = find_dates("September 26  2007Contact");
        assert_eq!(crawl.first().map(|d| d.end), Some(18));
    }
}
