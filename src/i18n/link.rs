//! What a shared link asked for and the page could not do: URL parameters that were ignored
//! ([`ParamWarning`]) and link values that do not fit the dataset on screen ([`LinkMismatch`]).

use chiso_engine::format::Lang;
use chiso_engine::scenario_link::LinkMismatch;
use chiso_engine::view_state::{ParamProblem, ParamWarning};

use super::whatif;

/// A URL parameter that was ignored, worded for the reader: "year=abc: không phải số nguyên".
pub fn param_warning(w: &ParamWarning, lang: Lang) -> String {
    format!("{}={}: {}", w.param, w.raw, param_problem(&w.reason, lang))
}

/// Why a URL parameter was ignored.
pub fn param_problem(reason: &ParamProblem, lang: Lang) -> String {
    use ParamProblem::*;
    match (lang, reason) {
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
        (Lang::Vi, DataNotAllowed) => "chỉ nhận đường dẫn tương đối tới một tệp .json trên cùng trang web".to_string(),
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
        (Lang::En, BadPercentEncoding) => "malformed percent-encoding".to_string(),
        (Lang::En, NotUtf8) => "not UTF-8 text".to_string(),
        (Lang::En, ControlCharacter) => "contains a control character".to_string(),
        (Lang::En, TooLong { max_chars }) => format!("longer than {max_chars} characters"),
        (Lang::En, NotANumber) => "not a whole number".to_string(),
        (Lang::En, OutOfRange { min, max }) => format!("outside {min}–{max}"),
        (Lang::En, UnsupportedVersion { supported }) => {
            format!("link format version not supported (this app reads version {supported})")
        }
        (Lang::En, UnknownKind) => "unknown kind of unit".to_string(),
        (Lang::En, UnknownLanguage) => "unknown language (only vi or en)".to_string(),
        (Lang::En, BadId) => "not a valid id".to_string(),
        (Lang::En, ConflictsWithTop) => "ignored because top is also given".to_string(),
        (Lang::En, UnknownParam) => "unknown parameter".to_string(),
        (Lang::En, DataNotAllowed) => "only a relative path to a .json file on this site".to_string(),
        (Lang::En, NotASwitch) => "must be 1 (on) or 0 (off)".to_string(),
        (Lang::En, UnknownColorScheme) => "unknown colour scheme (only light, dark or auto)".to_string(),
        (Lang::En, UnknownView) => "unknown view (ranking, whatif, sensitivity or compare)".to_string(),
        (Lang::En, BadOverride) => "not a hypothetical value (unit:value or unit.sub-index:value)".to_string(),
        (Lang::En, TooManyOverrides { max }) => format!("too many hypothetical values (at most {max})"),
        (Lang::En, BadWeights) => {
            "not a weight choice (official, equal, emph-<sub-index> or sub-index:percent)".to_string()
        }
    }
}

/// A part of the link that does not fit this block.
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
