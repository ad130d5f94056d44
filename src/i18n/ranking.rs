//! The ranking view and its controls: fixed strings, kinds of unit, and ranks and rank moves
//! in words.

use chiso_engine::format::{self, Lang, RankLabel, RankMove};
use chiso_engine::rank::RankPos;
use chiso_engine::schema::UnitKind;

/// Fixed strings of the ranking view, its controls and the error panel.
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
    /// Heading of a change column (year on year, or against the published ranking).
    pub col_change: &'static str,
    pub unpublished: &'static str,
    pub no_match: &'static str,
    /// A block whose units no source names (its size is known, its members are not).
    pub no_unit_named: &'static str,
    pub sources: &'static str,
    pub notes: &'static str,
    pub table_caption: &'static str,
    pub chart_unavailable: &'static str,
    pub url_notice: &'static str,
    pub data_warnings: &'static str,
    pub mean_label: &'static str,
    /// A rank the source gives only in words, the block size being unknown.
    pub lowest: &'static str,
    /// The tag next to a total computed from published sub-indices.
    pub computed_tag: &'static str,
    /// What the computed tag means (its tooltip).
    pub computed_tag_title: &'static str,
    /// Why a rank carries the computed tag.
    pub computed_rank_title: &'static str,
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
    col_change: "Thay đổi",
    unpublished: "chưa công bố",
    no_match: "Không có đơn vị nào khớp với bộ lọc.",
    no_unit_named: "Các nguồn chưa nêu tên đơn vị nào của khối này trong năm này.",
    sources: "Nguồn",
    notes: "Lưu ý về dữ liệu",
    table_caption: "Bảng xếp hạng",
    chart_unavailable: "Không tải được thư viện biểu đồ; bảng bên dưới vẫn đầy đủ.",
    url_notice: "Một số tham số trong đường dẫn không hợp lệ và đã được bỏ qua",
    data_warnings: "Dữ liệu có điểm bất thường",
    mean_label: "TB",
    lowest: "thấp nhất",
    computed_tag: "tính",
    computed_tag_title:
        "Điểm tổng tính từ các chỉ số thành phần đã công bố theo trọng số của năm, không phải điểm tổng được công bố",
    computed_rank_title: "Hạng do trang tính từ điểm tính, không phải hạng được công bố",
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
    col_change: "Change",
    unpublished: "not published",
    no_match: "No unit matches the filters.",
    no_unit_named: "The sources name no unit of this block this year.",
    sources: "Sources",
    notes: "About the data",
    table_caption: "Ranking",
    chart_unavailable: "The chart library could not be loaded; the table below is complete.",
    url_notice: "Some parameters in the address were not valid and were ignored",
    data_warnings: "The data has oddities",
    mean_label: "Avg",
    lowest: "lowest",
    computed_tag: "computed",
    computed_tag_title: "Total computed from the published sub-indices with the year's weights, not a published total",
    computed_rank_title: "A rank the page worked out from computed totals, not a published rank",
};

/// The ranking view's fixed strings for a language.
pub fn msg(lang: Lang) -> &'static Msg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
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

/// Options of the top/bottom selector.
pub fn limit_option(top: bool, n: u32, lang: Lang) -> String {
    match (lang, top) {
        (Lang::Vi, true) => format!("{n} đơn vị đứng đầu"),
        (Lang::Vi, false) => format!("{n} đơn vị cuối bảng"),
        (Lang::En, true) => format!("Top {n}"),
        (Lang::En, false) => format!("Bottom {n}"),
    }
}

/// A rank as printed in a table: the engine's figure ("=2", "30/30"), or "thấp nhất" / "lowest"
/// when the source gave only that word and the block size is unknown.
pub fn rank_label(pos: &RankPos, unit_count: Option<u32>, lang: Lang) -> String {
    match format::rank_label(pos, unit_count) {
        RankLabel::Figure(figure) => figure,
        RankLabel::Lowest => msg(lang).lowest.to_string(),
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

/// "15 đơn vị khác không được nêu tên" — the block's units the sources never named.
pub fn unnamed_units(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} đơn vị khác: không được nêu tên, điểm chưa công bố"),
        Lang::En => format!("{n} other units: not named, scores not published"),
    }
}

/// Column heading of the year-over-year change.
pub fn change_heading(prev_year: i32, approximate: bool, lang: Lang) -> String {
    match (lang, approximate) {
        (Lang::Vi, false) => format!("So với {prev_year}"),
        (Lang::Vi, true) => format!("So với {prev_year} (gần đúng)"),
        (Lang::En, false) => format!("Change on {prev_year}"),
        (Lang::En, true) => format!("Change on {prev_year} (approx.)"),
    }
}
