//! The robustness view: would the order hold with other weights? Seeded random weight draws
//! around the current weights give each unit a median rank, a 5–95% band and a chance of the top
//! k; proven bounds give the best and worst rank under any weights in a box around them.

use chiso_engine::dataset::UnitId;
use chiso_engine::format::{self, Lang};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::robustness::{box_fraction, concentration, robustness, Robustness, N_DRAWS};
use chiso_engine::sensitivity::SensitivityError;
use leptos::prelude::*;

use crate::charts::rank_band::{self, BandRow};
use crate::charts::{svg, EChart};
use crate::components::context::Ctx;
use crate::i18n::{self, msg, whatif};
use crate::theme;

/// The robustness view.
#[component]
pub fn SensitivityView(ctx: Ctx) -> impl IntoView {
    let (view, resolved, lang) = (ctx.view, ctx.resolved, ctx.lang);
    let spread = Memo::new(move |_| view.with(|v| v.spread));
    let k = Memo::new(move |_| view.with(|v| v.k));
    let weights = Memo::new(move |_| view.with(|v| v.weights.clone()));
    let run: Memo<Option<Result<Robustness, SensitivityError>>> = Memo::new(move |_| {
        let m = resolved.with(|r| ctx.ds.with_value(|ds| BlockMatrix::new(ds, &r.group, r.year).ok()))?;
        robustness(&m, &weights.get(), spread.get(), k.get())
    });
    let name = move |id: &UnitId| ctx.unit_name(id);

    let palette = theme::palette();
    let band_rows = {
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
    let sketch =
        move |fit: svg::Fit| band_rows.with(|rows| svg::band_inline(rows, n_positions.get(), &palette.get(), fit));
    crate::export::register(move |lang| {
        use crate::export::{int, num, text};
        let cols = i18n::export_cols(lang);
        let k = k.get_untracked();
        let chart = band_rows.with_untracked(|b| {
            (!b.is_empty()).then(|| crate::export::ChartSnap::Band(b.clone(), n_positions.get_untracked()))
        });
        run.with_untracked(|r| {
            let Some(Ok(run)) = r else { return None };
            let header = vec![
                cols.unit.to_string(),
                cols.published_rank.to_string(),
                cols.median.to_string(),
                cols.p05.to_string(),
                cols.p95.to_string(),
                i18n::p_top_k_col(k, lang),
            ];
            let rows = run
                .result
                .rows
                .iter()
                .map(|row| {
                    vec![
                        text(name(&row.unit_id)),
                        int(Some(row.baseline_rank_1_based)),
                        int(Some(row.median_rank_1_based)),
                        int(Some(row.p05_rank_1_based)),
                        int(Some(row.p95_rank_1_based)),
                        num(Some(row.p_top_k), 3),
                    ]
                })
                .collect();
            Some(crate::export::ViewExport {
                what: "do-vung",
                header,
                rows,
                chart,
                subtitle: i18n::view_label(chiso_engine::view_state::View::Sensitivity, lang).to_string(),
                has_assumed: false,
                has_computed: true,
            })
        })
    });
    let summary = Signal::derive(move || {
        let lang = lang.get();
        band_rows.with(|rows| rows.iter().take(8).map(|r| r.tooltip.clone()).collect::<Vec<_>>().join("; "))
            + match lang {
                Lang::Vi => ".",
                Lang::En => ".",
            }
    });

    let headline = move || {
        let lang = lang.get();
        run.with(|r| {
            let Some(Ok(run)) = r else { return None };
            let first = run.result.rows.first()?;
            let first_name = name(&first.unit_id);
            let headline = i18n::SensitivityHeadline {
                n_draws: run.result.n_draws,
                n_stable: run.n_stable,
                n_units: run.result.rows.len(),
                first_name: &first_name,
                first_median_rank: first.median_rank_1_based,
                first_p_top_k: first.p_top_k,
                k: run.result.top_k,
            };
            Some(i18n::sensitivity_headline(&headline, lang))
        })
    };

    let on_spread = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            view.update(|v| v.set_spread(n));
        }
    };
    let on_k = move |ev| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            view.update(|v| v.set_k(n));
        }
    };

    let table = {
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
                                .bounds_of(&row.unit_id)
                                .map(|b| format!("{}–{}", b.best_bound_1_based, b.worst_bound_1_based));
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
                                    <caption>{i18n::sensitivity(lang).caption}</caption>
                                    <thead><tr>
                                        <th scope="col">{msg(lang).col_unit}</th>
                                        <th scope="col" class="num">{i18n::sensitivity(lang).col_baseline}</th>
                                        <th scope="col" class="num">{i18n::sensitivity(lang).col_median}</th>
                                        <th scope="col" class="num">{i18n::sensitivity(lang).col_band}</th>
                                        <th scope="col" class="num">{i18n::sensitivity(lang).col_bounds}</th>
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
                    <span>{move || format!("{}: {}", i18n::sensitivity(lang.get()).spread, i18n::spread_label(spread.get(), lang.get()))}</span>
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
                <EChart option height_px=height summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) sketch />
            </Show>
            {table}
            <p class="muted method">{move || i18n::method_note(N_DRAWS, concentration(spread.get()), box_fraction(spread.get()) * 100.0, lang.get())}</p>
        </section>
    }
}
