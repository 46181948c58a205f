//! Traversal queries: ancestors, descendants, paths, common ancestors,
//! most cited, PageRank, subgraphs.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use resgraph_symbol::Symbol;

use crate::graph::CitationGraph;
use crate::model::{Filter, QueryOptions};
use crate::packed::{section_code, BitSet, EdgeData, FxMap, PackedOcc};

/// The default cap on [`CitationGraph::all_simple_paths`] results when
/// [`QueryOptions::limit`] is not set.
pub const DEFAULT_MAX_PATHS: usize = 10_000;

/// A filter resolved against the graph's relation table.
pub(crate) struct Compiled {
    active: bool,
    /// Allowed relation ids (`None`: all).
    relations: Option<Vec<bool>>,
    /// Allowed section codes as a bit mask.
    sections: u8,
}

impl Compiled {
    pub(crate) fn new(graph: &CitationGraph, filter: &Filter) -> Compiled {
        let relations = filter.relations.as_ref().map(|_| {
            graph
                .relations
                .relations()
                .iter()
                .map(|relation| filter.wants_relation(relation))
                .collect()
        });
        let sections = filter.sections.as_ref().map_or(0xff, |ss| {
            ss.iter().fold(0u8, |m, s| m | (1 << section_code(*s)))
        });
        Compiled {
            active: !filter.follows_every_link(),
            relations,
            sections,
        }
    }

    #[inline]
    pub(crate) fn passes(&self, data: &EdgeData) -> bool {
        if !self.active {
            return true;
        }
        data.occurrences().iter().any(|o| self.passes_one(o))
    }

    /// Whether one occurrence passes.
    #[inline]
    pub(crate) fn passes_one(&self, o: &PackedOcc) -> bool {
        self.sections & (1 << o.section_code()) != 0
            && self
                .relations
                .as_ref()
                .is_none_or(|r| r.get(o.relation() as usize).copied().unwrap_or(false))
    }
}

/// How to step from a node.
pub(crate) struct Stepper<'g> {
    graph: &'g CitationGraph,
    filter: Compiled,
    adoption: bool,
}

impl<'g> Stepper<'g> {
    pub(crate) fn new(graph: &'g CitationGraph, opts: &QueryOptions) -> Stepper<'g> {
        Stepper {
            graph,
            filter: Compiled::new(graph, &opts.filter),
            adoption: opts.follow_adoption,
        }
    }

    /// Calls `f` with each node one step from `u`: towards what `u`
    /// builds on (`Outgoing`: what it cites, and with adoption, the
    /// drafts a resolution was adopted from) or what builds on `u`
    /// (`Incoming`).
    #[inline]
    pub(crate) fn each(&self, u: u32, dir: Direction, mut f: impl FnMut(u32)) {
        let g = self.graph;
        if self.filter.active {
            for e in g.g.edges_directed(NodeIndex::new(u as usize), dir) {
                if self.filter.passes(e.weight()) {
                    let v = match dir {
                        Direction::Outgoing => e.target(),
                        Direction::Incoming => e.source(),
                    };
                    f(v.index() as u32);
                }
            }
        } else {
            for &v in g.csr().neighbors(u, dir) {
                f(v);
            }
        }
        if self.adoption {
            match dir {
                Direction::Outgoing => {
                    for &d in g.adopted_from.get(&u).into_iter().flatten() {
                        f(d);
                    }
                }
                Direction::Incoming => {
                    if let Some(&r) = g.adopted_as.get(&u) {
                        f(r);
                    }
                }
            }
        }
    }
}

impl CitationGraph {
    /// Breadth-first distances from `start` (excluded), within `max`.
    pub(crate) fn bfs(
        &self,
        start: u32,
        dir: Direction,
        step: &Stepper<'_>,
        max: u32,
    ) -> Vec<(u32, u32)> {
        let mut seen = BitSet::with_capacity(self.node_count());
        seen.insert(start as usize);
        let mut frontier = vec![start];
        let mut next = Vec::new();
        let mut found = Vec::new();
        let mut depth = 0;
        while !frontier.is_empty() && depth < max {
            depth += 1;
            for &u in &frontier {
                step.each(u, dir, |v| {
                    if !seen.put(v as usize) {
                        next.push(v);
                        found.push((v, depth));
                    }
                });
            }
            std::mem::swap(&mut frontier, &mut next);
            next.clear();
        }
        found
    }

    /// Keeps the documents `filter` shows ([`Filter::wants_document`]),
    /// sorts `(node, distance)` by distance then chronology, applies the
    /// limit and turns nodes into symbols.
    fn finish(
        &self,
        mut found: Vec<(u32, u32)>,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Vec<(Symbol, u32)> {
        if !filter.shows_every_document() {
            found.retain(|&(n, _)| self.info_of(n).is_some_and(|i| filter.wants_document(i)));
        }
        let chrono = self.chrono();
        let key = |&(n, d): &(u32, u32)| {
            (u64::from(d) << 32)
                | u64::from(chrono.rank.get(n as usize).copied().unwrap_or(u32::MAX))
        };
        if let Some(k) = limit {
            if k < found.len() {
                if k == 0 {
                    return Vec::new();
                }
                found.select_nth_unstable_by_key(k - 1, key);
                found.truncate(k);
            }
        }
        found.sort_unstable_by_key(key);
        found
            .into_iter()
            .filter_map(|(n, d)| Some((self.symbol_of(n)?.clone(), d)))
            .collect()
    }

    fn traverse(&self, symbol: &Symbol, opts: &QueryOptions, dir: Direction) -> Vec<(Symbol, u32)> {
        let Some(start) = self.idx(symbol) else {
            return Vec::new();
        };
        let step = Stepper::new(self, opts);
        let found = self.bfs(start, dir, &step, opts.max_depth.unwrap_or(u32::MAX));
        self.finish(found, &opts.filter, opts.limit)
    }

    /// Everything `symbol` builds on, transitively: the documents it
    /// cites, those they cite, and so on, each with its distance (the
    /// fewest citation steps), ordered by distance then chronologically.
    /// The document itself is not included; an unknown symbol has none.
    ///
    /// Costs one breadth-first search: O(V + E) time over the V documents
    /// and E citing → cited links reached (O(V + O) over the O occurrences
    /// with a filter, which reads them), O(V) memory for the visited set,
    /// then O(k log k) to order the k found. The first query after a change
    /// also builds the cached adjacency arrays and chronological ranks,
    /// O(V log V + E).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Filter, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let recalling = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// let see = Occurrence::new("see", Section::Footnote, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &recalling);
    /// g.add_link(&s("76/19"), &s("A/76/135"), &see);
    /// g.add_link(&s("75/240"), &s("74/29"), &recalling);
    ///
    /// let all = g.ancestors(&s("76/19"), &QueryOptions::new());
    /// assert_eq!(all, [(s("75/240"), 1), (s("A/76/135"), 1), (s("74/29"), 2)]);
    ///
    /// let near = g.ancestors(&s("76/19"), &QueryOptions::new().depth(1));
    /// assert_eq!(near.len(), 2);
    ///
    /// let preamble = QueryOptions::new().filter(Filter::default().with_sections([Section::Preamble]));
    /// assert_eq!(g.ancestors(&s("76/19"), &preamble), [(s("75/240"), 1), (s("74/29"), 2)]);
    /// ```
    pub fn ancestors(&self, symbol: &Symbol, opts: &QueryOptions) -> Vec<(Symbol, u32)> {
        self.traverse(symbol, opts, Direction::Outgoing)
    }

    /// Everything that builds on `symbol`, transitively: the documents
    /// that cite it, those that cite them, and so on, with distances,
    /// ordered by distance then chronologically.
    ///
    /// Costs what [`ancestors`](Self::ancestors) costs, over the links
    /// the other way.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let recalling = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &recalling);
    /// g.add_link(&s("75/240"), &s("74/29"), &recalling);
    /// g.add_link(&s("A/C.1/77/L.73"), &s("74/29"), &recalling);
    /// assert_eq!(
    ///     g.descendants(&s("74/29"), &QueryOptions::new()),
    ///     [(s("75/240"), 1), (s("A/C.1/77/L.73"), 1), (s("76/19"), 2)]
    /// );
    /// ```
    pub fn descendants(&self, symbol: &Symbol, opts: &QueryOptions) -> Vec<(Symbol, u32)> {
        self.traverse(symbol, opts, Direction::Incoming)
    }

    /// Distances to `target` along `dir` reversed, up to `max`, as a
    /// dense array (`u32::MAX`: not within reach). Stops after the layer
    /// where `stop` is found.
    fn distances_to(
        &self,
        target: u32,
        dir: Direction,
        step: &Stepper<'_>,
        max: u32,
        stop: Option<u32>,
    ) -> Vec<u32> {
        let mut dist = vec![u32::MAX; self.node_count()];
        let Some(slot) = dist.get_mut(target as usize) else {
            return dist;
        };
        *slot = 0;
        let back = dir.opposite();
        let mut frontier = vec![target];
        let mut next = Vec::new();
        let mut depth = 0;
        while !frontier.is_empty() && depth < max {
            if stop.is_some_and(|s| dist.get(s as usize).is_some_and(|d| *d != u32::MAX)) {
                break;
            }
            depth += 1;
            for &u in &frontier {
                step.each(u, back, |v| {
                    if let Some(d) = dist.get_mut(v as usize) {
                        if *d == u32::MAX {
                            *d = depth;
                            next.push(v);
                        }
                    }
                });
            }
            std::mem::swap(&mut frontier, &mut next);
            next.clear();
        }
        dist
    }

    /// The shortest chain of citations from `from` to `to`, following
    /// citation direction (`from` cites ..., which cites `to`), both
    /// ends included; `None` when `to` is not an ancestor of `from`
    /// within `opts.max_depth` steps (or either is unknown). A document's
    /// path to itself is just itself. Among several shortest chains, the
    /// one whose documents, read from `from`, come chronologically
    /// earliest.
    ///
    /// Costs one breadth-first search back from `to` (O(V + E), O(V + O)
    /// with a filter; it stops once `from` is reached), then one pass over
    /// the neighbours of each document on the path.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &occ);
    /// g.add_link(&s("75/240"), &s("74/29"), &occ);
    /// g.add_link(&s("76/19"), &s("75/32"), &occ);
    /// g.add_link(&s("75/32"), &s("74/29"), &occ);
    /// let path = g.shortest_path(&s("76/19"), &s("74/29"), &QueryOptions::new()).unwrap();
    /// assert_eq!(path, [s("76/19"), s("75/32"), s("74/29")]);
    /// assert!(g.shortest_path(&s("74/29"), &s("76/19"), &QueryOptions::new()).is_none());
    /// assert!(g.shortest_path(&s("76/19"), &s("74/29"), &QueryOptions::new().depth(1)).is_none());
    /// ```
    pub fn shortest_path(
        &self,
        from: &Symbol,
        to: &Symbol,
        opts: &QueryOptions,
    ) -> Option<Vec<Symbol>> {
        let (a, b) = (self.idx(from)?, self.idx(to)?);
        if a == b {
            return Some(vec![from.clone()]);
        }
        let step = Stepper::new(self, opts);
        let max = opts.max_depth.unwrap_or(u32::MAX);
        let dist = self.distances_to(b, Direction::Outgoing, &step, max, Some(a));
        let mut left = *dist.get(a as usize)?;
        if left == u32::MAX {
            return None;
        }
        let mut path = vec![from.clone()];
        let mut cur = a;
        while cur != b {
            let mut best: Option<(u32, u32)> = None;
            step.each(cur, Direction::Outgoing, |v| {
                if dist.get(v as usize) == Some(&(left - 1)) {
                    let r = self.rank(v);
                    if best.is_none_or(|(br, _)| r < br) {
                        best = Some((r, v));
                    }
                }
            });
            let (_, v) = best?;
            path.push(self.symbol_of(v)?.clone());
            cur = v;
            left -= 1;
        }
        Some(path)
    }

    /// A shortest citation path between two documents in whichever
    /// direction exists: from `a` to `b` if `a` builds on `b`, else from
    /// `b` to `a`. The path runs from the citing to the cited end.
    ///
    /// Costs one [`shortest_path`](Self::shortest_path) search.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_link(&s("76/19"), &s("75/240"), &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// let p = g.path_between(&s("75/240"), &s("76/19"), &QueryOptions::new()).unwrap();
    /// assert_eq!(p, [s("76/19"), s("75/240")]);
    /// ```
    pub fn path_between(&self, a: &Symbol, b: &Symbol, opts: &QueryOptions) -> Option<Vec<Symbol>> {
        self.shortest_path(a, b, opts)
            .or_else(|| self.shortest_path(b, a, opts))
    }

    /// Every simple citation path (no document twice) from `from` to
    /// `to` of at most `max_len` steps (and at most `opts.max_depth`),
    /// following citation direction, ordered by length and then
    /// chronologically document by document. At most `opts.limit` paths
    /// ([`DEFAULT_MAX_PATHS`] when unset) are returned: the first in that
    /// order.
    ///
    /// Costs a breadth-first search for the distances to `b` (O(V + E)),
    /// then a depth-first enumeration that only enters documents from which
    /// `b` can still be reached in the steps left: proportional to the
    /// paths written and their length, which can grow exponentially with
    /// `max_len` in a dense graph, hence the limit (at most
    /// [`DEFAULT_MAX_PATHS`] when none is set).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &occ);
    /// g.add_link(&s("75/240"), &s("74/29"), &occ);
    /// g.add_link(&s("76/19"), &s("74/29"), &occ);
    /// let paths = g.all_simple_paths(&s("76/19"), &s("74/29"), 3, &QueryOptions::new());
    /// assert_eq!(paths, [vec![s("76/19"), s("74/29")], vec![s("76/19"), s("75/240"), s("74/29")]]);
    /// assert_eq!(g.all_simple_paths(&s("76/19"), &s("74/29"), 1, &QueryOptions::new()).len(), 1);
    /// ```
    pub fn all_simple_paths(
        &self,
        from: &Symbol,
        to: &Symbol,
        max_len: u32,
        opts: &QueryOptions,
    ) -> Vec<Vec<Symbol>> {
        let (Some(a), Some(b)) = (self.idx(from), self.idx(to)) else {
            return Vec::new();
        };
        let limit = opts.limit.unwrap_or(DEFAULT_MAX_PATHS);
        if a == b || limit == 0 {
            return Vec::new();
        }
        let max_len = max_len.min(opts.max_depth.unwrap_or(u32::MAX));
        let step = Stepper::new(self, opts);
        let dist = self.distances_to(b, Direction::Outgoing, &step, max_len, None);
        let Some(&shortest) = dist.get(a as usize) else {
            return Vec::new();
        };
        if shortest == u32::MAX {
            return Vec::new();
        }
        let mut paths: Vec<Vec<u32>> = Vec::new();
        let mut on_path = BitSet::with_capacity(self.node_count());
        on_path.insert(a as usize);
        // Neighbours sorted chronologically, computed once per node.
        let mut sorted: FxMap<u32, Vec<u32>> = FxMap::default();
        for len in shortest..=max_len {
            let mut path = vec![a];
            self.paths_of_len(
                a,
                b,
                len,
                &dist,
                &step,
                &mut sorted,
                &mut on_path,
                &mut path,
                &mut paths,
                limit,
            );
            if paths.len() >= limit {
                break;
            }
        }
        paths
            .into_iter()
            .map(|p| {
                p.into_iter()
                    .filter_map(|n| self.symbol_of(n).cloned())
                    .collect()
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn paths_of_len(
        &self,
        u: u32,
        target: u32,
        remaining: u32,
        dist: &[u32],
        step: &Stepper<'_>,
        sorted: &mut FxMap<u32, Vec<u32>>,
        on_path: &mut BitSet,
        path: &mut Vec<u32>,
        paths: &mut Vec<Vec<u32>>,
        limit: usize,
    ) {
        if paths.len() >= limit {
            return;
        }
        if u == target {
            if remaining == 0 {
                paths.push(path.clone());
            }
            return;
        }
        if remaining == 0 {
            return;
        }
        let next = sorted
            .entry(u)
            .or_insert_with(|| {
                let mut v = Vec::new();
                step.each(u, Direction::Outgoing, |x| v.push(x));
                v.sort_unstable_by_key(|&x| self.rank(x));
                v.dedup();
                v
            })
            .clone();
        for v in next {
            if dist.get(v as usize).is_none_or(|&d| d > remaining - 1)
                || on_path.contains(v as usize)
            {
                continue;
            }
            on_path.insert(v as usize);
            path.push(v);
            self.paths_of_len(
                v,
                target,
                remaining - 1,
                dist,
                step,
                sorted,
                on_path,
                path,
                paths,
                limit,
            );
            path.pop();
            on_path.remove(v as usize);
            if paths.len() >= limit {
                return;
            }
        }
    }

    /// The documents every one of `symbols` builds on, each with its
    /// largest distance from them, ordered by that distance then
    /// chronologically. Empty when `symbols` is empty or one is unknown.
    ///
    /// Costs one breadth-first search per symbol, O(s · (V + E)) for s
    /// symbols, and a hash map of the documents common so far.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &occ);
    /// g.add_link(&s("75/240"), &s("53/70"), &occ);
    /// g.add_link(&s("75/32"), &s("53/70"), &occ);
    /// g.add_link(&s("75/32"), &s("75/240"), &occ);
    /// assert_eq!(
    ///     g.common_ancestors(&[s("76/19"), s("75/32")], &QueryOptions::new()),
    ///     [(s("75/240"), 1), (s("53/70"), 2)]
    /// );
    /// ```
    pub fn common_ancestors(&self, symbols: &[Symbol], opts: &QueryOptions) -> Vec<(Symbol, u32)> {
        let mut starts = Vec::with_capacity(symbols.len());
        for s in symbols {
            match self.idx(s) {
                Some(n) => starts.push(n),
                None => return Vec::new(),
            }
        }
        let step = Stepper::new(self, opts);
        let max = opts.max_depth.unwrap_or(u32::MAX);
        let mut common: Option<HashMap<u32, u32>> = None;
        for start in starts {
            let found = self.bfs(start, Direction::Outgoing, &step, max);
            common = Some(match common {
                None => found.into_iter().collect(),
                Some(mut acc) => {
                    let here: HashMap<u32, u32> = found.into_iter().collect();
                    acc.retain(|n, d| match here.get(n) {
                        Some(&d2) => {
                            *d = (*d).max(d2);
                            true
                        }
                        None => false,
                    });
                    acc
                }
            });
        }
        self.finish(
            common.unwrap_or_default().into_iter().collect(),
            &opts.filter,
            opts.limit,
        )
    }

    /// The most cited documents: the `limit` with the most distinct
    /// citing documents (in-degree), most first, ties chronologically;
    /// documents nobody cites are left out. With `within`, only nodes of
    /// that set and citations among them count (a subgraph).
    ///
    /// Costs O(V) from the cached in-degrees, or O(V + E) with `within`,
    /// then O(V + k log k) to pick and order the k = `limit` first.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("53/70"), &occ);
    /// g.add_link(&s("75/240"), &s("53/70"), &occ);
    /// g.add_link(&s("76/19"), &s("75/240"), &occ);
    /// assert_eq!(g.most_cited(10, None), [(s("53/70"), 2), (s("75/240"), 1)]);
    /// let within = [s("76/19"), s("75/240")];
    /// assert_eq!(g.most_cited(10, Some(&within)), [(s("75/240"), 1)]);
    /// ```
    pub fn most_cited(&self, limit: usize, within: Option<&[Symbol]>) -> Vec<(Symbol, usize)> {
        self.most_cited_with(limit, within, &Filter::default())
    }

    /// [`most_cited`](Self::most_cited), counting only citations that
    /// pass `filter` and ranking only the documents it shows
    /// ([`Filter::wants_document`]).
    ///
    /// Costs O(V + O) with a filter or `within` (each link's occurrences
    /// are read), O(V) otherwise, then O(V + k log k) for the k first.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Filter, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_link(&s("76/19"), &s("53/70"), &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// g.add_link(&s("75/240"), &s("A/65/201"), &Occurrence::new("see", Section::Footnote, Some(1), None));
    /// let footnotes = Filter::default().with_sections([Section::Footnote]);
    /// assert_eq!(g.most_cited_with(5, None, &footnotes), [(s("A/65/201"), 1)]);
    /// ```
    pub fn most_cited_with(
        &self,
        limit: usize,
        within: Option<&[Symbol]>,
        filter: &Filter,
    ) -> Vec<(Symbol, usize)> {
        let n = self.node_count();
        let member = within.map(|set| {
            let mut m = BitSet::with_capacity(n);
            for s in set {
                if let Some(i) = self.idx(s) {
                    m.insert(i as usize);
                }
            }
            m
        });
        let compiled = Compiled::new(self, filter);
        let mut degree = vec![0usize; n];
        if member.is_none() && !compiled.active {
            let csr = self.csr();
            for (v, d) in degree.iter_mut().enumerate() {
                *d = csr.degree(v as u32, Direction::Incoming);
            }
        } else {
            for e in self.g.edge_references() {
                let (s, t) = (e.source().index() as u32, e.target().index() as u32);
                if let Some(m) = &member {
                    if !m.contains(s as usize) || !m.contains(t as usize) {
                        continue;
                    }
                }
                if compiled.passes(e.weight()) {
                    if let Some(d) = degree.get_mut(t as usize) {
                        *d += 1;
                    }
                }
            }
        }
        let shown = |v: usize| {
            filter.shows_every_document()
                || self
                    .info_of(v as u32)
                    .is_some_and(|i| filter.wants_document(i))
        };
        let mut ranked: Vec<(u32, usize)> = degree
            .iter()
            .enumerate()
            .filter(|(v, d)| **d > 0 && shown(*v))
            .map(|(v, d)| (v as u32, *d))
            .collect();
        let chrono = self.chrono();
        let key = |&(v, d): &(u32, usize)| {
            (
                std::cmp::Reverse(d),
                chrono.rank.get(v as usize).copied().unwrap_or(u32::MAX),
            )
        };
        if limit < ranked.len() {
            if limit == 0 {
                return Vec::new();
            }
            ranked.select_nth_unstable_by_key(limit - 1, key);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by_key(key);
        ranked
            .into_iter()
            .filter_map(|(v, d)| Some((self.symbol_of(v)?.clone(), d)))
            .collect()
    }

    /// PageRank of every document, highest first (ties chronologically).
    ///
    /// Rank flows along citations, from the citing to the cited document;
    /// each citing -> cited pair counts once whatever its occurrences.
    /// Documents that cite nothing spread their rank evenly over all
    /// documents. Runs `iterations` rounds of the power method (stopping
    /// early when the total change falls below 1e-12); the scores sum to
    /// one. `damping` is clamped to 0..=1 (0.85 if not a number). For a
    /// subgraph, take [`subgraph`](Self::subgraph) first.
    ///
    /// Costs O(iterations · (V + E)) time and O(V) memory, then O(V log V)
    /// to order the scores.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("53/70"), &occ);
    /// g.add_link(&s("75/240"), &s("53/70"), &occ);
    /// let pr = g.pagerank(0.85, 50);
    /// assert_eq!(pr[0].0, s("53/70"));
    /// assert!((pr.iter().map(|(_, r)| r).sum::<f64>() - 1.0).abs() < 1e-9);
    /// ```
    pub fn pagerank(&self, damping: f64, iterations: u32) -> Vec<(Symbol, f64)> {
        self.pagerank_with(damping, iterations, &Filter::default())
    }

    /// [`pagerank`](Self::pagerank) with rank flowing only along the
    /// links `filter` follows (a link passes when one of its occurrences
    /// does), every document taking part, and only the documents it shows
    /// ([`Filter::wants_document`]) returned.
    ///
    /// Costs what [`pagerank`](Self::pagerank) costs, plus, with a filter
    /// of links, one pass over the occurrences and O(V + E) memory for the
    /// links that pass.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Filter, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_link(&s("76/19"), &s("53/70"), &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// g.add_link(&s("76/19"), &s("A/76/439"), &Occurrence::new("report", Section::Heading, None, None));
    /// g.add_link(&s("75/240"), &s("A/76/439"), &Occurrence::new("report", Section::Heading, None, None));
    /// assert_eq!(g.pagerank(0.85, 50)[0].0, s("A/76/439"));
    /// let recitals = g.pagerank_with(0.85, 50, &Filter::default().without_headings());
    /// assert_eq!(recitals[0].0, s("53/70"));
    /// ```
    pub fn pagerank_with(
        &self,
        damping: f64,
        iterations: u32,
        filter: &Filter,
    ) -> Vec<(Symbol, f64)> {
        let scores = if filter.follows_every_link() {
            let csr = self.csr();
            let n = self.node_count();
            let out_deg: Vec<u32> = (0..n)
                .map(|u| csr.degree(u as u32, Direction::Outgoing) as u32)
                .collect();
            pagerank_scores(
                &out_deg,
                |v| csr.neighbors(v, Direction::Incoming),
                damping,
                iterations,
            )
        } else {
            // The links that pass, as incoming adjacency arrays (CSR).
            let compiled = Compiled::new(self, filter);
            let n = self.node_count();
            let mut out_deg = vec![0u32; n];
            let mut start = vec![0usize; n + 1];
            let passing: Vec<(u32, u32)> = self
                .g
                .edge_references()
                .filter(|e| compiled.passes(e.weight()))
                .map(|e| (e.source().index() as u32, e.target().index() as u32))
                .collect();
            for &(u, v) in &passing {
                out_deg[u as usize] += 1;
                start[v as usize + 1] += 1;
            }
            for i in 0..n {
                start[i + 1] += start[i];
            }
            let mut fill = start.clone();
            let mut sources = vec![0u32; passing.len()];
            for &(u, v) in &passing {
                sources[fill[v as usize]] = u;
                fill[v as usize] += 1;
            }
            pagerank_scores(
                &out_deg,
                |v| &sources[start[v as usize]..start[v as usize + 1]],
                damping,
                iterations,
            )
        };
        let chrono = self.chrono();
        let mut order: Vec<u32> = (0..scores.len() as u32)
            .filter(|&v| {
                filter.shows_every_document()
                    || self.info_of(v).is_some_and(|i| filter.wants_document(i))
            })
            .collect();
        order.sort_unstable_by(|&a, &b| {
            let (sa, sb) = (scores[a as usize], scores[b as usize]);
            sb.total_cmp(&sa)
                .then_with(|| chrono.rank[a as usize].cmp(&chrono.rank[b as usize]))
        });
        order
            .into_iter()
            .filter_map(|v| Some((self.symbol_of(v)?.clone(), scores[v as usize])))
            .collect()
    }

    /// The documents `symbols` (those the graph knows) with what is known
    /// of them, the citations among them with their occurrences, and the
    /// adoption links among them: a graph of its own, to render or export.
    ///
    /// Costs O(k log k) for the k symbols, plus their outgoing links and
    /// the occurrences copied.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, QueryOptions, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// g.add_link(&s("76/19"), &s("75/240"), &occ);
    /// g.add_link(&s("75/240"), &s("74/29"), &occ);
    /// let mut nodes: Vec<_> = g.ancestors(&s("76/19"), &QueryOptions::new().depth(1))
    ///     .into_iter().map(|(sym, _)| sym).collect();
    /// nodes.push(s("76/19"));
    /// let sub = g.subgraph(&nodes);
    /// assert_eq!((sub.node_count(), sub.edge_count()), (2, 1));
    /// ```
    pub fn subgraph<'a, I>(&self, symbols: I) -> CitationGraph
    where
        I: IntoIterator<Item = &'a Symbol>,
    {
        self.subgraph_with(symbols, &Filter::default())
    }

    /// [`subgraph`](Self::subgraph) with only the occurrences that pass
    /// `filter`'s relations and sections ([`Filter::matches`]): a link
    /// none of whose occurrences passes is left out; the documents are
    /// `symbols`, whatever the filter's kinds, organs and years (choose
    /// them first, as `resgraph export` does).
    ///
    /// Costs what [`subgraph`](Self::subgraph) costs.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Filter, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_link(&s("76/19"), &s("75/240"), &Occurrence::new("recalling", Section::Preamble, Some(1), None));
    /// g.add_link(&s("76/19"), &s("A/76/135"), &Occurrence::new("see", Section::Footnote, Some(1), None));
    /// let all = [s("76/19"), s("75/240"), s("A/76/135")];
    /// let recitals = g.subgraph_with(&all, &Filter::default().with_relations(["recalling"]));
    /// assert_eq!((recitals.node_count(), recitals.edge_count()), (3, 1));
    /// ```
    pub fn subgraph_with<'a, I>(&self, symbols: I, filter: &Filter) -> CitationGraph
    where
        I: IntoIterator<Item = &'a Symbol>,
    {
        let compiled = Compiled::new(self, filter);
        let mut keep: Vec<u32> = symbols.into_iter().filter_map(|s| self.idx(s)).collect();
        keep.sort_unstable();
        keep.dedup();
        let mut sub = CitationGraph::with_capacity(keep.len(), 0);
        let mut map: FxMap<u32, petgraph::graph::NodeIndex<u32>> = FxMap::default();
        for &n in &keep {
            if let Some(info) = self.g.node_weight(NodeIndex::new(n as usize)) {
                let new = sub.ensure(&info.symbol);
                sub.set_info(info.clone());
                map.insert(n, new);
            }
        }
        for &n in &keep {
            for e in self
                .g
                .edges_directed(NodeIndex::new(n as usize), Direction::Outgoing)
            {
                let (Some(&a), Some(&b)) = (map.get(&n), map.get(&(e.target().index() as u32)))
                else {
                    continue;
                };
                for o in e.weight().occurrences() {
                    if compiled.active && !compiled.passes_one(o) {
                        continue;
                    }
                    let relation = sub.relations.intern(self.relations.resolve(o.relation()));
                    let packed = crate::packed::PackedOcc::new(
                        relation,
                        o.section(),
                        o.paragraph(),
                        o.date(),
                    )
                    .with_span(o.span());
                    sub.add_packed(a, b, packed);
                }
            }
        }
        for (&d, &r) in &self.adopted_as {
            if let (Some(ds), Some(rs)) = (self.symbol_of(d), self.symbol_of(r)) {
                if map.contains_key(&d) && map.contains_key(&r) {
                    sub.add_adopted_as(ds, rs);
                }
            }
        }
        sub
    }
}

/// PageRank scores by node index, for nodes with the given out-degrees
/// and incoming neighbours (the power method; see
/// [`CitationGraph::pagerank`]).
fn pagerank_scores<'a>(
    out_deg: &[u32],
    incoming: impl Fn(u32) -> &'a [u32],
    damping: f64,
    iterations: u32,
) -> Vec<f64> {
    let n = out_deg.len();
    if n == 0 {
        return Vec::new();
    }
    let d = if damping.is_nan() {
        0.85
    } else {
        damping.clamp(0.0, 1.0)
    };
    let nf = n as f64;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..iterations {
        let mut dangling = 0.0;
        for u in 0..n {
            if out_deg[u] == 0 {
                dangling += rank[u];
                share[u] = 0.0;
            } else {
                share[u] = rank[u] / f64::from(out_deg[u]);
            }
        }
        let base = (1.0 - d) / nf + d * dangling / nf;
        let mut delta = 0.0;
        for v in 0..n {
            let inflow: f64 = incoming(v as u32).iter().map(|&u| share[u as usize]).sum();
            let r = base + d * inflow;
            delta += (r - rank[v]).abs();
            next[v] = r;
        }
        std::mem::swap(&mut rank, &mut next);
        if delta < 1e-12 {
            break;
        }
    }
    rank
}
