//! Every string the interface shows, in Vietnamese and English, in one place.
//!
//! A module of our own rather than an i18n crate: the app has a few dozen strings in two
//! languages, and plain `match` arms keep the wasm small and every string greppable.

use chiso_engine::dataset::UnitId;
use chiso_engine::format::{self, Lang, RankLabel, RankMove};
use chiso_engine::gain::{Gain, ImpossibleReason, RankCertainty};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::rank::RankPos;
use chiso_engine::scenario_link::LinkMismatch;
use chiso_engine::schema::{ScoreUnit, Text, UnitKind};
use chiso_engine::view_state::View;

/// Fixed strings of the interface.
pub struct Msg {
    pub loading: &'static str,
    pub error_title: &'static str,
    pub error_fetch: &'static str,
    pub error_invalid: &'static str,
    pub error_hint: &'static str,
    pub controls_label: &'static str,
    pub year: &'static str,
    pub block: &'static str,
    pub kind: &'static str,
    pub all_kinds: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub show: &'static str,
    pub all_units: &'static str,
    pub col_rank: &'static str,
    pub col_unit: &'static str,
    pub col_score: &'static str,
    pub unpublished: &'static str,
    pub no_match: &'static str,
    pub sources: &'static str,
    pub notes: &'static str,
    pub table_caption: &'static str,
    pub chart_unavailable: &'static str,
    pub url_notice: &'static str,
    pub data_warnings: &'static str,
    pub mean_label: &'static str,
}

const VI: Msg = Msg {
    loading: "Đang tải dữ liệu…",
    error_title: "Không hiển thị được dữ liệu",
    error_fetch: "Không tải được tệp dữ liệu",
    error_invalid: "Tệp dữ liệu không hợp lệ",
    error_hint: "Hãy kiểm tra đường dẫn hoặc nội dung tệp dữ liệu rồi tải lại trang.",
    controls_label: "Bộ lọc",
    year: "Năm",
    block: "Khối",
    kind: "Loại đơn vị",
    all_kinds: "Tất cả",
    search: "Tìm đơn vị",
    search_placeholder: "Ví dụ: dong da",
    show: "Hiển thị",
    all_units: "Tất cả",
    col_rank: "Hạng",
    col_unit: "Đơn vị",
    col_score: "Chỉ số",
    unpublished: "chưa công bố",
    no_match: "Không có đơn vị nào khớp với bộ lọc.",
    sources: "Nguồn",
    notes: "Lưu ý về dữ liệu",
    table_caption: "Bảng xếp hạng",
    chart_unavailable: "Không tải được thư viện biểu đồ; bảng bên dưới vẫn đầy đủ.",
    url_notice: "Một số tham số trong đường dẫn không hợp lệ và đã được bỏ qua",
    data_warnings: "Dữ liệu có điểm bất thường",
    mean_label: "TB",
};

const EN: Msg = Msg {
    loading: "Loading data…",
    error_title: "The data cannot be shown",
    error_fetch: "The data file could not be loaded",
    error_invalid: "The data file is not valid",
    error_hint: "Check the data file's address or contents, then reload the page.",
    controls_label: "Filters",
    year: "Year",
    block: "Block",
    kind: "Kind of unit",
    all_kinds: "All",
    search: "Find a unit",
    search_placeholder: "For example: dong da",
    show: "Show",
    all_units: "All",
    col_rank: "Rank",
    col_unit: "Unit",
    col_score: "Index",
    unpublished: "not published",
    no_match: "No unit matches the filters.",
    sources: "Sources",
    notes: "About the data",
    table_caption: "Ranking",
    chart_unavailable: "The chart library could not be loaded; the table below is complete.",
    url_notice: "Some parameters in the address were not valid and were ignored",
    data_warnings: "The data has oddities",
    mean_label: "Avg",
};

/// The fixed strings for a language.
pub fn msg(lang: Lang) -> &'static Msg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// A dataset text in the reader's language (Vietnamese when no translation exists).
pub fn text(t: &Text, lang: Lang) -> &str {
    match lang {
        Lang::En => t.en.as_deref().unwrap_or(&t.vi),
        Lang::Vi => &t.vi,
    }
}

/// The name of a kind of unit.
pub fn kind_name(kind: UnitKind, lang: Lang) -> &'static str {
    use UnitKind::*;
    match (lang, kind) {
        (Lang::Vi, So) => "Sở",
        (Lang::Vi, CoQuanTuongDuongSo) => "Cơ quan tương đương sở",
        (Lang::Vi, Quan) => "Quận",
        (Lang::Vi, Huyen) => "Huyện",
        (Lang::Vi, ThiXa) => "Thị xã",
        (Lang::Vi, Tinh) => "Tỉnh",
        (Lang::Vi, ThanhPhoTrucThuocTw) => "Thành phố trực thuộc TW",
        (Lang::Vi, Bo) => "Bộ, cơ quan ngang bộ",
        (Lang::Vi, CoQuanTrungUong) => "Cơ quan Trung ương",
        (Lang::Vi, Khac) => "Khác",
        (Lang::En, So) => "Department",
        (Lang::En, CoQuanTuongDuongSo) => "Department-level agency",
        (Lang::En, Quan) => "Urban district",
        (Lang::En, Huyen) => "Rural district",
        (Lang::En, ThiXa) => "Town",
        (Lang::En, Tinh) => "Province",
        (Lang::En, ThanhPhoTrucThuocTw) => "Centrally-run city",
        (Lang::En, Bo) => "Ministry",
        (Lang::En, CoQuanTrungUong) => "Central agency",
        (Lang::En, Khac) => "Other",
    }
}

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

/// "15 đơn vị khác không được nêu tên" — the block's units the sources never named.
pub fn unnamed_units(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} đơn vị khác: không được nêu tên, điểm chưa công bố"),
        Lang::En => format!("{n} other units: not named, scores not published"),
    }
}

/// Column heading of the year-over-year change.
pub fn change_heading(prev_year: i32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("So với {prev_year}"),
        Lang::En => format!("Change on {prev_year}"),
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

/// Options of the top/bottom selector.
pub fn limit_option(top: bool, n: u32, lang: Lang) -> String {
    match (lang, top) {
        (Lang::Vi, true) => format!("{n} đơn vị đứng đầu"),
        (Lang::Vi, false) => format!("{n} đơn vị cuối bảng"),
        (Lang::En, true) => format!("Top {n}"),
        (Lang::En, false) => format!("Bottom {n}"),
    }
}

/// A source line: "Tuổi trẻ Thủ đô (20/02/2024): “Title”".
pub fn source_date(date: &str, lang: Lang) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Vi, [y, m, d]) => format!("{d}/{m}/{y}"),
        (Lang::Vi, [y, m]) => format!("{m}/{y}"),
        _ => date.to_string(),
    }
}

/// A URL parameter that was ignored, worded for the reader: "năm=abc: không phải số nguyên".
pub fn param_warning(w: &chiso_engine::view_state::ParamWarning, lang: Lang) -> String {
    use chiso_engine::view_state::ParamProblem::*;
    let reason = match (lang, &w.reason) {
        (Lang::Vi, BadPercentEncoding) => "mã hoá phần trăm (%) sai".to_string(),
        (Lang::Vi, NotUtf8) => "không phải văn bản UTF-8".to_string(),
        (Lang::Vi, ControlCharacter) => "chứa ký tự điều khiển".to_string(),
        (Lang::Vi, TooLong { max_chars }) => format!("dài quá {max_chars} ký tự"),
        (Lang::Vi, NotANumber) => "không phải số nguyên".to_string(),
        (Lang::Vi, OutOfRange { min, max }) => format!("ngoài khoảng {min}–{max}"),
        (Lang::Vi, UnsupportedVersion { supported }) => {
            format!("phiên bản đường dẫn không được hỗ trợ (ứng dụng đọc phiên bản {supported})")
        }
        (Lang::Vi, UnknownKind) => "loại đơn vị không tồn tại".to_string(),
        (Lang::Vi, UnknownLanguage) => "ngôn ngữ không hỗ trợ (chỉ vi hoặc en)".to_string(),
        (Lang::Vi, BadId) => "mã không hợp lệ".to_string(),
        (Lang::Vi, ConflictsWithTop) => "bị bỏ qua vì đã có tham số top".to_string(),
        (Lang::Vi, UnknownParam) => "tham số không được hỗ trợ".to_string(),
        (Lang::Vi, NotASwitch) => "phải là 1 (bật) hoặc 0 (tắt)".to_string(),
        (Lang::Vi, UnknownColorScheme) => "giao diện màu không hỗ trợ (chỉ light, dark hoặc auto)".to_string(),
        (Lang::Vi, UnknownView) => "chế độ xem không tồn tại (ranking, whatif, sensitivity hoặc compare)".to_string(),
        (Lang::Vi, BadOverride) => {
            "giá trị giả định không hợp lệ (đơn vị:giá trị hoặc đơn vị.thành phần:giá trị)".to_string()
        }
        (Lang::Vi, TooManyOverrides { max }) => format!("quá nhiều giá trị giả định (tối đa {max})"),
        (Lang::Vi, BadWeights) => {
            "trọng số không hợp lệ (official, equal, emph-<thành phần> hoặc thành phần:phần trăm)".to_string()
        }
        (Lang::En, reason) => reason.to_string(),
    };
    format!("{}={}: {reason}", w.param, w.raw)
}

/// "thấp nhất" — a rank the source gives only in words.
pub fn lowest(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "thấp nhất",
        Lang::En => "lowest",
    }
}

/// A rank as printed in a table: the engine's figure ("=2", "30/30"), or "thấp nhất" / "lowest"
/// when the source gave only that word and the block size is unknown.
pub fn rank_label(pos: &RankPos, unit_count: Option<u32>, lang: Lang) -> String {
    match format::rank_label(pos, unit_count) {
        RankLabel::Figure(figure) => figure,
        RankLabel::Lowest => lowest(lang).to_string(),
    }
}

/// A rank change in words, for screen readers and tooltips: "tăng 3 bậc" / "up 3 places",
/// "giảm 2 bậc" / "down 2 places", "giữ nguyên" / "unchanged". `delta` is places gained.
pub fn rank_change_text(delta: i64, lang: Lang) -> String {
    let places = |n: u64| format::integer(n, lang);
    let noun_en = |n: u64| if n == 1 { "place" } else { "places" };
    match (RankMove::from_delta(delta), lang) {
        (RankMove::Up { places: n }, Lang::Vi) => format!("tăng {} bậc", places(n)),
        (RankMove::Down { places: n }, Lang::Vi) => format!("giảm {} bậc", places(n)),
        (RankMove::Unchanged, Lang::Vi) => "giữ nguyên".to_string(),
        (RankMove::Up { places: n }, Lang::En) => format!("up {} {}", places(n), noun_en(n)),
        (RankMove::Down { places: n }, Lang::En) => format!("down {} {}", places(n), noun_en(n)),
        (RankMove::Unchanged, Lang::En) => "unchanged".to_string(),
    }
}

/// Strings of the page's frame rather than of a view: the language switch, the embed code
/// generator, the compact embed chrome and the error panel.
pub struct ChromeMsg {
    /// The document's `<title>`.
    pub page_title: &'static str,
    pub lang_switch_label: &'static str,
    pub embed_button: &'static str,
    pub embed_heading: &'static str,
    pub embed_code_label: &'static str,
    pub embed_help: &'static str,
    pub embed_copy: &'static str,
    pub embed_copied: &'static str,
    pub embed_copy_failed: &'static str,
    pub embed_close: &'static str,
    /// The embed's link to the full explorer ("Mở đầy đủ").
    pub open_full: &'static str,
    /// Said after a link that opens a new tab (for screen readers).
    pub new_tab: &'static str,
    /// The embed's table toggle.
    pub show_table: &'static str,
    /// Before the embed's source line.
    pub source_prefix: &'static str,
    /// Heading of the validator's or browser's own (untranslated) words in the error panel.
    pub technical_details: &'static str,
    /// A view-state value the dataset does not have.
    pub not_found: &'static str,
}

const CHROME_VI: ChromeMsg = ChromeMsg {
    page_title: "chiso — đọc và chất vấn bảng xếp hạng",
    lang_switch_label: "Ngôn ngữ",
    embed_button: "Nhúng",
    embed_heading: "Nhúng biểu đồ này vào bài viết",
    embed_code_label: "Mã nhúng (dán vào phần HTML của bài viết)",
    embed_help:
        "Khung hiển thị đúng bộ lọc đang chọn, tự điều chỉnh chiều cao theo nội dung và không tải gì từ máy chủ khác.",
    embed_copy: "Sao chép mã",
    embed_copied: "Đã sao chép.",
    embed_copy_failed: "Không sao chép tự động được; mã đã được chọn, hãy nhấn Ctrl+C (⌘C).",
    embed_close: "Đóng",
    open_full: "Mở đầy đủ",
    new_tab: "(mở trong thẻ mới)",
    show_table: "Xem bảng số liệu",
    source_prefix: "Nguồn:",
    technical_details: "Chi tiết kỹ thuật",
    not_found: "không có trong dữ liệu này, đang hiển thị mặc định",
};

const CHROME_EN: ChromeMsg = ChromeMsg {
    page_title: "chiso — read and question a ranking",
    lang_switch_label: "Language",
    embed_button: "Embed",
    embed_heading: "Embed this chart in an article",
    embed_code_label: "Embed code (paste it into the article's HTML)",
    embed_help: "The frame shows the filters chosen now, fits its height to its content and loads nothing from any other server.",
    embed_copy: "Copy code",
    embed_copied: "Copied.",
    embed_copy_failed: "Could not copy automatically; the code is selected, press Ctrl+C (⌘C).",
    embed_close: "Close",
    open_full: "Open full view",
    new_tab: "(opens in a new tab)",
    show_table: "Show the table",
    source_prefix: "Source:",
    technical_details: "Technical details",
    not_found: "not in this dataset; showing the default",
};

/// The page-frame strings for a language.
pub fn chrome(lang: Lang) -> &'static ChromeMsg {
    match lang {
        Lang::Vi => &CHROME_VI,
        Lang::En => &CHROME_EN,
    }
}

/// Each language's own name, written in that language (the switch shows both).
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    }
}

/// The embed iframe's `title` (its accessible name in the host page).
pub fn iframe_title(heading: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{heading}: biểu đồ và bảng xếp hạng (chiso)"),
        Lang::En => format!("{heading}: chart and ranking table (chiso)"),
    }
}

/// What the error panel says about a failure: a headline and what it means for the reader. The
/// technical lines (the browser's or validator's own words) come from [`failure_details`].
pub fn load_failure(failure: &crate::load::LoadFailure, lang: Lang) -> (String, String) {
    use crate::load::LoadFailure::*;
    let m = msg(lang);
    match (lang, failure) {
        (Lang::Vi, NotAllowed { .. }) => (
            m.error_fetch.to_string(),
            "Chỉ nhận đường dẫn tương đối tới một tệp .json trên cùng trang web; tệp này không được tải.".to_string(),
        ),
        (Lang::En, NotAllowed { .. }) => (
            m.error_fetch.to_string(),
            "Only a relative path to a .json file on this site is accepted; this one was not fetched.".to_string(),
        ),
        (Lang::Vi, Network { .. }) => (
            m.error_fetch.to_string(),
            "Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi tải lại trang.".to_string(),
        ),
        (Lang::En, Network { .. }) => (
            m.error_fetch.to_string(),
            "The server could not be reached. Check the connection, then reload the page.".to_string(),
        ),
        (Lang::Vi, Http { status: 404, .. }) => {
            (m.error_fetch.to_string(), "Máy chủ không tìm thấy tệp (mã 404).".to_string())
        }
        (Lang::En, Http { status: 404, .. }) => {
            (m.error_fetch.to_string(), "The server has no such file (status 404).".to_string())
        }
        (Lang::Vi, Http { status, .. }) => {
            (m.error_fetch.to_string(), format!("Máy chủ trả lời bằng mã lỗi {status}."))
        }
        (Lang::En, Http { status, .. }) => {
            (m.error_fetch.to_string(), format!("The server answered with error status {status}."))
        }
        (Lang::Vi, Unreadable { .. }) => {
            (m.error_fetch.to_string(), "Không đọc được nội dung máy chủ gửi về.".to_string())
        }
        (Lang::En, Unreadable { .. }) => {
            (m.error_fetch.to_string(), "The server's answer could not be read.".to_string())
        }
        (Lang::Vi, NotADataset { .. }) => {
            (m.error_invalid.to_string(), "Tệp không phải dữ liệu JSON theo định dạng của chiso.".to_string())
        }
        (Lang::En, NotADataset { .. }) => {
            (m.error_invalid.to_string(), "The file is not JSON in chiso's dataset format.".to_string())
        }
        (Lang::Vi, Version { found, supported, .. }) => (
            m.error_invalid.to_string(),
            format!("Tệp được viết cho định dạng phiên bản {found}; ứng dụng này đọc phiên bản {supported}."),
        ),
        (Lang::En, Version { found, supported, .. }) => (
            m.error_invalid.to_string(),
            format!("The file is written for format version {found}; this app reads version {supported}."),
        ),
        (Lang::Vi, Invalid { problems, .. }) => {
            (m.error_invalid.to_string(), format!("Tệp vi phạm {} quy tắc của định dạng dữ liệu.", problems.len()))
        }
        (Lang::En, Invalid { problems, .. }) => {
            (m.error_invalid.to_string(), format!("The file breaks {} rule(s) of the dataset format.", problems.len()))
        }
    }
}

/// The technical lines of a failure, as the browser or the validator wrote them (English).
pub fn failure_details(failure: &crate::load::LoadFailure) -> Vec<String> {
    use crate::load::LoadFailure::*;
    match failure {
        NotAllowed { .. } | Http { .. } | Version { .. } => Vec::new(),
        Network { detail, .. } | Unreadable { detail, .. } | NotADataset { detail, .. } => vec![detail.clone()],
        Invalid { problems, .. } => problems.clone(),
    }
}

/// "… và 3 lỗi khác" — lines of technical detail left out.
pub fn more_details(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("… và {n} dòng khác"),
        Lang::En => format!("… and {n} more"),
    }
}

/// Strings of the views beyond the ranking: what-if, sensitivity and year comparison.
pub struct ViewMsg {
    pub tab_ranking: &'static str,
    pub tab_whatif: &'static str,
    pub tab_sensitivity: &'static str,
    pub tab_compare: &'static str,
    pub views_label: &'static str,
    pub dataset: &'static str,
    pub compare_from: &'static str,
    pub compare_caption: &'static str,
    pub compare_none: &'static str,
    pub col_change: &'static str,
}

const VIEW_VI: ViewMsg = ViewMsg {
    tab_ranking: "Xếp hạng",
    tab_whatif: "Giả định",
    tab_sensitivity: "Độ vững",
    tab_compare: "So sánh năm",
    views_label: "Chế độ xem",
    dataset: "Bộ chỉ số",
    compare_from: "So với năm",
    compare_caption: "Thứ hạng và điểm hai năm",
    compare_none: "Không có năm trước để so sánh.",
    col_change: "Thay đổi",
};

const VIEW_EN: ViewMsg = ViewMsg {
    tab_ranking: "Ranking",
    tab_whatif: "What if",
    tab_sensitivity: "Robustness",
    tab_compare: "Year on year",
    views_label: "View",
    dataset: "Index",
    compare_from: "Compared with",
    compare_caption: "Ranks and scores in both years",
    compare_none: "There is no earlier year to compare with.",
    col_change: "Change",
};

/// The view strings for a language.
pub fn views(lang: Lang) -> &'static ViewMsg {
    match lang {
        Lang::Vi => &VIEW_VI,
        Lang::En => &VIEW_EN,
    }
}

fn rank_words(rank: Option<u32>, lang: Lang) -> String {
    match (rank, lang) {
        (Some(r), Lang::Vi) => format!("thứ {r}"),
        (Some(r), Lang::En) => format!("#{r}"),
        (None, _) => "?".to_string(),
    }
}

/// "Ứng Hòa tăng 11 bậc, từ thứ 30 (năm 2022) lên thứ 19 — tăng hạng nhiều nhất khối."
pub fn climber_sentence(name: &str, from: Option<u32>, to: Option<u32>, from_year: i32, lang: Lang) -> String {
    let places = from.zip(to).map(|(f, t)| i64::from(f) - i64::from(t)).unwrap_or_default();
    match lang {
        Lang::Vi => format!(
            "{name} tăng {places} bậc, từ {} (năm {from_year}) lên {} — tăng hạng nhiều nhất.",
            rank_words(from, lang),
            rank_words(to, lang)
        ),
        Lang::En => format!(
            "{name} climbed {places} places, from {} in {from_year} to {} — the biggest climb.",
            rank_words(from, lang),
            rank_words(to, lang)
        ),
    }
}

/// "Hoàn Kiếm giảm 2 bậc, từ thứ 1 (năm 2022) xuống thứ 3 — giảm hạng nhiều nhất."
pub fn faller_sentence(name: &str, from: Option<u32>, to: Option<u32>, from_year: i32, lang: Lang) -> String {
    let places = from.zip(to).map(|(f, t)| i64::from(t) - i64::from(f)).unwrap_or_default();
    match lang {
        Lang::Vi => format!(
            "{name} giảm {places} bậc, từ {} (năm {from_year}) xuống {} — giảm hạng nhiều nhất.",
            rank_words(from, lang),
            rank_words(to, lang)
        ),
        Lang::En => format!(
            "{name} fell {places} places, from {} in {from_year} to {} — the biggest fall.",
            rank_words(from, lang),
            rank_words(to, lang)
        ),
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

/// Strings of the what-if and robustness views.
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
    pub target: &'static str,
    pub what_it_takes: &'static str,
    pub apply: &'static str,
    pub explain: &'static str,
    pub no_components_weights: &'static str,
    pub spread: &'static str,
    pub spread_none: &'static str,
    pub col_baseline: &'static str,
    pub col_median: &'static str,
    pub col_band: &'static str,
    pub col_bounds: &'static str,
    pub col_p_top: &'static str,
    pub sens_caption: &'static str,
    pub derived_weights: &'static str,
}

const WHATIF_VI: WhatIfMsg = WhatIfMsg {
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
    no_components_weights: "Bộ chỉ số này không công bố điểm các chỉ số thành phần, nên không thể thay đổi trọng số.",
    spread: "Mức bất định của trọng số",
    spread_none: "không",
    col_baseline: "Hạng gốc",
    col_median: "Trung vị",
    col_band: "Khoảng 5–95%",
    col_bounds: "Tốt nhất–xấu nhất (chứng minh)",
    col_p_top: "Xác suất vào top",
    sens_caption: "Thứ hạng khi trọng số thay đổi ngẫu nhiên",
    derived_weights: "Trọng số năm này được suy ra từ kết quả công bố, không phải trọng số chính thức.",
};

const WHATIF_EN: WhatIfMsg = WhatIfMsg {
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
    no_components_weights: "This index publishes no sub-index scores, so its weights cannot be changed.",
    spread: "Weight uncertainty",
    spread_none: "none",
    col_baseline: "Rank",
    col_median: "Median",
    col_band: "5–95% band",
    col_bounds: "Best–worst (proven)",
    col_p_top: "Chance of top",
    sens_caption: "Ranks when the weights vary at random",
    derived_weights: "This year's weights were derived from published results; they are not official.",
};

/// What-if and robustness strings for a language.
pub fn whatif(lang: Lang) -> &'static WhatIfMsg {
    match lang {
        Lang::Vi => &WHATIF_VI,
        Lang::En => &WHATIF_EN,
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

/// "Cơ hội vào top 10" header.
pub fn p_top_heading(k: u32, lang: Lang) -> String {
    format!("{} {k}", whatif(lang).col_p_top)
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

/// The tag next to a computed total.
pub fn computed_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "tính",
        Lang::En => "computed",
    }
}

/// What the computed tag means.
pub fn computed_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Điểm tổng tính từ các chỉ số thành phần đã công bố theo trọng số của năm, không phải điểm tổng được công bố",
        Lang::En => "Total computed from the published sub-indices with the year's weights, not a published total",
    }
}

// ---- Generated sentences and labels of the what-if, robustness and navigation views ----

/// Overrides that apply a gain answer: (unit, component, value).
pub type Apply = Vec<(String, Option<String>, f64)>;

pub fn mismatch_text(m: &LinkMismatch, lang: Lang) -> String {
    match (m, lang) {
        (LinkMismatch::UnknownUnit(u), Lang::Vi) => format!("set: không có đơn vị '{u}' trong khối và năm này"),
        (LinkMismatch::UnknownUnit(u), Lang::En) => format!("set: no unit '{u}' in this block and year"),
        (LinkMismatch::UnknownComponent(c), Lang::Vi) => format!("không có chỉ số thành phần '{c}'"),
        (LinkMismatch::UnknownComponent(c), Lang::En) => format!("no sub-index '{c}'"),
        (LinkMismatch::NoComponents(c), Lang::Vi) => format!("'{c}': bộ chỉ số này không có chỉ số thành phần"),
        (LinkMismatch::NoComponents(c), Lang::En) => format!("'{c}': this index has no sub-indices"),
        (LinkMismatch::NoWeights, _) => whatif(lang).no_components_weights.to_string(),
        (LinkMismatch::OutOfRange(e), Lang::Vi) => format!("set: '{e}' nằm ngoài thang điểm, bị bỏ qua"),
        (LinkMismatch::OutOfRange(e), Lang::En) => format!("set: '{e}' is outside the scale and was ignored"),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn gain_sentence(
    name: &str,
    k: u32,
    g: &Gain,
    certainty: RankCertainty,
    current: f64,
    unit_fmt: ScoreUnit,
    lang: Lang,
    m: &BlockMatrix,
    unit: &UnitId,
) -> (String, Option<Apply>) {
    let sure = match (certainty, lang) {
        (RankCertainty::WorstCase, Lang::Vi) => " (chắc chắn, kể cả khi các điểm chưa công bố cao nhất có thể)",
        (RankCertainty::WorstCase, Lang::En) => {
            " (for certain, even if every unpublished score is as high as it could be)"
        }
        (RankCertainty::Exact, _) => "",
    };
    match g {
        Gain::AlreadyThere => (
            match lang {
                Lang::Vi => format!("{name} đã ở trong nhóm {k} đứng đầu{sure}."),
                Lang::En => format!("{name} is already in the top {k}{sure}."),
            },
            None,
        ),
        Gain::Needed { delta, new_score, component_increases } => {
            let base = match lang {
                Lang::Vi => format!(
                    "Để vào nhóm {k} đứng đầu, {name} cần thêm {} điểm, từ {} lên {}{sure}.",
                    format::number(delta.abs(), 2, lang),
                    format::score(current, unit_fmt, lang),
                    format::score(*new_score, unit_fmt, lang)
                ),
                Lang::En => format!(
                    "To reach the top {k}, {name} needs {} more points, from {} to {}{sure}.",
                    format::number(delta.abs(), 2, lang),
                    format::score(current, unit_fmt, lang),
                    format::score(*new_score, unit_fmt, lang)
                ),
            };
            if component_increases.is_empty() {
                return (base, Some(vec![(unit.0.clone(), None, (new_score * 1e4).ceil() / 1e4)]));
            }
            let comps = m.components();
            let parts: Vec<String> = component_increases
                .iter()
                .map(|c| {
                    let cname = comps.get(c.component_idx).map(|x| text(&x.name, lang).to_string()).unwrap_or_default();
                    format!(
                        "{cname} +{} (→ {})",
                        format::number(c.increase, 2, lang),
                        format::number(c.new_value, 2, lang)
                    )
                })
                .collect();
            let lead = match lang {
                Lang::Vi => " Cách ít thay đổi nhất: ",
                Lang::En => " The smallest change: ",
            };
            // Rounded up to 4 decimals so the link stays short and the target is still reached.
            let apply = component_increases
                .iter()
                .map(|c| (unit.0.clone(), Some(c.component_id.clone()), (c.new_value * 1e4).ceil() / 1e4))
                .collect();
            (format!("{base}{lead}{}.", parts.join("; ")), Some(apply))
        }
        Gain::Impossible { reason } => (
            match (reason, lang) {
                (ImpossibleReason::BlockSizeUnknown, Lang::Vi) => {
                    format!("Không thể chắc chắn {name} vào nhóm {k} đứng đầu: không biết khối có bao nhiêu đơn vị.")
                }
                (ImpossibleReason::BlockSizeUnknown, Lang::En) => {
                    format!("No score makes the top {k} certain for {name}: the block's size is unknown.")
                }
                (ImpossibleReason::ComponentsAtMax { needed_score, max_score }, Lang::Vi) => format!(
                    "Không thể: kể cả khi mọi chỉ số thành phần đạt tối đa, {name} chỉ được {} trong khi cần {}.",
                    format::score(*max_score, unit_fmt, lang),
                    format::score(*needed_score, unit_fmt, lang)
                ),
                (ImpossibleReason::ComponentsAtMax { needed_score, max_score }, Lang::En) => format!(
                    "Impossible: even with every sub-index at its maximum, {name} would score {} and needs {}.",
                    format::score(*max_score, unit_fmt, lang),
                    format::score(*needed_score, unit_fmt, lang)
                ),
            },
            None,
        ),
    }
}

/// One sentence, as a journalist would write it, from the explanation's numbers.
pub fn explain_sentence(
    e: &chiso_engine::explain::Explanation,
    name_of: &dyn Fn(&str) -> String,
    lang: Lang,
) -> String {
    let best = e.contributions.iter().max_by(|a, b| a.contribution.total_cmp(&b.contribution));
    let gaps: Vec<_> = e.gaps.iter().filter(|g| g.gap_score_points > 0.005).take(2).collect();
    let mut s = match (best, lang) {
        (Some(b), Lang::Vi) => format!(
            "Chỉ số thành phần đóng góp nhiều điểm nhất là {} ({} điểm).",
            name_of(&b.component_id),
            format::number(b.contribution, 2, lang)
        ),
        (Some(b), Lang::En) => format!(
            "The sub-index that contributes most is {} ({} points).",
            name_of(&b.component_id),
            format::number(b.contribution, 2, lang)
        ),
        (None, _) => String::new(),
    };
    if let Some(g) = gaps.first() {
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!(
                "Khoảng cách lớn nhất so với đơn vị dẫn đầu là ở {}: {} so với {}, tương đương {} điểm tổng.",
                name_of(&g.component_id),
                format::number(g.value, 2, lang),
                format::number(g.block_best, 2, lang),
                format::number(g.gap_score_points, 2, lang)
            ),
            Lang::En => format!(
                "The widest gap to the block's best is on {}: {} against {}, worth {} points of the total.",
                name_of(&g.component_id),
                format::number(g.value, 2, lang),
                format::number(g.block_best, 2, lang),
                format::number(g.gap_score_points, 2, lang)
            ),
        });
    }
    if let Some(g) = gaps.get(1) {
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!(
                "Tiếp theo là {} ({} điểm).",
                name_of(&g.component_id),
                format::number(g.gap_score_points, 2, lang)
            ),
            Lang::En => format!(
                "Next comes {} ({} points).",
                name_of(&g.component_id),
                format::number(g.gap_score_points, 2, lang)
            ),
        });
    }
    s
}

pub fn spread_label(spread: u32, lang: Lang) -> String {
    if spread == 0 {
        whatif(lang).spread_none.to_string()
    } else {
        format!("{spread}")
    }
}

pub fn band_tooltip(name: &str, median: u32, p05: u32, p95: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{name}: trung vị hạng {median}, 90% số lần trong hạng {p05}–{p95}"),
        Lang::En => format!("{name}: median rank {median}, ranks {p05}–{p95} in 90% of draws"),
    }
}

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

/// Names of the built-in datasets in the picker.
pub fn dataset_label(id: &str, lang: Lang) -> &'static str {
    match (id, lang) {
        ("hanoi-cchc", Lang::Vi) => "Chỉ số CCHC Hà Nội",
        ("hanoi-cchc", Lang::En) => "Hanoi PAR Index",
        ("pci", Lang::Vi) => "PCI — Năng lực cạnh tranh cấp tỉnh",
        ("pci", Lang::En) => "PCI — Provincial Competitiveness",
        ("papi", Lang::Vi) => "PAPI — Hiệu quả quản trị và hành chính công",
        ("papi", Lang::En) => "PAPI — Governance and Public Administration",
        _ => "?",
    }
}

pub fn view_label(v: View, lang: Lang) -> &'static str {
    let m = views(lang);
    match v {
        View::Ranking => m.tab_ranking,
        View::WhatIf => m.tab_whatif,
        View::Sensitivity => m.tab_sensitivity,
        View::Compare => m.tab_compare,
    }
}

pub fn copy_link_strings(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Vi => {
            ("Sao chép liên kết", "Đã sao chép liên kết.", "Không sao chép được; hãy chọn và sao chép liên kết này:")
        }
        Lang::En => ("Copy link", "Link copied.", "Could not copy; select and copy this link:"),
    }
}

/// "hạng 22/22" in the unit card.
pub fn card_rank(position: u32, count: Option<u32>, lang: Lang) -> String {
    match (count, lang) {
        (Some(n), Lang::Vi) => format!("hạng {position}/{n}"),
        (Some(n), Lang::En) => format!("rank {position} of {n}"),
        (None, Lang::Vi) => format!("hạng {position}"),
        (None, Lang::En) => format!("rank {position}"),
    }
}

/// The unit card's way on to the what-if view.
pub fn card_whatif(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Giả định với đơn vị này",
        Lang::En => "What if, for this unit",
    }
}

/// Closing the unit card.
pub fn card_close(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Đóng",
        Lang::En => "Close",
    }
}

#[cfg(test)]
mod tests {
    use chiso_engine::format::Lang::{self, En, Vi};
    use chiso_engine::rank::{RankOrigin, RankPos};

    use super::*;

    #[test]
    fn ranks_and_moves_in_words() {
        let pos = |position, tied, last_word| RankPos { position, tied, last_word, origin: RankOrigin::Published };
        assert_eq!(rank_label(&pos(2, true, false), Some(30), Vi), "=2");
        assert_eq!(rank_label(&pos(30, false, true), Some(30), En), "30/30");
        assert_eq!(rank_label(&pos(0, false, true), None, Vi), "thấp nhất");
        assert_eq!(rank_label(&pos(0, false, true), None, En), "lowest");

        let cases: [(i64, Lang, &str); 9] = [
            (3, Vi, "tăng 3 bậc"),
            (3, En, "up 3 places"),
            (1, En, "up 1 place"),
            (-2, Vi, "giảm 2 bậc"),
            (-1, En, "down 1 place"),
            (0, Vi, "giữ nguyên"),
            (0, En, "unchanged"),
            (1234, Vi, "tăng 1.234 bậc"),
            (i64::MIN, En, "down 9,223,372,036,854,775,808 places"),
        ];
        for (delta, lang, expected) in cases {
            assert_eq!(rank_change_text(delta, lang), expected, "rank_change_text({delta}, {lang:?})");
        }
    }
}
