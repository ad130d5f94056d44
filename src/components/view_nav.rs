//! The dataset picker and the view tabs (ranking, what-if, robustness, year on year).

use chiso_engine::format::Lang;
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n;
use crate::load::DATASETS;

/// Names of the built-in datasets in the picker.
fn dataset_label(id: &str, lang: Lang) -> &'static str {
    match (id, lang) {
        ("hanoi-cchc", Lang::Vi) => "Chỉ số CCHC Hà Nội",
        ("hanoi-cchc", Lang::En) => "Hanoi PAR Index",
        ("pci", Lang::Vi) => "PCI — Năng lực cạnh tranh cấp tỉnh",
        ("pci", Lang::En) => "PCI — Provincial Competitiveness",
        ("papi", Lang::Vi) => "PAPI — Hiệu quả quản trị và hành chính công",
        ("papi", Lang::En) => "PAPI — Governance and Public Administration",
        _ => "?",
    }
}

fn view_label(v: View, lang: Lang) -> &'static str {
    let m = i18n::views(lang);
    match v {
        View::Ranking => m.tab_ranking,
        View::WhatIf => m.tab_whatif,
        View::Sensitivity => m.tab_sensitivity,
        View::Compare => m.tab_compare,
    }
}

/// Picker and tabs. Switching dataset starts from that dataset's defaults (group, year,
/// overrides and weights belong to the dataset left behind); the view and language stay.
#[component]
pub fn ViewNav(view: RwSignal<ViewState>, lang: Memo<Lang>, dataset_id: String) -> impl IntoView {
    let on_dataset = move |ev| {
        let id = event_target_value(&ev);
        view.update(|v| {
            *v = ViewState { dataset: id, view: v.view, lang: v.lang, theme: v.theme, ..ViewState::default() };
        });
    };
    let current_view = Memo::new(move |_| view.with(|v| v.view));
    let tabs = move || {
        let lang = lang.get();
        View::ALL
            .into_iter()
            .map(|v| {
                let pressed = move || (current_view.get() == v).to_string();
                view! {
                    <button
                        type="button"
                        class="tab"
                        data-testid=format!("view-{}", v.code())
                        aria-pressed=pressed
                        on:click=move |_| view.update(|s| s.view = v)
                    >
                        {view_label(v, lang)}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="view-nav" aria-label=move || i18n::views(lang.get()).views_label>
            <label class="field dataset-picker">
                <span>{move || i18n::views(lang.get()).dataset}</span>
                <select data-testid="dataset-select" on:change=on_dataset>
                    {move || {
                        let lang = lang.get();
                        DATASETS
                            .iter()
                            .map(|(id, _)| {
                                view! { <option value=*id selected=*id == dataset_id.as_str()>{dataset_label(id, lang)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <div class="tabs" role="group" aria-label=move || i18n::views(lang.get()).views_label>{tabs}</div>
        </nav>
    }
}
