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
    let i18n::FailureText { headline, explanation } = i18n::load_failure(&failure, lang);
    let details = i18n::failure_details(&failure, lang);
    let shown: Vec<String> = details.lines.iter().take(MAX_DETAILS).cloned().collect();
    let more = details.lines.len().saturating_sub(shown.len());
    // The browser's and the JSON parser's own words have no translation: they are marked as
    // English so a screen reader pronounces them as such. Validation problems are worded.
    let details_lang = details.untranslated.then_some("en");
    let technical = (!shown.is_empty()).then(|| {
        view! {
            <details class="technical" open=true>
                <summary>{chrome(lang).technical_details}</summary>
                <ul lang=details_lang>
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
