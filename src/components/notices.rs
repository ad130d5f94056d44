//! The notices above a view: link parameters that were ignored, values the dataset does not
//! have (the resolver's and the what-if's mismatches), and the dataset's own warnings.

use std::sync::Arc;

use chiso_engine::dataset::DataWarning;
use chiso_engine::view_state::ParamWarning;
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::i18n::{self, msg};

/// Ignored link parameters and values this dataset does not have, worded once each.
#[component]
pub fn LinkNotices(ctx: Ctx, url_warnings: RwSignal<Vec<ParamWarning>>) -> impl IntoView {
    move || {
        let lang = ctx.lang.get();
        let mut all: Vec<String> = url_warnings.with(|ws| ws.iter().map(|w| i18n::param_warning(w, lang)).collect());
        all.extend(
            ctx.resolved.with(|r| r.mismatches.iter().map(|m| i18n::view_mismatch(m, lang)).collect::<Vec<_>>()),
        );
        (!all.is_empty()).then(|| {
            view! {
                <div class="notice" data-testid="url-notice" role="status">
                    <strong>{msg(lang).url_notice}</strong>
                    <ul>{all.into_iter().map(|w| view! { <li><code>{w}</code></li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The dataset's warnings (it loaded, but something in it is odd), folded away.
#[component]
pub fn DataWarnings(ctx: Ctx, warnings: Arc<Vec<DataWarning>>) -> impl IntoView {
    move || {
        (!warnings.is_empty()).then(|| {
            let lang = ctx.lang.get();
            let items = warnings.iter().map(|w| view! { <li>{i18n::data_warning(w, lang)}</li> }).collect_view();
            view! {
                <details class="notice" data-testid="data-warnings">
                    <summary>{msg(lang).data_warnings} " (" {warnings.len()} ")"</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    }
}
