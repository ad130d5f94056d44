//! The view tabs (ranking, what-if, robustness, year on year) and the dataset picker, which sits
//! with the other controls (components/controls.rs folds them on phones).

use chiso_engine::format::Lang;
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n;
use crate::load::DATASETS;

/// The tabs: one row of four, on phones too.
#[component]
pub fn ViewNav(view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
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
                        {i18n::view_label(v, lang)}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="view-nav" aria-label=move || i18n::views(lang.get()).views_label>
            <div class="tabs" role="group" aria-label=move || i18n::views(lang.get()).views_label>{tabs}</div>
        </nav>
    }
}

/// The dataset picker. Switching dataset starts from that dataset's defaults (group, year,
/// overrides and weights belong to the dataset left behind); the view and language stay.
/// A link with `data=` shows that file, so there the picker is left out: it would only pretend
/// to switch.
#[component]
pub fn DatasetPicker(view: RwSignal<ViewState>, lang: Memo<Lang>, dataset_id: String) -> impl IntoView {
    let on_dataset = move |ev| {
        let id = event_target_value(&ev);
        view.update(|v| {
            *v = ViewState { dataset: id, view: v.view, lang: v.lang, theme: v.theme, ..ViewState::default() };
        });
    };
    let show_picker = !use_context::<crate::load::DataOverride>().is_some_and(|d| d.0);
    show_picker.then(|| {
        view! {
            <label class="field dataset-picker">
                <span>{move || i18n::views(lang.get()).dataset}</span>
                <select data-testid="dataset-select" on:change=on_dataset>
                    {move || {
                        let lang = lang.get();
                        DATASETS
                            .iter()
                            .map(|(id, _)| {
                                view! { <option value=*id selected=*id == dataset_id.as_str()>{i18n::dataset_label(id, lang)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    })
}
