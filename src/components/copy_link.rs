//! "Sao chép liên kết": the address of exactly this view (dataset, view, filters, what-if
//! changes, weights, language) for a journalist to paste into an article or a chat.

use chiso_engine::format::Lang;
use leptos::prelude::*;

use crate::clipboard::copy_text;

/// The button, a status line, and the link itself when the browser refuses to copy.
#[component]
pub fn CopyLink(lang: Memo<Lang>) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    let link = RwSignal::new(String::new());
    let copy = move |_| {
        let href = crate::dom::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        link.set(href.clone());
        copy_text(&href, move |ok| status.set(Some(ok)));
    };
    view! {
        <span class="copy-link">
            // On phones the button shows a short label; its name stays the long one, which
            // contains the short one's words (WCAG 2.5.3, label in name).
            <button type="button" class="tool" data-testid="copy-link" on:click=copy>
                <span class="label-short" aria-hidden="true">{move || crate::i18n::layout(lang.get()).copy_link_short}</span>
                <span class="label-long">{move || crate::i18n::copy_link(lang.get()).copy}</span>
            </button>
            <span class="copy-status" role="status" data-testid="copy-status">
                {move || match status.get() {
                    Some(true) => Some(crate::i18n::copy_link(lang.get()).copied.into_any()),
                    Some(false) => Some(view! {
                        {crate::i18n::copy_link(lang.get()).copy_failed}
                        " "
                        <input type="text" readonly=true class="copy-fallback" prop:value=move || link.get()
                            aria-label=move || crate::i18n::copy_link(lang.get()).copy />
                    }.into_any()),
                    None => None,
                }}
            </span>
        </span>
    }
}
