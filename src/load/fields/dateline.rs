//! Datelines: the "PLACE, Date (Agency) --" or "Date -" that opens a news text.

use crate::load::data;
use crate::load::date::{find_dates, DateMatch};
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use regex::Regex;
use std::sync::LazyLock;

/// What a dateline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: Option<String>,
    pub date: Option<DateMatch>,
    pub agency: Option<String>,
    /// Byte offset where the text after the dateline starts.
    pub end: usize,
}

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s*(?:--|[-–—:.|])\s*"));
/// "(Reuters) -", "(AP) —", "/CNW/ -": the agency after the place and date.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s*(?:\((?P<agency>\p{L}[\p{L}/&.' -]{0,40})\)|\.?\s*/(?P<wire>\p{Lu}[\p{L}&. -]{1,30})/)\s*(?:\.?(?:--|[-–—:])|\.)?\s*",
    )
});
/// ", ON", ", D.C.", ", Kenya": a state, province or country after the dateline city.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^,\s*(?:\p{Lu}{2}\b|\p{Lu}\.\s?\p{Lu}\.|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)(?:[,\s]|$)",
    )
});
static JOINT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:/\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}){1,3}"));

/// What stands between a dateline's place and its date: a comma, or a dash after a
/// region ("NAIROBI, Kenya — March 12, 2021 —"). Ends just after the comma or dash.
static DATE_LEAD: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s*[,–—]"));
/// A dash between a wire-style place and the text: "GENEVA — The ...".
static DASH: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s+(?:--|[-–—])\s+"));
/// A place not in the gazetteer: wire style capitals ("KIGALI") or a short capitalised name.
static PLACE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,3}|\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+){0,2})",
    )
});
fn agency_of(caps: &regex::Captures<'_>) -> Option<String> {
    caps.name("agency")
        .or_else(|| caps.name("wire"))
        .map(|a| a.as_str().trim().to_string())
}

/// The agency in brackets at `text`'s start. A name in lower case ("(dpa)") counts only
/// when it is a known publisher: "(see below)" is not an agency.
fn agency_at<'t>(text: &'t str, rules: &Rules) -> Option<regex::Captures<'t>> {
    AGENCY.captures(text).filter(|caps| {
        caps.name("agency").is_none_or(|a| {
            a.as_str().starts_with(char::is_uppercase)
                || rules.publisher_named(a.as_str()).is_some()
        })
    })
}

/// "Kyodo -" after a dateline's date: a known publisher's name without brackets.
fn bare_agency(text: &str, rules: &Rules) -> Option<(String, usize)> {
    let caps = BARE_AGENCY.captures(text)?;
    let name = caps.name("agency")?.as_str();
    rules.publisher_named(name)?;
    Some((name.to_string(), caps.get(0)?.end()))
}

static BARE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^\s+(?P<agency>\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}[\p{L}&.-]*){0,2})\s+(?:--|[-–—])\s+")
});

/// "(ANSA) - ROMA, 12 MAR - ": the agency in brackets before the place and date.
fn agency_first(text: &str, rules: &Rules) -> Option<Dateline> {
    let caps = agency_at(text, rules).filter(|c| c.name("agency").is_some())?;
    let skip = caps.get(0)?.end();
    let agency = agency_of(&caps);
    let rest = parse_dateline(&text[skip..], rules).filter(|d| d.agency.is_none())?;
    let date = rest.date.map(|d| DateMatch {
        start: d.start + skip,
        end: d.end + skip,
        ..d
    });
    Some(Dateline {
        place: rest.place,
        date,
        agency,
        end: rest.end + skip,
    })
}

/// Reads the dateline at the start of a paragraph, if it has one.
pub fn parse_dateline(text: &str, rules: &Rules) -> Option<Dateline> {
    // "(London, 5 June 2020) – ": an NGO's dateline in brackets.
    if let Some(inner) = text.strip_prefix('(') {
        return agency_first(text, rules).or_else(|| bracketed(text, inner, rules));
    }
    let first_date = find_dates(text).into_iter().next();
    if let Some(date) = first_date.filter(|d| d.start == 0) {
        return date_first(text, date, rules);
    }
    place_first(text, rules)
}

/// "(London, 5 June 2020) – ": a dated dateline in brackets; `inner` is the text after
/// the opening bracket.
fn bracketed(text: &str, inner: &str, rules: &Rules) -> Option<Dateline> {
    let close = inner.find(')').filter(|&i| i <= 80)?;
    let dateline = parse_dateline(&inner[..close], rules)?;
    dateline.date.as_ref()?;
    let after = 1 + close + 1;
    let sep = SEPARATOR.find(&text[after..]).map_or(0, |m| m.end());
    let date = dateline.date.map(|d| DateMatch {
        start: d.start + 1,
        end: d.end + 1,
        ..d
    });
    Some(Dateline {
        date,
        end: after + sep,
        ..dateline
    })
}

/// "1 April 2014. UN Secretary-General …", "March 3 (Xinhua) --": a dateline that opens
/// with its date.
fn date_first(text: &str, date: DateMatch, rules: &Rules) -> Option<Dateline> {
    let rest = &text[date.end..];
    if let Some(caps) = agency_at(rest, rules) {
        let agency = agency_of(&caps);
        return Some(Dateline {
            place: None,
            end: date.end + caps[0].len(),
            date: Some(date),
            agency,
        });
    }
    let sep = SEPARATOR.find(rest)?;
    Some(Dateline {
        place: None,
        end: date.end + sep.end(),
        date: Some(date),
        agency: None,
    })
}

/// "GENEVA, Mar. 3 (Xinhua) --", "OTTAWA, ON, March 3, 2019 /CNW/ -", "KIGALI
/// (Reuters) -": a dateline that opens with its place.
fn place_first(text: &str, rules: &Rules) -> Option<Dateline> {
    let (place, place_end) = leading_place(text, rules)?;
    let mut rest_at = place_end;
    // "NEW YORK/AMMAN, 12 March 2021 –": a joint dateline; the first city is the place.
    if let Some(joint) = JOINT_PLACE.find(&text[rest_at..]) {
        rest_at += joint.end();
    }
    let wire_style = text[..place_end]
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let date_follows = |at: usize| {
        text[at..].strip_prefix(',').is_some_and(|after| {
            let after = after.trim_start();
            find_dates(after).first().is_some_and(|d| d.start == 0)
        })
    };
    if let Some(region) = REGION
        .find(&text[rest_at..])
        .filter(|_| !date_follows(rest_at))
    {
        // Keep the comma or space that ended the region for the date and agency below.
        let kept = region.as_str().ends_with([',', ' ']);
        rest_at += region.end() - usize::from(kept);
    }
    let date = date_after_place(text, rest_at);
    if let Some(found) = &date {
        rest_at = found.end;
    }
    let (agency, dashed, rest_at) = agency_after(text, rest_at, date.is_some(), wire_style, rules);
    if date.is_none() && agency.is_none() && !dashed {
        return None;
    }
    let place = rules
        .place_at_start(&place)
        .map(str::to_string)
        .unwrap_or(place);
    Some(Dateline {
        place: Some(place),
        date,
        agency,
        end: rest_at.min(text.len()),
    })
}

/// The place a dateline opens with, and the offset where it ends in `text`: a known
/// place, else capitals or a short capitalised name that is not a sentence's opening.
fn leading_place(text: &str, rules: &Rules) -> Option<(String, usize)> {
    let (place, place_len) = match rules.place_at_start(text) {
        Some(known) => (known.to_string(), known.len().min(text.len())),
        None => {
            let m = PLACE_WORDS.find(text)?;
            if data::NOT_PLACES.contains(&m.as_str().to_lowercase()) {
                return None;
            }
            (title_case(m.as_str()), m.end())
        }
    };
    // The gazetteer compares folded text, so step to the real end of the place as written.
    let place_end = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .find(|&i| i >= place_len)?;
    Some((place, place_end))
}

/// The date after a dateline's place and its comma or dash, at `at`; its offsets are in
/// `text`.
fn date_after_place(text: &str, at: usize) -> Option<DateMatch> {
    let lead = DATE_LEAD.find(&text[at..])?;
    let trimmed = text[at + lead.end()..].trim_start();
    // "Genève, le 2 avril 2014": the French article before the date.
    let trimmed = trimmed
        .strip_prefix("le ")
        .or_else(|| trimmed.strip_prefix("el "))
        .unwrap_or(trimmed);
    let offset = text.len() - trimmed.len();
    let found = find_dates(trimmed)
        .into_iter()
        .next()
        .filter(|d| d.start == 0)?;
    Some(DateMatch {
        start: found.start + offset,
        end: found.end + offset,
        ..found
    })
}

/// What follows a dateline's place and date at `at`: the agency, or the separator before
/// the text (a dash after a wire-style place counts only when there is no date). Gives
/// the agency, whether a wire-style dash was read, and where the text goes on.
fn agency_after(
    text: &str,
    at: usize,
    dated: bool,
    wire_style: bool,
    rules: &Rules,
) -> (Option<String>, bool, usize) {
    let rest = &text[at..];
    if let Some(caps) = agency_at(rest, rules) {
        return (agency_of(&caps), false, at + caps[0].len());
    }
    if let Some((name, len)) = bare_agency(rest, rules).filter(|_| dated) {
        return (Some(name), false, at + len);
    }
    if dated {
        let sep = SEPARATOR.find(rest).map_or(0, |m| m.end());
        return (None, false, at + sep);
    }
    match DASH.find(rest).filter(|_| wire_style) {
        Some(dash) => (None, true, at + dash.end()),
        None => (None, false, at),
    }
}

/// "NEW YORK" → "New York".
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

    /// (place, publisher, date, rest of the line)
    type Read = (Option<String>, Option<String>, Option<String>, String);

    fn read(text: &str) -> Option<Read> {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        parse_dateline(text, &rules).map(|d| {
            (
                d.place,
                d.date.map(|x| x.date.iso()),
                d.agency,
                text[d.end..].to_string(),
            )
        })
    }

    #[test]
    fn reads_wire_and_release_datelines() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            read("Brussels, April 2 (IANS/WAM) UN chief"),
            Some((
                s("Brussels"),
                s("--04-02"),
                s("IANS/WAM"),
                "UN chief".into()
            ))
        );
        assert_eq!(
            read("GENEVA, Mar. 3 (Xinhua) -- The envoy"),
            Some((s("Geneva"), s("--03-03"), s("Xinhua"), "The envoy".into()))
        );
        assert_eq!(
            read("KIGALI (Reuters) - Rwanda"),
            Some((s("Kigali"), None, s("Reuters"), "Rwanda".into()))
        );
        assert_eq!(
            read("1 April 2014. UN Secretary-General"),
            Some((None, s("2014-04-01"), None, "UN Secretary-General".into()))
        );
        assert_eq!(
            read("28 March 2014- UN Secretary"),
            Some((None, s("2014-03-28"), None, "UN Secretary".into()))
        );
        assert_eq!(
            read("Geneva, March 3, 2014 – The minister"),
            Some((s("Geneva"), s("2014-03-03"), None, "The minister".into()))
        );
    }

    #[test]
    fn reads_regional_bracketed_and_newswire_datelines() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            read("OTTAWA, ON, March 3, 2019 /CNW/ - The Minister"),
            Some((
                s("Ottawa"),
                s("2019-03-03"),
                s("CNW"),
                "The Minister".into()
            ))
        );
        assert_eq!(
            read("NAIROBI, Kenya (AP) — Floods"),
            Some((s("Nairobi"), None, s("AP"), "Floods".into()))
        );
        assert_eq!(
            read("WASHINGTON, D.C. — The agency"),
            Some((s("Washington"), None, None, "The agency".into()))
        );
        assert_eq!(
            read("(London, 5 June 2020) – Authorities"),
            Some((s("London"), s("2020-06-05"), None, "Authorities".into()))
        );
        assert_eq!(
            read("LISBON, 27 June 2022"),
            Some((s("Lisbon"), s("2022-06-27"), None, String::new()))
        );
    }

    #[test]
    fn reads_agency_first_bare_agency_and_dashed_datelines() {
        let s = |x: &str| Some(x.to_string());
        let rules = Rules::new(
            &LoaderConfig::default(),
            &[
                crate::config::PublisherConfig {
                    name: "dpa".into(),
                    aliases: vec![],
                    markers: vec![],
                    date_order: None,
                },
                crate::config::PublisherConfig {
                    name: "Kyodo News".into(),
                    aliases: vec!["Kyodo".into()],
                    markers: vec![],
                    date_order: None,
                },
            ],
        );
        let read_with = |text: &str| {
            parse_dateline(text, &rules).map(|d| {
                (
                    d.place,
                    d.date.map(|x| x.date.iso()),
                    d.agency,
                    text[d.end..].to_string(),
                )
            })
        };
        assert_eq!(
            read_with("(ANSA) - ROMA, 12 MAR - Nel 2020"),
            Some((s("Roma"), s("--03-12"), s("ANSA"), "Nel 2020".into()))
        );
        assert_eq!(
            read_with("TOKYO, March 12 Kyodo - The government"),
            Some((
                s("Tokyo"),
                s("--03-12"),
                s("Kyodo"),
                "The government".into()
            ))
        );
        assert_eq!(
            read_with("Berlin (dpa) - Rettungswagen"),
            Some((s("Berlin"), None, s("dpa"), "Rettungswagen".into()))
        );
        assert_eq!(
            read_with("NAIROBI, Kenya — March 12, 2021 — Almost half"),
            Some((s("Nairobi"), s("2021-03-12"), None, "Almost half".into()))
        );
        // A lower-case word in brackets is no agency unless the site knows it.
        assert_eq!(read("Berlin (see below) - the city"), None);
    }

    #[test]
    fn no_word_of_the_not_places_list_opens_a_dateline() {
        for word in data::NOT_PLACES.iter() {
            let mut chars = word.chars();
            let word: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            let text = format!("{word}, March 3, 2014 – The minister said");
            assert_eq!(read(&text), None, "{text}");
        }
        assert!(read("Ruritania, March 3, 2014 – The minister said").is_some());
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(read("However, the minister said"), None);
        assert_eq!(read("Ministers - and their staff - met"), None);
        assert_eq!(
            read("The Secretary-General today addressed a conference."),
            None
        );
        assert_eq!(read("Today, 10 October, leaders met."), None);
        assert_eq!(read("Despite the atrocities, the world"), None);
    }
}
