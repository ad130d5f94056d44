//! The chiso app (wasm; natively with the `ssr` feature for the build-time snapshot): the explorer page (`src/main.rs`, index.html) and the own-data page
//! (`src/bin/chiso-data.rs`, data.html) share these modules. Two pages, two wasm files: a reader
//! of an article downloads the explorer only; the table reader, the column mapping and the
//! dataset writer ship in the own-data page's wasm (the linker keeps in each what its page uses).

// The `ssr` build (the snapshot) nests the views' async render types deeper than the default allows.
#![recursion_limit = "256"]

pub mod app;
pub mod charts;
pub mod clipboard;
pub mod components;
pub mod dom;
pub mod export;
pub mod i18n;
pub mod io;
pub mod load;
pub mod own;
pub mod snapshot;
pub mod state;
pub mod theme;

use wasm_bindgen::JsCast;

/// The element the page mounts into: `#chiso-root`, else none (the body).
fn root() -> Option<web_sys::HtmlElement> {
    crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("chiso-root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Mount the explorer (index.html).
pub fn start_app() {
    console_error_panic_hook::set_once();
    match root() {
        Some(el) => leptos::mount::mount_to(el, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}

/// Mount the own-data page (data.html).
pub fn start_data_page() {
    console_error_panic_hook::set_once();
    match root() {
        Some(el) => leptos::mount::mount_to(el, components::own_data::DataPage).forget(),
        None => leptos::mount::mount_to_body(components::own_data::DataPage),
    }
}
