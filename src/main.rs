//! Entry point: mounts the chiso app into `#chiso-root` (or the body when the host page has none).

mod app;
mod charts;
mod clipboard;
mod components;
mod export;
mod i18n;
mod io;
mod load;
mod own;
mod state;
mod theme;

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("chiso-root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(el) => leptos::mount::mount_to(el, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}
