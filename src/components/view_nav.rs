//! The dataset picker and the view tabs (ranking, what-if, robustness, year on year).

use chiso_engine::datasets::BUILTIN;
use chiso_engine::format::Lang;
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n;

/// Picker and tabs (`ViewState::select_dataset`, `ViewState::select_view`).
#[component]
pub fn ViewNav(view: RwSignal<ViewState>, lang: Memo<Lang>, dataset_id: String) -> impl IntoView {
    let on_dataset = move |ev| {
        let id = event_target_value(&ev);
        view.update(|v| v.select_dataset(&id));
    };
    let current_view = Memo::new(move |_| view.with(|v| v.view));
    // A link with `data=` shows that file; the picker would only pretend to switch.
    let show_picker = view.with_untracked(|v| v.data.is_none());
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
                        on:click=move |_| view.update(|s| s.select_view(v))
                    >
                        {i18n::view_label(v, lang)}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="view-nav" aria-label=move || i18n::views(lang.get()).views_label>
            {show_picker.then(|| view! {
            <label class="field dataset-picker">
                <span>{move || i18n::views(lang.get()).dataset}</span>
                <select data-testid="dataset-select" on:change=on_dataset>
                    {move || {
                        let lang = lang.get();
                        BUILTIN
                            .iter()
                            .map(|d| {
                                view! { <option value=d.id selected=d.id == dataset_id.as_str()>{i18n::dataset_label(d.id, lang)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            })}
            <div class="tabs" role="group" aria-label=move || i18n::views(lang.get()).views_label>{tabs}</div>
        </nav>
    }
}
