//! A speech group's or event's page keeps its address across builds into one output
//! folder, when documents join it or the collection.

mod common;

use common::{pressroom, root, TestResult};
use std::collections::BTreeMap;
use std::path::Path;

const SITE: &str =
    "title = \"Stable ids\"\nbase_url = \"/\"\nsource = \"texts\"\noutput = \"public\"\n";

/// The seed texts, by file name.
fn seeds() -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root().join("seeds"))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .ok_or("no name")?
            .to_string_lossy()
            .into_owned();
        files.push((name, std::fs::read_to_string(&path)?));
    }
    files.sort();
    Ok(files)
}

fn build(dir: &Path, files: &[(String, String)]) -> TestResult {
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts)?;
    std::fs::write(dir.join("site.toml"), SITE)?;
    for (name, text) in files {
        std::fs::write(texts.join(name), text)?;
    }
    let (ok, _, err) = pressroom(&["build"], dir)?;
    assert!(ok, "{err}");
    Ok(())
}

/// Each group's and event's id (and page address) by its first member in source order,
/// as the built site's API gives them.
fn ids(dir: &Path) -> Result<BTreeMap<String, String>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(dir.join("public/api/groups.json"))?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    let mut out = BTreeMap::new();
    for kind in ["speech_groups", "events"] {
        for group in json[kind].as_array().ok_or("no groups")? {
            let members = group["members"].as_array().ok_or("no members")?;
            let mut names: Vec<String> = members.iter().map(|m| m.to_string()).collect();
            names.sort();
            let first = names
                .into_iter()
                .find(|n| !n.contains("copy"))
                .unwrap_or_default();
            let id = format!("{} {}", group["id"], group["url"]);
            out.insert(format!("{kind} {first}"), id);
        }
    }
    Ok(out)
}

#[test]
fn a_document_that_joins_a_group_renames_neither_it_nor_its_event() -> TestResult {
    let files = seeds()?;
    let dir = tempfile::tempdir()?;
    build(dir.path(), &files)?;
    let before = ids(dir.path())?;
    assert_eq!(before.len(), 4, "{before:?}");

    // A copy of a Brussels report under a name that sorts first: it joins the speech
    // group and the event, and would give both another id if they were made afresh.
    let mut more = files.clone();
    let report = files
        .iter()
        .find(|(name, _)| name.starts_with("001_"))
        .ok_or("no seed 001")?;
    more.push(("000_0_copy.txt".to_string(), report.1.clone()));
    build(dir.path(), &more)?;
    assert_eq!(ids(dir.path())?, before);
    let group = before
        .iter()
        .find(|(k, _)| k.starts_with("speech_groups") && k.contains("000_"))
        .map(|(_, v)| v.clone())
        .ok_or("no Brussels group")?;
    let id = group.split('"').nth(1).ok_or("no id")?;
    assert!(dir
        .path()
        .join(format!("public/speeches/{id}/index.html"))
        .is_file());

    // The same collection built into a new folder gets fresh ids: the ledger kept them.
    let fresh = tempfile::tempdir()?;
    build(fresh.path(), &more)?;
    assert_ne!(ids(fresh.path())?, before);
    Ok(())
}
