//! `pressroom init DIR` makes a site that builds at once, and never writes over one.

mod common;

use common::{pressroom, root, TestResult};

#[test]
fn a_new_site_builds_at_once_and_init_never_overwrites() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("archive");
    let site_arg = site.display().to_string();
    let (ok, stdout, stderr) = pressroom(&["init", &site_arg], root())?;
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("site.toml") && stdout.contains("example.txt"),
        "{stdout}"
    );
    for file in [
        "site.toml",
        "texts/example.txt",
        "templates/README.md",
        "static/README.md",
    ] {
        assert!(site.join(file).is_file(), "{file} is missing");
    }

    let (ok, stdout, stderr) = pressroom(&["build"], &site)?;
    assert!(ok, "the new site builds: {stderr}");
    assert!(
        stdout.contains(" 0 warnings"),
        "the example reads cleanly: {stdout}"
    );
    let article =
        site.join("public/articles/minister-opens-the-new-harbour-ferry-terminal/index.html");
    let html = std::fs::read_to_string(&article)?;
    assert!(html.contains("Minister opens the new harbour ferry terminal"));
    assert!(
        html.contains("Ministry of Transport"),
        "the example's publisher is known"
    );
    assert!(site.join("public/search/index.html").is_file());

    std::fs::write(site.join("texts/example.txt"), "edited")?;
    let (ok, _, stderr) = pressroom(&["init", &site_arg], root())?;
    assert!(!ok, "init into a site that exists fails");
    assert!(stderr.contains("not empty"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.join("texts/example.txt"))?,
        "edited"
    );
    Ok(())
}
