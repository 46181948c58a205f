//! What a page shows, as data: the same values feed the HTML pages and
//! the JSON of `/api/...`, so the two cannot disagree.

use resgraph::pipeline::{draw_lineage, lineage_members, Direction, Links, Quotes, Unknown};
use resgraph::rows::{walk_rows, LineageRow};
use resgraph::view::document_url;
use resgraph_graph::evidence::{Quote, Toward};
use resgraph_graph::{CitationGraph, Filter, Occurrence, QueryOptions, Symbol};
use serde::{Deserialize, Serialize};

/// The version of the JSON contract (the one version, the extractor's),
/// written as `schema_version` in every answer of `/api/...`.
pub use resgraph::extract::SCHEMA_VERSION;

/// The deepest lineage a page draws or lists: beyond it a picture of a
/// series' history is unreadable and a walk of a large graph is slow.
pub const MAX_DEPTH: u32 = 4;

/// How far and which way a document page walks, and which citations it
/// follows: the query string of `/doc/...` and `/api/doc/...`
/// (`?depth=2&direction=both&relation=recalling`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ViewParams {
    /// Citation steps, 1 to [`MAX_DEPTH`] (2 when not given).
    pub depth: Option<u32>,
    /// Which way from the document (ancestors when not given).
    pub direction: Option<Way>,
    /// Only citations of this relation: a class word
    /// ([`resgraph_graph::CLASS_WORDS`]) or a verb as the texts write it.
    pub relation: Option<String>,
}

/// Which way from a document a page walks: the query string's spelling
/// of [`Direction`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Way {
    /// What it builds on.
    #[default]
    Ancestors,
    /// What builds on it.
    Descendants,
    /// Both.
    Both,
}

impl Way {
    /// Every way, in the order the page offers them.
    pub const ALL: [Way; 3] = [Way::Ancestors, Way::Descendants, Way::Both];

    /// The query string's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Way::Ancestors => "ancestors",
            Way::Descendants => "descendants",
            Way::Both => "both",
        }
    }

    /// The pipeline's direction.
    pub fn direction(self) -> Direction {
        match self {
            Way::Ancestors => Direction::Ancestors,
            Way::Descendants => Direction::Descendants,
            Way::Both => Direction::Both,
        }
    }
}

/// The view a document page shows, once checked: a depth within bounds
/// and a relation the graph knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct View {
    /// Citation steps, 1 to [`MAX_DEPTH`].
    pub depth: u32,
    /// Which way from the document.
    pub direction: Way,
    /// The relation followed, if one was asked for.
    pub relation: Option<String>,
}

impl View {
    /// The filter of citations this view follows.
    pub fn filter(&self) -> Filter {
        match &self.relation {
            Some(r) => Filter::default().with_relations([r.to_lowercase()]),
            None => Filter::default(),
        }
    }

    /// The query string that asks for this view (empty for the default
    /// one), for links between views.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if self.depth != View::default().depth {
            parts.push(format!("depth={}", self.depth));
        }
        if self.direction != Way::default() {
            parts.push(format!("direction={}", self.direction.as_str()));
        }
        if let Some(r) = &self.relation {
            parts.push(format!(
                "relation={}",
                resgraph_io::percent_encode(r, resgraph_io::PATH_ENCODE_SET)
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

impl Default for View {
    fn default() -> Self {
        View {
            depth: 2,
            direction: Way::Ancestors,
            relation: None,
        }
    }
}

/// A view that cannot be shown: the query string asked for something out
/// of bounds or unknown.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ViewError {
    /// A depth of 0 or above [`MAX_DEPTH`].
    #[error("depth {0} is out of bounds: give 1 to {MAX_DEPTH}")]
    Depth(u32),
    /// A relation no citation of the graph can have.
    #[error("{0}")]
    Relation(#[from] resgraph_graph::UnknownRelation),
}

impl ViewParams {
    /// The view these parameters ask for.
    ///
    /// # Errors
    ///
    /// [`ViewError`] for a depth out of bounds or a relation that
    /// [`CitationGraph::check_relation`] refuses (with its suggestions).
    pub fn check(&self, graph: &CitationGraph) -> Result<View, ViewError> {
        let depth = self.depth.unwrap_or(View::default().depth);
        if depth == 0 || depth > MAX_DEPTH {
            return Err(ViewError::Depth(depth));
        }
        let relation = match self.relation.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(r) => {
                graph.check_relation(r)?;
                Some(r.to_string())
            }
        };
        Ok(View {
            depth,
            direction: self.direction.unwrap_or_default(),
            relation,
        })
    }
}

/// What the graph knows of one document: the head of a document page and
/// each row of its tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentFacts {
    /// The canonical symbol (`A/RES/76/19`).
    pub symbol: String,
    /// Its label ([`Symbol::label`]: `76/19`, `dec. 77/512`).
    pub label: String,
    /// Its kind (`ga-resolution`).
    pub kind: &'static str,
    /// The organ its symbol names (`General Assembly`).
    pub organ: &'static str,
    /// Its date, ISO, when known.
    pub date: Option<String>,
    /// Its title, when known.
    pub title: Option<String>,
    /// Whether its text was read (else it is only cited).
    pub read: bool,
    /// The explorer's page of it (`/doc/A/RES/76/19`), percent-encoded.
    pub page: String,
    /// Its address on undocs.org.
    pub undocs: String,
}

impl DocumentFacts {
    /// What `graph` knows of `symbol`.
    pub fn of(graph: &CitationGraph, symbol: &Symbol) -> DocumentFacts {
        let info = graph.node(symbol);
        DocumentFacts {
            symbol: symbol.to_string(),
            label: symbol.label(),
            kind: symbol.kind().as_str(),
            organ: symbol.organ().name(),
            date: info.and_then(|i| i.date).map(|d| d.to_string()),
            title: info.and_then(|i| i.title.clone()),
            read: info.is_some_and(|i| i.read),
            page: page_of(symbol),
            undocs: document_url(symbol),
        }
    }
}

/// The explorer's path of a document's page: `/doc/` and the symbol,
/// percent-encoded as undocs.org's paths are (`/doc/A/RES/43/78%20H`).
pub fn page_of(symbol: &Symbol) -> String {
    page_path(&symbol.to_string())
}

/// [`page_of`] for a symbol already written out.
pub fn page_path(symbol: &str) -> String {
    format!(
        "/doc/{}",
        resgraph_io::percent_encode(symbol, resgraph_io::PATH_ENCODE_SET)
    )
}

/// One mention of a cited document: how and where the citing text makes
/// it, and the clause that makes it, quoted from the citing text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationRow {
    /// The verb as written (`recalling`, `welcomes`, `see`).
    pub relation: String,
    /// The section it stands in (`preamble`, `operative`, `footnote` ...).
    pub section: String,
    /// The paragraph, when numbered.
    pub paragraph: Option<u32>,
    /// The date the citing text gives for the cited document, ISO.
    pub cited_date: Option<String>,
    /// The clause of the citing text that makes the citation, read back
    /// from it by [`Quotes::quote`] (the rule of the command line's
    /// `evidence`); `None` when it cannot be, `unknown` saying why.
    pub quote: Option<String>,
    /// Where the mention stands in `quote`: its first byte and the byte
    /// just past it, so that a page can show which words cite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<[usize; 2]>,
    /// Why there is no quote, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<String>,
}

impl CitationRow {
    /// The row of `occurrence` of the link `citing -> cited`, its quote
    /// read by `quotes` from the citing text.
    pub fn quoted(
        graph: &CitationGraph,
        citing: &Symbol,
        cited: &Symbol,
        occurrence: &Occurrence,
        quotes: &mut Quotes,
    ) -> CitationRow {
        let source = graph.node(citing).and_then(|i| i.source.as_deref());
        let quoted: Result<Quote, Unknown> = quotes.quote_marked(source, occurrence.span, cited);
        CitationRow {
            relation: occurrence.relation.as_str().to_string(),
            section: occurrence.section.to_string(),
            paragraph: occurrence.paragraph,
            cited_date: occurrence.cited_date.map(|d| d.to_string()),
            unknown: quoted.as_ref().err().map(ToString::to_string),
            mention: quoted
                .as_ref()
                .ok()
                .map(|q| [q.mention.start, q.mention.end]),
            quote: quoted.ok().map(|q| q.text),
        }
    }

    /// The quote in three parts, before the mention, the mention and
    /// after it, for a page that marks the mention; the whole quote
    /// unmarked when its place is not known.
    pub fn quote_parts(&self) -> Option<(&str, &str, &str)> {
        let quote = self.quote.as_deref()?;
        let parts = self.mention.and_then(|[start, end]| {
            Some((
                quote.get(..start)?,
                quote.get(start..end)?,
                quote.get(end..)?,
            ))
        });
        Some(parts.unwrap_or((quote, "", "")))
    }
}

/// A document one citation step away, with the mentions of the link that
/// the view's filter follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkRow {
    /// The other document.
    #[serde(flatten)]
    pub document: DocumentFacts,
    /// The mentions, by place in the citing text.
    pub citations: Vec<CitationRow>,
}

/// Everything a document page shows, and what `/api/doc/...` answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentPage {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The document.
    #[serde(flatten)]
    pub document: DocumentFacts,
    /// The view asked for.
    pub view: View,
    /// What it cites directly (through the citations the view follows).
    pub builds_on: Vec<LinkRow>,
    /// What cites it directly.
    pub cited_by: Vec<LinkRow>,
    /// Its ancestors and/or descendants within the view's depth, by
    /// distance then chronology: the query rows of `resgraph ancestors
    /// --format json` ([`resgraph::rows::walk_rows`]), evidence included
    /// (ancestors first when the view goes both ways).
    pub lineage: Vec<LineageRow>,
    /// The series it belongs to, oldest first (empty when none:
    /// [`CitationGraph::series_lineage`]).
    pub series: Vec<DocumentFacts>,
}

/// Whether a [`DocumentPage`]'s lineage rows carry their evidence. The
/// JSON answer's do (they are the query rows of the command line's JSON);
/// the HTML page shows no quote in its lineage rows, and cutting quotes
/// for every step of a lineage four deep would be most of its work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineageEvidence {
    /// Each lineage row has its `evidence`, quoted from the citing texts.
    Quoted,
    /// Lineage rows have no `evidence`; no text is read for them.
    Omitted,
}

impl DocumentPage {
    /// The page of `symbol` (which the graph holds) in `view`: every
    /// mention of "builds on" and "cited by" quoted from its citing text
    /// (each text read once), and the lineage rows' evidence as
    /// `lineage_evidence` says.
    pub fn build(
        graph: &CitationGraph,
        symbol: &Symbol,
        view: &View,
        lineage_evidence: LineageEvidence,
    ) -> DocumentPage {
        let filter = view.filter();
        let step = QueryOptions::new().depth(1).filter(filter.clone());
        let deep = QueryOptions::new().depth(view.depth).filter(filter.clone());
        let mut quotes = Quotes::new();
        let mut links = |neighbours: Vec<(Symbol, u32)>, toward: Toward| -> Vec<LinkRow> {
            neighbours
                .into_iter()
                .map(|(other, _)| {
                    let (citing, cited) = match toward {
                        Toward::Ancestors => (symbol, &other),
                        Toward::Descendants => (&other, symbol),
                    };
                    LinkRow {
                        citations: graph
                            .occurrences(citing, cited)
                            .iter()
                            .filter(|o| filter.matches(o))
                            .map(|o| CitationRow::quoted(graph, citing, cited, o, &mut quotes))
                            .collect(),
                        document: DocumentFacts::of(graph, &other),
                    }
                })
                .collect()
        };
        let builds_on = links(graph.ancestors(symbol, &step), Toward::Ancestors);
        let cited_by = links(graph.descendants(symbol, &step), Toward::Descendants);
        let quoted = lineage_evidence == LineageEvidence::Quoted;
        let mut lineage = Vec::new();
        if matches!(view.direction, Way::Ancestors | Way::Both) {
            lineage.extend(walk_rows(
                graph,
                symbol,
                Toward::Ancestors,
                &deep,
                quoted.then_some(&mut quotes),
            ));
        }
        if matches!(view.direction, Way::Descendants | Way::Both) {
            lineage.extend(walk_rows(
                graph,
                symbol,
                Toward::Descendants,
                &deep,
                quoted.then_some(&mut quotes),
            ));
        }
        DocumentPage {
            schema_version: SCHEMA_VERSION,
            document: DocumentFacts::of(graph, symbol),
            view: view.clone(),
            builds_on,
            cited_by,
            lineage,
            series: graph
                .series_lineage(symbol)
                .iter()
                .map(|s| DocumentFacts::of(graph, s))
                .collect(),
        }
    }
}

/// The lineage of `symbol` in `view` drawn as SVG by the builtin engine
/// (no program is started per request), each document linked to its page
/// of the explorer; the XML declaration is left out so that the picture
/// can stand inside a page.
///
/// # Errors
///
/// The renderer's, among them [`resgraph_render::RenderError::TooLarge`]
/// for a lineage above [`resgraph_render::Style::max_nodes`] documents.
pub fn lineage_svg(
    graph: &CitationGraph,
    symbol: &Symbol,
    view: &View,
) -> Result<String, resgraph_render::RenderError> {
    let options = QueryOptions::new().depth(view.depth).filter(view.filter());
    let members = lineage_members(graph, symbol, view.direction.direction(), &options);
    // Only the citations the filter follows are drawn, as `render` does.
    let filtered;
    let drawn = if options.filter.follows_every_link() {
        graph
    } else {
        filtered = graph.subgraph_with(&members, &options.filter);
        &filtered
    };
    let mut picture = draw_lineage(drawn, symbol, &members, Links::Reduced);
    for node in &mut picture.nodes {
        // Ids are the canonical symbols `view::lineage` wrote.
        if let Ok(s) = node.id.parse::<Symbol>() {
            node.url = Some(page_of(&s));
        }
    }
    let svg = resgraph_render::to_svg(
        &picture,
        &resgraph_render::Style::default(),
        resgraph_render::Engine::Builtin,
    )?;
    Ok(match svg.find("<svg") {
        Some(start) => svg[start..].to_string(),
        None => svg,
    })
}
