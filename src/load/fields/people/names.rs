//! What a person's name is: which words may be part of one, which are titles, offices
//! or organisations' words, and how a candidate is trimmed to the name.

use crate::load::data;
use crate::text::fold;
use std::sync::LazyLock;

/// A word of an office's field or of an organisation's name ("Management", "Reduction",
/// "Council"): never a word of a person's name.
fn is_field_or_body_word(token: &str) -> bool {
    let folded = fold(token);
    data::OFFICE_WORDS.contains(&folded)
        || data::ORGANISATION_WORDS.contains(&folded)
        || is_abstract_noun(token)
}

/// "Disaster Risk Reduction", "Water Scarcity", "Coastal Resilience": the abstract nouns
/// that name a field of work, never a person.
fn is_abstract_noun(token: &str) -> bool {
    let folded = fold(token);
    folded.len() > 6
        && ["tion", "sion", "ity", "ence", "ance", "ment", "ness", "ism"]
            .iter()
            .any(|end| folded.ends_with(end))
}

/// Whether a word may be part of a person's name.
pub(super) fn is_name_word(token: &str) -> bool {
    let folded = fold(token.trim_end_matches(['\'', '’']));
    !data::NOT_NAME_WORDS.contains(&folded)
}

/// Title words, folded, as a set; a name never starts with one ("Mayor Paul Giraud" is
/// Paul Giraud), though one may end a name ("Martin Luther King").
static LEADING_TITLES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    data::TITLES
        .iter()
        .filter(|t| !t.contains(' '))
        .map(fold)
        .collect()
});

/// Whether a word is a title ("Mayor", "Dr.") or a German compound office.
pub(super) fn is_title_word(token: &str) -> bool {
    let folded = fold(token.trim_end_matches('.'));
    LEADING_TITLES.contains(&folded)
        || data::TITLE_ENDINGS
            .iter()
            .any(|end| folded.len() > end.len() + 2 && folded.ends_with(end))
}

/// Trims leading and trailing non-name words off a candidate and rejects it unless two
/// name words remain ("The Secretary-General Ban Ki-moon" gives "Ban Ki-moon").
pub fn clean_name(candidate: &str, places: &[String]) -> Option<String> {
    // "Ban Ki-moon's message": the person, not the possessive.
    let candidate = candidate
        .strip_suffix("'s")
        .or_else(|| candidate.strip_suffix("’s"))
        .unwrap_or(candidate);
    let tokens: Vec<&str> = candidate.split_whitespace().collect();
    // "Air Access Council", "Deutschen Presse-Agentur": a name that ends in an
    // organisation's word is the organisation.
    if tokens.last().is_some_and(|t| {
        is_field_or_body_word(t)
            || fold(t)
                .rsplit('-')
                .next()
                .is_some_and(|last| data::ORGANISATION_WORDS.contains(last))
    }) {
        return None;
    }
    let start = tokens
        .iter()
        .position(|t| is_name_word(t) && !is_title_word(t))?;
    let end = tokens.iter().rposition(|t| is_name_word(t))?;
    let is_foreign = |t: &&str| {
        (!is_name_word(t) && !data::PARTICLES.contains(t))
            // "Q" (a reporter's question) or a stray letter; an initial has its full stop.
            || (t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))
            || is_field_or_body_word(t)
            || is_title_word(t)
    };
    // An office or institution before the name ("Commonwealth Affairs Jane Okafor"):
    // the name is what follows its last word.
    let start = match tokens[start..end].iter().rposition(is_foreign) {
        Some(last) => start + last + 1,
        None => start,
    };
    if start > end {
        return None;
    }
    let kept = &tokens[start..=end];
    if kept.iter().filter(|t| !data::PARTICLES.contains(t)).count() < 2 {
        return None;
    }
    let name = kept.join(" ");
    let folded = fold(&name);
    if places.iter().any(|p| fold(p) == folded) {
        return None;
    }
    Some(name)
}

/// The folded words of a name.
pub fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| c.is_whitespace())
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_title_ending_makes_a_german_compound_an_office() {
        for ending in data::TITLE_ENDINGS.iter() {
            let candidate = format!("Landes{ending} Jana Berg");
            assert_eq!(
                clean_name(&candidate, &[]).as_deref(),
                Some("Jana Berg"),
                "{candidate}"
            );
        }
        assert_eq!(
            clean_name("Landesgarten Jana Berg", &[]).as_deref(),
            Some("Landesgarten Jana Berg")
        );
    }

    #[test]
    fn no_word_of_the_not_name_list_is_kept_in_a_name() {
        for word in data::NOT_NAME_WORDS.iter() {
            let candidate = format!("Jane Okafor {}", capitalised(word));
            assert_ne!(clean_name(&candidate, &[]), Some(candidate.clone()));
        }
        assert_eq!(
            clean_name("Jane Okafor Smith", &[]).as_deref(),
            Some("Jane Okafor Smith")
        );
    }

    #[test]
    fn a_name_that_ends_in_an_office_or_organisation_word_is_no_person() {
        for word in data::OFFICE_WORDS
            .iter()
            .chain(data::ORGANISATION_WORDS.iter())
        {
            let candidate = format!("Jane Okafor {}", capitalised(word));
            assert_eq!(clean_name(&candidate, &[]), None, "{candidate}");
        }
    }
}
