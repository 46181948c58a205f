//! End-to-end tests of the DOT and SVG outputs.

mod common;

use std::collections::{BTreeSet, HashMap};

use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, Stmt, Vertex};
use resgraph_render::{
    dot_available, to_dot, to_svg, EdgeStyleClass, Engine, Lineage, LineageEdge, LineageNode,
    RenderError, Style, AXIS_ID_PREFIX, LEGEND_ID_PREFIX, RESERVED_ID_PREFIX,
};

// ---------------------------------------------------------------- helpers

/// What the renderer does to caller text before escaping it (mirrors
/// `escape::clean`).
fn clean(s: &str) -> String {
    let s = s
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ");
    s.chars()
        .filter(|&c| c == '\n' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'))
        .collect()
}

fn one_line(s: &str) -> String {
    clean(s).replace('\n', " ")
}

fn expected_tooltip(n: &LineageNode) -> String {
    let mut tip = match n.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => n.id.clone(),
    };
    if !n.read {
        tip.push_str("\n(cited only: text not read)");
    }
    clean(&tip)
}

fn expected_label_lines(n: &LineageNode) -> Vec<String> {
    let label = if n.label.trim().is_empty() {
        &n.id
    } else {
        &n.label
    };
    let mut lines: Vec<String> = clean(label).lines().map(str::to_string).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if let Some(y) = n.year {
        lines.push(y.to_string());
    }
    lines
}

/// The text of a DOT id: quotes removed and `\"`, `\\`, `\n` decoded.
fn unquote(id: &Id) -> String {
    let raw = match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.as_str(),
    };
    let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
        return raw.to_string();
    };
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {raw}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The text of a DOT label as Graphviz shows it.
fn unquote_text(id: &Id) -> String {
    unquote(id).replace("&amp;", "&")
}

/// The text of a DOT tooltip or URL as Graphviz shows it (it reads them
/// twice: one backslash is written as four).
fn unquote_tooltip(id: &Id) -> String {
    unquote(id).replace("\\\\", "\\").replace("&amp;", "&")
}

#[derive(Default)]
struct DotSummary {
    /// Node name -> attributes of its declaring statement(s).
    nodes: HashMap<String, Vec<Attribute>>,
    /// (from, to, attributes).
    edges: Vec<(String, String, Vec<Attribute>)>,
    subgraphs: Vec<String>,
}

fn walk(stmts: &[Stmt], out: &mut DotSummary) {
    for st in stmts {
        match st {
            Stmt::Node(n) => {
                out.nodes
                    .entry(unquote_text(&n.id.0))
                    .or_default()
                    .extend(n.attributes.iter().cloned());
            }
            Stmt::Edge(e) => match &e.ty {
                EdgeTy::Pair(Vertex::N(a), Vertex::N(b)) => {
                    out.edges
                        .push((unquote_text(&a.0), unquote_text(&b.0), e.attributes.clone()));
                }
                other => panic!("unexpected edge shape {other:?}"),
            },
            Stmt::Subgraph(s) => {
                out.subgraphs.push(unquote(&s.id));
                walk(&s.stmts, out);
            }
            Stmt::Attribute(_) | Stmt::GAttribute(_) => {}
        }
    }
}

fn parse_dot(dot: &str) -> DotSummary {
    let graph =
        graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{dot}"));
    let stmts = match graph {
        Graph::DiGraph { stmts, .. } => stmts,
        Graph::Graph { .. } => panic!("expected a digraph"),
    };
    let mut out = DotSummary::default();
    walk(&stmts, &mut out);
    out
}

fn attr_of<'a>(attrs: &'a [Attribute], key: &str) -> Option<&'a Id> {
    attrs.iter().find_map(|Attribute(k, v)| match k {
        Id::Plain(k) if k == key => Some(v),
        _ => None,
    })
}

fn is_internal(name: &str) -> bool {
    name.starts_with(RESERVED_ID_PREFIX)
}

/// Document nodes of a DOT: every node that is not an axis or legend node.
fn doc_names(s: &DotSummary) -> BTreeSet<String> {
    s.nodes
        .keys()
        .filter(|n| !is_internal(n))
        .cloned()
        .collect()
}

fn parse_svg(svg: &str) -> roxmltree::Document<'_> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, opts)
        .unwrap_or_else(|e| panic!("SVG is not well-formed XML: {e}\n{svg}"))
}

fn has_class(n: &roxmltree::Node<'_, '_>, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|w| w == class))
}

/// The document groups of an SVG (either engine): `<g class="node doc ...">`.
fn doc_groups<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "node") && has_class(n, "doc"))
        .collect()
}

fn group_title(g: &roxmltree::Node<'_, '_>) -> String {
    g.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_string()
}

/// All text drawn inside a group, line by line (one entry per `<text>` or
/// `<tspan>` leaf).
fn group_texts(g: &roxmltree::Node<'_, '_>) -> Vec<String> {
    g.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("tspan"))
        .filter(|n| !n.children().any(|c| c.has_tag_name("tspan")))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

fn no_script(doc: &roxmltree::Document<'_>) {
    for n in doc.descendants() {
        assert!(
            !n.tag_name().name().eq_ignore_ascii_case("script"),
            "a <script> element got into the SVG"
        );
        assert!(
            !n.tag_name().name().eq_ignore_ascii_case("foreignObject"),
            "a <foreignObject> element got into the SVG"
        );
        for a in n.attributes() {
            assert!(
                !a.name().to_ascii_lowercase().starts_with("on"),
                "event handler attribute {} in the SVG",
                a.name()
            );
            if a.name() == "href" {
                assert!(
                    a.value().starts_with("http://")
                        || a.value().starts_with("https://")
                        || a.value().starts_with('#'),
                    "unsafe link {}",
                    a.value()
                );
            }
        }
    }
}

fn dot_or_skip(test: &str) -> bool {
    if dot_available() {
        true
    } else {
        println!("note: Graphviz `dot` is not on PATH; skipping the dot-engine part of {test}");
        false
    }
}

fn styles() -> Vec<Style> {
    let mut out = Vec::new();
    for cluster_by_organ in [false, true] {
        for rank_by_year in [true, false] {
            for show_legend in [true, false] {
                out.push(Style {
                    cluster_by_organ,
                    show_legend,
                    rank_by_year,
                    max_nodes: 400,
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------- DOT

#[test]
fn dot_parses_back_with_one_node_per_document() {
    let lineage = common::synthetic(30, 1988, 2025, 1);
    for style in styles() {
        let dot = to_dot(&lineage, &style).expect("renders");
        let s = parse_dot(&dot);
        let want: BTreeSet<String> = lineage.nodes.iter().map(|n| n.id.clone()).collect();
        assert_eq!(doc_names(&s), want, "{style:?}");

        // Axis: one node per year present (plus "undated"), only when
        // ranking by year.
        let axis: BTreeSet<&String> = s
            .nodes
            .keys()
            .filter(|n| n.starts_with(AXIS_ID_PREFIX))
            .collect();
        let mut years: BTreeSet<String> = lineage
            .nodes
            .iter()
            .map(|n| n.year.map_or("undated".to_string(), |y| y.to_string()))
            .collect();
        if !style.rank_by_year {
            years.clear();
        }
        assert_eq!(axis.len(), years.len(), "{style:?}");
        let legend = s.nodes.keys().any(|n| n.starts_with(LEGEND_ID_PREFIX));
        assert_eq!(legend, style.show_legend, "{style:?}");

        // Every citation is one edge between documents.
        let doc_edges: Vec<_> = s
            .edges
            .iter()
            .filter(|(a, b, _)| !is_internal(a) && !is_internal(b))
            .collect();
        assert_eq!(doc_edges.len(), lineage.edges.len(), "{style:?}");
        for (e, (a, b, _)) in lineage.edges.iter().zip(&doc_edges) {
            assert_eq!((&e.from, &e.to), (a, b));
        }

        // Clusters only when asked for.
        let clusters = s
            .subgraphs
            .iter()
            .filter(|n| n.starts_with("cluster_organ_"))
            .count();
        assert_eq!(clusters > 0, style.cluster_by_organ, "{style:?}");
    }
}

#[test]
fn dot_nodes_carry_label_tooltip_url_and_style() {
    let lineage = common::synthetic(30, 1988, 2025, 2);
    let dot = to_dot(&lineage, &Style::default()).expect("renders");
    let s = parse_dot(&dot);
    let focus = lineage.focus.clone().expect("synthetic has a focus");
    for n in &lineage.nodes {
        let attrs = &s.nodes[&n.id];
        let label = unquote_text(attr_of(attrs, "label").expect("label"));
        assert_eq!(label, expected_label_lines(n).join("\n"));
        let tip = unquote_tooltip(attr_of(attrs, "tooltip").expect("tooltip"));
        assert_eq!(tip, expected_tooltip(n));
        let url = unquote_tooltip(attr_of(attrs, "URL").expect("URL"));
        // Spaces (as in `S/RES/1373 (2001)`) are percent-encoded.
        assert_eq!(Some(url), n.url.as_ref().map(|u| u.replace(' ', "%20")));
        let style = unquote(attr_of(attrs, "style").expect("style"));
        let class = unquote(attr_of(attrs, "class").expect("class"));
        if n.read {
            assert!(
                !style.contains("dashed") && class.contains("read"),
                "{style} {class}"
            );
        } else {
            assert!(
                style.contains("dashed") && class.contains("cited-only"),
                "{style} {class}"
            );
        }
        assert_eq!(
            n.id == focus,
            style.contains("bold") && class.contains("focus")
        );
    }
}

#[test]
fn dot_ranks_one_year_per_rank_same_subgraph() {
    let lineage = common::synthetic(30, 1988, 2025, 3);
    let dot = to_dot(&lineage, &Style::default()).expect("renders");
    let graph = graphviz_rust::parse(&dot).expect("parses");
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("digraph expected")
    };
    let mut seen = BTreeSet::new();
    for st in &stmts {
        let Stmt::Subgraph(sg) = st else { continue };
        let same = sg.stmts.iter().any(|s| {
            matches!(s, Stmt::Attribute(Attribute(Id::Plain(k), v)) if k == "rank" && unquote(v) == "same")
        });
        let name = unquote(&sg.id);
        if !same || !name.starts_with(&format!("{RESERVED_ID_PREFIX}rank:")) {
            continue;
        }
        let members: Vec<String> = sg
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Node(n) => Some(unquote_text(&n.id.0)),
                _ => None,
            })
            .collect();
        let year = name
            .trim_start_matches(&format!("{RESERVED_ID_PREFIX}rank:"))
            .to_string();
        assert!(members.contains(&format!("{AXIS_ID_PREFIX}{year}")));
        for m in members.iter().filter(|m| !is_internal(m)) {
            let n = lineage
                .nodes
                .iter()
                .find(|n| &n.id == m)
                .expect("member is a document");
            assert_eq!(
                n.year.map_or("undated".to_string(), |y| y.to_string()),
                year
            );
            assert!(seen.insert(m.clone()), "{m} in two ranks");
        }
    }
    assert_eq!(seen.len(), lineage.nodes.len());
}

#[test]
fn dot_keeps_hostile_text_escaped() {
    let lineage = common::hostile();
    for style in styles() {
        let dot = to_dot(&lineage, &style).expect("renders");
        let s = parse_dot(&dot);
        let want: BTreeSet<String> = lineage.nodes.iter().map(|n| one_line(&n.id)).collect();
        assert_eq!(doc_names(&s), want);
        for n in &lineage.nodes {
            let attrs = &s.nodes[&one_line(&n.id)];
            let label = unquote_text(attr_of(attrs, "label").expect("label"));
            assert_eq!(label, expected_label_lines(n).join("\n"));
            let tip = unquote_tooltip(attr_of(attrs, "tooltip").expect("tooltip"));
            assert_eq!(tip, expected_tooltip(n));
            if let Some(url) = attr_of(attrs, "URL") {
                let url = unquote_tooltip(url);
                assert!(url.starts_with("https://"), "{url}");
                assert!(!url.contains(['"', '<', '>', '\\', ' ', '\n']), "{url}");
            }
        }
        // No raw newline can sit inside a quoted string: every line of the
        // DOT has balanced unescaped quotes.
        for line in dot.lines() {
            let mut quotes = 0;
            let mut escaped = false;
            for c in line.chars() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => quotes += 1,
                    _ => {}
                }
            }
            assert_eq!(quotes % 2, 0, "unbalanced quotes in line {line:?}");
        }
        // The javascript: link is gone.
        assert!(!dot.contains("javascript"));
    }
}

#[test]
fn too_large_lineage_is_refused_with_a_hint() {
    let lineage = common::synthetic(30, 1988, 2025, 4);
    let style = Style {
        max_nodes: 10,
        ..Style::default()
    };
    let n = lineage.nodes.len();
    for result in [
        to_dot(&lineage, &style),
        to_svg(&lineage, &style, Engine::Builtin),
        to_svg(&lineage, &style, Engine::Dot),
        to_svg(&lineage, &style, Engine::Auto),
    ] {
        let err = result.expect_err("too large");
        assert!(
            matches!(err, RenderError::TooLarge { nodes, max: 10 } if nodes == n),
            "{err:?}"
        );
        // The count and the limit; the options that narrow a lineage are
        // the caller's to name (the command line's are tested against its
        // --help in crates/cli/tests/filters.rs).
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("has {n} documents")) && msg.contains("limit of 10"),
            "{msg}"
        );
        assert!(!msg.contains("--"), "{msg}");
    }
}

#[test]
fn inconsistent_lineages_are_refused() {
    let a = LineageNode::new("A/RES/1/1", "1/1").year(1946);
    let b = LineageNode::new("A/RES/2/1", "2/1").year(1947);
    let dup = Lineage {
        nodes: vec![a.clone(), a.clone()],
        ..Lineage::default()
    };
    assert!(matches!(
        to_dot(&dup, &Style::default()),
        Err(RenderError::DuplicateNode { .. })
    ));
    let unknown = Lineage {
        nodes: vec![a.clone(), b.clone()],
        edges: vec![LineageEdge::new(
            "A/RES/2/1",
            "A/RES/9/9",
            EdgeStyleClass::Other,
        )],
        focus: None,
    };
    assert!(matches!(
        to_svg(&unknown, &Style::default(), Engine::Builtin),
        Err(RenderError::UnknownNode { id }) if id == "A/RES/9/9"
    ));
    let bad_focus = Lineage {
        nodes: vec![a.clone()],
        edges: vec![],
        focus: Some("nope".into()),
    };
    assert!(matches!(
        to_dot(&bad_focus, &Style::default()),
        Err(RenderError::UnknownNode { .. })
    ));
    let reserved = Lineage {
        nodes: vec![LineageNode::new(format!("{AXIS_ID_PREFIX}1990"), "x")],
        ..Lineage::default()
    };
    assert!(matches!(
        to_dot(&reserved, &Style::default()),
        Err(RenderError::ReservedId { .. })
    ));
}

// ---------------------------------------------------------------- SVG

/// The `<title>` an SVG gives a document. Graphviz keeps a node name's
/// backslashes doubled (DOT has no escape for a lone backslash in a
/// quoted string), so with the dot engine `a\b` shows as `a\\b`.
fn svg_title(id: &str, engine: &str) -> String {
    if engine == "dot" {
        one_line(id).replace('\\', "\\\\")
    } else {
        one_line(id)
    }
}

fn check_svg_documents(svg: &str, lineage: &Lineage, engine: &str) {
    let doc = parse_svg(svg);
    no_script(&doc);
    let groups = doc_groups(&doc);
    assert_eq!(
        groups.len(),
        lineage.nodes.len(),
        "{engine}: one group per document"
    );
    let mut by_title: HashMap<String, roxmltree::Node<'_, '_>> = HashMap::new();
    for g in &groups {
        assert!(
            by_title.insert(group_title(g), *g).is_none(),
            "{engine}: titles unique"
        );
    }
    for n in &lineage.nodes {
        let g = by_title
            .get(&svg_title(&n.id, engine))
            .unwrap_or_else(|| panic!("{engine}: no group titled {:?}", n.id));
        let texts = group_texts(g);
        let want = expected_label_lines(n);
        assert_eq!(texts, want, "{engine}: label of {:?}", n.id);
        assert_eq!(has_class(g, "read"), n.read, "{engine}");
        assert_eq!(has_class(g, "cited-only"), !n.read, "{engine}");
        assert_eq!(
            has_class(g, "focus"),
            lineage.focus.as_deref() == Some(n.id.as_str()),
            "{engine}"
        );
    }
}

#[test]
fn builtin_svg_is_xml_with_one_group_per_document() {
    let lineage = common::synthetic(30, 1988, 2025, 5);
    for style in styles() {
        let svg = to_svg(&lineage, &style, Engine::Builtin).expect("renders");
        check_svg_documents(&svg, &lineage, "builtin");
    }
}

#[test]
fn builtin_svg_links_and_tooltips() {
    let lineage = common::hostile();
    let svg = to_svg(&lineage, &Style::default(), Engine::Builtin).expect("renders");
    let doc = parse_svg(&svg);
    for g in doc_groups(&doc) {
        let id = group_title(&g);
        let n = lineage
            .nodes
            .iter()
            .find(|n| one_line(&n.id) == id)
            .expect("known document");
        // The inner <a> or <g> holds the tooltip as its <title>.
        let inner = g
            .children()
            .find(|c| c.has_tag_name("a") || c.has_tag_name("g"))
            .expect("inner element");
        let tip = inner
            .children()
            .find(|c| c.has_tag_name("title"))
            .and_then(|t| t.text())
            .unwrap_or_default();
        assert_eq!(tip, expected_tooltip(n));
        if inner.has_tag_name("a") {
            let href = inner.attribute("href").expect("href");
            assert!(href.starts_with("https://undocs.org/"), "{href}");
        } else {
            assert!(!matches!(n.url.as_deref(), Some(u) if u.starts_with("https://")));
        }
    }
}

#[test]
fn builtin_svg_keeps_hostile_text_escaped() {
    let lineage = common::hostile();
    for style in styles() {
        let svg = to_svg(&lineage, &style, Engine::Builtin).expect("renders");
        check_svg_documents(&svg, &lineage, "builtin");
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("javascript"));
        // Organ names reach the legend escaped too.
        if style.cluster_by_organ && style.show_legend {
            let doc = parse_svg(&svg);
            let legend_texts: Vec<&str> = doc
                .descendants()
                .filter(|n| n.has_tag_name("g") && has_class(n, "legend"))
                .flat_map(|g| {
                    g.descendants()
                        .filter_map(|t| t.has_tag_name("text").then(|| t.text()).flatten())
                })
                .collect();
            assert!(legend_texts.contains(&one_line("</svg><script>alert(1)</script>").as_str()));
        }
    }
}

/// Centre y of each document box, by id, from the builtin SVG.
fn builtin_box_y(svg: &str) -> HashMap<String, f64> {
    let doc = parse_svg(svg);
    doc_groups(&doc)
        .iter()
        .map(|g| {
            let rect = g
                .descendants()
                .find(|r| r.has_tag_name("rect"))
                .expect("rect");
            let y: f64 = rect.attribute("y").and_then(|v| v.parse().ok()).expect("y");
            let h: f64 = rect
                .attribute("height")
                .and_then(|v| v.parse().ok())
                .expect("h");
            (group_title(g), y + h / 2.0)
        })
        .collect()
}

fn assert_time_reads_down(lineage: &Lineage, ys: &HashMap<String, f64>, engine: &str) {
    let key = |n: &LineageNode| n.year.map_or(u32::MAX, u32::from);
    for a in &lineage.nodes {
        for b in &lineage.nodes {
            if key(a) < key(b) {
                assert!(
                    ys[&a.id] < ys[&b.id],
                    "{engine}: {} ({:?}) is not above {} ({:?})",
                    a.id,
                    a.year,
                    b.id,
                    b.year
                );
            }
        }
    }
}

#[test]
fn builtin_time_runs_top_to_bottom() {
    for seed in 1..6 {
        let lineage = common::synthetic(40, 1988, 2025, seed);
        let svg = to_svg(&lineage, &Style::default(), Engine::Builtin).expect("renders");
        assert_time_reads_down(&lineage, &builtin_box_y(&svg), "builtin");
    }
}

#[test]
fn builtin_handles_cycles_parallel_edges_and_empty_lineages() {
    let nodes = vec![
        LineageNode::new("a", "a").year(2000).read(true),
        LineageNode::new("b", "b").year(2000),
        LineageNode::new("c", "c"),
        LineageNode::new("d", "d").year(1999),
    ];
    let edges = vec![
        LineageEdge::new("a", "b", EdgeStyleClass::Recalling),
        LineageEdge::new("b", "a", EdgeStyleClass::Reaffirming),
        LineageEdge::new("a", "b", EdgeStyleClass::Footnote).count(7),
        LineageEdge::new("a", "a", EdgeStyleClass::Other),
        LineageEdge::new("d", "a", EdgeStyleClass::Welcoming),
        LineageEdge::new("c", "d", EdgeStyleClass::Other),
        LineageEdge::adopted("d", "c"),
    ];
    let lineage = Lineage {
        nodes,
        edges,
        focus: Some("a".into()),
    };
    for style in styles() {
        let svg = to_svg(&lineage, &style, Engine::Builtin).expect("renders");
        check_svg_documents(&svg, &lineage, "builtin");
        let dot = to_dot(&lineage, &style).expect("renders");
        parse_dot(&dot);
    }
    let empty = Lineage::default();
    let svg = to_svg(&empty, &Style::default(), Engine::Builtin).expect("renders");
    assert!(doc_groups(&parse_svg(&svg)).is_empty());
    let dot = to_dot(&empty, &Style::default()).expect("renders");
    assert!(doc_names(&parse_dot(&dot)).is_empty());
}

// ---------------------------------------------------------------- dot engine

#[test]
fn dot_engine_svg_is_xml_with_one_group_per_document() {
    if !dot_or_skip("dot_engine_svg_is_xml_with_one_group_per_document") {
        return;
    }
    let lineage = common::synthetic(30, 1988, 2025, 6);
    for style in styles() {
        let svg = to_svg(&lineage, &style, Engine::Dot).expect("renders");
        check_svg_documents(&svg, &lineage, "dot");
    }
    let auto = to_svg(&lineage, &Style::default(), Engine::Auto).expect("renders");
    assert!(
        auto.contains("Generated by graphviz"),
        "Auto uses dot when available"
    );
}

#[test]
fn dot_engine_keeps_hostile_text_escaped() {
    if !dot_or_skip("dot_engine_keeps_hostile_text_escaped") {
        return;
    }
    let lineage = common::hostile();
    for style in styles() {
        let svg = to_svg(&lineage, &style, Engine::Dot).expect("renders");
        check_svg_documents(&svg, &lineage, "dot");
        assert!(!svg.contains("<script"));
        let doc = parse_svg(&svg);
        // Graphviz puts the tooltip on the node's <a>.
        for g in doc_groups(&doc) {
            let id = group_title(&g);
            let n = lineage
                .nodes
                .iter()
                .find(|n| svg_title(&n.id, "dot") == id)
                .expect("known document");
            let a = g.descendants().find(|c| c.has_tag_name("a")).expect("<a>");
            let tip = a
                .attribute(("http://www.w3.org/1999/xlink", "title"))
                .expect("xlink:title");
            assert_eq!(tip, expected_tooltip(n), "tooltip of {id:?}");
        }
    }
}

#[test]
fn dot_engine_time_runs_top_to_bottom() {
    if !dot_or_skip("dot_engine_time_runs_top_to_bottom") {
        return;
    }
    for seed in 1..4 {
        let lineage = common::synthetic(40, 1988, 2025, seed);
        let svg = to_svg(&lineage, &Style::default(), Engine::Dot).expect("renders");
        let doc = parse_svg(&svg);
        let ys: HashMap<String, f64> = doc_groups(&doc)
            .iter()
            .map(|g| {
                let t = g
                    .descendants()
                    .find(|t| t.has_tag_name("text"))
                    .expect("text");
                let y: f64 = t.attribute("y").and_then(|v| v.parse().ok()).expect("y");
                (group_title(g), y)
            })
            .collect();
        assert_time_reads_down(&lineage, &ys, "dot");
    }
}

#[test]
fn dot_engine_missing_binary_is_a_clear_error() {
    let msg = RenderError::DotNotFound.to_string();
    assert!(
        msg.contains("dot") && msg.contains("PATH") && msg.contains("builtin"),
        "{msg}"
    );
    if !dot_available() {
        // Then Dot fails clearly and Auto falls back to the builtin engine.
        let lineage = common::synthetic(10, 2000, 2010, 1);
        assert!(matches!(
            to_svg(&lineage, &Style::default(), Engine::Dot),
            Err(RenderError::DotNotFound)
        ));
        let auto = to_svg(&lineage, &Style::default(), Engine::Auto).expect("falls back");
        assert!(auto.contains("class=\"resgraph-lineage\""));
    }
}
