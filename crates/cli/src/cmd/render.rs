//! `resgraph render`: a document's lineage drawn as SVG or DOT.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use resgraph::pipeline::{draw_lineage, lineage_members, Links};

use super::{options, resolve, DirectionArgs, FilterArgs, GraphArgs};
use crate::output::{emit, Reader};
use crate::terminal::say;

#[derive(Clone, Copy, ValueEnum)]
pub enum EngineArg {
    Auto,
    Dot,
    Builtin,
}

#[derive(clap::Args)]
pub struct Args {
    /// The document.
    symbol: String,
    #[command(flatten)]
    source: GraphArgs,
    #[command(flatten)]
    direction: DirectionArgs,
    /// How many steps of citations to draw.
    #[arg(long, default_value = "2")]
    depth: u32,
    #[command(flatten)]
    filter: FilterArgs,
    /// Draw at most this many documents; a larger lineage is refused with
    /// the options that narrow it.
    #[arg(long, default_value_t = resgraph_render::Style::default().max_nodes, value_name = "N")]
    max_documents: usize,
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
    /// How many seconds Graphviz `dot` may run before it is stopped (with
    /// `--engine auto`, the builtin engine then draws, and says so).
    #[arg(
        long,
        env = "RESGRAPH_DOT_TIMEOUT",
        default_value = "60",
        value_name = "SECONDS"
    )]
    dot_timeout: u64,
    /// The picture to write (.svg or .dot, in any case).
    #[arg(short, long)]
    output: PathBuf,
}

/// What to do about a lineage too large to draw: every option named
/// here is one of `render`'s (a test reads them back from `--help`).
pub const TOO_LARGE_HINT: &str = "narrow it with a smaller --depth, with --relation or --section \
     (which citations are followed), with --kind, --organ, --since or --until (which documents \
     are drawn), or raise the limit with --max-documents N";

pub fn run(args: Args) -> Result<bool> {
    let (graph, all_read) = args.source.load()?;
    let sym = resolve(&graph, &args.symbol)?;
    let opts = options(Some(args.depth), args.filter.filter(&graph)?);
    let members = lineage_members(&graph, &sym, args.direction.direction(), &opts);
    // Only the citations the filter follows are drawn, not every link
    // among the documents it reached.
    let filtered;
    let drawn = if opts.filter.follows_every_link() {
        &graph
    } else {
        filtered = graph.subgraph_with(&members, &opts.filter);
        &filtered
    };
    let links = if args.all_links {
        Links::All
    } else {
        Links::Reduced
    };
    let picture = draw_lineage(drawn, &sym, &members, links);
    let style = resgraph_render::Style {
        cluster_by_organ: args.cluster_by_organ,
        max_nodes: args.max_documents,
        ..resgraph_render::Style::default()
    };
    let output = &args.output;
    // `.DOT` is DOT too: file systems and people differ on case.
    let is_dot = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("dot"));
    let text = if is_dot {
        resgraph_render::to_dot(&picture, &style)
    } else {
        let engine = match args.engine {
            EngineArg::Auto => resgraph_render::Engine::Auto,
            EngineArg::Dot => resgraph_render::Engine::Dot,
            EngineArg::Builtin => resgraph_render::Engine::Builtin,
        };
        let dot_run = resgraph_render::DotRun {
            timeout: std::time::Duration::from_secs(args.dot_timeout),
        };
        resgraph_render::draw_svg(&picture, &style, engine, &dot_run).map(|drawing| {
            if let Some(reason) = drawing.fallback {
                say!("resgraph: {reason}: drawn with the builtin engine instead");
            }
            drawing.svg
        })
    }
    .map_err(|e| match e {
        resgraph_render::RenderError::TooLarge { .. } => anyhow::anyhow!("{e}; {TOO_LARGE_HINT}"),
        e => anyhow::anyhow!("{e}"),
    })?;
    emit(Some(output), Reader::Programs, |w| {
        w.write_all(text.as_bytes())
    })?;
    say!(
        "resgraph: {} ({} documents, {} links)",
        crate::output::wrote(output),
        picture.nodes.len(),
        picture.edges.len()
    );
    Ok(all_read)
}
