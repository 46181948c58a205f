//! DOT output, built as a graphviz-rust graph model and printed with its
//! printer.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::escape::{dot_id, dot_text, dot_tooltip, dot_value, is_site_path, safe_url};
use crate::model::{EdgeStyleClass, Lineage, Style, RESERVED_ID_PREFIX};
use crate::prepare::{prepare, Edge, Prepared};
use crate::theme::{self, Dash};
use crate::RenderError;

/// Prefix of the year-axis node ids in the DOT (`resgraph:year:2021`,
/// `resgraph:year:undated`).
pub const AXIS_ID_PREFIX: &str = "resgraph:year:";
/// Prefix of the legend node ids in the DOT.
pub const LEGEND_ID_PREFIX: &str = "resgraph:legend:";

fn plain(s: &str) -> Id {
    Id::Plain(s.to_string())
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(plain(key), value)
}

fn val(s: &str) -> Id {
    dot_value(s)
}

fn num(x: f64) -> Id {
    dot_value(&format!("{x:.2}"))
}

fn node_id(id: &str) -> NodeId {
    NodeId(dot_id(id), None)
}

fn node(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(node_id(id), attributes))
}

fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

fn subgraph(id: &str, stmts: Vec<Stmt>) -> Stmt {
    Stmt::Subgraph(Subgraph {
        id: dot_id(id),
        stmts,
    })
}

fn dash_style(d: Dash) -> &'static str {
    match d {
        Dash::Solid => "solid",
        Dash::Dashed => "dashed",
        Dash::Dotted => "dotted",
    }
}

/// Attributes of an edge of the given class.
fn class_attrs(class: EdgeStyleClass, adopted: bool, count: u32) -> Vec<Attribute> {
    if adopted {
        return vec![
            attr(
                "color",
                val(&format!("{c}:invis:{c}", c = theme::ADOPTED_COLOUR)),
            ),
            attr("penwidth", num(1.0)),
            attr("arrowhead", val("empty")),
            attr("class", val("adopted")),
        ];
    }
    let look = theme::edge_look(class);
    vec![
        attr("color", val(look.colour)),
        attr("style", val(dash_style(look.dash))),
        attr(
            "penwidth",
            num(look.width + theme::count_extra_width(count)),
        ),
        attr("class", val(&format!("cite {}", class.slug()))),
    ]
}

fn axis_id(p: &Prepared<'_>, band: usize) -> String {
    format!("{AXIS_ID_PREFIX}{}", p.bands[band].key())
}

fn doc_node(p: &Prepared<'_>, i: usize) -> Stmt {
    let n = &p.nodes[i];
    let focus = p.focus == Some(i);
    let mut attrs = vec![attr("label", dot_text(&p.box_text(i).join("\n")))];
    attrs.push(attr("tooltip", dot_tooltip(&p.tooltip(i))));
    if let Some(url) = n.url.as_deref().and_then(safe_url) {
        attrs.push(attr("URL", dot_tooltip(&url)));
        if !is_site_path(&url) {
            attrs.push(attr("target", val("_blank")));
        }
    }
    let mut class = String::from("doc");
    let mut styles = vec!["rounded"];
    if n.read {
        class.push_str(" read");
        attrs.push(attr("color", val(theme::READ_BORDER)));
        attrs.push(attr("fontcolor", val(theme::READ_TEXT)));
        attrs.push(attr("fillcolor", val(theme::READ_FILL)));
    } else {
        class.push_str(" cited-only");
        styles.push("dashed");
        attrs.push(attr("color", val(theme::CITED_BORDER)));
        attrs.push(attr("fontcolor", val(theme::CITED_TEXT)));
        attrs.push(attr("fillcolor", val(theme::CITED_FILL)));
    }
    styles.push("filled");
    if focus {
        class.push_str(" focus");
        styles.push("bold");
        attrs.retain(|a| !matches!(&a.0, Id::Plain(k) if k == "fillcolor" || k == "color"));
        attrs.push(attr("fillcolor", val(theme::FOCUS_FILL)));
        attrs.push(attr("color", val(theme::FOCUS_BORDER)));
        attrs.push(attr("penwidth", num(2.5)));
    }
    attrs.push(attr("style", val(&styles.join(","))));
    attrs.push(attr("class", val(&class)));
    node(&n.id, attrs)
}

fn citation(p: &Prepared<'_>, e: &Edge<'_>) -> Stmt {
    let mut attrs = class_attrs(e.edge.relation, e.edge.adopted_as, e.edge.count);
    attrs.push(attr("tooltip", dot_tooltip(&p.edge_tooltip(e))));
    // The graph is drawn bottom to top (rankdir=BT), so an edge from a
    // newer document to an older one points up the page, the way the time
    // axis runs. Edges the other way (a draft adopted as a resolution, a
    // citation of a newer or undated document) must not pull ranks.
    let time_consistent = if p.bands.is_empty() {
        !e.edge.adopted_as
    } else {
        p.band_of[e.from] > p.band_of[e.to]
    };
    if !time_consistent {
        attrs.push(attr("constraint", val("false")));
    }
    edge(&p.nodes[e.from].id, &p.nodes[e.to].id, attrs)
}

/// The legend, in a cluster: a row of line styles (a text node, then an
/// edge to an invisible point), then a row of box styles, each row one
/// rank. Returns the cluster and the id of its first node, which the caller
/// ties above the first year.
fn legend() -> (Stmt, String) {
    let lid = |s: &str| format!("{LEGEND_ID_PREFIX}{s}");
    let mut stmts = vec![
        Stmt::Attribute(attr("label", dot_text("Legend"))),
        // "b" puts the label at the top when the graph runs bottom to top.
        Stmt::Attribute(attr("labelloc", val("b"))),
        Stmt::Attribute(attr("labeljust", val("l"))),
        Stmt::Attribute(attr("style", val("rounded"))),
        Stmt::Attribute(attr("color", val("#bbbbbb"))),
        Stmt::Attribute(attr("fontsize", num(10.0))),
        Stmt::Attribute(attr("fontcolor", val("#4a5568"))),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontsize", num(9.0)),
            attr("class", val("legend")),
        ])),
    ];
    let invisible = || vec![attr("style", val("invis"))];

    // Row 1: line styles.
    let mut rows: Vec<(String, &'static str, Vec<Attribute>)> = EdgeStyleClass::ALL
        .iter()
        .map(|&c| (c.slug().to_string(), c.name(), class_attrs(c, false, 1)))
        .collect();
    rows.push((
        "adopted".into(),
        "adopted as",
        class_attrs(EdgeStyleClass::Other, true, 1),
    ));
    let mut row1 = vec![Stmt::Attribute(attr("rank", val("same")))];
    let mut previous_end: Option<String> = None;
    for (slug, name, edge_attrs) in rows {
        let a = lid(&format!("{slug}:text"));
        let b = lid(&format!("{slug}:end"));
        stmts.push(node(
            &a,
            vec![
                attr("label", dot_text(name)),
                attr("shape", val("plaintext")),
                attr("height", num(0.2)),
            ],
        ));
        stmts.push(node(
            &b,
            vec![
                attr("label", dot_text("")),
                attr("shape", val("point")),
                attr("style", val("invis")),
                attr("width", num(0.3)),
            ],
        ));
        stmts.push(edge(&a, &b, edge_attrs));
        if let Some(prev) = previous_end.replace(b.clone()) {
            stmts.push(edge(&prev, &a, invisible()));
        }
        row1.push(node(&a, vec![]));
        row1.push(node(&b, vec![]));
    }
    stmts.push(subgraph(&lid("row:lines"), row1));

    // Row 2: box styles.
    let boxes: [(&str, &str, Vec<Attribute>); 3] = [
        (
            "read",
            "read",
            vec![
                attr("style", val("rounded,filled")),
                attr("color", val(theme::READ_BORDER)),
                attr("fillcolor", val(theme::READ_FILL)),
                attr("fontcolor", val(theme::READ_TEXT)),
            ],
        ),
        (
            "cited-only",
            "cited only (text not read)",
            vec![
                attr("style", val("rounded,dashed,filled")),
                attr("color", val(theme::CITED_BORDER)),
                attr("fillcolor", val(theme::CITED_FILL)),
                attr("fontcolor", val(theme::CITED_TEXT)),
            ],
        ),
        (
            "focus",
            "focus",
            vec![
                attr("style", val("rounded,filled,bold")),
                attr("color", val(theme::FOCUS_BORDER)),
                attr("fillcolor", val(theme::FOCUS_FILL)),
                attr("penwidth", num(2.5)),
            ],
        ),
    ];
    let mut row2 = vec![Stmt::Attribute(attr("rank", val("same")))];
    let mut previous: Option<String> = None;
    for (slug, name, mut attrs) in boxes {
        let id = lid(&format!("box:{slug}"));
        attrs.push(attr("label", dot_text(name)));
        attrs.push(attr("shape", val("box")));
        attrs.push(attr("height", num(0.25)));
        stmts.push(node(&id, attrs));
        if let Some(prev) = previous.replace(id.clone()) {
            stmts.push(edge(&prev, &id, invisible()));
        }
        row2.push(node(&id, vec![]));
    }
    stmts.push(subgraph(&lid("row:boxes"), row2));
    // Row 1 above row 2 (the graph runs bottom to top).
    let first = lid(&format!("{}:text", EdgeStyleClass::ALL[0].slug()));
    stmts.push(edge(&lid("box:read"), &first, invisible()));
    (subgraph("cluster_legend", stmts), lid("box:read"))
}

/// Builds the graphviz-rust model of the lineage.
pub(crate) fn build(p: &Prepared<'_>, style: &Style) -> Graph {
    // Graphviz's network simplex and crossing minimisation grow fast with
    // size (a 400-document lineage took 40 s, 1,000 took 4 minutes); large
    // lineages get bounded iterations (3 s and 7 s), at little cost in
    // legibility since such drawings are dense anyway.
    let limits: &[(&str, f64)] = match p.nodes.len() {
        0..=120 => &[],
        121..=600 => &[("nslimit", 0.5), ("nslimit1", 0.5), ("mclimit", 0.3)],
        _ => &[("nslimit", 0.2), ("nslimit1", 0.2), ("mclimit", 0.1)],
    };
    let mut graph_attrs = vec![
        attr("rankdir", val("BT")),
        attr("newrank", val("true")),
        attr("fontname", val("Helvetica")),
        attr("fontsize", num(10.0)),
        attr("nodesep", num(0.25)),
        attr("ranksep", num(0.4)),
        attr("bgcolor", val("white")),
        attr("tooltip", dot_tooltip("citation lineage")),
    ];
    graph_attrs.extend(limits.iter().map(|&(k, v)| attr(k, num(v))));
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", val("box")),
            attr("fontname", val("Helvetica")),
            attr("fontsize", num(10.0)),
            attr("height", num(0.3)),
            attr("margin", val("0.08,0.03")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("arrowsize", num(0.6)),
            attr("fontname", val("Helvetica")),
        ])),
    ];

    // The year axis: one plaintext node per band, chained by invisible
    // edges so that the bands follow each other from top to bottom.
    if !p.bands.is_empty() {
        for (b, band) in p.bands.iter().enumerate() {
            stmts.push(node(
                &axis_id(p, b),
                vec![
                    attr("label", dot_text(&band.label())),
                    attr("shape", val("plaintext")),
                    attr("fontsize", num(11.0)),
                    attr("fontcolor", val(theme::AXIS_TEXT)),
                    attr("class", val("axis")),
                ],
            ));
        }
        for b in 1..p.bands.len() {
            stmts.push(edge(
                &axis_id(p, b),
                &axis_id(p, b - 1),
                vec![attr("style", val("invis")), attr("weight", num(10.0))],
            ));
        }
    }

    // The documents, in organ clusters when asked for.
    let mut clusters: Vec<Vec<Stmt>> = vec![Vec::new(); p.organs.len()];
    for i in 0..p.nodes.len() {
        let stmt = doc_node(p, i);
        match p.organ_of[i] {
            Some(k) => clusters[k].push(stmt),
            None => stmts.push(stmt),
        }
    }
    for (k, members) in clusters.into_iter().enumerate() {
        let mut body = vec![
            Stmt::Attribute(attr("label", dot_text(&p.organs[k]))),
            Stmt::Attribute(attr("style", val("rounded,filled"))),
            Stmt::Attribute(attr("color", val(theme::organ_colour(k)))),
            Stmt::Attribute(attr("fillcolor", val(theme::organ_pale(k)))),
            Stmt::Attribute(attr("fontcolor", val(theme::organ_colour(k)))),
            Stmt::Attribute(attr("class", val("organ"))),
            // "b" is the top when the graph runs bottom to top.
            Stmt::Attribute(attr("labelloc", val("b"))),
        ];
        body.extend(members);
        stmts.push(subgraph(&format!("cluster_organ_{k}"), body));
    }

    // One rank per band.
    if !p.bands.is_empty() {
        let mut members: Vec<Vec<Stmt>> = (0..p.bands.len())
            .map(|b| {
                vec![
                    Stmt::Attribute(attr("rank", val("same"))),
                    node(&axis_id(p, b), vec![]),
                ]
            })
            .collect();
        for i in 0..p.nodes.len() {
            members[p.band_of[i]].push(node(&p.nodes[i].id, vec![]));
        }
        for (b, m) in members.into_iter().enumerate() {
            stmts.push(subgraph(
                &format!("{RESERVED_ID_PREFIX}rank:{}", p.bands[b].key()),
                m,
            ));
        }
    }

    for e in &p.edges {
        stmts.push(citation(p, e));
    }

    if style.show_legend && !p.nodes.is_empty() {
        let (cluster, last_row) = legend();
        stmts.push(cluster);
        if !p.bands.is_empty() {
            // Keep the legend above the first year.
            stmts.push(edge(
                &axis_id(p, 0),
                &last_row,
                vec![attr("style", val("invis"))],
            ));
        }
    }

    Graph::DiGraph {
        id: dot_id("lineage"),
        strict: false,
        stmts,
    }
}

pub(crate) fn print(graph: &Graph) -> String {
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    graph.print(&mut ctx)
}

/// See [`crate::to_dot`].
pub(crate) fn to_dot(lineage: &Lineage, style: &Style) -> Result<String, RenderError> {
    let p = prepare(lineage, style)?;
    Ok(print(&build(&p, style)))
}
