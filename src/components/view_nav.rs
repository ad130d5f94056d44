//! The view tabs (ranking, what-if, robustness, year on year) and the dataset picker, which sits
//! with the other controls (components/controls.rs folds them on phones).

use chiso_engine::datasets::{BUILTIN, OWN_DATASET};
use chiso_engine::format::Lang;
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n;

/// The tabs (`ViewState::select_view`): one row of four, on phones too.
#[component]
pub fn ViewNav(view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let current_view = Memo::new(move |_| view.with(|v| v.view));
    let tabs = move || {
        let lang = lang.get();
        View::TABS
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
            <div class="tabs" role="group" aria-label=move || i18n::views(lang.get()).views_label>{tabs}</div>
        </nav>
    }
}

/// The dataset picker (`ViewState::select_dataset`). A link with `data=` shows that file, so
/// there the picker is left out: it would only pretend to switch.
#[component]
pub fn DatasetPicker(view: RwSignal<ViewState>, lang: Memo<Lang>, dataset_id: String) -> impl IntoView {
    let own = crate::own::use_own();
    let on_dataset = move |ev| {
        let id = event_target_value(&ev);
        let has_table = own.0.with_untracked(|s| matches!(s, crate::own::OwnSlot::Ready(_)));
        if id == OWN_DATASET && !has_table {
            // No table yet: the way to make one.
            crate::state::go(&view.with_untracked(crate::state::data_page_url), false);
        } else {
            view.update(|v| v.select_dataset(&id));
        }
    };
    let show_picker = view.with_untracked(|v| v.data.is_none());
    let is_own = dataset_id == OWN_DATASET;
    show_picker.then(|| {
        view! {
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
                    <option value=OWN_DATASET selected=is_own>
                        {move || i18n::own(lang.get()).picker_entry}
                    </option>
                </select>
            </label>
        }
    })
}
