//! Where in a document a mention stands.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where in a document a mention stands.
///
/// ```
/// use resgraph_core::Section;
/// assert_eq!(Section::Operative.to_string(), "operative");
/// assert_eq!(serde_json::to_string(&Section::Footnote).unwrap(), "\"footnote\"");
/// ```
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
    /// A footnote; its mark stands in another paragraph (a citation
    /// records that paragraph's section and number beside its own).
    Footnote,
    /// An annex, or anything after the closing "plenary meeting" line.
    Annex,
}

impl Section {
    /// Every section, in document order.
    pub const ALL: [Section; 5] = [
        Section::Heading,
        Section::Preamble,
        Section::Operative,
        Section::Footnote,
        Section::Annex,
    ];

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

/// A name that is no section's, with the names there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown section {0:?}: expected heading, preamble, operative, footnote or annex")]
pub struct UnknownSection(pub String);

impl std::str::FromStr for Section {
    type Err = UnknownSection;

    /// A section by its name ([`Section::as_str`]), in any case.
    ///
    /// ```
    /// use resgraph_core::Section;
    /// assert_eq!("Operative".parse::<Section>(), Ok(Section::Operative));
    /// assert!("preambular".parse::<Section>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Section, UnknownSection> {
        Section::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownSection(name.to_lowercase()))
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
