//! Builds a large synthetic citation graph (by default 10^6 documents
//! citing about 10 others each: 10^7 citations) and times the main
//! operations, with peak memory.
//!
//! ```text
//! cargo run --release -p resgraph-graph --example scale [DOCUMENTS] [CITATIONS_PER_DOCUMENT]
//! ```
//!
//! Peak memory is the kernel's high-water mark of resident memory
//! (`VmHWM` in /proc/self/status), reset before each step where the
//! system allows it, so each line shows the peak of its own step.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use resgraph_graph::synthetic::Spec;
use resgraph_graph::{CitationGraph, QueryOptions};

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak-RSS mark (Linux: writing 5 to clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(|| "?".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

static PEAK_KIB: AtomicU64 = AtomicU64::new(0);

fn step<T>(name: &str, f: impl FnOnce() -> T) -> T {
    reset_peak();
    let t = Instant::now();
    let out = f();
    let secs = t.elapsed().as_secs_f64();
    let peak = status_kib("VmHWM:");
    PEAK_KIB.fetch_max(peak.unwrap_or(0), Ordering::Relaxed);
    println!(
        "{name:<48} {secs:>8.3} s   rss {:>9}   peak {:>9}",
        mib(status_kib("VmRSS:")),
        mib(peak)
    );
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let documents: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let per_doc: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let spec = Spec {
        documents,
        citations_per_document: per_doc,
        seed: 1,
    };
    println!("synthetic graph: {documents} documents, about {per_doc} citations each");

    let g = step("build (add_node_info + add_link)", || spec.build());
    println!(
        "  {} nodes, {} edges, {} occurrences",
        g.node_count(),
        g.edge_count(),
        g.occurrence_count()
    );
    step("prepare (chronological ranks + CSR)", || g.prepare());

    let all = QueryOptions::new();
    let latest = spec.symbol(documents - 1);
    let early = spec.symbol(documents / 100);
    let middle = spec.symbol(documents / 2);
    let n = step(&format!("ancestors({latest}), unlimited"), || {
        g.ancestors(&latest, &all).len()
    });
    println!("  {n} ancestors");
    let n = step(&format!("ancestors({latest}), depth 2"), || {
        g.ancestors(&latest, &QueryOptions::new().depth(2)).len()
    });
    println!("  {n} ancestors");
    let n = step(&format!("descendants({early}), unlimited"), || {
        g.descendants(&early, &all).len()
    });
    println!("  {n} descendants");
    let n = step(&format!("descendants({middle}), depth 2"), || {
        g.descendants(&middle, &QueryOptions::new().depth(2)).len()
    });
    println!("  {n} descendants");
    let p = step(&format!("shortest_path({latest} -> {early})"), || {
        g.shortest_path(&latest, &early, &all).map(|p| p.len())
    });
    println!("  path of {p:?} documents");
    let top = step("most_cited(10)", || g.most_cited(10, None));
    println!("  top: {} cited by {}", top[0].0, top[0].1);
    let pr = step("pagerank(0.85, 20 iterations)", || g.pagerank(0.85, 20));
    println!("  top: {} ({:.3e})", pr[0].0, pr[0].1);
    drop(pr);

    let dir = std::env::temp_dir().join(format!("resgraph-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("graph.resgraph");
    step("save (encode + checksum + atomic write)", || {
        g.save(&path).expect("save")
    });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("  file: {:.1} MiB", size as f64 / 1_048_576.0);
    let back = step("load (read + verify + decode)", || {
        CitationGraph::load(&path).expect("load")
    });
    let same = step("compare loaded == built", || back == g);
    println!("  identical: {same}");
    let _ = std::fs::remove_dir_all(&dir);
    drop(back);
    println!(
        "peak resident memory over the whole run: {}",
        mib(Some(PEAK_KIB.load(Ordering::Relaxed)))
    );
}
