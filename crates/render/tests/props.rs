//! Property tests: whatever the texts, the DOT parses back with one node per
//! document and the SVG is well-formed with one group per document and no
//! injected markup.

use std::collections::BTreeSet;

use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use proptest::prelude::*;
use resgraph_render::{
    dot_available, to_dot, to_svg, EdgeStyleClass, Engine, Lineage, LineageEdge, LineageNode,
    Style, RESERVED_ID_PREFIX,
};

fn one_line(s: &str) -> String {
    let s = s
        .replace("\r\n", "\n")
        .replace(['\r', '\n'], " ")
        .replace('\t', " ");
    s.chars()
        .filter(|&c| !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'))
        .collect()
}

/// Text made to hurt: markup, DOT syntax, escapes, controls, or anything.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        r#"[\\"<>&'\n\r\t ;=\[\]{}/\-!a-zA-Z0-9]{0,24}"#,
        Just("</svg><script>alert(1)</script>".to_string()),
        Just("\\N\\G\\E\\T\\H\\L\\\\".to_string()),
        Just("&amp;&#60;&lt;]]>".to_string()),
    ]
}

fn lineage() -> impl Strategy<Value = Lineage> {
    let node = (
        nasty(),
        nasty(),
        proptest::option::of(1900u16..2030),
        proptest::option::of(nasty()),
        proptest::option::of(nasty()),
        any::<bool>(),
        proptest::option::of(nasty()),
    );
    (proptest::collection::vec(node, 1..7), any::<u64>()).prop_map(|(raw, seed)| {
        let nodes: Vec<LineageNode> = raw
            .into_iter()
            .enumerate()
            .map(
                |(i, (id, label, year, title, organ, read, url))| LineageNode {
                    // Unique, and clear of the reserved prefix.
                    id: format!("X{id}#{i}"),
                    label,
                    year,
                    title,
                    organ,
                    read,
                    url: url.map(|u| format!("https://example.org/{u}")),
                },
            )
            .collect();
        let n = nodes.len();
        let mut edges = Vec::new();
        let mut s = seed;
        for i in 0..n * 2 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = (s >> 33) as usize % n;
            let b = (s >> 13) as usize % n;
            let class = EdgeStyleClass::ALL[i % 5];
            let mut e = LineageEdge::new(nodes[a].id.clone(), nodes[b].id.clone(), class);
            e.adopted_as = (s >> 7) % 9 == 0;
            e.count = 1 + (s >> 50) as u32 % 4;
            edges.push(e);
        }
        let focus = Some(nodes[seed as usize % n].id.clone());
        Lineage {
            nodes,
            edges,
            focus,
        }
    })
}

fn raw(id: &Id) -> &str {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s,
    }
}

fn node_names(stmts: &[Stmt], out: &mut BTreeSet<String>) {
    for st in stmts {
        match st {
            Stmt::Node(n) => {
                out.insert(raw(&n.id.0).to_string());
            }
            Stmt::Subgraph(s) => node_names(&s.stmts, out),
            _ => {}
        }
    }
}

fn doc_groups_ok(svg: &str, lineage: &Lineage) -> Result<(), TestCaseError> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, opts)
        .map_err(|e| TestCaseError::fail(format!("not XML: {e}")))?;
    let mut groups = 0;
    for n in doc.descendants() {
        let name = n.tag_name().name().to_ascii_lowercase();
        prop_assert!(
            name != "script" && name != "foreignobject",
            "injected <{}>",
            name
        );
        for a in n.attributes() {
            prop_assert!(!a.name().to_ascii_lowercase().starts_with("on"));
        }
        let class = n.attribute("class").unwrap_or("");
        if n.has_tag_name("g")
            && class.split_whitespace().any(|c| c == "node")
            && class.split_whitespace().any(|c| c == "doc")
        {
            groups += 1;
        }
    }
    prop_assert_eq!(groups, lineage.nodes.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn dot_parses_back_and_builtin_svg_is_safe(lineage in lineage(), cluster in any::<bool>(), years in any::<bool>()) {
        let style = Style { cluster_by_organ: cluster, rank_by_year: years, ..Style::default() };
        let dot = to_dot(&lineage, &style).expect("renders");
        let graph = graphviz_rust::parse(&dot).map_err(|e| TestCaseError::fail(format!("DOT does not parse: {e}\n{dot}")))?;
        let Graph::DiGraph { stmts, .. } = graph else { panic!("digraph expected") };
        let mut names = BTreeSet::new();
        node_names(&stmts, &mut names);
        let docs: BTreeSet<String> = names
            .into_iter()
            .filter(|n| !n.starts_with(&format!("\"{RESERVED_ID_PREFIX}")))
            .collect();
        prop_assert_eq!(docs.len(), lineage.nodes.len());
        for n in &lineage.nodes {
            let quoted = format!(
                "\"{}\"",
                one_line(&n.id).replace('\\', "\\\\").replace('"', "\\\"").replace('&', "&amp;")
            );
            prop_assert!(docs.contains(&quoted), "{} missing", quoted);
        }

        let svg = to_svg(&lineage, &style, Engine::Builtin).expect("renders");
        doc_groups_ok(&svg, &lineage)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn dot_engine_svg_is_safe(lineage in lineage()) {
        if !dot_available() {
            static NOTE: std::sync::Once = std::sync::Once::new();
            NOTE.call_once(|| println!("note: Graphviz `dot` is not on PATH; skipping dot_engine_svg_is_safe"));
            return Ok(());
        }
        let svg = to_svg(&lineage, &Style::default(), Engine::Dot).expect("renders");
        doc_groups_ok(&svg, &lineage)?;
    }
}
