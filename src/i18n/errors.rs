//! The engine's errors in the reader's language: what-if scenarios, gains, explanations, rank
//! intervals, block layout and weight sensitivity. Each takes the error's own fields (unit and
//! sub-index ids as they are, numbers with the reader's decimal mark); the engine's `Display`
//! stays English, for logs and tests.

use chiso_engine::explain::ExplainError;
use chiso_engine::format::{self, Lang};
use chiso_engine::gain::GainError;
use chiso_engine::interval::IntervalError;
use chiso_engine::matrix::MatrixError;
use chiso_engine::scenario::ScenarioError;
use chiso_engine::sensitivity::{SensitivityError, MAX_UNITS};

/// "đơn vị 'x' không có trong khối này năm này" — shared by several errors.
fn unknown_unit(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("đơn vị '{id}' không có trong khối này năm này"),
        Lang::En => format!("unit '{id}' is not in this block this year"),
    }
}

/// Why a what-if scenario cannot be worked out.
pub fn scenario_error(e: &ScenarioError, lang: Lang) -> String {
    use ScenarioError::*;
    let n = |x: f64| format::exact(x, lang);
    match (lang, e) {
        (Lang::Vi, BlockMismatch { scenario_group: sg, scenario_year: sy, block_group: bg, block_year: by }) => {
            format!("giả định dành cho khối '{}' năm {sy} nhưng đang xem khối '{}' năm {by}", sg.0, bg.0)
        }
        (Lang::En, BlockMismatch { scenario_group: sg, scenario_year: sy, block_group: bg, block_year: by }) => {
            format!("the scenario is for block '{}' {sy} but the block shown is '{}' {by}", sg.0, bg.0)
        }
        (_, UnknownUnit(u)) => unknown_unit(&u.0, lang),
        (Lang::Vi, TotalOutOfRange { unit, score, min, max }) => {
            format!("đơn vị '{}': điểm tổng {} nằm ngoài thang điểm {}–{}", unit.0, n(*score), n(*min), n(*max))
        }
        (Lang::En, TotalOutOfRange { unit, score, min, max }) => {
            format!("unit '{}': total {} is outside the scale {}–{}", unit.0, n(*score), n(*min), n(*max))
        }
        (Lang::Vi, ComponentCount { unit, expected, found }) => {
            format!("đơn vị '{}': có {found} giá trị chỉ số thành phần, bộ chỉ số có {expected}", unit.0)
        }
        (Lang::En, ComponentCount { unit, expected, found }) => {
            format!("unit '{}': {found} sub-index values given, the index has {expected}", unit.0)
        }
        (Lang::Vi, ComponentOutOfRange { unit, component: c, value, min, max }) => format!(
            "đơn vị '{}': chỉ số thành phần '{c}' = {} nằm ngoài khoảng {}–{}",
            unit.0,
            n(*value),
            n(*min),
            n(*max)
        ),
        (Lang::En, ComponentOutOfRange { unit, component: c, value, min, max }) => {
            format!("unit '{}': sub-index '{c}' value {} is outside {}–{}", unit.0, n(*value), n(*min), n(*max))
        }
        (Lang::Vi, MissingComponent { unit, component: c }) => {
            format!("đơn vị '{}': chỉ số thành phần '{c}' chưa được công bố; hãy nhập một giá trị để tính lại", unit.0)
        }
        (Lang::En, MissingComponent { unit, component: c }) => {
            format!("unit '{}': sub-index '{c}' was not published; give a value to rescore", unit.0)
        }
        (Lang::Vi, NoWeights { unit }) => {
            format!("đơn vị '{}': năm này không có trọng số để tính điểm từ các chỉ số thành phần", unit.0)
        }
        (Lang::En, NoWeights { unit }) => {
            format!("unit '{}': sub-indices cannot be scored without weights for the year", unit.0)
        }
        (Lang::Vi, WeightCount { expected, found }) => {
            format!("có {found} trọng số, bộ chỉ số có {expected} chỉ số thành phần")
        }
        (Lang::En, WeightCount { expected, found }) => {
            format!("{found} weights given, the index has {expected} sub-indices")
        }
        (Lang::Vi, InvalidWeight { component: c, share }) => {
            format!("trọng số {} của chỉ số thành phần '{c}' phải là số không âm", n(*share))
        }
        (Lang::En, InvalidWeight { component: c, share }) => {
            format!("weight {} of sub-index '{c}' must be a number ≥ 0", n(*share))
        }
        (Lang::Vi, WeightsSumToZero) => "tổng trọng số bằng 0".to_string(),
        (Lang::En, WeightsSumToZero) => "the weights add up to 0".to_string(),
    }
}

/// Why "what would it take" has no answer.
pub fn gain_error(e: &GainError, lang: Lang) -> String {
    use GainError::*;
    match (lang, e) {
        (_, Scenario(e)) => scenario_error(e, lang),
        (_, UnknownUnit(u)) => unknown_unit(&u.0, lang),
        (Lang::Vi, NoScore(u)) => format!("đơn vị '{}' chưa có điểm, nên không tính được mức cần tăng", u.0),
        (Lang::En, NoScore(u)) => format!("unit '{}' has no known score, so no gain can be measured from it", u.0),
        (Lang::Vi, TargetRankZero) => "hạng mục tiêu phải từ 1 trở lên".to_string(),
        (Lang::En, TargetRankZero) => "the target rank must be at least 1".to_string(),
        (Lang::Vi, ScenarioOnPartialBlock) => {
            "khối chưa được công bố điểm đầy đủ: chỉ được thay đổi đơn vị đang xem".to_string()
        }
        (Lang::En, ScenarioOnPartialBlock) => {
            "in a partly published block only the unit asked about may be changed".to_string()
        }
        (Lang::Vi, NoWeights) => "năm này không có trọng số để tính điểm từ các chỉ số thành phần".to_string(),
        (Lang::En, NoWeights) => "the year has no weights to score sub-indices with".to_string(),
        (Lang::Vi, MissingComponent { unit, component: c }) => {
            format!("đơn vị '{}': không có chỉ số thành phần '{c}'", unit.0)
        }
        (Lang::En, MissingComponent { unit, component: c }) => format!("unit '{}': sub-index '{c}' is unknown", unit.0),
        (Lang::Vi, TotalOverridden(u)) => {
            format!("đơn vị '{}': điểm tổng đã được giả định, nên không tính qua các chỉ số thành phần được", u.0)
        }
        (Lang::En, TotalOverridden(u)) => {
            format!("unit '{}': its total was changed, so its sub-indices no longer apply", u.0)
        }
        (Lang::Vi, LowerIsBetter) => "chỉ tính được qua các chỉ số thành phần khi điểm càng cao càng tốt".to_string(),
        (Lang::En, LowerIsBetter) => "the sub-index answer needs an index where a higher score is better".to_string(),
    }
}

/// Why a score cannot be taken apart.
#[allow(dead_code, reason = "no view shows it yet: the what-if view leaves out what it cannot work out")]
pub fn explain_error(e: &ExplainError, lang: Lang) -> String {
    use ExplainError::*;
    match (lang, e) {
        (_, Scenario(e)) => scenario_error(e, lang),
        (_, UnknownUnit(u)) => unknown_unit(&u.0, lang),
        (Lang::Vi, NoWeights) => "năm này không có trọng số để chia điểm".to_string(),
        (Lang::En, NoWeights) => "the year has no weights to split the score with".to_string(),
        (Lang::Vi, MissingComponent { unit, component: c }) => {
            format!("đơn vị '{}': không có chỉ số thành phần '{c}'", unit.0)
        }
        (Lang::En, MissingComponent { unit, component: c }) => format!("unit '{}': sub-index '{c}' is unknown", unit.0),
        (Lang::Vi, TotalOverridden(u)) => format!(
            "đơn vị '{}': điểm tổng đã được giả định, các chỉ số thành phần không còn giải thích được điểm",
            u.0
        ),
        (Lang::En, TotalOverridden(u)) => {
            format!("unit '{}': its total was changed, so its sub-indices no longer explain it", u.0)
        }
    }
}

/// Why a block cannot be laid out.
#[allow(dead_code, reason = "no view shows it yet: the what-if view leaves out what it cannot work out")]
pub fn matrix_error(e: &MatrixError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::Vi, MatrixError::UnknownGroup(g)) => format!("không có khối '{}'", g.0),
        (Lang::En, MatrixError::UnknownGroup(g)) => format!("there is no block '{}'", g.0),
        (Lang::Vi, MatrixError::NoRecords { group, year }) => format!("khối '{}' không có số liệu năm {year}", group.0),
        (Lang::En, MatrixError::NoRecords { group, year }) => format!("block '{}' has no records in {year}", group.0),
    }
}

/// Why a rank interval cannot be worked out.
#[allow(dead_code, reason = "no view shows it yet: the what-if view leaves out what it cannot work out")]
pub fn interval_error(e: &IntervalError, lang: Lang) -> String {
    use IntervalError::*;
    let n = |x: f64| format::exact(x, lang);
    match (lang, e) {
        (_, Matrix(e)) => matrix_error(e, lang),
        (_, UnknownUnit(u)) => unknown_unit(&u.0, lang),
        (Lang::Vi, NoSuchUnitIdx { unit_idx }) => format!("khối không có đơn vị số {unit_idx}"),
        (Lang::En, NoSuchUnitIdx { unit_idx }) => format!("the block has no unit #{unit_idx}"),
        (Lang::Vi, ScoreOutOfRange { score, min, max }) => {
            format!("điểm {} nằm ngoài thang điểm {}–{}", n(*score), n(*min), n(*max))
        }
        (Lang::En, ScoreOutOfRange { score, min, max }) => {
            format!("score {} is outside the scale {}–{}", n(*score), n(*min), n(*max))
        }
    }
}

/// Why the robustness view cannot work out ranks under other weights.
pub fn sensitivity_error(e: &SensitivityError, lang: Lang) -> String {
    use SensitivityError::*;
    let n = |x: f64| format::exact(x, lang);
    let max = format::integer(MAX_UNITS as u64, lang);
    match (lang, e) {
        (_, Scenario(e)) => scenario_error(e, lang),
        (_, UnknownUnit(u)) => unknown_unit(&u.0, lang),
        (Lang::Vi, NoWeights) => "khối không có trọng số để thay đổi".to_string(),
        (Lang::En, NoWeights) => "the block has no weights to vary".to_string(),
        (Lang::Vi, IncompleteBlock) => {
            "khối chưa được công bố điểm đầy đủ, nên không tính được thứ hạng khi trọng số thay đổi".to_string()
        }
        (Lang::En, IncompleteBlock) => {
            "the block is not completely published, so ranks under other weights cannot be computed".to_string()
        }
        (Lang::Vi, TooManyUnits(units)) => {
            format!("khối có {} đơn vị; phân tích độ vững chỉ xử lý tối đa {max}", format::integer(*units as u64, lang))
        }
        (Lang::En, TooManyUnits(units)) => format!(
            "the block has {} units; the robustness view handles at most {max}",
            format::integer(*units as u64, lang)
        ),
        (Lang::Vi, ZeroDraws) => "cần ít nhất một lần rút trọng số".to_string(),
        (Lang::En, ZeroDraws) => "at least one weight draw is needed".to_string(),
        (Lang::Vi, InvalidConcentration(c)) => {
            format!("độ tập trung {} phải là số dương (hoặc vô cùng khi không có bất định)", n(*c))
        }
        (Lang::En, InvalidConcentration(c)) => {
            format!("concentration {} must be a number > 0 (or infinity for no spread)", n(*c))
        }
        (Lang::Vi, ZeroTopK) => "nhóm đứng đầu phải có ít nhất 1 đơn vị".to_string(),
        (Lang::En, ZeroTopK) => "the top must hold at least 1 unit".to_string(),
        (Lang::Vi, WeightBoundCount { expected, found }) => {
            format!("có {found} giới hạn trọng số, bộ chỉ số có {expected} chỉ số thành phần")
        }
        (Lang::En, WeightBoundCount { expected, found }) => {
            format!("{found} weight bounds given, the index has {expected} sub-indices")
        }
        (Lang::Vi, InvalidWeightBound { component: c, lo, hi }) => {
            format!("giới hạn {}–{} của chỉ số thành phần '{c}' phải thoả 0 ≤ dưới ≤ trên ≤ 1", n(*lo), n(*hi))
        }
        (Lang::En, InvalidWeightBound { component: c, lo, hi }) => {
            format!("bounds {}–{} of sub-index '{c}' must satisfy 0 ≤ lower ≤ upper ≤ 1", n(*lo), n(*hi))
        }
        (Lang::Vi, InfeasibleWeightBounds { sum_lo, sum_hi }) => format!(
            "không có bộ trọng số nào trong khoảng có tổng bằng 1 (tổng cận dưới {}, cận trên {})",
            n(*sum_lo),
            n(*sum_hi)
        ),
        (Lang::En, InfeasibleWeightBounds { sum_lo, sum_hi }) => {
            format!("no weights in the box add up to 1 (lower shares sum to {}, upper to {})", n(*sum_lo), n(*sum_hi))
        }
    }
}
