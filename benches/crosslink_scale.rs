//! Scale and accuracy harness for the cross-linker.
//!
//!     cargo bench --bench crosslink_scale -- [DOCUMENTS] [SEED]
//!
//! Writes nothing to disk: it makes DOCUMENTS short press texts in memory with known
//! speeches and events, loads them with the real loader, cross-links them and prints the
//! time of each stage, peak memory, and pairwise precision, recall and F1 of speech
//! groups and events. The texts hold the hard cases: reports that cut a quote, change a
//! word ('its' / 'those'), spell it the other side of the Atlantic or put an ellipsis in
//! it; a release and a report that quote different passages of one speech; the same
//! speaker at the same conference on the next day with a similar speech; translated
//! wire copy whose quotes share no words with the original; advance notices that report
//! no speech.
//!
//! `WRITE_CORPUS=DIR` writes the texts to DIR (1,000 a folder) instead and stops, so the
//! same corpus can be built into a site.

use pressroom::config::SiteConfig;
use pressroom::crosslink::crosslink;
use pressroom::load::date::{MONTH_NAMES, WEEKDAY_NAMES};
use pressroom::load::load_bytes;
use pressroom::load::rules::Rules;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// A small, seeded, portable generator: the same seed gives the same corpus everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Amina", "Carlos", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jonas", "Kwame",
    "Leila", "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Yusuf",
    "Zainab", "Anders", "Beatriz", "Chen", "Divya", "Emeka", "Fatima", "Gustav", "Hana", "Ivan",
];
const LAST: &[&str] = &[
    "Okafor",
    "Schulz",
    "Lindqvist",
    "Nakamura",
    "Haddad",
    "Fernandes",
    "Kariuki",
    "Rahman",
    "Dubois",
    "Osei",
    "Moreau",
    "Petrov",
    "Silva",
    "Tanaka",
    "Varga",
    "Walsh",
    "Yilmaz",
    "Zhou",
    "Costa",
    "Eriksen",
    "Banda",
    "Mensah",
    "Novak",
    "Quispe",
    "Romero",
    "Sato",
    "Toure",
    "Ueda",
    "Vidal",
    "Weber",
];
const TITLES: &[&str] = &[
    "Minister",
    "Special Envoy",
    "Director-General",
    "Commissioner",
    "Ambassador",
];
const CITIES: &[&str] = &[
    "Geneva",
    "Nairobi",
    "Brussels",
    "Vienna",
    "Bangkok",
    "Santiago",
    "Dakar",
    "Rome",
    "Jakarta",
    "Copenhagen",
    "Beirut",
    "Lisbon",
];
const KINDS: &[&str] = &["International", "Regional", "Global", "High-level"];
const THEMES: &[&str] = &[
    "Climate", "Health", "Food", "Peace", "Refugees", "Rights", "Water", "Energy",
];
const NOUNS: &[&str] = &["Conference", "Summit", "Forum", "Meeting"];
const AGENCIES: &[&str] = &["Reuters", "AFP", "Xinhua"];
/// Words the variants change: (as said, as reported).
const SWAPS: &[(&str, &str)] = &[
    ("its", "those"),
    ("organize", "organise"),
    ("witness", "witnesses"),
];
const STOCK: &str = "we must not look away from those who suffer most";

/// A vocabulary large enough that two speeches share a five-word phrase only by design.
fn vocabulary() -> Vec<String> {
    let onsets = [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr",
    ];
    let vowels = ["a", "e", "i", "o", "u", "ai", "ou"];
    let codas = ["", "n", "r", "s", "l", "m", "nd", "st"];
    let mut words = Vec::new();
    for a in onsets {
        for v in vowels {
            for c in codas {
                for w in ["a", "e", "o"] {
                    words.push(format!("{a}{v}{c}{w}"));
                }
            }
        }
    }
    words
}

struct Speech {
    speaker: String,
    title: &'static str,
    event: String,
    city: &'static str,
    date: chrono::NaiveDate,
    sentences: Vec<String>,
}

struct Corpus {
    texts: Vec<(String, String)>,
    speech_of: HashMap<String, usize>,
    event_of: HashMap<String, usize>,
}

fn sentence(rng: &mut Rng, vocab: &[String]) -> String {
    let n = 12 + rng.below(8);
    let mut words: Vec<String> = (0..n).map(|_| rng.pick(vocab).clone()).collect();
    // Room for the variants reporters make.
    if rng.chance(30) {
        let at = rng.below(n);
        words[at] = rng.pick(SWAPS).0.to_string();
    }
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

/// How a report quotes a sentence: whole, cut, with a word changed, or with an ellipsis.
fn reported(rng: &mut Rng, said: &str) -> String {
    let words: Vec<&str> = said.split(' ').collect();
    match rng.below(5) {
        0 => words[..words.len().min(9 + rng.below(4))].join(" "),
        1 => {
            let swapped: Vec<String> = words
                .iter()
                .map(|w| match SWAPS.iter().find(|(a, _)| a == w) {
                    Some((_, b)) => b.to_string(),
                    None => w.to_string(),
                })
                .collect();
            swapped.join(" ")
        }
        2 if words.len() > 12 => format!("{} … {}", words[..5].join(" "), words[8..].join(" ")),
        _ => said.to_string(),
    }
}

fn human(date: chrono::NaiveDate) -> (String, String, String) {
    use chrono::Datelike;
    let month = MONTH_NAMES[date.month0() as usize];
    let weekday = WEEKDAY_NAMES[date.weekday().num_days_from_monday() as usize];
    (
        format!("{} {}, {}", month, date.day(), date.year()),
        format!("{}. {}", &month[..3], date.day()),
        weekday.to_string(),
    )
}

fn make_corpus(documents: usize, seed: u64) -> Corpus {
    let mut rng = Rng(seed.max(1));
    let vocab = vocabulary();
    let speakers: Vec<String> = (0..(documents / 40).max(20))
        .map(|i| {
            format!(
                "{} {}",
                FIRST[i % FIRST.len()],
                LAST[(i / FIRST.len() + i) % LAST.len()]
            )
        })
        .collect();
    let mut corpus = Corpus {
        texts: Vec::new(),
        speech_of: HashMap::new(),
        event_of: HashMap::new(),
    };
    let mut speeches: Vec<Speech> = Vec::new();
    let mut events = 0;
    while corpus.texts.len() < documents {
        let event = events;
        events += 1;
        let name = format!(
            "{} {} on {} {}",
            rng.pick(KINDS),
            rng.pick(NOUNS),
            rng.pick(THEMES),
            event + 1
        );
        let city = *rng.pick(CITIES);
        let start = chrono::NaiveDate::from_ymd_opt(2000 + rng.below(25) as i32, 1, 1)
            .unwrap_or_default()
            + chrono::Duration::days(rng.below(360) as i64);
        let speaker = rng.pick(&speakers).clone();
        let title = *rng.pick(TITLES);
        // One speech, and sometimes the same speaker again the next day with a similar one.
        let days = if rng.chance(15) { 2 } else { 1 };
        // An advance notice names the event and reports no speech.
        if rng.chance(20) {
            let (long, _, _) = human(start - chrono::Duration::days(3));
            let (on, _, _) = human(start);
            let id = format!("n{}", corpus.texts.len());
            corpus.texts.push((
                id.clone(),
                format!(
                    "MEDIA ADVISORY\n\n{title} {speaker} to attend {name}\n\n{city}, {long} – {title} {speaker} will address the {name} in {city} on {on}.\n\nMedia representatives are invited to attend the opening session.\n"
                ),
            ));
            corpus.event_of.insert(id, event);
        }
        for day in 0..days {
            let mut sentences: Vec<String> = (0..8).map(|_| sentence(&mut rng, &vocab)).collect();
            if days == 2 {
                // Similar speeches: a stock line in both.
                sentences[3] = format!("{} {}", STOCK, sentences[3].to_lowercase());
            }
            speeches.push(Speech {
                speaker: speaker.clone(),
                title,
                event: name.clone(),
                city,
                date: start + chrono::Duration::days(day),
                sentences,
            });
            let s = speeches.len() - 1;
            let reports = 1 + rng.below(4);
            for r in 0..reports {
                let (id, text) = report(&mut rng, &speeches[s], r, corpus.texts.len());
                corpus.speech_of.insert(id.clone(), s);
                corpus.event_of.insert(id.clone(), event);
                corpus.texts.push((id, text));
            }
        }
    }
    corpus.texts.truncate(documents);
    let kept: HashSet<&String> = corpus.texts.iter().map(|(id, _)| id).collect();
    corpus.speech_of.retain(|id, _| kept.contains(id));
    corpus.event_of.retain(|id, _| kept.contains(id));
    corpus
}

/// One document about a speech: the full text, a wire report, a release quoting other
/// passages, or translated wire copy.
fn report(rng: &mut Rng, speech: &Speech, nth: usize, number: usize) -> (String, String) {
    let id = format!("d{number}");
    let last = speech.speaker.split(' ').next_back().unwrap_or_default();
    let (long, _, weekday) = human(speech.date);
    let who = format!("{} {}", speech.title, speech.speaker);
    let text = match (nth, rng.below(10)) {
        (0, 0..=3) => format!(
            "Remarks by {who} at the {event}\n\nCheck against delivery\n\n{city}, {long}\n\n{body}\n",
            event = speech.event,
            city = speech.city,
            body = speech.sentences.join(".\n\n") + "."
        ),
        (_, 0..=1) => {
            // Translated copy: the same occasion, the quotes in other words.
            let (_, next, _) = human(speech.date + chrono::Duration::days(1));
            let foreign = vocabulary_sample(rng);
            format!(
                "{last} addresses {event}\n\n{city}, {next} (AFP) - {who} on {weekday} addressed the {event}, according to a translation of the remarks.\n\n\"{quote},\" {last} said, in words translated from the original.\n\nburs-ab/cd\n",
                event = speech.event,
                city = speech.city.to_uppercase(),
                quote = sentence(rng, &foreign),
            )
        }
        (_, 2..=3) => {
            // A release quoting the passages a wire story may leave out.
            let pick = 5 + rng.below(3);
            format!(
                "FOR IMMEDIATE RELEASE\n\n{last} calls for action at {event}\n\n{city}, {long} – {who} today addressed the {event}.\n\n“{quote},” said {last}.\n\n###\n",
                event = speech.event,
                city = speech.city,
                quote = reported(rng, &speech.sentences[pick]),
            )
        }
        _ => {
            let agency = rng.pick(AGENCIES);
            let first = rng.below(4);
            let second = first + 1 + rng.below(3);
            let next_day = rng.chance(50);
            let (_, dated, _) = human(speech.date + chrono::Duration::days(i64::from(next_day)));
            format!(
                "{last} urges action at {event}\n\n{city}, {dated} ({agency}) - {who} on {weekday} addressed the {event} in {place}.\n\n“{q1},” {last} said.\n\n{last} said the work would continue. “{q2}.”\n",
                event = speech.event,
                city = speech.city.to_uppercase(),
                place = speech.city,
                q1 = reported(rng, &speech.sentences[first]),
                q2 = reported(rng, &speech.sentences[second.min(7)]),
            )
        }
    };
    (id, text)
}

/// Words no speech uses: a translation shares none of the original's.
fn vocabulary_sample(rng: &mut Rng) -> Vec<String> {
    (0..40)
        .map(|i| format!("translated{}{}", rng.below(1000), i))
        .collect()
}

fn pairs_of(groups: impl Iterator<Item = Vec<String>>) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for mut members in groups {
        members.sort();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

fn score(name: &str, got: &HashSet<(String, String)>, want: &HashSet<(String, String)>) {
    let hits = got.intersection(want).count() as f64;
    let precision = if got.is_empty() {
        1.0
    } else {
        hits / got.len() as f64
    };
    let recall = if want.is_empty() {
        1.0
    } else {
        hits / want.len() as f64
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!(
        "{name:14} precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}  ({} pairs built, {} in truth)",
        got.len(),
        want.len()
    );
}

fn truth(of: &HashMap<String, usize>) -> HashSet<(String, String)> {
    let mut groups: HashMap<usize, Vec<String>> = HashMap::new();
    for (id, &g) in of {
        groups.entry(g).or_default().push(id.clone());
    }
    pairs_of(groups.into_values())
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// Writes each text as DIR/batch-NNNN/ID.txt, 1,000 to a folder.
fn write_corpus(corpus: &Corpus, dir: &std::path::Path) -> std::io::Result<()> {
    for (n, (id, text)) in corpus.texts.iter().enumerate() {
        let folder = dir.join(format!("batch-{:04}", n / 1000));
        if n % 1000 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        std::fs::write(folder.join(format!("{id}.txt")), text)?;
    }
    Ok(())
}

fn main() {
    // `cargo bench` passes "--bench"; numbers are ours.
    let numbers: Vec<u64> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let documents = numbers.first().copied().unwrap_or(10_000) as usize;
    let seed = numbers.get(1).copied().unwrap_or(7);
    let started = Instant::now();
    let corpus = make_corpus(documents, seed);
    println!(
        "generated {} documents in {:.1}s",
        corpus.texts.len(),
        started.elapsed().as_secs_f64()
    );
    if let Ok(dir) = std::env::var("WRITE_CORPUS") {
        if let Err(e) = write_corpus(&corpus, std::path::Path::new(&dir)) {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
        return;
    }
    let config = SiteConfig::defaults(std::path::Path::new("."));
    let rules = Rules::new(&config.loader, &config.publishers);
    let started = Instant::now();
    let loaded: Vec<_> = corpus
        .texts
        .par_iter()
        .filter_map(|(id, text)| load_bytes(&format!("{id}.txt"), id, text.as_bytes(), &rules).ok())
        .collect();
    // DUMP_DOCS=FILE writes the loaded documents as JSON lines, sorted by id, to compare
    // what two versions of the loader make of the same corpus.
    if let Ok(path) = std::env::var("DUMP_DOCS") {
        let mut sorted: Vec<_> = loaded.iter().collect();
        sorted.sort_by(|a, b| a.id.0.cmp(&b.id.0));
        let mut out = String::new();
        for d in sorted {
            out.push_str(&serde_json::to_string(d).unwrap_or_default());
            out.push('\n');
        }
        if let Err(e) = std::fs::write(&path, out) {
            eprintln!("{path}: {e}");
        }
    }
    let speech_truth = truth(&corpus.speech_of);
    let event_truth = truth(&corpus.event_of);
    // SHOW_MISSED=N prints N speech pairs the cross-linker did not join, to see why.
    let show_missed: usize = std::env::var("SHOW_MISSED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let texts: HashMap<String, String> = if show_missed > 0 {
        corpus.texts.iter().cloned().collect()
    } else {
        HashMap::new()
    };
    drop(corpus);
    println!(
        "loaded {} in {:.1}s",
        loaded.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let collection = crosslink(loaded, &config.crosslink);
    println!(
        "cross-linked in {:.1}s: {} speech groups, {} events; peak memory {}",
        started.elapsed().as_secs_f64(),
        collection.speech_groups.len(),
        collection.events.len(),
        peak_memory()
    );
    let id = |m: &usize| collection.documents[*m].id.0.clone();
    let speech_pairs = pairs_of(
        collection
            .speech_groups
            .iter()
            .map(|g| g.members.iter().map(id).collect()),
    );
    let event_pairs = pairs_of(
        collection
            .events
            .iter()
            .map(|e| e.members.iter().map(id).collect()),
    );
    score("speech groups", &speech_pairs, &speech_truth);
    let mut missed: Vec<&(String, String)> = speech_truth.difference(&speech_pairs).collect();
    missed.sort();
    for (a, b) in missed.into_iter().take(show_missed) {
        println!("--- missed {a} / {b}\n{}\n---\n{}", texts[a], texts[b]);
    }
    score("events", &event_pairs, &event_truth);
}
