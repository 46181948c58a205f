//! Masthead document symbols: `A/65/201`, `A/C.1/77/L.73`,
//! `E/CN.4/2005/L.10/Add.17`.

use std::fmt;

use crate::{Organ, ParseError, YEARS};

/// The symbol of a masthead document that is not a resolution or
/// decision: a report, draft, letter, record (`A/65/201`,
/// `A/C.1/77/L.73`, `S/2023/123`, `A/63/260/Add.1`).
///
/// Kept in its canonical spelling: components upper-case except the
/// suffix words `Add.`, `Rev.`, `Corr.`, `Amend.`, which the UN writes in
/// title case. Obtained by parsing a [`Symbol`](crate::Symbol), which
/// sends resolution and decision symbols to their own variants, so a
/// `DocumentSymbol` never holds `A/RES/76/19`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentSymbol(Box<str>);

/// Series prefixes accepted as the first component of a masthead symbol.
///
/// The principal organs, the Secretariat and the series that UN texts
/// cite in footnotes (treaty bodies, programmes and funds, regional
/// commissions, conferences and meetings of States parties serviced by
/// the UN, the Joint Inspection Unit). Documents of other organizations
/// (the WHO's `WHA58/2005/REC/1`, the IAEA's `GOV/2006/14`, the WTO's
/// `WT/L/508`) are not UN symbols and are not accepted. The extractor
/// builds its anchor for masthead symbols from this list.
pub const DOCUMENT_SERIES: &[&str] = &[
    "A", "S", "E", "ST", "CRC", "CCPR", "CERD", "CEDAW", "CAT", "CMW", "CRPD", "CED", "TD", "UNEP",
    "DP", "ICEF", "FCCC", "UNW", "IDB", "HSP", "SPLOS", "ISBA", "T", "UNHCR", "ECE", "HRI", "CBD",
    "AC", "APLC", "CCW", "BWC", "NPT", "CD", "DC", "ITLOS", "WFP", "ICC", "UNCTAD", "CAC", "CTOC",
    "JIU", "CLCS", "TPNW", "ICCD", "ESCAP", "ECA", "ESCWA", "LC", "CCM", "UNODC", "UNITAR", "UNU",
    "PBC", "CEB",
];

const MAX_LEN: usize = 120;
const MAX_COMPONENT: usize = 40;

impl DocumentSymbol {
    /// The canonical text of the symbol.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks and canonicalizes a masthead symbol. Called by the
    /// [`Symbol`](crate::Symbol) parser after the resolution forms have
    /// been tried.
    pub(crate) fn parse(input: &str) -> Result<DocumentSymbol, ParseError> {
        let text = input.trim();
        if text.len() > MAX_LEN {
            return Err(ParseError::new(input, "a symbol of at most 120 characters"));
        }
        let mut components = text.split('/');
        let series = components.next().unwrap_or("");
        if !DOCUMENT_SERIES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(series))
        {
            return Err(ParseError::new(
                input,
                "a symbol starting with a UN series such as A/, S/, E/ or ST/",
            ));
        }
        let mut canonical = String::with_capacity(text.len());
        canonical.push_str(series);
        canonical.make_ascii_uppercase();
        let mut count = 0;
        for component in components {
            count += 1;
            if component.is_empty()
                || component.len() > MAX_COMPONENT
                || !component
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                || component.starts_with(['.', '-'])
                || component.ends_with('-')
                || component
                    .as_bytes()
                    .windows(2)
                    .any(|pair| pair == b".." || pair == b"--")
            {
                return Err(ParseError::new(
                    input,
                    "components of letters, digits, '.' and '-' separated by '/'",
                ));
            }
            canonical.push('/');
            push_canonical_component(&mut canonical, component);
        }
        if count == 0 {
            return Err(ParseError::new(input, "at least one '/' after the series"));
        }
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return Err(ParseError::new(input, "a number somewhere in the symbol"));
        }
        Ok(DocumentSymbol(canonical.into_boxed_str()))
    }

    /// The organ named by the first component.
    pub fn organ(&self) -> Organ {
        let mut parts = self.0.split('/');
        match (parts.next(), parts.next()) {
            (Some("A"), Some("HRC")) => Organ::HumanRightsCouncil,
            (Some("A"), _) => Organ::GeneralAssembly,
            (Some("S"), _) => Organ::SecurityCouncil,
            (Some("E"), _) => Organ::EconomicAndSocialCouncil,
            (Some("ST"), _) => Organ::Secretariat,
            _ => Organ::Other,
        }
    }

    /// The GA session of an `A/` document: the first all-digit component
    /// below 1000 after `A/` and its committee (`A/C.1/77/L.73` is 77).
    /// Conference documents have none.
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// let session = |s: &str| match s.parse::<Symbol>().unwrap() {
    ///     Symbol::Document(d) => d.ga_session(),
    ///     _ => None,
    /// };
    /// assert_eq!(session("A/C.1/77/L.73"), Some(77));
    /// assert_eq!(session("A/CONF.157/24"), None);
    /// assert_eq!(session("A/HRC/53/31"), None);
    /// ```
    pub fn ga_session(&self) -> Option<u16> {
        let mut parts = self.0.split('/');
        if parts.next() != Some("A") {
            return None;
        }
        for part in parts {
            // `A/HRC/...` counts the Council's sessions; `A/CONF.157/24`
            // numbers a conference's documents (24 is no session).
            if part.starts_with("HRC") || part.starts_with("CONF") {
                return None;
            }
            if !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit()) {
                return part.parse().ok().filter(|n| *n > 0);
            }
            if part.bytes().any(|b| b.is_ascii_digit()) && !part.contains('.') {
                return None;
            }
        }
        None
    }

    /// The year the document was issued, where the symbol tells: a
    /// four-digit year component (`S/2023/123`) or a GA session.
    pub fn approximate_year(&self) -> Option<u16> {
        for part in self.0.split('/') {
            if part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(year) = part.parse::<u16>() {
                    if YEARS.contains(&year) {
                        return Some(year);
                    }
                }
            }
        }
        self.ga_session().and_then(|s| 1945u16.checked_add(s))
    }
}

/// Appends `component` in its canonical case to `out` (no `String` of its
/// own: symbols are parsed for every masthead mention of a text).
fn push_canonical_component(out: &mut String, component: &str) {
    const TITLE_CASE: [&str; 5] = ["Add.", "Rev.", "Corr.", "Amend.", "Sect."];
    let mut rest = component;
    for word in TITLE_CASE {
        if component.len() > word.len()
            && component.is_char_boundary(word.len())
            && component[..word.len()].eq_ignore_ascii_case(word)
        {
            out.push_str(word);
            rest = &component[word.len()..];
            break;
        }
    }
    // In place, as bytes: a push per character cost more than the check
    // of the whole symbol.
    let from = out.len();
    out.push_str(rest);
    out[from..].make_ascii_uppercase();
}

impl fmt::Display for DocumentSymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
