//! What a headline names: the particulars that tell one release of a template from the
//! next. An office announces "$15,200 for Clark County Ambulance" and "$24,700 for
//! Mellette County Ambulance" in the same words and with the same stock quote; each
//! headline names an amount or a place the other text never names, so they are two
//! statements. Copies of one release, and reports of one speech, may word their
//! headlines differently, but neither names what the other text never does.

use super::copies::{facts, slip, words_in, Word};
use super::headlines::FUNCTION_WORDS;
use crate::load::date::DATE_WORDS;
use crate::load::lines::capitalised_words;
use crate::load::Document;
use crate::text::{all_digits, fold};
use std::collections::{HashMap, HashSet};

/// A headline with this share (in tenths) of its words that are no function words
/// capitalised is in Title Case or ALL CAPS ("Members of the Caucus Urge the Prime
/// Minister"): its capitals alone mark no name.
const TITLE_CASE_TENTHS: usize = 9;

/// The particulars a headline names: numbers (an amount read as one: "24 700"), and
/// names. What it quotes is the speaker's, not the particulars of the text (two reports
/// quote two passages), and a day or month is when, not what (two reports of one speech
/// give the day before and the day of it).
fn headline_facts(doc: &Document) -> HashSet<String> {
    let own_words = unquoted(&doc.title);
    facts(&words_in([own_words.as_str()]))
        .into_iter()
        .filter(|f| !is_date_word(f))
        .collect()
}

/// Of a headline's particulars, those that are names: in Title Case, a word is one where
/// the text's own body writes it with a capital too ("North Alabama"), and "Approves" is
/// not.
fn names_among(doc: &Document, particulars: HashSet<String>) -> HashSet<String> {
    if !title_case(&unquoted(&doc.title)) {
        return particulars;
    }
    let names = facts(&words_in(doc.paragraphs()));
    particulars
        .into_iter()
        .filter(|f| all_digits(f) || names.contains(f))
        .collect()
}

/// A headline without what it quotes: the text between quotation marks, or after an
/// opening one that is never closed.
fn unquoted(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut closing: Option<char> = None;
    for c in title.chars() {
        match (closing, c) {
            (None, '“') => closing = Some('”'),
            (None, '«') => closing = Some('»'),
            (None, '"') => closing = Some('"'),
            (Some(end), c) if c == end => {
                closing = None;
                out.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

/// A month's or weekday's name in a language the loader reads dates in.
fn is_date_word(word: &str) -> bool {
    DATE_WORDS.months.iter().any(|(w, _)| w == word)
        || DATE_WORDS.weekdays.iter().any(|(w, _)| w == word)
}

/// Whether nearly every word of a headline that is no function word is capitalised.
fn title_case(title: &str) -> bool {
    let content: Vec<&str> = title
        .split_whitespace()
        .filter(|w| !FUNCTION_WORDS.contains(&fold(w)))
        .collect();
    let (capitalised, words) = capitalised_words(&content.join(" "));
    words > 0 && capitalised * 10 >= words * TITLE_CASE_TENTHS
}

/// The particulars of `ours` that the words `theirs` never name, as they stand or with
/// a digit more or less, or run together with another word.
fn unnamed_in(ours: HashSet<String>, theirs: &[Word]) -> HashSet<String> {
    let keys: HashSet<&str> = theirs.iter().map(|w| w.key.as_str()).collect();
    let numbers: Vec<&str> = keys.iter().copied().filter(|k| all_digits(k)).collect();
    ours.into_iter()
        .filter(|f| !keys.contains(f.as_str()))
        .filter(|f| !(all_digits(f) && numbers.iter().any(|n| slip(f, n))))
        .filter(|f| {
            !theirs.windows(2).any(|w| {
                let (x, y) = (w[0].key.as_str(), w[1].key.as_str());
                f.len() == x.len() + y.len() && f.starts_with(x) && f.ends_with(y)
            })
        })
        .collect()
}

/// Whether each of two texts' headlines names a particular the other text never names:
/// two releases of one template, or two announcements of one kind, not one statement.
pub(super) fn headlines_differ(a: &Document, b: &Document) -> bool {
    let (title_a, title_b) = (words_in([a.title.as_str()]), words_in([b.title.as_str()]));
    // The headlines alone first: most pairs share their particulars there.
    let ours = unnamed_in(headline_facts(a), &title_b);
    if ours.is_empty() {
        return false;
    }
    let theirs = unnamed_in(headline_facts(b), &title_a);
    if theirs.is_empty() {
        return false;
    }
    let ours = unnamed_in(names_among(a, ours), &words_in(b.paragraphs()));
    !ours.is_empty() && !unnamed_in(names_among(b, theirs), &words_in(a.paragraphs())).is_empty()
}

/// Members of a group/// Members of a group whose headlines each new member is held against, at most.
const SAMPLED_HEADLINES: usize = 4;

/// For each group being built, a few members with different headlines: a text joins a
/// group only where its headline and theirs name nothing the other text never does.
/// Links are checked pair by pair; without this, a release whose headline names nothing
/// particular ("Grants made to Indiana fire departments") links to each release of its
/// template, and chains them all into one "statement".
pub(super) struct HeadlineSamples {
    /// The sample of each group of two texts or more, by its root; a text alone is its
    /// own sample.
    samples: HashMap<usize, Vec<usize>>,
}

impl HeadlineSamples {
    pub(super) fn new() -> Self {
        HeadlineSamples {
            samples: HashMap::new(),
        }
    }

    /// Whether the groups with roots `ra` and `rb` may be one: no sampled pair's headlines
    /// differ.
    pub(super) fn agree(&self, documents: &[Document], ra: usize, rb: usize) -> bool {
        let (alone_a, alone_b) = ([ra], [rb]);
        let a = self.samples.get(&ra).map_or(&alone_a[..], Vec::as_slice);
        let b = self.samples.get(&rb).map_or(&alone_b[..], Vec::as_slice);
        a.iter().all(|&x| {
            b.iter()
                .all(|&y| !headlines_differ(&documents[x], &documents[y]))
        })
    }

    /// Records that the groups with roots `ra` and `rb` are one, with root `root`.
    pub(super) fn merge(&mut self, documents: &[Document], ra: usize, rb: usize, root: usize) {
        let mut merged = self.samples.remove(&ra).unwrap_or_else(|| vec![ra]);
        for y in self.samples.remove(&rb).unwrap_or_else(|| vec![rb]) {
            let new_headline = merged
                .iter()
                .all(|&x| fold(&documents[x].title) != fold(&documents[y].title));
            if merged.len() < SAMPLED_HEADLINES && new_headline {
                merged.push(y);
            }
        }
        self.samples.insert(root, merged);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(name: &str, headline: &str, body: &str) -> Document {
        crate::load::load_test_text(name, &format!("{headline}\n\nWASHINGTON - {body}\n"))
    }

    const BODY: &str = "Sen. Tim Johnson announced funding from the Department of Homeland \
        Security. \"Our volunteers keep South Dakota safe,\" Johnson said.";

    #[test]
    fn releases_of_one_template_with_other_amounts_and_places_differ() {
        let a = release(
            "a.txt",
            "Sen. Johnson announces $15,200 for Clark County Ambulance",
            BODY,
        );
        let b = release(
            "b.txt",
            "Sen. Johnson announces $24,700 for Mellette County Ambulance",
            BODY,
        );
        assert!(headlines_differ(&a, &b));
    }

    #[test]
    fn copies_whose_headlines_name_what_the_other_text_names_do_not_differ() {
        let a = release(
            "a.txt",
            "Sens. Johnson, Thune announce $15,200 for Clark County Ambulance",
            BODY,
        );
        let b = release(
            "b.txt",
            "Johnson announces funding for Clark ambulance service",
            &format!("{BODY} Senator John Thune joined him. The $15,200 grant goes to Clark."),
        );
        assert!(!headlines_differ(&a, &b));
    }

    #[test]
    fn what_a_headline_quotes_and_the_day_it_gives_are_no_particulars() {
        let a = release(
            "a.txt",
            "Minister Okafor on Saturday addressed the Conference on Food Action",
            BODY,
        );
        let b = release(
            "b.txt",
            "Minister urges action on food: “Let us feed 387 thousand children in Dakar”",
            BODY,
        );
        assert!(!headlines_differ(&a, &b));
    }

    #[test]
    fn a_title_case_headline_differs_only_by_the_names_its_body_gives() {
        let a = release(
            "a.txt",
            "Senate Approves Measure To Protect Coastal Lands",
            BODY,
        );
        let b = release(
            "b.txt",
            "Senate Committee Approves Gregg Measure To Protect Coastal Lands",
            BODY,
        );
        assert!(!headlines_differ(&a, &b));
        let north = release(
            "n.txt",
            "Shelby Announces Funding for North Alabama Projects",
            "Senator Shelby secured funding for North Alabama.",
        );
        let west = release(
            "w.txt",
            "Shelby Announces Funding for West Alabama Projects",
            "Senator Shelby secured funding for West Alabama.",
        );
        assert!(headlines_differ(&north, &west));
    }

    #[test]
    fn a_headline_that_names_nothing_particular_chains_no_template_releases() {
        let docs = [
            release(
                "a.txt",
                "Sen. Johnson announces $15,200 for Clark County Ambulance",
                BODY,
            ),
            release("g.txt", "Sen. Johnson announces ambulance grants", BODY),
            release(
                "b.txt",
                "Sen. Johnson announces $24,700 for Mellette County Ambulance",
                BODY,
            ),
        ];
        let mut samples = HeadlineSamples::new();
        assert!(samples.agree(&docs, 0, 1));
        samples.merge(&docs, 0, 1, 0);
        assert!(!samples.agree(&docs, 0, 2), "the group holds a's headline");
        assert!(samples.agree(&docs, 0, 1));
    }
}
