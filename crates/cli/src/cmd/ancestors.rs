//! `resgraph ancestors`: everything a document builds on.

use anyhow::Result;
use resgraph_graph::CitationGraph;

use super::{lineage_query, GraphArgs, QueryArgs};

#[derive(clap::Args)]
pub struct Args {
    /// The document (`76/19`, `A/RES/76/19`, `a/res/76/19` ...).
    symbol: String,
    #[command(flatten)]
    source: GraphArgs,
    #[command(flatten)]
    query: QueryArgs,
}

pub fn run(args: Args) -> Result<bool> {
    lineage_query(
        &args.symbol,
        &args.source,
        &args.query,
        CitationGraph::ancestors,
    )
}
