//! The primitives every resgraph crate shares: the [`Date`] texts give
//! and JSON writes, with the one table of English month names
//! ([`date::MONTHS`]); the [`Section`] a mention stands in; the typed
//! [`Relation`] of a citation and its [`RelationClass`]; the heading
//! roles ([`HeadingRole`]); the seeded generator ([`rng::SplitMix64`]);
//! and the rule that picks the date most citing texts give
//! ([`date::majority`]).
//!
//! What belongs here: small value types and rules that more than one
//! crate needs, so that each is written once. What does not: anything
//! that knows files, the layout of a text (paragraph numbers, page
//! furniture), graphs or pictures. This crate depends on serde and
//! thiserror only.
//!
//! ```
//! use resgraph_core::{Date, Relation, RelationClass, Section};
//!
//! let date: Date = "1988-12-07".parse().unwrap();
//! assert_eq!(date.month_name(), "December");
//! let relation = Relation::new("takes note");
//! assert_eq!(relation.class(), RelationClass::Welcoming);
//! assert_eq!(Section::Preamble.as_str(), "preamble");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod date;
pub mod relation;
pub mod rng;
mod section;

pub use date::{Date, DateParseError};
pub use relation::{HeadingRole, Relation, RelationClass};
pub use section::{Section, UnknownSection};
