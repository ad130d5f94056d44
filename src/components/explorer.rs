//! The explorer for a loaded dataset: the masthead, the notices, the view tabs and controls,
//! then one view at a time — or, embedded, the compact chrome around the view.

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset};
use chiso_engine::format::Lang;
use chiso_engine::resolve::resolve;
use chiso_engine::view_state::{ParamWarning, View, ViewState};
use leptos::prelude::*;

use crate::components::compare_view::CompareView;
use crate::components::context::Ctx;
use crate::components::controls::Controls;
use crate::components::copy_link::CopyLink;
use crate::components::downloads::Downloads;
use crate::components::embed::{EmbedChrome, EmbedYears};
use crate::components::embed_code::EmbedCode;
use crate::components::lang_switch::LangSwitch;
use crate::components::notices::{DataWarnings, LinkNotices};
use crate::components::ranking_view::{RankingData, RankingView};
use crate::components::sensitivity_view::SensitivityView;
use crate::components::sources::Sources;
use crate::components::view_nav::{DatasetPicker, ViewNav};
use crate::components::whatif::WhatIfView;
use crate::i18n;

/// The view the state asks for (the ranking's data is shared with the chart-height estimate of
/// the embed snippet, so it is made once by the explorer).
fn body(ctx: Ctx, data: RankingData, which: View, compact: bool) -> AnyView {
    match which {
        View::Ranking => view! { <RankingView ctx data compact /> }.into_any(),
        View::WhatIf => view! { <WhatIfView ctx /> }.into_any(),
        View::Sensitivity => view! { <SensitivityView ctx /> }.into_any(),
        View::Compare => view! { <CompareView ctx /> }.into_any(),
        // The app shows the own-data view instead of the explorer.
        View::Data => ().into_any(),
    }
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
    let ctx = Ctx { ds: StoredValue::new(ds.clone()), view, resolved, lang };
    crate::export::provide();
    let data = RankingData::new(ctx);

    let heading = Signal::derive({
        let short_name = ds.index.short_name.clone();
        move || format!("{} {}", i18n::text(&short_name, lang.get()), resolved.with(|r| r.year))
    });
    let sources_cited = Signal::derive(move || {
        let (gid, year) = resolved.with(|r| (r.group.clone(), r.year));
        ctx.ds.with_value(|ds| {
            ds.group(&gid).map(|g| ds.sources_cited(g, year).into_iter().cloned().collect()).unwrap_or_default()
        })
    });

    // Embed mode: the view in the compact chrome (components/embed.rs).
    if view.with_untracked(|v| v.embed) {
        let embedded_view = view.with_untracked(|v| v.view);
        let years = Signal::derive(move || resolved.with(|r| r.years.clone()));
        let year = Signal::derive(move || resolved.with(|r| r.year));
        // The other views embed as they are (their own controls are what a reader needs there).
        let years_control = (embedded_view == View::Ranking).then(|| view! { <EmbedYears view lang years year /> });
        return view! {
            <EmbedChrome view lang heading sources=sources_cited>
                <LinkNotices ctx url_warnings />
                {years_control}
                {body(ctx, data, embedded_view, true)}
            </EmbedChrome>
        }
        .into_any();
    }

    let chart_px = Signal::derive(move || {
        data.rows.with(|rows| crate::charts::ranking_bar::height_for(rows.iter().filter(|r| r.score.is_some()).count()))
    });
    // One view at a time; switching remounts only the part below the controls.
    let current_view = Memo::new(move |_| view.with(|v| v.view));
    let sources = move || {
        let lang = lang.get();
        let (gid, year) = resolved.with(|r| (r.group.clone(), r.year));
        ctx.ds.with_value(|ds| {
            let group = ds.group(&gid)?;
            let cited: Vec<_> = ds.sources_cited(group, year).into_iter().cloned().collect();
            let mut notes = ds.notes.clone();
            notes.extend(group.roster_note.clone());
            // The year's own caveat (for example PCI 2023's derived weights).
            notes.extend(ds.edition(year).and_then(|e| e.note.clone()));
            Some(view! { <Sources sources=cited notes lang /> })
        })
    };
    let publisher = ds.index.publisher.clone();
    let index_name = ds.index.name.clone();

    view! {
        <header class="masthead">
            <div class="tools">
                <LangSwitch view lang />
                <CopyLink lang />
                <EmbedCode view lang heading chart_px />
                <Downloads ctx heading sources=sources_cited />
                <a class="tool own-entry" data-testid="open-own-data" href=move || view.with(crate::state::data_page_url)>
                    {move || i18n::own(lang.get()).title}
                </a>
            </div>
            <p class="kicker">{move || i18n::text(&publisher, lang.get()).to_string()}</p>
            <h1 data-testid="title">{heading}</h1>
            <p class="index-name">{move || i18n::text(&index_name, lang.get()).to_string()}</p>
        </header>
        <LinkNotices ctx url_warnings />
        <ShareCeiling view lang />
        <DataWarnings ctx warnings />
        <ViewNav view lang />
        <Controls ctx>
            <DatasetPicker view lang dataset_id=ds.id.clone() />
        </Controls>
        {move || body(ctx, data, current_view.get(), false)}
        {sources}
        // The way to the own-data page on every screen (on phones the masthead has no room for it).
        <p class="own-footer">
            <a data-testid="own-data-footer" href=move || view.with(crate::state::data_page_url)>
                {move || i18n::own(lang.get()).footer_link}
            </a>
        </p>
    }
    .into_any()
}

/// An own table too large to carry in a link: said, with the file-and-`data=` route instead.
#[component]
fn ShareCeiling(view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let own = crate::own::use_own();
    move || {
        if !view.with(ViewState::is_own) {
            return None;
        }
        own.0.with(|slot| match slot {
            crate::own::OwnSlot::Ready(crate::own::OwnTable {
                fragment: Some(Err(chiso_engine::table::fragment::FragmentError::TooLong { limit })),
                ..
            }) => {
                let text = i18n::too_large_to_share(*limit, lang.get());
                Some(view! { <p class="notice" role="status" data-testid="share-ceiling">{text}</p> })
            }
            _ => None,
        })
    }
}
