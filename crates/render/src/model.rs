//! The input model: a lineage to draw, and how to draw it.
//!
//! The renderer knows nothing of texts or of the citation graph; the caller
//! fills these plain structures.

/// A citation lineage to draw: documents, the citations between them, and
/// optionally one document to make stand out.
///
/// ```
/// use resgraph_render::{EdgeStyleClass, Lineage, LineageEdge, LineageNode};
///
/// let lineage = Lineage {
///     nodes: vec![
///         LineageNode::new("A/RES/76/19", "76/19").year(2021).read(true),
///         LineageNode::new("A/RES/70/1", "70/1").year(2015),
///     ],
///     edges: vec![LineageEdge::new("A/RES/76/19", "A/RES/70/1", EdgeStyleClass::Recalling)],
///     focus: Some("A/RES/76/19".into()),
/// };
/// assert_eq!(lineage.nodes.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lineage {
    /// The documents, each once (ids must be unique).
    pub nodes: Vec<LineageNode>,
    /// The citations; both ends must be ids of [`Lineage::nodes`].
    pub edges: Vec<LineageEdge>,
    /// The id of the document the lineage is about, drawn bold and filled.
    pub focus: Option<String>,
}

/// One document of a [`Lineage`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineageNode {
    /// Canonical symbol, unique in the lineage, e.g. `A/RES/76/19`.
    ///
    /// Ids starting with [`RESERVED_ID_PREFIX`] are refused: the renderer
    /// uses that prefix for its own axis and legend nodes.
    pub id: String,
    /// Short form drawn in the box, e.g. `76/19` (the id is drawn if empty).
    pub label: String,
    /// Year of adoption or issue; decides the node's rank on the time axis.
    pub year: Option<u16>,
    /// Title, shown as tooltip.
    pub title: Option<String>,
    /// Organ (e.g. `General Assembly`), used to group nodes when
    /// [`Style::cluster_by_organ`] is set.
    pub organ: Option<String>,
    /// `true` when the document's text was read; `false` when it is only
    /// known because another document cites it (drawn dashed and grey).
    pub read: bool,
    /// Link target, e.g. `https://undocs.org/A/RES/76/19`, opened in a new
    /// window, or a path of the same site such as `/doc/A/RES/76/19` (for
    /// a picture shown in a web page), opened in the same one. Only these
    /// are drawn; anything else (`javascript:`, `//host`) is left out.
    pub url: Option<String>,
}

impl LineageNode {
    /// A node with the given id and label, no year, title, organ or link,
    /// and `read == false`.
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            ..Self::default()
        }
    }

    /// Sets the year (builder style).
    #[must_use]
    pub fn year(mut self, year: u16) -> Self {
        self.year = Some(year);
        self
    }

    /// Sets the title (builder style).
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the organ (builder style).
    #[must_use]
    pub fn organ(mut self, organ: impl Into<String>) -> Self {
        self.organ = Some(organ.into());
        self
    }

    /// Sets whether the text was read (builder style).
    #[must_use]
    pub fn read(mut self, read: bool) -> Self {
        self.read = read;
        self
    }

    /// Sets the link (builder style).
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The text drawn in the box: the label, or the id when the label is
    /// empty.
    pub fn display_label(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

/// One citation of a [`Lineage`]: `from` cites `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageEdge {
    /// Id of the citing document (or of the draft when `adopted_as`).
    pub from: String,
    /// Id of the cited document (or of the resolution when `adopted_as`).
    pub to: String,
    /// How the citation is phrased; decides the line style.
    pub relation: EdgeStyleClass,
    /// How many times `from` cites `to` (drawn thicker when more than one).
    pub count: u32,
    /// A draft-to-resolution link ("adopted as"), drawn as a double line
    /// whatever the relation.
    pub adopted_as: bool,
}

impl LineageEdge {
    /// A single citation (`count == 1`, not `adopted_as`).
    pub fn new(from: impl Into<String>, to: impl Into<String>, relation: EdgeStyleClass) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            relation,
            count: 1,
            adopted_as: false,
        }
    }

    /// A draft-to-resolution link: `draft` was adopted as `resolution`.
    pub fn adopted(draft: impl Into<String>, resolution: impl Into<String>) -> Self {
        Self {
            adopted_as: true,
            ..Self::new(draft, resolution, EdgeStyleClass::Other)
        }
    }

    /// Sets the count (builder style).
    #[must_use]
    pub fn count(mut self, count: u32) -> Self {
        self.count = count;
        self
    }
}

/// The kind of a citation, as far as drawing is concerned. The caller
/// decides which class a citation is drawn in (`resgraph::view` maps the
/// relation's class to it); the renderer knows no words of texts.
///
/// | class | line |
/// |---|---|
/// | `Recalling` | solid blue |
/// | `Reaffirming` | thick solid green |
/// | `Welcoming` (welcoming or taking note) | dashed orange |
/// | `Footnote` | dotted purple |
/// | `Other` | thin solid grey |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum EdgeStyleClass {
    /// A citation that recalls what it cites.
    Recalling,
    /// A citation that reaffirms what it cites.
    Reaffirming,
    /// A citation that welcomes or takes note of what it cites.
    Welcoming,
    /// A reference in a footnote ("see ...").
    Footnote,
    /// Any other citation.
    #[default]
    Other,
}

impl EdgeStyleClass {
    /// All classes, in legend order.
    pub const ALL: [EdgeStyleClass; 5] = [
        EdgeStyleClass::Recalling,
        EdgeStyleClass::Reaffirming,
        EdgeStyleClass::Welcoming,
        EdgeStyleClass::Footnote,
        EdgeStyleClass::Other,
    ];

    /// The word shown in the legend and in tooltips.
    ///
    /// ```
    /// assert_eq!(resgraph_render::EdgeStyleClass::Welcoming.name(), "welcoming / taking note");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            EdgeStyleClass::Recalling => "recalling",
            EdgeStyleClass::Reaffirming => "reaffirming",
            EdgeStyleClass::Welcoming => "welcoming / taking note",
            EdgeStyleClass::Footnote => "footnote",
            EdgeStyleClass::Other => "other",
        }
    }

    /// A short machine-friendly name, used as CSS class in the SVG.
    pub fn slug(self) -> &'static str {
        match self {
            EdgeStyleClass::Recalling => "recalling",
            EdgeStyleClass::Reaffirming => "reaffirming",
            EdgeStyleClass::Welcoming => "welcoming",
            EdgeStyleClass::Footnote => "footnote",
            EdgeStyleClass::Other => "other",
        }
    }
}

/// How to draw a lineage.
///
/// ```
/// let style = resgraph_render::Style::default();
/// assert!(style.rank_by_year && style.show_legend && !style.cluster_by_organ);
/// assert_eq!(style.max_nodes, 400);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// Group documents by organ: Graphviz clusters in DOT; with the builtin
    /// engine, a coloured bar on each box and an organ legend.
    pub cluster_by_organ: bool,
    /// Draw a legend of line styles and box styles.
    pub show_legend: bool,
    /// One rank per year, oldest at the top, with the years drawn as an
    /// axis on the left. Without it, documents are still placed so that
    /// cited documents tend to be above the documents citing them.
    pub rank_by_year: bool,
    /// Refuse lineages with more documents than this
    /// ([`RenderError::TooLarge`](crate::RenderError::TooLarge)).
    pub max_nodes: usize,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            cluster_by_organ: false,
            show_legend: true,
            rank_by_year: true,
            max_nodes: 400,
        }
    }
}

/// Prefix of the ids the renderer gives its own nodes (year axis, legend).
/// Document ids must not start with it.
pub const RESERVED_ID_PREFIX: &str = "resgraph:";
