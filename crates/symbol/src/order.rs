//! Chronological order of symbols.

use std::cmp::Ordering;

use crate::{GaSession, GaStyle, Symbol};

impl Symbol {
    /// The key symbols sort by: the approximate year first (symbols that
    /// carry no year sort last), then the organ series, then the numbers.
    fn sort_key(&self) -> (u16, u8, u32, u32, u8) {
        let year = self.approximate_year().unwrap_or(u16::MAX);
        let session_rank = |s: &GaSession| match s {
            GaSession::Regular(n) => u32::from(*n),
            GaSession::Special(n) => 10_000 + u32::from(*n),
            GaSession::EmergencySpecial(n) => 20_000 + u32::from(*n),
        };
        let part = |p: &Option<crate::Part>| p.map_or(0, |p| p.ordinal());
        match self {
            Symbol::GaResolution {
                session,
                number,
                part: p,
                style,
            } => {
                let style_rank = u32::from(*style == GaStyle::Roman);
                (
                    year,
                    0,
                    session_rank(session) * 2 + style_rank,
                    *number,
                    part(p),
                )
            }
            Symbol::GaDecision {
                session,
                number,
                part: p,
            } => (year, 1, session_rank(session), *number, part(p)),
            Symbol::ScResolution { number, .. } => (year, 2, 0, *number, 0),
            Symbol::EcosocResolution { number, .. } => (year, 3, 0, *number, 0),
            Symbol::EcosocRomanResolution { number, session } => {
                (year, 3, u32::from(*session), *number, 0)
            }
            Symbol::EcosocDecision {
                number, part: p, ..
            } => (year, 4, 0, *number, part(p)),
            Symbol::HrcResolution { session, number } => {
                (year, 5, session_rank(session), *number, 0)
            }
            Symbol::HrcDecision { session, number } => (year, 6, session_rank(session), *number, 0),
            Symbol::ChrResolution { number, .. } => (year, 7, 0, *number, 0),
            Symbol::Document(_) => (year, 8, 0, 0, 0),
        }
    }
}

/// Symbols sort chronologically where they allow it: `2625 (XXV)` (1970)
/// before `S/RES/1373 (2001)` before `76/19` (2021); within a year by
/// organ, session and number (`76/19` before `76/240`, not as strings).
/// Symbols with no year sort after all dated ones. The order is total and
/// agrees with `==`: ties are broken by the canonical text.
impl Ord for Symbol {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| match (self, other) {
                (Symbol::Document(a), Symbol::Document(b)) => a.cmp(b),
                _ if self == other => Ordering::Equal,
                _ => self.to_string().cmp(&other.to_string()),
            })
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
