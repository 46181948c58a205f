//! `resgraph descendants`: everything that builds on a document.

use anyhow::Result;
use resgraph_graph::evidence::Toward;

use super::{lineage_query, LineageArgs};

/// The document, where the graph comes from, depth and filters.
pub type Args = LineageArgs;

pub fn run(args: Args) -> Result<bool> {
    lineage_query(args, Toward::Descendants)
}
