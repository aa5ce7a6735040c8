//! Who issued a text: the agency in its dateline, else an agency's sign-off, else a
//! known publisher's marker anywhere in the raw text.

use super::{LineWarning, Reading};
use crate::load::document::{Evidence, RemovalReason};
use crate::load::rules::Rules;

/// The publisher, and why; a text with none is warned about. `text` is the whole text,
/// furniture and all, where a publisher's markers are looked for.
pub(crate) fn publisher(
    reading: &Reading<'_>,
    text: &str,
    warnings: &mut Vec<LineWarning>,
) -> Option<(String, Evidence)> {
    let rules = reading.rules;
    let publisher = reading
        .dateline
        .as_ref()
        .and_then(|(no, d)| {
            d.agency.as_ref().map(|a| {
                (
                    publisher_name(a, rules),
                    Evidence::at(*no, "agency in the dateline"),
                )
            })
        })
        .or_else(|| sign_off_agency(reading))
        .or_else(|| publisher_by_marker(text, rules));
    if publisher.is_none() {
        warnings.push(LineWarning::new(
            None,
            "unknown publisher (add it to [[publishers]] in site.toml)",
        ));
    }
    publisher
}

/// "-- Reuters" set aside as a sign-off: the agency that filed the story.
fn sign_off_agency(reading: &Reading<'_>) -> Option<(String, Evidence)> {
    reading
        .found
        .removed
        .iter()
        .filter(|r| r.reason == RemovalReason::SignOff)
        .find_map(|r| {
            let agency = r.text.trim_start_matches(['-', '—', '–', ' ']).trim();
            (r.text.starts_with(['-', '—', '–']) && !agency.is_empty()).then(|| {
                (
                    publisher_name(agency, reading.rules),
                    Evidence::at(r.line, "agency sign-off"),
                )
            })
        })
}

/// The registry's name for a publisher written as `written`, else `written` itself.
fn publisher_name(written: &str, rules: &Rules) -> String {
    rules
        .publisher_named(written)
        .map_or_else(|| written.to_string(), str::to_string)
}

/// The first known publisher whose marker the text holds, with the marker's line.
fn publisher_by_marker(text: &str, rules: &Rules) -> Option<(String, Evidence)> {
    rules.publishers.iter().find_map(|p| {
        p.markers.iter().find_map(|marker| {
            let at = text.find(marker.as_str())?;
            let line = text[..at].matches('\n').count() + 1;
            Some((
                p.name.clone(),
                Evidence::at(line, format!("marker '{marker}'")),
            ))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

    #[test]
    fn every_built_in_publisher_marker_names_its_publisher() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        for p in crate::load::data::PUBLISHERS.iter() {
            for marker in &p.markers {
                let text = format!("A headline\n\nThe text.\n\n{marker}\n");
                let found = publisher_by_marker(&text, &rules).map(|(name, _)| name);
                assert_eq!(found.as_deref(), Some(p.name.as_str()), "{marker}");
            }
        }
    }
}
