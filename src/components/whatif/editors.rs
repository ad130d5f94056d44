//! The what-if panel's unit picker and its editor: the unit's sub-indices when all of them
//! were published, its total otherwise (`chiso_engine::whatif::Editor`).

use chiso_engine::format;
use chiso_engine::whatif::{edit, unit_choices, ComponentEdit, Editor as EditorModel, TotalEdit};
use leptos::prelude::*;

use super::State;
use crate::components::context::Ctx;
use crate::i18n::{self, msg, whatif};

/// The unit the panel edits.
#[component]
pub fn UnitPicker(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let options = move || {
        state.with(|s| {
            let s = s.as_ref()?;
            let current = s.whatif.unit.clone();
            let units = ctx.ds.with_value(|ds| unit_choices(ds, &s.matrix));
            Some(
                units
                    .into_iter()
                    .map(|(id, name)| {
                        let selected = Some(&id) == current.as_ref();
                        view! { <option value=id.0.clone() selected=selected>{name}</option> }
                    })
                    .collect_view(),
            )
        })
    };
    let on_unit = move |ev| {
        let id = event_target_value(&ev);
        ctx.view.update(|v| v.select_unit(&id));
    };
    view! {
        <label class="field">
            <span>{move || whatif(ctx.lang.get()).unit}</span>
            <select data-testid="whatif-unit" on:change=on_unit>{options}</select>
        </label>
    }
}

/// A reader's value for the selected unit (a component, or the total with `None`).
fn set(ctx: Ctx, state: Memo<Option<State>>, component: Option<String>, x: f64) {
    let target = state.with_untracked(|s| s.as_ref().and_then(|s| Some((s.matrix.clone(), s.whatif.unit.clone()?))));
    if let Some((m, unit)) = target {
        ctx.view.update(|v| edit(v, &m, &unit, component.as_deref(), x));
    }
}

/// The editor for the selected unit.
#[component]
pub fn Editor(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    move || {
        // Tracked here: the sliders below read the language once, when drawn.
        let lang = ctx.lang.get();
        let editor = state.with(|s| s.as_ref().and_then(|s| s.whatif.editor(&s.matrix)))?;
        Some(match editor {
            EditorModel::Components(rows) => {
                let sliders = rows.into_iter().map(|c| view! { <ComponentSlider ctx state edit=c /> }).collect_view();
                view! {
                    <fieldset class="editor">
                        <legend>{whatif(lang).components}</legend>
                        {sliders}
                    </fieldset>
                }
                .into_any()
            }
            EditorModel::Total(t) => view! { <TotalEditor ctx state edit=t /> }.into_any(),
        })
    }
}

#[component]
fn ComponentSlider(ctx: Ctx, state: Memo<Option<State>>, edit: ComponentEdit) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let name = ctx.ds.with_value(|ds| {
        ds.index.components.iter().find(|c| c.id == edit.component_id).map(|c| i18n::text(&c.name, lang).to_string())
    });
    let cid = edit.component_id.clone();
    let on_input = move |ev| {
        if let Ok(x) = event_target_value(&ev).parse::<f64>() {
            set(ctx, state, Some(cid.clone()), x);
        }
    };
    view! {
        <label class="slider" class:changed=edit.changed>
            <span class="slider-name">{name.unwrap_or_default()}</span>
            <input type="range" min=edit.min.to_string() max=edit.max.to_string() step="0.01"
                prop:value=edit.value.to_string() on:input=on_input
                data-testid=format!("component-{}", edit.component_id) />
            <span class="slider-value">
                {format::number(edit.value, 2, lang)}
                {edit.changed.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
            </span>
        </label>
    }
}

#[component]
fn TotalEditor(ctx: Ctx, state: Memo<Option<State>>, edit: TotalEdit) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (unit_fmt, lo, hi) = ctx.ds.with_value(|ds| (ds.index.unit, ds.index.scale_min, ds.index.scale_max));
    // An unpublished total has no number to show: the number box starts empty.
    let number_text = edit.value.map(|x| format!("{x:.2}")).unwrap_or_default();
    let shown_text = match edit.value {
        Some(x) => format::score(x, unit_fmt, lang),
        None => msg(lang).unpublished.to_string(),
    };
    view! {
        <fieldset class="editor">
            <legend>{whatif(lang).total}</legend>
            <label class="slider" class:changed=edit.changed>
                <input type="range" min=lo.to_string() max=hi.to_string() step="0.01"
                    prop:value=edit.slider_at.to_string() data-testid="total-slider"
                    on:input=move |ev| {
                        if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                            set(ctx, state, None, x)
                        }
                    } />
                <input type="number" class="number" min=lo.to_string() max=hi.to_string() step="0.01"
                    prop:value=number_text data-testid="total-input"
                    aria-label=whatif(lang).total
                    on:change=move |ev| {
                        if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() {
                            set(ctx, state, None, x)
                        }
                    } />
                <span class="slider-value">
                    {shown_text}
                    {edit.changed.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
                </span>
            </label>
        </fieldset>
    }
}
