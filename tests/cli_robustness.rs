//! End-to-end tests of `pressroom build` on hostile and everyday inputs: a small made-up
//! collection (a government release, a wire story, an undated note, page furniture, an
//! empty file, a binary file, a Windows-1252 file), broken configuration, a missing
//! source folder, failed builds, determinism, HTML escaping, unsafe output folders and
//! sites published under a sub-path. Every test builds its own site in a temp folder and
//! runs the real binary.

mod links;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn Error>>;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A site in a temp folder: `site.toml` with `source = "texts"` and `output = "public"`.
struct Site {
    dir: TempDir,
}

/// What one run of the binary did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn succeeded(&self) -> bool {
        self.code == Some(0)
    }

    /// Both streams, for assertion messages.
    fn describe(&self) -> String {
        format!(
            "exit code {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Site {
    /// A site whose `site.toml` is exactly `toml`.
    fn with_config(toml: &str) -> Result<Site, Box<dyn Error>> {
        let site = Site {
            dir: tempfile::tempdir()?,
        };
        std::fs::write(site.root().join("site.toml"), toml)?;
        std::fs::create_dir_all(site.root().join("texts"))?;
        Ok(site)
    }

    /// A site with the usual configuration.
    fn new() -> Result<Site, Box<dyn Error>> {
        Site::with_config(
            "title = \"Robustness archive\"\n\
             base_url = \"https://example.org/\"\n\
             source = \"texts\"\n\
             output = \"public\"\n\
             language = \"en\"\n",
        )
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes a source file under `texts/`.
    fn text(&self, name: &str, contents: impl AsRef<[u8]>) -> Result<(), Box<dyn Error>> {
        std::fs::write(self.root().join("texts").join(name), contents)?;
        Ok(())
    }

    /// Writes a file anywhere in the site folder, creating folders as needed.
    fn file(&self, relative: &str, contents: &str) -> Result<(), Box<dyn Error>> {
        let path = self.root().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, contents)?;
        Ok(())
    }

    /// Runs `pressroom build --config site.toml ARGS…` from the site folder. No run may
    /// panic, whatever it is given.
    fn build(&self, args: &[&str]) -> Result<Run, Box<dyn Error>> {
        let output = Command::cargo_bin("pressroom")?
            .current_dir(self.root())
            .args(["build", "--config", "site.toml"])
            .args(args)
            .output()?;
        let run = Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "pressroom panicked:\n{}",
            run.describe()
        );
        Ok(run)
    }

    /// Builds and insists on success.
    fn build_ok(&self, args: &[&str]) -> Result<Run, Box<dyn Error>> {
        let run = self.build(args)?;
        assert!(run.succeeded(), "the build failed:\n{}", run.describe());
        Ok(run)
    }
}

/// The documents in `OUTPUT/api/documents.json`.
fn documents(output: &Path) -> Result<Vec<Value>, Box<dyn Error>> {
    let path = output.join("api/documents.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&text)?;
    let documents = json
        .get("documents")
        .and_then(Value::as_array)
        .ok_or("documents.json has no `documents` array")?;
    Ok(documents.clone())
}

/// The document read from `source` (its path relative to the source folder).
fn document<'a>(documents: &'a [Value], source: &str) -> &'a Value {
    documents
        .iter()
        .find(|d| d["source"] == source)
        .unwrap_or_else(|| {
            let sources: Vec<&Value> = documents.iter().map(|d| &d["source"]).collect();
            panic!("no document from {source} in documents.json; it has {sources:?}")
        })
}

/// A document's body paragraphs joined by newlines.
fn body(document: &Value) -> String {
    document["body"]
        .as_array()
        .map(|paragraphs| {
            paragraphs
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// The speaker recorded for the quote that contains `words`.
fn speaker_of_quote<'a>(document: &'a Value, words: &str) -> Option<&'a str> {
    let quotes = document["quotes"].as_array()?;
    let quote = quotes
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains(words)))
        .unwrap_or_else(|| panic!("no quote containing {words:?} in {quotes:#?}"));
    quote["speaker"].as_str()
}

/// Every file under `dir`, by '/'-separated relative path, with its bytes.
fn tree(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, Box<dyn Error>> {
    fn walk(
        root: &Path,
        dir: &Path,
        files: &mut BTreeMap<String, Vec<u8>>,
    ) -> Result<(), Box<dyn Error>> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, files)?;
            } else {
                let relative = path.strip_prefix(root)?;
                let key = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                files.insert(key, std::fs::read(&path)?);
            }
        }
        Ok(())
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files)?;
    Ok(files)
}

/// The generated HTML files under `output`, by relative path.
fn html_files(output: &Path) -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    Ok(tree(output)?
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect())
}

/// The values of every `name="…"` attribute in `html`, with entities decoded as a
/// browser would (`&#x2F;` is '/').
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        rest = &rest[start + needle.len()..];
        let Some(end) = rest.find('"') else { break };
        values.push(decode_entities(&rest[..end]));
        rest = &rest[end..];
    }
    values
}

fn decode_entities(text: &str) -> String {
    text.replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------
// The made-up collection
// ---------------------------------------------------------------------------------------

const RELEASE: &str = "\
FOR IMMEDIATE RELEASE

Minister announces new funding for coastal flood defences

OTTAWA, March 3, 2019 – The Minister of Infrastructure today announced $40 million in new funding to protect coastal communities in Atlantic Canada from flooding.

The money will pay for sea walls, drainage upgrades and early-warning systems in twelve towns along the Bay of Fundy.

\"Communities on our coasts deserve to know they will be safe when the next storm arrives,\" said Minister Catherine Dufresne.

Construction is expected to begin this summer.

###

Contact:
Jean Tremblay
Press Secretary, Office of the Minister of Infrastructure
613-555-0199
media@infrastructure.example.gc.ca
";

const WIRE: &str = "\
WHO warns of measles resurgence in Europe

January 14, 2019 / 10:32 AM

GENEVA (Reuters) - Measles cases in Europe tripled last year to the highest level in a decade, the World Health Organization said on Monday, urging parents to have their children vaccinated.

\"We are seeing the consequences of complacency,\" Maria Lindqvist, the agency's director of immunisation, told reporters.

\"Every child who misses a vaccine is a child at risk,\" she said.

More than 82,000 people were infected in 2018, according to WHO figures.

Reporting by Tom Harris; Editing by Alison Williams
";

const UNDATED: &str = "\
Harbour authority reopens ferry terminal after repairs

The harbour authority has reopened the north ferry terminal after three months of repairs to the loading ramp.

Passengers are advised to arrive thirty minutes before departure while the new ticket gates are tested.
";

const FURNITURE: &str = "\
Skip to main content
Share this
Cookie settings
Subscribe to our newsletter
";

/// PK zip header bytes: NULs and bytes that are not text.
const BINARY: &[u8] =
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x8c\x5a\x00\x00\xff\xfe\x00binary\x00junk";

/// Windows-1252, CRLF: 0x92 is ’, 0x93/0x94 are “ ”, 0x96 is –, 0xE9 is é.
const CP1252: &[u8] = b"Lyon\x92s mayor opens new central library\r\n\
\r\n\
LYON, 12 June 2018 \x96 The mayor opened the new central library on Tuesday, opposite the Caf\xe9 des Arts.\r\n\
\r\n\
\x93Reading is the first freedom,\x94 Mayor Paul Giraud said at the ceremony.\r\n\
\r\n\
The library holds 300,000 books and will open seven days a week.\r\n";

/// A site holding the collection above.
fn press_collection() -> Result<Site, Box<dyn Error>> {
    let site = Site::new()?;
    site.text("ottawa-flood-funding.txt", RELEASE)?;
    site.text("geneva-measles-reuters.txt", WIRE)?;
    site.text("harbour-ferry-terminal.txt", UNDATED)?;
    site.text("page-furniture.txt", FURNITURE)?;
    site.text("empty.txt", "")?;
    site.text("scan.txt", BINARY)?;
    site.text("lyon-library-1252.txt", CP1252)?;
    Ok(site)
}

/// The texts of the collection that hold readable text.
const READABLE: &[&str] = &[
    "ottawa-flood-funding.txt",
    "geneva-measles-reuters.txt",
    "harbour-ferry-terminal.txt",
    "page-furniture.txt",
    "lyon-library-1252.txt",
];

/// A speech transcript and a wire report quoting it, which the cross-linker groups; used
/// where speech and event pages make a test stronger.
fn speech_and_report(site: &Site) -> Result<(), Box<dyn Error>> {
    site.text(
        "ocean-speech.txt",
        "Remarks by the Secretary-General at the opening of the Ocean Conference

27 June 2022

Following is the text of the remarks by Secretary-General Antonio Guterres at the opening of the Ocean Conference in Lisbon today:

The ocean is our life support system. Today we face an ocean emergency.

We must turn the tide. Without a healthy ocean, there is no healthy planet.

I call on every government to protect thirty per cent of our seas by the end of this decade.

Thank you.
",
    )?;
    site.text(
        "ocean-report.txt",
        "Guterres declares \"ocean emergency\" at Lisbon conference

LISBON, June 27, 2022 (AP) - UN Secretary-General Antonio Guterres opened the Ocean Conference with a stark warning.

\"Today we face an ocean emergency,\" Guterres said.

\"Without a healthy ocean, there is no healthy planet,\" he told delegates.

He called for thirty per cent of the seas to be protected by 2030.
",
    )
}

// ---------------------------------------------------------------------------------------
// 1. The collection
// ---------------------------------------------------------------------------------------

#[test]
fn every_readable_text_is_published_with_a_title() -> TestResult {
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;

    let mut sources: Vec<&str> = docs.iter().filter_map(|d| d["source"].as_str()).collect();
    sources.sort_unstable();
    let mut expected = READABLE.to_vec();
    expected.sort_unstable();
    assert_eq!(
        sources, expected,
        "exactly the readable texts become documents"
    );
    for doc in &docs {
        let title = doc["title"].as_str().unwrap_or_default();
        assert!(!title.trim().is_empty(), "empty title: {doc:#}");
        let page = site.output().join(
            doc["url"]
                .as_str()
                .ok_or("a document has no url")?
                .trim_start_matches('/'),
        );
        assert!(
            page.join("index.html").is_file(),
            "no article page at {} for {}",
            page.display(),
            doc["source"]
        );
    }
    Ok(())
}

#[test]
fn press_release_is_dated_and_loses_its_footer() -> TestResult {
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let release = document(&docs, "ottawa-flood-funding.txt");

    assert_eq!(
        release["title"],
        "Minister announces new funding for coastal flood defences"
    );
    assert_eq!(release["date"], "2019-03-03");
    assert_eq!(release["place"], "Ottawa");
    let text = body(release);
    assert!(
        text.contains("announced $40 million in new funding"),
        "the lede is kept: {text}"
    );
    assert!(
        text.contains("Construction is expected to begin this summer."),
        "the last paragraph is kept: {text}"
    );
    for furniture in [
        "FOR IMMEDIATE RELEASE",
        "###",
        "Contact:",
        "Jean Tremblay",
        "613-555-0199",
        "media@infrastructure",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} is left in the body: {text}"
        );
    }
    assert_eq!(
        speaker_of_quote(release, "Communities on our coasts"),
        Some("Catherine Dufresne")
    );
    Ok(())
}

#[test]
fn wire_story_dateline_gives_place_and_publisher() -> TestResult {
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let wire = document(&docs, "geneva-measles-reuters.txt");

    assert_eq!(wire["title"], "WHO warns of measles resurgence in Europe");
    assert_eq!(wire["place"], "Geneva");
    assert_eq!(wire["publisher"], "Reuters");
    assert_eq!(wire["kind"], "report");
    let text = body(wire);
    assert!(
        !text.contains("Reporting by"),
        "the wire credit line is left in the body: {text}"
    );
    Ok(())
}

#[test]
fn wire_story_is_dated_from_its_timestamp_line() -> TestResult {
    // Wire copy taken from a web page carries its date as "January 14, 2019 / 10:32 AM".
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let wire = document(&docs, "geneva-measles-reuters.txt");
    assert_eq!(wire["date"], "2019-01-14", "{wire:#}");
    Ok(())
}

#[test]
fn wire_story_quotes_name_their_speaker() -> TestResult {
    // Wire style: the speaker's name, an apposition, then the verb; the next quote's
    // "she" is the same speaker.
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let wire = document(&docs, "geneva-measles-reuters.txt");
    assert_eq!(
        speaker_of_quote(wire, "consequences of complacency"),
        Some("Maria Lindqvist"),
        "{:#}",
        wire["quotes"]
    );
    assert_eq!(
        speaker_of_quote(wire, "Every child who misses a vaccine"),
        Some("Maria Lindqvist"),
        "{:#}",
        wire["quotes"]
    );
    Ok(())
}

#[test]
fn undated_text_has_no_date() -> TestResult {
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let note = document(&docs, "harbour-ferry-terminal.txt");
    assert_eq!(
        note["title"],
        "Harbour authority reopens ferry terminal after repairs"
    );
    assert_eq!(note["title_made"], false);
    assert!(note["date"].is_null(), "{note:#}");
    assert!(body(note).contains("reopened the north ferry terminal"));
    Ok(())
}

#[test]
fn page_furniture_is_not_taken_for_content() -> TestResult {
    let site = press_collection()?;
    let run = site.build_ok(&["--verbose"])?;
    let docs = documents(&site.output())?;
    let furniture = document(&docs, "page-furniture.txt");
    let title = furniture["title"].as_str().unwrap_or_default();
    for line in FURNITURE.lines() {
        assert_ne!(title, line, "a furniture line became the title");
    }
    assert_eq!(furniture["title_made"], true);
    assert_eq!(body(furniture), "", "furniture left in the body");
    assert!(
        run.stderr.contains("texts/page-furniture.txt") && run.stderr.contains("no body text"),
        "a text with nothing left is warned about:\n{}",
        run.describe()
    );
    Ok(())
}

#[test]
fn binary_file_is_skipped_and_named() -> TestResult {
    let site = press_collection()?;
    let run = site.build_ok(&[])?;
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("texts/scan.txt"))
        .unwrap_or_else(|| panic!("scan.txt is not named:\n{}", run.describe()));
    assert!(
        line.contains("error") && line.contains("binary"),
        "the message says why: {line}"
    );
    Ok(())
}

#[test]
fn empty_file_is_named_without_verbose() -> TestResult {
    // A skipped file should be reported like any other skipped file, not only under
    // --verbose, and counted in the summary's "skipped" figure.
    let site = press_collection()?;
    let run = site.build_ok(&[])?;
    assert!(
        run.stderr.contains("texts/empty.txt"),
        "the empty file is not named:\n{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("(2 files skipped)"),
        "the empty and the binary file are both counted as skipped:\n{}",
        run.describe()
    );
    Ok(())
}

#[test]
fn a_text_of_one_sentence_with_accents_builds() -> TestResult {
    // Offsets moved back by bytes once cut 'è' in two and stopped the whole build.
    let site = Site::new()?;
    site.text(
        "geneve.txt",
        "The conference opened in Genève on 10 October 2019.\n",
    )?;
    site.text(
        "other.txt",
        "Second text\n\nThe talks went on for a second day.\n",
    )?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    assert_eq!(docs.len(), 2);
    let geneve = document(&docs, "geneve.txt");
    assert_eq!(geneve["date"], "2019-10-10");
    assert!(body(geneve).contains("Genève"));
    Ok(())
}

#[test]
fn windows_1252_text_is_decoded() -> TestResult {
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let lyon = document(&docs, "lyon-library-1252.txt");
    assert_eq!(lyon["title"], "Lyon’s mayor opens new central library");
    assert_eq!(lyon["date"], "2018-06-12");
    let text = body(lyon);
    assert!(
        text.contains("“Reading is the first freedom,” Mayor Paul Giraud said"),
        "curly quotes decoded: {text}"
    );
    assert!(text.contains("Café des Arts"), "é decoded: {text}");
    assert!(
        !text.contains('\u{FFFD}') && !text.contains('\r'),
        "no replacement characters or CRs: {text:?}"
    );
    Ok(())
}

#[test]
fn speaker_names_leave_out_job_titles() -> TestResult {
    // "said Minister Catherine Dufresne" gives "Catherine Dufresne" (see the press release
    // test); "Mayor Paul Giraud said" should likewise give the person, not the title.
    let site = press_collection()?;
    site.build_ok(&[])?;
    let docs = documents(&site.output())?;
    let lyon = document(&docs, "lyon-library-1252.txt");
    assert_eq!(
        speaker_of_quote(lyon, "Reading is the first freedom"),
        Some("Paul Giraud")
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 2. Bad site.toml
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_config_key_is_named_with_its_line() -> TestResult {
    let site = Site::with_config(
        "title = \"Archive\"\n\
         base_url = \"https://example.org/\"\n\
         titel = \"x\"\n\
         source = \"texts\"\n",
    )?;
    site.text("note.txt", UNDATED)?;
    let run = site.build(&[])?;
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert!(
        run.stderr.contains("site.toml:3") && run.stderr.contains("titel"),
        "{}",
        run.describe()
    );
    assert!(!site.output().exists(), "nothing is built");
    Ok(())
}

#[test]
fn config_syntax_error_is_named_with_its_line() -> TestResult {
    let site = Site::with_config(
        "title = \"Archive\"\n\
         base_url = \"https://example.org/\"\n\
         \n\
         source = \"texts\n\
         output = \"public\"\n",
    )?;
    site.text("note.txt", UNDATED)?;
    let run = site.build(&[])?;
    assert_eq!(run.code, Some(2), "{}", run.describe());
    assert!(run.stderr.contains("site.toml:4"), "{}", run.describe());
    assert!(!site.output().exists(), "nothing is built");
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 3. Missing source folder
// ---------------------------------------------------------------------------------------

#[test]
fn missing_source_folder_is_named() -> TestResult {
    let site = Site::with_config(
        "title = \"Archive\"\n\
         base_url = \"https://example.org/\"\n\
         source = \"press-texts\"\n",
    )?;
    let run = site.build(&[])?;
    assert!(!run.succeeded() && run.code.is_some(), "{}", run.describe());
    assert!(
        run.stderr.contains("press-texts") && run.stderr.contains("does not exist"),
        "{}",
        run.describe()
    );
    assert!(!site.output().exists(), "nothing is built");
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 4. A failed build keeps the previous output
// ---------------------------------------------------------------------------------------

#[test]
fn failed_build_keeps_the_previous_output() -> TestResult {
    let site = Site::new()?;
    site.text("ottawa-flood-funding.txt", RELEASE)?;
    site.text("harbour-ferry-terminal.txt", UNDATED)?;
    site.build_ok(&[])?;
    let before = tree(&site.output())?;
    assert!(before.contains_key("index.html"));

    let broken_templates = [
        // A tera syntax error: the template cannot even be parsed.
        "{% extends \"base.html\" %}{% block main %}<h1>{{ doc.title </h1>{% endblock main %}",
        // Parses, but fails when rendered.
        "{% extends \"base.html\" %}{% block main %}{{ no_such_variable.field }}{% endblock main %}",
    ];
    for template in broken_templates {
        site.file("templates/article.html", template)?;
        // A new source too, so a build that wrongly succeeded would change the output.
        site.text("lyon-library-1252.txt", CP1252)?;
        let run = site.build(&[])?;
        assert_eq!(run.code, Some(1), "{}", run.describe());
        assert!(
            run.stderr.contains("article.html"),
            "the broken template is named:\n{}",
            run.describe()
        );
        assert!(
            tree(&site.output())? == before,
            "the previous site was changed by a failed build"
        );
        let leftovers: Vec<String> = std::fs::read_dir(site.root())?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".public."))
            .collect();
        assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 5. Determinism
// ---------------------------------------------------------------------------------------

#[test]
fn two_builds_are_byte_identical() -> TestResult {
    let site = press_collection()?;
    speech_and_report(&site)?;
    site.build_ok(&["--output", "first"])?;
    site.build_ok(&["--output", "second"])?;
    let first = tree(&site.root().join("first"))?;
    let second = tree(&site.root().join("second"))?;
    assert!(first.contains_key("api/documents.json") && first.len() > 5);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &first {
        assert!(second.get(path) == Some(bytes), "{path} differs");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 6. Escaping
// ---------------------------------------------------------------------------------------

#[test]
fn markup_in_sources_is_escaped() -> TestResult {
    let site = Site::new()?;
    site.text(
        "hostile.txt",
        "Council rejects <script>alert(1)</script> amendment

BRUSSELS, 4 May 2020 - The council rejected an amendment titled <img src=x onerror=alert(1)> on Monday.

\"We will not accept <script>alert(1)</script> in our laws,\" said Anna Berg.

The vote was 12 to 3 with <img src=x onerror=alert(1)> abstaining.
",
    )?;
    site.build_ok(&[])?;
    let pages = html_files(&site.output())?;
    assert!(pages.keys().any(|p| p.starts_with("articles/")));
    let json_ld_open = "<script type=\"application/ld+json\">";
    let mut json_ld_blocks = 0;
    for (path, html) in &pages {
        assert!(!html.contains("<script>alert"), "{path}: raw <script>");
        assert!(!html.contains("<img src=x"), "{path}: raw <img>");
        // A JSON-LD block ends at the first "</script": if the data held one, the block
        // would be cut short and no longer be valid JSON.
        let mut rest = html.as_str();
        while let Some(start) = rest.find(json_ld_open) {
            rest = &rest[start + json_ld_open.len()..];
            let end = rest
                .find("</script")
                .ok_or_else(|| format!("{path}: unclosed JSON-LD block"))?;
            let block = &rest[..end];
            if let Err(e) = serde_json::from_str::<Value>(block) {
                panic!("{path}: the JSON-LD block is not valid JSON ({e}): {block}");
            }
            json_ld_blocks += 1;
            rest = &rest[end..];
        }
    }
    assert!(json_ld_blocks > 0, "no JSON-LD block was checked");
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 7. Unsafe output folders
// ---------------------------------------------------------------------------------------

#[test]
fn output_holding_the_source_or_site_is_refused() -> TestResult {
    let site = press_collection()?;
    site.file("templates/README.txt", "the site's own templates folder")?;
    site.build_ok(&[])?;
    let before = tree(site.root())?;

    let site_folder = site.root().display().to_string();
    for output in ["texts", ".", site_folder.as_str()] {
        let run = site.build(&["--output", output])?;
        assert!(
            !run.succeeded() && run.code.is_some(),
            "--output {output} was accepted:\n{}",
            run.describe()
        );
        assert!(
            run.stderr.contains("refusing"),
            "--output {output}: no clear refusal:\n{}",
            run.describe()
        );
        assert!(
            tree(site.root())? == before,
            "--output {output}: files were changed or deleted"
        );
    }
    Ok(())
}

#[test]
fn output_in_site_toml_holding_the_source_is_refused() -> TestResult {
    let site = Site::with_config(
        "title = \"Archive\"\n\
         base_url = \"https://example.org/\"\n\
         source = \"texts\"\n\
         output = \".\"\n",
    )?;
    site.text("note.txt", UNDATED)?;
    let before = tree(site.root())?;
    let run = site.build(&[])?;
    assert!(!run.succeeded() && run.code.is_some(), "{}", run.describe());
    assert!(run.stderr.contains("refusing"), "{}", run.describe());
    assert!(
        tree(site.root())? == before,
        "files were changed or deleted"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 8. A site under a sub-path
// ---------------------------------------------------------------------------------------

#[test]
fn base_url_sub_path_prefixes_internal_links() -> TestResult {
    let site = press_collection()?;
    speech_and_report(&site)?;
    site.build_ok(&["--base-url", "https://example.org/archive/"])?;
    let pages = html_files(&site.output())?;

    // Links are relative to their page; where they lead must be under /archive/.
    let page_url = |path: &str| format!("/archive/{}", path.trim_end_matches("index.html"));
    let index = pages.get("index.html").ok_or("no index.html")?;
    let index_links: Vec<String> = attribute_values(index, "href")
        .iter()
        .map(|l| links::resolve(&page_url("index.html"), l))
        .collect();
    assert!(
        index_links
            .iter()
            .any(|l| l.starts_with("/archive/articles/")),
        "index.html links to no article under /archive/: {index_links:?}"
    );
    for (path, html) in &pages {
        let links = attribute_values(html, "href")
            .into_iter()
            .chain(attribute_values(html, "src"));
        for link in links {
            let link = if path == "404.html" {
                link
            } else {
                links::resolve(&page_url(path), &link)
            };
            if link.starts_with('/') && !link.starts_with("//") {
                assert!(
                    link.starts_with("/archive/"),
                    "{path}: internal link {link} is outside /archive/"
                );
            } else if link.starts_with("https://example.org") {
                assert!(
                    link.starts_with("https://example.org/archive/"),
                    "{path}: absolute link {link} is outside /archive/"
                );
            }
        }
    }
    for doc in documents(&site.output())? {
        let url = doc["url"].as_str().unwrap_or_default();
        assert!(
            url.starts_with("/archive/articles/"),
            "documents.json url {url}"
        );
    }
    Ok(())
}

#[test]
fn a_folder_of_sources_builds_without_a_site_toml() -> TestResult {
    let dir = tempfile::tempdir()?;
    let sources = dir.path().join("statements");
    std::fs::create_dir_all(&sources)?;
    std::fs::write(
        sources.join("clinic.txt"),
        "Minister opens new clinic in Nairobi\n\nNAIROBI, March 3, 2015 – The Minister of \
         Health today opened a clinic that will serve ten thousand families.\n",
    )?;
    let output = Command::cargo_bin("pressroom")?
        .current_dir(dir.path())
        .args(["build", "--source", "statements"])
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let home = std::fs::read_to_string(dir.path().join("public/index.html"))?;
    assert!(
        home.contains("<title>statements"),
        "titled after the folder"
    );
    let docs = documents(&dir.path().join("public"))?;
    assert_eq!(docs.len(), 1);
    // A --config that names no file is still an error, with its path.
    let missing = Command::cargo_bin("pressroom")?
        .current_dir(dir.path())
        .args(["build", "--config", "nowhere.toml"])
        .output()?;
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.toml"));
    Ok(())
}

#[test]
fn a_site_built_inside_its_sources_never_reads_itself_back() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("clinic.txt"),
        "Minister opens new clinic in Nairobi\n\nNAIROBI, March 3, 2015 – The Minister of \
         Health today opened a clinic that will serve ten thousand families.\n",
    )?;
    for _ in 0..2 {
        let output = Command::cargo_bin("pressroom")?
            .current_dir(dir.path())
            .arg("build")
            .output()?;
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let docs = documents(&dir.path().join("public"))?;
        assert_eq!(docs.len(), 1, "the output's source copies are not sources");
    }
    let copy = std::fs::read_to_string(dir.path().join("public/sources/clinic.txt"))?;
    assert!(
        copy.starts_with("Minister opens new clinic"),
        "the raw text is published"
    );
    Ok(())
}
