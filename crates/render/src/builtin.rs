//! The builtin engine: layered layout with the pure-Rust `layout-rs` crate
//! (plus [`crate::place`]), SVG written here.
//!
//! `layout-rs` lays a graph out top to bottom following edge direction. To
//! make time read one way, the renderer builds the `VisualGraph` itself:
//!
//! * every layout edge points from the older document to the newer one
//!   (the arrowhead is still drawn at the cited end);
//! * between two consecutive years sits an invisible separator node, with an
//!   invisible edge from every document of the earlier year to it and from
//!   it to every document of the later year. Ranks follow edges, so every
//!   document of a year lies strictly below every document of the years
//!   before it.
//!
//! Nodes and edges are added in that order, which keeps `layout-rs`'s cycle
//! check cheap (it walks from the new edge's head, which has no outgoing
//! edge yet).
//!
//! `layout-rs` then ranks the nodes, splits long edges into chains of
//! connectors and assigns the vertical coordinates; the order inside ranks
//! and the horizontal coordinates come from [`crate::place`], because
//! `layout-rs`'s own passes for those are cubic in the size of a rank.
//! The curves of the edges come from `layout-rs` again.
//!
//! The SVG is written from those positions, with every caller text escaped
//! by [`crate::escape::xml`]: one `<g class="node doc ...">` group per
//! document with a `<title>` (its id), a tooltip and a link, the year axis,
//! and the legend.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

use layout::adt::dag::NodeHandle;
use layout::core::base::Orientation;
use layout::core::format::Visible;
use layout::core::geometry::{Point, Position};
use layout::core::style::StyleAttr;
use layout::std_shapes::render::generate_curve_for_elements;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use layout::topo::placer::Placer;

use crate::escape::{is_site_path, safe_url, xml};
use crate::model::{EdgeStyleClass, Lineage, Style};
use crate::place::{self, Layered};
use crate::prepare::{prepare, Prepared};
use crate::theme::{self, Dash};
use crate::RenderError;

const FONT_SIZE: f64 = 12.0;
const YEAR_FONT_SIZE: f64 = 10.5;
const LINE_H: f64 = 14.0;
/// Width of a character of the label font, a little generous so that
/// labels never overflow their boxes.
const CHAR_W: f64 = 7.4;
const PAD_X: f64 = 8.0;
const PAD_Y: f64 = 5.0;
/// Free space around each box (total, split between both sides).
const HALO_X: f64 = 22.0;
const HALO_Y: f64 = 28.0;
const MARGIN: f64 = 16.0;
const AXIS_W: f64 = 64.0;
const LEGEND_GAP: f64 = 36.0;
const LEGEND_FONT: f64 = 11.0;
/// Sweeps of the ordering and placement passes.
const ORDER_SWEEPS: usize = 24;
const PLACE_SWEEPS: usize = 24;
/// How strongly nodes want to sit at their neighbours' median: connectors
/// more than boxes, so that long edges run straight.
const PULL_BOX: f64 = 1.0;
const PULL_CONNECTOR: f64 = 6.0;
const PULL_HIDDEN: f64 = 0.001;

/// A drawn edge: its Bezier path (as `layout-rs` makes it: the start
/// point and its control point, then pairs of control point and point) and
/// where its arrowheads go (start, end).
type EdgePath = (Vec<(Point, Point)>, (bool, bool));

/// Where things ended up.
#[derive(Debug)]
struct Drawing {
    /// Top-left corner and size of each document box.
    boxes: Vec<Option<(Point, Point)>>,
    /// Bezier path of each citation and where its arrowheads go
    /// (start, end).
    paths: Vec<Option<EdgePath>>,
}

/// A node of the layout graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Doc(usize),
    Separator,
}

/// Orders the documents: by band, then citation order inside a band (older
/// end first), breaking cycles at the lowest index. Returns the document
/// indices in order.
fn doc_order(p: &Prepared<'_>) -> Vec<usize> {
    let n = p.nodes.len();
    let bands = p.bands.len().max(1);
    let mut by_band: Vec<Vec<usize>> = vec![Vec::new(); bands];
    for i in 0..n {
        by_band[p.band_of[i].min(bands - 1)].push(i);
    }
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indeg = vec![0usize; n];
    for e in &p.edges {
        let (older, newer) = older_newer(e.from, e.to, e.edge.adopted_as);
        if p.band_of[older] == p.band_of[newer] {
            succ[older].push(newer);
            indeg[newer] += 1;
        }
    }
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for members in by_band {
        let mut heap: BinaryHeap<Reverse<usize>> = members
            .iter()
            .copied()
            .filter(|&i| indeg[i] == 0)
            .map(Reverse)
            .collect();
        let mut cursor = 0;
        let mut left = members.len();
        while left > 0 {
            let next = match heap.pop() {
                Some(Reverse(i)) if !placed[i] => i,
                Some(_) => continue,
                None => {
                    // A cycle: force the lowest unplaced member.
                    while cursor < members.len() && placed[members[cursor]] {
                        cursor += 1;
                    }
                    match members.get(cursor) {
                        Some(&i) => i,
                        None => break,
                    }
                }
            };
            placed[next] = true;
            left -= 1;
            order.push(next);
            for &s in &succ[next] {
                indeg[s] = indeg[s].saturating_sub(1);
                if indeg[s] == 0 && !placed[s] {
                    heap.push(Reverse(s));
                }
            }
        }
    }
    order
}

/// The (older, newer) ends of an edge: a citing document is newer than the
/// one it cites; a draft is older than the resolution it became.
fn older_newer(from: usize, to: usize, adopted_as: bool) -> (usize, usize) {
    if adopted_as {
        (from, to)
    } else {
        (to, from)
    }
}

/// Extra width of a box with an organ bar on its left.
const BAR_ROOM: f64 = 8.0;

fn box_size(lines: &[String], bar: bool) -> Point {
    let chars = lines
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(2);
    let extra = if bar { BAR_ROOM } else { 0.0 };
    Point::new(
        (chars as f64 * CHAR_W + 2.0 * PAD_X + extra).ceil(),
        (lines.len().max(1) as f64 * LINE_H + 2.0 * PAD_Y).ceil(),
    )
}

/// The layout graph as built: nodes in slot order, and the layout edges.
struct Built {
    vg: VisualGraph,
    /// Handle of each slot.
    handles: Vec<NodeHandle>,
    slots: Vec<Slot>,
    /// Visible layout edges: (tail slot, head slot, citation index, heads).
    visible: Vec<(usize, usize, usize, (bool, bool))>,
}

fn build(p: &Prepared<'_>) -> Built {
    let order = doc_order(p);
    let bands = p.bands.len();

    // The sequence of layout nodes: documents band by band, a separator
    // after every band but the last.
    let mut slots: Vec<Slot> = Vec::with_capacity(order.len() + bands);
    let mut separator_after: HashMap<usize, usize> = HashMap::new();
    let mut k = 0;
    while k < order.len() {
        let band = p.band_of[order[k]];
        while k < order.len() && p.band_of[order[k]] == band {
            slots.push(Slot::Doc(order[k]));
            k += 1;
        }
        if bands > 1 && k < order.len() {
            separator_after.insert(band, slots.len());
            slots.push(Slot::Separator);
        }
    }
    let mut seq_of_doc = vec![0usize; p.nodes.len()];
    for (s, slot) in slots.iter().enumerate() {
        if let Slot::Doc(i) = slot {
            seq_of_doc[*i] = s;
        }
    }

    let mut vg = VisualGraph::new(Orientation::TopToBottom);
    vg.dag.set_validate(false);
    let mut handles = Vec::with_capacity(slots.len());
    for slot in &slots {
        let element = match *slot {
            Slot::Doc(i) => {
                let size = box_size(&p.box_text(i), p.organ_of[i].is_some());
                let mut el = Element::create(
                    ShapeKind::Box(String::new()),
                    StyleAttr::simple(),
                    Orientation::TopToBottom,
                    size,
                );
                el.pos = Position::new(
                    Point::zero(),
                    size,
                    Point::zero(),
                    Point::new(HALO_X, HALO_Y),
                );
                el
            }
            Slot::Separator => {
                let size = Point::new(1.0, 1.0);
                let mut el = Element::create(
                    ShapeKind::None,
                    StyleAttr::simple(),
                    Orientation::TopToBottom,
                    size,
                );
                el.pos = Position::new(Point::zero(), size, Point::zero(), Point::new(2.0, 4.0));
                el
            }
        };
        handles.push(vg.add_node(element));
    }

    // Layout edges, each from the earlier slot to the later one.
    let mut edges: Vec<(usize, usize, bool)> = Vec::new();
    let mut visible = Vec::with_capacity(p.edges.len());
    for (k, e) in p.edges.iter().enumerate() {
        let (a, b) = (seq_of_doc[e.from], seq_of_doc[e.to]);
        // The arrowhead goes at `to` (the cited document, or the
        // resolution).
        let (tail, head, heads) = if a < b {
            (a, b, (false, true))
        } else {
            (b, a, (true, false))
        };
        edges.push((tail, head, true));
        visible.push((tail, head, k, heads));
    }
    if bands > 1 {
        for (i, &seq) in seq_of_doc.iter().enumerate() {
            let band = p.band_of[i];
            if let Some(&sep) = band.checked_sub(1).and_then(|b| separator_after.get(&b)) {
                edges.push((sep, seq, false));
            }
            if let Some(&sep) = separator_after.get(&band) {
                edges.push((seq, sep, false));
            }
        }
    }
    edges.sort_by_key(|&(t, h, _)| (t, h));
    for (t, h, shown) in edges {
        let arrow = if shown {
            Arrow::simple("")
        } else {
            Arrow::invisible()
        };
        vg.add_edge(arrow, handles[t], handles[h]);
    }
    Built {
        vg,
        handles,
        slots,
        visible,
    }
}

/// Follows the connector chains leaving `from`: (end node, chain from
/// `from` to the end, inclusive).
fn chains_from(vg: &VisualGraph, from: NodeHandle) -> Vec<(NodeHandle, Vec<NodeHandle>)> {
    let mut out = Vec::new();
    for &first in vg.succ(from) {
        let mut chain = vec![from, first];
        let mut at = first;
        let mut steps = 0;
        while vg.is_connector(at) && steps <= vg.num_nodes() {
            match vg.dag.single_succ(at) {
                Some(next) => {
                    chain.push(next);
                    at = next;
                }
                None => break,
            }
            steps += 1;
        }
        out.push((at, chain));
    }
    out
}

/// Runs the layout and returns the positions of boxes and edges.
fn run_layout(p: &Prepared<'_>) -> Drawing {
    let Built {
        mut vg,
        handles,
        slots,
        visible,
    } = build(p);

    // layout-rs: ranks (longest path), long edges split into connectors.
    vg.to_valid_dag();
    vg.split_text_edges();
    vg.split_long_edges(true);
    let nodes: Vec<NodeHandle> = vg.iter_nodes().collect();
    for &h in &nodes {
        vg.element_mut(h).resize();
    }

    // Which nodes are never drawn: separators, and the connectors of
    // invisible edges (chains that start or end at a separator).
    let n = vg.num_nodes();
    let mut hidden = vec![false; n];
    let is_separator: Vec<bool> = {
        let mut v = vec![false; n];
        for (s, slot) in slots.iter().enumerate() {
            if *slot == Slot::Separator {
                v[handles[s].get_index()] = true;
            }
        }
        v
    };
    let mut chains: HashMap<usize, Vec<(NodeHandle, Vec<NodeHandle>)>> = HashMap::new();
    for (s, &h) in handles.iter().enumerate() {
        let list = chains_from(&vg, h);
        for (end, chain) in &list {
            if is_separator[h.get_index()] || is_separator[end.get_index()] {
                // The connectors between the two ends.
                for c in chain.iter().skip(1).take(chain.len().saturating_sub(2)) {
                    hidden[c.get_index()] = true;
                }
            }
        }
        if matches!(slots[s], Slot::Doc(_)) {
            chains.insert(h.get_index(), list);
        }
    }
    for (i, sep) in is_separator.iter().enumerate() {
        hidden[i] |= *sep;
    }

    // Order inside ranks and horizontal positions.
    let mut layered = Layered {
        rows: (0..vg.dag.num_levels())
            .map(|r| vg.dag.row(r).iter().map(|h| h.get_index()).collect())
            .collect(),
        up: vec![Vec::new(); n],
        down: vec![Vec::new(); n],
        width: nodes.iter().map(|&h| vg.pos(h).size(true).x).collect(),
        pull: nodes
            .iter()
            .map(|&h| {
                if hidden[h.get_index()] {
                    PULL_HIDDEN
                } else if vg.is_connector(h) {
                    PULL_CONNECTOR
                } else {
                    PULL_BOX
                }
            })
            .collect(),
        hidden: hidden.clone(),
    };
    for &h in &nodes {
        for &s in vg.succ(h) {
            let (a, b) = (h.get_index(), s.get_index());
            let w = if hidden[a] || hidden[b] {
                0.0
            } else if vg.is_connector(h) && vg.is_connector(s) {
                8.0
            } else if vg.is_connector(h) || vg.is_connector(s) {
                2.0
            } else {
                1.0
            };
            layered.down[a].push((b, w));
            layered.up[b].push((a, w));
        }
    }
    place::order(&mut layered, ORDER_SWEEPS);
    for (r, row) in layered.rows.iter().enumerate() {
        *vg.dag.row_mut(r) = row.iter().map(|&i| NodeHandle::from(i)).collect();
    }
    // layout-rs: vertical positions (and a first horizontal packing).
    Placer::new(&mut vg).layout(true);
    let xs = place::assign_x(&layered, PLACE_SWEEPS);
    for &h in &nodes {
        vg.pos_mut(h).set_x(xs[h.get_index()]);
    }

    // Boxes.
    let mut boxes = vec![None; p.nodes.len()];
    for (s, slot) in slots.iter().enumerate() {
        if let Slot::Doc(i) = *slot {
            let pos = vg.pos(handles[s]);
            boxes[i] = Some((pos.bbox(false).0, pos.size(false)));
        }
    }

    // Curves: each visible edge takes one unused chain from its tail to its
    // head.
    let mut used: HashMap<usize, Vec<bool>> = chains
        .iter()
        .map(|(k, list)| (*k, vec![false; list.len()]))
        .collect();
    let mut paths = vec![None; p.edges.len()];
    for &(tail, head, k, heads) in &visible {
        let (t, h) = (handles[tail], handles[head]);
        let (Some(list), Some(taken)) = (chains.get(&t.get_index()), used.get_mut(&t.get_index()))
        else {
            continue;
        };
        let Some(j) = (0..list.len()).find(|&j| !taken[j] && list[j].0 == h) else {
            continue;
        };
        taken[j] = true;
        let elements: Vec<Element> = list[j].1.iter().map(|&c| vg.element(c).clone()).collect();
        if elements.len() < 2 {
            continue;
        }
        let path = generate_curve_for_elements(&elements, &Arrow::default(), 30.0);
        paths[k] = Some((path, heads));
    }
    Drawing { boxes, paths }
}

/// See [`crate::to_svg`] with [`crate::Engine::Builtin`].
pub(crate) fn to_svg(lineage: &Lineage, style: &Style) -> Result<String, RenderError> {
    let p = prepare(lineage, style)?;
    if p.nodes.is_empty() {
        return Ok(empty_svg());
    }
    // layout-rs asserts its invariants; should one fail, report it rather
    // than unwind through the caller.
    let drawing = catch_unwind(AssertUnwindSafe(|| run_layout(&p))).map_err(|panic| {
        let msg = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("layout-rs panicked");
        RenderError::Layout(msg.to_string())
    })?;
    Ok(write_svg(&p, style, &drawing))
}

fn empty_svg() -> String {
    let mut s = String::new();
    s.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    s.push('\n');
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="48" viewBox="0 0 200 48" font-family="{font}"><text x="100" y="28" text-anchor="middle" font-size="12" fill="#666666">(empty lineage)</text></svg>"##,
        font = theme::FONT_FAMILY
    );
    s.push('\n');
    s
}

fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn dasharray(d: Dash) -> &'static str {
    match d {
        Dash::Solid => "",
        Dash::Dashed => r#" stroke-dasharray="7 4""#,
        Dash::Dotted => r#" stroke-dasharray="1.5 3.5" stroke-linecap="round""#,
    }
}

fn path_d(path: &[(Point, Point)], dx: f64, dy: f64) -> String {
    let pt = |p: Point| format!("{} {}", f(p.x + dx), f(p.y + dy));
    let mut d = String::new();
    if path.len() < 2 {
        return d;
    }
    let _ = write!(
        d,
        "M {} C {}, {}, {}",
        pt(path[0].0),
        pt(path[0].1),
        pt(path[1].0),
        pt(path[1].1)
    );
    for seg in &path[2..] {
        let _ = write!(d, " S {}, {}", pt(seg.0), pt(seg.1));
    }
    d
}

/// Arrowhead markers, one pair (end, start) per edge class plus the hollow
/// "adopted as" head.
fn markers() -> String {
    let mut s = String::from("<defs>\n");
    let mut add = |id: &str, colour: &str, fill: &str| {
        let _ = writeln!(
            s,
            r#"<marker id="{id}-end" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M 0 1 L 10 5 L 0 9 z" fill="{fill}" stroke="{colour}" stroke-width="1"/></marker>"#
        );
        let _ = writeln!(
            s,
            r#"<marker id="{id}-start" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M 10 1 L 0 5 L 10 9 z" fill="{fill}" stroke="{colour}" stroke-width="1"/></marker>"#
        );
    };
    for c in EdgeStyleClass::ALL {
        let look = theme::edge_look(c);
        add(&format!("ah-{}", c.slug()), look.colour, look.colour);
    }
    add("ah-adopted", theme::ADOPTED_COLOUR, "#ffffff");
    s.push_str("</defs>\n");
    s
}

/// One edge path, with markers at the requested ends.
fn edge_svg(
    out: &mut String,
    d: &str,
    class: EdgeStyleClass,
    adopted: bool,
    count: u32,
    heads: (bool, bool),
) {
    let marker_id = if adopted {
        "ah-adopted".to_string()
    } else {
        format!("ah-{}", class.slug())
    };
    let mut marks = String::new();
    if heads.0 {
        let _ = write!(marks, r#" marker-start="url(#{marker_id}-start)""#);
    }
    if heads.1 {
        let _ = write!(marks, r#" marker-end="url(#{marker_id}-end)""#);
    }
    if adopted {
        // A double line: a dark wide stroke with a white core.
        let _ = writeln!(
            out,
            r#"<path d="{d}" fill="none" stroke="{c}" stroke-width="4"{marks}/>"#,
            c = theme::ADOPTED_COLOUR
        );
        let _ = writeln!(
            out,
            r##"<path d="{d}" fill="none" stroke="#ffffff" stroke-width="1.6"/>"##
        );
    } else {
        let look = theme::edge_look(class);
        let _ = writeln!(
            out,
            r#"<path d="{d}" fill="none" stroke="{c}" stroke-width="{w}"{dash}{marks}/>"#,
            c = look.colour,
            w = f(look.width + theme::count_extra_width(count)),
            dash = dasharray(look.dash)
        );
    }
}

/// Box colours of a document.
struct BoxLook {
    fill: &'static str,
    stroke: &'static str,
    text: &'static str,
    width: f64,
    dash: &'static str,
}

fn box_look(read: bool, focus: bool) -> BoxLook {
    let mut look = if read {
        BoxLook {
            fill: theme::READ_FILL,
            stroke: theme::READ_BORDER,
            text: theme::READ_TEXT,
            width: 1.2,
            dash: "",
        }
    } else {
        BoxLook {
            fill: theme::CITED_FILL,
            stroke: theme::CITED_BORDER,
            text: theme::CITED_TEXT,
            width: 1.2,
            dash: r#" stroke-dasharray="4 3""#,
        }
    };
    if focus {
        look.fill = theme::FOCUS_FILL;
        look.stroke = theme::FOCUS_BORDER;
        look.width = 3.0;
    }
    look
}

fn box_svg(out: &mut String, x: f64, y: f64, w: f64, h: f64, look: &BoxLook) {
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" stroke="{}" stroke-width="{}"{}/>"#,
        f(x),
        f(y),
        f(w),
        f(h),
        look.fill,
        look.stroke,
        f(look.width),
        look.dash
    );
}

fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * font * 0.62
}

fn write_svg(p: &Prepared<'_>, style: &Style, rec: &Drawing) -> String {
    // Bounds of what layout-rs placed.
    let (mut min_x, mut min_y) = (f64::INFINITY, f64::INFINITY);
    let (mut max_x, mut max_y) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut grow = |pt: Point| {
        if pt.x.is_finite() && pt.y.is_finite() {
            min_x = min_x.min(pt.x);
            min_y = min_y.min(pt.y);
            max_x = max_x.max(pt.x);
            max_y = max_y.max(pt.y);
        }
    };
    for (xy, size) in rec.boxes.iter().flatten() {
        grow(*xy);
        grow(xy.add(*size));
    }
    for (path, _) in rec.paths.iter().flatten() {
        for seg in path {
            grow(seg.0);
            grow(seg.1);
        }
    }
    if !min_x.is_finite() {
        (min_x, min_y, max_x, max_y) = (0.0, 0.0, 1.0, 1.0);
    }

    let axis = !p.bands.is_empty();
    let left = MARGIN + if axis { AXIS_W } else { 0.0 };
    let top = MARGIN + 8.0;
    let dx = left - min_x;
    let dy = top - min_y;
    let graph_w = max_x - min_x;
    let graph_h = max_y - min_y;

    let legend = if style.show_legend {
        Some(legend_svg(p, left + graph_w + LEGEND_GAP, top))
    } else {
        None
    };
    let (legend_svg, legend_w, legend_h) = legend.unwrap_or_default();
    let width = left
        + graph_w
        + if style.show_legend {
            LEGEND_GAP + legend_w
        } else {
            0.0
        }
        + MARGIN;
    let height = top + graph_h.max(legend_h) + MARGIN + 8.0;

    let mut s = String::with_capacity(4096 + p.nodes.len() * 600);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}" class="resgraph-lineage">"#,
        w = f(width),
        h = f(height),
        font = theme::FONT_FAMILY
    );
    s.push_str("<title>citation lineage</title>\n");
    s.push_str(&markers());
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
        f(width),
        f(height)
    );

    // The year axis: a shaded band per other year, the year on the left.
    if axis {
        s.push_str("<g class=\"axis\">\n");
        let band_right = left + graph_w + 8.0;
        for (b, band) in p.bands.iter().enumerate() {
            let mut y0 = f64::INFINITY;
            let mut y1 = f64::NEG_INFINITY;
            let mut first_row = f64::INFINITY;
            for (i, slot) in rec.boxes.iter().enumerate() {
                if let (Some((xy, size)), true) = (slot, p.band_of[i] == b) {
                    y0 = y0.min(xy.y);
                    y1 = y1.max(xy.y + size.y);
                    first_row = first_row.min(xy.y + size.y / 2.0);
                }
            }
            if !y0.is_finite() {
                continue;
            }
            let (y0, y1, mid) = (y0 + dy - 10.0, y1 + dy + 10.0, first_row + dy);
            if b % 2 == 0 {
                let _ = writeln!(
                    s,
                    r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#f3f5f8"/>"##,
                    f(MARGIN),
                    f(y0),
                    f(band_right - MARGIN),
                    f(y1 - y0)
                );
            }
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" text-anchor="end" font-size="12" font-weight="bold" fill="{}">{}</text>"#,
                f(left - 14.0),
                f(mid + 4.0),
                theme::AXIS_TEXT,
                xml(&band.label())
            );
        }
        // The axis line, with an arrow pointing to later years.
        let _ = writeln!(
            s,
            r##"<path d="M {x} {y0} L {x} {y1}" stroke="#a0aec0" stroke-width="1.5" marker-end="url(#ah-other-end)"/>"##,
            x = f(left - 6.0),
            y0 = f(top - 4.0),
            y1 = f(top + graph_h + 4.0)
        );
        s.push_str("</g>\n");
    }

    // Edges under the boxes.
    s.push_str("<g class=\"edges\">\n");
    for (k, e) in p.edges.iter().enumerate() {
        let Some((path, heads)) = &rec.paths[k] else {
            continue;
        };
        let d = path_d(path, dx, dy);
        if d.is_empty() {
            continue;
        }
        let class = if e.edge.adopted_as {
            "adopted"
        } else {
            e.edge.relation.slug()
        };
        let _ = writeln!(s, r#"<g class="edge {class}" id="edge{k}">"#);
        let _ = writeln!(s, "<title>{}</title>", xml(&p.edge_tooltip(e)));
        edge_svg(
            &mut s,
            &d,
            e.edge.relation,
            e.edge.adopted_as,
            e.edge.count,
            *heads,
        );
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");

    // One group per document.
    s.push_str("<g class=\"nodes\">\n");
    for (i, n) in p.nodes.iter().enumerate() {
        let Some((xy, size)) = rec.boxes[i] else {
            continue;
        };
        let focus = p.focus == Some(i);
        let (x, y) = (xy.x + dx, xy.y + dy);
        let mut class = String::from("node doc");
        class.push_str(if n.read { " read" } else { " cited-only" });
        if focus {
            class.push_str(" focus");
        }
        let _ = writeln!(s, r#"<g class="{class}" id="node{i}">"#);
        let _ = writeln!(s, "<title>{}</title>", xml(&n.id));
        let url = n.url.as_deref().and_then(safe_url);
        match &url {
            Some(u) => {
                let target = if is_site_path(u) {
                    ""
                } else {
                    r#" target="_blank""#
                };
                let u = xml(u);
                let _ = writeln!(s, r#"<a href="{u}" xlink:href="{u}"{target}>"#);
            }
            None => s.push_str("<g>\n"),
        }
        let _ = writeln!(s, "<title>{}</title>", xml(&p.tooltip(i)));
        let look = box_look(n.read, focus);
        box_svg(&mut s, x, y, size.x, size.y, &look);
        if let Some(k) = p.organ_of[i] {
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="4" height="{}" fill="{}"/>"#,
                f(x + 1.5),
                f(y + 3.0),
                f(size.y - 6.0),
                theme::organ_colour(k)
            );
        }
        let lines = p.box_text(i);
        let has_year = n.year.is_some();
        let bar = if p.organ_of[i].is_some() {
            BAR_ROOM
        } else {
            0.0
        };
        let cx = f(x + (size.x + bar) / 2.0);
        let _ = write!(
            s,
            r#"<text x="{cx}" text-anchor="middle" font-size="{}" fill="{}"{}>"#,
            f(FONT_SIZE),
            look.text,
            if focus { r#" font-weight="bold""# } else { "" }
        );
        for (k, line) in lines.iter().enumerate() {
            let is_year = has_year && k + 1 == lines.len();
            let baseline = y + PAD_Y + k as f64 * LINE_H + 11.0;
            let extra = if is_year {
                format!(r##" font-size="{}" fill="#718096""##, f(YEAR_FONT_SIZE))
            } else {
                String::new()
            };
            let _ = write!(
                s,
                r#"<tspan x="{cx}" y="{}"{extra}>{}</tspan>"#,
                f(baseline),
                xml(line)
            );
        }
        s.push_str("</text>\n");
        s.push_str(if url.is_some() { "</a>\n" } else { "</g>\n" });
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");
    s.push_str(&legend_svg);
    s.push_str("</svg>\n");
    s
}

/// The legend at (`x`, `y`): line styles, box styles and, when clustering,
/// organ colours. Returns the SVG, its width and its height.
fn legend_svg(p: &Prepared<'_>, x: f64, y: f64) -> (String, f64, f64) {
    const ROW: f64 = 19.0;
    const SAMPLE: f64 = 38.0;
    let mut rows: Vec<String> = EdgeStyleClass::ALL
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    rows.push("adopted as (draft → resolution)".into());
    rows.extend([
        "read".into(),
        "cited only (text not read)".into(),
        "focus".into(),
    ]);
    rows.extend(p.organs.iter().cloned());
    let text_w = rows
        .iter()
        .map(|r| text_width(r, LEGEND_FONT))
        .fold(0.0, f64::max);
    let w = 12.0 + SAMPLE + 10.0 + text_w + 12.0;
    let n_rows = rows.len() as f64 + if p.organs.is_empty() { 0.0 } else { 1.0 };
    let h = 28.0 + n_rows * ROW + 8.0;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<g class="legend" transform="translate({},{})">"#,
        f(x),
        f(y)
    );
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{}" height="{}" rx="6" fill="#ffffff" stroke="#bbbbbb"/>"##,
        f(w),
        f(h)
    );
    let _ = writeln!(
        s,
        r##"<text x="12" y="18" font-size="12" font-weight="bold" fill="#4a5568">Legend</text>"##
    );
    let label = |s: &mut String, row_y: f64, text: &str| {
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" font-size="{}" fill="#2d3748">{}</text>"##,
            f(12.0 + SAMPLE + 10.0),
            f(row_y + 4.0),
            f(LEGEND_FONT),
            xml(text)
        );
    };
    let mut row_y = 28.0 + ROW / 2.0;
    let edge_row =
        |s: &mut String, row_y: f64, class: EdgeStyleClass, adopted: bool, text: &str| {
            let d = format!("M 12 {y} L {} {y}", f(12.0 + SAMPLE), y = f(row_y));
            let slug = if adopted { "adopted" } else { class.slug() };
            let _ = writeln!(s, r#"<g class="legend-edge {slug}">"#);
            edge_svg(s, &d, class, adopted, 1, (false, true));
            s.push_str("</g>\n");
            label(s, row_y, text);
        };
    for c in EdgeStyleClass::ALL {
        edge_row(&mut s, row_y, c, false, c.name());
        row_y += ROW;
    }
    edge_row(
        &mut s,
        row_y,
        EdgeStyleClass::Other,
        true,
        "adopted as (draft → resolution)",
    );
    row_y += ROW;
    for (read, focus, text) in [
        (true, false, "read"),
        (false, false, "cited only (text not read)"),
        (true, true, "focus"),
    ] {
        let look = box_look(read, focus);
        box_svg(&mut s, 16.0, row_y - 7.0, SAMPLE - 8.0, 14.0, &look);
        label(&mut s, row_y, text);
        row_y += ROW;
    }
    if !p.organs.is_empty() {
        let _ = writeln!(
            s,
            r##"<text x="12" y="{}" font-size="11" font-weight="bold" fill="#4a5568">Organ</text>"##,
            f(row_y + 4.0)
        );
        row_y += ROW;
        for (k, organ) in p.organs.iter().enumerate() {
            let _ = writeln!(
                s,
                r#"<rect x="16" y="{}" width="{}" height="10" fill="{}"/>"#,
                f(row_y - 5.0),
                f(SAMPLE - 8.0),
                theme::organ_colour(k)
            );
            label(&mut s, row_y, organ);
            row_y += ROW;
        }
    }
    s.push_str("</g>\n");
    (s, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineageEdge, LineageNode};

    #[test]
    fn order_puts_cited_before_citing_within_a_year_and_survives_cycles() {
        let lineage = Lineage {
            nodes: vec![
                LineageNode::new("c", "c").year(2000),
                LineageNode::new("b", "b").year(2000),
                LineageNode::new("a", "a").year(1990),
                LineageNode::new("x", "x"),
            ],
            edges: vec![
                LineageEdge::new("c", "b", EdgeStyleClass::Recalling),
                LineageEdge::new("b", "c", EdgeStyleClass::Recalling),
                LineageEdge::new("b", "a", EdgeStyleClass::Recalling),
            ],
            focus: None,
        };
        let p = prepare(&lineage, &Style::default()).expect("valid");
        let order = doc_order(&p);
        assert_eq!(order.len(), 4);
        assert_eq!(order[0], 2, "1990 first");
        assert_eq!(order[3], 3, "undated last");
    }

    #[test]
    fn box_fits_label() {
        let size = box_size(&["A/RES/2625 (XXV)".to_string(), "1970".to_string()], false);
        assert!(size.x >= text_width("A/RES/2625 (XXV)", FONT_SIZE));
        assert!(size.y >= 2.0 * LINE_H);
    }
}
