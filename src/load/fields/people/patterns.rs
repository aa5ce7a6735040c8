//! The shapes a person's name stands in: after a title ("Minister Jane Doe"), before or
//! after a role ("Jane Doe, the director"), beside a speech verb, in apposition; and the
//! cheap hints that say where the rarer shapes may be.

use crate::load::data;
use crate::load::pattern::compile_for_paragraphs as compile;
use regex::Regex;
use std::sync::LazyLock;

/// A name token: capitalised, letters with inner hyphens and apostrophes ("Ki-moon", "O'Brien").
pub(super) const NAME_TOKEN: &str = r"\b\p{Lu}[\p{Ll}'’]*(?:-\p{L}[\p{Ll}'’]*)*\b";

/// A full name: two to four name words, with particles ("de la") and one middle initial
/// ("Harold J. Whitcombe") allowed.
pub(super) fn full_name_pattern() -> String {
    format!(
        r"{NAME_TOKEN}(?:\s+\p{{Lu}}\.)?(?:\s+(?:(?:{particles})\s+){{0,2}}{NAME_TOKEN}){{1,3}}",
        particles = data::PARTICLES.alternation()
    )
}

/// "Il vicecapo della Protezione civile, Marco Bellandi, ha annunciato", "The head of
/// the agency, Jane Roe, said": a sentence that opens with an office, then the name
/// between commas.
pub(super) static OFFICE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[.!?]\s+)(?:The|Il|La|Lo|El|Le|Der|Die)\s+\p{{Ll}}[^,.;:]{{2,80}},\s+(?P<name>{}),\s+(?:{verbs}|\p{{Ll}}+)\b",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// Cheap literal tests for the rarer patterns below: " and Name, who " for
/// [`COORDINATED`].
pub(super) static AND_THEN_COMMA: LazyLock<Regex> =
    LazyLock::new(|| compile(r" and \p{Lu}[^,.;]{1,40}, (?:who|both|a|an) "));
/// ", said" for [`OF_ORGANISATION_SPEAKS`].
pub(super) static COMMA_THEN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r",\s+(?:{verbs})\b",
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// A German compound office inside a word, for [`COMPOUND_TITLE_BEFORE`].
pub(super) static COMPOUND_TITLE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"[a-zäöü](?:präsident|prasident|minister|sprecher|politiker|kanzler|vorsitzende|direktor|leiter|sekretär|sekretar|beauftragte)",
    )
});
/// A sentence that opens with an article and a lower-case word, for
/// [`OFFICE_THEN_NAME`].
pub(super) static OFFICE_OPENING_HINT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:^|[.!?] )(?:The|Il|La|Lo|El|Le|Der|Die) [a-z]"));
/// ", Glenys Parkinson," right after a capitalised run.
pub(super) static APPOSED_NAME: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^,\s+{},", full_name_pattern())));
/// "Die Gesundheitspolitikerin Sabine Körner": a German compound office before a name.
pub(super) static COMPOUND_TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b\p{{Lu}}\p{{Ll}}+(?:pr[äa]sident|minister|sprecher|politiker|kanzler|vorsitzende|direktor|leiter|sekret[äa]r|beauftragte)(?:in|r)?\s+(?P<name>{})",
        full_name_pattern()
    ))
});
/// "Secretary-General Ban Ki-moon", "Sudanese diplomat Francis Deng": a title, then the
/// name.
pub(super) static TITLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{titles})\b\.?,?\s+(?P<name>{})",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "President of the Commission Marco Rahman", "Minister for Foreign Affairs Jane Doe".
/// The office's last word must be capitalised: in "Prevention of Genocide and Mass
/// Atrocities" nothing after "and" is a name.
pub(super) static TITLE_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{titles})\s+(?:of|for|on)\s+(?:the\s+)?(?:\p{{Lu}}[\p{{L}}'’-]*\s+(?:(?:of|for|and|on|the)\s+)+){{0,4}}?\p{{Lu}}[\p{{L}}'’-]*\s+(?P<name>{})",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "Didier Reynders, Belgian Foreign Minister": the name, then its office.
pub(super) static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{}),\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,3}}?(?:{titles})\b",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "My Special Adviser on the Prevention of Genocide, Adama Dieng,": an office, then
/// the name set off by a comma.
pub(super) static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?i:{titles}|chief executive|executive director|head|founder|manager|officer|curator)\b[^.;:,“”]{{0,60}},\s+(?P<name>{})(?:\s+\p{{Lu}}{{2,4}})?(?:[,.;:]|\s*$)",
        full_name_pattern(),
        titles = data::TITLES.alternation()
    ))
});
/// "Grace Nakoochee, a band councillor from …, welcomed", "Leila Haddad, who chaired the
/// talks, said": a name, a description of the person, then the verb.
pub(super) static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"(?P<name>{}),\s+(?:a|an|the|who|whose|his|her|their)\s[^,“”"]{{1,120}},\s+(?:(?:{verbs})\b|\p{{Ll}}+ed\b)"#,
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "Tomasz Wierzbicki, founder of …, described", "Adaeze Okonkwo, a 24-year-old
/// analyst", "Marieke Janssens, whose posters …": a name followed by a description of a
/// person. A sentence that opens with a name and a comma introduces that person.
pub(super) static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:(?P<name>{0}),\s+(?:(?:a|an|who|whose)\s+[\p{{Ll}}\d]|\d{{1,3}}(?:\s+(?:ans|años|anni|Jahre))?,)|(?:^|[.!?]\s+)(?P<opener>{0}),\s+[\p{{Ll}}\d])",
        full_name_pattern()
    ))
});
/// "Jae-won Park and Amara Bright, who …": the first of two people described together.
pub(super) static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{0})\s+and\s+{0},\s+(?:who|both|a|an)\s",
        full_name_pattern()
    ))
});
/// The French "M. Alioune Ndiaye-Ba" after a comma or a lower-case word (not a middle
/// initial, as in "Anna M. Berg").
pub(super) static MONSIEUR: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?:^|[,;:(]\s*|\b\p{{Ll}}+\s+)M\.\s+(?P<name>{})",
        full_name_pattern()
    ))
});
/// "Jane Doe said": the name, then a speech verb.
pub(super) static SPEAKS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?P<name>{})\s+(?:{verbs})\b",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "Doreen Pickles of the Swaledale Bus Users' Group, told MPs": a name, the body the
/// person speaks for, then a speech verb.
pub(super) static OF_ORGANISATION_SPEAKS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r#"(?P<name>{})\s+of\s+(?:the\s+)?\p{{Lu}}[^,.;“”"]{{1,80}},\s+(?:{verbs})\b"#,
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// "said Maria Lopez de la Cruz": a speech verb, then the name.
pub(super) static SPEAKS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"\b(?:{verbs})\s+(?P<name>{})",
        full_name_pattern(),
        verbs = data::SPEECH_VERBS.alternation()
    ))
});
/// A photographer's credit at the end of a caption: "UNRIC/Julien Schreiber.".
pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\(?(?:\b\p{Lu}\p{L}*\s+)?\b\p{Lu}[\p{L}.]*/\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\)?\.?\s*$",
    )
});
