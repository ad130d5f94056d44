//! Charts: one pure function per chart (view-model rows + theme -> ECharts option), and the one
//! `<EChart>` component that owns the DOM node, resizing and disposal.

pub mod rank_band;
pub mod ranking_bar;
pub mod slope;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (from the self-hosted `vendor/echarts.min.js`).
    type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(el: &web_sys::HtmlElement) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option(this: &EChartsInstance, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    fn dispose(this: &EChartsInstance);
}

/// The axes every horizontal chart shares: a value axis along the bottom (or top) with grid
/// lines, and the units as categories down the side, first at the top.
pub(crate) fn value_axis(min: f64, max: f64, theme: &crate::theme::Theme) -> charming::component::Axis {
    use charming::element::{AxisLabel, AxisType, LineStyle, SplitLine};
    charming::component::Axis::new()
        .type_(AxisType::Value)
        .min(min)
        .max(max)
        .split_line(SplitLine::new().line_style(LineStyle::new().color(theme.grid)))
        .axis_label(AxisLabel::new().color(theme.muted))
}

/// The units as categories down the side of a horizontal chart, first at the top.
pub(crate) fn unit_axis(labels: Vec<String>, theme: &crate::theme::Theme) -> charming::component::Axis {
    use charming::element::{AxisLabel, AxisType};
    charming::component::Axis::new()
        .type_(AxisType::Category)
        .inverse(true)
        .data(labels)
        .axis_label(AxisLabel::new().color(theme.text))
}

/// The charts' typeface: the page's own, then the same fallbacks as style.css.
const CHART_FONT: &str =
    "\"Be Vietnam Pro\", \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif";

/// Renders an ECharts option into a `<div>`. Every update replaces the whole option
/// (`notMerge`), so series emptied by a filter do not leave stale bars behind.
#[component]
pub fn EChart(
    /// The ECharts option as JSON.
    #[prop(into)]
    option: Signal<serde_json::Value>,
    /// Height of the chart in CSS pixels.
    #[prop(into)]
    height_px: Signal<u32>,
    /// Text alternative of the chart (the table below carries every number).
    #[prop(into)]
    summary: Signal<String>,
    /// Shown when the chart library is missing (in the reader's current language).
    #[prop(into)]
    unavailable_text: Signal<&'static str>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<EChartsInstance>);
    let failed = RwSignal::new(false);
    // Canvas text is drawn once with whatever font is there: draw again when the page's own
    // font (Be Vietnam Pro, self-hosted) has arrived, so the chart reads like the page.
    let fonts_ready = RwSignal::new(false);
    if let Some(fonts) = web_sys::window().and_then(|w| w.document()).map(|d| d.fonts()) {
        if let Ok(ready) = fonts.ready() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
                fonts_ready.set(true);
            });
        }
    }

    Effect::new(move |_| {
        let mut option = option.get();
        let _ = height_px.get();
        let _ = fonts_ready.get();
        if let Some(obj) = option.as_object_mut() {
            obj.insert("textStyle".into(), serde_json::json!({ "fontFamily": CHART_FONT }));
        }
        let Some(el) = node.get() else { return };
        instance.update_value(|slot| {
            if slot.is_none() {
                match echarts_init(&el) {
                    Ok(inst) => *slot = Some(inst),
                    Err(_) => failed.set(true),
                }
            }
            if let Some(inst) = slot.as_ref() {
                let js = js_sys::JSON::parse(&option.to_string()).unwrap_or(JsValue::NULL);
                if inst.set_option(&js, true).is_err() {
                    failed.set(true);
                }
                inst.resize();
            }
        });
    });

    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|slot| {
            if let Some(inst) = slot {
                inst.resize();
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        instance.update_value(|slot| {
            if let Some(inst) = slot.take() {
                inst.dispose();
            }
        });
    });

    view! {
        <figure class="chart-figure">
            <div
                class="chart"
                data-testid="chart"
                role="img"
                aria-label=move || summary.get()
                node_ref=node
                style:height=move || format!("{}px", height_px.get())
            ></div>
            <Show when=move || failed.get()>
                <p class="notice">{move || unavailable_text.get()}</p>
            </Show>
        </figure>
    }
}
