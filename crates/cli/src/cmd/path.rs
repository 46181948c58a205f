//! `resgraph path`: the shortest chain of citations between two documents.

use anyhow::Result;

use resgraph::pipeline::{Evidence, Quotes};

use super::{options, print_ranked_with, resolve, GraphArgs, LinkArgs, QueryFormat};
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
    // Each step with what is known of its document, numbered from `from`.
    let steps: Vec<(resgraph_graph::Symbol, u32)> = path
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, s)| (s.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    // The evidence of each document: what the one before it says of it
    // (none for the first).
    let evidence: Option<Vec<Vec<Evidence>>> = match &path {
        Some(p) if json || why => {
            let mut quotes = Quotes::new();
            let mut rows = vec![Vec::new()];
            rows.extend(
                graph
                    .path_steps(p, &opts.filter)
                    .into_iter()
                    .map(|step| quotes.evidence(&graph, &[step])),
            );
            Some(rows)
        }
        _ => None,
    };
    emit(None, Reader::of(json), |w| {
        match (&path, json) {
        (Some(_), true) => print_ranked_with(w, &graph, &steps, true, evidence.as_deref()),
        (Some(p), false) => {
            let names: Vec<String> = p.iter().map(|s| s.to_string()).collect();
            writeln!(w, "{}", names.join(" -> "))?;
            print_ranked_with(w, &graph, &steps, false, evidence.as_deref())
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
