//! Errors reading the registry's tab-separated files.

/// A line of a registry file that could not be read.
///
/// Every variant names the 1-based line, what was expected there and
/// (shortened) what was found, so that a message points at the fault.
///
/// ```
/// use resgraph_registry::{Registry, RegistryError};
///
/// let err = Registry::from_tsv("A/RES/76/19\t2021-13-01\t\tdate:undl\n").unwrap_err();
/// assert_eq!(err.line(), 1);
/// assert!(matches!(err, RegistryError::Malformed { expected, .. } if expected.contains("YYYY-MM-DD")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// A field (or the line as a whole) is not what the format asks for.
    #[error("line {line}: expected {expected}, found {found:?}")]
    Malformed {
        /// The 1-based line number.
        line: usize,
        /// What the format asks for at that place.
        expected: &'static str,
        /// What the line holds there, cut to 80 characters.
        found: String,
    },
    /// A symbol has a second line of its own.
    #[error(
        "line {line}: {symbol} is listed again (first on line {first}); expected each symbol once"
    )]
    Duplicate {
        /// The 1-based line number of the repeat.
        line: usize,
        /// The symbol, canonical.
        symbol: String,
        /// The line it was first listed on.
        first: usize,
    },
}

impl RegistryError {
    /// The 1-based line the error is about.
    pub fn line(&self) -> usize {
        match self {
            RegistryError::Malformed { line, .. } | RegistryError::Duplicate { line, .. } => *line,
        }
    }

    pub(crate) fn malformed(line: usize, expected: &'static str, found: &str) -> Self {
        RegistryError::Malformed {
            line,
            expected,
            found: found.chars().take(80).collect(),
        }
    }
}
