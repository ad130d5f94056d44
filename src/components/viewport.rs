//! The viewport's width, for charts that draw differently on a phone.

use leptos::prelude::*;

/// Narrower than this, charts take their phone layout (fewer ticks, a narrower name column).
const NARROW_PX: f64 = 600.0;

/// The window's width; natively (the build-time snapshot) a phone's, as the snapshot is drawn
/// for the readers who wait longest.
fn viewport_width() -> f64 {
    if !crate::dom::IN_BROWSER {
        return crate::dom::SNAPSHOT_VIEWPORT_PX;
    }
    crate::dom::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0)
}

/// True while the window (or the iframe) is narrower than a phone's [`NARROW_PX`]; follows resizes.
pub fn narrow() -> Memo<bool> {
    let width = RwSignal::new(viewport_width());
    let resize = window_event_listener(leptos::ev::resize, move |_| width.set(viewport_width()));
    on_cleanup(move || resize.remove());
    Memo::new(move |_| width.get() < NARROW_PX)
}
