//! # Drawing citation lineages
//!
//! A lineage is a small directed graph of UN documents (nodes) and the
//! citations between them (edges, citing → cited). This crate draws one as
//! Graphviz DOT ([`to_dot`]) or as SVG ([`to_svg`]), with time running one
//! way: one rank per year, oldest at the top, the years drawn as an axis on
//! the left.
//!
//! It knows nothing of texts or of the citation graph: the caller fills a
//! [`Lineage`] (documents, citations, an optional focus document) and a
//! [`Style`].
//!
//! ```
//! use resgraph_render::{to_dot, to_svg, Engine, EdgeStyleClass, Lineage, LineageEdge, LineageNode, Style};
//!
//! let lineage = Lineage {
//!     nodes: vec![
//!         LineageNode::new("A/RES/76/19", "76/19")
//!             .year(2021)
//!             .title("Cooperation between the UN and the \"Organization\" <X> & Y")
//!             .read(true)
//!             .url("https://undocs.org/A/RES/76/19"),
//!         LineageNode::new("A/RES/70/1", "70/1").year(2015).organ("General Assembly"),
//!     ],
//!     edges: vec![LineageEdge::new(
//!         "A/RES/76/19",
//!         "A/RES/70/1",
//!         EdgeStyleClass::Recalling,
//!     )],
//!     focus: Some("A/RES/76/19".into()),
//! };
//! let style = Style::default();
//!
//! let dot = to_dot(&lineage, &style)?;
//! assert!(dot.contains(r#""A/RES/76/19" -> "A/RES/70/1""#));
//!
//! // Pure Rust, works without Graphviz:
//! let svg = to_svg(&lineage, &style, Engine::Builtin)?;
//! assert!(svg.contains("<title>A/RES/76/19</title>"));
//! assert!(svg.contains("&quot;Organization&quot; &lt;X&gt; &amp; Y"));
//! # Ok::<(), resgraph_render::RenderError>(())
//! ```
//!
//! ## What the pictures show
//!
//! * **Boxes**: the short form and, on a second line, the year. Tooltip:
//!   the title; link: the document's URL (only `http(s)` links).
//!   Documents whose text was read have a solid black outline; documents
//!   only known from citations a dashed grey one on grey; the focus
//!   document is bold and filled yellow.
//! * **Lines**, by [`EdgeStyleClass`]: recalling solid blue, reaffirming
//!   thick green, welcoming / taking note dashed orange, footnote dotted
//!   purple, other thin grey; repeated citations are thicker; "adopted as"
//!   (draft → resolution) is a double black line with a hollow head.
//! * **Time**: with [`Style::rank_by_year`], one rank per year present,
//!   oldest at the top, documents without a year in a last "undated" rank.
//! * **Organs**: with [`Style::cluster_by_organ`], Graphviz clusters in DOT;
//!   a coloured bar on each box (and an organ legend) in the builtin SVG.
//!
//! ## Escaping
//!
//! Ids, labels, titles, organs and links are caller text and may hold
//! anything: quotes, backslashes, `<`, `&`, newlines, `</svg><script>`. In
//! DOT every such text is written as a double-quoted string with `\` and `"`
//! escaped (so it cannot end the string or form an escape sequence such as
//! `\N`), newlines as `\n` and `&` as `&amp;` (so that Graphviz, which reads
//! entities in labels, shows it literally and escapes the rest when it
//! writes SVG). In the builtin SVG every such text goes through one XML
//! escaper (`&`, `<`, `>`, `"`, `'`). Control characters that XML 1.0
//! cannot carry are dropped first; links other than `http(s)` are dropped.
//!
//! ## Engines
//!
//! [`Engine::Dot`] runs Graphviz (`dot -Tsvg`, best layout, needs Graphviz
//! on `PATH`); [`Engine::Builtin`] lays out in pure Rust and needs nothing
//! else; [`Engine::Auto`] uses `dot` when it is installed and the builtin
//! engine otherwise, or when `dot` fails or runs longer than
//! [`DotRun::timeout`] ([`draw_svg`] tells why in [`Drawing::fallback`]).
//!
//! The builtin engine builds a `layout-rs` graph itself so that ranks
//! follow years (invisible separator nodes between years), lets `layout-rs`
//! rank it, split long edges into connector chains, set vertical positions
//! and draw the curves, and does the ordering inside ranks and the
//! horizontal positions itself (barycenter sweeps and an ordered
//! least-squares placement): `layout-rs`'s own passes for those are cubic
//! in the width of a rank. It writes its own SVG, one group per document.
//!
//! Rough times (synthetic lineages whose citations span the whole period,
//! the worst case): 100 documents take about 50 ms builtin and 0.5 s with
//! `dot`; 400 documents 0.6 s and 3 s; 1,000 documents 5 to 6 s either way
//! (Graphviz's iteration limits are lowered above 120 documents).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod builtin;
mod dot;
mod escape;
mod exec;
mod model;
mod place;
mod prepare;
mod theme;

pub use dot::{AXIS_ID_PREFIX, LEGEND_ID_PREFIX};
pub use model::{EdgeStyleClass, Lineage, LineageEdge, LineageNode, Style, RESERVED_ID_PREFIX};

/// Why a lineage could not be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The lineage has more documents than [`Style::max_nodes`]. The
    /// message names no way out: only the caller knows its options (the
    /// command line adds them).
    #[error(
        "the lineage has {nodes} documents, more than the limit of {max} that can be drawn \
         legibly"
    )]
    TooLarge {
        /// Number of documents in the lineage.
        nodes: usize,
        /// The limit ([`Style::max_nodes`]).
        max: usize,
    },
    /// Two documents have the same id.
    #[error("document id {id:?} appears more than once in the lineage")]
    DuplicateNode {
        /// The repeated id.
        id: String,
    },
    /// An edge or the focus names a document that is not in the lineage.
    #[error("{id:?} is cited or focused on but is not a document of the lineage")]
    UnknownNode {
        /// The unknown id.
        id: String,
    },
    /// A document id starts with [`RESERVED_ID_PREFIX`].
    #[error("document id {id:?} starts with {RESERVED_ID_PREFIX:?}, which is reserved for the drawing's own nodes")]
    ReservedId {
        /// The offending id.
        id: String,
    },
    /// [`Engine::Dot`] was asked for but Graphviz's `dot` is not on `PATH`.
    #[error(
        "Graphviz `dot` was not found on PATH: install Graphviz \
         (e.g. `apt-get install graphviz`) or use the builtin engine"
    )]
    DotNotFound,
    /// `dot` ran but failed.
    #[error("Graphviz `dot` failed ({status}): {stderr}")]
    DotFailed {
        /// Exit status.
        status: String,
        /// What `dot` wrote on stderr.
        stderr: String,
    },
    /// `dot` ran longer than it was given ([`DotRun::timeout`]) and was
    /// stopped.
    #[error(
        "Graphviz `dot` did not finish within {} s and was stopped \
         (give it longer with --dot-timeout or RESGRAPH_DOT_TIMEOUT)",
        .after.as_secs_f64()
    )]
    DotTimedOut {
        /// The time it was given.
        after: std::time::Duration,
    },
    /// Talking to the `dot` process failed.
    #[error("could not run Graphviz `dot`: {0}")]
    Io(#[from] std::io::Error),
    /// The builtin layout failed.
    #[error("the builtin layout failed: {0}")]
    Layout(String),
}

/// Which program lays the lineage out for [`to_svg`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz `dot -Tsvg` (must be on `PATH`).
    Dot,
    /// Pure Rust (`layout-rs`), no external program.
    Builtin,
    /// `dot` when it is installed, else the builtin engine; a `dot` that
    /// fails or runs too long also gives way to the builtin engine (the
    /// reason is in [`Drawing::fallback`] of [`draw_svg`]).
    #[default]
    Auto,
}

/// The lineage as Graphviz DOT.
///
/// The DOT is built as a `graphviz-rust` graph model and printed with its
/// printer. Document nodes are named by their ids; the year-axis nodes are
/// named [`AXIS_ID_PREFIX`]`<year>` and the legend nodes start with
/// [`LEGEND_ID_PREFIX`]. Citation edges run citing → cited.
///
/// ```
/// use resgraph_render::{to_dot, Lineage, LineageNode, Style};
///
/// let lineage = Lineage {
///     nodes: vec![LineageNode::new("A/RES/76/19", "76/19").year(2021).title("a \"b\"\nc")],
///     ..Lineage::default()
/// };
/// let dot = to_dot(&lineage, &Style::default())?;
/// assert!(dot.contains(r#"label="76/19\n2021""#));
/// assert!(dot.contains(r#"tooltip="a \"b\"\nc\n(cited only: text not read)""#));
/// assert!(dot.contains(r#""resgraph:year:2021""#));
/// # Ok::<(), resgraph_render::RenderError>(())
/// ```
///
/// # Errors
///
/// [`RenderError::TooLarge`] when the lineage has more than
/// [`Style::max_nodes`] documents; [`RenderError::DuplicateNode`],
/// [`RenderError::UnknownNode`] or [`RenderError::ReservedId`] when the
/// lineage is inconsistent.
pub fn to_dot(lineage: &Lineage, style: &Style) -> Result<String, RenderError> {
    dot::to_dot(lineage, style)
}

/// The lineage as an SVG document, laid out by `engine`.
///
/// Each document is one `<g class="node ...">` group whose `<title>` is
/// the document id; its class also says `doc`, `read` or `cited-only`, and
/// `focus`. With [`Engine::Dot`] the SVG is Graphviz's own (it starts with
/// a DOCTYPE).
///
/// ```
/// use resgraph_render::{to_svg, Engine, Lineage, LineageNode, Style};
///
/// let lineage = Lineage {
///     nodes: vec![LineageNode::new("S/RES/1373 (2001)", "1373 (2001)").year(2001).read(true)],
///     ..Lineage::default()
/// };
/// let svg = to_svg(&lineage, &Style::default(), Engine::Builtin)?;
/// assert!(svg.contains(r#"<g class="node doc read" id="node0">"#));
/// # Ok::<(), resgraph_render::RenderError>(())
/// ```
///
/// # Errors
///
/// Those of [`to_dot`]; with [`Engine::Dot`], [`RenderError::DotNotFound`]
/// when Graphviz is not installed and [`RenderError::DotFailed`] when it
/// fails; with the builtin engine, [`RenderError::Layout`] if `layout-rs`
/// gives up.
pub fn to_svg(lineage: &Lineage, style: &Style, engine: Engine) -> Result<String, RenderError> {
    draw_svg(lineage, style, engine, &DotRun::default()).map(|drawing| drawing.svg)
}

/// How Graphviz's `dot` is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotRun {
    /// How long `dot` may run before it is stopped
    /// ([`RenderError::DotTimedOut`]); 60 s by default, which no lineage
    /// of [`Style::max_nodes`] documents comes near.
    pub timeout: std::time::Duration,
}

impl Default for DotRun {
    fn default() -> Self {
        DotRun {
            timeout: std::time::Duration::from_secs(60),
        }
    }
}

/// An SVG, and why [`Engine::Auto`] drew it with the builtin engine
/// when Graphviz is installed but failed.
#[derive(Debug)]
pub struct Drawing {
    /// The SVG document.
    pub svg: String,
    /// Why `dot` was not used, when it is installed but failed, timed
    /// out or could not be run: for the caller to say, since the picture
    /// then differs from Graphviz's. `None` when `dot` drew it, when the
    /// builtin engine was asked for, or when `dot` is not installed (the
    /// documented reason for [`Engine::Auto`] to use the builtin one).
    pub fallback: Option<RenderError>,
}

/// The lineage as an SVG document, as [`to_svg`] draws it, with `dot`
/// run as `dot_run` says; with [`Engine::Auto`], a `dot` that is
/// installed but fails or runs too long gives way to the builtin engine
/// and the reason is kept in [`Drawing::fallback`].
///
/// ```
/// use resgraph_render::{draw_svg, DotRun, Engine, Lineage, LineageNode, Style};
///
/// let lineage = Lineage {
///     nodes: vec![LineageNode::new("A/RES/76/19", "76/19").year(2021)],
///     ..Lineage::default()
/// };
/// let drawing = draw_svg(&lineage, &Style::default(), Engine::Builtin, &DotRun::default())?;
/// assert!(drawing.svg.contains("<svg") && drawing.fallback.is_none());
/// # Ok::<(), resgraph_render::RenderError>(())
/// ```
///
/// # Errors
///
/// Those of [`to_svg`], and [`RenderError::DotTimedOut`] with
/// [`Engine::Dot`] when `dot` runs longer than `dot_run.timeout`.
pub fn draw_svg(
    lineage: &Lineage,
    style: &Style,
    engine: Engine,
    dot_run: &DotRun,
) -> Result<Drawing, RenderError> {
    let drawn = |svg| Drawing {
        svg,
        fallback: None,
    };
    match engine {
        Engine::Dot => exec::dot_to_svg(&to_dot(lineage, style)?, dot_run.timeout).map(drawn),
        Engine::Builtin => builtin::to_svg(lineage, style).map(drawn),
        Engine::Auto => {
            let dot = to_dot(lineage, style)?;
            match exec::dot_to_svg(&dot, dot_run.timeout) {
                Ok(svg) => Ok(drawn(svg)),
                Err(RenderError::DotNotFound) => builtin::to_svg(lineage, style).map(drawn),
                Err(reason) => Ok(Drawing {
                    svg: builtin::to_svg(lineage, style)?,
                    fallback: Some(reason),
                }),
            }
        }
    }
}

/// Whether Graphviz's `dot` can be run (it is on `PATH` and `dot -V`
/// succeeds).
///
/// ```
/// if !resgraph_render::dot_available() {
///     eprintln!("Graphviz not installed: using the builtin engine");
/// }
/// ```
pub fn dot_available() -> bool {
    exec::dot_available()
}
