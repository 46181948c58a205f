//! # Building the shipped registry
//!
//! The tooling that makes `data/registry/` from the public metadata files
//! (the UN Digital Library voting registry, the unvotes roll calls, the
//! metadata of the session 73-80 texts, the iGov decisions export, UN
//! Digital Library MARC links). It is kept apart from
//! [`resgraph_registry`], which only loads the result, so that the
//! runtime carries neither a CSV reader nor the rules for the sources'
//! spellings.
//!
//! * [`build`]: the rules, applied in order, from the files' texts to a
//!   [`Registry`](resgraph_registry::Registry) and a report.
//! * [`convert`]: the pieces: CSV tables, the source symbol spellings,
//!   titles and printed dates.
//! * the `build_registry` binary reads a data folder and writes the
//!   files:
//!
//! ```text
//! cargo run -p resgraph-registry-build --bin build_registry -- <data folder> data/registry/registry.tsv
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod build;
pub mod convert;
