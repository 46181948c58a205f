//! Graph build and ancestors/descendants queries on synthetic graphs of
//! 10^4 and 10^5 documents citing about 10 others each, and of 10^6 with
//! `RESGRAPH_BENCH_LARGE=1` (slow: the build alone takes seconds).
//!
//! ```text
//! cargo bench -p resgraph-graph --bench graph
//! RESGRAPH_BENCH_LARGE=1 cargo bench -p resgraph-graph --bench graph
//! ```
// A bench is no API, and criterion's macros make undocumented public
// functions: the workspace's missing_docs lint does not apply.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use resgraph_graph::synthetic::Spec;
use resgraph_graph::{CitationGraph, Filter, QueryOptions, Section};

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var("RESGRAPH_BENCH_LARGE").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for n in sizes() {
        let spec = Spec::new(n);
        group.throughput(Throughput::Elements(n as u64 * 10));
        group.bench_with_input(BenchmarkId::new("add_link", n), &spec, |b, spec| {
            b.iter(|| black_box(spec.build()))
        });
        if n <= 100_000 {
            let docs: Vec<_> = spec.documents().collect();
            group.bench_with_input(BenchmarkId::new("add_document", n), &docs, |b, docs| {
                b.iter(|| {
                    let mut g = CitationGraph::with_capacity(docs.len(), docs.len() * 10);
                    for d in docs {
                        let _ = g.add_document(d);
                    }
                    black_box(g)
                })
            });
        }
    }
    group.finish();
}

fn queries(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    group.sample_size(20);
    for n in sizes() {
        let spec = Spec::new(n);
        let g = spec.build();
        g.prepare();
        let latest = spec.symbol(n - 1);
        let early = spec.symbol(n / 100);
        let middle = spec.symbol(n / 2);
        let all = QueryOptions::new();
        let depth2 = QueryOptions::new().depth(2);
        let recitals = QueryOptions::new().filter(
            Filter::default()
                .with_relations(["recalling", "reaffirming"])
                .with_sections([Section::Preamble]),
        );
        group.bench_function(BenchmarkId::new("ancestors/latest/all", n), |b| {
            b.iter(|| black_box(g.ancestors(&latest, &all)))
        });
        group.bench_function(BenchmarkId::new("ancestors/latest/depth2", n), |b| {
            b.iter(|| black_box(g.ancestors(&latest, &depth2)))
        });
        group.bench_function(BenchmarkId::new("ancestors/latest/recitals", n), |b| {
            b.iter(|| black_box(g.ancestors(&latest, &recitals)))
        });
        group.bench_function(BenchmarkId::new("descendants/early/all", n), |b| {
            b.iter(|| black_box(g.descendants(&early, &all)))
        });
        group.bench_function(BenchmarkId::new("descendants/middle/depth2", n), |b| {
            b.iter(|| black_box(g.descendants(&middle, &depth2)))
        });
    }
    group.finish();
}

criterion_group!(benches, build, queries);
criterion_main!(benches);
