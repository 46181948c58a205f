//! Building a registry from the source metadata files.
//!
//! [`build`] takes the texts of the metadata files ([`Inputs`]) and
//! returns the [`Registry`] with a [`Report`] of what was used, what was
//! left out and why. The `build_registry` binary reads the files from a
//! data folder, calls this, and writes `data/registry/`.
//!
//! The rules, in the order they are applied:
//!
//! 1. Adoption dates printed in resolution texts (`adopted_on` of the
//!    session 78-80 and ICT lineage metadata) with source `text-heading`;
//!    their titles, less the `78/16. ` prefix, as `metadata-78-80` and
//!    `metadata-ict-73-77`.
//! 2. The UN Digital Library voting registry: vote date and catalogue
//!    title (tail `: resolution / adopted by the General Assembly`
//!    removed) as `undl`. A record about a section of a resolution
//!    (`A/RES/33/116[B-IX]`) gives its date to the resolution (or part);
//!    its title only if all section records of that resolution agree on
//!    one once a trailing `[...]` qualifier is removed.
//! 3. GA decisions from the iGov export: meeting date (`igov`; the
//!    earliest, `igov-earliest`, where several meetings are listed; the
//!    empty date 1969-12-31 is ignored) and title.
//! 4. MARC 993 links (`ind1` 1) from drafts to what they were adopted as;
//!    each target is listed as seen by `marc-993`.
//! 5. unvotes roll calls on a resolution as a whole (`amend` and `para`
//!    0 or empty). Per session, the resolution numbers are checked against
//!    the UN Digital Library (for sessions 1-30 the number must fall
//!    between the numbers of the neighbouring sessions; from 31 the
//!    resolution must exist there): a session where fewer than half check
//!    out is left out (its `unres` are not resolution numbers). The dates
//!    are compared in the same way: where most disagree, the session's
//!    dates are not used, and its rows only mark resolutions already
//!    known as seen by `unvotes`. Titles come from mixed-case
//!    descriptions only.
//!
//! 6. The registries of the UN's AKN4UN XML (`registry.tsv` of the GA,
//!    HRC, ECOSOC and SC folders): adoption date (only where the XML's
//!    two statements of it agree; the folders leave it empty otherwise)
//!    and printed title, as `akn-ga`, `akn-hrc`, `akn-ecosoc`, `akn-sc`.
//!    A part range (`A/RES/75/101 A-B`) counts for each part. ECOSOC
//!    symbols carry the Council's session year, not the calendar year of
//!    adoption (E/RES/2021/1 was adopted in July 2020): taken as written.
//! 7. Complete sessions ([`complete_session`]): a collection of a
//!    session's texts (the session 73-80 metadata, the GA XML) that holds
//!    nearly every number up to its highest, whose highest was adopted in
//!    the session's last weeks, and beyond which no other source knows a
//!    number, lists that session whole.
//!
//! Where sources give different dates the more trusted wins
//! ([`Source::date_rank`]) and the disagreement is kept
//! ([`Registry::conflicts`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use resgraph_symbol::{GaSession, GaStyle, Symbol};

use crate::convert::{
    clean_metadata_title, clean_undl_title, collapse_spaces, parse_printed_date, undl_symbol,
    unvotes_symbol, unvotes_title, CsvTable,
};
use resgraph_registry::{AknCollection, CompleteSession, Date, Registry, Source};

/// The UN Digital Library voting registry, relative to the data folder.
pub const UNDL_VOTING: &str = "undl-voting-registry/undl_voting_resolutions.csv";
/// The unvotes roll calls.
pub const UNVOTES_ROLL_CALLS: &str = "unvotes/un_roll_calls.csv";
/// The Voeten descriptions of sessions 1-70 (a cross-check of the roll
/// calls).
pub const VOETEN_DESCRIPTIONS: &str = "unvotes/voeten_descriptions_1_70.csv";
/// The metadata of the session 78-80 texts.
pub const METADATA_78_80: &str = "ga-78-80-texts/metadata.csv";
/// The metadata of the ICT lineage texts of sessions 73-77.
pub const METADATA_ICT: &str = "ga-ict-lineage-73-77/metadata.csv";
/// The iGov GA decisions of sessions 71-80.
pub const DECISIONS: &str = "ga-decisions-71-80/decisions.csv";
/// The MARC 993 links of Third Committee drafts, session 78.
pub const MARC_993: &str = "undl-marc/session_78_committee_3_drafts_993.csv";

/// The registry of the GA resolutions' AKN4UN XML, sessions 75-77.
pub const AKN_GA: &str = "ga-xml-75-77/registry.tsv";
/// The registry of the Human Rights Council resolutions' XML, sessions 54-60.
pub const AKN_HRC: &str = "hrc-xml-54-60/registry.tsv";
/// The registry of the ECOSOC resolutions' XML, 2021-2025.
pub const AKN_ECOSOC: &str = "ecosoc-xml-2021-2025/registry.tsv";
/// The registry of the Security Council resolutions' XML, 2016-2026.
pub const AKN_SC: &str = "sc-xml-2016-2026/registry.tsv";

/// The XML registry file of each AKN4UN collection.
pub fn akn_file(collection: AknCollection) -> &'static str {
    match collection {
        AknCollection::GeneralAssembly => AKN_GA,
        AknCollection::HumanRightsCouncil => AKN_HRC,
        AknCollection::Ecosoc => AKN_ECOSOC,
        AknCollection::SecurityCouncil => AKN_SC,
    }
}

/// Every input file, relative to the data folder, in reading order.
pub const ALL_FILES: [&str; 11] = [
    METADATA_78_80,
    METADATA_ICT,
    UNDL_VOTING,
    DECISIONS,
    MARC_993,
    UNVOTES_ROLL_CALLS,
    VOETEN_DESCRIPTIONS,
    AKN_GA,
    AKN_HRC,
    AKN_ECOSOC,
    AKN_SC,
];

/// The iGov export's stand-in for a missing meeting date.
const EMPTY_IGOV_DATE: Date = Date {
    year: 1969,
    month: 12,
    day: 31,
};

/// The texts of the metadata files; any may be missing.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// [`UNDL_VOTING`]
    pub undl_voting: Option<String>,
    /// [`UNVOTES_ROLL_CALLS`]
    pub unvotes_roll_calls: Option<String>,
    /// [`VOETEN_DESCRIPTIONS`]
    pub voeten_descriptions: Option<String>,
    /// [`METADATA_78_80`]
    pub metadata_78_80: Option<String>,
    /// [`METADATA_ICT`]
    pub metadata_ict: Option<String>,
    /// [`DECISIONS`]
    pub decisions: Option<String>,
    /// [`MARC_993`]
    pub marc_993: Option<String>,
    /// The XML registries, in the order of [`AknCollection::ALL`]
    /// ([`akn_file`] names each).
    pub akn: [Option<String>; 4],
}

impl Inputs {
    /// Reads whichever of the files exist under a data folder.
    ///
    /// # Errors
    ///
    /// A file that exists but cannot be read (or is not UTF-8).
    pub fn from_dir(dir: &Path) -> std::io::Result<Inputs> {
        let read = |name: &str| -> std::io::Result<Option<String>> {
            let path = dir.join(name);
            if path.exists() {
                std::fs::read_to_string(path).map(Some)
            } else {
                Ok(None)
            }
        };
        Ok(Inputs {
            undl_voting: read(UNDL_VOTING)?,
            unvotes_roll_calls: read(UNVOTES_ROLL_CALLS)?,
            voeten_descriptions: read(VOETEN_DESCRIPTIONS)?,
            metadata_78_80: read(METADATA_78_80)?,
            metadata_ict: read(METADATA_ICT)?,
            decisions: read(DECISIONS)?,
            marc_993: read(MARC_993)?,
            akn: [
                read(AKN_GA)?,
                read(AKN_HRC)?,
                read(AKN_ECOSOC)?,
                read(AKN_SC)?,
            ],
        })
    }
}

/// A source row that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file, as in [`ALL_FILES`].
    pub file: &'static str,
    /// The 1-based line the row starts on.
    pub line: usize,
    /// The value that could not be used (usually the symbol).
    pub value: String,
    /// Why.
    pub reason: String,
}

/// How far unvotes was trusted for one GA session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnvotesSession {
    /// The regular session.
    pub session: u16,
    /// Roll calls on whole resolutions with a readable `unres`.
    pub rows: usize,
    /// Of these, how many resolution numbers the UN Digital Library
    /// confirms.
    pub numbers_confirmed: usize,
    /// Whether the session's symbols were used at all.
    pub symbols_used: bool,
    /// Roll calls whose resolution has a UN Digital Library vote date.
    pub dates_checked: usize,
    /// Of these, how many give the same date.
    pub dates_agreeing: usize,
    /// Of these, how many give the same year and month.
    pub months_agreeing: usize,
    /// Whether the session's dates were used.
    pub dates_used: bool,
}

/// What [`build`] did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Data rows read, per file.
    pub rows: BTreeMap<&'static str, usize>,
    /// Rows that contributed to the registry, per file.
    pub used: BTreeMap<&'static str, usize>,
    /// Rows left out, with the reason.
    pub skipped: Vec<Skipped>,
    /// The per-session unvotes checks.
    pub unvotes_sessions: Vec<UnvotesSession>,
    /// Roll calls present in both unvotes files.
    pub voeten_compared: usize,
    /// rcids whose date or `unres` differs between the two unvotes files.
    pub voeten_mismatches: Vec<String>,
    /// Decision meeting dates ignored as the export's empty date.
    pub igov_empty_dates: usize,
    /// Every GA session a collection of texts covers, judged whole or not.
    pub listings: Vec<SessionListing>,
}

/// A collection of one GA session's texts, and whether it lists the
/// session whole ([`complete_session`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionListing {
    /// The file, as in [`ALL_FILES`].
    pub file: &'static str,
    /// The regular session.
    pub session: u16,
    /// The highest number the file holds for it.
    pub highest: u32,
    /// How many distinct numbers the file holds for it.
    pub numbers_held: u32,
    /// The adoption date of the highest-numbered resolution.
    pub highest_adopted: Date,
    /// `None` when the file lists the session whole, else why not.
    pub not_whole: Option<&'static str>,
}

/// The share of the numbers from 1 to the highest a collection must hold
/// to list its session whole, in percent: a few numbers are filed under
/// other names (the parts of a multi-part resolution, texts kept out).
pub const WHOLE_SESSION_SHARE: u32 = 95;

/// Whether a collection of one GA session's texts lists that session
/// whole, and if not why: the session is numbered `session/number` (31
/// on); the collection holds at least [`WHOLE_SESSION_SHARE`] percent of
/// the numbers from 1 to its highest; and its highest-numbered resolution
/// was adopted in the session's last weeks (from August of the year after
/// the one it opened in: session `n` opens in September `1945 + n`, and
/// sits until the next opens), so that the collection reaches the
/// session's end. [`build`] also checks that no other source knows a
/// higher number.
///
/// ```
/// use resgraph_registry::Date;
/// use resgraph_registry_build::build::complete_session;
///
/// let day = |s: &str| s.parse::<Date>().unwrap();
/// let all: Vec<u32> = (1..=328).collect();
/// assert_eq!(complete_session(75, &all, day("2021-09-13")), Ok(()));
/// // Session 80 was still sitting when its texts were collected.
/// let far: Vec<u32> = (1..=246).collect();
/// assert!(complete_session(80, &far, day("2025-12-30")).is_err());
/// // Recorded votes only: a third of the numbers.
/// let some: Vec<u32> = (1..=300).step_by(3).collect();
/// assert!(complete_session(60, &some, day("2006-09-12")).is_err());
/// ```
///
/// # Errors
///
/// Why the collection does not list the session whole.
pub fn complete_session(
    session: u16,
    numbers: &[u32],
    highest_adopted: Date,
) -> Result<(), &'static str> {
    if session < 31 {
        return Err("sessions before the 31st numbered resolutions across sessions");
    }
    let distinct: BTreeSet<u32> = numbers.iter().copied().collect();
    let Some(&highest) = distinct.last() else {
        return Err("no resolution");
    };
    let held = distinct.range(1..=highest).count() as u64;
    if held * 100 < u64::from(highest) * u64::from(WHOLE_SESSION_SHARE) {
        return Err("too many numbers below the highest are missing");
    }
    let session_end_month = Date {
        year: session.saturating_add(1946),
        month: 8,
        day: 1,
    };
    if highest_adopted < session_end_month {
        return Err("the highest number was adopted before the session's last weeks");
    }
    Ok(())
}

/// The GA resolutions of a collection of texts, per regular session: the
/// number and adoption date of each.
#[derive(Debug, Default)]
struct Collection {
    sessions: BTreeMap<u16, BTreeMap<u32, Date>>,
}

impl Collection {
    fn add(&mut self, symbol: &Symbol, date: Date) {
        if let Symbol::GaResolution {
            session: GaSession::Regular(session),
            number,
            style: GaStyle::Modern,
            ..
        } = symbol
        {
            let held = self.sessions.entry(*session).or_default();
            let kept = held.entry(*number).or_insert(date);
            // Parts adopted on several days: the number's first adoption.
            *kept = (*kept).min(date);
        }
    }
}

impl Report {
    fn read(&mut self, file: &'static str) {
        *self.rows.entry(file).or_default() += 1;
    }

    fn used(&mut self, file: &'static str) {
        *self.used.entry(file).or_default() += 1;
    }

    fn skip(&mut self, file: &'static str, line: usize, value: &str, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            file,
            line,
            value: value.chars().take(80).collect(),
            reason: reason.into(),
        });
    }
}

/// A built registry and the report of how it was built.
#[derive(Debug, Clone)]
pub struct Build {
    /// The registry, with its conflicts and draft links.
    pub registry: Registry,
    /// What was used and left out.
    pub report: Report,
}

/// Builds a registry from the metadata files (see the module
/// documentation for the rules).
///
/// ```
/// use resgraph_registry_build::build::{build, Inputs};
///
/// let inputs = Inputs {
///     undl_voting: Some(
///         "organ,symbol,vote_date,title,meeting_record,committee_reports,agenda,undl_record_id\n\
///          GA,A/RES/71/28,2016-12-05,Developments in the field of information and telecommunications in the context of international security : resolution / adopted by the General Assembly,A/71/PV.51,A/71/452,x,851177\n"
///             .into(),
///     ),
///     ..Inputs::default()
/// };
/// let built = build(&inputs);
/// let entry = built.registry.get(&"A/RES/71/28".parse().unwrap()).unwrap();
/// assert_eq!(entry.adopted.unwrap().to_string(), "2016-12-05");
/// assert_eq!(entry.sources.to_string(), "date:undl;title:undl");
/// assert!(entry.title.as_deref().unwrap().ends_with("international security"));
/// ```
pub fn build(inputs: &Inputs) -> Build {
    let mut registry = Registry::new();
    let mut report = Report::default();
    let mut collections: Vec<(&'static str, Source, Collection)> = Vec::new();
    if let Some(text) = &inputs.metadata_78_80 {
        let collection = read_text_metadata(
            &mut registry,
            &mut report,
            text,
            METADATA_78_80,
            Source::Metadata7880,
        );
        collections.push((METADATA_78_80, Source::TextHeading, collection));
    }
    if let Some(text) = &inputs.metadata_ict {
        let collection = read_text_metadata(
            &mut registry,
            &mut report,
            text,
            METADATA_ICT,
            Source::MetadataIct,
        );
        collections.push((METADATA_ICT, Source::TextHeading, collection));
    }
    let undl = match &inputs.undl_voting {
        Some(text) => read_undl(&mut registry, &mut report, text),
        None => UndlFacts::default(),
    };
    if let Some(text) = &inputs.decisions {
        read_decisions(&mut registry, &mut report, text);
    }
    if let Some(text) = &inputs.marc_993 {
        read_marc(&mut registry, &mut report, text);
    }
    if let Some(text) = &inputs.unvotes_roll_calls {
        read_unvotes(&mut registry, &mut report, text, &undl);
        if let Some(voeten) = &inputs.voeten_descriptions {
            compare_voeten(&mut report, text, voeten);
        }
    }
    for (collection, text) in AknCollection::ALL.into_iter().zip(&inputs.akn) {
        if let Some(text) = text {
            let held = read_akn(&mut registry, &mut report, text, collection);
            collections.push((akn_file(collection), Source::Akn(collection), held));
        }
    }
    mark_complete_sessions(&mut registry, &mut report, &collections);
    Build { registry, report }
}

/// Judges every session each collection covers ([`complete_session`]) and
/// marks those listed whole.
fn mark_complete_sessions(
    registry: &mut Registry,
    report: &mut Report,
    collections: &[(&'static str, Source, Collection)],
) {
    for (file, source, collection) in collections {
        for (&session, held) in &collection.sessions {
            let (Some((&highest, &highest_adopted)), numbers) = (
                held.last_key_value(),
                held.keys().copied().collect::<Vec<_>>(),
            ) else {
                continue;
            };
            let known = registry
                .max_number(GaSession::Regular(session))
                .map_or(0, |(n, _)| n);
            // Another source knowing a higher number of the session means
            // the collection stops short of its end.
            let beyond: Result<(), &'static str> = if known > highest {
                Err("another source knows a higher number")
            } else {
                Ok(())
            };
            let verdict = complete_session(session, &numbers, highest_adopted).and(beyond);
            let numbers_held = held.len() as u32;
            if verdict.is_ok() {
                registry.mark_complete(CompleteSession {
                    session: GaSession::Regular(session),
                    source: source.clone(),
                    highest,
                    numbers_held,
                    highest_adopted,
                });
            }
            report.listings.push(SessionListing {
                file,
                session,
                highest,
                numbers_held,
                highest_adopted,
                not_whole: verdict.err(),
            });
        }
    }
}

/// Reads one AKN4UN XML folder's `registry.tsv` (`symbol, adopted, title,
/// source_file`): dates and titles as `akn-*`, returning the GA
/// resolutions it holds.
fn read_akn(
    registry: &mut Registry,
    report: &mut Report,
    text: &str,
    collection: AknCollection,
) -> Collection {
    let file = akn_file(collection);
    let source = Source::Akn(collection);
    let mut held = Collection::default();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if index == 0 || line.trim().is_empty() {
            continue;
        }
        report.read(file);
        let fields: Vec<&str> = line.split('\t').collect();
        let [raw, adopted, title, _source_file] = fields[..] else {
            report.skip(file, line_number, line, "4 tab-separated fields");
            continue;
        };
        let symbols = match akn_symbols(raw) {
            Ok(symbols) => symbols,
            Err(why) => {
                report.skip(file, line_number, raw, why);
                continue;
            }
        };
        let date = adopted.parse::<Date>().ok();
        if date.is_none() {
            report.skip(
                file,
                line_number,
                adopted,
                "an adoption date the XML states twice alike (title still used)",
            );
        }
        let title = collapse_spaces(title);
        for symbol in symbols {
            match date {
                Some(date) => {
                    held.add(&symbol, date);
                    registry.add_evidence(symbol.clone(), date, source.clone());
                }
                None => registry.add_seen(symbol.clone(), source.clone()),
            }
            if !title.is_empty() {
                registry.add_title(symbol, &title, source.clone());
            }
        }
        report.used(file);
    }
    held
}

/// The symbols an XML registry row names: `A/RES/75/101 A-B` is parts A
/// and B; GA forms are read as the Digital Library's are (same grammar),
/// the others as canonical symbols.
fn akn_symbols(raw: &str) -> Result<Vec<Symbol>, &'static str> {
    if raw.starts_with("A/RES/") {
        return undl_symbol(raw).and_then(|r| match r.subdivision {
            None => Ok(r.symbols),
            Some(_) => Err("a resolution or its parts, not a section"),
        });
    }
    match raw.parse::<Symbol>() {
        Ok(symbol) if symbol.is_resolution_or_decision() => Ok(vec![symbol]),
        // resgraph's ECOSOC symbols have no part letters (`E/RES/2021/2 B`).
        _ if raw.starts_with("E/RES/")
            && raw.rsplit_once(' ').is_some_and(|(_, part)| {
                part.len() == 1 && part.bytes().all(|b| b.is_ascii_uppercase())
            }) =>
        {
            Err("an ECOSOC resolution without a part letter (resgraph's ECOSOC symbols have none)")
        }
        _ => Err("an A/RES/, A/HRC/RES/, E/RES/ or S/RES/ resolution symbol"),
    }
}

fn read_text_metadata(
    registry: &mut Registry,
    report: &mut Report,
    text: &str,
    file: &'static str,
    title_source: Source,
) -> Collection {
    let mut collection = Collection::default();
    let table = CsvTable::parse(text);
    for row in &table.rows {
        report.read(file);
        // The 78-80 metadata also lists drafts; the ICT metadata has no
        // `kind` column and only resolutions.
        if table.has("kind") && table.get(row, "kind") != "resolution" {
            continue;
        }
        let raw = table.get(row, "symbol");
        let symbol = match raw.parse::<Symbol>() {
            Ok(s @ Symbol::GaResolution { .. }) => s,
            _ => {
                report.skip(file, row.line, raw, "a GA resolution symbol");
                continue;
            }
        };
        let mut used = false;
        match parse_printed_date(table.get(row, "adopted_on")) {
            Some(date) => {
                collection.add(&symbol, date);
                registry.add_evidence(symbol.clone(), date, Source::TextHeading);
                used = true;
            }
            None => report.skip(
                file,
                row.line,
                table.get(row, "adopted_on"),
                "an adoption date such as 5 December 2018 (title still used)",
            ),
        }
        let title = clean_metadata_title(table.get(row, "title"));
        if !title.is_empty() {
            registry.add_title(symbol, &title, title_source.clone());
            used = true;
        }
        if used {
            report.used(file);
        }
    }
    collection
}

/// What the UN Digital Library says, kept for checking unvotes.
#[derive(Debug, Default)]
struct UndlFacts {
    /// Vote dates of records about a whole resolution or part.
    dates: BTreeMap<Symbol, Date>,
    /// GA resolutions (session, number), any part.
    numbers: BTreeSet<(GaSession, u32)>,
    /// For roman-numbered regular sessions, the lowest and highest number.
    roman_range: BTreeMap<u16, (u32, u32)>,
}

fn read_undl(registry: &mut Registry, report: &mut Report, text: &str) -> UndlFacts {
    let table = CsvTable::parse(text);
    let mut facts = UndlFacts::default();
    let mut section_titles: BTreeMap<Symbol, Vec<String>> = BTreeMap::new();
    for row in &table.rows {
        report.read(UNDL_VOTING);
        let raw = table.get(row, "symbol");
        let resolved = match undl_symbol(raw) {
            Ok(r) => r,
            Err(why) => {
                report.skip(UNDL_VOTING, row.line, raw, why);
                continue;
            }
        };
        let date = table.get(row, "vote_date").parse::<Date>().ok();
        let title = clean_undl_title(table.get(row, "title"));
        for symbol in &resolved.symbols {
            if let Symbol::GaResolution {
                session,
                number,
                style,
                ..
            } = symbol
            {
                facts.numbers.insert((*session, *number));
                if let (GaStyle::Roman, GaSession::Regular(s)) = (style, session) {
                    let range = facts.roman_range.entry(*s).or_insert((*number, *number));
                    range.0 = range.0.min(*number);
                    range.1 = range.1.max(*number);
                }
            }
            match date {
                Some(date) => {
                    registry.add_evidence(symbol.clone(), date, Source::Undl);
                    if resolved.subdivision.is_none() {
                        facts.dates.entry(symbol.clone()).or_insert(date);
                    }
                }
                None => registry.add_seen(symbol.clone(), Source::Undl),
            }
            if resolved.subdivision.is_none() {
                registry.add_title(symbol.clone(), &title, Source::Undl);
            } else {
                section_titles
                    .entry(symbol.clone())
                    .or_default()
                    .push(strip_trailing_qualifier(&title));
            }
        }
        if date.is_none() {
            report.skip(
                UNDL_VOTING,
                row.line,
                table.get(row, "vote_date"),
                "a vote date in YYYY-MM-DD form (symbol and title still used)",
            );
        }
        report.used(UNDL_VOTING);
    }
    // A resolution known only through records of its sections takes their
    // title where they all agree on it.
    for (symbol, titles) in section_titles {
        let has_own = registry
            .get(&symbol)
            .is_some_and(|e| e.sources.title == Some(Source::Undl));
        let first = &titles[0];
        if !has_own && !first.is_empty() && titles.iter().all(|t| t == first) {
            registry.add_title(symbol, first, Source::Undl);
        }
    }
    facts
}

/// `Approval of Trusteeship Agreements [New Guinea]` -> `Approval of
/// Trusteeship Agreements`.
fn strip_trailing_qualifier(title: &str) -> String {
    let title = title.trim();
    if let Some(body) = title.strip_suffix(']') {
        if let Some(open) = body.rfind('[') {
            return title[..open].trim().to_string();
        }
    }
    title.to_string()
}

fn read_decisions(registry: &mut Registry, report: &mut Report, text: &str) {
    let table = CsvTable::parse(text);
    // Parts of one decision may have rows of their own (`78/528 A`,
    // `78/528 B, C and D`): gather them into the decision first.
    let mut decisions: BTreeMap<Symbol, (BTreeSet<Date>, Vec<String>)> = BTreeMap::new();
    for row in &table.rows {
        report.read(DECISIONS);
        let raw = table.get(row, "decision");
        let Some(symbol) = decision_symbol(raw) else {
            report.skip(DECISIONS, row.line, raw, "a decision number session/number");
            continue;
        };
        let (dates, titles) = decisions.entry(symbol).or_default();
        for meeting in table.get(row, "meetings").split(';') {
            let Some(date) = meeting
                .split_whitespace()
                .last()
                .and_then(|d| d.parse::<Date>().ok())
            else {
                continue;
            };
            if date == EMPTY_IGOV_DATE {
                report.igov_empty_dates += 1;
            } else {
                dates.insert(date);
            }
        }
        titles.push(collapse_spaces(table.get(row, "title")));
        report.used(DECISIONS);
    }
    for (symbol, (dates, titles)) in decisions {
        if let Some(first) = dates.first() {
            let source = if dates.len() == 1 {
                Source::Igov
            } else {
                Source::IgovEarliest
            };
            registry.add_evidence(symbol.clone(), *first, source);
        }
        let title = titles.iter().find(|t| !t.is_empty());
        let titled = title.is_some_and(|t| registry.add_title(symbol.clone(), t, Source::Igov));
        if !titled && dates.is_empty() {
            registry.add_seen(symbol, Source::Igov);
        }
    }
}

/// `71/405 A and B`, `71/401.` -> `A/DEC/71/405`, `A/DEC/71/401`.
fn decision_symbol(raw: &str) -> Option<Symbol> {
    let raw = raw.trim();
    let end = raw
        .find(|c: char| !(c.is_ascii_digit() || c == '/'))
        .unwrap_or(raw.len());
    let (session, number) = raw[..end].split_once('/')?;
    match format!("A/DEC/{session}/{number}").parse::<Symbol>().ok()? {
        s @ Symbol::GaDecision { .. } => Some(s),
        _ => None,
    }
}

fn read_marc(registry: &mut Registry, report: &mut Report, text: &str) {
    let table = CsvTable::parse(text);
    for row in &table.rows {
        report.read(MARC_993);
        if table.get(row, "field") != "993" || table.get(row, "ind1") != "1" {
            // ind1 3 points to the committee report: not a draft link.
            continue;
        }
        let (draft, target) = (table.get(row, "symbol"), table.get(row, "related_symbol"));
        let Ok(draft_symbol) = draft.parse::<Symbol>() else {
            report.skip(MARC_993, row.line, draft, "a draft symbol");
            continue;
        };
        match target.parse::<Symbol>() {
            Ok(t) if t.is_resolution_or_decision() => {
                registry.add_adoption_link(draft_symbol, t.clone());
                registry.add_seen(t, Source::Marc993);
                report.used(MARC_993);
            }
            _ => report.skip(
                MARC_993,
                row.line,
                target,
                "a resolution or decision symbol",
            ),
        }
    }
}

/// One usable unvotes roll call.
struct RollCall {
    line: usize,
    unres: String,
    session: u16,
    date: Option<Date>,
    descr: String,
    symbols: Vec<Symbol>,
    subdivision: Option<String>,
}

fn is_zero_or_empty(text: &str) -> bool {
    text.trim().is_empty() || text.trim().parse::<f64>().is_ok_and(|v| v == 0.0)
}

fn read_unvotes(registry: &mut Registry, report: &mut Report, text: &str, undl: &UndlFacts) {
    let table = CsvTable::parse(text);
    let mut by_session: BTreeMap<u16, Vec<RollCall>> = BTreeMap::new();
    for row in &table.rows {
        report.read(UNVOTES_ROLL_CALLS);
        if !is_zero_or_empty(table.get(row, "amend")) || !is_zero_or_empty(table.get(row, "para")) {
            continue; // a vote on an amendment or a paragraph
        }
        let unres = table.get(row, "unres");
        let resolved = match unvotes_symbol(unres) {
            Ok(r) => r,
            Err(why) => {
                report.skip(UNVOTES_ROLL_CALLS, row.line, unres, why);
                continue;
            }
        };
        let session = table
            .get(row, "session")
            .parse::<f64>()
            .ok()
            .filter(|s| s.fract() == 0.0 && (1.0..=999.0).contains(s))
            .map(|s| s as u16);
        // Emergency special and special sessions run inside a regular
        // session; only a regular session must match the column.
        let symbol_session = match resolved.symbols[0] {
            Symbol::GaResolution {
                session: GaSession::Regular(s),
                ..
            } => Some(s),
            _ => session,
        };
        if session.is_none() || session != symbol_session {
            report.skip(
                UNVOTES_ROLL_CALLS,
                row.line,
                unres,
                "a session column that agrees with the session in unres",
            );
            continue;
        }
        let session = session.unwrap_or_default();
        by_session.entry(session).or_default().push(RollCall {
            line: row.line,
            unres: unres.to_string(),
            session,
            date: table.get(row, "date").parse().ok(),
            descr: table.get(row, "descr").to_string(),
            symbols: resolved.symbols,
            subdivision: resolved.subdivision,
        });
    }
    for (session, calls) in by_session {
        let confirmed: Vec<bool> = calls.iter().map(|c| number_confirmed(c, undl)).collect();
        let numbers_confirmed = confirmed.iter().filter(|c| **c).count();
        let symbols_used = numbers_confirmed * 2 >= calls.len();
        let (mut dates_checked, mut dates_agreeing, mut months_agreeing) = (0, 0, 0);
        for call in &calls {
            if call.subdivision.is_some() {
                continue;
            }
            for symbol in &call.symbols {
                if let (Some(theirs), Some(ours)) = (undl.dates.get(symbol), call.date) {
                    dates_checked += 1;
                    dates_agreeing += usize::from(*theirs == ours);
                    months_agreeing +=
                        usize::from((theirs.year, theirs.month) == (ours.year, ours.month));
                }
            }
        }
        let dates_used = symbols_used && dates_checked > 0 && dates_agreeing * 2 > dates_checked;
        report.unvotes_sessions.push(UnvotesSession {
            session,
            rows: calls.len(),
            numbers_confirmed,
            symbols_used,
            dates_checked,
            dates_agreeing,
            months_agreeing,
            dates_used,
        });
        for (call, confirmed) in calls.iter().zip(confirmed) {
            apply_roll_call(registry, report, call, confirmed, symbols_used, dates_used);
        }
    }
}

fn apply_roll_call(
    registry: &mut Registry,
    report: &mut Report,
    call: &RollCall,
    confirmed: bool,
    symbols_used: bool,
    dates_used: bool,
) {
    let skip = |report: &mut Report, why: &str| {
        report.skip(UNVOTES_ROLL_CALLS, call.line, &call.unres, why);
    };
    if !symbols_used {
        return skip(
            report,
            "most unres numbers of this session are not resolution numbers (not confirmed by the UN Digital Library)",
        );
    }
    let roman = call.session <= 30;
    if roman && !confirmed {
        return skip(
            report,
            "a resolution number between those of the neighbouring sessions",
        );
    }
    let mut used = false;
    for symbol in &call.symbols {
        match (dates_used, call.date) {
            (true, Some(date)) => {
                registry.add_evidence(symbol.clone(), date, Source::Unvotes);
                let title = call
                    .subdivision
                    .is_none()
                    .then(|| unvotes_title(&call.descr))
                    .flatten();
                match title {
                    Some(title) => {
                        registry.add_title(symbol.clone(), &title, Source::Unvotes);
                    }
                    None => registry.add_seen(symbol.clone(), Source::Unvotes),
                }
                used = true;
            }
            _ if registry.get(symbol).is_some() => {
                registry.add_seen(symbol.clone(), Source::Unvotes);
                used = true;
            }
            _ => {}
        }
    }
    if used {
        report.used(UNVOTES_ROLL_CALLS);
    } else if dates_used {
        skip(report, "a vote date in YYYY-MM-DD form");
    } else {
        skip(
            report,
            "a resolution known from another source (unvotes dates are not trusted for this session)",
        );
    }
}

/// Whether the UN Digital Library bears out a roll call's resolution
/// number: for sessions 1-30, the number lies between the highest number
/// of the sessions before and the lowest of the sessions after; from 31,
/// the resolution itself is there.
fn number_confirmed(call: &RollCall, undl: &UndlFacts) -> bool {
    let Some(Symbol::GaResolution {
        session, number, ..
    }) = call.symbols.first()
    else {
        return false;
    };
    if call.session <= 30 {
        let below = undl
            .roman_range
            .range(..call.session)
            .map(|(_, (_, hi))| *hi)
            .max()
            .unwrap_or(0);
        let above = undl
            .roman_range
            .range(call.session + 1..)
            .map(|(_, (lo, _))| *lo)
            .min()
            .unwrap_or(u32::MAX);
        below < *number && *number < above
    } else {
        undl.numbers.contains(&(*session, *number))
    }
}

fn compare_voeten(report: &mut Report, roll_calls: &str, voeten: &str) {
    let calls = CsvTable::parse(roll_calls);
    let mut by_rcid: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for row in &calls.rows {
        by_rcid.insert(
            calls.get(row, "rcid"),
            (calls.get(row, "date"), calls.get(row, "unres")),
        );
    }
    let table = CsvTable::parse(voeten);
    for row in &table.rows {
        report.read(VOETEN_DESCRIPTIONS);
        let rcid = table.get(row, "rcid");
        match by_rcid.get(rcid) {
            Some((date, unres)) => {
                report.voeten_compared += 1;
                if *date != table.get(row, "date") || *unres != table.get(row, "unres") {
                    report.voeten_mismatches.push(rcid.to_string());
                }
            }
            None => report.voeten_mismatches.push(rcid.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_numbers() {
        assert_eq!(
            decision_symbol("71/405 A and B")
                .map(|s| s.to_string())
                .as_deref(),
            Some("A/DEC/71/405")
        );
        assert_eq!(
            decision_symbol("71/401.").map(|s| s.to_string()).as_deref(),
            Some("A/DEC/71/401")
        );
        assert_eq!(decision_symbol("n/a"), None);
    }

    #[test]
    fn qualifier() {
        assert_eq!(
            strip_trailing_qualifier("Approval of Trusteeship Agreements [New Guinea]"),
            "Approval of Trusteeship Agreements"
        );
        assert_eq!(strip_trailing_qualifier("Plain"), "Plain");
    }
}
