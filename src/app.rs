//! The app shell: reads the address, loads the dataset, and shows the explorer, a loading state
//! or the error panel — never a blank page.

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset};
use chiso_engine::format::Lang;
use chiso_engine::view_state::{ParamWarning, ViewState};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::error_panel::ErrorPanel;
use crate::components::explorer::Explorer;
use crate::i18n::msg;
use crate::components::embed;
use crate::i18n::{self, chrome};
use crate::load::{self, LoadState};
use crate::state;
use crate::theme;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let initial = state::read_url();
    let view = RwSignal::new(initial.view);
    let url_warnings = Arc::new(initial.warnings);
    let data_param = initial.data_param;
    let load_state = RwSignal::new(LoadState::Loading);

    match load::data_url(data_param.as_deref()) {
        Ok(url) => spawn_local(async move { load_state.set(load::load(url).await) }),
        Err(refused) => load_state.set(LoadState::Failed(refused)),
    }

    // Light or dark, for the charts and the page (`?theme=`, else the reader's system setting).
    theme::provide_palette(view);
    // Inside a news site's iframe: tell the host our height, from the loading text on.
    let is_embed = view.with_untracked(|v| v.embed);
    if is_embed {
        embed::report_height_to_host(view.with_untracked(|v| v.eid.clone()));
    }

    // The address bar follows the view state.
    Effect::new(move |_| {
        let v = view.get();
        state::write_url(&v, data_param.as_deref());
    });

    let lang = Memo::new(move |_| view.with(|v| v.lang));
    // The document's language follows the reader's choice (screen readers, hyphenation).
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", code);
        }
    });
    // The tab's title, in the reader's language: the index's name once the data is in.
    Effect::new(move |_| {
        let lang = lang.get();
        let title = load_state.with(|s| match s {
            LoadState::Ready(ds, _) => format!("{} — chiso", i18n::text(&ds.index.short_name, lang)),
            _ => chrome(lang).page_title.to_string(),
        });
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });

    view! {
        <div class="chiso" class:chiso-embed=is_embed data-testid="app">
            {move || match load_state.get() {
                LoadState::Loading => view! {
                    <p class="loading" data-testid="loading" role="status">{msg(lang.get()).loading}</p>
                }.into_any(),
                LoadState::Failed(failure) => view! { <ErrorPanel failure lang=lang.get() /> }.into_any(),
                LoadState::Ready(ds, warnings) => {
                    ready(ds, warnings, view, url_warnings.clone(), lang).into_any()
                }
            }}
        </div>
    }
}

fn ready(
    ds: Arc<Dataset>,
    warnings: Arc<Vec<DataWarning>>,
    view: RwSignal<ViewState>,
    url_warnings: Arc<Vec<ParamWarning>>,
    lang: Memo<Lang>,
) -> impl IntoView {
    view! { <Explorer ds warnings view url_warnings lang /> }
}
