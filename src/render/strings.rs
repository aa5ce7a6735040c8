//! The words pages show, in the site's language: one table per language in
//! `data/strings.toml`, English filling any key a language lacks.

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

const STRINGS: &str = include_str!("data/strings.toml");

/// The strings of every language, each already filled in from English.
fn tables() -> &'static HashMap<String, Value> {
    static TABLES: OnceLock<HashMap<String, Value>> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The file is part of the program; a test parses it, so this never fails on input.
        let parsed: HashMap<String, Value> = toml::from_str(STRINGS).unwrap_or_default();
        let english = parsed.get("en").cloned().unwrap_or(Value::Null);
        parsed
            .iter()
            .map(|(language, table)| (language.clone(), filled(table, &english)))
            .collect()
    })
}

/// `table` with every key of `fallback` it lacks, nested tables included.
fn filled(table: &Value, fallback: &Value) -> Value {
    match (table, fallback) {
        (Value::Object(own), Value::Object(base)) => {
            let mut merged: Map<String, Value> = base.clone();
            for (key, value) in own {
                let base_value = base.get(key).unwrap_or(&Value::Null);
                merged.insert(key.clone(), filled(value, base_value));
            }
            Value::Object(merged)
        }
        (own, _) => own.clone(),
    }
}

/// The strings of `language` ("fr", "fr-CA" → "fr"), English when there are none.
pub fn for_language(language: &str) -> &'static Value {
    let tables = tables();
    let primary = language.split(['-', '_']).next().unwrap_or("en");
    tables
        .get(&primary.to_ascii_lowercase())
        .or_else(|| tables.get("en"))
        .unwrap_or(&Value::Null)
}

/// One string by its path ("kind.report"), or the path itself where it is missing.
pub fn lookup<'a>(table: &'a Value, path: &'a str) -> &'a str {
    path.split('.')
        .try_fold(table, |value, key| value.get(key))
        .and_then(Value::as_str)
        .unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_has_every_english_key() {
        let parsed: HashMap<String, Value> = toml::from_str(STRINGS).expect("strings.toml parses");
        let english = parsed["en"].as_object().expect("an English table");
        for (language, table) in &parsed {
            for key in english.keys() {
                assert!(table.get(key).is_some(), "{language} lacks {key}");
            }
        }
    }

    #[test]
    fn french_pages_speak_french_and_unknown_languages_english() {
        assert_eq!(lookup(for_language("fr"), "nav_search"), "Recherche");
        assert_eq!(lookup(for_language("fr-CA"), "kind.report"), "Compte rendu");
        assert_eq!(lookup(for_language("xx"), "nav_search"), "Search");
        assert_eq!(lookup(for_language("en"), "no.such.key"), "no.such.key");
    }
}
