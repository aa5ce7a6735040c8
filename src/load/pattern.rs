//! The loader's built-in regexes: compiling them, and running capturing ones quickly.

use regex::Regex;

/// A built-in pattern run over whole paragraphs, with room for many more states of the
/// lazy DFA than the default: on long real paragraphs a name pattern's states outgrow the
/// default cache, which is then cleared again and again until the engine falls back to
/// a far slower one.
pub(crate) fn compile_for_paragraphs(pattern: &str) -> Regex {
    built(regex::RegexBuilder::new(pattern).dfa_size_limit(PARAGRAPH_DFA_BYTES))
}

/// The lazy DFA's cache for [`compile_for_paragraphs`], per pattern and thread (the
/// default is 2 MB); it is only filled as far as a text needs.
const PARAGRAPH_DFA_BYTES: usize = 16 << 20;

/// A built-in pattern, compiled; it is part of the program, so failing to compile is a
/// bug the tests catch, never something a source file can cause.
pub(crate) fn compile(pattern: &str) -> Regex {
    built(&mut regex::RegexBuilder::new(pattern))
}

fn built(builder: &mut regex::RegexBuilder) -> Regex {
    builder
        .build()
        .unwrap_or_else(|e| panic!("built-in pattern must compile: {e}"))
}

/// Like `re.captures_iter(text)`, but the fast matcher finds each match first and the
/// slower capturing one only runs at that spot: on long paragraphs that is many times
/// quicker.
pub(crate) fn captures_all<'t>(re: &Regex, text: &'t str) -> Vec<regex::Captures<'t>> {
    let spans: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    spans
        .into_iter()
        .filter_map(|(start, end)| captures_of(re, text, start, end))
        .collect()
}

/// The groups of the match `re` found at `start..end` of `text`, read over a haystack that
/// ends a few bytes past the match, so word boundaries at its end are judged as in the
/// whole text.
pub(crate) fn captures_of<'t>(
    re: &Regex,
    text: &'t str,
    start: usize,
    end: usize,
) -> Option<regex::Captures<'t>> {
    let mut until = (end + 4).min(text.len());
    while !text.is_char_boundary(until) {
        until += 1;
    }
    re.captures_at(&text[..until], start)
}

/// Whether `text` may hold one of `words` (ASCII, lower case) in any case: a cheap test
/// that lets a case-insensitive pattern, every match of which has one of them, be
/// skipped. Two characters outside ASCII fold to ASCII letters (ſ to s, the Kelvin sign
/// to k); a text with either may hold a word in that form, so the answer is yes.
pub(crate) fn may_hold_any(text: &str, words: &[&str]) -> bool {
    text.contains(['ſ', '\u{212A}'])
        || words.iter().any(|word| {
            text.as_bytes()
                .windows(word.len())
                .any(|window| window.eq_ignore_ascii_case(word.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    use super::may_hold_any;

    #[test]
    fn a_word_is_found_in_any_case_and_a_folding_letter_always_may_hold_one() {
        assert!(may_hold_any("Full TEXT of the speech", &["text"]));
        assert!(may_hold_any("the transcript", &["photo", "transcript"]));
        assert!(!may_hold_any("The minister spoke.", &["photo", "text"]));
        assert!(may_hold_any("tranſcript", &["nothing"]));
        assert!(!may_hold_any("", &["text"]));
    }
}
