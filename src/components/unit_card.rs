//! The selected unit, in the ranking view: every year's published record with its source, and
//! a way on to the what-if view for that unit ("why is this unit last? what would it take?").

use chiso_engine::dataset::UnitId;
use chiso_engine::format;
use chiso_engine::rank::{published_place, PublishedPlace};
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::i18n::{self, msg};

/// The card, shown while a unit is selected.
#[component]
pub fn UnitCard(ctx: Ctx) -> impl IntoView {
    let (view, lang) = (ctx.view, ctx.lang);
    let selected = Memo::new(move |_| view.with(|v| v.unit.clone()));
    move || {
        let lang = lang.get();
        let ds = ctx.ds();
        let id = selected.get()?;
        let unit = ds.unit(&UnitId(id))?;
        let group = ds.group(&unit.group)?;
        let unit_fmt = ds.index.unit;
        let years = unit
            .observations
            .iter()
            .rev()
            .map(|(year, obs)| {
                let count = group.years.get(year).and_then(|gy| gy.unit_count);
                let rank = published_place(obs.rank, count).map(|place| match place {
                    PublishedPlace::Position { rank_1_based, unit_count } => {
                        i18n::card_rank(rank_1_based, unit_count, lang)
                    }
                    PublishedPlace::LastOfUnknownCount => msg(lang).lowest.to_string(),
                });
                let score = obs.score.map(|s| format::score(s, unit_fmt, lang));
                let source = ds.source(&obs.source).map(|s| s.publisher.clone()).unwrap_or_default();
                let note = obs.note.as_ref().map(|n| i18n::text(n, lang).to_string());
                view! {
                    <li>
                        <strong>{*year}</strong> ": "
                        {score.unwrap_or_else(|| msg(lang).unpublished.to_string())}
                        {rank.map(|r| format!(" — {r}"))}
                        <span class="muted">{format!(" ({source})")}</span>
                        {note.map(|n| view! { <span class="note">{n}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="unit-card" data-testid="unit-card" aria-live="polite">
                <h2>{unit.name.clone()} <span class="kind">{i18n::kind_name(unit.kind, lang)}</span></h2>
                <ul>{years}</ul>
                <div class="card-actions">
                    <button type="button" class="button" data-testid="card-whatif"
                        on:click=move |_| view.update(|v| v.select_view(View::WhatIf))>
                        {i18n::card(lang).whatif}
                    </button>
                    <button type="button" class="button secondary" data-testid="card-close"
                        on:click=move |_| view.update(ViewState::close_unit)>
                        {i18n::card(lang).close}
                    </button>
                </div>
            </section>
        })
    }
}
