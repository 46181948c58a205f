//! What extraction produces: a [`Document`] with its [`Citation`]s and
//! [`Diagnostic`]s. The JSON field names are a contract with scripts and
//! the other resgraph crates; keep them.

use std::fmt;

use resgraph_symbol::Symbol;
use serde::{Deserialize, Serialize};

/// A calendar date, as texts print them (`7 December 1988`) and JSON
/// writes them (`"1988-12-07"`).
///
/// ```
/// use resgraph_extract::Date;
/// let d = Date::new(1988, 12, 7).unwrap();
/// assert_eq!(d.to_string(), "1988-12-07");
/// assert_eq!("1988-12-07".parse::<Date>().unwrap(), d);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not an ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(pub String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date in YYYY-MM-DD form: {:?}", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl std::str::FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.chars().take(40).collect());
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        let year = y.parse().map_err(|_| err())?;
        let month = m.parse().map_err(|_| err())?;
        let day = d.parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Where in a document a mention stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Above the organ line ("The General Assembly,"): masthead, agenda,
    /// the bracketed report or draft line, the title.
    Heading,
    /// The preambular paragraphs (*Recalling* ..., *Noting* ...).
    Preamble,
    /// The numbered operative paragraphs (*Decides* ..., *Requests* ...).
    Operative,
    /// A footnote; its mark stands in another paragraph (see
    /// [`Citation::anchor_section`]).
    Footnote,
    /// An annex, or anything after the closing "plenary meeting" line.
    Annex,
}

impl Section {
    /// The lower-case name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Heading => "heading",
            Section::Preamble => "preamble",
            Section::Operative => "operative",
            Section::Footnote => "footnote",
            Section::Annex => "annex",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mention of another document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The cited document, canonical.
    pub target: Symbol,
    /// Its kind tag (`ga-resolution`, `document`, ...), for scripts that
    /// do not parse symbols.
    pub kind: String,
    /// The date the text gives for the cited document (`of 7 December
    /// 1988`), if any: a claim that `resgraph check` compares with the
    /// adoption date.
    pub cited_date: Option<Date>,
    /// The opening word of the paragraph, lower-cased (`recalling`,
    /// `welcomes`), `see` in footnotes, `report`/`draft`/`title`/`heading`
    /// in the heading, `annex` in annexes.
    pub relation: String,
    /// Where the mention stands.
    pub section: Section,
    /// Preambular paragraphs counted from 1, operative paragraphs as
    /// printed, footnotes by number; `None` where no number applies.
    pub paragraph: Option<u32>,
    /// Byte offset of the mention's first byte in the source text.
    pub start: usize,
    /// Byte offset just past the mention's last byte in the source text.
    pub end: usize,
    /// The mention as read, with link wrappers and line breaks removed
    /// (`43/78 H`).
    pub text: String,
    /// For a footnote, the section of the paragraph that carries its mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_section: Option<Section>,
    /// For a footnote, the paragraph number that carries its mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor_paragraph: Option<u32>,
    /// The cited document's title as the text gives it right after the
    /// mention ("70/1 of 25 September 2015, entitled “Transforming our
    /// world: ...”"): the graph names cited-only documents with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited_title: Option<String>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the extraction is complete.
    Note,
    /// Part of the text could not be read as intended (an ambiguous or
    /// malformed reference, bytes that are not UTF-8).
    Warning,
}

/// Something extraction noticed and could not (or chose not to) turn
/// into a citation. Extraction never fails; it reports instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The 1-based line in the source where it was noticed.
    pub line: usize,
    /// What was noticed and what was expected.
    pub message: String,
}

/// A document as read: what it says about itself and what it cites.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Where the text came from (a path), as the caller named it.
    pub source: String,
    /// The document's own symbol, from its text or, failing that, the
    /// caller's hint.
    pub symbol: Option<Symbol>,
    /// The adopting organ, as texts name it (`General Assembly`).
    pub organ: Option<String>,
    /// The General Assembly (or other organ's) session number.
    pub session: Option<u16>,
    /// The adoption date, or for a draft the date of issue.
    pub date: Option<Date>,
    /// The title.
    pub title: Option<String>,
    /// Every citation, in the order of the text.
    pub citations: Vec<Citation>,
    /// What extraction noticed along the way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The distinct documents cited, in chronological order.
    ///
    /// ```
    /// let doc = resgraph_extract::extract(
    ///     "The General Assembly,\n\nRecalling its resolutions 74/28 and 74/29 of 12 December 2019 and 74/28,\n",
    ///     &Default::default(),
    /// );
    /// let cited: Vec<String> = doc.cited_symbols().iter().map(|s| s.to_string()).collect();
    /// assert_eq!(cited, ["A/RES/74/28", "A/RES/74/29"]);
    /// ```
    pub fn cited_symbols(&self) -> Vec<Symbol> {
        let mut symbols: Vec<Symbol> = self.citations.iter().map(|c| c.target.clone()).collect();
        symbols.sort();
        symbols.dedup();
        symbols
    }
}
