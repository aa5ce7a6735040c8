//! Fields a person sets by hand: TOML front matter between `+++` lines at the top of a
//! source, or a sidecar `NAME.toml` beside it. A sidecar wins over front matter, and both
//! win over what the loader reads; every field set this way is recorded as overridden.

use super::date::PartialDate;
use super::document::{DatedField, Document, Evidence, Kind, TitleFrom};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The fields that can be set by hand.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FieldOverrides {
    pub title: Option<String>,
    /// ISO 8601: "2020-05-04", "2020-05", or "--05-04" for a day without a year.
    pub date: Option<String>,
    pub captured: Option<String>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    /// report | full_text | announcement | other
    pub kind: Option<String>,
    pub speakers: Option<Vec<String>>,
    pub people: Option<Vec<String>>,
    /// Other documents (source paths or ids) that report the same speech.
    pub together: Option<Vec<String>>,
    /// Other documents that are never in this one's speech group.
    pub apart: Option<Vec<String>>,
}

/// A problem in front matter or a sidecar, with the line it is on when known.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideError {
    pub line: Option<usize>,
    pub message: String,
}

fn parse(text: &str, first_line: usize, what: &str) -> Result<FieldOverrides, OverrideError> {
    toml::from_str(text).map_err(|e| OverrideError {
        line: e
            .span()
            .map(|span| first_line + text[..span.start.min(text.len())].matches('\n').count()),
        message: format!("{what}: {}", e.message()),
    })
}

/// What a source's front matter gave: nothing, its fields, or why they cannot be read.
pub type FrontMatter = Option<Result<FieldOverrides, OverrideError>>;

/// Splits TOML front matter off a text. The front matter's lines are blanked rather than
/// removed, so line numbers in diagnostics still match the file; they are blanked even
/// when the TOML is bad, so it never shows up as body text.
pub fn split_front_matter(text: &str) -> (FrontMatter, String) {
    let mut lines = text.split_inclusive('\n');
    let opens = lines.next().is_some_and(|l| l.trim_end() == "+++");
    if !opens {
        return (None, text.to_string());
    }
    let mut toml_text = String::new();
    let mut consumed = 1;
    let mut closed = false;
    for line in lines.by_ref() {
        consumed += 1;
        if line.trim_end() == "+++" {
            closed = true;
            break;
        }
        toml_text.push_str(line);
    }
    if !closed {
        let error = OverrideError {
            line: Some(1),
            message: "front matter opened with +++ is never closed".to_string(),
        };
        return (Some(Err(error)), text.to_string());
    }
    let fields = parse(&toml_text, 2, "front matter");
    let rest: String = lines.collect();
    (Some(fields), format!("{}{rest}", "\n".repeat(consumed)))
}

/// The sidecar of a source file: `NAME.toml` beside `NAME.txt`.
pub fn sidecar_path(source: &Path) -> PathBuf {
    source.with_extension("toml")
}

/// Reads a source's sidecar, if it has one.
pub fn read_sidecar(source: &Path) -> Result<Option<(PathBuf, FieldOverrides)>, OverrideError> {
    let path = sidecar_path(source);
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| OverrideError {
        line: None,
        message: format!("cannot read the sidecar {}: {e}", path.display()),
    })?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let fields = parse(&text, 1, &format!("sidecar {name}"))?;
    Ok(Some((path, fields)))
}

/// Parses a hand-set date.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let number = |s: &str| s.parse::<u32>().ok();
    let date = if let Some(rest) = text.strip_prefix("--") {
        let (m, d) = rest.split_once('-')?;
        PartialDate {
            year: None,
            month: u8::try_from(number(m)?).ok(),
            day: u8::try_from(number(d)?).ok(),
        }
    } else {
        let mut parts = text.split('-');
        let year = i32::try_from(number(parts.next()?)?).ok()?;
        let month = parts
            .next()
            .map(number)
            .map(|m| m.and_then(|m| u8::try_from(m).ok()));
        let day = parts
            .next()
            .map(number)
            .map(|d| d.and_then(|d| u8::try_from(d).ok()));
        if parts.next().is_some() || month == Some(None) || day == Some(None) {
            return None;
        }
        PartialDate {
            year: Some(year),
            month: month.flatten(),
            day: day.flatten(),
        }
    };
    let month_ok = date.month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = match (date.month, date.day) {
        (Some(m), Some(d)) => {
            chrono::NaiveDate::from_ymd_opt(date.year.unwrap_or(2000), u32::from(m), u32::from(d))
                .is_some()
        }
        (None, Some(_)) => false,
        _ => true,
    };
    (month_ok && day_ok).then_some(date)
}

fn parse_kind(text: &str) -> Option<Kind> {
    match text.trim() {
        "report" => Some(Kind::Report),
        "full_text" => Some(Kind::FullText),
        "announcement" => Some(Kind::Announcement),
        "other" => Some(Kind::Other),
        _ => None,
    }
}

/// Sets the hand-set fields on a document; `source` names where they came from
/// ("front matter", "sidecar NAME.toml").
pub fn apply(
    doc: &mut Document,
    fields: FieldOverrides,
    source: &str,
) -> Result<(), OverrideError> {
    let evidence = || Evidence::rule(format!("set in the {source}"));
    let invalid = |field: &str, value: &str, expected: &str| OverrideError {
        line: None,
        message: format!("{source}: {field} `{value}` is not {expected}"),
    };
    let set = |doc: &mut Document, field: &str| {
        if !doc.overrides.iter().any(|f| f == field) {
            doc.overrides.push(field.to_string());
        }
    };
    if let Some(title) = fields.title.filter(|t| !t.trim().is_empty()) {
        doc.title = title.trim().to_string();
        doc.title_from = TitleFrom::Source;
        doc.title_evidence = evidence();
        set(doc, "title");
    }
    for (field, value) in [("date", fields.date), ("captured", fields.captured)] {
        let Some(value) = value else { continue };
        let date = parse_date(&value).ok_or_else(|| {
            invalid(
                field,
                &value,
                "a date such as 2020-05-04, 2020-05 or --05-04",
            )
        })?;
        let dated = Some(DatedField {
            date,
            inferred: false,
            evidence: evidence(),
        });
        if field == "date" {
            doc.date = dated;
        } else {
            doc.captured = dated;
        }
        set(doc, field);
    }
    if let Some(publisher) = fields.publisher {
        doc.publisher = Some(publisher.trim().to_string()).filter(|p| !p.is_empty());
        doc.publisher_evidence = Some(evidence());
        set(doc, "publisher");
    }
    if let Some(place) = fields.place {
        doc.place = Some(place.trim().to_string()).filter(|p| !p.is_empty());
        doc.place_evidence = Some(evidence());
        set(doc, "place");
    }
    if let Some(kind) = fields.kind {
        doc.kind = parse_kind(&kind).ok_or_else(|| {
            invalid(
                "kind",
                &kind,
                "one of report, full_text, announcement, other",
            )
        })?;
        doc.kind_evidence = evidence();
        set(doc, "kind");
    }
    if let Some(together) = fields.together {
        doc.together = together;
        set(doc, "together");
    }
    if let Some(apart) = fields.apart {
        doc.apart = apart;
        set(doc, "apart");
    }
    if let Some(speakers) = fields.speakers {
        doc.speakers = speakers;
        set(doc, "speakers");
    }
    if let Some(people) = fields.people {
        doc.people = people;
        set(doc, "people");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_its_lines_kept_blank() {
        let text = "+++\ntitle = \"Set by hand\"\ndate = \"2020-05-04\"\n+++\nHeadline\n\nBody.\n";
        let (fields, rest) = split_front_matter(text);
        let fields = fields.and_then(Result::ok).unwrap_or_default();
        assert_eq!(fields.title.as_deref(), Some("Set by hand"));
        assert_eq!(fields.date.as_deref(), Some("2020-05-04"));
        assert_eq!(rest.lines().position(|l| l == "Headline"), Some(4));
    }

    #[test]
    fn bad_front_matter_names_its_line() {
        let text = "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\nBody\n";
        let (fields, rest) = split_front_matter(text);
        let error = fields.and_then(Result::err);
        assert_eq!(error.as_ref().and_then(|e| e.line), Some(3));
        assert!(error.is_some_and(|e| e.message.contains("titel")));
        assert!(!rest.contains("titel"), "bad front matter is not body text");
        let (unclosed, _) = split_front_matter("+++\ntitle = \"x\"\nBody\n");
        assert!(unclosed.is_some_and(|f| f.is_err()));
    }

    #[test]
    fn text_without_front_matter_is_untouched() {
        let text = "Headline\n+++\n";
        let (fields, rest) = split_front_matter(text);
        assert!(fields.is_none());
        assert_eq!(rest, text);
    }

    #[test]
    fn hand_set_dates_parse_in_iso_forms_only() {
        assert_eq!(parse_date("2020-05-04"), Some(PartialDate::ymd(2020, 5, 4)));
        assert_eq!(
            parse_date("--10-10").map(|d| d.iso()),
            Some("--10-10".to_string())
        );
        assert_eq!(
            parse_date("2020-05").map(|d| d.iso()),
            Some("2020-05".to_string())
        );
        assert_eq!(parse_date("2020-02-30"), None);
        assert_eq!(parse_date("4 May 2020"), None);
        assert_eq!(parse_date("2020-13-01"), None);
    }
}
