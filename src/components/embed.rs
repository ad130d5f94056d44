//! Embed mode (`?embed=1`): the compact chrome around one view inside a news site's iframe, and
//! the auto-height report to the host page.
//!
//! The chrome is the title, whatever the view puts in it (its chart, the fewest controls it
//! needs, its table behind a toggle), one source line and a link "Mở đầy đủ" that opens the full
//! explorer at the same state in a new tab. The host page is never touched: the embed only posts
//! its height to its parent window (format in crates/engine/src/embed.rs).

use std::cell::Cell;
use std::rc::Rc;

use chiso_engine::format::Lang;
use chiso_engine::schema::RawSource;
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::i18n::{self, chrome};
use crate::state;

/// Posts `{"chiso-height": N, "id": eid}` to the parent window now and whenever the height of
/// `#chiso-root` changes (a ResizeObserver: fonts arriving, the table opened, a year switched,
/// the iframe narrowed). Does nothing when the page is not in a frame.
///
/// The target origin is `*`: the embed cannot know which site framed it, and the message says
/// nothing but a height and the id the host itself chose. The host's loader checks the sender.
pub fn report_height_to_host(eid: Option<String>) {
    let Some(window) = crate::dom::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let framed = !js_sys::Object::is(parent.as_ref(), window.as_ref());
    let root = window.document().and_then(|d| d.get_element_by_id("chiso-root"));
    let (true, Some(root)) = (framed, root) else { return };

    let last_px = Rc::new(Cell::new(0_u32));
    let measured = root.clone();
    let post = move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        // A height is a small positive number of CSS pixels; anything else is not worth sending.
        if !(1.0..=100_000.0).contains(&height) {
            return;
        }
        let px = height as u32;
        if px == last_px.get() {
            return;
        }
        last_px.set(px);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"chiso-height".into(), &JsValue::from(px));
        let id = eid.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id);
        let _ = parent.post_message(&message, "*");
    };
    // observe() reports the first size at once, so this also covers "on load".
    let on_resize = Closure::<dyn Fn()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer and its callback live as long as the page.
    on_resize.forget();
}

/// The compact frame of an embedded view.
#[component]
pub fn EmbedChrome(
    view: RwSignal<ViewState>,
    lang: Memo<Lang>,
    /// The view's title ("Chỉ số CCHC 2023").
    #[prop(into)]
    heading: Signal<String>,
    /// Sources of what is on screen, for the source line.
    #[prop(into)]
    sources: Signal<Vec<RawSource>>,
    children: Children,
) -> impl IntoView {
    // The full explorer at the same state: same filters, language and colour scheme.
    let full_href = move || view.with(|v| state::page_url(&v.full_view()));
    let source_line = move || {
        let lang = lang.get();
        let items = sources.get().into_iter().enumerate().map(move |(i, s)| {
            let date = s.date.as_deref().map(|d| format!(" ({})", i18n::source_date(d, lang))).unwrap_or_default();
            let text = format!("{}{date}", s.publisher);
            let link = match s.url {
                Some(url) => view! {
                    <a href=url title=s.title target="_blank" rel="noopener noreferrer">{text}</a>
                }
                .into_any(),
                None => view! { <span title=s.title>{text}</span> }.into_any(),
            };
            view! { {(i > 0).then_some(", ")} {link} }
        });
        items.collect_view()
    };
    view! {
        <div class="embed" data-testid="embed">
            <h1 class="embed-title" data-testid="title">{move || heading.get()}</h1>
            {children()}
            <footer class="embed-foot">
                <p class="embed-source" data-testid="embed-source">
                    {move || chrome(lang.get()).source_prefix} " " {source_line}
                </p>
                <a
                    class="open-full"
                    data-testid="open-full"
                    href=full_href
                    target="_blank"
                    rel="noopener"
                >
                    {move || chrome(lang.get()).open_full}
                    <span aria-hidden="true">" ↗"</span>
                    <span class="visually-hidden">{move || format!(" {}", chrome(lang.get()).new_tab)}</span>
                </a>
            </footer>
        </div>
    }
}

/// The one control a ranking embed keeps: the year, as buttons (only when there is a choice).
#[component]
pub fn EmbedYears(
    view: RwSignal<ViewState>,
    lang: Memo<Lang>,
    /// Years available, newest first.
    #[prop(into)]
    years: Signal<Vec<i32>>,
    /// The year shown.
    #[prop(into)]
    year: Signal<i32>,
) -> impl IntoView {
    move || {
        let years = years.get();
        (years.len() > 1).then(|| {
            let latest = years.first().copied();
            let buttons = years
                .into_iter()
                .map(|y| {
                    view! {
                        <button
                            type="button"
                            class="seg"
                            data-testid=format!("embed-year-{y}")
                            aria-pressed=move || (year.get() == y).to_string()
                            on:click=move |_| view.update(|v| v.show_year(y, latest))
                        >
                            {y}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="segmented embed-years" role="group" aria-label=move || i18n::msg(lang.get()).year>
                    {buttons}
                </div>
            }
        })
    }
}

/// The view's table behind a toggle, so the embed stays short; opening it grows the iframe.
#[component]
pub fn EmbedTable(lang: Memo<Lang>, children: Children) -> impl IntoView {
    view! {
        <details class="embed-table" data-testid="embed-table">
            <summary>{move || chrome(lang.get()).show_table}</summary>
            {children()}
        </details>
    }
}
