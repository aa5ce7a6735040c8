//! What a group knows and a member does not: the speech's date, a date line's year, the
//! place of the speech and the speaker's full name, each marked inferred.

use super::SpeechGroup;
use crate::load::{DatedField, Document, Evidence, Kind, PartialDate};

/// The date of the speech: the canonical text's, else the earliest dated member's.
pub(crate) fn group_date(documents: &[Document], group: &SpeechGroup) -> Option<PartialDate> {
    if let Some(c) = group.canonical {
        if let Some(d) = &documents[c].date {
            return Some(d.date);
        }
    }
    group
        .members
        .iter()
        .filter_map(|&m| documents[m].date.as_ref().map(|d| d.date))
        .filter(|d| d.year.is_some())
        .min_by_key(PartialDate::sort_key)
        .or_else(|| {
            group
                .members
                .iter()
                .find_map(|&m| documents[m].date.as_ref().map(|d| d.date))
        })
}

/// Fills what a group knows and a member does not: the year of a date line that gives
/// none, and the date of a member that has none. Each is marked inferred.
pub(crate) fn infer_dates(documents: &mut [Document], groups: &[SpeechGroup]) {
    for group in groups {
        infer_years(documents, &group.members, "a report of the same speech");
        let speech_date = group
            .canonical
            .and_then(|c| documents[c].date.as_ref().map(|d| (c, d.date)))
            .or_else(|| {
                group
                    .members
                    .iter()
                    .filter_map(|&m| documents[m].date.as_ref().map(|d| (m, d.date)))
                    .min_by_key(|(_, d)| d.sort_key())
            });
        if let Some((source, date)) = speech_date {
            for &m in &group.members {
                if documents[m].date.is_none() {
                    let rule = format!(
                        "the date of the speech, from {} in the same speech group",
                        documents[source].id
                    );
                    documents[m].date = Some(DatedField {
                        date,
                        inferred: true,
                        evidence: Evidence::rule(rule),
                    });
                }
            }
        }
    }
}

/// Gives each member whose date has a day and month but no year the year that puts it
/// nearest (within a month) to a member's own full date; `relation` says how the two
/// documents are related, for the evidence.
pub(crate) fn infer_years(documents: &mut [Document], members: &[usize], relation: &str) {
    let dated: Vec<(usize, PartialDate)> = members
        .iter()
        .filter_map(|&m| {
            documents[m]
                .date
                .as_ref()
                .filter(|d| d.date.year.is_some() && !d.inferred)
                .map(|d| (m, d.date))
        })
        .collect();
    if dated.is_empty() {
        return;
    }
    for &m in members {
        let Some(current) = documents[m].date.clone() else {
            continue;
        };
        if current.date.year.is_some() || current.date.month.is_none() {
            continue;
        }
        let best = dated
            .iter()
            .flat_map(|&(source, d)| {
                let year = d.year.unwrap_or(0);
                [year - 1, year, year + 1].into_iter().filter_map(move |y| {
                    let candidate = PartialDate {
                        year: Some(y),
                        ..current.date
                    };
                    let distance = (candidate.to_naive()? - d.to_naive()?).num_days().abs();
                    Some((distance, source, candidate))
                })
            })
            .min_by_key(|&(distance, source, _)| (distance, source));
        if let Some((distance, source, candidate)) = best {
            if distance <= 31 {
                let rule = format!(
                    "year from {} ({}), {relation}",
                    documents[source].id,
                    documents[source].date_or_default().iso()
                );
                documents[m].date = Some(DatedField {
                    date: candidate,
                    inferred: true,
                    evidence: Evidence {
                        line: current.evidence.line,
                        rule,
                    },
                });
            }
        }
    }
}

/// Fills a member's missing place, and its missing or shortened speaker, from its speech
/// group: the canonical text's place (else the one most members give) and the group's
/// speaker. Each is listed in the document's `inferred` with the reason in its evidence.
pub(crate) fn infer_places_and_speakers(documents: &mut [Document], groups: &[SpeechGroup]) {
    for group in groups {
        // Where the speech was given: a masthead names where a text was issued instead.
        let place_of_speech = |m: usize| {
            let doc = &documents[m];
            let issued = doc
                .place_evidence
                .as_ref()
                .is_some_and(|e| e.rule == crate::load::fields::place::MASTHEAD_PLACE);
            doc.place.as_deref().filter(|_| !issued)
        };
        let place = group
            .canonical
            .and_then(|c| place_of_speech(c).map(|p| (c, p.to_string())))
            .or_else(|| {
                let mut counts: std::collections::BTreeMap<&str, (usize, usize)> =
                    Default::default();
                for &m in &group.members {
                    if let Some(p) = place_of_speech(m) {
                        counts.entry(p).or_insert((0, m)).0 += 1;
                    }
                }
                counts
                    .into_iter()
                    .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(a.0)))
                    .map(|(p, (_, m))| (m, p.to_string()))
            });
        if let Some((source, place)) = place {
            let from = documents[source].id.clone();
            for &m in &group.members {
                let doc = &mut documents[m];
                if doc.place.is_none() {
                    doc.place = Some(place.clone());
                    doc.place_evidence = Some(Evidence::rule(format!(
                        "inferred: the place of the speech, from {from} in the same speech group"
                    )));
                    doc.inferred.push("place".to_string());
                }
            }
        }
        let Some(speaker) = group.speaker.as_deref() else {
            continue;
        };
        let full = crate::load::fields::people::name_tokens(speaker);
        for &m in &group.members {
            let doc = &mut documents[m];
            let before = doc.speakers.clone();
            if doc.speakers.is_empty() && doc.kind != Kind::Announcement {
                doc.speakers.push(speaker.to_string());
            } else {
                // "Mariam Al Kaabi" in one report is "Mariam Saeed Al Kaabi" in the group.
                for s in &mut doc.speakers {
                    let tokens = crate::load::fields::people::name_tokens(s);
                    if tokens.len() < full.len() && tokens.iter().all(|t| full.contains(t)) {
                        *s = speaker.to_string();
                    }
                }
            }
            if doc.speakers != before {
                doc.inferred.push("speakers".to_string());
            }
        }
    }
}
