//! The robustness view: would the order hold with other weights? Seeded random weight draws
//! around the current weights give each unit a median rank, a 5–95% band and a chance of the top
//! k; proven bounds give the best and worst rank under any weights in a box around them.

use std::sync::Arc;

use chiso_engine::dataset::{Dataset, UnitId};
use chiso_engine::format::{self, Lang};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::scenario::resolve_shares;
use chiso_engine::scenario_link::weight_choice;
use chiso_engine::sensitivity::{
    rank_bounds, simulate, RankBounds, SensitivityConfig, SensitivityError, SensitivityResult,
};
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;

use crate::charts::rank_band::{self, BandRow};
use crate::charts::EChart;
use crate::components::explorer::Resolved;
use crate::i18n::{self, msg, sensitivity, whatif};
use crate::theme;

/// Weight draws per run: enough for stable 5–95% bands, a few milliseconds in the browser.
const N_DRAWS: u32 = 10_000;
/// Fixed seed: the same link always shows the same bands.
const SEED: u64 = 20_240_220;

/// Dirichlet concentration for the link's `spread` (0 = no uncertainty).
fn concentration(spread: u32) -> f64 {
    if spread == 0 {
        f64::INFINITY
    } else {
        10_000.0 / f64::from(spread * spread)
    }
}

/// The box of weights for the proven bounds: each share ± (5 × spread)%, at most ±100%.
fn weight_box(shares: &[f64], spread: u32) -> Vec<(f64, f64)> {
    let r = (f64::from(spread) * 5.0 / 100.0).min(1.0);
    shares.iter().map(|s| ((s * (1.0 - r)).max(0.0), (s * (1.0 + r)).min(1.0))).collect()
}

#[derive(Debug, Clone, PartialEq)]
struct Run {
    result: SensitivityResult,
    bounds: Vec<(UnitId, RankBounds)>,
    n_units: u32,
}

/// The robustness view.
#[component]
pub fn SensitivityView(
    ds: Arc<Dataset>,
    view: RwSignal<ViewState>,
    resolved: Memo<Resolved>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let spread = Memo::new(move |_| view.with(|v| v.spread));
    let k = Memo::new(move |_| view.with(|v| v.k));
    let weights = Memo::new(move |_| view.with(|v| v.weights.clone()));
    let run: Memo<Option<Result<Run, SensitivityError>>> = {
        let ds = ds.clone();
        Memo::new(move |_| {
            let (group, year) = resolved.with(|r| (r.group.clone(), r.year));
            let m = BlockMatrix::new(&ds, &group, year).ok()?;
            if m.components().is_empty() {
                return None;
            }
            let (choice, _) = weight_choice(&m, &weights.get());
            let cfg = SensitivityConfig {
                n_draws: N_DRAWS,
                concentration: concentration(spread.get()),
                seed: SEED,
                top_k: k.get(),
            };
            let result = match simulate(&m, &choice, &cfg) {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            };
            let shares = resolve_shares(&m, &choice).ok().flatten().unwrap_or_default();
            let bx = weight_box(&shares, spread.get());
            let bounds = result
                .rows
                .iter()
                .filter_map(|r| rank_bounds(&m, &r.unit_id, &bx).ok().map(|b| (r.unit_id.clone(), b)))
                .collect();
            let n_units = u32::try_from(m.n_units()).unwrap_or(u32::MAX);
            Some(Ok(Run { result, bounds, n_units }))
        })
    };
    let name = {
        let ds = ds.clone();
        move |id: &UnitId| ds.unit(id).map(|u| u.name.clone()).unwrap_or_else(|| id.0.clone())
    };

    let palette = theme::palette();
    let band_rows = {
        let name = name.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            let selected = view.with(|v| v.unit.clone());
            run.with(|r| match r {
                Some(Ok(run)) => run
                    .result
                    .rows
                    .iter()
                    .map(|row| BandRow {
                        label: name(&row.unit_id),
                        p05: row.p05_rank_1_based,
                        median: row.median_rank_1_based,
                        p95: row.p95_rank_1_based,
                        tooltip: i18n::band_tooltip(
                            &name(&row.unit_id),
                            row.median_rank_1_based,
                            row.p05_rank_1_based,
                            row.p95_rank_1_based,
                            lang,
                        ),
                        selected: selected.as_deref() == Some(row.unit_id.0.as_str()),
                    })
                    .collect(),
                _ => Vec::new(),
            })
        })
    };
    let n_positions = Memo::new(move |_| {
        run.with(|r| match r {
            Some(Ok(run)) => run.n_units,
            _ => 1,
        })
    });
    let option =
        Signal::derive(move || band_rows.with(|rows| rank_band::option(rows, n_positions.get(), &palette.get())));
    let height = Signal::derive(move || band_rows.with(|r| rank_band::height_for(r.len())));
    let summary = Signal::derive(move || {
        let lang = lang.get();
        band_rows.with(|rows| rows.iter().take(8).map(|r| r.tooltip.clone()).collect::<Vec<_>>().join("; "))
            + match lang {
                Lang::Vi => ".",
                Lang::En => ".",
            }
    });

    let headline = {
        let name = name.clone();
        move || {
            let lang = lang.get();
            run.with(|r| {
                let Some(Ok(run)) = r else { return None };
                let stable = run.result.rows.iter().filter(|r| r.p05_rank_1_based == r.p95_rank_1_based).count();
                let first = run.result.rows.first()?;
                let first_name = name(&first.unit_id);
                let headline = i18n::SensitivityHeadline {
                    n_draws: run.result.n_draws,
                    n_stable: stable,
                    n_units: run.result.rows.len(),
                    first_name: &first_name,
                    first_median_rank: first.median_rank_1_based,
                    first_p_top_k: first.p_top_k,
                    k: run.result.top_k,
                };
                Some(i18n::sensitivity_headline(&headline, lang))
            })
        }
    };

    let on_spread = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            view.update(|v| v.spread = n.min(100));
        }
    };
    let on_k = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            view.update(|v| v.k = n.clamp(1, 10_000));
        }
    };

    let table = {
        let name = name.clone();
        move || {
            let lang = lang.get();
            let k = k.get();
            run.with(|r| match r {
                None => Some(
                    view! { <p class="notice" data-testid="sensitivity-none">{whatif(lang).no_components_weights}</p> }
                        .into_any(),
                ),
                Some(Err(e)) => {
                    Some(view! { <p class="notice" role="alert">{i18n::sensitivity_error(e, lang)}</p> }.into_any())
                }
                Some(Ok(run)) => {
                    let rows = run
                        .result
                        .rows
                        .iter()
                        .map(|row| {
                            let bounds = run
                                .bounds
                                .iter()
                                .find(|(id, _)| id == &row.unit_id)
                                .map(|(_, b)| format!("{}–{}", b.best_bound_1_based, b.worst_bound_1_based));
                            view! {
                                <tr data-testid="sensitivity-row" data-unit=row.unit_id.0.clone()>
                                    <th scope="row" class="unit"><span class="name">{name(&row.unit_id)}</span></th>
                                    <td class="num">{row.baseline_rank_1_based}</td>
                                    <td class="num" data-testid="median">{row.median_rank_1_based}</td>
                                    <td class="num">{format!("{}–{}", row.p05_rank_1_based, row.p95_rank_1_based)}</td>
                                    <td class="num">{bounds.unwrap_or_else(|| "–".into())}</td>
                                    <td class="num">{format!("{}%", format::number(row.p_top_k * 100.0, 0, lang))}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    Some(
                        view! {
                            <div class="table-wrap">
                                <table class="ranking" data-testid="sensitivity-table">
                                    <caption>{sensitivity(lang).caption}</caption>
                                    <thead><tr>
                                        <th scope="col">{msg(lang).col_unit}</th>
                                        <th scope="col" class="num">{sensitivity(lang).col_baseline}</th>
                                        <th scope="col" class="num">{sensitivity(lang).col_median}</th>
                                        <th scope="col" class="num">{sensitivity(lang).col_band}</th>
                                        <th scope="col" class="num">{sensitivity(lang).col_bounds}</th>
                                        <th scope="col" class="num">{i18n::p_top_heading(k, lang)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                    )
                }
            })
        }
    };
    let has_run = Memo::new(move |_| run.with(|r| matches!(r, Some(Ok(_)))));

    view! {
        <section class="sensitivity" data-testid="sensitivity-view">
            <div class="fields">
                <label class="field">
                    <span>{move || format!("{}: {}", sensitivity(lang.get()).spread, i18n::spread_label(spread.get(), lang.get()))}</span>
                    <input type="range" min="0" max="100" step="1" data-testid="spread"
                        prop:value=move || spread.get().to_string() on:change=on_spread />
                </label>
                <label class="field">
                    <span>{move || whatif(lang.get()).target}</span>
                    <input type="number" min="1" max="10000" class="number" data-testid="sens-k"
                        prop:value=move || k.get().to_string() on:change=on_k />
                </label>
            </div>
            <p class="summary" data-testid="sensitivity-summary" aria-live="polite">{headline}</p>
            <Show when=move || has_run.get()>
                <EChart option height_px=height summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) />
            </Show>
            {table}
            <p class="muted method">{move || i18n::method_note(N_DRAWS, concentration(spread.get()), (f64::from(spread.get()) * 5.0).min(100.0), lang.get())}</p>
        </section>
    }
}
