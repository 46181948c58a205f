//! `resgraph series`: the successive resolutions of a recurring item.

use anyhow::Result;

use super::{print_ranked, resolve, GraphArgs, QueryFormat};
use crate::output::{emit, Reader};

#[derive(clap::Args)]
pub struct Args {
    /// A member of the series.
    symbol: String,
    #[command(flatten)]
    source: GraphArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
}

pub fn run(args: Args) -> Result<bool> {
    let (graph, all_read) = args.source.load()?;
    let sym = resolve(&graph, &args.symbol)?;
    let series = graph.series_lineage(&sym);
    let rows: Vec<(resgraph_graph::Symbol, u32)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let json = matches!(args.format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        print_ranked(w, &graph, &rows, json)
    })?;
    Ok(all_read)
}
