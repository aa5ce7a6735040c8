//! The rules for the top of a page: the headline (and the masthead it may replace), a
//! briefing's particulars, the browser's print header, capture dates, the date line and
//! a dateline on its own line, bylines and a repeated headline.

use super::near_dates::labelled_updated;
use super::patterns::{
    is_masthead_line, same_headline, title_like, ADVISORY, BYLINE, MEETING_LABEL,
};
use super::{Region, Taken, Walk};
use crate::load::data;
use crate::load::date::{captured_date, is_date_label, standalone_date, DateMatch, PartialDate};
use crate::load::document::{Block, RemovalReason};
use crate::load::fields::dateline::{parse_dateline, title_case, Dateline};
use crate::load::lines::{capitalised_words, ends_sentence, Line};
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use crate::text::word_count;
use regex::Regex;
use std::sync::LazyLock;

/// A briefing's particulars: "Spokesperson for the High Commissioner: Name", "Location:
/// Geneva", "Subject: …".
pub(crate) static PARTICULAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<label>(?i:spokesperson|spokesman|spokeswoman|speaker|briefer)\b[^:]{0,90}|(?i:location|venue|place|subject|topic))\s*:\s*(?P<value>\S.{0,150})$",
    )
});

/// "3/9/21, 2:14 PM<tab>Remarks by … | The White House": a browser's print header.
static PRINT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4}),\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+\S.*$",
    )
});

/// The label of an event's date among its details ("Date:", "When:").
static EVENT_DETAIL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:date|when|day)\s*:\s*$"));

/// The first of `segments` that is, whole, a known place.
pub(super) fn known_place_among<'s>(
    segments: impl Iterator<Item = &'s str>,
    rules: &Rules,
) -> Option<String> {
    segments
        .map(str::trim)
        .find_map(|segment| rules.place_named(segment).map(str::to_string))
}

/// A dateline that gives only a place, read from a whole line.
pub(super) fn place_only(place: String, line: &str) -> Dateline {
    Dateline {
        place: Some(place),
        date: None,
        agency: None,
        end: line.len(),
    }
}

/// "Hagerstown, Maryland": a town the gazetteer does not know, named by its state or
/// country.
pub(super) fn town_and_region(text: &str, rules: &Rules) -> Option<String> {
    let (town, region) = text.trim().split_once(',')?;
    let town = town.trim();
    let capitalised = |s: &str| {
        s.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    (rules.is_region(region)
        && (1..=3).contains(&word_count(town))
        && capitalised(town)
        && !rules.is_region(town))
    .then(|| town.to_string())
}

/// The date of a print header, day and month in the order the publisher's convention
/// settles later (as any numeric date).
fn print_header_date(text: &str) -> Option<DateMatch> {
    if !text.contains(':') || text.len() > 300 {
        return None;
    }
    let caps = PRINT_HEADER.captures(text)?;
    let number = |name: &str| caps.name(name)?.as_str().parse::<u16>().ok();
    let (first, second, year) = (number("a")?, number("b")?, number("y")?);
    let year = i32::from(if year < 100 { 2000 + year } else { year });
    let (first, second) = (u8::try_from(first).ok()?, u8::try_from(second).ok()?);
    let date = PartialDate::ymd(year, second, first);
    let swapped = PartialDate::ymd(year, first, second);
    let (date, ambiguous) = match (date.to_naive(), swapped.to_naive()) {
        (Some(_), Some(_)) if first != second => (date, Some((first, second))),
        (Some(_), _) => (date, None),
        (None, Some(_)) => (swapped, None),
        (None, None) => return None,
    };
    let end = caps.name("y")?.end();
    Some(DateMatch {
        date,
        start: 0,
        end,
        weekday: None,
        ambiguous,
    })
}

/// "Location: Geneva", "Spokesperson for …: Name", "Subject: …": a briefing's
/// particulars above its text. The spokesperson read the text out; the location is
/// where it was given.
pub(super) fn particulars(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.paragraphs_seen() || walk.headline.is_none() {
        return None;
    }
    let text = &line.text;
    let caps = PARTICULAR.captures(text)?;
    let value = caps.name("value").map_or("", |m| m.as_str().trim());
    match caps.name("label").map(|m| m.as_str().to_lowercase()) {
        Some(label) if label.starts_with("spokes") || label.starts_with("speaker") => {
            walk.delivered_by = Some((line.no, value.to_string()));
        }
        Some(label) if ["location", "venue", "place"].contains(&label.as_str()) => {
            let place = known_place_among(value.split(','), walk.rules)
                .or_else(|| town_and_region(value, walk.rules));
            if let (Some(place), None) = (place, &walk.dateline_line) {
                walk.dateline_line = Some((line.clone(), place_only(place, text)));
            }
        }
        _ => {}
    }
    walk.remove(line, RemovalReason::Label)
}

/// "# Headline" in a plain copy of a Markdown page: the headline, whatever its shape.
pub(super) fn markdown_heading(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let heading = line.text.strip_prefix("# ")?;
    if walk.headline.is_some() || walk.paragraphs_seen() {
        return None;
    }
    let heading = heading.trim().to_string();
    walk.headline = Some(Line {
        no: line.no,
        raw: heading.clone(),
        text: heading,
    });
    Some(Taken)
}

/// What a browser prints on every page: the date, time and title at the top (and the
/// address and page number at the foot). They may fall anywhere in the text.
pub(super) fn print_header(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let found = print_header_date(&line.text)?;
    if walk.header_date.is_none() {
        walk.header_date = Some((line.clone(), found));
        walk.capture_labelled = true;
    }
    walk.remove(line, RemovalReason::CaptureDate)
}

/// "Printed on 5 March 2019", "Retrieved …": when the page was copied.
pub(super) fn capture_date(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let found = captured_date(&line.text)?;
    if walk.header_date.is_none() {
        walk.header_date = Some((line.clone(), found));
    }
    walk.capture_labelled = true;
    walk.remove(line, RemovalReason::CaptureDate)
}

/// A line that is only a date: at the very top the page's header date (perhaps when it
/// was copied), else the date line ("Published 5 March 2019"); the same label again
/// under the text opens the footer.
pub(super) fn date_line(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    let found = standalone_date(text).filter(|found| {
        // "Date: Wednesday, October 9" among an advisory's details is content.
        !(walk.paragraphs_seen() && EVENT_DETAIL.is_match(&text[..found.start]))
    })?;
    let label = &text[..found.start];
    let labelled = found.start > 0 && is_date_label(label);
    let updated = labelled_updated(label);
    if labelled && !updated && walk.paragraphs_seen() && walk.date_line.is_some() {
        // "Published 5 March 2019" again under the text: the page's footer.
        walk.region = Region::Footer;
        return walk.remove(line, RemovalReason::Footer);
    }
    // "January 14, 2019 / 10:32 AM": a stamp with the time is when the story went out; a
    // copy's header date has no time.
    let timed = !text[found.end..]
        .trim_matches(|c: char| c.is_whitespace() || ".,|-–—".contains(c))
        .is_empty();
    // Just above a copied page's headline, a date is the story's, not the page's.
    let reason = if walk.headline.is_none()
        && !walk.just_above_headline()
        && walk.region == Region::Header
        && walk.header_date.is_none()
        && !labelled
        && !timed
    {
        walk.header_date = Some((line.clone(), found));
        RemovalReason::CaptureDate
    } else {
        // "Last updated" is no publication date while another date line may follow.
        // Deep in a text whose byline already gave a date, a date alone is a teaser's.
        let teaser = walk.body_begun() && !labelled && walk.has_near_dates();
        let replaces = !teaser
            && walk.date_line.as_ref().is_none_or(|(l, _)| {
                let previous = l.text.as_str();
                labelled_updated(previous) && !updated
            });
        if replaces {
            walk.set_date_line(line, found.clone());
        }
        RemovalReason::DateLine
    };
    walk.remove(line, reason)
}

/// Above the text, a dateline on a line of its own ("LISBON, 27 June 2022"), or a place
/// alone: "ANKARA", "The Kremlin, Moscow" (the known place among a few short names),
/// "Hagerstown, Maryland".
pub(super) fn dateline_line(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.paragraphs_seen() || walk.dateline_line.is_some() {
        return None;
    }
    let text = &line.text;
    if let Some(dateline) = parse_dateline(text, walk.rules)
        .filter(|d| d.date.is_some() && text[d.end..].trim().is_empty())
    {
        walk.dateline_line = Some((line.clone(), dateline));
        return walk.remove(line, RemovalReason::DateLine);
    }
    let short =
        word_count(text) <= 6 && !ends_sentence(text) && !text.chars().any(|c| c.is_ascii_digit());
    // Commas, or the double spaces a crawl left where commas were ("Washington  D C").
    let segments = line
        .raw
        .trim_end_matches([',', '-', '–', '—', ' '])
        .split(',')
        .flat_map(|s| s.split("  "))
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>();
    let place = known_place_among(segments.iter().rev().take(3).copied(), walk.rules)
        .or_else(|| town_and_region(text, walk.rules))
        // Before any headline a place alone may be a masthead ("ANKARA" over a news
        // agency's page), but not in a crawl without punctuation: there the headline was
        // lost, and the text starts with its dateline ("WASHINGTON  D C  Late Thursday").
        .filter(|_| (walk.headline.is_some() || walk.stripped) && short)?;
    walk.dateline_line = Some((line.clone(), place_only(place, text)));
    walk.remove(line, RemovalReason::DateLine)
}

/// The headline again, as pages print it above and in the text.
pub(super) fn repeated_headline(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let repeated = walk
        .headline
        .as_ref()
        .is_some_and(|h| same_headline(&h.text, &line.text));
    if !repeated {
        return None;
    }
    walk.remove(line, RemovalReason::RepeatedHeadline)
}

/// "By Jane Doe" above the text.
pub(super) fn byline(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    let text = &line.text;
    if !(BYLINE.is_match(text) && word_count(text) <= 10 && !walk.paragraphs_seen()) {
        return None;
    }
    walk.bylines.push(text.clone());
    walk.remove(line, RemovalReason::Byline)
}

/// In the page's header: the headline (the first title-like line, or a better one
/// after a masthead taken for it), labels, and a standfirst under the headline. Any other
/// line starts the body, and the rules after this one see it.
pub(super) fn headline(walk: &mut Walk<'_>, line: &Line) -> Option<Taken> {
    if walk.region != Region::Header {
        return None;
    }
    let text = &line.text;
    // Without punctuation, a long line is the text, whatever it ends with.
    let long_unpunctuated = walk.stripped && word_count(text) > STRIPPED_HEADLINE_WORDS;
    if walk.headline.is_none() {
        if word_count(text) < 3 && !ends_sentence(text) {
            return walk.remove(line, RemovalReason::Label);
        }
        if is_office_masthead(text) {
            return walk.remove(line, RemovalReason::Masthead);
        }
        if title_like(line, walk.rules) && !long_unpunctuated {
            walk.headline = Some(line.clone());
            return Some(Taken);
        }
    } else if !walk.headline_forced
        && !long_unpunctuated
        && headline_is_weak(walk)
        && title_like(line, walk.rules)
        && !is_masthead_line(text, walk.rules)
        && word_count(text) > 3
    {
        // The first title-like line was the publisher's name; this is the headline.
        if let Some(masthead) = walk.headline.replace(line.clone()) {
            let reason = if ADVISORY.is_match(&masthead.text) {
                RemovalReason::Label
            } else {
                RemovalReason::Masthead
            };
            walk.remove(&masthead, reason);
        }
        return Some(Taken);
    } else if word_count(text) <= 6
        && (text.ends_with(')') || !ends_sentence(text) || is_lead_in_label(text))
        && !text.ends_with(',')
    {
        return walk.remove(line, RemovalReason::Label);
    } else if !walk.paragraphs_seen()
        && !long_unpunctuated
        && (!walk.stripped || mostly_capitalised(text))
        && title_like(line, walk.rules)
        && !ends_sentence(text)
        && !text.ends_with(',')
        && word_count(text) <= 30
    {
        // A standfirst under the headline: kept, but not as a paragraph.
        return walk.keep(line, Block::Heading(text.clone()));
    }
    walk.region = Region::Body;
    None
}

/// "Legislation Requires State Department to Report …": a subtitle in title case. In a
/// text without punctuation, that is what tells it from a sentence's start.
fn mostly_capitalised(text: &str) -> bool {
    let (capitalised, words) = capitalised_words(text);
    capitalised * 10 >= words * 7
}

/// A text without punctuation has no headline longer than this, in words.
const STRIPPED_HEADLINE_WORDS: usize = 16;

/// "Filter by:", "Contacts:": a few words leading in to a page's controls or details,
/// not a paragraph.
fn is_lead_in_label(text: &str) -> bool {
    text.ends_with(':') && word_count(text) <= 3
}

/// Words of a name after an office title, at most, in an office's masthead.
const MASTHEAD_NAME_WORDS: usize = 3;

/// "Senator Mark Pryor", "U.S. SENATOR PATRICK LEAHY VERMONT", "Senator Graham Press
/// Releases": an office title and a name, maybe with the word for its press page, and
/// nothing else. That is whose page it is, never what happened.
fn is_office_masthead(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let as_title = |w: &str| {
        data::MASTHEAD_OFFICES.contains(w) || data::MASTHEAD_OFFICES.contains(&title_case(w))
    };
    let Some(title) = words.iter().take(3).position(|w| as_title(w)) else {
        return false;
    };
    let before_is_country = words[..title].iter().all(|w| {
        w.trim_matches('.')
            .chars()
            .all(|c| c.is_uppercase() || c == '.')
    });
    let mut rest = &words[title + 1..];
    if let [name @ .., press, _] = rest {
        if ["press", "news"].contains(&press.to_lowercase().as_str()) {
            rest = name;
        }
    }
    before_is_country
        && (1..=MASTHEAD_NAME_WORDS).contains(&rest.len())
        && rest.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// Whether the line taken as the headline is more likely a masthead or a label ("Note
/// to Correspondents", "8228th Meeting (AM)") that a later line should replace.
fn headline_is_weak(walk: &Walk<'_>) -> bool {
    walk.headline.as_ref().is_some_and(|h| {
        let text = h.text.as_str();
        let short_label = word_count(text) <= 3
            && (text.chars().any(|c| c.is_ascii_digit())
                || text.split_whitespace().all(|w| {
                    data::NAME_CONNECTORS.contains(&w.to_lowercase())
                        || w.chars().next().is_some_and(|c| !c.is_lowercase())
                }));
        is_masthead_line(text, walk.rules)
            || ADVISORY.is_match(text)
            || MEETING_LABEL.is_match(text)
            || short_label
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

    #[test]
    fn an_office_title_and_a_name_are_a_masthead_not_a_headline() {
        for masthead in [
            "Senator Mark Pryor",
            "U S SENATOR PATRICK LEAHY VERMONT",
            "Senator Graham Press Relases",
            "U.S. Senator Daniel Akaka",
        ] {
            assert!(is_office_masthead(masthead), "{masthead}");
        }
        for headline in [
            "Senator Graham Statement on Senator Jim DeMint",
            "Senator Pryor urges trade commission to act",
            "Pope John Paul II",
        ] {
            assert!(!is_office_masthead(headline), "{headline}");
        }
    }

    #[test]
    fn every_built_in_region_names_a_towns_state_or_country() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        let regions: Vec<&str> = data::regions().collect();
        assert!(regions.len() > 250);
        for region in regions {
            let line = format!("Hagerstown, {region}");
            assert_eq!(
                town_and_region(&line, &rules).as_deref(),
                Some("Hagerstown"),
                "{line}"
            );
        }
        assert_eq!(town_and_region("Hagerstown, Nowhere", &rules), None);
    }
}
