//! The page's single source of truth: one `ViewState` signal that round-trips the address bar.
//!
//! The URL is read at start-up and on "back"/"forward" (popstate); every change of the view state
//! is written back carrying only what differs from the defaults — a new history entry for a
//! navigation step ([`is_navigation`]), a replaced one for typing and sliders, and never a new
//! entry inside an iframe. The `data=` override (a same-origin dataset path, for data desks and
//! tests) is kept as it came.

use chiso_engine::view_state::{ParamWarning, ViewState};

/// What the address said when the page opened.
pub struct Initial {
    /// The view state parsed from the query.
    pub view: ViewState,
    /// Parameters that were ignored.
    pub warnings: Vec<ParamWarning>,
    /// The raw `data=` parameter, if any.
    pub data_param: Option<String>,
}

fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Split off the `data=` parameter, which is not part of the view state.
fn split_data_param(search: &str) -> (String, Option<String>) {
    let mut rest = Vec::new();
    let mut data = None;
    for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        match pair.strip_prefix("data=") {
            Some(v) => data = Some(v.to_string()),
            None => rest.push(pair),
        }
    }
    (rest.join("&"), data)
}

/// Read the view state from the address bar.
pub fn read_url() -> Initial {
    let (query, data_param) = split_data_param(&location_search());
    let (view, warnings) = chiso_engine::view_state::from_query(&query);
    Initial { view, warnings, data_param }
}

/// The raw `data=` parameter of the current address, if any (it never changes while the page is
/// open: [`write_url`] keeps it).
pub fn current_data_param() -> Option<String> {
    split_data_param(&location_search()).1
}

/// The query string for `view` plus the `data=` override the page was opened with.
fn query_with_data(view: &ViewState, data_param: Option<&str>) -> String {
    let mut query = view.to_query();
    if let Some(d) = data_param {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str("data=");
        query.push_str(d);
    }
    query
}

/// This page's path with the query for `view` (and the current `data=`): a link to another
/// state of the same page, such as the embed's "open in full".
pub fn page_url(view: &ViewState) -> String {
    let query = query_with_data(view, current_data_param().as_deref());
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// [`page_url`] with this page's origin in front, for pasting into another site.
pub fn absolute_page_url(view: &ViewState) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", page_url(view))
}

/// The address of a file deployed next to this page (`embed.js`), absolute.
pub fn sibling_url(file: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return file.to_string() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{origin}{dir}/{file}")
}

/// True when going from `before` to `after` is a step a reader would want "back" to undo: another
/// dataset, view, block, year, unit or language. Typing, sliders and filters replace the
/// current entry instead, so "back" is not a keystroke-by-keystroke undo.
pub fn is_navigation(before: &ViewState, after: &ViewState) -> bool {
    before.dataset != after.dataset
        || before.view != after.view
        || before.group != after.group
        || before.year != after.year
        || before.unit != after.unit
        || before.lang != after.lang
        || before.from != after.from
}

/// Write the view state to the address bar: a new history entry when `push`, else replacing
/// the current one. Nothing happens when the address already says it (after "back").
pub fn write_url(view: &ViewState, data_param: Option<&str>, push: bool) {
    let query = query_with_data(view, data_param);
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if location_search().trim_start_matches('?') == query {
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
