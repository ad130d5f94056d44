//! "What it takes" to reach a target rank, with a button that applies the answer, and why the
//! unit is where it is (its score taken apart).

use chiso_engine::explain::explain;
use chiso_engine::format;
use chiso_engine::whatif::apply_changes;
use leptos::prelude::*;

use super::State;
use crate::components::context::Ctx;
use crate::i18n::{self, msg, whatif};

/// The target rank box, the answer and its "apply" button.
#[component]
pub fn WhatItTakes(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let lang = ctx.lang;
    let k = Memo::new(move |_| ctx.view.with(|v| v.k));
    let on_k = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            ctx.view.update(|v| v.set_k(n));
        }
    };
    // A memo: the answer is worked out from the unit's published values, so moving the unit's own
    // slider leaves it as it is, and then its paragraph and button stay as they are too.
    let answer = Memo::new(move |_| {
        let lang = lang.get();
        let k = k.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let takes = s.whatif.what_it_takes(&s.matrix, k)?;
            let unit_fmt = ctx.ds.with_value(|ds| ds.index.unit);
            Some(match takes {
                Err(e) => (i18n::gain_error(&e, lang), Vec::new()),
                Ok(t) => {
                    let name = ctx.unit_name(&t.unit);
                    (i18n::gain_sentence(&name, k, &t.answer, unit_fmt, &s.matrix, lang), t.changes)
                }
            })
        })
    });
    view! {
        <section class="takes" data-testid="what-it-takes" aria-live="polite">
            <h2>{move || whatif(lang.get()).what_it_takes}</h2>
            <label class="field inline">
                <span>{move || whatif(lang.get()).target}</span>
                <input type="number" min="1" max="10000" step="1" class="number" data-testid="target-k"
                    prop:value=move || k.get().to_string() on:change=on_k
                    value=crate::dom::snapshot_value(move || k.get_untracked().to_string()) />
            </label>
            {move || answer.get().map(|(text, changes)| view! {
                <p data-testid="gain-answer">{text}</p>
                {(!changes.is_empty()).then(|| view! {
                    <button type="button" class="button secondary" data-testid="gain-apply"
                        on:click=move |_| ctx.view.update(|v| apply_changes(v, &changes))>
                        {whatif(lang.get()).apply}
                    </button>
                })}
            })}
        </section>
    }
}

/// The selected unit's score taken apart: each sub-index's contribution and the widest gaps.
#[component]
pub fn Explain(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    move || {
        let lang = ctx.lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let unit = s.whatif.unit.clone()?;
            let e = explain(&s.matrix, &s.whatif.scenario, &unit).ok()?;
            let comps = s.matrix.components();
            let name_of = |id: &str| {
                comps.iter().find(|c| c.id == id).map(|c| i18n::text(&c.name, lang).to_string()).unwrap_or_default()
            };
            let rows = e
                .contributions
                .iter()
                .map(|c| {
                    let share = format!("{}%", format::number(c.weight_share * 100.0, 1, lang));
                    view! {
                        <tr>
                            <th scope="row">{name_of(&c.component_id)}</th>
                            <td class="num">{format::number(c.value, 2, lang)}</td>
                            <td class="num">{share}</td>
                            <td class="num">{format::number(c.contribution, 2, lang)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let sentence = i18n::explain_sentence(&e.headline(), &name_of, lang);
            Some(view! {
                <section class="explain" data-testid="explain">
                    <h2>{whatif(lang).explain}</h2>
                    <p data-testid="explain-sentence">{sentence}</p>
                    <table class="ranking compact">
                        <thead><tr>
                            <th scope="col">{whatif(lang).col_component}</th>
                            <th scope="col" class="num">{msg(lang).col_score}</th>
                            <th scope="col" class="num">{whatif(lang).weights}</th>
                            <th scope="col" class="num">"="</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            })
        })
    }
}
