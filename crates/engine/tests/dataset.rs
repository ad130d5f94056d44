//! Dataset validation on tiny fixtures: each broken file in `tests/fixtures/validation/` breaks
//! one rule, and the error (or warning) must name the exact JSON path and the problem.

use chiso_engine::dataset::{Dataset, GroupId, LoadError, UnitId};
use chiso_engine::schema;

fn read(fixture: &str) -> String {
    let path = format!("{}/tests/fixtures/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `ok` and one `warning: ..` line per warning; or `error: ..` (the error's Display, which names
/// the first problem) and one `problem: ..` line for each further problem.
fn outcome(result: Result<(Dataset, Vec<chiso_engine::dataset::DataWarning>), LoadError>) -> String {
    match result {
        Ok((_, warnings)) => std::iter::once("ok".to_owned())
            .chain(warnings.iter().map(|w| format!("warning: {w}")))
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => {
            let rest = match &e {
                LoadError::Invalid(problems) => problems.iter().skip(1).map(|p| format!("\nproblem: {p}")).collect(),
                LoadError::Parse(_) | LoadError::Version { .. } => String::new(),
            };
            format!("error: {e}{rest}")
        }
    }
}

/// Load `fixtures/{fixture}.json` with `Dataset::from_json` and compare the outcome.
fn check(fixture: &str, expected: &str) {
    let actual = outcome(Dataset::from_json(&read(fixture)));
    let expected: Vec<&str> = expected.trim().lines().map(str::trim).collect();
    assert_eq!(actual, expected.join("\n"), "{fixture}");
}

#[test]
fn good_fixtures_load_without_warnings() {
    check("complete_tie", "ok");
    check("partial_block", "ok");
    check("two_years", "ok");
    check("lower_is_better", "ok");
}

#[test]
fn score_above_the_scale() {
    check(
        "validation/score_above_max",
        "error: the dataset has 1 error(s): groups[1].units[3].observations[0].score: 104.2 is above the scale maximum 100",
    );
}

#[test]
fn unknown_source_id() {
    check(
        "validation/unknown_source",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].source: source 's2' is not listed in `sources`",
    );
}

#[test]
fn duplicate_unit_id_across_groups() {
    // Unit ids are unique in the whole dataset (they go into URLs), not only within a block.
    check(
        "validation/duplicate_unit_id",
        "error: the dataset has 1 error(s): groups[1].units[0].id: unit id 'a' is used twice",
    );
}

#[test]
fn bad_id_characters() {
    check(
        "validation/bad_id",
        "error: the dataset has 1 error(s): groups[0].units[0].id: 'Dong-Da' is not a valid id (lower-case ASCII letters, digits, '-' or '_', at most 64)",
    );
}

#[test]
fn rank_beyond_the_block_size() {
    check(
        "validation/rank_beyond_count",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].rank: rank 4 is beyond the block's 3 units",
    );
}

#[test]
fn rank_zero() {
    check(
        "validation/rank_zero",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].rank: ranks start at 1",
    );
}

/// A rank is also a length somewhere (tie tables, intervals): an absurd one is refused, not
/// allocated.
#[test]
fn rank_too_large() {
    check(
        "validation/rank_too_large",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].rank: rank 4000000000 is beyond the largest supported block (1000000)",
    );
}

#[test]
fn unknown_component_key() {
    check(
        "validation/unknown_component",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].components.c9: 'c9' is not a component id",
    );
}

#[test]
fn component_above_its_maximum() {
    check(
        "validation/component_above_max",
        "error: the dataset has 1 error(s): groups[0].units[0].observations[0].components.c1: 50.5 is above the scale maximum 50",
    );
}

#[test]
fn weights_not_adding_to_100_are_a_warning() {
    check(
        "validation/weights_not_100",
        "
        ok
        warning: editions[0].weights_pct: weights add up to 40, not 100; they are used as shares
        ",
    );
    // 30 and 10 of 40 are shares 0.75 and 0.25 (exact in binary).
    let (ds, _) = Dataset::from_json(&read("validation/weights_not_100")).expect("loads");
    let shares = ds.edition(2023).and_then(|e| e.weight_shares.clone());
    assert_eq!(shares, Some(vec![0.75, 0.25]));
}

/// Regression: ranks and scores were compared only between neighbouring ranked units, so a
/// rank-only unit in between (rank 2, no score) hid 1st with 80 against 3rd with 90.
#[test]
fn rank_order_is_checked_across_a_rank_only_unit() {
    check(
        "validation/rank_order_gap",
        "
        ok
        warning: groups[0]: 2023: An is ranked 1 with 80 but Cường is ranked 3 with 90
        ",
    );
}

#[test]
fn unknown_schema_version() {
    check("validation/unknown_version", "error: schema_version 2 is not supported (this version of chiso reads 1)");
    // The same through `from_raw`, for callers that parse themselves.
    let raw = schema::parse(&read("validation/unknown_version")).expect("a v1-shaped file parses");
    assert_eq!(
        outcome(Dataset::from_raw(raw)),
        "error: schema_version 2 is not supported (this version of chiso reads 1)"
    );
}

/// Regression: a file of another version that does not parse as v1 (here a new top-level field)
/// was reported as "unknown field `regions`" instead of by its version.
#[test]
fn unknown_schema_version_with_new_fields() {
    check(
        "validation/unknown_version_new_field",
        "error: schema_version 2 is not supported (this version of chiso reads 1)",
    );
}

#[test]
fn malformed_json() {
    // Line 3 ends `"id": "malformed"` without a comma; serde stops at the `"` opening line 4.
    check("validation/malformed", "error: the file is not a valid dataset: expected `,` or `}` at line 4 column 3");
}

#[test]
fn lookups_on_a_loaded_dataset() {
    let (ds, _) = Dataset::from_json(&read("two_years")).expect("loads");
    let group = ds.group(&GroupId("t".to_owned())).expect("group t");
    assert_eq!(ds.group_years_desc(group), [2023, 2022, 2021]);
    assert_eq!(ds.years_desc(), [2023, 2022, 2021]);
    let ids: Vec<&str> = ds.group_units(group).map(|u| u.id.0.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let binh = ds.unit(&UnitId("b".to_owned())).expect("unit b");
    assert_eq!(binh.search_key, "binh");
    assert_eq!(binh.observations.get(&2023).and_then(|o| o.score), Some(86.5));
}
