//! # United Nations document symbols
//!
//! Every UN document and every resolution or decision has an identifier:
//! `A/RES/76/19` is General Assembly resolution 76/19, `S/RES/1373 (2001)`
//! is Security Council resolution 1373, `A/65/201` is a report. In running
//! text the same things are written more briefly (`resolution 76/19`,
//! `resolution 2625 (XXV)`), and resgraph needs one canonical spelling for
//! each so that two texts citing the same resolution meet in one node of
//! the citation graph.
//!
//! This crate is that spelling and nothing else: it knows no texts and no
//! graphs. A [`Symbol`] is parsed from its canonical form or a running-text
//! form, prints back canonically with [`Display`](std::fmt::Display), sorts
//! chronologically where the symbol says when it was made, and
//! (de)serializes as its canonical string.
//!
//! ```
//! use resgraph_symbol::{Symbol, Kind};
//!
//! let sym: Symbol = "A/RES/43/78 H".parse()?;
//! assert_eq!(sym.kind(), Kind::GaResolution);
//! assert_eq!(sym.to_string(), "A/RES/43/78 H");
//! assert_eq!(sym.short(), "43/78 H");
//!
//! // Running-text forms, as a drafter types them:
//! let loose = Symbol::parse_loose("Security Council resolution 1373 (2001)")?;
//! assert_eq!(loose.to_string(), "S/RES/1373 (2001)");
//! let old = Symbol::parse_loose("resolution 2625 (XXV)")?;
//! assert_eq!(old.to_string(), "A/RES/2625 (XXV)");
//!
//! // Chronological order: 2625 (XXV) of 1970 comes before 76/19 of 2021.
//! assert!(old < Symbol::parse_loose("76/19")?);
//! # Ok::<(), resgraph_symbol::ParseError>(())
//! ```
//!
//! The canonical forms follow section 1 of the project's citation guide:
//!
//! | what | canonical |
//! |---|---|
//! | GA resolution, session 31 on | `A/RES/76/19`, `A/RES/43/78 H` |
//! | GA resolution, sessions 1 to 30 | `A/RES/2625 (XXV)`, `A/RES/217 A (III)` |
//! | GA special / emergency special session | `A/RES/S-8/1`, `A/RES/ES-10/19`, `A/RES/3362 (S-VII)`, `A/RES/1000 (ES-I)` |
//! | GA decision | `A/DEC/75/564` (our form: decisions have no symbol of their own) |
//! | Security Council resolution | `S/RES/1373 (2001)` |
//! | ECOSOC resolution / decision | `E/RES/1996/31`, `E/RES/2008 (LX)`, `E/DEC/2004/310` |
//! | Human Rights Council resolution / decision | `A/HRC/RES/47/16`, `A/HRC/DEC/2/102` |
//! | Commission on Human Rights resolution | `E/CN.4/RES/2005/45` |
//! | any masthead document | `A/65/201`, `A/C.1/77/L.73`, `A/63/260/Add.1` |
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod document;
mod label;
mod loose;
mod names;
mod numbering;
mod order;
mod parse;
pub mod roman;
mod session;

use std::fmt;

pub use document::{DocumentSymbol, DOCUMENT_SERIES};
pub use loose::{Act, Body};
pub use names::{UnknownKind, UnknownOrgan};
pub use numbering::{ga_roman_number_fits_session, sc_number_fits_year, sc_year_of};
pub use session::{GaSession, GaStyle, Part};

/// The largest resolution, decision or document number accepted.
///
/// No UN organ has issued more than a few thousand of anything in one
/// series; the bound keeps absurd input (`resolution 99999999999`) from
/// becoming a node.
pub const MAX_NUMBER: u32 = 99_999;

/// The earliest and latest years accepted where a symbol carries a year.
pub const YEARS: std::ops::RangeInclusive<u16> = 1945..=2199;

/// The identifier of a UN document, resolution or decision.
///
/// Construct one by parsing ([`str::parse`] for canonical forms,
/// [`Symbol::parse_loose`] for running-text forms) or directly from the
/// variants. Every value prints back, with [`Display`](fmt::Display), in
/// the canonical form that parses to the same value.
///
/// ```
/// use resgraph_symbol::{GaSession, GaStyle, Part, Symbol};
///
/// let sym = Symbol::GaResolution {
///     session: GaSession::Regular(43),
///     number: 78,
///     part: Part::from_letter('H'),
///     style: GaStyle::Modern,
/// };
/// assert_eq!(sym.to_string(), "A/RES/43/78 H");
/// assert_eq!("A/RES/43/78 H".parse::<Symbol>().unwrap(), sym);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A General Assembly resolution: `A/RES/76/19`, `A/RES/2625 (XXV)`.
    GaResolution {
        /// The session that adopted it.
        session: GaSession,
        /// Its number.
        number: u32,
        /// The part of a composite resolution (`H` in `43/78 H`).
        part: Option<Part>,
        /// Whether it is numbered `session/number` or `number (session)`.
        style: GaStyle,
    },
    /// A General Assembly decision: `A/DEC/75/564`, `A/DEC/ES-7/11`.
    GaDecision {
        /// The session that took it.
        session: GaSession,
        /// Its number.
        number: u32,
        /// The part of a composite decision (`A` in `31/406 A`).
        part: Option<Part>,
    },
    /// A Security Council resolution: `S/RES/1373 (2001)`.
    ScResolution {
        /// Its number, counted since 1946.
        number: u32,
        /// The year of adoption, part of the symbol.
        year: u16,
    },
    /// An Economic and Social Council resolution made from 1978 on,
    /// numbered by year: `E/RES/1996/31`.
    EcosocResolution {
        /// The year of adoption.
        year: u16,
        /// Its number within the year.
        number: u32,
    },
    /// An Economic and Social Council resolution from before 1978,
    /// numbered with its roman session: `E/RES/2008 (LX)`.
    EcosocRomanResolution {
        /// Its number.
        number: u32,
        /// The Council's session (60 for `LX`).
        session: u16,
    },
    /// An Economic and Social Council decision: `E/DEC/2004/310`.
    EcosocDecision {
        /// The year it was taken.
        year: u16,
        /// Its number within the year.
        number: u32,
        /// The part of a composite decision (`A` in `2025/218 A`).
        part: Option<Part>,
    },
    /// A Human Rights Council resolution: `A/HRC/RES/47/16`, or of a
    /// special session, `A/HRC/RES/S-28/1`.
    HrcResolution {
        /// The Council's session (regular or special).
        session: GaSession,
        /// Its number within the session.
        number: u32,
    },
    /// A Human Rights Council decision: `A/HRC/DEC/2/102`.
    HrcDecision {
        /// The Council's session (regular or special).
        session: GaSession,
        /// Its number within the session.
        number: u32,
    },
    /// A resolution of the former Commission on Human Rights:
    /// `E/CN.4/RES/2005/45`.
    ChrResolution {
        /// The year of adoption.
        year: u16,
        /// Its number within the year.
        number: u32,
    },
    /// Any other document with a masthead symbol: reports, drafts,
    /// letters, records (`A/65/201`, `A/C.1/77/L.73`, `S/2023/123`).
    Document(DocumentSymbol),
}

/// What sort of thing a [`Symbol`] names, as a stable lower-case tag
/// (the `kind` field of resgraph's JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `ga-resolution`
    GaResolution,
    /// `ga-decision`
    GaDecision,
    /// `sc-resolution`
    ScResolution,
    /// `ecosoc-resolution` (both numbering styles)
    EcosocResolution,
    /// `ecosoc-decision`
    EcosocDecision,
    /// `hrc-resolution`
    HrcResolution,
    /// `hrc-decision`
    HrcDecision,
    /// `chr-resolution`
    ChrResolution,
    /// `document`: any other masthead symbol
    Document,
}

impl Kind {
    /// Every kind, in a fixed order (for reports that list counts per kind).
    pub const ALL: [Kind; 9] = [
        Kind::GaResolution,
        Kind::GaDecision,
        Kind::ScResolution,
        Kind::EcosocResolution,
        Kind::EcosocDecision,
        Kind::HrcResolution,
        Kind::HrcDecision,
        Kind::ChrResolution,
        Kind::Document,
    ];

    /// The stable tag, e.g. `"ga-resolution"`.
    ///
    /// ```
    /// assert_eq!(resgraph_symbol::Kind::ScResolution.as_str(), "sc-resolution");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::GaResolution => "ga-resolution",
            Kind::GaDecision => "ga-decision",
            Kind::ScResolution => "sc-resolution",
            Kind::EcosocResolution => "ecosoc-resolution",
            Kind::EcosocDecision => "ecosoc-decision",
            Kind::HrcResolution => "hrc-resolution",
            Kind::HrcDecision => "hrc-decision",
            Kind::ChrResolution => "chr-resolution",
            Kind::Document => "document",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The principal organ (or former body) that a symbol belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Organ {
    /// The General Assembly and its committees (`A/...`).
    GeneralAssembly,
    /// The Security Council (`S/...`).
    SecurityCouncil,
    /// The Economic and Social Council and its commissions (`E/...`).
    EconomicAndSocialCouncil,
    /// The Human Rights Council (`A/HRC/...`).
    HumanRightsCouncil,
    /// The Secretariat (`ST/...`).
    Secretariat,
    /// Any other series (treaty bodies, programmes, conferences).
    Other,
}

impl Organ {
    /// The organ's name in English, as texts write it.
    ///
    /// ```
    /// assert_eq!(resgraph_symbol::Organ::SecurityCouncil.name(), "Security Council");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "General Assembly",
            Organ::SecurityCouncil => "Security Council",
            Organ::EconomicAndSocialCouncil => "Economic and Social Council",
            Organ::HumanRightsCouncil => "Human Rights Council",
            Organ::Secretariat => "Secretariat",
            Organ::Other => "Other",
        }
    }
}

impl fmt::Display for Organ {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a string is not a symbol.
///
/// Carries the offending input (shortened when very long) and what was
/// expected, so that a message can say both.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UN symbol: {input:?}: {expected}")]
pub struct ParseError {
    /// The input, cut to 80 characters.
    pub input: String,
    /// What the parser expected to find.
    pub expected: &'static str,
}

impl ParseError {
    pub(crate) fn new(input: &str, expected: &'static str) -> Self {
        let input: String = input.chars().take(80).collect();
        ParseError { input, expected }
    }
}

impl Symbol {
    /// What sort of thing this symbol names.
    pub fn kind(&self) -> Kind {
        match self {
            Symbol::GaResolution { .. } => Kind::GaResolution,
            Symbol::GaDecision { .. } => Kind::GaDecision,
            Symbol::ScResolution { .. } => Kind::ScResolution,
            Symbol::EcosocResolution { .. } | Symbol::EcosocRomanResolution { .. } => {
                Kind::EcosocResolution
            }
            Symbol::EcosocDecision { .. } => Kind::EcosocDecision,
            Symbol::HrcResolution { .. } => Kind::HrcResolution,
            Symbol::HrcDecision { .. } => Kind::HrcDecision,
            Symbol::ChrResolution { .. } => Kind::ChrResolution,
            Symbol::Document(_) => Kind::Document,
        }
    }

    /// The organ the symbol belongs to.
    ///
    /// ```
    /// use resgraph_symbol::{Organ, Symbol};
    /// let report: Symbol = "A/C.1/77/L.73".parse().unwrap();
    /// assert_eq!(report.organ(), Organ::GeneralAssembly);
    /// ```
    pub fn organ(&self) -> Organ {
        match self {
            Symbol::GaResolution { .. } | Symbol::GaDecision { .. } => Organ::GeneralAssembly,
            Symbol::ScResolution { .. } => Organ::SecurityCouncil,
            Symbol::EcosocResolution { .. }
            | Symbol::EcosocRomanResolution { .. }
            | Symbol::EcosocDecision { .. }
            | Symbol::ChrResolution { .. } => Organ::EconomicAndSocialCouncil,
            Symbol::HrcResolution { .. } | Symbol::HrcDecision { .. } => Organ::HumanRightsCouncil,
            Symbol::Document(doc) => doc.organ(),
        }
    }

    /// Whether this is a resolution or decision (as opposed to a report,
    /// draft or other masthead document).
    pub fn is_resolution_or_decision(&self) -> bool {
        !matches!(self, Symbol::Document(_))
    }

    /// The General Assembly session of the symbol, where it has one
    /// (regular sessions only): 76 for `A/RES/76/19`, 25 for
    /// `A/RES/2625 (XXV)`, 77 for `A/C.1/77/L.73`.
    pub fn ga_session(&self) -> Option<u16> {
        match self {
            Symbol::GaResolution {
                session: GaSession::Regular(s),
                ..
            }
            | Symbol::GaDecision {
                session: GaSession::Regular(s),
                ..
            } => Some(*s),
            Symbol::Document(doc) => doc.ga_session(),
            _ => None,
        }
    }

    /// The number of the resolution or decision within its series, if any.
    pub fn number(&self) -> Option<u32> {
        match self {
            Symbol::GaResolution { number, .. }
            | Symbol::GaDecision { number, .. }
            | Symbol::ScResolution { number, .. }
            | Symbol::EcosocResolution { number, .. }
            | Symbol::EcosocRomanResolution { number, .. }
            | Symbol::EcosocDecision { number, .. }
            | Symbol::HrcResolution { number, .. }
            | Symbol::HrcDecision { number, .. }
            | Symbol::ChrResolution { number, .. } => Some(*number),
            Symbol::Document(_) => None,
        }
    }

    /// The part letter of a composite GA resolution or decision.
    pub fn part(&self) -> Option<Part> {
        match self {
            Symbol::GaResolution { part, .. }
            | Symbol::GaDecision { part, .. }
            | Symbol::EcosocDecision { part, .. } => *part,
            _ => None,
        }
    }

    /// The same symbol without its part letter (`A/RES/43/78` for
    /// `A/RES/43/78 H`): the resolution as a whole.
    pub fn without_part(&self) -> Symbol {
        let mut whole = self.clone();
        match &mut whole {
            Symbol::GaResolution { part, .. }
            | Symbol::GaDecision { part, .. }
            | Symbol::EcosocDecision { part, .. } => *part = None,
            _ => {}
        }
        whole
    }

    /// The short form used in running text and in picture labels:
    /// `76/19`, `43/78 H`, `2625 (XXV)`, `1373 (2001)`, `ES-10/19`;
    /// masthead documents are already short and print whole.
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// let sc: Symbol = "S/RES/1373 (2001)".parse().unwrap();
    /// assert_eq!(sc.short(), "1373 (2001)");
    /// ```
    pub fn short(&self) -> String {
        let full = self.to_string();
        let prefix = match self {
            Symbol::GaResolution { .. } => "A/RES/",
            Symbol::GaDecision { .. } => "A/DEC/",
            Symbol::ScResolution { .. } => "S/RES/",
            Symbol::EcosocResolution { .. } | Symbol::EcosocRomanResolution { .. } => "E/RES/",
            Symbol::EcosocDecision { .. } => "E/DEC/",
            Symbol::HrcResolution { .. } => "A/HRC/RES/",
            Symbol::HrcDecision { .. } => "A/HRC/DEC/",
            Symbol::ChrResolution { .. } => "E/CN.4/RES/",
            Symbol::Document(_) => "",
        };
        full.strip_prefix(prefix).unwrap_or(&full).to_string()
    }

    /// The symbol as a file name stem, the way UN document stores and
    /// resgraph's test data name files: `/` becomes `_`, spaces vanish
    /// (`A_RES_76_19`, `S_RES_1373(2001)`).
    pub fn file_stem(&self) -> String {
        self.to_string()
            .chars()
            .filter(|c| *c != ' ')
            .map(|c| if c == '/' { '_' } else { c })
            .collect()
    }

    /// The year the symbol was made in, where the symbol says it or lets
    /// it be worked out: the year in `S/RES/1373 (2001)`, 1945 + session
    /// for GA regular sessions (`76/19` is 2021), the opening year of a
    /// special or emergency special session, and so on. Approximate for
    /// sessions that straddle a new year; `None` where nothing tells.
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// assert_eq!(Symbol::parse_loose("76/19").unwrap().approximate_year(), Some(2021));
    /// assert_eq!(Symbol::parse_loose("2625 (XXV)").unwrap().approximate_year(), Some(1970));
    /// assert_eq!("ST/SGB/2019/8".parse::<Symbol>().unwrap().approximate_year(), Some(2019));
    /// ```
    pub fn approximate_year(&self) -> Option<u16> {
        match self {
            Symbol::GaResolution { session, .. } | Symbol::GaDecision { session, .. } => {
                session.approximate_year()
            }
            Symbol::ScResolution { year, .. }
            | Symbol::EcosocResolution { year, .. }
            | Symbol::EcosocDecision { year, .. }
            | Symbol::ChrResolution { year, .. } => Some(*year),
            // Two regular sessions a year from 1946.
            Symbol::EcosocRomanResolution { session, .. } => {
                Some(1946 + session.saturating_sub(1) / 2)
            }
            // Three regular sessions a year from 2006.
            Symbol::HrcResolution { session, .. } | Symbol::HrcDecision { session, .. } => {
                match session {
                    GaSession::Regular(n) => Some(2006 + n.saturating_sub(1) / 3),
                    // Special sessions: about two a year since 2006.
                    other => Some(2006 + other.number().saturating_sub(1) / 2),
                }
            }
            Symbol::Document(doc) => doc.approximate_year(),
        }
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written piece by piece, without a format string or an
        // allocation for the common forms: a JSON export writes one
        // symbol per citation. (`write_str` ignores the formatter's
        // width and fill, as `write!` into it did.)
        fn number(f: &mut fmt::Formatter<'_>, n: impl itoa::Integer) -> fmt::Result {
            f.write_str(itoa::Buffer::new().format(n))
        }
        fn modern(f: &mut fmt::Formatter<'_>, session: &GaSession) -> fmt::Result {
            let (prefix, n) = session.prefixed();
            f.write_str(prefix)?;
            number(f, n)
        }
        fn part(f: &mut fmt::Formatter<'_>, part: &Option<Part>) -> fmt::Result {
            match part {
                Some(p) => write!(f, " {p}"),
                None => Ok(()),
            }
        }
        match self {
            Symbol::GaResolution {
                session,
                number: n,
                part: p,
                style: GaStyle::Modern,
            } => {
                f.write_str("A/RES/")?;
                modern(f, session)?;
                f.write_str("/")?;
                number(f, *n)?;
                part(f, p)
            }
            Symbol::GaResolution {
                session,
                number: n,
                part: p,
                style: GaStyle::Roman,
            } => {
                f.write_str("A/RES/")?;
                number(f, *n)?;
                part(f, p)?;
                write!(f, " ({})", session.roman())
            }
            Symbol::GaDecision {
                session,
                number: n,
                part: p,
            } => {
                f.write_str("A/DEC/")?;
                modern(f, session)?;
                f.write_str("/")?;
                number(f, *n)?;
                part(f, p)
            }
            Symbol::ScResolution { number: n, year } => {
                f.write_str("S/RES/")?;
                number(f, *n)?;
                f.write_str(" (")?;
                number(f, *year)?;
                f.write_str(")")
            }
            Symbol::EcosocResolution { year, number: n } => {
                f.write_str("E/RES/")?;
                number(f, *year)?;
                f.write_str("/")?;
                number(f, *n)
            }
            Symbol::EcosocRomanResolution { number, session } => {
                let roman = roman::to_roman(*session).unwrap_or_else(|| session.to_string());
                write!(f, "E/RES/{number} ({roman})")
            }
            Symbol::EcosocDecision {
                year,
                number: n,
                part: p,
            } => {
                f.write_str("E/DEC/")?;
                number(f, *year)?;
                f.write_str("/")?;
                number(f, *n)?;
                part(f, p)
            }
            Symbol::HrcResolution { session, number: n } => {
                f.write_str("A/HRC/RES/")?;
                modern(f, session)?;
                f.write_str("/")?;
                number(f, *n)
            }
            Symbol::HrcDecision { session, number: n } => {
                f.write_str("A/HRC/DEC/")?;
                modern(f, session)?;
                f.write_str("/")?;
                number(f, *n)
            }
            Symbol::ChrResolution { year, number: n } => {
                f.write_str("E/CN.4/RES/")?;
                number(f, *year)?;
                f.write_str("/")?;
                number(f, *n)
            }
            Symbol::Document(doc) => f.write_str(doc.as_str()),
        }
    }
}

impl std::str::FromStr for Symbol {
    type Err = ParseError;

    /// Parses a canonical symbol, case-insensitively and tolerant of
    /// spacing (`a/res/76/19`, `S/RES/1373(2001)`, the UN Digital Library's
    /// `A/RES/181(II)[A]`). For running-text forms such as `76/19` or
    /// `resolution 2625 (XXV)` use [`Symbol::parse_loose`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse::parse_canonical(s)
    }
}

impl serde::Serialize for Symbol {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Symbol {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
