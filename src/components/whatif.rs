//! The what-if view: change one unit's total or sub-indices and the weights, and see every rank
//! move; "what it takes" to reach a target rank; why a unit is where it is. Every changed value
//! is labelled hypothetical. All numbers come from the engine (scenario, gain, interval, explain).

use std::sync::Arc;

use chiso_engine::dataset::{Dataset, UnitId};
use chiso_engine::format::{self, Lang};
use chiso_engine::gain::{gain, GainQuery, Lever};
use chiso_engine::interval::rank_interval_in;
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::scenario::{evaluate, Override, Scenario, ScenarioError, ScenarioResult};
use chiso_engine::scenario_link::{
    custom_weights, gain_overrides, scenario_for, set_override, weights_pct, LinkMismatch,
};
use chiso_engine::view_state::{ViewState, WeightsParam};
use leptos::prelude::*;

use crate::charts::ranking_bar::{self, BarRow, BarSpec};
use crate::charts::EChart;
use crate::components::explorer::Resolved;
use crate::i18n::{self, msg, whatif};
use crate::theme;

/// The block's matrix, scenario and result for the current view state.
#[derive(Debug, Clone, PartialEq)]
struct WhatIfState {
    matrix: Arc<BlockMatrix>,
    scenario: Scenario,
    mismatches: Vec<LinkMismatch>,
    result: Result<ScenarioResult, ScenarioError>,
    /// The unit the panel edits.
    unit: Option<UnitId>,
}

/// The what-if view.
#[component]
pub fn WhatIfView(
    ds: Arc<Dataset>,
    view: RwSignal<ViewState>,
    resolved: Memo<Resolved>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let unit_fmt = ds.index.unit;
    let (scale_min, scale_max) = (ds.index.scale_min, ds.index.scale_max);
    let matrix = {
        let ds = ds.clone();
        Memo::new(move |_| resolved.with(|r| BlockMatrix::new(&ds, &r.group, r.year).ok().map(Arc::new)))
    };
    let state = Memo::new(move |_| {
        let m = matrix.get()?;
        let (scenario, mismatches) = view.with(|v| scenario_for(&m, v));
        let result = evaluate(&m, &scenario);
        let asked = view.with(|v| v.unit.clone()).map(UnitId).filter(|u| m.unit_idx(u).is_some());
        let unit = asked.or_else(|| m.units().last().map(|u| u.id.clone()));
        Some(WhatIfState { matrix: m, scenario, mismatches, result, unit })
    });
    let names = {
        let ds = ds.clone();
        move |id: &UnitId| ds.unit(id).map(|u| u.name.clone()).unwrap_or_else(|| id.0.clone())
    };

    let ds_for_derived = ds.clone();
    let ds_weights_derived = move |m: &BlockMatrix| {
        ds_for_derived
            .edition(m.year())
            .and_then(|e| e.weights_status)
            .is_some_and(|s| s == chiso_engine::schema::WeightsStatus::Derived)
    };
    let ds_for_names = ds.clone();
    let ds_name =
        move |_m: &BlockMatrix, id: &UnitId| ds_for_names.unit(id).map(|u| u.name.clone()).unwrap_or_default();

    // --- the panel: unit, its total or sub-indices, the weights ---
    let unit_select = {
        let names = names.clone();
        move || {
            state.with(|s| {
                let s = s.as_ref()?;
                let current = s.unit.clone();
                let mut units: Vec<(UnitId, String)> =
                    s.matrix.units().iter().map(|u| (u.id.clone(), names(&u.id))).collect();
                units.sort_by(|a, b| chiso_engine::search::fold(&a.1).cmp(&chiso_engine::search::fold(&b.1)));
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
        }
    };
    let on_unit = move |ev| {
        let id = event_target_value(&ev);
        view.update(|v| v.unit = Some(id));
    };

    let editors = move || {
        let lang = lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let unit = s.unit.clone()?;
            let idx = s.matrix.unit_idx(&unit)?;
            let block_unit = s.matrix.units().get(idx)?;
            let comps = s.matrix.components();
            if !comps.is_empty() && block_unit.has_all_components {
                let published = s.matrix.unit_values(idx).map(<[f64]>::to_vec).unwrap_or_default();
                let overridden = match s.scenario.overrides.get(&unit) {
                    Some(Override::Components(v)) => v.clone(),
                    _ => vec![None; comps.len()],
                };
                let rows = comps
                    .iter()
                    .enumerate()
                    .map(|(ci, c)| {
                        let base = published.get(ci).copied().unwrap_or(c.min);
                        let value = overridden.get(ci).copied().flatten().unwrap_or(base);
                        let changed = overridden.get(ci).copied().flatten().is_some();
                        let unit_id = unit.0.clone();
                        let cid = c.id.clone();
                        let name = i18n::text(&c.name, lang).to_string();
                        let on_input = move |ev| {
                            let Ok(x) = event_target_value(&ev).parse::<f64>() else { return };
                            let keep = (x - base).abs() > 1e-9;
                            view.update(|v| set_override(v, &unit_id, Some(&cid), keep.then_some(x)));
                        };
                        view! {
                            <label class="slider" class:changed=changed>
                                <span class="slider-name">{name}</span>
                                <input type="range" min=c.min.to_string() max=c.max.to_string() step="0.01"
                                    prop:value=value.to_string() on:input=on_input
                                    data-testid=format!("component-{}", c.id) />
                                <span class="slider-value">
                                    {format::number(value, 2, lang)}
                                    {changed.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
                                </span>
                            </label>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <fieldset class="editor">
                        <legend>{whatif(lang).components}</legend>
                        {rows}
                    </fieldset>
                }.into_any())
            } else {
                let base = block_unit.baseline_score;
                let value = match s.scenario.overrides.get(&unit) {
                    Some(Override::Total(x)) => Some(*x),
                    _ => base,
                };
                let changed = matches!(s.scenario.overrides.get(&unit), Some(Override::Total(_)));
                let unit_id = unit.0.clone();
                let set = move |x: f64| {
                    let keep = base.is_none_or(|b| (x - b).abs() > 1e-9);
                    view.update(|v| set_override(v, &unit_id, None, keep.then_some(x)));
                };
                let set_from_number = set.clone();
                // An unpublished total has no number to show: the inputs start empty (the slider
                // sits at the middle) until the reader types a hypothetical one.
                let slider_at = value.unwrap_or((scale_min + scale_max) / 2.0);
                let number_text = value.map(|x| format!("{x:.2}")).unwrap_or_default();
                let shown_text = match value {
                    Some(x) => format::score(x, unit_fmt, lang),
                    None => msg(lang).unpublished.to_string(),
                };
                Some(view! {
                    <fieldset class="editor">
                        <legend>{whatif(lang).total}</legend>
                        <label class="slider" class:changed=changed>
                            <input type="range" min=scale_min.to_string() max=scale_max.to_string() step="0.01"
                                prop:value=slider_at.to_string() data-testid="total-slider"
                                on:input=move |ev| {
                                    if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                                        set(x)
                                    }
                                } />
                            <input type="number" class="number" min=scale_min.to_string() max=scale_max.to_string() step="0.01"
                                prop:value=number_text data-testid="total-input"
                                aria-label=whatif(lang).total
                                on:change=move |ev| {
                                    if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() {
                                        set_from_number(x.clamp(scale_min, scale_max))
                                    }
                                } />
                            <span class="slider-value">
                                {shown_text}
                                {changed.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
                            </span>
                        </label>
                    </fieldset>
                }.into_any())
            }
        })
    };

    let weights_editor = move || {
        let lang = lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let comps = s.matrix.components().to_vec();
            if comps.is_empty() {
                return Some(view! { <p class="muted">{whatif(lang).no_components_weights}</p> }.into_any());
            }
            let pct = weights_pct(&s.matrix, &s.scenario.weights);
            let preset = view.with(|v| match &v.weights {
                WeightsParam::Official => "official".to_string(),
                WeightsParam::Equal => "equal".to_string(),
                WeightsParam::Emphasis(c) => format!("emph-{c}"),
                WeightsParam::Custom(_) => "custom".to_string(),
            });
            let m = s.matrix.clone();
            let on_preset = move |ev| {
                let value = event_target_value(&ev);
                view.update(|v| {
                    v.weights = match value.as_str() {
                        "equal" => WeightsParam::Equal,
                        "custom" => v.weights.clone(),
                        other => other
                            .strip_prefix("emph-")
                            .map_or(WeightsParam::Official, |c| WeightsParam::Emphasis(c.to_string())),
                    };
                });
            };
            let mut options = vec![
                ("official".to_string(), whatif(lang).preset_official.to_string()),
                ("equal".to_string(), whatif(lang).preset_equal.to_string()),
            ];
            for c in &comps {
                options.push((
                    format!("emph-{}", c.id),
                    format!("{}: {}", whatif(lang).emphasis, i18n::text(&c.name, lang)),
                ));
            }
            if preset == "custom" {
                options.push(("custom".to_string(), whatif(lang).preset_custom.to_string()));
            }
            let sliders = comps
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let now = pct.get(ci).copied().unwrap_or(0.0);
                    let m = m.clone();
                    let pct_all = pct.clone();
                    let on_input = move |ev| {
                        let Ok(x) = event_target_value(&ev).parse::<f64>() else { return };
                        let mut next = pct_all.clone();
                        if let Some(slot) = next.get_mut(ci) {
                            *slot = x;
                        }
                        view.update(|v| v.weights = custom_weights(&m, &next));
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
            let derived = ds_weights_derived(&s.matrix);
            Some(
                view! {
                    <fieldset class="editor weights">
                        <legend>{whatif(lang).weights}</legend>
                        {derived.then(|| view! { <p class="notice">{whatif(lang).derived_weights}</p> })}
                        <label class="field">
                            <span>{whatif(lang).preset}</span>
                            <select data-testid="weights-preset" on:change=on_preset>
                                {options.into_iter().map(|(v, label)| {
                                    let selected = v == preset;
                                    view! { <option value=v selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        {sliders}
                    </fieldset>
                }
                .into_any(),
            )
        })
    };

    let reset = move |_| {
        view.update(|v| {
            v.overrides.clear();
            v.weights = WeightsParam::Official;
        })
    };

    // --- what it takes ---
    let k = Memo::new(move |_| view.with(|v| v.k));
    let gain_text = {
        let names = names.clone();
        move || {
            let lang = lang.get();
            let k = k.get();
            state.with(|s| {
                let s = s.as_ref()?;
                let unit = s.unit.clone()?;
                let idx = s.matrix.unit_idx(&unit)?;
                let has_comps = s.matrix.units().get(idx).is_some_and(|u| u.has_all_components)
                    && !s.matrix.components().is_empty();
                let lever = if has_comps { Lever::Components } else { Lever::Total };
                // The question is asked of the unit's published position, without its own changes.
                let mut scenario = s.scenario.clone();
                scenario.overrides.remove(&unit);
                let answer =
                    gain(&s.matrix, &scenario, &GainQuery { unit: unit.clone(), target_rank_1_based: k, lever });
                let name = names(&unit);
                Some(match answer {
                    Err(e) => (i18n::gain_error(&e, lang), None),
                    Ok(a) => {
                        (i18n::gain_sentence(&name, k, &a, unit_fmt, &s.matrix, lang), gain_overrides(&unit, &a.gain))
                    }
                })
            })
        }
    };
    let on_k = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            view.update(|v| v.k = n.clamp(1, 10_000));
        }
    };

    // --- why this rank ---
    let explanation = move || {
        let lang = lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            let unit = s.unit.clone()?;
            let e = chiso_engine::explain::explain(&s.matrix, &s.scenario, &unit).ok()?;
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
            let sentence = i18n::explain_sentence(&e, &name_of, lang);
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
    };

    // --- the result: chart and table ---
    let palette = theme::palette();
    let bar_rows = Memo::new(move |_| {
        let lang = lang.get();
        state.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let Ok(result) = &s.result else { return Vec::new() };
            result
                .rows
                .iter()
                .filter_map(|r| {
                    let score = r.score?;
                    let rank =
                        r.rank_1_based.map(|p| format!("{}{p}. ", if r.tied { "=" } else { "" })).unwrap_or_default();
                    let name = ds_name(&s.matrix, &r.unit_id);
                    Some(BarRow {
                        label: format!("{rank}{name}"),
                        value: score,
                        value_text: format::score(score, unit_fmt, lang),
                        selected: Some(&r.unit_id) == s.unit.as_ref(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let option = Signal::derive(move || {
        let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean: None, narrow: false };
        bar_rows.with(|rows| ranking_bar::option(rows, &spec, &palette.get()))
    });
    let height = Signal::derive(move || bar_rows.with(|r| ranking_bar::height_for(r.len())));
    let chart_summary = Signal::derive(move || {
        bar_rows.with(|rows| {
            rows.iter().take(10).map(|r| format!("{}: {}", r.label, r.value_text)).collect::<Vec<_>>().join("; ")
        })
    });

    let table = {
        let names = names.clone();
        move || {
            let lang = lang.get();
            state.with(|s| {
                let s = s.as_ref()?;
                let result = match &s.result {
                    Ok(r) => r,
                    Err(e) => return Some(view! { <p class="notice" role="alert">{i18n::scenario_error(e, lang)}</p> }.into_any()),
                };
                let rows = result
                    .rows
                    .iter()
                    .map(|r| {
                        let idx = s.matrix.unit_idx(&r.unit_id);
                        // In a partly published block a changed score has a rank range, not a rank.
                        // In a partly published block a changed score has a rank range, not a
                        // rank — worked out against the published scores, so only when it is the
                        // one change and the weights are the year's own.
                        let single_change = s.scenario.overrides.len() == 1 && !result.reweighted;
                        let interval = (r.overridden && !result.complete && single_change)
                            .then(|| idx.zip(r.score))
                            .flatten()
                            .and_then(|(i, score)| rank_interval_in(&s.matrix, i, score).ok());
                        let unchanged = s.scenario.overrides.is_empty() && !result.reweighted;
                        let rank_text = match (r.rank_1_based, interval) {
                            (_, Some(iv)) => i18n::rank_range(iv.best_1_based, iv.worst_1_based, lang),
                            (Some(p), None) => format!("{}{p}", if r.tied { "=" } else { "" }),
                            // Published ranks stand while nothing changed. With one changed unit,
                            // a unit whose score is published moves exactly one place when the
                            // changed unit passes it (either way); otherwise the rank is unknown.
                            (None, None) if unchanged => {
                                r.baseline_rank_1_based.map(|p| p.to_string()).unwrap_or_else(|| "–".into())
                            }
                            (None, None) if single_change && !r.overridden => {
                                shifted_rank(r, result, &s.scenario).map(|p| p.to_string()).unwrap_or_else(|| "–".into())
                            }
                            (None, None) => "–".to_string(),
                        };
                        let reason = interval.filter(|iv| !iv.is_exact()).map(|iv| i18n::interval_reason(iv.n_unpublished, lang));
                        let score = r.score.map(|x| format::score(x, unit_fmt, lang));
                        let change = r.rank_change.filter(|d| *d != 0).map(|d| {
                            let class = if d > 0 { "up" } else { "down" };
                            view! { <span class=format!("rank-change {class}") title=i18n::rank_change_text(d, lang)>{format!("{}{}", if d > 0 { "+" } else { "−" }, d.abs())}</span> }
                        });
                        let score_change = r.score_change.filter(|c| c.abs() > 1e-9).map(|c| format::signed(c, 2, lang));
                        view! {
                            <tr data-testid="whatif-row" data-unit=r.unit_id.0.clone() class:hypothetical=r.hypothetical class:selected=Some(&r.unit_id) == s.unit.as_ref()>
                                <td class="num rank" data-testid="whatif-rank">{rank_text}</td>
                                <th scope="row" class="unit">
                                    <span class="name">{names(&r.unit_id)}</span>
                                    {reason.map(|t| view! { <span class="note" data-testid="interval-reason">{t}</span> })}
                                </th>
                                <td class="num score">
                                    {score.unwrap_or_else(|| msg(lang).unpublished.to_string())}
                                    {r.hypothetical.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
                                </td>
                                <td class="num change">{score_change}{change}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <div class="table-wrap">
                        <table class="ranking" data-testid="whatif-table">
                            <caption>{whatif(lang).hypothetical_banner}</caption>
                            <thead><tr>
                                <th scope="col" class="num">{msg(lang).col_rank}</th>
                                <th scope="col">{msg(lang).col_unit}</th>
                                <th scope="col" class="num">{msg(lang).col_score}</th>
                                <th scope="col" class="num">{msg(lang).col_change}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any())
            })
        }
    };

    let mismatches = move || {
        let lang = lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            (!s.mismatches.is_empty()).then(|| {
                let items =
                    s.mismatches.iter().map(|m| view! { <li>{i18n::mismatch_text(m, lang)}</li> }).collect_view();
                view! { <div class="notice" data-testid="whatif-notice" role="status"><ul>{items}</ul></div> }
            })
        })
    };

    view! {
        <section class="whatif" data-testid="whatif-view">
            {mismatches}
            <div class="panel">
                <label class="field">
                    <span>{move || whatif(lang.get()).unit}</span>
                    <select data-testid="whatif-unit" on:change=on_unit>{unit_select}</select>
                </label>
                {editors}
                {weights_editor}
                <button type="button" class="button" data-testid="whatif-reset" on:click=reset>
                    {move || whatif(lang.get()).reset}
                </button>
            </div>
            <section class="takes" data-testid="what-it-takes" aria-live="polite">
                <h2>{move || whatif(lang.get()).what_it_takes}</h2>
                <label class="field inline">
                    <span>{move || whatif(lang.get()).target}</span>
                    <input type="number" min="1" max="10000" step="1" class="number" data-testid="target-k"
                        prop:value=move || k.get().to_string() on:change=on_k />
                </label>
                {move || gain_text().map(|(text, apply)| view! {
                    <p data-testid="gain-answer">{text}</p>
                    {apply.map(|overrides| {
                        let label = whatif(lang.get()).apply;
                        view! {
                            <button type="button" class="button secondary" data-testid="gain-apply"
                                on:click=move |_| view.update(|v| {
                                    // The answer was worked out from the published values: start from them.
                                    if let Some(first) = overrides.first() {
                                        v.overrides.retain(|o| o.unit != first.unit);
                                    }
                                    for o in &overrides {
                                        set_override(v, &o.unit, o.component.as_deref(), Some(o.value));
                                    }
                                })>{label}</button>
                        }
                    })}
                })}
            </section>
            {explanation}
            <EChart option height_px=height summary=chart_summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) />
            {table}
        </section>
    }
}

/// The published rank of `r` after the scenario's one changed unit moved: one place down when
/// it passed `r` from below, one place up when it fell below `r` from above. `None` when either
/// position or score needed for that is unknown.
fn shifted_rank(r: &chiso_engine::scenario::ScenarioRow, result: &ScenarioResult, scenario: &Scenario) -> Option<u32> {
    let rank = r.baseline_rank_1_based?;
    let score = r.score?;
    let (changed_id, _) = scenario.overrides.iter().next()?;
    let changed = result.row(changed_id)?;
    let old_pos = changed.baseline_rank_1_based?;
    let new_score = changed.score?;
    if old_pos > rank && new_score > score {
        Some(rank + 1)
    } else if old_pos < rank && new_score < score {
        Some(rank.saturating_sub(1).max(1))
    } else {
        Some(rank)
    }
}
