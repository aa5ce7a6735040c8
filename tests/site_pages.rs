//! The pages readers browse by: stories, browse families, search files, feeds per term,
//! and the site's words in its language, on the sample site built by the real binary.

mod common;
mod links;

use common::{pressroom, root, TestResult};
use std::error::Error;
use std::path::{Path, PathBuf};

fn build_samples(dir: &Path, extra: &str) -> Result<PathBuf, Box<dyn Error>> {
    build_in(dir, "en", extra)
}

/// The sample site as site.toml describes it, built once for the tests that read it.
fn samples() -> Result<&'static Path, Box<dyn Error>> {
    static BUILT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    if BUILT.get().is_none() {
        let dir = tempfile::tempdir()?;
        let out = build_samples(dir.path(), "")?;
        let _ = BUILT.set((dir, out));
    }
    BUILT
        .get()
        .map(|(_, out)| out.as_path())
        .ok_or_else(|| "the samples were not built".into())
}

/// Builds the sample texts into `dir/public` from a copy of the sample site.toml in
/// `language`, with `extra` appended; returns the output folder.
fn build_in(dir: &Path, language: &str, extra: &str) -> Result<PathBuf, Box<dyn Error>> {
    let config = std::fs::read_to_string(root().join("site.toml"))?
        .replace(
            "source = \"seeds\"",
            &format!("source = {:?}", root().join("seeds")),
        )
        .replace("language = \"en\"", &format!("language = {language:?}"));
    std::fs::write(dir.join("site.toml"), format!("{config}\n{extra}"))?;
    let output = dir.join("public");
    let config_arg = dir.join("site.toml");
    let output_arg = output.display().to_string();
    let (ok, _, stderr) = pressroom(
        &[
            "build",
            "--config",
            &config_arg.display().to_string(),
            "--output",
            &output_arg,
        ],
        dir,
    )?;
    assert!(ok, "build failed: {stderr}");
    Ok(output)
}

fn read(output: &Path, path: &str) -> String {
    std::fs::read_to_string(output.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn people_list_speakers_first_and_each_person_lists_their_documents() -> TestResult {
    let out = samples()?.to_path_buf();
    let people = read(&out, "people/index.html");
    let speakers = people.find("<h2>Speakers</h2>").ok_or("no Speakers list")?;
    let named = people
        .find("<h2>Also named</h2>")
        .ok_or("no Also named list")?;
    let ban = people
        .find(">Ban Ki-moon</a>")
        .ok_or("Ban Ki-moon is not listed")?;
    assert!(
        speakers < ban && ban < named,
        "the speaker comes under Speakers"
    );
    // He speaks in four of the samples and is named in the fifth, the advance notice.
    let ban_page = read(&out, "people/ban-ki-moon/index.html");
    assert_eq!(
        ban_page.matches("class=\"summary kind-").count(),
        5,
        "{ban_page}"
    );
    assert!(
        ban_page.contains("application/atom+xml"),
        "a term page names its feed"
    );
    let feed = read(&out, "people/ban-ki-moon/atom.xml");
    assert!(
        feed.contains("<title>Ban Ki-moon · Pressroom sample archive</title>"),
        "{feed}"
    );
    Ok(())
}

#[test]
fn years_hold_their_months_and_kinds_are_named_in_words() -> TestResult {
    let out = samples()?.to_path_buf();
    let years = read(&out, "years/index.html");
    assert!(years.contains(">2014</a>"), "{years}");
    assert!(years.contains(">April 2014</a>"), "{years}");
    let april = read(&out, "years/2014/04/index.html");
    let links: Vec<String> = april
        .split(" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| links::resolve("/years/2014/04/", href))
        .collect();
    assert!(
        links.iter().any(|l| l.starts_with("/articles/")),
        "{links:?}"
    );
    assert!(
        links.iter().any(|l| l == "/years/"),
        "its breadcrumbs lead to all years"
    );
    let kinds = read(&out, "kinds/index.html");
    assert!(
        kinds.contains(">Full text</a>") && kinds.contains(">Report</a>"),
        "{kinds}"
    );
    Ok(())
}

#[test]
fn browse_families_follow_site_toml() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = build_samples(
        dir.path(),
        "[browse]\npeople = \"speakers\"\nkinds = false\n",
    )?;
    assert!(out.join("speakers/ban-ki-moon/index.html").is_file());
    assert!(!out.join("people").exists() && !out.join("kinds").exists());
    let home = read(&out, "index.html");
    assert!(
        home.contains("href=\"./speakers/\""),
        "the navigation links the renamed family"
    );
    Ok(())
}

#[test]
fn the_search_index_covers_every_document_once() -> TestResult {
    let out = samples()?.to_path_buf();
    let manifest: serde_json::Value = serde_json::from_str(&read(&out, "search/manifest.json"))?;
    let documents = manifest["documents"].as_u64().ok_or("no document count")? as usize;
    assert_eq!(documents, 5);
    let chunk = manifest["chunk"].as_u64().ok_or("no chunk size")? as usize;
    let mut rows = Vec::new();
    for n in 0..documents.div_ceil(chunk) {
        let part: Vec<Vec<String>> =
            serde_json::from_str(&read(&out, &format!("search/d/{n}.json")))?;
        rows.extend(part);
    }
    assert_eq!(rows.len(), documents);
    for row in &rows {
        let target = links::resolve("/search/", &row[1]);
        assert!(
            out.join(target.trim_start_matches('/'))
                .join("index.html")
                .is_file(),
            "{target}"
        );
    }
    let shards = manifest["shards"].as_array().ok_or("no shards")?;
    assert!(!shards.is_empty());
    assert!(out
        .join(format!("search/t/{}.bin", shards.len() - 1))
        .is_file());
    let speakers = &manifest["filters"][3];
    assert_eq!(speakers["key"], "speaker");
    assert_eq!(speakers["values"][0][0], "Ban Ki-moon");
    let search = read(&out, "search/index.html");
    assert!(search.contains("id=\"search-input\"") && search.contains("<noscript>"));
    Ok(())
}

#[test]
fn a_french_site_speaks_french() -> TestResult {
    let out = samples()?.to_path_buf();
    let english = read(&out, "index.html");
    assert!(english.contains(">Search</a>") && english.contains("Latest stories"));
    let dir = tempfile::tempdir()?;
    let output = build_in(dir.path(), "fr", "")?;
    let home = read(&output, "index.html");
    assert!(home.contains("<html lang=\"fr\">"), "{home}");
    assert!(
        home.contains(">Recherche</a>") && home.contains("Derniers sujets"),
        "{home}"
    );
    let people = read(&output, "people/index.html");
    assert!(people.contains("<h2>Orateurs</h2>"), "{people}");
    Ok(())
}

#[test]
fn pages_link_relatively_so_the_output_works_at_any_address() -> TestResult {
    let out = samples()?.to_path_buf();
    let article = std::fs::read_dir(out.join("articles"))?
        .filter_map(Result::ok)
        .find(|e| e.path().join("index.html").is_file())
        .ok_or("no article")?;
    let html = read(
        &out,
        &format!(
            "articles/{}/index.html",
            article.file_name().to_string_lossy()
        ),
    );
    assert!(
        html.contains("href=\"../../static/style.css\""),
        "the stylesheet loads from any address"
    );
    let not_found = read(&out, "404.html");
    assert!(
        not_found.contains("href=\"/static/style.css\""),
        "404 is served at any depth"
    );
    Ok(())
}
