//! `resgraph series`: the successive resolutions of a recurring item.

use anyhow::Result;

use super::{print_ranked, resolve, GraphArgs, QueryFormat};
use crate::output::{emit, Reader};
use crate::terminal::say;

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
    if series.is_empty() {
        // An empty answer says why, and the exit code that nothing was
        // found (as `path` does).
        let why = match sym.organ() {
            resgraph::symbol::Organ::GeneralAssembly => {
                "it recites no predecessor of its own item and none recites it".to_string()
            }
            organ => format!("it is not an Assembly text ({})", organ.name()),
        };
        say!(
            "resgraph: {sym} has no series: a series is a run of General Assembly resolutions on one agenda item, each reciting the ones before; {why}"
        );
        return Ok(false);
    }
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
