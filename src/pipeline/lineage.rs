//! Choosing the documents of a lineage to draw, and the picture of them.

use resgraph_graph::{CitationGraph, QueryOptions, Symbol};
use resgraph_render::Lineage;

/// Which way from a document a lineage goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// What it builds on: the documents it cites, and theirs.
    #[default]
    Ancestors,
    /// What builds on it: the documents citing it, and theirs.
    Descendants,
    /// Both.
    Both,
}

impl Direction {
    fn ancestors(self) -> bool {
        matches!(self, Direction::Ancestors | Direction::Both)
    }

    fn descendants(self) -> bool {
        matches!(self, Direction::Descendants | Direction::Both)
    }
}

/// Which citations a picture draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// Only those no longer chain of citations implies (a transitive
    /// reduction, [`crate::view::reduce`]): series recitals that list every
    /// predecessor become a readable chain.
    #[default]
    Reduced,
    /// Every citation.
    All,
}

/// The documents of `focus`'s lineage: `focus` first, then its ancestors,
/// then its descendants (as [`Direction`] asks), each by distance then
/// chronology, within `options`' depth and filters.
///
/// ```
/// use resgraph::extract::{extract, Hint};
/// use resgraph::graph::{CitationGraph, QueryOptions};
/// use resgraph::pipeline::{lineage_members, Direction};
///
/// let mut graph = CitationGraph::new();
/// let doc = extract("A/RES/76/19\n\nThe General Assembly,\n\nRecalling its resolution 53/70,\n", &Hint::default());
/// graph.add_document(&doc);
/// let focus = doc.symbol.unwrap();
/// let members = lineage_members(&graph, &focus, Direction::Ancestors, &QueryOptions::new());
/// assert_eq!(members.iter().map(|s| s.short()).collect::<Vec<_>>(), ["76/19", "53/70"]);
/// ```
pub fn lineage_members(
    graph: &CitationGraph,
    focus: &Symbol,
    direction: Direction,
    options: &QueryOptions,
) -> Vec<Symbol> {
    let mut members = vec![focus.clone()];
    if direction.ancestors() {
        members.extend(graph.ancestors(focus, options).into_iter().map(|(s, _)| s));
    }
    if direction.descendants() {
        members.extend(
            graph
                .descendants(focus, options)
                .into_iter()
                .map(|(s, _)| s),
        );
    }
    members
}

/// The picture model of `members` ([`crate::view::lineage`]), `focus`
/// drawn apart, with the citations `links` asks for and every
/// draft-to-resolution link among them; [`resgraph_render::to_dot`] and
/// [`resgraph_render::to_svg`] draw it.
pub fn draw_lineage(
    graph: &CitationGraph,
    focus: &Symbol,
    members: &[Symbol],
    links: Links,
) -> Lineage {
    let mut picture = crate::view::lineage(graph, Some(focus), members);
    if links == Links::Reduced {
        crate::view::reduce(&mut picture);
    }
    picture
}
