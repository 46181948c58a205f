//! `resgraph stats`: counts of documents, links, kinds and relations.

use anyhow::Result;

use super::GraphArgs;
use crate::output::{emit, Reader};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: GraphArgs,
}

pub fn run(args: Args) -> Result<bool> {
    let (graph, all_read) = args.source.load()?;
    let stats = graph.stats();
    emit(None, Reader::People, |w| {
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
    Ok(all_read)
}
