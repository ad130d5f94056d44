//! Strings of the phone layout: the folded controls bar and the short tool labels.

use chiso_engine::filter::Limit;
use chiso_engine::format::Lang;

/// Fixed strings of the phone layout.
pub struct LayoutMsg {
    /// The folded controls bar's verb, after the current choices ("Đổi" / "Change").
    pub change: &'static str,
    /// Short visible label of the copy-link button on phones; its accessible name stays the
    /// long one, which contains these words.
    pub copy_link_short: &'static str,
}

const VI: LayoutMsg = LayoutMsg { change: "Đổi", copy_link_short: "Liên kết" };

const EN: LayoutMsg = LayoutMsg { change: "Change", copy_link_short: "Link" };

/// The layout strings in `lang`.
pub fn layout(lang: Lang) -> &'static LayoutMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// A language's short visible name on phones, the same in every language: its code.
pub fn lang_short(l: Lang) -> &'static str {
    match l {
        Lang::Vi => "VI",
        Lang::En => "EN",
    }
}

/// A top/bottom filter as the folded bar says it: short, since the bar is one line.
pub fn limit_short(limit: Limit, lang: Lang) -> String {
    match (lang, limit) {
        (Lang::Vi, Limit::Top(n)) => format!("{n} đầu bảng"),
        (Lang::Vi, Limit::Bottom(n)) => format!("{n} cuối bảng"),
        (Lang::En, Limit::Top(n)) => format!("Top {n}"),
        (Lang::En, Limit::Bottom(n)) => format!("Bottom {n}"),
    }
}
