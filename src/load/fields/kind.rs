//! What sort of text it is (a report, the full text of a speech, an announcement) and,
//! for a full text, who speaks it: the spokesperson who read it out, a transcript's
//! labelled speakers, the speaker its introduction or headline names.

use super::people::{add_once, clean_name, find_people, name_tokens};
use super::transcript::find_turns;
use super::Reading;
use crate::load::classify::patterns::ADVISORY;
use crate::load::data;
use crate::load::document::{Evidence, Kind, Quote};
use crate::load::pattern::{compile, may_hold_any};
use crate::text::fold;
use regex::Regex;
use std::sync::LazyLock;

/// "…was issued today by Council President …": a text issued on a body's behalf.
static ISSUED_BY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:was|were)\s+issued\s+(?:today\s+)?by\b"));

/// An introduction that says the text is a speech's or a statement's: "The following is
/// the text of the Secretary-General's message to …", "Full text", "As delivered".
static FULL_TEXT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bfollowing (?:is|are)\b[^:.]{0,200}\b(?:remarks|message|statement|speech|address)\b|\bthe following (?:[\p{L}-]+\s+){0,4}(?:statement|message|declaration|communiqu[eé]|remarks|text)\s+(?:was|were|is)\s+(?:issued|delivered|made|released)\b|\b(?:this is|the following (?:is|are)|following (?:is|are)|below is|here is|here are)\s+(?:the\s+)?(?:(?:UN\s+)?[\p{L}.-]+(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4}(?:'s|’s)\s+(?:remarks|message|statement|speech|address)\b|the\s+)(?:full\s+|prepared\s+|complete\s+|official\s+)?text\s+of\b|^(?:full text|transcript|as delivered|check against delivery)\b|\btext of (?:the\s+|his\s+|her\s+)?(?:remarks|message|statement|speech|address|video message|opening remarks|keynote)\s+(?:by|of|from|delivered)\b",
    )
});

/// A word every match of FULL_TEXT_INTRO has ("full text" has "text").
const FULL_TEXT_INTRO_WORDS: &[&str] = &[
    "following",
    "text",
    "transcript",
    "as delivered",
    "check against delivery",
];

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

/// A lede that announces what will happen: "will address", "is scheduled to".
static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bwill\s+(?:be held|be in|be hosted|address|visit|travel|hold|open|attend|take part|participate|deliver|speak|host|launch|convene|meet|chair|lead|brief)\b|\bis scheduled to\b|\bis expected to (?:address|attend|visit|speak|open)\b|\bmedia advisory\b|\bnext week\b",
    )
});

/// A speech verb in a paragraph: someone is reported as saying something.
static SPEECH_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{verbs})\b",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});

/// The kind of a text, why, and who speaks it, with the people it names.
pub(crate) struct KindAndSpeakers {
    pub kind: Kind,
    pub evidence: Evidence,
    /// Who speaks: a full text's speaker, and everyone quoted.
    pub speakers: Vec<String>,
    /// The people the text names, its speakers among them.
    pub people: Vec<String>,
}

/// The kind of the text and its speakers; `people` are those its paragraphs name, and
/// the speakers are added to them.
pub(crate) fn kind_and_speakers(
    reading: &Reading<'_>,
    quotes: &[Quote],
    mut people: Vec<String>,
) -> KindAndSpeakers {
    let rules = reading.rules;
    let (kind, evidence, intro) = kind_of(reading, quotes);
    // A transcript: its labelled turns are the text itself, and their labels its speakers.
    let context: Vec<&str> = reading
        .found
        .headline
        .iter()
        .map(|h| h.text.as_str())
        .chain(reading.texts.iter().copied())
        .collect();
    let turns = find_turns(&reading.texts, &people, &context);
    // Notes a named spokesperson read out are that person's text.
    let delivered_by = reading
        .found
        .delivered_by
        .as_ref()
        .and_then(|(no, value)| Some((*no, clean_name(value, &rules.places)?)));
    let (kind, evidence) = match &delivered_by {
        Some((no, _)) if kind != Kind::FullText => (
            Kind::FullText,
            Evidence::at(
                *no,
                "notes read out by the spokesperson named above the text",
            ),
        ),
        _ => (kind, evidence),
    };
    let (kind, evidence) = match &turns {
        Some(t) if kind != Kind::FullText => (
            Kind::FullText,
            Evidence::rule(format!(
                "{} paragraphs open with a speaker's label: a transcript",
                t.count
            )),
        ),
        _ => (kind, evidence),
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
        full_text_speaker(reading, intro, &mut people, &mut speakers);
    }
    KindAndSpeakers {
        kind,
        evidence,
        speakers,
        people,
    }
}

/// The kind the text's own words give, and the introduction that names it a full text,
/// if one of the first paragraphs does.
fn kind_of<'a>(
    reading: &Reading<'a>,
    quotes: &[Quote],
) -> (Kind, Evidence, Option<(usize, &'a str)>) {
    let (paragraphs, found) = (&reading.paragraphs, reading.found);
    let intro = paragraphs
        .iter()
        .take(3)
        .find(|(_, t)| may_hold_any(t, FULL_TEXT_INTRO_WORDS) && FULL_TEXT_INTRO.is_match(t))
        .copied();
    let attributed = quotes.iter().filter(|q| q.speaker.is_some()).count();
    let speech_verbs = reading
        .texts
        .iter()
        .filter(|t| SPEECH_VERB.is_match(t))
        .count();
    let delivery_note = found
        .removed
        .iter()
        .find(|r| DELIVERY_NOTE.is_match(&r.text));
    let speech_title = found
        .headline
        .as_ref()
        .filter(|h| SPEECH_TITLE.is_match(&h.text) && attributed <= 1);
    let advisory = found.removed.iter().find(|r| ADVISORY.is_match(&r.text));
    let (kind, evidence) = if let Some((no, _)) = intro {
        (
            Kind::FullText,
            Evidence::at(
                no,
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
    } else if reading.dateline.is_some() {
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
    (kind, evidence, intro)
}

/// The speaker a full text names: in its introduction, else in its headline ("Speech by
/// Executive Secretary Kaarin Lepik at …"). The speaker leads the speakers, and a
/// shorter mention among the people ("Van Doorn") becomes the full name.
fn full_text_speaker(
    reading: &Reading<'_>,
    intro: Option<(usize, &str)>,
    people: &mut Vec<String>,
    speakers: &mut Vec<String>,
) {
    let introduced_by = intro.map(|(_, t)| t).or_else(|| {
        reading
            .found
            .headline
            .as_ref()
            .and_then(|h| SPEECH_BY.captures(&h.text))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str())
    });
    let Some(intro_text) = introduced_by else {
        return;
    };
    let Some(person) = find_people(&[intro_text], &reading.rules.places)
        .into_iter()
        .next()
    else {
        return;
    };
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
