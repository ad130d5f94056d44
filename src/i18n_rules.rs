//! Words for the engine's rule values: a what-if row's shown rank, the selected unit's move,
//! what it takes, the explanation's headline, and the resolver's mismatches.

use chiso_engine::explain::Headline;
use chiso_engine::format::{self, Lang};
use chiso_engine::gain::{Gain, GainAnswer, ImpossibleReason, RankCertainty};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::resolve::ViewMismatch;
use chiso_engine::schema::ScoreUnit;
use chiso_engine::whatif::ShownRank;

use crate::i18n::{chrome, rank_range, text};

/// Fixed strings of the rule-backed parts of the views.
pub struct RulesMsg {
    /// Column heading of the explanation's table.
    pub col_component: &'static str,
    /// `from=` that is not an earlier year of the block.
    pub from_not_earlier: &'static str,
    /// The selected unit's line before any change.
    pub as_published: &'static str,
    /// A rank that cannot be known.
    pub rank_unknown: &'static str,
}

const VI: RulesMsg = RulesMsg {
    col_component: "Chỉ số thành phần",
    from_not_earlier: "không phải một năm trước năm đang xem của khối này",
    as_published: "như công bố",
    rank_unknown: "chưa xác định được",
};

const EN: RulesMsg = RulesMsg {
    col_component: "Sub-index",
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

/// The answer to "what it takes", as a journalist would write it.
pub fn gain_sentence(name: &str, k: u32, a: &GainAnswer, unit_fmt: ScoreUnit, m: &BlockMatrix, lang: Lang) -> String {
    let sure = match (a.certainty, lang) {
        (RankCertainty::WorstCase, Lang::Vi) => " (chắc chắn, kể cả khi các điểm chưa công bố cao nhất có thể)",
        (RankCertainty::WorstCase, Lang::En) => {
            " (for certain, even if every unpublished score is as high as it could be)"
        }
        (RankCertainty::Exact, _) => "",
    };
    let score = |x: f64| format::score(x, unit_fmt, lang);
    match &a.gain {
        Gain::AlreadyThere => match lang {
            Lang::Vi => format!("{name} đã ở trong nhóm {k} đứng đầu{sure}."),
            Lang::En => format!("{name} is already in the top {k}{sure}."),
        },
        Gain::Needed { delta, new_score, component_increases } => {
            let (delta, from, to) = (format::number(delta.abs(), 2, lang), score(a.current_score), score(*new_score));
            let base = match lang {
                Lang::Vi => {
                    format!("Để vào nhóm {k} đứng đầu, {name} cần thêm {delta} điểm, từ {from} lên {to}{sure}.")
                }
                Lang::En => {
                    format!("To reach the top {k}, {name} needs {delta} more points, from {from} to {to}{sure}.")
                }
            };
            if component_increases.is_empty() {
                return base;
            }
            let parts: Vec<String> = component_increases
                .iter()
                .map(|c| {
                    let cname = m.components().get(c.component_idx).map(|x| text(&x.name, lang)).unwrap_or_default();
                    let (inc, new) = (format::number(c.increase, 2, lang), format::number(c.new_value, 2, lang));
                    format!("{cname} +{inc} (→ {new})")
                })
                .collect();
            let lead = match lang {
                Lang::Vi => " Cách ít thay đổi nhất: ",
                Lang::En => " The smallest change: ",
            };
            format!("{base}{lead}{}.", parts.join("; "))
        }
        Gain::Impossible { reason: ImpossibleReason::BlockSizeUnknown } => match lang {
            Lang::Vi => {
                format!("Không thể chắc chắn {name} vào nhóm {k} đứng đầu: không biết khối có bao nhiêu đơn vị.")
            }
            Lang::En => format!("No score makes the top {k} certain for {name}: the block's size is unknown."),
        },
        Gain::Impossible { reason: ImpossibleReason::ComponentsAtMax { needed_score, max_score } } => {
            let (max, needed) = (score(*max_score), score(*needed_score));
            match lang {
                Lang::Vi => format!(
                    "Không thể: kể cả khi mọi chỉ số thành phần đạt tối đa, {name} chỉ được {max} trong khi cần {needed}."
                ),
                Lang::En => {
                    format!("Impossible: even with every sub-index at its maximum, {name} would score {max} and needs {needed}.")
                }
            }
        }
    }
}

/// One sentence, as a journalist would write it, from the explanation's headline.
pub fn explain_sentence(h: &Headline<'_>, name_of: &dyn Fn(&str) -> String, lang: Lang) -> String {
    let n2 = |x: f64| format::number(x, 2, lang);
    let mut s = match (h.top, lang) {
        (Some(b), Lang::Vi) => format!(
            "Chỉ số thành phần đóng góp nhiều điểm nhất là {} ({} điểm).",
            name_of(&b.component_id),
            n2(b.contribution)
        ),
        (Some(b), Lang::En) => {
            format!(
                "The sub-index that contributes most is {} ({} points).",
                name_of(&b.component_id),
                n2(b.contribution)
            )
        }
        (None, _) => String::new(),
    };
    let [first, second] = h.gaps;
    if let Some(g) = first {
        let (name, value, best, points) =
            (name_of(&g.component_id), n2(g.value), n2(g.block_best), n2(g.gap_score_points));
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!(
                "Khoảng cách lớn nhất so với đơn vị dẫn đầu là ở {name}: {value} so với {best}, tương đương {points} điểm tổng."
            ),
            Lang::En => format!(
                "The widest gap to the block's best is on {name}: {value} against {best}, worth {points} points of the total."
            ),
        });
    }
    if let Some(g) = second {
        let (name, points) = (name_of(&g.component_id), n2(g.gap_score_points));
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!("Tiếp theo là {name} ({points} điểm)."),
            Lang::En => format!("Next comes {name} ({points} points)."),
        });
    }
    s
}
