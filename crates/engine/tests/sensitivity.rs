//! Weight sensitivity: rank distributions with facts worked by hand (dominance, symmetry, a unit
//! with only a total), proven rank bounds over weight boxes, and properties (no spread gives the
//! baseline, the same seed the same result, draws stay within the proven bounds).

mod support;

use chiso_engine::dataset::{GroupId, UnitId};
use chiso_engine::scenario::{evaluate, Scenario, WeightChoice};
use chiso_engine::sensitivity::{rank_bounds, simulate, SensitivityConfig, SensitivityResult};
use proptest::prelude::*;
use support::{complete_block_with_components, matrix};

fn cfg(n_draws: u32, concentration: f64, seed: u64, top_k: u32) -> SensitivityConfig {
    SensitivityConfig { n_draws, concentration, seed, top_k }
}

/// One line per row: `unit base=.. median=.. p05..p95 mean=.. p_top=..`.
fn render(r: &SensitivityResult) -> String {
    let mut out = format!(
        "draws={} top_k={} fixed={:?}",
        r.n_draws,
        r.top_k,
        r.fixed_units.iter().map(|u| u.0.as_str()).collect::<Vec<_>>()
    );
    for row in &r.rows {
        out += &format!(
            "\n{} base={} median={} p05..p95={}..{} mean={:.2} p_top={:.2}",
            row.unit_id.0,
            row.baseline_rank_1_based,
            row.median_rank_1_based,
            row.p05_rank_1_based,
            row.p95_rank_1_based,
            row.mean_rank,
            row.p_top_k
        );
    }
    out
}

fn check(fixture: &str, group: &str, year: i32, center: &WeightChoice, config: &SensitivityConfig, expected: &str) {
    let m = matrix(fixture, group, year);
    let actual = match simulate(&m, center, config) {
        Ok(r) => render(&r),
        Err(e) => format!("error: {e}"),
    };
    support::assert_lines(&actual, expected, fixture);
}

#[test]
fn no_spread_returns_the_baseline() {
    // two_criteria: A (10, 10), B (8, 2), C (2, 8), D total 5 only. Under 60/40: A 10, B 5.6,
    // D 5, C 4.4. Infinite concentration: every "draw" is the centre.
    check(
        "whatif/two_criteria",
        "g",
        2023,
        &WeightChoice::Edition,
        &cfg(100, f64::INFINITY, 1, 2),
        "
        draws=100 top_k=2 fixed=[\"d\"]
        a base=1 median=1 p05..p95=1..1 mean=1.00 p_top=1.00
        b base=2 median=2 p05..p95=2..2 mean=2.00 p_top=1.00
        d base=3 median=3 p05..p95=3..3 mean=3.00 p_top=0.00
        c base=4 median=4 p05..p95=4..4 mean=4.00 p_top=0.00
        ",
    );
}

#[test]
fn dominance_and_a_fixed_unit_hold_in_every_draw() {
    // With w = (p, 1 − p): B = 2 + 6p, C = 8 − 6p, D = 5, A = 10. A is 1st in every draw.
    // Exactly one of B, C is above 5 (B when p > ½), so D is 3rd in every draw, and B and C
    // share 2nd and 4th: p_top(2) of B and C add up to 1. Around equal weights the draws are
    // symmetric: each is 2nd about half the time (10 000 draws: ± 0.02 is 4 standard errors).
    let m = matrix("whatif/two_criteria", "g", 2023);
    let r = simulate(&m, &WeightChoice::Equal, &cfg(10_000, 4.0, 7, 2)).expect("simulates");
    let row = |id: &str| r.rows.iter().find(|row| row.unit_id.0 == id).expect("row");
    assert_eq!(row("a").rank_counts, vec![10_000, 0, 0, 0]);
    assert_eq!(row("d").rank_counts, vec![0, 0, 10_000, 0]);
    let (b, c) = (row("b"), row("c"));
    assert_eq!(b.rank_counts.get(1).copied().unwrap_or(0) + c.rank_counts.get(1).copied().unwrap_or(0), 10_000);
    assert_eq!(b.rank_counts.iter().sum::<u32>(), 10_000);
    assert!((b.p_top_k + c.p_top_k - 1.0).abs() < 1e-12);
    assert!((b.p_top_k - 0.5).abs() < 0.02, "P(B top 2) = {}", b.p_top_k);
    assert_eq!((b.p05_rank_1_based, b.p95_rank_1_based), (2, 4));
    // Ranks under equal weights: A 10; B, C, D all 5: =2.
    assert_eq!(b.baseline_rank_1_based, 2);
    assert_eq!(c.baseline_rank_1_based, 2);
    assert_eq!(row("d").baseline_rank_1_based, 2);
}

#[test]
fn high_concentration_keeps_the_order() {
    // Around 60/40 with concentration 1000, p ~ Beta(600, 400): p < ½ is 6.5 standard
    // deviations away, so B stays 2nd in every one of 2000 draws.
    check(
        "whatif/two_criteria",
        "g",
        2023,
        &WeightChoice::Edition,
        &cfg(2000, 1000.0, 42, 2),
        "
        draws=2000 top_k=2 fixed=[\"d\"]
        a base=1 median=1 p05..p95=1..1 mean=1.00 p_top=1.00
        b base=2 median=2 p05..p95=2..2 mean=2.00 p_top=1.00
        d base=3 median=3 p05..p95=3..3 mean=3.00 p_top=0.00
        c base=4 median=4 p05..p95=4..4 mean=4.00 p_top=0.00
        ",
    );
}

#[test]
fn errors() {
    let bad = |n_draws, concentration, top_k, expected: &str| {
        check(
            "whatif/two_criteria",
            "g",
            2023,
            &WeightChoice::Edition,
            &cfg(n_draws, concentration, 1, top_k),
            expected,
        );
    };
    bad(0, 1.0, 1, "error: at least one draw is needed");
    bad(10, 0.0, 1, "error: concentration 0 must be a number > 0 (or infinity for no spread)");
    bad(10, f64::NAN, 1, "error: concentration NaN must be a number > 0 (or infinity for no spread)");
    bad(10, 1.0, 0, "error: top_k must be at least 1");
    check(
        "partial_block",
        "partial",
        2023,
        &WeightChoice::Edition,
        &cfg(10, 1.0, 1, 1),
        "error: the block has no weights to vary",
    );
    check(
        "whatif/pci_mini",
        "partial",
        2023,
        &WeightChoice::Edition,
        &cfg(10, 1.0, 1, 1),
        "error: the block is not completely published; ranks under other weights cannot be computed",
    );
    check(
        "whatif/pci_mini",
        "provinces",
        2023,
        &WeightChoice::Custom(vec![1.0]),
        &cfg(10, 1.0, 1, 1),
        "error: 1 weights given, the index has 3 components",
    );
}

/// `rank_bounds` of `unit` rendered as `best..worst` (or the error).
fn check_bounds(fixture: &str, group: &str, unit: &str, bounds: &[(f64, f64)], expected: &str) {
    let m = matrix(fixture, group, 2023);
    let got = match rank_bounds(&m, &UnitId(unit.to_owned()), bounds) {
        Ok(b) => format!("{}..{}", b.best_bound_1_based, b.worst_bound_1_based),
        Err(e) => format!("error: {e}"),
    };
    assert_eq!(got, expected, "{fixture} {unit} {bounds:?}");
}

#[test]
fn proven_rank_bounds() {
    // B = 2 + 6p. Any weights: A − B ≥ 2 > 0 (surely above); C − B = 6 − 12p and
    // D − B = 3 − 6p change sign: B is somewhere in 2..4.
    check_bounds("whatif/two_criteria", "g", "b", &[(0.0, 1.0), (0.0, 1.0)], "2..4");
    // p in [0.55, 0.7] (q in [0.3, 0.45]): C − B ≤ 6 − 6.6 < 0, D − B ≤ 3 − 3.3 < 0: exactly 2nd.
    check_bounds("whatif/two_criteria", "g", "b", &[(0.55, 0.7), (0.3, 0.45)], "2..2");
    // p in [0.4, 0.6]: C − B in [−1.2, 1.2], D − B in [−0.6, 0.6]: 2..4.
    check_bounds("whatif/two_criteria", "g", "b", &[(0.4, 0.6), (0.4, 0.6)], "2..4");
    // The fixed unit D (5): A always above; B above iff p > ½, C iff p < ½ — each possibly,
    // never surely (at p = ½ both tie D): 2..4.
    check_bounds("whatif/two_criteria", "g", "d", &[(0.0, 1.0), (0.0, 1.0)], "2..4");
    // pci_mini, Đà Nẵng (5, 5, 5) over the whole simplex: An Giang (8, 6, 10) is above in every
    // component (surely); Bình Định − d = 10(w_a + 4 w_b) ≥ 0 but 0 at w_c = 1 (not surely);
    // Cà Mau − d = 10(4 w_a − w_b − 3 w_c) either way. Bounds 2..4.
    check_bounds("whatif/pci_mini", "provinces", "d", &[(0.0, 1.0); 3], "2..4");
    // Weights near the edition's (±5 points): Bình Định − d ≥ 10(0.45 + 4×0.25) > 0 and
    // Cà Mau − d ≥ 10(4×0.45 − 0.35 − 3×0.25) = 7 > 0: Đà Nẵng is last whatever.
    check_bounds("whatif/pci_mini", "provinces", "d", &[(0.45, 0.55), (0.25, 0.35), (0.15, 0.25)], "4..4");
}

#[test]
fn rank_bound_errors() {
    check_bounds(
        "whatif/two_criteria",
        "g",
        "b",
        &[(0.0, 1.0)],
        "error: 1 weight bounds given, the index has 2 components",
    );
    check_bounds(
        "whatif/two_criteria",
        "g",
        "b",
        &[(0.6, 0.5), (0.0, 1.0)],
        "error: bounds 0.6..=0.5 of component 'p' must satisfy 0 <= lo <= hi <= 1",
    );
    check_bounds(
        "whatif/two_criteria",
        "g",
        "b",
        &[(0.6, 0.7), (0.6, 0.7)],
        "error: no weights in the box add up to 1 (lower shares sum to 1.2, upper to 1.4)",
    );
    check_bounds(
        "whatif/two_criteria",
        "g",
        "zz",
        &[(0.0, 1.0), (0.0, 1.0)],
        "error: unit 'zz' is not in this block this year",
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_spread_gives_the_scenario_ranks(spec in complete_block_with_components(), equal in any::<bool>()) {
        let m = spec.matrix();
        let center = if equal { WeightChoice::Equal } else { WeightChoice::Edition };
        let r = simulate(&m, &center, &cfg(3, f64::INFINITY, 0, 1)).expect("simulates");
        let scenario = Scenario { weights: center, ..Scenario::baseline(GroupId("g".into()), 2023) };
        let ev = evaluate(&m, &scenario).expect("evaluates");
        for row in &r.rows {
            let expected = ev.row(&row.unit_id).and_then(|x| x.rank_1_based).expect("ranked");
            prop_assert_eq!(row.baseline_rank_1_based, expected);
            prop_assert_eq!(row.median_rank_1_based, expected);
            prop_assert_eq!(row.p05_rank_1_based, expected);
            prop_assert_eq!(row.p95_rank_1_based, expected);
        }
    }

    #[test]
    fn same_seed_same_result(spec in complete_block_with_components(), seed in any::<u64>(), concentration in 0.5f64..50.0) {
        let m = spec.matrix();
        let a = simulate(&m, &WeightChoice::Edition, &cfg(200, concentration, seed, 2)).expect("simulates");
        let b = simulate(&m, &WeightChoice::Edition, &cfg(200, concentration, seed, 2)).expect("simulates");
        prop_assert_eq!(a, b);
    }

    /// Every draw is a weight vector of the simplex, so every drawn rank lies within the
    /// bounds proven over the whole simplex.
    #[test]
    fn draws_stay_within_the_proven_bounds(spec in complete_block_with_components(), seed in any::<u64>()) {
        let m = spec.matrix();
        let r = simulate(&m, &WeightChoice::Equal, &cfg(200, 1.0, seed, 1)).expect("simulates");
        let simplex = vec![(0.0, 1.0); m.n_components()];
        for row in &r.rows {
            let bounds = rank_bounds(&m, &row.unit_id, &simplex).expect("bounds");
            let seen: Vec<u32> = row.rank_counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(r0, _)| u32::try_from(r0 + 1).unwrap_or(0)).collect();
            let (lo, hi) = (seen.first().copied().unwrap_or(0), seen.last().copied().unwrap_or(0));
            prop_assert!(bounds.best_bound_1_based <= lo && hi <= bounds.worst_bound_1_based, "{:?}: seen {}..{} bounds {:?}", row.unit_id, lo, hi, bounds);
        }
    }
}
