//! The page's single source of truth: one `ViewState` signal that round-trips the address bar.
//!
//! The URL is read at start-up and on "back"/"forward" (popstate); every change of the view state
//! is written back carrying only what differs from the defaults — a new history entry for a
//! navigation step (`view_state::is_navigation`), a replaced one for typing and sliders (once the
//! hand stops: app.rs coalesces them), and never a new entry inside an iframe. The `data=` file is part of the view state like every parameter, and
//! no change of the state drops it.

use chiso_engine::view_state::{ParamWarning, ViewState};

/// What the address said when the page opened.
pub struct Initial {
    /// The view state parsed from the query.
    pub view: ViewState,
    /// Parameters that were ignored.
    pub warnings: Vec<ParamWarning>,
}

fn location_search() -> String {
    crate::dom::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Read the view state from the address bar.
pub fn read_url() -> Initial {
    let (view, warnings) = chiso_engine::view_state::from_query(&location_search());
    Initial { view, warnings }
}

/// The fragment (`#…`) a link to `view` carries: the reader's own table when the view shows
/// it and its fragment is packed, else nothing.
fn fragment_for(view: &ViewState) -> String {
    if !view.is_own() {
        return String::new();
    }
    // Until the table is packed, a fragment the page was opened with stays.
    let opened = crate::io::location_hash();
    crate::own::current_fragment()
        .or_else(|| chiso_engine::table::fragment::is_data_fragment(&opened).then_some(opened))
        .map(|f| format!("#{f}"))
        .unwrap_or_default()
}

/// This page's path with the query for `view` (and the own table's fragment): a link to another
/// state of the same page, such as the embed's "open in full".
pub fn page_url(view: &ViewState) -> String {
    let query = view.to_query();
    let path = crate::dom::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let fragment = fragment_for(view);
    if query.is_empty() {
        format!("{path}{fragment}")
    } else {
        format!("{path}?{query}{fragment}")
    }
}

/// [`page_url`] with this page's origin in front, for pasting into another site.
pub fn absolute_page_url(view: &ViewState) -> String {
    let origin = crate::dom::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", page_url(view))
}

/// The address of a file deployed next to this page (`embed.js`), absolute.
pub fn sibling_url(file: &str) -> String {
    let Some(location) = crate::dom::window().map(|w| w.location()) else { return file.to_string() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{origin}{dir}/{file}")
}

/// Put the own table's fragment in the address bar (replacing the entry) when the page shows
/// the table, so that the address a reader copies carries it.
pub fn set_own_fragment(fragment: &str) {
    let Some(window) = crate::dom::window() else { return };
    let (view, _) = chiso_engine::view_state::from_query(&location_search());
    if !view.is_own() {
        return;
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let url = format!("{path}{search}#{fragment}");
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Write the view state to the address bar: a new history entry when `push` (see
/// `view_state::is_navigation`), else replacing the current one. Nothing happens when the
/// address already says it (after "back").
pub fn write_url(view: &ViewState, push: bool) {
    let query = view.to_query();
    let Some(window) = crate::dom::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let fragment = fragment_for(view);
    let url = if query.is_empty() { format!("{path}{fragment}") } else { format!("{path}?{query}{fragment}") };
    let hash = location.hash().unwrap_or_default();
    if location_search().trim_start_matches('?') == query && hash == fragment {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The address of the own-data page (data.html, next to this page) for `view`'s language and
/// colours: the other parameters belong to the explorer.
pub fn data_page_url(view: &ViewState) -> String {
    let mut v = ViewState { lang: view.lang, theme: view.theme, ..ViewState::default() };
    v.view = chiso_engine::view_state::View::Data;
    format!("{}?{}", sibling_url("data.html"), v.to_query())
}

/// The explorer's address (the page next to data.html) for `view`, with `fragment` (without
/// `#`) when given.
pub fn explorer_url(view: &ViewState, fragment: Option<&str>) -> String {
    let query = view.to_query();
    let mut url = sibling_url("");
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query);
    }
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    url
}

/// Go to `url` (a new history entry), or, with `replace`, instead of this page.
pub fn go(url: &str, replace: bool) {
    if let Some(location) = crate::dom::window().map(|w| w.location()) {
        let _ = if replace { location.replace(url) } else { location.assign(url) };
    }
}
