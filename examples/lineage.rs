//! The main job on real data: the lineage of the General Assembly's
//! ICT-security series, built from the texts bundled in `data/lineage/`
//! (see its PROVENANCE.md), printed, and drawn as DOT and SVG.
//!
//! `cargo run --release --example lineage [OUTPUT_DIR]` (default
//! `lineage-out/`).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use resgraph::extract::{extract_bytes, Hint};
use resgraph::graph::{write_atomically, CitationGraph, QueryOptions};
use resgraph::render::{to_dot, to_svg, Engine, Style};
use resgraph::symbol::Symbol;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lineage");
    let out_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("lineage-out"));

    // 1. Read every bundled text and build the graph.
    let mut graph = CitationGraph::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&data)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut citations = 0;
    for path in &files {
        let bytes = std::fs::read(path)?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let doc = extract_bytes(&bytes, &Hint::from_path(name));
        citations += doc.citations.len();
        let _ = graph.add_document(&doc);
    }
    // Draft -> resolution links (data/lineage/adopted.csv).
    let adopted = std::fs::read_to_string(data.join("adopted.csv"))?;
    for line in adopted.lines().skip(1) {
        let mut fields = line.split(',');
        if let (Some(draft), Some(resolution)) = (fields.next(), fields.next()) {
            if let (Ok(d), Ok(r)) = (draft.parse::<Symbol>(), resolution.parse::<Symbol>()) {
                graph.add_adopted_as(&d, &r);
            }
        }
    }
    // Dates and titles of the documents only cited, from the registry.
    resgraph::enrich::fill_from_registry(&mut graph, resgraph::registry::Registry::bundled_ref());
    let stats = graph.stats();
    println!(
        "Read {} texts: {citations} citations, {} documents ({} read, {} only cited), {} links.\n",
        files.len(),
        stats.nodes,
        stats.read,
        stats.cited_only,
        stats.edges
    );

    // 2. The series: successive resolutions on the same agenda item. The
    // ICT item has two strands with their own titles.
    for member in ["A/RES/76/19", "A/RES/78/16", "A/RES/80/16"] {
        let member: Symbol = member.parse()?;
        let series = graph.series_lineage(&member);
        println!(
            "The series of {} ({} resolutions):",
            member.short(),
            series.len()
        );
        println!(
            "  {}\n",
            series
                .iter()
                .map(|s| s.short())
                .collect::<Vec<_>>()
                .join(" -> ")
        );
    }
    let newest: Symbol = "A/RES/80/16".parse()?;

    // 3. Everything the newest member builds on, with distance.
    let seed: Symbol = "A/C.1/77/L.73".parse()?;
    println!(
        "What {} builds on (distance, date, title; * = text read here):",
        newest.short()
    );
    let ancestors = graph.ancestors(&newest, &QueryOptions::new().depth(4));
    let documents = ancestors
        .iter()
        .filter(|(s, _)| !s.is_resolution_or_decision())
        .count();
    for (symbol, distance) in ancestors
        .iter()
        .filter(|(s, _)| s.is_resolution_or_decision())
    {
        let info = graph.node(symbol);
        let read = if info.is_some_and(|i| i.read) {
            "*"
        } else {
            " "
        };
        let date = info
            .and_then(|i| i.date)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "          ".into());
        let title: String = info
            .and_then(|i| i.title.clone())
            .unwrap_or_default()
            .chars()
            .take(70)
            .collect();
        println!("  {distance} {read} {:<16} {date}  {title}", symbol.short());
    }
    println!("  ... and {documents} reports and other documents.");
    if let Some(resolution) = graph.adopted_as(&seed) {
        println!(
            "\nThe seed draft {seed} was adopted as {} (draft -> resolution link).",
            resolution.short()
        );
    }
    let root: Symbol = "A/RES/53/70".parse()?;
    let descendants = graph.descendants(&root, &QueryOptions::new());
    println!(
        "{} documents build on {} (1998), among them the seed draft: {}.",
        descendants.len(),
        root.short(),
        descendants.iter().any(|(s, _)| *s == seed)
    );

    // 4. Draw the resolutions and decisions the newest member builds on,
    // three citations deep, with the seed draft.
    let mut members: BTreeSet<Symbol> = BTreeSet::new();
    members.insert(newest.clone());
    members.insert(seed.clone());
    for (symbol, distance) in &ancestors {
        if *distance <= 3 && symbol.is_resolution_or_decision() {
            members.insert(symbol.clone());
        }
    }
    let members: Vec<Symbol> = members.into_iter().collect();
    let mut picture = resgraph::view::lineage(&graph, Some(&newest), &members);
    // Each resolution of the series recalls all its predecessors: draw
    // only the links that no longer chain implies.
    resgraph::view::reduce(&mut picture);
    let style = Style::default();
    std::fs::create_dir_all(&out_dir)?;
    let dot = to_dot(&picture, &style)?;
    write_atomically(out_dir.join("lineage.dot"), |w| w.write_all(dot.as_bytes()))?;
    let svg = to_svg(&picture, &style, Engine::Auto)?;
    write_atomically(out_dir.join("lineage.svg"), |w| w.write_all(svg.as_bytes()))?;
    println!(
        "\nWrote {} and {} ({} documents, {} links).",
        out_dir.join("lineage.dot").display(),
        out_dir.join("lineage.svg").display(),
        picture.nodes.len(),
        picture.edges.len()
    );
    Ok(())
}
