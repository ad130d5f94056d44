//! Gain to rank k, worked by hand on tiny blocks and on Hanoi's departments; properties on
//! random blocks: the answer reaches rank k, and a hair less does not.

mod support;

use std::collections::BTreeMap;

use chiso_engine::dataset::{GroupId, UnitId};
use chiso_engine::gain::{gain, Gain, GainAnswer, GainError, GainQuery, ImpossibleReason, Lever, RankCertainty};
use chiso_engine::interval::rank_interval_in;
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::scenario::{evaluate, Override, Scenario, WeightChoice};
use proptest::prelude::*;
use support::{complete_block_with_components, f2, matrix, s2, BlockSpec, UnitSpec};

fn render(r: Result<GainAnswer, GainError>) -> String {
    let a = match r {
        Ok(a) => a,
        Err(e) => return format!("error: {e}"),
    };
    let certainty = match a.certainty {
        RankCertainty::Exact => "exact",
        RankCertainty::WorstCase => "worst-case",
    };
    let what = match a.gain {
        Gain::AlreadyThere => "already there".to_owned(),
        Gain::Needed { delta, new_score, component_increases } => {
            let mut s = format!("needs {} -> {}", s2(delta), f2(new_score));
            for c in component_increases {
                s += &format!(" {}{}->{}", c.component_id, s2(c.increase), f2(c.new_value));
            }
            s
        }
        Gain::Impossible { reason: ImpossibleReason::BlockSizeUnknown } => "impossible: block size unknown".to_owned(),
        Gain::Impossible { reason: ImpossibleReason::ComponentsAtMax { needed_score, max_score } } => {
            format!("impossible: needs {} but at most {}", f2(needed_score), f2(max_score))
        }
    };
    format!("{certainty} from {}: {what}", f2(a.current_score))
}

fn check_with(m: &BlockMatrix, scenario: &Scenario, unit: &str, k: u32, lever: Lever, expected: &str) {
    let q = GainQuery { unit: UnitId(unit.to_owned()), target_rank_1_based: k, lever };
    assert_eq!(render(gain(m, scenario, &q)), expected, "{unit} to rank {k} by {lever:?}");
}

/// Gain of `unit` to rank `k` in `fixture`'s block under the edition's weights.
fn check(fixture: &str, group: &str, year: i32, unit: &str, k: u32, lever: Lever, expected: &str) {
    let m = matrix(fixture, group, year);
    check_with(&m, &Scenario::baseline(GroupId(group.to_owned()), year), unit, k, lever, expected);
}

#[test]
fn totals_in_a_complete_block() {
    // 78, 67, 61, 50. Đà Nẵng (50) to 2nd: reach Bình Định's 67 (a tie shares 2nd): +17.
    check("whatif/pci_mini", "provinces", 2023, "d", 2, Lever::Total, "exact from 50.00: needs +17.00 -> 67.00");
    check("whatif/pci_mini", "provinces", 2023, "d", 1, Lever::Total, "exact from 50.00: needs +28.00 -> 78.00");
    check("whatif/pci_mini", "provinces", 2023, "d", 4, Lever::Total, "exact from 50.00: already there");
    check("whatif/pci_mini", "provinces", 2023, "a", 1, Lever::Total, "exact from 78.00: already there");
    // A target beyond the block is trivially met.
    check("whatif/pci_mini", "provinces", 2023, "d", 9, Lever::Total, "exact from 50.00: already there");
}

#[test]
fn cheapest_components_in_a_complete_block() {
    // Weights 50/30/20 on components of max 10: a point of a, b, c is worth 5, 3, 2 points.
    // Đà Nẵng (5, 5, 5) needs +17: all from a (5 per point): 3.4 points -> a 8.4.
    check(
        "whatif/pci_mini",
        "provinces",
        2023,
        "d",
        2,
        Lever::Components,
        "exact from 50.00: needs +17.00 -> 67.00 a+3.40->8.40",
    );
    // +28: a to its max 10 (+5 points = 25), then b +1 (3): a+5, b+1.
    check(
        "whatif/pci_mini",
        "provinces",
        2023,
        "d",
        1,
        Lever::Components,
        "exact from 50.00: needs +28.00 -> 78.00 a+5.00->10.00 b+1.00->6.00",
    );
    // Cà Mau (9, 4, 2) to 1st: +17. a has 1 point of room (5), then b: 12 / 3 = 4 points.
    check(
        "whatif/pci_mini",
        "provinces",
        2023,
        "c",
        1,
        Lever::Components,
        "exact from 61.00: needs +17.00 -> 78.00 a+1.00->10.00 b+4.00->8.00",
    );
}

#[test]
fn other_weights_change_the_gain() {
    // Equal weights: 80, 66.67, 50, 50. Cà Mau (=3rd) to 2nd needs 66.67: +16.67 from 50.
    let m = matrix("whatif/pci_mini", "provinces", 2023);
    let equal = Scenario { weights: WeightChoice::Equal, ..Scenario::baseline(GroupId("provinces".into()), 2023) };
    check_with(&m, &equal, "c", 2, Lever::Total, "exact from 50.00: needs +16.67 -> 66.67");
    // Every point is worth 10/3 now, so the fill is in component order: a has 1 point (3.33),
    // then b: 13.33 / 3.33 = 4 points.
    check_with(
        &m,
        &equal,
        "c",
        2,
        Lever::Components,
        "exact from 50.00: needs +16.67 -> 66.67 a+1.00->10.00 b+4.00->8.00",
    );
    // Đà Nẵng ties Cà Mau at 50: already =3rd.
    check_with(&m, &equal, "d", 3, Lever::Total, "exact from 50.00: already there");
}

#[test]
fn components_cannot_beat_the_unexplained_part() {
    // Xuân Lộc published 49.5 with (5, 5) = 50: 0.5 below its composite. Tân Phú's 99.8 cannot
    // be reached: even (10, 10) gives 100 − 0.5 = 99.5. The total lever has no such limit.
    check(
        "whatif/residual",
        "g",
        2023,
        "x",
        1,
        Lever::Components,
        "exact from 49.50: impossible: needs 99.80 but at most 99.50",
    );
    check("whatif/residual", "g", 2023, "x", 1, Lever::Total, "exact from 49.50: needs +50.30 -> 99.80");
    // Minh Long's 70 needs +20.5: equal worth (5 per point), so component order: a +4.1.
    check(
        "whatif/residual",
        "g",
        2023,
        "x",
        2,
        Lever::Components,
        "exact from 49.50: needs +20.50 -> 70.00 a+4.10->9.10",
    );
}

#[test]
fn partial_block_worst_case() {
    // 10 units: a 1st 95, b 2nd 90, c 5th (no score), d last 80, e 88 (no rank), f, g, 3
    // unnamed. For Mỹ Đức (d) to be 3rd *for sure*, nobody unknown may be above: every unknown
    // lies below 90 (b's score), so 90 gives worst rank 2 (tie with b); 88 leaves 8 above.
    check("partial_block", "partial", 2023, "d", 3, Lever::Total, "worst-case from 80.00: needs +10.00 -> 90.00");
    check("partial_block", "partial", 2023, "d", 1, Lever::Total, "worst-case from 80.00: needs +15.00 -> 95.00");
    check("partial_block", "partial", 2023, "d", 10, Lever::Total, "worst-case from 80.00: already there");
    // The rank-only unit has no score to start from.
    check("partial_block", "partial", 2023, "c", 1, Lever::Total, "error: unit 'c' has no known score");
    // Unknown block size: no score is enough for sure.
    check(
        "partial_block",
        "unsized",
        2023,
        "z",
        1,
        Lever::Total,
        "worst-case from 72.00: impossible: block size unknown",
    );
}

#[test]
fn partial_block_components() {
    // pci_mini "partial": e 1st 70, f 2nd (no score), Hà Giang (g) computed 50 from (5, 5, 5),
    // Kon Tum unknown. f and Kon Tum may be anywhere below 70, so only 70 makes g 2nd — or 1st
    // — for sure: +20, all on a (5 per point): a+4.
    check(
        "whatif/pci_mini",
        "partial",
        2023,
        "g",
        2,
        Lever::Components,
        "worst-case from 50.00: needs +20.00 -> 70.00 a+4.00->9.00",
    );
    check("whatif/pci_mini", "partial", 2023, "g", 4, Lever::Components, "worst-case from 50.00: already there");
}

#[test]
fn hanoi_thanh_tra_to_the_top_5() {
    // Thanh tra (63.96, last of 22) is 5th for sure at 93.42 (ties Văn phòng UBND; every
    // unknown unit is below 93.42): +29.46. First for sure: Sở Nội vụ's 94.25, +30.29.
    let json = include_str!("../../../public/data/hanoi-cchc.json");
    let ds = chiso_engine::dataset::Dataset::from_json(json).expect("loads").0;
    let m = BlockMatrix::new(&ds, &GroupId("departments".into()), 2023).expect("block");
    let base = Scenario::baseline(GroupId("departments".into()), 2023);
    check_with(&m, &base, "thanh-tra-thanh-pho", 5, Lever::Total, "worst-case from 63.96: needs +29.46 -> 93.42");
    check_with(&m, &base, "thanh-tra-thanh-pho", 1, Lever::Total, "worst-case from 63.96: needs +30.29 -> 94.25");
    // Top 11 for sure: 89.58 (ties Sở TT&TT, 11th; the 5 at 6–10 are above, the rest below).
    check_with(&m, &base, "thanh-tra-thanh-pho", 11, Lever::Total, "worst-case from 63.96: needs +25.62 -> 89.58");
}

#[test]
fn errors() {
    check("whatif/pci_mini", "provinces", 2023, "d", 0, Lever::Total, "error: the target rank must be at least 1");
    check(
        "whatif/pci_mini",
        "provinces",
        2023,
        "zz",
        1,
        Lever::Total,
        "error: unit 'zz' is not in this block this year",
    );
    check(
        "partial_block",
        "partial",
        2023,
        "d",
        1,
        Lever::Components,
        "error: the year has no weights to score components with",
    );
    check("whatif/two_criteria", "g", 2023, "d", 1, Lever::Components, "error: unit 'd': component 'p' is unknown");
    let m = matrix("whatif/pci_mini", "provinces", 2023);
    let overridden = Scenario {
        overrides: BTreeMap::from([(UnitId("d".into()), Override::Total(55.0))]),
        ..Scenario::baseline(GroupId("provinces".into()), 2023)
    };
    check_with(
        &m,
        &overridden,
        "d",
        1,
        Lever::Components,
        "error: unit 'd': its total was overridden; the components lever does not apply",
    );
    // In a partial block only the unit asked about may change.
    let m = matrix("partial_block", "partial", 2023);
    let others = Scenario {
        overrides: BTreeMap::from([(UnitId("a".into()), Override::Total(50.0))]),
        ..Scenario::baseline(GroupId("partial".into()), 2023)
    };
    check_with(
        &m,
        &others,
        "d",
        1,
        Lever::Total,
        "error: in a partially published block only the unit asked about may be changed",
    );
    let own = Scenario {
        overrides: BTreeMap::from([(UnitId("d".into()), Override::Total(85.0))]),
        ..Scenario::baseline(GroupId("partial".into()), 2023)
    };
    check_with(&m, &own, "d", 3, Lever::Total, "worst-case from 85.00: needs +5.00 -> 90.00");
}

/// The scenario rank of `unit` with `overrides` under `weights`.
fn rank_with(m: &BlockMatrix, weights: &WeightChoice, unit: &UnitId, ov: Override) -> u32 {
    let s = Scenario {
        group: GroupId("g".into()),
        year: 2023,
        weights: weights.clone(),
        overrides: BTreeMap::from([(unit.clone(), ov)]),
    };
    evaluate(m, &s).expect("evaluates").row(unit).and_then(|r| r.rank_1_based).expect("ranked")
}

/// A hair: well above `TIE_EPSILON`, well below the grid steps of the generated scores.
const HAIR: f64 = 1e-6;

proptest! {
    #[test]
    fn the_gain_reaches_rank_k_and_a_hair_less_does_not(
        spec in complete_block_with_components(),
        idx in any::<prop::sample::Index>(),
        k in 1u32..=8,
        equal in any::<bool>(),
    ) {
        let m = spec.matrix();
        let unit = m.units().get(idx.index(m.n_units())).expect("unit").id.clone();
        let weights = if equal { WeightChoice::Equal } else { WeightChoice::Edition };
        let scenario = Scenario { group: GroupId("g".into()), year: 2023, weights: weights.clone(), overrides: BTreeMap::new() };
        let q = GainQuery { unit: unit.clone(), target_rank_1_based: k, lever: Lever::Total };
        let answer = gain(&m, &scenario, &q).expect("answers");
        prop_assert_eq!(answer.certainty, RankCertainty::Exact);
        match &answer.gain {
            Gain::AlreadyThere => {
                prop_assert!(rank_with(&m, &weights, &unit, Override::Total(answer.current_score)) <= k);
            }
            &Gain::Needed { delta, new_score, .. } => {
                prop_assert!(delta.abs() > 0.0);
                prop_assert!(rank_with(&m, &weights, &unit, Override::Total(new_score)) <= k);
                let short = if spec.higher_is_better { new_score - HAIR } else { new_score + HAIR };
                prop_assert!(rank_with(&m, &weights, &unit, Override::Total(short)) > k);
            }
            Gain::Impossible { reason } => prop_assert!(false, "impossible: {:?}", reason),
        }
        // The components lever (higher-is-better indices only) lands on the same score, and
        // applying its increases reaches rank k.
        if spec.higher_is_better {
            let qc = GainQuery { lever: Lever::Components, ..q };
            let answer_c = gain(&m, &scenario, &qc).expect("answers");
            match (answer.gain.clone(), answer_c.gain) {
                (Gain::AlreadyThere, g) => prop_assert_eq!(g, Gain::AlreadyThere),
                (Gain::Needed { new_score, .. }, Gain::Needed { new_score: nc, component_increases, .. }) => {
                    prop_assert_eq!(new_score, nc);
                    let ui = m.unit_idx(&unit).expect("unit");
                    let mut values: Vec<Option<f64>> = m.unit_values(ui).expect("values").iter().map(|&v| Some(v)).collect();
                    let mut points = 0.0;
                    for inc in &component_increases {
                        prop_assert!(inc.increase > 0.0);
                        points += inc.increase;
                        if let Some(slot) = values.get_mut(inc.component_idx) {
                            *slot = Some(inc.new_value);
                        }
                    }
                    prop_assert!(points.is_finite());
                    prop_assert!(rank_with(&m, &weights, &unit, Override::Components(values)) <= k);
                }
                (Gain::Needed { .. }, Gain::Impossible { reason: ImpossibleReason::ComponentsAtMax { needed_score, max_score } }) => {
                    // Only when the unit's components at max cannot reach the score.
                    prop_assert!(max_score < needed_score);
                }
                (a, b) => prop_assert!(false, "total {:?} vs components {:?}", a, b),
            }
        }
    }

    /// In partial blocks, the answer makes the worst rank ≤ k, and a hair less does not.
    #[test]
    fn partial_gain_is_the_least_sure_score(
        truth in prop::collection::vec((0u32..=20).prop_map(|q| f64::from(q) * 5.0), 2..12),
        hidden in prop::collection::vec(any::<bool>(), 12),
        x_pick in any::<prop::sample::Index>(),
        k in 1u32..=12,
    ) {
        let n = truth.len();
        let x = x_pick.index(n);
        let ranks = chiso_engine::rank::competition_ranks(&truth, true);
        let units: Vec<UnitSpec> = truth
            .iter()
            .zip(&ranks)
            .enumerate()
            .map(|(i, (&score, &rank))| {
                let hide = i != x && hidden.get(i).copied().unwrap_or(false);
                UnitSpec { score: (!hide).then_some(score), rank: Some(rank), components: Vec::new() }
            })
            .collect();
        let spec = BlockSpec { scale_max: 100.0, higher_is_better: true, weights: Vec::new(), unit_count: Some(u32::try_from(n).unwrap_or(0)), units };
        let m = spec.matrix();
        let unit = m.units().get(x).expect("unit").id.clone();
        let q = GainQuery { unit, target_rank_1_based: k, lever: Lever::Total };
        let answer = gain(&m, &Scenario::baseline(GroupId("g".into()), 2023), &q).expect("answers");
        let worst = |s: f64| rank_interval_in(&m, x, s).expect("interval").worst_1_based.expect("sized");
        match answer.gain {
            Gain::AlreadyThere => prop_assert!(worst(answer.current_score) <= k),
            Gain::Needed { new_score, .. } => {
                prop_assert!(worst(new_score) <= k);
                prop_assert!(worst(new_score - HAIR) > k);
            }
            Gain::Impossible { reason } => prop_assert!(false, "impossible: {:?}", reason),
        }
    }
}
