//! The browser, where there is one. chiso also renders natively, at build time, into the HTML
//! the host serves (the first-paint snapshot, `src/bin/chiso-prerender.rs`); there any call into
//! JavaScript would panic, so every component reaches the window through [`window`], which is
//! `None` there, and browser-only work checks [`IN_BROWSER`].

/// True in the browser (wasm); false when rendering the snapshot natively.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The viewport the snapshot is drawn for: a phone's, Lighthouse's mobile preset (the readers who
/// wait longest).
pub const SNAPSHOT_VIEWPORT_PX: f64 = 412.0;

/// The browser window; `None` natively.
pub fn window() -> Option<web_sys::Window> {
    if IN_BROWSER {
        web_sys::window()
    } else {
        None
    }
}

/// The page's document; `None` natively.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// An input's `value` attribute for the snapshot: the browser sets inputs by their `value`
/// property (`prop:value`), which HTML cannot carry, so the snapshot writes the attribute instead.
/// In the browser, `None`: no attribute, and nothing to keep up to date.
pub fn snapshot_value(value: impl FnOnce() -> String) -> Option<String> {
    (!IN_BROWSER).then(value)
}

/// Lets the browser run what waits (input, a frame) before the caller goes on: resolves in a
/// task of its own (a zero timeout). Natively, and if the timer cannot be set, at once.
pub async fn yield_to_browser() {
    let Some(window) = window() else { return };
    let mut scheduled = false;
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        scheduled = window.set_timeout_with_callback(&resolve).is_ok();
    });
    if scheduled {
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
    }
}
