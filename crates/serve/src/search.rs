//! Finding documents from what a person types: a symbol or label
//! (`76/19`, `A/RES/76/19`, `dec. 77/512`), part of one, or words of a
//! title. Built once when the explorer starts; read-only afterwards.

use std::collections::HashMap;

use resgraph_graph::{title_words, CitationGraph, Symbol};
use serde::Serialize;

use crate::data::{DocumentFacts, SCHEMA_VERSION};

/// The most hits a search answers with.
pub const MAX_HITS: usize = 50;

/// The longest query read, in bytes; a longer one is refused (no symbol
/// or title is that long, and suggestions cost time in its length).
pub const MAX_QUERY_BYTES: usize = 200;

/// How many documents and title words the search box suggests at most.
pub const MAX_SUGGESTIONS: usize = 300;

/// Title words are at least this long (shorter ones are too common to
/// find anything: the rule of [`title_words`]).
const MIN_WORD_LEN: usize = 4;

/// One document of the graph as the search reads it.
struct Entry {
    symbol: Symbol,
    /// Symbol and label, lower-cased: what a typed fragment is matched
    /// against.
    names: String,
    /// Its title's words ([`title_words`]).
    words: Vec<String>,
    /// How many documents cite it.
    cited_by: usize,
}

/// The search over a graph's documents, and the search box's
/// suggestions.
pub struct SearchIndex {
    /// Every document, most cited first, then in chronological order.
    entries: Vec<Entry>,
    suggestions: Vec<String>,
}

/// One document found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The document.
    #[serde(flatten)]
    pub document: DocumentFacts,
    /// How many documents of the graph cite it.
    pub cited_by: usize,
}

/// What a search answers (`/api/search?q=`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The query as read.
    pub query: String,
    /// The document the query names exactly, if any
    /// ([`CitationGraph::resolve`]); a page goes straight to it.
    pub exact: Option<String>,
    /// Documents whose symbol or label holds the query, or whose title
    /// holds every word of it: most cited first, at most [`MAX_HITS`].
    pub hits: Vec<SearchHit>,
    /// Near symbols when nothing was found (the suggestions of
    /// [`resgraph_graph::UnknownSymbol`]).
    pub suggestions: Vec<String>,
}

/// A query that is not searched.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    /// Longer than [`MAX_QUERY_BYTES`].
    #[error("the query is {0} bytes long; at most {MAX_QUERY_BYTES} are read")]
    TooLong(usize),
}

impl SearchIndex {
    /// The index of every document of `graph`.
    pub fn new(graph: &CitationGraph) -> SearchIndex {
        let counts: HashMap<Symbol, usize> = graph
            .most_cited(graph.node_count(), None)
            .into_iter()
            .collect();
        let mut entries: Vec<Entry> = graph
            .nodes()
            .map(|info| Entry {
                names: format!("{} {}", info.symbol, info.symbol.label()).to_lowercase(),
                words: info
                    .title
                    .as_deref()
                    .map(|t| title_words(t, MIN_WORD_LEN))
                    .unwrap_or_default(),
                cited_by: counts.get(&info.symbol).copied().unwrap_or(0),
                symbol: info.symbol.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            b.cited_by
                .cmp(&a.cited_by)
                .then_with(|| a.symbol.cmp(&b.symbol))
        });
        let suggestions = suggestions(&entries);
        SearchIndex {
            entries,
            suggestions,
        }
    }

    /// What the search box offers as one types: the labels of the most
    /// cited documents, then the commonest title words.
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }

    /// The documents `query` finds in `graph` (the graph the index was
    /// built from).
    ///
    /// # Errors
    ///
    /// [`QueryError::TooLong`] above [`MAX_QUERY_BYTES`].
    pub fn search(&self, graph: &CitationGraph, query: &str) -> Result<SearchResults, QueryError> {
        if query.len() > MAX_QUERY_BYTES {
            return Err(QueryError::TooLong(query.len()));
        }
        let typed = query.trim();
        let lower = typed.to_lowercase();
        let words = title_words(typed, 1);
        let resolved = graph.resolve(typed);
        let exact = resolved.as_ref().ok().cloned();
        let mut hits: Vec<SearchHit> = Vec::new();
        if !lower.is_empty() {
            let hit = |e: &Entry| SearchHit {
                document: DocumentFacts::of(graph, &e.symbol),
                cited_by: e.cited_by,
            };
            if let Some(found) = exact.as_ref().and_then(|s| self.entry(s)) {
                hits.push(hit(found));
            }
            for e in &self.entries {
                if hits.len() >= MAX_HITS {
                    break;
                }
                if exact.as_ref() == Some(&e.symbol) {
                    continue;
                }
                let by_name = e.names.contains(&lower);
                let by_title = !words.is_empty()
                    && words
                        .iter()
                        .all(|w| e.words.iter().any(|t| t.starts_with(w.as_str())));
                if by_name || by_title {
                    hits.push(hit(e));
                }
            }
        }
        let suggestions = match (&resolved, hits.is_empty()) {
            (Err(unknown), true) => unknown.suggestions.iter().map(Symbol::to_string).collect(),
            _ => Vec::new(),
        };
        Ok(SearchResults {
            schema_version: SCHEMA_VERSION,
            query: typed.to_string(),
            exact: exact.map(|s| s.to_string()),
            hits,
            suggestions,
        })
    }

    /// The most cited documents, at most `n`.
    pub fn most_cited(&self, graph: &CitationGraph, n: usize) -> Vec<SearchHit> {
        self.entries
            .iter()
            .take_while(|e| e.cited_by > 0)
            .take(n)
            .map(|e| SearchHit {
                document: DocumentFacts::of(graph, &e.symbol),
                cited_by: e.cited_by,
            })
            .collect()
    }

    fn entry(&self, symbol: &Symbol) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.symbol == symbol)
    }
}

/// The labels of the most cited documents and the title words most
/// documents share, at most [`MAX_SUGGESTIONS`] together, so that the
/// page stays small on a graph of millions.
fn suggestions(entries: &[Entry]) -> Vec<String> {
    let mut out: Vec<String> = entries
        .iter()
        .take(MAX_SUGGESTIONS * 2 / 3)
        .map(|e| e.symbol.label())
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entries {
        for w in &e.words {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut words: Vec<(&str, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let room = MAX_SUGGESTIONS - out.len();
    out.extend(words.into_iter().take(room).map(|(w, _)| w.to_string()));
    out
}
