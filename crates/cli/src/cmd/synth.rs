//! `resgraph synth`: a synthetic corpus of UN-style texts.

use std::path::PathBuf;

use crate::terminal::say;
use anyhow::{Context, Result};

#[derive(clap::Args)]
pub struct Args {
    /// How many documents (at most 10,000,000: about 130 GB of text).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    documents: u32,
    /// The seed.
    #[arg(long, default_value = "0")]
    seed: u64,
    /// Of every thousand cited dates, how many are wrong on purpose.
    #[arg(long, default_value = "5", value_parser = clap::value_parser!(u32).range(0..=1000))]
    wrong_dates_per_mille: u32,
    /// Leave out the page furniture of the official PDFs.
    #[arg(long)]
    no_furniture: bool,
    /// The directory to write into.
    #[arg(short, long)]
    output: PathBuf,
}

pub fn run(args: Args) -> Result<bool> {
    let config = resgraph_synth::SynthConfig {
        documents: args.documents as usize,
        seed: args.seed,
        wrong_dates_per_mille: args.wrong_dates_per_mille,
        page_furniture: !args.no_furniture,
    };
    let output = args.output;
    let started = std::time::Instant::now();
    let stats = resgraph_synth::corpus_to_dir(&config, &output)
        .with_context(|| format!("cannot write the corpus into {}", output.display()))?;
    say!(
        "resgraph: wrote {} documents ({:.1} MB, {} citations, {} wrong dates on purpose, sessions {}-{}) and edges.csv into {} in {:.1} s",
        stats.documents,
        stats.bytes as f64 / 1e6,
        stats.citations,
        stats.wrong_dates,
        stats.first_session,
        stats.last_session,
        output.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(true)
}
