//! Cross-reference checking: what a drafter runs before submitting a
//! text. Each citation of an extracted [`Document`] is compared with what
//! the [`Registry`] knows.
//!
//! ```
//! use resgraph_extract::{extract, Hint};
//! use resgraph_registry::{check::{check_document, Level}, Registry};
//!
//! let text = "A/C.1/99/L.1\n\nThe General Assembly,\n\n\
//!             Recalling its resolution 76/19 of 7 December 2021,\n";
//! let doc = extract(text, &Hint::default());
//! let mut registry = Registry::new();
//! registry.add_evidence(
//!     "A/RES/76/19".parse().unwrap(),
//!     "2021-12-06".parse().unwrap(),
//!     resgraph_registry::Source::Undl,
//! );
//! let findings = check_document(&doc, &registry);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].level, Level::Error);
//! assert!(findings[0].message.contains("2021-12-07"));
//! assert!(findings[0].message.contains("2021-12-06"));
//! ```

use std::collections::BTreeMap;
use std::fmt;

use resgraph_core::{Date, Section};
use resgraph_extract::{Citation, Document};
use resgraph_symbol::{GaSession, GaStyle, Symbol};
use serde::Serialize;

use crate::Registry;

/// How serious a finding is. Errors make `resgraph check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Certainly wrong (as far as the registry's sources go).
    Error,
    /// Probably wrong, or not checkable with certainty.
    Warning,
    /// Worth a look.
    Note,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        })
    }
}

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// The date cited for a resolution is not its adoption date.
    DateMismatch,
    /// The cited document was adopted after the citing text.
    Anachronism,
    /// The symbol cannot exist: a number beyond what its session
    /// adopted, a part never issued, a form the organ never used.
    ImpossibleSymbol,
    /// The text cites itself.
    SelfCitation,
    /// One text gives one resolution two different dates.
    InconsistentDates,
    /// The cited date is none of the dates the registry's sources give,
    /// and those sources disagree among themselves: which is right is not
    /// known, so the citation may well be.
    DisputedDate,
}

/// One problem found in a citing text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub level: Level,
    /// What kind of problem.
    pub kind: FindingKind,
    /// The citing text, as [`Document::source`] names it.
    pub source: String,
    /// The citing document's symbol.
    pub document: Option<Symbol>,
    /// The cited symbol.
    pub target: Option<Symbol>,
    /// Byte offset of the mention in the source text (when known).
    pub offset: Option<usize>,
    /// Section of the mention.
    pub section: Option<Section>,
    /// Paragraph of the mention.
    pub paragraph: Option<u32>,
    /// What is wrong, with both sides of the comparison.
    pub message: String,
}

/// Checks every citation of a document against the registry.
///
/// Findings come in the order of the text; see [`FindingKind`] for what
/// is checked. Symbols the registry does not know are not findings: the
/// registry holds resolutions adopted by recorded vote and the texts it
/// was built from, not every resolution.
pub fn check_document(doc: &Document, registry: &Registry) -> Vec<Finding> {
    Checker::new(registry).check(doc)
}

/// A registry prepared for checking many documents: the year of each
/// Security Council resolution number is looked up once.
pub struct Checker<'a> {
    registry: &'a Registry,
    sc_years: std::collections::HashMap<u32, u16>,
}

impl<'a> Checker<'a> {
    /// Prepares `registry` for checking.
    pub fn new(registry: &'a Registry) -> Checker<'a> {
        let sc_years = registry
            .iter()
            .filter_map(|e| match e.symbol {
                Symbol::ScResolution { number, year } => Some((number, year)),
                _ => None,
            })
            .collect();
        Checker { registry, sc_years }
    }

    /// Checks every citation of a document; see [`check_document`].
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        check_with(doc, self.registry, &self.sc_years)
    }
}

fn check_with(
    doc: &Document,
    registry: &Registry,
    sc_years: &std::collections::HashMap<u32, u16>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let finding = |level, kind, c: &Citation, message: String| Finding {
        level,
        kind,
        source: doc.source.clone(),
        document: doc.symbol.clone(),
        target: Some(c.target.clone()),
        offset: Some(c.start),
        section: Some(c.section),
        paragraph: c.paragraph,
        message,
    };
    let mut dates_given: BTreeMap<&Symbol, Vec<(Date, &Citation)>> = BTreeMap::new();
    for (i, c) in doc.citations.iter().enumerate() {
        let adopted = registry.adoption_date(&c.target);
        let shared_with = date_maybe_of_next(&doc.citations, i, registry);
        if let (Some(cited), Some(adopted)) = (c.cited_date, adopted) {
            // Dates the sources disagree on are not the truth: a citation
            // giving one of them is not contradicted, and one giving
            // another is reported with every source's date.
            let disputed = registry.date_conflicts(&c.target);
            if !disputed.is_empty() {
                let given = |d: Date| d == adopted || disputed.iter().any(|x| x.other == d);
                if !given(cited) {
                    let mut dates: Vec<String> =
                        vec![format!("{adopted} ({})", disputed[0].kept_source)];
                    for x in &disputed {
                        dates.push(format!("{} ({})", x.other, x.other_source));
                    }
                    findings.push(finding(
                        Level::Warning,
                        FindingKind::DisputedDate,
                        c,
                        format!(
                            "{} is cited as of {cited}; the registry's sources disagree on its adoption date: {}",
                            c.target,
                            dates.join(", ")
                        ),
                    ));
                }
            } else if cited != adopted {
                let source = registry
                    .get(&c.target)
                    .map(|e| e.sources.to_string())
                    .unwrap_or_default();
                let (level, doubt) = match shared_with {
                    Some(next) => (
                        Level::Warning,
                        format!(
                            "; the date is written once after {next} too, whose adoption date it is, and may be meant for {next} alone"
                        ),
                    ),
                    None => (Level::Error, String::new()),
                };
                findings.push(finding(
                    level,
                    FindingKind::DateMismatch,
                    c,
                    format!(
                        "{} is cited as of {cited}, but was adopted on {adopted} ({source}){doubt}",
                        c.target
                    ),
                ));
            }
        }
        // A date that may be the next item's alone says nothing about
        // whether the text dates this one consistently.
        if let (Some(cited), None) = (c.cited_date, shared_with) {
            dates_given.entry(&c.target).or_default().push((cited, c));
        }
        if let Some(message) = anachronism(doc, &c.target, adopted) {
            findings.push(finding(Level::Error, FindingKind::Anachronism, c, message));
        }
        if let Some((level, message)) = impossible(&c.target, registry, sc_years) {
            findings.push(finding(level, FindingKind::ImpossibleSymbol, c, message));
        }
        if doc.symbol.as_ref() == Some(&c.target) {
            findings.push(finding(
                Level::Warning,
                FindingKind::SelfCitation,
                c,
                format!("the text cites its own symbol {}", c.target),
            ));
        }
    }
    for (target, given) in dates_given {
        let first = given[0].0;
        if let Some((other, c)) = given.iter().find(|(d, _)| *d != first) {
            findings.push(finding(
                Level::Error,
                FindingKind::InconsistentDates,
                c,
                format!("{target} is cited here as of {other}, elsewhere in the same text as of {first}"),
            ));
        }
    }
    // Extraction drops a text's mentions of itself and notes them.
    for d in &doc.diagnostics {
        if d.message.starts_with("cites its own symbol") {
            findings.push(Finding {
                level: Level::Warning,
                kind: FindingKind::SelfCitation,
                source: doc.source.clone(),
                document: doc.symbol.clone(),
                target: doc.symbol.clone(),
                offset: None,
                section: None,
                paragraph: None,
                message: format!("line {}: the text {}", d.line, d.message),
            });
        }
    }
    findings.sort_by_key(|f| f.offset.unwrap_or(usize::MAX));
    findings
}

/// The next citation, when this one's date may be only the next one's:
/// "resolutions 1514 (XV) and 1541 (XV) of 15 December 1960" gives one
/// date after two numbers, which the extractor shares over "and" (the
/// usual meaning), but which is the adoption date of the second alone.
/// That is so when the next citation stands in the same paragraph with
/// the same date, which is its adoption date and not this one's.
fn date_maybe_of_next<'c>(
    citations: &'c [Citation],
    i: usize,
    registry: &Registry,
) -> Option<&'c Symbol> {
    let (c, next) = (citations.get(i)?, citations.get(i + 1)?);
    let cited = c.cited_date?;
    let same_place = c.section == next.section && c.paragraph == next.paragraph;
    (same_place
        && next.cited_date == Some(cited)
        && next.target != c.target
        && registry.adoption_date(&next.target) == Some(cited)
        && registry.adoption_date(&c.target) != Some(cited))
    .then_some(&next.target)
}

/// A citation of something adopted after the citing text.
fn anachronism(doc: &Document, target: &Symbol, adopted: Option<Date>) -> Option<String> {
    // A decision is often taken in parts at several meetings, and its date
    // is the first one's: later parts may cite later texts.
    if matches!(doc.symbol, Some(Symbol::GaDecision { .. })) {
        return None;
    }
    let citing_date = doc.date?;
    if let Some(adopted) = adopted {
        if adopted > citing_date {
            return Some(format!(
                "{target} was adopted on {adopted}, after this text ({citing_date})"
            ));
        }
        return None;
    }
    // Without a date: a later GA session than the citing text's, when the
    // citing text is the Assembly's own (a Human Rights Council or ECOSOC
    // text's session counts that organ's sessions, not the Assembly's).
    let citing_is_assembly = doc
        .symbol
        .as_ref()
        .is_some_and(|s| s.ga_session().is_some())
        || doc.organ.as_deref() == Some("General Assembly");
    if !citing_is_assembly {
        return None;
    }
    let (Some(cited), Some(citing)) = (target.ga_session(), doc.session) else {
        return None;
    };
    (target.is_resolution_or_decision() && cited > citing).then(|| {
        format!("{target} is of the {cited}th session, after this text's session {citing}")
    })
}

/// A symbol that cannot exist, with how sure that is.
fn impossible(
    target: &Symbol,
    registry: &Registry,
    sc_years: &std::collections::HashMap<u32, u16>,
) -> Option<(Level, String)> {
    match target {
        Symbol::GaResolution {
            session: GaSession::Regular(session),
            style: GaStyle::Modern,
            ..
        } if *session < 31 => Some((
            Level::Error,
            format!(
                "{target}: General Assembly resolutions were numbered session/number only from the 31st session (1976); session {session} numbered them `number (roman session)`"
            ),
        )),
        Symbol::GaResolution {
            session: GaSession::Regular(session),
            style: GaStyle::Roman,
            ..
        } if *session > 30 => Some((
            Level::Error,
            format!("{target}: roman session numbers were used up to the 30th session (1975)"),
        )),
        Symbol::GaResolution {
            session: session @ GaSession::Regular(n),
            number,
            style: GaStyle::Modern,
            // Part letters cannot be checked: the sources name a
            // composite resolution by its number alone.
            part: _,
        } => {
            // Only a session some source lists whole has a last number;
            // elsewhere the highest known is a lower bound (the sources
            // hold recorded votes, not every resolution), and a number
            // beyond it says nothing.
            let whole = registry.complete_session(*session)?;
            (*number > whole.highest).then(|| {
                (
                    Level::Error,
                    format!(
                        "{target}: session {n} adopted resolutions up to {n}/{} ({} lists the session whole)",
                        whole.highest, whole.source
                    ),
                )
            })
        }
        Symbol::ScResolution { number, year } => {
            // Security Council numbers run on across years: the registry
            // knows each number's year.
            match sc_years.get(number) {
                Some(&real) if real != *year => Some((
                    Level::Error,
                    format!("{target}: Security Council resolution {number} is of {real}, not {year}"),
                )),
                _ => None,
            }
        }
        _ => None,
    }
}
