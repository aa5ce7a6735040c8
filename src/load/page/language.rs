//! Which language a text is written in, told by the share of each language's stop words:
//! the same lists that measure how much a line reads like prose.

use crate::load::data::entries;
use crate::text::fold;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The stop-word lists compiled in, by ISO 639-1 code.
const STOP_WORD_FILES: &[(&str, &str)] = &[
    ("en", include_str!("../data/stopwords/en.txt")),
    ("de", include_str!("../data/stopwords/de.txt")),
    ("fr", include_str!("../data/stopwords/fr.txt")),
    ("es", include_str!("../data/stopwords/es.txt")),
    ("pt", include_str!("../data/stopwords/pt.txt")),
    ("it", include_str!("../data/stopwords/it.txt")),
    ("nl", include_str!("../data/stopwords/nl.txt")),
    ("cs", include_str!("../data/stopwords/cs.txt")),
    ("pl", include_str!("../data/stopwords/pl.txt")),
    ("sv", include_str!("../data/stopwords/sv.txt")),
    ("da", include_str!("../data/stopwords/da.txt")),
    ("no", include_str!("../data/stopwords/no.txt")),
    ("ro", include_str!("../data/stopwords/ro.txt")),
    ("tr", include_str!("../data/stopwords/tr.txt")),
    ("ru", include_str!("../data/stopwords/ru.txt")),
];

/// Every language's stop words, folded.
static STOP_WORDS: LazyLock<Vec<(&'static str, HashSet<String>)>> = LazyLock::new(|| {
    STOP_WORD_FILES
        .iter()
        .map(|(code, file)| (*code, word_list(file)))
        .collect()
});

fn word_list(file: &'static str) -> HashSet<String> {
    entries(file).map(fold).collect()
}

/// How far into a text language detection reads: enough words to tell, bounded cost.
const SAMPLE_BYTES: usize = 6_000;

/// The language of a text, as far as the loader needs it.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// ISO 639-1 code ("en", "zh" for Chinese and Japanese, "ko").
    pub code: &'static str,
    /// Written without spaces between words (Chinese, Japanese): lengths count characters
    /// and prose is told by its sentence punctuation.
    pub unspaced: bool,
    stop: Option<usize>,
}

impl Language {
    /// Whether a folded word is one of the language's stop words.
    pub fn is_stop_word(&self, folded: &str) -> bool {
        self.stop
            .and_then(|i| STOP_WORDS.get(i))
            .is_some_and(|(_, words)| words.contains(folded))
    }

    /// The language by its code, when a list of its stop words is compiled in.
    pub fn by_code(code: &str) -> Option<Language> {
        let index = STOP_WORDS.iter().position(|(c, _)| *c == code)?;
        Some(Language {
            code: STOP_WORDS[index].0,
            unspaced: false,
            stop: Some(index),
        })
    }

    /// A language with no stop-word list: lines are prose by their shape (long sentences).
    pub fn unknown() -> Language {
        Language {
            code: "und",
            unspaced: false,
            stop: None,
        }
    }

    /// Whether the language's stop words are known, so a line's density can be measured.
    pub fn has_stop_words(&self) -> bool {
        self.stop.is_some()
    }

    /// English: what an undecided text is read as.
    pub fn english() -> Language {
        Language::by_code("en").unwrap_or(Language {
            code: "en",
            unspaced: false,
            stop: None,
        })
    }
}

/// A text this long (in words) whose best list covers under a sixth of them is in a
/// language with no list: prose in any listed language is a third or more stop words.
const UNKNOWN_FROM_WORDS: usize = 40;

/// Chinese, Japanese and Korean characters: scripts written without spaces (Hangul is
/// spaced, but its words are long enough to count the same way).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The language most of `lines` is written in.
pub fn detect<'a>(lines: impl IntoIterator<Item = &'a str>) -> Language {
    let mut sample = String::new();
    for line in lines {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(line);
        sample.push('\n');
    }
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let cjk = sample.chars().filter(|&c| is_cjk(c)).count();
    if letters > 0 && cjk * 10 >= letters * 3 {
        let kana = sample.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}'));
        let hangul = sample
            .chars()
            .filter(|c| matches!(c, '\u{ac00}'..='\u{d7af}'))
            .count();
        let code = if kana {
            "ja"
        } else if hangul * 2 > cjk {
            "ko"
        } else {
            "zh"
        };
        return Language {
            code,
            unspaced: true,
            stop: None,
        };
    }
    let folded = fold(&sample);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let hits = |words_of: &HashSet<String>| words.iter().filter(|w| words_of.contains(**w)).count();
    // Most texts are English and say so at once: a third of their words are its stop
    // words (no other list comes close on English prose).
    if let Some((0, (_, english))) = STOP_WORDS.iter().enumerate().next() {
        if hits(english) * 3 >= words.len() && words.len() >= 20 {
            return Language::english();
        }
    }
    let best = STOP_WORDS
        .iter()
        .enumerate()
        .map(|(i, (_, list))| (hits(list), i))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    match best {
        // A language none of the lists knows: prose is told by its shape alone.
        Some((count, _)) if words.len() >= UNKNOWN_FROM_WORDS && count * 6 < words.len() => {
            Language::unknown()
        }
        Some((count, index)) if count >= 5 => Language {
            code: STOP_WORDS[index].0,
            unspaced: false,
            stop: Some(index),
        },
        // Too few stop words of any list to tell: read it as English.
        _ => Language::english(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_languages_apart() {
        for (text, code) in [
            ("The minister said that the talks would go on for another week in the capital.", "en"),
            ("Der Minister sagte, dass die Gespräche noch eine Woche in der Hauptstadt dauern würden.", "de"),
            ("Le ministre a déclaré que les discussions se poursuivraient encore une semaine dans la capitale.", "fr"),
            ("El ministro dijo que las conversaciones continuarían otra semana en la capital del país.", "es"),
            ("宇航员在太空中喝酒会怎么样？后果很严重。这让人感到巨大压力和极度恐慌。", "zh"),
            ("トレンドマイクロは3月9日、セキュリティアプリの発売を開始すると発表した。", "ja"),
        ] {
            assert_eq!(detect([text]).code, code, "{text}");
        }
    }

    #[test]
    fn a_language_with_no_list_is_unknown_not_english() {
        let greek = "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν για άλλη μία εβδομάδα στην πρωτεύουσα. ";
        let text = greek.repeat(4);
        let language = detect([text.as_str()]);
        assert_eq!(language.code, "und");
        assert!(!language.has_stop_words());
        // A short line is too little to tell: it is read as English.
        assert_eq!(detect([greek]).code, "en");
    }

    #[test]
    fn every_stop_word_list_is_read() {
        for (code, file) in STOP_WORD_FILES {
            let language = Language::by_code(code).map(|l| l.code);
            assert_eq!(language, Some(*code));
            for entry in entries(file) {
                let lang = Language::by_code(code).unwrap_or_else(Language::english);
                assert!(lang.is_stop_word(&fold(entry)), "{code}: {entry}");
            }
        }
    }
}
