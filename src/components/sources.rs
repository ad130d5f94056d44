//! The source line under the chart and the dataset's caveats.

use chiso_engine::format::Lang;
use chiso_engine::schema::{RawSource, Text};
use leptos::prelude::*;

use crate::i18n::{self, msg};

/// Sources cited by the records on screen, with links where the address is known.
#[component]
pub fn Sources(sources: Vec<RawSource>, notes: Vec<Text>, lang: Lang) -> impl IntoView {
    let m = msg(lang);
    view! {
        <section class="sources" data-testid="sources">
            <h2>{m.sources}</h2>
            <ul>
                {sources
                    .into_iter()
                    .map(|s| {
                        let date = s.date.as_deref().map(|d| format!(" ({})", i18n::source_date(d, lang))).unwrap_or_default();
                        let title = format!("“{}”", s.title);
                        let title_view = match s.url {
                            Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
                            None => view! { <span>{title}</span> }.into_any(),
                        };
                        view! { <li><span class="publisher">{s.publisher}</span>{date} ": " {title_view}</li> }
                    })
                    .collect_view()}
            </ul>
            {(!notes.is_empty()).then(|| view! {
                <h2>{m.notes}</h2>
                <ul class="notes">
                    {notes.into_iter().map(|n| view! { <li>{i18n::text(&n, lang).to_string()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
