//! Deterministic synthetic citation graphs, for benchmarks, scale tests
//! and demonstrations.
//!
//! Document `i` (from 0) is a General Assembly resolution; documents are
//! spread evenly over 100 sessions, so index order is chronological
//! order. Each document cites about `citations_per_document` earlier
//! ones (between half and one and a half times as many): four in five
//! among the 2 sessions' worth of documents before it (at least 200), the rest anywhere
//! before it with a probability falling as one over the distance (a long
//! tail to old resolutions).
//!
//! Evidence is synthetic too, of realistic size: every document has a
//! source path (`corpus/A_RES_12_345.txt`) and every occurrence a mention
//! span somewhere in a text of about 30 KB (5 to 16 bytes long), drawn
//! from a generator of their own so that the citations are the same as
//! without them.

use resgraph_core::{Date, Section};
use resgraph_extract::{Citation, Document};
use resgraph_symbol::{GaSession, GaStyle, Symbol};

use crate::graph::CitationGraph;
use crate::model::{NodeInfo, Occurrence, Span};

/// The project's one seeded generator, re-exported here where graph
/// users have always found it.
///
/// ```
/// use resgraph_graph::synthetic::SplitMix64;
/// let mut a = SplitMix64::new(7);
/// let mut b = SplitMix64::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// assert!(a.below(10) < 10);
/// ```
pub use resgraph_core::rng::SplitMix64;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The number of documents (at most about 10^7).
    pub documents: usize,
    /// The mean number of citations per document.
    pub citations_per_document: usize,
    /// The generator's seed.
    pub seed: u64,
}

impl Spec {
    /// `documents` documents citing about 10 others each, seed 1.
    pub fn new(documents: usize) -> Spec {
        Spec {
            documents,
            citations_per_document: 10,
            seed: 1,
        }
    }

    fn per_session(&self) -> usize {
        self.documents
            .div_ceil(100)
            .clamp(1, resgraph_symbol::MAX_NUMBER as usize)
    }

    /// The symbol of document `i`: `A/RES/{session}/{number}`.
    ///
    /// ```
    /// use resgraph_graph::synthetic::Spec;
    /// let spec = Spec::new(10_000);
    /// assert_eq!(spec.symbol(0).to_string(), "A/RES/1/1");
    /// assert_eq!(spec.symbol(9_999).to_string(), "A/RES/100/100");
    /// ```
    pub fn symbol(&self, i: usize) -> Symbol {
        let per = self.per_session();
        Symbol::GaResolution {
            session: GaSession::Regular(u16::try_from(1 + i / per).unwrap_or(u16::MAX)),
            number: u32::try_from(1 + i % per).unwrap_or(u32::MAX),
            part: None,
            style: GaStyle::Modern,
        }
    }

    fn date(&self, i: usize) -> Option<Date> {
        let per = self.per_session();
        let year = 1945 + 1 + i / per;
        let day = 1 + (i % per) * 30 / per;
        Date::new(u16::try_from(year).ok()?, 12, u8::try_from(day).ok()?)
    }

    /// The source path of document `i`, as a build would record it.
    ///
    /// ```
    /// use resgraph_graph::synthetic::Spec;
    /// assert_eq!(Spec::new(10_000).source(0), "corpus/A_RES_1_1.txt");
    /// ```
    pub fn source(&self, i: usize) -> String {
        format!(
            "corpus/{}.txt",
            self.symbol(i).to_string().replace('/', "_")
        )
    }

    /// The generator of the mentions' spans, apart from the citations'.
    fn span_rng(&self) -> SplitMix64 {
        SplitMix64::new(self.seed ^ 0x5eed_5a4e)
    }

    /// A mention's place in a text of about 30 KB.
    fn span(spans: &mut SplitMix64) -> Option<Span> {
        let start = spans.below(30_000) as usize;
        Span::new(start, start + 5 + spans.below(12) as usize)
    }

    /// The citations of document `i`: (cited document, occurrence).
    fn citations(
        &self,
        i: usize,
        rng: &mut SplitMix64,
        spans: &mut SplitMix64,
    ) -> Vec<(usize, Occurrence)> {
        if i == 0 {
            return Vec::new();
        }
        let k = self.citations_per_document as u64;
        let count = k / 2 + rng.below(k + 1);
        let window = (2 * self.per_session()).max(200) as u64;
        let mut out = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let i64 = i as u64;
            let distance = if rng.below(5) < 4 {
                1 + rng.below(window.min(i64))
            } else {
                // Log-uniform over 1..=i: P(d) ~ 1/d.
                let d = (rng.unit() * (i64 as f64).ln()).exp() as u64;
                d.clamp(1, i64)
            };
            let target = i - distance as usize;
            let (relation, section, paragraph) = match rng.below(10) {
                0..=3 => ("recalling", Section::Preamble, 1 + rng.below(3)),
                4 => ("reaffirming", Section::Preamble, 1 + rng.below(5)),
                5 => ("noting", Section::Preamble, 2 + rng.below(10)),
                6 => ("welcomes", Section::Operative, 1 + rng.below(20)),
                7 => ("requests", Section::Operative, 1 + rng.below(20)),
                8 => ("decides", Section::Operative, 1 + rng.below(20)),
                _ => ("see", Section::Footnote, 1 + rng.below(9)),
            };
            let cited_date = if rng.below(3) == 0 {
                self.date(target)
            } else {
                None
            };
            out.push((
                target,
                Occurrence::new(relation, section, u32::try_from(paragraph).ok(), cited_date)
                    .with_span(Spec::span(spans)),
            ));
        }
        out
    }

    /// Builds the graph through the public building calls
    /// ([`CitationGraph::add_node_info`], [`CitationGraph::add_link`]).
    ///
    /// ```
    /// use resgraph_graph::synthetic::Spec;
    /// let g = Spec::new(1_000).build();
    /// assert_eq!(g.node_count(), 1_000);
    /// assert!(g.edge_count() > 8_000 && g.edge_count() < 11_000);
    /// ```
    pub fn build(&self) -> CitationGraph {
        let mut g = CitationGraph::with_capacity(
            self.documents,
            self.documents * self.citations_per_document,
        );
        let mut rng = SplitMix64::new(self.seed);
        let mut spans = self.span_rng();
        for i in 0..self.documents {
            let symbol = self.symbol(i);
            g.add_node_info(NodeInfo {
                symbol: symbol.clone(),
                title: None,
                date: self.date(i),
                organ: None,
                read: true,
                source: Some(self.source(i)),
            });
            for (target, occ) in self.citations(i, &mut rng, &mut spans) {
                g.add_link(&symbol, &self.symbol(target), &occ);
            }
        }
        g
    }

    /// The same documents as extracted [`Document`]s (lazily), for
    /// measuring [`CitationGraph::add_document`].
    pub fn documents(&self) -> impl Iterator<Item = Document> + '_ {
        let mut rng = SplitMix64::new(self.seed);
        let mut spans = self.span_rng();
        (0..self.documents).map(move |i| {
            let citations = self
                .citations(i, &mut rng, &mut spans)
                .into_iter()
                .map(|(t, occ)| {
                    let target = self.symbol(t);
                    let span = occ.span.map_or(0..0, Span::range);
                    Citation {
                        text: target.short(),
                        target,
                        cited_date: occ.cited_date,
                        relation: occ.relation,
                        section: occ.section,
                        paragraph: occ.paragraph,
                        start: span.start,
                        end: span.end,
                        // A synthetic text is ASCII: characters are bytes.
                        start_char: span.start,
                        end_char: span.end,
                        anchor_section: None,
                        anchor_paragraph: None,
                        cited_title: None,
                    }
                })
                .collect();
            Document {
                source: self.source(i),
                symbol: Some(self.symbol(i)),
                organ: None,
                session: None,
                date: self.date(i),
                title: None,
                citations,
                diagnostics: Vec::new(),
            }
        })
    }
}
