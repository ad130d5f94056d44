//! The year-on-year comparison view: its fixed strings and the climber and faller sentences.

use chiso_engine::format::Lang;

/// Fixed strings of the comparison view.
pub struct CompareMsg {
    /// Label of the base-year picker.
    pub from: &'static str,
    pub caption: &'static str,
    /// Said when the group has no earlier year.
    pub none: &'static str,
}

const VI: CompareMsg =
    CompareMsg {
        from: "So với năm", caption: "Thứ hạng và điểm hai năm", none: "Không có năm trước để so sánh."
    };

const EN: CompareMsg = CompareMsg {
    from: "Compared with",
    caption: "Ranks and scores in both years",
    none: "There is no earlier year to compare with.",
};

/// The comparison strings for a language.
pub fn compare(lang: Lang) -> &'static CompareMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

fn rank_words(rank: Option<u32>, lang: Lang) -> String {
    match (rank, lang) {
        (Some(r), Lang::Vi) => format!("thứ {r}"),
        (Some(r), Lang::En) => format!("#{r}"),
        (None, _) => "?".to_string(),
    }
}

/// "Ứng Hòa tăng 11 bậc, từ thứ 30 (năm 2022) lên thứ 19 — tăng hạng nhiều nhất."
pub fn climber_sentence(name: &str, from: Option<u32>, to: Option<u32>, from_year: i32, lang: Lang) -> String {
    let places = from.zip(to).map(|(f, t)| i64::from(f) - i64::from(t)).unwrap_or_default();
    let (from, to) = (rank_words(from, lang), rank_words(to, lang));
    match lang {
        Lang::Vi => format!("{name} tăng {places} bậc, từ {from} (năm {from_year}) lên {to} — tăng hạng nhiều nhất."),
        Lang::En => format!("{name} climbed {places} places, from {from} in {from_year} to {to} — the biggest climb."),
    }
}

/// "Hoàn Kiếm giảm 2 bậc, từ thứ 1 (năm 2022) xuống thứ 3 — giảm hạng nhiều nhất."
pub fn faller_sentence(name: &str, from: Option<u32>, to: Option<u32>, from_year: i32, lang: Lang) -> String {
    let places = from.zip(to).map(|(f, t)| i64::from(t) - i64::from(f)).unwrap_or_default();
    let (from, to) = (rank_words(from, lang), rank_words(to, lang));
    match lang {
        Lang::Vi => format!("{name} giảm {places} bậc, từ {from} (năm {from_year}) xuống {to} — giảm hạng nhiều nhất."),
        Lang::En => format!("{name} fell {places} places, from {from} in {from_year} to {to} — the biggest fall."),
    }
}

/// How many units can be compared on rank.
pub fn compare_coverage(n_both: usize, n_rows: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi if n_both == n_rows => format!("Cả {n_rows} đơn vị đều có thứ hạng công bố ở hai năm."),
        Lang::Vi => format!(
            "Chỉ {n_both}/{n_rows} đơn vị có thứ hạng được công bố ở cả hai năm; biểu đồ chỉ vẽ các đơn vị này."
        ),
        Lang::En if n_both == n_rows => format!("All {n_rows} units have a published rank in both years."),
        Lang::En => {
            format!("Only {n_both} of {n_rows} units have a published rank in both years; the chart draws only those.")
        }
    }
}
