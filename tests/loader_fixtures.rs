//! Holds the loader to the hand-written fixtures in tests/fixtures/loader: every field of
//! every fixture (see that folder's README for the expected-fields format).

use pressroom::config::{Overrides, SiteConfig};
use pressroom::load::rules::Rules;
use pressroom::load::{load_file, Block, Document, Kind};
use std::path::{Path, PathBuf};
use toml::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loader")
}

/// A long text cut for a failure message.
fn clip(text: &str) -> String {
    match text.char_indices().nth(70) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Case and runs of whitespace aside.
fn loose(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Report => "report",
        Kind::FullText => "full_text",
        Kind::Announcement => "announcement",
        Kind::Other => "other",
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

fn check(wrong: &mut Vec<String>, field: &str, got: String, want: String) {
    if got != want {
        wrong.push(format!("{field}: got {got:?}, want {want:?}"));
    }
}

/// Every way `doc` differs from `expected`, one line each.
fn mismatches(doc: &Document, expected: &toml::Table) -> Vec<String> {
    let mut wrong = Vec::new();
    let paragraphs: Vec<&str> = doc.paragraphs().collect();
    let text = |key: &str| expected.get(key).and_then(Value::as_str);

    let title_made = expected
        .get("title_made")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    check(
        &mut wrong,
        "title_made",
        (doc.title_from == pressroom::load::TitleFrom::Made).to_string(),
        title_made.to_string(),
    );
    if let Some(title) = text("title").filter(|_| !title_made) {
        check(&mut wrong, "title", loose(&doc.title), loose(title));
    }
    if let Some(part) = text("title_contains") {
        if !loose(&doc.title).contains(&loose(part)) {
            wrong.push(format!("title: {:?} does not contain {part:?}", doc.title));
        }
    }
    if let Some(kind) = text("kind") {
        check(
            &mut wrong,
            "kind",
            kind_name(doc.kind).to_string(),
            kind.to_string(),
        );
    }
    if let Some(publisher) = text("publisher") {
        let got = doc.publisher.clone().unwrap_or_default();
        let mut accepted = vec![publisher.to_string()];
        accepted.extend(
            expected
                .get("publisher_accept")
                .map(strings)
                .unwrap_or_default(),
        );
        if !accepted.contains(&got) {
            wrong.push(format!("publisher: got {got:?}, want one of {accepted:?}"));
        }
    }
    if let Some(date) = text("date") {
        check(
            &mut wrong,
            "date",
            doc.date.as_ref().map(|d| d.date.iso()).unwrap_or_default(),
            date.to_string(),
        );
    }
    if let Some(inferred) = expected.get("date_inferred").and_then(Value::as_bool) {
        check(
            &mut wrong,
            "date_inferred",
            doc.date.as_ref().is_some_and(|d| d.inferred).to_string(),
            inferred.to_string(),
        );
    }
    if let Some(captured) = text("captured") {
        check(
            &mut wrong,
            "captured",
            doc.captured
                .as_ref()
                .map(|d| d.date.iso())
                .unwrap_or_default(),
            captured.to_string(),
        );
    }
    if let Some(place) = text("place") {
        check(
            &mut wrong,
            "place",
            doc.place.clone().unwrap_or_default(),
            place.to_string(),
        );
    }
    if let Some(speakers) = expected.get("speakers") {
        check(
            &mut wrong,
            "speakers",
            format!("{:?}", sorted(doc.speakers.clone())),
            format!("{:?}", sorted(strings(speakers))),
        );
    }
    if let Some(people) = expected.get("people") {
        check(
            &mut wrong,
            "people",
            format!("{:?}", sorted(doc.people.clone())),
            format!("{:?}", sorted(strings(people))),
        );
    }
    if let Some(count) = expected.get("paragraphs").and_then(Value::as_integer) {
        check(
            &mut wrong,
            "paragraphs",
            paragraphs.len().to_string(),
            count.to_string(),
        );
    }
    if let Some(start) = text("first_paragraph_starts") {
        let lede = loose(doc.lede());
        if !lede.starts_with(&loose(start)) {
            wrong.push(format!(
                "first paragraph: {lede:?} does not start with {start:?}"
            ));
        }
    }
    if let Some(end) = text("last_paragraph_ends") {
        let last = paragraphs.last().map(|p| loose(p)).unwrap_or_default();
        if !last.ends_with(&loose(end)) {
            wrong.push(format!(
                "last paragraph: {last:?} does not end with {end:?}"
            ));
        }
    }
    if let Some(captions) = expected.get("captions") {
        let got: Vec<String> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Caption(t) => Some(loose(t)),
                _ => None,
            })
            .collect();
        let want: Vec<String> = strings(captions).iter().map(|c| loose(c)).collect();
        check(
            &mut wrong,
            "captions",
            format!("{got:?}"),
            format!("{want:?}"),
        );
    }
    for furniture in expected.get("not_in_body").map(strings).unwrap_or_default() {
        if let Some(p) = paragraphs
            .iter()
            .find(|p| loose(p).contains(&loose(&furniture)))
        {
            wrong.push(format!(
                "furniture {furniture:?} left in the body: {:?}",
                clip(p)
            ));
        }
    }
    for warning in expected.get("warnings").map(strings).unwrap_or_default() {
        if !doc.warnings.iter().any(|w| w.message.contains(&warning)) {
            let got: Vec<&str> = doc.warnings.iter().map(|w| w.message.as_str()).collect();
            wrong.push(format!(
                "no warning mentions {warning:?}; warnings: {got:?}"
            ));
        }
    }
    if let Some(overridden) = expected.get("overridden") {
        check(
            &mut wrong,
            "overridden",
            format!("{:?}", sorted(doc.overrides.clone())),
            format!("{:?}", sorted(strings(overridden))),
        );
    }
    if expected.get("no_quotes").and_then(Value::as_bool) == Some(true) && !doc.quotes.is_empty() {
        let got: Vec<&str> = doc.quotes.iter().map(|q| q.text.as_str()).collect();
        wrong.push(format!("expected no quotes, got {got:?}"));
    }
    for quote in expected
        .get("quotes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let words = loose(
            quote
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        );
        let speaker = quote
            .get("speaker")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match doc.quotes.iter().find(|q| loose(&q.text).contains(&words)) {
            None => wrong.push(format!("quote not found: {words:?}")),
            Some(q) => {
                let got = q.speaker.clone().unwrap_or_default();
                if got != speaker {
                    wrong.push(format!(
                        "speaker of {words:?}: got {got:?}, want {speaker:?}"
                    ));
                }
            }
        }
    }
    wrong
}

#[test]
fn every_fixture_is_read_as_a_careful_reader_would() -> Result<(), Box<dyn std::error::Error>> {
    let root = fixtures();
    let config = SiteConfig::load(&root.join("site.toml"), &Overrides::default())?;
    let rules = Rules::new(&config.loader, &config.publishers);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root.join("texts"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    sources.sort();
    let mut failures = Vec::new();
    for path in &sources {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_path = root.join("expected").join(format!("{stem}.toml"));
        let expected: toml::Table = match std::fs::read_to_string(&expected_path) {
            Ok(text) => {
                toml::from_str(&text).map_err(|e| format!("{}: {e}", expected_path.display()))?
            }
            Err(e) => {
                failures.push(format!("{name}: no expected fields: {e}"));
                continue;
            }
        };
        match load_file(&name, path, &rules) {
            Ok(doc) => {
                for wrong in mismatches(&doc, &expected) {
                    failures.push(format!("{name}: {wrong}"));
                }
            }
            Err(diagnostic) => failures.push(format!("{name}: not loaded: {diagnostic}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures are read wrong:\n{}",
        failures
            .iter()
            .map(|f| f.split(':').next().unwrap_or_default())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        sources.len(),
        failures.join("\n")
    );
    assert!(sources.len() >= 40, "only {} fixtures", sources.len());
    Ok(())
}
