//! `resgraph render`: a document's lineage drawn as SVG or DOT.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use resgraph::pipeline::{draw_lineage, lineage_members, Direction, Links};

use super::{options, resolve, GraphArgs};
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
    /// Only citations with this relation (repeatable): a class (recalling, reaffirming, welcoming,
    /// decides, see, draft, report, title: every verb of it) or a verb as the texts write it
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

impl Args {
    /// Ancestors unless only `--descendants` is asked for; both for
    /// `--both` or both flags.
    fn direction(&self) -> Direction {
        if self.both || (self.ancestors && self.descendants) {
            Direction::Both
        } else if self.descendants {
            Direction::Descendants
        } else {
            Direction::Ancestors
        }
    }
}

pub fn run(args: Args) -> Result<bool> {
    let (graph, all_read) = args.source.load()?;
    let sym = resolve(&graph, &args.symbol)?;
    let opts = options(&graph, Some(args.depth), &args.relations, &args.sections)?;
    let members = lineage_members(&graph, &sym, args.direction(), &opts);
    let links = if args.all_links {
        Links::All
    } else {
        Links::Reduced
    };
    let picture = draw_lineage(&graph, &sym, &members, links);
    let style = resgraph_render::Style {
        cluster_by_organ: args.cluster_by_organ,
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
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    emit(Some(output), Reader::Programs, |w| {
        w.write_all(text.as_bytes())
    })?;
    say!(
        "resgraph: wrote {} ({} documents, {} links)",
        output.display(),
        picture.nodes.len(),
        picture.edges.len()
    );
    Ok(all_read)
}
