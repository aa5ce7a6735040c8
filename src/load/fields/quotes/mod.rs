//! Quoted speech: finding quoted spans (curly, straight, nested, running over paragraphs)
//! and attributing each to a speaker.

mod attribution;

pub use attribution::attribute;

use crate::load::document::Quote;
use crate::text::word_count;

/// A quoted span as found, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    pub text: String,
    /// Paragraph the opening mark is in, and the byte offset just before that mark.
    pub paragraph: usize,
    pub open_at: usize,
    /// Paragraph the closing mark is in, and the byte offset just after that mark.
    pub end_paragraph: usize,
    pub close_at: usize,
}

/// An unclosed quote running over more paragraphs than this is a stray mark, not speech.
const MAX_QUOTE_PARAGRAPHS: usize = 4;

#[derive(Clone, Copy, PartialEq)]
enum Outer {
    Curly,
    /// German „…“ (and Polish „…”): the low mark opens, either high mark closes.
    Low,
    Straight,
}

struct Open {
    outer: Outer,
    depth: usize,
    paragraph: usize,
    open_at: usize,
    text: String,
}

/// Every top-level quoted span in the paragraphs. Curly marks nest (“…“eyes and ears”…”);
/// a quote left open at the end of a paragraph runs on into the next, whose opening mark
/// (the typographic convention for continued quotes) is skipped.
pub fn find_quoted_spans(paragraphs: &[&str]) -> Vec<QuotedSpan> {
    let mut spans = Vec::new();
    let mut open: Option<Open> = None;
    for (p, text) in paragraphs.iter().enumerate() {
        if let Some(o) = open.as_mut() {
            if p - o.paragraph >= MAX_QUOTE_PARAGRAPHS {
                open = None;
            } else {
                o.text.push(' ');
            }
        }
        let mut skip_continuation_mark = open.is_some();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = if k == 0 { None } else { Some(chars[k - 1].1) };
            let next = chars.get(k + 1).map(|&(_, n)| n);
            if skip_continuation_mark {
                skip_continuation_mark = false;
                if matches!(c, '“' | '„' | '«' | '"') {
                    continue;
                }
            }
            match (c, open.as_mut()) {
                ('“' | '„' | '«', None) => {
                    open = Some(Open {
                        outer: if c == '„' { Outer::Low } else { Outer::Curly },
                        depth: 1,
                        paragraph: p,
                        open_at: i,
                        text: String::new(),
                    })
                }
                ('“' | '”', Some(o)) if o.outer == Outer::Low && o.depth == 1 => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + c.len_utf8(),
                    });
                    open = None;
                }
                ('“' | '„' | '«', Some(o)) => {
                    o.depth += 1;
                    o.text.push(c);
                }
                ('”' | '»', Some(o)) if o.outer != Outer::Straight && o.depth > 1 => {
                    o.depth -= 1;
                    o.text.push(c);
                }
                ('”' | '»', Some(o)) if o.outer != Outer::Straight => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + c.len_utf8(),
                    });
                    open = None;
                }
                ('"', None) => {
                    let opens = prev.is_none_or(|x| x.is_whitespace() || "([{—–-/".contains(x))
                        && next.is_some_and(|x| !x.is_whitespace());
                    if opens {
                        open = Some(Open {
                            outer: Outer::Straight,
                            depth: 1,
                            paragraph: p,
                            open_at: i,
                            text: String::new(),
                        });
                    }
                }
                ('"', Some(o)) if o.outer == Outer::Straight => {
                    spans.push(QuotedSpan {
                        text: clean_quote_text(&o.text),
                        paragraph: o.paragraph,
                        open_at: o.open_at,
                        end_paragraph: p,
                        close_at: i + 1,
                    });
                    open = None;
                }
                (_, Some(o)) => o.text.push(c),
                (_, None) => {}
            }
        }
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// The quoted words, trimmed; a comma a crawler left stranded after the closing
/// punctuation ("…twenty years ago? ,”) is dropped.
fn clean_quote_text(text: &str) -> String {
    let text = text.trim();
    let before_comma = text.strip_suffix(',').map(str::trim_end);
    match before_comma {
        Some(rest) if rest.len() + 1 < text.len() && rest.ends_with(['?', '!', '.']) => {
            rest.to_string()
        }
        _ => text.to_string(),
    }
}

/// The quotes of a text: each quoted span with its speaker, found in the paragraphs
/// `texts` among `people`. A quoted term nobody is said to have spoken ("a “call for
/// action” by the chair") is not a quote; neither is a quoted word or two.
pub(crate) fn quotes_of(spans: &[QuotedSpan], texts: &[&str], people: &[String]) -> Vec<Quote> {
    let main_person = people.first().map(String::as_str);
    let speakers_of = attribute(spans, texts, people, main_person);
    spans
        .iter()
        .zip(speakers_of)
        .filter(|(span, speaker)| {
            word_count(&span.text) >= 3 && (speaker.is_some() || looks_like_speech(&span.text))
        })
        .map(|(span, speaker)| Quote {
            text: span.text.clone(),
            speaker,
            paragraph: span.paragraph,
        })
        .collect()
}

/// A quote that reads as someone's sentence rather than a quoted term.
pub fn looks_like_speech(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase) && crate::text::word_count(text) >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        find_quoted_spans(paragraphs)
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn german_low_quotes_close_with_a_high_mark() {
        assert_eq!(
            texts(&["„Wir fahren mehr Einsätze“, sagte er. „Das geht nicht.”"]),
            vec!["Wir fahren mehr Einsätze", "Das geht nicht."]
        );
    }

    #[test]
    fn nested_curly_quotes_stay_inside_the_outer_quote() {
        let p = "“Taking away the international “eyes and ears” on the ground,” Mr. Ban told the conference.";
        assert_eq!(
            texts(&[p]),
            vec!["Taking away the international “eyes and ears” on the ground,"]
        );
    }

    #[test]
    fn straight_quotes_pair_up() {
        let p = r#""We pay tribute," the UN chief said, calling them "breakthroughs against impunity"."#;
        assert_eq!(
            texts(&[p]),
            vec!["We pay tribute,", "breakthroughs against impunity"]
        );
    }

    #[test]
    fn a_quote_runs_on_over_paragraphs() {
        let ps = [
            "“The world often proves reluctant to act.",
            "“But is that reason to look away?” he said.",
        ];
        assert_eq!(
            texts(&ps),
            vec!["The world often proves reluctant to act. But is that reason to look away?"]
        );
    }

    #[test]
    fn a_stranded_comma_after_the_closing_punctuation_is_dropped() {
        assert_eq!(
            texts(&["“Is that not an echo? ,” he said. “Yes,” she said."]),
            ["Is that not an echo?", "Yes,"]
        );
    }

    #[test]
    fn stray_marks_do_not_swallow_the_text() {
        let ps = ["He said “this", "b", "c", "d", "e", "f “real quote here” g"];
        assert_eq!(texts(&ps), vec!["real quote here"]);
    }
}
