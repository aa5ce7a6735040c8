//! Any text through the date reader: no panic, and every match it returns is a slice
//! of the text it was given that begins and ends on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressroom::load::date::{captured_date, find_dates, standalone_date, DateMatch};

/// Checks a match against the text its offsets index.
fn check(what: &str, text: &str, m: &DateMatch) {
    assert!(
        text.get(m.start..m.end).is_some(),
        "{what}: match {}..{} is not a char-boundary slice of {text:?} (len {})",
        m.start,
        m.end,
        text.len()
    );
}

/// `standalone_date` and `captured_date` give offsets into the line with its leading
/// white space trimmed; the trimmed line begins where `trim_start` says.
fn check_line(line: &str) {
    let from_start = &line[line.len() - line.trim_start().len()..];
    if let Some(m) = standalone_date(line) {
        check("standalone_date", from_start, &m);
    }
    if let Some(m) = captured_date(line) {
        check("captured_date", from_start, &m);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for m in find_dates(&text) {
        check("find_dates", &text, &m);
    }
    check_line(&text);
    for line in text.lines().take(64) {
        check_line(line);
    }
});
