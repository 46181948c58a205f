//! The `resgraph` command line: a thin layer over the resgraph libraries
//! that knows about terminals, files and output formats.

#![forbid(unsafe_code)]

// mimalloc: about a fifth faster than the system allocator on extraction,
// which allocates and frees many small strings on every thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod graph_cmd;
mod input;
mod output;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use resgraph_graph::{CitationGraph, Symbol};

use input::FileError;

/// Citation graph and cross-reference engine for United Nations documents.
#[derive(Parser)]
#[command(name = "resgraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum DocFormat {
    Json,
    Jsonl,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Graphml,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RankBy {
    Cited,
    Pagerank,
}

#[derive(Clone, Copy, ValueEnum)]
enum EngineArg {
    Auto,
    Dot,
    Builtin,
}

/// Where the graph comes from, shared by the graph commands.
#[derive(clap::Args)]
struct GraphArgs {
    /// A graph file made by `resgraph build`.
    #[arg(long)]
    graph: Option<PathBuf>,
    /// Texts to read instead (files or directories).
    #[arg(long = "from", num_args = 1..)]
    paths: Vec<PathBuf>,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

/// Depth and filters of a lineage query.
#[derive(clap::Args)]
struct QueryArgs {
    /// Follow citations at most this many steps.
    #[arg(long)]
    depth: Option<u32>,
    /// Only citations with this relation (repeatable): recalling, welcomes, see ...
    #[arg(long = "relation")]
    relations: Vec<String>,
    /// Only citations in this section (repeatable): heading, preamble, operative, footnote, annex.
    #[arg(long = "section")]
    sections: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
}

#[derive(Subcommand)]
enum Command {
    /// Read texts and save their citation graph to one file.
    Build {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The graph file to write (atomically).
        #[arg(short, long)]
        output: PathBuf,
        /// No progress bar even on a terminal.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Everything a document builds on, with distances.
    Ancestors {
        /// The document (`76/19`, `A/RES/76/19`, `a/res/76/19` ...).
        symbol: String,
        #[command(flatten)]
        source: GraphArgs,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Everything that builds on a document, with distances.
    Descendants {
        /// The document.
        symbol: String,
        #[command(flatten)]
        source: GraphArgs,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// The shortest chain of citations from one document to another.
    Path {
        /// The citing end.
        from: String,
        /// The cited end.
        to: String,
        #[command(flatten)]
        source: GraphArgs,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// The successive resolutions of a recurring series.
    Series {
        /// A member of the series.
        symbol: String,
        #[command(flatten)]
        source: GraphArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
    },
    /// The most cited documents.
    Top {
        #[command(flatten)]
        source: GraphArgs,
        /// Rank by in-degree or by PageRank.
        #[arg(long, value_enum, default_value = "cited")]
        by: RankBy,
        /// How many.
        #[arg(long, default_value = "20")]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
    },
    /// Counts of documents, citations, kinds and relations.
    Stats {
        #[command(flatten)]
        source: GraphArgs,
    },
    /// Export the graph for other tools.
    Export {
        #[command(flatten)]
        source: GraphArgs,
        /// GraphML (Gephi, networkx, igraph), CSV (pandas, Neo4j), JSON node-link (d3, networkx).
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (atomically); CSV writes OUT.nodes.csv and OUT.edges.csv.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check citations against the registry of adoption dates: wrong
    /// dates, anachronisms, impossible symbols, self-citations. Exit code
    /// 1 when an error is found.
    Check {
        /// Texts (files or directories).
        paths: Vec<PathBuf>,
        /// Check the citations kept in a graph file instead.
        #[arg(long)]
        graph: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
        /// Also list warnings and notes (errors are always listed).
        #[arg(long)]
        all: bool,
        /// No progress bar even on a terminal.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Write a realistic synthetic corpus of UN-style texts (with an
    /// edges.csv of the same citation graph), deterministic for a seed.
    Synth {
        /// How many documents.
        #[arg(long)]
        documents: usize,
        /// The seed.
        #[arg(long, default_value = "0")]
        seed: u64,
        /// Of every thousand cited dates, how many are wrong on purpose.
        #[arg(long, default_value = "5")]
        wrong_dates_per_mille: u32,
        /// Leave out the page furniture of the official PDFs.
        #[arg(long)]
        no_furniture: bool,
        /// The directory to write into.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Draw a document's lineage as SVG (or DOT, for a .dot output).
    Render {
        /// The document.
        symbol: String,
        #[command(flatten)]
        source: GraphArgs,
        /// Draw what it builds on (the default).
        #[arg(long)]
        ancestors: bool,
        /// Draw what builds on it.
        #[arg(long)]
        descendants: bool,
        /// Draw both.
        #[arg(long)]
        both: bool,
        /// How many steps of citations to draw.
        #[arg(long, default_value = "2")]
        depth: u32,
        /// Only citations with this relation (repeatable).
        #[arg(long = "relation")]
        relations: Vec<String>,
        /// Only citations in this section (repeatable).
        #[arg(long = "section")]
        sections: Vec<String>,
        /// The layout engine: Graphviz dot if installed (auto), dot, or the builtin one.
        #[arg(long, value_enum, default_value = "auto")]
        engine: EngineArg,
        /// Group documents by organ.
        #[arg(long)]
        cluster_by_organ: bool,
        /// Draw every citation; by default a link that a longer chain of
        /// citations already implies is left out.
        #[arg(long)]
        all_links: bool,
        /// The picture to write (.svg or .dot).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Extract the citations of texts (files, or directories of .txt,
    /// .md, .html files).
    Extract {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: DocFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print counts of files, citations per kind and notes to
        /// standard error at the end, and how many reference-shaped
        /// tokens were cited or excluded, per reason.
        #[arg(long)]
        summary: bool,
        /// Instead of the documents, print every reference-shaped token
        /// (`76/19`, `1373 (2001)`, `2625 (XXV)`, `A/65/201`) with its
        /// verdict: cited, or excluded with the reason ("unexplained"
        /// marks a possible missed citation), its line and context.
        #[arg(long)]
        explain: bool,
        /// No progress bar even on a terminal.
        #[arg(short, long)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("resgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command; `Ok(false)` when some input failed but the rest was
/// done.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            output,
            summary,
            explain,
            quiet,
        } => {
            let mut errors = Vec::new();
            let files = input::expand(&paths, &mut errors);
            let format = match (explain, format) {
                (true, _) => output::DocFormat::Verdicts,
                (false, DocFormat::Json) => output::DocFormat::Json,
                (false, DocFormat::Jsonl) => output::DocFormat::Jsonl,
                (false, DocFormat::Table) => output::DocFormat::Table,
            };
            // Verdicts are judged only when they are printed or counted.
            let judge = explain || summary;
            let mut counts = Summary::default();
            // Each document is written as soon as it and those before it
            // are read (a JSON array is written whole at the end).
            let mut write = |w: &mut dyn Write| -> std::io::Result<()> {
                let mut writer = output::DocumentWriter::new(w, format);
                // Documents are rendered on the reading threads; this
                // thread only writes the bytes, in order.
                // Counts are taken only for a summary that is printed.
                let render = |result: Result<resgraph_extract::Explained, input::FileError>| {
                    result.map(|explained| {
                        let counted = summary.then(|| Summary::of(&explained));
                        (output::render(explained, format), counted)
                    })
                };
                input::stream_map(
                    &files,
                    quiet,
                    judge,
                    render,
                    |rendered| -> std::io::Result<()> {
                        match rendered {
                            Ok((rendered, counted)) => {
                                if let Some(counted) = counted {
                                    counts.merge(counted);
                                }
                                writer.write(rendered?)?;
                            }
                            Err(err) => errors.push(err),
                        }
                        Ok(())
                    },
                )?;
                writer.finish()
            };
            let written = match output.as_deref() {
                Some(path) => output::write_atomically(path, |w| write(w)),
                None => {
                    let stdout = std::io::stdout();
                    let mut lock = std::io::BufWriter::new(stdout.lock());
                    match write(&mut lock).and_then(|_| lock.flush()) {
                        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
                        _ => Ok(()),
                    }
                }
            };
            if let Err(err) = written {
                // The files that could not be read are still named.
                report_errors(&errors);
                return Err(err);
            }
            if summary {
                counts.print(files.len());
            }
            Ok(report_errors(&errors))
        }
        Command::Build {
            paths,
            output,
            quiet,
        } => {
            let mut errors = Vec::new();
            let source = graph_cmd::GraphSource {
                graph: None,
                paths: &paths,
                quiet,
            };
            let graph = graph_cmd::load(&source, &mut errors)?;
            graph.save(&output).map_err(|e| anyhow::anyhow!("{e}"))?;
            let stats = graph.stats();
            eprintln!(
                "resgraph: wrote {}: {} documents ({} read), {} links, {} citations",
                output.display(),
                stats.nodes,
                stats.read,
                stats.edges,
                stats.occurrences
            );
            Ok(report_errors(&errors))
        }
        Command::Ancestors {
            symbol,
            source,
            query,
        } => lineage_query(&symbol, &source, &query, CitationGraph::ancestors),
        Command::Descendants {
            symbol,
            source,
            query,
        } => lineage_query(&symbol, &source, &query, CitationGraph::descendants),
        Command::Path {
            from,
            to,
            source,
            query,
        } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            let a = graph_cmd::resolve(&graph, &from)?;
            let b = graph_cmd::resolve(&graph, &to)?;
            let opts = graph_cmd::options(query.depth, &query.relations, &query.sections)?;
            let path = graph.shortest_path(&a, &b, &opts);
            let json = matches!(query.format, QueryFormat::Json);
            graph_cmd::emit(None, |w| match (&path, json) {
                (Some(p), true) => {
                    let names: Vec<String> = p.iter().map(|s| s.to_string()).collect();
                    serde_json::to_writer_pretty(&mut *w, &names)?;
                    writeln!(w)
                }
                (Some(p), false) => {
                    let names: Vec<String> = p.iter().map(|s| s.to_string()).collect();
                    writeln!(w, "{}", names.join(" -> "))
                }
                (None, true) => writeln!(w, "null"),
                (None, false) => writeln!(w, "no chain of citations leads from {a} to {b}"),
            })?;
            Ok(report_errors(&errors) && path.is_some())
        }
        Command::Series {
            symbol,
            source,
            format,
        } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            let sym = graph_cmd::resolve(&graph, &symbol)?;
            let series = graph.series_lineage(&sym);
            let rows: Vec<(resgraph_graph::Symbol, u32)> = series
                .iter()
                .enumerate()
                .map(|(i, s)| (s.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
                .collect();
            let json = matches!(format, QueryFormat::Json);
            graph_cmd::emit(None, |w| graph_cmd::print_ranked(w, &graph, &rows, json))?;
            Ok(report_errors(&errors))
        }
        Command::Top {
            source,
            by,
            limit,
            format,
        } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            let rows: Vec<(String, f64)> = match by {
                RankBy::Cited => graph
                    .most_cited(limit, None)
                    .into_iter()
                    .map(|(s, n)| (s.to_string(), n as f64))
                    .collect(),
                RankBy::Pagerank => graph
                    .pagerank(0.85, 50)
                    .into_iter()
                    .take(limit)
                    .map(|(s, r)| (s.to_string(), r))
                    .collect(),
            };
            let json = matches!(format, QueryFormat::Json);
            graph_cmd::emit(None, |w| {
                if json {
                    let items: Vec<serde_json::Value> = rows
                        .iter()
                        .map(|(s, v)| serde_json::json!({"symbol": s, "score": v}))
                        .collect();
                    serde_json::to_writer_pretty(&mut *w, &items)?;
                    return writeln!(w);
                }
                for (s, v) in &rows {
                    match by {
                        RankBy::Cited => writeln!(w, "{v:>8}  {s}")?,
                        RankBy::Pagerank => writeln!(w, "{v:>10.6}  {s}")?,
                    }
                }
                Ok(())
            })?;
            Ok(report_errors(&errors))
        }
        Command::Stats { source } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            let stats = graph.stats();
            graph_cmd::emit(None, |w| {
                writeln!(
                    w,
                    "documents   {:>10}  ({} read, {} only cited)",
                    stats.nodes, stats.read, stats.cited_only
                )?;
                writeln!(
                    w,
                    "links       {:>10}  (citing -> cited pairs)",
                    stats.edges
                )?;
                writeln!(w, "citations   {:>10}", stats.occurrences)?;
                writeln!(
                    w,
                    "adoptions   {:>10}  (draft -> resolution)",
                    stats.adoptions
                )?;
                for (kind, n) in &stats.by_kind {
                    writeln!(w, "  {kind:<20} {n:>8}")?;
                }
                for (relation, n) in stats.by_relation.iter().take(15) {
                    writeln!(w, "  relation {relation:<20} {n:>8}")?;
                }
                Ok(())
            })?;
            Ok(report_errors(&errors))
        }
        Command::Export {
            source,
            format,
            output,
        } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            match format {
                ExportFormat::Graphml => {
                    graph_cmd::emit(output.as_deref(), |w| graph.write_graphml(w))?
                }
                ExportFormat::Json => {
                    graph_cmd::emit(output.as_deref(), |w| graph.write_json_node_link(w))?
                }
                ExportFormat::Csv => match &output {
                    Some(prefix) => {
                        let nodes = PathBuf::from(format!("{}.nodes.csv", prefix.display()));
                        let edges = PathBuf::from(format!("{}.edges.csv", prefix.display()));
                        graph_cmd::emit(Some(&nodes), |w| graph.write_csv_nodes(w))?;
                        graph_cmd::emit(Some(&edges), |w| graph.write_csv_edges(w))?;
                    }
                    None => graph_cmd::emit(None, |w| {
                        graph.write_csv_nodes(&mut *w)?;
                        writeln!(w)?;
                        graph.write_csv_edges(w)
                    })?,
                },
            }
            Ok(report_errors(&errors))
        }
        Command::Check {
            paths,
            graph,
            format,
            all,
            quiet,
        } => {
            use resgraph_registry::check::{Checker, Level};
            let mut errors = Vec::new();
            let docs = match &graph {
                Some(path) => {
                    if !paths.is_empty() {
                        anyhow::bail!("give either --graph FILE or texts to check, not both");
                    }
                    let graph = resgraph_graph::CitationGraph::load(path)
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    graph_cmd::documents_of(&graph)
                }
                None => {
                    if paths.is_empty() {
                        anyhow::bail!("nothing to check: give texts or --graph FILE");
                    }
                    let files = input::expand(&paths, &mut errors);
                    input::extract_all(&files, &mut errors, quiet)
                }
            };
            let checker = Checker::new(resgraph_registry::Registry::bundled_ref());
            let mut findings = Vec::new();
            for doc in &docs {
                findings.extend(checker.check(doc));
            }
            let has_error = findings.iter().any(|f| f.level == Level::Error);
            let shown: Vec<_> = findings
                .iter()
                .filter(|f| all || f.level == Level::Error)
                .collect();
            let json = matches!(format, QueryFormat::Json);
            graph_cmd::emit(None, |w| {
                if json {
                    serde_json::to_writer_pretty(&mut *w, &shown)?;
                    return writeln!(w);
                }
                let mut lines = graph_cmd::LineIndex::default();
                for f in &shown {
                    let line = f
                        .offset
                        .filter(|_| graph.is_none())
                        .and_then(|o| lines.line_of(&f.source, o))
                        .map(|l| format!(":{l}"))
                        .unwrap_or_default();
                    writeln!(w, "{}{line}: {}: {}", f.source, f.level, f.message)?;
                }
                Ok(())
            })?;
            let count = |level| findings.iter().filter(|f| f.level == level).count();
            eprintln!(
                "resgraph: {} documents checked: {} errors, {} warnings, {} notes",
                docs.len(),
                count(Level::Error),
                count(Level::Warning),
                count(Level::Note)
            );
            Ok(report_errors(&errors) && !has_error)
        }
        Command::Synth {
            documents,
            seed,
            wrong_dates_per_mille,
            no_furniture,
            output,
        } => {
            let config = resgraph_synth::SynthConfig {
                documents,
                seed,
                wrong_dates_per_mille,
                page_furniture: !no_furniture,
            };
            let started = std::time::Instant::now();
            let stats = resgraph_synth::corpus_to_dir(&config, &output)
                .with_context(|| format!("cannot write the corpus into {}", output.display()))?;
            eprintln!(
                "resgraph: wrote {} documents ({:.1} MB, {} citations, {} wrong dates on purpose, sessions {}-{}) and edges.csv into {} in {:.1} s",
                stats.documents,
                stats.bytes as f64 / 1e6,
                stats.citations,
                stats.wrong_dates,
                stats.first_session,
                stats.last_session,
                output.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(true)
        }
        Command::Render {
            symbol,
            source,
            ancestors,
            descendants,
            both,
            depth,
            relations,
            sections,
            engine,
            cluster_by_organ,
            all_links,
            output,
        } => {
            let mut errors = Vec::new();
            let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
            let sym = graph_cmd::resolve(&graph, &symbol)?;
            let opts = graph_cmd::options(Some(depth), &relations, &sections)?;
            let up = ancestors || both || !descendants;
            let down = descendants || both;
            let mut members = vec![sym.clone()];
            if up {
                members.extend(graph.ancestors(&sym, &opts).into_iter().map(|(s, _)| s));
            }
            if down {
                members.extend(graph.descendants(&sym, &opts).into_iter().map(|(s, _)| s));
            }
            let mut picture = resgraph::view::lineage(&graph, Some(&sym), &members);
            if !all_links {
                resgraph::view::reduce(&mut picture);
            }
            let style = resgraph_render::Style {
                cluster_by_organ,
                ..resgraph_render::Style::default()
            };
            let is_dot = output.extension().is_some_and(|e| e == "dot");
            let text = if is_dot {
                resgraph_render::to_dot(&picture, &style)
            } else {
                let engine = match engine {
                    EngineArg::Auto => resgraph_render::Engine::Auto,
                    EngineArg::Dot => resgraph_render::Engine::Dot,
                    EngineArg::Builtin => resgraph_render::Engine::Builtin,
                };
                resgraph_render::to_svg(&picture, &style, engine)
            }
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            graph_cmd::emit(Some(&output), |w| w.write_all(text.as_bytes()))?;
            eprintln!(
                "resgraph: wrote {} ({} documents, {} links)",
                output.display(),
                picture.nodes.len(),
                picture.edges.len()
            );
            Ok(report_errors(&errors))
        }
    }
}

impl GraphArgs {
    fn as_source(&self) -> graph_cmd::GraphSource<'_> {
        graph_cmd::GraphSource {
            graph: self.graph.as_deref(),
            paths: &self.paths,
            quiet: self.quiet,
        }
    }
}

/// `ancestors` and `descendants`: a lineage query printed with what is
/// known of each document.
fn lineage_query(
    symbol: &str,
    source: &GraphArgs,
    query: &QueryArgs,
    walk: fn(&CitationGraph, &Symbol, &resgraph_graph::QueryOptions) -> Vec<(Symbol, u32)>,
) -> Result<bool> {
    let mut errors = Vec::new();
    let graph = graph_cmd::load(&source.as_source(), &mut errors)?;
    let sym = graph_cmd::resolve(&graph, symbol)?;
    let opts = graph_cmd::options(query.depth, &query.relations, &query.sections)?;
    let rows = walk(&graph, &sym, &opts);
    let json = matches!(query.format, QueryFormat::Json);
    graph_cmd::emit(None, |w| graph_cmd::print_ranked(w, &graph, &rows, json))?;
    Ok(report_errors(&errors))
}

#[derive(Default)]
struct Summary {
    documents: usize,
    citations: usize,
    notes: usize,
    without_symbol: usize,
    kinds: BTreeMap<&'static str, usize>,
    sections: BTreeMap<&'static str, usize>,
    /// Reference-shaped tokens per verdict (when they were judged).
    verdicts: BTreeMap<String, usize>,
    tokens: usize,
}

impl Summary {
    /// The counts of one document.
    fn of(explained: &resgraph_extract::Explained) -> Summary {
        let doc = &explained.document;
        let mut summary = Summary {
            documents: 1,
            citations: doc.citations.len(),
            notes: doc.diagnostics.len(),
            without_symbol: usize::from(doc.symbol.is_none()),
            ..Summary::default()
        };
        for c in &doc.citations {
            *summary.kinds.entry(c.target.kind().as_str()).or_default() += 1;
            *summary.sections.entry(c.section.as_str()).or_default() += 1;
        }
        for c in &explained.candidates {
            summary.tokens += 1;
            *summary.verdicts.entry(c.verdict.to_string()).or_default() += 1;
        }
        summary
    }

    /// Adds another document's counts.
    fn merge(&mut self, other: Summary) {
        self.documents += other.documents;
        self.citations += other.citations;
        self.notes += other.notes;
        self.without_symbol += other.without_symbol;
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_default() += n;
        }
        for (k, n) in other.sections {
            *self.sections.entry(k).or_default() += n;
        }
        for (k, n) in other.verdicts {
            *self.verdicts.entry(k).or_default() += n;
        }
        self.tokens += other.tokens;
    }

    /// Counts of documents, citations per kind and section, and
    /// reference-shaped tokens per verdict, on standard error.
    fn print(&self, files: usize) {
        eprintln!(
            "{files} files, {} documents read ({} without a symbol), {} citations, {} notes",
            self.documents, self.without_symbol, self.citations, self.notes
        );
        for (kind, n) in &self.kinds {
            eprintln!("  {kind:<20} {n:>8}");
        }
        for (section, n) in &self.sections {
            eprintln!("  section {section:<12} {n:>8}");
        }
        eprintln!("{} reference-shaped tokens:", self.tokens);
        for (verdict, n) in &self.verdicts {
            eprintln!("  {verdict:<32} {n:>8}");
        }
    }
}

/// Prints one line per failed file; returns whether all went well.
fn report_errors(errors: &[FileError]) -> bool {
    for e in errors {
        eprintln!("resgraph: {}: {}", e.path.display(), e.message);
    }
    if !errors.is_empty() {
        eprintln!("resgraph: {} file(s) could not be read", errors.len());
    }
    errors.is_empty()
}
