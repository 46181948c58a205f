//! `resgraph top`: the most cited documents.

use anyhow::Result;
use clap::ValueEnum;

use super::{GraphArgs, QueryFormat};
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
    // What is known of each: the date and title from its own text, from
    // "entitled" in a citing text, or from the registry.
    let known = |s: &resgraph_graph::Symbol| {
        let info = graph.node(s);
        (
            info.and_then(|i| i.date).map(|d| d.to_string()),
            info.and_then(|i| i.title.clone()),
        )
    };
    let json = matches!(format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(s, v)| {
                    let (date, title) = known(s);
                    serde_json::json!({"symbol": s.to_string(), "score": v, "date": date, "title": title})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &items)?;
            return writeln!(w);
        }
        for (s, v) in &rows {
            let (date, title) = known(s);
            let date = date.unwrap_or_else(|| "-".into());
            let title: String = title.unwrap_or_default().chars().take(80).collect();
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
