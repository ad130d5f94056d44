//! Shared by the what-if test files: loading fixtures, rendering numbers, and building random
//! blocks for property tests as dataset JSON (so they pass through the same validation as files).

#![allow(dead_code)] // Each test file uses its own subset.

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::matrix::BlockMatrix;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Load `tests/fixtures/{fixture}.json`; it must load without warnings.
pub fn load(fixture: &str) -> Dataset {
    let path = format!("{}/tests/fixtures/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (ds, warnings) = Dataset::from_json(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(warnings.is_empty(), "{path}: unexpected warnings {warnings:?}");
    ds
}

/// The block of `group` in `year` of a fixture.
pub fn matrix(fixture: &str, group: &str, year: i32) -> BlockMatrix {
    let ds = load(fixture);
    BlockMatrix::new(&ds, &GroupId(group.to_owned()), year).unwrap_or_else(|e| panic!("{fixture}: {e}"))
}

/// A number with 2 decimals, without a "-0.00".
pub fn f2(x: f64) -> String {
    let s = format!("{x:.2}");
    if s == "-0.00" {
        "0.00".to_owned()
    } else {
        s
    }
}

/// `f2` with a sign.
pub fn s2(x: f64) -> String {
    let s = format!("{x:+.2}");
    if s == "-0.00" {
        "+0.00".to_owned()
    } else {
        s
    }
}

/// `-` for `None`.
pub fn opt<T: std::fmt::Display>(x: Option<T>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| x.to_string())
}

/// Compare a rendered multi-line result with an expected block (indentation and surrounding
/// blank lines ignored).
pub fn assert_lines(actual: &str, expected: &str, context: &str) {
    let expected: Vec<&str> = expected.trim().lines().map(str::trim).collect();
    assert_eq!(actual, expected.join("\n"), "{context}");
}

/// One unit of a generated block.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSpec {
    /// Published total.
    pub score: Option<f64>,
    /// Published position.
    pub rank: Option<u32>,
    /// Published components (must match the block's component count).
    pub components: Vec<Option<f64>>,
}

/// A generated block: one group `g` in 2023; component maxima 10, scale `0..=scale_max`.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockSpec {
    pub scale_max: f64,
    pub higher_is_better: bool,
    /// Edition weights in percent-like units (any positive total); empty for no components.
    pub weights: Vec<f64>,
    pub unit_count: Option<u32>,
    pub units: Vec<UnitSpec>,
}

impl BlockSpec {
    pub fn dataset(&self) -> Dataset {
        let comp_ids: Vec<String> = (0..self.weights.len()).map(|i| format!("c{i}")).collect();
        let components: Vec<Value> =
            comp_ids.iter().map(|id| json!({ "id": id, "name": { "vi": id }, "max": 10.0 })).collect();
        let units: Vec<Value> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mut obs = Map::new();
                obs.insert("year".into(), json!(2023));
                obs.insert("source".into(), json!("s1"));
                if let Some(s) = u.score {
                    obs.insert("score".into(), json!(s));
                }
                if let Some(r) = u.rank {
                    obs.insert("rank".into(), json!(r));
                }
                let comps: Map<String, Value> = comp_ids
                    .iter()
                    .zip(&u.components)
                    .filter_map(|(id, v)| v.map(|v| (id.clone(), json!(v))))
                    .collect();
                if !comps.is_empty() {
                    obs.insert("components".into(), Value::Object(comps));
                }
                json!({ "id": format!("u{i:02}"), "name": format!("Đơn vị {i}"), "kind": "huyen", "observations": [obs] })
            })
            .collect();
        let years = match self.unit_count {
            Some(n) => json!([{ "year": 2023, "unit_count": n }]),
            None => json!([]),
        };
        let group = json!({ "id": "g", "name": { "vi": "Khối" }, "years": years, "units": units });
        let (components, editions) = if self.weights.is_empty() {
            (json!([]), json!([]))
        } else {
            let weights: Map<String, Value> =
                comp_ids.iter().zip(&self.weights).map(|(id, w)| (id.clone(), json!(w))).collect();
            (Value::Array(components), json!([{ "year": 2023, "weights_pct": weights }]))
        };
        let file = json!({
            "schema_version": 1,
            "id": "generated",
            "index": {
                "name": { "vi": "Sinh ngẫu nhiên" },
                "short_name": { "vi": "Thử" },
                "publisher": { "vi": "Nhóm thử" },
                "scale": { "min": 0.0, "max": self.scale_max, "unit": "points" },
                "higher_is_better": self.higher_is_better,
                "components": components
            },
            "sources": [{ "id": "s1", "title": "Sinh ngẫu nhiên", "publisher": "Thử" }],
            "editions": editions,
            "groups": [group]
        });
        let (ds, _warnings) =
            Dataset::from_json(&file.to_string()).unwrap_or_else(|e| panic!("generated block: {e}\n{file}"));
        ds
    }

    pub fn matrix(&self) -> BlockMatrix {
        BlockMatrix::new(&self.dataset(), &GroupId("g".to_owned()), 2023).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// A component value on a half-point grid in `0..=10` (exact in binary).
pub fn component_value() -> impl Strategy<Value = f64> {
    (0u32..=20).prop_map(|h| f64::from(h) / 2.0)
}

/// A complete block with components: every unit has every component, no published total (all
/// scores are computed under the edition weights, whole numbers in `1..=5`).
pub fn complete_block_with_components() -> impl Strategy<Value = BlockSpec> {
    (1usize..=4, 1usize..=8, any::<bool>())
        .prop_flat_map(|(n_comp, n_units, higher_is_better)| {
            (
                prop::collection::vec(1u32..=5, n_comp),
                prop::collection::vec(prop::collection::vec(component_value(), n_comp), n_units),
                Just(higher_is_better),
            )
        })
        .prop_map(|(weights, values, higher_is_better)| BlockSpec {
            scale_max: 100.0,
            higher_is_better,
            weights: weights.into_iter().map(f64::from).collect(),
            unit_count: Some(u32::try_from(values.len()).unwrap_or(u32::MAX)),
            units: values
                .into_iter()
                .map(|v| UnitSpec { score: None, rank: None, components: v.into_iter().map(Some).collect() })
                .collect(),
        })
}
