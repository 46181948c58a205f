//! `resgraph top`: the most cited documents.

use anyhow::Result;
use clap::ValueEnum;

use super::{GraphArgs, Known, QueryFormat};
use crate::output::{emit, Reader};

#[derive(Clone, Copy, ValueEnum)]
pub enum RankBy {
    Cited,
    Pagerank,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: GraphArgs,
    /// Rank by in-degree or by PageRank.
    #[arg(long, value_enum, default_value = "cited")]
    by: RankBy,
    /// How many.
    #[arg(long, default_value = "20")]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
}

pub fn run(args: Args) -> Result<bool> {
    let Args {
        source,
        by,
        limit,
        format,
    } = args;
    let (graph, all_read) = source.load()?;
    let rows: Vec<(resgraph_graph::Symbol, f64)> = match by {
        RankBy::Cited => graph
            .most_cited(limit, None)
            .into_iter()
            .map(|(s, n)| (s, n as f64))
            .collect(),
        RankBy::Pagerank => graph.pagerank(0.85, 50).into_iter().take(limit).collect(),
    };
    let json = matches!(format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(s, v)| {
                    let known = Known::of(&graph, s);
                    serde_json::json!({"symbol": s.to_string(), "score": v, "date": known.date, "title": known.title})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &items)?;
            return writeln!(w);
        }
        for (s, v) in &rows {
            let known = Known::of(&graph, s);
            let (date, title) = (known.date_cell(), known.title_cell());
            let s = s.to_string();
            match by {
                RankBy::Cited => writeln!(w, "{v:>8}  {s:<26} {date:<10}  {title}")?,
                RankBy::Pagerank => writeln!(w, "{v:>10.6}  {s:<26} {date:<10}  {title}")?,
            }
        }
        Ok(())
    })?;
    Ok(all_read)
}
