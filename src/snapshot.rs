//! The first-paint snapshot, as the browser meets it. At build time `chiso-prerender` renders the
//! first screen of a few links with these same components (the [`crate::app::Snapshot`]
//! shell), and `scripts/postbuild.mjs` puts them into index.html: the default link's as
//! `<div data-snapshot="">` inside `#chiso-root`, the others as `<template data-snapshot=QUERY>`.
//! `public/boot.js` shows the one this link's query names, or, for a link without one, the app's
//! loading line in the same markup (another state never flashes first; the line says so if the
//! app cannot start). The app leaves a shown snapshot on the
//! screen until it has its own first view to put in its place, then removes every snapshot in
//! the same task, before the browser paints again: nothing moves, since the markup is the same.

use wasm_bindgen::JsCast;

/// The snapshots (shown or not) in the page's root.
fn nodes() -> Vec<web_sys::Element> {
    let Some(list) = crate::dom::document().and_then(|d| d.query_selector_all("#chiso-root > [data-snapshot]").ok())
    else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

/// True when a snapshot is on the screen (a `<div>`, not a `<template>`).
pub fn shown() -> bool {
    nodes().iter().any(|n| n.tag_name().eq_ignore_ascii_case("div"))
}

/// Take every snapshot out of the page: the app is drawing its own view now.
pub fn remove() {
    for n in nodes() {
        n.remove();
    }
}
