//! `pressroom inspect`, and fields set by hand in front matter or a sidecar.

mod common;

use common::{pressroom, root, TestResult};
use serde_json::Value;

#[test]
fn inspect_explains_every_field_of_a_seed() -> TestResult {
    let (ok, out, err) = pressroom(&["inspect", "seeds/000_86bcb2dd8a0ce44d.txt"], root())?;
    assert!(ok, "{err}");
    for expected in [
        "Genocide: “UN works hard to draw lessons of failures”",
        "line 9: dateline",
        "line 1: date at the top of the page",
        "2021-01-17",
        "marker 'UNRIC'",
        "removed lines: ",
        "UN in your language",
        "page furniture",
        "body: 12 paragraphs",
        "Ban Ki-moon: “draw on the lessons of its failures”",
        // The file is part of the sample site, so its groups are shown.
        "001_d77e404fe0dfcab3.txt",
        "International Conference on Genocide Prevention",
    ] {
        assert!(
            out.contains(expected),
            "inspect output lacks {expected:?}:\n{out}"
        );
    }
    Ok(())
}

#[test]
fn inspect_json_is_the_typed_document() -> TestResult {
    let (ok, out, err) = pressroom(
        &["inspect", "--json", "seeds/004_d7984be32c33f4f9.txt"],
        root(),
    )?;
    assert!(ok, "{err}");
    let json: Value = serde_json::from_str(&out)?;
    assert_eq!(json["document"]["kind"], "full_text");
    assert_eq!(json["document"]["date"]["date"], "--10-10");
    assert!(json["document"]["removed"]
        .as_array()
        .is_some_and(|r| r.iter().any(|l| l["text"] == "* *** *")));
    assert!(json["speech_group"]["members"]
        .as_array()
        .is_some_and(|m| m.len() == 2));
    Ok(())
}

#[test]
fn inspect_names_a_missing_file() -> TestResult {
    let (ok, _, err) = pressroom(&["inspect", "seeds/nope.txt"], root())?;
    assert!(!ok);
    assert!(err.contains("nope.txt"), "{err}");
    Ok(())
}

const RELEASE: &str = "\
Harbour authority opens new ferry terminal

PORTSMOUTH, 3 May 2021 - The harbour authority today opened the new ferry terminal.

\"This terminal serves the whole coast,\" said Harbour Master Ellen Price.
";

#[test]
fn sidecar_and_front_matter_win_and_are_shown() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path();
    std::fs::write(
        site.join("site.toml"),
        "title = \"T\"\nbase_url = \"/\"\nsource = \"texts\"\n",
    )?;
    std::fs::create_dir(site.join("texts"))?;
    std::fs::write(site.join("texts/ferry.txt"), RELEASE)?;
    std::fs::write(
        site.join("texts/ferry.toml"),
        "date = \"2021-05-04\"\nplace = \"Southsea\"\n",
    )?;
    std::fs::write(
        site.join("texts/matter.txt"),
        format!("+++\ntitle = \"Set by hand\"\npublisher = \"Harbour Authority\"\n+++\n{RELEASE}"),
    )?;
    std::fs::write(site.join("texts/broken.txt"), RELEASE)?;
    std::fs::write(site.join("texts/broken.toml"), "date = \"4 May\"\n")?;

    let (ok, _, err) = pressroom(&["build"], site)?;
    assert!(ok, "{err}");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(
        site.join("public/api/documents.json"),
    )?)?;
    let doc = |source: &str| -> Value {
        json["documents"]
            .as_array()
            .and_then(|d| d.iter().find(|d| d["source"] == source).cloned())
            .unwrap_or(Value::Null)
    };
    let ferry = doc("ferry.txt");
    assert_eq!(ferry["date"], "2021-05-04");
    assert_eq!(ferry["place"], "Southsea");
    assert_eq!(ferry["overrides"], serde_json::json!(["date", "place"]));
    let matter = doc("matter.txt");
    assert_eq!(matter["title"], "Set by hand");
    assert_eq!(matter["publisher"], "Harbour Authority");
    assert_eq!(
        matter["date"], "2021-05-03",
        "the rest is still read from the text"
    );
    assert!(
        !matter["body"].to_string().contains("+++"),
        "front matter is not body text"
    );
    // A bad sidecar value is a warning naming the sidecar; the text's own date stays.
    let broken = doc("broken.txt");
    assert_eq!(broken["date"], "2021-05-03");
    let (_, _, verbose) = pressroom(&["build", "--verbose"], site)?;
    assert!(
        verbose.contains("broken.toml") && verbose.contains("4 May"),
        "{verbose}"
    );
    let page = std::fs::read_to_string(
        site.join("public")
            .join(
                ferry["url"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches('/'),
            )
            .join("index.html"),
    )?;
    assert!(page.contains("Set by hand, not read from the text: date, place"));
    assert!(page.contains("set in the sidecar ferry.toml"));
    Ok(())
}
