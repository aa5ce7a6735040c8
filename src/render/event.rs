//! The event page: the documents about one occurrence in order, and its speeches.

use super::context::{event_path, speech_path, summary, DocumentSummary, PageMeta, SiteContext};
use crate::crosslink::Collection;
use crate::load::PartialDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SpeechLink {
    pub title: String,
    pub url: String,
    pub reports: usize,
    pub reports_label: String,
    pub has_full_text: bool,
}

/// The event page.
#[derive(Debug, Clone, Serialize)]
pub struct EventContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub name: String,
    pub place: Option<String>,
    pub dates: Option<String>,
    pub documents: Vec<DocumentSummary>,
    pub speeches: Vec<SpeechLink>,
    pub evidence: Vec<String>,
    /// schema.org Event, already serialised and safe inside a script element.
    pub json_ld: String,
    pub breadcrumbs: Vec<super::context::LinkView>,
}

fn date_range(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s != e => Some(format!("{} – {}", s.human(), e.human())),
        (Some(s), _) => Some(s.human()),
        (None, Some(e)) => Some(e.human()),
        (None, None) => None,
    }
}

pub fn event(site: &SiteContext, collection: &Collection, e: usize) -> EventContext {
    let event = &collection.events[e];
    let dates = date_range(event.start, event.end);
    EventContext {
        site: site.clone(),
        page: PageMeta {
            title: event.name.clone(),
            canonical: site.permalink(&event_path(event)),
            description: format!(
                "{} documents about {}{}",
                event.members.len(),
                event.name,
                event
                    .place
                    .as_ref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default()
            ),
            og_type: "website",
        },
        name: event.name.clone(),
        place: event.place.clone(),
        dates,
        documents: event
            .members
            .iter()
            .map(|&m| summary(site, &collection.documents[m]))
            .collect(),
        speeches: event
            .speech_groups
            .iter()
            .map(|&g| {
                let group = &collection.speech_groups[g];
                SpeechLink {
                    title: super::context::speech_name(site, group),
                    url: site.url(&speech_path(group)),
                    reports: group.members.len(),
                    reports_label: site.count_text("documents_n", group.members.len()),
                    has_full_text: group.canonical.is_some(),
                }
            })
            .collect(),
        evidence: event.evidence.clone(),
        json_ld: super::structured::event_json_ld(site, event),
        breadcrumbs: vec![
            super::stories::home_link(site),
            super::context::LinkView {
                title: site.text("nav_events").to_string(),
                url: site.url("events/"),
            },
        ],
    }
}
