//! The ranking table: every unit of the block with its rank, score and change against the
//! previous year — the accessible twin of the chart. Unpublished scores say so; never zero.

use chiso_engine::dataset::UnitId;
use chiso_engine::format::{self, Lang};
use chiso_engine::rank::{Ranking, RankingRow};
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::components::rank_change::RankChange;
use crate::components::ranking_view::RankingData;
use crate::i18n::{self, msg};

/// The table of the current ranking (after filters).
#[component]
pub fn RankingTable(ctx: Ctx, data: RankingData) -> impl IntoView {
    let RankingData { ranking, rows, filtered } = data;
    let (view, lang) = (ctx.view, ctx.lang);
    let unit_fmt = ctx.ds.with_value(|ds| ds.index.unit);
    // The previous year, when changes on it are shown (the years compare), and whether they
    // are only approximate.
    let prev_year = Memo::new(move |_| {
        ranking.with(|r| {
            let r = r.as_ref().filter(|r| r.shows_change())?;
            let approximate = matches!(r.prev_compare, Some(chiso_engine::comparability::YearsCompare::Approximate(_)));
            Some((r.prev_year?, approximate))
        })
    });
    let year = Memo::new(move |_| ranking.with(|r| r.as_ref().map(|r| r.year).unwrap_or_default()));
    let unit_count = Memo::new(move |_| ranking.with(|r| r.as_ref().and_then(|r| r.unit_count)));

    let body = {
        let ds = ctx.ds();
        move || {
            let lang = lang.get();
            let selected = view.with(|v| v.unit.clone());
            let has_prev = prev_year.get().is_some();
            let year = year.get();
            let count = unit_count.get();
            rows.get()
                .into_iter()
                .map(|row| {
                    let note = ds
                        .unit(&row.unit_id)
                        .and_then(|u| u.observations.get(&year))
                        .and_then(|o| o.note.as_ref())
                        .map(|n| i18n::text(n, lang).to_string());
                    let is_selected = selected.as_deref() == Some(row.unit_id.0.as_str());
                    let rank_computed = ranking.with(|r| r.as_ref().is_some_and(|r| r.rank_is_computed(&row)));
                    let shown = RowShown {
                        note,
                        selected: is_selected,
                        has_prev,
                        rank_computed,
                        unit_count: count,
                        unit_fmt,
                        lang,
                    };
                    table_row(&row, shown, view)
                })
                .collect_view()
        }
    };

    let unnamed = move || {
        // The block's units that no source names: a count, never invented rows.
        if filtered.get() {
            return None;
        }
        let missing = ranking.with(|r| r.as_ref().and_then(Ranking::n_unnamed))?;
        Some({
            let cols = if prev_year.get().is_some() { 4 } else { 3 };
            view! {
                <tfoot>
                    <tr class="unnamed" data-testid="unnamed-units">
                        <td colspan=cols>{i18n::unnamed_units(missing, lang.get())}</td>
                    </tr>
                </tfoot>
            }
        })
    };

    let empty = move || {
        // Nothing to list: a filter that matches nothing, or a block whose units no source names.
        rows.with(Vec::is_empty).then(|| {
            if filtered.get() {
                view! { <p class="empty" data-testid="no-match">{msg(lang.get()).no_match}</p> }
            } else {
                view! { <p class="empty" data-testid="no-unit">{msg(lang.get()).no_unit_named}</p> }
            }
        })
    };

    view! {
        <div class="table-wrap">
            <table class="ranking" data-testid="ranking-table">
                <caption>{move || format!("{} {}", msg(lang.get()).table_caption, year.get())}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{move || msg(lang.get()).col_rank}</th>
                        <th scope="col">{move || msg(lang.get()).col_unit}</th>
                        <th scope="col" class="num">{move || msg(lang.get()).col_score}</th>
                        {move || prev_year.get().map(|(p, approx)| view! { <th scope="col" class="num">{i18n::change_heading(p, approx, lang.get())}</th> })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                {unnamed}
            </table>
            {empty}
        </div>
    }
}

/// How one row is shown, besides the row itself.
struct RowShown {
    note: Option<String>,
    selected: bool,
    has_prev: bool,
    /// The rank follows from a computed total (marked like a computed score).
    rank_computed: bool,
    unit_count: Option<u32>,
    unit_fmt: chiso_engine::schema::ScoreUnit,
    lang: Lang,
}

fn table_row(row: &RankingRow, shown: RowShown, view: RwSignal<ViewState>) -> impl IntoView {
    let RowShown { note, selected, has_prev, rank_computed, unit_count, unit_fmt, lang } = shown;
    let m = msg(lang);
    let rank = match row.rank {
        Some(p) => i18n::rank_label(&p, unit_count, lang),
        None if row.said_lowest => msg(lang).lowest.to_string(),
        None => "–".to_string(),
    };
    let score = match row.score {
        // A total computed from published sub-indices is never passed off as published.
        Some(s) if row.is_computed() => view! {
            <span>{format::score(s, unit_fmt, lang)}</span>
            <span class="computed-tag" title=msg(lang).computed_tag_title>{msg(lang).computed_tag}</span>
        }
        .into_any(),
        Some(s) => view! { <span>{format::score(s, unit_fmt, lang)}</span> }.into_any(),
        None => view! { <span class="unpublished-tag">{m.unpublished}</span> }.into_any(),
    };
    let change = has_prev.then(|| {
        let score_change = row.score_change.map(|c| format::signed(c, 2, lang));
        let rank_change = row.rank_change.map(|delta| view! { <RankChange delta lang show_same=true /> });
        let nothing = score_change.is_none() && rank_change.is_none();
        view! {
            <td class="num change">
                {score_change}
                {rank_change}
                {nothing.then_some("–")}
            </td>
        }
    });
    let id = row.unit_id.clone();
    let kind = i18n::kind_name(row.kind, lang);
    let class = match (row.score.is_none(), selected) {
        (true, true) => "unpublished selected",
        (true, false) => "unpublished",
        (false, true) => "selected",
        (false, false) => "",
    };
    let toggle = move |_| {
        let UnitId(id) = id.clone();
        view.update(|v| v.toggle_unit(&id));
    };
    view! {
        <tr class=class data-testid="row" data-unit=row.unit_id.0.clone()>
            <td class="num rank">
                {rank}
                {rank_computed.then(|| view! {
                    <span class="computed-tag" data-testid="rank-computed" title=msg(lang).computed_rank_title>{msg(lang).computed_tag}</span>
                })}
            </td>
            <th scope="row" class="unit">
                <button type="button" class="name" aria-pressed=selected.to_string() on:click=toggle>{row.name.clone()}</button>
                <span class="kind">{kind}</span>
                {note.map(|n| view! { <span class="note">{n}</span> })}
            </th>
            <td class="num score">{score}</td>
            {change}
        </tr>
    }
}
