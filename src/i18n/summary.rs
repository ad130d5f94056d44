//! The sentences above the ranking: the block's average, how much of it is published, what the
//! chart shows.

use chiso_engine::format::{self, Lang};

/// "Chỉ số CCHC trung bình 88,46%, tăng 2,73% so với năm 2022." — worded as the press does.
pub fn mean_sentence(short_name: &str, mean: &str, change: Option<f64>, prev_year: Option<i32>, lang: Lang) -> String {
    let prev = prev_year.map(|y| y.to_string());
    match lang {
        Lang::Vi => {
            let mut s = format!("{short_name} trung bình {mean}");
            if let Some(c) = change {
                let verb = if c >= 0.0 { "tăng" } else { "giảm" };
                let amount = format::number(c.abs(), 2, lang);
                match &prev {
                    Some(y) => s.push_str(&format!(", {verb} {amount}% so với năm {y}")),
                    None => s.push_str(&format!(", {verb} {amount}% so với năm trước")),
                }
            }
            s.push('.');
            s
        }
        Lang::En => {
            let mut s = format!("Average {short_name}: {mean}");
            if let Some(c) = change {
                let verb = if c >= 0.0 { "up" } else { "down" };
                let amount = format::number(c.abs(), 2, lang);
                match &prev {
                    Some(y) => s.push_str(&format!(", {verb} {amount} points on {y}")),
                    None => s.push_str(&format!(", {verb} {amount} points on the previous year")),
                }
            }
            s.push('.');
            s
        }
    }
}

/// "7/22 đơn vị có điểm được công bố."
pub fn coverage_sentence(n_scored: usize, unit_count: Option<u32>, complete: bool, lang: Lang) -> String {
    match (lang, unit_count, complete) {
        (Lang::Vi, _, true) => "Điểm của tất cả các đơn vị đã được công bố.".to_string(),
        (Lang::En, _, true) => "Every unit's score has been published.".to_string(),
        (Lang::Vi, Some(n), false) => {
            format!("Chỉ {n_scored}/{n} đơn vị có điểm được công bố; điểm của các đơn vị còn lại không được ước tính.")
        }
        (Lang::En, Some(n), false) => {
            format!("Only {n_scored} of {n} units have a published score; the others are not estimated.")
        }
        (Lang::Vi, None, false) => {
            format!("{n_scored} đơn vị có điểm được công bố; số đơn vị của khối năm này không rõ.")
        }
        (Lang::En, None, false) => {
            format!("{n_scored} units have a published score; the block's size that year is not known.")
        }
    }
}

/// Scores the page computed from published sub-indices (never shown as published).
pub fn computed_sentence(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Điểm tổng của {n} đơn vị không được công bố trong tệp nguồn mà được tính từ các chỉ số thành phần đã công bố theo trọng số của năm."
        ),
        Lang::En => format!(
            "The totals of {n} units are not in the source file; they are computed from the published sub-indices with that year's weights."
        ),
    }
}

/// Caption of the bar chart.
pub fn chart_caption(n_published: usize, n_computed: usize, has_mean: bool, lang: Lang) -> String {
    // Computed totals are never counted as published.
    let who = match (lang, n_published, n_computed) {
        (Lang::Vi, p, 0) => format!("{p} đơn vị có điểm công bố"),
        (Lang::Vi, 0, c) => format!("{c} đơn vị có điểm do trang tính từ các chỉ số thành phần đã công bố"),
        (Lang::Vi, p, c) => format!("{p} đơn vị có điểm công bố và {c} đơn vị có điểm tính"),
        (Lang::En, p, 0) => format!("the {p} units with a published score"),
        (Lang::En, 0, c) => format!("the {c} units with a score computed from their published sub-indices"),
        (Lang::En, p, c) => format!("the {p} units with a published score and {c} with a computed one"),
    };
    match (lang, has_mean) {
        (Lang::Vi, true) => format!("Biểu đồ gồm {who}; đường đứt nét là chỉ số trung bình của khối."),
        (Lang::Vi, false) => format!("Biểu đồ gồm {who}."),
        (Lang::En, true) => format!("The chart shows {who}; the dashed line is the block average."),
        (Lang::En, false) => format!("The chart shows {who}."),
    }
}

/// The sources say this year does not compare with `prev_year`: no change is drawn.
pub fn not_comparable_sentence(prev_year: i32, note: &chiso_engine::schema::Text, lang: Lang) -> String {
    let why = super::text(note, lang).trim_end_matches('.');
    match lang {
        Lang::Vi => format!("Không so sánh với năm {prev_year}: {why}."),
        Lang::En => format!("No change on {prev_year} is shown: {why}."),
    }
}

/// One reason a change is approximate, in words.
fn approx_reason(r: &chiso_engine::comparability::ApproxReason, lang: Lang) -> String {
    use chiso_engine::comparability::ApproxReason;
    match (r, lang) {
        (ApproxReason::Method { note, .. }, _) => super::text(note, lang).trim_end_matches('.').to_string(),
        (ApproxReason::Gap { years }, Lang::Vi) => format!("hai năm cách nhau {years} năm"),
        (ApproxReason::Gap { years }, Lang::En) => format!("the two years are {years} years apart"),
        (ApproxReason::Weights { .. }, Lang::Vi) => {
            "trọng số một năm là chính thức, năm kia được suy ra từ kết quả".to_string()
        }
        (ApproxReason::Weights { .. }, Lang::En) => {
            "one year's weights are official, the other's derived from results".to_string()
        }
    }
}

/// Changes on `prev_year` are approximate, and why.
pub fn approximate_sentence(
    prev_year: i32,
    reasons: &[chiso_engine::comparability::ApproxReason],
    lang: Lang,
) -> String {
    let why: Vec<String> = reasons.iter().map(|r| approx_reason(r, lang)).collect();
    match lang {
        Lang::Vi => format!("Thay đổi so với năm {prev_year} chỉ là gần đúng: {}.", why.join("; ")),
        Lang::En => format!("Changes on {prev_year} are approximate: {}.", why.join("; ")),
    }
}
