//! From the citation graph to a picture: the glue between
//! [`resgraph_graph`] and [`resgraph_render`], which know nothing of each
//! other.

use std::collections::{BTreeMap, HashSet};

use resgraph_core::RelationClass;
use resgraph_graph::CitationGraph;
use resgraph_render::{EdgeStyleClass, Lineage, LineageEdge, LineageNode};
use resgraph_symbol::Symbol;

/// The address of a document on the UN's document server.
///
/// ```
/// let s = resgraph::symbol::Symbol::parse_loose("43/78 H").unwrap();
/// assert_eq!(resgraph::view::document_url(&s), "https://undocs.org/A/RES/43/78%20H");
/// ```
pub fn document_url(symbol: &Symbol) -> String {
    let path = resgraph_io::percent_encode(&symbol.to_string(), resgraph_io::PATH_ENCODE_SET);
    format!("https://undocs.org/{path}")
}

/// The drawing model of the documents `members` of `graph`, with the
/// citations among them and the draft-to-resolution links, `focus` drawn
/// apart.
///
/// A node's year is its known date's year, else the year its symbol
/// implies; an edge's style is that of its most frequent relation.
///
/// ```
/// use resgraph::extract::{extract, Hint};
/// use resgraph::graph::CitationGraph;
///
/// let mut graph = CitationGraph::new();
/// let doc = extract(
///     "A/RES/76/19\n\nThe General Assembly,\n\nRecalling its resolution 53/70 of 4 December 1998,\n",
///     &Hint::default(),
/// );
/// graph.add_document(&doc);
/// let focus = doc.symbol.clone().unwrap();
/// let members = vec![focus.clone(), "A/RES/53/70".parse().unwrap()];
/// let lineage = resgraph::view::lineage(&graph, Some(&focus), &members);
/// assert_eq!(lineage.nodes.len(), 2);
/// assert_eq!(lineage.edges.len(), 1);
/// ```
pub fn lineage(graph: &CitationGraph, focus: Option<&Symbol>, members: &[Symbol]) -> Lineage {
    let keep: HashSet<&Symbol> = members.iter().collect();
    let mut nodes = Vec::new();
    let mut seen = HashSet::new();
    for symbol in members {
        if !seen.insert(symbol) {
            continue;
        }
        let info = graph.node(symbol);
        let mut node = LineageNode::new(symbol.to_string(), symbol.label());
        if let Some(year) = info
            .and_then(|i| i.date.map(|d| d.year))
            .or_else(|| symbol.approximate_year())
        {
            node = node.year(year);
        }
        if let Some(title) = info.and_then(|i| i.title.clone()) {
            node = node.title(title);
        }
        if let Some(organ) = info
            .and_then(|i| i.organ.clone())
            .or_else(|| Some(symbol.organ().name().to_string()))
        {
            node = node.organ(organ);
        }
        node = node
            .read(info.is_some_and(|i| i.read))
            .url(document_url(symbol));
        nodes.push(node);
    }
    let sub = graph.subgraph(members.iter());
    let mut edges = Vec::new();
    for edge in sub.edges() {
        // A link is drawn in the style of the class most of its
        // occurrences have (every occurrence counts, not each distinct
        // wording once); a tie goes to the class listed first.
        let mut counts: BTreeMap<EdgeStyleClass, usize> = BTreeMap::new();
        for occurrence in edge.occurrences() {
            *counts
                .entry(edge_style(occurrence.relation.class()))
                .or_default() += 1;
        }
        let class = counts
            .iter()
            .max_by_key(|(class, n)| (**n, std::cmp::Reverse(**class)))
            .map_or(EdgeStyleClass::Other, |(class, _)| *class);
        edges.push(
            LineageEdge::new(edge.from().to_string(), edge.to().to_string(), class)
                .count(u32::try_from(edge.weight()).unwrap_or(u32::MAX)),
        );
    }
    for (draft, resolution) in graph.adoptions() {
        if keep.contains(draft) && keep.contains(resolution) {
            edges.push(LineageEdge::adopted(
                draft.to_string(),
                resolution.to_string(),
            ));
        }
    }
    Lineage {
        nodes,
        edges,
        focus: focus.map(|f| f.to_string()),
    }
}

/// How a citation of this class is drawn: the render crate knows no
/// relations, only line styles. Acting verbs, heading roles and other
/// verbs share the plain line.
///
/// ```
/// use resgraph::extract::RelationClass;
/// use resgraph::render::EdgeStyleClass;
/// assert_eq!(resgraph::view::edge_style(RelationClass::of("takes note")), EdgeStyleClass::Welcoming);
/// assert_eq!(resgraph::view::edge_style(RelationClass::of("decides")), EdgeStyleClass::Other);
/// ```
pub fn edge_style(class: RelationClass) -> EdgeStyleClass {
    match class {
        RelationClass::Recalling => EdgeStyleClass::Recalling,
        RelationClass::Reaffirming => EdgeStyleClass::Reaffirming,
        RelationClass::Welcoming => EdgeStyleClass::Welcoming,
        RelationClass::Footnote => EdgeStyleClass::Footnote,
        RelationClass::Acting | RelationClass::Heading(_) | RelationClass::Other => {
            EdgeStyleClass::Other
        }
    }
}

/// Removes the citations that a longer chain of citations already
/// implies (a transitive reduction): when 76/19 cites 75/240 and 53/70,
/// and 75/240 itself leads to 53/70, the direct 76/19 → 53/70 line is
/// dropped. Series recitals that list every predecessor become a readable
/// chain. Draft-to-resolution links are kept.
///
/// Costs one depth-first search per drawn link: O(L · (N + L)) for N
/// nodes and L links of the lineage, which is small (a picture);
/// petgraph's `tred` transitive reduction would need the lineage as a
/// directed acyclic graph, which draft → resolution links and citation
/// cycles do not promise.
///
/// ```
/// use resgraph::render::{EdgeStyleClass, Lineage, LineageEdge, LineageNode};
/// let mut lineage = Lineage {
///     nodes: ["c", "b", "a"].iter().map(|id| LineageNode::new(*id, *id)).collect(),
///     edges: vec![
///         LineageEdge::new("c", "b", EdgeStyleClass::Recalling),
///         LineageEdge::new("b", "a", EdgeStyleClass::Recalling),
///         LineageEdge::new("c", "a", EdgeStyleClass::Recalling),
///     ],
///     focus: None,
/// };
/// resgraph::view::reduce(&mut lineage);
/// assert_eq!(lineage.edges.len(), 2);
/// ```
pub fn reduce(lineage: &mut Lineage) {
    use std::collections::HashMap;
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    for e in lineage.edges.iter().filter(|e| !e.adopted_as) {
        out.entry(e.from.as_str()).or_default().push(e.to.as_str());
    }
    // Whether `to` is reachable from `from` without the direct edge.
    let implied = |from: &str, to: &str| -> bool {
        let mut stack: Vec<&str> = out
            .get(from)
            .map(|next| next.iter().copied().filter(|n| *n != to).collect())
            .unwrap_or_default();
        let mut seen: HashSet<&str> = stack.iter().copied().collect();
        while let Some(node) = stack.pop() {
            if node == to {
                return true;
            }
            for next in out.get(node).into_iter().flatten() {
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        false
    };
    let keep: Vec<bool> = lineage
        .edges
        .iter()
        .map(|e| e.adopted_as || !implied(&e.from, &e.to))
        .collect();
    let mut flags = keep.into_iter();
    lineage.edges.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use resgraph_graph::{CitationGraph, Occurrence, Section};
    use resgraph_render::EdgeStyleClass;

    #[test]
    fn a_link_is_drawn_as_most_of_its_occurrences() {
        // Cited three times "recalling" and once "notes": drawn as
        // recalling (counting each distinct wording once drew it as
        // "welcoming / taking note", the first name of a tie).
        let s = |t: &str| t.parse().unwrap();
        let (from, to) = (s("A/RES/78/16"), s("A/RES/76/19"));
        let mut graph = CitationGraph::new();
        for (relation, paragraph) in [
            ("recalling", 1),
            ("recalling", 2),
            ("recalling", 3),
            ("notes", 4),
        ] {
            graph.add_link(
                &from,
                &to,
                &Occurrence::new(relation, Section::Preamble, Some(paragraph), None),
            );
        }
        let lineage = super::lineage(&graph, Some(&from), &[from.clone(), to.clone()]);
        assert_eq!(lineage.edges.len(), 1);
        assert_eq!(lineage.edges[0].relation, EdgeStyleClass::Recalling);
        assert_eq!(lineage.edges[0].count, 4);
    }
}
