//! # What every resgraph writer shares
//!
//! The lowest crate of the workspace that touches output: each rule
//! about writing bytes out lives here once, so that the graph's exports,
//! the pictures, the synthetic corpora and the command line cannot
//! drift apart.
//!
//! * [`write_atomically`]: a file replaced in one step (a temporary file
//!   in the same directory, synced, renamed over the target), and
//!   [`write_pair_atomically`] for two files that go together;
//!   [`abandon_temporaries`] removes the temporary files of writes under
//!   way (for a handler of SIGINT and SIGTERM).
//! * [`xml_escape`]: text safe in XML 1.0 content and quoted attribute
//!   values (GraphML, SVG).
//! * [`csv_field`]: one RFC 4180 field.
//! * [`percent_encode`] with [`LINK_ENCODE_SET`] or [`PATH_ENCODE_SET`]:
//!   percent-encoding for links.
//!
//! It depends on no other resgraph crate, so that any of them may use it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod atomic;
mod escape;

pub use atomic::{abandon_temporaries, write_atomically, write_pair_atomically, WriteError};
pub use escape::{csv_field, percent_encode, xml_escape, LINK_ENCODE_SET, PATH_ENCODE_SET};
pub use percent_encoding::AsciiSet;
