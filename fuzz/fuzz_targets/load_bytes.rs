//! Any bytes, read as a plain-text source (first byte even) or as a Markdown source
//! (first byte odd): the loader may refuse them with a diagnostic, but never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressroom::config::LoaderConfig;
use pressroom::load::rules::Rules;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::new(&LoaderConfig::default(), &[]));

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let (rel, shown) = if first & 1 == 0 {
        ("fuzz/input.txt", "input.txt")
    } else {
        ("fuzz/input.md", "input.md")
    };
    let _ = pressroom::load::load_bytes(rel, shown, bytes, &RULES);
});
