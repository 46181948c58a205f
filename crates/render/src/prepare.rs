//! Checks a lineage and derives what both engines need: indices, time bands
//! and organ groups.

use std::collections::{BTreeSet, HashMap};

use crate::escape::one_line;
use crate::model::{Lineage, LineageEdge, LineageNode, Style, RESERVED_ID_PREFIX};
use crate::RenderError;

/// One citation, with its ends as node indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Edge<'a> {
    pub from: usize,
    pub to: usize,
    pub edge: &'a LineageEdge,
}

/// A band of the time axis: one year, or the documents without a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Band {
    pub year: Option<u16>,
}

impl Band {
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => y.to_string(),
            None => "undated".to_string(),
        }
    }

    /// A name usable in ids.
    pub fn key(&self) -> String {
        match self.year {
            Some(y) => y.to_string(),
            None => "undated".to_string(),
        }
    }
}

/// A checked lineage.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub nodes: &'a [LineageNode],
    /// Citations, self-citations left out.
    pub edges: Vec<Edge<'a>>,
    pub focus: Option<usize>,
    /// Time bands, oldest first, "undated" last; empty without
    /// `rank_by_year`.
    pub bands: Vec<Band>,
    /// Band of each node (index into `bands`), when ranking by year.
    pub band_of: Vec<usize>,
    /// Distinct organs, in order of first appearance; empty without
    /// `cluster_by_organ`.
    pub organs: Vec<String>,
    /// Organ of each node (index into `organs`).
    pub organ_of: Vec<Option<usize>>,
}

pub(crate) fn prepare<'a>(
    lineage: &'a Lineage,
    style: &Style,
) -> Result<Prepared<'a>, RenderError> {
    let nodes = &lineage.nodes[..];
    if nodes.len() > style.max_nodes {
        return Err(RenderError::TooLarge {
            nodes: nodes.len(),
            max: style.max_nodes,
        });
    }

    // Ids are compared as they will be written: on one line, without
    // control characters.
    let mut index: HashMap<String, usize> = HashMap::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = one_line(&n.id);
        if id.starts_with(RESERVED_ID_PREFIX) {
            return Err(RenderError::ReservedId { id: n.id.clone() });
        }
        if index.insert(id, i).is_some() {
            return Err(RenderError::DuplicateNode { id: n.id.clone() });
        }
    }
    let lookup = |id: &str| -> Result<usize, RenderError> {
        index
            .get(&one_line(id))
            .copied()
            .ok_or_else(|| RenderError::UnknownNode { id: id.to_string() })
    };

    let mut edges = Vec::with_capacity(lineage.edges.len());
    for e in &lineage.edges {
        let from = lookup(&e.from)?;
        let to = lookup(&e.to)?;
        if from != to {
            edges.push(Edge { from, to, edge: e });
        }
    }
    let focus = match &lineage.focus {
        Some(f) => Some(lookup(f)?),
        None => None,
    };

    let (bands, band_of) = if style.rank_by_year {
        let years: BTreeSet<u16> = nodes.iter().filter_map(|n| n.year).collect();
        let mut bands: Vec<Band> = years.iter().map(|&y| Band { year: Some(y) }).collect();
        if nodes.iter().any(|n| n.year.is_none()) {
            bands.push(Band { year: None });
        }
        let pos: HashMap<Option<u16>, usize> =
            bands.iter().enumerate().map(|(i, b)| (b.year, i)).collect();
        let band_of = nodes
            .iter()
            .map(|n| pos.get(&n.year).copied().unwrap_or(0))
            .collect();
        (bands, band_of)
    } else {
        (Vec::new(), vec![0; nodes.len()])
    };

    let mut organs: Vec<String> = Vec::new();
    let mut organ_of = vec![None; nodes.len()];
    if style.cluster_by_organ {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            let Some(organ) = n.organ.as_deref() else {
                continue;
            };
            let organ = one_line(organ).trim().to_string();
            if organ.is_empty() {
                continue;
            }
            let next = organs.len();
            let k = *seen.entry(organ.clone()).or_insert_with(|| {
                organs.push(organ);
                next
            });
            organ_of[i] = Some(k);
        }
    }

    Ok(Prepared {
        nodes,
        edges,
        focus,
        bands,
        band_of,
        organs,
        organ_of,
    })
}

impl Prepared<'_> {
    /// Text of a node's box: label and, on a second line, the year.
    pub fn box_text(&self, i: usize) -> Vec<String> {
        let n = &self.nodes[i];
        let mut lines: Vec<String> = crate::escape::clean(n.display_label())
            .lines()
            .map(str::to_string)
            .collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        if let Some(y) = n.year {
            lines.push(y.to_string());
        }
        lines
    }

    /// Tooltip of a node: its title, or its id when it has none.
    pub fn tooltip(&self, i: usize) -> String {
        let n = &self.nodes[i];
        let mut tip = match n.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => n.id.clone(),
        };
        if !n.read {
            tip.push_str("\n(cited only: text not read)");
        }
        tip
    }

    /// Tooltip of an edge.
    pub fn edge_tooltip(&self, e: &Edge<'_>) -> String {
        let from = &self.nodes[e.from].id;
        let to = &self.nodes[e.to].id;
        if e.edge.adopted_as {
            return format!("{from} adopted as {to}");
        }
        let times = if e.edge.count > 1 {
            format!(" ({} times)", e.edge.count)
        } else {
            String::new()
        };
        format!("{from} cites {to}: {}{times}", e.edge.relation.name())
    }
}
