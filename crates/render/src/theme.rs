//! Colours and line styles shared by the DOT and the builtin SVG output, so
//! that both engines draw the same picture.

use crate::model::EdgeStyleClass;

/// Line pattern of an edge class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// How an edge class is drawn.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EdgeLook {
    pub colour: &'static str,
    pub width: f64,
    pub dash: Dash,
}

pub(crate) fn edge_look(class: EdgeStyleClass) -> EdgeLook {
    match class {
        EdgeStyleClass::Recalling => EdgeLook {
            colour: "#2b6cb0",
            width: 1.2,
            dash: Dash::Solid,
        },
        EdgeStyleClass::Reaffirming => EdgeLook {
            colour: "#2f855a",
            width: 2.4,
            dash: Dash::Solid,
        },
        EdgeStyleClass::Welcoming => EdgeLook {
            colour: "#c05621",
            width: 1.4,
            dash: Dash::Dashed,
        },
        EdgeStyleClass::Footnote => EdgeLook {
            colour: "#6b46c1",
            width: 1.6,
            dash: Dash::Dotted,
        },
        EdgeStyleClass::Other => EdgeLook {
            colour: "#8a8a8a",
            width: 1.0,
            dash: Dash::Solid,
        },
    }
}

/// Colour of "adopted as" (draft to resolution) links, drawn as a double line.
pub(crate) const ADOPTED_COLOUR: &str = "#1a202c";

/// Extra line width for repeated citations: `log2(count)`, capped at 2.
pub(crate) fn count_extra_width(count: u32) -> f64 {
    if count <= 1 {
        0.0
    } else {
        (f64::from(count).log2() * 0.8).min(2.0)
    }
}

/// Node colours.
pub(crate) const READ_BORDER: &str = "#1a202c";
pub(crate) const READ_FILL: &str = "#ffffff";
pub(crate) const READ_TEXT: &str = "#1a202c";
pub(crate) const CITED_BORDER: &str = "#8a8a8a";
pub(crate) const CITED_FILL: &str = "#f2f2f2";
pub(crate) const CITED_TEXT: &str = "#5a5a5a";
pub(crate) const FOCUS_FILL: &str = "#ffe08a";
pub(crate) const FOCUS_BORDER: &str = "#9c4221";
pub(crate) const AXIS_TEXT: &str = "#4a5568";

/// Organ colours (cycled when there are more organs).
pub(crate) const ORGAN_PALETTE: [&str; 8] = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
];

/// Pale organ cluster backgrounds for DOT, same order as [`ORGAN_PALETTE`].
pub(crate) const ORGAN_PALE: [&str; 8] = [
    "#e8f5f1", "#fcefe5", "#f0eff7", "#fceaf3", "#eff6e8", "#fcf6e5", "#f5f0e8", "#f0f0f0",
];

pub(crate) fn organ_colour(i: usize) -> &'static str {
    ORGAN_PALETTE[i % ORGAN_PALETTE.len()]
}

pub(crate) fn organ_pale(i: usize) -> &'static str {
    ORGAN_PALE[i % ORGAN_PALE.len()]
}

/// Font stack of the builtin SVG; DOT uses Graphviz's `Helvetica`.
pub(crate) const FONT_FAMILY: &str = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
