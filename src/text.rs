//! Text helpers shared by the loader and the cross-linker: folding for comparison,
//! word splitting and slugs.

use unicode_normalization::char::is_combining_mark;

/// FNV-1a's starting state.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's multiplier.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, from `state` (`FNV_OFFSET` to start): quick, and stable across
/// runs and platforms, as hashes that decide output must be.
pub fn fnv1a(bytes: &[u8], state: u64) -> u64 {
    bytes
        .iter()
        .fold(state, |h, b| (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME))
}

/// Whether a word is a number written in digits only.
pub fn all_digits(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_digit())
}

/// Folds a string for matching: lower case, no diacritics, typographic quotes and
/// dashes made plain, so 'Thorbjörn' and 'Thorbjørn' compare equal.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // The common case, runs of ASCII, without the cost of decomposition.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(ascii);
        if run.contains('`') {
            out.push_str(&run.replace('`', "'"));
        } else {
            out.push_str(run);
        }
        let from = out.len() - run.len();
        if let Some(pushed) = out.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            unicode_normalization::char::decompose_canonical(c, |d| fold_char(d, &mut out));
        }
        rest = chars.as_str();
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    match c {
        // Letters that do not decompose under NFD but are variants of a Latin letter.
        'ø' | 'Ø' => out.push('o'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ß' => out.push_str("ss"),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'þ' | 'Þ' => out.push_str("th"),
        'ı' => out.push('i'),
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => out.push('\''),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => out.push('-'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A text with typographic punctuation (curly quotes, dashes, ellipses, bullets,
/// no-break spaces) replaced by ASCII, and a map back to the original offsets. Patterns
/// run over it stay on the regex engine's fast path, which gives up on Unicode word
/// boundaries at the first non-ASCII byte; most press texts are ASCII but for these marks.
pub struct AsciiView<'t> {
    pub text: std::borrow::Cow<'t, str>,
    /// For each byte offset of `text` that starts a character (and its end), the offset in
    /// the original; empty when nothing was replaced.
    original: Vec<usize>,
}

impl<'t> AsciiView<'t> {
    pub fn new(source: &'t str) -> Self {
        let needs = source.chars().any(|c| ascii_for(c).is_some());
        if !needs {
            return AsciiView {
                text: std::borrow::Cow::Borrowed(source),
                original: Vec::new(),
            };
        }
        let mut text = String::with_capacity(source.len());
        let mut original = Vec::with_capacity(source.len() + 1);
        for (at, c) in source.char_indices() {
            let before = text.len();
            match ascii_for(c) {
                Some(a) => text.push(a),
                None => text.push(c),
            }
            original.extend(std::iter::repeat_n(at, text.len() - before));
        }
        original.push(source.len());
        AsciiView {
            text: std::borrow::Cow::Owned(text),
            original,
        }
    }

    /// The original offset of an offset into `text`.
    pub fn original(&self, at: usize) -> usize {
        if self.original.is_empty() {
            at
        } else {
            self.original.get(at).copied().unwrap_or(at)
        }
    }
}

fn ascii_for(c: char) -> Option<char> {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' => Some('\''),
        '“' | '”' | '„' | '‟' | '″' => Some('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Some('-'),
        '…' | '•' | '·' => Some('.'),
        '\u{a0}' | '\u{2009}' | '\u{202f}' => Some(' '),
        _ => None,
    }
}

/// The folded words of a text: letters and digits only, so punctuation, quote marks
/// and dashes never make two spellings of the same words differ.
pub fn folded_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A text folded once, with the byte span of each word: the words of `folded_words`
/// without a string per word.
pub struct FoldedWords {
    pub folded: String,
    spans: Vec<(u32, u32)>,
}

impl FoldedWords {
    pub fn new(text: &str) -> Self {
        let folded = fold(text);
        let mut spans = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in folded.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    spans.push(span(s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            spans.push(span(s, folded.len()));
        }
        FoldedWords { folded, spans }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `i`th word.
    pub fn word(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(s, e)| self.folded.get(s as usize..e as usize))
            .unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.spans.len()).map(|i| self.word(i))
    }

    /// What stands between the `i`th word and the one before it (spaces, punctuation).
    pub fn before(&self, i: usize) -> &str {
        let end = self
            .spans
            .get(i)
            .map_or(self.folded.len(), |s| s.0 as usize);
        let start = i
            .checked_sub(1)
            .and_then(|p| self.spans.get(p))
            .map_or(0, |s| s.1 as usize);
        self.folded.get(start..end).unwrap_or("")
    }
}

fn span(start: usize, end: usize) -> (u32, u32) {
    (
        u32::try_from(start).unwrap_or(u32::MAX),
        u32::try_from(end).unwrap_or(u32::MAX),
    )
}

/// Collapses runs of whitespace (including no-break spaces) into single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A URL slug: folded ASCII words joined by '-', cut at a word boundary.
pub fn slugify(text: &str, max_len: usize) -> String {
    let mut slug = String::new();
    for word in fold(text).split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() && slug.len() + 1 + word.len() > max_len {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
        if slug.len() >= max_len {
            slug.truncate(max_len);
            break;
        }
    }
    slug
}

/// The largest char boundary of `text` at or before `index` (clamped to its length), so
/// that an offset moved back by bytes never cuts a character in two.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut at = index.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The number of words in a text, counting runs of letters or digits.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            // Chinese and Japanese leave no spaces between words: two characters make
            // about one, so a paragraph of them counts as one.
            let unspaced = w.chars().filter(|&c| is_unspaced_script(c)).count();
            (unspaced / 2).max(1)
        })
        .sum()
}

/// Chinese characters and Japanese kana: scripts written without spaces between words.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// A short stable hexadecimal hash, used for ids that must not move between builds.
pub fn short_hash(text: &str) -> String {
    short_hash_bytes(text.as_bytes())
}

/// The same short hash of any bytes.
pub fn short_hash_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_makes_spelling_variants_equal() {
        assert_eq!(fold("Thorbjörn"), fold("Thorbjørn"));
        assert_eq!(fold("“Eyes” – ears"), "\"eyes\" - ears");
    }

    /// Folding one character at a time, as `fold` did before it copied ASCII in runs.
    fn fold_each_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c == '`' {
                out.push('\'');
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                unicode_normalization::char::decompose_canonical(c, |d| fold_char(d, &mut out));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folding_in_runs_is_folding_each_character(text in "[a-zA-Z `'é€ÆŁ“”–\\PC]{0,40}") {
            proptest::prop_assert_eq!(fold(&text), fold_each_char(&text));
        }
    }

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(
            slugify("Ban Ki-moon back in Brussels", 60),
            "ban-ki-moon-back-in-brussels"
        );
        assert_eq!(
            slugify("Genocide: “UN works hard”", 60),
            "genocide-un-works-hard"
        );
        assert!(slugify(&"word ".repeat(40), 30).len() <= 30);
        assert_eq!(slugify("“”", 30), "");
    }

    #[test]
    fn folded_words_ignore_punctuation() {
        assert_eq!(
            folded_words("diplomacy, and, if"),
            vec!["diplomacy", "and", "if"]
        );
    }
}
