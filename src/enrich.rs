//! Filling the graph from what is known independently of the texts:
//! the glue between [`resgraph_graph`] and [`resgraph_registry`].

use resgraph_graph::{CitationGraph, NodeInfo};
use resgraph_registry::Registry;
use resgraph_symbol::Symbol;

/// Fills what the texts did not say from the bundled registry: adoption
/// dates and titles of documents that are only cited, and the
/// draft-to-resolution links it records; then, for documents still
/// without a date, the date most citing texts give
/// ([`fill_from_cited_dates`]).
pub fn fill_from_registry(graph: &mut CitationGraph, registry: &Registry) {
    let missing: Vec<NodeInfo> = graph
        .nodes()
        .filter(|n| n.date.is_none() || n.title.is_none() || !n.read)
        .filter_map(|n| {
            let entry = registry.get(&n.symbol)?;
            let mut info = n.clone();
            info.date = info.date.or(entry.adopted);
            // A registry's title beats one a citing text gave a document
            // that was not read.
            info.title = if info.read {
                info.title.clone().or_else(|| entry.title.clone())
            } else {
                entry.title.clone().or_else(|| info.title.clone())
            };
            Some(info)
        })
        .collect();
    for info in missing {
        graph.set_info(info);
    }
    let drafts: Vec<(Symbol, Symbol)> = graph
        .nodes()
        .flat_map(|n| {
            registry
                .adopted_as(&n.symbol)
                .iter()
                .map(|r| (n.symbol.clone(), r.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    for (draft, resolution) in drafts {
        graph.add_adopted_as(&draft, &resolution);
    }
    fill_from_cited_dates(graph);
}

/// Gives documents that still have no date the date that most texts
/// citing them give (ties go to the earliest): "Recalling its resolution
/// 53/70 of 4 December 1998" in twenty texts dates 53/70 when no
/// registry does. Returns how many documents got a date.
///
/// ```
/// use resgraph::extract::{extract, Hint};
/// use resgraph::graph::CitationGraph;
///
/// let mut graph = CitationGraph::new();
/// for (symbol, date) in [("A/RES/76/19", "4 December 1998"), ("A/RES/77/1", "4 December 1998"), ("A/RES/78/1", "5 December 1998")] {
///     let text = format!("{symbol}\n\nThe General Assembly,\n\nRecalling its resolution 53/70 of {date},\n");
///     let _ = graph.add_document(&extract(&text, &Hint::default()));
/// }
/// assert_eq!(resgraph::enrich::fill_from_cited_dates(&mut graph), 1);
/// let node = graph.node(&"A/RES/53/70".parse().unwrap()).unwrap();
/// assert_eq!(node.date.unwrap().to_string(), "1998-12-04");
/// ```
pub fn fill_from_cited_dates(graph: &mut CitationGraph) -> usize {
    use std::collections::{BTreeMap, HashMap};
    let undated: std::collections::HashSet<Symbol> = graph
        .nodes()
        .filter(|n| n.date.is_none())
        .map(|n| n.symbol.clone())
        .collect();
    let mut votes: HashMap<Symbol, BTreeMap<resgraph_core::Date, u32>> = HashMap::new();
    for edge in graph.edges() {
        if !undated.contains(edge.to()) {
            continue;
        }
        // One vote per citing text, whatever it repeats.
        let mut dates: Vec<_> = edge
            .occurrences()
            .iter()
            .filter_map(|o| o.to_occurrence().cited_date)
            .collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            *votes
                .entry(edge.to().clone())
                .or_default()
                .entry(date)
                .or_default() += 1;
        }
    }
    let mut filled = 0;
    for (symbol, counts) in votes {
        let Some((date, _)) = resgraph_core::date::majority(counts) else {
            continue;
        };
        if let Some(node) = graph.node(&symbol) {
            let mut info = node.clone();
            info.date = Some(date);
            graph.set_info(info);
            filled += 1;
        }
    }
    filled
}
