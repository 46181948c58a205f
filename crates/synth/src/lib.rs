//! # A synthetic corpus of UN resolutions
//!
//! Benchmarks and tests of resgraph need many texts that read like real
//! General Assembly resolutions, and they need to know exactly what each
//! text cites. This crate writes such a corpus: documents shaped like the
//! PDF text layer of Assembly resolutions (masthead, job number and
//! barcode, agenda item, the bracketed committee report, the numbered
//! title, "The General Assembly,", preambular paragraphs, numbered
//! operative paragraphs, footnotes under a `______` rule, running headers
//! and page numbers, lines hard-wrapped near 90 characters), each with
//! its ground truth: every citation the text makes, with its target,
//! cited date, section, paragraph and relation.
//!
//! The corpus is a pure function of [`SynthConfig`]: the same seed gives
//! the same bytes. Documents are streamed one at a time, so a corpus of
//! a million documents (some 13 GB) never sits in memory.
//!
//! ```
//! use resgraph_synth::{generate, SynthConfig};
//!
//! let config = SynthConfig { documents: 3, seed: 7, ..SynthConfig::default() };
//! let mut docs = Vec::new();
//! let stats = generate(&config, |doc| {
//!     docs.push(doc);
//!     Ok(())
//! })?;
//! assert_eq!(stats.documents, 3);
//! let doc = &docs[0];
//! assert!(doc.text.contains("The General Assembly,"));
//! assert!(doc.file_name.starts_with("A_RES_80_"));
//! // Every citation's target is a canonical symbol.
//! for c in &doc.citations {
//!     assert_eq!(c.target.to_string().parse::<resgraph_symbol::Symbol>().unwrap(), c.target);
//! }
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## The world behind the corpus
//!
//! The generator plans a world of Assembly resolutions for sessions 31
//! to 80 (about 240 to 320 a session, scaled up when a corpus needs
//! more), numbered in committee blocks and dated on meeting days between
//! September and the following summer. Resolutions belong to recurring
//! series (agenda items) that recall their predecessors: most recall the
//! last few, some (like the ICT series rooted in 43/78 H) their whole
//! lineage. Preambles also cite a long tail of founding texts (`217 A
//! (III)`, `1514 (XV)`, `2625 (XXV)`, `70/1`), Security Council
//! resolutions (`1325 (2000)`), Economic and Social Council and Human
//! Rights Council resolutions, Assembly decisions and, in footnotes,
//! reports (`A/78/123`, `A/63/260/Add.1`, `A/77/100-S/2022/500`). A
//! corpus of N documents is the last sessions of that world, ending at
//! the eightieth; everything it cites outside itself still has one fixed
//! adoption date, so cited dates can be checked. A few cited dates are
//! wrong on purpose ([`SynthCitation::wrong_date`]).
//!
//! Adoption dates fall on working days: nearly nine in ten between
//! September and December of the year the session opened (1945 +
//! session), most of them in December; the rest at the resumed session,
//! January to early September of the next year, as in the real Assembly.
//!
//! ## The ground truth
//!
//! [`SynthDocument::citations`] follows the conventions of the project's
//! golden tests (`tests/golden/README.md`): one entry per mention, in
//! text order, with the canonical target, the date the text gives for
//! that very resolution (one date after a pair, `74/28 and 74/29 of 12
//! December 2019`, belongs to both), the section (`heading`, `preamble`,
//! `operative`, `footnote`), the paragraph number and the relation, and
//! the byte span of the mention. The document's own symbol (masthead,
//! title line, running headers), job numbers, barcodes, page numbers,
//! years and periods (`2021–2025`), internal references (`paragraph 4 of
//! the present resolution`) and other organizations' resolutions
//! (`A/CONF.231/3, chap. I, resolution 1`) are written but are not
//! citations. [`EdgeCsv`] writes the same graph as CSV.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod calendar;
mod compose;
mod famous;
mod layout;
mod output;
mod para;
mod rng;
mod vocab;
mod world;

use std::io;

use resgraph_symbol::Symbol;

pub use output::{corpus_to_dir, shard_dir, write_edge_csv, EdgeCsv, EDGE_CSV_HEADER};

pub use resgraph_core::{Date, Relation, Section};

/// What corpus to generate.
///
/// ```
/// use resgraph_synth::SynthConfig;
/// let config = SynthConfig::new(1_000, 42);
/// assert_eq!(config.wrong_dates_per_mille, 5);
/// assert!(config.page_furniture);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SynthConfig {
    /// How many resolutions to write.
    pub documents: usize,
    /// The seed: the same seed (and the same other settings) gives the
    /// same corpus, byte for byte.
    pub seed: u64,
    /// Of every thousand cited dates, how many are deliberately wrong
    /// (a day, a month or a year off), for a date checker to find.
    pub wrong_dates_per_mille: u32,
    /// Whether texts carry the page furniture of the official PDFs (job
    /// number, barcode, running headers, page numbers; footnotes at the
    /// foot of each page). Without it, footnotes follow the text.
    pub page_furniture: bool,
}

impl Default for SynthConfig {
    /// 1,000 documents, seed 0, 5 wrong dates per 1,000, with furniture.
    fn default() -> Self {
        SynthConfig {
            documents: 1_000,
            seed: 0,
            wrong_dates_per_mille: 5,
            page_furniture: true,
        }
    }
}

impl SynthConfig {
    /// `documents` documents from `seed`, with the default settings
    /// otherwise.
    ///
    /// ```
    /// let c = resgraph_synth::SynthConfig::new(10, 1);
    /// assert_eq!((c.documents, c.seed), (10, 1));
    /// ```
    pub fn new(documents: usize, seed: u64) -> SynthConfig {
        SynthConfig {
            documents,
            seed,
            ..SynthConfig::default()
        }
    }
}

/// One citation a generated text makes: the ground truth that
/// `resgraph_extract::extract` should find.
///
/// Fields follow the project's golden-test conventions
/// (`tests/golden/README.md`): `section` is `heading`, `preamble`,
/// `operative` or `footnote`; `relation` is the opening word of the
/// paragraph lower-cased (`recalling`, `welcomes`, `taking note`), `see`
/// in footnotes, `report` or `draft` for the bracketed line of the
/// heading.
///
/// ```
/// use resgraph_synth::{Corpus, SynthConfig};
/// let doc = Corpus::new(&SynthConfig::new(1, 3)).next().unwrap();
/// let heading = &doc.citations[0];
/// assert_eq!(heading.section, resgraph_synth::Section::Heading);
/// assert!(heading.relation == "report" || heading.relation == "draft");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SynthCitation {
    /// The cited document, canonical.
    pub target: Symbol,
    /// The date the text gives for it (`of 7 December 1988`), if any.
    pub cited_date: Option<Date>,
    /// Where the mention stands.
    pub section: Section,
    /// How the paragraph treats it.
    pub relation: Relation,
    /// Whether `cited_date` was written wrong on purpose.
    pub wrong_date: bool,
    /// Preambular paragraphs counted from 1, operative paragraphs as
    /// printed, footnotes by number; `None` in the heading.
    pub paragraph: Option<u32>,
    /// The true adoption date of the target where the text gives a date
    /// (equal to `cited_date` unless `wrong_date`).
    pub true_date: Option<Date>,
    /// Byte offset of the mention's first byte in the text (`43/78 H`
    /// in `resolutions 43/78 H of ...`; for `53/243 A and B`, both
    /// parts share the span).
    pub start: usize,
    /// Byte offset just past the mention's last byte; a mention broken
    /// across lines spans the line break.
    pub end: usize,
}

/// One generated resolution.
///
/// ```
/// use resgraph_synth::{Corpus, SynthConfig};
/// let doc = Corpus::new(&SynthConfig::new(1, 3)).next().unwrap();
/// assert_eq!(doc.file_name, format!("{}.txt", doc.symbol.file_stem()));
/// assert!(doc.text.starts_with("United Nations"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthDocument {
    /// Its symbol, `A/RES/78/16` (or `A/RES/49/75 I` for a part).
    pub symbol: Symbol,
    /// The file name the corpus uses: `A_RES_78_16.txt`.
    pub file_name: String,
    /// The text.
    pub text: String,
    /// Every citation in the text, in text order.
    pub citations: Vec<SynthCitation>,
    /// The adoption date (`Resolution adopted by the General Assembly
    /// on ...`).
    pub adopted: Date,
    /// The title.
    pub title: String,
}

/// Counts over a generated corpus.
///
/// ```
/// let stats = resgraph_synth::generate(&resgraph_synth::SynthConfig::new(2, 0), |_| Ok(()))?;
/// assert_eq!(stats.documents, 2);
/// assert!(stats.bytes > 2_000 && stats.citations > 2);
/// assert_eq!((stats.first_session, stats.last_session), (80, 80));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SynthStats {
    /// Documents written.
    pub documents: usize,
    /// Bytes of text written.
    pub bytes: u64,
    /// Citations in the ground truth.
    pub citations: u64,
    /// Citations that carry a date.
    pub dated_citations: u64,
    /// Citations whose date is wrong on purpose.
    pub wrong_dates: u64,
    /// The first session of the corpus.
    pub first_session: u16,
    /// The last session of the corpus (80).
    pub last_session: u16,
}

impl SynthStats {
    fn add(&mut self, doc: &SynthDocument) {
        self.documents += 1;
        self.bytes += doc.text.len() as u64;
        self.citations += doc.citations.len() as u64;
        self.dated_citations += doc
            .citations
            .iter()
            .filter(|c| c.cited_date.is_some())
            .count() as u64;
        self.wrong_dates += doc.citations.iter().filter(|c| c.wrong_date).count() as u64;
    }
}

/// The corpus as an iterator of documents, generated on demand in
/// session and number order.
///
/// Planning the world takes memory proportional to the number of
/// documents (a few words each); texts are made one at a time.
///
/// ```
/// use resgraph_synth::{Corpus, SynthConfig};
/// let corpus = Corpus::new(&SynthConfig::new(5, 9));
/// assert_eq!(corpus.len(), 5);
/// let symbols: Vec<String> = corpus.map(|d| d.symbol.to_string()).collect();
/// assert_eq!(symbols.len(), 5);
/// assert!(symbols.iter().all(|s| s.starts_with("A/RES/80/")));
/// ```
pub struct Corpus {
    world: world::World,
    config: SynthConfig,
    session: usize,
    entry: usize,
    remaining: usize,
}

impl Corpus {
    /// Plans the corpus for `config`.
    pub fn new(config: &SynthConfig) -> Corpus {
        let world = world::World::new(config.seed, config.documents);
        Corpus {
            world,
            config: *config,
            session: 0,
            entry: 0,
            remaining: config.documents,
        }
    }

    /// The first and last sessions the corpus covers.
    ///
    /// ```
    /// let c = resgraph_synth::Corpus::new(&resgraph_synth::SynthConfig::new(1_000, 1));
    /// assert_eq!(c.sessions(), (77, 80));
    /// ```
    pub fn sessions(&self) -> (u16, u16) {
        (self.world.first_corpus_session(), world::LAST_SESSION)
    }

    fn make(&self, s: u16, index: u32) -> SynthDocument {
        let composed = compose::compose(&self.world, s, index, self.config.wrong_dates_per_mille);
        let mut rng = rng::Rng::keyed(self.config.seed, &[0x1A, u64::from(s), u64::from(index)]);
        let file_name = format!("{}.txt", composed.symbol.file_stem());
        let symbol = composed.symbol.clone();
        let adopted = composed.adopted.date();
        let title = composed.title.clone();
        let (text, citations) = layout::lay_out(composed, self.config.page_furniture, &mut rng);
        SynthDocument {
            symbol,
            file_name,
            text,
            citations,
            adopted,
            title,
        }
    }
}

impl Iterator for Corpus {
    type Item = SynthDocument;

    fn next(&mut self) -> Option<SynthDocument> {
        while self.remaining > 0 && self.session < self.world.sessions.len() {
            let plan = &self.world.sessions[self.session];
            if self.entry >= plan.entries.len() {
                self.session += 1;
                self.entry = 0;
                continue;
            }
            let i = self.entry;
            self.entry += 1;
            if plan.selected(i) {
                self.remaining -= 1;
                let s = plan.session;
                return Some(self.make(s, i as u32));
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Corpus {}

/// Generates the corpus, handing each document to `sink` as soon as it
/// is written; stops at the first error the sink returns.
///
/// # Errors
///
/// The first error `sink` returns.
///
/// ```
/// use resgraph_synth::{generate, SynthConfig};
/// let mut bytes = 0;
/// let stats = generate(&SynthConfig::new(4, 1), |doc| {
///     bytes += doc.text.len();
///     Ok(())
/// })?;
/// assert_eq!(stats.bytes, bytes as u64);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn generate(
    config: &SynthConfig,
    mut sink: impl FnMut(SynthDocument) -> io::Result<()>,
) -> io::Result<SynthStats> {
    let corpus = Corpus::new(config);
    let (first_session, last_session) = corpus.sessions();
    let mut stats = SynthStats {
        first_session,
        last_session,
        ..SynthStats::default()
    };
    for doc in corpus {
        stats.add(&doc);
        sink(doc)?;
    }
    Ok(stats)
}
