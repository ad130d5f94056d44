//! The error panel: what went wrong with the dataset, in words a reader can act on.

use chiso_engine::format::Lang;
use leptos::prelude::*;

use crate::i18n::{self, chrome, msg};
use crate::load::LoadFailure;

/// At most this many technical lines are listed; the rest are counted.
const MAX_DETAILS: usize = 10;

/// Shown instead of the explorer when the dataset cannot be fetched or fails validation.
#[component]
pub fn ErrorPanel(failure: LoadFailure, lang: Lang) -> impl IntoView {
    let m = msg(lang);
    let (headline, explanation) = i18n::load_failure(&failure, lang);
    let details = i18n::failure_details(&failure);
    let shown: Vec<String> = details.iter().take(MAX_DETAILS).cloned().collect();
    let more = details.len().saturating_sub(shown.len());
    let technical = (!shown.is_empty()).then(|| {
        // The browser's and the validator's own words have no translation: they are marked as
        // English so a screen reader pronounces them as such.
        view! {
            <details class="technical" open=true>
                <summary>{chrome(lang).technical_details}</summary>
                <ul lang="en">
                    {shown.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{i18n::more_details(more, lang)}</p> })}
            </details>
        }
    });
    view! {
        <section class="error-panel" data-testid="error-panel" role="alert">
            <h1>{m.error_title}</h1>
            <p>{headline} ": " <code>{failure.url().to_string()}</code></p>
            <p>{explanation}</p>
            {technical}
            <p>{m.error_hint}</p>
        </section>
    }
}
