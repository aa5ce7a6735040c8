//! Holds the loader to floors on the two real development sets beside the project
//! (../shared/realdev, ../shared/webdev): built with the real binary and scored the way
//! ../shared/realdev/score.py scores them, so a change that reads real texts worse fails
//! here. Where the sets are not beside the checkout, the tests say so and pass.

use pressroom::text::fold;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The floors: just under what the loader reaches on each set.
const REALDEV_DATES: f64 = 0.95;
/// Pairwise F1 and precision of the joint releases found as one statement.
const REALDEV_STATEMENT_F1: f64 = 0.98;
const REALDEV_STATEMENT_PRECISION: f64 = 0.99;
/// Pairwise F1 and precision of the events, scored among the gold events' documents.
const REALDEV_EVENT_F1: f64 = 0.94;
const REALDEV_EVENT_PRECISION: f64 = 0.97;
const WEBDEV_TITLES: f64 = 0.92;
const WEBDEV_DATES: f64 = 0.94;
const WEBDEV_FURNITURE: f64 = 0.95;
const WEBDEV_PARAGRAPHS: f64 = 0.96;

fn shared(set: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(set);
    if dir.join("docs").is_dir() && dir.join("gold.json").is_file() {
        Some(dir)
    } else {
        eprintln!("{} is not beside the checkout; not scored", dir.display());
        None
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Builds the set with the sample configuration and gives its documents by source.
fn build(set: &Path) -> HashMap<String, Value> {
    build_site(set).0
}

/// Builds the set and gives its documents by source and its `api/groups.json`.
fn build_site(set: &Path) -> (HashMap<String, Value>, Value) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("a temporary folder: {e}"));
    let output = dir.path().join("public");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = assert_cmd::Command::cargo_bin("pressroom")
        .unwrap_or_else(|e| panic!("the pressroom binary: {e}"))
        .args(["build", "--quiet", "--config"])
        .arg(root.join("site.toml"))
        .arg("--source")
        .arg(set.join("docs"))
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap_or_else(|e| panic!("pressroom runs: {e}"));
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let documents = read_json(&output.join("api/documents.json"));
    let by_source = documents["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| Some((d["source"].as_str()?.to_string(), d.clone())))
        .collect();
    (by_source, read_json(&output.join("api/groups.json")))
}

/// The scorer's comparison: folded, whitespace collapsed.
fn folded(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A share, and the misses behind it.
struct Score {
    hits: usize,
    total: usize,
    misses: Vec<String>,
}

impl Score {
    fn new() -> Self {
        Score {
            hits: 0,
            total: 0,
            misses: Vec::new(),
        }
    }

    fn tally(&mut self, ok: bool, miss: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.hits += 1;
        } else {
            self.misses.push(miss());
        }
    }

    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }

    fn hold(&self, what: &str, floor: f64) {
        let rate = self.rate();
        eprintln!(
            "{what}: {}/{} = {rate:.3} (floor {floor})",
            self.hits, self.total
        );
        assert!(
            rate >= floor,
            "{what} fell to {rate:.3}, under the floor {floor}; misses:\n{}",
            self.misses.join("\n")
        );
    }
}

fn gold_documents(gold: &Value) -> Vec<(String, Value)> {
    gold["documents"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn real_senate_releases_are_dated() {
    let Some(set) = shared("realdev") else { return };
    let built = build(&set);
    let gold = read_json(&set.join("gold.json"));
    let mut dates = Score::new();
    for (source, truth) in gold_documents(&gold) {
        let Some(want) = truth["date"].as_str() else {
            continue;
        };
        let got = built.get(&source).and_then(|d| d["date"].as_str());
        dates.tally(got == Some(want), || format!("{source}: {got:?} != {want}"));
    }
    dates.hold("realdev dates", REALDEV_DATES);
}

#[test]
fn real_web_pages_are_read_as_articles() {
    let Some(set) = shared("webdev") else { return };
    let built = build(&set);
    let gold = read_json(&set.join("gold.json"));
    let (mut titles, mut dates, mut furniture, mut kept) =
        (Score::new(), Score::new(), Score::new(), Score::new());
    for (source, truth) in gold_documents(&gold) {
        let doc = built.get(&source).cloned().unwrap_or(Value::Null);
        let title = doc["title"].as_str().unwrap_or("");
        if let Some(want) = truth["title"].as_str() {
            titles.tally(folded(title) == folded(want), || {
                format!("{source}: {title:?}")
            });
        }
        if let Some(want) = truth["date"].as_str() {
            let got = doc["date"].as_str();
            dates.tally(got == Some(want), || format!("{source}: {got:?} != {want}"));
        }
        let body: Vec<String> = doc["body"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(folded))
            .collect();
        let body = body.join(" \n ");
        for line in truth["boilerplate"].as_array().into_iter().flatten() {
            let line = folded(line.as_str().unwrap_or(""));
            furniture.tally(!body.contains(&line), || format!("{source}: kept {line:?}"));
        }
        for paragraph in truth["paragraphs"].as_array().into_iter().flatten() {
            let start: String = folded(paragraph.as_str().unwrap_or(""))
                .chars()
                .take(80)
                .collect();
            kept.tally(body.contains(&start), || {
                format!("{source}: lost {start:?}")
            });
        }
    }
    titles.hold("webdev titles", WEBDEV_TITLES);
    dates.hold("webdev dates", WEBDEV_DATES);
    furniture.hold("webdev furniture removed", WEBDEV_FURNITURE);
    kept.hold("webdev paragraphs kept", WEBDEV_PARAGRAPHS);
}

/// The pairs of sources that one cluster puts together.
fn pairs(clusters: &[Vec<String>]) -> std::collections::BTreeSet<(String, String)> {
    let mut out = std::collections::BTreeSet::new();
    for cluster in clusters {
        let mut members = cluster.clone();
        members.sort();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

#[test]
fn real_joint_releases_and_events_are_found() {
    let Some(set) = shared("realdev") else { return };
    let (built, groups) = build_site(&set);
    let gold = read_json(&set.join("gold.json"));
    let source_of: HashMap<String, String> = built
        .iter()
        .filter_map(|(source, d)| Some((d["id"].as_str()?.to_string(), source.clone())))
        .collect();
    let clusters = |list: &Value, from_ids: bool| -> Vec<Vec<String>> {
        let groups: Vec<&Value> = match list {
            Value::Object(map) => map.values().collect(),
            Value::Array(items) => items.iter().collect(),
            _ => Vec::new(),
        };
        groups
            .iter()
            .map(|g| {
                g["members"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .filter_map(|m| {
                        if from_ids {
                            source_of.get(m).cloned()
                        } else {
                            Some(m.to_string())
                        }
                    })
                    .collect()
            })
            .collect()
    };
    let hold = |what: &str,
                kind: &str,
                only: Option<&std::collections::BTreeSet<String>>,
                floors: (f64, f64)| {
        let keep = |c: Vec<Vec<String>>| -> Vec<Vec<String>> {
            c.into_iter()
                .map(|g| {
                    g.into_iter()
                        .filter(|m| only.is_none_or(|o| o.contains(m)))
                        .collect()
                })
                .collect()
        };
        let want = pairs(&keep(clusters(&gold[kind], false)));
        let got = pairs(&keep(clusters(&groups[kind], true)));
        let right = want.intersection(&got).count() as f64;
        let precision = right / (got.len().max(1) as f64);
        let recall = right / (want.len().max(1) as f64);
        let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
        let wrong: Vec<_> = got.difference(&want).take(5).collect();
        let missed: Vec<_> = want.difference(&got).take(5).collect();
        assert!(
            precision >= floors.0 && f1 >= floors.1,
            "{what}: precision {precision:.3} (floor {}), F1 {f1:.3} (floor {}); \
             wrongly joined {wrong:?}; missed {missed:?}",
            floors.0,
            floors.1
        );
    };
    hold(
        "statement groups",
        "speech_groups",
        None,
        (REALDEV_STATEMENT_PRECISION, REALDEV_STATEMENT_F1),
    );
    let in_events: std::collections::BTreeSet<String> = clusters(&gold["events"], false)
        .into_iter()
        .flatten()
        .collect();
    hold(
        "events",
        "events",
        Some(&in_events),
        (REALDEV_EVENT_PRECISION, REALDEV_EVENT_F1),
    );
}
