//! One file per command; each has its arguments (`Args`) and `run`,
//! which returns `Ok(false)` when some input failed but the rest was done.
//! What several commands share is here: where a graph comes from, query
//! filters, the ranked table, and how failed files are reported.

pub mod ancestors;
pub mod build;
pub mod check;
pub mod completions;
pub mod descendants;
pub mod export;
pub mod extract;
pub mod path;
pub mod render;
pub mod series;
pub mod serve;
pub mod stats;
pub mod synth;
pub mod top;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::ValueEnum;
use resgraph::pipeline::{Direction, Evidence, Quotes, ReadError};
pub use resgraph::rows::Known;
use resgraph_extract::Section;
use resgraph_graph::evidence::Toward;
use resgraph_graph::{CitationGraph, Filter, Kind, Organ, QueryOptions, Symbol, Years};

use crate::output::{emit, Reader};
use crate::progress::Bar;
use crate::terminal::say;

/// How query results are printed.
#[derive(Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
}

/// Where the graph comes from, shared by the graph commands.
#[derive(clap::Args)]
pub struct GraphArgs {
    /// A graph file made by `resgraph build`.
    #[arg(long)]
    pub graph: Option<PathBuf>,
    /// Texts to read instead (files or directories).
    #[arg(long = "from", num_args = 1..)]
    pub paths: Vec<PathBuf>,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The arguments of `ancestors` and `descendants`.
#[derive(clap::Args)]
pub struct LineageArgs {
    /// The document (`76/19`, `A/RES/76/19`, `a/res/76/19` ...).
    pub symbol: String,
    #[command(flatten)]
    pub source: GraphArgs,
    #[command(flatten)]
    pub query: QueryArgs,
}

/// Depth and filters of a lineage query.
#[derive(clap::Args)]
pub struct QueryArgs {
    /// Follow citations at most this many steps.
    #[arg(long)]
    pub depth: Option<u32>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    /// Show under each row the citations that put it there: the citing text's place, relation
    /// and the clause that cites (JSON always has them, as `evidence`).
    #[arg(long)]
    pub why: bool,
}

/// Which citations are followed: read from each occurrence of a link.
#[derive(clap::Args)]
pub struct LinkArgs {
    /// Only citations with this relation (repeatable): a class (recalling, reaffirming, welcoming,
    /// decides, see, draft, report, title: every verb of it) or a verb as the texts write it
    #[arg(long = "relation")]
    pub relations: Vec<String>,
    /// Only citations in this section (repeatable): heading, preamble, operative, footnote, annex.
    #[arg(long = "section")]
    pub sections: Vec<Section>,
}

/// Which citations are followed and which documents are shown: the
/// command line's side of [`Filter`], which says what applies to what.
#[derive(clap::Args)]
pub struct FilterArgs {
    #[command(flatten)]
    pub links: LinkArgs,
    /// Only show documents of this kind (repeatable): ga-resolution, ga-decision, sc-resolution,
    /// ecosoc-resolution, ecosoc-decision, hrc-resolution, hrc-decision, chr-resolution, document.
    #[arg(long = "kind")]
    pub kinds: Vec<Kind>,
    /// Only show documents of this organ (repeatable): GA, SC, ECOSOC, HRC, ST, other (from the
    /// symbol).
    #[arg(long = "organ")]
    pub organs: Vec<Organ>,
    /// Only show documents of this year or later (the year of their date, else of their session).
    #[arg(long, value_name = "YEAR")]
    pub since: Option<u16>,
    /// Only show documents of this year or earlier (the year of their date, else of their
    /// session).
    #[arg(long, value_name = "YEAR")]
    pub until: Option<u16>,
}

/// Which way from a document a lineage goes (`render`, `export --focus`).
#[derive(clap::Args)]
pub struct DirectionArgs {
    /// What the document builds on (the default).
    #[arg(long)]
    pub ancestors: bool,
    /// What builds on the document.
    #[arg(long)]
    pub descendants: bool,
    /// Both.
    #[arg(long)]
    pub both: bool,
}

impl DirectionArgs {
    /// Ancestors unless only `--descendants` is asked for; both for
    /// `--both` or both flags.
    pub fn direction(&self) -> Direction {
        if self.both || (self.ancestors && self.descendants) {
            Direction::Both
        } else if self.descendants {
            Direction::Descendants
        } else {
            Direction::Ancestors
        }
    }

    /// Whether any of the flags was given.
    pub fn any(&self) -> bool {
        self.ancestors || self.descendants || self.both
    }
}

impl LinkArgs {
    /// The filter of links these arguments ask for; a relation word that
    /// matches nothing in `graph` is an error.
    pub fn filter(&self, graph: &CitationGraph) -> Result<Filter> {
        Ok(resgraph::rows::link_filter(
            graph,
            &self.relations,
            self.sections.iter().copied(),
        )?)
    }
}

impl FilterArgs {
    /// The filter these arguments ask for (see [`LinkArgs::filter`]).
    pub fn filter(&self, graph: &CitationGraph) -> Result<Filter> {
        let mut filter = self.links.filter(graph)?;
        if !self.kinds.is_empty() {
            filter = filter.with_kinds(self.kinds.iter().copied());
        }
        if !self.organs.is_empty() {
            filter = filter.with_organs(self.organs.iter().copied());
        }
        if self.since.is_some() || self.until.is_some() {
            if let (Some(since), Some(until)) = (self.since, self.until) {
                if since > until {
                    bail!("--since {since} is after --until {until}: no year is in between");
                }
            }
            filter = filter.with_years(Years::between(self.since, self.until));
        }
        Ok(filter)
    }
}

impl GraphArgs {
    /// Loads the graph file or builds the graph from the texts. Files that
    /// cannot be read are reported at once, before the query can fail on
    /// what they would have held ("not in the graph"); the flag says
    /// whether every file was read.
    pub fn load(&self) -> Result<(CitationGraph, bool)> {
        let mut errors = Vec::new();
        let graph = load(self.graph.as_deref(), &self.paths, self.quiet, &mut errors)?;
        Ok((graph, report_errors(&errors)))
    }
}

/// Loads the graph file at `graph` or builds the graph from the texts at
/// `paths` (with a progress bar unless `quiet`); files that cannot be read
/// go to `errors`.
pub fn load(
    graph: Option<&Path>,
    paths: &[PathBuf],
    quiet: bool,
    errors: &mut Vec<ReadError>,
) -> Result<CitationGraph> {
    if let Some(path) = graph {
        if !paths.is_empty() {
            bail!("give either --graph FILE or texts to read, not both");
        }
        return CitationGraph::load(path).map_err(|e| anyhow::anyhow!("{e}"));
    }
    if paths.is_empty() {
        bail!("no graph: give --graph FILE (made by `resgraph build`) or the texts to read");
    }
    let built = resgraph::pipeline::build_graph(
        paths,
        &Bar::new(quiet),
        resgraph_registry::Registry::bundled_ref(),
    );
    errors.extend(built.errors);
    if built.without_symbol > 0 {
        say!(
            "resgraph: {} text(s) state no symbol and their file names spell none: left out of the graph",
            built.without_symbol
        );
    }
    Ok(built.graph)
}

/// Resolves what the user typed to a symbol of the graph, or explains.
pub fn resolve(graph: &CitationGraph, typed: &str) -> Result<Symbol> {
    graph.resolve(typed).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Query options from the command line's depth and filter.
pub fn options(depth: Option<u32>, filter: Filter) -> QueryOptions {
    let opts = QueryOptions::new().filter(filter);
    match depth {
        Some(d) => opts.depth(d),
        None => opts,
    }
}

/// `ancestors` and `descendants`: a lineage query printed with what is
/// known of each document, and its evidence in JSON or with `--why`
/// (quotes read from the citing texts only then).
pub fn lineage_query(
    LineageArgs {
        symbol,
        source,
        query,
    }: LineageArgs,
    toward: Toward,
) -> Result<bool> {
    let (graph, all_read) = source.load()?;
    let sym = resolve(&graph, &symbol)?;
    let opts = options(query.depth, query.filter.filter(&graph)?);
    let json = matches!(query.format, QueryFormat::Json);
    let mut quotes = (json || query.why).then(Quotes::new);
    let rows = resgraph::rows::walk_rows(&graph, &sym, toward, &opts, quotes.as_mut());
    emit(None, Reader::of(json), |w| print_rows(w, &rows, json))?;
    Ok(all_read)
}

/// Prints lineage rows ([`resgraph::rows::LineageRow`]): in JSON as the
/// library writes them, in a table by label ([`Symbol::label`]: the organ
/// shows for all but Assembly resolutions), date, whether read and title,
/// with each row's evidence under it when the row has it.
pub fn print_rows(
    out: &mut dyn Write,
    rows: &[resgraph::rows::LineageRow],
    json: bool,
) -> std::io::Result<()> {
    if json {
        // Through `serde_json::Value`, whose objects keep their keys in
        // alphabetical order: the order these answers have always had.
        let value = serde_json::to_value(rows)?;
        serde_json::to_writer_pretty(&mut *out, &value)?;
        return writeln!(out);
    }
    for row in rows {
        let known = row.known();
        let read = if known.read { "read " } else { "cited" };
        let (date, title) = (known.date_cell(), known.title_cell());
        writeln!(
            out,
            "{:>3}  {:<26} {date:<10}  {read}  {title}",
            row.distance, row.label
        )?;
        if let Some(evidence) = &row.evidence {
            write_why(out, evidence)?;
        }
    }
    Ok(())
}

/// The evidence under a table row: one line per occurrence, the citing
/// document, its place and relation, then the quote (or why there is none).
pub fn write_why(out: &mut dyn Write, evidence: &[Evidence]) -> std::io::Result<()> {
    for e in evidence {
        let paragraph = e.paragraph.map(|p| format!(" {p}")).unwrap_or_default();
        let said = match (&e.quote, &e.unknown) {
            (Some(quote), _) => format!("“{quote}”"),
            (None, Some(why)) => format!("(no quote: {why})"),
            (None, None) => "(no quote)".into(),
        };
        writeln!(
            out,
            "       {} {}{paragraph}, {}: {said}",
            e.citing, e.section, e.relation
        )?;
    }
    Ok(())
}

/// Prints one line per failed file; returns whether all went well.
pub fn report_errors(errors: &[ReadError]) -> bool {
    for e in errors {
        say!("resgraph: {e}");
    }
    if !errors.is_empty() {
        say!("resgraph: {} file(s) could not be read", errors.len());
    }
    errors.is_empty()
}
