//! The controls: block, year, kind of unit, top/bottom and the accent-free search box. Each one
//! writes the view state; nothing else. On phones they fold into one bar that says the current
//! block, year and filter and opens to the full set (style.css, "Phones: the folded controls").

use std::sync::Arc;

use chiso_engine::dataset::Dataset;
use chiso_engine::filter::Limit;
use chiso_engine::format::Lang;
use chiso_engine::schema::UnitKind;
use chiso_engine::view_state::{View, ViewState};
use leptos::prelude::*;

use crate::i18n::{self, msg};
use chiso_engine::resolve::Resolved;

const LIMITS: [Limit; 4] = [Limit::Top(5), Limit::Top(10), Limit::Bottom(5), Limit::Bottom(10)];

fn limit_code(l: Option<Limit>) -> String {
    match l {
        None => String::new(),
        Some(Limit::Top(n)) => format!("top{n}"),
        Some(Limit::Bottom(n)) => format!("bottom{n}"),
    }
}

/// The filter bar. `children` (the dataset picker) come first among the controls.
#[component]
pub fn Controls(
    ds: Arc<Dataset>,
    view: RwSignal<ViewState>,
    resolved: Memo<Resolved>,
    lang: Memo<Lang>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let groups: Vec<_> = ds.groups.iter().map(|g| (g.id.clone(), g.name.clone())).collect();
    // Folded (phones only: on wide screens the bar is hidden and the controls always shown).
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let current_line = {
        let groups = groups.clone();
        move || {
            let lang = lang.get();
            let (gid, year) = resolved.with(|r| (r.group.clone(), r.year));
            // The year and the filters first: the block's name is the longest part, and the
            // one the bar cuts short (with an ellipsis) when the line is too long.
            let mut parts = vec![year.to_string()];
            view.with(|v| {
                if v.view != View::Ranking {
                    return;
                }
                parts.extend(v.kinds.iter().map(|k| i18n::kind_name(*k, lang).to_string()));
                parts.extend(v.limit.map(|l| i18n::limit_short(l, lang)));
                let query = v.query.trim();
                if !query.is_empty() {
                    parts.push(format!("“{query}”"));
                }
            });
            parts
                .extend(groups.iter().filter(|(id, _)| *id == gid).map(|(_, name)| i18n::text(name, lang).to_string()));
            parts.join(" · ")
        }
    };
    // Escape folds the open controls and gives the focus back to the bar.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let kinds_of_group = {
        let ds = ds.clone();
        Memo::new(move |_| {
            let gid = resolved.with(|r| r.group.clone());
            let mut kinds: Vec<UnitKind> =
                ds.group(&gid).map(|g| ds.group_units(g).map(|u| u.kind).collect()).unwrap_or_default();
            kinds.sort();
            kinds.dedup();
            kinds
        })
    };

    let group_buttons = move || {
        let lang = lang.get();
        groups
            .iter()
            .map(|(gid, name)| {
                let gid = gid.clone();
                let id_for_click = gid.clone();
                let id_for_pressed = gid.clone();
                let pressed = move || resolved.with(|r| r.group == id_for_pressed).to_string();
                view! {
                    <button
                        type="button"
                        class="seg"
                        data-testid=format!("group-{}", gid.0)
                        aria-pressed=pressed
                        on:click=move |_| view.update(|v| v.select_group(&id_for_click.0))
                    >
                        {i18n::text(name, lang).to_string()}
                    </button>
                }
            })
            .collect_view()
    };

    let on_year = move |ev| {
        let value = event_target_value(&ev);
        let latest = resolved.with_untracked(|r| r.years.first().copied());
        view.update(|v| v.select_year(value.parse().ok(), latest));
    };
    let on_kind = move |ev| {
        let value = event_target_value(&ev);
        let kind = kinds_of_group.get_untracked().into_iter().find(|k| k.code() == value);
        view.update(|v| v.select_kind(kind));
    };
    let on_limit = move |ev| {
        let value = event_target_value(&ev);
        view.update(|v| {
            let current = v.limit.filter(|l| limit_code(Some(*l)) == value);
            v.select_limit(current.or_else(|| LIMITS.into_iter().find(|l| limit_code(Some(*l)) == value)));
        });
    };
    let on_search = move |ev| {
        let value = event_target_value(&ev);
        view.update(|v| v.search(&value));
    };

    view! {
        <section class="controls" aria-label=move || msg(lang.get()).controls_label on:keydown=on_keydown>
            <button
                type="button"
                class="controls-toggle"
                data-testid="controls-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="chiso-controls"
                node_ref=toggle
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="controls-current">{current_line}</span>
                <span class="controls-change">{move || i18n::layout(lang.get()).change}</span>
            </button>
            <div id="chiso-controls" class="controls-body" class:open=move || open.get()>
            {children.map(|c| c())}
            <div class="segmented" role="group" aria-label=move || msg(lang.get()).block>
                {group_buttons}
            </div>
            <div class="fields">
                <label class="field">
                    <span>{move || msg(lang.get()).year}</span>
                    <select data-testid="year-select" on:change=on_year>
                        {move || {
                            let current = resolved.with(|r| r.year);
                            resolved.with(|r| r.years.clone()).into_iter().map(|y| {
                                view! { <option value=y.to_string() selected=y == current>{y}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                // Filters narrow the ranking table; the other views show the whole block.
                <Show when=move || view.with(|v| v.view == View::Ranking)>
                <label class="field">
                    <span>{move || msg(lang.get()).kind}</span>
                    <select data-testid="kind-select" on:change=on_kind>
                        {move || {
                            let lang = lang.get();
                            let current = view.with(|v| v.kinds.first().copied());
                            let mut opts = vec![view! { <option value="" selected=current.is_none()>{msg(lang).all_kinds}</option> }.into_any()];
                            for k in kinds_of_group.get() {
                                opts.push(view! {
                                    <option value=k.code() selected=current == Some(k)>{i18n::kind_name(k, lang)}</option>
                                }.into_any());
                            }
                            opts.collect_view()
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>{move || msg(lang.get()).show}</span>
                    <select data-testid="limit-select" on:change=on_limit>
                        {move || {
                            let lang = lang.get();
                            let current = view.with(|v| v.limit);
                            let mut opts = vec![view! { <option value="" selected=current.is_none()>{msg(lang).all_units}</option> }.into_any()];
                            // A link may ask for any N (`top=7`): offer it too, so the menu says what is shown.
                            let mut limits = LIMITS.to_vec();
                            if let Some(l) = current.filter(|l| !LIMITS.contains(l)) {
                                limits.push(l);
                            }
                            for l in limits {
                                let (top, n) = match l { Limit::Top(n) => (true, n), Limit::Bottom(n) => (false, n) };
                                opts.push(view! {
                                    <option value=limit_code(Some(l)) selected=current == Some(l)>{i18n::limit_option(top, n, lang)}</option>
                                }.into_any());
                            }
                            opts.collect_view()
                        }}
                    </select>
                </label>
                <label class="field search">
                    <span>{move || msg(lang.get()).search}</span>
                    <input
                        type="search"
                        data-testid="search"
                        autocomplete="off"
                        placeholder=move || msg(lang.get()).search_placeholder
                        prop:value=move || view.with(|v| v.query.clone())
                        on:input=on_search
                    />
                </label>
                </Show>
            </div>
            </div>
        </section>
    }
}
