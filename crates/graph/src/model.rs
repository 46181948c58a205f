//! The public value types: what a node knows, one occurrence of a
//! citation, query options and filters, build outcomes and statistics.

use resgraph_core::{Date, Relation, RelationClass, Section};
use resgraph_extract::Citation;
use resgraph_symbol::{Kind, Organ, Symbol};
use serde::{Deserialize, Serialize};

/// What the graph knows of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeInfo {
    /// The document's symbol, the node's key.
    pub symbol: Symbol,
    /// Its title, when known (from its text or from metadata).
    pub title: Option<String>,
    /// Its adoption date (for a draft, the date of issue), when known.
    pub date: Option<Date>,
    /// The adopting organ as texts name it (`General Assembly`).
    pub organ: Option<String>,
    /// Whether the document's own text was read (as opposed to a
    /// document that is only cited by others).
    pub read: bool,
    /// Where its text came from (a path), when it was read.
    pub source: Option<String>,
}

impl NodeInfo {
    /// A node about which nothing is known but its symbol: cited, not read.
    ///
    /// ```
    /// use resgraph_graph::NodeInfo;
    /// let info = NodeInfo::cited("A/RES/76/19".parse().unwrap());
    /// assert!(!info.read && info.title.is_none());
    /// ```
    pub fn cited(symbol: Symbol) -> NodeInfo {
        NodeInfo {
            symbol,
            title: None,
            date: None,
            organ: None,
            read: false,
            source: None,
        }
    }

    /// The kind of document, from its symbol.
    pub fn kind(&self) -> Kind {
        self.symbol.kind()
    }
}

/// Where a mention stands in the citing document's text: byte offsets
/// into its decoded text (as `resgraph extract` gives them in `start` and
/// `end`), `start < end`. The evidence of a citation: with the citing
/// document's source file, the quote around the mention is read back
/// from it ([`crate::evidence::quote`]).
///
/// ```
/// use resgraph_graph::Span;
/// let span = Span::new(120, 127).unwrap();
/// assert_eq!((span.start, span.end), (120, 127));
/// assert!(Span::new(5, 5).is_none(), "a mention is never empty");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the mention's first byte.
    pub start: u32,
    /// Offset just past the mention's last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets; `None` when it is empty, reversed, or
    /// beyond 4 GiB (texts are read to at most 1 GiB).
    pub fn new(start: usize, end: usize) -> Option<Span> {
        let start = u32::try_from(start).ok()?;
        let end = u32::try_from(end).ok()?;
        (start < end).then_some(Span { start, end })
    }

    /// The offsets as a range of `usize`, for slicing the text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One mention of a cited document in a citing document: how (relation),
/// where (section and paragraph) and with what date the text gives, and,
/// when known, the mention's place in the text ([`Span`], the evidence).
///
/// Fields are ordered so that sorting occurrences sorts them by place in
/// the text. Two mentions that differ only in their span (the same
/// document cited twice in one paragraph with one relation) are one
/// occurrence, which keeps the span of the first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// Where the mention stands.
    pub section: Section,
    /// The paragraph (preambular from 1, operative as printed, footnote
    /// number), if any.
    pub paragraph: Option<u32>,
    /// The opening word of the paragraph, lower-cased (`recalling`,
    /// `welcomes`, `see`), with its class.
    pub relation: Relation,
    /// The date the text gives for the cited document, if any.
    pub cited_date: Option<Date>,
    /// Where the mention stands in the citing text; `None` when unknown
    /// (a graph file of format version 1, a link added without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Occurrence {
    /// An occurrence from its parts.
    ///
    /// ```
    /// use resgraph_graph::{Occurrence, Section};
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// assert_eq!(occ.relation, "recalling");
    /// ```
    pub fn new(
        relation: impl Into<Relation>,
        section: Section,
        paragraph: Option<u32>,
        cited_date: Option<Date>,
    ) -> Occurrence {
        Occurrence {
            section,
            paragraph,
            relation: relation.into(),
            cited_date,
            span: None,
        }
    }

    /// This occurrence, with the mention's place in the text.
    ///
    /// ```
    /// use resgraph_graph::{Occurrence, Section, Span};
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None)
    ///     .with_span(Span::new(40, 45));
    /// assert_eq!(occ.span.map(|s| s.start), Some(40));
    /// ```
    pub fn with_span(mut self, span: Option<Span>) -> Occurrence {
        self.span = span;
        self
    }
}

impl From<&Citation> for Occurrence {
    fn from(c: &Citation) -> Occurrence {
        Occurrence::new(c.relation.clone(), c.section, c.paragraph, c.cited_date)
            .with_span(Span::new(c.start, c.end))
    }
}

/// A borrowed view of an [`Occurrence`], as the graph stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OccurrenceRef<'a> {
    /// Where the mention stands.
    pub section: Section,
    /// The paragraph, if any.
    pub paragraph: Option<u32>,
    /// The relation (opening word of the paragraph).
    pub relation: &'a Relation,
    /// The date the text gives for the cited document, if any.
    pub cited_date: Option<Date>,
    /// Where the mention stands in the citing text, when known.
    pub span: Option<Span>,
}

impl OccurrenceRef<'_> {
    /// An owned copy.
    pub fn to_occurrence(&self) -> Occurrence {
        Occurrence::new(self.relation, self.section, self.paragraph, self.cited_date)
            .with_span(self.span)
    }
}

/// What a query keeps: which citations it follows (relation and section,
/// read from each occurrence of a link) and which documents it shows
/// (kind, organ, years, read from the document). The default keeps
/// everything.
///
/// **Links followed.** A link is followed when at least one of its
/// occurrences has one of the `relations` (if given) and stands in one of
/// the `sections` (if given). A relation asked for by a word of a class
/// (`recalling`, `reaffirms`, `welcomes`, `see`, `draft` ...:
/// [`RelationClass::of`] is not `Other`) matches every verb of that class
/// (`recalling` matches "recalls" and "bearing in mind"); any other word
/// matches that verb as written, in any case.
///
/// **Documents shown.** A document is shown when its [`Kind`] is one of
/// `kinds`, its [`Organ`] one of `organs` (both from the symbol), and its
/// year within `years` (the year of its known date, else the year its
/// symbol implies, [`Symbol::approximate_year`]; a document with neither
/// is not shown when years are asked for). A traversal still goes
/// *through* documents that are not shown: the Security Council
/// resolutions an Assembly resolution builds on through another Assembly
/// resolution are its ancestors at distance 2 with `kinds =
/// [sc-resolution]`, whatever the kind of the one between.
///
/// ```
/// use resgraph_graph::{Filter, Kind, Organ, Section, Years};
/// let preamble_recitals = Filter::default()
///     .with_relations(["recalling", "reaffirming"])
///     .with_sections([Section::Preamble]);
/// assert!(!preamble_recitals.is_empty());
/// assert!(Filter::default().is_empty());
/// let council_since_2000 = Filter::default()
///     .with_organs([Organ::SecurityCouncil])
///     .with_kinds([Kind::ScResolution])
///     .with_years(Years::between(Some(2000), None));
/// assert!(council_since_2000.follows_every_link() && !council_since_2000.shows_every_document());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Relations to follow, as words: a class's word matches the class,
    /// another word the verb (see above); `None` for all.
    pub relations: Option<Vec<String>>,
    /// Sections to follow; `None` for all.
    pub sections: Option<Vec<Section>>,
    /// Kinds of document to show; `None` for all.
    #[serde(default)]
    pub kinds: Option<Vec<Kind>>,
    /// Organs whose documents to show; `None` for all.
    #[serde(default)]
    pub organs: Option<Vec<Organ>>,
    /// Years of the documents to show; `None` for all.
    #[serde(default)]
    pub years: Option<Years>,
}

/// A span of years, both ends included, either end open.
///
/// ```
/// use resgraph_graph::Years;
/// let y = Years::between(Some(2000), Some(2010));
/// assert!(y.contains(2000) && y.contains(2010) && !y.contains(2011));
/// assert!(Years::between(None, Some(1999)).contains(1946));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Years {
    /// The first year kept.
    pub since: Option<u16>,
    /// The last year kept.
    pub until: Option<u16>,
}

impl Years {
    /// The years from `since` to `until`, both included.
    pub fn between(since: Option<u16>, until: Option<u16>) -> Years {
        Years { since, until }
    }

    /// Whether `year` lies within.
    pub fn contains(self, year: u16) -> bool {
        self.since.is_none_or(|s| year >= s) && self.until.is_none_or(|u| year <= u)
    }
}

impl Filter {
    /// This filter, restricted to the given relations.
    pub fn with_relations<I, S>(mut self, relations: I) -> Filter
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.relations = Some(relations.into_iter().map(Into::into).collect());
        self
    }

    /// This filter, restricted to the given sections.
    pub fn with_sections<I: IntoIterator<Item = Section>>(mut self, sections: I) -> Filter {
        self.sections = Some(sections.into_iter().collect());
        self
    }

    /// This filter, not following citations in a heading (the committee
    /// report a text was adopted on, `[on the report of the Third
    /// Committee (A/80/534)]`, the draft it was adopted from, its title):
    /// they say how the text came to be, not what it builds on. Sections
    /// asked for already keep all but the heading.
    ///
    /// ```
    /// use resgraph_graph::{Filter, Occurrence, Section};
    /// let f = Filter::default().without_headings();
    /// assert!(!f.matches(&Occurrence::new("report", Section::Heading, None, None)));
    /// assert!(f.matches(&Occurrence::new("recalling", Section::Preamble, Some(1), None)));
    /// ```
    pub fn without_headings(mut self) -> Filter {
        let kept = self
            .sections
            .take()
            .unwrap_or_else(|| Section::ALL.to_vec());
        self.sections = Some(
            kept.into_iter()
                .filter(|s| *s != Section::Heading)
                .collect(),
        );
        self
    }

    /// This filter, showing only documents of the given kinds.
    pub fn with_kinds<I: IntoIterator<Item = Kind>>(mut self, kinds: I) -> Filter {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// This filter, showing only documents of the given organs.
    pub fn with_organs<I: IntoIterator<Item = Organ>>(mut self, organs: I) -> Filter {
        self.organs = Some(organs.into_iter().collect());
        self
    }

    /// This filter, showing only documents of these years.
    pub fn with_years(mut self, years: Years) -> Filter {
        self.years = Some(years);
        self
    }

    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.follows_every_link() && self.shows_every_document()
    }

    /// Whether every link is followed (no relation or section asked for).
    pub fn follows_every_link(&self) -> bool {
        self.relations.is_none() && self.sections.is_none()
    }

    /// Whether every document is shown (no kind, organ or years asked for).
    pub fn shows_every_document(&self) -> bool {
        self.kinds.is_none() && self.organs.is_none() && self.years.is_none()
    }

    /// Whether a relation passes the filter's relations (every relation
    /// when none are given): the one rule of matching by class or verb.
    ///
    /// ```
    /// use resgraph_graph::{Filter, Relation};
    /// let f = Filter::default().with_relations(["Recalling", "annexed"]);
    /// assert!(f.wants_relation(&Relation::new("recalls")));
    /// assert!(f.wants_relation(&Relation::new("annexed")));
    /// assert!(!f.wants_relation(&Relation::new("decides")));
    /// ```
    pub fn wants_relation(&self, relation: &Relation) -> bool {
        self.relations.as_ref().is_none_or(|words| {
            words.iter().any(|word| match RelationClass::of(word) {
                RelationClass::Other => word.eq_ignore_ascii_case(relation.verb()),
                class => class == relation.class(),
            })
        })
    }

    /// Whether a section passes the filter's sections.
    pub fn wants_section(&self, section: Section) -> bool {
        self.sections
            .as_ref()
            .is_none_or(|ss| ss.contains(&section))
    }

    /// Whether one occurrence passes the filter.
    ///
    /// ```
    /// use resgraph_graph::{Filter, Occurrence, Section};
    /// let f = Filter::default().with_sections([Section::Operative]);
    /// assert!(f.matches(&Occurrence::new("welcomes", Section::Operative, Some(1), None)));
    /// assert!(!f.matches(&Occurrence::new("recalling", Section::Preamble, Some(1), None)));
    /// // A class's word matches every verb of the class.
    /// let recitals = Filter::default().with_relations(["recalling"]);
    /// assert!(recitals.matches(&Occurrence::new("bearing in mind", Section::Preamble, Some(2), None)));
    /// assert!(!recitals.matches(&Occurrence::new("welcomes", Section::Operative, Some(1), None)));
    /// ```
    pub fn matches(&self, occurrence: &Occurrence) -> bool {
        self.wants_relation(&occurrence.relation) && self.wants_section(occurrence.section)
    }

    /// Whether a document is shown: its kind, organ and year pass.
    ///
    /// ```
    /// use resgraph_graph::{Filter, Kind, NodeInfo, Organ, Years};
    /// let node = |s: &str| NodeInfo::cited(s.parse().unwrap());
    /// let hrc = Filter::default().with_organs([Organ::HumanRightsCouncil]);
    /// assert!(hrc.wants_document(&node("A/HRC/RES/20/8")));
    /// assert!(!hrc.wants_document(&node("A/RES/76/19")));
    /// // No date known: the year the symbol implies (76/19: 2021).
    /// let early = Filter::default().with_years(Years::between(None, Some(2010)));
    /// assert!(!early.wants_document(&node("A/RES/76/19")));
    /// assert!(early.wants_document(&node("A/RES/53/70")));
    /// ```
    pub fn wants_document(&self, info: &NodeInfo) -> bool {
        let symbol = &info.symbol;
        self.kinds
            .as_ref()
            .is_none_or(|ks| ks.contains(&symbol.kind()))
            && self
                .organs
                .as_ref()
                .is_none_or(|os| os.contains(&symbol.organ()))
            && self.years.is_none_or(|years| {
                info.date
                    .map(|d| d.year)
                    .or_else(|| symbol.approximate_year())
                    .is_some_and(|year| years.contains(year))
            })
    }
}

/// Options common to the traversal queries.
///
/// ```
/// use resgraph_graph::{Filter, QueryOptions, Section};
/// let opts = QueryOptions::new()
///     .depth(2)
///     .filter(Filter::default().with_sections([Section::Preamble]))
///     .limit(10);
/// assert_eq!(opts.max_depth, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryOptions {
    /// The largest distance (number of citation steps) to go; `None` for
    /// no limit. `Some(0)` finds nothing.
    pub max_depth: Option<u32>,
    /// Which citations to follow.
    pub filter: Filter,
    /// Whether a draft and the resolution adopted from it (see
    /// [`CitationGraph::add_adopted_as`](crate::CitationGraph::add_adopted_as))
    /// count as one step: the resolution builds on its draft, so the
    /// draft's ancestors become the resolution's.
    pub follow_adoption: bool,
    /// Keep at most this many results (after ordering); `None` for all.
    pub limit: Option<usize>,
}

impl QueryOptions {
    /// No depth limit, no filter, adoption links not followed, no limit.
    pub fn new() -> QueryOptions {
        QueryOptions::default()
    }

    /// Limits the depth (citation steps).
    pub fn depth(mut self, max_depth: u32) -> QueryOptions {
        self.max_depth = Some(max_depth);
        self
    }

    /// Sets the filter.
    pub fn filter(mut self, filter: Filter) -> QueryOptions {
        self.filter = filter;
        self
    }

    /// Follows draft-to-resolution links as well as citations.
    pub fn follow_adoption(mut self, yes: bool) -> QueryOptions {
        self.follow_adoption = yes;
        self
    }

    /// Keeps at most `n` results.
    pub fn limit(mut self, n: usize) -> QueryOptions {
        self.limit = Some(n);
        self
    }
}

/// What [`CitationGraph::add_document`](crate::CitationGraph::add_document) did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum AddOutcome {
    /// The document is in the graph with its citations.
    Added {
        /// The document's symbol.
        symbol: Symbol,
        /// Citations in the document.
        citations: usize,
        /// Distinct documents it cites (edges from it).
        cited: usize,
        /// Citations of the document itself, which are not recorded.
        self_citations: usize,
        /// Whether the document had been read before: its earlier
        /// citations were replaced by these.
        replaced: bool,
    },
    /// The document has no symbol of its own and was left out.
    Skipped {
        /// Where its text came from.
        source: String,
        /// The citations that were therefore not recorded.
        citations: usize,
    },
}

/// Counts that describe a graph.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GraphStats {
    /// Documents (nodes).
    pub nodes: usize,
    /// Distinct citing -> cited pairs (edges).
    pub edges: usize,
    /// Occurrences on all edges.
    pub occurrences: u64,
    /// Documents whose text was read.
    pub read: usize,
    /// Documents only cited.
    pub cited_only: usize,
    /// Draft -> resolution links.
    pub adoptions: usize,
    /// Nodes per kind (`ga-resolution`, `document`, ...), in the order
    /// of [`Kind::ALL`], kinds with no node left out.
    pub by_kind: Vec<(String, usize)>,
    /// Occurrences per relation, most frequent first (ties by name).
    pub by_relation: Vec<(String, u64)>,
}
