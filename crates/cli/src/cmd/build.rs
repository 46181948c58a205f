//! `resgraph build`: read texts and save their graph.

use std::path::PathBuf;

use anyhow::Result;

use super::{load, report_errors};
use crate::terminal::say;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories; `-` for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The graph file to write (atomically); `-` for standard output.
    #[arg(short, long)]
    output: PathBuf,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<bool> {
    // A path named on the command line that is not there is a mistake
    // (a typo), not a file among many that failed: nothing is built, and
    // a graph already at the output stays as it was.
    for path in &args.paths {
        if let Err(err) = std::fs::metadata(resgraph::pipeline::input_path(path)) {
            anyhow::bail!(
                "{}: {err}: nothing built, {} left as it was",
                path.display(),
                args.output.display()
            );
        }
    }
    let mut errors = Vec::new();
    let graph = load(None, &args.paths, args.quiet, &mut errors)?;
    match crate::output::destination(&args.output) {
        Some(path) => graph.save(path).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => crate::output::emit(None, crate::output::Reader::Programs, |w| {
            graph.to_writer(w)
        })?,
    }
    let stats = graph.stats();
    say!(
        "resgraph: {}: {} documents ({} read), {} links, {} citations",
        crate::output::wrote(&args.output),
        stats.nodes,
        stats.read,
        stats.edges,
        stats.occurrences
    );
    Ok(report_errors(&errors))
}
