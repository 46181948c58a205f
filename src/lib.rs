//! resgraph
