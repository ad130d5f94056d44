//! The what-if's result: the selected unit's new rank and move in one line (kept in view on a
//! phone), the rescored chart, and the rescored table with each row's honest rank.

use chiso_engine::format::{self, Lang};
use chiso_engine::table::export::CsvCell;
use chiso_engine::view_state::View;
use chiso_engine::whatif::ShownRank;
use leptos::prelude::*;

use super::State;
use crate::charts::ranking_bar::{self, BarRow, BarSpec};
use crate::charts::{svg, EChart};
use crate::components::context::Ctx;
use crate::components::rank_change::RankChange;
use crate::export::{ChartSnap, ViewExport};
use crate::i18n::{self, msg, whatif};
use crate::theme;

/// Units shown on each side of the selected one in the result line's excerpt of the chart.
const NEIGHBOURS: usize = 1;

/// "Hà Nội: hạng 24 → 10": the selected unit before and after the changes, and (on phones,
/// where the chart is below the editors) its place in the rescored order with its neighbours.
#[component]
pub fn ResultLine(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let (unit_fmt, lo, hi) = ctx.ds.with_value(|ds| (ds.index.unit, ds.index.scale_min, ds.index.scale_max));
    let text = move || {
        let lang = ctx.lang.get();
        state.with(|s| {
            let focus = s.as_ref()?.whatif.focus()?;
            Some(i18n::focus_line(&ctx.unit_name(&focus.unit), focus.before_1_based, focus.after, focus.changed, lang))
        })
    };
    // Keyed by what each item shows, as the table's rows are: a slider move rebuilds the moved
    // unit's item and keeps its neighbours' (and the list itself) as they are.
    let excerpt = Memo::new(move |_| {
        let lang = ctx.lang.get();
        state.with(|s| {
            let rows = s.as_ref().map(|s| s.whatif.neighbours(NEIGHBOURS)).unwrap_or_default();
            rows.into_iter()
                .map(|n| NeighbourItem {
                    rank: i18n::shown_rank(n.shown, lang),
                    name: ctx.unit_name(&n.unit_id),
                    bar_width: format!(
                        "{:.1}",
                        if hi > lo { ((n.score - lo) / (hi - lo) * 100.0).clamp(0.0, 100.0) } else { 0.0 }
                    ),
                    score: format::score(n.score, unit_fmt, lang),
                    unit_id: n.unit_id.0,
                    hypothetical: n.hypothetical,
                    selected: n.selected,
                    lang,
                })
                .collect::<Vec<_>>()
        })
    });
    let each = move || excerpt.get();
    let list_label = move || whatif(ctx.lang.get()).neighbours;
    view! {
        <div class="result-line" data-testid="result-line" aria-live="polite">
            <p class="focus">{text}</p>
            <ol class="result-neighbours" aria-label=list_label>
                <For each=each key=|n: &NeighbourItem| n.clone() children=neighbour_item />
            </ol>
        </div>
    }
}

/// One item of the result line's excerpt, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct NeighbourItem {
    unit_id: String,
    rank: String,
    name: String,
    bar_width: String,
    score: String,
    hypothetical: bool,
    selected: bool,
    lang: Lang,
}

fn neighbour_item(n: NeighbourItem) -> impl IntoView {
    let NeighbourItem { rank, name, bar_width, score, hypothetical, selected, lang, .. } = n;
    view! {
        <li class:selected=selected data-testid="neighbour">
            // A range wraps at its spaces only ("hạng" / "5–23"), never after its dash.
            <span class="n-rank">{words(&rank)}</span>
            <span class="n-name">{name}</span>
            // An SVG bar, not a styled span: the snapshot carries no style attribute.
            <span class="n-bar" aria-hidden="true">
                <svg viewBox="0 0 100 8" preserveAspectRatio="none" focusable="false">
                    <rect width=bar_width height="8" />
                </svg>
            </span>
            <span class="n-score">
                {score}
                {hypothetical.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
            </span>
        </li>
    }
}

/// Text as words that each stay on one line, the spaces between them free to break.
fn words(text: &str) -> impl IntoView {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| view! { {(i > 0).then_some(" ")}<span class="nobr">{w.to_owned()}</span> })
        .collect_view()
}

/// The rescored bars, best first, the selected unit highlighted.
#[component]
pub fn ResultChart(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let lang = ctx.lang;
    let (unit_fmt, scale_min, scale_max) =
        ctx.ds.with_value(|ds| (ds.index.unit, ds.index.scale_min, ds.index.scale_max));
    let palette = theme::palette();
    // On a phone the names take the phone's narrower column, as the ranking's chart does (a
    // desktop's column left the bars 64 px of a phone's box).
    let narrow = crate::components::viewport::narrow();
    let bar_rows = Memo::new(move |_| {
        let lang = lang.get();
        state.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let Ok(result) = &s.whatif.result else { return Vec::new() };
            result
                .rows
                .iter()
                .zip(&s.whatif.shown)
                .filter_map(|(r, shown)| {
                    let rank = match *shown {
                        ShownRank::Exact { rank_1_based, tied } => Some((rank_1_based, tied)),
                        other => other.single().map(|p| (p, false)),
                    };
                    let selected = Some(&r.unit_id) == s.whatif.unit.as_ref();
                    Some(BarRow::ranked(
                        &r.unit_id.0,
                        rank,
                        None,
                        &ctx.unit_name(&r.unit_id),
                        r.score?,
                        unit_fmt,
                        lang,
                        selected,
                    ))
                })
                .collect::<Vec<_>>()
        })
    });
    let option = Signal::derive(move || {
        let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean: None, narrow: narrow.get() };
        bar_rows.with(|rows| ranking_bar::option(rows, &spec, &palette.get()))
    });
    let sketch = move |fit: svg::Fit| {
        let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean: None, narrow: fit.width_px < 600.0 };
        bar_rows.with(|rows| svg::bar_inline(rows, &spec, &palette.get(), lang.get(), fit))
    };
    // The bars move as the reader edits: drawn as SVG until the reader's first touch or key brings
    // ECharts in (loader.rs), which then moves them.
    let height = Signal::derive(move || bar_rows.with(|r| ranking_bar::height_for(r.len())));
    let summary = Signal::derive(move || {
        bar_rows.with(|rows| {
            rows.iter().take(10).map(|r| format!("{}: {}", r.label, r.value_text)).collect::<Vec<_>>().join("; ")
        })
    });
    let unavailable = Signal::derive(move || msg(lang.get()).chart_unavailable);
    crate::export::register(move |lang| {
        let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean: None, narrow: false };
        let chart = bar_rows.with_untracked(|b| (!b.is_empty()).then(|| ChartSnap::Bar(b.clone(), spec)));
        state.with_untracked(|s| s.as_ref().map(|s| whatif_export(ctx, s, chart, lang)))
    });
    view! { <EChart option height_px=height summary unavailable_text=unavailable sketch /> }
}

/// The rescored table as shown: every value a reader changed (or rescored under other weights)
/// marked assumed.
fn whatif_export(ctx: Ctx, s: &State, chart: Option<ChartSnap>, lang: Lang) -> ViewExport {
    use crate::export::{int, note, num, text};
    let cols = i18n::export_cols(lang);
    let header = vec![
        cols.rank.to_string(),
        cols.unit.to_string(),
        cols.score.to_string(),
        cols.score_change.to_string(),
        cols.rank_change.to_string(),
        cols.published_rank.to_string(),
        i18n::own(lang).status_column.to_string(),
    ];
    let (mut has_assumed, mut has_computed) = (false, false);
    let rows = match &s.whatif.result {
        Ok(result) => result
            .rows
            .iter()
            .zip(&s.whatif.shown)
            .map(|(r, shown)| {
                has_assumed |= r.hypothetical;
                let computed = r.basis == Some(chiso_engine::scenario::ScoreBasis::Computed);
                has_computed |= computed;
                let rank = match shown.single() {
                    Some(p) => int(Some(p)),
                    None => text(i18n::shown_rank(*shown, lang)),
                };
                let rank_change = r.rank_change.map(|d| CsvCell::Number(d as f64, 0)).unwrap_or(CsvCell::Empty);
                vec![
                    rank,
                    text(ctx.unit_name(&r.unit_id)),
                    num(r.score, 2),
                    num(r.score_moved(), 2),
                    rank_change,
                    int(r.baseline_rank_1_based),
                    note(r.hypothetical, computed, lang),
                ]
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut subtitle = i18n::view_label(View::WhatIf, lang).to_string();
    if has_assumed {
        subtitle.push_str(&format!(" — {}", i18n::own(lang).assumed));
    }
    ViewExport { what: "gia-dinh", header, rows, chart, subtitle, has_assumed, has_computed }
}

/// One row of the rescored table as shown: everything it draws, so that a row whose text is
/// unchanged after an edit is the same row (`<For>` keeps its DOM and only moves it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct TableRow {
    unit_id: String,
    rank: String,
    name: String,
    reason: Option<String>,
    score: String,
    hypothetical: bool,
    score_change: Option<String>,
    rank_change: Option<i64>,
    selected: bool,
    lang: Lang,
}

/// The rows of the table, or the scenario's error worded (nothing before the block is known).
fn table_rows(ctx: Ctx, s: &State, lang: Lang) -> Result<Vec<TableRow>, String> {
    let unit_fmt = ctx.ds.with_value(|ds| ds.index.unit);
    let result = s.whatif.result.as_ref().map_err(|e| i18n::scenario_error(e, lang))?;
    Ok(result
        .rows
        .iter()
        .zip(&s.whatif.shown)
        .map(|(r, shown)| TableRow {
            unit_id: r.unit_id.0.clone(),
            rank: i18n::shown_rank(*shown, lang),
            name: ctx.unit_name(&r.unit_id),
            reason: match shown {
                ShownRank::Range { n_unpublished, .. } => Some(i18n::interval_reason(*n_unpublished, lang)),
                _ => None,
            },
            score: r.score.map_or_else(|| msg(lang).unpublished.to_string(), |x| format::score(x, unit_fmt, lang)),
            hypothetical: r.hypothetical,
            score_change: r.score_moved().map(|c| format::signed(c, 2, lang)),
            rank_change: r.rank_change,
            selected: Some(&r.unit_id) == s.whatif.unit.as_ref(),
            lang,
        })
        .collect())
}

/// One row of the rescored table.
fn table_row(r: TableRow) -> impl IntoView {
    let TableRow { unit_id, rank, name, reason, score, hypothetical, score_change, rank_change, selected, lang } = r;
    view! {
        <tr data-testid="whatif-row" data-unit=unit_id class:hypothetical=hypothetical class:selected=selected>
            <td class="num rank" data-testid="whatif-rank">{rank}</td>
            <th scope="row" class="unit">
                <span class="name">{name}</span>
                {reason.map(|t| view! { <span class="note" data-testid="interval-reason">{t}</span> })}
            </th>
            <td class="num score">
                {score}
                {hypothetical.then(|| view! { <em class="hypo-tag">{whatif(lang).hypothetical}</em> })}
            </td>
            <td class="num change">{score_change}{rank_change.map(|delta| view! { <RankChange delta lang /> })}</td>
        </tr>
    }
}

/// The rescored table: each row's honest rank (with the reason for a range), its score with
/// the hypothetical tag, and its move. Rows are keyed by what they show: a slider move rebuilds
/// only the rows whose text changed and moves the others.
#[component]
pub fn ResultTable(ctx: Ctx, state: Memo<Option<State>>) -> impl IntoView {
    let lang = ctx.lang;
    let rows = Memo::new(move |_| {
        let lang = lang.get();
        state.with(|s| s.as_ref().map(|s| table_rows(ctx, s, lang)))
    });
    let error = Memo::new(move |_| rows.with(|r| r.as_ref().and_then(|r| r.as_ref().err().cloned())));
    let has_table = Memo::new(move |_| rows.with(|r| matches!(r, Some(Ok(_)))));
    let each = move || rows.with(|r| r.as_ref().and_then(|r| r.as_ref().ok().cloned()).unwrap_or_default());
    view! {
        {move || error.get().map(|e| view! { <p class="notice" role="alert">{e}</p> })}
        <Show when=move || has_table.get()>
            <div class="table-wrap">
                <table class="ranking" data-testid="whatif-table">
                    <caption>{move || whatif(lang.get()).hypothetical_banner}</caption>
                    <thead><tr>
                        <th scope="col" class="num">{move || msg(lang.get()).col_rank}</th>
                        <th scope="col">{move || msg(lang.get()).col_unit}</th>
                        <th scope="col" class="num">{move || msg(lang.get()).col_score}</th>
                        <th scope="col" class="num">{move || msg(lang.get()).col_change}</th>
                    </tr></thead>
                    <tbody>
                        <For each=each key=|r: &TableRow| r.clone() children=table_row />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
