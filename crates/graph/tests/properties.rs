//! Property tests on random citation DAGs.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proptest::prelude::*;
use resgraph_extract::{Date, RelationClass, Section};
use resgraph_graph::{CitationGraph, Filter, LoadError, Occurrence, QueryOptions};
use resgraph_symbol::Symbol;

const RELATIONS: [&str; 4] = ["recalling", "welcomes", "see", "notes"];
const SECTIONS: [Section; 4] = [
    Section::Preamble,
    Section::Operative,
    Section::Footnote,
    Section::Annex,
];

/// Node `i` as a GA resolution; larger `i` is later.
fn sym(i: usize) -> Symbol {
    Symbol::parse_loose(&format!("{}/{}", 40 + i / 7, 1 + i % 7)).unwrap()
}

#[derive(Debug, Clone)]
struct Dag {
    n: usize,
    /// (citing, cited, relation, section, paragraph, dated)
    links: Vec<(usize, usize, usize, usize, u32, bool)>,
}

fn dag() -> impl Strategy<Value = Dag> {
    (2usize..28).prop_flat_map(|n| {
        let link = (1..n).prop_flat_map(move |from| {
            (
                Just(from),
                0..from,
                0..4usize,
                0..4usize,
                1u32..4,
                any::<bool>(),
            )
        });
        prop::collection::vec(link, 0..(3 * n)).prop_map(move |links| Dag { n, links })
    })
}

fn build(d: &Dag) -> CitationGraph {
    let mut g = CitationGraph::new();
    for i in 0..d.n {
        g.add_node(&sym(i));
    }
    for &(a, b, r, s, p, dated) in &d.links {
        let occ = Occurrence::new(
            RELATIONS[r],
            SECTIONS[s],
            Some(p),
            if dated {
                Date::new(1990, 1, 1 + p as u8)
            } else {
                None
            },
        );
        g.add_link(&sym(a), &sym(b), &occ);
    }
    g
}

/// Reference BFS over the link list.
fn distances(
    d: &Dag,
    from: usize,
    forward: bool,
    keep: &dyn Fn(usize, usize) -> bool,
) -> BTreeMap<usize, u32> {
    let mut adj: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(a, b, r, s, _, _) in &d.links {
        if keep(r, s) {
            let (x, y) = if forward { (a, b) } else { (b, a) };
            adj.entry(x).or_default().insert(y);
        }
    }
    let mut dist = BTreeMap::new();
    let mut queue = VecDeque::from([(from, 0u32)]);
    let mut seen = BTreeSet::from([from]);
    while let Some((u, du)) = queue.pop_front() {
        for &v in adj.get(&u).into_iter().flatten() {
            if seen.insert(v) {
                dist.insert(v, du + 1);
                queue.push_back((v, du + 1));
            }
        }
    }
    dist
}

fn as_map(v: &[(Symbol, u32)]) -> BTreeMap<Symbol, u32> {
    v.iter().cloned().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn ancestors_and_descendants_mirror_each_other(d in dag()) {
        let g = build(&d);
        let all = QueryOptions::new();
        for x in 0..d.n {
            let up = g.ancestors(&sym(x), &all);
            for y in 0..d.n {
                let y_up = up.iter().any(|(s, _)| *s == sym(y));
                let x_down = g.descendants(&sym(y), &all).iter().any(|(s, _)| *s == sym(x));
                prop_assert_eq!(y_up, x_down, "x={} y={}", x, y);
            }
        }
    }

    #[test]
    fn distances_match_a_reference_bfs(d in dag()) {
        let g = build(&d);
        for x in 0..d.n {
            let want: BTreeMap<Symbol, u32> = distances(&d, x, true, &|_, _| true)
                .into_iter().map(|(k, v)| (sym(k), v)).collect();
            let got = g.ancestors(&sym(x), &QueryOptions::new());
            prop_assert_eq!(as_map(&got), want);
            // Ordered by distance, then chronologically.
            let keys: Vec<(u32, Symbol)> = got.iter().map(|(s, d)| (*d, s.clone())).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            prop_assert_eq!(keys, sorted);
            let want_down: BTreeMap<Symbol, u32> = distances(&d, x, false, &|_, _| true)
                .into_iter().map(|(k, v)| (sym(k), v)).collect();
            prop_assert_eq!(as_map(&g.descendants(&sym(x), &QueryOptions::new())), want_down);
        }
    }

    #[test]
    fn filters_match_a_reference_bfs(d in dag(), r in 0..4usize, s in 0..4usize) {
        let g = build(&d);
        let filter = Filter::default().with_relations([RELATIONS[r]]).with_sections([SECTIONS[s]]);
        let opts = QueryOptions::new().filter(filter);
        for x in 0..d.n {
            // A class's word matches every verb of its class ("welcomes"
            // and "notes" are both welcoming / taking note).
            let same = |rr: usize| RelationClass::of(RELATIONS[rr]) == RelationClass::of(RELATIONS[r]);
            let want: BTreeMap<Symbol, u32> = distances(&d, x, true, &|rr, ss| same(rr) && ss == s)
                .into_iter().map(|(k, v)| (sym(k), v)).collect();
            prop_assert_eq!(as_map(&g.ancestors(&sym(x), &opts)), want);
        }
    }

    /// Kinds and years choose the documents shown, never the walk: the
    /// answer is the unfiltered one with the other documents left out,
    /// distances and order unchanged (sessions 40 to 43 are 1985 to 1988).
    #[test]
    fn years_show_documents_without_changing_the_walk(d in dag(), since in 1985u16..1989, span in 0u16..3) {
        use resgraph_graph::Years;
        let g = build(&d);
        let years = Years::between(Some(since), Some(since + span));
        let opts = QueryOptions::new().filter(Filter::default().with_years(years));
        for x in 0..d.n {
            let expected: Vec<_> = g
                .ancestors(&sym(x), &QueryOptions::new())
                .into_iter()
                .filter(|(s, _)| s.approximate_year().is_some_and(|y| years.contains(y)))
                .collect();
            prop_assert_eq!(g.ancestors(&sym(x), &opts), expected);
        }
        let top = g.most_cited_with(1000, None, &opts.filter);
        prop_assert!(top.iter().all(|(s, _)| s.approximate_year().is_some_and(|y| years.contains(y))));
    }

    /// PageRank along the links a filter follows is PageRank of the
    /// graph that keeps only those links.
    #[test]
    fn filtered_pagerank_is_pagerank_of_the_filtered_graph(d in dag(), s in 0..4usize) {
        let g = build(&d);
        let filter = Filter::default().with_sections([SECTIONS[s]]);
        let all: Vec<Symbol> = (0..d.n).map(sym).collect();
        let reference = g.subgraph_with(&all, &filter).pagerank(0.85, 50);
        let got = g.pagerank_with(0.85, 50, &filter);
        prop_assert_eq!(got.len(), reference.len());
        for ((a, x), (b, y)) in got.iter().zip(&reference) {
            prop_assert_eq!(a, b);
            prop_assert!((x - y).abs() < 1e-12, "{} {} {}", a, x, y);
        }
    }

    #[test]
    fn depth_limits_hold(d in dag(), depth in 0u32..4) {
        let g = build(&d);
        for x in 0..d.n {
            let full = g.ancestors(&sym(x), &QueryOptions::new());
            let limited = g.ancestors(&sym(x), &QueryOptions::new().depth(depth));
            prop_assert!(limited.iter().all(|(_, dd)| *dd <= depth));
            let expected: Vec<_> = full.iter().filter(|(_, dd)| *dd <= depth).cloned().collect();
            prop_assert_eq!(limited, expected);
            let down = g.descendants(&sym(x), &QueryOptions::new().depth(depth));
            prop_assert!(down.iter().all(|(_, dd)| *dd <= depth));
        }
    }

    #[test]
    fn a_path_exists_exactly_when_one_is_an_ancestor(d in dag()) {
        let g = build(&d);
        let all = QueryOptions::new();
        for x in 0..d.n {
            let up = as_map(&g.ancestors(&sym(x), &all));
            for y in 0..d.n {
                if x == y { continue; }
                let path = g.shortest_path(&sym(x), &sym(y), &all);
                prop_assert_eq!(path.is_some(), up.contains_key(&sym(y)));
                if let Some(p) = &path {
                    prop_assert_eq!(p.len() as u32 - 1, up[&sym(y)]);
                    prop_assert_eq!(p.first(), Some(&sym(x)));
                    prop_assert_eq!(p.last(), Some(&sym(y)));
                    for w in p.windows(2) {
                        prop_assert!(!g.occurrences(&w[0], &w[1]).is_empty());
                    }
                }
                let y_up = as_map(&g.ancestors(&sym(y), &all));
                let either = g.path_between(&sym(x), &sym(y), &all).is_some();
                prop_assert_eq!(either, up.contains_key(&sym(y)) || y_up.contains_key(&sym(x)));
            }
        }
    }

    #[test]
    fn simple_paths_are_simple_and_ordered(d in dag(), max_len in 1u32..5) {
        let g = build(&d);
        let all = QueryOptions::new();
        let (x, y) = (d.n - 1, 0);
        let paths = g.all_simple_paths(&sym(x), &sym(y), max_len, &all);
        let shortest = g.shortest_path(&sym(x), &sym(y), &all);
        match &shortest {
            Some(p) if p.len() as u32 - 1 <= max_len => prop_assert_eq!(&paths[0], p),
            _ => prop_assert!(paths.is_empty()),
        }
        for p in &paths {
            prop_assert!(p.len() as u32 - 1 <= max_len);
            let distinct: BTreeSet<&Symbol> = p.iter().collect();
            prop_assert_eq!(distinct.len(), p.len());
            for w in p.windows(2) {
                prop_assert!(!g.occurrences(&w[0], &w[1]).is_empty());
            }
        }
        let mut sorted = paths.clone();
        sorted.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        prop_assert_eq!(&sorted, &paths);
        let distinct: BTreeSet<&Vec<Symbol>> = paths.iter().collect();
        prop_assert_eq!(distinct.len(), paths.len());
    }

    #[test]
    fn common_ancestors_are_the_intersection(d in dag(), a in 0usize..28, b in 0usize..28) {
        let g = build(&d);
        let (a, b) = (a % d.n, b % d.n);
        let all = QueryOptions::new();
        let ua = as_map(&g.ancestors(&sym(a), &all));
        let ub = as_map(&g.ancestors(&sym(b), &all));
        let common = g.common_ancestors(&[sym(a), sym(b)], &all);
        let want: BTreeMap<Symbol, u32> = ua.iter()
            .filter_map(|(k, da)| ub.get(k).map(|db| (k.clone(), (*da).max(*db))))
            .collect();
        prop_assert_eq!(as_map(&common), want);
    }

    #[test]
    fn save_then_load_gives_the_same_graph(d in dag()) {
        let mut g = build(&d);
        if d.n > 3 {
            g.add_adopted_as(&sym(0), &sym(3));
        }
        let bytes = g.to_bytes();
        let back = CitationGraph::from_bytes(&bytes).unwrap();
        prop_assert_eq!(&back, &g);
        prop_assert_eq!(back.to_bytes(), bytes);
        let mut a = Vec::new();
        let mut b = Vec::new();
        g.write_json_node_link(&mut a).unwrap();
        back.write_json_node_link(&mut b).unwrap();
        prop_assert_eq!(a, b);
        prop_assert_eq!(back.pagerank(0.85, 30), g.pagerank(0.85, 30));
    }

    #[test]
    fn most_cited_counts_distinct_citing_documents(d in dag()) {
        let g = build(&d);
        let mut indeg: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &(a, b, ..) in &d.links {
            indeg.entry(b).or_default().insert(a);
        }
        let top = g.most_cited(usize::MAX, None);
        prop_assert_eq!(top.len(), indeg.len());
        for (s, c) in &top {
            let i = (0..d.n).find(|i| sym(*i) == *s).unwrap();
            prop_assert_eq!(*c, indeg[&i].len());
        }
        prop_assert!(top.windows(2).all(|w| w[0].1 >= w[1].1));
        let k = top.len() / 2;
        prop_assert_eq!(g.most_cited(k, None), top[..k].to_vec());
        let pr = g.pagerank(0.85, 50);
        prop_assert_eq!(pr.len(), d.n);
        let sum: f64 = pr.iter().map(|(_, r)| r).sum();
        prop_assert!((sum - 1.0).abs() < 1e-9);
    }

    #[test]
    fn exports_keep_counts(d in dag()) {
        let g = build(&d);
        let mut json = Vec::new();
        g.write_json_node_link(&mut json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(v["nodes"].as_array().unwrap().len(), g.node_count());
        prop_assert_eq!(v["edges"].as_array().unwrap().len(), g.edge_count());
        let mut csv = Vec::new();
        g.write_csv_edges(&mut csv).unwrap();
        prop_assert_eq!(String::from_utf8(csv).unwrap().lines().count(), g.edge_count() + 1);
        let mut occ = Vec::new();
        g.write_csv_occurrences(&mut occ).unwrap();
        prop_assert_eq!(String::from_utf8(occ).unwrap().lines().count() as u64, g.occurrence_count() + 1);
        let mut xml = Vec::new();
        g.write_graphml(&mut xml).unwrap();
        let xml = String::from_utf8(xml).unwrap();
        prop_assert_eq!(xml.matches("<node ").count(), g.node_count());
        prop_assert_eq!(xml.matches("<edge ").count(), g.edge_count());
    }

    #[test]
    fn mutated_files_never_panic(d in dag(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let g = build(&d);
        let bytes = g.to_bytes();
        // Change payload bytes and fix the checksum, so that the payload
        // decoder itself meets the damage.
        let mut bad = bytes.clone();
        let body = bad.len() - 8;
        for (at, value) in &edits {
            let i = 24 + at.index(body - 24);
            bad[i] = *value;
        }
        let sum = resgraph_graph::fnv1a64(&bad[..body]);
        bad[body..].copy_from_slice(&sum.to_le_bytes());
        match CitationGraph::from_bytes(&bad) {
            Ok(back) => { let _ = back.to_bytes(); }
            Err(e) => prop_assert!(matches!(e, LoadError::Corrupt { .. }), "{}", e),
        }
    }
}
