//! The error panel: what went wrong with the dataset, in words a reader can act on.

use chiso_engine::format::Lang;
use leptos::prelude::*;

use crate::i18n::msg;
use crate::load::LoadFailure;

/// Shown instead of the explorer when the dataset cannot be fetched or fails validation.
#[component]
pub fn ErrorPanel(failure: LoadFailure, lang: Lang) -> impl IntoView {
    let m = msg(lang);
    let (headline, url, details) = match failure {
        LoadFailure::Fetch { url, detail } => (m.error_fetch, url, vec![detail]),
        LoadFailure::Invalid { url, problems } => (m.error_invalid, url, problems),
    };
    let shown: Vec<String> = details.iter().take(10).cloned().collect();
    let more = details.len().saturating_sub(shown.len());
    view! {
        <section class="error-panel" data-testid="error-panel" role="alert">
            <h2>{m.error_title}</h2>
            <p>{headline} ": " <code>{url}</code></p>
            <ul>
                {shown.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>"… +" {more}</p> })}
            <p>{m.error_hint}</p>
        </section>
    }
}
