//! Synthetic lineages shared by the tests, the bench and the picture
//! example (included with `#[path]`).
#![allow(dead_code)]

use resgraph_render::{EdgeStyleClass, Lineage, LineageEdge, LineageNode};

/// A small deterministic pseudo-random generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOPICS: [&str; 8] = [
    "Transforming our world: the 2030 Agenda for Sustainable Development",
    "Cooperation between the United Nations and the African Union",
    "Human rights and extreme poverty",
    "Threats to international peace and security caused by terrorist acts",
    "Oceans and the law of the sea",
    "Rights of the child",
    "Women and peace and security",
    "Implementation of the Declaration on the Granting of Independence",
];

const RELATIONS: [EdgeStyleClass; 8] = [
    EdgeStyleClass::Recalling,
    EdgeStyleClass::Recalling,
    EdgeStyleClass::Reaffirming,
    EdgeStyleClass::Welcoming,
    EdgeStyleClass::Welcoming,
    EdgeStyleClass::Footnote,
    EdgeStyleClass::Recalling,
    EdgeStyleClass::Other,
];

/// A lineage of `n` documents from `first_year` to `last_year`: each cites
/// one to three older documents, about one in eight is only cited (not
/// read), a few drafts are linked to the resolutions they became, and the
/// newest document is the focus.
pub fn synthetic(n: usize, first_year: u16, last_year: u16, seed: u64) -> Lineage {
    let mut rng = Rng::new(seed);
    let span = usize::from(last_year - first_year);
    let mut years: Vec<u16> = (0..n)
        .map(|i| {
            if i == 0 {
                first_year
            } else if i == n - 1 {
                last_year
            } else {
                first_year + rng.below(span + 1) as u16
            }
        })
        .collect();
    years.sort_unstable();
    let mut nodes = Vec::with_capacity(n);
    let mut per_session = std::collections::HashMap::<u16, u32>::new();
    for (i, &year) in years.iter().enumerate() {
        let kind = rng.below(10);
        let (id, label, organ) = if kind < 6 {
            let session = year - 1945;
            let c = per_session.entry(year).or_insert(0);
            *c += 1;
            let num = 100 + *c * 7 + (i as u32 % 5);
            (
                format!("A/RES/{session}/{num}"),
                format!("{session}/{num}"),
                "General Assembly",
            )
        } else if kind < 8 {
            let num = 600 + (i as u32) * 5;
            (
                format!("S/RES/{num} ({year})"),
                format!("S {num}"),
                "Security Council",
            )
        } else {
            let session = (year.saturating_sub(2005)).max(1);
            (
                format!("A/HRC/RES/{session}/{}", i + 1),
                format!("HRC {session}/{}", i + 1),
                "Human Rights Council",
            )
        };
        let mut node = LineageNode::new(id.clone(), label)
            .year(year)
            .title(TOPICS[rng.below(TOPICS.len())])
            .organ(organ)
            .read(i == n - 1 || rng.below(8) != 0)
            .url(format!("https://undocs.org/{id}"));
        if rng.below(15) == 0 && i > 0 {
            node.year = None;
        }
        nodes.push(node);
    }
    let mut edges = Vec::new();
    for i in 1..n {
        let cites = 1 + rng.below(3);
        let mut seen = Vec::new();
        for _ in 0..cites {
            let j = rng.below(i);
            if seen.contains(&j) {
                continue;
            }
            seen.push(j);
            let rel = RELATIONS[rng.below(RELATIONS.len())];
            let count = if rng.below(6) == 0 {
                2 + rng.below(4) as u32
            } else {
                1
            };
            edges
                .push(LineageEdge::new(nodes[i].id.clone(), nodes[j].id.clone(), rel).count(count));
        }
    }
    // A few drafts adopted as resolutions.
    let drafts = (n / 12).max(1).min(n);
    for k in 0..drafts {
        let target = rng.below(n);
        let Some(year) = nodes[target].year else {
            continue;
        };
        let session = year.saturating_sub(1945);
        let id = format!("A/{session}/L.{}", 10 + k);
        let draft = LineageNode::new(id.clone(), format!("{session}/L.{}", 10 + k))
            .year(year)
            .title(format!("Draft resolution {}", k + 1))
            .organ("General Assembly")
            .read(true)
            .url(format!("https://undocs.org/{id}"));
        edges.push(LineageEdge::adopted(id, nodes[target].id.clone()));
        nodes.push(draft);
    }
    let focus = Some(nodes[n - 1].id.clone());
    Lineage {
        nodes,
        edges,
        focus,
    }
}

/// Titles that try to break out of DOT strings or SVG markup.
pub const HOSTILE: [&str; 8] = [
    "\"quoted\"",
    "a\\b",
    "<b>&amp;",
    "line\nbreak",
    "</svg><script>alert(1)</script>",
    "ends with backslash\\",
    "\\N \\G \\L \\n",
    "]]><!-- --> <![CDATA[ x ]]> ' \" \r\n\t\u{0}\u{1b}",
];

/// A lineage whose titles, labels, organs, urls and even ids are hostile.
pub fn hostile() -> Lineage {
    let mut nodes: Vec<LineageNode> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, t)| {
            LineageNode::new(
                format!("A/RES/{}/{}", 70 + i, i + 1),
                format!("{}/{}", 70 + i, i + 1),
            )
            .year(2015 + i as u16)
            .title(*t)
            .organ(*t)
            .read(i % 2 == 0)
            .url(format!("https://undocs.org/x?q={}", t))
        })
        .collect();
    nodes.push(
        LineageNode::new("S/RES/\"1\"\\<script>", "</svg><script>alert(2)</script>")
            .year(2010)
            .title("id is hostile too")
            .url("javascript:alert(3)"),
    );
    nodes.push(
        LineageNode::new("weird -- id --> <!-- & \"", "x\"]; evil [label=\"y")
            .year(2012)
            .title("a\\\"; b -> c [label=\\\"d"),
    );
    // Graphviz copies `&name;` in node names to its SVG as an entity.
    nodes.push(
        LineageNode::new("X&;#0 &nbsp; &#0; &bogus", "&nbsp;")
            .year(2013)
            .title("&#0; &nbsp;"),
    );
    let mut edges = Vec::new();
    for i in 1..nodes.len() {
        edges.push(LineageEdge::new(
            nodes[i].id.clone(),
            nodes[i - 1].id.clone(),
            EdgeStyleClass::ALL[i % 5],
        ));
    }
    let focus = Some(nodes[0].id.clone());
    Lineage {
        nodes,
        edges,
        focus,
    }
}
