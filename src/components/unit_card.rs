//! The selected unit, in the ranking view: every year's published record with its source, and
//! a way on to the what-if view for that unit ("why is this unit last? what would it take?").

use std::sync::Arc;

use chiso_engine::dataset::{Dataset, PublishedRank, UnitId};
use chiso_engine::format::{self, Lang};
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n::{self, msg};

/// The card, shown while a unit is selected.
#[component]
pub fn UnitCard(ds: Arc<Dataset>, view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let selected = Memo::new(move |_| view.with(|v| v.unit.clone()));
    move || {
        let lang = lang.get();
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
                let rank = match obs.rank {
                    Some(PublishedRank::Position(p)) => Some(i18n::card_rank(p, count, lang)),
                    Some(PublishedRank::Last) => Some(match count {
                        Some(n) => i18n::card_rank(n, Some(n), lang),
                        None => msg(lang).lowest.to_string(),
                    }),
                    None => None,
                };
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
                        on:click=move |_| view.update(|v| v.view = View::WhatIf)>
                        {i18n::card(lang).whatif}
                    </button>
                    <button type="button" class="button secondary" data-testid="card-close"
                        on:click=move |_| view.update(|v| v.unit = None)>
                        {i18n::card(lang).close}
                    </button>
                </div>
            </section>
        })
    }
}
