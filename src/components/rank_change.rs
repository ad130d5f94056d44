//! The one rank-change badge ("▲ 3" up, "▼ 2" down) with its words for screen readers.

use chiso_engine::format::{self, Lang};
use leptos::prelude::*;

/// Places gained (positive) or lost (negative); nothing for no change unless `show_same`.
#[component]
pub fn RankChange(delta: i64, lang: Lang, #[prop(optional)] show_same: bool) -> impl IntoView {
    let class = match delta.signum() {
        1 => "up",
        -1 => "down",
        _ => "same",
    };
    (delta != 0 || show_same).then(|| {
        let words = crate::i18n::rank_change_text(delta, lang);
        view! {
            <span class=format!("rank-change {class}") title=words.clone()>
                {format::rank_change(delta, lang)}
                <span class="visually-hidden">{format!(" ({words})")}</span>
            </span>
        }
    })
}
