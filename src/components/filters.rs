//! The ranking's filters: kind of unit, top/bottom and the accent-free search box. The menus'
//! choices come from the engine (`Dataset::group_kinds`, `Limit::choices`).

use chiso_engine::filter::Limit;
use leptos::prelude::*;

use crate::components::context::Ctx;
use crate::i18n::{self, msg};

/// The kind menu, the "show" menu and the search box.
#[component]
pub fn Filters(ctx: Ctx) -> impl IntoView {
    let (view, lang) = (ctx.view, ctx.lang);
    let kinds_of_group = Memo::new(move |_| {
        let gid = ctx.resolved.with(|r| r.group.clone());
        ctx.ds.with_value(|ds| ds.group(&gid).map(|g| ds.group_kinds(g)).unwrap_or_default())
    });
    let on_kind = move |ev| {
        let value = event_target_value(&ev);
        let kind = kinds_of_group.get_untracked().into_iter().find(|k| k.code() == value);
        view.update(|v| v.select_kind(kind));
    };
    let on_limit = move |ev| {
        let value = event_target_value(&ev);
        view.update(|v| v.select_limit(Limit::from_choice(&value, v.limit)));
    };
    let on_search = move |ev| {
        let value = event_target_value(&ev);
        view.update(|v| v.search(&value));
    };
    let kind_options = move || {
        let lang = lang.get();
        let current = view.with(|v| v.kinds.first().copied());
        let all = view! { <option value="" selected=current.is_none()>{msg(lang).all_kinds}</option> };
        let kinds = kinds_of_group.get().into_iter().map(move |k| {
            view! { <option value=k.code() selected=current == Some(k)>{i18n::kind_name(k, lang)}</option> }
        });
        (all, kinds.collect_view())
    };
    let limit_options = move || {
        let lang = lang.get();
        let current = view.with(|v| v.limit);
        let all = view! { <option value="" selected=current.is_none()>{msg(lang).all_units}</option> };
        let limits = Limit::choices(current).into_iter().map(move |l| {
            let (top, n) = match l {
                Limit::Top(n) => (true, n),
                Limit::Bottom(n) => (false, n),
            };
            view! { <option value=l.code() selected=current == Some(l)>{i18n::limit_option(top, n, lang)}</option> }
        });
        (all, limits.collect_view())
    };
    view! {
        <label class="field">
            <span>{move || msg(lang.get()).kind}</span>
            <select data-testid="kind-select" on:change=on_kind>{kind_options}</select>
        </label>
        <label class="field">
            <span>{move || msg(lang.get()).show}</span>
            <select data-testid="limit-select" on:change=on_limit>{limit_options}</select>
        </label>
        <label class="field search">
            <span>{move || msg(lang.get()).search}</span>
            <input
                type="search"
                data-testid="search"
                autocomplete="off"
                placeholder=move || msg(lang.get()).search_placeholder
                prop:value=move || view.with(|v| v.query.clone())
                value=crate::dom::snapshot_value(move || view.with_untracked(|v| v.query.clone()))
                on:input=on_search
            />
        </label>
    }
}
