//! `resgraph top`: the most cited documents.

use anyhow::Result;
use clap::ValueEnum;
use resgraph::rows::Ranking;

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
    let ranking = match by {
        RankBy::Cited => Ranking::Cited,
        RankBy::Pagerank => Ranking::PageRank,
    };
    let rows = resgraph::rows::top(
        &graph,
        ranking,
        limit,
        filter.filter(&graph)?,
        include_headings,
    );
    let json = matches!(format, QueryFormat::Json);
    emit(None, Reader::of(json), |w| {
        if json {
            serde_json::to_writer_pretty(&mut *w, &resgraph::rows::ranked_rows(&graph, &rows))?;
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
