//! The main job on real data: the lineage of the General Assembly's
//! ICT-security series, built from the texts bundled in `data/lineage/`
//! (see its PROVENANCE.md), printed, and drawn as DOT and SVG.
//!
//! `cargo run --release --example lineage [OUTPUT_DIR]` (default
//! `lineage-out/`).
//!
//! The graph is built by [`resgraph::pipeline::build_graph`], as `resgraph
//! build data/lineage` builds it: draft -> resolution links come only from
//! what the texts' headings state and what the registry records. The
//! seed's adoption as 77/37, which `data/lineage/adopted.csv` records from
//! the shared data README, is in neither (77/37 was adopted on the First
//! Committee's report), so the example no longer reads that file: it would
//! give the example a graph the command line cannot build.

use std::io::Write;
use std::path::{Path, PathBuf};

use resgraph::graph::{write_atomically, QueryOptions};
use resgraph::pipeline::{
    build_graph, draw_lineage, lineage_members, Direction, Links, NoProgress,
};
use resgraph::render::{to_dot, to_svg, Engine, Style};
use resgraph::symbol::Symbol;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lineage");
    let out_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("lineage-out"));

    // 1. Read every bundled text and build the graph, as `resgraph build`
    // does: draft -> resolution links from what the texts' headings state
    // and what the registry records, dates and titles of the documents
    // only cited from the registry.
    let built = build_graph(
        &[data],
        &NoProgress,
        resgraph::registry::Registry::bundled_ref(),
    );
    for err in &built.errors {
        eprintln!("{err}");
    }
    let graph = built.graph;
    let stats = graph.stats();
    println!(
        "Read {} texts: {} citations, {} documents ({} read, {} only cited), {} links, {} draft -> resolution links.\n",
        built.documents,
        built.citations,
        stats.nodes,
        stats.read,
        stats.cited_only,
        stats.edges,
        stats.adoptions
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
        println!("  {distance} {read} {:<16} {date}  {title}", symbol.label());
    }
    println!("  ... and {documents} reports and other documents.");
    match graph.adopted_as(&seed) {
        Some(resolution) => println!(
            "\nThe seed draft {seed} was adopted as {} (draft -> resolution link).",
            resolution.short()
        ),
        None => println!(
            "\nWhat the seed draft {seed} was adopted as is stated neither in a heading read here nor in the registry."
        ),
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
    // three citations deep, with the seed draft. Each resolution of the
    // series recalls all its predecessors: only the links that no longer
    // chain implies are drawn.
    let mut members: Vec<Symbol> = lineage_members(
        &graph,
        &newest,
        Direction::Ancestors,
        &QueryOptions::new().depth(3),
    )
    .into_iter()
    .filter(|s| *s == newest || s.is_resolution_or_decision())
    .collect();
    members.push(seed.clone());
    // In the order of symbols, which places the nodes of the picture.
    members.sort();
    members.dedup();
    let picture = draw_lineage(&graph, &newest, &members, Links::Reduced);
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
