//! # A registry of UN resolutions and decisions
//!
//! What is known about a resolution independently of any one text that
//! cites it: its symbol, its adoption date, its title, and where each of
//! these facts came from. resgraph uses it to check the dates that texts
//! give for what they cite, to label nodes, and to tell how many
//! resolutions a General Assembly session adopted (so that a cited
//! `78/999` can be recognised as impossible).
//!
//! The registry shipped with resgraph is `data/registry/registry.tsv`,
//! built by the `build_registry` binary of the `resgraph-registry-build`
//! crate (the tooling, kept out of this runtime crate) from public
//! metadata (the UN Digital Library voting registry, the Voeten/unvotes
//! roll calls, the metadata of the session 73-80 texts, the iGov
//! decisions export and UN Digital Library MARC links; see
//! `data/registry/PROVENANCE.md`). It is compiled into the crate and
//! parsed once, on first use:
//!
//! ```
//! use resgraph_registry::{GaSession, Registry, Source, Symbol};
//!
//! let registry = Registry::bundled_ref();
//! let sc: Symbol = "S/RES/1373 (2001)".parse()?;
//! assert_eq!(registry.adoption_date(&sc).unwrap().to_string(), "2001-09-28");
//!
//! let entry = registry.get(&"A/RES/78/16".parse()?).unwrap();
//! assert_eq!(entry.sources.date[0], Source::TextHeading);
//! assert!(entry.title.as_deref().unwrap().starts_with("Programme of action"));
//!
//! // Session 78 numbered its resolutions at least up to 78/331.
//! let (highest, _source) = registry.max_number(GaSession::Regular(78)).unwrap();
//! assert!(highest >= 331);
//! # Ok::<(), resgraph_symbol::ParseError>(())
//! ```
//!
//! A registry can also be read from any text in the same format
//! ([`Registry::from_tsv`]), extended with evidence
//! ([`Registry::add_evidence`], [`Registry::merge`]), and have its gaps
//! filled from the dates citing texts give
//! ([`Registry::fill_from_citations`]).
//!
//! ## The file format
//!
//! `registry.tsv` has one line per symbol, in chronological order, four
//! tab-separated fields:
//!
//! ```text
//! symbol           adopted     title                          sources
//! A/RES/78/16      2023-12-04  Programme of action to ...     date:text-heading;title:metadata-78-80
//! S/RES/1373 (2001) 2001-09-28 Security Council resolution... date:undl;title:undl
//! ```
//!
//! `adopted` is `YYYY-MM-DD` or empty; `title` is empty or the title with
//! `\`, tab, line feed and carriage return escaped as `\\`, `\t`, `\n`,
//! `\r`; `sources` is described at [`Sources`]. Lines starting with `#`
//! and empty lines are ignored. `adopted_from.tsv` has one
//! `draft<TAB>resolution` pair per line.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod check;
mod error;
mod source;
mod tsv;

use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use error::RegistryError;
pub use resgraph_core::Date;
pub use resgraph_symbol::{GaSession, Symbol};
pub use source::{AknCollection, Source, SourceParseError, Sources, SourcesParseError};

/// The shipped registry, `data/registry/registry.tsv`, as compiled in.
pub const BUNDLED_REGISTRY_TSV: &str = include_str!("../../../data/registry/registry.tsv");

/// The shipped draft-to-resolution links, `data/registry/adopted_from.tsv`,
/// as compiled in.
pub const BUNDLED_ADOPTED_FROM_TSV: &str = include_str!("../../../data/registry/adopted_from.tsv");

/// The shipped date conflicts between sources, `data/registry/conflicts.tsv`,
/// as compiled in: a date two sources disagree on is reported by `check`
/// as disputed, not taken as the truth.
pub const BUNDLED_CONFLICTS_TSV: &str = include_str!("../../../data/registry/conflicts.tsv");

/// The shipped list of GA sessions a source lists whole,
/// `data/registry/complete_sessions.tsv`, as compiled in.
pub const BUNDLED_COMPLETE_SESSIONS_TSV: &str =
    include_str!("../../../data/registry/complete_sessions.tsv");

/// The column heading written at the top of `complete_sessions.tsv`.
const COMPLETE_SESSIONS_HEADER: &str = "#session\tsource\thighest\tnumbers_held\thighest_adopted";

/// The column heading written at the top of `registry.tsv`.
const REGISTRY_HEADER: &str = "#symbol\tadopted\ttitle\tsources";

/// What the registry knows about one resolution or decision.
///
/// ```
/// use resgraph_registry::Registry;
///
/// let registry = Registry::from_tsv(
///     "A/RES/76/19\t2021-12-06\tDevelopments in the field of ICT\tdate:cited-by-texts(4);title:metadata-ict-73-77\n",
/// )?;
/// let entry = registry.iter().next().unwrap();
/// assert_eq!(entry.symbol.to_string(), "A/RES/76/19");
/// assert_eq!(entry.adopted.unwrap().to_string(), "2021-12-06");
/// assert_eq!(entry.title.as_deref(), Some("Developments in the field of ICT"));
/// assert_eq!(entry.sources.to_string(), "date:cited-by-texts(4);title:metadata-ict-73-77");
/// # Ok::<(), resgraph_registry::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The resolution or decision, canonical.
    pub symbol: Symbol,
    /// The adoption date, if any source gives one.
    pub adopted: Option<Date>,
    /// The title, if any source gives one.
    pub title: Option<String>,
    /// Where the date and title came from, and who else lists the symbol.
    pub sources: Sources,
}

impl Entry {
    fn empty(symbol: Symbol) -> Entry {
        Entry {
            symbol,
            adopted: None,
            title: None,
            sources: Sources::default(),
        }
    }
}

/// Two sources that give different adoption dates for one symbol.
///
/// ```
/// use resgraph_registry::{Date, Registry, Source};
///
/// let mut registry = Registry::new();
/// let sym: resgraph_registry::Symbol = "A/RES/52/22".parse().unwrap();
/// registry.add_evidence(sym.clone(), "1997-11-03".parse().unwrap(), Source::Unvotes);
/// registry.add_evidence(sym.clone(), "1997-11-25".parse().unwrap(), Source::Undl);
/// let conflict = &registry.conflicts()[0];
/// assert_eq!((conflict.kept.to_string(), &conflict.kept_source), ("1997-11-25".to_string(), &Source::Undl));
/// assert_eq!((conflict.other.to_string(), &conflict.other_source), ("1997-11-03".to_string(), &Source::Unvotes));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The symbol the sources disagree about.
    pub symbol: Symbol,
    /// The date kept as the adoption date.
    pub kept: Date,
    /// The source of the kept date.
    pub kept_source: Source,
    /// The date not kept.
    pub other: Date,
    /// The source of the date not kept.
    pub other_source: Source,
}

/// A General Assembly session whose every resolution number one source
/// lists, so that a number beyond its highest cannot exist (the rule that
/// decides this is the registry builder's; see `data/registry/PROVENANCE.md`).
///
/// ```
/// use resgraph_registry::{GaSession, Registry};
///
/// let registry = Registry::bundled_ref();
/// let whole = registry.complete_session(GaSession::Regular(78)).unwrap();
/// assert_eq!(whole.highest, 331);
/// // Session 55 is known only from recorded votes: no source lists it whole.
/// assert!(registry.complete_session(GaSession::Regular(55)).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteSession {
    /// The session.
    pub session: GaSession,
    /// The source that lists the session whole.
    pub source: Source,
    /// The highest resolution number of the session.
    pub highest: u32,
    /// How many distinct numbers from 1 to `highest` the source holds
    /// (a few numbers may be stored under other names, as parts).
    pub numbers_held: u32,
    /// When the highest-numbered resolution was adopted (in the session's
    /// last weeks, which is why the list is taken as whole).
    pub highest_adopted: Date,
}

/// What [`Registry::add_evidence`] did with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The symbol was not in the registry; it is now, with this date.
    New,
    /// The symbol had no adoption date; this is it now.
    Filled,
    /// The symbol already had this date; the source is added to its
    /// sources.
    Agreed,
    /// The symbol had another date from a less trusted source (or an
    /// equally trusted one giving a later date); this date replaces it
    /// and the disagreement is recorded as a [`Conflict`].
    Replaced {
        /// The date replaced.
        previous: Date,
    },
    /// The symbol keeps its date, which comes from a more trusted source;
    /// the disagreement is recorded as a [`Conflict`].
    Conflict {
        /// The date kept.
        kept: Date,
    },
}

/// Resolutions and decisions with their adoption dates, titles and the
/// sources of each, plus draft-to-resolution links.
///
/// Entries iterate in the chronological order of their symbols.
///
/// ```
/// use resgraph_registry::{Registry, Source};
///
/// let mut registry = Registry::new();
/// let sym: resgraph_registry::Symbol = "A/RES/77/37".parse().unwrap();
/// registry.add_evidence(sym.clone(), "2022-12-07".parse().unwrap(), Source::TextHeading);
/// registry.add_title(sym.clone(), "Programme of action to advance responsible State behaviour", Source::MetadataIct);
/// assert_eq!(registry.len(), 1);
/// let text = registry.to_tsv();
/// let again = Registry::from_tsv(&text).unwrap();
/// assert_eq!(again.get(&sym), registry.get(&sym));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: BTreeMap<Symbol, Entry>,
    /// resolution -> the drafts it was adopted from
    drafts: BTreeMap<Symbol, Vec<Symbol>>,
    /// draft -> the resolutions (or decisions) it was adopted as
    adopted: BTreeMap<Symbol, Vec<Symbol>>,
    conflicts: Vec<Conflict>,
    /// GA session -> the resolution with the highest number in it
    session_max: BTreeMap<GaSession, Symbol>,
    /// GA sessions a source lists whole
    complete: BTreeMap<GaSession, CompleteSession>,
}

impl Registry {
    /// An empty registry.
    ///
    /// ```
    /// assert!(resgraph_registry::Registry::new().is_empty());
    /// ```
    pub fn new() -> Registry {
        Registry::default()
    }

    /// The registry shipped with resgraph (`data/registry/registry.tsv`
    /// and `adopted_from.tsv`), as an owned copy that can be extended.
    ///
    /// The files are compiled in and parsed once per process; each call
    /// clones the parsed registry. Use [`Registry::bundled_ref`] to read
    /// without cloning.
    ///
    /// ```
    /// let mut registry = resgraph_registry::Registry::bundled();
    /// assert!(registry.len() > 10_000);
    /// ```
    ///
    /// # Panics
    ///
    /// Never with the files as shipped (a test reads them); only if the
    /// crate was built from a damaged copy.
    pub fn bundled() -> Registry {
        Registry::bundled_ref().clone()
    }

    /// The registry shipped with resgraph, parsed on first use and shared.
    ///
    /// ```
    /// let sym: resgraph_registry::Symbol = "A/RES/71/28".parse().unwrap();
    /// let date = resgraph_registry::Registry::bundled_ref().adoption_date(&sym);
    /// assert_eq!(date.unwrap().to_string(), "2016-12-05");
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Registry::bundled`].
    pub fn bundled_ref() -> &'static Registry {
        static BUNDLED: OnceLock<Registry> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let mut registry = Registry::from_tsv(BUNDLED_REGISTRY_TSV)
                .expect("the shipped data/registry/registry.tsv is well-formed");
            registry
                .load_adopted_from(BUNDLED_ADOPTED_FROM_TSV)
                .expect("the shipped data/registry/adopted_from.tsv is well-formed");
            registry
                .load_conflicts(BUNDLED_CONFLICTS_TSV)
                .expect("the shipped data/registry/conflicts.tsv is well-formed");
            registry
                .load_complete_sessions(BUNDLED_COMPLETE_SESSIONS_TSV)
                .expect("the shipped data/registry/complete_sessions.tsv is well-formed");
            registry
        })
    }

    /// Reads a registry in the `registry.tsv` format (see the crate
    /// documentation), stopping at the first bad line.
    ///
    /// Every line must have four tab-separated fields; the symbol must
    /// parse; the date must be `YYYY-MM-DD` or empty; a date needs a
    /// `date:` source and a title a `title:` source (and the other way
    /// round); every entry needs at least one source; each symbol may
    /// appear once.
    ///
    /// # Errors
    ///
    /// The first line that is malformed, as a [`RegistryError`] with its
    /// line number, what was expected and what was found.
    ///
    /// ```
    /// use resgraph_registry::{Registry, RegistryError};
    ///
    /// let text = "#symbol\tadopted\ttitle\tsources\n\
    ///             S/RES/15 (1946)\t1946-12-19\tSecurity Council resolution 15 (1946)\tdate:undl;title:undl\n\
    ///             A/RES/nonsense\t\t\tseen:undl\n";
    /// match Registry::from_tsv(text) {
    ///     Err(RegistryError::Malformed { line, expected, found }) => {
    ///         assert_eq!(line, 3);
    ///         assert_eq!(found, "A/RES/nonsense");
    ///         assert!(expected.contains("symbol"));
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn from_tsv(text: &str) -> Result<Registry, RegistryError> {
        let mut registry = Registry::new();
        let mut first_line: BTreeMap<Symbol, usize> = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            if let Some(entry) = parse_line(line, raw)? {
                if let Some(first) = first_line.get(&entry.symbol) {
                    return Err(RegistryError::Duplicate {
                        line,
                        symbol: entry.symbol.to_string(),
                        first: *first,
                    });
                }
                first_line.insert(entry.symbol.clone(), line);
                registry.insert_parsed(entry);
            }
        }
        Ok(registry)
    }

    /// Reads what can be read of a registry text: every good line, and an
    /// error for every bad one (a repeated symbol keeps its first line).
    ///
    /// ```
    /// use resgraph_registry::Registry;
    ///
    /// let text = "A/RES/76/19\t2021-12-06\t\tdate:undl\nbroken line\nA/RES/76/19\t\t\tseen:undl\n";
    /// let (registry, errors) = Registry::from_tsv_lenient(text);
    /// assert_eq!(registry.len(), 1);
    /// let lines: Vec<usize> = errors.iter().map(|e| e.line()).collect();
    /// assert_eq!(lines, [2, 3]);
    /// ```
    pub fn from_tsv_lenient(text: &str) -> (Registry, Vec<RegistryError>) {
        let mut registry = Registry::new();
        let mut errors = Vec::new();
        let mut first_line: BTreeMap<Symbol, usize> = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            match parse_line(line, raw) {
                Ok(Some(entry)) => {
                    if let Some(first) = first_line.get(&entry.symbol) {
                        errors.push(RegistryError::Duplicate {
                            line,
                            symbol: entry.symbol.to_string(),
                            first: *first,
                        });
                        continue;
                    }
                    first_line.insert(entry.symbol.clone(), line);
                    registry.insert_parsed(entry);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        (registry, errors)
    }

    /// Writes the entries in the `registry.tsv` format, with a heading
    /// line, in chronological order. [`Registry::from_tsv`] reads it back
    /// to the same entries.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// registry.add_title("A/DEC/75/564".parse().unwrap(), "Open-ended working group\ton ICT", Source::Igov);
    /// assert_eq!(
    ///     registry.to_tsv(),
    ///     "#symbol\tadopted\ttitle\tsources\nA/DEC/75/564\t\tOpen-ended working group\\ton ICT\ttitle:igov\n"
    /// );
    /// ```
    pub fn to_tsv(&self) -> String {
        let mut out = String::with_capacity(self.entries.len() * 96);
        out.push_str(REGISTRY_HEADER);
        out.push('\n');
        for entry in self.entries.values() {
            out.push_str(&entry.symbol.to_string());
            out.push('\t');
            if let Some(date) = entry.adopted {
                out.push_str(&date.to_string());
            }
            out.push('\t');
            if let Some(title) = &entry.title {
                out.push_str(&tsv::escape(title));
            }
            out.push('\t');
            out.push_str(&entry.sources.to_string());
            out.push('\n');
        }
        out
    }

    /// Reads draft-to-resolution links (`draft<TAB>resolution` lines, as
    /// in `adopted_from.tsv`) into the registry; returns how many were
    /// new.
    ///
    /// # Errors
    ///
    /// The first malformed line, as a [`RegistryError`] with its line
    /// number; links read before it are kept.
    ///
    /// ```
    /// use resgraph_registry::Registry;
    /// let mut registry = Registry::new();
    /// let added = registry.load_adopted_from("#draft\tresolution\nA/C.3/78/L.49/Rev.1\tA/RES/78/213\n")?;
    /// assert_eq!(added, 1);
    /// let resolution = "A/RES/78/213".parse().unwrap();
    /// assert_eq!(registry.adopted_from(&resolution)[0].to_string(), "A/C.3/78/L.49/Rev.1");
    /// # Ok::<(), resgraph_registry::RegistryError>(())
    /// ```
    pub fn load_adopted_from(&mut self, text: &str) -> Result<usize, RegistryError> {
        let mut added = 0;
        for record in tsv::records(text, "2 tab-separated fields: draft, resolution") {
            let (line, [draft, resolution]) = record?;
            let draft: Symbol = draft.parse().map_err(|_| {
                RegistryError::malformed(line, "a UN document symbol for the draft", draft)
            })?;
            let resolution: Symbol = resolution.parse().map_err(|_| {
                RegistryError::malformed(
                    line,
                    "a resolution or decision symbol for what the draft was adopted as",
                    resolution,
                )
            })?;
            if self.add_adoption_link(draft, resolution) {
                added += 1;
            }
        }
        Ok(added)
    }

    /// Reads date conflicts in the `conflicts.tsv` format (`symbol, kept,
    /// kept_source, other, other_source`; `#` lines are headings) and adds
    /// them to [`Registry::conflicts`]; returns how many were read.
    ///
    /// # Errors
    ///
    /// The first malformed line, with its number and what was expected.
    ///
    /// ```
    /// use resgraph_registry::Registry;
    /// let mut registry = Registry::new();
    /// let n = registry.load_conflicts(
    ///     "#symbol\tkept\tkept_source\tother\tother_source\nA/RES/62/249\t2008-04-15\tundl\t2008-04-14\tunvotes\n",
    /// )?;
    /// assert_eq!(n, 1);
    /// assert_eq!(registry.date_conflicts(&"A/RES/62/249".parse().unwrap()).len(), 1);
    /// # Ok::<(), resgraph_registry::RegistryError>(())
    /// ```
    pub fn load_conflicts(&mut self, text: &str) -> Result<usize, RegistryError> {
        let mut added = 0;
        for record in tsv::records(
            text,
            "5 tab-separated fields: symbol, kept, kept_source, other, other_source",
        ) {
            let (line, [symbol, kept, kept_source, other, other_source]) = record?;
            let date = |text: &str| {
                text.parse::<Date>()
                    .map_err(|_| RegistryError::malformed(line, "a date YYYY-MM-DD", text))
            };
            let source = |text: &str| {
                text.parse::<Source>()
                    .map_err(|_| RegistryError::malformed(line, "a source tag", text))
            };
            self.conflicts.push(Conflict {
                symbol: symbol.parse().map_err(|_| {
                    RegistryError::malformed(line, "a resolution or decision symbol", symbol)
                })?,
                kept: date(kept)?,
                kept_source: source(kept_source)?,
                other: date(other)?,
                other_source: source(other_source)?,
            });
            added += 1;
        }
        Ok(added)
    }

    /// The recorded disagreements about a symbol's adoption date.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// // The UN Digital Library and unvotes disagree; neither is the 15 May
    /// // 2008 the citing texts give.
    /// let disputed = registry.date_conflicts(&"A/RES/62/249".parse().unwrap());
    /// assert!(!disputed.is_empty());
    /// ```
    pub fn date_conflicts(&self, symbol: &Symbol) -> Vec<&Conflict> {
        self.conflicts
            .iter()
            .filter(|c| &c.symbol == symbol)
            .collect()
    }

    /// Records that `source` lists every resolution of a GA session (the
    /// registry builder decides this; see [`CompleteSession`]). A second
    /// call for the same session keeps the first.
    pub fn mark_complete(&mut self, complete: CompleteSession) {
        self.complete.entry(complete.session).or_insert(complete);
    }

    /// The source that lists a GA session whole, if one does: only then is
    /// a resolution number beyond [`CompleteSession::highest`] impossible.
    pub fn complete_session(&self, session: GaSession) -> Option<&CompleteSession> {
        self.complete.get(&session)
    }

    /// Writes the sessions listed whole as `session, source, highest,
    /// numbers_held, highest_adopted` lines under a heading.
    ///
    /// ```
    /// use resgraph_registry::{CompleteSession, GaSession, Registry, Source};
    /// let mut registry = Registry::new();
    /// registry.mark_complete(CompleteSession {
    ///     session: GaSession::Regular(77),
    ///     source: "akn-ga".parse().unwrap(),
    ///     highest: 338,
    ///     numbers_held: 338,
    ///     highest_adopted: "2023-09-01".parse().unwrap(),
    /// });
    /// let text = registry.complete_sessions_to_tsv();
    /// assert!(text.ends_with("77\takn-ga\t338\t338\t2023-09-01\n"));
    /// let mut again = Registry::new();
    /// again.load_complete_sessions(&text)?;
    /// assert_eq!(again.complete_session(GaSession::Regular(77)).unwrap().highest, 338);
    /// # Ok::<(), resgraph_registry::RegistryError>(())
    /// ```
    pub fn complete_sessions_to_tsv(&self) -> String {
        let mut out = format!("{COMPLETE_SESSIONS_HEADER}\n");
        for c in self.complete.values() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                c.session.modern(),
                c.source,
                c.highest,
                c.numbers_held,
                c.highest_adopted
            ));
        }
        out
    }

    /// Reads sessions listed whole in the `complete_sessions.tsv` format
    /// (see [`Registry::complete_sessions_to_tsv`]); returns how many.
    ///
    /// # Errors
    ///
    /// The first malformed line, with its number and what was expected.
    pub fn load_complete_sessions(&mut self, text: &str) -> Result<usize, RegistryError> {
        let mut added = 0;
        for record in tsv::records(
            text,
            "5 tab-separated fields: session, source, highest, numbers_held, highest_adopted",
        ) {
            let (line, [session, source, highest, held, adopted]) = record?;
            let number = |text: &str| {
                text.parse::<u32>()
                    .map_err(|_| RegistryError::malformed(line, "a whole number", text))
            };
            let session = session
                .parse::<u16>()
                .ok()
                .filter(|n| *n > 0)
                .map(GaSession::Regular)
                .ok_or_else(|| {
                    RegistryError::malformed(line, "a regular GA session number", session)
                })?;
            self.mark_complete(CompleteSession {
                session,
                source: source
                    .parse()
                    .map_err(|_| RegistryError::malformed(line, "a source tag", source))?,
                highest: number(highest)?,
                numbers_held: number(held)?,
                highest_adopted: adopted
                    .parse()
                    .map_err(|_| RegistryError::malformed(line, "a date YYYY-MM-DD", adopted))?,
            });
            added += 1;
        }
        Ok(added)
    }

    /// Writes the draft-to-resolution links as `draft<TAB>resolution`
    /// lines under a heading, ordered by draft.
    pub fn adopted_from_to_tsv(&self) -> String {
        let mut out = String::from("#draft\tresolution\n");
        for (draft, results) in &self.adopted {
            for result in results {
                out.push_str(&format!("{draft}\t{result}\n"));
            }
        }
        out
    }

    /// Writes the recorded date conflicts as `symbol, kept, kept_source,
    /// other, other_source` lines under a heading, ordered by symbol.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// let sym: resgraph_registry::Symbol = "A/RES/61/11".parse().unwrap();
    /// registry.add_evidence(sym.clone(), "2006-11-08".parse().unwrap(), Source::Undl);
    /// registry.add_evidence(sym, "2006-11-01".parse().unwrap(), Source::Unvotes);
    /// assert_eq!(
    ///     registry.conflicts_to_tsv(),
    ///     "#symbol\tkept\tkept_source\tother\tother_source\nA/RES/61/11\t2006-11-08\tundl\t2006-11-01\tunvotes\n"
    /// );
    /// ```
    pub fn conflicts_to_tsv(&self) -> String {
        let mut conflicts: Vec<&Conflict> = self.conflicts.iter().collect();
        conflicts.sort_by(|a, b| a.symbol.cmp(&b.symbol));
        let mut out = String::from("#symbol\tkept\tkept_source\tother\tother_source\n");
        for c in conflicts {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                c.symbol, c.kept, c.kept_source, c.other, c.other_source
            ));
        }
        out
    }

    /// Writes, for each General Assembly session, the highest resolution
    /// number in the registry, the source of that resolution's entry, its
    /// symbol, and how many distinct resolution numbers of the session the
    /// registry knows: `session, max_number, source, symbol, known`.
    ///
    /// For sessions 1 to 30 (and the early special sessions) resolutions
    /// were numbered across sessions (`2625 (XXV)`), so `max_number` is a
    /// running number there, not a count.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// registry.add_seen("A/RES/78/183 B".parse().unwrap(), Source::Marc993);
    /// registry.add_title("A/RES/78/16".parse().unwrap(), "Programme of action", Source::Metadata7880);
    /// assert_eq!(
    ///     registry.session_counts_to_tsv(),
    ///     "#session\tmax_number\tsource\tsymbol\tknown\n78\t183\tmarc-993\tA/RES/78/183 B\t2\n"
    /// );
    /// ```
    pub fn session_counts_to_tsv(&self) -> String {
        let mut known: BTreeMap<GaSession, std::collections::BTreeSet<u32>> = BTreeMap::new();
        for symbol in self.entries.keys() {
            if let Symbol::GaResolution {
                session, number, ..
            } = symbol
            {
                known.entry(*session).or_default().insert(*number);
            }
        }
        let mut out = String::from("#session\tmax_number\tsource\tsymbol\tknown\n");
        for (session, symbol) in &self.session_max {
            let number = symbol.number().unwrap_or(0);
            let source = self
                .entries
                .get(symbol)
                .and_then(|e| e.sources.primary())
                .map_or_else(String::new, |s| s.to_string());
            let count = known.get(session).map_or(0, |set| set.len());
            out.push_str(&format!(
                "{}\t{number}\t{source}\t{symbol}\t{count}\n",
                session.modern()
            ));
        }
        out
    }

    /// The entry for a symbol.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let entry = registry.get(&"A/RES/78/16".parse().unwrap()).unwrap();
    /// assert_eq!(entry.adopted.unwrap().to_string(), "2023-12-04");
    /// ```
    pub fn get(&self, symbol: &Symbol) -> Option<&Entry> {
        self.entries.get(symbol)
    }

    /// The adoption date of a symbol, if known.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let date = registry.adoption_date(&"A/DEC/75/564".parse().unwrap());
    /// assert!(date.is_some());
    /// ```
    pub fn adoption_date(&self, symbol: &Symbol) -> Option<Date> {
        self.entries.get(symbol)?.adopted
    }

    /// The title of a symbol, if known.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let title = registry.title(&"A/RES/377 A (V)".parse().unwrap());
    /// assert_eq!(title, Some("Uniting for peace"));
    /// // Adopted without a vote and cited by no metadata file: unknown.
    /// assert_eq!(registry.title(&"A/RES/2625 (XXV)".parse().unwrap()), None);
    /// ```
    pub fn title(&self, symbol: &Symbol) -> Option<&str> {
        self.entries.get(symbol)?.title.as_deref()
    }

    /// The highest resolution number the registry knows for a General
    /// Assembly session, with the source of that resolution's entry: a
    /// lower bound on how many resolutions the session adopted (for the
    /// sessions numbered `session/number`, 31 on).
    ///
    /// ```
    /// use resgraph_registry::{GaSession, Registry};
    /// let registry = Registry::bundled_ref();
    /// let (n, source) = registry.max_number(GaSession::Regular(79)).unwrap();
    /// assert!(n >= 334, "{n} from {source}");
    /// assert_eq!(registry.max_number(GaSession::Regular(999)), None);
    /// ```
    pub fn max_number(&self, session: GaSession) -> Option<(u32, &Source)> {
        let symbol = self.session_max.get(&session)?;
        let source = self.entries.get(symbol)?.sources.primary()?;
        Some((symbol.number()?, source))
    }

    /// Every General Assembly session the registry knows resolutions of,
    /// with [`Registry::max_number`] for each, in session order.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// assert!(registry.session_maxima().count() > 70);
    /// ```
    pub fn session_maxima(&self) -> impl Iterator<Item = (GaSession, u32, &Source)> + '_ {
        self.session_max
            .keys()
            .filter_map(|session| self.max_number(*session).map(|(n, s)| (*session, n, s)))
    }

    /// The drafts a resolution (or decision) was adopted from.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let drafts = registry.adopted_from(&"A/RES/78/213".parse().unwrap());
    /// assert_eq!(drafts[0].to_string(), "A/C.3/78/L.49/Rev.1");
    /// ```
    pub fn adopted_from(&self, resolution: &Symbol) -> &[Symbol] {
        self.drafts.get(resolution).map_or(&[], Vec::as_slice)
    }

    /// The resolutions (or decisions) a draft was adopted as: usually one,
    /// two for a draft adopted as parts A and B.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let adopted = registry.adopted_as(&"A/C.3/78/L.72".parse().unwrap());
    /// assert_eq!(adopted[0].to_string(), "A/DEC/78/539");
    /// ```
    pub fn adopted_as(&self, draft: &Symbol) -> &[Symbol] {
        self.adopted.get(draft).map_or(&[], Vec::as_slice)
    }

    /// Records that `draft` was adopted as `resolution`; false if the link
    /// was already known.
    ///
    /// ```
    /// use resgraph_registry::Registry;
    /// let mut registry = Registry::new();
    /// let (d, r) = ("A/C.1/77/L.73".parse().unwrap(), "A/RES/77/37".parse().unwrap());
    /// assert!(registry.add_adoption_link(d, r));
    /// assert_eq!(registry.adopted_as(&"A/C.1/77/L.73".parse().unwrap()).len(), 1);
    /// ```
    pub fn add_adoption_link(&mut self, draft: Symbol, resolution: Symbol) -> bool {
        let results = self.adopted.entry(draft.clone()).or_default();
        if results.contains(&resolution) {
            return false;
        }
        results.push(resolution.clone());
        results.sort();
        let drafts = self.drafts.entry(resolution).or_default();
        drafts.push(draft);
        drafts.sort();
        true
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in the chronological order of their symbols.
    ///
    /// ```
    /// let registry = resgraph_registry::Registry::bundled_ref();
    /// let first = registry.iter().next().unwrap();
    /// assert_eq!(first.symbol.approximate_year(), Some(1946));
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.values()
    }

    /// The date conflicts recorded while evidence was added, in the order
    /// they arose.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Adds a date for a symbol from a source.
    ///
    /// A symbol without a date takes it. A date equal to the one held adds
    /// the source to the date's sources. A different date replaces the one
    /// held only if its source is more trusted ([`Source::date_rank`]), or
    /// equally trusted and earlier (a resolution adopted in parts at
    /// several meetings was first adopted at the earliest); either way
    /// the disagreement is recorded as a [`Conflict`].
    ///
    /// ```
    /// use resgraph_registry::{Evidence, Registry, Source};
    /// let mut registry = Registry::new();
    /// let sym: resgraph_registry::Symbol = "A/RES/78/16".parse().unwrap();
    /// let day = |s: &str| s.parse().unwrap();
    /// assert_eq!(registry.add_evidence(sym.clone(), day("2023-12-04"), Source::Undl), Evidence::New);
    /// assert_eq!(registry.add_evidence(sym.clone(), day("2023-12-04"), Source::TextHeading), Evidence::Agreed);
    /// assert_eq!(
    ///     registry.add_evidence(sym.clone(), day("2023-12-01"), Source::Unvotes),
    ///     Evidence::Conflict { kept: day("2023-12-04") }
    /// );
    /// assert_eq!(registry.get(&sym).unwrap().sources.to_string(), "date:text-heading,undl;seen:unvotes");
    /// ```
    pub fn add_evidence(&mut self, symbol: Symbol, date: Date, source: Source) -> Evidence {
        self.note_session(&symbol);
        let existed = self.entries.contains_key(&symbol);
        let entry = self
            .entries
            .entry(symbol.clone())
            .or_insert_with(|| Entry::empty(symbol.clone()));
        let Some(current) = entry.adopted else {
            entry.adopted = Some(date);
            entry.sources.date = vec![source];
            entry.sources.tidy();
            return if existed {
                Evidence::Filled
            } else {
                Evidence::New
            };
        };
        if current == date {
            if !entry.sources.date.contains(&source) {
                entry.sources.date.push(source);
                entry.sources.date.sort_by_key(Source::date_rank);
                entry.sources.tidy();
            }
            return Evidence::Agreed;
        }
        let best = entry.sources.date.first().cloned();
        let best_rank = best.as_ref().map_or(u8::MAX, Source::date_rank);
        let rank = source.date_rank();
        if rank < best_rank || (rank == best_rank && date < current) {
            let previous = std::mem::replace(&mut entry.sources.date, vec![source.clone()]);
            entry.adopted = Some(date);
            for old in previous {
                self.conflicts.push(Conflict {
                    symbol: symbol.clone(),
                    kept: date,
                    kept_source: source.clone(),
                    other: current,
                    other_source: old.clone(),
                });
                entry.sources.seen.push(old);
            }
            entry.sources.tidy();
            Evidence::Replaced { previous: current }
        } else {
            self.conflicts.push(Conflict {
                symbol,
                kept: current,
                kept_source: best.unwrap_or_else(|| Source::Other("unknown".into())),
                other: date,
                other_source: source.clone(),
            });
            entry.sources.seen.push(source);
            entry.sources.tidy();
            Evidence::Conflict { kept: current }
        }
    }

    /// Adds a title for a symbol from a source; returns whether it is now
    /// the title shown.
    ///
    /// The title is trimmed; an empty one is ignored. A title held from a
    /// more or equally trusted source ([`Source::title_rank`]) is kept,
    /// and the new source is listed as having seen the symbol.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// let sym: resgraph_registry::Symbol = "A/RES/78/16".parse().unwrap();
    /// assert!(registry.add_title(sym.clone(), "Programme of action (metadata)", Source::Metadata7880));
    /// assert!(registry.add_title(sym.clone(), "Programme of action (UNDL)", Source::Undl));
    /// assert!(!registry.add_title(sym.clone(), "PROGRAMME OF ACTION", Source::Unvotes));
    /// assert_eq!(registry.title(&sym), Some("Programme of action (UNDL)"));
    /// ```
    pub fn add_title(&mut self, symbol: Symbol, title: &str, source: Source) -> bool {
        let title = title.trim();
        if title.is_empty() {
            return false;
        }
        self.note_session(&symbol);
        let entry = self
            .entries
            .entry(symbol.clone())
            .or_insert_with(|| Entry::empty(symbol));
        let current_rank = match (&entry.title, &entry.sources.title) {
            (None, _) => u8::MAX,
            (Some(_), Some(s)) => s.title_rank(),
            (Some(_), None) => Source::Other(String::new()).title_rank(),
        };
        let used = source.title_rank() < current_rank;
        if used {
            entry.title = Some(title.to_string());
            if let Some(old) = entry.sources.title.replace(source) {
                entry.sources.seen.push(old);
            }
        } else {
            entry.sources.seen.push(source);
        }
        entry.sources.tidy();
        used
    }

    /// Records that a source lists a symbol without a date or title that
    /// is used (adding the symbol if it is new).
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// registry.add_seen("A/RES/78/183 A".parse().unwrap(), Source::Marc993);
    /// assert_eq!(registry.iter().next().unwrap().sources.to_string(), "seen:marc-993");
    /// ```
    pub fn add_seen(&mut self, symbol: Symbol, source: Source) {
        self.note_session(&symbol);
        let entry = self
            .entries
            .entry(symbol.clone())
            .or_insert_with(|| Entry::empty(symbol));
        entry.sources.seen.push(source);
        entry.sources.tidy();
    }

    /// Adds everything another registry knows: each of its dates with
    /// each of their sources (through [`Registry::add_evidence`], so that
    /// conflicts are recorded), its titles, the sources that saw its
    /// symbols, its links and its recorded conflicts.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut a = Registry::from_tsv("A/RES/53/70\t\t\tseen:unvotes\n").unwrap();
    /// let b = Registry::from_tsv("A/RES/53/70\t1998-12-04\t\tdate:cited-by-texts(2)\n").unwrap();
    /// a.merge(b);
    /// let entry = a.iter().next().unwrap();
    /// assert_eq!(entry.adopted.unwrap().to_string(), "1998-12-04");
    /// assert_eq!(entry.sources.to_string(), "date:cited-by-texts(2);seen:unvotes");
    /// ```
    pub fn merge(&mut self, other: Registry) {
        for (symbol, entry) in other.entries {
            if let Some(date) = entry.adopted {
                for source in entry.sources.date {
                    self.add_evidence(symbol.clone(), date, source);
                }
            }
            if let Some(title) = entry.title {
                let source = entry
                    .sources
                    .title
                    .unwrap_or_else(|| Source::Other("unknown".into()));
                self.add_title(symbol.clone(), &title, source);
            }
            for source in entry.sources.seen {
                self.add_seen(symbol.clone(), source);
            }
        }
        for (draft, results) in other.adopted {
            for result in results {
                self.add_adoption_link(draft.clone(), result);
            }
        }
        self.conflicts.extend(other.conflicts);
        for complete in other.complete.into_values() {
            self.mark_complete(complete);
        }
    }

    /// Fills missing adoption dates from the dates citing texts give.
    ///
    /// `cited` holds one `(symbol, date)` pair per citing text that gives
    /// a date for the symbol ("resolution 53/70 of 4 December 1998"). For
    /// every symbol without an adoption date (including symbols not yet in
    /// the registry), the date most texts agree on is taken (ties go to
    /// the earliest date), with source `cited-by-texts(n)`, `n` the number
    /// of texts giving it; dates given by fewer texts are recorded as
    /// conflicts. Symbols that have a date are left alone. Returns how
    /// many symbols got a date.
    ///
    /// ```
    /// use resgraph_registry::{Registry, Source};
    /// let mut registry = Registry::new();
    /// let sym: resgraph_registry::Symbol = "A/RES/53/70".parse().unwrap();
    /// let day = |s: &str| s.parse().unwrap();
    /// let cited = vec![
    ///     (sym.clone(), day("1998-12-04")),
    ///     (sym.clone(), day("1998-12-04")),
    ///     (sym.clone(), day("1998-12-14")),
    /// ];
    /// assert_eq!(registry.fill_from_citations(cited), 1);
    /// let entry = registry.get(&sym).unwrap();
    /// assert_eq!(entry.adopted, Some(day("1998-12-04")));
    /// assert_eq!(entry.sources.date, [Source::CitedByTexts(2)]);
    /// assert_eq!(registry.conflicts().len(), 1);
    /// ```
    pub fn fill_from_citations(
        &mut self,
        cited: impl IntoIterator<Item = (Symbol, Date)>,
    ) -> usize {
        let mut tallies: BTreeMap<Symbol, BTreeMap<Date, u32>> = BTreeMap::new();
        for (symbol, date) in cited {
            if self.adoption_date(&symbol).is_none() {
                *tallies.entry(symbol).or_default().entry(date).or_default() += 1;
            }
        }
        let mut filled = 0;
        for (symbol, counts) in tallies {
            let Some((date, n)) =
                resgraph_core::date::majority(counts.iter().map(|(d, n)| (*d, *n)))
            else {
                continue;
            };
            self.add_evidence(symbol.clone(), date, Source::CitedByTexts(n));
            for (other, m) in counts {
                if other != date {
                    self.conflicts.push(Conflict {
                        symbol: symbol.clone(),
                        kept: date,
                        kept_source: Source::CitedByTexts(n),
                        other,
                        other_source: Source::CitedByTexts(m),
                    });
                }
            }
            filled += 1;
        }
        filled
    }

    /// Keeps `session_max` up to date for a symbol about to be added.
    fn note_session(&mut self, symbol: &Symbol) {
        let Symbol::GaResolution {
            session, number, ..
        } = symbol
        else {
            return;
        };
        match self.session_max.get(session) {
            Some(held)
                if held.number().unwrap_or(0) > *number
                    || (held.number() == Some(*number) && held <= symbol) => {}
            _ => {
                self.session_max.insert(*session, symbol.clone());
            }
        }
    }

    fn insert_parsed(&mut self, entry: Entry) {
        self.note_session(&entry.symbol);
        self.entries.insert(entry.symbol.clone(), entry);
    }
}

impl<'a> IntoIterator for &'a Registry {
    type Item = &'a Entry;
    type IntoIter = std::collections::btree_map::Values<'a, Symbol, Entry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.values()
    }
}

/// Reads one line of `registry.tsv`: `None` for a comment or empty line.
fn parse_line(line: usize, raw: &str) -> Result<Option<Entry>, RegistryError> {
    if raw.trim().is_empty() || raw.starts_with('#') {
        return Ok(None);
    }
    let fields: Vec<&str> = raw.split('\t').collect();
    let [symbol, adopted, title, sources] = fields[..] else {
        return Err(RegistryError::malformed(
            line,
            "4 tab-separated fields: symbol, adopted, title, sources",
            raw,
        ));
    };
    let symbol: Symbol = symbol.parse().map_err(|_| {
        RegistryError::malformed(
            line,
            "a resolution or decision symbol in the first field",
            symbol,
        )
    })?;
    let adopted = match adopted {
        "" => None,
        text => Some(text.parse::<Date>().map_err(|_| {
            RegistryError::malformed(
                line,
                "an adoption date in YYYY-MM-DD form, or nothing, in the second field",
                text,
            )
        })?),
    };
    let title = match title {
        "" => None,
        text => Some(tsv::unescape(text).ok_or_else(|| {
            RegistryError::malformed(
                line,
                "a title in the third field whose backslashes escape only \\t, \\n, \\r or \\\\",
                text,
            )
        })?),
    };
    let sources: Sources = sources.parse().map_err(|_| {
        RegistryError::malformed(
            line,
            "sources in the fourth field, as date:a,b;title:c;seen:d",
            sources,
        )
    })?;
    if sources.is_empty() {
        return Err(RegistryError::malformed(
            line,
            "at least one source in the fourth field",
            raw,
        ));
    }
    let has_date_source = !sources.date.is_empty();
    if adopted.is_some() != has_date_source {
        return Err(RegistryError::malformed(
            line,
            "a date: source exactly when there is an adoption date",
            raw,
        ));
    }
    if title.is_some() != sources.title.is_some() {
        return Err(RegistryError::malformed(
            line,
            "a title: source exactly when there is a title",
            raw,
        ));
    }
    Ok(Some(Entry {
        symbol,
        adopted,
        title,
        sources,
    }))
}
