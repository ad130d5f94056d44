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
pub fn chart_caption(n_drawn: usize, has_mean: bool, lang: Lang) -> String {
    match (lang, has_mean) {
        (Lang::Vi, true) => {
            format!("Biểu đồ gồm {n_drawn} đơn vị có điểm công bố; đường đứt nét là chỉ số trung bình của khối.")
        }
        (Lang::Vi, false) => format!("Biểu đồ gồm {n_drawn} đơn vị có điểm công bố."),
        (Lang::En, true) => {
            format!("The chart shows the {n_drawn} units with a published score; the dashed line is the block average.")
        }
        (Lang::En, false) => format!("The chart shows the {n_drawn} units with a published score."),
    }
}
