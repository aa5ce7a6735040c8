//! `pressroom groups`, and reports of one speech that share no quote but the occasion.

mod common;

use common::{pressroom, root, TestResult};
use std::path::Path;

const SITE: &str =
    "title = \"Cross-linking\"\nbase_url = \"/\"\nsource = \"texts\"\noutput = \"public\"\n";

/// Writes `site_toml` and the source `files` (name, text) into `dir`.
fn write_site(dir: &Path, site_toml: &str, files: &[(&str, String)]) -> TestResult {
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts)?;
    std::fs::write(dir.join("site.toml"), site_toml)?;
    for (name, text) in files {
        std::fs::write(texts.join(name), text)?;
    }
    Ok(())
}

#[test]
fn groups_lists_members_canonical_text_and_the_evidence_for_each_link() -> TestResult {
    let (ok, out, err) = pressroom(&["groups"], root())?;
    assert!(ok, "{err}");
    for expected in [
        "speech group s-",
        "canonical    004_d7984be32c33f4f9",
        // No full text of the Brussels speech: the report that quotes the most leads.
        "lead report  001_d77e404fe0dfcab3",
        "link 003_737e37228b468d2a – 004_d7984be32c33f4f9: ",
        "quotes of one found in the other",
        "stand silent witness",
        "event e-",
        "International Conference on Genocide Prevention",
        "both name the international conference on genocide prevention",
    ] {
        assert!(out.contains(expected), "groups lacks {expected:?}:\n{out}");
    }

    // A document's source path picks its groups only.
    let (ok, out, err) = pressroom(&["groups", "seeds/002_ccb6c8e78dd89af5.txt"], root())?;
    assert!(ok, "{err}");
    assert!(
        out.contains("International Conference on Genocide Prevention"),
        "{out}"
    );
    assert!(!out.starts_with("speech group"), "{out}");
    assert!(out.starts_with("event e-"), "{out}");

    let (ok, out, _) = pressroom(&["groups", "no-such-thing"], root())?;
    assert!(ok);
    assert!(
        out.contains("no speech group or event has \"no-such-thing\""),
        "{out}"
    );
    Ok(())
}

/// A release quotes one passage, a wire story another: they share no quote, only the
/// speaker, the named conference and the day ("on Sunday" under a Monday dateline). The
/// same speaker at the same conference two days later gave another speech.
#[test]
fn the_same_speaker_event_and_day_join_reports_that_share_no_quote() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_site(
        dir.path(),
        SITE,
        &[
            (
                "release.txt",
                "Minister Ana Ruiz calls for cleaner ports at Harbour Futures Conference\n\n\
                 LISBON, 13 May 2018 – Minister Ana Ruiz today opened the Harbour Futures Conference in Lisbon.\n\n\
                 “Every port in Europe must run on shore power by the end of the next decade, and we will pay our share of it,” said Ruiz.\n"
                    .to_string(),
            ),
            (
                "wire.txt",
                "Portugal pledges money for greener harbours\n\n\
                 LISBON, May 14 (Reuters) - Minister Ana Ruiz on Sunday addressed the Harbour Futures Conference, promising new money for dock electrification.\n\n\
                 “Fishermen should not breathe diesel smoke for a living when the technology to stop it already exists,” Ruiz said.\n"
                    .to_string(),
            ),
            (
                "later.txt",
                "Ruiz closes harbour conference with call on shipping lines\n\n\
                 LISBON, May 15 (Reuters) - Minister Ana Ruiz on Tuesday closed the Harbour Futures Conference with an appeal to shipping companies.\n\n\
                 “The shipping lines that call at our ports will have to plug in, or pay for the pollution they leave behind,” Ruiz said.\n"
                    .to_string(),
            ),
        ],
    )?;
    let (ok, out, err) = pressroom(&["groups"], dir.path())?;
    assert!(ok, "{err}");
    let group = out
        .split("\n\n")
        .find(|block| block.starts_with("speech group"))
        .ok_or_else(|| format!("no speech group:\n{out}"))?;
    assert!(
        group.contains("release") && group.contains("wire"),
        "{group}"
    );
    assert!(!group.contains("later"), "{group}");
    assert!(
        group.contains("the same speaker (Ana Ruiz) at the same event (harbour futures conference) on the same day (13 May 2018)"),
        "{group}"
    );
    Ok(())
}

fn write_two_reports(dir: &Path, site_toml: &str) -> TestResult {
    let quote_a = "Every port in Europe must run on shore power by the end of the next decade";
    let quote_b =
        "Fishermen should not breathe diesel smoke for a living when the technology exists";
    let report = |agency: &str| {
        format!(
            "Ruiz calls for cleaner ports\n\nLISBON, May 14 ({agency}) - Minister Ana Ruiz spoke on Sunday.\n\n\
             “{quote_a},” said Ruiz.\n\n“{quote_b},” she added.\n"
        )
    };
    write_site(
        dir,
        site_toml,
        &[
            ("one.txt", report("Reuters")),
            ("two.txt", report("AFP")),
            (
                "other.txt",
                "Harbour board appoints new chair\n\nVALLETTA, 3 March 2019 – The harbour board named a new chair on Tuesday.\n"
                    .to_string(),
            ),
        ],
    )
}

#[test]
fn apart_in_site_toml_keeps_two_reports_of_one_speech_apart() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_two_reports(dir.path(), SITE)?;
    let (ok, out, err) = pressroom(&["groups"], dir.path())?;
    assert!(ok, "{err}");
    assert!(
        out.contains("speech group s-"),
        "the two reports are grouped:\n{out}"
    );

    let dir = tempfile::tempdir()?;
    write_two_reports(
        dir.path(),
        &format!("{SITE}\n[crosslink]\napart = [[\"one.txt\", \"two.txt\"]]\n"),
    )?;
    let (ok, out, err) = pressroom(&["groups"], dir.path())?;
    assert!(ok, "{err}");
    assert!(
        !out.contains("speech group s-"),
        "apart was ignored:\n{out}"
    );
    Ok(())
}

#[test]
fn together_in_a_sidecar_joins_documents_and_says_so() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_two_reports(dir.path(), SITE)?;
    std::fs::write(
        dir.path().join("texts/other.toml"),
        "together = [\"one.txt\", \"missing.txt\"]\n",
    )?;
    let (ok, out, err) = pressroom(&["groups"], dir.path())?;
    assert!(ok, "{err}");
    let group = out
        .split("\n\n")
        .find(|block| block.starts_with("speech group"))
        .ok_or_else(|| format!("no speech group:\n{out}"))?;
    assert!(
        group.contains("other") && group.contains("one") && group.contains("two"),
        "{group}"
    );
    assert!(group.contains("set by hand for other.txt"), "{group}");

    let (ok, _, err) = pressroom(&["build", "--verbose"], dir.path())?;
    assert!(ok, "{err}");
    assert!(
        err.contains("other.txt: warning: a hand-set link names `missing.txt`"),
        "{err}"
    );
    Ok(())
}

#[test]
fn crosslink_settings_are_checked() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_two_reports(
        dir.path(),
        &format!("{SITE}\n[crosslink]\nphrase_words = 1\n"),
    )?;
    let (ok, _, err) = pressroom(&["build"], dir.path())?;
    assert!(!ok);
    assert!(err.contains("phrase_words must be at least 2"), "{err}");

    write_two_reports(dir.path(), &format!("{SITE}\n[crosslink]\nshingles = 4\n"))?;
    let (ok, _, err) = pressroom(&["build"], dir.path())?;
    assert!(!ok);
    assert!(err.contains("shingles"), "{err}");
    Ok(())
}

/// A report with no dateline and no named speaker takes both from the full text it
/// quotes, marked as inferred in documents.json.
#[test]
fn a_report_takes_place_and_speaker_from_its_speech_marked_inferred() -> TestResult {
    let first =
        "No country can stop a pandemic at its own border, however high the walls it builds";
    let second = "We will pay for preparedness now or we will pay far more for the next emergency";
    let dir = tempfile::tempdir()?;
    write_site(
        dir.path(),
        SITE,
        &[
            (
                "speech.txt",
                format!(
                    "Remarks by Director-General Hana Varga at the World Health Preparedness Summit\n\n\
                     Check against delivery\n\nGENEVA, 4 May 2021 – {first}.\n\n{second}.\n\nThank you.\n"
                ),
            ),
            (
                "report.txt",
                format!(
                    "Health chief urges spending on preparedness\n\n\
                     The Director-General told delegates on 4 May 2021 that “{first}.”\n\n\
                     “{second},” the Director-General said.\n"
                ),
            ),
        ],
    )?;
    let (ok, _, err) = pressroom(&["build"], dir.path())?;
    assert!(ok, "{err}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        dir.path().join("public/api/documents.json"),
    )?)?;
    let report = json["documents"]
        .as_array()
        .and_then(|docs| docs.iter().find(|d| d["id"] == "report"))
        .ok_or("no report in documents.json")?;
    assert_eq!(report["place"], "Geneva", "{report}");
    assert_eq!(report["speakers"][0], "Hana Varga", "{report}");
    assert_eq!(
        report["inferred"],
        serde_json::json!(["place", "speakers"]),
        "{report}"
    );
    // Article URLs are folders: /articles/SLUG/.
    let url = report["url"].as_str().ok_or("no url")?;
    let page = std::fs::read_to_string(
        dir.path()
            .join("public")
            .join(url.trim_matches('/'))
            .join("index.html"),
    )?;
    assert!(
        page.contains("Inferred from other reports of the same speech"),
        "{page}"
    );
    Ok(())
}

/// Group and event ids come from their members, so documents added to the collection
/// (sorting before and after the others) rename nothing.
#[test]
fn adding_unrelated_documents_renames_no_group() -> TestResult {
    let ids = |dir: &Path| -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let (ok, out, err) = pressroom(&["groups", "--json"], dir)?;
        assert!(ok, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out)?;
        let mut ids = Vec::new();
        for kind in ["speech_groups", "events"] {
            for group in json[kind].as_array().ok_or("no groups")? {
                ids.push(format!("{} {}", group["id"], group["members"]));
            }
        }
        Ok(ids)
    };
    let before = ids(root())?;
    assert_eq!(before.len(), 4, "{before:?}");

    let dir = tempfile::tempdir()?;
    let mut files: Vec<(&str, String)> = Vec::new();
    let seeds = root().join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(&seeds)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(seeds.join(n)))
        .collect::<Result<_, _>>()?;
    for (name, text) in names.iter().zip(&texts) {
        files.push((name.as_str(), text.clone()));
    }
    files.push((
        "000_aaa_unrelated.txt",
        "Harbour board appoints new chair\n\nVALLETTA, 3 March 2019 – The harbour board named a new chair on Tuesday.\n".to_string(),
    ));
    files.push((
        "zzz_unrelated.txt",
        "City opens new library\n\nOSLO, 4 April 2014 – The city opened a new library on Friday, the mayor said.\n".to_string(),
    ));
    write_site(dir.path(), SITE, &files)?;
    assert_eq!(ids(dir.path())?, before);
    Ok(())
}

#[test]
fn a_yearless_wire_date_takes_its_year_from_the_event_announcement() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_site(
        dir.path(),
        SITE,
        &[
            (
                "notice.txt",
                "Global Conference on Coastal Cities opens in Santiago next week\n\n\
                 21 October 2022- The Global Conference on Coastal Cities will be held in Santiago \
                 from 24 October 2022 to 26 October 2022. Delegations will discuss sea walls.\n"
                    .to_string(),
            ),
            (
                "wire.txt",
                "Mayors call for sea walls\n\n\
                 SANTIAGO, Oct. 26 (Xinhua) -- Mayor Dina Novak on Wednesday addressed the Global \
                 Conference on Coastal Cities, calling for sea walls.\n\n\
                 \"Our harbours will not wait for another report on the tides,\" said Novak.\n"
                    .to_string(),
            ),
        ],
    )?;
    let (ok, _, err) = pressroom(&["build"], dir.path())?;
    assert!(ok, "{err}");
    let documents: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        dir.path().join("public/api/documents.json"),
    )?)?;
    let wire = documents["documents"]
        .as_array()
        .and_then(|docs| docs.iter().find(|d| d["id"] == "wire"))
        .ok_or("no wire report in documents.json")?;
    assert_eq!(wire["date"], "2022-10-26", "{wire}");
    assert_eq!(wire["date_inferred"], true, "{wire}");
    let groups: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        dir.path().join("public/api/groups.json"),
    )?)?;
    let event = &groups["events"][0];
    assert_eq!(
        event["members"].as_array().map(Vec::len),
        Some(2),
        "{event}"
    );
    assert_eq!(event["start"], "2022-10-26", "{event}");
    Ok(())
}
