//! The shapes a line may have: captions and credits, sign-offs, mastheads, menus and
//! language switchers, link boxes, a reporter's note, labels, and what a headline looks
//! like. Each is a predicate (or a pattern) on the line alone; the rules in the other
//! modules decide what a shape means where it stands.

use crate::load::data;
use crate::load::fields::dateline::parse_dateline;
use crate::load::lines::{ends_sentence, letters, Line};
use crate::load::pattern::{compile, may_hold_any};
use crate::load::rules::Rules;
use crate::text::{fold, word_count};
use regex::Regex;
use std::sync::LazyLock;

/// An image's size or file name left where the image was: "300px", "photo.jpg".
pub static IMAGE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b\d{2,4}px\b|\d{2,4}x\d{2,4}|\bicons?\b|\.(?:jpe?g|png|gif|svg)\b")
});

/// A sign-off: "-- Reuters", "jd/ak", "(Editor: …)", "(ENDS)", "ENDITEM", "AP/Jane Doe".
pub static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:(?:--|—|–|-)\s*\p{Lu}[\p{L}/&. -]{1,40}|[a-z]{1,4}(?:/[a-z]{1,4})+|\(?editors?\s*:.*|\(ends?\)|\(end\)|enditem|\p{Lu}{2,6}(?:\s*/\s*\p{Lu}[\p{L}.' -]{1,30}){1,3})$",
    )
});

/// The staff credits that close a wire story: "Reporting by …; Editing by …",
/// "Associated Press writer Jane Doe in Eldoret contributed to this report."
pub static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|translated|research)\s+by\b[^.]*\)?\.?$|^[^.]{0,120}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\b\.?$",
    )
});

/// "GENEVA (Reuters) - ... the region. Enditem": a sign-off run into the last paragraph.
pub static TRAILING_SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\s+(?:Enditem|ENDITEM|\(END\)|\(end\))\s*$"));

/// United Nations document symbols: "SG/SM/18960", "OBV/1790", "NOTE/6519", "CMW14/001F".
pub static DOCUMENT_SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:\p{Lu}[\p{Lu}\d.]{1,9}(?:/[\p{Lu}\d.-]{1,12}){1,4}\s*)+$"));

/// "By Jane Doe", "By Jane Doe and John Roe | Reuters".
pub static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^[Bb]y\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|\||-|–).*)?$")
});

/// A wire desk's note in brackets on a line of its own: "(Corrects spelling of name in
/// paragraph 3)", "(Adds quotes)", "($1 = 1.3950 New Zealand dollars)".
pub static EDITORIAL_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\((?:(?:Corrects|Adds|Updates|Recasts|Refiles|Repeats|Removes|Changes|Fixes|Clarifies|Deletes|Inserts|Rewrites|Writes through|Updates with)\b[^()]{0,200}|[$€£¥]?\s?1\s*=\s*[^()]{1,80})\)$",
    )
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
        r"(?i)©\s*(?:\d{4}\s+)?\p{Lu}[^.]{0,60}$|\((?:photo|photograph|image|credit)\s*:[^)]{1,60}\)\s*$|\b(?:UN|AP|AFP|Reuters|EPA|Getty)\s+Photo\s*/\s*\p{Lu}[^.]{0,40}\.?$|\p{L}\s*/\s*(?:Reuters|AFP|AP|EPA|Getty Images|Bloomberg|Shutterstock|Alamy|AAP|dpa|ANSA|EFE|Xinhua|Sipa|Redux|The New York Times|The Washington Post)\)?\.?$|\bcredit(?:credit)?\s*\p{Lu}[^.]{0,60}$",
    )
});

/// A caption that ends in an agency's photo credit: "A woman collects rainwater on an
/// atoll in Tuvalu. UNEP/Losana Vuki".
static CREDITED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\s\p{Lu}{2,10}\s*/\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'-]+){0,3}\.?$")
});

/// A picture's description that ends in its credit: "… on Friday afternoon. Photo: Luis
/// Ortega / Tamarack Valley Sentinel", "… in Tokyo on March 12, 2021. (Kyodo)".
static TRAILING_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\s\[(?:File:\s*)?[^\[\]]{1,60}/[^\[\]]{1,40}\]$)|[.!?]\s+(?:(?:Photo|Picture|Image|Foto|Photograph)(?:\s+credit)?\s*:\s*\p{Lu}[^.:]{1,80}|\((?:\p{Lu}[\p{L}&-]*(?:\s+Photo)?(?:\s*/\s*[^()]{1,40})?)\))\s*$",
    )
});

/// Whether a line is a photo caption or credit.
pub fn is_caption(text: &str) -> bool {
    // Only a line's first and last words can make it a caption, so only they are searched.
    let head_to = text.char_indices().nth(40).map_or(text.len(), |(i, _)| i);
    let tail = text_tail(text, 120);
    let head = &text[..head_to];
    (may_open_caption(head) && CAPTION_START.is_match(head))
        || (may_close_caption(tail) && CAPTION_END.is_match(tail))
        || (tail.contains('/') && word_count(text) >= 5 && CREDITED_CAPTION.is_match(tail))
        || (text.len() <= 400 && trailing_photo_credit(text))
}

/// Whether a line's head has a word every CAPTION_START alternative needs.
fn may_open_caption(head: &str) -> bool {
    may_hold_any(head, &["photo", "picture", "image", "caption"])
}

/// Whether a line's tail has what some CAPTION_END alternative needs.
fn may_close_caption(tail: &str) -> bool {
    tail.contains(['©', '/', ':']) || may_hold_any(tail, &["credit"])
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

/// "https://www.example.org/news/story/<tab>1/2": a browser's print footer.
pub static PRINT_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:https?://|www\.)\S+\s+\d{1,3}/\d{1,3}$"));

/// A telephone number: "202 224 5972", "(202) 224-5972", "+254 20 000 000".
pub static PHONE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:\(?\b\d{3}\)?[\s.-]{1,2}\d{3}[\s.-]{1,2}\d{4}\b|\+\d{1,3}(?:[\s.-]?\d{1,4}){2,5}\b)",
    )
});

/// A web address alone on a line: where the page was, not what it says.
pub static BARE_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:https?://|www\.)[^\s]{3,500}$"));

/// A box of links to other stories set into the body: "Read also", "Keep reading".
pub static LINK_BOX: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^(?:read\s+also|also\s+read|read\s+more|keep\s+reading|related(?:\s+\w+)?|more\s+on\s+this(?:\s+\w+)?|(?:à\s+)?lire\s+aussi|leggi\s+anche)\s*:?$",
    )
});

/// "list 1 of 4", "end of list": a link box's own labels.
pub static LINK_BOX_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:list\s+\d+\s+of\s+\d+|end\s+of\s+list)$"));

/// The heading of an organisation's boilerplate at the foot of a release.
pub static ABOUT_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:About|ABOUT|À propos (?:de|du|d['’])|Acerca de|Sobre)\s+(?:the\s+|THE\s+)?\p{Lu}[\p{L}\d&.,'’ -]{1,70}:?$",
    )
});

/// A reporter's note at the foot of a story: who they are and how to reach them.
pub fn is_author_note(text: &str) -> bool {
    text.contains('@') && word_count(text) <= 40 && AUTHOR_NOTE.is_match(text)
}

/// "Reach her at jane@example.org": how to write to the reporter.
static AUTHOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:reach|contact|email|e-mail|write to)\s+(?:him|her|them|me|the\s+author)?\s*(?:at|on|via)?\s*[\w.+-]+@[\w-]+\.[\w.]+",
    )
});

/// "71st & 72nd Meetings (AM & PM)": the meeting a UN release covers, above its headline.
pub static MEETING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\d+(?:st|nd|rd|th)\s*(?:(?:&|and|-|–)\s*\d+(?:st|nd|rd|th)\s*)?meetings?\s*(?:\((?:am|pm)(?:\s*(?:&|and)\s*pm)?\))?$",
    )
});

/// Labels of notices sent ahead of an event.
pub static ADVISORY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\W*(?:media\s+advisory|advisory|notice\s+to\s+(?:the\s+)?media|photo\s+opportunity|programme\s+notice|note\s+to\s+correspondents)\W*$",
    )
});

/// "Press release", "News statement", "Communiqué": a label, not a headline.
static RELEASE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:press|news|media)\s+(?:release|statement|advisory)s?\b|\bcommuniqu[ée]\b")
});

/// A rule of stars, dashes or bullets: no letters, and short.
pub fn is_decoration(text: &str) -> bool {
    letters(text) == 0 && text.chars().count() <= 40
}

/// Navigation trails and mastheads: three or more short segments between bars or bullets,
/// or a line that ends in a bar.
pub fn is_masthead(text: &str) -> bool {
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
pub fn is_spaced_menu(raw: &str) -> bool {
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
pub fn is_language_row(text: &str) -> bool {
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

/// Whether a word is a menu's.
fn is_nav_word(word: &str) -> bool {
    data::NAV_WORDS.contains(&fold(word))
}

/// A menu or breadcrumb: nothing but navigation words ("Home News Press releases Contact").
pub fn is_menu(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 3 && words.iter().all(|w| is_nav_word(w))
}

/// How many leading words of a paragraph are a menu glued onto it.
pub fn glued_menu_words(text: &str) -> usize {
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
pub fn is_masthead_line(text: &str, rules: &Rules) -> bool {
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

/// An organisation's name or an office written in capitals, as a masthead gives it:
/// "U.S. Commission on Rural Water Safety", "United Nations Regional Information Centre
/// for Western Europe", "Minister for Regional Education and Youth" (ten words at most,
/// one of them an organisation noun or an office's subject).
pub fn is_organisation_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=10).contains(&words.len())
        && !text.contains([':', '?', '!', '“', '"'])
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            data::NAME_CONNECTORS.contains(&w.to_lowercase())
                || w.chars().next().is_some_and(char::is_uppercase)
        })
        && words.iter().any(|w| {
            let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            data::ORGANISATION_NOUNS.contains(&w) || data::OFFICE_WORDS.contains(&w)
        })
}

/// A line that names who issued the text or labels it, never its headline: a known
/// publisher's name or marker, a "Press release" label, a briefing's particulars
/// ("Subject: …"), a menu, a furniture line.
pub fn is_publisher_or_furniture(text: &str, rules: &Rules) -> bool {
    is_spaced_menu(text)
        || super::header::PARTICULAR.is_match(text)
        || rules.publisher_named(text).is_some()
        || rules.is_publisher_marker(text)
        || (word_count(text) <= 8 && RELEASE_LABEL.is_match(text))
        || is_menu(text)
        || rules.boilerplate.matches(text)
        || crate::load::page::VOCABULARY.is_consent_notice(text)
}

/// Whether two lines are the same headline, whatever their case and punctuation.
pub fn same_headline(a: &str, b: &str) -> bool {
    let ka: String = fold(a).chars().filter(|c| c.is_alphanumeric()).collect();
    let kb: String = fold(b).chars().filter(|c| c.is_alphanumeric()).collect();
    !ka.is_empty() && ka == kb
}

/// Whether a line can be a headline: a handful of words that do not end like a sentence
/// and do not open with a dateline.
pub fn title_like(line: &Line, rules: &Rules) -> bool {
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
pub fn short_label(text: &str) -> bool {
    word_count(text) <= 8
        && !ends_sentence(text)
        && !text.ends_with(',')
        && !FIELD_VALUE.is_match(text)
}

/// "Time: 10:30": a field and its value.
static FIELD_VALUE: LazyLock<Regex> = LazyLock::new(|| compile(r"^[\p{L} ]{2,20}:\s+\S"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoaderConfig;

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
            let mut chars = noun.chars();
            let noun: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
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
    fn line_shapes() {
        assert!(is_caption("Photo: leaders meet the press"));
        assert!(is_caption(
            "A woman collects rainwater on an atoll in Tuvalu. UNEP/Losana Vuki"
        ));
        assert!(!is_caption("The minister met the leaders of the region."));
        assert!(is_masthead("Home | News | Press releases"));
        assert!(!is_masthead("The minister said the talks would go on."));
        assert!(is_spaced_menu("Home    Topics    Audio Hub    Videos"));
        assert!(!is_spaced_menu(
            "The minister    said the talks    would go on."
        ));
        assert_eq!(
            glued_menu_words("Home News Contact The minister said so."),
            3
        );
        assert!(short_label("Background"));
        assert!(!short_label("Time: 10:30"));
        assert!(same_headline(
            "Minister opens clinic",
            "MINISTER OPENS CLINIC."
        ));
    }
}
