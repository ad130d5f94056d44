//! The year comparison view: a slope chart of ranks between two years, the biggest climbers and
//! fallers in words, and the table of every unit in both years.

use chiso_engine::comparability::YearsCompare;
use chiso_engine::compare::{compare, CompareRow, Comparison};
use chiso_engine::format::{self, Lang};
use leptos::prelude::*;

use crate::charts::slope::{self, SlopeRow};
use crate::charts::{svg, EChart};
use crate::components::context::Ctx;
use crate::components::rank_change::RankChange;
use crate::i18n::{self, msg};
use crate::theme;

/// The comparison view.
#[component]
pub fn CompareView(ctx: Ctx) -> impl IntoView {
    let (view, resolved, lang) = (ctx.view, ctx.resolved, ctx.lang);
    let ds = ctx.ds();
    let unit_fmt = ds.index.unit;
    // Base year: the resolver's (the link's `from` when it is an earlier year, else the year before).
    let from_year = Memo::new(move |_| resolved.with(|r| r.from));
    let comparison: Memo<Option<Comparison>> = {
        let ds = ds.clone();
        Memo::new(move |_| {
            let (group, to) = resolved.with(|r| (r.group.clone(), r.year));
            from_year.get().and_then(|from| compare(&ds, &group, from, to))
        })
    };
    let unit_count = {
        let ds = ds.clone();
        Memo::new(move |_| {
            resolved.with(|r| ds.group(&r.group).and_then(|g| g.years.get(&r.year)).and_then(|gy| gy.unit_count))
        })
    };

    let palette = theme::palette();
    let slope_rows = Memo::new(move |_| {
        comparison.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.slope_lines()
                .into_iter()
                .map(|l| SlopeRow {
                    name: l.row.name.clone(),
                    from_rank: l.from_rank,
                    to_rank: l.to_rank,
                    label: format!("{}: {} → {}", l.row.name, l.from_rank, l.to_rank),
                    labelled: l.labelled,
                })
                .collect::<Vec<_>>()
        })
    });
    let n_positions =
        Memo::new(move |_| comparison.with(|c| c.as_ref().map_or(1, |c| c.n_positions(unit_count.get()))));
    let option = Signal::derive(move || {
        let years = (from_year.get().unwrap_or_default(), resolved.with(|r| r.year));
        slope_rows.with(|rows| slope::option(rows, years, n_positions.get(), &palette.get()))
    });
    let height = Signal::derive(move || slope::height_for(n_positions.get()));
    let sketch = move |fit: svg::Fit| {
        let years = (from_year.get().unwrap_or_default(), resolved.with(|r| r.year));
        slope_rows.with(|rows| svg::slope_inline(rows, years, n_positions.get(), &palette.get(), fit))
    };
    crate::export::register(move |lang| {
        use crate::export::{int, num, text};
        let cols = i18n::export_cols(lang);
        let to = resolved.with_untracked(|r| r.year);
        let from = from_year.get_untracked()?;
        let chart = slope_rows.with_untracked(|rows| {
            (!rows.is_empty())
                .then(|| crate::export::ChartSnap::Slope(rows.clone(), (from, to), n_positions.get_untracked()))
        });
        comparison.with_untracked(|c| {
            let c = c.as_ref()?;
            let header = vec![
                cols.unit.to_string(),
                i18n::year_col(cols.rank, from),
                i18n::year_col(cols.score, from),
                i18n::year_col(cols.rank, to),
                i18n::year_col(cols.score, to),
                cols.score_change.to_string(),
                cols.rank_change.to_string(),
            ];
            let rows = c
                .rows
                .iter()
                .map(|r| {
                    vec![
                        text(r.name.clone()),
                        int(r.from_rank),
                        num(r.from_score, 2),
                        int(r.to_rank),
                        num(r.to_score, 2),
                        num(r.score_change, 2),
                        r.rank_change.map_or(chiso_engine::table::export::CsvCell::Empty, |d| {
                            #[allow(clippy::cast_precision_loss)] // a few hundred places at most
                            chiso_engine::table::export::CsvCell::Number(d as f64, 0)
                        }),
                    ]
                })
                .collect();
            Some(crate::export::ViewExport {
                what: "so-sanh",
                header,
                rows,
                chart,
                subtitle: i18n::view_label(chiso_engine::view_state::View::Compare, lang).to_string(),
                has_assumed: false,
                has_computed: false,
            })
        })
    });

    let sentences = move || {
        let lang = lang.get();
        comparison.with(|c| {
            let Some(c) = c else { return vec![i18n::compare(lang).none.to_string()] };
            let mut out = Vec::new();
            // Across a break nothing moves: say why first (the table has no change to show).
            if let YearsCompare::NotComparable { note, .. } = &c.years {
                out.push(i18n::not_comparable_sentence(c.from, note, lang));
            }
            if let Some(top) = c.climbers(1).first() {
                out.push(i18n::climber_sentence(&top.name, top.from_rank, top.to_rank, c.from, lang));
            }
            if let Some(low) = c.fallers(1).first() {
                out.push(i18n::faller_sentence(&low.name, low.from_rank, low.to_rank, c.from, lang));
            }
            let n_both = c.ranked_both().count();
            out.push(i18n::compare_coverage(n_both, c.rows.len(), lang));
            out
        })
    };
    // An approximate comparison says so under its chart, beside the numbers it qualifies.
    let change_note = move || {
        let lang = lang.get();
        comparison.with(|c| match c.as_ref().map(|c| (&c.years, c.from)) {
            Some((YearsCompare::Approximate(reasons), from)) => Some(i18n::approximate_sentence(from, reasons, lang)),
            _ => None,
        })
    };
    let summary = Signal::derive(move || sentences().join(" "));

    let year_options = move || {
        let year = resolved.with(|r| r.year);
        let current = from_year.get();
        resolved
            .with(|r| r.years.clone())
            .into_iter()
            .filter(|y| *y < year)
            .map(|y| view! { <option value=y.to_string() selected=Some(y) == current>{y}</option> })
            .collect_view()
    };
    let on_from = move |ev| {
        let value = event_target_value(&ev);
        view.update(|v| v.set_from(value.parse().ok()));
    };

    let table_rows = move || {
        let lang = lang.get();
        comparison.with(|c| c.as_ref().map(|c| c.rows.iter().map(|r| compare_row(r, unit_fmt, lang)).collect_view()))
    };

    view! {
        <section class="compare" data-testid="compare-view">
            <div class="fields">
                <label class="field">
                    <span>{move || i18n::compare(lang.get()).from}</span>
                    <select data-testid="from-select" on:change=on_from>{year_options}</select>
                </label>
            </div>
            <div class="summary" data-testid="compare-summary" aria-live="polite">
                {move || sentences().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
            // Nothing to draw without an earlier year (a block that is new this year): the summary says so.
            <Show when=move || comparison.with(Option::is_some)>
            <EChart option height_px=height summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) sketch />
            {move || change_note().map(|s| view! { <p class="change-note" data-testid="change-note">{s}</p> })}
            <div class="table-wrap">
                <table class="ranking" data-testid="compare-table">
                    <caption>{move || i18n::compare(lang.get()).caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || msg(lang.get()).col_unit}</th>
                            <th scope="col" class="num">{move || from_year.get().map(|y| y.to_string()).unwrap_or_default()}</th>
                            <th scope="col" class="num">{move || resolved.with(|r| r.year)}</th>
                            <th scope="col" class="num">{move || msg(lang.get()).col_change}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            </Show>
        </section>
    }
}

fn cell(rank: Option<u32>, score: Option<f64>, unit: chiso_engine::schema::ScoreUnit, lang: Lang) -> impl IntoView {
    let rank = rank.map(|r| format!("#{r}"));
    let score = score.map(|s| format::score(s, unit, lang));
    let nothing = rank.is_none() && score.is_none();
    view! {
        <td class="num">
            {rank.map(|r| view! { <span class="rank-cell">{r}</span> })}
            {score.map(|s| view! { <span class="score-cell">{s}</span> })}
            {nothing.then(|| view! { <span class="unpublished-tag">{msg(lang).unpublished}</span> })}
        </td>
    }
}

fn compare_row(r: &CompareRow, unit: chiso_engine::schema::ScoreUnit, lang: Lang) -> impl IntoView {
    let change = r.rank_change.map(|delta| view! { <RankChange delta lang show_same=true /> });
    let score_change = r.score_change.map(|c| format::signed(c, 2, lang));
    let nothing = change.is_none() && score_change.is_none();
    view! {
        <tr data-testid="compare-row" data-unit=r.unit_id.0.clone()>
            <th scope="row" class="unit"><span class="name">{r.name.clone()}</span></th>
            {cell(r.from_rank, r.from_score, unit, lang)}
            {cell(r.to_rank, r.to_score, unit, lang)}
            <td class="num change">{score_change}{change}{nothing.then_some("–")}</td>
        </tr>
    }
}
