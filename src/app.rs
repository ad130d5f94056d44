//! The app shell: reads the address, loads the dataset, and shows the explorer, a loading state
//! or the error panel — never a blank page.

use chiso_engine::view_state::{self, View};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::embed;
use crate::components::error_panel::ErrorPanel;
use crate::components::explorer::Explorer;
use crate::i18n::msg;
use crate::i18n::{self, chrome};
use crate::load::{self, LoadState};
use crate::own::{self, OwnSlot};
use crate::state;
use crate::theme;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let initial = state::read_url();
    let opened_with = StoredValue::new(initial.view.clone());
    let view = RwSignal::new(initial.view);
    // A `data=` the page may not fetch is refused for as long as the page is open.
    let refused_data = view_state::refused_data(&initial.warnings).cloned();
    // Notices about the opening link's bad parameters; they go once the reader changes the view
    // (the address then says something else) and come back with "back" to that address.
    let url_warnings = RwSignal::new(initial.warnings);
    let load_state = RwSignal::new(LoadState::Loading);

    // The reader's own table: from the link's fragment, else kept in this browser.
    let own = own::provide();
    // Only the table's identity (not its packed link) decides what is loaded.
    let own_key = Memo::new(move |_| {
        own.0.with(|slot| match slot {
            OwnSlot::Empty => 0usize,
            OwnSlot::Reading => 1,
            OwnSlot::Broken(_) => 2,
            OwnSlot::Ready(t) => std::sync::Arc::as_ptr(&t.json) as usize,
        })
    });

    // The dataset follows the view state's file (`ds`, the picker; or `data=`; or the reader's
    // own table). The own-data view needs none. A generation counter drops a slow answer that
    // arrives after the reader picked another one.
    let source = Memo::new(move |_| {
        view.with(|v| {
            if v.view == View::Data {
                Source::None
            } else if v.is_own() {
                Source::Own
            } else {
                Source::File(load::data_file(v, refused_data.as_ref()))
            }
        })
    });
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let source = source.get();
        generation.update_value(|g| *g += 1);
        let this_load = generation.get_value();
        match source {
            Source::None => {}
            Source::Own => {
                // Subscribes to the table's identity (`.track()` alone did not re-run this).
                let _table = own_key.get();
                load_state.set(own.0.with_untracked(own::load_state));
            }
            Source::File(Ok(url)) => {
                load_state.set(LoadState::Loading);
                spawn_local(async move {
                    let loaded = load::load(url).await;
                    if generation.get_value() == this_load {
                        load_state.set(loaded);
                    }
                });
            }
            Source::File(Err(refused)) => load_state.set(LoadState::Failed(refused)),
        }
    });

    // ECharts is loaded when a chart needs it (charts/loader.rs); the first screen draws SVG.
    crate::charts::loader::provide();
    // Light or dark, for the charts and the page (`?theme=`, else the reader's system setting).
    theme::provide_palette(view);
    // Inside a news site's iframe: tell the host our height, from the loading text on.
    let is_embed = view.with_untracked(|v| v.embed);
    if is_embed {
        embed::report_height_to_host(view.with_untracked(|v| v.eid.clone()));
    }

    // The address bar follows the view state; "back" and "forward" bring the state back. A
    // navigation step is written at once (a new entry, or in an iframe a replaced one); typing
    // and sliders replace the entry once the hand stops (URL_IDLE_MS), not at every move —
    // history.replaceState costs a few milliseconds a call, and browsers throttle it.
    let last_written = StoredValue::new(view.get_untracked());
    let pending = StoredValue::new_local(None::<(chiso_engine::view_state::ViewState, TimeoutHandle)>);
    let flush = move || {
        if let Some(Some((v, handle))) = pending.try_update_value(Option::take) {
            handle.clear();
            state::write_url(&v, false);
        }
    };
    Effect::new(move |first: Option<()>| {
        let v = view.get();
        let navigation = view_state::is_navigation(&last_written.get_value(), &v);
        last_written.set_value(v.clone());
        if first.is_none() {
            // The opening address, as the state reads it (only what differs from the defaults).
            state::write_url(&v, false);
            return;
        }
        if navigation {
            // The entry being left keeps its last slider state, then the step is written.
            flush();
            // Inside an iframe, history entries would land in the host page's "back" button.
            state::write_url(&v, !v.embed);
            return;
        }
        if let Some(Some((_, handle))) = pending.try_update_value(Option::take) {
            handle.clear();
        }
        if let Ok(handle) = set_timeout_with_handle(flush, URL_IDLE_MS) {
            pending.set_value(Some((v, handle)));
        } else {
            state::write_url(&v, false);
        }
    });
    Effect::new(move |_| {
        let changed = view.with(|v| *v != opened_with.get_value());
        if changed && url_warnings.with_untracked(|w| !w.is_empty()) {
            url_warnings.set(Vec::new());
        }
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        // The browser is on another entry already: a replace still waiting would land on it.
        if let Some(Some((_, handle))) = pending.try_update_value(Option::take) {
            handle.clear();
        }
        let restored = state::read_url();
        last_written.set_value(restored.view.clone());
        opened_with.set_value(restored.view.clone());
        url_warnings.set(restored.warnings);
        view.set(restored.view);
    });
    on_cleanup(move || popstate.remove());

    let lang = Memo::new(move |_| view.with(|v| v.lang));
    // The document's language follows the reader's choice (screen readers, hyphenation).
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(html) = crate::dom::document().and_then(|d| d.document_element()) {
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
        if let Some(doc) = crate::dom::document() {
            doc.set_title(&title);
        }
    });

    // `view=data` is the own-data page (data.html, its own wasm): go there.
    let data_view = Memo::new(move |_| view.with(|v| v.view == View::Data));
    Effect::new(move |_| {
        if data_view.get() {
            state::go(&view.with_untracked(state::data_page_url), true);
        }
    });
    let data_href = move || view.with(state::data_page_url);
    // The build-time snapshot of this link, when the page shows one (snapshot.rs), stays until
    // there is something else to show.
    let snapshot_shown = crate::snapshot::shown();
    view! {
        <div class="chiso" class:chiso-embed=is_embed data-testid="app">
            {move || if let (LoadState::Loading, false, true) = (load_state.get(), data_view.get(), snapshot_shown) {
                // The snapshot is the loading state.
                ().into_any()
            } else if data_view.get() {
                crate::snapshot::remove();
                view! {
                    <p class="loading" role="status"><a href=data_href>{move || i18n::own(lang.get()).title}</a></p>
                }.into_any()
            } else { crate::snapshot::remove(); match load_state.get() {
                LoadState::Loading => view! {
                    <p class="loading" data-testid="loading" role="status">{msg(lang.get()).loading}</p>
                }.into_any(),
                LoadState::Failed(failure) => {
                    let own_table = view.with_untracked(|v| v.is_own());
                    view! {
                        <ErrorPanel failure lang=lang.get() />
                        {own_table.then(|| view! {
                            <p><a class="button" data-testid="open-data-view" href=data_href>
                                {move || i18n::own(lang.get()).open_data_view}
                            </a></p>
                        })}
                    }.into_any()
                }
                LoadState::Ready(ds, warnings) => {
                    view! { <Explorer ds warnings view url_warnings lang /> }.into_any()
                }
            }}}
        </div>
    }
}

/// The explorer as the build-time snapshot shows it (`src/bin/chiso-prerender.rs`, natively): the
/// same shell and [`Explorer`] as [`App`] draws for a loaded dataset, for the view state of the
/// link the snapshot serves. The shell carries no `data-testid` (the app's own shell, mounted
/// beside it while the wasm starts, does).
#[component]
pub fn Snapshot(
    ds: std::sync::Arc<chiso_engine::dataset::Dataset>,
    warnings: std::sync::Arc<Vec<chiso_engine::dataset::DataWarning>>,
    initial: view_state::ViewState,
) -> impl IntoView {
    let is_embed = initial.embed;
    let view = RwSignal::new(initial);
    let url_warnings = RwSignal::new(Vec::new());
    crate::charts::loader::provide();
    theme::provide_palette(view);
    let lang = Memo::new(move |_| view.with(|v| v.lang));
    view! {
        <div class="chiso" class:chiso-embed=is_embed>
            <Explorer ds warnings view url_warnings lang />
        </div>
    }
}

/// How long the address bar waits after the last slider move or keystroke before it is updated.
const URL_IDLE_MS: std::time::Duration = std::time::Duration::from_millis(250);

/// Where the page's dataset comes from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// Nothing to load (the own-data view).
    None,
    /// The reader's own table.
    Own,
    /// A file of the site, or why the link's file is refused.
    File(Result<String, load::LoadFailure>),
}
