//! Colours of the app, in one place, and which palette is in force (light or dark).
//!
//! The page's CSS (style.css) carries the same values as custom properties: each field here is
//! the CSS property of the same name (`bar_selected` is `--bar-selected`, `background` is `--bg`),
//! in the `:root` block for LIGHT and in the two dark blocks for DARK. tests/theme.test.mjs
//! checks that both files agree and that every text/background pair meets WCAG AA.
//!
//! The scheme is `?theme=light|dark` when the link forces one (a host site's own toggle can drive
//! it), otherwise the reader's `prefers-color-scheme`, followed live. A forced scheme is written
//! to `<html data-theme=...>` so the CSS can follow it; the automatic case needs no attribute
//! because the CSS has its own media query (so even the loading text is in the right colours).

use chiso_engine::view_state::{ColorScheme, ViewState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

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
    /// Page background (the chart's tooltip uses it too).
    pub background: &'static str,
    /// Units that climbed (year comparison, rank changes).
    pub up: &'static str,
    /// Units that fell.
    pub down: &'static str,
}

/// The light theme (WCAG AA contrast on white).
pub const LIGHT: Theme = Theme {
    text: "#1b1f24",
    muted: "#4a5560",
    grid: "#e3e7eb",
    bar: "#2f6f9f",
    bar_selected: "#c0392b",
    mean: "#b35900",
    background: "#ffffff",
    up: "#1e7b34",
    down: "#b3261e",
};

/// The dark theme (WCAG AA contrast on a near-black blue-grey).
pub const DARK: Theme = Theme {
    text: "#e6e9ed",
    muted: "#aab4bf",
    grid: "#2c343d",
    bar: "#7ab8ea",
    bar_selected: "#ff8f80",
    mean: "#f2a65a",
    background: "#14181d",
    up: "#6fcf86",
    down: "#ff8f86",
};

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether the reader's system asks for dark colours right now.
fn system_prefers_dark() -> bool {
    crate::dom::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten()).is_some_and(|m| m.matches())
}

/// The palette in force, shared through Leptos context by [`provide_palette`].
#[derive(Clone, Copy)]
struct Palette(Memo<Theme>);

/// Works out the palette from the view state's `theme` and the system setting (followed while
/// the page is open), mirrors a forced scheme onto `<html data-theme>`, and makes the palette
/// available to every chart through [`palette`]. Call once, from the app shell.
pub fn provide_palette(view: RwSignal<ViewState>) {
    let system_dark = RwSignal::new(system_prefers_dark());
    if let Some(query) = crate::dom::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten()) {
        let on_change = Closure::<dyn Fn()>::new(move || system_dark.set(system_prefers_dark()));
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page: the app is never unmounted.
        on_change.forget();
    }
    let scheme = Memo::new(move |_| view.with(|v| v.theme));
    Effect::new(move |_| {
        let forced = match scheme.get() {
            ColorScheme::Auto => None,
            ColorScheme::Light => Some("light"),
            ColorScheme::Dark => Some("dark"),
        };
        let Some(html) = crate::dom::document().and_then(|d| d.document_element()) else {
            return;
        };
        let _ = match forced {
            Some(value) => html.set_attribute("data-theme", value),
            None => html.remove_attribute("data-theme"),
        };
    });
    let theme = Memo::new(move |_| {
        let dark = match scheme.get() {
            ColorScheme::Auto => system_dark.get(),
            ColorScheme::Light => false,
            ColorScheme::Dark => true,
        };
        if dark {
            DARK
        } else {
            LIGHT
        }
    });
    provide_context(Palette(theme));
}

/// The palette in force (LIGHT when [`provide_palette`] was not called, as in a unit test).
pub fn palette() -> Signal<Theme> {
    match use_context::<Palette>() {
        Some(Palette(theme)) => theme.into(),
        None => Signal::stored(LIGHT),
    }
}
