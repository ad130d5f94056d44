//! `view=data`: the reader's own table. Paste it or choose (drop) a file; the engine reads it,
//! guesses what each column holds and builds a dataset; the reader checks the mapping against
//! a preview, sees every problem located by line and column, and ranks it. Nothing leaves the
//! browser; the text stays in the box after an error and across a reload.

mod issues;
mod mapping;

use chiso_engine::dataset::{Dataset, LoadError};
use chiso_engine::datasets::OWN_DATASET;
use chiso_engine::format::Lang;
use chiso_engine::schema::{self, RawDataset};
use chiso_engine::table::build::{self, Built, TableIssue};
use chiso_engine::table::mapping::{self as table_mapping, Mapping};
use chiso_engine::table::read::{self, Grid, InputKind, ReadError};
use chiso_engine::table::MAX_FILE_BYTES;
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lang_switch::LangSwitch;
use crate::i18n;
use crate::io;
use crate::load::LoadFailure;
use crate::own;

use issues::{Issues, JsonProblems};
use mapping::MappingStep;

/// What the box holds, read.
#[derive(Debug, Clone, PartialEq)]
enum Parsed {
    /// Nothing yet.
    Empty,
    /// A dataset in chiso's JSON format, or why it is not one.
    Json(Box<Result<RawDataset, LoadFailure>>),
    /// A table, or why it is not one.
    Table(Result<Grid, ReadError>),
}

fn parse(text: &str) -> Parsed {
    if text.trim().is_empty() {
        return Parsed::Empty;
    }
    if read::sniff_kind(text.as_bytes()) == InputKind::Json {
        let url = String::new();
        let got = match Dataset::from_json(text) {
            Ok(_) => schema::parse(text).map_err(|e| LoadFailure::NotADataset { url, detail: e.to_string() }),
            Err(LoadError::Parse(detail)) => Err(LoadFailure::NotADataset { url, detail }),
            Err(LoadError::Version { found, supported }) => Err(LoadFailure::Version { url, found, supported }),
            Err(LoadError::Invalid(problems)) => Err(LoadFailure::Invalid { url, problems }),
        };
        return Parsed::Json(Box::new(got));
    }
    Parsed::Table(read::read_delimited(text, None))
}

/// The year a table without a year column is given until the reader says otherwise: last year
/// by the browser's clock, since an index is published in the year after the one it assesses.
fn assessed_year() -> i32 {
    #[allow(clippy::cast_possible_truncation)] // a calendar year
    let y = js_sys::Date::new_0().get_full_year() as i32;
    y - 1
}

/// The own-data view.
#[component]
pub fn DataView(view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let (kept_text, kept_name) = own::remembered_input();
    let input = RwSignal::new(kept_text);
    let file_name = RwSignal::new(kept_name);
    // A file that could not be read (too large, Excel, undecodable): said, and the box keeps
    // what it held.
    let file_error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<&'static str>);

    let parsed = Memo::new(move |_| input.with(|t| parse(t)));
    let grid = Memo::new(move |_| match parsed.get() {
        Parsed::Table(Ok(g)) => Some(g),
        _ => None,
    });
    // A new table gets a fresh guess; the reader's changes to the mapping apply to that table.
    let mapping = RwSignal::new(None::<Mapping>);
    Effect::new(move |_| {
        let guess = grid.with(|g| g.as_ref().map(|g| table_mapping::guess(g, assessed_year())));
        mapping.set(guess);
    });
    let built = Memo::new(move |_| {
        grid.with(|g| {
            mapping.with(|m| match (g, m) {
                (Some(g), Some(m)) => Some(build::build(g, m)),
                _ => None,
            })
        })
    });
    // The dataset the button ranks, when there is one.
    let ready = Memo::new(move |_| match parsed.get() {
        Parsed::Json(json) => (*json).ok(),
        Parsed::Table(Ok(_)) => built.with(|b| match b {
            Some(Ok(Built { raw, .. })) => Some(raw.clone()),
            _ => None,
        }),
        _ => None,
    });

    let on_input = move |ev| {
        file_error.set(None);
        status.set(None);
        file_name.set(None);
        input.set(io::nfc(&event_target_value(&ev)));
    };
    let read_file = move |ev: wasm_bindgen::JsValue| {
        let Some(chosen) = io::chosen_file(&ev) else { return };
        status.set(None);
        let lang = lang.get_untracked();
        #[allow(clippy::cast_precision_loss)] // 5 MB
        if chosen.size > MAX_FILE_BYTES as f64 {
            file_error.set(Some(i18n::file_too_large(&chosen.name, chosen.size, MAX_FILE_BYTES, lang)));
            return;
        }
        spawn_local(async move {
            let Ok(bytes) = io::file_bytes(&chosen).await else {
                file_error.set(Some(i18n::file_unreadable(&chosen.name, lang)));
                return;
            };
            if bytes.len() > MAX_FILE_BYTES {
                #[allow(clippy::cast_precision_loss)]
                let size = bytes.len() as f64;
                file_error.set(Some(i18n::file_too_large(&chosen.name, size, MAX_FILE_BYTES, lang)));
                return;
            }
            if matches!(read::sniff_kind(&bytes), InputKind::Xlsx | InputKind::Xls) {
                file_error.set(Some(i18n::own(lang).xlsx.to_string()));
                return;
            }
            let (encoding, skip) = read::sniff_encoding(&bytes);
            match io::decode_text(&bytes, encoding.label(), skip) {
                Ok(text) => {
                    file_error.set(None);
                    file_name.set(Some(chosen.name.clone()));
                    input.set(text);
                }
                Err(_) => file_error.set(Some(i18n::file_unreadable(&chosen.name, lang))),
            }
        });
    };
    let on_file = move |ev: web_sys::Event| read_file(ev.into());
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        read_file(ev.into());
    };
    let on_dragover = move |ev: web_sys::DragEvent| ev.prevent_default();
    // The text survives a reload (and an error) in this browser.
    Effect::new(move |_| {
        let text = input.get();
        own::remember_input(&text, file_name.get().as_deref());
    });

    let rank_it = move |_| {
        let Some(mut raw) = ready.get_untracked() else { return };
        raw.id = OWN_DATASET.to_string();
        let text = input.get_untracked();
        let json = chiso_engine::table::fragment::dataset_json(&raw);
        own::open_in_explorer(json, &text, file_name.get_untracked().as_deref(), view.get_untracked());
    };
    let forget = move |_| {
        own::forget();
        input.set(String::new());
        file_name.set(None);
        file_error.set(None);
        status.set(Some(i18n::own(lang.get_untracked()).forgotten));
    };
    let back_href = move || {
        view.with(|v| {
            crate::state::explorer_url(&ViewState { lang: v.lang, theme: v.theme, ..ViewState::default() }, None)
        })
    };

    let summary = move || {
        let lang = lang.get();
        ready.with(|r| {
            r.as_ref().map(|raw| {
                let units = raw.groups.iter().map(|g| g.units.len()).sum::<usize>();
                let mut years: Vec<i32> = raw
                    .groups
                    .iter()
                    .flat_map(|g| g.units.iter().flat_map(|u| u.observations.iter().map(|o| o.year)))
                    .collect();
                years.sort_unstable();
                years.dedup();
                i18n::table_summary(units, years.len(), raw.groups.len(), lang)
            })
        })
    };
    let read_problem = move || match parsed.get() {
        Parsed::Table(Err(e)) if e != ReadError::Empty => Some(i18n::read_error(&e, lang.get())),
        _ => None,
    };
    let json_failure = move || match parsed.get() {
        Parsed::Json(json) => (*json).err(),
        _ => None,
    };
    let table_issues = Signal::derive(move || -> (Vec<TableIssue>, Vec<TableIssue>) {
        built.with(|b| match b {
            Some(Ok(b)) => (Vec::new(), b.warnings.clone()),
            Some(Err(problems)) => (problems.clone(), Vec::new()),
            None => (Vec::new(), Vec::new()),
        })
    });

    view! {
        <section class="own-data" data-testid="own-data" on:drop=on_drop on:dragover=on_dragover>
            <header class="masthead">
                <div class="tools">
                    <LangSwitch view lang />
                    <a class="tool" data-testid="own-back" href=back_href>
                        {move || i18n::own(lang.get()).back}
                    </a>
                </div>
                <h1 data-testid="title">{move || i18n::own(lang.get()).title}</h1>
                <p class="privacy" data-testid="privacy">{move || i18n::own(lang.get()).privacy}</p>
            </header>
            <div class="own-input">
                <label class="own-label" for="own-text">{move || i18n::own(lang.get()).paste_label}</label>
                <textarea
                    id="own-text"
                    data-testid="own-text"
                    rows="8"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder=move || i18n::own(lang.get()).paste_placeholder
                    prop:value=move || input.get()
                    on:input=on_input
                ></textarea>
                <div class="own-file">
                    <label class="tool file-pick">
                        {move || i18n::own(lang.get()).choose_file}
                        <input type="file" data-testid="own-file" accept=".csv,.tsv,.txt,.json,.xlsx,.xls,text/csv,text/plain,application/json" on:change=on_file />
                    </label>
                    <span class="muted">{move || i18n::own(lang.get()).drop_here}</span>
                    {move || file_name.get().map(|n| view! { <span class="file-name" data-testid="own-file-name">{n}</span> })}
                </div>
                <p class="hint">{move || i18n::own(lang.get()).file_hint}</p>
                {move || file_error.get().map(|e| view! { <p class="own-error" role="alert" data-testid="own-input-error">{e}</p> })}
                {move || read_problem().map(|e| view! { <p class="own-error" role="alert" data-testid="own-input-error">{e}</p> })}
            </div>
            {move || json_failure().map(|failure| view! { <JsonProblems failure lang /> })}
            {move || matches!(parsed.get(), Parsed::Json(json) if json.is_ok()).then(|| view! {
                <p class="own-ok">{move || i18n::own(lang.get()).json_ready}</p>
            })}
            <MappingStep grid mapping lang />
            <Issues issues=table_issues lang />
            <div class="own-actions">
                <p class="own-summary" data-testid="own-summary" aria-live="polite">{summary}</p>
                <button type="button" class="button" data-testid="own-rank" disabled=move || ready.with(Option::is_none) on:click=rank_it>
                    {move || i18n::own(lang.get()).rank_it}
                </button>
                <button type="button" class="tool" data-testid="own-forget" on:click=forget>
                    {move || i18n::own(lang.get()).forget}
                </button>
                <span role="status" data-testid="own-status">{move || status.get()}</span>
            </div>
        </section>
    }
}

/// The own-data page (data.html): the language switch and the view, its address kept in step
/// with the language.
#[component]
pub fn DataPage() -> impl IntoView {
    let initial = crate::state::read_url();
    let mut start = initial.view;
    start.view = chiso_engine::view_state::View::Data;
    let view = RwSignal::new(start);
    let lang = Memo::new(move |_| view.with(|v| v.lang));
    crate::theme::provide_palette(view);
    Effect::new(move |_| {
        let v = view.get();
        crate::state::write_url(&v, false);
        if let Some(html) = crate::dom::document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", v.lang.code());
        }
        if let Some(doc) = crate::dom::document() {
            doc.set_title(&format!("{} — chiso", i18n::own(v.lang).title));
        }
    });
    view! {
        <div class="chiso" data-testid="app">
            <DataView view lang />
        </div>
    }
}
