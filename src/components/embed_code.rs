//! The "Nhúng" (embed) button of the full app and its panel: a ready-to-paste iframe snippet
//! for the view on screen, with our auto-height loader script (public/embed.js).

use chiso_engine::embed::{self, InitialHeights, SnippetSpec};
use chiso_engine::format::Lang;
use chiso_engine::view_state::ViewState;
use leptos::html::Textarea;
use leptos::prelude::*;

use crate::i18n::{self, chrome};
use crate::state;

/// A fresh embed instance id, `chiso-` and six base-36 characters: unique enough among the
/// embeds of one article, and a valid `eid` (see view_state/params.rs).
fn new_eid() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut id = String::from("chiso-");
    for _ in 0..6 {
        // Math.random() is in [0, 1): the index is always in range; `get` keeps it checked.
        // (Natively, for the snapshot, where no panel is open, any id does.)
        let random = if crate::dom::IN_BROWSER { js_sys::Math::random() } else { 0.0 };
        let idx = (random * 36.0) as usize;
        id.push(DIGITS.get(idx).map_or('0', |&d| char::from(d)));
    }
    id
}

/// The snippet for `view`: the same view in embed mode, tagged with `eid`.
fn snippet_for(view: &ViewState, eid: &str, heading: &str, chart_px: u32) -> String {
    // The embed shows the same view, what-if changes and weights included.
    let embedded = ViewState { embed: true, eid: Some(eid.to_string()), ..view.clone() };
    let page_url = state::absolute_page_url(&embedded);
    let loader_url = state::sibling_url("embed.js");
    let title = i18n::iframe_title(heading, view.lang);
    embed::snippet(&SnippetSpec {
        page_url: &page_url,
        loader_url: &loader_url,
        title: &title,
        eid,
        heights: InitialHeights::around_chart(chart_px),
    })
}

/// The button and, when open, the panel with the code and a copy button.
#[component]
pub fn EmbedCode(
    view: RwSignal<ViewState>,
    lang: Memo<Lang>,
    /// The view's title, for the iframe's `title`.
    #[prop(into)]
    heading: Signal<String>,
    /// The chart's height in CSS px, for the iframe's starting height.
    #[prop(into)]
    chart_px: Signal<u32>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    // One id per page visit: copying twice gives the same snippet.
    let eid = new_eid();
    let code = Memo::new(move |_| {
        let heading = heading.get();
        let chart_px = chart_px.get();
        view.with(|v| snippet_for(v, &eid, &heading, chart_px))
    });
    let status = RwSignal::new(None::<&'static str>);
    let textarea = NodeRef::<Textarea>::new();

    let copy = move |_| {
        let Some(area) = textarea.get() else { return };
        // Selected first, so the reader can always copy by hand.
        area.select();
        crate::clipboard::copy_text(&code.get_untracked(), move |ok| {
            let m = chrome(lang.get_untracked());
            status.set(Some(if ok { m.embed_copied } else { m.embed_copy_failed }));
        });
    };

    let panel = move || {
        open.get().then(|| {
            view! {
                <section id="chiso-embed-panel" class="embed-panel" data-testid="embed-panel" aria-labelledby="chiso-embed-heading">
                    <h2 id="chiso-embed-heading">{move || chrome(lang.get()).embed_heading}</h2>
                    <label for="chiso-embed-code">{move || chrome(lang.get()).embed_code_label}</label>
                    <textarea
                        id="chiso-embed-code"
                        data-testid="embed-code"
                        readonly=true
                        rows=6
                        spellcheck="false"
                        node_ref=textarea
                        prop:value=move || code.get()
                    ></textarea>
                    <p class="embed-help">{move || chrome(lang.get()).embed_help}</p>
                    <div class="embed-actions">
                        <button type="button" class="tool" data-testid="embed-copy" on:click=copy>
                            {move || chrome(lang.get()).embed_copy}
                        </button>
                        <button type="button" class="tool" on:click=move |_| open.set(false)>
                            {move || chrome(lang.get()).embed_close}
                        </button>
                        <span class="embed-status" role="status">{move || status.get()}</span>
                    </div>
                </section>
            }
        })
    };

    view! {
        <button
            type="button"
            class="tool"
            data-testid="embed-button"
            aria-expanded=move || open.get().to_string()
            aria-controls="chiso-embed-panel"
            on:click=move |_| {
                status.set(None);
                open.update(|o| *o = !*o);
            }
        >
            <span aria-hidden="true">"</> "</span>
            {move || chrome(lang.get()).embed_button}
        </button>
        {panel}
    }
}
