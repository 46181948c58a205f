//! `resgraph serve`: the explorer in a browser (resgraph-serve) over a
//! graph file, texts, or the bundled `data/lineage` texts.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use super::{load, report_errors};
use crate::terminal::say;

#[derive(clap::Args)]
pub struct Args {
    /// A graph file made by `resgraph build`.
    #[arg(long)]
    graph: Option<PathBuf>,
    /// Texts to read instead (files or directories). With neither this nor
    /// --graph, the bundled texts of data/lineage are served.
    #[arg(long = "from", num_args = 1..)]
    paths: Vec<PathBuf>,
    /// The address to listen on; the default is reachable from this
    /// machine only. Say 0.0.0.0:PORT to open it to the network.
    #[arg(long, default_value = resgraph_serve::DEFAULT_ADDR)]
    addr: SocketAddr,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

/// The bundled texts: `data/lineage` under the working directory (a
/// checkout, as `cargo run` runs from), else in the checkout the program
/// was built from.
fn bundled_texts() -> Result<PathBuf> {
    let here = Path::new("data/lineage");
    if here.is_dir() {
        return Ok(here.to_path_buf());
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    if built_from.is_dir() {
        return Ok(built_from);
    }
    bail!(
        "no graph: give --graph FILE or --from TEXTS (the bundled texts are in neither {} nor {})",
        here.display(),
        built_from.display()
    )
}

pub fn run(args: Args) -> Result<bool> {
    let paths = if args.graph.is_none() && args.paths.is_empty() {
        vec![bundled_texts()?]
    } else {
        args.paths
    };
    let mut errors = Vec::new();
    let graph = load(args.graph.as_deref(), &paths, args.quiet, &mut errors)?;
    let all_read = report_errors(&errors);
    let documents = graph.node_count();
    let explorer = resgraph_serve::Explorer::new(graph);
    resgraph_serve::run(args.addr, explorer, |bound| {
        say!("resgraph: serving {documents} documents at http://{bound}/ (Ctrl-C stops)");
    })?;
    Ok(all_read)
}
