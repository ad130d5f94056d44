//! Every Hanoi 2024 record and every PAR INDEX record of the committed files equals what
//! `../shared/data/hanoi/par_facts.json` publishes (score, rank, source), and each block's count
//! of scored and rank-only units per year equals par_facts'. Needs the shared folder: without it
//! the tests say so and check nothing (a clone without ../shared still passes).

use std::path::PathBuf;

use serde_json::Value;

/// par_facts.json, or `None` after saying why nothing is checked.
fn facts() -> Option<Value> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::var_os("CHISO_SHARED").map(PathBuf::from).unwrap_or_else(|| root.join("../shared"));
    let path = shared.join("data/hanoi/par_facts.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("SKIPPED: {} is not here, so this test has nothing to check", path.display());
        return None;
    };
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn committed(name: &str) -> Value {
    let path = format!("{}/../../public/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn dataset<'a>(facts: &'a Value, id: &str) -> &'a Value {
    list(facts, "datasets").iter().find(|d| str_of(d, "id") == id).unwrap_or_else(|| panic!("no dataset {id}"))
}

/// Names compared without full stops: par_facts writes "TP Hồ Chí Minh", the province table
/// "TP. Hồ Chí Minh".
fn same_name(a: &str, b: &str) -> bool {
    a.replace('.', "") == b.replace('.', "")
}

/// (score, rank, source) of `name`'s record in `year` in group `group` of a committed file.
fn record(file: &Value, group: &str, name: &str, year: i64) -> (Option<f64>, Option<u64>, String) {
    let g = list(file, "groups").iter().find(|g| str_of(g, "id") == group).unwrap_or_else(|| panic!("no {group}"));
    let unit = list(g, "units")
        .iter()
        .find(|u| same_name(str_of(u, "name"), name))
        .unwrap_or_else(|| panic!("{group}: no unit {name}"));
    let obs = list(unit, "observations")
        .iter()
        .find(|o| o.get("year").and_then(Value::as_i64) == Some(year))
        .unwrap_or_else(|| panic!("{name}: no {year} record"));
    (
        obs.get("score").and_then(Value::as_f64),
        obs.get("rank").and_then(Value::as_u64),
        str_of(obs, "source").to_string(),
    )
}

/// What par_facts publishes for a record: (score, rank, source).
fn published(rec: &Value) -> (Option<f64>, Option<u64>, String) {
    (
        rec.get("score_pct").and_then(Value::as_f64),
        rec.get("rank").and_then(Value::as_u64),
        str_of(rec, "source").to_string(),
    )
}

/// (scored, rank-only) among `records`, which are par_facts records or committed observations:
/// a score is `score_pct` or `score`.
fn counts<'a>(records: impl Iterator<Item = &'a Value>) -> (usize, usize) {
    let mut n = (0, 0);
    for r in records {
        let score = r.get("score_pct").or_else(|| r.get("score")).is_some_and(|s| !s.is_null());
        let rank = r.get("rank").is_some_and(|s| s.is_u64());
        if score {
            n.0 += 1;
        } else if rank {
            n.1 += 1;
        }
    }
    n
}

/// The observations of `year` in group `group` of a committed file.
fn observations<'a>(file: &'a Value, group: &str, year: i64) -> Vec<&'a Value> {
    list(file, "groups")
        .iter()
        .filter(|g| str_of(g, "id") == group)
        .flat_map(|g| list(g, "units"))
        .flat_map(|u| list(u, "observations"))
        .filter(|o| o.get("year").and_then(Value::as_i64) == Some(year))
        .collect()
}

/// Our group of a par_facts record's `block`.
fn group_of(block: &str) -> &'static str {
    match block {
        "Khối sở, cơ quan tương đương sở" => "departments",
        "Khối UBND quận, huyện, thị xã" => "districts",
        "Khối cơ quan Trung ương đóng trên địa bàn" => "central-agencies",
        "UBND tỉnh, thành phố trực thuộc Trung ương" => "provinces",
        "Bộ, cơ quan ngang bộ" => "ministries",
        other => panic!("unknown block {other}"),
    }
}

#[test]
fn hanoi_2024_records_are_as_published() {
    let Some(facts) = facts() else { return };
    let hanoi = committed("hanoi-cchc.json");
    let block = dataset(&facts, "hanoi_2024");
    let units = list(block, "units");
    assert_eq!(units.len(), 7, "par_facts' 2024 records");
    for rec in units {
        let group = group_of(str_of(rec, "block"));
        assert_eq!(record(&hanoi, group, str_of(rec, "name"), 2024), published(rec), "{}", str_of(rec, "name"));
    }
    // par_facts: "top-5 departments, top district, top central agency"; the block sizes.
    for (group, key, want) in [
        ("departments", "departments", (5, 0)),
        ("districts", "districts", (1, 0)),
        ("central-agencies", "central_agencies", (1, 0)),
    ] {
        let in_facts = counts(units.iter().filter(|r| group_of(str_of(r, "block")) == group));
        assert_eq!(in_facts, want, "{group} in par_facts");
        assert_eq!(counts(observations(&hanoi, group, 2024).into_iter()), want, "{group} committed");
        let size = block.pointer(&format!("/expected_unit_count/{key}")).and_then(Value::as_u64);
        assert_eq!(block_size(&hanoi, group, 2024), size, "{group}");
    }
    assert_eq!(block_size(&hanoi, "public-service-units", 2024), Some(22));
    assert!(observations(&hanoi, "public-service-units", 2024).is_empty(), "no public service unit is named");
}

/// The committed `unit_count` of a group in a year.
fn block_size(file: &Value, group: &str, year: i64) -> Option<u64> {
    list(file, "groups")
        .iter()
        .filter(|g| str_of(g, "id") == group)
        .flat_map(|g| list(g, "years"))
        .find(|y| y.get("year").and_then(Value::as_i64) == Some(year))
        .and_then(|y| y.get("unit_count"))
        .and_then(Value::as_u64)
}

const PAR_DATASETS: [&str; 5] = [
    "national_par_index_2021",
    "national_par_index_2022",
    "national_par_index_2023_provinces",
    "national_par_index_2023_ministries",
    "national_par_index_2024",
];

#[test]
fn par_index_records_are_as_published() {
    let Some(facts) = facts() else { return };
    let par = committed("par-index.json");
    let mut n = 0;
    for id in PAR_DATASETS {
        let block = dataset(&facts, id);
        let year = block.get("year").and_then(Value::as_i64).unwrap_or_default();
        for rec in list(block, "units") {
            let group = group_of(str_of(rec, "block"));
            assert_eq!(record(&par, group, str_of(rec, "name"), year), published(rec), "{id} {}", str_of(rec, "name"));
            n += 1;
        }
    }
    assert_eq!(n, 11 + 10 + 21 + 2 + 6, "every PAR INDEX record of par_facts was checked");
}

#[test]
fn par_index_coverage_per_year_is_par_facts() {
    let Some(facts) = facts() else { return };
    let par = committed("par-index.json");
    for id in PAR_DATASETS {
        let block = dataset(&facts, id);
        let year = block.get("year").and_then(Value::as_i64).unwrap_or_default();
        for group in ["provinces", "ministries"] {
            let in_facts = counts(list(block, "units").iter().filter(|r| group_of(str_of(r, "block")) == group));
            let committed_obs = observations(&par, group, year);
            // The 2023 provinces are counted in one dataset, the 2023 ministries in another.
            if year == 2023 && !id.ends_with(&format!("_{group}")) {
                continue;
            }
            assert_eq!(counts(committed_obs.into_iter()), in_facts, "{id} {group}");
        }
    }
    // par_facts' own figure for 2023: "15 of 63 with score, 5 more rank-only".
    let p2023 = dataset(&facts, "national_par_index_2023_provinces");
    assert_eq!(p2023.get("units_with_score").and_then(Value::as_u64), Some(15));
    assert!(str_of(p2023, "completeness").starts_with("partial: 15 of 63 with score, 5 more rank-only"));
    assert_eq!(counts(observations(&par, "provinces", 2023).into_iter()), (15, 5));
    assert_eq!(block_size(&par, "provinces", 2023), p2023.get("expected_unit_count").and_then(Value::as_u64));
    // Every province has a record every year (63 in each sourced block), none invented a score.
    for year in 2021..=2024 {
        assert_eq!(observations(&par, "provinces", year).len(), 63, "{year}");
    }
    assert_eq!(block_size(&par, "ministries", 2023), Some(17));
}
