//! Which line of a copied page is the article's headline. Every title-like line is a
//! candidate; the headline is the one that opens a long run of prose about what it says,
//! with a byline or date beside it, and no prose of the same story just above it (that
//! would make it a subheading). Related headlines, section names, promotions and
//! captions fail one or more of these tests.

use super::language::{is_cjk, Language};
use super::prose::{weight, Prose};
use super::Shape;
use crate::text::{floor_char_boundary, fold};
use std::cell::OnceCell;
use std::collections::HashSet;

/// A headline candidate and what its score was made of, for the evidence shown to users.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the line.
    pub line: usize,
    /// Index of the first line of prose after it.
    pub lead: usize,
    pub score: f32,
    /// Share of its words that the start of the following text repeats.
    pub overlap: f32,
    /// A byline or date stands just below it.
    pub byline: bool,
}

/// How far below a candidate its first prose line may be.
const LEAD_WITHIN: usize = 25;
/// How many lines below a candidate (share buttons aside) its byline or date may be.
const BYLINE_WITHIN: usize = 9;
/// How much prose after the lead counts, in characters, and the gap (in weight) that
/// ends it.
const FOLLOW_CHARS: usize = 6000;
const FOLLOW_GAP: f32 = -300.0;
/// Bytes of the following text that a headline's words are looked for in first.
const LEAD_BYTES: usize = 800;
/// Candidates this close to the best score are equally likely; the earliest of them wins,
/// since a page shows its own story before the stories it links to.
const EQUAL_MARGIN: f32 = 0.35;
/// What it costs a candidate to be an organisation's name or an office ("Department of
/// Coastal Communities", "Minister for Regional Education"): a masthead above the
/// headline, seldom the headline itself.
const ORGANISATION_COST: f32 = 0.8;
/// A kicker or section label above a headline has at most this many words.
const KICKER_WORDS: usize = 5;

/// What is known of each line before candidates are scored.
struct LineFacts {
    prose: Prose,
    chars: usize,
    title_like: bool,
    label_like: bool,
    share_row: bool,
    folded: String,
}

/// What is worked out of a line only when a candidate's score asks for it.
#[derive(Default)]
struct LazyFacts {
    caption: OnceCell<bool>,
    byline: OnceCell<bool>,
    /// The name of an organisation, as a masthead gives it.
    organisation: OnceCell<bool>,
}

/// The page's lines as the headline finder sees them.
pub struct Page<'a> {
    lines: &'a [&'a str],
    language: &'a Language,
    shapes: &'a Shape<'a>,
    facts: Vec<LineFacts>,
    lazy: Vec<LazyFacts>,
}

/// Whether a line can be a headline at all: a handful of words that do not end like a
/// sentence, and no byline, caption, address, share row or date stamp.
fn title_like(text: &str, language: &Language, shapes: &Shape, share_row: bool) -> bool {
    let text = text.trim();
    let shaped = if language.unspaced {
        unspaced_title_shape(text)
    } else {
        title_shape(text)
    };
    // The costly tests last, on the few lines shaped like a headline.
    let stamp = || text.starts_with(|c: char| c.is_ascii_digit()) && (shapes.has_date)(text);
    let furniture = || {
        share_row
            || stamp()
            || shapes.vocabulary.opens_byline(text)
            || shapes.vocabulary.is_end_heading(text)
            || shapes.vocabulary.is_link_heading(text)
            || dated_sentence(text, shapes)
            || (shapes.is_furniture)(text)
            || (shapes.is_caption)(text)
    };
    shaped && !furniture()
}

/// A headline's shape in a script written without spaces.
fn unspaced_title_shape(text: &str) -> bool {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let chars = text.chars().count();
    (8..=80).contains(&chars) && cjk >= 6 && !text.ends_with('。')
}

/// A headline's shape: three to forty words, one sentence, not ending like one (but for an
/// abbreviation), not a lead-in, not starting in lower case (a sentence's middle:
/// "expressing grave concern over …"), no web address.
fn title_shape(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let worded = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let abbreviated = words.last().is_some_and(|w| is_abbreviation(w));
    // "Kowalski said that famine remained a priority. “Let us …”": two sentences.
    let sentences = words.len() > 12
        && words.windows(2).any(|p| {
            p[0].ends_with(['.', '!', '?'])
                && p[1].starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
        });
    (3..=40).contains(&worded)
        && words.len() <= 40
        && text.len() <= 300
        && !text.starts_with(char::is_lowercase)
        && (!text.ends_with('.') || abbreviated || text.ends_with("..."))
        // "The following is the text of …:", a list's lead-in: what follows is the text.
        && !text.ends_with([':', ',', ';'])
        && !text.starts_with("http")
        && !text.starts_with("www.")
        && !sentences
}

/// "EDINBURGH, 3 December 2021 – Nearly half of …": a dateline opening a paragraph.
fn dated_sentence(text: &str, shapes: &Shape) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() > 12 && (shapes.has_date)(&words[..5].join(" "))
}

/// "N.Y.C.", "U.S.", "Inc.": a headline may end in an abbreviation's full stop.
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.');
    let dotted = word.matches('.').count() >= 2 && letters.clone().all(char::is_alphabetic);
    let short = word.ends_with('.')
        && (2..=4).contains(&word.chars().count())
        && word.starts_with(char::is_uppercase);
    dotted || short
}

/// A line that is all one quotation: a pull quote or a promotion, seldom a headline.
fn is_quotation(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['“', '"', '«', '„']) && text.ends_with(['”', '"', '»', '“'])
}

/// A section name, kicker or breadcrumb rather than a headline: a few capitalised words,
/// a short line in capitals, or segments between separators.
fn label_like(text: &str, language: &Language) -> bool {
    let text = text.trim();
    let separators = [" > ", " | ", " » ", " › ", " • ", " · ", " / ", ">>"]
        .iter()
        .map(|s| text.matches(s).count())
        .sum::<usize>();
    if language.unspaced {
        return text.chars().count() < 10 || separators >= 2;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    (words.len() <= 3 && capitalised)
        || (letters > 0 && upper == letters && words.len() <= 5)
        || separators >= 2
}

/// The words of a text that carry its subject: folded, not stop words, four letters or
/// more; for unspaced scripts, pairs of characters.
pub(super) fn content_words(text: &str, language: &Language) -> HashSet<String> {
    if language.unspaced {
        let chars: Vec<char> = text.chars().filter(|&c| is_cjk(c)).collect();
        return chars.windows(2).map(|p| p.iter().collect()).collect();
    }
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !language.is_stop_word(w))
        .map(str::to_string)
        .collect()
}

impl<'a> Page<'a> {
    /// The page of `lines`, each line's facts worked out once.
    pub fn new(lines: &'a [&'a str], language: &'a Language, shapes: &'a Shape<'a>) -> Self {
        let facts = lines
            .iter()
            .map(|line| {
                let text = line.trim();
                let share_row = shapes.vocabulary.is_share_row(text);
                LineFacts {
                    prose: super::prose::classify(text, language),
                    chars: text.chars().count(),
                    title_like: title_like(text, language, shapes, share_row),
                    label_like: label_like(text, language),
                    share_row,
                    folded: fold(text),
                }
            })
            .collect();
        let lazy = lines.iter().map(|_| LazyFacts::default()).collect();
        Page {
            lines,
            language,
            shapes,
            facts,
            lazy,
        }
    }

    /// Whether line `i` is a photo caption or credit.
    fn caption(&self, i: usize) -> bool {
        *self.lazy[i]
            .caption
            .get_or_init(|| (self.shapes.is_caption)(self.lines[i].trim()))
    }

    /// Whether line `i` is a byline, date or time: what stands beside a headline.
    fn byline(&self, i: usize) -> bool {
        *self.lazy[i].byline.get_or_init(|| {
            let text = self.lines[i].trim();
            text.split_whitespace().count() <= 20
                && (self.shapes.vocabulary.opens_byline(text) || (self.shapes.has_date)(text))
        })
    }

    /// Whether line `i` names an organisation or an office.
    fn organisation(&self, i: usize) -> bool {
        *self.lazy[i]
            .organisation
            .get_or_init(|| (self.shapes.is_organisation)(self.lines[i].trim()))
    }

    /// Each line's prose class.
    pub fn prose(&self) -> Vec<Prose> {
        self.facts.iter().map(|f| f.prose).collect()
    }

    fn is_prose(&self, i: usize) -> bool {
        self.facts[i].prose.is_prose()
    }

    /// The first prose line below `k` that is not itself title-like.
    fn lead(&self, k: usize) -> Option<usize> {
        (k + 1..self.lines.len().min(k + 1 + LEAD_WITHIN))
            .find(|&j| self.is_prose(j) && !self.facts[j].title_like)
    }

    /// Whether a byline or date follows `k` before its story's prose or another
    /// headline; rows of share buttons between them do not count.
    fn byline_below(&self, k: usize) -> bool {
        let mut seen = 0;
        let mut prose = 0;
        for j in k + 1..self.lines.len() {
            let facts = &self.facts[j];
            if facts.share_row || self.caption(j) {
                continue;
            }
            seen += 1;
            if seen > BYLINE_WITHIN {
                return false;
            }
            if self.byline(j) {
                return true;
            }
            if facts.prose.is_prose() {
                prose += 1;
                if prose >= 2 {
                    return false;
                }
            } else if facts.title_like && !facts.label_like && seen > 2 {
                return false;
            }
        }
        false
    }

    /// The prose that follows a lead until a long gap: its text and its size.
    fn following(&self, lead: usize) -> (String, usize) {
        let mut text = String::new();
        let mut size = 0;
        let mut gap = 0.0;
        for j in lead..self.lines.len() {
            let facts = &self.facts[j];
            let w = weight(facts.prose, facts.chars);
            if w > 0.0 {
                text.push_str(self.lines[j]);
                text.push(' ');
                size += facts.chars.min(600);
                gap = 0.0;
            } else {
                gap += w;
                if gap <= FOLLOW_GAP {
                    break;
                }
            }
            if size > FOLLOW_CHARS {
                break;
            }
        }
        (text, size)
    }

    /// How many lines between the candidate and its lead are neither share buttons,
    /// labels nor bylines: a headline has little else between it and its story.
    fn between(&self, k: usize, lead: usize) -> usize {
        (k + 1..lead)
            .filter(|&j| {
                let f = &self.facts[j];
                !(f.share_row || f.label_like || self.byline(j))
            })
            .count()
    }

    fn score(&self, k: usize) -> Option<Candidate> {
        let lead = self.lead(k)?;
        let (follow, size) = self.following(lead);
        let words = content_words(self.lines[k], self.language);
        let near = content_words(
            &follow[..floor_char_boundary(&follow, LEAD_BYTES)],
            self.language,
        );
        let far = content_words(&follow, self.language);
        let share = |found: &HashSet<String>| {
            words.intersection(found).count() as f32 / (words.len() as f32 + 1.0)
        };
        let (overlap, overall) = (share(&near), share(&far));
        let prose_above = self.text_above(k).1;
        let byline = self.byline_below(k);
        let byline_above = (k.saturating_sub(2)..k).any(|j| self.byline(j));
        // Shown twice (in a breadcrumb, a share text): the page's own story; shown again
        // and again: a carousel of promotions.
        let folded = &self.facts[k].folded;
        let shown = self
            .facts
            .iter()
            .filter(|f| f.folded.contains(folded.as_str()))
            .count();
        let repeated = folded.chars().count() >= 20 && (2..=3).contains(&shown);
        let flag = |b: bool, w: f32| if b { w } else { 0.0 };
        let score = 1.5 * overlap
            + overall
            + flag(byline, 1.0)
            + flag(byline_above, 0.4)
            + flag(repeated, 0.3)
            + (size as f32 / 2500.0).min(1.0)
            - (self.between(k, lead) + 1) as f32 / 25.0
            - (prose_above as f32 / 600.0).min(1.0)
            - flag(self.facts[k].label_like, 1.0)
            - flag(self.organisation(k), ORGANISATION_COST)
            - flag(is_quotation(self.lines[k]), 0.5);
        Some(Candidate {
            line: k,
            lead,
            score,
            overlap,
            byline,
        })
    }

    /// The text above line `k` before a gap: how many paragraphs, how many characters.
    /// Sentences count whatever their stop words: a lede dense in names and figures is
    /// text too.
    fn text_above(&self, k: usize) -> (usize, usize) {
        let (mut gap, mut chars, mut lines) = (0.0_f32, 0, 0);
        for (j, facts) in self.facts[..k].iter().enumerate().rev() {
            let sentence = facts.chars >= 70 && super::prose::ends_sentence(self.lines[j]);
            let w = if sentence {
                weight(facts.prose, facts.chars).max(1.0)
            } else {
                weight(facts.prose, facts.chars)
            };
            if w > 0.0 {
                gap = 0.0;
                if facts.prose.is_prose() || sentence {
                    chars += facts.chars;
                    lines += 1;
                }
            } else {
                gap += w;
                if gap <= FOLLOW_GAP {
                    break;
                }
            }
        }
        (lines, chars)
    }

    /// Whether line `k` stands inside a run of text: two or more paragraphs, 300
    /// characters or more, above it before a gap.
    pub fn inside_prose(&self, k: usize) -> bool {
        let (lines, chars) = self.text_above(k);
        lines >= 2 && chars >= 300
    }

    /// The headline of the story that starts at `lead`: its best candidate that is no
    /// label, and no organisation's name while another line could be the headline.
    fn best_in_story<'c>(&self, candidates: &'c [Candidate], lead: usize) -> Option<&'c Candidate> {
        let best = |organisations: bool| {
            candidates
                .iter()
                .filter(|c| c.lead == lead && !self.facts[c.line].label_like)
                .filter(|c| organisations || !self.organisation(c.line))
                .max_by(|a, b| a.score.total_cmp(&b.score).then(b.line.cmp(&a.line)))
        };
        best(false).or_else(|| best(true))
    }

    /// Every title-like line, scored.
    pub fn candidates(&self) -> Vec<Candidate> {
        (0..self.lines.len())
            .filter(|&k| self.facts[k].title_like && self.facts[k].prose != Prose::Good)
            .filter_map(|k| self.score(k))
            .collect()
    }

    /// The headline among the candidates: the best, or the earliest of those as good; the
    /// line above it when it is the standfirst; the line below when it is a kicker.
    pub fn choose(&self, candidates: &[Candidate]) -> Option<Candidate> {
        let best = candidates
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score).then(b.line.cmp(&a.line)))?;
        // Of the stories as likely as the best, the first (its headline's best line).
        let story = candidates
            .iter()
            .filter(|c| c.score >= best.score - EQUAL_MARGIN)
            .min_by_key(|c| c.line)
            .map_or(best.lead, |c| c.lead);
        let mut chosen = self.best_in_story(candidates, story).unwrap_or(best);
        let words = |c: &Candidate| self.lines[c.line].split_whitespace().count();
        // A standfirst under the headline reads like one too: the line above, as long or
        // longer, wins (a shorter one is a masthead or a kicker).
        if let Some(above) = candidates
            .iter()
            .filter(|c| {
                c.line < chosen.line
                    && c.line + 3 > chosen.line
                    && c.overlap >= 0.5 * chosen.overlap
                    && words(c) > KICKER_WORDS
                    && !self.facts[c.line].label_like
                    && !self.organisation(c.line)
            })
            .min_by_key(|c| c.line)
        {
            chosen = above;
        }
        // A kicker above the headline ("Sur vos écrans cette semaine"): the longer line
        // below, with the byline, is the headline.
        if words(chosen) <= KICKER_WORDS {
            if let Some(below) = candidates
                .iter()
                .find(|c| c.line == chosen.line + 1 && c.byline && words(c) > words(chosen))
            {
                chosen = below;
            }
        }
        Some(chosen.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_abbreviations_and_quotations() {
        let en = Language::english();
        assert!(label_like("Business News", &en));
        assert!(label_like("Home > World > Africa", &en));
        assert!(!label_like("United States to Lift Sudan Sanctions", &en));
        assert!(is_abbreviation("N.Y.C."));
        assert!(is_abbreviation("Inc."));
        assert!(!is_abbreviation("sanctions."));
        assert!(is_quotation("“One girl can be silenced”"));
    }
}
