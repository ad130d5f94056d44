//! The robustness view: ranks when the weights vary at random.

use chiso_engine::format::{self, Lang};

/// Fixed strings of the robustness view.
pub struct SensitivityMsg {
    pub spread: &'static str,
    pub spread_none: &'static str,
    pub col_baseline: &'static str,
    pub col_median: &'static str,
    pub col_band: &'static str,
    pub col_bounds: &'static str,
    pub col_p_top: &'static str,
    pub caption: &'static str,
}

const VI: SensitivityMsg = SensitivityMsg {
    spread: "Mức bất định của trọng số",
    spread_none: "không",
    col_baseline: "Hạng gốc",
    col_median: "Trung vị",
    col_band: "Khoảng 5–95%",
    col_bounds: "Tốt nhất–xấu nhất (chứng minh)",
    col_p_top: "Xác suất vào top",
    caption: "Thứ hạng khi trọng số thay đổi ngẫu nhiên",
};

const EN: SensitivityMsg = SensitivityMsg {
    spread: "Weight uncertainty",
    spread_none: "none",
    col_baseline: "Rank",
    col_median: "Median",
    col_band: "5–95% band",
    col_bounds: "Best–worst (proven)",
    col_p_top: "Chance of top",
    caption: "Ranks when the weights vary at random",
};

/// The robustness strings for a language.
pub fn sensitivity(lang: Lang) -> &'static SensitivityMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "Xác suất vào top 10" column heading.
pub fn p_top_heading(k: u32, lang: Lang) -> String {
    format!("{} {k}", sensitivity(lang).col_p_top)
}

/// The spread slider's value: "không" for none, else the number.
pub fn spread_label(spread: u32, lang: Lang) -> String {
    if spread == 0 {
        sensitivity(lang).spread_none.to_string()
    } else {
        format!("{spread}")
    }
}

/// A unit's rank band, in the chart's tooltip and summary.
pub fn band_tooltip(name: &str, median: u32, p05: u32, p95: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{name}: trung vị hạng {median}, 90% số lần trong hạng {p05}–{p95}"),
        Lang::En => format!("{name}: median rank {median}, ranks {p05}–{p95} in 90% of draws"),
    }
}

/// What a simulation found, for the view's headline.
pub struct SensitivityHeadline<'a> {
    /// Weight draws made.
    pub n_draws: u32,
    /// Units whose 5–95% band is a single rank.
    pub n_stable: usize,
    /// Units in the block.
    pub n_units: usize,
    /// The first unit of the table.
    pub first_name: &'a str,
    /// Its median rank.
    pub first_median_rank: u32,
    /// Its chance of the top `k`, 0 to 1.
    pub first_p_top_k: f64,
    /// The `k` of "top k".
    pub k: u32,
}

/// "Với 1.000 lần rút trọng số ngẫu nhiên, 18/22 đơn vị giữ nguyên thứ hạng trong 90% số lần. …"
pub fn sensitivity_headline(h: &SensitivityHeadline<'_>, lang: Lang) -> String {
    let draws = format::number(f64::from(h.n_draws), 0, lang);
    let p = format::number(h.first_p_top_k * 100.0, 0, lang);
    let SensitivityHeadline { n_stable, n_units, first_name, first_median_rank: median, k, .. } = *h;
    match lang {
        Lang::Vi => format!(
            "Với {draws} lần rút trọng số ngẫu nhiên, {n_stable}/{n_units} đơn vị giữ nguyên thứ hạng trong 90% số lần. {first_name} có trung vị hạng {median}, xác suất vào nhóm {k} đứng đầu là {p}%."
        ),
        Lang::En => format!(
            "Over {draws} random weight draws, {n_stable} of {n_units} units keep the same rank in 90% of draws. {first_name} has a median rank of {median}, with a {p}% chance of the top {k}."
        ),
    }
}

/// How the robustness figures were worked out.
pub fn method_note(n_draws: u32, alpha: f64, box_pct: f64, lang: Lang) -> String {
    let alpha = if alpha.is_finite() { format::number(alpha, 0, lang) } else { "∞".into() };
    let r = format::number(box_pct, 0, lang);
    match lang {
        Lang::Vi => format!(
            "Phương pháp: {n_draws} lần rút trọng số theo phân phối Dirichlet quanh trọng số hiện tại (độ tập trung {alpha}; hạt giống cố định nên kết quả lặp lại được). Cột “tốt nhất–xấu nhất” là giới hạn đã chứng minh cho mọi bộ trọng số trong khoảng ±{r}% quanh trọng số hiện tại (bài toán quy hoạch tuyến tính cho từng cặp đơn vị)."
        ),
        Lang::En => format!(
            "Method: {n_draws} weight draws from a Dirichlet distribution around the current weights (concentration {alpha}; fixed seed, so results repeat). The best–worst column is a proven bound for every weight vector within ±{r}% of the current weights (a linear program per pair of units)."
        ),
    }
}
