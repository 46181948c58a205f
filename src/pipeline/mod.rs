//! The pipeline from files to a graph, a check and a picture: what the
//! command line does, callable from a library.
//!
//! 1. [`expand`] turns paths into the files to read (directories walked
//!    for texts, markdown, HTML and PDF, in name order);
//! 2. [`read_file`] reads one (its [`Format`] chosen by extension, text
//!    decoded lossily as it is read, PDF through `pdftotext`) and
//!    extracts its citations; [`stream`] and [`stream_map`] read many on
//!    all threads and hand them over in input order, holding a bounded
//!    window of documents, and report to a [`Progress`];
//! 3. [`build_graph`] adds each document to a [`CitationGraph`] as it is
//!    read ([`add_document`]: the one place adoption links come from a
//!    text) and fills it from the registry;
//! 4. [`check_documents`] checks documents against the registry, read
//!    from texts ([`extract_all`]) or from a saved graph
//!    ([`documents_of`]);
//! 5. [`lineage_members`] chooses the documents of a lineage and
//!    [`draw_lineage`] makes their picture model.
//!
//! Files that cannot be read are [`ReadError`]s naming the path and the
//! reason; the other files are still read. Nothing here prints: progress
//! goes to a [`Progress`], errors are returned.
//!
//! ```
//! use resgraph::graph::QueryOptions;
//! use resgraph::pipeline::{build_graph, draw_lineage, lineage_members, Direction, Links, NoProgress};
//! use resgraph::registry::Registry;
//!
//! let texts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lineage");
//! let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
//! assert!(built.errors.is_empty());
//! let focus = built.graph.resolve("80/16").unwrap();
//! let members = lineage_members(&built.graph, &focus, Direction::Ancestors, &QueryOptions::new().depth(2));
//! let picture = draw_lineage(&built.graph, &focus, &members, Links::Reduced);
//! let dot = resgraph::render::to_dot(&picture, &resgraph::render::Style::default()).unwrap();
//! assert!(dot.contains("A/RES/75/240"));
//! ```
//!
//! [`CitationGraph`]: resgraph_graph::CitationGraph

mod build;
mod check;
mod evidence;
mod lineage;
mod read;
mod stream;
mod walk;

pub use build::{add_document, build_graph, Built};
pub use check::{check_documents, documents_of, LineIndex};
pub use evidence::{Evidence, Quotes, Unknown};
pub use lineage::{draw_lineage, lineage_members, Direction, Links};
pub use read::{read_file, read_text, Format, ReadError, ReadErrorKind, Verdicts};
pub use stream::{extract_all, reading_threads, stream, stream_map, NoProgress, Progress};
pub use walk::{expand, input_path, Expanded, STANDARD_INPUT};
