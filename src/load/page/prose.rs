//! How much a line reads like the prose of an article, measured the way jusText measures
//! a block: its length and the share of its words that are stop words. Menus, labels,
//! headlines of other stories and share buttons are short or made of names; the sentences
//! of a story are long and full of "the", "of" and "that".

use super::language::Language;
use crate::text::fold;

/// A line's class by its length and stop-word density.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// A long sentence in the text's language.
    Good,
    /// Prose, but short, or with few stop words.
    NearGood,
    /// Too short to tell, but a sentence ("Thank you.", "Decides to remain seized of the
    /// matter."): a closing paragraph, no loss to the article it ends.
    ShortSentence,
    /// Too short to tell.
    Short,
    /// Long, but not prose: a run of names, links or numbers.
    Bad,
}

impl Prose {
    /// Whether the line reads as prose at all.
    pub fn is_prose(self) -> bool {
        matches!(self, Prose::Good | Prose::NearGood)
    }
}

/// Lines shorter than this many characters are too short to judge (jusText's
/// LENGTH_LOW); from the upper one a line with enough stop words is good prose.
const SHORT_BELOW: usize = 70;
const LONG_FROM: usize = 200;
/// The same bounds for scripts written without spaces, where a character carries about as
/// much as a short word.
const UNSPACED_SHORT_BELOW: usize = 20;
const UNSPACED_LONG_FROM: usize = 60;
/// Stop-word densities of good and of near-good prose (jusText's STOPWORDS_HIGH and LOW).
const DENSE: f32 = 0.32;
const NEAR: f32 = 0.30;
/// A long sentence with at least this density still reads as prose: news prose dense in
/// names and figures ("1Password kostet aktuell knapp 50 Euro im Mac App Store …").
const SENTENCE: f32 = 0.15;

/// The class of one line of text.
pub fn classify(text: &str, language: &Language) -> Prose {
    let text = text.trim();
    let chars = text.chars().count();
    if language.unspaced {
        return classify_unspaced(text, chars);
    }
    if chars < SHORT_BELOW {
        return short(text);
    }
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Prose::Bad;
    }
    if !language.has_stop_words() {
        return by_shape(text, words.len(), chars);
    }
    let stop = words.iter().filter(|w| language.is_stop_word(w)).count();
    let density = stop as f32 / words.len() as f32;
    if density >= DENSE && chars >= LONG_FROM {
        Prose::Good
    } else if density >= NEAR
        || (words.len() >= 10 && ends_sentence(text) && (density >= SENTENCE || quotes(text)))
    {
        Prose::NearGood
    } else {
        Prose::Bad
    }
}

/// A line of a language with no stop-word list: a long sentence is prose, a long line
/// that ends no sentence (a menu, a row of links) is not.
fn by_shape(text: &str, words: usize, chars: usize) -> Prose {
    match (words >= 10 && ends_sentence(text), chars >= LONG_FROM) {
        (true, true) => Prose::Good,
        (true, false) => Prose::NearGood,
        (false, _) => Prose::Bad,
    }
}

/// Whether a line holds a quotation: a long sentence with one is something said, prose
/// whatever its language (a quote left in the speaker's tongue, a text in a language
/// whose stop words the loader does not know); menus and labels quote no one.
fn quotes(text: &str) -> bool {
    text.contains(['“', '«', '„', '"'])
}

fn short(text: &str) -> Prose {
    let words = text.split_whitespace().count();
    // "Time: 10:30", "Venue: Parliament Hill": an advisory's particulars read as content.
    let field = text
        .split_once(": ")
        .is_some_and(|(label, value)| label.chars().count() <= 20 && !value.trim().is_empty());
    if (words >= 2 && ends_sentence(text) && !text.ends_with(':')) || field {
        Prose::ShortSentence
    } else {
        Prose::Short
    }
}

/// Chinese or Japanese: a line of prose has sentence marks and pauses ("。", "，", "、").
fn classify_unspaced(text: &str, chars: usize) -> Prose {
    if chars < UNSPACED_SHORT_BELOW {
        return short(text);
    }
    let stops = text
        .chars()
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .count();
    let pauses = text
        .chars()
        .filter(|c| matches!(c, '，' | '、' | '。'))
        .count();
    match (stops > 0 && pauses >= 2, chars >= UNSPACED_LONG_FROM) {
        (true, true) => Prose::Good,
        (true, false) => Prose::NearGood,
        (false, _) => Prose::Bad,
    }
}

/// Whether a line ends as a sentence does, in any of the scripts the loader reads.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '!', '?', '…', '。', '！', '？', '"', '”', '»', '’', ')', ']', ':',
    ])
}

/// What a line adds to the article it may belong to: good prose its length (capped, so a
/// single long block cannot outweigh everything), near-good half as much, a short line a
/// little less than nothing, and a long run of non-prose a clear loss.
pub fn weight(prose: Prose, chars: usize) -> f32 {
    let chars = chars as f32;
    match prose {
        Prose::Good => chars.min(600.0),
        Prose::NearGood => chars.min(600.0) * 0.5,
        Prose::ShortSentence => 5.0,
        Prose::Short => -25.0,
        Prose::Bad => -chars.min(200.0) * 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_menus_and_labels_are_told_apart() {
        let en = Language::english();
        let sentence = "President Barack Obama has admitted that his failure to pass gun safety laws in the US is the greatest frustration of his presidency, in an interview with the BBC on Friday.";
        assert_eq!(classify(sentence, &en), Prose::NearGood);
        assert!(classify(&format!("{sentence} {sentence}"), &en) == Prose::Good);
        assert_eq!(classify("Share on Facebook", &en), Prose::Short);
        let foreign_quote = "“Wir schaffen das, und wer uns dabei im Weg steht, der wird sich wundern,” Merkel said.";
        assert_eq!(classify(foreign_quote, &en), Prose::NearGood);
        let unknown = Language::unknown();
        let sentence = "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν για άλλη μία εβδομάδα στην πρωτεύουσα.";
        assert_eq!(classify(sentence, &unknown), Prose::NearGood);
        let menu =
            "Αρχική Πολιτική Οικονομία Κόσμος Αθλητισμός Πολιτισμός Υγεία Τεχνολογία Απόψεις";
        assert_eq!(classify(menu, &unknown), Prose::Bad);
        assert_eq!(
            classify("Home News Sport Weather iPlayer Sounds Bitesize CBeebies CBBC Food Home News Sport", &en),
            Prose::Bad
        );
    }
}
