//! Builds the sample site with the real binary and holds the JSON it writes to the
//! hand-checked truth in tests/gold/seeds.json.

mod links;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

struct Built {
    _dir: tempfile::TempDir,
    output: PathBuf,
    documents: Vec<Value>,
    groups: Value,
}

/// The sample site, built once for all tests in this file.
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let output = dir.path().join("public");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let run = assert_cmd::Command::cargo_bin("pressroom")
            .expect("the pressroom binary")
            .arg("build")
            .arg("--config")
            .arg(root.join("site.toml"))
            .arg("--output")
            .arg(&output)
            .output()
            .expect("pressroom runs");
        assert!(
            run.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let read = |name: &str| -> Value {
            let text = std::fs::read_to_string(output.join("api").join(name))
                .unwrap_or_else(|e| panic!("api/{name}: {e}"));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("api/{name}: {e}"))
        };
        let documents = read("documents.json")["documents"]
            .as_array()
            .expect("a documents array")
            .clone();
        let groups = read("groups.json");
        Built {
            _dir: dir,
            output,
            documents,
            groups,
        }
    })
}

fn gold() -> &'static Value {
    static GOLD: OnceLock<Value> = OnceLock::new();
    GOLD.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.json");
        let text = std::fs::read_to_string(&path).expect("tests/gold/seeds.json");
        serde_json::from_str(&text).expect("valid gold JSON")
    })
}

fn gold_documents() -> impl Iterator<Item = (&'static str, &'static Value)> {
    gold()["documents"]
        .as_object()
        .expect("gold documents")
        .iter()
        .map(|(k, v)| (k.as_str(), v))
}

/// The built document whose source file is `source`.
fn document(source: &str) -> &'static Value {
    built()
        .documents
        .iter()
        .find(|d| d["source"] == source)
        .unwrap_or_else(|| panic!("{source} is not in documents.json"))
}

/// The built document with this id.
fn document_by_id(id: &str) -> &'static Value {
    built()
        .documents
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in documents.json"))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Folds what a reader would not call a difference: case, runs of whitespace.
fn loose(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A gold date object as documents.json writes it: "2014-04-01", "--10-10", null.
fn gold_date_iso(date: &Value) -> Option<String> {
    if date.is_null() {
        return None;
    }
    let (month, day) = (date["month"].as_u64()?, date["day"].as_u64()?);
    Some(match date["year"].as_u64() {
        Some(year) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    })
}

/// Gold source name → document id as the build names it.
fn id_of(source: &str) -> String {
    document(source)["id"]
        .as_str()
        .expect("a document id")
        .to_string()
}

#[test]
fn every_seed_is_a_document() {
    let sources: BTreeSet<&str> = built()
        .documents
        .iter()
        .filter_map(|d| d["source"].as_str())
        .collect();
    let expected: BTreeSet<&str> = gold_documents().map(|(k, _)| k).collect();
    assert_eq!(sources, expected);
}

#[test]
fn titles_match_the_gold() {
    for (source, want) in gold_documents() {
        let doc = document(source);
        let title = doc["title"].as_str().unwrap_or_default();
        match want["title"].as_str() {
            Some(gold_title) => {
                assert_eq!(loose(title), loose(gold_title), "{source}: title");
                assert_eq!(doc["title_made"], false, "{source}: title_made");
            }
            None => {
                assert!(!title.trim().is_empty(), "{source}: a made title");
                assert!(
                    title.chars().count() <= 120,
                    "{source}: made title too long: {title}"
                );
                let lede = strings(&doc["body"]).into_iter().next().unwrap_or_default();
                assert_ne!(
                    loose(title),
                    loose(&lede),
                    "{source}: the title is the whole lede"
                );
                assert_eq!(doc["title_made"], true, "{source}: title_made");
            }
        }
    }
}

#[test]
fn kinds_and_publishers_match_the_gold() {
    for (source, want) in gold_documents() {
        let doc = document(source);
        assert_eq!(doc["kind"], want["kind"], "{source}: kind");
        let mut accepted: Vec<&Value> = vec![&want["publisher"]];
        if let Some(alternatives) = want["publisher_accept"].as_array() {
            accepted.extend(alternatives);
        }
        let publisher = &doc["publisher"];
        let ok = accepted.contains(&publisher)
            // A null gold publisher with accepted names: naming one of them is better still.
            || (want["publisher"].is_null() && publisher.is_null());
        assert!(
            ok,
            "{source}: publisher {publisher}, want one of {accepted:?}"
        );
    }
}

#[test]
fn dates_and_capture_dates_match_the_gold() {
    for (source, want) in gold_documents() {
        let doc = document(source);
        let date = doc["date"].as_str().map(str::to_string);
        match gold_date_iso(&want["date"]) {
            Some(gold_date) => {
                assert_eq!(date.as_deref(), Some(gold_date.as_str()), "{source}: date");
                let inferred = want["date"]["year_inferred"].as_bool().unwrap_or(false);
                assert_eq!(doc["date_inferred"], inferred, "{source}: date_inferred");
            }
            // No date in the text: none, or one inferred from the group and marked so.
            None => assert!(
                date.is_none() || doc["date_inferred"] == true,
                "{source}: date {date:?} is not in the text and is not marked inferred"
            ),
        }
        let captured = doc["captured"].as_str().map(str::to_string);
        assert_eq!(
            captured,
            gold_date_iso(&want["captured"]),
            "{source}: captured"
        );
        if date.is_some() {
            assert_ne!(
                date, captured,
                "{source}: the capture date is not the publication date"
            );
        }
    }
}

#[test]
fn the_undated_report_takes_the_day_of_its_speech_marked_inferred() {
    let doc = document("003_737e37228b468d2a.txt");
    assert_eq!(doc["date"], "--10-10");
    assert_eq!(doc["date_inferred"], true);
    // A yearless date is shown as text: "--10-10" is no valid `datetime`.
    let url = doc["url"].as_str().expect("a url").trim_matches('/');
    let page = std::fs::read_to_string(built().output.join(url).join("index.html"))
        .expect("the article page");
    assert!(page.contains(">10 October<"), "the date is shown");
    assert!(!page.contains("datetime=\"--"), "no yearless datetime");
}

#[test]
fn places_match_the_gold() {
    for (source, want) in gold_documents() {
        assert_eq!(document(source)["place"], want["place"], "{source}: place");
    }
}

#[test]
fn bodies_have_the_gold_paragraphs_and_no_furniture() {
    for (source, want) in gold_documents() {
        let doc = document(source);
        let body = strings(&doc["body"]);
        assert_eq!(
            body.len() as u64,
            want["body_paragraphs"].as_u64().expect("body_paragraphs"),
            "{source}: paragraph count"
        );
        let body_text: Vec<String> = body.iter().map(|p| loose(p)).collect();
        for line in strings(&want["boilerplate"]) {
            let line = loose(&line);
            assert!(
                !body_text.iter().any(|p| p == &line),
                "{source}: furniture left in the body: {line}"
            );
            if line.split(' ').count() >= 3 && !line.ends_with(':') {
                assert!(
                    !body_text.iter().any(|p| p.contains(&line)),
                    "{source}: furniture glued into a paragraph: {line}"
                );
            }
        }
        let removed: Vec<String> = doc["removed"]
            .as_array()
            .expect("removed lines")
            .iter()
            .filter_map(|r| r["text"].as_str().map(loose))
            .collect();
        for line in strings(&want["boilerplate"]) {
            assert!(
                removed.contains(&loose(&line)),
                "{source}: removed lines do not keep: {line}"
            );
        }
    }
}

#[test]
fn the_photo_caption_is_kept_as_a_caption() {
    for (source, want) in gold_documents() {
        let Some(caption) = want["caption"].as_str() else {
            continue;
        };
        let doc = document(source);
        let captions: Vec<String> = strings(&doc["captions"]).iter().map(|c| loose(c)).collect();
        assert!(captions.contains(&loose(caption)), "{source}: caption");
        assert!(
            !strings(&doc["body"])
                .iter()
                .any(|p| loose(p) == loose(caption)),
            "{source}: the caption is not a body paragraph"
        );
    }
}

#[test]
fn quotes_and_speakers_match_the_gold() {
    for (source, want) in gold_documents() {
        let doc = document(source);
        let quotes = doc["quotes"].as_array().expect("quotes");
        for gold_quote in want["quotes"].as_array().expect("gold quotes") {
            let text = loose(gold_quote["text"].as_str().unwrap_or_default());
            let found = quotes
                .iter()
                .find(|q| loose(q["text"].as_str().unwrap_or_default()) == text);
            let found = found.unwrap_or_else(|| panic!("{source}: quote not found: {text}"));
            assert_eq!(
                found["speaker"], gold_quote["speaker"],
                "{source}: speaker of {text}"
            );
        }
        let mut speakers = strings(&doc["speakers"]);
        speakers.sort();
        let mut want_speakers = strings(&want["speakers"]);
        want_speakers.sort();
        assert_eq!(speakers, want_speakers, "{source}: speakers");
        if want["quotes"].as_array().is_some_and(Vec::is_empty) && want["kind"] != "full_text" {
            assert!(
                quotes.iter().all(|q| q["speaker"].is_null()),
                "{source}: no one is quoted in this text"
            );
        }
    }
}

#[test]
fn people_match_the_gold_with_one_name_per_person() {
    for (source, want) in gold_documents() {
        let fold = |name: &str| loose(&name.replace('ö', "ø"));
        let people: BTreeSet<String> = strings(&document(source)["people"])
            .iter()
            .map(|p| fold(p))
            .collect();
        let want_people: BTreeSet<String> =
            strings(&want["people"]).iter().map(|p| fold(p)).collect();
        assert_eq!(people, want_people, "{source}: people");
    }
}

/// Gold groups as sets of document ids, with their canonical member.
fn gold_groups(key: &str) -> BTreeMap<BTreeSet<String>, Option<String>> {
    gold()[key]
        .as_object()
        .expect("gold groups")
        .values()
        .map(|g| {
            let members = strings(&g["members"]).iter().map(|s| id_of(s)).collect();
            (members, g["canonical"].as_str().map(id_of))
        })
        .collect()
}

fn built_groups(key: &str) -> BTreeMap<BTreeSet<String>, Option<String>> {
    built().groups[key]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let members = strings(&g["members"]).into_iter().collect();
            (members, g["canonical"].as_str().map(str::to_string))
        })
        .collect()
}

#[test]
fn speech_groups_and_canonical_texts_match_the_gold() {
    assert_eq!(built_groups("speech_groups"), gold_groups("speech_groups"));
}

#[test]
fn events_match_the_gold() {
    let members = |groups: BTreeMap<BTreeSet<String>, Option<String>>| -> Vec<BTreeSet<String>> {
        groups.into_keys().collect()
    };
    assert_eq!(
        members(built_groups("events")),
        members(gold_groups("events"))
    );
}

#[test]
fn documents_point_to_their_groups_and_groups_back() {
    let groups = &built().groups;
    for kind in ["speech_groups", "events"] {
        let field = if kind == "events" {
            "event"
        } else {
            "speech_group"
        };
        for group in groups[kind].as_array().expect("groups") {
            for member in strings(&group["members"]) {
                let doc = document_by_id(&member);
                assert_eq!(doc[field], group["id"], "{member}: {field}");
            }
        }
    }
}

#[test]
fn quote_checks_match_the_gold() {
    for (source, want) in gold_documents() {
        let Some(checks) = want["quote_checks"].as_array() else {
            continue;
        };
        let doc = document(source);
        let quotes = doc["quotes"].as_array().expect("quotes");
        for check in checks {
            let words = loose(check["quote"].as_str().unwrap_or_default());
            let quote = quotes
                .iter()
                .find(|q| loose(q["text"].as_str().unwrap_or_default()).contains(&words))
                .unwrap_or_else(|| panic!("{source}: no quote holds {words}"));
            assert_eq!(
                quote["check"], check["verdict"],
                "{source}: verdict on {words}"
            );
            let against = check["against"].as_str().map(id_of);
            assert_eq!(
                quote["against"].as_str(),
                against.as_deref(),
                "{source}: against"
            );
            if check["verdict"] == "variant" {
                let detail = quote["detail"].as_str().unwrap_or_default();
                assert!(
                    detail.contains("witnesses"),
                    "{source}: the detail names the differing word: {detail}"
                );
            }
        }
    }
}

#[test]
fn the_site_has_every_page() {
    let out = &built().output;
    for path in [
        "index.html",
        "404.html",
        "api/documents.json",
        "api/groups.json",
        "static/style.css",
    ] {
        assert!(out.join(path).is_file(), "{path} is missing");
    }
    for doc in &built().documents {
        let url = doc["url"].as_str().expect("url");
        let page = out.join(url.trim_start_matches('/')).join("index.html");
        assert!(page.is_file(), "{} is missing", page.display());
    }
    for kind in ["speech_groups", "events"] {
        let groups = built().groups[kind].as_array().expect("groups");
        assert_eq!(groups.len(), 2, "{kind}");
        for group in groups {
            let url = group["url"].as_str().expect("url");
            let page = out.join(url.trim_start_matches('/')).join("index.html");
            assert!(page.is_file(), "{} is missing", page.display());
        }
    }
}

/// The addresses the links of the page at `url` lead to, in order, with repeats.
fn links_from(url: &str) -> Vec<String> {
    let file = built()
        .output
        .join(url.trim_start_matches('/'))
        .join("index.html");
    let html = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{url}: {e}"));
    html.split(" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| links::resolve(url, href))
        .collect()
}

#[test]
fn pages_link_to_each_other_both_ways() {
    // Home shows each story once: a document under its event, else its speech, else
    // itself; from there every document is one link away.
    let home = links_from("/");
    let story_url = |doc: &serde_json::Value| -> String {
        for (field, kind) in [("event", "events"), ("speech_group", "speech_groups")] {
            if let Some(id) = doc[field].as_str() {
                let groups = built().groups[kind].as_array().expect("groups");
                let group = groups.iter().find(|g| g["id"] == id).expect("its group");
                return group["url"].as_str().expect("url").to_string();
            }
        }
        doc["url"].as_str().expect("url").to_string()
    };
    for doc in &built().documents {
        let url = story_url(doc);
        let times = home.iter().filter(|l| **l == url).count();
        assert!(
            (1..=2).contains(&times),
            "{url} is one story on the home page, and at most once more in the sidebar: {times}"
        );
    }
    for kind in ["speech_groups", "events"] {
        for group in built().groups[kind].as_array().expect("groups") {
            let group_url = group["url"].as_str().expect("url");
            let group_links = links_from(group_url);
            for member in strings(&group["members"]) {
                let doc = document_by_id(&member);
                let doc_url = doc["url"].as_str().expect("url");
                assert!(
                    group_links.iter().any(|l| l == doc_url),
                    "{group_url} links to {doc_url}"
                );
                assert!(
                    links_from(doc_url).iter().any(|l| l == group_url),
                    "{doc_url} links back to {group_url}"
                );
            }
        }
    }
}

#[test]
fn the_speech_page_shows_the_quote_checks() {
    let group = built().groups["speech_groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| !g["canonical"].is_null())
        .expect("a group with a full text");
    let url = group["url"].as_str().expect("url");
    let html = std::fs::read_to_string(
        built()
            .output
            .join(url.trim_start_matches('/'))
            .join("index.html"),
    )
    .expect("speech page");
    assert!(html.contains("verdict-variant"), "a variant is shown");
    assert!(
        html.contains("verdict-verified"),
        "verified quotes are shown"
    );
    assert!(html.contains("witnesses"), "the variant says what differs");
}
