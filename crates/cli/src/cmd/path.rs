//! `resgraph path`: the shortest chain of citations between two documents.

use anyhow::Result;

use resgraph::pipeline::Quotes;

use super::{options, print_rows, resolve, GraphArgs, LinkArgs, QueryFormat};
use crate::output::{emit, Reader};

#[derive(clap::Args)]
pub struct Args {
    /// The citing end.
    from: String,
    /// The cited end.
    to: String,
    #[command(flatten)]
    source: GraphArgs,
    /// Follow citations at most this many steps.
    #[arg(long)]
    depth: Option<u32>,
    #[command(flatten)]
    links: LinkArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
    /// Show under each step the citation that leads to it: the citing text's place, relation and
    /// the clause that cites (JSON always has them, as `evidence`).
    #[arg(long)]
    why: bool,
}

/// Exit code 1 (`Ok(false)`) also when no chain leads from one to the
/// other.
pub fn run(args: Args) -> Result<bool> {
    let Args {
        from,
        to,
        source,
        depth,
        links,
        format,
        why,
    } = args;
    let (graph, all_read) = source.load()?;
    let a = resolve(&graph, &from)?;
    let b = resolve(&graph, &to)?;
    let opts = options(depth, links.filter(&graph)?);
    let path = graph.shortest_path(&a, &b, &opts);
    // When the depth is what stopped the search, say so, with the length
    // of the chain that lies beyond it.
    let beyond = match (&path, opts.max_depth) {
        (None, Some(depth)) => {
            let mut unlimited = opts.clone();
            unlimited.max_depth = None;
            graph
                .shortest_path(&a, &b, &unlimited)
                .map(|p| (depth, p.len().saturating_sub(1)))
        }
        _ => None,
    };
    let json = matches!(format, QueryFormat::Json);
    // Each step numbered from `from`, with the evidence of the citation
    // that leads to it (quotes read only for JSON or `--why`).
    let mut quotes = (json || why).then(Quotes::new);
    let rows = path
        .as_deref()
        .map(|p| resgraph::rows::path_rows(&graph, p, &opts.filter, quotes.as_mut()));
    emit(None, Reader::of(json), |w| {
        match (&rows, json) {
        (Some(rows), true) => print_rows(w, rows, true),
        (Some(rows), false) => {
            let names: Vec<&str> = rows.iter().map(|r| r.symbol.as_str()).collect();
            writeln!(w, "{}", names.join(" -> "))?;
            print_rows(w, rows, false)
        }
        // No chain is no rows (and exit code 1).
        (None, true) => writeln!(w, "[]"),
        (None, false) => match beyond {
            Some((depth, steps)) => writeln!(
                w,
                "no chain of at most {depth} citation(s) leads from {a} to {b}; the shortest takes {steps} (raise --depth)"
            ),
            None => writeln!(w, "no chain of citations leads from {a} to {b}"),
        },
    }
    })?;
    Ok(all_read && path.is_some())
}
