//! Charts: one pure function per chart (view-model rows + theme -> ECharts option), and the one
//! `<EChart>` component that owns the DOM node: the chart as inline SVG until ECharts is loaded
//! (loader.rs), then ECharts in its place — updates (merged and animated unless the reader
//! prefers reduced motion), resizing and disposal.

pub mod loader;
pub mod rank_band;
pub mod ranking_bar;
pub mod slope;
pub mod svg;

use leptos::leptos_dom::helpers::AnimationFrameRequestHandle;
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

/// One series of a chart (a charming `Bar` or `Line`) as JSON.
pub(crate) fn series_json(series: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(series).unwrap_or(serde_json::Value::Null)
}

/// What these charts put in an ECharts option, each part built with charming's own type.
pub(crate) struct OptionParts {
    pub grid: charming::component::Grid,
    pub tooltip: charming::element::Tooltip,
    pub x_axis: charming::component::Axis,
    pub y_axis: charming::component::Axis,
    /// Each series as [`series_json`] writes it.
    pub series: Vec<serde_json::Value>,
}

/// The option as JSON, shaped as charming's `Chart` writes it (the grid as a list, one axis each
/// as an object). The parts are serialised one by one rather than through `Chart`, whose
/// serialiser reaches every component and series type ECharts has (a match over two dozen
/// kinds of series): about 70 kB of the wasm before wasm-opt, for the five types used here.
pub(crate) fn option_json(parts: OptionParts) -> serde_json::Value {
    use serde_json::{to_value, Value};
    let mut option = serde_json::Map::new();
    option.insert("tooltip".into(), to_value(&parts.tooltip).unwrap_or(Value::Null));
    option.insert("grid".into(), Value::Array(vec![to_value(&parts.grid).unwrap_or(Value::Null)]));
    option.insert("xAxis".into(), to_value(&parts.x_axis).unwrap_or(Value::Null));
    option.insert("yAxis".into(), to_value(&parts.y_axis).unwrap_or(Value::Null));
    option.insert("series".into(), Value::Array(parts.series));
    Value::Object(option)
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

/// The units as categories down the side of a horizontal chart, first at the top. Every unit is
/// labelled (each chart's height leaves every label its room): `interval` 0 says so, and spares
/// ECharts estimating on every update which labels would fit (measured: about a sixth of a
/// what-if move's chart update).
pub(crate) fn unit_axis(labels: Vec<String>, theme: &crate::theme::Theme) -> charming::component::Axis {
    use charming::element::{AxisLabel, AxisType};
    charming::component::Axis::new()
        .type_(AxisType::Category)
        .inverse(true)
        .data(labels)
        .axis_label(AxisLabel::new().color(theme.text).interval(0))
}

/// The charts' typeface: the page's own, then the same fallbacks as style.css.
const CHART_FONT: &str =
    "\"Be Vietnam Pro\", \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", sans-serif";

/// How an option is built, without its data: the top-level keys, and each series' type, id and
/// keys. ECharts' normal merge replaces arrays (categories, `data`) but never removes a component
/// or a key the new option leaves out, so two options of the same shape merge cleanly and only a
/// change of shape (another chart, a series more or less, a mean line gone) needs `notMerge`.
pub(crate) fn option_shape(option: &serde_json::Value) -> String {
    use serde_json::Value;
    let Some(obj) = option.as_object() else { return String::new() };
    let mut shape: Vec<String> = obj.keys().cloned().collect();
    shape.sort();
    let series = match obj.get("series") {
        Some(Value::Array(all)) => all.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for s in series {
        let Some(s) = s.as_object() else { continue };
        let mut keys: Vec<&str> = s.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let kind = s.get("type").and_then(Value::as_str).unwrap_or("");
        let id = s.get("id").map(Value::to_string).unwrap_or_default();
        shape.push(format!("{kind}#{id}({})", keys.join(",")));
    }
    shape.join("|")
}

/// True when the reader asked their system for less motion. Asked on every chart update (each
/// frame of a slider drag): the query is parsed once, and its list answers for the setting now.
fn prefers_reduced_motion() -> bool {
    thread_local! {
        static QUERY: Option<web_sys::MediaQueryList> = crate::dom::window()
            .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    }
    QUERY.with(|q| q.as_ref().is_some_and(web_sys::MediaQueryList::matches))
}

/// Length of the move from one state of a chart to the next (a what-if reordering its bars).
const UPDATE_MS: u32 = 450;

/// The option's motion: none for a reader who prefers reduced motion; otherwise the first
/// drawing appears at once (as a page does) and every later update moves the bars, marks and
/// lines from where they were to where they are now.
fn set_motion(obj: &mut serde_json::Map<String, serde_json::Value>, reduced_motion: bool) {
    use serde_json::json;
    if reduced_motion {
        obj.insert("animation".into(), json!(false));
    } else {
        obj.insert("animation".into(), json!(true));
        obj.insert("animationDuration".into(), json!(0));
        obj.insert("animationDurationUpdate".into(), json!(UPDATE_MS));
        obj.insert("animationEasingUpdate".into(), json!("cubicInOut"));
    }
}

/// Renders a chart into a `<div>`: first as the inline SVG `sketch` draws for the box (no
/// ECharts needed, so the first screen waits for nothing), then, once ECharts is loaded
/// (loader.rs), as the interactive chart, which replaces the SVG in the same box without motion.
/// An option of the same shape as the last one
/// (`option_shape`) is merged, so ECharts moves what changed: each data item keeps a stable
/// `id` (the chart builders set it), and a bar whose unit changes place slides there. A change
/// of shape replaces the whole option (`notMerge`), so no stale series or mark stays behind.
/// Bursts of updates (a slider's `input` events) are drawn at most once per animation frame.
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
    /// The same chart as an inline `<svg>` for a box of this size (`svg::*_inline`), shown until
    /// ECharts is there (and kept if it cannot load).
    #[prop(into)]
    sketch: Callback<svg::Fit, String>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<EChartsInstance>);
    let failed = RwSignal::new(false);
    let echarts = loader::use_echarts();
    let ready = Memo::new(move |_| echarts.status() == loader::Status::Ready);
    Effect::new(move |_| {
        if echarts.status() == loader::Status::Failed {
            failed.set(true);
        }
    });

    // Whether the box is within a screen of the viewport, and its width, as the browser reports
    // them after its layout (loader.rs). A chart farther away is not drawn (a what-if's chart
    // far below the slider a finger moves costs nothing per move) and is drawn as it comes near,
    // with the latest option; until the browser first says, it is near.
    let near = RwSignal::new(true);
    let box_width = RwSignal::new(0.0_f64);
    // The chart drawn for a phone's box and scaled to whatever box holds it: the snapshot's
    // drawing, and the app's until the box's width is known.
    let phone_sketch = move |height_px: f64| {
        let fit = svg::Fit { width_px: svg::SNAPSHOT_BOX_PX, height_px };
        svg::fluid(&sketch.run(fit), fit)
    };
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            loader::track_chart_box(&el, near, box_width);
        }
    });

    // Until ECharts is in: the SVG, redrawn when the rows, the height or the box's width change.
    // Before the box's width is known (the first drawing, in the task that builds the page) it is
    // drawn for a phone's box and scaled to the box, as in the snapshot: reading the width there
    // would force a layout of the whole new page in the middle of building it. The width arrives
    // after the layout, before the frame is painted, and the SVG is drawn again for it. The
    // effect keeps the SVG in the box, so that the same drawing is not parsed again.
    Effect::new(move |drawn: Option<String>| {
        let drawn = drawn.unwrap_or_default();
        if ready.get() || !near.get() {
            return drawn;
        }
        let Some(el) = node.get() else { return drawn };
        let height = f64::from(height_px.get());
        let svg = match box_width.get() {
            // A phone's box is exactly the guess: the drawing stands.
            w if w > 0.0 && (w - svg::SNAPSHOT_BOX_PX).abs() >= 0.5 => {
                sketch.run(svg::Fit { width_px: w, height_px: height })
            }
            _ => phone_sketch(height),
        };
        if svg != drawn {
            el.set_inner_html(&svg);
        }
        loader::prefetch_when_idle(echarts);
        svg
    });
    // Canvas text is drawn once with whatever font is there: draw again when the page's own
    // font (Be Vietnam Pro, self-hosted) has arrived, so the chart reads like the page.
    let fonts_ready = RwSignal::new(false);
    if let Some(fonts) = crate::dom::document().map(|d| d.fonts()) {
        if let Ok(ready) = fonts.ready() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
                fonts_ready.set(true);
            });
        }
    }

    // The latest option not drawn yet, the frame that will draw it, and what was drawn last.
    let pending = StoredValue::new_local(None::<serde_json::Value>);
    let frame = StoredValue::new_local(None::<AnimationFrameRequestHandle>);
    let drawn = StoredValue::new_local((String::new(), 0_u32));
    // When the last update was drawn (Date.now()), to tell a finger on a slider from a click.
    let last_update_ms = StoredValue::new_local(f64::NEG_INFINITY);

    // Runs in an animation frame; `try_` everywhere, as the chart may have gone in between.
    let draw = move || {
        frame.try_set_value(None);
        let Some(Some(option)) = pending.try_update_value(Option::take) else { return };
        let Some(el) = node.get_untracked() else { return };
        let shape = option_shape(&option);
        let height = height_px.try_get_untracked().unwrap_or(0);
        let Some((last_shape, last_height)) = drawn.try_get_value() else { return };
        // Updates that come faster than a move lasts (a slider dragged, a number typed) are drawn
        // at once: the bars follow the finger, and no 63-bar animation runs frame after frame
        // behind it. A single change (a click, a preset) still moves the bars.
        let now_ms = js_sys::Date::now();
        let rapid = last_update_ms.try_get_value().is_some_and(|last| now_ms - last < f64::from(UPDATE_MS));
        last_update_ms.try_set_value(now_ms);
        instance.try_update_value(|slot| {
            let mut option = option;
            if rapid {
                // No motion at all, rather than a move of length 0: ECharts then sets up no
                // animators (measured: no slower than a 0 ms move, at times a little faster).
                if let Some(obj) = option.as_object_mut() {
                    obj.insert("animation".into(), serde_json::json!(false));
                }
            }
            if slot.is_none() {
                // ECharts takes the box over from the SVG: cleared first (ECharts appends its
                // own layers), drawn without motion.
                el.set_inner_html("");
                match echarts_init(&el) {
                    Ok(inst) => *slot = Some(inst),
                    Err(_) => failed.set(true),
                }
                if let Some(obj) = option.as_object_mut() {
                    obj.insert("animation".into(), serde_json::json!(false));
                }
            }
            let Some(inst) = slot.as_ref() else { return };
            // Resized first: a resize redraws without animation, which would cut a move short.
            if height != last_height {
                inst.resize();
            }
            let js = js_sys::JSON::parse(&option.to_string()).unwrap_or(JsValue::NULL);
            if inst.set_option(&js, shape != last_shape).is_err() {
                failed.set(true);
            }
        });
        drawn.try_set_value((shape, height));
    };

    // The effect keeps whether the chart was near when it last ran: a chart coming near (or about
    // to be printed) is drawn at once, not a frame later, so it never shows a stale state.
    Effect::new(move |was_near: Option<bool>| {
        let was_near = was_near.unwrap_or(true);
        if !ready.get() {
            return was_near;
        }
        if !near.get() {
            return false;
        }
        let came_near = !was_near;
        let mut option = option.get();
        let _ = height_px.get();
        let _ = fonts_ready.get();
        if let Some(obj) = option.as_object_mut() {
            obj.insert("textStyle".into(), serde_json::json!({ "fontFamily": CHART_FONT }));
            set_motion(obj, prefers_reduced_motion());
        }
        pending.set_value(Some(option));
        if came_near {
            if let Some(Some(handle)) = frame.try_update_value(Option::take) {
                handle.cancel();
            }
            draw();
        } else if frame.with_value(Option::is_none) {
            match request_animation_frame_with_handle(draw) {
                Ok(handle) => frame.set_value(Some(handle)),
                // No frames to wait for (should not happen in a browser): draw now.
                Err(_) => draw(),
            }
        }
        true
    });

    // ECharts follows the window (the SVG follows its box, above).
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|slot| {
            if let Some(inst) = slot {
                inst.resize();
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(Some(handle)) = frame.try_update_value(Option::take) {
            handle.cancel();
        }
        instance.update_value(|slot| {
            if let Some(inst) = slot.take() {
                inst.dispose();
            }
        });
    });

    // Rendered natively (the build-time snapshot), the box holds its SVG already, drawn for a
    // phone's box and scaling to the reader's; in the browser the effect above draws it.
    let snapshot_svg = (!crate::dom::IN_BROWSER).then(|| phone_sketch(f64::from(height_px.get_untracked())));
    view! {
        <figure class="chart-figure">
            <div
                inner_html=snapshot_svg
                class="chart"
                data-testid="chart"
                role="img"
                aria-label=move || summary.get()
                node_ref=node
                // A mouse over the chart wants its tooltips: ECharts now (on a move, not on
                // entering: a pointer may already rest there when the app takes over).
                on:pointermove=move |_| echarts.load()
                // Not in the snapshot: the page's policy refuses style attributes in markup (the
                // snapshot's SVG is as high as the box would be).
                style:height=move || crate::dom::IN_BROWSER.then(|| format!("{}px", height_px.get()))
            ></div>
            <Show when=move || failed.get()>
                <p class="notice">{move || unavailable_text.get()}</p>
            </Show>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::{option_json, series_json, value_axis, OptionParts};
    use charming::component::{Axis, Grid};
    use charming::element::{AxisType, ItemStyle, Symbol, Tooltip, Trigger};
    use charming::series::{Bar, Line};

    /// The option is the JSON charming's own `Chart` writes for the same parts, whichever series.
    #[test]
    fn the_option_is_what_charmings_chart_writes() {
        let theme = &crate::theme::LIGHT;
        let grid = Grid::new().left(4).right(64).top(28).bottom(8).contain_label(true);
        let tooltip = Tooltip::new().trigger(Trigger::Item).formatter("{b}");
        let x_axis = value_axis(0.0, 100.0, theme).split_number(5);
        let y_axis = Axis::new().type_(AxisType::Category).inverse(true).data(vec!["A", "B"]);
        let bar = Bar::new().stack("band").data(vec![1.5, 2.5]).item_style(ItemStyle::new().color(theme.bar));
        let line = Line::new().name("A").symbol(Symbol::Diamond).data(vec![1.0, 2.0]);
        let chart = charming::Chart::new()
            .grid(grid.clone())
            .tooltip(tooltip.clone())
            .x_axis(x_axis.clone())
            .y_axis(y_axis.clone())
            .series(bar.clone())
            .series(line.clone());
        let ours = option_json(OptionParts {
            grid,
            tooltip,
            x_axis,
            y_axis,
            series: vec![series_json(&bar), series_json(&line)],
        });
        assert_eq!(ours, serde_json::to_value(&chart).unwrap_or_default());
        assert!(ours.pointer("/series/1/type").is_some_and(|t| t == "line"));
    }
}
