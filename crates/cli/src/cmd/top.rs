//! `resgraph top`: the most cited documents.

use anyhow::Result;
use clap::ValueEnum;

use super::{FilterArgs, GraphArgs, Known, QueryFormat};
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
    #[command(flatten)]
    filter: FilterArgs,
    /// Also count citations in a heading (the committee report a text was
    /// adopted on, its draft): left out by default, since every
    /// resolution names its report and reports would rank first.
    #[arg(long)]
    include_headings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: QueryFormat,
}

pub fn run(args: Args) -> Result<bool> {
    let Args {
        source,
        by,
        limit,
        filter,
        include_headings,
        format,
    } = args;
    let (graph, all_read) = source.load()?;
    let mut filter = filter.filter(&graph)?;
    // Sections asked for by name are counted as asked, the heading too.
    if !include_headings && filter.sections.is_none() {
        filter = filter.without_headings();
    }
    let rows: Vec<(resgraph_graph::Symbol, f64)> = match by {
        RankBy::Cited => graph
            .most_cited_with(limit, None, &filter)
            .into_iter()
            .map(|(s, n)| (s, n as f64))
            .collect(),
        // Rank flows along the links the filter follows; every document
        // takes part, the filter's documents are shown.
        RankBy::Pagerank => graph
            .pagerank_with(0.85, 50, &filter)
            .into_iter()
            .take(limit)
            .collect(),
    };
    let json = matches!(format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(s, v)| {
                    let known = Known::of(&graph, s);
                    serde_json::json!({"symbol": s.to_string(), "label": s.label(), "kind": s.kind().as_str(), "score": v, "date": known.date, "title": known.title})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &items)?;
            return writeln!(w);
        }
        for (s, v) in &rows {
            let known = Known::of(&graph, s);
            let (date, title) = (known.date_cell(), known.title_cell());
            let s = s.label();
            match by {
                RankBy::Cited => writeln!(w, "{v:>8}  {s:<26} {date:<10}  {title}")?,
                RankBy::Pagerank => writeln!(w, "{v:>10.6}  {s:<26} {date:<10}  {title}")?,
            }
        }
        Ok(())
    })?;
    Ok(all_read)
}
