//! The title: the headline (without a site's name after a bar or a wire's version tag,
//! and in sentence case when it is all capitals), else one made from the lede.

use super::{LineWarning, Reading};
use crate::load::classify::patterns::is_masthead_line;
use crate::load::date::find_dates;
use crate::load::document::{Evidence, TitleFrom};
use crate::load::lines::is_all_caps;
use crate::load::pattern::compile;
use crate::load::rules::Rules;
use crate::text::word_count;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// "CORRECTED-", "UPDATE 2-": the wire's note on the version, not the headline.
static WIRE_VERSION_TAG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:CORRECTED|CORRECTION|REFILE|REPEAT|RPT|UPDATE\s*\d*|WRAPUP\s*\d*|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|BREAKINGVIEWS|(?:RPT-)?CORRECTED\s*\(OFFICIAL\))\s*[-:]\s*",
    )
});

/// The title, where it came from, and why; a text with no headline is warned about.
pub(crate) fn title(
    reading: &Reading<'_>,
    warnings: &mut Vec<LineWarning>,
) -> Option<(String, TitleFrom, Evidence)> {
    let Some(h) = &reading.found.headline else {
        warnings.push(LineWarning::new(
            None,
            "no headline; the title is made from the lede",
        ));
        return made_from_lede(reading);
    };
    let text = without_site_suffix(&h.text, reading.rules);
    let text = match WIRE_VERSION_TAG.find(&text) {
        Some(tag) if tag.end() < text.len() => text[tag.end()..].to_string(),
        _ => text,
    };
    let text = without_glued_date(&text);
    let title = if is_all_caps(&text) {
        recase(&text, &reading.texts)
    } else {
        text
    };
    Some((
        title,
        TitleFrom::Source,
        Evidence::at(h.no, "headline: the first title-like line"),
    ))
}

/// A release label and date glued to either end of a headline that lost its line break:
/// "… Gerald Ford For Immediate Release: December 27, 2006", "October 24  2007 Members
/// of the Senate …". The headline alone, when words are left.
fn without_glued_date(text: &str) -> String {
    let dates = find_dates(text);
    let mut from = 0;
    let mut to = text.len();
    if let Some(last) = dates.last().filter(|d| d.date.year.is_some()) {
        // Only beside a release label: "…, Rotterdam, 12 March 2021" is a speech's title.
        let after = &text[last.end..];
        let labelled = RELEASE_LABEL_END.is_match(text[..last.start].trim_end())
            || RELEASE_LABEL_START.is_match(after);
        if labelled {
            to = last.start;
        }
    }
    let opening = dates.first().filter(|d| {
        d.date.year.is_some() && d.start == 0 && !text[d.end..].trim_start().starts_with([',', ':'])
    });
    if let Some(first) = opening {
        from = first.end.min(to);
    }
    let head = text[..to].trim_end();
    let head = RELEASE_LABEL_END
        .find(head)
        .map_or(head, |m| &head[..m.start()]);
    let kept = head[from.min(head.len())..]
        .trim_matches(|c: char| c.is_whitespace() || ",:;-–—|".contains(c));
    if word_count(kept) >= 3 {
        kept.to_string()
    } else {
        text.to_string()
    }
}

/// A release label at the end of what is left ("… For Immediate Release:").
static RELEASE_LABEL_END: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\s*(?:for\s+immediate\s+release|news\s+release|press\s+release)\s*:?\s*$")
});

/// A release label right after a date ("December 27, 2006 For Immediate Release").
static RELEASE_LABEL_START: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^\s*(?:for\s+immediate\s+release|news\s+release|press\s+release)\s*:?\s*$")
});

/// A title made from the first paragraph, past its dateline.
fn made_from_lede(reading: &Reading<'_>) -> Option<(String, TitleFrom, Evidence)> {
    let (no, t) = reading.first_paragraph()?;
    let lede = t.get(reading.dateline_end()..).unwrap_or(t);
    made_title(lede).map(|title| {
        (
            title,
            TitleFrom::Made,
            Evidence::at(no, "made from the lede; the text has no headline"),
        )
    })
}

/// A headline with the site's name after a bar ("Drought relief … | Ministry of Water"):
/// the headline alone.
fn without_site_suffix(text: &str, rules: &Rules) -> String {
    match text.rsplit_once(" | ") {
        Some((head, site)) if word_count(head) >= 3 && is_masthead_line(site, rules) => {
            head.trim().to_string()
        }
        _ => text.to_string(),
    }
}

/// A title made from the lede: its first sentence, cut at a clause boundary when long.
fn made_title(lede: &str) -> Option<String> {
    let lede = lede.trim();
    if lede.is_empty() {
        return None;
    }
    let mut sentence_end = lede.len();
    for (i, c) in lede.char_indices() {
        if matches!(c, '.' | '?' | '!')
            && lede[i + 1..].starts_with(' ')
            && i > 20
            && !(c == '.' && ends_abbreviation(&lede[..i]))
        {
            sentence_end = i;
            break;
        }
    }
    let sentence = lede[..sentence_end].trim();
    if sentence.chars().count() <= 100 {
        return Some(sentence.to_string());
    }
    let limit = sentence
        .char_indices()
        .nth(110)
        .map_or(sentence.len(), |(i, _)| i);
    let clause = [", and ", ", but ", "; ", ", "]
        .iter()
        .filter_map(|sep| sentence[..limit].rfind(sep).filter(|&i| i >= 40))
        .next();
    if let Some(cut) = clause {
        return Some(sentence[..cut].trim_end_matches([',', ';']).to_string());
    }
    let cut = sentence[..limit].rfind(' ').unwrap_or(limit);
    Some(format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':'])
    ))
}

/// Whether the text before a full stop ends in an abbreviation, whose stop ends no
/// sentence: initials ("U.S", "D.C", "Daniel K") or a listed one ("Sen", "Jan").
fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let initials = !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    initials || crate::load::data::ABBREVIATIONS.contains(word)
}

/// Sentence case for an all-capitals headline, taking each word's form from the body
/// ("NEW YORK" → "New York", "UN" stays "UN") and lower case otherwise.
fn recase(headline: &str, body: &[&str]) -> String {
    let mut forms: HashMap<String, HashMap<String, usize>> = Default::default();
    for paragraph in body {
        let mut sentence_start = true;
        for word in paragraph.split_whitespace() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !bare.is_empty() && !sentence_start {
                *forms
                    .entry(bare.to_lowercase())
                    .or_default()
                    .entry(bare.to_string())
                    .or_default() += 1;
            }
            sentence_start = word.ends_with(['.', '?', '!', ':']);
        }
    }
    let mut out = String::with_capacity(headline.len());
    for (i, word) in headline.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let start = word
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(word.len());
        let end = word
            .rfind(|c: char| c.is_alphanumeric())
            .map_or(start, |e| {
                e + word[e..].chars().next().map_or(1, char::len_utf8)
            });
        let bare = &word[start..end];
        let form = forms
            .get(&bare.to_lowercase())
            .and_then(|f| {
                f.iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(w, _)| w.clone())
            })
            .unwrap_or_else(|| bare.to_lowercase());
        let form = if i == 0 {
            title_case_first(&form)
        } else {
            form
        };
        out.push_str(&word[..start]);
        out.push_str(&form);
        out.push_str(&word[end..]);
    }
    out
}

/// The word with its first letter in capitals.
fn title_case_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_titles_run_past_initials_and_abbreviations() {
        assert_eq!(
            made_title("Washington, D.C. - U.S. Senator Daniel K. Inouye said today that the bill passed. Then more."),
            Some("Washington, D.C. - U.S. Senator Daniel K. Inouye said today that the bill passed".to_string())
        );
    }

    #[test]
    fn made_titles_cut_at_a_clause() {
        let lede = "UN Secretary-General Ban Ki-moon has declared that defending human rights is a global responsibility, and called on all governments to renew their commitment.";
        let title = made_title(lede).unwrap_or_default();
        assert_eq!(title, "UN Secretary-General Ban Ki-moon has declared that defending human rights is a global responsibility");
        assert!(made_title(&"word ".repeat(100)).is_some_and(|t| t.chars().count() <= 120));
    }

    #[test]
    fn all_caps_headlines_take_the_body_case() {
        let body = ["The conference in New York on mass atrocities heard the UN chief."];
        assert_eq!(
            recase("UN CONFERENCE IN NEW YORK ON MASS ATROCITIES", &body),
            "UN conference in New York on mass atrocities"
        );
    }
}
