//! From a decoded text to a document's fields: the text is cleaned (load/clean), its
//! lines joined (load/lines) and classified (load/classify), then each field is read
//! from what the classifier found (load/fields).

use super::classify;
use super::clean;
use super::collection::SourceHints;
use super::document::{Block, DatedField, Evidence, Kind, Quote, RemovedLine, TitleFrom};
use super::fields::{self, date, events, kind, people, place, publisher, quotes, title};
use super::lines::{self, Line};
use super::page;
use super::rules::Rules;

pub use super::fields::LineWarning;

/// Everything the loader reads from one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub title: Option<(String, TitleFrom, Evidence)>,
    pub kind: Kind,
    pub kind_evidence: Evidence,
    pub publisher: Option<(String, Evidence)>,
    pub date: Option<DatedField>,
    pub captured: Option<DatedField>,
    pub place: Option<(String, Evidence)>,
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub quotes: Vec<Quote>,
    pub body: Vec<Block>,
    pub removed: Vec<RemovedLine>,
    pub warnings: Vec<LineWarning>,
    pub event_names: Vec<String>,
    pub weekday: Option<u8>,
    pub dateline_end: usize,
}

/// Reads a document's fields from its decoded text, on its own.
pub fn analyse(text: &str, rules: &Rules) -> Analysis {
    analyse_with(text, rules, SourceHints::default())
}

/// Reads a document's fields from its decoded text, with what the collection says of its
/// source (its repeated lines, its order of day and month).
pub fn analyse_with(text: &str, rules: &Rules, hints: SourceHints<'_>) -> Analysis {
    let cleaned = clean::clean(text);
    let lines = lines::logical_lines(text, &cleaned);
    // A whole text that arrived as one line (or three), or a crawl's long lines, are
    // split at their seams first; so are the header lines a crawl glued together
    // ("… Northern Illinois  November 13  2007  For Immediate Release  Contact …").
    let run_on = lines.len() <= 3 || cleaned.flattened;
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .flat_map(|(index, line)| {
            let header = index < clean::HEADER_LINES;
            if run_on && (line.text.len() > 400 || header) {
                clean::split_run_on(&line, rules)
            } else {
                vec![line]
            }
        })
        .collect();
    let texts: Vec<&str> = lines.iter().map(|l| l.raw.as_str()).collect();
    let language = page::language::detect(texts.iter().copied());
    // Without punctuation a line's shape says too little to find an article by.
    let frame = if cleaned.stripped {
        None
    } else {
        page::article_frame(&texts, &language, rules, &hints)
    };
    let frame_evidence = frame.as_ref().map(page::Frame::explain);
    let frame = frame.map(|f| classify::ArticleLines {
        headline: f.headline.line,
        end: f.end,
    });
    let found = classify::classify(
        lines,
        cleaned.removed,
        rules,
        frame,
        hints,
        cleaned.stripped,
    );
    let reading = fields::Reading::new(&found, rules);
    let mut warnings = Vec::new();
    let spans = quotes::find_quoted_spans(&reading.texts);
    let people = people::people_of(&reading);
    let quotes = quotes::quotes_of(&spans, &reading.texts, &people);
    let kind = kind::kind_and_speakers(&reading, &quotes, people);
    let dates = date::publication_date(&reading, &mut warnings);
    let weekday = date::weekday(&reading);
    let place = place::place(&reading, &spans);
    let publisher = publisher::publisher(&reading, text, &mut warnings);
    let header_date = found.header_date.as_ref().map(|(_, d)| d);
    let publisher_name = publisher.as_ref().map(|(p, _)| p.as_str());
    let (date, captured) = date::settle_numeric(
        dates,
        publisher_name,
        header_date,
        rules,
        hints,
        &mut warnings,
    );
    let mut title = title::title(&reading, &mut warnings);
    if let (Some((_, TitleFrom::Source, evidence)), Some(why)) = (title.as_mut(), frame_evidence) {
        evidence.rule = why;
    }
    let event_names = events::event_names(&reading.texts);
    let dateline_end = reading.dateline_end();
    Analysis {
        title,
        kind: kind.kind,
        kind_evidence: kind.evidence,
        publisher,
        date,
        captured,
        place,
        speakers: kind.speakers,
        people: kind.people,
        quotes,
        body: found.blocks.into_iter().map(|(_, b)| b).collect(),
        removed: found.removed,
        warnings,
        event_names,
        weekday,
        dateline_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;
    use crate::load::fields::place::MASTHEAD_PLACE;

    fn analysed(text: &str) -> Analysis {
        analyse(text, &Rules::new(&LoaderConfig::default(), &[]))
    }

    #[test]
    fn a_place_inside_a_quote_is_not_where_the_text_is() {
        let doc = analysed(
            "Envoy urges action on food\n\nEnvoy Hana Castillo today addressed the Global Conference on Food.\n\n“Families have waited in Beirut since 2015,” said Castillo.\n\nThe Global Conference on Food brought together 45 delegations in Nairobi.\n",
        );
        assert_eq!(doc.place.map(|(p, _)| p).as_deref(), Some("Nairobi"));
    }

    #[test]
    fn a_masthead_names_the_office_that_issued_the_text() {
        let doc = analysed(
            "Department of Public Information • News and Media Division • New York\n\nSecretary-General Urges Action\n\nThe following is the text of the message of the Secretary-General to the conference in Santiago today, 24 October:\n\nWe must act now, together, for the climate.\n",
        );
        let place = doc.place.map(|(p, e)| (p, e.rule));
        assert_eq!(
            place,
            Some(("New York".to_string(), MASTHEAD_PLACE.to_string()))
        );
    }

    #[test]
    fn wire_version_tags_and_desk_notes_are_not_the_story() {
        let doc = analysed(
            "CORRECTED-Farmers to be paid to fence rivers\n\n(Corrects spelling of minister's name in paragraph 3)\n\nWELLINGTON, March 12 (Reuters) - New Zealand will pay farmers to fence off rivers, the minister said.\n\n($1 = 1.3950 New Zealand dollars)\n",
        );
        assert_eq!(
            doc.title.map(|(t, _, _)| t).as_deref(),
            Some("Farmers to be paid to fence rivers")
        );
        assert_eq!(doc.body.len(), 1);
        assert_eq!(doc.place.map(|(p, _)| p).as_deref(), Some("Wellington"));
    }

    #[test]
    fn html_remnants_and_markdown_links_leave_only_the_text() {
        let doc = analysed(
            "Dams to come down on 40 rivers\n\n<p>OTTAWA, March 12, 2021 /CNW/ - Forty dams will go.<br>The Anglers &amp; Paddlers welcomed it.</p>\n&nbsp;\nRead the [full plan](https://example.org/plan) online.\n",
        );
        let body: Vec<&str> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            body,
            vec![
                "OTTAWA, March 12, 2021 /CNW/ - Forty dams will go.",
                "The Anglers & Paddlers welcomed it.",
                "Read the full plan online.",
            ]
        );
    }

    #[test]
    fn a_language_switcher_is_no_headline() {
        let doc = analysed(
            "العربية 中文 English Français Русский Español\n\nPress briefing notes on water\n\nGENEVA, 12 March 2021 - The Office said wells were failing.\n",
        );
        assert_eq!(
            doc.title.map(|(t, _, _)| t).as_deref(),
            Some("Press briefing notes on water")
        );
    }

    #[test]
    fn a_wire_story_without_headline() {
        let a = analysed("KIGALI, May 3 (Reuters) - Rwanda's president said on Tuesday the talks would go on.\nThe talks resume next week, officials said.\n(Reporting by Jane Doe; Editing by John Roe)\n");
        assert_eq!(a.title.as_ref().map(|t| t.1), Some(TitleFrom::Made));
        assert_eq!(a.place.map(|p| p.0).as_deref(), Some("Kigali"));
        assert_eq!(a.publisher.map(|p| p.0).as_deref(), Some("Reuters"));
        assert_eq!(a.date.map(|d| d.date.iso()).as_deref(), Some("--05-03"));
        assert_eq!(a.body.len(), 2);
        assert_eq!(a.removed.len(), 1);
    }

    #[test]
    fn a_government_release() {
        let text = "FOR IMMEDIATE RELEASE\n\nMinister opens new clinic in Nairobi\n\nNairobi, March 3, 2015 – The Minister of Health today opened a clinic.\n\n“This clinic will serve ten thousand families,” said Minister Grace Wanjiru.\n\n###\n\nContact: press office, +254 20 000 000\n";
        let a = analysed(text);
        assert_eq!(
            a.title.map(|t| t.0).as_deref(),
            Some("Minister opens new clinic in Nairobi")
        );
        assert_eq!(a.date.map(|d| d.date.iso()).as_deref(), Some("2015-03-03"));
        assert_eq!(a.speakers, vec!["Grace Wanjiru"]);
        assert_eq!(a.body.len(), 2);
        assert!(a.removed.iter().any(|r| r.text.starts_with("Contact:")));
    }

    #[test]
    fn only_furniture_gives_an_empty_body() {
        let a = analysed("Skip to main content\n\nShare\n\nFollow us\n\n* *** *\n");
        assert!(a.body.is_empty());
        assert_eq!(a.removed.len(), 4);
        assert!(a.title.is_none());
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "A headline about wrapping\n\nThe first paragraph of a hard-wrapped text runs over\nseveral lines because an editor wrapped it at a fixed\nwidth long ago.\n\nThe second paragraph is wrapped in just the same way\nand carries on over the next line as well.\n\nThe third paragraph also runs over a couple of lines\nso the file looks wrapped throughout.\n";
        let a = analysed(text);
        assert_eq!(a.body.len(), 3, "{:?}", a.body);
    }
}
