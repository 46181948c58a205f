//! The seed draft A/C.1/77/L.73, built by hand from what the lead read in
//! it (tests/golden/seed/A_C.1_77_L.73.expected): 27 resolutions recalled
//! in the first preambular paragraph, six reports in two footnotes, and
//! 76/19 again in operative paragraphs 1 and 3.

use resgraph_extract::{Citation, Date, Document, Section};
use resgraph_graph::{AddOutcome, CitationGraph, Filter, NodeInfo, QueryOptions};
use resgraph_symbol::Symbol;

/// target, cited date, section, paragraph, relation.
const CITATIONS: &str = "\
A/RES/43/78 H	1988-12-07	preamble	1	recalling
A/RES/53/70	1998-12-04	preamble	1	recalling
A/RES/54/49	1999-12-01	preamble	1	recalling
A/RES/55/28	2000-11-20	preamble	1	recalling
A/RES/56/19	2001-11-29	preamble	1	recalling
A/RES/57/53	2002-11-22	preamble	1	recalling
A/RES/58/32	2003-12-08	preamble	1	recalling
A/RES/59/61	2004-12-03	preamble	1	recalling
A/RES/60/45	2005-12-08	preamble	1	recalling
A/RES/61/54	2006-12-06	preamble	1	recalling
A/RES/62/17	2007-12-05	preamble	1	recalling
A/RES/63/37	2008-12-02	preamble	1	recalling
A/RES/64/25	2009-12-02	preamble	1	recalling
A/RES/65/41	2010-12-08	preamble	1	recalling
A/RES/66/24	2011-12-02	preamble	1	recalling
A/RES/67/27	2012-12-03	preamble	1	recalling
A/RES/68/243	2013-12-27	preamble	1	recalling
A/RES/69/28	2014-12-02	preamble	1	recalling
A/RES/70/237	2015-12-23	preamble	1	recalling
A/RES/71/28	2016-12-05	preamble	1	recalling
A/RES/73/27	2018-12-05	preamble	1	recalling
A/RES/73/266	2018-12-22	preamble	1	recalling
A/RES/74/28	2019-12-12	preamble	1	recalling
A/RES/74/29	2019-12-12	preamble	1	recalling
A/RES/75/32	2020-12-07	preamble	1	recalling
A/RES/75/240	2020-12-31	preamble	1	recalling
A/RES/76/19	2021-12-06	preamble	1	recalling
A/65/201	-	footnote	1	see
A/68/98	-	footnote	1	see
A/70/174	-	footnote	1	see
A/75/816	-	footnote	1	see
A/76/135	-	footnote	1	see
A/77/275	-	footnote	2	see
A/RES/76/19	-	operative	1	welcomes
A/RES/76/19	-	operative	3	requests
";

const SERIES: [&str; 26] = [
    "53/70", "54/49", "55/28", "56/19", "57/53", "58/32", "59/61", "60/45", "61/54", "62/17",
    "63/37", "64/25", "65/41", "66/24", "67/27", "68/243", "69/28", "70/237", "71/28", "73/27",
    "73/266", "74/28", "74/29", "75/32", "75/240", "76/19",
];

const DEVELOPMENTS: &str = "Developments in the field of information and telecommunications in the context of international security";
const ADVANCING: &str =
    "Advancing responsible State behaviour in cyberspace in the context of international security";

fn s(text: &str) -> Symbol {
    Symbol::parse_loose(text).unwrap()
}

fn seed_document() -> Document {
    let citations = CITATIONS
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let target: Symbol = f[0].parse().unwrap();
            let section = match f[2] {
                "preamble" => Section::Preamble,
                "footnote" => Section::Footnote,
                "operative" => Section::Operative,
                other => panic!("section {other}"),
            };
            Citation {
                text: target.short(),
                target,
                cited_date: f[1].parse::<Date>().ok(),
                relation: f[4].into(),
                section,
                paragraph: Some(f[3].parse().unwrap()),
                start: 0,
                end: 0,
                start_char: 0,
                end_char: 0,
                anchor_section: (section == Section::Footnote).then_some(Section::Preamble),
                anchor_paragraph: (section == Section::Footnote).then_some(10),
                cited_title: None,
            }
        })
        .collect();
    Document {
        source: "tests/golden/seed/A_C.1_77_L.73.txt".into(),
        symbol: Some(s("A/C.1/77/L.73")),
        organ: Some("General Assembly".into()),
        session: Some(77),
        date: Date::new(2022, 10, 13),
        title: Some("Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security".into()),
        citations,
        diagnostics: Vec::new(),
    }
}

fn seed_graph() -> CitationGraph {
    let mut g = CitationGraph::new();
    let outcome = g.add_document(&seed_document());
    assert_eq!(
        outcome,
        AddOutcome::Added {
            symbol: s("A/C.1/77/L.73"),
            citations: 35,
            cited: 33,
            self_citations: 0,
            replaced: false
        }
    );
    g
}

fn shorts(v: &[Symbol]) -> Vec<String> {
    v.iter().map(Symbol::short).collect()
}

#[test]
fn ancestors_of_the_seed_are_its_33_documents() {
    let g = seed_graph();
    assert_eq!(
        (g.node_count(), g.edge_count(), g.occurrence_count()),
        (34, 33, 35)
    );
    let up = g.ancestors(&s("A/C.1/77/L.73"), &QueryOptions::new());
    assert_eq!(up.len(), 33);
    assert!(up.iter().all(|(_, d)| *d == 1));
    // Chronological: 43/78 H (1988) first, the 2022 report last.
    assert_eq!(up[0].0, s("43/78 H"));
    assert_eq!(up[32].0, s("A/77/275"));
    let info = g.node(&s("A/C.1/77/L.73")).unwrap();
    assert!(info.read);
    assert_eq!(info.date, Date::new(2022, 10, 13));
    assert!(!g.node(&s("76/19")).unwrap().read);
    let stats = g.stats();
    assert_eq!((stats.read, stats.cited_only), (1, 33));
    assert_eq!(
        stats.by_kind,
        [
            ("ga-resolution".to_string(), 27),
            ("document".to_string(), 7)
        ]
    );
    assert_eq!(stats.by_relation[0], ("recalling".to_string(), 27));
}

#[test]
fn descendants_of_53_70_include_the_seed() {
    let g = seed_graph();
    let down = g.descendants(&s("53/70"), &QueryOptions::new());
    assert_eq!(down, [(s("A/C.1/77/L.73"), 1)]);
    assert!(g
        .descendants(&s("A/C.1/77/L.73"), &QueryOptions::new())
        .is_empty());
}

#[test]
fn every_occurrence_of_76_19_is_kept() {
    let g = seed_graph();
    let occ = g.occurrences(&s("A/C.1/77/L.73"), &s("76/19"));
    let places: Vec<(Section, Option<u32>, &str)> = occ
        .iter()
        .map(|o| (o.section, o.paragraph, o.relation.as_str()))
        .collect();
    assert_eq!(
        places,
        [
            (Section::Preamble, Some(1), "recalling"),
            (Section::Operative, Some(1), "welcomes"),
            (Section::Operative, Some(3), "requests"),
        ]
    );
    assert_eq!(occ[0].cited_date, Date::new(2021, 12, 6));
    assert_eq!(g.most_cited(1, None), [(s("43/78 H"), 1)]);
}

#[test]
fn filters_select_sections_and_relations() {
    let g = seed_graph();
    let seed = s("A/C.1/77/L.73");
    let footnotes =
        QueryOptions::new().filter(Filter::default().with_sections([Section::Footnote]));
    assert_eq!(g.ancestors(&seed, &footnotes).len(), 6);
    let operative =
        QueryOptions::new().filter(Filter::default().with_sections([Section::Operative]));
    assert_eq!(g.ancestors(&seed, &operative), [(s("76/19"), 1)]);
    let welcomes = QueryOptions::new().filter(Filter::default().with_relations(["Welcomes"]));
    assert_eq!(g.ancestors(&seed, &welcomes), [(s("76/19"), 1)]);
    assert_eq!(g.ancestors(&seed, &QueryOptions::new().limit(2)).len(), 2);
}

#[test]
fn reading_the_seed_twice_adds_nothing() {
    let mut g = seed_graph();
    let again = g.add_document(&seed_document());
    assert!(matches!(
        again,
        AddOutcome::Added {
            replaced: true,
            cited: 33,
            ..
        }
    ));
    assert_eq!(
        (g.node_count(), g.edge_count(), g.occurrence_count()),
        (34, 33, 35)
    );
    assert_eq!(g, seed_graph());
}

#[test]
fn the_series_is_53_70_to_76_19() {
    let g = seed_graph();
    let expected: Vec<String> = SERIES.iter().map(|x| s(x).short()).collect();
    assert_eq!(shorts(&g.series_lineage(&s("A/C.1/77/L.73"))), expected);
    // Seen from any member, the same series.
    for member in ["53/70", "60/45", "71/28", "73/27", "76/19"] {
        assert_eq!(
            shorts(&g.series_lineage(&s(member))),
            expected,
            "from {member}"
        );
    }
    // 43/78 H is a one-off citation: ten sessions before 53/70.
    assert_eq!(g.series_lineage(&s("43/78 H")), [s("43/78 H")]);
    // Reports are no members.
    assert!(g.series_lineage(&s("A/65/201")).is_empty());
}

#[test]
fn with_titles_the_series_holds_both_strands_bridged_by_76_19() {
    let mut g = seed_graph();
    let set_title = |g: &mut CitationGraph, sym: &str, title: &str| {
        let mut info = NodeInfo::cited(s(sym));
        info.title = Some(title.into());
        g.add_node_info(info);
    };
    for member in SERIES {
        let title = if ["73/266", "74/28", "75/32"].contains(&member) {
            ADVANCING
        } else {
            DEVELOPMENTS
        };
        set_title(&mut g, member, title);
    }
    set_title(&mut g, "76/19", "Developments in the field of information and telecommunications in the context of international security, and advancing responsible State behaviour in the use of information and communications technologies");
    set_title(
        &mut g,
        "43/78 H",
        "Scientific and technological developments and their impact on international security",
    );
    assert_eq!(g.series_lineage(&s("A/C.1/77/L.73")).len(), 26);
    // Without the bridge, seen from the Developments strand, the
    // Advancing strand is a different item.
    set_title(&mut g, "76/19", DEVELOPMENTS);
    let from_dev = g.series_lineage(&s("74/29"));
    assert_eq!(from_dev.len(), 23);
    assert!(!from_dev.contains(&s("73/266")));
    let from_adv = g.series_lineage(&s("74/28"));
    assert_eq!(shorts(&from_adv), ["73/266", "74/28", "75/32"]);
}

#[test]
fn adoption_links_are_apart_from_citations() {
    let mut g = seed_graph();
    g.add_adopted_as(&s("A/C.1/77/L.73"), &s("77/37"));
    assert_eq!(g.edge_count(), 33);
    assert_eq!(g.adopted_as(&s("A/C.1/77/L.73")), Some(&s("77/37")));
    assert_eq!(g.adopted_from(&s("77/37")), [&s("A/C.1/77/L.73")]);
    assert!(g.ancestors(&s("77/37"), &QueryOptions::new()).is_empty());
    let through = QueryOptions::new().follow_adoption(true);
    let up = g.ancestors(&s("77/37"), &through);
    assert_eq!(up.len(), 34);
    assert_eq!(up[0], (s("A/C.1/77/L.73"), 1));
    assert!(g
        .descendants(&s("53/70"), &through)
        .contains(&(s("77/37"), 2)));
    // The adopted resolution carries the series on.
    let series = g.series_lineage(&s("A/C.1/77/L.73"));
    assert_eq!(series.len(), 27);
    assert_eq!(series.last(), Some(&s("77/37")));
}

#[test]
fn resolve_accepts_what_users_type() {
    let g = seed_graph();
    for typed in ["76/19", "A/RES/76/19", "a/res/76/19", " resolution 76/19 "] {
        assert_eq!(g.resolve(typed).unwrap(), s("76/19"), "{typed}");
    }
    let err = g.resolve("76/18").unwrap_err();
    assert_eq!(err.suggestions.first(), Some(&s("76/19")));
    assert!(err.suggestions.len() <= 5);
    let err = g.resolve("A/C.1/77/L.37").unwrap_err();
    assert_eq!(err.suggestions.first(), Some(&s("A/C.1/77/L.73")));
}

#[test]
fn paths_and_subgraphs_on_the_seed() {
    let g = seed_graph();
    let seed = s("A/C.1/77/L.73");
    assert_eq!(
        g.shortest_path(&seed, &s("53/70"), &QueryOptions::new()),
        Some(vec![seed.clone(), s("53/70")])
    );
    assert_eq!(
        g.path_between(&s("53/70"), &seed, &QueryOptions::new()),
        Some(vec![seed.clone(), s("53/70")])
    );
    assert!(g
        .shortest_path(&s("53/70"), &s("54/49"), &QueryOptions::new())
        .is_none());
    let common = g.common_ancestors(std::slice::from_ref(&seed), &QueryOptions::new());
    assert_eq!(common.len(), 33);
    let series = g.series_lineage(&seed);
    let mut nodes = series.clone();
    nodes.push(seed.clone());
    let sub = g.subgraph(&nodes);
    assert_eq!(
        (sub.node_count(), sub.edge_count(), sub.occurrence_count()),
        (27, 26, 28)
    );
    assert_eq!(sub.pagerank(0.85, 100).len(), 27);
}
