//! The ranking view: the summary sentences, the unit card, the bar chart and the table of the
//! block and year the view state resolves to — in the full page and, compact, in an embed.

use chiso_engine::filter;
use chiso_engine::format::{self, Lang};
use chiso_engine::rank::{self, Ranking, SummaryLine};
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::charts::ranking_bar::{self, BarRow, BarSpec};
use crate::charts::{svg, EChart};
use crate::components::context::Ctx;
use crate::components::embed::EmbedTable;
use crate::components::ranking_table::RankingTable;
use crate::components::unit_card::UnitCard;
use crate::export::{ChartSnap, ViewExport};
use crate::i18n::{self, msg};
use crate::theme;

/// The ranking of the resolved group and year, after the view's filters.
#[derive(Clone, Copy)]
pub struct RankingData {
    /// The whole block.
    pub ranking: Memo<Option<Ranking>>,
    /// The rows the filters keep.
    pub rows: Memo<Vec<chiso_engine::rank::RankingRow>>,
    /// True when a filter is on (the table then does not count the unnamed units).
    pub filtered: Memo<bool>,
}

impl RankingData {
    /// Rank the resolved block and year, and filter it as the view state says.
    pub fn new(ctx: Ctx) -> RankingData {
        let ranking =
            Memo::new(move |_| ctx.resolved.with(|r| ctx.ds.with_value(|ds| rank::rank_group(ds, &r.group, r.year))));
        let rows = Memo::new(move |_| {
            let f = ctx.view.with(ViewState::filter);
            ranking.with(|r| r.as_ref().map(|r| filter::apply(&r.rows, &f)).unwrap_or_default())
        });
        let filtered = Memo::new(move |_| ctx.view.with(|v| v.filter().is_active()));
        RankingData { ranking, rows, filtered }
    }
}

/// The summary's sentences (the engine decides which lines; this words them). `changes`: only
/// the lines about the change on the previous year (shown by the table, whose column they
/// qualify), or only the others (the summary above the chart).
fn summary_sentences(ctx: Ctx, ranking: &Ranking, changes: bool) -> Vec<String> {
    let lang = ctx.lang.get();
    let (short_name, unit_fmt) = ctx.ds.with_value(|ds| (ds.index.short_name.clone(), ds.index.unit));
    ranking
        .summary_lines()
        .into_iter()
        .filter(|line| matches!(line, SummaryLine::NotComparable { .. } | SummaryLine::Approximate { .. }) == changes)
        .map(|line| match line {
            SummaryLine::Mean { mean, change, prev_year } => i18n::mean_sentence(
                i18n::text(&short_name, lang),
                &format::score(mean, unit_fmt, lang),
                change,
                prev_year,
                lang,
            ),
            SummaryLine::Computed { n_computed } => i18n::computed_sentence(n_computed, lang),
            SummaryLine::NotComparable { prev_year, note } => i18n::not_comparable_sentence(prev_year, &note, lang),
            SummaryLine::Approximate { prev_year, reasons } => i18n::approximate_sentence(prev_year, &reasons, lang),
            SummaryLine::Coverage { n_scored, unit_count, complete } => {
                i18n::coverage_sentence(n_scored, unit_count, complete, lang)
            }
        })
        .collect()
}

/// The ranking view. `compact`: the embed's version (first summary line, table behind a toggle,
/// no unit card).
#[component]
pub fn RankingView(ctx: Ctx, data: RankingData, #[prop(optional)] compact: bool) -> impl IntoView {
    let lang = ctx.lang;
    let RankingData { ranking, rows, .. } = data;
    let summary = move || ranking.with(|r| r.as_ref().map(|r| summary_sentences(ctx, r, false)).unwrap_or_default());
    let change_note = move || ranking.with(|r| r.as_ref().map(|r| summary_sentences(ctx, r, true)).unwrap_or_default());
    let (unit_fmt, scale_min, scale_max) =
        ctx.ds.with_value(|ds| (ds.index.unit, ds.index.scale_min, ds.index.scale_max));

    let palette = theme::palette();
    let narrow = crate::components::viewport::narrow();
    let bar_rows = Memo::new(move |_| {
        let lang = lang.get();
        let selected = ctx.view.with(|v| v.unit.clone());
        rows.with(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let rank = r.rank.map(|p| (p.position, p.tied));
                    let computed = ranking.with(|k| k.as_ref().is_some_and(|k| k.rank_is_computed(r)));
                    let tag = computed.then_some(msg(lang).computed_tag);
                    let is_selected = selected.as_deref() == Some(r.unit_id.0.as_str());
                    Some(BarRow::ranked(&r.unit_id.0, rank, tag, &r.name, r.score?, unit_fmt, lang, is_selected))
                })
                .collect::<Vec<_>>()
        })
    });
    let spec = Memo::new(move |_| {
        let lang = lang.get();
        let mean = ranking
            .with(|r| r.as_ref().and_then(|r| r.published_mean))
            .map(|m| (m, format!("{} {}", msg(lang).mean_label, format::score(m, unit_fmt, lang))));
        BarSpec { axis_min: scale_min, axis_max: scale_max, mean, narrow: narrow.get() }
    });
    let option =
        Signal::derive(move || spec.with(|spec| bar_rows.with(|rows| ranking_bar::option(rows, spec, &palette.get()))));
    let sketch = move |fit: svg::Fit| {
        spec.with(|spec| bar_rows.with(|rows| svg::bar_inline(rows, spec, &palette.get(), lang.get(), fit)))
    };
    let height = Signal::derive(move || bar_rows.with(|r| ranking_bar::height_for(r.len())));
    let chart_summary = Signal::derive(move || {
        let lang = lang.get();
        let has_mean = ranking.with(|r| r.as_ref().is_some_and(|r| r.published_mean.is_some()));
        // The drawn rows (those with a score) by where their score comes from.
        let n_computed = rows.with(|rows| rows.iter().filter(|r| r.score.is_some() && r.is_computed()).count());
        let n_published = bar_rows.with(Vec::len).saturating_sub(n_computed);
        let mut s = i18n::chart_caption(n_published, n_computed, has_mean, lang);
        bar_rows.with(|rows| {
            for r in rows.iter().take(5) {
                s.push_str(&format!(" {}: {};", r.label, r.value_text));
            }
        });
        s
    });
    let unavailable = Signal::derive(move || msg(lang.get()).chart_unavailable);
    if !compact {
        crate::export::register(move |lang| {
            let mean = ranking
                .with_untracked(|r| r.as_ref().and_then(|r| r.published_mean))
                .map(|m| (m, format!("{} {}", msg(lang).mean_label, format::score(m, unit_fmt, lang))));
            let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean, narrow: false };
            let chart = bar_rows.with_untracked(|b| (!b.is_empty()).then(|| ChartSnap::Bar(b.clone(), spec)));
            Some(ranking_export(ctx, data, chart, lang))
        });
    }
    let n_lines = if compact { 1 } else { usize::MAX };
    // What qualifies the change column stands right above the table (inside the embed's fold).
    let table = view! {
        {move || change_note().into_iter().map(|s| view! { <p class="change-note" data-testid="change-note">{s}</p> }).collect_view()}
        <RankingTable ctx data />
    };
    view! {
        <section class="summary" data-testid="summary" aria-live="polite">
            {move || summary().into_iter().take(n_lines).map(|s| view! { <p>{s}</p> }).collect_view()}
        </section>
        {(!compact).then(|| view! { <UnitCard ctx /> })}
        // No bar to draw (no score published, or none kept by a filter): no empty axes.
        <Show when=move || bar_rows.with(|r| !r.is_empty())>
            <EChart option height_px=height summary=chart_summary unavailable_text=unavailable sketch />
        </Show>
        <p class="chart-caption">{move || chart_summary.get()}</p>
        {if compact { view! { <EmbedTable lang>{table}</EmbedTable> }.into_any() } else { table.into_any() }}
    }
}

/// The ranking as shown (the filters' rows), with every component the dataset holds for them.
fn ranking_export(ctx: Ctx, data: RankingData, chart: Option<ChartSnap>, lang: Lang) -> ViewExport {
    use crate::export::{int, note, num, text};
    let cols = i18n::export_cols(lang);
    let (gid, year) = ctx.resolved.with_untracked(|r| (r.group.clone(), r.year));
    ctx.ds.with_value(|ds| {
        let block = ds.group(&gid).map(|g| i18n::text(&g.name, lang).to_string()).unwrap_or_default();
        let mut header: Vec<String> = vec![cols.rank.into(), cols.unit.into(), cols.kind.into(), cols.score.into()];
        header.extend(ds.index.components.iter().map(|c| i18n::text(&c.name, lang).to_string()));
        header.extend([cols.year.to_string(), cols.block.to_string(), i18n::own(lang).status_column.to_string()]);
        let mut has_computed = false;
        let rows = data.rows.with_untracked(|rows| {
            rows.iter()
                .map(|r| {
                    let rank_computed =
                        data.ranking.with_untracked(|k| k.as_ref().is_some_and(|k| k.rank_is_computed(r)));
                    let computed = r.is_computed() || rank_computed;
                    has_computed |= computed;
                    let mut cells = vec![
                        int(r.rank.map(|p| p.position)),
                        text(r.name.clone()),
                        text(i18n::kind_name(r.kind, lang)),
                        num(r.score, 2),
                    ];
                    let obs = ds.unit(&r.unit_id).and_then(|u| u.observations.get(&year));
                    cells.extend(
                        (0..ds.index.components.len())
                            .map(|i| num(obs.and_then(|o| o.components.get(i).copied().flatten()), 2)),
                    );
                    cells.extend([int(u32::try_from(year).ok()), text(block.clone()), note(false, computed, lang)]);
                    cells
                })
                .collect()
        });
        ViewExport {
            what: "xep-hang",
            header,
            rows,
            chart,
            subtitle: i18n::view_label(View::Ranking, lang).to_string(),
            has_assumed: false,
            has_computed,
        }
    })
}
