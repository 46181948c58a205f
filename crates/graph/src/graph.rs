//! The graph itself: storage, incremental building, accessors.

use std::fmt;
use std::sync::OnceLock;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef as _;
use petgraph::{Directed, Direction, Graph};
use resgraph_core::{Relation, Section};
use resgraph_extract::Document;
use resgraph_symbol::{Kind, Symbol};

use crate::model::{AddOutcome, GraphStats, NodeInfo, Occurrence, OccurrenceRef, Span};
use crate::packed::{EdgeData, FxMap, Interner, PackedOcc};

/// The petgraph graph underneath.
pub(crate) type Inner = Graph<NodeInfo, EdgeData, Directed, u32>;

/// A directed graph of citations between UN documents.
///
/// Nodes are documents keyed by [`Symbol`], each with a [`NodeInfo`];
/// an edge goes from the citing to the cited document and keeps every
/// distinct [`Occurrence`] of the citation. A document that is cited but
/// not read is still a node (`read == false`). Draft -> resolution links
/// ([`add_adopted_as`](Self::add_adopted_as)) are kept apart from
/// citations.
///
/// Storage is a petgraph [`Graph`] plus a symbol index; compressed
/// adjacency arrays and a chronological ranking are built on first use by
/// the queries and dropped when the graph changes. An edge with one
/// occurrence takes 40 bytes (8 of them the mention's offsets, the
/// evidence), a node about 180 with its index entry and source path:
/// 10^6 documents with 10^7 citations hold in about 620 MiB, plus about
/// 100 MiB of query caches.
///
/// ```
/// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
/// use resgraph_symbol::Symbol;
///
/// let s = |t: &str| Symbol::parse_loose(t).unwrap();
/// let mut g = CitationGraph::new();
/// let recalling = Occurrence::new("recalling", Section::Preamble, Some(1), None);
/// g.add_link(&s("76/19"), &s("75/240"), &recalling);
/// g.add_link(&s("75/240"), &s("74/29"), &recalling);
/// let up = g.ancestors(&s("76/19"), &QueryOptions::new());
/// assert_eq!(up, [(s("75/240"), 1), (s("74/29"), 2)]);
/// ```
#[derive(Clone, Default)]
pub struct CitationGraph {
    pub(crate) g: Inner,
    pub(crate) index: FxMap<Symbol, NodeIndex<u32>>,
    pub(crate) relations: Interner,
    /// Draft -> the resolution adopted from it.
    pub(crate) adopted_as: FxMap<u32, u32>,
    /// Resolution -> its drafts, in the order linked.
    pub(crate) adopted_from: FxMap<u32, Vec<u32>>,
    pub(crate) occurrences: u64,
    /// The citing node of the last [`add_link`](Self::add_link): links
    /// come in runs from one document, and this saves a lookup each.
    pub(crate) last_from: Option<NodeIndex<u32>>,
    pub(crate) chrono: OnceLock<Chrono>,
    pub(crate) csr: OnceLock<Csr>,
}

/// Nodes in chronological (symbol) order and each node's place in it.
#[derive(Debug, Clone)]
pub(crate) struct Chrono {
    pub(crate) order: Vec<u32>,
    pub(crate) rank: Vec<u32>,
}

/// Compressed adjacency: neighbours of node `u` are
/// `out[out_off[u]..out_off[u + 1]]`, sorted by node index.
#[derive(Debug, Clone)]
pub(crate) struct Csr {
    pub(crate) out_off: Vec<u32>,
    pub(crate) out: Vec<u32>,
    pub(crate) in_off: Vec<u32>,
    pub(crate) inc: Vec<u32>,
}

impl Csr {
    pub(crate) fn neighbors(&self, u: u32, dir: Direction) -> &[u32] {
        let (off, adj) = match dir {
            Direction::Outgoing => (&self.out_off, &self.out),
            Direction::Incoming => (&self.in_off, &self.inc),
        };
        let u = u as usize;
        match (off.get(u), off.get(u + 1)) {
            (Some(&a), Some(&b)) => adj.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(crate) fn degree(&self, u: u32, dir: Direction) -> usize {
        self.neighbors(u, dir).len()
    }
}

/// One edge as [`CitationGraph::edges`] yields it.
#[derive(Clone, Copy)]
pub struct EdgeRef<'a> {
    graph: &'a CitationGraph,
    from: &'a Symbol,
    to: &'a Symbol,
    data: &'a EdgeData,
}

impl<'a> EdgeRef<'a> {
    /// The citing document.
    pub fn from(&self) -> &'a Symbol {
        self.from
    }

    /// The cited document.
    pub fn to(&self) -> &'a Symbol {
        self.to
    }

    /// The number of occurrences (the edge's weight in exports).
    pub fn weight(&self) -> usize {
        self.data.occurrences().len()
    }

    /// The occurrences, in the order of their place in the text.
    pub fn occurrences(&self) -> Vec<OccurrenceRef<'a>> {
        let graph = self.graph;
        let mut v: Vec<OccurrenceRef<'a>> = self
            .data
            .occurrences()
            .iter()
            .map(|o| graph.occurrence_ref(*o))
            .collect();
        v.sort();
        v
    }

    /// The distinct relations, sorted.
    pub fn relations(&self) -> Vec<&'a str> {
        let graph = self.graph;
        let mut v: Vec<&'a str> = self
            .data
            .occurrences()
            .iter()
            .map(|o| graph.relations.resolve(o.relation()).verb())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The distinct sections, in document order.
    pub fn sections(&self) -> Vec<Section> {
        let mut v: Vec<Section> = self
            .data
            .occurrences()
            .iter()
            .map(|o| o.section())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

impl fmt::Debug for EdgeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EdgeRef")
            .field("from", &self.from.to_string())
            .field("to", &self.to.to_string())
            .field("occurrences", &self.occurrences())
            .finish()
    }
}

impl fmt::Debug for CitationGraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CitationGraph")
            .field("nodes", &self.node_count())
            .field("edges", &self.edge_count())
            .field("occurrences", &self.occurrences)
            .field("adoptions", &self.adopted_as.len())
            .finish()
    }
}

impl CitationGraph {
    /// An empty graph.
    pub fn new() -> CitationGraph {
        CitationGraph::default()
    }

    /// An empty graph with room for `nodes` documents and `edges`
    /// citing -> cited pairs, to avoid regrowing large graphs.
    pub fn with_capacity(nodes: usize, edges: usize) -> CitationGraph {
        let mut g = CitationGraph {
            g: Graph::with_capacity(nodes, edges),
            ..CitationGraph::default()
        };
        g.index.reserve(nodes);
        g
    }

    // ----- building -------------------------------------------------------

    fn invalidate_nodes(&mut self) {
        self.chrono.take();
        self.csr.take();
    }

    fn invalidate_edges(&mut self) {
        self.csr.take();
    }

    /// The node of `symbol`, created (cited only) if absent.
    pub(crate) fn ensure(&mut self, symbol: &Symbol) -> NodeIndex<u32> {
        if let Some(&n) = self.index.get(symbol) {
            return n;
        }
        self.invalidate_nodes();
        let n = self.g.add_node(NodeInfo::cited(symbol.clone()));
        self.index.insert(symbol.clone(), n);
        n
    }

    /// Adds a node for `symbol` if there is none (as a cited-only
    /// document); whether it was added.
    ///
    /// ```
    /// # use resgraph_graph::CitationGraph;
    /// let mut g = CitationGraph::new();
    /// let s = "A/RES/76/19".parse().unwrap();
    /// assert!(g.add_node(&s));
    /// assert!(!g.add_node(&s));
    /// assert!(!g.node(&s).unwrap().read);
    /// ```
    pub fn add_node(&mut self, symbol: &Symbol) -> bool {
        let before = self.g.node_count();
        self.ensure(symbol);
        self.g.node_count() > before
    }

    /// Merges what `info` says into the node of `info.symbol`, creating
    /// it if needed: each `Some` field overwrites, `None` keeps what is
    /// known, and `read` is kept once true. Use it to give cited-only
    /// documents their titles and dates from metadata. Whether the node
    /// is new.
    ///
    /// ```
    /// # use resgraph_graph::{CitationGraph, NodeInfo};
    /// let mut g = CitationGraph::new();
    /// let mut info = NodeInfo::cited("A/RES/53/70".parse().unwrap());
    /// info.title = Some("Developments in the field of information".into());
    /// g.add_node_info(info.clone());
    /// assert_eq!(g.node(&info.symbol).unwrap().title, info.title);
    /// ```
    pub fn add_node_info(&mut self, info: NodeInfo) -> bool {
        let before = self.g.node_count();
        let n = self.ensure(&info.symbol);
        if let Some(node) = self.g.node_weight_mut(n) {
            let NodeInfo {
                symbol: _,
                title,
                date,
                organ,
                read,
                source,
            } = info;
            if title.is_some() {
                node.title = title;
            }
            if date.is_some() {
                node.date = date;
            }
            if organ.is_some() {
                node.organ = organ;
            }
            if source.is_some() {
                node.source = source;
            }
            node.read |= read;
        }
        self.g.node_count() > before
    }

    /// Replaces everything known of the node of `info.symbol` by `info`
    /// (creating it if needed). Its citations are kept. Whether the node
    /// is new.
    pub fn set_info(&mut self, info: NodeInfo) -> bool {
        let before = self.g.node_count();
        let n = self.ensure(&info.symbol);
        if let Some(node) = self.g.node_weight_mut(n) {
            *node = info;
        }
        self.g.node_count() > before
    }

    pub(crate) fn pack(&mut self, occurrence: &Occurrence) -> PackedOcc {
        let relation = self.relations.intern(&occurrence.relation);
        PackedOcc::new(
            relation,
            occurrence.section,
            occurrence.paragraph,
            occurrence.cited_date,
        )
        .with_span(occurrence.span)
    }

    /// Adds an occurrence to the edge `from -> to`, creating the nodes
    /// (cited only) and the edge as needed. An occurrence identical to
    /// one the edge has is not added twice, and a citation of a document
    /// by itself is not recorded. Whether an occurrence was added.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let (a, b) = ("A/C.1/77/L.73".parse().unwrap(), "A/RES/76/19".parse().unwrap());
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("welcomes", Section::Operative, Some(1), None);
    /// assert!(g.add_link(&a, &b, &occ));
    /// assert!(!g.add_link(&a, &b, &occ));
    /// assert_eq!((g.node_count(), g.edge_count(), g.occurrence_count()), (2, 1, 1));
    /// ```
    pub fn add_link(&mut self, from: &Symbol, to: &Symbol, occurrence: &Occurrence) -> bool {
        if from == to {
            return false;
        }
        let a = match self.last_from {
            Some(n) if self.g.node_weight(n).is_some_and(|i| i.symbol == *from) => n,
            _ => {
                let n = self.ensure(from);
                self.last_from = Some(n);
                n
            }
        };
        let b = self.ensure(to);
        let occ = self.pack(occurrence);
        self.add_packed(a, b, occ)
    }

    pub(crate) fn add_packed(
        &mut self,
        a: NodeIndex<u32>,
        b: NodeIndex<u32>,
        occ: PackedOcc,
    ) -> bool {
        if a == b {
            return false;
        }
        match self.g.find_edge(a, b) {
            Some(e) => match self.g.edge_weight_mut(e) {
                Some(data) => {
                    let added = data.insert(occ);
                    self.occurrences += u64::from(added);
                    added
                }
                None => false,
            },
            None => {
                self.invalidate_edges();
                self.g.add_edge(a, b, EdgeData::One(occ));
                self.occurrences += 1;
                true
            }
        }
    }

    /// Adds a document as read: its node (with symbol, title, date, organ
    /// and source, marked read) and an edge to every document it cites,
    /// with every occurrence. Reading a document again replaces its
    /// earlier citations (no duplicates). A document without a symbol of
    /// its own is skipped, and so reported.
    ///
    /// ```
    /// use resgraph_extract::{Citation, Document, Section};
    /// use resgraph_graph::{AddOutcome, CitationGraph};
    ///
    /// let cite = |target: &str, paragraph| Citation {
    ///     target: target.parse().unwrap(),
    ///     cited_date: None,
    ///     relation: "recalling".into(),
    ///     section: Section::Preamble,
    ///     paragraph: Some(paragraph),
    ///     start: 0, end: 0, start_char: 0, end_char: 0, text: String::new(),
    ///     anchor_section: None, anchor_paragraph: None, cited_title: None,
    /// };
    /// let doc = Document {
    ///     symbol: Some("A/RES/76/19".parse().unwrap()),
    ///     citations: vec![cite("A/RES/75/240", 1), cite("A/RES/75/32", 1)],
    ///     ..Document::default()
    /// };
    /// let mut g = CitationGraph::new();
    /// assert!(matches!(g.add_document(&doc), AddOutcome::Added { cited: 2, replaced: false, .. }));
    /// assert!(matches!(g.add_document(&doc), AddOutcome::Added { replaced: true, .. }));
    /// assert_eq!(g.edge_count(), 2);
    /// let anonymous = Document { symbol: None, ..doc };
    /// assert!(matches!(g.add_document(&anonymous), AddOutcome::Skipped { citations: 2, .. }));
    /// ```
    pub fn add_document(&mut self, doc: &Document) -> AddOutcome {
        let Some(symbol) = &doc.symbol else {
            return AddOutcome::Skipped {
                source: doc.source.clone(),
                citations: doc.citations.len(),
            };
        };
        let n = self.ensure(symbol);
        let replaced = self.g.node_weight(n).is_some_and(|info| info.read);
        if replaced {
            self.remove_outgoing(n);
        }
        self.add_node_info(NodeInfo {
            symbol: symbol.clone(),
            title: doc.title.clone(),
            date: doc.date,
            organ: doc.organ.clone(),
            read: true,
            source: (!doc.source.is_empty()).then(|| doc.source.clone()),
        });
        let mut self_citations = 0;
        for c in &doc.citations {
            if &c.target == symbol {
                self_citations += 1;
                continue;
            }
            let b = self.ensure(&c.target);
            // A document only cited is named by the title a citing text
            // gives it ("70/1 ..., entitled “Transforming our world ...”"),
            // until its own text or a registry says otherwise.
            if let (Some(title), Some(node)) = (&c.cited_title, self.g.node_weight_mut(b)) {
                if !node.read && node.title.is_none() {
                    node.title = Some(title.clone());
                    self.invalidate_nodes();
                }
            }
            let relation = self.relations.intern(&c.relation);
            let occ = PackedOcc::new(relation, c.section, c.paragraph, c.cited_date)
                .with_span(Span::new(c.start, c.end));
            self.add_packed(n, b, occ);
        }
        let cited = self.g.edges_directed(n, Direction::Outgoing).count();
        AddOutcome::Added {
            symbol: symbol.clone(),
            citations: doc.citations.len(),
            cited,
            self_citations,
            replaced,
        }
    }

    fn remove_outgoing(&mut self, n: NodeIndex<u32>) {
        while let Some(e) = self.g.first_edge(n, Direction::Outgoing) {
            if let Some(data) = self.g.remove_edge(e) {
                self.occurrences -= data.occurrences().len() as u64;
            }
            self.invalidate_edges();
        }
    }

    /// Records that `draft` was adopted as `resolution` (creating the
    /// nodes as needed). Kept apart from citations: no edge is added, and
    /// queries follow these links only with
    /// [`QueryOptions::follow_adoption`](crate::QueryOptions::follow_adoption).
    /// A draft is adopted as one resolution: a second call for the same
    /// draft replaces the first.
    ///
    /// ```
    /// # use resgraph_graph::CitationGraph;
    /// let (draft, res) = ("A/C.1/76/L.13".parse().unwrap(), "A/RES/76/19".parse().unwrap());
    /// let mut g = CitationGraph::new();
    /// g.add_adopted_as(&draft, &res);
    /// assert_eq!(g.adopted_as(&draft), Some(&res));
    /// assert_eq!(g.adopted_from(&res), vec![&draft]);
    /// assert_eq!(g.edge_count(), 0);
    /// ```
    pub fn add_adopted_as(&mut self, draft: &Symbol, resolution: &Symbol) {
        if draft == resolution {
            return;
        }
        let d = self.ensure(draft).index() as u32;
        let r = self.ensure(resolution).index() as u32;
        if let Some(old) = self.adopted_as.insert(d, r) {
            if let Some(drafts) = self.adopted_from.get_mut(&old) {
                drafts.retain(|&x| x != d);
                if drafts.is_empty() {
                    self.adopted_from.remove(&old);
                }
            }
        }
        self.adopted_from.entry(r).or_default().push(d);
    }

    /// The resolution a draft was adopted as, if recorded.
    pub fn adopted_as(&self, draft: &Symbol) -> Option<&Symbol> {
        let d = self.index.get(draft)?.index() as u32;
        let r = *self.adopted_as.get(&d)?;
        self.symbol_of(r)
    }

    /// The drafts a resolution was adopted from, chronologically.
    pub fn adopted_from(&self, resolution: &Symbol) -> Vec<&Symbol> {
        let Some(r) = self.index.get(resolution) else {
            return Vec::new();
        };
        let mut v: Vec<&Symbol> = self
            .adopted_from
            .get(&(r.index() as u32))
            .into_iter()
            .flatten()
            .filter_map(|&d| self.symbol_of(d))
            .collect();
        v.sort();
        v
    }

    /// Every draft -> resolution link, chronologically by draft.
    pub fn adoptions(&self) -> Vec<(&Symbol, &Symbol)> {
        let mut v: Vec<(&Symbol, &Symbol)> = self
            .adopted_as
            .iter()
            .filter_map(|(&d, &r)| Some((self.symbol_of(d)?, self.symbol_of(r)?)))
            .collect();
        v.sort();
        v
    }

    // ----- access -------------------------------------------------------

    pub(crate) fn symbol_of(&self, n: u32) -> Option<&Symbol> {
        self.g
            .node_weight(NodeIndex::new(n as usize))
            .map(|i| &i.symbol)
    }

    pub(crate) fn info_of(&self, n: u32) -> Option<&NodeInfo> {
        self.g.node_weight(NodeIndex::new(n as usize))
    }

    pub(crate) fn idx(&self, symbol: &Symbol) -> Option<u32> {
        self.index.get(symbol).map(|n| n.index() as u32)
    }

    pub(crate) fn occurrence_ref(&self, o: PackedOcc) -> OccurrenceRef<'_> {
        OccurrenceRef {
            section: o.section(),
            paragraph: o.paragraph(),
            relation: self.relations.resolve(o.relation()),
            cited_date: o.date(),
            span: o.span(),
        }
    }

    /// What is known of a document.
    ///
    /// ```
    /// # use resgraph_graph::CitationGraph;
    /// let g = CitationGraph::new();
    /// assert!(g.node(&"A/RES/76/19".parse().unwrap()).is_none());
    /// ```
    pub fn node(&self, symbol: &Symbol) -> Option<&NodeInfo> {
        self.g.node_weight(*self.index.get(symbol)?)
    }

    /// Whether the document is a node.
    pub fn contains(&self, symbol: &Symbol) -> bool {
        self.index.contains_key(symbol)
    }

    /// The number of documents.
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// The number of distinct citing -> cited pairs.
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// The number of occurrences over all edges.
    pub fn occurrence_count(&self) -> u64 {
        self.occurrences
    }

    /// Whether the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.g.node_count() == 0
    }

    /// Every node, chronologically (in [`Symbol`] order).
    ///
    /// ```
    /// # use resgraph_graph::CitationGraph;
    /// let mut g = CitationGraph::new();
    /// for s in ["A/RES/76/19", "A/RES/2625 (XXV)", "A/RES/53/70"] {
    ///     g.add_node(&s.parse().unwrap());
    /// }
    /// let order: Vec<String> = g.nodes().map(|n| n.symbol.short()).collect();
    /// assert_eq!(order, ["2625 (XXV)", "53/70", "76/19"]);
    /// ```
    pub fn nodes(&self) -> impl Iterator<Item = &NodeInfo> + '_ {
        self.chrono()
            .order
            .iter()
            .filter_map(move |&n| self.g.node_weight(NodeIndex::new(n as usize)))
    }

    /// Every edge with its occurrences, chronologically by citing then
    /// by cited document.
    ///
    /// ```
    /// # use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| t.parse().unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("A/RES/76/19"), &s("A/RES/75/240"), &occ);
    /// let e = g.edges().next().unwrap();
    /// assert_eq!((e.from().short(), e.to().short(), e.weight()), ("76/19".into(), "75/240".into(), 1));
    /// assert_eq!(e.occurrences()[0].relation, "recalling");
    /// ```
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        let chrono = self.chrono();
        chrono.order.iter().flat_map(move |&n| {
            let mut out: Vec<(u32, EdgeIndex<u32>)> = self
                .g
                .edges_directed(NodeIndex::new(n as usize), Direction::Outgoing)
                .map(|e| {
                    let t = e.target().index();
                    (chrono.rank.get(t).copied().unwrap_or(u32::MAX), e.id())
                })
                .collect();
            out.sort_unstable();
            out.into_iter().filter_map(move |(_, e)| self.edge_ref(e))
        })
    }

    pub(crate) fn edge_ref(&self, e: EdgeIndex<u32>) -> Option<EdgeRef<'_>> {
        let (a, b) = self.g.edge_endpoints(e)?;
        Some(EdgeRef {
            graph: self,
            from: &self.g.node_weight(a)?.symbol,
            to: &self.g.node_weight(b)?.symbol,
            data: self.g.edge_weight(e)?,
        })
    }

    /// The occurrences of `from` citing `to`, by place in the text; empty
    /// when it does not.
    ///
    /// ```
    /// # use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| t.parse().unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("requests", Section::Operative, Some(3), None);
    /// g.add_link(&s("A/C.1/77/L.73"), &s("A/RES/76/19"), &occ);
    /// assert_eq!(g.occurrences(&s("A/C.1/77/L.73"), &s("A/RES/76/19")), vec![occ]);
    /// ```
    pub fn occurrences(&self, from: &Symbol, to: &Symbol) -> Vec<Occurrence> {
        let (Some(&a), Some(&b)) = (self.index.get(from), self.index.get(to)) else {
            return Vec::new();
        };
        self.g
            .find_edge(a, b)
            .and_then(|e| self.edge_ref(e))
            .map(|e| e.occurrences().iter().map(|o| o.to_occurrence()).collect())
            .unwrap_or_default()
    }

    /// The distinct relations used by any occurrence, sorted.
    pub fn relations(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .relations
            .relations()
            .iter()
            .map(Relation::verb)
            .collect();
        v.sort_unstable();
        v
    }

    /// Counts of nodes, edges and occurrences, by kind and by relation.
    ///
    /// ```
    /// # use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| t.parse().unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_link(&s("A/C.1/77/L.73"), &s("A/RES/76/19"), &Occurrence::new("welcomes", Section::Operative, Some(1), None));
    /// let stats = g.stats();
    /// assert_eq!((stats.nodes, stats.edges, stats.read, stats.cited_only), (2, 1, 0, 2));
    /// assert_eq!(stats.by_kind, [("ga-resolution".to_string(), 1), ("document".to_string(), 1)]);
    /// ```
    pub fn stats(&self) -> GraphStats {
        let mut by_kind = [0usize; Kind::ALL.len()];
        let mut read = 0;
        for info in self.g.node_weights() {
            if let Some(i) = Kind::ALL.iter().position(|k| *k == info.kind()) {
                by_kind[i] += 1;
            }
            read += usize::from(info.read);
        }
        let mut per_relation = vec![0u64; self.relations.len()];
        for e in self.g.edge_weights() {
            for o in e.occurrences() {
                if let Some(c) = per_relation.get_mut(o.relation() as usize) {
                    *c += 1;
                }
            }
        }
        let mut by_relation: Vec<(String, u64)> = per_relation
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(i, c)| (self.relations.resolve(i as u32).verb().to_string(), *c))
            .collect();
        by_relation.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        GraphStats {
            nodes: self.node_count(),
            edges: self.edge_count(),
            occurrences: self.occurrences,
            read,
            cited_only: self.node_count() - read,
            adoptions: self.adopted_as.len(),
            by_kind: Kind::ALL
                .iter()
                .zip(by_kind)
                .filter(|(_, c)| *c > 0)
                .map(|(k, c)| (k.as_str().to_string(), c))
                .collect(),
            by_relation,
        }
    }

    // ----- caches -------------------------------------------------------

    /// Nodes in chronological order, computed once per graph state.
    pub(crate) fn chrono(&self) -> &Chrono {
        self.chrono.get_or_init(|| {
            let nodes = self.g.raw_nodes();
            let mut order: Vec<u32> = (0..nodes.len() as u32).collect();
            // Coarse keys first (the year and kind lead Symbol's order),
            // then the full comparison within runs of equal keys.
            let keys: Vec<(u16, Kind)> = nodes
                .iter()
                .map(|n| {
                    (
                        n.weight.symbol.approximate_year().unwrap_or(u16::MAX),
                        n.weight.symbol.kind(),
                    )
                })
                .collect();
            let sym = |i: u32| &nodes[i as usize].weight.symbol;
            order.sort_unstable_by(|&a, &b| {
                keys[a as usize]
                    .cmp(&keys[b as usize])
                    .then_with(|| sym(a).cmp(sym(b)))
            });
            let mut rank = vec![0u32; nodes.len()];
            for (r, &n) in order.iter().enumerate() {
                rank[n as usize] = r as u32;
            }
            Chrono { order, rank }
        })
    }

    pub(crate) fn rank(&self, n: u32) -> u32 {
        self.chrono()
            .rank
            .get(n as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Compressed adjacency, computed once per graph state.
    pub(crate) fn csr(&self) -> &Csr {
        self.csr.get_or_init(|| {
            let n = self.g.node_count();
            let edges = self.g.raw_edges();
            // Incoming lists from the raw edges (any order) ...
            let mut in_off = vec![0u32; n + 1];
            for e in edges {
                in_off[e.target().index() + 1] += 1;
            }
            for i in 0..n {
                in_off[i + 1] += in_off[i];
            }
            let mut fill = in_off.clone();
            let mut inc = vec![0u32; edges.len()];
            for e in edges {
                let t = e.target().index();
                inc[fill[t] as usize] = e.source().index() as u32;
                fill[t] += 1;
            }
            // ... then outgoing lists by scanning targets in order, which
            // leaves each list sorted by node index ...
            let mut out_off = vec![0u32; n + 1];
            for e in edges {
                out_off[e.source().index() + 1] += 1;
            }
            for i in 0..n {
                out_off[i + 1] += out_off[i];
            }
            let mut fill = out_off.clone();
            let mut out = vec![0u32; edges.len()];
            for t in 0..n {
                for &s in &inc[in_off[t] as usize..in_off[t + 1] as usize] {
                    out[fill[s as usize] as usize] = t as u32;
                    fill[s as usize] += 1;
                }
            }
            // ... and incoming lists again from those, sorted too.
            let mut fill = in_off.clone();
            for s in 0..n {
                for &t in &out[out_off[s] as usize..out_off[s + 1] as usize] {
                    inc[fill[t as usize] as usize] = s as u32;
                    fill[t as usize] += 1;
                }
            }
            Csr {
                out_off,
                out,
                in_off,
                inc,
            }
        })
    }

    /// Builds the caches the queries use (chronological ranks and
    /// compressed adjacency) now rather than on the first query.
    pub fn prepare(&self) {
        self.chrono();
        self.csr();
    }
}

impl PartialEq for CitationGraph {
    /// Two graphs are equal when they have the same nodes with the same
    /// information, the same edges with the same occurrences, and the
    /// same adoption links, whatever the order they were built in.
    fn eq(&self, other: &CitationGraph) -> bool {
        if self.node_count() != other.node_count()
            || self.edge_count() != other.edge_count()
            || self.occurrences != other.occurrences
            || self.adopted_as.len() != other.adopted_as.len()
        {
            return false;
        }
        for info in self.g.node_weights() {
            if other.node(&info.symbol) != Some(info) {
                return false;
            }
        }
        for e in self.g.edge_indices() {
            let Some(mine) = self.edge_ref(e) else {
                return false;
            };
            let (Some(&a), Some(&b)) = (other.index.get(mine.from), other.index.get(mine.to))
            else {
                return false;
            };
            let Some(theirs) = other.g.find_edge(a, b).and_then(|e| other.edge_ref(e)) else {
                return false;
            };
            if mine.occurrences() != theirs.occurrences() {
                return false;
            }
        }
        self.adoptions() == other.adoptions()
    }
}

impl Eq for CitationGraph {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::Spec;

    fn s(t: &str) -> Symbol {
        Symbol::parse_loose(t).unwrap()
    }

    #[test]
    fn chronological_order_agrees_with_symbol_order() {
        let mut g = CitationGraph::new();
        let texts = [
            "A/RES/76/19",
            "S/RES/1373 (2001)",
            "A/RES/2625 (XXV)",
            "A/65/201",
            "A/RES/43/78 H",
            "A/RES/43/78",
            "E/RES/1996/31",
            "A/HRC/RES/47/16",
            "A/DEC/75/564",
            "ST/SGB/2019/8",
            "A/C.1/77/L.73",
            "E/CN.4/RES/2005/45",
            "A/RES/ES-10/19",
            "A/RES/S-8/1",
            "E/RES/2008 (LX)",
            "A/HRC/DEC/2/102",
            "E/DEC/2004/310",
            "A/RES/76/240",
        ];
        for t in texts {
            g.add_node(&t.parse().unwrap());
        }
        let mut want: Vec<Symbol> = texts.iter().map(|t| t.parse().unwrap()).collect();
        want.sort();
        let got: Vec<Symbol> = g.nodes().map(|n| n.symbol.clone()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn reading_again_replaces_citations() {
        let mut g = CitationGraph::new();
        let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
        let mut doc = Document {
            symbol: Some(s("76/19")),
            ..Document::default()
        };
        let cite = |t: &str| resgraph_extract::Citation {
            target: s(t),
            cited_date: None,
            relation: occ.relation.clone(),
            section: occ.section,
            paragraph: occ.paragraph,
            start: 0,
            end: 0,
            start_char: 0,
            end_char: 0,
            text: String::new(),
            anchor_section: None,
            anchor_paragraph: None,
            cited_title: None,
        };
        doc.citations = vec![cite("75/240"), cite("75/32"), cite("76/19")];
        let first = g.add_document(&doc);
        assert!(matches!(
            first,
            AddOutcome::Added {
                cited: 2,
                self_citations: 1,
                ..
            }
        ));
        // Something else cites 75/32 too, and must keep doing so.
        g.add_link(&s("A/C.1/77/L.73"), &s("75/32"), &occ);
        doc.citations = vec![cite("74/29")];
        let second = g.add_document(&doc);
        assert!(matches!(
            second,
            AddOutcome::Added {
                cited: 1,
                replaced: true,
                ..
            }
        ));
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.occurrence_count(), 2);
        assert!(g.occurrences(&s("76/19"), &s("75/240")).is_empty());
        assert_eq!(g.occurrences(&s("A/C.1/77/L.73"), &s("75/32")), [occ]);
        // The cited-only nodes stay.
        assert_eq!(g.node_count(), 5);
    }

    #[test]
    fn compressed_adjacency_matches_the_graph() {
        let g = Spec::new(500).build();
        let csr = g.csr();
        for n in g.g.node_indices() {
            let u = n.index() as u32;
            let mut out: Vec<u32> =
                g.g.neighbors_directed(n, Direction::Outgoing)
                    .map(|v| v.index() as u32)
                    .collect();
            out.sort_unstable();
            assert_eq!(csr.neighbors(u, Direction::Outgoing), &out[..]);
            let mut inc: Vec<u32> =
                g.g.neighbors_directed(n, Direction::Incoming)
                    .map(|v| v.index() as u32)
                    .collect();
            inc.sort_unstable();
            assert_eq!(csr.neighbors(u, Direction::Incoming), &inc[..]);
        }
        assert!(csr.neighbors(u32::MAX, Direction::Outgoing).is_empty());
    }

    #[test]
    fn documents_and_links_build_the_same_graph() {
        let spec = Spec::new(300);
        let mut from_docs = CitationGraph::new();
        for d in spec.documents() {
            let _ = from_docs.add_document(&d);
        }
        assert_eq!(from_docs, spec.build());
    }

    #[test]
    fn caches_follow_changes() {
        let mut g = CitationGraph::new();
        let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
        g.add_link(&s("76/19"), &s("75/240"), &occ);
        assert_eq!(g.most_cited(5, None).len(), 1);
        g.add_link(&s("76/19"), &s("2625 (XXV)"), &occ);
        assert_eq!(g.most_cited(5, None).len(), 2);
        assert_eq!(g.nodes().next().unwrap().symbol, s("2625 (XXV)"));
    }

    #[test]
    fn set_info_replaces_and_add_node_info_merges() {
        let mut g = CitationGraph::new();
        let mut info = NodeInfo::cited(s("76/19"));
        info.title = Some("A title".into());
        info.read = true;
        assert!(g.add_node_info(info.clone()));
        let mut more = NodeInfo::cited(s("76/19"));
        more.date = resgraph_extract::Date::new(2021, 12, 6);
        assert!(!g.add_node_info(more.clone()));
        let merged = g.node(&s("76/19")).unwrap();
        assert!(merged.read && merged.title.is_some() && merged.date.is_some());
        g.set_info(more.clone());
        assert_eq!(g.node(&s("76/19")), Some(&more));
    }
}
