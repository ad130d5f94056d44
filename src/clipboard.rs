//! Copying text to the clipboard, where the browser allows it (secure contexts only).

use wasm_bindgen::prelude::*;

/// Copy `text`; `done(true)` when the browser confirms, `done(false)` when it refuses or has no
/// clipboard (plain http, old browsers) — the caller then offers the text to copy by hand.
pub fn copy_text(text: &str, done: impl Fn(bool) + Clone + 'static) {
    let Some(window) = crate::dom::window() else { return done(false) };
    // navigator.clipboard is missing outside secure contexts: look before calling.
    let navigator = window.navigator();
    let has_clipboard =
        js_sys::Reflect::get(navigator.as_ref(), &"clipboard".into()).is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(text);
    let ok = done.clone();
    let on_ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| ok(true));
    let on_err = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| done(false));
    let _ = promise.then2(&on_ok, &on_err);
    // Each click leaks these two small closures: a press of a button, not a hot path.
    on_ok.forget();
    on_err.forget();
}
