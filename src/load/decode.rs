//! Turning a file's bytes into clean Unicode text.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::UnicodeNormalization;

/// Text decoded from a source file, with a note when the encoding had to be guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file looks binary (it holds NUL bytes), not text")]
    Binary,
}

/// Decodes UTF-8 (with or without a BOM), UTF-16 with a BOM, or else Windows-1252, then
/// normalises line endings to '\n', spaces to plain spaces and the text to NFC.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (raw, warning) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), None)
    } else if bytes.starts_with(b"\xFF\xFE") {
        (UTF_16LE.decode_with_bom_removal(bytes).0.into_owned(), None)
    } else if bytes.starts_with(b"\xFE\xFF") {
        (UTF_16BE.decode_with_bom_removal(bytes).0.into_owned(), None)
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(_) => (
                WINDOWS_1252
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned(),
                Some("not valid UTF-8; read as Windows-1252".to_string()),
            ),
        }
    };
    // UTF-8 once read as Windows-1252 and saved again ("â€œ" for "“"): undone when the
    // text reads as UTF-8 after going back to the bytes it came from.
    let (raw, warning) = match repair_mojibake(&raw) {
        Some(repaired) => (
            repaired,
            Some("mis-decoded text (UTF-8 read as Windows-1252) repaired".to_string()),
        ),
        None => (raw, warning),
    };
    // A dash read as Windows-1252 whose last two bytes were then lost ("Washington, DC â
    // U.S. Senator ..."): "â" alone between spaces is no word of any language.
    let raw = if raw.contains(" â ") {
        raw.replace(" â ", " – ")
    } else {
        raw
    };
    Ok(Decoded {
        text: clean(&raw),
        warning,
    })
}

/// The text as it was before UTF-8 was read as Windows-1252, when it plainly was.
fn repair_mojibake(text: &str) -> Option<String> {
    if !text.contains(['â', 'Ã', 'Â']) {
        return None;
    }
    let marks = mojibake_marks(text);
    if marks < 2 {
        return None;
    }
    let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let repaired = String::from_utf8(bytes.into_owned()).ok()?;
    (mojibake_marks(&repaired) < marks).then_some(repaired)
}

fn mojibake_marks(text: &str) -> usize {
    MOJIBAKE_MARKS.iter().map(|m| text.matches(m).count()).sum()
}

/// How common UTF-8 characters look when read as Windows-1252: the lead bytes of
/// punctuation (â€), of accented Latin letters (Ã) and of the no-break space (Â).
const MOJIBAKE_MARKS: &[&str] = &[
    "â€", "Ã©", "Ã¨", "Ã¶", "Ã¼", "Ã¤", "Ã¡", "Ã³", "Ã\u{AD}", "Ã±", "Ã§", "Â ",
];

/// What one character other than '\r' becomes in clean text: odd spaces a space, line
/// separators '\n', invisible and control characters nothing.
fn cleaned(c: char) -> Option<char> {
    match c {
        '\n' => Some('\n'),
        '\t' => Some(' '),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => Some(' '),
        '\u{2028}' | '\u{2029}' => Some('\n'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Line endings to '\n', no-break and other odd spaces to ' ', control characters dropped,
/// NFC.
fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while !rest.is_empty() {
        // Printable ASCII and '\n' stay as they are: runs of them are copied whole.
        let plain = rest
            .bytes()
            .position(|b| !(b == b'\n' || (0x20..0x7F).contains(&b)))
            .unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        if c == '\r' {
            if chars.as_str().starts_with('\n') {
                chars.next();
            }
            out.push('\n');
        } else if let Some(kept) = cleaned(c) {
            out.push(kept);
        }
        rest = chars.as_str();
    }
    // Most texts are already NFC; the quick check tells so without rebuilding them.
    match unicode_normalization::is_nfc_quick(out.chars()) {
        unicode_normalization::IsNormalized::Yes => out,
        _ => out.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_encodings_sources_come_in() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9\r\nx").map(|d| d.text),
            Ok("café\nx".to_string())
        );
        assert_eq!(
            decode(b"\xFF\xFEa\x00\xE9\x00").map(|d| d.text),
            Ok("aé".to_string())
        );
        let latin = decode(b"caf\xE9 \x93quoted\x94");
        assert_eq!(latin.as_ref().map(|d| d.text.as_str()), Ok("café “quoted”"));
        assert!(latin.is_ok_and(|d| d.warning.is_some()));
        assert_eq!(decode(b"\x7FELF\x00\x01"), Err(DecodeError::Binary));
    }

    #[test]
    fn repairs_utf8_that_was_read_as_windows_1252() {
        let decoded = decode("â€œWe are ready,â€\u{9d} said HÃ©lÃ¨ne.".as_bytes());
        assert_eq!(
            decoded.map(|d| d.text),
            Ok("“We are ready,” said Hélène.".to_string())
        );
        // One stray mark is not enough to re-read a text.
        let decoded = decode("The rate rose to 5Â°C.".as_bytes());
        assert_eq!(
            decoded.map(|d| d.text),
            Ok("The rate rose to 5Â°C.".to_string())
        );
        // A dash that lost two of its three mis-read bytes.
        let decoded = decode("Washington, DC â U.S. Senator Boxer said".as_bytes());
        assert_eq!(
            decoded.map(|d| d.text),
            Ok("Washington, DC – U.S. Senator Boxer said".to_string())
        );
    }

    #[test]
    fn normalises_spaces_and_composes() {
        assert_eq!(
            decode("a\u{00A0}b\rc e\u{0301}".as_bytes()).map(|d| d.text),
            Ok("a b\nc é".to_string())
        );
    }

    /// The cleaning done one character at a time (and always normalised), as `clean`
    /// must do it in runs of plain text.
    fn clean_each_char(raw: &str) -> String {
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            } else if let Some(kept) = cleaned(c) {
                out.push(kept);
            }
        }
        out.nfc().collect()
    }

    proptest::proptest! {
        #[test]
        fn cleaning_in_runs_is_cleaning_each_character(
            raw in "[a-z \r\n\t\u{0}-\u{1F}\u{7F}\u{A0}\u{AD}\u{2000}-\u{200D}\u{2028}\u{3000}\u{FEFF}e\u{301}é“\\PC]{0,40}"
        ) {
            proptest::prop_assert_eq!(clean(&raw), clean_each_char(&raw));
        }
    }
}
