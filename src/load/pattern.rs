//! The loader's built-in regexes: compiling them, and running capturing ones quickly.

use regex::Regex;

/// A built-in pattern, compiled; it is part of the program, so failing to compile is a
/// bug the tests catch, never something a source file can cause.
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern must compile: {e}"))
}

/// Like `re.captures_iter(text)`, but the fast matcher finds each match first and the
/// slower capturing one only runs at that spot: on long paragraphs that is many times
/// quicker. The haystack keeps a few bytes past the match, so word boundaries at its end
/// are judged as in the whole text.
pub(crate) fn captures_all<'t>(re: &Regex, text: &'t str) -> Vec<regex::Captures<'t>> {
    let spans: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    spans
        .into_iter()
        .filter_map(|(start, end)| {
            let mut until = (end + 4).min(text.len());
            while !text.is_char_boundary(until) {
                until += 1;
            }
            re.captures_at(&text[..until], start)
        })
        .collect()
}
