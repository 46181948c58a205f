//! Extracted documents as Python dicts, built field by field.
//!
//! `resgraph.extract` is measured against the command line on the same
//! files (issue 15: within 1.2x; `scripts/python_speed.py`). Extraction
//! itself is the same Rust code on both sides; what Python alone pays is
//! making the dicts: 57,700 citations of a dozen fields for the 3,193 GA
//! texts of the shared data. A generic serde bridge (pythonize) made a
//! new key string for every field of every citation, grew every dict
//! from empty, and made the same `kind`, `section` and `relation` strings
//! again for each citation: about 1.4 million Python objects, where
//! about 490,000 are made here:
//!
//! - the keys are made once per process ([`Layout`]), and each citation
//!   (document) dict is a copy of a template that already holds them, in
//!   the contract's order (CPython copies such a dict in one block, at
//!   its final size), whose values are then replaced;
//! - the words that repeat within a document (relations, sections,
//!   kinds) are made once per document ([`Words`]) and shared: Python
//!   strings are immutable, so a shared one cannot be told from a copy.
//!
//! The dicts are exactly the JSON contract (`docs/schema/
//! document.schema.json`): the field names and their order are those of
//! `resgraph_extract::Document`'s and `Citation`'s `Serialize` impls,
//! written here a second time for speed; the Python tests compare whole
//! documents, keys in order, with the command line's JSON, so the two
//! cannot drift apart unnoticed. Diagnostics (a few per document at
//! most) still go through their `Serialize` impl.

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use resgraph::extract::{Citation, Document, SCHEMA_VERSION};
use rustc_hash::FxHashMap;

/// The fields every document has, in the order of the JSON contract.
const DOCUMENT_FIELDS: [&str; 9] = [
    "schema_version",
    "source",
    "symbol",
    "organ",
    "session",
    "date",
    "title",
    "citations",
    "diagnostics",
];

/// The fields every citation has, in the order of the JSON contract.
const CITATION_FIELDS: [&str; 11] = [
    "target",
    "kind",
    "cited_date",
    "relation",
    "section",
    "paragraph",
    "start",
    "end",
    "start_char",
    "end_char",
    "text",
];

/// The fields a citation has only when they are set (the JSON leaves
/// them out otherwise), in the order of the contract, after the others.
const OPTIONAL_CITATION_FIELDS: [&str; 3] = ["anchor_section", "anchor_paragraph", "cited_title"];

/// The key strings and the two template dicts, made once per process.
struct Layout {
    document_keys: [Py<PyString>; DOCUMENT_FIELDS.len()],
    /// A dict with every key of [`DOCUMENT_FIELDS`], values `None`:
    /// never changed, only copied.
    document_template: Py<PyDict>,
    citation_keys: [Py<PyString>; CITATION_FIELDS.len()],
    /// A dict with every key of [`CITATION_FIELDS`], values `None`:
    /// never changed, only copied.
    citation_template: Py<PyDict>,
    optional_citation_keys: [Py<PyString>; OPTIONAL_CITATION_FIELDS.len()],
}

impl Layout {
    fn get(py: Python<'_>) -> PyResult<&Layout> {
        static LAYOUT: GILOnceCell<Layout> = GILOnceCell::new();
        LAYOUT.get_or_try_init(py, || {
            let document_keys = DOCUMENT_FIELDS.map(|name| interned(py, name));
            let citation_keys = CITATION_FIELDS.map(|name| interned(py, name));
            Ok(Layout {
                document_template: template(py, &document_keys)?,
                citation_template: template(py, &citation_keys)?,
                document_keys,
                citation_keys,
                optional_citation_keys: OPTIONAL_CITATION_FIELDS.map(|name| interned(py, name)),
            })
        })
    }
}

/// A key string, interned so that Python's own lookups by that name
/// (`doc["citations"]`) find it by identity.
fn interned(py: Python<'_>, name: &str) -> Py<PyString> {
    PyString::intern(py, name).unbind()
}

/// A dict of `keys`, in their order, each with the value `None`.
fn template(py: Python<'_>, keys: &[Py<PyString>]) -> PyResult<Py<PyDict>> {
    let dict = PyDict::new(py);
    for key in keys {
        dict.set_item(key.bind(py), py.None())?;
    }
    Ok(dict.unbind())
}

/// A copy of `template` with its values replaced by `values`, key for
/// key: the keys and their order are the template's.
fn fill<'py, const N: usize>(
    py: Python<'py>,
    template: &Py<PyDict>,
    keys: &[Py<PyString>; N],
    values: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = template.bind(py).copy()?;
    for (key, value) in keys.iter().zip(values) {
        dict.set_item(key.bind(py), value)?;
    }
    Ok(dict)
}

/// Python strings made once per document for the words that repeat in
/// it: relations, sections and kinds (about four citations in five share
/// their relation with an earlier one of the same document). Cited
/// symbols and dates repeat too seldom within a document for a lookup to
/// cost less than a new string (measured: 16% and 6% of them do).
struct Words<'a, 'py> {
    py: Python<'py>,
    made: FxHashMap<&'a str, Bound<'py, PyString>>,
}

impl<'a, 'py> Words<'a, 'py> {
    fn new(py: Python<'py>) -> Self {
        Words {
            py,
            made: FxHashMap::default(),
        }
    }

    /// `word` as a Python string, the same one each time.
    fn get(&mut self, word: &'a str) -> Bound<'py, PyAny> {
        let py = self.py;
        self.made
            .entry(word)
            .or_insert_with(|| PyString::new(py, word))
            .clone()
            .into_any()
    }
}

/// A symbol or date as its JSON string (its `Display`, which its
/// `Serialize` writes).
fn text<'py>(py: Python<'py>, value: &impl std::fmt::Display) -> Bound<'py, PyAny> {
    PyString::new(py, &value.to_string()).into_any()
}

/// [`text`], or `None`.
fn text_or_none<'py>(py: Python<'py>, value: Option<&impl std::fmt::Display>) -> Bound<'py, PyAny> {
    value.map_or_else(|| py.None().into_bound(py), |value| text(py, value))
}

/// `document` as the dict of the JSON contract.
pub(crate) fn document<'py>(py: Python<'py>, document: &Document) -> PyResult<Bound<'py, PyAny>> {
    let layout = Layout::get(py)?;
    let mut words = Words::new(py);
    let citations = document
        .citations
        .iter()
        .map(|c| citation(py, layout, &mut words, c))
        .collect::<PyResult<Vec<_>>>()?;
    let diagnostics = crate::to_python(py, &document.diagnostics)?.into_bound(py);
    let values = [
        SCHEMA_VERSION.into_bound_py_any(py)?,
        document.source.as_str().into_bound_py_any(py)?,
        text_or_none(py, document.symbol.as_ref()),
        document.organ.as_deref().into_bound_py_any(py)?,
        document.session.into_bound_py_any(py)?,
        text_or_none(py, document.date.as_ref()),
        document.title.as_deref().into_bound_py_any(py)?,
        PyList::new(py, citations)?.into_any(),
        diagnostics,
    ];
    Ok(fill(py, &layout.document_template, &layout.document_keys, values)?.into_any())
}

/// One citation as the dict of the JSON contract.
fn citation<'a, 'py>(
    py: Python<'py>,
    layout: &Layout,
    words: &mut Words<'a, 'py>,
    c: &'a Citation,
) -> PyResult<Bound<'py, PyDict>> {
    let values = [
        text(py, &c.target),
        words.get(c.kind()),
        text_or_none(py, c.cited_date.as_ref()),
        words.get(c.relation.as_str()),
        words.get(c.section.as_str()),
        c.paragraph.into_bound_py_any(py)?,
        c.start.into_bound_py_any(py)?,
        c.end.into_bound_py_any(py)?,
        c.start_char.into_bound_py_any(py)?,
        c.end_char.into_bound_py_any(py)?,
        c.text.as_str().into_bound_py_any(py)?,
    ];
    let dict = fill(py, &layout.citation_template, &layout.citation_keys, values)?;
    let [anchor_section, anchor_paragraph, cited_title] = &layout.optional_citation_keys;
    if let Some(section) = c.anchor_section {
        dict.set_item(anchor_section.bind(py), words.get(section.as_str()))?;
    }
    if let Some(paragraph) = c.anchor_paragraph {
        dict.set_item(anchor_paragraph.bind(py), paragraph)?;
    }
    if let Some(title) = &c.cited_title {
        dict.set_item(cited_title.bind(py), title)?;
    }
    Ok(dict)
}
