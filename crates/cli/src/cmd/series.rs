//! `resgraph series`: the successive resolutions of a recurring item,
//! by track.

use anyhow::Result;

use super::{print_rows, resolve, GraphArgs, QueryFormat};
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
    let tracks = graph.series_tracks(&sym);
    if tracks.is_empty() {
        // An empty answer says why (the graph crate words it), and the
        // exit code that nothing was found (as `path` does).
        if let Some(why) = graph.no_series_reason(&sym) {
            say!("resgraph: {sym} has no series: {why}");
        }
        return Ok(false);
    }
    // Rows keep their place in the whole series (chronological), track
    // or not.
    let order = graph.series_lineage(&sym);
    let position = |symbol: &resgraph_graph::Symbol| {
        order
            .iter()
            .position(|s| s == symbol)
            .map_or(u32::MAX, |i| u32::try_from(i).unwrap_or(u32::MAX))
    };
    let json = matches!(args.format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            // The rows every ranked answer has (one copy of their fields),
            // each with its track added.
            let ranked: Vec<(resgraph_graph::Symbol, u32)> =
                order.iter().map(|s| (s.clone(), position(s))).collect();
            let rows = resgraph::rows::lineage_rows(&graph, &ranked);
            let mut rows: Vec<serde_json::Value> = rows
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<_, _>>()?;
            for (row, s) in rows.iter_mut().zip(&order) {
                let track = tracks.iter().position(|t| t.members.contains(s));
                row["track"] = serde_json::json!(track.map(|t| t + 1));
                row["track_title"] = serde_json::json!(track.and_then(|t| tracks[t].title.clone()));
            }
            serde_json::to_writer_pretty(&mut *w, &rows)?;
            return writeln!(w);
        }
        for (t, track) in tracks.iter().enumerate() {
            if tracks.len() > 1 {
                let title = track.title.as_deref().unwrap_or("(title unknown)");
                writeln!(w, "track {}: {title}", t + 1)?;
            }
            let rows: Vec<(resgraph_graph::Symbol, u32)> = track
                .members
                .iter()
                .map(|m| (m.clone(), position(m)))
                .collect();
            print_rows(w, &resgraph::rows::lineage_rows(&graph, &rows), false)?;
        }
        Ok(())
    })?;
    Ok(all_read)
}
