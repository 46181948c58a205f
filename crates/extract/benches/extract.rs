//! Extraction throughput on real UN texts (the golden test texts bundled
//! in the repository), in MB/s, beside a plain regex count of the same
//! bytes (`resolution|[0-9]+/[0-9]+` per line, what `rg -c` counts): the
//! two figures side by side give extraction's ratio to a plain scan.
//! `scripts/speed.py` measures the ratio to `rg` itself on a 65 MB file.
//!
//! `cargo bench -p resgraph-extract --bench extract`
// A bench is no API, and criterion's macros make undocumented public
// functions: the workspace's missing_docs lint does not apply.
#![allow(missing_docs)]

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::bytes::Regex;
use resgraph_extract::{extract, Hint};

fn real_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden");
    let mut texts = Vec::new();
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push((path.display().to_string(), text));
                }
            }
        }
    }
    texts.sort();
    texts
}

fn bench(c: &mut Criterion) {
    let texts = real_texts();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("golden-texts", |b| {
        b.iter(|| {
            let mut n = 0;
            for (source, text) in &texts {
                n += extract(
                    text,
                    &Hint {
                        source: source.clone(),
                        symbol: None,
                    },
                )
                .citations
                .len();
            }
            n
        })
    });
    let plain = Regex::new("resolution|[0-9]+/[0-9]+").expect("regex");
    group.bench_function("plain-regex-line-count", |b| {
        b.iter(|| {
            texts
                .iter()
                .flat_map(|(_, t)| t.as_bytes().split(|b| *b == b'\n'))
                .filter(|line| plain.is_match(line))
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
