//! Colours of the app, in one place: the CSS uses the same values through custom properties.

/// A palette for the charts (the page's CSS mirrors it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Text colour.
    pub text: &'static str,
    /// Secondary text (axis labels).
    pub muted: &'static str,
    /// Grid lines.
    pub grid: &'static str,
    /// Bars of published scores.
    pub bar: &'static str,
    /// The highlighted (selected) unit's bar.
    pub bar_selected: &'static str,
    /// The block average marker.
    pub mean: &'static str,
}

/// The light theme (WCAG AA contrast on white).
pub const LIGHT: Theme = Theme {
    text: "#1b1f24",
    muted: "#4a5560",
    grid: "#e3e7eb",
    bar: "#2f6f9f",
    bar_selected: "#c0392b",
    mean: "#b35900",
};
