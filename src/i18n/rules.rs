//! Words for the engine's rule values: a what-if row's shown rank, the selected unit's move,
//! what it takes, the explanation's headline, and the resolver's mismatches.

use chiso_engine::format::Lang;
use chiso_engine::resolve::ViewMismatch;
use chiso_engine::whatif::ShownRank;

use super::{chrome, rank_range};

/// Fixed strings of the rule-backed parts of the views.
pub struct RulesMsg {
    /// `from=` that is not an earlier year of the block.
    pub from_not_earlier: &'static str,
    /// The selected unit's line before any change.
    pub as_published: &'static str,
    /// A rank that cannot be known.
    pub rank_unknown: &'static str,
}

const VI: RulesMsg = RulesMsg {
    from_not_earlier: "không phải một năm trước năm đang xem của khối này",
    as_published: "như công bố",
    rank_unknown: "chưa xác định được",
};

const EN: RulesMsg = RulesMsg {
    from_not_earlier: "not an earlier year of this block",
    as_published: "as published",
    rank_unknown: "cannot be known",
};

/// The rule strings for a language.
pub fn rules(lang: Lang) -> &'static RulesMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// A what-if row's rank: "12", "=3", "hạng 12–22", "–".
pub fn shown_rank(s: ShownRank, lang: Lang) -> String {
    match s {
        ShownRank::Exact { rank_1_based, tied: true } => format!("={rank_1_based}"),
        ShownRank::Exact { rank_1_based, .. } | ShownRank::Shifted { rank_1_based, .. } => rank_1_based.to_string(),
        ShownRank::Range { best_1_based, worst_1_based, .. } => rank_range(best_1_based, worst_1_based, lang),
        ShownRank::Unknown => "–".to_owned(),
    }
}

/// "Hà Nội: hạng 24 → 10" — the selected unit before and after the changes.
pub fn focus_line(name: &str, before: Option<u32>, after: ShownRank, changed: bool, lang: Lang) -> String {
    let before_text = before.map_or_else(|| "–".to_owned(), |b| b.to_string());
    let word = match lang {
        Lang::Vi => "hạng",
        Lang::En => "rank",
    };
    if !changed {
        return format!("{name}: {word} {before_text} ({})", rules(lang).as_published);
    }
    let after_text = match after {
        ShownRank::Range { .. } => shown_rank(after, lang),
        ShownRank::Unknown => rules(lang).rank_unknown.to_owned(),
        other => shown_rank(other, lang),
    };
    // "hạng 12–22" already carries its word.
    let after_text = after_text.strip_prefix(&format!("{word} ")).map_or(after_text.clone(), str::to_owned);
    format!("{name}: {word} {before_text} → {after_text}")
}

/// A value of the link this dataset does not have.
pub fn view_mismatch(m: &ViewMismatch, lang: Lang) -> String {
    let not_found = chrome(lang).not_found;
    match m {
        ViewMismatch::Dataset(d) => format!("ds={d}: {not_found}"),
        ViewMismatch::Group(g) => format!("group={g}: {not_found}"),
        ViewMismatch::Year(y) => format!("year={y}: {not_found}"),
        ViewMismatch::Unit(u) => format!("unit={u}: {not_found}"),
        ViewMismatch::From(f) => format!("from={f}: {}", rules(lang).from_not_earlier),
    }
}
