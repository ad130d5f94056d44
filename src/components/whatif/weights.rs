//! The what-if panel's weights: a preset (official, equal, one sub-index emphasised, custom) and
//! one slider per sub-index.

use chiso_engine::format;
use chiso_engine::scenario_link::{custom_weights, from_preset, preset_code, weights_pct};
use chiso_engine::schema::WeightsStatus;
use leptos::prelude::*;

use super::State;
use crate::components::context::Ctx;
use crate::i18n::{self, whatif};

/// The weights editor.
#[component]
pub fn WeightsEditor(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    move || {
        let lang = ctx.lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let comps = s.matrix.components().to_vec();
            if comps.is_empty() {
                return Some(view! { <p class="muted">{whatif(lang).no_components_weights}</p> }.into_any());
            }
            let pct = weights_pct(&s.matrix, &s.whatif.scenario.weights);
            let preset = ctx.view.with(|v| preset_code(&v.weights));
            let on_preset = move |ev| {
                let code = event_target_value(&ev);
                ctx.view.update(|v| v.set_weights(from_preset(&code, &v.weights)));
            };
            let mut options = vec![
                ("official".to_string(), whatif(lang).preset_official.to_string()),
                ("equal".to_string(), whatif(lang).preset_equal.to_string()),
            ];
            for c in &comps {
                let label = format!("{}: {}", whatif(lang).emphasis, i18n::text(&c.name, lang));
                options.push((format!("emph-{}", c.id), label));
            }
            if preset == "custom" {
                options.push(("custom".to_string(), whatif(lang).preset_custom.to_string()));
            }
            let sliders = comps
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let now = pct.get(ci).copied().unwrap_or(0.0);
                    let (m, pct_all) = (s.matrix.clone(), pct.clone());
                    let on_input = move |ev| {
                        let Ok(x) = event_target_value(&ev).parse::<f64>() else { return };
                        let mut next = pct_all.clone();
                        if let Some(slot) = next.get_mut(ci) {
                            *slot = x;
                        }
                        ctx.view.update(|v| v.set_weights(custom_weights(&m, &next)));
                    };
                    view! {
                        <label class="slider">
                            <span class="slider-name">{i18n::text(&c.name, lang).to_string()}</span>
                            <input type="range" min="0" max="60" step="1" prop:value=now.round().to_string()
                                on:input=on_input data-testid=format!("weight-{}", c.id) />
                            <span class="slider-value">{format!("{}%", format::number(now, 1, lang))}</span>
                        </label>
                    }
                })
                .collect_view();
            let derived = ctx.ds.with_value(|ds| {
                ds.edition(s.matrix.year()).and_then(|e| e.weights_status) == Some(WeightsStatus::Derived)
            });
            let options = options
                .into_iter()
                .map(|(v, label)| {
                    let selected = v == preset;
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view();
            Some(
                view! {
                    <fieldset class="editor weights">
                        <legend>{whatif(lang).weights}</legend>
                        {derived.then(|| view! { <p class="notice">{whatif(lang).derived_weights}</p> })}
                        <label class="field">
                            <span>{whatif(lang).preset}</span>
                            <select data-testid="weights-preset" on:change=on_preset>{options}</select>
                        </label>
                        {sliders}
                    </fieldset>
                }
                .into_any(),
            )
        })
    }
}
