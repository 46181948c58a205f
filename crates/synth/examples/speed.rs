//! Generation speed: `cargo run --release -p resgraph-synth --example speed -- [documents] [seed]`.
use std::time::Instant;

fn main() {
    let documents: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let seed: u64 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let only: usize = std::env::args()
        .nth(3)
        .and_then(|a| a.parse().ok())
        .unwrap_or(documents);
    let config = resgraph_synth::SynthConfig::new(documents, seed);
    let start = Instant::now();
    let corpus = resgraph_synth::Corpus::new(&config);
    let plan = start.elapsed();
    let mut bytes = 0u64;
    let mut citations = 0u64;
    for doc in corpus.take(only) {
        bytes += doc.text.len() as u64;
        citations += doc.citations.len() as u64;
    }
    let total = start.elapsed();
    let mb = bytes as f64 / 1e6;
    println!(
        "{only} of {documents} documents, {mb:.1} MB ({} bytes/doc), {citations} citations; plan {:.2}s, total {:.2}s: {:.1} MB/s, {:.0} docs/s",
        bytes / only.max(1) as u64,
        plan.as_secs_f64(),
        total.as_secs_f64(),
        mb / total.as_secs_f64(),
        only as f64 / total.as_secs_f64()
    );
}
