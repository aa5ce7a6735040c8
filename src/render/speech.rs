//! The speech-group page: the reports of one speech side by side, or, for a text issued
//! several times and reported by no one, that text once and where it was issued.

use super::context::{
    article_path, event_link, quotes, speech_path, summary, DocumentSummary, LinkView, PageMeta,
    QuoteView, SiteContext,
};
use crate::crosslink::{Collection, LinkKind, SpeechGroup, Verdict};
use crate::load::{DocumentId, PartialDate};
use serde::Serialize;
use std::collections::HashSet;

/// One member on the speech page, beside the others.
#[derive(Debug, Clone, Serialize)]
pub struct ReportColumn {
    pub doc: DocumentSummary,
    pub quotes: Vec<QuoteView>,
    pub paragraphs: Vec<String>,
    /// Linked to the group by its body: the same text as another member.
    pub copy: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    pub a: LinkView,
    pub b: LinkView,
    /// "copy", "report", "occasion" or "hand_set".
    pub kind: LinkKind,
    pub shared_quotes: Vec<String>,
    pub score: usize,
    pub reason: String,
}

/// The speech-group page.
#[derive(Debug, Clone, Serialize)]
pub struct SpeechContext {
    pub site: SiteContext,
    pub page: PageMeta,
    pub id: String,
    /// "Speech", or "Statement" for one text issued several times that no one reports.
    pub kind_label: String,
    pub speaker: Option<String>,
    pub date: Option<String>,
    pub canonical: Option<ReportColumn>,
    pub reports: Vec<ReportColumn>,
    pub evidence: Vec<EvidenceView>,
    /// Members that are copies of one text (linked by their bodies), and who issued
    /// them, where the loader knows.
    pub copies: usize,
    pub issued_by: Vec<String>,
    /// Whether other members report the text rather than copy it.
    pub reported_too: bool,
    /// Every member is a copy of one text: the page shows it once.
    pub copies_only: bool,
    /// The paragraphs of the text the copies carry (its fullest copy).
    pub text: Vec<String>,
    pub event: Option<LinkView>,
    pub verified: usize,
    pub variants: usize,
    pub not_found: usize,
    pub unchecked: usize,
    /// How many quotes the members hold: with none, there is no tally to show.
    pub quote_count: usize,
    pub breadcrumbs: Vec<LinkView>,
    /// What the page holds, in a sentence: "The full text and 3 reports of it."
    pub lede: String,
    /// "The same text, issued 3 times (by UN News); the other documents report it."
    pub copies_lede: Option<String>,
}

fn column(
    site: &SiteContext,
    collection: &Collection,
    copied: &HashSet<&DocumentId>,
    m: usize,
) -> ReportColumn {
    let doc = &collection.documents[m];
    ReportColumn {
        doc: summary(site, doc),
        quotes: quotes(site, collection, m),
        paragraphs: doc.paragraphs().map(str::to_string).collect(),
        copy: copied.contains(&doc.id),
    }
}

pub fn speech(site: &SiteContext, collection: &Collection, g: usize) -> SpeechContext {
    let group = &collection.speech_groups[g];
    let copied = copied_members(group);
    let issued_by = publishers(collection, &copied);
    let copies = copied.len();
    let copies_only = copies >= 2 && copies == group.members.len();
    let canonical_url = group
        .canonical
        .map(|c| site.url(&article_path(&collection.documents[c])));
    // Without a full text, the report that quotes the most leads.
    let mut members: Vec<usize> = group
        .members
        .iter()
        .copied()
        .filter(|&m| Some(m) != group.canonical)
        .collect();
    members.sort_by_key(|&m| m != group.lead);
    let mut reports: Vec<ReportColumn> = members
        .into_iter()
        .map(|m| column(site, collection, &copied, m))
        .collect();
    // The full text is on this page: point to it rather than repeat its headline.
    for quote in reports.iter_mut().flat_map(|r| &mut r.quotes) {
        if quote.against_url.is_some() && quote.against_url == canonical_url {
            quote.against_label = Some(site.text("checked_against_full").to_string());
            quote.against_url = Some("#full-text".to_string());
        }
    }
    let canonical = group
        .canonical
        .map(|c| column(site, collection, &copied, c));
    let count = |v: Verdict| {
        reports
            .iter()
            .chain(&canonical)
            .flat_map(|r| &r.quotes)
            .filter(|q| q.verdict == v)
            .count()
    };
    let lead_doc = &collection.documents[group.lead];
    let title = if copies_only {
        lead_doc.title.clone()
    } else {
        speech_title(site, group)
    };
    let event = group
        .members
        .iter()
        .find_map(|&m| collection.event_of[m])
        .map(|e| &collection.events[e]);
    let (verified, variants, not_found, unchecked) = (
        count(Verdict::Verified),
        count(Verdict::Variant),
        count(Verdict::NotFound),
        count(Verdict::Unchecked),
    );
    let lede = if canonical.is_some() {
        site.count_text("speech_lede_full_n", reports.len())
    } else {
        site.count_text("speech_lede_reports", reports.len())
    };
    let reported_too = copies < group.members.len();
    let copies_lede =
        (copies >= 2).then(|| copies_sentence(site, copies, &issued_by, reported_too));
    SpeechContext {
        lede,
        copies_lede,
        reported_too: copies < group.members.len(),
        copies,
        issued_by,
        copies_only,
        text: lead_doc.paragraphs().map(str::to_string).collect(),
        kind_label: site
            .text(if copies_only { "statement" } else { "speech" })
            .to_string(),
        site: site.clone(),
        page: PageMeta {
            canonical: site.permalink(&speech_path(group)),
            description: description(group, copies_only, &title),
            title,
            og_type: "website",
        },
        id: group.id.0.clone(),
        speaker: group.speaker.clone(),
        date: group.date.map(|d: PartialDate| d.human()),
        canonical,
        verified,
        variants,
        not_found,
        unchecked,
        quote_count: verified + variants + not_found + unchecked,
        reports,
        evidence: evidence(site, collection, group),
        breadcrumbs: speech_breadcrumbs(site, event),
        event: event.map(|e| event_link(site, e)),
    }
}

fn copies_sentence(site: &SiteContext, copies: usize, by: &[String], reported: bool) -> String {
    let mut sentence = site.count_text("copies_lede", copies);
    if !by.is_empty() {
        let by = site.text("copies_by").replace("{name}", &by.join(", "));
        sentence.push_str(&format!(" ({by})"));
    }
    if reported {
        sentence.push_str(&format!("; {}", site.text("copies_reported")));
    }
    sentence.push('.');
    sentence
}

/// Home, all speeches, and the speech's event where it has one.
fn speech_breadcrumbs(
    site: &SiteContext,
    event: Option<&crate::crosslink::Event>,
) -> Vec<LinkView> {
    let mut trail = vec![
        super::stories::home_link(site),
        LinkView {
            title: site.text("nav_speeches").to_string(),
            url: site.url("speeches/"),
        },
    ];
    trail.extend(event.map(|e| event_link(site, e)));
    trail
}

/// "Speech by Jane Doe, 3 March 2005", as far as the group's speaker and date are known.
fn speech_title(site: &SiteContext, group: &SpeechGroup) -> String {
    let name = super::context::speech_name(site, group);
    match group.date {
        Some(d) => format!("{name}, {}", d.human()),
        None => name,
    }
}

fn description(group: &SpeechGroup, copies_only: bool, title: &str) -> String {
    if copies_only {
        format!("“{title}”: one text, issued {} times", group.members.len())
    } else {
        format!(
            "{} reports of one speech, with every quote checked",
            group.members.len()
        )
    }
}

fn evidence(site: &SiteContext, collection: &Collection, group: &SpeechGroup) -> Vec<EvidenceView> {
    let link = |id: &DocumentId| {
        collection.find(id).map_or_else(
            || LinkView {
                title: id.0.clone(),
                url: String::new(),
            },
            |d| LinkView {
                title: d.title.clone(),
                url: site.url(&article_path(d)),
            },
        )
    };
    group
        .evidence
        .iter()
        .map(|e| EvidenceView {
            a: link(&e.a),
            b: link(&e.b),
            kind: e.kind,
            shared_quotes: e.shared_quotes.clone(),
            score: e.score,
            reason: e.reason.clone(),
        })
        .collect()
}

/// The members a group's copy links hold.
fn copied_members(group: &SpeechGroup) -> HashSet<&DocumentId> {
    group
        .evidence
        .iter()
        .filter(|e| e.kind == LinkKind::Copy)
        .flat_map(|e| [&e.a, &e.b])
        .collect()
}

/// The publishers of some members, sorted, each once.
fn publishers(collection: &Collection, ids: &HashSet<&DocumentId>) -> Vec<String> {
    let mut publishers: Vec<String> = ids
        .iter()
        .filter_map(|id| collection.find(id)?.publisher.clone())
        .collect();
    publishers.sort();
    publishers.dedup();
    publishers
}
