//! Strings of the own-data view (paste or choose a table, map its columns, rank it), its
//! located problems and warnings, the link that carries a table, and the downloads.

use chiso_engine::format::{self, Lang};
use chiso_engine::table::build::{IssueKind, TableIssue};
use chiso_engine::table::mapping::{DecimalMark, Role};
use chiso_engine::table::read::ReadError;

use crate::own::LinkProblem;

/// Fixed strings of the own-data view and the downloads.
pub struct OwnMsg {
    /// The masthead button and the view's heading.
    pub title: &'static str,
    /// The explorer's footer link to the own-data page.
    pub footer_link: &'static str,
    /// The promise, said where the reader pastes.
    pub privacy: &'static str,
    /// The text box's label.
    pub paste_label: &'static str,
    /// The text box's placeholder.
    pub paste_placeholder: &'static str,
    /// The file button.
    pub choose_file: &'static str,
    /// What files are read.
    pub file_hint: &'static str,
    /// Drop zone text.
    pub drop_here: &'static str,
    /// The mapping step's heading.
    pub mapping_title: &'static str,
    /// Its explanation.
    pub mapping_hint: &'static str,
    /// Header row menu label.
    pub header_row: &'static str,
    /// "No header row".
    pub no_header: &'static str,
    /// Decimal mark menu label.
    pub decimal: &'static str,
    /// Total scale label.
    pub scale_max: &'static str,
    /// Component scale label.
    pub component_max: &'static str,
    /// Year label (when no column gives it).
    pub year: &'static str,
    /// Title label.
    pub index_title: &'static str,
    /// Source label.
    pub source: &'static str,
    /// Source placeholder.
    pub source_placeholder: &'static str,
    /// Weight input label.
    pub weight: &'static str,
    /// The column-role menu's label.
    pub role_label: &'static str,
    /// Preview caption.
    pub preview: &'static str,
    /// Problems heading.
    pub problems: &'static str,
    /// Warnings heading.
    pub warnings: &'static str,
    /// The button that ranks the table.
    pub rank_it: &'static str,
    /// The button that forgets the table in this browser.
    pub forget: &'static str,
    /// Said after forgetting.
    pub forgotten: &'static str,
    /// Back to the built-in rankings.
    pub back: &'static str,
    /// The picker's entry for the reader's table.
    pub picker_entry: &'static str,
    /// Error panel headline for a link's table.
    pub link_failed: &'static str,
    /// `ds=own` with no table here.
    pub no_own_table: &'static str,
    /// The error panel's way to the own-data view.
    pub open_data_view: &'static str,
    /// An XLSX or XLS file.
    pub xlsx: &'static str,
    /// A JSON dataset that is ready.
    pub json_ready: &'static str,
    /// Downloads menu.
    pub downloads: &'static str,
    /// CSV with `;` and decimal commas.
    pub csv_semicolon: &'static str,
    /// CSV with `,` and decimal points.
    pub csv_comma: &'static str,
    /// The dataset file.
    pub dataset_json: &'static str,
    /// The chart as PNG.
    pub chart_png: &'static str,
    /// The chart as SVG.
    pub chart_svg: &'static str,
    /// A download that failed.
    pub download_failed: &'static str,
    /// Marks a what-if value in exports.
    pub assumed: &'static str,
    /// Marks a computed value in exports.
    pub computed: &'static str,
    /// The exports' legend of the marks.
    pub marks_legend: &'static str,
    /// The exported CSV's status column heading.
    pub status_column: &'static str,
}

const VI: OwnMsg = OwnMsg {
    title: "Dữ liệu của bạn",
    footer_link: "Dữ liệu của bạn: dán hoặc chọn một bảng xếp hạng để xếp hạng, thử trọng số, chia sẻ và nhúng",
    privacy: "Dữ liệu của bạn không rời khỏi trình duyệt: bảng được đọc và xếp hạng ngay trên máy này, không gửi tới máy chủ nào. Liên kết chia sẻ mang bảng trong phần sau dấu #, phần không bao giờ được gửi đi.",
    paste_label: "Dán bảng (sao chép từ Excel, Google Sheets…) hoặc chọn tệp",
    paste_placeholder: "Đơn vị\tĐiểm\nSở Tư pháp\t91,85\nSở Nội vụ\t91,22",
    choose_file: "Chọn tệp…",
    file_hint: "CSV (dấu , hoặc ;), văn bản phân cách bằng tab, JSON theo định dạng của chiso; UTF-8, UTF-16 hoặc Windows-1258; tối đa 5 MB, 100.000 dòng, 200 cột.",
    drop_here: "hoặc kéo tệp thả vào đây",
    mapping_title: "Các cột của bảng",
    mapping_hint: "chiso đã đoán mỗi cột chứa gì; hãy kiểm tra và sửa nếu cần. Ô trống, “–”, “n/a”, “chưa công bố” nghĩa là chưa công bố — không bao giờ là 0.",
    header_row: "Dòng tiêu đề",
    no_header: "Không có",
    decimal: "Dấu thập phân",
    scale_max: "Thang điểm tổng (tối đa)",
    component_max: "Thang điểm thành phần (tối đa)",
    year: "Năm",
    index_title: "Tên chỉ số",
    source: "Nguồn số liệu",
    source_placeholder: "Ví dụ: Quyết định số … của UBND thành phố",
    weight: "Trọng số (%)",
    role_label: "Cột này là",
    preview: "Xem trước các dòng đầu",
    problems: "Cần sửa trước khi xếp hạng",
    warnings: "Lưu ý (không cản việc xếp hạng)",
    rank_it: "Xếp hạng bảng này",
    forget: "Quên bảng này",
    forgotten: "Đã xóa bảng khỏi trình duyệt này.",
    back: "← Về các bảng xếp hạng",
    picker_entry: "Bảng của bạn",
    link_failed: "Không mở được bảng trong liên kết",
    no_own_table: "Liên kết này chỉ tới bảng của người dùng, nhưng không mang theo bảng, và trình duyệt này cũng chưa lưu bảng nào.",
    open_data_view: "Mở trang dữ liệu của bạn",
    xlsx: "Tệp Excel (.xlsx, .xls) chưa đọc được trực tiếp. Hãy mở tệp trong Excel, chọn cả bảng, sao chép (Ctrl+C) rồi dán vào ô trên; hoặc lưu thành CSV.",
    json_ready: "Tệp dữ liệu JSON hợp lệ",
    downloads: "Tải về",
    csv_semicolon: "Bảng CSV (Excel tiếng Việt: dấu ;, 94,25)",
    csv_comma: "Bảng CSV (dấu phẩy, 94.25)",
    dataset_json: "Dữ liệu (JSON của chiso)",
    chart_png: "Biểu đồ PNG",
    chart_svg: "Biểu đồ SVG",
    download_failed: "Trình duyệt không tạo được tệp.",
    assumed: "giả định",
    computed: "tính",
    marks_legend: "giả định: giá trị người đọc đã thay đổi; tính: giá trị chiso tính từ số liệu công bố",
    status_column: "Ghi chú",
};

const EN: OwnMsg = OwnMsg {
    title: "Your data",
    footer_link: "Your data: paste or choose a ranking table to rank it, try other weights, share and embed it",
    privacy: "Your data does not leave your browser: the table is read and ranked on this device and sent to no server. A shared link carries the table after the # sign, the part of a link that is never sent.",
    paste_label: "Paste a table (copied from Excel, Google Sheets…) or choose a file",
    paste_placeholder: "Unit\tScore\nDepartment of Justice\t91.85\nDepartment of Home Affairs\t91.22",
    choose_file: "Choose a file…",
    file_hint: "CSV (, or ;), tab-separated text, JSON in chiso's format; UTF-8, UTF-16 or Windows-1258; at most 5 MB, 100,000 rows, 200 columns.",
    drop_here: "or drop a file here",
    mapping_title: "The table's columns",
    mapping_hint: "chiso has guessed what each column holds; check and change anything. Empty cells, “–”, “n/a”, “chưa công bố” mean not published — never 0.",
    header_row: "Header row",
    no_header: "None",
    decimal: "Decimal mark",
    scale_max: "Total's scale (maximum)",
    component_max: "Components' scale (maximum)",
    year: "Year",
    index_title: "Index name",
    source: "Source of the figures",
    source_placeholder: "E.g. Decision No. … of the city People's Committee",
    weight: "Weight (%)",
    role_label: "This column is",
    preview: "Preview of the first rows",
    problems: "To fix before ranking",
    warnings: "Worth knowing (ranking still works)",
    rank_it: "Rank this table",
    forget: "Forget this table",
    forgotten: "The table is removed from this browser.",
    back: "← Back to the rankings",
    picker_entry: "Your table",
    link_failed: "The table in the link could not be opened",
    no_own_table: "This link points to a reader's own table but carries none, and this browser keeps none either.",
    open_data_view: "Open the your-data page",
    xlsx: "Excel files (.xlsx, .xls) are not read directly. Open the file in Excel, select the table, copy (Ctrl+C) and paste it in the box above; or save it as CSV.",
    json_ready: "A valid JSON dataset",
    downloads: "Download",
    csv_semicolon: "CSV table (Vietnamese Excel: ; and 94,25)",
    csv_comma: "CSV table (commas, 94.25)",
    dataset_json: "Data (chiso JSON)",
    chart_png: "Chart as PNG",
    chart_svg: "Chart as SVG",
    download_failed: "The browser could not make the file.",
    assumed: "assumed",
    computed: "computed",
    marks_legend: "assumed: a value the reader changed; computed: a value chiso computed from the published figures",
    status_column: "Note",
};

/// The own-data strings in `lang`.
pub fn own(lang: Lang) -> &'static OwnMsg {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// A column role in the mapping menu.
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match (lang, role) {
        (Lang::Vi, Role::Name) => "Tên đơn vị",
        (Lang::Vi, Role::Total) => "Điểm tổng",
        (Lang::Vi, Role::Component) => "Điểm thành phần",
        (Lang::Vi, Role::Rank) => "Hạng công bố",
        (Lang::Vi, Role::Group) => "Khối",
        (Lang::Vi, Role::Year) => "Năm",
        (Lang::Vi, Role::Kind) => "Loại đơn vị",
        (Lang::Vi, Role::Ignore) => "Bỏ qua",
        (Lang::En, Role::Name) => "Unit name",
        (Lang::En, Role::Total) => "Total score",
        (Lang::En, Role::Component) => "Component score",
        (Lang::En, Role::Rank) => "Published rank",
        (Lang::En, Role::Group) => "Block",
        (Lang::En, Role::Year) => "Year",
        (Lang::En, Role::Kind) => "Kind of unit",
        (Lang::En, Role::Ignore) => "Ignore",
    }
}

/// A decimal mark in its menu.
pub fn decimal_name(mark: DecimalMark, lang: Lang) -> &'static str {
    match (lang, mark) {
        (Lang::Vi, DecimalMark::Comma) => "Phẩy: 94,25",
        (Lang::Vi, DecimalMark::Point) => "Chấm: 94.25",
        (Lang::En, DecimalMark::Comma) => "Comma: 94,25",
        (Lang::En, DecimalMark::Point) => "Point: 94.25",
    }
}

/// "Dòng 3" / "Row 3": a header-row choice, numbered as the text's lines.
pub fn line_name(line: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Dòng {line}"),
        Lang::En => format!("Line {line}"),
    }
}

/// The heading shown for a column without one: "Cột 3" / "Column 3".
pub fn column_name(index: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Cột {}", index + 1),
        Lang::En => format!("Column {}", index + 1),
    }
}

/// Why text or a file could not be read as a table.
pub fn read_error(e: &ReadError, lang: Lang) -> String {
    let int = |n: usize| format::integer(n as u64, lang);
    match (lang, e) {
        (Lang::Vi, ReadError::Empty) => "Chưa có bảng: ô trống.".to_string(),
        (Lang::En, ReadError::Empty) => "No table yet: the box is empty.".to_string(),
        (Lang::Vi, ReadError::TooManyRows { limit }) => {
            format!("Bảng có hơn {} dòng; chiso đọc tối đa chừng ấy.", int(*limit))
        }
        (Lang::En, ReadError::TooManyRows { limit }) => {
            format!("The table has more than {} rows, the most chiso reads.", int(*limit))
        }
        (Lang::Vi, ReadError::TooManyColumns { line, count, limit }) => {
            format!("Dòng {line} có {} cột; chiso đọc tối đa {} cột.", int(*count), int(*limit))
        }
        (Lang::En, ReadError::TooManyColumns { line, count, limit }) => {
            format!("Line {line} has {} columns; chiso reads at most {}.", int(*count), int(*limit))
        }
        (Lang::Vi, ReadError::UnclosedQuote { line }) => {
            format!("Dòng {line}: dấu ngoặc kép (\") mở ở đây không được đóng lại.")
        }
        (Lang::En, ReadError::UnclosedQuote { line }) => {
            format!("Line {line}: a quote (\") opened here is never closed.")
        }
    }
}

/// A file larger than chiso reads.
pub fn file_too_large(name: &str, bytes: f64, limit: usize, lang: Lang) -> String {
    let mb = |b: f64| format::number(b / 1_048_576.0, 1, lang);
    #[allow(clippy::cast_precision_loss)] // 5 MB
    let limit = limit as f64;
    match lang {
        Lang::Vi => format!("Tệp “{name}” nặng {} MB; chiso đọc tệp tối đa {} MB.", mb(bytes), mb(limit)),
        Lang::En => format!("The file “{name}” is {} MB; chiso reads files of at most {} MB.", mb(bytes), mb(limit)),
    }
}

/// A file the browser could not read or decode.
pub fn file_unreadable(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Không đọc được tệp “{name}”."),
        Lang::En => format!("The file “{name}” could not be read."),
    }
}

/// Where an issue is: "Dòng 7, cột 'Chỉ số'" / "Line 7, column 'Chỉ số'".
fn place(issue: &TableIssue, lang: Lang) -> Option<String> {
    let column = issue.column.as_ref().map(|(i, h)| if h.is_empty() { column_name(*i, lang) } else { h.clone() });
    match (lang, issue.line, column) {
        (Lang::Vi, Some(l), Some(c)) => Some(format!("Dòng {l}, cột '{c}'")),
        (Lang::En, Some(l), Some(c)) => Some(format!("Line {l}, column '{c}'")),
        (Lang::Vi, Some(l), None) => Some(format!("Dòng {l}")),
        (Lang::En, Some(l), None) => Some(format!("Line {l}")),
        (Lang::Vi, None, Some(c)) => Some(format!("Cột '{c}'")),
        (Lang::En, None, Some(c)) => Some(format!("Column '{c}'")),
        (_, None, None) => None,
    }
}

/// One problem or warning, located: "Dòng 7, cột 'Chỉ số': '9,5,3' không phải là số".
pub fn issue_text(issue: &TableIssue, lang: Lang) -> String {
    let v = issue.value.clone().unwrap_or_default();
    let what = match (lang, &issue.kind) {
        (Lang::Vi, IssueKind::NoNameColumn) => "chưa có cột nào là tên đơn vị".to_string(),
        (Lang::En, IssueKind::NoNameColumn) => "no column is the unit name".to_string(),
        (Lang::Vi, IssueKind::SeveralColumns) => "chỉ được chọn một cột cho vai trò này".to_string(),
        (Lang::En, IssueKind::SeveralColumns) => "only one column may have this role".to_string(),
        (Lang::Vi, IssueKind::NoScoreColumn) => "chưa có cột điểm (tổng hoặc thành phần)".to_string(),
        (Lang::En, IssueKind::NoScoreColumn) => "no score column (total or component)".to_string(),
        (Lang::Vi, IssueKind::NoRows) => "không có dòng số liệu nào dưới dòng tiêu đề".to_string(),
        (Lang::En, IssueKind::NoRows) => "no data rows under the header row".to_string(),
        (Lang::Vi, IssueKind::NotANumber) => format!("'{v}' không phải là số"),
        (Lang::En, IssueKind::NotANumber) => format!("'{v}' is not a number"),
        (Lang::Vi, IssueKind::BadRank) => format!("'{v}' không phải thứ hạng (số nguyên từ 1)"),
        (Lang::En, IssueKind::BadRank) => format!("'{v}' is not a rank (a whole number from 1)"),
        (Lang::Vi, IssueKind::BadYear) => format!("'{v}' không phải năm"),
        (Lang::En, IssueKind::BadYear) => format!("'{v}' is not a year"),
        (Lang::Vi, IssueKind::OutOfRange) => format!("'{v}' nằm ngoài thang điểm"),
        (Lang::En, IssueKind::OutOfRange) => format!("'{v}' is outside the scale"),
        (Lang::Vi, IssueKind::EmptyName) => "dòng có số liệu nhưng thiếu tên đơn vị".to_string(),
        (Lang::En, IssueKind::EmptyName) => "a row with figures but no unit name".to_string(),
        (Lang::Vi, IssueKind::BadWeights) => "trọng số phải là số không âm, có tổng lớn hơn 0".to_string(),
        (Lang::En, IssueKind::BadWeights) => {
            "weights must be non-negative numbers adding up to more than 0".to_string()
        }
        (Lang::Vi, IssueKind::DuplicateName { first_line }) => {
            format!("'{v}' đã có ở dòng {first_line} (cùng khối, cùng năm)")
        }
        (Lang::En, IssueKind::DuplicateName { first_line }) => {
            format!("'{v}' already appears on line {first_line} (same block, same year)")
        }
        (Lang::Vi, IssueKind::Dataset(detail)) => format!("dữ liệu không hợp lệ ({detail})"),
        (Lang::En, IssueKind::Dataset(detail)) => format!("the data is not valid ({detail})"),
        (Lang::Vi, IssueKind::AboveScale { max }) => {
            format!("'{v}' cao hơn điểm tối đa {} của thang điểm", format::exact(*max, lang))
        }
        (Lang::En, IssueKind::AboveScale { max }) => {
            format!("'{v}' is above the scale's maximum of {}", format::exact(*max, lang))
        }
        (Lang::Vi, IssueKind::RankDisagrees { by_scores }) => {
            format!("hạng công bố '{v}' khác hạng theo điểm ({by_scores})")
        }
        (Lang::En, IssueKind::RankDisagrees { by_scores }) => {
            format!("published rank '{v}' differs from the rank by score ({by_scores})")
        }
    };
    match place(issue, lang) {
        Some(p) => format!("{p}: {what}"),
        None => capitalise(&what),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// "12 đơn vị · 2 năm · 1 khối" — what a table holds, once read.
pub fn table_summary(units: usize, years: usize, groups: usize, lang: Lang) -> String {
    let int = |n: usize| format::integer(n as u64, lang);
    match lang {
        Lang::Vi => format!("{} đơn vị · {} năm · {} khối", int(units), int(years), int(groups)),
        Lang::En => format!(
            "{} unit{} · {} year{} · {} block{}",
            int(units),
            if units == 1 { "" } else { "s" },
            int(years),
            if years == 1 { "" } else { "s" },
            int(groups),
            if groups == 1 { "" } else { "s" }
        ),
    }
}

/// "… và 40 dòng nữa" under the preview.
pub fn more_rows(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("… và {} dòng nữa", format::integer(n as u64, lang)),
        Lang::En => format!("… and {} more rows", format::integer(n as u64, lang)),
    }
}

/// Why a link's table could not be unpacked.
pub fn link_problem(p: LinkProblem, lang: Lang) -> &'static str {
    match (lang, p) {
        (Lang::Vi, LinkProblem::Damaged) => {
            "Phần dữ liệu của liên kết bị cắt ngắn hoặc bị sửa trên đường gửi. Hãy xin người gửi liên kết đầy đủ, hoặc tệp dữ liệu."
        }
        (Lang::En, LinkProblem::Damaged) => {
            "The link's data part was cut short or changed on the way. Ask the sender for the whole link, or the data file."
        }
        (Lang::Vi, LinkProblem::TooLong) | (Lang::Vi, LinkProblem::TooLarge) => {
            "Bảng trong liên kết lớn hơn mức chiso nhận. Hãy xin người gửi tệp dữ liệu."
        }
        (Lang::En, LinkProblem::TooLong) | (Lang::En, LinkProblem::TooLarge) => {
            "The table in the link is larger than chiso accepts. Ask the sender for the data file."
        }
    }
}

/// The share ceiling, said when a table is too large for a link: the file and `data=` instead.
pub fn too_large_to_share(limit: usize, lang: Lang) -> String {
    let int = |n: usize| format::integer(n as u64, lang);
    match lang {
        Lang::Vi => format!(
            "Bảng này quá lớn để gửi trong liên kết (liên kết dài tối đa {} ký tự). Hãy tải “Dữ liệu (JSON của chiso)”, đặt tệp cạnh chiso trên máy chủ của bạn (ví dụ data/bang-cua-toi.json) rồi chia sẻ liên kết ?data=data/bang-cua-toi.json.",
            int(limit)
        ),
        Lang::En => format!(
            "This table is too large to carry in a link (at most {} characters). Download “Data (chiso JSON)”, put the file next to chiso on your server (e.g. data/my-table.json) and share the link ?data=data/my-table.json.",
            int(limit)
        ),
    }
}

/// Column headings of the exported CSV files. The own-data reader recognises them, so an
/// export reads back as the same ranking.
pub struct ExportCols {
    /// Rank.
    pub rank: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Kind of unit.
    pub kind: &'static str,
    /// Score.
    pub score: &'static str,
    /// Year.
    pub year: &'static str,
    /// Block.
    pub block: &'static str,
    /// Score change.
    pub score_change: &'static str,
    /// Places gained.
    pub rank_change: &'static str,
    /// Published (baseline) rank.
    pub published_rank: &'static str,
    /// Median rank.
    pub median: &'static str,
    /// 5th percentile rank.
    pub p05: &'static str,
    /// 95th percentile rank.
    pub p95: &'static str,
}

const COLS_VI: ExportCols = ExportCols {
    rank: "Hạng",
    unit: "Đơn vị",
    kind: "Loại",
    score: "Điểm",
    year: "Năm",
    block: "Khối",
    score_change: "Thay đổi điểm",
    rank_change: "Thay đổi hạng",
    published_rank: "Hạng công bố",
    median: "Hạng trung vị",
    p05: "Hạng tốt (5%)",
    p95: "Hạng kém (95%)",
};

const COLS_EN: ExportCols = ExportCols {
    rank: "Rank",
    unit: "Unit",
    kind: "Kind",
    score: "Score",
    year: "Year",
    block: "Block",
    score_change: "Score change",
    rank_change: "Places gained",
    published_rank: "Published rank",
    median: "Median rank",
    p05: "Best rank (5%)",
    p95: "Worst rank (95%)",
};

/// The export column headings in `lang`.
pub fn export_cols(lang: Lang) -> &'static ExportCols {
    match lang {
        Lang::Vi => &COLS_VI,
        Lang::En => &COLS_EN,
    }
}

/// "Hạng {k} đầu (xác suất)" — the robustness export's probability column.
pub fn p_top_k_col(k: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Xác suất vào {k} đầu"),
        Lang::En => format!("Chance of top {k}"),
    }
}

/// "Hạng năm 2023" / "Rank 2023", "Điểm năm 2023" / "Score 2023".
pub fn year_col(what: &str, year: i32) -> String {
    format!("{what} {year}")
}

/// "Nguồn" / "Source", before the sources burnt into an exported chart.
pub fn source_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Nguồn",
        Lang::En => "Source",
    }
}

/// The robustness chart's legend, under an exported chart.
pub fn band_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Dải: hạng của đơn vị trong 90% số lần rút trọng số ngẫu nhiên (5–95%); ◆: hạng trung vị",
        Lang::En => "Band: the unit's rank in 90% of the random weight draws (5–95%); ◆: median rank",
    }
}
