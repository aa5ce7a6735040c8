//! `pressroom check` finds what a publisher must fix, and fails on errors so that it
//! can gate a publish step.

mod common;

use common::{pressroom, root, TestResult};

#[test]
fn a_clean_new_site_passes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("site");
    pressroom(&["init", &site.display().to_string()], root())?;
    let (ok, stdout, stderr) = pressroom(&["check"], &site)?;
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("checked 1 document\n") && stdout.contains("no errors"),
        "{stdout}"
    );
    Ok(())
}

#[test]
fn a_misspelt_sidecar_an_unused_template_and_a_dead_link_fail_the_check() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("site");
    pressroom(&["init", &site.display().to_string()], root())?;
    std::fs::write(
        site.join("texts/example.toml"),
        "titel = \"A better title\"\n",
    )?;
    std::fs::write(site.join("templates/artcle.html"), "<p>never used</p>")?;
    let base = std::fs::read_to_string(root().join("templates/base.html"))?.replace(
        "<main id=\"main\" class=\"wrap\">",
        "<main id=\"main\" class=\"wrap\"><a href=\"{{ site.base_path }}nowhere/\">x</a>",
    );
    std::fs::write(site.join("templates/base.html"), base)?;

    let (ok, stdout, _) = pressroom(&["check"], &site)?;
    assert!(!ok, "errors fail the check: {stdout}");
    let row = |what: &str| -> String {
        stdout
            .lines()
            .find(|l| l.trim_start().starts_with(what))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("sidecars or front matter ignored").ends_with("1  error"),
        "{stdout}"
    );
    assert!(row("unknown templates").ends_with("1  error"), "{stdout}");
    assert!(row("broken internal links").contains("error"), "{stdout}");
    assert!(
        stdout.contains("unknown field"),
        "the sidecar's problem is named: {stdout}"
    );
    assert!(
        stdout.contains("artcle.html: replaces no built-in template"),
        "{stdout}"
    );
    assert!(
        stdout.contains("index.html: ./nowhere/"),
        "the page and its link: {stdout}"
    );
    Ok(())
}
