//! Reading changed sources again on their own (as `serve` does) gives exactly what
//! loading every source gives, and reads everything again when the change alters what
//! the collection teaches the loader.

use pressroom::config::{Overrides, SiteConfig};
use pressroom::load::load_collection;
use pressroom::load::reload::{Reloaded, Sources};
use std::error::Error;
use std::path::{Path, PathBuf};

type TestResult = Result<(), Box<dyn Error>>;

const MENU: &str = "Home | News | Contact\nPress Releases\n";

const TOPICS: [&str; 9] = [
    "the bridge over the river road needs new steel before the winter",
    "rural hospitals lose nurses to the cities every spring",
    "the port authority will dredge the harbour channel this year",
    "farmers in the valley wait for the drought relief payments",
    "veterans deserve faster answers from the benefits office",
    "the school lunch program feeds forty thousand children",
    "a new rail line would link the two largest towns of the state",
    "wildfire crews need better radios and more aircraft",
    "small businesses ask for simpler tax forms and fewer audits",
];

/// A release of the office: its menu, then a text of its own.
fn release(n: usize) -> String {
    let topic = TOPICS[n % TOPICS.len()];
    format!(
        "{MENU}Senator Moss on why {topic}\n\nWASHINGTON, D.C. -- March {n}, 2007 -- Senator Moss said today that {topic}.\n\n\
         \"We have waited long enough, and {topic},\" Moss said.\n\n\
         The senator will write to the agency about why {topic}, and expects an answer within a month.\n"
    )
}

/// A site of eight releases of one office that repeat its menu lines.
fn site() -> Result<(tempfile::TempDir, SiteConfig), Box<dyn Error>> {
    let dir = tempfile::tempdir()?;
    let office = dir.path().join("sources").join("moss");
    std::fs::create_dir_all(&office)?;
    for n in 1..=8 {
        std::fs::write(office.join(format!("release-{n}.txt")), release(n))?;
    }
    let overrides = Overrides {
        source: Some(dir.path().join("sources")),
        output: Some(dir.path().join("public")),
        base_url: None,
    };
    let config = SiteConfig::without_file(&overrides)?;
    Ok((dir, config))
}

/// The documents and diagnostics, as text: what a build would render from.
fn fingerprint(loaded: &pressroom::load::Loaded) -> Result<String, Box<dyn Error>> {
    Ok(format!(
        "{}\n{:?}",
        serde_json::to_string(&loaded.documents)?,
        loaded.diagnostics
    ))
}

fn same_as_full_load(sources: &Sources, config: &SiteConfig) -> TestResult {
    let full = load_collection(config)?;
    assert_eq!(fingerprint(&sources.loaded())?, fingerprint(&full)?);
    Ok(())
}

fn path(config: &SiteConfig, n: usize) -> PathBuf {
    config.source.join("moss").join(format!("release-{n}.txt"))
}

fn edit(file: &Path, from: &str, to: &str) -> TestResult {
    let text = std::fs::read_to_string(file)?;
    assert!(text.contains(from), "{from:?} is not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1))?;
    Ok(())
}

#[test]
fn an_edited_body_or_sidecar_is_read_again_alone() -> TestResult {
    let (_dir, config) = site()?;
    let mut sources = Sources::load(&config)?;
    same_as_full_load(&sources, &config)?;

    let file = path(&config, 3);
    edit(
        &file,
        "\n\nThe senator will",
        "\n\nA new paragraph was added here.\n\nThe senator will",
    )?;
    assert_eq!(
        sources.reload(&config, std::slice::from_ref(&file))?,
        Reloaded::Files(1)
    );
    same_as_full_load(&sources, &config)?;
    assert!(fingerprint(&sources.loaded())?.contains("A new paragraph was added here."));

    let sidecar = file.with_extension("toml");
    std::fs::write(&sidecar, "title = \"A title set by hand\"\n")?;
    assert_eq!(
        sources.reload(&config, std::slice::from_ref(&sidecar))?,
        Reloaded::Files(1)
    );
    same_as_full_load(&sources, &config)?;
    assert!(fingerprint(&sources.loaded())?.contains("A title set by hand"));
    // A sidecar with a typo is read again too, and warned about.
    std::fs::write(&sidecar, "titel = \"x\"\n")?;
    assert_eq!(sources.reload(&config, &[sidecar])?, Reloaded::Files(1));
    same_as_full_load(&sources, &config)?;
    Ok(())
}

#[test]
fn a_removed_file_is_forgotten_and_a_new_one_reads_everything() -> TestResult {
    let (_dir, config) = site()?;
    let mut sources = Sources::load(&config)?;
    let gone = path(&config, 5);
    std::fs::remove_file(&gone)?;
    // Eight holders of each menu line become seven: still furniture, but each of the
    // seven shows the new count, so all are read again.
    assert_eq!(sources.reload(&config, &[gone])?, Reloaded::Files(8));
    same_as_full_load(&sources, &config)?;
    assert_eq!(sources.loaded().documents.len(), 7);

    let new = path(&config, 9);
    std::fs::write(&new, release(9))?;
    assert_eq!(sources.reload(&config, &[new])?, Reloaded::Everything);
    same_as_full_load(&sources, &config)?;
    Ok(())
}

#[test]
fn a_line_that_becomes_furniture_reads_its_holders_again() -> TestResult {
    let (dir, config) = site()?;
    let other = config.source.join("moss");
    let mut sources = Sources::load(&config)?;
    // A line that three releases share becomes furniture when a third one gains it.
    let line = "Follow the senator on the radio\n";
    for n in [1, 2] {
        edit(
            &other.join(format!("release-{n}.txt")),
            MENU,
            &format!("{MENU}{line}"),
        )?;
        sources.reload(&config, &[path(&config, n)])?;
    }
    same_as_full_load(&sources, &config)?;
    // The third holder is read again, and the two others, whose line is now furniture.
    edit(&path(&config, 4), MENU, &format!("{MENU}{line}"))?;
    assert_eq!(
        sources.reload(&config, &[path(&config, 4)])?,
        Reloaded::Files(3)
    );
    assert!(fingerprint(&sources.loaded())?.contains("\"documents\":3"));
    same_as_full_load(&sources, &config)?;
    // A path that is no source (a new folder, a stray file) reads everything as well.
    let stray = dir.path().join("sources").join("notes.csv");
    std::fs::write(&stray, "a,b\n")?;
    assert_eq!(sources.reload(&config, &[stray])?, Reloaded::Everything);
    same_as_full_load(&sources, &config)?;
    Ok(())
}

/// The same on real releases, whose furniture the collection teaches (the development
/// set beside the checkout, when it is there): a paragraph added, a first line taken
/// away, a file removed.
#[test]
fn real_releases_read_again_alone_give_what_a_full_load_gives() -> TestResult {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdev/docs");
    if !real.is_dir() {
        eprintln!("{} is not beside the checkout; not checked", real.display());
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs)?;
    for entry in std::fs::read_dir(&real)? {
        let entry = entry?;
        std::fs::copy(entry.path(), docs.join(entry.file_name()))?;
    }
    let overrides = Overrides {
        source: Some(docs.clone()),
        output: Some(dir.path().join("public")),
        base_url: None,
    };
    let config = SiteConfig::without_file(&overrides)?;
    let mut sources = Sources::load(&config)?;
    let file = |name: &str| docs.join(name);
    let text = std::fs::read_to_string(file("r010.txt"))?;
    let middle = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let at = text[middle..].find('\n').map_or(text.len(), |i| middle + i);
    std::fs::write(
        file("r010.txt"),
        format!(
            "{}\nA sentence added by hand.\n{}",
            &text[..at],
            &text[at..]
        ),
    )?;
    sources.reload(&config, &[file("r010.txt")])?;
    same_as_full_load(&sources, &config)?;
    let text = std::fs::read_to_string(file("r050.txt"))?;
    let rest = text
        .split_once('\n')
        .map_or("", |(_, rest)| rest)
        .to_string();
    std::fs::write(file("r050.txt"), rest)?;
    sources.reload(&config, &[file("r050.txt")])?;
    same_as_full_load(&sources, &config)?;
    std::fs::remove_file(file("r100.txt"))?;
    sources.reload(&config, &[file("r100.txt")])?;
    same_as_full_load(&sources, &config)?;
    Ok(())
}

/// What a build renders from, as text: every field of the linked collection but the
/// index by id (a map, printed in no fixed order).
fn linked_fingerprint(collected: &pressroom::build::Collected) -> String {
    let c = &collected.collection;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        c.documents,
        c.speech_groups,
        c.events,
        c.speech_group_of,
        c.event_of,
        c.checks,
        c.diagnostics,
        collected.diagnostics
    )
}

/// An edit that leaves what the cross-linker reads as it was (a line above the
/// headline, where the loader takes it for page furniture, and which moves every line
/// below) is put in place in the linked collection; the result is what loading and
/// linking everything again gives. An edit of the body is linked again.
#[test]
fn an_edit_the_linker_does_not_read_is_put_in_place_as_linking_again_would() -> TestResult {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs)?;
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(&seeds)? {
        let entry = entry?;
        std::fs::copy(entry.path(), docs.join(entry.file_name()))?;
    }
    let overrides = Overrides {
        source: Some(docs.clone()),
        output: Some(dir.path().join("public")),
        base_url: None,
    };
    let config = SiteConfig::without_file(&overrides)?;
    let mut sources = Sources::load(&config)?;
    let linked = pressroom::build::link(&config, sources.loaded());
    let mut put_in_place = 0;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&docs)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.sort();
    for (n, file) in names.iter().enumerate() {
        let text = std::fs::read_to_string(file)?;
        std::fs::write(
            file,
            format!("Printed from the archive, copy {n}\n\n{text}"),
        )?;
        sources.reload(&config, std::slice::from_ref(file))?;
        let edits = sources.edited().ok_or("the edit did not load")?;
        let Some(collection) = pressroom::crosslink::patch::patched(&linked.collection, &edits)
        else {
            // The loader read the line as part of the text: this edit is linked again.
            std::fs::write(file, text)?;
            sources.reload(&config, std::slice::from_ref(file))?;
            continue;
        };
        put_in_place += 1;
        let patched = linked.with_collection(collection, sources.diagnostics());
        let again = pressroom::build::link(&config, sources.loaded());
        assert_eq!(
            linked_fingerprint(&patched),
            linked_fingerprint(&again),
            "{}",
            file.display()
        );
        std::fs::write(file, text)?;
        sources.reload(&config, std::slice::from_ref(file))?;
    }
    assert!(
        put_in_place >= 2,
        "only {put_in_place} edits were put in place"
    );
    // A word of the body changed is read by the linker: no patch.
    let file = &names[0];
    let text = std::fs::read_to_string(file)?;
    std::fs::write(file, text.replacen("the", "a", 1))?;
    sources.reload(&config, std::slice::from_ref(file))?;
    let edits = sources.edited().ok_or("the edit did not load")?;
    assert!(pressroom::crosslink::patch::patched(&linked.collection, &edits).is_none());
    Ok(())
}

/// A copy of `from`'s files in a fresh folder, with the configuration of a site built
/// from it.
fn site_of(from: &Path) -> Result<(tempfile::TempDir, SiteConfig, Vec<PathBuf>), Box<dyn Error>> {
    let dir = tempfile::tempdir()?;
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs)?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let to = docs.join(entry.file_name());
        std::fs::copy(entry.path(), &to)?;
        files.push(to);
    }
    files.sort();
    let overrides = Overrides {
        source: Some(docs),
        output: Some(dir.path().join("public")),
        base_url: None,
    };
    Ok((dir, SiteConfig::without_file(&overrides)?, files))
}

/// The text with the last word of its last long line, far from the lead, said twice:
/// its phrases change, the words it uses do not (a collection whose topics counted the
/// rarity of its words on every text would link a new word again in full).
fn with_a_word_added(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let last = (lines.len() / 2..lines.len())
        .rev()
        .find(|&i| lines[i].split_whitespace().count() >= 12)?;
    let word = lines[last]
        .split_whitespace()
        .last()?
        .trim_matches(|c: char| !c.is_alphanumeric());
    let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    edited[last] = format!("{} {word}", edited[last].trim_end());
    Some(edited.join("\n") + "\n")
}

/// Documents whose text alone is edited are linked again on their own; the collection
/// and what is kept for the next edit are what linking everything again gives.
fn relinking_matches_linking_everything(from: &Path, most: usize) -> Result<usize, Box<dyn Error>> {
    use pressroom::build::link_keeping;
    use pressroom::crosslink::relink::relinked;
    let (_dir, config, files) = site_of(from)?;
    let mut sources = Sources::load(&config)?;
    let (mut linked, mut state) = link_keeping(&config, sources.loaded());
    let mut relinked_alone = 0;
    for file in files.iter().take(most) {
        let text = std::fs::read_to_string(file)?;
        let Some(edited) = with_a_word_added(&text) else {
            continue;
        };
        std::fs::write(file, edited)?;
        sources.reload(&config, std::slice::from_ref(file))?;
        let (again, state_again) = link_keeping(&config, sources.loaded());
        let edits = sources.edited().ok_or("the edit did not load")?;
        // A line of furniture edited reads its other holders again: no edit of one text.
        let [(before, after)] = edits.as_slice() else {
            (linked, state) = (again, state_again);
            continue;
        };
        if let Some(collection) = relinked(
            &linked.collection,
            &mut state,
            before,
            after,
            &config.crosslink,
        ) {
            relinked_alone += 1;
            let alone = linked.with_collection(collection, sources.diagnostics());
            assert_eq!(
                linked_fingerprint(&alone),
                linked_fingerprint(&again),
                "{}",
                file.display()
            );
            assert_eq!(
                format!("{state:?}"),
                format!("{state_again:?}"),
                "{}",
                file.display()
            );
        }
        (linked, state) = (again, state_again);
    }
    Ok(relinked_alone)
}

#[test]
fn an_edit_of_the_text_alone_is_linked_again_as_linking_everything_would() -> TestResult {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let alone = relinking_matches_linking_everything(&seeds, usize::MAX)?;
    assert!(
        alone >= 2,
        "only {alone} of the samples were linked again on their own"
    );
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdev/docs");
    if real.is_dir() {
        let alone = relinking_matches_linking_everything(&real, 40)?;
        assert!(
            alone >= 20,
            "only {alone} of 40 real releases were linked again on their own"
        );
    }
    Ok(())
}
