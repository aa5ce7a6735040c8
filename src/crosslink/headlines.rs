//! What a headline and the start of its lead say, as events are found from them: the
//! phrases they use, the year the headline names, and who issued the text.

use crate::load::data::entries;
use crate::load::{Document, TitleFrom};
use crate::text::{fnv1a, fold, FoldedWords, FNV_OFFSET};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words that join a phrase's words and name nothing.
pub(super) static FUNCTION_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/function_words.txt")));

fn word_list(file: &'static str) -> HashSet<String> {
    entries(file).map(fold).collect()
}

/// Words inside a name, which a phrase spans.
static NAME_JOINERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/name_joiners.txt")));

/// Words that say who issued a text or how ("Sen.", "today", "statement").
pub(super) static RELEASE_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/release_words.txt")));

/// Titles before a name: the name after one is a speaker's.
pub(super) static OFFICE_TITLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_list(include_str!("data/office_titles.txt")));

/// Words after an office title that may be the holder's name.
const NAME_WORDS: usize = 3;

/// Reads a headline word by word for the name after an office title: a senator's name
/// is in every release of the office, whatever happened.
#[derive(Default)]
pub(super) struct SpeakerName {
    /// Words after the last office title that may still be its holder's name.
    left: usize,
}

impl SpeakerName {
    /// A mark that ends a clause ends the name.
    pub(super) fn clause_ends(&mut self) {
        self.left = 0;
    }

    /// Whether `word` (folded) is part of the name after an office title. The name ends
    /// after [`NAME_WORDS`], or at the first joiner or word that says what its holder did
    /// ("Sen. Lott announces Katrina aid").
    pub(super) fn is_name(&mut self, word: &str) -> bool {
        let ends_name = FUNCTION_WORDS.contains(word) || RELEASE_WORDS.contains(word);
        let named = self.left > 0 && !ends_name;
        self.left = if OFFICE_TITLES.contains(word) {
            NAME_WORDS
        } else if ends_name {
            0
        } else {
            self.left.saturating_sub(1)
        };
        named
    }
}

/// Words of the lead that stand for the headline of a text that has none.
const MADE_HEADLINE_WORDS: usize = 30;
/// Words of the lead read after the headline.
const LEAD_WORDS: usize = 40;
/// One word of a headline or lead, as phrases are made of them.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word that names something.
    Content(String),
    /// A word inside a name ("of", "the"): "State of the Union" is the phrase "state
    /// union".
    Joiner,
    /// A word no phrase spans: a number, a name after an office title, a word of the
    /// release ("statement", "today").
    Gap,
}

/// Marks after which a name does not go on.
const CLAUSE_MARKS: &[char] = &[':', ';', ',', '(', '"', '\u{201c}', '!', '?'];

/// Joiners a phrase may span.
const MAX_JOINERS: usize = 2;

/// The words of a headline and the start of its lead, folded, as tokens.
/// The names after an office title are left out: a senator's name is in every release
/// of the office, whatever happened.
fn content_words(text: &str) -> Vec<Token> {
    let words = FoldedWords::new(text);
    let mut speaker = SpeakerName::default();
    (0..words.len().min(LEAD_WORDS + 20))
        .map(|i| {
            let w = words.word(i);
            // A name ends at a mark that ends a clause too ("Sen. Byrd: Pope was ...").
            if words.before(i).contains(CLAUSE_MARKS) {
                speaker.clause_ends();
            }
            let named = speaker.is_name(w);
            let joiner = FUNCTION_WORDS.contains(w);
            if joiner && NAME_JOINERS.contains(w) {
                Token::Joiner
            } else if joiner
                || w.len() < 2
                || named
                || RELEASE_WORDS.contains(w)
                || w.bytes().all(|b| b.is_ascii_digit())
            {
                Token::Gap
            } else {
                Token::Content(w.to_string())
            }
        })
        .collect()
}

fn content_of(tokens: Vec<Token>) -> impl Iterator<Item = String> {
    tokens.into_iter().filter_map(|t| match t {
        Token::Content(w) => Some(w),
        _ => None,
    })
}

/// The phrases of a headline and lead, each marked when the headline has it.
/// A headline that names the phrase in part ("Katrina disaster assistance", a lead on
/// "Hurricane Katrina") counts as having it.
pub(super) fn lead_phrases(doc: &Document) -> Vec<(String, bool)> {
    let lead = doc.paragraphs().next().unwrap_or_default();
    // A title the loader made from the lead is no headline: the lead's start says what
    // the text is about.
    let headline = match doc.title_from {
        TitleFrom::Source => doc.title.clone(),
        TitleFrom::Made => lead
            .split_whitespace()
            .take(MADE_HEADLINE_WORDS)
            .collect::<Vec<_>>()
            .join(" "),
    };
    let title_words: HashSet<String> = content_of(content_words(&headline)).collect();
    // No phrase runs from the title into the lead.
    let mut tokens = content_words(&doc.title);
    tokens.push(Token::Gap);
    tokens.extend(content_words(lead));
    let mut all: Vec<(String, bool)> = phrases(&tokens)
        .into_iter()
        .map(|p| {
            let title = p.split(' ').any(|w| title_words.contains(w));
            (p, title)
        })
        .collect();
    all.dedup_by(|a, b| a.0 == b.0);
    all
}

/// Two content words side by side, or with at most [`MAX_JOINERS`] joiners between, as
/// one phrase.
fn phrases(tokens: &[Token]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Content(a) = token else { continue };
        let next = tokens[i + 1..]
            .iter()
            .take(MAX_JOINERS + 1)
            .find(|t| **t != Token::Joiner);
        if let Some(Token::Content(b)) = next {
            if a != b {
                out.push(format!("{a} {b}"));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A year from 1900 to 2099 that a headline names ("2008 State of the Union"): a lead
/// names the years of a life or a law as often as its own.
pub(super) fn named_year(doc: &Document) -> Option<i32> {
    let words = FoldedWords::new(&doc.title);
    (0..words.len().min(LEAD_WORDS))
        .filter_map(|i| words.word(i).parse::<i32>().ok())
        .find(|y| (1900..2100).contains(y))
}

/// A phrase's key in the index: its hash, so the index holds no string per use.
pub(super) fn phrase_key(phrase: &str) -> u64 {
    fnv1a(phrase.as_bytes(), FNV_OFFSET)
}

/// Who issued a text, as its headline says: the name after an office title ("Sen.
/// Stabenow comments on ..."), else its publisher.
pub(crate) fn issuer(doc: &Document) -> Option<String> {
    let words = FoldedWords::new(&doc.title);
    let from_title = (1..words.len())
        .find(|&i| OFFICE_TITLES.contains(words.word(i - 1)))
        .map(|i| words.word(i))
        .filter(|w| !FUNCTION_WORDS.contains(*w) && !RELEASE_WORDS.contains(*w))
        .map(str::to_string);
    from_title.or_else(|| doc.publisher.as_deref().map(fold))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_after_an_office_title_ends_where_the_headline_says_what_was_done() {
        let words = content_of(content_words(
            "Sen. Lott announces Katrina disaster assistance",
        ));
        assert_eq!(
            words.collect::<Vec<_>>(),
            vec!["katrina", "disaster", "assistance"]
        );
        let words = content_of(content_words("Sen. Byrd: Pope was a voice for freedom"));
        assert_eq!(words.collect::<Vec<_>>(), vec!["pope", "voice", "freedom"]);
        let tokens = content_words("Statement on the State of the Union address");
        assert!(phrases(&tokens).contains(&"state union".to_string()));
    }
}
