//! Rendering time of synthetic lineages of 100 and 1,000 documents: DOT
//! text, builtin SVG, and Graphviz SVG (only when `dot` is on PATH).
// A bench is no API, and criterion's macros make undocumented public
// functions: the workspace's missing_docs lint does not apply.
#![allow(missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use resgraph_render::{dot_available, to_dot, to_svg, Engine, Style};

fn render(c: &mut Criterion) {
    let style = Style {
        max_nodes: 2_000,
        ..Style::default()
    };
    let dot = dot_available();
    if !dot {
        eprintln!("note: Graphviz `dot` is not on PATH; the dot engine is not measured");
    }
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for n in [100usize, 1_000] {
        // Ten samples at least: a 1,000-document render takes seconds.
        group.measurement_time(Duration::from_secs(if n > 100 { 75 } else { 12 }));
        let lineage = common::synthetic(n, 1988, 2025, 42);
        group.bench_with_input(BenchmarkId::new("dot_text", n), &lineage, |b, l| {
            b.iter(|| to_dot(black_box(l), &style).map(|s| s.len()))
        });
        group.bench_with_input(BenchmarkId::new("svg_builtin", n), &lineage, |b, l| {
            b.iter(|| to_svg(black_box(l), &style, Engine::Builtin).map(|s| s.len()))
        });
        if dot {
            group.bench_with_input(BenchmarkId::new("svg_dot", n), &lineage, |b, l| {
                b.iter(|| to_svg(black_box(l), &style, Engine::Dot).map(|s| s.len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
