//! The language switch of the full app: Tiếng Việt | English, each written in its own language.

use chiso_engine::format::Lang;
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;

use crate::i18n::lang_short;
use crate::i18n::{chrome, lang_name};

/// Two toggle buttons; the pressed one is the language shown. Writes `lang` in the view state
/// (and so the address bar); everything else follows from there. On phones each shows its code
/// ("VI", "EN") and keeps its full name for screen readers (style.css `.label-short`).
#[component]
pub fn LangSwitch(view: RwSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let buttons = Lang::ALL
        .into_iter()
        .map(|l| {
            view! {
                <button
                    type="button"
                    class="tool"
                    lang=l.code()
                    data-testid=format!("lang-{}", l.code())
                    aria-pressed=move || (lang.get() == l).to_string()
                    on:click=move |_| view.update(|v| v.select_lang(l))
                >
                    <span class="label-short">{lang_short(l)}" "</span>
                    <span class="label-long">{lang_name(l)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=move || chrome(lang.get()).lang_switch_label>
            {buttons}
        </div>
    }
}
