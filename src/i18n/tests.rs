//! The wording of engine values, natively (`cargo test -p chiso`): every reader-facing text is
//! worded here in both languages, never by an engine `Display`.

use chiso_engine::dataset::{Dataset, LoadError, ProblemKind, UnitId};
use chiso_engine::format::Lang::{self, En, Vi};
use chiso_engine::gain::GainError;
use chiso_engine::rank::{RankOrigin, RankPos};
use chiso_engine::scenario::ScenarioError;
use chiso_engine::sensitivity::SensitivityError;
use chiso_engine::view_state::{ParamProblem, ParamWarning};

use super::*;
use crate::load::LoadFailure;

// The engine's validation fixtures, loaded as the page loads them.
#[test]
fn a_validation_problem_names_its_path_in_both_languages() {
    let json = include_str!("../../crates/engine/tests/fixtures/validation/score_above_max.json");
    let Err(LoadError::Invalid(problems)) = Dataset::from_json(json) else { panic!("the fixture must be invalid") };
    let lines = |lang| problems.iter().map(|p| problem_text(p, lang)).collect::<Vec<_>>();
    let vi = lines(Vi);
    assert_eq!(vi, ["groups[1].units[3].observations[0].score: 104,2 vượt quá điểm tối đa 100"]);
    assert_eq!(lines(En), ["groups[1].units[3].observations[0].score: 104.2 is above the scale maximum 100"]);

    let failure = LoadFailure::Invalid { url: "data/x.json".into(), problems };
    let details = failure_details(&failure, Vi);
    assert!(!details.untranslated, "validation problems are worded, not marked as English");
    assert_eq!(details.lines, vi);
    let text = load_failure(&failure, Vi);
    assert_eq!(
        (text.headline, text.explanation.as_str()),
        (msg(Vi).error_invalid, "Tệp vi phạm 1 quy tắc của định dạng dữ liệu.")
    );
}

#[test]
fn the_browsers_own_words_stay_marked_as_english() {
    let failure = LoadFailure::Network { url: "data/x.json".into(), detail: "TypeError: Failed to fetch".into() };
    let details = failure_details(&failure, Vi);
    assert!(details.untranslated);
    assert_eq!(details.lines, ["TypeError: Failed to fetch"]);
}

#[test]
fn data_warnings_are_worded() {
    let json = include_str!("../../crates/engine/tests/fixtures/validation/weights_not_100.json");
    let Ok((_, warnings)) = Dataset::from_json(json) else { panic!("the fixture must load") };
    let Some(w) = warnings.first() else { panic!("the fixture must warn") };
    let vi = data_warning(w, Vi);
    assert!(vi.starts_with(&format!("{}: tổng trọng số là ", w.path)), "{vi}");
    assert_ne!(vi, w.to_string());
    assert_ne!(data_warning(w, En), w.to_string(), "the engine's log text is not the reader's");
}

#[test]
fn every_problem_kind_reads_differently_in_each_language() {
    let kinds = [
        ProblemKind::BadId("Dong-Da".into()),
        ProblemKind::NotANumber(f64::NAN),
        ProblemKind::BelowMin { value: -0.5, min: 0.0 },
        ProblemKind::BlockTooLarge { max: 1_000_000 },
        ProblemKind::TooManyRecords { year: 2023, n_records: 31, unit_count: 30 },
    ];
    for kind in &kinds {
        assert_ne!(problem_kind(kind, Vi), problem_kind(kind, En), "{kind:?}");
    }
    assert_eq!(problem_kind(&ProblemKind::BelowMin { value: -0.5, min: 0.0 }, Vi), "−0,5 thấp hơn điểm tối thiểu 0");
    assert_eq!(
        problem_kind(&ProblemKind::BlockTooLarge { max: 1_000_000 }, Vi),
        "không hỗ trợ khối có hơn 1.000.000 đơn vị"
    );
}

#[test]
fn engine_errors_are_worded_from_their_fields() {
    let unit = UnitId("dong-da".into());
    let e = ScenarioError::TotalOutOfRange { unit: unit.clone(), score: 104.5, min: 0.0, max: 100.0 };
    assert_eq!(scenario_error(&e, Vi), "đơn vị 'dong-da': điểm tổng 104,5 nằm ngoài thang điểm 0–100");
    assert_eq!(scenario_error(&e, En), "unit 'dong-da': total 104.5 is outside the scale 0–100");
    // Wrapped scenario errors read the same as the scenario's own.
    assert_eq!(gain_error(&GainError::Scenario(e.clone()), Vi), scenario_error(&e, Vi));
    assert_eq!(sensitivity_error(&SensitivityError::Scenario(e.clone()), En), scenario_error(&e, En));
    assert_eq!(
        sensitivity_error(&SensitivityError::TooManyUnits(12_345), Vi),
        "khối có 12.345 đơn vị; phân tích độ vững chỉ xử lý tối đa 2.000"
    );
    let samples: [(String, String, String); 3] = [
        (
            gain_error(&GainError::TargetRankZero, Vi),
            gain_error(&GainError::TargetRankZero, En),
            GainError::TargetRankZero.to_string(),
        ),
        (
            sensitivity_error(&SensitivityError::IncompleteBlock, Vi),
            sensitivity_error(&SensitivityError::IncompleteBlock, En),
            SensitivityError::IncompleteBlock.to_string(),
        ),
        (scenario_error(&e, Vi), scenario_error(&e, En), e.to_string()),
    ];
    for (vi, en, display) in samples {
        assert_ne!(vi, en);
        assert_ne!(vi, display, "Vietnamese readers never get the engine's English");
    }
}

#[test]
fn url_problems_are_worded_in_english_too() {
    let w =
        ParamWarning { param: "top".into(), raw: "0".into(), reason: ParamProblem::OutOfRange { min: 1, max: 10_000 } };
    assert_eq!(param_warning(&w, Vi), "top=0: ngoài khoảng 1–10000");
    assert_eq!(param_warning(&w, En), "top=0: outside 1–10000");
}

#[test]
fn every_built_in_dataset_has_a_name_in_each_language() {
    for d in chiso_engine::datasets::BUILTIN {
        let (vi, en) = (dataset_label(d.id, Vi), dataset_label(d.id, En));
        assert!(vi != "?" && en != "?" && vi != en, "{}: {vi} / {en}", d.id);
    }
}

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
