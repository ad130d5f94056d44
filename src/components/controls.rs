//! The controls: block and year, then the ranking's filters (filters.rs). Each one writes the
//! view state through its transition; nothing else. On phones they fold into one bar that says
//! the current year, filter and block and opens to the full set (style.css, "Phones").

use chiso_engine::view_state::View;
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::components::filters::Filters;
use crate::i18n::{self, msg};

/// "2023 · 5 đầu bảng · Khối sở": the year and the filters first, the block's name last (the
/// longest part, the one the bar cuts short with an ellipsis).
fn current_line(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let (gid, year) = ctx.resolved.with(|r| (r.group.clone(), r.year));
    let mut parts = vec![year.to_string()];
    ctx.view.with(|v| {
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
    parts.extend(ctx.ds.with_value(|ds| ds.group(&gid).map(|g| i18n::text(&g.name, lang).to_string())));
    parts.join(" · ")
}

/// The block buttons.
#[component]
fn GroupButtons(ctx: Ctx) -> impl IntoView {
    let groups: Vec<_> = ctx.ds.with_value(|ds| ds.groups.iter().map(|g| (g.id.clone(), g.name.clone())).collect());
    move || {
        let lang = ctx.lang.get();
        groups
            .iter()
            .map(|(gid, name)| {
                let (for_click, for_pressed) = (gid.clone(), gid.clone());
                let pressed = move || ctx.resolved.with(|r| r.group == for_pressed).to_string();
                view! {
                    <button
                        type="button"
                        class="seg"
                        data-testid=format!("group-{}", gid.0)
                        aria-pressed=pressed
                        on:click=move |_| ctx.view.update(|v| v.select_group(&for_click.0))
                    >
                        {i18n::text(name, lang).to_string()}
                    </button>
                }
            })
            .collect_view()
    }
}

/// The filter bar. `children` (the dataset picker) come first among the controls.
#[component]
pub fn Controls(ctx: Ctx, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let lang = ctx.lang;
    // Folded (phones only: on wide screens the bar is hidden and the controls always shown).
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    // Escape folds the open controls and gives the focus back to the bar.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let on_year = move |ev| {
        let value = event_target_value(&ev);
        let latest = ctx.resolved.with_untracked(|r| r.years.first().copied());
        ctx.view.update(|v| v.select_year(value.parse().ok(), latest));
    };
    let years = move || {
        let current = ctx.resolved.with(|r| r.year);
        ctx.resolved
            .with(|r| r.years.clone())
            .into_iter()
            .map(|y| view! { <option value=y.to_string() selected=y == current>{y}</option> })
            .collect_view()
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
                <span class="controls-current">{move || current_line(ctx)}</span>
                <span class="controls-change">{move || i18n::layout(lang.get()).change}</span>
            </button>
            <div id="chiso-controls" class="controls-body" class:open=move || open.get()>
                {children.map(|c| c())}
                <div class="segmented" role="group" aria-label=move || msg(lang.get()).block>
                    <GroupButtons ctx />
                </div>
                <div class="fields">
                    <label class="field">
                        <span>{move || msg(lang.get()).year}</span>
                        <select data-testid="year-select" on:change=on_year>{years}</select>
                    </label>
                    // Filters narrow the ranking table; the other views show the whole block.
                    <Show when=move || ctx.view.with(|v| v.view == View::Ranking)>
                        <Filters ctx />
                    </Show>
                </div>
            </div>
        </section>
    }
}
