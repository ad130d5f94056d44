//! The what-if panel's unit picker and its editor: the unit's sub-indices when all of them
//! were published, its total otherwise (`chiso_engine::whatif::Editor`).

use chiso_engine::format;
use chiso_engine::whatif::{edit, unit_choices, ComponentEdit, Editor as EditorModel, TotalEdit};
use leptos::prelude::*;

use super::State;
use crate::components::context::Ctx;
use crate::i18n::{self, msg, whatif};

/// The unit the panel edits. The options are drawn again only when the block's units change,
/// not at every slider move.
#[component]
pub fn UnitPicker(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let units = Memo::new(move |_| {
        state.with(|s| s.as_ref().map(|s| ctx.ds.with_value(|ds| unit_choices(ds, &s.matrix))).unwrap_or_default())
    });
    let current = Memo::new(move |_| state.with(|s| s.as_ref().and_then(|s| s.whatif.unit.clone())));
    let options = move || {
        let now = current.get_untracked();
        units.with(|units| {
            units
                .iter()
                .map(|(id, name)| {
                    let selected = Some(id) == now.as_ref();
                    view! { <option value=id.0.clone() selected=selected>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let on_unit = move |ev| {
        let id = event_target_value(&ev);
        ctx.view.update(|v| v.select_unit(&id));
    };
    view! {
        <label class="field">
            <span>{move || whatif(ctx.lang.get()).unit}</span>
            <select data-testid="whatif-unit" on:change=on_unit
                prop:value=move || current.get().map(|u| u.0).unwrap_or_default()>{options}</select>
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

/// What the editor is made of, without its values: the sliders are built once for it and then
/// follow the values, so the slider under the reader's finger is never replaced mid-drag.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Components(Vec<String>),
    Total,
}

/// The editor for the selected unit.
#[component]
pub fn Editor(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let model = Memo::new(move |_| state.with(|s| s.as_ref().and_then(|s| s.whatif.editor(&s.matrix))));
    let shape = Memo::new(move |_| {
        model.with(|m| {
            m.as_ref().map(|m| match m {
                EditorModel::Components(cs) => Shape::Components(cs.iter().map(|c| c.component_id.clone()).collect()),
                EditorModel::Total(_) => Shape::Total,
            })
        })
    });
    move || {
        // Tracked here: the sliders below read the language once, when drawn.
        let lang = ctx.lang.get();
        Some(match shape.get()? {
            Shape::Components(ids) => {
                let sliders = ids.into_iter().map(|id| view! { <ComponentSlider ctx state model id /> }).collect_view();
                view! {
                    <fieldset class="editor">
                        <legend>{whatif(lang).components}</legend>
                        {sliders}
                    </fieldset>
                }
                .into_any()
            }
            Shape::Total => view! { <TotalEditor ctx state model /> }.into_any(),
        })
    }
}

#[component]
fn ComponentSlider(
    ctx: Ctx,
    state: Memo<Option<State>>,
    model: Memo<Option<EditorModel>>,
    id: String,
) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let name = ctx.ds.with_value(|ds| {
        ds.index.components.iter().find(|c| c.id == id).map(|c| i18n::text(&c.name, lang).to_string())
    });
    let testid = format!("component-{id}");
    let edit = {
        let id = id.clone();
        Memo::new(move |_| {
            model.with(|m| match m {
                Some(EditorModel::Components(cs)) => cs.iter().find(|c| c.component_id == id).cloned(),
                _ => None,
            })
        })
    };
    let field = move |f: fn(&ComponentEdit) -> f64| edit.with(|e| e.as_ref().map(f));
    let changed = Memo::new(move |_| edit.with(|e| e.as_ref().is_some_and(|e| e.changed)));
    let on_input = move |ev| {
        if let Ok(x) = event_target_value(&ev).parse::<f64>() {
            set(ctx, state, Some(id.clone()), x);
        }
    };
    view! {
        <label class="slider" class:changed=move || changed.get()>
            <span class="slider-name">{name.unwrap_or_default()}</span>
            <input type="range" min=move || field(|e| e.min).map(|x| x.to_string())
                max=move || field(|e| e.max).map(|x| x.to_string()) step="0.01"
                prop:value=move || field(|e| e.value).map(|x| x.to_string()).unwrap_or_default() on:input=on_input
                value=crate::dom::snapshot_value(move || field(|e| e.value).map(|x| x.to_string()).unwrap_or_default())
                data-testid=testid />
            <span class="slider-value">
                {move || field(|e| e.value).map(|x| format::number(x, 2, lang))}
                {move || changed.get().then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
            </span>
        </label>
    }
}

#[component]
fn TotalEditor(ctx: Ctx, state: Memo<Option<State>>, model: Memo<Option<EditorModel>>) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (unit_fmt, lo, hi) = ctx.ds.with_value(|ds| (ds.index.unit, ds.index.scale_min, ds.index.scale_max));
    let edit: Memo<Option<TotalEdit>> = Memo::new(move |_| {
        model.with(|m| match m {
            Some(EditorModel::Total(t)) => Some(t.clone()),
            _ => None,
        })
    });
    // An unpublished total has no number to show: the number box starts empty.
    let number_text =
        move || edit.with(|e| e.as_ref().and_then(|e| e.value).map(|x| format!("{x:.2}")).unwrap_or_default());
    let shown_text = move || {
        edit.with(|e| match e.as_ref().and_then(|e| e.value) {
            Some(x) => format::score(x, unit_fmt, lang),
            None => msg(lang).unpublished.to_string(),
        })
    };
    let changed = Memo::new(move |_| edit.with(|e| e.as_ref().is_some_and(|e| e.changed)));
    view! {
        <fieldset class="editor">
            <legend>{whatif(lang).total}</legend>
            <label class="slider" class:changed=move || changed.get()>
                <input type="range" min=lo.to_string() max=hi.to_string() step="0.01"
                    prop:value=move || edit.with(|e| e.as_ref().map(|e| e.slider_at.to_string()).unwrap_or_default())
                    value=crate::dom::snapshot_value(move || edit.with_untracked(|e| e.as_ref().map(|e| e.slider_at.to_string()).unwrap_or_default()))
                    data-testid="total-slider"
                    on:input=move |ev| {
                        if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                            set(ctx, state, None, x)
                        }
                    } />
                <input type="number" class="number" min=lo.to_string() max=hi.to_string() step="0.01"
                    prop:value=number_text data-testid="total-input" value=crate::dom::snapshot_value(number_text)
                    aria-label=whatif(lang).total
                    on:change=move |ev| {
                        if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() {
                            set(ctx, state, None, x)
                        }
                    } />
                <span class="slider-value">
                    {shown_text}
                    {move || changed.get().then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
                </span>
            </label>
        </fieldset>
    }
}
