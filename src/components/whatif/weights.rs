//! The what-if panel's weights: a preset (official, equal, one sub-index emphasised, custom) and
//! one slider per sub-index.

use chiso_engine::format;
use chiso_engine::scenario_link::{custom_weights, from_preset, preset_code, weights_pct};
use chiso_engine::schema::WeightsStatus;
use leptos::prelude::*;

use super::State;
use crate::components::context::Ctx;
use crate::i18n::{self, whatif};

/// The weights editor. It is drawn again only when the block (its sub-indices) or the language
/// changes; the sliders, their values and the preset follow the view state, so a slider is never
/// replaced under the reader's finger.
#[component]
pub fn WeightsEditor(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let matrix = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| s.matrix.clone())));
    let pct = Memo::new(move |_| {
        state.with(|s| s.as_ref().map(|s| weights_pct(&s.matrix, &s.whatif.scenario.weights)).unwrap_or_default())
    });
    let preset = Memo::new(move |_| ctx.view.with(|v| preset_code(&v.weights)));
    move || {
        let lang = ctx.lang.get();
        let m = matrix.get()?;
        let comps = m.components().to_vec();
        if comps.is_empty() {
            return Some(view! { <p class="muted">{whatif(lang).no_components_weights}</p> }.into_any());
        }
        let on_preset = move |ev| {
            let code = event_target_value(&ev);
            ctx.view.update(|v| v.set_weights(from_preset(&code, &v.weights)));
        };
        let mut choices = vec![
            ("official".to_string(), whatif(lang).preset_official.to_string()),
            ("equal".to_string(), whatif(lang).preset_equal.to_string()),
        ];
        for c in &comps {
            let label = format!("{}: {}", whatif(lang).emphasis, i18n::text(&c.name, lang));
            choices.push((format!("emph-{}", c.id), label));
        }
        // "custom" is offered only while the weights are custom.
        let options = move || {
            let now = preset.get();
            let custom = (now == "custom").then(|| ("custom".to_string(), whatif(lang).preset_custom.to_string()));
            choices
                .iter()
                .cloned()
                .chain(custom)
                .map(|(v, label)| {
                    let selected = v == now;
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view()
        };
        let sliders = comps
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let now = move || pct.with(|p| p.get(ci).copied().unwrap_or(0.0));
                let m = m.clone();
                let on_input = move |ev| {
                    let Ok(x) = event_target_value(&ev).parse::<f64>() else { return };
                    let mut next = pct.get_untracked();
                    if let Some(slot) = next.get_mut(ci) {
                        *slot = x;
                    }
                    ctx.view.update(|v| v.set_weights(custom_weights(&m, &next)));
                };
                view! {
                    <label class="slider">
                        <span class="slider-name">{i18n::text(&c.name, lang).to_string()}</span>
                        <input type="range" min="0" max="60" step="1" prop:value=move || now().round().to_string()
                            value=crate::dom::snapshot_value(move || now().round().to_string())
                            on:input=on_input data-testid=format!("weight-{}", c.id) />
                        <span class="slider-value">{move || format!("{}%", format::number(now(), 1, lang))}</span>
                    </label>
                }
            })
            .collect_view();
        let derived =
            ctx.ds.with_value(|ds| ds.edition(m.year()).and_then(|e| e.weights_status) == Some(WeightsStatus::Derived));
        Some(
            view! {
                <fieldset class="editor weights">
                    <legend>{whatif(lang).weights}</legend>
                    {derived.then(|| view! { <p class="notice">{whatif(lang).derived_weights}</p> })}
                    <label class="field">
                        <span>{whatif(lang).preset}</span>
                        <select data-testid="weights-preset" on:change=on_preset prop:value=move || preset.get()>{options}</select>
                    </label>
                    {sliders}
                </fieldset>
            }
            .into_any(),
        )
    }
}
