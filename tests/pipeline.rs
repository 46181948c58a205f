//! The library's pipeline builds the graph the command line builds: the
//! lineage example (which calls it) and `resgraph build` no longer differ.

use std::path::Path;

use resgraph::graph::CitationGraph;
use resgraph::pipeline::{build_graph, NoProgress};
use resgraph::registry::Registry;

/// What a graph says, less the file names its documents were read from
/// (which depend on the directory a build ran in).
fn contents(graph: &CitationGraph) -> (Vec<String>, Vec<String>, Vec<String>) {
    let nodes = graph
        .nodes()
        .map(|n| format!("{} {:?} {:?} {}", n.symbol, n.date, n.title, n.read))
        .collect();
    let edges = graph
        .edges()
        .map(|e| format!("{} -> {} x{}", e.from(), e.to(), e.weight()))
        .collect();
    let adoptions = graph
        .adoptions()
        .into_iter()
        .map(|(draft, resolution)| format!("{draft} -> {resolution}"))
        .collect();
    (nodes, edges, adoptions)
}

#[test]
fn the_pipeline_builds_the_graph_the_command_line_built() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = build_graph(
        &[root.join("data/lineage")],
        &NoProgress,
        Registry::bundled_ref(),
    );
    assert!(built.errors.is_empty(), "{:?}", built.errors);
    // PROVENANCE.md is read (a walk takes markdown) and states no symbol.
    assert_eq!((built.documents, built.without_symbol), (20, 1));
    let snapshot =
        CitationGraph::load(root.join("crates/cli/tests/unchanged/lineage/lineage.graph"))
            .expect("the snapshot of `resgraph build data/lineage`");
    assert_eq!(contents(&built.graph), contents(&snapshot));
}
