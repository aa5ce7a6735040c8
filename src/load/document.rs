//! The typed document: what the loader makes of one raw press text.

use super::date::PartialDate;
use serde::Serialize;
use std::fmt;

/// A document's id: its source path without extension, made URL-safe. Stable for as long
/// as the file keeps its name, whatever is edited inside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleFrom {
    /// The text's own headline.
    Source,
    /// Made from the lede because the text has no headline.
    Made,
}

/// What sort of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A story that reports what was said or done.
    Report,
    /// The full text of a speech, message or statement, as delivered.
    FullText,
    /// An advance notice of an event.
    Announcement,
    Other,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Report => "Report",
            Kind::FullText => "Full text",
            Kind::Announcement => "Announcement",
            Kind::Other => "Other",
        }
    }
}

/// Why a field has the value it has: the line it came from and the rule that took it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub line: Option<usize>,
    pub rule: String,
}

impl Evidence {
    pub fn at(line: usize, rule: impl Into<String>) -> Self {
        Evidence {
            line: Some(line),
            rule: rule.into(),
        }
    }
    pub fn rule(rule: impl Into<String>) -> Self {
        Evidence {
            line: None,
            rule: rule.into(),
        }
    }
}

/// A date and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedField {
    pub date: PartialDate,
    /// True when some part of the date (often the year) was inferred, not read.
    pub inferred: bool,
    pub evidence: Evidence,
}

/// A quoted span of speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The words inside the quotation marks, as written.
    pub text: String,
    /// The person the quote is attributed to, by full name when the text gives it.
    pub speaker: Option<String>,
    /// Index of the body paragraph the quote starts in.
    pub paragraph: usize,
}

/// One block of the clean body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
pub enum Block {
    Paragraph(String),
    Caption(String),
    Heading(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Caption(t) | Block::Heading(t) => t,
        }
    }
}

/// Why a source line is not part of the clean body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A known furniture line (menus, share buttons, section links).
    Boilerplate,
    /// The date the page was copied, printed at its top.
    CaptureDate,
    /// A date line that only carries the publication date.
    DateLine,
    /// The headline itself, taken as the title.
    Headline,
    /// A second copy of the headline.
    RepeatedHeadline,
    /// Publisher masthead or navigation trail.
    Masthead,
    /// Lines of rules, bars and stars.
    Decoration,
    /// Agency sign-offs and editors' initials.
    SignOff,
    /// Everything after a footer marker or an end-of-release marker.
    Footer,
    /// A short label between headline and text (image alt text, section slug).
    Label,
    /// Icon names and image sizes left by a copied page.
    ImageLabel,
    /// A byline ("By Jane Doe").
    Byline,
    /// Before the headline of a copied page's article: menus, promotions, other stories.
    OutsideArticle,
    /// A line that many documents of the same source repeat: its menu, its contacts.
    Repeated,
    /// Press contacts: names and telephone numbers.
    Contact,
}

impl RemovalReason {
    pub fn describe(self) -> &'static str {
        match self {
            RemovalReason::Boilerplate => "page furniture",
            RemovalReason::CaptureDate => "page-capture date",
            RemovalReason::DateLine => "date line",
            RemovalReason::Headline => "headline",
            RemovalReason::RepeatedHeadline => "repeated headline",
            RemovalReason::Masthead => "masthead or navigation",
            RemovalReason::Decoration => "decoration",
            RemovalReason::SignOff => "sign-off",
            RemovalReason::Footer => "page footer",
            RemovalReason::Label => "label near the headline",
            RemovalReason::ImageLabel => "icon or image label",
            RemovalReason::Byline => "byline",
            RemovalReason::OutsideArticle => "page around the article",
            RemovalReason::Repeated => "repeated in the source's documents",
            RemovalReason::Contact => "press contact",
        }
    }
}

/// A source line left out of the body, kept so readers can see what was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedLine {
    pub line: usize,
    pub text: String,
    pub reason: RemovalReason,
    /// For a repeated line: in how many documents of its source it recurs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<usize>,
}

impl RemovedLine {
    /// A line set aside for `reason`.
    pub fn new(line: usize, text: impl Into<String>, reason: RemovalReason) -> Self {
        RemovedLine {
            line,
            text: text.into(),
            reason,
            documents: None,
        }
    }

    /// Why the line was set aside, as a reader is told: "page furniture", "repeated in
    /// 12 documents".
    pub fn explain(&self) -> String {
        match (self.reason, self.documents) {
            (RemovalReason::Repeated, Some(n)) => format!("repeated in {n} documents"),
            (reason, _) => reason.describe().to_string(),
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// A message about a source file, printed as `path:line: warning: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {}: {}", self.path, line, severity, self.message),
            None => write!(f, "{}: {}: {}", self.path, severity, self.message),
        }
    }
}

/// The loader's output for one source file.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: DocumentId,
    pub slug: String,
    /// Path relative to the source folder, '/'-separated.
    pub source_path: String,
    pub source_sha256: String,
    pub title: String,
    pub title_from: TitleFrom,
    pub title_evidence: Evidence,
    pub kind: Kind,
    pub kind_evidence: Evidence,
    pub publisher: Option<String>,
    pub publisher_evidence: Option<Evidence>,
    pub date: Option<DatedField>,
    /// When the page was copied; never a publication date.
    pub captured: Option<DatedField>,
    pub place: Option<String>,
    pub place_evidence: Option<Evidence>,
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub quotes: Vec<Quote>,
    pub body: Vec<Block>,
    pub removed: Vec<RemovedLine>,
    pub warnings: Vec<Diagnostic>,
    /// Names of conferences, meetings or summits the text mentions.
    pub event_names: Vec<String>,
    /// The weekday the lede gives for what it reports ("in Brussels Tuesday"), 0 = Monday;
    /// it confirms a year inferred for a date line that has none.
    pub weekday: Option<u8>,
    /// Byte length of the dateline ("BRUSSELS, April 2 (IANS) -") that opens the first
    /// paragraph, 0 when there is none; excerpts start after it.
    pub dateline_end: usize,
    /// Fields set by hand in front matter or a sidecar, which won over what was read.
    pub overrides: Vec<String>,
    /// Fields filled in from the document's speech group rather than read from its text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Documents set by hand as reports of the same speech (source paths or ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub together: Vec<String>,
    /// Documents set by hand as never in this one's speech group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub apart: Vec<String>,
}

impl Document {
    /// Gives back the room the loader's growing strings and lists left unused: an archive's
    /// documents all stay in memory while it is linked and rendered.
    pub fn shrink_to_fit(&mut self) {
        for block in &mut self.body {
            match block {
                Block::Paragraph(t) | Block::Caption(t) | Block::Heading(t) => t.shrink_to_fit(),
            }
        }
        self.body.shrink_to_fit();
        for quote in &mut self.quotes {
            quote.text.shrink_to_fit();
        }
        self.quotes.shrink_to_fit();
        for line in &mut self.removed {
            line.text.shrink_to_fit();
        }
        self.removed.shrink_to_fit();
        self.warnings.shrink_to_fit();
        self.title.shrink_to_fit();
        for list in [&mut self.speakers, &mut self.people, &mut self.event_names] {
            list.shrink_to_fit();
        }
    }

    /// The body paragraphs, without captions and headings.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.iter().filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            _ => None,
        })
    }

    /// The first paragraph without its dateline: what a list shows as the excerpt.
    pub fn lede(&self) -> &str {
        let first = self.paragraphs().next().unwrap_or_default();
        first
            .get(self.dateline_end..)
            .map_or(first, str::trim_start)
    }

    /// The date, if known, else a default that sorts first.
    pub fn date_or_default(&self) -> PartialDate {
        self.date.as_ref().map(|d| d.date).unwrap_or_default()
    }
}
