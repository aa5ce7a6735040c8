//! From clean text to document fields: line classification (headline, capture date,
//! dateline, body, caption, furniture), then title, date, place, publisher, kind,
//! people and quotes.

use super::clean;
use super::data;
use super::date::{
    captured_date, find_dates, is_date_label, standalone_date, DateMatch, PartialDate,
};
use super::document::{
    Block, DatedField, Evidence, Kind, Quote, RemovalReason, RemovedLine, TitleFrom,
};
use super::fields::dateline::{parse_dateline, Dateline};
use super::fields::people::{clean_name, find_people, name_tokens, strip_photo_credit};
use super::fields::quotes::{attribute, find_quoted_spans, looks_like_speech, QuotedSpan};
use super::fields::transcript::find_turns;
use super::lines::{self, ends_sentence, is_all_caps, letters, Line};
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

/// Where in the page the walk is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Region {
    Header,
    Body,
    Footer,
}

static IMAGE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b\d{2,4}px\b|\d{2,4}x\d{2,4}|icon|\.(?:jpe?g|png|gif|svg)\b"));
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:--|—|–|-)\s*\p{Lu}[\p{L}/&. -]{1,40}|[a-z]{1,4}(?:/[a-z]{1,4})+|\(?editors?\s*:.*|\(ends?\)|\(end\)|enditem|\p{Lu}{2,6}(?:\s*/\s*\p{Lu}[\p{L}.' -]{1,30}){1,3})$",
    )
});
/// The staff credits that close a wire story: "Reporting by …; Editing by …",
/// "Associated Press writer Jane Doe in Eldoret contributed to this report."
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|translated|research)\s+by\b[^.]*\)?\.?$|^[^.]{0,120}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\b\.?$",
    )
});
/// "GENEVA (Reuters) - ... the region. Enditem": a sign-off run into the last paragraph.
static TRAILING_SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\s+(?:Enditem|ENDITEM|\(END\)|\(end\))\s*$"));
/// United Nations document symbols: "SG/SM/18960", "OBV/1790", "NOTE/6519", "CMW14/001F".
static DOCUMENT_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:\p{Lu}[\p{Lu}\d.]{1,9}(?:/[\p{Lu}\d.-]{1,12}){1,4}\s*)+$"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^[Bb]y\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|\||-|–).*)?$")
});
/// How a caption or credit opens: "Photo: …", "File photo - …", "UN Photo/…".
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\(?(?:(?:file\s+)?photo(?:graph)?|picture|image|caption)\s*(?:caption|credit)?\s*[:.\-–—]|^\(?(?:\p{Lu}\p{L}*\s+)?Photo\s*/",
    )
});
/// How a caption or credit ends: "© 2019 Jane Doe", "(Photo: …)", "AP Photo/Jane Doe".
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)©\s*(?:\d{4}\s+)?\p{Lu}[^.]{0,60}$|\((?:photo|photograph|image|credit)\s*:[^)]{1,60}\)\s*$|\b(?:UN|AP|AFP|Reuters|EPA|Getty)\s+Photo\s*/\s*\p{Lu}[^.]{0,40}\.?$",
    )
});
/// A caption that ends in an agency's photo credit: "A woman collects rainwater on an
/// atoll in Tuvalu. UNEP/Losana Vuki".
static CREDITED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\s\p{Lu}{2,10}\s*/\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'-]+){0,3}\.?$")
});

/// Whether a line is a photo caption or credit.
fn is_caption(text: &str) -> bool {
    // Only a line's first and last words can make it a caption, so only they are searched.
    let head_to = text.char_indices().nth(40).map_or(text.len(), |(i, _)| i);
    let tail = text_tail(text, 120);
    CAPTION_START.is_match(&text[..head_to])
        || CAPTION_END.is_match(tail)
        || (tail.contains('/') && word_count(text) >= 5 && CREDITED_CAPTION.is_match(tail))
        || (text.len() <= 400 && trailing_photo_credit(text))
}

/// The last `chars` characters of `text`.
fn text_tail(text: &str, chars: usize) -> &str {
    let from = text.char_indices().rev().nth(chars).map_or(0, |(i, _)| i);
    &text[from..]
}

/// Whether a line ends in a photo credit; only its last words are searched.
fn trailing_photo_credit(text: &str) -> bool {
    let tail = text_tail(text, 140);
    (text.ends_with([')', ']']) || tail.contains(':'))
        && word_count(text) >= 8
        && TRAILING_PHOTO_CREDIT.is_match(tail)
}

/// A briefing's particulars: "Spokesperson for the High Commissioner: Name", "Location:
/// Geneva", "Subject: …".
static PARTICULAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<label>(?i:spokesperson|spokesman|spokeswoman|speaker|briefer)\b[^:]{0,90}|(?i:location|venue|place|subject|topic))\s*:\s*(?P<value>\S.{0,150})$",
    )
});

/// The first of `segments` that is, whole, a known place.
fn known_place_among<'s>(segments: impl Iterator<Item = &'s str>, rules: &Rules) -> Option<String> {
    segments
        .map(str::trim)
        .find_map(|segment| rules.place_named(segment).map(str::to_string))
}

/// A dateline that gives only a place, read from a whole line.
fn place_only(place: String, line: &str) -> Dateline {
    Dateline {
        place: Some(place),
        date: None,
        agency: None,
        end: line.len(),
    }
}

/// "Hagerstown, Maryland": a town the gazetteer does not know, named by its state or
/// country.
fn town_and_region(text: &str, rules: &Rules) -> Option<String> {
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

/// "3/9/21, 2:14 PM<tab>Remarks by … | The White House": a browser's print header.
static PRINT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4}),\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+\S.*$",
    )
});
/// "https://www.example.org/news/story/<tab>1/2": a browser's print footer.
static PRINT_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:https?://|www\.)\S+\s+\d{1,3}/\d{1,3}$"));

/// "…was issued today by Council President …": a text issued on a body's behalf.
static ISSUED_BY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:was|were)\s+issued\s+(?:today\s+)?by\b"));

/// A box of links to other stories set into the body: "Read also", "Keep reading".
static LINK_BOX: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:read\s+also|also\s+read|read\s+more|keep\s+reading|related(?:\s+\w+)?|more\s+on\s+this(?:\s+\w+)?|(?:à\s+)?lire\s+aussi|leggi\s+anche)\s*:?$",
    )
});
/// "list 1 of 4", "end of list": a link box's own labels.
static LINK_BOX_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:list\s+\d+\s+of\s+\d+|end\s+of\s+list)$"));

/// A web address alone on a line: where the page was, not what it says.
static BARE_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:https?://|www\.)[^\s]{3,500}$"));

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

/// The heading of an organisation's boilerplate at the foot of a release.
static ABOUT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:About|ABOUT|À propos (?:de|du|d['’])|Acerca de|Sobre)\s+(?:the\s+|THE\s+)?\p{Lu}[\p{L}\d&.,'’ -]{1,70}:?$",
    )
});

/// A reporter's note at the foot of a story: who they are and how to reach them.
fn is_author_note(text: &str) -> bool {
    text.contains('@') && word_count(text) <= 40 && AUTHOR_NOTE.is_match(text)
}

static AUTHOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:reach|contact|email|e-mail|write to)\s+(?:him|her|them|me|the\s+author)?\s*(?:at|on|via)?\s*[\w.+-]+@[\w-]+\.[\w.]+",
    )
});

/// A picture's description that ends in its credit: "… on Friday afternoon. Photo: Luis
/// Ortega / Tamarack Valley Sentinel", "… in Tokyo on March 12, 2021. (Kyodo)".
static TRAILING_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\s\[(?:File:\s*)?[^\[\]]{1,60}/[^\[\]]{1,40}\]$)|[.!?]\s+(?:(?:Photo|Picture|Image|Foto|Photograph)(?:\s+credit)?\s*:\s*\p{Lu}[^.:]{1,80}|\((?:\p{Lu}[\p{L}&-]*(?:\s+Photo)?(?:\s*/\s*[^()]{1,40})?)\))\s*$",
    )
});

static FULL_TEXT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\bfollowing (?:is|are)\b[^:.]{0,200}\b(?:remarks|message|statement|speech|address)\b|\bthe following (?:[\p{L}-]+\s+){0,4}(?:statement|message|declaration|communiqu[eé]|remarks|text)\s+(?:was|were|is)\s+(?:issued|delivered|made|released)\b|\b(?:this is|the following (?:is|are)|following (?:is|are)|below is|here is|here are)\s+(?:the\s+)?(?:(?:UN\s+)?[\p{L}.-]+(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4}(?:'s|’s)\s+(?:remarks|message|statement|speech|address)\b|the\s+)(?:full\s+|prepared\s+|complete\s+|official\s+)?text\s+of\b|^(?:full text|transcript|as delivered|check against delivery)\b|\btext of (?:the\s+|his\s+|her\s+)?(?:remarks|message|statement|speech|address|video message|opening remarks|keynote)\s+(?:by|of|from|delivered)\b",
    )
});
/// "Last updated", "Modified": a date that is not when the text was published.
static UPDATED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:updated|modified|revised|edited)\b"));
/// The label of an event's date among its details ("Date:", "When:").
static EVENT_DETAIL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s*(?:date|when|day)\s*:\s*$"));
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
/// Labels of notices sent ahead of an event.
/// "71st & 72nd Meetings (AM & PM)": the meeting a UN release covers, above its headline.
static MEETING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\d+(?:st|nd|rd|th)\s*(?:(?:&|and|-|–)\s*\d+(?:st|nd|rd|th)\s*)?meetings?\s*(?:\((?:am|pm)(?:\s*(?:&|and)\s*pm)?\))?$",
    )
});
static ADVISORY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\W*(?:media\s+advisory|advisory|notice\s+to\s+(?:the\s+)?media|photo\s+opportunity|programme\s+notice|note\s+to\s+correspondents)\W*$",
    )
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

fn is_decoration(text: &str) -> bool {
    letters(text) == 0 && text.chars().count() <= 40
}

/// Navigation trails and mastheads: three or more short segments between bars or bullets,
/// or a line that ends in a bar.
fn is_masthead(text: &str) -> bool {
    let segments: Vec<&str> = text
        .split(['•', '|', '·', '»', '›', '>'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let short = segments
        .iter()
        .all(|s| word_count(s) <= 8 && !s.ends_with('.'));
    let edged = text.ends_with('|') || text.starts_with('|');
    short
        && (segments.len() >= 3
            || (edged && segments.len() >= 2)
            || (segments.len() == 2 && text.contains('•')))
}

/// A menu laid out with wide gaps: "Home    Topics    Audio Hub    Videos", a row of
/// language names or share buttons. Prose padded by a crawler has long segments or
/// lower-case ones.
fn is_spaced_menu(raw: &str) -> bool {
    let segments: Vec<&str> = raw
        .split("   ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    segments.len() >= 3
        && segments.iter().all(|s| {
            word_count(s) <= 4
                && s.chars().take(3).any(char::is_uppercase)
                && !s.ends_with(['.', ',', ';', ':'])
        })
}

/// A language switcher: "العربية 中文 English Français Русский Español", "Select language:
/// EN | FR | ES".
fn is_language_row(text: &str) -> bool {
    if text.len() > 300 {
        return false;
    }
    // Most lines fail on their first word; only a likely row is folded whole.
    let first = text
        .split(|c: char| c.is_whitespace() || "|/·•,:".contains(c))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if first.len() > 24 {
        return false;
    }
    let first = fold(first);
    if !(data::LANGUAGE_NAMES.contains(&first)
        || first == "select"
        || first.starts_with("language"))
    {
        return false;
    }
    let folded = fold(text);
    let rest = folded
        .strip_prefix("select language")
        .or_else(|| folded.strip_prefix("languages"))
        .or_else(|| folded.strip_prefix("language"))
        .unwrap_or(&folded);
    let names: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || "|/·•,:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    names.len() >= 3 && names.len() <= 30 && names.iter().all(|w| data::LANGUAGE_NAMES.contains(w))
}

fn is_nav_word(word: &str) -> bool {
    data::NAV_WORDS.contains(&fold(word))
}

/// A menu or breadcrumb: nothing but navigation words ("Home News Press releases Contact").
fn is_menu(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 3 && words.iter().all(|w| is_nav_word(w))
}

/// How many leading words of a paragraph are a menu glued onto it.
fn glued_menu_words(text: &str) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let run = words.iter().take_while(|w| is_nav_word(w)).count();
    let sentence_follows = words.get(run).is_some_and(capitalised);
    if run >= 3 && words.first().is_some_and(capitalised) && sentence_follows {
        run
    } else {
        0
    }
}

/// A masthead rather than a headline: an organisation's name ("Department of Coastal
/// Communities"), a known publisher, a "Press release" label, or a menu.
fn is_masthead_line(text: &str, rules: &Rules) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = !text.contains([':', '?', '!', '“', '"'])
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            data::NAME_CONNECTORS.contains(&w.to_lowercase())
                || w.chars().next().is_some_and(char::is_uppercase)
        });
    // "United Nations Regional Information Centre for Western Europe": a longer name
    // is an organisation's when it says so.
    let org_like = capitalised
        && (words.len() <= 6
            || (words.len() <= 10
                && words
                    .iter()
                    .any(|w| data::ORGANISATION_NOUNS.contains(&fold(w)))));
    org_like
        || rules.publisher_named(text).is_some()
        || rules.is_publisher_marker(text)
        || (words.len() <= 8 && RELEASE_LABEL.is_match(text))
        || is_menu(text)
}

static RELEASE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:press|news|media)\s+(?:release|statement|advisory)s?\b|\bcommuniqu[ée]\b")
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

fn same_headline(a: &str, b: &str) -> bool {
    let ka: String = fold(a).chars().filter(|c| c.is_alphanumeric()).collect();
    let kb: String = fold(b).chars().filter(|c| c.is_alphanumeric()).collect();
    !ka.is_empty() && ka == kb
}

/// Whether a line can be a headline: a handful of words that do not end like a sentence
/// and do not open with a dateline.
fn title_like(line: &Line, rules: &Rules) -> bool {
    let words = word_count(&line.text);
    (2..=40).contains(&words)
        && line.text.chars().count() <= 300
        && !line.text.ends_with('.')
        && parse_dateline(&line.text, rules).is_none_or(|d| {
            // "UNHCR - The UN Refugee Agency" reads like "GENEVA - The …" but is a
            // masthead: a dateline has a date, an agency or a sentence after it.
            d.date.is_none() && d.agency.is_none() && word_count(&line.text[d.end..]) <= 8
        })
        && !is_caption(&line.text)
}

/// A body line that is a subheading, or a footer line if no paragraph follows it. A
/// "Field: value" line ("Time: 10:30") is content, not a heading.
fn short_label(text: &str) -> bool {
    word_count(text) <= 8
        && !ends_sentence(text)
        && !text.ends_with(',')
        && !FIELD_VALUE.is_match(text)
}

static FIELD_VALUE: LazyLock<Regex> = LazyLock::new(|| compile(r"^[\p{L} ]{2,20}:\s+\S"));

struct Walk<'r> {
    rules: &'r Rules,
    region: Region,
    headline: Option<Line>,
    header_date: Option<(Line, DateMatch)>,
    date_line: Option<(Line, DateMatch)>,
    /// A dateline standing on its own line ("LISBON, 27 June 2022").
    dateline_line: Option<(Line, Dateline)>,
    blocks: Vec<(usize, Block)>,
    removed: Vec<RemovedLine>,
    bylines: Vec<String>,
    /// A "Printed on …" style line was seen: the top date is a capture date.
    capture_labelled: bool,
    /// Inside a box of links to other stories ("Read also", "Keep reading") in the body.
    in_link_box: bool,
    /// "Spokesperson for …: Name" above the text: who read it out, and on which line.
    delivered_by: Option<(usize, String)>,
}

impl Walk<'_> {
    fn remove(&mut self, line: &Line, reason: RemovalReason) {
        self.removed.push(RemovedLine {
            line: line.no,
            text: line.raw.clone(),
            reason,
        });
    }

    /// Whether the line taken as the headline is more likely a masthead or a label
    /// ("Note to Correspondents", "8228th Meeting (AM)") that a later line should replace.
    fn headline_is_weak(&self) -> bool {
        self.headline.as_ref().is_some_and(|h| {
            let text = h.text.as_str();
            let short_label = word_count(text) <= 3
                && (text.chars().any(|c| c.is_ascii_digit())
                    || text.split_whitespace().all(|w| {
                        data::NAME_CONNECTORS.contains(&w.to_lowercase())
                            || w.chars().next().is_some_and(|c| !c.is_lowercase())
                    }));
            is_masthead_line(text, self.rules)
                || ADVISORY.is_match(text)
                || MEETING_LABEL.is_match(text)
                || short_label
        })
    }

    fn paragraphs_seen(&self) -> bool {
        self.blocks
            .iter()
            .any(|(_, b)| matches!(b, Block::Paragraph(_)))
    }

    fn take(&mut self, line: Line) {
        let text = &line.text;
        if self.region == Region::Footer {
            return self.remove(&line, RemovalReason::Footer);
        }
        // "Location: Geneva", "Spokesperson for …: Name", "Subject: …": a briefing's
        // particulars above its text.
        if !self.paragraphs_seen() && self.headline.is_some() {
            if let Some(caps) = PARTICULAR.captures(text) {
                let value = caps.name("value").map_or("", |m| m.as_str().trim());
                match caps.name("label").map(|m| m.as_str().to_lowercase()) {
                    Some(label) if label.starts_with("spokes") || label.starts_with("speaker") => {
                        self.delivered_by = Some((line.no, value.to_string()));
                    }
                    Some(label) if ["location", "venue", "place"].contains(&label.as_str()) => {
                        let place = known_place_among(value.split(','), self.rules)
                            .or_else(|| town_and_region(value, self.rules));
                        if let (Some(place), None) = (place, &self.dateline_line) {
                            self.dateline_line = Some((line.clone(), place_only(place, text)));
                        }
                    }
                    _ => {}
                }
                return self.remove(&line, RemovalReason::Label);
            }
        }
        // "# Headline" in a plain copy of a Markdown page: the headline, whatever its shape.
        if let Some(heading) = text.strip_prefix("# ") {
            if self.headline.is_none() && !self.paragraphs_seen() {
                let heading = heading.trim().to_string();
                self.headline = Some(Line {
                    raw: heading.clone(),
                    text: heading,
                    ..line
                });
                return;
            }
        }
        // What a browser prints on every page: the date, time and title at the top, the
        // address and page number at the foot. They may fall anywhere in the text.
        if let Some(found) = print_header_date(text) {
            if self.header_date.is_none() {
                self.header_date = Some((line.clone(), found));
                self.capture_labelled = true;
            }
            return self.remove(&line, RemovalReason::CaptureDate);
        }
        if PRINT_FOOTER.is_match(text) || BARE_ADDRESS.is_match(text) {
            return self.remove(&line, RemovalReason::Masthead);
        }
        if self.paragraphs_seen() && self.rules.footer_markers.matches(text) {
            self.region = Region::Footer;
            let reason = if is_decoration(text) {
                RemovalReason::Decoration
            } else {
                RemovalReason::Footer
            };
            return self.remove(&line, reason);
        }
        if self.paragraphs_seen() && (ABOUT_SECTION.is_match(text) || is_author_note(text)) {
            // "About Dryland Water Trust": the organisation's standing description, then
            // contacts; "Corinne Haller covers … Reach her at …": the reporter's note.
            self.region = Region::Footer;
            return self.remove(&line, RemovalReason::Footer);
        }
        if is_decoration(text) && find_dates(text).is_empty() {
            return self.remove(&line, RemovalReason::Decoration);
        }
        if self.in_link_box {
            // The linked headlines: short, and no sentence of the story.
            let headline_like =
                word_count(text) <= 20 && (!ends_sentence(text) || text.ends_with('?'));
            if headline_like || LINK_BOX_COUNTER.is_match(text) {
                return self.remove(&line, RemovalReason::Boilerplate);
            }
            self.in_link_box = false;
        }
        if self.rules.boilerplate.matches(text) {
            self.in_link_box = self.paragraphs_seen() && LINK_BOX.is_match(text);
            return self.remove(&line, RemovalReason::Boilerplate);
        }
        if IMAGE_LABEL.is_match(text) && !ends_sentence(text) {
            return self.remove(&line, RemovalReason::ImageLabel);
        }
        if is_masthead(text) {
            // "Speech | 12-03-2021 | 14:30": a row of labels that dates the text.
            let dated = text
                .split('|')
                .find_map(standalone_date)
                .filter(|_| !self.paragraphs_seen() && self.date_line.is_none());
            if let Some(found) = dated {
                // "12 March 2021 | News release | Geneva": the row may name the place too.
                let place = known_place_among(text.split('|'), self.rules);
                if let (Some(place), None) = (place, &self.dateline_line) {
                    self.dateline_line = Some((line.clone(), place_only(place, text)));
                }
                self.date_line = Some((line.clone(), found));
                return self.remove(&line, RemovalReason::DateLine);
            }
            return self.remove(&line, RemovalReason::Masthead);
        }
        if text.starts_with('(') && text.ends_with(')') && EDITORIAL_NOTE.is_match(text) {
            return self.remove(&line, RemovalReason::Label);
        }
        // The cheap tests first: these patterns are costly on long lines.
        let words = word_count(text);
        if words <= 8 && SIGN_OFF.is_match(text) {
            return self.remove(&line, RemovalReason::SignOff);
        }
        if text.len() <= 80 && text.contains('/') && DOCUMENT_SYMBOL.is_match(text) {
            return self.remove(&line, RemovalReason::Masthead);
        }
        if words <= 30
            && (text.contains("by ") || text.contains("contributed"))
            && self.paragraphs_seen()
            && CREDIT_LINE.is_match(text)
        {
            return self.remove(&line, RemovalReason::SignOff);
        }
        if let Some(found) = captured_date(text) {
            if self.header_date.is_none() {
                self.header_date = Some((line.clone(), found));
            }
            self.capture_labelled = true;
            return self.remove(&line, RemovalReason::CaptureDate);
        }
        if is_menu(text) || is_spaced_menu(&line.raw) || is_language_row(text) {
            return self.remove(&line, RemovalReason::Masthead);
        }
        let standalone = standalone_date(text).filter(|found| {
            // "Date: Wednesday, October 9" among an advisory's details is content.
            !(self.paragraphs_seen() && EVENT_DETAIL.is_match(&text[..found.start]))
        });
        if let Some(found) = standalone {
            let label = &text[..found.start];
            let labelled = found.start > 0 && is_date_label(label);
            if labelled && self.paragraphs_seen() && self.date_line.is_some() {
                // "Published 5 March 2019" again under the text: the page's footer.
                self.region = Region::Footer;
                return self.remove(&line, RemovalReason::Footer);
            }
            let updated = UPDATED.is_match(label);
            // "January 14, 2019 / 10:32 AM": a stamp with the time is when the story
            // went out; a copy's header date has no time.
            let timed = !text[found.end..]
                .trim_matches(|c: char| c.is_whitespace() || ".,|-–—".contains(c))
                .is_empty();
            let reason = if self.headline.is_none()
                && self.region == Region::Header
                && self.header_date.is_none()
                && !labelled
                && !timed
            {
                self.header_date = Some((line.clone(), found));
                RemovalReason::CaptureDate
            } else {
                // "Last updated" is no publication date while another date line may follow.
                let replaces = self.date_line.as_ref().is_none_or(|(l, _)| {
                    let previous = l.text.as_str();
                    UPDATED.is_match(previous) && !updated
                });
                if replaces {
                    self.date_line = Some((line.clone(), found));
                }
                RemovalReason::DateLine
            };
            return self.remove(&line, reason);
        }
        if !self.paragraphs_seen() && self.dateline_line.is_none() {
            if let Some(dateline) = parse_dateline(text, self.rules)
                .filter(|d| d.date.is_some() && text[d.end..].trim().is_empty())
            {
                self.dateline_line = Some((line.clone(), dateline));
                return self.remove(&line, RemovalReason::DateLine);
            }
            // "ANKARA" alone above the text: a dateline without a date.
            // "The Kremlin, Moscow" likewise: the known place among a few short names.
            let short = word_count(text) <= 6
                && !ends_sentence(text)
                && !text.chars().any(|c| c.is_ascii_digit());
            let place_alone = known_place_among(
                text.trim_end_matches([',', '-', '–', '—', ' '])
                    .rsplit(',')
                    .take(3),
                self.rules,
            )
            .or_else(|| town_and_region(text, self.rules))
            .filter(|_| self.headline.is_some() && short);
            if let Some(place) = place_alone {
                self.dateline_line = Some((line.clone(), place_only(place, text)));
                return self.remove(&line, RemovalReason::DateLine);
            }
        }
        if self
            .headline
            .as_ref()
            .is_some_and(|h| same_headline(&h.text, text))
        {
            return self.remove(&line, RemovalReason::RepeatedHeadline);
        }
        if is_caption(text) {
            self.blocks.push((line.no, Block::Caption(text.clone())));
            return;
        }
        if BYLINE.is_match(text) && word_count(text) <= 10 && !self.paragraphs_seen() {
            self.bylines.push(text.clone());
            return self.remove(&line, RemovalReason::Byline);
        }
        if self.region == Region::Header {
            if self.headline.is_none() {
                if word_count(text) < 3 && !ends_sentence(text) {
                    return self.remove(&line, RemovalReason::Label);
                }
                if title_like(&line, self.rules) {
                    self.headline = Some(line);
                    return;
                }
            } else if self.headline_is_weak()
                && title_like(&line, self.rules)
                && !is_masthead_line(text, self.rules)
                && word_count(text) > 3
            {
                // The first title-like line was the publisher's name; this is the headline.
                if let Some(masthead) = self.headline.replace(line) {
                    let reason = if ADVISORY.is_match(&masthead.text) {
                        RemovalReason::Label
                    } else {
                        RemovalReason::Masthead
                    };
                    self.remove(&masthead, reason);
                }
                return;
            } else if word_count(text) <= 6
                && (text.ends_with(')') || !ends_sentence(text))
                && !text.ends_with(',')
            {
                return self.remove(&line, RemovalReason::Label);
            } else if !self.paragraphs_seen()
                && title_like(&line, self.rules)
                && !ends_sentence(text)
                && !text.ends_with(',')
                && word_count(text) <= 30
            {
                // A standfirst under the headline: kept, but not as a paragraph.
                self.blocks.push((line.no, Block::Heading(text.clone())));
                return;
            }
            self.region = Region::Body;
        }
        let glued = if self.paragraphs_seen() {
            0
        } else {
            glued_menu_words(text)
        };
        if glued > 0 {
            // A site menu that lost its line break: "Home News Contact The minister said…".
            let words: Vec<&str> = text.split_whitespace().collect();
            self.removed.push(RemovedLine {
                line: line.no,
                text: words[..glued].join(" "),
                reason: RemovalReason::Masthead,
            });
            let rest = words[glued..].join(" ");
            self.blocks.push((line.no, Block::Paragraph(rest)));
            return;
        }
        if let Some(sign_off) = TRAILING_SIGN_OFF.find(text) {
            self.blocks.push((
                line.no,
                Block::Paragraph(text[..sign_off.start()].to_string()),
            ));
            self.removed.push(RemovedLine {
                line: line.no,
                text: sign_off.as_str().trim().to_string(),
                reason: RemovalReason::SignOff,
            });
            self.region = Region::Footer;
            return;
        }
        let block = if short_label(text) {
            Block::Heading(text.clone())
        } else {
            Block::Paragraph(text.clone())
        };
        self.blocks.push((line.no, block));
    }

    /// Short lines after the last paragraph are the page's tail (links, labels), not
    /// subheadings.
    fn finish(&mut self) {
        // A paragraph between the headline and the date line is the summary under the
        // headline ("Extra funding for councils …" above "Published 5 March 2019"), when
        // the text proper follows the date line.
        if let Some(date_line) = self.date_line.as_ref().map(|(l, _)| l.no) {
            let before: Vec<usize> = self
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, (no, b))| *no < date_line && matches!(b, Block::Paragraph(_)))
                .map(|(i, _)| i)
                .collect();
            let after = self
                .blocks
                .iter()
                .any(|(no, b)| *no > date_line && matches!(b, Block::Paragraph(_)));
            if after && (1..=2).contains(&before.len()) {
                for i in before {
                    if let (_, Block::Paragraph(text)) = &self.blocks[i] {
                        self.blocks[i].1 = Block::Heading(text.clone());
                    }
                }
            }
        }
        let last_paragraph = self
            .blocks
            .iter()
            .rposition(|(_, b)| matches!(b, Block::Paragraph(_)));
        let tail_from = last_paragraph.map_or(0, |i| i + 1);
        let tail: Vec<(usize, Block)> = self.blocks.drain(tail_from..).collect();
        for (no, block) in tail {
            match block {
                Block::Heading(text) => self.removed.push(RemovedLine {
                    line: no,
                    text,
                    reason: RemovalReason::Footer,
                }),
                other => self.blocks.push((no, other)),
            }
        }
        self.removed.sort_by_key(|r| r.line);
    }
}

/// Reads a document's fields from its decoded text.
pub fn analyse(text: &str, rules: &Rules) -> Analysis {
    let mut walk = Walk {
        rules,
        region: Region::Header,
        headline: None,
        header_date: None,
        date_line: None,
        dateline_line: None,
        blocks: Vec::new(),
        removed: Vec::new(),
        bylines: Vec::new(),
        capture_labelled: false,
        in_link_box: false,
        delivered_by: None,
    };
    let cleaned = clean::clean(text);
    let lines = lines::logical_lines(text, &cleaned);
    walk.removed.extend(cleaned.removed);
    let run_on = lines.len() <= 3;
    for line in lines {
        if run_on && line.text.len() > 400 {
            for part in clean::split_run_on(&line, rules) {
                walk.take(part);
            }
            continue;
        }
        walk.take(line);
    }
    walk.finish();
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

/// A wire desk's note in brackets on a line of its own: "(Corrects spelling of name in
/// paragraph 3)", "(Adds quotes)", "($1 = 1.3950 New Zealand dollars)".
static EDITORIAL_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\((?:(?:Corrects|Adds|Updates|Recasts|Refiles|Repeats|Removes|Changes|Fixes|Clarifies|Deletes|Inserts|Rewrites|Writes through|Updates with)\b[^()]{0,200}|[$€£¥]?\s?1\s*=\s*[^()]{1,80})\)$",
    )
});

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

    /// Language names that no row written with them matches: words are compared folded,
    /// and folding turns Hangul into its letters and drops Devanagari vowel signs.
    const UNMATCHED_LANGUAGE_NAMES: &[&str] = &["한국어", "हिंदी", "हिन्दी"];
    /// Menu words never matched: words are compared folded, and these are not written
    /// folded ("»" folds to a straight quote).
    const UNMATCHED_NAV_WORDS: &[&str] = &["»", "français", "español"];

    #[test]
    fn every_language_name_makes_a_language_row() {
        let mut dead = Vec::new();
        for name in data::LANGUAGE_NAMES.iter() {
            let inside = is_language_row(&format!("English {name} Français"));
            let first = is_language_row(&format!("{name} English Français"));
            if !(inside && first) {
                dead.push(name);
            }
        }
        assert_eq!(dead, UNMATCHED_LANGUAGE_NAMES);
        assert!(!is_language_row("English Giraffe Français"));
    }

    #[test]
    fn every_navigation_word_makes_a_menu() {
        let mut dead = Vec::new();
        for word in data::NAV_WORDS.iter() {
            if !is_menu(&format!("Home {word} Contact")) {
                dead.push(word);
            }
        }
        assert_eq!(dead, UNMATCHED_NAV_WORDS);
        assert!(!is_menu("Home Giraffe Contact"));
    }

    #[test]
    fn every_organisation_noun_makes_a_long_name_a_masthead() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        let line = |last: &str| format!("Northern Coastal Regional Water And Land {last}");
        for noun in data::ORGANISATION_NOUNS.iter() {
            let noun = title_case_first(noun);
            assert!(is_masthead_line(&line(&noun), &rules), "{noun}");
        }
        assert!(!is_masthead_line(&line("Lands"), &rules));
    }

    #[test]
    fn every_name_connector_may_be_lower_case_in_a_masthead() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        for connector in data::NAME_CONNECTORS.iter() {
            let line = format!("Department {connector} Coastal Communities");
            assert!(is_masthead_line(&line, &rules), "{line}");
        }
        assert!(!is_masthead_line(
            "Department giraffe Coastal Communities",
            &rules
        ));
    }

    #[test]
    fn every_built_in_region_names_a_towns_state_or_country() {
        let rules = Rules::new(&LoaderConfig::default(), &[]);
        let regions: Vec<&str> = crate::load::data::regions().collect();
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
