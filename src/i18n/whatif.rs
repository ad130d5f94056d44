//! The what-if view: its fixed strings, rank ranges, and the "what it takes" and "why this
//! rank" sentences from the engine's gain and explanation answers.

use chiso_engine::explain::Headline;
use chiso_engine::format::{self, Lang};
use chiso_engine::gain::{Gain, GainAnswer, ImpossibleReason, RankCertainty};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::schema::ScoreUnit;

use super::text;

/// Fixed strings of the what-if view (a few are shared with the robustness view).
pub struct WhatIfMsg {
    pub unit: &'static str,
    pub total: &'static str,
    pub components: &'static str,
    pub weights: &'static str,
    pub preset: &'static str,
    pub preset_official: &'static str,
    pub preset_equal: &'static str,
    pub preset_custom: &'static str,
    pub emphasis: &'static str,
    pub reset: &'static str,
    pub hypothetical: &'static str,
    pub hypothetical_banner: &'static str,
    /// The target rank field (what-if and robustness).
    pub target: &'static str,
    pub what_it_takes: &'static str,
    pub apply: &'static str,
    pub explain: &'static str,
    /// Column heading of the explanation table.
    pub col_component: &'static str,
    /// The result line's excerpt of the rescored order.
    pub neighbours: &'static str,
    /// The result column (the rescored chart), a region of its own on wide screens.
    pub result_region: &'static str,
    /// Said where there are no weights to change (what-if, robustness, link notices).
    pub no_components_weights: &'static str,
    pub derived_weights: &'static str,
}

const VI: WhatIfMsg = WhatIfMsg {
    unit: "Đơn vị",
    total: "Điểm tổng (giả định)",
    components: "Chỉ số thành phần (giả định)",
    weights: "Trọng số",
    preset: "Bộ trọng số",
    preset_official: "Chính thức",
    preset_equal: "Bằng nhau",
    preset_custom: "Tự chọn",
    emphasis: "Nhấn mạnh",
    reset: "Đặt lại",
    hypothetical: "giả định",
    hypothetical_banner: "Các giá trị có nhãn “giả định” là do bạn thay đổi, không phải số liệu được công bố.",
    target: "Hạng mục tiêu",
    what_it_takes: "Cần gì để lên hạng?",
    apply: "Áp dụng thay đổi này",
    explain: "Vì sao ở hạng này?",
    col_component: "Chỉ số thành phần",
    neighbours: "Vị trí trong thứ hạng mới",
    result_region: "Thứ hạng sau khi thay đổi",
    no_components_weights: "Bộ chỉ số này không công bố điểm các chỉ số thành phần, nên không thể thay đổi trọng số.",
    derived_weights: "Trọng số năm này được suy ra từ kết quả công bố, không phải trọng số chính thức.",
};

const EN: WhatIfMsg = WhatIfMsg {
    unit: "Unit",
    total: "Total score (hypothetical)",
    components: "Sub-indices (hypothetical)",
    weights: "Weights",
    preset: "Weight set",
    preset_official: "Official",
    preset_equal: "Equal",
    preset_custom: "Custom",
    emphasis: "Emphasise",
    reset: "Reset",
    hypothetical: "hypothetical",
    hypothetical_banner: "Values labelled “hypothetical” are your changes, not published figures.",
    target: "Target rank",
    what_it_takes: "What would it take?",
    apply: "Apply this change",
    explain: "Why this rank?",
    col_component: "Sub-index",
    neighbours: "Place in the new order",
    result_region: "Ranks after the change",
    no_components_weights: "This index publishes no sub-index scores, so its weights cannot be changed.",
    derived_weights: "This year's weights were derived from published results; they are not official.",
};

/// The what-if strings for a language.
pub fn whatif(lang: Lang) -> &'static WhatIfMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "hạng 12–22" / "ranks 12–22"; an open end when the block size is unknown.
pub fn rank_range(best: u32, worst: Option<u32>, lang: Lang) -> String {
    match (worst, lang) {
        (Some(w), _) if w == best => best.to_string(),
        (Some(w), Lang::Vi) => format!("hạng {best}–{w}"),
        (Some(w), Lang::En) => format!("ranks {best}–{w}"),
        (None, Lang::Vi) => format!("hạng {best} trở xuống"),
        (None, Lang::En) => format!("rank {best} or lower"),
    }
}

/// Why a rank is a range: "15 đơn vị chưa công bố điểm, nên chỉ biết hạng trong khoảng này."
pub fn interval_reason(n_unpublished: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("{n_unpublished} đơn vị của khối chưa được công bố điểm, nên chỉ biết hạng nằm trong khoảng này.")
        }
        Lang::En => format!(
            "{n_unpublished} units of the block have no published score, so only this range of ranks is certain."
        ),
    }
}

/// The answer to "what would it take for `name` to reach the top `k`?", as one sentence.
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
            let (points, from, to) = (format::number(delta.abs(), 2, lang), score(a.current_score), score(*new_score));
            let base = match lang {
                Lang::Vi => {
                    format!("Để vào nhóm {k} đứng đầu, {name} cần thêm {points} điểm, từ {from} lên {to}{sure}.")
                }
                Lang::En => {
                    format!("To reach the top {k}, {name} needs {points} more points, from {from} to {to}{sure}.")
                }
            };
            if component_increases.is_empty() {
                return base;
            }
            let comps = m.components();
            let parts: Vec<String> = component_increases
                .iter()
                .map(|c| {
                    let cname = comps.get(c.component_idx).map(|x| text(&x.name, lang)).unwrap_or_default();
                    let (up, to) = (format::number(c.increase, 2, lang), format::number(c.new_value, 2, lang));
                    format!("{cname} +{up} (→ {to})")
                })
                .collect();
            let lead = match lang {
                Lang::Vi => " Cách ít thay đổi nhất: ",
                Lang::En => " The smallest change: ",
            };
            format!("{base}{lead}{}.", parts.join("; "))
        }
        Gain::Impossible { reason } => match (reason, lang) {
            (ImpossibleReason::BlockSizeUnknown, Lang::Vi) => {
                format!("Không thể chắc chắn {name} vào nhóm {k} đứng đầu: không biết khối có bao nhiêu đơn vị.")
            }
            (ImpossibleReason::BlockSizeUnknown, Lang::En) => {
                format!("No score makes the top {k} certain for {name}: the block's size is unknown.")
            }
            (ImpossibleReason::ComponentsAtMax { needed_score, max_score }, Lang::Vi) => format!(
                "Không thể: kể cả khi mọi chỉ số thành phần đạt tối đa, {name} chỉ được {} trong khi cần {}.",
                score(*max_score),
                score(*needed_score)
            ),
            (ImpossibleReason::ComponentsAtMax { needed_score, max_score }, Lang::En) => format!(
                "Impossible: even with every sub-index at its maximum, {name} would score {} and needs {}.",
                score(*max_score),
                score(*needed_score)
            ),
        },
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
