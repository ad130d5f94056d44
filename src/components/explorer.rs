//! The ranking explorer: the current group and year resolved from the view state, the summary
//! sentences, the bar chart, the table and the sources.

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset, GroupId};
use chiso_engine::filter;
use chiso_engine::format::{self, Lang};
use chiso_engine::rank::{self, Ranking};
use chiso_engine::view_state::{ParamWarning, View, ViewState};
use leptos::prelude::*;

use crate::charts::ranking_bar::{self, BarRow, BarSpec};
use crate::charts::EChart;
use crate::components::compare_view::CompareView;
use crate::components::controls::Controls;
use crate::components::copy_link::CopyLink;
use crate::components::embed::{EmbedChrome, EmbedTable, EmbedYears};
use crate::components::embed_code::EmbedCode;
use crate::components::lang_switch::LangSwitch;
use crate::components::ranking_table::RankingTable;
use crate::components::sensitivity_view::SensitivityView;
use crate::components::sources::Sources;
use crate::components::unit_card::UnitCard;
use crate::components::view_nav::{DatasetPicker, ViewNav};
use crate::components::whatif::WhatIfView;
use crate::i18n::{self, msg};
use crate::theme;

/// What the view state resolves to on this dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The group shown.
    pub group: GroupId,
    /// The year shown.
    pub year: i32,
    /// Years available for the group, newest first.
    pub years: Vec<i32>,
    /// Reader-facing notices for view-state values that do not exist in this dataset.
    pub notices: Vec<String>,
}

/// Resolve the group and year asked for, falling back to the defaults with a notice.
pub fn resolve(ds: &Dataset, v: &ViewState) -> Resolved {
    let mut notices = Vec::new();
    let data_override = use_context::<crate::load::DataOverride>().is_some_and(|d| d.0);
    if v.dataset != ds.id && !data_override {
        notices.push(format!("ds={}: {}", v.dataset, not_found(v.lang)));
    }
    let first = ds.groups.first().map(|g| g.id.clone()).unwrap_or(GroupId(String::new()));
    let group = match &v.group {
        Some(g) if ds.group(&GroupId(g.clone())).is_some() => GroupId(g.clone()),
        Some(g) => {
            notices.push(format!("group={g}: {}", not_found(v.lang)));
            first
        }
        None => first,
    };
    let years = ds.group(&group).map(|g| ds.group_years_desc(g)).unwrap_or_default();
    let latest = years.first().copied().unwrap_or(0);
    let year = match v.year {
        Some(y) if years.contains(&y) => y,
        Some(y) => {
            notices.push(format!("year={y}: {}", not_found(v.lang)));
            latest
        }
        None => latest,
    };
    if let Some(u) = &v.unit {
        if ds.unit(&chiso_engine::dataset::UnitId(u.clone())).is_none() {
            notices.push(format!("unit={u}: {}", not_found(v.lang)));
        }
    }
    Resolved { group, year, years, notices }
}

fn viewport_width() -> f64 {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0)
}

fn not_found(lang: Lang) -> &'static str {
    i18n::chrome(lang).not_found
}

/// The explorer for a loaded dataset.
#[component]
pub fn Explorer(
    ds: Arc<Dataset>,
    warnings: Arc<Vec<DataWarning>>,
    view: RwSignal<ViewState>,
    url_warnings: RwSignal<Vec<ParamWarning>>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let resolved = {
        let ds = ds.clone();
        Memo::new(move |_| view.with(|v| resolve(&ds, v)))
    };
    let ranking: Memo<Option<Ranking>> = {
        let ds = ds.clone();
        Memo::new(move |_| resolved.with(|r| rank::rank_group(&ds, &r.group, r.year)))
    };
    let rows = Memo::new(move |_| {
        let f = view.with(ViewState::filter);
        ranking.with(|r| r.as_ref().map(|r| filter::apply(&r.rows, &f)).unwrap_or_default())
    });
    let filtered =
        Memo::new(move |_| view.with(|v| !v.kinds.is_empty() || !v.query.trim().is_empty() || v.limit.is_some()));

    let unit_fmt = ds.index.unit;
    let short_name = ds.index.short_name.clone();
    let index_name = ds.index.name.clone();
    let publisher = ds.index.publisher.clone();

    let heading = {
        let short_name = short_name.clone();
        move || format!("{} {}", i18n::text(&short_name, lang.get()), resolved.with(|r| r.year))
    };

    let summary = Signal::derive({
        let short_name = short_name.clone();
        move || {
            let lang = lang.get();
            ranking.with(|r| {
                let Some(r) = r else { return Vec::new() };
                let mut lines = Vec::new();
                if let Some(mean) = r.published_mean {
                    lines.push(i18n::mean_sentence(
                        i18n::text(&short_name, lang),
                        &format::score(mean, unit_fmt, lang),
                        r.published_mean_change,
                        r.prev_year,
                        lang,
                    ));
                }
                // Computed totals are said to be computed, never counted as published.
                if r.n_computed_scores > 0 {
                    lines.push(i18n::computed_sentence(r.n_computed_scores, lang));
                }
                if r.n_computed_scores == 0 || !r.complete {
                    lines.push(i18n::coverage_sentence(r.n_scored, r.unit_count, r.complete, lang));
                }
                lines
            })
        }
    });

    let palette = theme::palette();
    // Phones get a compact chart; the width is re-read when the window (or iframe) resizes.
    let viewport_px = RwSignal::new(viewport_width());
    let resize = window_event_listener(leptos::ev::resize, move |_| viewport_px.set(viewport_width()));
    on_cleanup(move || resize.remove());
    let narrow = Memo::new(move |_| viewport_px.get() < 600.0);
    let bar_rows = Memo::new(move |_| {
        let lang = lang.get();
        let selected = view.with(|v| v.unit.clone());
        rows.with(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let score = r.score?;
                    let rank = match r.rank {
                        Some(p) if p.tied => format!("={}. ", p.position),
                        Some(p) => format!("{}. ", p.position),
                        None => String::new(),
                    };
                    Some(BarRow {
                        label: format!("{rank}{}", r.name),
                        value: score,
                        value_text: format::score(score, unit_fmt, lang),
                        selected: selected.as_deref() == Some(r.unit_id.0.as_str()),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let (scale_min, scale_max) = (ds.index.scale_min, ds.index.scale_max);
    let option = Signal::derive(move || {
        let lang = lang.get();
        let mean = ranking
            .with(|r| r.as_ref().and_then(|r| r.published_mean))
            .map(|m| (m, format!("{} {}", msg(lang).mean_label, format::score(m, unit_fmt, lang))));
        let spec = BarSpec { axis_min: scale_min, axis_max: scale_max, mean, narrow: narrow.get() };
        let theme = palette.get();
        bar_rows.with(|rows| ranking_bar::option(rows, &spec, &theme))
    });
    let height = Signal::derive(move || bar_rows.with(|r| ranking_bar::height_for(r.len())));
    let chart_summary = Signal::derive(move || {
        let lang = lang.get();
        let has_mean = ranking.with(|r| r.as_ref().is_some_and(|r| r.published_mean.is_some()));
        let mut s = i18n::chart_caption(bar_rows.with(Vec::len), has_mean, lang);
        bar_rows.with(|rows| {
            for r in rows.iter().take(5) {
                s.push_str(&format!(" {}: {};", r.label, r.value_text));
            }
        });
        s
    });

    let sources = {
        let ds = ds.clone();
        move || {
            let lang = lang.get();
            let (gid, year) = resolved.with(|r| (r.group.clone(), r.year));
            let Some(group) = ds.group(&gid) else { return ().into_any() };
            let cited: Vec<_> = ds.sources_cited(group, year).into_iter().cloned().collect();
            let mut notes = ds.notes.clone();
            notes.extend(group.roster_note.clone());
            // The year's own caveat (for example PCI 2023's derived weights).
            notes.extend(ds.edition(year).and_then(|e| e.note.clone()));
            view! { <Sources sources=cited notes lang /> }.into_any()
        }
    };

    let notices = move || {
        let lang_now = lang.get();
        let mut all: Vec<String> =
            url_warnings.with(|ws| ws.iter().map(|w| i18n::param_warning(w, lang_now)).collect());
        all.extend(resolved.with(|r| r.notices.clone()));
        (!all.is_empty()).then(|| {
            view! {
                <div class="notice" data-testid="url-notice" role="status">
                    <strong>{msg(lang.get()).url_notice}</strong>
                    <ul>{all.into_iter().map(|w| view! { <li><code>{w}</code></li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    let data_warnings = move || {
        (!warnings.is_empty()).then(|| {
            let items = warnings.iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view();
            view! {
                <details class="notice" data-testid="data-warnings">
                    <summary>{msg(lang.get()).data_warnings} " (" {warnings.len()} ")"</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    };

    let heading = Signal::derive(heading);
    // Embed mode: the same chart and table in the compact chrome (components/embed.rs).
    if view.with_untracked(|v| v.embed) {
        let embed_sources = {
            let ds = ds.clone();
            Signal::derive(move || {
                let (gid, year) = resolved.with(|r| (r.group.clone(), r.year));
                ds.group(&gid).map(|g| ds.sources_cited(g, year).into_iter().cloned().collect()).unwrap_or_default()
            })
        };
        let years = Signal::derive(move || resolved.with(|r| r.years.clone()));
        let year = Signal::derive(move || resolved.with(|r| r.year));
        // The other views embed as they are (their own controls are what a reader needs there).
        let embedded_view = view.with_untracked(|v| v.view);
        if embedded_view != View::Ranking {
            let inner = match embedded_view {
                View::WhatIf => view! { <WhatIfView ds=ds.clone() view resolved lang /> }.into_any(),
                View::Sensitivity => view! { <SensitivityView ds=ds.clone() view resolved lang /> }.into_any(),
                _ => view! { <CompareView ds=ds.clone() view resolved lang /> }.into_any(),
            };
            return view! {
                <EmbedChrome view lang heading sources=embed_sources>
                    {notices}
                    {inner}
                </EmbedChrome>
            }
            .into_any();
        }
        return view! {
            <EmbedChrome view lang heading sources=embed_sources>
                {notices}
                <EmbedYears view lang years year />
                <section class="summary" data-testid="summary" aria-live="polite">
                    {move || summary.get().into_iter().take(1).map(|s| view! { <p>{s}</p> }).collect_view()}
                </section>
                <EChart option height_px=height summary=chart_summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) />
                <p class="chart-caption">{move || chart_summary.get()}</p>
                <EmbedTable lang>
                    <RankingTable ds=ds.clone() ranking rows filtered view lang />
                </EmbedTable>
            </EmbedChrome>
        }
        .into_any();
    }

    // One view at a time; switching remounts only the part below the controls.
    let current_view = Memo::new(move |_| view.with(|v| v.view));
    let body = {
        let ds = ds.clone();
        move || {
            match current_view.get() {
            View::Ranking => view! {
                <section class="summary" data-testid="summary" aria-live="polite">
                    {move || summary.get().into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
                </section>
                <UnitCard ds=ds.clone() view lang />
                <EChart option height_px=height summary=chart_summary unavailable_text=Signal::derive(move || msg(lang.get()).chart_unavailable) />
                <p class="chart-caption">{move || chart_summary.get()}</p>
                <RankingTable ds=ds.clone() ranking rows filtered view lang />
            }
            .into_any(),
            View::WhatIf => view! { <WhatIfView ds=ds.clone() view resolved lang /> }.into_any(),
            View::Sensitivity => view! { <SensitivityView ds=ds.clone() view resolved lang /> }.into_any(),
            View::Compare => view! { <CompareView ds=ds.clone() view resolved lang /> }.into_any(),
        }
        }
    };

    view! {
        <header class="masthead">
            <div class="tools">
                <LangSwitch view lang />
                <CopyLink lang />
                <EmbedCode view lang heading chart_px=height />
            </div>
            <p class="kicker">{move || i18n::text(&publisher, lang.get()).to_string()}</p>
            <h1 data-testid="title">{heading}</h1>
            <p class="index-name">{move || i18n::text(&index_name, lang.get()).to_string()}</p>
        </header>
        {notices}
        {data_warnings}
        <ViewNav view lang />
        <Controls ds=ds.clone() view resolved lang>
            <DatasetPicker view lang dataset_id=ds.id.clone() />
        </Controls>
        {body}
        {sources}
    }
    .into_any()
}
