//! From clean text to document fields: line classification (headline, capture date,
//! dateline, body, caption, furniture), then title, date, place, publisher, kind,
//! people and quotes.

use super::classify;
use super::clean;

use super::data;

use super::date::{find_dates, standalone_date, DateMatch, PartialDate};

use super::document::{
    Block, DatedField, Evidence, Kind, Quote, RemovalReason, RemovedLine, TitleFrom,
};

use super::fields::dateline::{parse_dateline, Dateline};

use super::fields::people::{clean_name, find_people, name_tokens, strip_photo_credit};

use super::fields::quotes::{attribute, find_quoted_spans, looks_like_speech, QuotedSpan};

use super::fields::transcript::find_turns;

use super::classify::patterns::{is_masthead_line, ADVISORY};
use super::lines::{self, is_all_caps, Line};

use super::pattern::compile;

use super::rules::Rules;

use crate::text::{fold, word_count};

use regex::Regex;

use std::sync::LazyLock;

/// A warning about one line (or the whole text when `line` is None).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineWarning {
    pub line: Option<usize>,
    pub message: String,
}

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

/// "…was issued today by Council President …": a text issued on a body's behalf.
static ISSUED_BY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:was|were)\s+issued\s+(?:today\s+)?by\b"));

static FULL_TEXT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bfollowing (?:is|are)\b[^:.]{0,200}\b(?:remarks|message|statement|speech|address)\b|\bthe following (?:[\p{L}-]+\s+){0,4}(?:statement|message|declaration|communiqu[eé]|remarks|text)\s+(?:was|were|is)\s+(?:issued|delivered|made|released)\b|\b(?:this is|the following (?:is|are)|following (?:is|are)|below is|here is|here are)\s+(?:the\s+)?(?:(?:UN\s+)?[\p{L}.-]+(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4}(?:'s|’s)\s+(?:remarks|message|statement|speech|address)\b|the\s+)(?:full\s+|prepared\s+|complete\s+|official\s+)?text\s+of\b|^(?:full text|transcript|as delivered|check against delivery)\b|\btext of (?:the\s+|his\s+|her\s+)?(?:remarks|message|statement|speech|address|video message|opening remarks|keynote)\s+(?:by|of|from|delivered)\b",
    )
});

/// Lines that mark a speech text: "Check against delivery", "As prepared for delivery".
static DELIVERY_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\W*(?:check\s+against\s+delivery|as\s+(?:prepared\s+for\s+)?delivered|as\s+prepared\s+for\s+delivery|embargoed\s+until\s+delivery)\W*$",
    )
});

/// Headlines that name a speech text: "Remarks by …", "Declaration by the High
/// Representative …", "Secretary-General's message to …".
static SPEECH_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:full\s+)?text\s+of\s+(?:the\s+)?)?(?:(?:opening|closing|keynote|welcoming|welcome|video|joint|written)\s+)?(?:remarks|statement|speech|address|declaration|message|keynote|lecture|testimony|briefing|communiqu[eé]|final\s+communiqu[eé]|resolution)\s+(?:by|of|from|issued\s+by|attributable\s+to)\b|^[\p{L} .-]{2,60}(?:'s|’s)\s+(?:(?:opening|closing|keynote|video)\s+)?(?:remarks|statement|speech|address|message)\s+(?:to|at|on|for)\b",
    )
});

/// Who a speech headline says gave it: "Speech by Executive Secretary Kaarin Lepik at …".
static SPEECH_BY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\bby\s+(.+?)(?:\s+(?:at|on|to|in|for|before|during|about)\s|$)")
});

static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bwill\s+(?:be held|be in|be hosted|address|visit|travel|hold|open|attend|take part|participate|deliver|speak|host|launch|convene|meet|chair|lead|brief)\b|\bis scheduled to\b|\bis expected to (?:address|attend|visit|speak|open)\b|\bmedia advisory\b|\bnext week\b",
    )
});

static SPEECH_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{verbs})\b",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});

static TODAY_DATE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\btoday,?\s+$|\bon\s+$|\(\s*$"));

static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:on\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
});

static EVENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:conference|meeting|summit|session|forum|symposium|congress|ceremony|workshop|assembly|dialogue|talks|commemoration|event|visit)\b",
    )
});

/// A named event: capitalised words around an event noun ("International Conference on
/// Genocide Prevention", "High-level Conference on Health Solidarity 12").
static EVENT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\p{Lu}[\p{L}'’-]*\s+){0,5}(?:Conference|Summit|Meeting|Forum|Session|Symposium|Congress|Dialogue|Workshop|Ceremony|Commemoration|Assembly)(?:\s+(?:on|of|for|to|against)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*|\d+)(?:\s+(?:(?:and|of|on|for|the)\s+)?(?:\p{Lu}[\p{L}'’-]*|\d+))*)?",
    )
});

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

/// Reads a document's fields from its decoded text.
pub fn analyse(text: &str, rules: &Rules) -> Analysis {
    let cleaned = clean::clean(text);
    let lines = lines::logical_lines(text, &cleaned);
    // A whole text that arrived as one line (or three) is split at its seams first.
    let run_on = lines.len() <= 3;
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|line| {
            if run_on && line.text.len() > 400 {
                clean::split_run_on(&line, rules)
            } else {
                vec![line]
            }
        })
        .collect();
    let walk = classify::classify(lines, cleaned.removed, rules);
    let mut warnings = Vec::new();

    let first_paragraph = walk.blocks.iter().find_map(|(no, b)| match b {
        Block::Paragraph(t) => Some((*no, t.clone())),
        _ => None,
    });
    let paragraph_dateline: Option<(usize, Dateline)> = first_paragraph
        .as_ref()
        .and_then(|(no, t)| parse_dateline(t, rules).map(|d| (*no, d)));
    let dateline = paragraph_dateline.clone().or_else(|| {
        walk.dateline_line
            .as_ref()
            .map(|(line, d)| (line.no, d.clone()))
    });
    let paragraphs: Vec<(usize, &str)> = walk
        .blocks
        .iter()
        .filter_map(|(no, b)| match b {
            Block::Paragraph(t) => Some((*no, t.as_str())),
            _ => None,
        })
        .collect();
    let paragraph_texts: Vec<&str> = paragraphs.iter().map(|(_, t)| *t).collect();

    // People: paragraphs, captions without photo credits, bylines.
    let captions: Vec<&str> = walk
        .blocks
        .iter()
        .filter_map(|(_, b)| match b {
            Block::Caption(t) => Some(strip_photo_credit(t)),
            _ => None,
        })
        .collect();
    let mut people_sources: Vec<&str> = paragraph_texts.clone();
    people_sources.extend(captions.iter().copied());
    let mut people = find_people(&people_sources, &rules.places);
    // "told Al Jazeera": a publisher is not a person.
    people.retain(|p| rules.publisher_named(p).is_none());

    // Quotes.
    let spans = find_quoted_spans(&paragraph_texts);
    let main_person = people.first().map(String::as_str);
    let speakers_of = attribute(&spans, &paragraph_texts, &people, main_person);
    let quotes: Vec<Quote> = spans
        .iter()
        .zip(speakers_of)
        // A quoted term nobody is said to have spoken ("a “call for action” by the chair")
        // is not a quote; neither is a quoted word or two.
        .filter(|(span, speaker)| {
            word_count(&span.text) >= 3 && (speaker.is_some() || looks_like_speech(&span.text))
        })
        .map(|(span, speaker)| Quote {
            text: span.text.clone(),
            speaker,
            paragraph: span.paragraph,
        })
        .collect();

    // Kind.
    let intro = paragraphs
        .iter()
        .take(3)
        .find(|(_, t)| FULL_TEXT_INTRO.is_match(t));
    let attributed = quotes.iter().filter(|q| q.speaker.is_some()).count();
    let speech_verbs = paragraph_texts
        .iter()
        .filter(|t| SPEECH_VERB.is_match(t))
        .count();
    let delivery_note = walk
        .removed
        .iter()
        .find(|r| DELIVERY_NOTE.is_match(&r.text));
    let speech_title = walk
        .headline
        .as_ref()
        .filter(|h| SPEECH_TITLE.is_match(&h.text) && attributed <= 1);
    let advisory = walk.removed.iter().find(|r| ADVISORY.is_match(&r.text));
    let (kind, kind_evidence) = if let Some((no, _)) = intro {
        (
            Kind::FullText,
            Evidence::at(
                *no,
                "introduced as the text of a speech, message or statement",
            ),
        )
    } else if let Some(note) = delivery_note {
        (
            Kind::FullText,
            Evidence::at(note.line, format!("'{}': a speech text", note.text)),
        )
    } else if let Some(h) = speech_title {
        (
            Kind::FullText,
            Evidence::at(
                h.no,
                "the headline names a speech, statement or declaration by someone",
            ),
        )
    } else if let Some(note) = advisory.filter(|_| attributed == 0) {
        (
            Kind::Announcement,
            Evidence::at(
                note.line,
                format!("'{}': a notice of what will happen", note.text),
            ),
        )
    } else if let Some((no, _)) = paragraphs
        .first()
        .filter(|(_, t)| ANNOUNCEMENT.is_match(t) && !SPEECH_VERB.is_match(t) && attributed == 0)
    {
        (
            Kind::Announcement,
            Evidence::at(
                *no,
                "the lede announces what will happen, and no one is quoted",
            ),
        )
    } else if attributed > 0 || speech_verbs > 0 {
        (
            Kind::Report,
            Evidence::rule(format!(
                "{attributed} attributed quotes, {speech_verbs} paragraphs with speech verbs"
            )),
        )
    } else if dateline.is_some() {
        (
            Kind::Report,
            Evidence::rule("a news dateline opens the text"),
        )
    } else {
        (
            Kind::Other,
            Evidence::rule("no quotes, speech verbs or dateline"),
        )
    };

    // A transcript: its labelled turns are the text itself, and their labels its speakers.
    let context: Vec<&str> = walk
        .headline
        .iter()
        .map(|h| h.text.as_str())
        .chain(paragraph_texts.iter().copied())
        .collect();
    let turns = find_turns(&paragraph_texts, &people, &context);
    // Notes a named spokesperson read out are that person's text.
    let delivered_by = walk
        .delivered_by
        .as_ref()
        .and_then(|(no, value)| Some((*no, clean_name(value, &rules.places)?)));
    let (kind, kind_evidence) = match &delivered_by {
        Some((no, _)) if kind != Kind::FullText => (
            Kind::FullText,
            Evidence::at(
                *no,
                "notes read out by the spokesperson named above the text",
            ),
        ),
        _ => (kind, kind_evidence),
    };
    let (kind, kind_evidence) = match &turns {
        Some(t) if kind != Kind::FullText => (
            Kind::FullText,
            Evidence::rule(format!(
                "{} paragraphs open with a speaker's label: a transcript",
                t.count
            )),
        ),
        _ => (kind, kind_evidence),
    };
    let mut speakers: Vec<String> = Vec::new();
    let delivered = delivered_by.iter().map(|(_, name)| name);
    for speaker in delivered.chain(turns.iter().flat_map(|t| t.speakers.iter())) {
        add_once(&mut people, speaker);
        speakers.push(speaker.clone());
    }
    for speaker in quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        // Whoever is quoted is a person of the text.
        add_once(&mut people, speaker);
        add_once(&mut speakers, speaker);
    }
    // "…was issued today by Council President …": the Council's text, not hers.
    let issued_on_behalf = intro.is_some_and(|(_, t)| ISSUED_BY.is_match(t));
    if kind == Kind::FullText && turns.is_none() && !issued_on_behalf {
        // The speaker a full text names: in its introduction, else in its headline
        // ("Speech by Executive Secretary Kaarin Lepik at …").
        let introduced_by = intro.map(|(_, t)| *t).or_else(|| {
            walk.headline
                .as_ref()
                .and_then(|h| SPEECH_BY.captures(&h.text))
                .and_then(|c| c.get(1))
                .map(|m| m.as_str())
        });
        if let Some(intro_text) = introduced_by {
            if let Some(person) = find_people(&[intro_text], &rules.places).into_iter().next() {
                let person = people
                    .iter()
                    .find(|p| fold(p) == fold(&person))
                    .cloned()
                    .unwrap_or(person);
                // "Van Doorn" in the text is the "Marieke van Doorn" of the headline.
                let tokens = name_tokens(&person);
                match people.iter_mut().find(|p| {
                    let short = name_tokens(p);
                    short.len() <= tokens.len() && short.iter().all(|t| tokens.contains(t))
                }) {
                    Some(known) => known.clone_from(&person),
                    None => people.push(person.clone()),
                }
                if !speakers.contains(&person) {
                    speakers.insert(0, person);
                }
            }
        }
    }

    // Date: the dateline, else a date line under the headline, else "today, 10 October"
    // early in the text, else the page header (which may only be the capture date).
    let mut date: Option<DatedField> = None;
    // The match the date was read from, for a numeric date whose order is settled later.
    let mut date_read: Option<DateMatch> = None;
    if let Some((no, d)) = &dateline {
        if let Some(found) = &d.date {
            date_read = Some(found.clone());
            date = Some(DatedField {
                date: found.date,
                inferred: false,
                evidence: Evidence::at(*no, "dateline"),
            });
        }
    }
    if let Some(field) = date.as_mut().filter(|d| d.date.year.is_none()) {
        // "BEIJING, Jan. 5 (Xinhua) --" under "2019-01-05 14:22|Editor: …" or "Last
        // Updated at February 12, 2019": the dated line above the text gives the year.
        let body_from = first_paragraph.as_ref().map_or(usize::MAX, |(no, _)| *no);
        let dated_lines = walk
            .date_line
            .iter()
            .map(|(line, _)| (line.no, line.text.as_str()))
            .chain(
                walk.removed
                    .iter()
                    .filter(|r| r.line < body_from && r.reason != RemovalReason::CaptureDate)
                    .map(|r| (r.line, r.text.as_str())),
            );
        let year_from = dated_lines.into_iter().find_map(|(no, text)| {
            find_dates(text)
                .into_iter()
                .find_map(|d| {
                    // "12-03-2021" either way round: the year is all that is wanted here.
                    let readings = match d.ambiguous {
                        Some((first, second)) => vec![
                            PartialDate {
                                day: Some(first),
                                month: Some(second),
                                ..d.date
                            },
                            PartialDate {
                                day: Some(second),
                                month: Some(first),
                                ..d.date
                            },
                        ],
                        None => vec![d.date],
                    };
                    readings
                        .into_iter()
                        .find(|r| r.year.is_some() && r.within_days(&field.date, 3))
                })
                .map(|date| (no, date))
        });
        if let Some((no, full)) = year_from {
            field.date.year = full.year.map(|y| {
                // A dateline of 31 December under a stamp of 1 January is last year's.
                if field.date.month == Some(12) && full.month == Some(1) {
                    y - 1
                } else if field.date.month == Some(1) && full.month == Some(12) {
                    y + 1
                } else {
                    y
                }
            });
            field
                .evidence
                .rule
                .push_str(&format!("; the year from line {no}"));
        }
    }
    if date.is_none() {
        if let Some((line, found)) = &walk.date_line {
            date_read = Some(found.clone());
            date = Some(DatedField {
                date: found.date,
                inferred: false,
                evidence: Evidence::at(line.no, "date line"),
            });
        }
    }
    if date.is_none() {
        'search: for (no, t) in paragraphs.iter().take(3) {
            for found in find_dates(t) {
                if TODAY_DATE.is_match(&t[..found.start]) {
                    let from = crate::text::floor_char_boundary(t, found.start.saturating_sub(7));
                    let rule = format!("'{}' in the text", t[from..found.end].trim());
                    date = Some(DatedField {
                        date: found.date,
                        inferred: false,
                        evidence: Evidence::at(*no, rule),
                    });
                    break 'search;
                }
            }
        }
    }
    let mut captured = None;
    if let Some((line, found)) = &walk.header_date {
        let header = DatedField {
            date: found.date,
            inferred: false,
            evidence: Evidence::at(line.no, "date at the top of the page"),
        };
        let earlier_than_header = date
            .as_ref()
            .is_none_or(|d| d.date.sort_key() <= found.date.sort_key() || d.date.year.is_none());
        if walk.capture_labelled {
            captured = Some(DatedField {
                evidence: Evidence::at(line.no, "the page says when it was printed or copied"),
                ..header
            });
        } else if date.is_some() && earlier_than_header {
            captured = Some(DatedField {
                evidence: Evidence::at(
                    line.no,
                    "date at the top of the page, before the headline: when the page was copied",
                ),
                ..header
            });
        } else if date.is_none() {
            warnings.push(LineWarning {
                line: Some(line.no),
                message: "the only date is the one at the top of the page; it may be when the page was copied".to_string(),
            });
            date = Some(header);
        }
    }
    if date.is_none() {
        warnings.push(LineWarning {
            line: None,
            message: "no publication date found".to_string(),
        });
    }

    let weekday = paragraphs.iter().take(2).find_map(|(_, t)| {
        WEEKDAY_WORD
            .captures(t)
            .and_then(|c| c.name("day"))
            .and_then(|d| {
                super::date::WEEKDAY_NAMES
                    .iter()
                    .position(|w| *w == d.as_str())
                    .and_then(|i| u8::try_from(i).ok())
            })
    });

    // Place: the dateline, else an advisory's venue, else the office a masthead names,
    // else "in <place>" in a sentence about an event, else the first "in <place>" early
    // in the text. Places inside quotes are what speakers talk about, not where they are.
    let body_from = first_paragraph.as_ref().map_or(usize::MAX, |(no, _)| *no);
    let place = dateline
        .as_ref()
        .and_then(|(no, d)| d.place.clone().map(|p| (p, Evidence::at(*no, "dateline"))))
        .or_else(|| venue_place(&paragraphs, rules))
        .or_else(|| masthead_place(&walk.removed, body_from, rules))
        .or_else(|| headline_place(walk.headline.as_ref(), rules))
        .or_else(|| {
            // Only now is the narration worth cutting out of every paragraph.
            let narration: Vec<(usize, String)> = paragraphs
                .iter()
                .enumerate()
                .map(|(index, (no, text))| (*no, outside_quotes(index, text, &spans)))
                .collect();
            place_in_text(&narration, rules, true)
                .or_else(|| place_in_text(&narration[..narration.len().min(3)], rules, false))
        });

    // Publisher: the agency in the dateline, a sign-off, else a registry marker.
    let publisher = dateline
        .as_ref()
        .and_then(|(no, d)| {
            d.agency.as_ref().map(|a| {
                (
                    publisher_name(a, rules),
                    Evidence::at(*no, "agency in the dateline"),
                )
            })
        })
        .or_else(|| {
            walk.removed
                .iter()
                .filter(|r| r.reason == RemovalReason::SignOff)
                .find_map(|r| {
                    let agency = r.text.trim_start_matches(['-', '—', '–', ' ']).trim();
                    (r.text.starts_with(['-', '—', '–']) && !agency.is_empty()).then(|| {
                        (
                            publisher_name(agency, rules),
                            Evidence::at(r.line, "agency sign-off"),
                        )
                    })
                })
        })
        .or_else(|| publisher_by_marker(text, rules));
    if publisher.is_none() {
        warnings.push(LineWarning {
            line: None,
            message: "unknown publisher (add it to [[publishers]] in site.toml)".to_string(),
        });
    }
    if let (Some(field), Some((_, found))) = (captured.as_mut(), walk.header_date.as_ref()) {
        if found.ambiguous.is_some() {
            let order = publisher.as_ref().and_then(|(p, _)| rules.date_order(p));
            match found.resolve(order) {
                Some(resolved) => field.date = resolved,
                // Which day a capture was is not worth a guess.
                None => captured = None,
            }
        }
    }
    if let Some(found) = date_read.filter(|d| d.ambiguous.is_some()) {
        let order = publisher.as_ref().and_then(|(p, _)| rules.date_order(p));
        match (found.resolve(order), date.as_mut()) {
            (Some(resolved), Some(field)) => {
                field.date = resolved;
                field
                    .evidence
                    .rule
                    .push_str(" (numeric; the publisher's date_order)");
            }
            _ => {
                let line = date.as_ref().and_then(|d| d.evidence.line);
                date = None;
                warnings.push(LineWarning {
                    line,
                    message: "ambiguous numeric date: day or month first? Set date_order for this publisher in site.toml".to_string(),
                });
            }
        }
    }

    // Title: the headline, else one made from the lede.
    let body_start = paragraph_dateline.as_ref().map_or(0, |(_, d)| d.end);
    let title = match &walk.headline {
        Some(h) => {
            let text = without_site_suffix(&h.text, rules);
            // "CORRECTED-", "UPDATE 2-": the wire's note on the version, not the headline.
            let text = match WIRE_VERSION_TAG.find(&text) {
                Some(tag) if tag.end() < text.len() => text[tag.end()..].to_string(),
                _ => text,
            };
            let title = if is_all_caps(&text) {
                recase(&text, &paragraph_texts)
            } else {
                text
            };
            Some((
                title,
                TitleFrom::Source,
                Evidence::at(h.no, "headline: the first title-like line"),
            ))
        }
        None => first_paragraph.as_ref().and_then(|(no, t)| {
            let lede = t.get(body_start..).unwrap_or(t);
            made_title(lede).map(|title| {
                (
                    title,
                    TitleFrom::Made,
                    Evidence::at(*no, "made from the lede; the text has no headline"),
                )
            })
        }),
    };
    if walk.headline.is_none() {
        warnings.push(LineWarning {
            line: None,
            message: "no headline; the title is made from the lede".to_string(),
        });
    }

    let event_names = event_names(&paragraph_texts);
    Analysis {
        title,
        kind,
        kind_evidence,
        publisher,
        date,
        captured,
        place,
        speakers,
        people,
        quotes,
        body: walk.blocks.into_iter().map(|(_, b)| b).collect(),
        removed: walk.removed,
        warnings,
        event_names,
        weekday,
        dateline_end: body_start,
    }
}

fn publisher_name(written: &str, rules: &Rules) -> String {
    rules
        .publisher_named(written)
        .map_or_else(|| written.to_string(), str::to_string)
}

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

/// An advisory's "Venue: Press Briefing Room, United Nations Headquarters, New York":
/// the last known place on the line.
fn venue_place(paragraphs: &[(usize, &str)], rules: &Rules) -> Option<(String, Evidence)> {
    paragraphs.iter().find_map(|(no, paragraph)| {
        let details = VENUE_LABEL.find(paragraph)?;
        paragraph[details.end()..]
            .split([',', ';', '('])
            .rev()
            .find_map(|part| rules.place_at_start(part.trim()))
            .map(|place| {
                (
                    place.to_string(),
                    Evidence::at(*no, "the venue of the event"),
                )
            })
    })
}

/// Adds `name` to `names` unless it is there already, written the same way or another.
fn add_once(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| fold(n) == fold(name)) {
        names.push(name.to_string());
    }
}

static WIRE_VERSION_TAG: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:CORRECTED|CORRECTION|REFILE|REPEAT|RPT|UPDATE\s*\d*|WRAPUP\s*\d*|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|BREAKINGVIEWS|(?:RPT-)?CORRECTED\s*\(OFFICIAL\))\s*[-:]\s*",
    )
});

static VENUE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:venue|place|location|where)\s*:"));

/// Why a place was taken from a masthead: the office that issued the text, which need not
/// be where a speech it reports was given.
pub const MASTHEAD_PLACE: &str = "the office named in the masthead";

/// A masthead above the text that ends in the issuing office's city: "Department of
/// Public Information • News and Media Division • New York".
fn masthead_place(
    removed: &[RemovedLine],
    body_from: usize,
    rules: &Rules,
) -> Option<(String, Evidence)> {
    removed
        .iter()
        .filter(|r| r.reason == RemovalReason::Masthead && r.line < body_from)
        .find_map(|r| {
            let last = r
                .text
                .split(['•', '|', '·'])
                .map(str::trim)
                .rfind(|s| !s.is_empty())?;
            let place = rules.place_named(last)?;
            Some((place.to_string(), Evidence::at(r.line, MASTHEAD_PLACE)))
        })
}

/// "Speech by … at the Blue Deltas Conference, Rotterdam, 12 March 2021": a known place
/// standing alone between the headline's commas.
fn headline_place(headline: Option<&Line>, rules: &Rules) -> Option<(String, Evidence)> {
    let headline = headline?;
    let segments: Vec<&str> = headline.text.split(',').map(str::trim).collect();
    segments
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(i, segment)| {
            // A known place, or a capitalised name the headline dates: "…, Rotterdam, 12
            // March 2021".
            let known = rules.place_named(segment).map(str::to_string);
            let dated_next = segments
                .get(i + 1)
                .is_some_and(|next| standalone_date(next).is_some());
            let named = (dated_next
                && (1..=3).contains(&word_count(segment))
                && segment
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)))
            .then(|| segment.to_string());
            known.or(named).map(|place| {
                (
                    place,
                    Evidence::at(headline.no, "the place the headline names"),
                )
            })
        })
}

/// The paragraph with every quoted span cut out (each replaced by "…"), so that only the
/// narrator's words remain.
fn outside_quotes(index: usize, text: &str, spans: &[QuotedSpan]) -> String {
    let mut narration = String::with_capacity(text.len());
    let mut from = 0;
    for span in spans
        .iter()
        .filter(|s| s.paragraph <= index && s.end_paragraph >= index)
    {
        let start = if span.paragraph == index {
            span.open_at
        } else {
            0
        };
        let end = if span.end_paragraph == index {
            span.close_at
        } else {
            text.len()
        };
        if start >= from
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            narration.push_str(&text[from..start]);
            narration.push('…');
            from = end;
        }
    }
    narration.push_str(&text[from..]);
    narration
}

fn place_in_text(
    paragraphs: &[(usize, String)],
    rules: &Rules,
    about_event: bool,
) -> Option<(String, Evidence)> {
    for (no, paragraph) in paragraphs {
        for sentence in paragraph.split(". ") {
            if about_event && !EVENT_NOUN.is_match(sentence) {
                continue;
            }
            let mut rest = sentence;
            while let Some(at) = rest.find("in ") {
                let preceded_by_word = rest[..at].chars().last().is_some_and(char::is_alphanumeric);
                let after = &rest[at + 3..];
                if !preceded_by_word {
                    if let Some(place) = rules.place_at_start(after) {
                        let rule = if about_event {
                            "'in <place>' in a sentence about the event"
                        } else {
                            "'in <place>' early in the text"
                        };
                        return Some((place.to_string(), Evidence::at(*no, rule)));
                    }
                }
                rest = after;
            }
        }
    }
    None
}

/// A title made from the lede: its first sentence, cut at a clause boundary when long.
fn made_title(lede: &str) -> Option<String> {
    let lede = lede.trim();
    if lede.is_empty() {
        return None;
    }
    let mut sentence_end = lede.len();
    for (i, c) in lede.char_indices() {
        if matches!(c, '.' | '?' | '!') && lede[i + 1..].starts_with(' ') && i > 20 {
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

/// Sentence case for an all-capitals headline, taking each word's form from the body
/// ("NEW YORK" → "New York", "UN" stays "UN") and lower case otherwise.
fn recase(headline: &str, body: &[&str]) -> String {
    let mut forms: std::collections::HashMap<String, std::collections::HashMap<String, usize>> =
        Default::default();
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

fn title_case_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Names of conferences, meetings and summits, in order of first mention.
fn event_names(paragraphs: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        for m in EVENT_NAME.find_iter(paragraph) {
            let name = m.as_str().trim();
            let name = name.trim_start_matches("The ").trim();
            let capitalised = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            if capitalised >= 2 && !names.iter().any(|n| fold(n) == fold(name)) {
                names.push(name.to_string());
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

    fn analysed(text: &str) -> Analysis {
        analyse(text, &Rules::new(&LoaderConfig::default(), &[]))
    }

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
