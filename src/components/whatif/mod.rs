//! The what-if view: change one unit's total or sub-indices and the weights, and see every rank
//! move; "what it takes" to reach a target rank; why a unit is where it is. Every changed value
//! is labelled hypothetical. Every rule is the engine's (`chiso_engine::whatif`); these
//! components render and word what it returns.

mod editors;
mod result;
mod takes;
mod weights;

use std::sync::Arc;

use chiso_engine::matrix::BlockMatrix;
use chiso_engine::view_state::ViewState;
use chiso_engine::whatif::WhatIf;
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::i18n::{self, whatif};

/// The block's matrix and the what-if worked out for the current view state.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct State {
    pub(crate) matrix: Arc<BlockMatrix>,
    pub(crate) whatif: WhatIf,
}

/// The what-if view.
#[component]
pub fn WhatIfView(ctx: Ctx) -> impl IntoView {
    let lang = ctx.lang;
    let matrix = Memo::new(move |_| {
        ctx.resolved.with(|r| ctx.ds.with_value(|ds| BlockMatrix::new(ds, &r.group, r.year).ok().map(Arc::new)))
    });
    let state: Memo<Option<State>> = Memo::new(move |_| {
        let matrix = matrix.get()?;
        let whatif = ctx.view.with(|v| WhatIf::new(&matrix, v));
        Some(State { matrix, whatif })
    });

    let mismatches = move || {
        let lang = lang.get();
        state.with(|s| {
            let s = s.as_ref()?;
            (!s.whatif.mismatches.is_empty()).then(|| {
                let items = s
                    .whatif
                    .mismatches
                    .iter()
                    .map(|m| view! { <li>{i18n::mismatch_text(m, lang)}</li> })
                    .collect_view();
                view! { <div class="notice" data-testid="whatif-notice" role="status"><ul>{items}</ul></div> }
            })
        })
    };
    let reset = move |_| ctx.view.update(ViewState::reset_whatif);

    view! {
        <section class="whatif" data-testid="whatif-view">
            {mismatches}
            <result::ResultLine ctx state />
            <div class="whatif-layout">
                <div class="panel">
                    <editors::UnitPicker ctx state />
                    <editors::Editor ctx state />
                    <weights::WeightsEditor ctx state />
                    <button type="button" class="button" data-testid="whatif-reset" on:click=reset>
                        {move || whatif(lang.get()).reset}
                    </button>
                </div>
                <div class="whatif-result" role="region" tabindex="0"
                    aria-label=move || whatif(lang.get()).result_region>
                    <result::ResultChart ctx state />
                </div>
            </div>
            <takes::WhatItTakes ctx state />
            <takes::Explain ctx state />
            <result::ResultTable ctx state />
        </section>
    }
}
