//! Properties of the loader that hold for any text: no input makes it panic, a date it
//! reads is a slice of the text it was read from, and no word of the source is lost (it is
//! in the title, the body, or a removed line).

use pressroom::config::LoaderConfig;
use pressroom::load::date::{captured_date, find_dates, standalone_date};
use pressroom::load::rules::Rules;
use pressroom::load::{load_bytes, Document};
use pressroom::text::fold;
use proptest::prelude::*;

fn rules() -> Rules {
    Rules::new(&LoaderConfig::default(), &[])
}

/// Pieces that exercise the loader's rules: dates in several languages and forms,
/// release labels, datelines, furniture, quotes, markup, wide gaps, scripts without
/// spaces, combining marks and right-to-left text.
const PIECES: &[&str] = &[
    "FOR IMMEDIATE RELEASE",
    "GENEVA, 12 March 2021 –",
    "WASHINGTON  D C",
    "September 6  2007",
    "Tuesday  July 10  2007",
    "October 5th 2007",
    "03 15 2007",
    "21.dez.2018 às 12h55",
    "2016年10月14日07:17",
    "Publié le 30 avril 2015 à 07h19 - Mis à jour le 2 mai",
    "By Jane Doe",
    "Share on Facebook",
    "Skip to main content",
    "Related stories",
    "###",
    "“We will not wait,” said Minister Ana Ruiz.",
    "<p>Forty dams &amp; more</p>",
    "[link](https://example.org/)",
    "Genève",
    "e\u{301}\u{302}",
    "مرحبا بالعالم",
    "   ",
    "\t",
    "😀😀",
    "Comments (12)",
    "Subject: Ardania",
];

/// One line: free Unicode text, a tricky piece, or a mix of both.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,120}",
        proptest::sample::select(PIECES).prop_map(str::to_string),
        ("\\PC{0,40}", proptest::sample::select(PIECES), "\\PC{0,40}")
            .prop_map(|(a, p, b)| format!("{a}{p}{b}")),
    ]
}

/// A text of such lines, with blank lines between some of them.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((line(), any::<bool>()), 0..40).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(l, blank)| {
                if blank {
                    format!("{l}\n\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect()
    })
}

/// Every piece of a document a reader can see: title, body, removed lines.
fn visible(doc: &Document) -> String {
    let mut all = vec![doc.title.clone()];
    all.extend(doc.body.iter().map(|b| b.text().to_string()));
    all.extend(doc.removed.iter().map(|r| r.text.clone()));
    fold(&all.join(" \n "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_read_without_a_panic(text in text(), markdown in any::<bool>()) {
        let name = if markdown { "text.md" } else { "text.txt" };
        let _ = load_bytes(name, name, text.as_bytes(), &rules());
    }

    #[test]
    fn any_bytes_are_read_without_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = load_bytes("bytes.txt", "bytes.txt", &bytes, &rules());
    }

    #[test]
    fn dates_are_slices_of_their_text(text in line()) {
        for found in find_dates(&text) {
            prop_assert!(text.get(found.start..found.end).is_some(), "{found:?} in {text:?}");
        }
        for found in standalone_date(&text).into_iter().chain(captured_date(&text)) {
            prop_assert!(found.start <= found.end && found.end <= text.len());
        }
    }

    #[test]
    fn no_word_of_a_plain_text_is_lost(
        lines in prop::collection::vec("[A-Za-z][a-z]{2,9}( [A-Za-z][a-z]{2,9}){0,12}[.]?", 1..20)
    ) {
        let text = lines.join("\n\n");
        if let Ok(doc) = load_bytes("plain.txt", "plain.txt", text.as_bytes(), &rules()) {
            let seen = visible(&doc);
            for word in text.split_whitespace() {
                let word = fold(word.trim_end_matches('.'));
                prop_assert!(seen.contains(&word), "{word:?} lost from {text:?}: {seen:?}");
            }
        }
    }
}
