//! Exports read back by networkx (skipped, with a note, where python3 or
//! networkx is missing).

use std::path::PathBuf;
use std::process::Command;

use resgraph_extract::{Date, Section};
use resgraph_graph::synthetic::Spec;
use resgraph_graph::{write_atomically, CitationGraph, NodeInfo, Occurrence};
use resgraph_symbol::Symbol;

fn networkx_available() -> bool {
    Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn graph() -> CitationGraph {
    let mut g = Spec::new(300).build();
    // Awkward text: XML and CSV special characters, non-ASCII, a control
    // character.
    let draft: Symbol = "A/C.1/77/L.73".parse().unwrap();
    g.add_node_info(NodeInfo {
        symbol: draft.clone(),
        title: Some("Programme d'action — \"ICT\" & <security>, 2021–2025\u{7}".into()),
        date: Date::new(2022, 10, 13),
        organ: Some("General Assembly".into()),
        read: true,
        source: Some("seed/A_C.1_77_L.73.txt".into()),
    });
    let old: Symbol = "A/RES/43/78 H".parse().unwrap();
    g.add_link(
        &draft,
        &old,
        &Occurrence::new(
            "recalling",
            Section::Preamble,
            Some(1),
            Date::new(1988, 12, 7),
        ),
    );
    g.add_link(
        &draft,
        &"A/RES/1/1".parse().unwrap(),
        &Occurrence::new("see", Section::Footnote, Some(1), None),
    );
    g
}

#[test]
fn networkx_reads_graphml_and_node_link_json() {
    if !networkx_available() {
        println!("note: python3 with networkx is not available; skipping the networkx round trip");
        return;
    }
    let g = graph();
    let dir = resgraph_test_support::temp_dir("graph-nx");
    let graphml: PathBuf = dir.join("g.graphml");
    let json: PathBuf = dir.join("g.json");
    let nodes_csv: PathBuf = dir.join("nodes.csv");
    let edges_csv: PathBuf = dir.join("edges.csv");
    write_atomically(&graphml, |w| g.write_graphml(w)).unwrap();
    write_atomically(&json, |w| g.write_json_node_link(w)).unwrap();
    write_atomically(&nodes_csv, |w| g.write_csv_nodes(w)).unwrap();
    write_atomically(&edges_csv, |w| g.write_csv_edges(w)).unwrap();

    let script = r#"
import csv, json, sys
import networkx as nx
graphml, js, nodes_csv, edges_csv, n, m, title, raw_title = sys.argv[1:9]
n, m = int(n), int(m)
g = nx.read_graphml(graphml)
assert g.is_directed()
assert (g.number_of_nodes(), g.number_of_edges()) == (n, m), (g.number_of_nodes(), g.number_of_edges())
node = g.nodes["A/C.1/77/L.73"]
assert node["title"] == title, repr(node["title"])
assert node["read"] is True and node["kind"] == "document"
assert g.nodes["A/RES/43/78 H"]["label"] == "43/78 H"
e = g.edges["A/C.1/77/L.73", "A/RES/43/78 H"]
assert e["weight"] == 1 and e["relations"] == "recalling", e
with open(js) as f:
    data = json.load(f)
# The default arguments of networkx 3.4 and later: `edges`, not `links`.
assert "edges" in data and "links" not in data and data["schema_version"] == 1
h = nx.node_link_graph(data)
assert h.is_directed() and not h.is_multigraph()
assert (h.number_of_nodes(), h.number_of_edges()) == (n, m)
assert h.edges["A/C.1/77/L.73", "A/RES/43/78 H"]["occurrences"][0]["cited_date"] == "1988-12-07"
with open(nodes_csv, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == n
assert [r for r in rows if r["id"] == "A/C.1/77/L.73"][0]["title"] == raw_title
with open(edges_csv, newline="", encoding="utf-8") as f:
    assert len(list(csv.DictReader(f))) == m
print("ok", n, m)
"#;
    let title_in_xml = "Programme d'action — \"ICT\" & <security>, 2021–2025\u{fffd}";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&graphml)
        .arg(&json)
        .arg(&nodes_csv)
        .arg(&edges_csv)
        .arg(g.node_count().to_string())
        .arg(g.edge_count().to_string())
        .arg(title_in_xml)
        .arg("Programme d'action — \"ICT\" & <security>, 2021–2025\u{7}")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "networkx check failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
