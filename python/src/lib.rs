//! `resgraph._resgraph`: the Python face of resgraph.
//!
//! Every value handed to Python is the JSON contract (`docs/schema/`):
//! rows go through the same `Serialize` impls as the command line's JSON
//! (`resgraph::rows`), turned into dicts and lists by pythonize rather
//! than printed and parsed again; extracted documents, half a million
//! Python objects for a few thousand texts, are built field by field by
//! `convert.rs`, for speed. Either way a dict here and a line of `resgraph
//! extract --format jsonl` cannot differ (the tests compare them). The
//! GIL is released while texts are extracted, while a graph is built,
//! loaded or saved, and while a query walks the graph and reads its
//! quotes.

#![forbid(unsafe_code)]

use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use resgraph::extract::{extract as extract_text, extract_bytes, Hint};
use resgraph::graph::evidence::Toward;
use resgraph::graph::{CitationGraph, Filter, Symbol};
use resgraph::pipeline::{self, NoProgress, Quotes};
use resgraph::registry::Registry;
use resgraph::rows::{self, Ranking};

mod convert;

// As the command line's (see python/Cargo.toml): extraction allocates
// much, and from Python it should cost what it costs there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _resgraph,
    ResgraphError,
    PyException,
    "A resgraph operation failed: a graph file that cannot be read or written, texts that cannot be read. The message is resgraph's, naming the file."
);
create_exception!(
    _resgraph,
    UnknownSymbolError,
    ResgraphError,
    "A symbol that is not in the graph; the message suggests the nearest ones."
);

/// The Python value of what the JSON contract writes as `value`.
fn to_python<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<PyObject> {
    pythonize::pythonize(py, value)
        .map(|object| object.unbind())
        .map_err(|e| ResgraphError::new_err(format!("cannot convert to Python: {e}")))
}

/// extract(text, source=None)
/// --
///
/// The citations of a text, as a dict in the JSON contract
/// (`docs/schema/document.schema.json`): `schema_version`, `source`,
/// `symbol`, `organ`, `session`, `date`, `title`, `citations` and
/// `diagnostics`. Each citation has byte offsets (`start`, `end`, into
/// the UTF-8 text) and character offsets (`start_char`, `end_char`), so
/// `text[c["start_char"]:c["end_char"]]` is the mention.
///
/// `text` is a `str`, or `bytes` as read from a file (`open(f,
/// "rb").read()`), decoded as `resgraph extract` decodes files: UTF-8,
/// UTF-16 by its byte order mark, other encodings guessed, with a
/// diagnostic; offsets then refer to the decoded text. `source` names
/// where the text came from (a path); a file name that spells a symbol
/// (`A_RES_76_19.txt`) gives the document's symbol when the text states
/// none. Extraction never fails: what could not be read is in
/// `diagnostics`.
#[pyfunction]
#[pyo3(signature = (text, source=None))]
fn extract(py: Python<'_>, text: &Bound<'_, PyAny>, source: Option<&str>) -> PyResult<PyObject> {
    let hint = source.map(Hint::from_path).unwrap_or_default();
    let document = if let Ok(bytes) = text.downcast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.allow_threads(|| extract_bytes(bytes, &hint))
    } else if let Ok(string) = text.downcast::<PyString>() {
        let text = string.to_str()?;
        py.allow_threads(|| extract_text(text, &hint))
    } else {
        return Err(PyTypeError::new_err(format!(
            "extract() wants str or bytes, not {}",
            text.get_type().name()?
        )));
    };
    Ok(convert::document(py, &document)?.unbind())
}

/// Relation or section filters as Python gives them: one word or a list.
#[derive(FromPyObject)]
enum Words {
    One(String),
    Many(Vec<String>),
}

impl Words {
    fn into_vec(words: Option<Words>) -> Vec<String> {
        match words {
            None => Vec::new(),
            Some(Words::One(word)) => vec![word],
            Some(Words::Many(words)) => words,
        }
    }
}

/// A citation graph: documents are nodes, citations links from the
/// citing document to the cited one.
///
/// Made by `Graph.build(paths)` from texts or `Graph.load(path)` from a
/// file written by `save` or by `resgraph build`. Queries return lists
/// of dicts, the rows `resgraph ... --format json` prints.
#[pyclass(module = "resgraph", frozen)]
struct Graph {
    graph: CitationGraph,
}

impl Graph {
    fn symbol(&self, typed: &str) -> PyResult<Symbol> {
        self.graph
            .resolve(typed)
            .map_err(|e| UnknownSymbolError::new_err(e.to_string()))
    }

    fn options(
        &self,
        depth: Option<u32>,
        relation: Option<Words>,
        section: Option<Words>,
    ) -> PyResult<resgraph::graph::QueryOptions> {
        rows::query_options(
            &self.graph,
            depth,
            &Words::into_vec(relation),
            &Words::into_vec(section),
        )
        .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The rows of a walk from `symbol`, each with its evidence: quotes
    /// read from the citing texts without the GIL, as the walk itself.
    fn lineage(
        &self,
        py: Python<'_>,
        toward: Toward,
        symbol: &str,
        depth: Option<u32>,
        relation: Option<Words>,
        section: Option<Words>,
    ) -> PyResult<PyObject> {
        let focus = self.symbol(symbol)?;
        let opts = self.options(depth, relation, section)?;
        let rows = py.allow_threads(|| {
            rows::walk_rows(&self.graph, &focus, toward, &opts, Some(&mut Quotes::new()))
        });
        to_python(py, &rows)
    }
}

#[pymethods]
impl Graph {
    /// Graph.build(paths, strict=True)
    /// --
    ///
    /// Reads the texts under `paths` (files, or directories of .txt, .md,
    /// .html, .pdf and Akoma Ntoso .xml files) on every core and builds their graph, as
    /// `resgraph build` does (adoption links included, dates and titles
    /// of cited-only documents filled from the bundled registry). A file
    /// that cannot be read raises `ResgraphError` naming every such file
    /// unless `strict` is false, when it is left out.
    #[staticmethod]
    #[pyo3(signature = (paths, strict=true))]
    fn build(py: Python<'_>, paths: Vec<PathBuf>, strict: bool) -> PyResult<Graph> {
        let built = py
            .allow_threads(|| pipeline::build_graph(&paths, &NoProgress, Registry::bundled_ref()));
        if strict && !built.errors.is_empty() {
            let messages: Vec<String> = built.errors.iter().map(|e| e.to_string()).collect();
            return Err(ResgraphError::new_err(messages.join("\n")));
        }
        Ok(Graph { graph: built.graph })
    }

    /// Graph.load(path)
    /// --
    ///
    /// Loads a graph file written by `save` or `resgraph build`.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Graph> {
        let graph = py
            .allow_threads(|| CitationGraph::load(&path))
            .map_err(|e| ResgraphError::new_err(e.to_string()))?;
        Ok(Graph { graph })
    }

    /// save(path)
    /// --
    ///
    /// Saves the graph to one file, atomically (a temporary file beside
    /// it, renamed over it), readable by `Graph.load` and `resgraph
    /// --graph`.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.allow_threads(|| self.graph.save(&path))
            .map_err(|e| ResgraphError::new_err(e.to_string()))
    }

    /// ancestors(symbol, depth=None, relation=None, section=None)
    /// --
    ///
    /// Everything `symbol` builds on (`76/19`, `A/RES/76/19` and
    /// `a/res/76/19` are the same), nearest first: rows with
    /// `schema_version`, `symbol`, `label`, `distance`, `kind`, `date`,
    /// `title`, `read` and `evidence`, the citations that put the row
    /// there: a list of dicts with `citing`, `cited`, `source`, `section`,
    /// `paragraph`, `relation`, `quote` (the clause that cites, read back
    /// from the citing text; None when it cannot be, `unknown` saying why)
    /// and `start`/`end` (the mention's bytes in that text). `relation` (a word or a list) keeps citations of a class
    /// (`recalling`, `reaffirming`, `welcoming`, `decides`, `see`, `draft`,
    /// `report`, `title`) or a verb as written; `section` those in a
    /// section (`preamble`, `operative`, ...). An unknown symbol raises
    /// `UnknownSymbolError`, an unknown relation or section `ValueError`,
    /// each with the nearest words.
    #[pyo3(signature = (symbol, depth=None, relation=None, section=None))]
    fn ancestors(
        &self,
        py: Python<'_>,
        symbol: &str,
        depth: Option<u32>,
        relation: Option<Words>,
        section: Option<Words>,
    ) -> PyResult<PyObject> {
        self.lineage(py, Toward::Ancestors, symbol, depth, relation, section)
    }

    /// descendants(symbol, depth=None, relation=None, section=None)
    /// --
    ///
    /// Everything that builds on `symbol`, nearest first; rows and
    /// arguments as `ancestors`.
    #[pyo3(signature = (symbol, depth=None, relation=None, section=None))]
    fn descendants(
        &self,
        py: Python<'_>,
        symbol: &str,
        depth: Option<u32>,
        relation: Option<Words>,
        section: Option<Words>,
    ) -> PyResult<PyObject> {
        self.lineage(py, Toward::Descendants, symbol, depth, relation, section)
    }

    /// path(a, b, depth=None, relation=None, section=None)
    /// --
    ///
    /// The shortest chain of citations from `a` to `b`: rows as
    /// `ancestors`, `distance` being the place in the chain (`a` at 0),
    /// `evidence` the citation that leads to each from the one before
    /// (empty for `a`); an empty list when no chain leads from one to the
    /// other.
    #[pyo3(signature = (a, b, depth=None, relation=None, section=None))]
    fn path(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        depth: Option<u32>,
        relation: Option<Words>,
        section: Option<Words>,
    ) -> PyResult<PyObject> {
        let (from, to) = (self.symbol(a)?, self.symbol(b)?);
        let opts = self.options(depth, relation, section)?;
        let rows = py.allow_threads(|| {
            let chain = self
                .graph
                .shortest_path(&from, &to, &opts)
                .unwrap_or_default();
            rows::path_rows(&self.graph, &chain, &opts.filter, Some(&mut Quotes::new()))
        });
        to_python(py, &rows)
    }

    /// top(n=20, by="cited")
    /// --
    ///
    /// The `n` most cited documents (`by="cited"`: by the number of
    /// documents citing them; `by="pagerank"`), best first: rows with
    /// `schema_version`, `symbol`, `score`, `date`, `title`.
    #[pyo3(signature = (n=20, by="cited"))]
    fn top(&self, py: Python<'_>, n: usize, by: &str) -> PyResult<PyObject> {
        let ranking: Ranking = by
            .parse()
            .map_err(|e: rows::UnknownRanking| PyValueError::new_err(e.to_string()))?;
        // As `resgraph top` without filters: heading citations left out.
        let ranked = rows::top(&self.graph, ranking, n, Filter::default(), false);
        to_python(py, &rows::ranked_rows(&self.graph, &ranked))
    }

    /// check(all=False)
    /// --
    ///
    /// The citations of the documents read, compared with the registry
    /// of adoption dates, as `resgraph check --graph` does: wrong cited
    /// dates, anachronisms, impossible symbols, self-citations. Errors
    /// only, or with `all=True` warnings and notes too: rows with
    /// `schema_version`, `level`, `kind`, `source`, `document`, `target`,
    /// `offset`, `section`, `paragraph`, `message`.
    #[pyo3(signature = (all=false))]
    fn check(&self, py: Python<'_>, all: bool) -> PyResult<PyObject> {
        let docs = pipeline::documents_of(&self.graph);
        let findings = pipeline::check_documents(&docs, Registry::bundled_ref());
        let shown = findings
            .iter()
            .filter(|f| all || f.level == resgraph::registry::check::Level::Error);
        to_python(py, &rows::check_rows(shown, Registry::bundled_ref()))
    }

    /// node_link()
    /// --
    ///
    /// The graph as node-link data (`resgraph export --format json`):
    /// a dict with `schema_version`, `directed`, `multigraph`, `graph`,
    /// `nodes` and `edges`, which `networkx.node_link_graph` reads.
    fn node_link(&self, py: Python<'_>) -> PyResult<PyObject> {
        let mut bytes = Vec::new();
        self.graph
            .write_json_node_link(&mut bytes)
            .map_err(|e| ResgraphError::new_err(e.to_string()))?;
        let data: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| ResgraphError::new_err(format!("node-link JSON: {e}")))?;
        to_python(py, &data)
    }

    /// to_networkx()
    /// --
    ///
    /// The graph as a `networkx.DiGraph` (networkx is imported only
    /// now): node ids are canonical symbols, with the attributes of
    /// `node_link()`'s nodes; edges carry `weight`, `relations`,
    /// `sections` and `occurrences`.
    fn to_networkx(&self, py: Python<'_>) -> PyResult<PyObject> {
        let data = self.node_link(py)?;
        let networkx = py.import("networkx")?;
        Ok(networkx
            .getattr("node_link_graph")?
            .call1((data,))?
            .unbind())
    }

    /// The number of documents.
    fn __len__(&self) -> usize {
        self.graph.node_count()
    }

    fn __repr__(&self) -> String {
        format!(
            "<resgraph.Graph: {} documents, {} links>",
            self.graph.node_count(),
            self.graph.edge_count()
        )
    }
}

/// The Rust module behind the `resgraph` package.
#[pymodule]
fn _resgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_class::<Graph>()?;
    m.add("ResgraphError", m.py().get_type::<ResgraphError>())?;
    m.add(
        "UnknownSymbolError",
        m.py().get_type::<UnknownSymbolError>(),
    )?;
    m.add("SCHEMA_VERSION", resgraph::rows::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
