//! ECharts when it is needed: the first screen draws its chart as an inline SVG (`svg::*_inline`)
//! and needs no ECharts; the bundle is fetched at the reader's first pointerdown, touchstart or
//! keydown, or when the pointer moves over a chart — whichever comes first (the what-if's chart too: it
//! follows the sliders as SVG until then); when the browser is idle after the first chart is drawn it
//! is downloaded ahead, not run ([`prefetch_when_idle`]: running it costs a phone a long task
//! while the page is still settling, and a reader who only reads never needs it). Then every `<EChart>`
//! replaces its SVG with the interactive chart, in place.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/charts/loader.js")]
extern "C" {
    /// Loads the page's ECharts bundle once; resolves when `window.echarts` is there.
    #[wasm_bindgen(js_name = loadEcharts)]
    fn load_echarts() -> js_sys::Promise;
    /// Calls the function at the reader's first pointerdown, touchstart or keydown.
    #[wasm_bindgen(js_name = onFirstInput)]
    fn on_first_input(f: &js_sys::Function);
    /// Calls the function when the browser is next idle, at most `timeout_ms` later.
    #[wasm_bindgen(js_name = whenIdle)]
    fn when_idle(f: &js_sys::Function, timeout_ms: u32);
    /// Downloads the bundle into the cache without running it.
    #[wasm_bindgen(js_name = prefetchEcharts)]
    fn prefetch_echarts();
    /// Calls `near(bool)` when the element comes within a screen of the viewport or leaves that
    /// band, and `width(px)` when its width is known or changes; returns the function that
    /// stops watching.
    #[wasm_bindgen(js_name = watchChartBox)]
    fn watch_chart_box(el: &web_sys::Element, near: &js_sys::Function, width: &js_sys::Function) -> js_sys::Function;
}

/// Longest wait for an idle moment after the first chart is drawn, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 2000;

/// Where the ECharts bundle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not asked for yet: charts show their SVG.
    Waiting,
    /// Being fetched.
    Loading,
    /// `window.echarts` is there.
    Ready,
    /// It could not be loaded: charts keep their SVG and say so.
    Failed,
}

/// The page's one ECharts status (a context the app provides).
#[derive(Clone, Copy)]
pub struct ECharts {
    status: RwSignal<Status>,
    idle_armed: StoredValue<bool>,
}

impl ECharts {
    /// The status, tracked.
    pub fn status(self) -> Status {
        self.status.get()
    }

    /// Starts loading the bundle unless it is loading or loaded.
    pub fn load(self) {
        if self.status.get_untracked() != Status::Waiting || !crate::dom::IN_BROWSER {
            return;
        }
        self.status.set(Status::Loading);
        let status = self.status;
        leptos::task::spawn_local(async move {
            let loaded = wasm_bindgen_futures::JsFuture::from(load_echarts()).await;
            status.set(if loaded.is_ok() { Status::Ready } else { Status::Failed });
        });
    }
}

/// True when the bundle is already on the page (a host page that loaded ECharts itself).
fn echarts_present() -> bool {
    crate::dom::IN_BROWSER
        && js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts")).is_ok_and(|v| v.is_object())
}

/// Provide the page's ECharts status (the app does, once) and load the bundle at the reader's
/// first input.
pub fn provide() -> ECharts {
    let initial = if echarts_present() { Status::Ready } else { Status::Waiting };
    let echarts = ECharts { status: RwSignal::new(initial), idle_armed: StoredValue::new(false) };
    provide_context(echarts);
    if initial == Status::Waiting && crate::dom::IN_BROWSER {
        let load = Closure::once_into_js(move || echarts.load());
        on_first_input(load.unchecked_ref());
    }
    echarts
}

/// The page's ECharts status; a chart outside the app (none today) gets one of its own.
pub fn use_echarts() -> ECharts {
    use_context::<ECharts>().unwrap_or_else(provide)
}

/// The first chart is on the screen as SVG: download ECharts (without running it) when the
/// browser is next idle.
pub fn prefetch_when_idle(echarts: ECharts) {
    if echarts.idle_armed.get_value() || echarts.status.get_untracked() != Status::Waiting {
        return;
    }
    if !crate::dom::IN_BROWSER {
        return;
    }
    echarts.idle_armed.set_value(true);
    let prefetch = Closure::once_into_js(prefetch_echarts);
    when_idle(prefetch.unchecked_ref(), IDLE_TIMEOUT_MS);
}

/// Watches a chart's box: `near` follows whether it is within a screen's height of the viewport,
/// `width` its width in CSS pixels, as the browser reports them after its layout (both are left
/// as they are until then, and for good without the observers). Watching stops when the calling
/// owner is cleaned up.
pub fn track_chart_box(el: &web_sys::Element, near: RwSignal<bool>, width: RwSignal<f64>) {
    let on_near = Closure::<dyn FnMut(bool)>::new(move |is_near: bool| {
        if near.try_get_untracked().is_some_and(|was| was != is_near) {
            near.set(is_near);
        }
    });
    let on_width = Closure::<dyn FnMut(f64)>::new(move |px: f64| {
        if px > 0.0 && width.try_get_untracked().is_some_and(|was| (was - px).abs() >= 0.5) {
            width.set(px);
        }
    });
    let stop = watch_chart_box(el, on_near.as_ref().unchecked_ref(), on_width.as_ref().unchecked_ref());
    // JavaScript objects, kept (not sent) until the owner goes.
    let held = StoredValue::new_local(Some((stop, on_near, on_width)));
    on_cleanup(move || {
        if let Some(Some((stop, _, _))) = held.try_update_value(Option::take) {
            let _ = stop.call0(&JsValue::NULL);
        }
    });
}
