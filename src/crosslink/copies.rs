//! Copies: documents that carry the same text, whoever issued them. A joint release
//! posted by each of its offices, a story re-posted by another site, a short stub of a
//! longer release. Found from whole bodies, not from what the loader made of them: a copy
//! needs no quote, speaker or date.
//!
//! Candidates come from a sample of every body's five-word shingles (one in
//! `SAMPLE_EVERY`, chosen by hash, so two copies keep the same sample). A candidate is a
//! copy when most of the shorter text is in the longer one and what differs between them
//! does not name different things: two releases from one template that give different
//! amounts, places or names are two statements, however much of their text they share.

use super::candidates::{hash_shingle, hash_word};
use super::{LinkEvidence, LinkKind};
use crate::load::data::entries;
use crate::load::date::find_dates;
use crate::load::{Document, PartialDate};
use crate::text::{all_digits, fnv1a, fold, FoldedWords};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Words per shingle.
const SHINGLE: usize = 5;
/// One shingle in this many is indexed: enough to find a copy of thirty words, and a
/// quarter of the postings.
const SAMPLE_EVERY: u64 = 4;
/// A text with fewer shingles than this is too short to call anything a copy of it.
const MIN_SHINGLES: usize = 20;
/// The least share of the shorter text the longer holds in a copy.
const MIN_CONTAINMENT: f64 = 0.7;
/// The sampled share of the shorter text the longer must hold to be compared in full.
const MIN_SAMPLED_SHARE: f64 = 0.4;

/// The words contractions and possessives leave when a crawl strips the apostrophe
/// ("Women s", "I m"): glued back to the word before, as "Women's" is read.
const SUFFIXES: &[&str] = &["s", "m", "t", "d", "ll", "re", "ve"];

/// Capitalised words that name nothing: sentence starts and titles every release uses.
const PLAIN_CAPITALS: &[&str] = &[
    "the", "a", "an", "and", "of", "in", "to", "for", "on", "at", "by", "with", "from", "as", "is",
    "this", "that", "it", "its", "he", "she", "we", "i", "our", "they", "said", "senator",
    "senators", "sen", "sens", "mr", "mrs", "ms", "dr", "u", "s", "us",
];

/// One word of a body, folded, with what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub key: String,
    /// Written with a capital: a name or place, unless it is a plain word.
    pub capital: bool,
}

impl Word {
    fn is_number(&self) -> bool {
        all_digits(&self.key)
    }
}

/// The words of a document's paragraphs, as copies are compared on them.
pub fn words(doc: &Document) -> Vec<Word> {
    words_in(doc.paragraphs())
}

/// The words of some paragraphs, as copies are compared on them.
pub(super) fn words_in<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for paragraph in paragraphs {
        let mut current = String::new();
        let mut chars = paragraph.chars().peekable();
        while let Some(c) = chars.next() {
            let apostrophe = matches!(c, '\'' | '’' | '`');
            if c.is_alphanumeric() {
                current.push(c);
            } else if apostrophe
                && !current.is_empty()
                && chars.peek().is_some_and(|n| n.is_alphanumeric())
            {
                // "Women's" is one word.
            } else {
                push_word(&mut out, &mut current);
            }
        }
        push_word(&mut out, &mut current);
    }
    out
}

fn push_word(out: &mut Vec<Word>, current: &mut String) {
    if current.is_empty() {
        return;
    }
    let text = std::mem::take(current);
    let key = fold(&text);
    let lower_suffix = SUFFIXES.contains(&key.as_str());
    if let (true, Some(last)) = (lower_suffix, out.last_mut()) {
        if !last.is_number() {
            last.key.push_str(&key);
            return;
        }
    }
    let capital = text.chars().next().is_some_and(char::is_uppercase);
    out.push(Word { key, capital });
}

/// The hash of each word of a document's paragraphs, glued as [`words`] glues them,
/// without a string per word: every document's sketch needs only these. (A word with an
/// apostrophe inside is two words here, one in [`words`]: the sketch only finds
/// candidates, and reads every document the same way.)
fn word_hashes(doc: &Document) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    let mut last_is_number = false;
    for paragraph in doc.paragraphs() {
        for word in FoldedWords::new(paragraph).iter() {
            if let (true, false, Some(last)) =
                (SUFFIXES.contains(&word), last_is_number, out.last_mut())
            {
                // FNV-1a runs on: the glued word hashes as if it were written whole.
                *last = fnv1a(word.as_bytes(), *last);
                continue;
            }
            last_is_number = all_digits(word);
            out.push(hash_word(word));
        }
    }
    out
}

/// The hash of each shingle, by its first word's position.
fn shingle_hashes(words: &[Word]) -> Vec<u64> {
    let hashes: Vec<u64> = words.iter().map(|w| hash_word(&w.key)).collect();
    shingles_of(&hashes)
}

/// The hash of each shingle of words given by their hashes.
fn shingles_of(hashes: &[u64]) -> Vec<u64> {
    hashes
        .windows(SHINGLE)
        .map(|w| {
            let h = hash_shingle(w);
            // Spread the bits, so that sampling by the low ones is fair.
            (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
        })
        .collect()
}

/// The sampled shingles of a document, sorted. A text too short to be compared has
/// none.
pub fn sketch(doc: &Document) -> Vec<u64> {
    let hashes = shingles_of(&word_hashes(doc));
    if hashes.len() < MIN_SHINGLES {
        return Vec::new();
    }
    let mut sampled: Vec<u64> = hashes
        .into_iter()
        .filter(|h| h % SAMPLE_EVERY == 0)
        .collect();
    sampled.sort_unstable();
    sampled.dedup();
    sampled
}

/// The least share [`quick_containment`] finds in a pair worth comparing in full: below
/// [`MIN_CONTAINMENT`], since it reads words a little differently.
const MIN_QUICK_CONTAINMENT: f64 = 0.6;

/// Whether the longer of two texts holds enough of the shorter's shingles, read from
/// word hashes alone, for them to be compared in full: most candidates share a few
/// stock passages only, and this test costs a fraction of the comparison.
pub fn may_be_copies(a: &Document, b: &Document) -> bool {
    let distinct = |doc: &Document| {
        let mut hashes = shingles_of(&word_hashes(doc));
        hashes.sort_unstable();
        hashes.dedup();
        hashes
    };
    let (x, y) = (distinct(a), distinct(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() < MIN_SHINGLES {
        return false;
    }
    let shared = short
        .iter()
        .filter(|h| long.binary_search(h).is_ok())
        .count();
    shared as f64 >= MIN_QUICK_CONTAINMENT * short.len() as f64
}

/// Whether two texts of one office are releases of one template that name different
/// things ("induction of Walworth County students", "of Yankton County students"): they
/// share the office's stock quote, but are two statements, not reports of one.
pub fn one_template(a: &Document, b: &Document) -> bool {
    let issuer = super::headlines::issuer;
    let same_office = matches!((issuer(a), issuer(b)), (Some(x), Some(y)) if x == y);
    same_office
        && compare_from(&words(a), &words(b), TEMPLATE_CONTAINMENT)
            .is_some_and(|c| c.containment >= TEMPLATE_CONTAINMENT && !c.conflicts.is_empty())
}

/// The least share of the shorter text two releases of one template have in common: their
/// boilerplate around the particulars that differ.
const TEMPLATE_CONTAINMENT: f64 = 0.5;

/// Whether a candidate pair shares enough of its sample to be compared in full.
pub fn worth_comparing(shared: usize, a: &[u64], b: &[u64]) -> bool {
    let smaller = a.len().min(b.len()).max(1);
    shared as f64 >= MIN_SAMPLED_SHARE * smaller as f64
}

/// What two texts are found to share and where they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The share of the shorter text's shingles found in the longer.
    pub containment: f64,
    /// Passages where the two name different things: (in one, in the other).
    pub conflicts: Vec<(String, String)>,
    /// How many of them give different numbers.
    pub number_conflicts: usize,
}

impl Comparison {
    /// The same text: nearly all of it shared and at most a few slips between, or most
    /// of it shared and nothing named differently.
    pub fn is_copy(&self) -> bool {
        let c = self.containment;
        let named = self.conflicts.len();
        // Different numbers in one place are different statements: two releases of
        // one template give other amounts ("$77,924 for Gettysburg", "$9,500 for
        // Avon"); a digit dropped or added is a slip and no conflict.
        self.number_conflicts == 0
            && ((c >= 0.9 && named <= 1) || (c >= MIN_CONTAINMENT && named == 0))
    }
}

/// Compares two bodies in full.
pub fn compare(a: &[Word], b: &[Word]) -> Option<Comparison> {
    compare_from(a, b, MIN_CONTAINMENT)
}

/// Compares two bodies, looking for what differs only when the shorter's share in the
/// longer reaches `min_containment`.
fn compare_from(a: &[Word], b: &[Word], min_containment: f64) -> Option<Comparison> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (hs, hl) = (shingle_hashes(short), shingle_hashes(long));
    if hs.len() < MIN_SHINGLES {
        return None;
    }
    let in_long: HashSet<u64> = hl.iter().copied().collect();
    let distinct: HashSet<u64> = hs.iter().copied().collect();
    let shared = distinct.iter().filter(|h| in_long.contains(h)).count();
    let containment = shared as f64 / distinct.len() as f64;
    if containment < min_containment {
        // No copy, whatever differs: the passages are not looked for.
        return Some(Comparison {
            containment,
            conflicts: Vec::new(),
            number_conflicts: 0,
        });
    }
    let (conflicts, number_conflicts) = differences(short, &hs, long, &hl, &in_long);
    Some(Comparison {
        containment,
        conflicts,
        number_conflicts,
    })
}

/// The passages of `short` its copy does not hold, each beside what `long` has in its
/// place (found between the shared shingles on either side), kept when the two name
/// different things.
fn differences(
    short: &[Word],
    hs: &[u64],
    long: &[Word],
    hl: &[u64],
    in_long: &HashSet<u64>,
) -> (Vec<(String, String)>, usize) {
    let mut covered = vec![false; short.len()];
    for (i, h) in hs.iter().enumerate() {
        if in_long.contains(h) {
            covered[i..i + SHINGLE].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut first_at: HashMap<u64, usize> = HashMap::with_capacity(hl.len());
    for (i, &h) in hl.iter().enumerate() {
        first_at.entry(h).or_insert(i);
    }
    let facts_short = facts(short);
    let facts_long = facts(long);
    let (mut conflicts, mut numbers) = (Vec::new(), 0);
    let mut i = 0;
    while i < short.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < short.len() && !covered[i] {
            i += 1;
        }
        // Only passages between shared text: what a copy adds before or after (a
        // headline, a contact block) is no difference in what it says.
        if start < SHINGLE || i >= short.len() || i + SHINGLE > short.len() {
            continue;
        }
        let (Some(&before), Some(&after)) =
            (first_at.get(&hs[start - SHINGLE]), first_at.get(&hs[i]))
        else {
            continue;
        };
        let from = before + SHINGLE;
        if after <= from || after - from > 3 * (i - start) + 20 {
            continue;
        }
        let ours = &short[start..i];
        let theirs = &long[from..after];
        if let Some(number) = conflict(ours, theirs, &facts_short, &facts_long) {
            numbers += usize::from(number);
            conflicts.push((spoken(ours), spoken(theirs)));
        }
    }
    (conflicts, numbers)
}

/// What a passage names: numbers (a run of number words read as one: "2 198 058") and
/// capitalised words that are not plain words.
pub(super) fn facts(words: &[Word]) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut number = String::new();
    for w in words {
        if w.is_number() {
            number.push_str(&w.key);
            continue;
        }
        if !number.is_empty() {
            out.insert(std::mem::take(&mut number));
        }
        if w.capital && !PLAIN_CAPITALS.contains(&w.key.as_str()) {
            out.insert(w.key.clone());
        }
    }
    if !number.is_empty() {
        out.insert(number);
    }
    out
}

/// Whether two passages in one place name different things, each something the other
/// text never names; `Some(true)` when numbers differ. A number with one digit more or
/// less is a slip ("700 00" for "700 000"), and a word the other passage holds run
/// together with its neighbour ("Highwaybethesda") is the same word.
fn conflict(
    ours: &[Word],
    theirs: &[Word],
    all_ours: &HashSet<String>,
    all_theirs: &HashSet<String>,
) -> Option<bool> {
    let (fo, ft) = (facts(ours), facts(theirs));
    if counts_differ(ours, &fo, theirs, &ft) {
        return Some(true);
    }
    let new_o = unmatched(&fo, &ft, theirs, all_theirs);
    let new_t = unmatched(&ft, &fo, ours, all_ours);
    if new_o.is_empty() || new_t.is_empty() {
        return None;
    }
    let is_number = |f: &&String| all_digits(f);
    Some(new_o.iter().any(is_number) && new_t.iter().any(is_number))
}

/// Whether two passages in one place give different counts, one of them written as a
/// word: "four Indiana fire departments" / "the Lebanon Fire Department will receive
/// 26 244". (Counts in figures alone are facts, read with their slips.)
fn counts_differ(
    ours: &[Word],
    our_facts: &HashSet<String>,
    theirs: &[Word],
    their_facts: &HashSet<String>,
) -> bool {
    // The counts of a passage (its number words as numbers, and its numbers), and
    // whether it writes any as a word.
    let counts = |words: &[Word], facts: &HashSet<String>| -> (HashSet<String>, bool) {
        let mut found: HashSet<String> = words
            .iter()
            .filter_map(|w| NUMBER_WORDS.get(w.key.as_str()))
            .map(|n| (*n).to_string())
            .collect();
        let worded = !found.is_empty();
        found.extend(facts.iter().filter(|f| all_digits(f)).cloned());
        (found, worded)
    };
    let ((o, o_worded), (t, t_worded)) = (counts(ours, our_facts), counts(theirs, their_facts));
    (o_worded || t_worded) && !o.is_empty() && !t.is_empty() && o.is_disjoint(&t)
}

/// Counts written as words, and the numbers they stand for.
static NUMBER_WORDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    entries(include_str!("data/number_words.txt"))
        .filter_map(|line| line.split_once(' '))
        .collect()
});

/// The facts of one passage that the other text never names, that are no slip of one
/// in the other passage, and that the other passage does not hold run together.
fn unmatched<'a>(
    facts: &'a HashSet<String>,
    other_facts: &HashSet<String>,
    other: &[Word],
    other_all: &HashSet<String>,
) -> Vec<&'a String> {
    let joined: String = other.iter().map(|w| w.key.as_str()).collect();
    facts
        .iter()
        .filter(|f| !other_all.contains(*f) && !joined.contains(f.as_str()))
        .filter(|f| {
            !other_facts
                .iter()
                .any(|g| slip(f, g) || (g.len() >= 3 && f.contains(g.as_str())))
        })
        .collect()
}

/// One number the other with a digit dropped or added.
pub(super) fn slip(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let (s, l) = (short.as_bytes(), long.as_bytes());
    s.len() >= 3
        && l.len() == s.len() + 1
        && all_digits(short)
        && all_digits(long)
        && (0..l.len()).any(|i| l[..i] == s[..i] && l[i + 1..] == s[i..])
}

fn spoken(words: &[Word]) -> String {
    let text: Vec<&str> = words.iter().take(12).map(|w| w.key.as_str()).collect();
    text.join(" ")
}

/// Whether two texts' dates allow them to be copies: either has none, they lie within
/// `window_days`, or the text of one gives the date the loader took for the other (a
/// letter's date read in one copy, the release date in the other: the texts agree, the
/// readings differ).
pub fn dates_agree(a: &Document, b: &Document, window_days: i64) -> bool {
    let (Some(x), Some(y)) = (&a.date, &b.date) else {
        return true;
    };
    if x.date.within_days(&y.date, window_days) {
        return true;
    }
    let gives = |doc: &Document, date: &PartialDate| {
        doc.paragraphs()
            .flat_map(find_dates)
            .any(|found| same_day(&found.date, date))
    };
    gives(b, &x.date) || gives(a, &y.date)
}

/// Two dates of one day, a missing year matching any.
fn same_day(a: &PartialDate, b: &PartialDate) -> bool {
    a.month == b.month
        && a.day == b.day
        && (a.year.is_none() || b.year.is_none() || a.year == b.year)
}

/// The link a comparison makes, with its evidence.
pub fn link(a: &Document, b: &Document, comparison: &Comparison) -> LinkEvidence {
    let share = (comparison.containment * 100.0).round();
    let mut reason = format!("the same text: {share}% of the shorter is in the longer");
    if let Some((x, y)) = comparison.conflicts.first() {
        reason.push_str(&format!(
            "; they differ only in small slips ('{x}' / '{y}')"
        ));
    }
    LinkEvidence {
        a: a.id.clone(),
        b: b.id.clone(),
        kind: LinkKind::Copy,
        shared_quotes: Vec::new(),
        score: 0,
        containment: Some(comparison.containment),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<Word> {
        words_in([text])
    }

    const GRANT: &str = "Senators Ann Reyes and Tom Walsh today announced that the Department of \
        Transportation has awarded a grant of 2 198 058 to Hamilton County for the construction of \
        the Banks Intermodal Transit Center in Cincinnati. The grant will help the county expand \
        bus service to thousands of riders each day and create jobs in the region. We are proud to \
        support this project which will serve working families across the state said the senators \
        in a joint statement issued on behalf of both offices this afternoon.";

    #[test]
    fn a_copy_with_another_headline_and_a_stripped_apostrophe_is_the_same_text() {
        let other = format!(
            "Senator Walsh Press Releases {} Contact Mary Jones 202 224 0000",
            GRANT.replace("senators in", "senators  in")
        );
        let c = compare(&w(GRANT), &w(&other)).expect("long enough");
        assert!(c.containment > 0.95, "{c:?}");
        assert!(c.is_copy(), "{c:?}");
        let possessive = compare(
            &w(&GRANT.replace("county expand", "county's expand")),
            &w(&GRANT.replace("county expand", "county s expand")),
        );
        assert!(possessive.is_some_and(|c| c.containment == 1.0 && c.conflicts.is_empty()));
    }

    #[test]
    fn a_release_from_the_same_template_with_other_money_and_place_is_another_statement() {
        let other = GRANT
            .replace("2 198 058", "5 031 962")
            .replace(
                "Hamilton County",
                "the Greater Dayton Regional Transit Authority",
            )
            .replace(
                "Banks Intermodal Transit Center",
                "Wright Stop Plaza Bus Station",
            )
            .replace("Cincinnati", "Dayton");
        let c = compare(&w(GRANT), &w(&other)).expect("long enough");
        assert!(!c.conflicts.is_empty() && c.number_conflicts > 0, "{c:?}");
        assert!(!c.is_copy(), "{c:?}");
    }

    #[test]
    fn a_count_written_as_a_word_is_a_number_another_template_release_changes() {
        let one = GRANT.replace(
            " We are proud",
            " Four Indiana fire departments will receive funds. We are proud",
        );
        let other = GRANT.replace(
            " We are proud",
            " The Lebanon Fire Department will receive 26 244. We are proud",
        );
        let c = compare(&w(&one), &w(&other)).expect("long enough");
        assert!(c.number_conflicts > 0, "{c:?}");
        assert!(!c.is_copy(), "{c:?}");
        let same = GRANT.replace(" We are proud", " Two buses will run. We are proud");
        let figures = GRANT.replace(" We are proud", " 2 buses will run. We are proud");
        let c = compare(&w(&same), &w(&figures)).expect("long enough");
        assert!(c.is_copy(), "{c:?}");
    }

    #[test]
    fn a_dropped_digit_or_words_run_together_are_slips_not_differences() {
        assert!(slip("70000", "700000"));
        assert!(!slip("100000", "200000"));
        assert!(!slip("12", "21"));
        let typo = compare(&w(GRANT), &w(&GRANT.replace("2 198 058", "2 198 05")));
        assert!(typo.is_some_and(|c| c.number_conflicts == 0 && c.is_copy()));
    }

    fn release(name: &str, county: &str, students: &str) -> Document {
        let text = format!(
            "Sen. Johnson announces induction of {county} County students to National Honor Roll\n\n\
             Senator Tim Johnson today announced that {students} of {county} County have been \
             inducted into the National Honor Roll for their outstanding academic achievement. \
             \"These students have worked hard and deserve to be recognized for what they have \
             accomplished in the classroom and in their communities,\" Johnson said. \"I am proud \
             of them and of the teachers and families who support them every day.\" The honor \
             roll recognizes students across the country who show academic excellence.\n"
        );
        crate::load::load_test_text(name, &text)
    }

    #[test]
    fn one_office_s_template_releases_that_name_other_places_are_one_template() {
        let walworth = release("a.txt", "Walworth", "Anna Berg and Tom Lind");
        let yankton = release("b.txt", "Yankton", "Mia Holt and Carl Dahl");
        assert!(one_template(&walworth, &yankton));
        // The same release posted twice is a copy, not two statements.
        let again = release("c.txt", "Walworth", "Anna Berg and Tom Lind");
        assert!(!one_template(&walworth, &again));
    }

    #[test]
    fn a_text_too_short_is_no_copy_of_anything() {
        assert!(compare(&w("The senator welcomed the vote today."), &w(GRANT)).is_none());
    }
}
