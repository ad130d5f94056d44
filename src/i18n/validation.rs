//! A dataset that cannot be shown ([`LoadFailure`]), the rules a file breaks ([`Problem`]) and
//! its oddities ([`DataWarning`]), worded from the engine's typed values. JSON paths, ids and
//! the file's numbers are quoted as they are (numbers with the reader's decimal mark).

use chiso_engine::dataset::{DataWarning, Problem, ProblemKind, WarningKind, MAX_ID_CHARS};
use chiso_engine::format::{self, Lang};

use super::msg;
use crate::load::LoadFailure;

/// What the error panel says about a failure, above its technical lines.
pub struct FailureText {
    /// What failed: fetching the file, or the file itself.
    pub headline: &'static str,
    /// What it means for the reader.
    pub explanation: String,
}

/// The headline and explanation of a failure. The technical lines come from
/// [`failure_details`].
pub fn load_failure(failure: &LoadFailure, lang: Lang) -> FailureText {
    use LoadFailure::*;
    let m = msg(lang);
    let headline = match failure {
        NotAllowed { .. } | Network { .. } | Http { .. } | Unreadable { .. } => m.error_fetch,
        NotADataset { .. } | Version { .. } | Invalid { .. } => m.error_invalid,
        NoOwnTable { .. } | DamagedLink { .. } => super::own(lang).link_failed,
    };
    let explanation = match (lang, failure) {
        (Lang::Vi, NotAllowed { .. }) => {
            "Chỉ nhận đường dẫn tương đối tới một tệp .json trên cùng trang web; tệp này không được tải.".to_string()
        }
        (Lang::En, NotAllowed { .. }) => {
            "Only a relative path to a .json file on this site is accepted; this one was not fetched.".to_string()
        }
        (Lang::Vi, Network { .. }) => {
            "Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi tải lại trang.".to_string()
        }
        (Lang::En, Network { .. }) => {
            "The server could not be reached. Check the connection, then reload the page.".to_string()
        }
        (Lang::Vi, Http { status: 404, .. }) => "Máy chủ không tìm thấy tệp (mã 404).".to_string(),
        (Lang::En, Http { status: 404, .. }) => "The server has no such file (status 404).".to_string(),
        (Lang::Vi, Http { status, .. }) => format!("Máy chủ trả lời bằng mã lỗi {status}."),
        (Lang::En, Http { status, .. }) => format!("The server answered with error status {status}."),
        (Lang::Vi, Unreadable { .. }) => "Không đọc được nội dung máy chủ gửi về.".to_string(),
        (Lang::En, Unreadable { .. }) => "The server's answer could not be read.".to_string(),
        (Lang::Vi, NotADataset { .. }) => "Tệp không phải dữ liệu JSON theo định dạng của chiso.".to_string(),
        (Lang::En, NotADataset { .. }) => "The file is not JSON in chiso's dataset format.".to_string(),
        (Lang::Vi, Version { found, supported, .. }) => {
            format!("Tệp được viết cho định dạng phiên bản {found}; ứng dụng này đọc phiên bản {supported}.")
        }
        (Lang::En, Version { found, supported, .. }) => {
            format!("The file is written for format version {found}; this app reads version {supported}.")
        }
        (Lang::Vi, Invalid { problems, .. }) => {
            format!("Tệp vi phạm {} quy tắc của định dạng dữ liệu.", problems.len())
        }
        (Lang::En, Invalid { problems, .. }) => {
            format!("The file breaks {} rule(s) of the dataset format.", problems.len())
        }
        (_, NoOwnTable { .. }) => super::own(lang).no_own_table.to_string(),
        (_, DamagedLink { problem, .. }) => super::link_problem(*problem, lang).to_string(),
    };
    FailureText { headline, explanation }
}

/// The technical lines under a failure.
pub struct FailureDetails {
    /// One line per problem, at most as many as the failure has.
    pub lines: Vec<String>,
    /// True when the lines are the browser's or the JSON parser's own English words, which have
    /// no translation (the panel marks them `lang="en"` for screen readers).
    pub untranslated: bool,
}

/// The technical lines of a failure: the validation problems worded in the reader's language,
/// or the browser's or JSON parser's own words.
pub fn failure_details(failure: &LoadFailure, lang: Lang) -> FailureDetails {
    use LoadFailure::*;
    match failure {
        NotAllowed { .. } | Http { .. } | Version { .. } | NoOwnTable { .. } | DamagedLink { .. } => {
            FailureDetails { lines: Vec::new(), untranslated: false }
        }
        Network { detail, .. } | Unreadable { detail, .. } | NotADataset { detail, .. } => {
            FailureDetails { lines: vec![detail.clone()], untranslated: true }
        }
        Invalid { problems, .. } => {
            FailureDetails { lines: problems.iter().map(|p| problem_text(p, lang)).collect(), untranslated: false }
        }
    }
}

/// "… và 3 dòng khác" — lines of technical detail left out.
pub fn more_details(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("… và {n} dòng khác"),
        Lang::En => format!("… and {n} more"),
    }
}

/// "groups[1].units[3].observations[0].score: 104,2 vượt quá điểm tối đa 100".
pub fn problem_text(p: &Problem, lang: Lang) -> String {
    format!("{}: {}", p.path, problem_kind(&p.kind, lang))
}

/// What breaks a rule of the dataset format.
pub fn problem_kind(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let n = |x: f64| format::exact(x, lang);
    let int = |x: u32| format::integer(u64::from(x), lang);
    match (lang, kind) {
        (Lang::Vi, BadId(id)) => {
            format!("'{id}' không phải mã hợp lệ (chữ thường ASCII, chữ số, '-' hoặc '_', tối đa {MAX_ID_CHARS} ký tự)")
        }
        (Lang::En, BadId(id)) => format!(
            "'{id}' is not a valid id (lower-case ASCII letters, digits, '-' or '_', at most {MAX_ID_CHARS} characters)"
        ),
        (Lang::Vi, UnknownSource(id)) => format!("nguồn '{id}' không có trong danh sách `sources`"),
        (Lang::En, UnknownSource(id)) => format!("source '{id}' is not listed in `sources`"),
        (Lang::Vi, DuplicateSourceId(id)) => format!("mã nguồn '{id}' bị dùng hai lần"),
        (Lang::En, DuplicateSourceId(id)) => format!("source id '{id}' is used twice"),
        (Lang::Vi, DuplicateGroupId(id)) => format!("mã khối '{id}' bị dùng hai lần"),
        (Lang::En, DuplicateGroupId(id)) => format!("block id '{id}' is used twice"),
        (Lang::Vi, DuplicateUnitId(id)) => format!("mã đơn vị '{id}' bị dùng hai lần"),
        (Lang::En, DuplicateUnitId(id)) => format!("unit id '{id}' is used twice"),
        (Lang::Vi, DuplicateComponentId(id)) => format!("mã chỉ số thành phần '{id}' bị dùng hai lần"),
        (Lang::En, DuplicateComponentId(id)) => format!("sub-index id '{id}' is used twice"),
        (Lang::Vi, MissingTitle) => "nguồn cần có tiêu đề".to_string(),
        (Lang::En, MissingTitle) => "a source needs a title".to_string(),
        (Lang::Vi, MissingName) => "đơn vị cần có tên".to_string(),
        (Lang::En, MissingName) => "a unit needs a name".to_string(),
        (Lang::Vi, NotHttp(url)) => format!("'{url}' không phải địa chỉ http(s)"),
        (Lang::En, NotHttp(url)) => format!("'{url}' is not an http(s) address"),
        (Lang::Vi, NoGroups) => "tệp dữ liệu không có khối nào".to_string(),
        (Lang::En, NoGroups) => "the dataset has no block".to_string(),
        (Lang::Vi, DuplicateYear(y)) => format!("năm {y} bị liệt kê hai lần"),
        (Lang::En, DuplicateYear(y)) => format!("year {y} is listed twice"),
        (Lang::Vi, DuplicateUnitYear(y)) => format!("năm {y} bị liệt kê hai lần cho đơn vị này"),
        (Lang::En, DuplicateUnitYear(y)) => format!("year {y} is listed twice for this unit"),
        (Lang::Vi, NotANumber(x)) => format!("{} không phải là số", n(*x)),
        (Lang::En, NotANumber(x)) => format!("{} is not a number", n(*x)),
        (Lang::Vi, AboveMax { value, max }) => format!("{} vượt quá điểm tối đa {}", n(*value), n(*max)),
        (Lang::En, AboveMax { value, max }) => format!("{} is above the scale maximum {}", n(*value), n(*max)),
        (Lang::Vi, BelowMin { value, min }) => format!("{} thấp hơn điểm tối thiểu {}", n(*value), n(*min)),
        (Lang::En, BelowMin { value, min }) => format!("{} is below the scale minimum {}", n(*value), n(*min)),
        (Lang::Vi, EmptyScale { min, max }) => format!("thang điểm {}–{} rỗng hoặc không hữu hạn", n(*min), n(*max)),
        (Lang::En, EmptyScale { min, max }) => format!("the scale {}–{} is empty or not finite", n(*min), n(*max)),
        (Lang::Vi, EmptyRange { min, max }) => {
            format!("khoảng giá trị {}–{} rỗng hoặc không hữu hạn", n(*min), n(*max))
        }
        (Lang::En, EmptyRange { min, max }) => format!("the range {}–{} is empty or not finite", n(*min), n(*max)),
        (Lang::Vi, StatsWithoutSource) => "số liệu của khối cần có nguồn".to_string(),
        (Lang::En, StatsWithoutSource) => "block figures need a source".to_string(),
        (Lang::Vi, ZeroUnits) => "một khối không thể có 0 đơn vị".to_string(),
        (Lang::En, ZeroUnits) => "a block cannot have 0 units".to_string(),
        (Lang::Vi, BlockTooLarge { max }) => format!("không hỗ trợ khối có hơn {} đơn vị", int(*max)),
        (Lang::En, BlockTooLarge { max }) => format!("blocks of more than {} units are not supported", int(*max)),
        (Lang::Vi, UnknownComponent(c)) => format!("'{c}' không phải mã chỉ số thành phần"),
        (Lang::En, UnknownComponent(c)) => format!("'{c}' is not a sub-index id"),
        (Lang::Vi, BadWeight(w)) => format!("trọng số {} phải là số không âm", n(*w)),
        (Lang::En, BadWeight(w)) => format!("weight {} must be a number ≥ 0", n(*w)),
        (Lang::Vi, MissingWeight(c)) => format!("thiếu trọng số của chỉ số thành phần '{c}'"),
        (Lang::En, MissingWeight(c)) => format!("no weight for sub-index '{c}'"),
        (Lang::Vi, WeightsSumToZero) => "tổng trọng số bằng 0".to_string(),
        (Lang::En, WeightsSumToZero) => "the weights add up to 0".to_string(),
        (Lang::Vi, RankZero) => "thứ hạng bắt đầu từ 1".to_string(),
        (Lang::En, RankZero) => "ranks start at 1".to_string(),
        (Lang::Vi, RankBeyondMax { rank, max }) => {
            format!("hạng {} vượt quá khối lớn nhất được hỗ trợ ({} đơn vị)", int(*rank), int(*max))
        }
        (Lang::En, RankBeyondMax { rank, max }) => {
            format!("rank {} is beyond the largest supported block ({} units)", int(*rank), int(*max))
        }
        (Lang::Vi, RankBeyondBlock { rank, unit_count }) => {
            format!("hạng {rank} vượt quá số đơn vị của khối ({unit_count})")
        }
        (Lang::En, RankBeyondBlock { rank, unit_count }) => {
            format!("rank {rank} is beyond the block's {unit_count} units")
        }
        (Lang::Vi, TooManyRecords { year, n_records, unit_count }) => {
            format!("năm {year}: {n_records} đơn vị có số liệu nhưng khối chỉ có {unit_count} đơn vị")
        }
        (Lang::En, TooManyRecords { year, n_records, unit_count }) => {
            format!("{year}: {n_records} units have records but the block has {unit_count}")
        }
    }
}

/// An oddity of the data: "editions[0].weights_pct: tổng trọng số là 99,9, …".
pub fn data_warning(w: &DataWarning, lang: Lang) -> String {
    let n = |x: f64| format::exact(x, lang);
    let what = match (lang, &w.kind) {
        (Lang::Vi, WarningKind::WeightsNotHundred { total }) => {
            format!("tổng trọng số là {}, không phải 100; trọng số được dùng theo tỉ lệ", n(*total))
        }
        (Lang::En, WarningKind::WeightsNotHundred { total }) => {
            format!("the weights add up to {}, not 100; they are used as shares", n(*total))
        }
        (Lang::Vi, WarningKind::SeveralLowest { year, n_lowest }) => {
            format!("năm {year}: {n_lowest} đơn vị cùng được ghi là thấp nhất")
        }
        (Lang::En, WarningKind::SeveralLowest { year, n_lowest }) => {
            format!("{year}: {n_lowest} units are marked as the lowest")
        }
        (Lang::Vi, WarningKind::RankScoreOrder { year, better: b, worse: w }) => format!(
            "năm {year}: {} xếp hạng {} với {} điểm nhưng {} xếp hạng {} với {} điểm",
            b.name,
            b.rank,
            n(b.score),
            w.name,
            w.rank,
            n(w.score)
        ),
        (Lang::En, WarningKind::RankScoreOrder { year, better: b, worse: w }) => format!(
            "{year}: {} is ranked {} with {} but {} is ranked {} with {}",
            b.name,
            b.rank,
            n(b.score),
            w.name,
            w.rank,
            n(w.score)
        ),
    };
    format!("{}: {what}", w.path)
}
