//! Finding a document from what a user typed.

use std::fmt;

use resgraph_core::RelationClass;
use resgraph_symbol::{ParseError, Symbol};

use crate::graph::CitationGraph;

/// How many near symbols an [`UnknownSymbol`] suggests at most.
pub const MAX_SUGGESTIONS: usize = 5;

/// A typed symbol that names no document of the graph: either not a
/// symbol at all, or one the graph does not hold. Carries the nearest
/// known symbols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSymbol {
    /// What was typed.
    pub input: String,
    /// The symbol it parsed to, if it is one.
    pub parsed: Option<Symbol>,
    /// Why it is not a symbol, if it is not.
    pub parse_error: Option<ParseError>,
    /// Up to [`MAX_SUGGESTIONS`] known symbols nearest to it, nearest
    /// first.
    pub suggestions: Vec<Symbol>,
}

impl fmt::Display for UnknownSymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.parsed, &self.parse_error) {
            (Some(sym), _) => write!(f, "{sym} is not in the graph")?,
            (None, Some(e)) => write!(f, "{e}")?,
            (None, None) => write!(f, "{:?} is not in the graph", self.input)?,
        }
        if !self.suggestions.is_empty() {
            let names: Vec<String> = self.suggestions.iter().map(Symbol::to_string).collect();
            write!(f, "; did you mean {}?", names.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownSymbol {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.parse_error
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The edit distance between two strings counted in bytes (strsim's
/// Levenshtein over the bytes, so that a typed non-ASCII character costs
/// what its UTF-8 bytes cost, as before strsim was used), or `None` when
/// it exceeds `bound`.
///
/// Costs O(|a|·|b|); two lengths further apart than `bound` are refused
/// first without computing anything, since the distance is at least
/// their difference.
fn levenshtein(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let d = strsim::generic_levenshtein(&Bytes(a), &Bytes(b));
    (d <= bound).then_some(d)
}

/// A byte slice as strsim's generic functions take a sequence (a sized
/// type whose reference iterates).
struct Bytes<'a>(&'a [u8]);

impl<'a> IntoIterator for &Bytes<'a> {
    type Item = &'a u8;
    type IntoIter = std::slice::Iter<'a, u8>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A relation word a filter would never match: not a word of a relation
/// class and not a verb any text of the graph uses. Carries the nearest
/// words it could have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRelation {
    /// What was typed.
    pub input: String,
    /// The class words and the graph's verbs nearest to it (at most
    /// [`MAX_SUGGESTIONS`]), nearest first.
    pub suggestions: Vec<String>,
}

impl fmt::Display for UnknownRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown relation {:?}: neither a class ({}) nor a verb of these texts",
            self.input,
            CLASS_WORDS.join(", ")
        )?;
        if !self.suggestions.is_empty() {
            write!(f, "; did you mean {}?", self.suggestions.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRelation {}

/// One word for each class a relation filter can ask for
/// ([`crate::Filter`] matches a class's word by class).
pub const CLASS_WORDS: [&str; 8] = [
    "recalling",
    "reaffirming",
    "welcoming",
    "decides",
    "see",
    "draft",
    "report",
    "title",
];

impl CitationGraph {
    /// Checks a relation word for a [`crate::Filter`]: a word of a class
    /// (`recalling`, `reaffirms`, `takes note` ...) or a verb some text of
    /// the graph uses, in any case. Anything else would match nothing.
    ///
    /// # Errors
    ///
    /// [`UnknownRelation`], with the nearest class words and verbs.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let mut g = CitationGraph::new();
    /// let (a, b) = ("A/RES/76/19".parse().unwrap(), "A/RES/53/70".parse().unwrap());
    /// g.add_link(&a, &b, &Occurrence::new("annexed", Section::Operative, Some(1), None));
    /// assert!(g.check_relation("Recalls").is_ok());
    /// assert!(g.check_relation("annexed").is_ok());
    /// let err = g.check_relation("recaling").unwrap_err();
    /// assert_eq!(err.suggestions[0], "recalling");
    /// ```
    pub fn check_relation(&self, word: &str) -> Result<(), UnknownRelation> {
        let verbs = self.relations();
        if RelationClass::of(word) != RelationClass::Other
            || verbs.iter().any(|v| v.eq_ignore_ascii_case(word))
        {
            return Ok(());
        }
        let typed = word.to_lowercase();
        let bound = (typed.len() / 3).max(2);
        let mut near: Vec<(usize, String)> = CLASS_WORDS
            .iter()
            .copied()
            .chain(verbs.iter().copied())
            .filter_map(|w| {
                let w = w.to_lowercase();
                levenshtein(typed.as_bytes(), w.as_bytes(), bound).map(|d| (d, w))
            })
            .collect();
        near.sort();
        near.dedup_by(|a, b| a.1 == b.1);
        near.truncate(MAX_SUGGESTIONS);
        Err(UnknownRelation {
            input: word.to_string(),
            suggestions: near.into_iter().map(|(_, w)| w).collect(),
        })
    }

    /// The document a user means: `76/19`, `A/RES/76/19`, `a/res/76/19`,
    /// `resolution 2625 (XXV)`, `A/65/201` (see
    /// [`Symbol::parse_loose`]), or a label as tables show it
    /// (`dec. 77/512`, `HRC 20/8`: [`Symbol::parse_label`]). An input that is not a symbol, or names
    /// a document the graph does not hold, gives an [`UnknownSymbol`]
    /// with the nearest known symbols: smallest edit distance between
    /// canonical forms (or, for input that does not parse, to the
    /// canonical form or label), then the same kind, then the closest
    /// session and number, then chronologically.
    ///
    /// # Errors
    ///
    /// An [`UnknownSymbol`] when `input` is no symbol or names a
    /// document the graph does not hold, with the nearest known symbols.
    ///
    /// ```
    /// use resgraph_graph::CitationGraph;
    /// let mut g = CitationGraph::new();
    /// for s in ["A/RES/76/19", "A/RES/75/240", "A/65/201"] {
    ///     g.add_node(&s.parse().unwrap());
    /// }
    /// assert_eq!(g.resolve("76/19").unwrap().to_string(), "A/RES/76/19");
    /// assert_eq!(g.resolve("a/res/76/19").unwrap().to_string(), "A/RES/76/19");
    /// g.add_node(&"A/DEC/77/512".parse().unwrap());
    /// assert_eq!(g.resolve("dec. 77/512").unwrap().to_string(), "A/DEC/77/512");
    /// let err = g.resolve("76/91").unwrap_err();
    /// assert_eq!(err.suggestions[0].to_string(), "A/RES/76/19");
    /// assert!(err.to_string().contains("did you mean A/RES/76/19"));
    /// assert!(g.resolve("76/1g").is_err());
    /// ```
    pub fn resolve(&self, input: &str) -> Result<Symbol, UnknownSymbol> {
        let typed = input.trim();
        // What a table shows (`dec. 77/512`, `HRC 20/8`) can be typed back.
        match Symbol::parse_label(typed).map_or_else(|| Symbol::parse_loose(typed), Ok) {
            Ok(sym) if self.contains(&sym) => Ok(sym),
            Ok(sym) => Err(UnknownSymbol {
                input: input.to_string(),
                suggestions: self.nearest(&sym.to_string(), Some(&sym), false),
                parsed: Some(sym),
                parse_error: None,
            }),
            Err(e) => Err(UnknownSymbol {
                input: input.to_string(),
                suggestions: self.nearest(&typed.to_uppercase(), None, true),
                parsed: None,
                parse_error: Some(e),
            }),
        }
    }

    /// Known symbols nearest to `target`.
    fn nearest(&self, target: &str, parsed: Option<&Symbol>, also_short: bool) -> Vec<Symbol> {
        type Key = (usize, bool, u64, u32);
        let mut best: Vec<(Key, u32)> = Vec::with_capacity(MAX_SUGGESTIONS + 1);
        let chrono = self.chrono();
        let closeness = |s: &Symbol| -> u64 {
            match (parsed, parsed.and_then(Symbol::ga_session), s.ga_session()) {
                (Some(p), Some(a), Some(b)) => {
                    let dn = match (p.number(), s.number()) {
                        (Some(x), Some(y)) => u64::from(x.abs_diff(y)),
                        _ => 100_000,
                    };
                    u64::from(a.abs_diff(b)) * 1_000_000 + dn
                }
                _ => u64::MAX,
            }
        };
        // Far-off symbols are no help.
        let cap = (target.len() / 2).max(3);
        for (n, info) in self.g.node_weights().enumerate() {
            let n = n as u32;
            let bound = if best.len() == MAX_SUGGESTIONS {
                best.last().map_or(cap, |(k, _)| k.0.min(cap))
            } else {
                cap
            };
            let canonical = info.symbol.to_string();
            let mut d = levenshtein(target.as_bytes(), canonical.as_bytes(), bound);
            if also_short {
                let short = info.symbol.label().to_uppercase();
                if let Some(ds) = levenshtein(target.as_bytes(), short.as_bytes(), bound) {
                    d = Some(d.map_or(ds, |x| x.min(ds)));
                }
            }
            let Some(d) = d else { continue };
            let key: Key = (
                d,
                parsed.is_some_and(|p| p.kind() != info.symbol.kind()),
                closeness(&info.symbol),
                chrono.rank.get(n as usize).copied().unwrap_or(u32::MAX),
            );
            if best.len() < MAX_SUGGESTIONS || best.last().is_some_and(|(k, _)| key < *k) {
                let at = best.partition_point(|(k, _)| *k <= key);
                best.insert(at, (key, n));
                best.truncate(MAX_SUGGESTIONS);
            }
        }
        best.into_iter()
            .filter_map(|(_, n)| self.symbol_of(n).cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_word_names_its_own_class() {
        let classes: std::collections::BTreeSet<String> = CLASS_WORDS
            .iter()
            .map(|w| {
                let class = RelationClass::of(w);
                assert_ne!(class, RelationClass::Other, "{w}");
                format!("{class:?}")
            })
            .collect();
        assert_eq!(classes.len(), CLASS_WORDS.len());
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein(b"kitten", b"sitting", 10), Some(3));
        assert_eq!(levenshtein(b"kitten", b"sitting", 2), None);
        assert_eq!(levenshtein(b"", b"abc", 3), Some(3));
        assert_eq!(levenshtein(b"same", b"same", 0), Some(0));
    }

    #[test]
    fn suggestions_prefer_same_kind_and_nearby_numbers() {
        let mut g = CitationGraph::new();
        for s in [
            "A/RES/76/19",
            "A/RES/76/18",
            "A/RES/75/19",
            "A/DEC/76/19",
            "A/76/19",
            "A/RES/43/78 H",
            "A/RES/60/45",
        ] {
            g.add_node(&s.parse().unwrap());
        }
        let err = g.resolve("76/17").unwrap_err();
        let names: Vec<String> = err.suggestions.iter().map(|s| s.to_string()).collect();
        assert_eq!(names[0], "A/RES/76/18");
        assert!(names.len() <= MAX_SUGGESTIONS);
        let err = g.resolve("43/78").unwrap_err();
        assert_eq!(err.suggestions[0].to_string(), "A/RES/43/78 H");
        let err = g.resolve("not a symbol").unwrap_err();
        assert!(err.parsed.is_none() && err.parse_error.is_some());
        assert!(err.to_string().starts_with("not a UN symbol"));
        assert!(g.resolve(" A/RES/76/19 ").is_ok());
    }
}
