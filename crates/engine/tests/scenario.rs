//! What-if scenarios on hand-made blocks (every expected score and rank worked by hand in the
//! comments), the errors that name the offending input, and properties on random blocks.

mod support;

use std::collections::BTreeMap;

use chiso_engine::dataset::{GroupId, UnitId};
use chiso_engine::rank::competition_ranks;
use chiso_engine::scenario::{evaluate, Override, Scenario, ScenarioResult, ScoreBasis, WeightChoice};
use proptest::prelude::*;
use support::{assert_lines, complete_block_with_components, f2, matrix, opt, s2};

fn scenario(group: &str, year: i32, weights: WeightChoice, overrides: &[(&str, Override)]) -> Scenario {
    Scenario {
        group: GroupId(group.to_owned()),
        year,
        weights,
        overrides: overrides.iter().map(|(u, o)| (UnitId((*u).to_owned()), o.clone())).collect::<BTreeMap<_, _>>(),
    }
}

/// A header `weights=.. reweighted=.. complete=..`, then one line per row in result order:
/// `unit rank score basis Δscore Δrank [hyp] [ovr]`; rank as `2` or `=2`, `-` when unknown.
fn render(r: &ScenarioResult) -> String {
    let weights = r
        .weight_shares
        .as_ref()
        .map_or_else(|| "-".to_owned(), |w| w.iter().map(|x| f2(*x)).collect::<Vec<_>>().join("/"));
    let mut out = format!("weights={weights} reweighted={} complete={}", r.reweighted, r.complete);
    for row in &r.rows {
        let rank =
            row.rank_1_based.map_or_else(|| "-".to_owned(), |p| format!("{}{p}", if row.tied { "=" } else { "" }));
        let basis = match row.basis {
            Some(ScoreBasis::Published) => "pub",
            Some(ScoreBasis::Computed) => "calc",
            Some(ScoreBasis::Reweighted) => "rew",
            Some(ScoreBasis::Overridden) => "ovr",
            None => "-",
        };
        out += &format!(
            "\n{} {rank} {} {basis} {} {}",
            row.unit_id.0,
            row.score.map_or_else(|| "-".to_owned(), f2),
            row.score_change.map_or_else(|| "-".to_owned(), s2),
            row.rank_change.map_or_else(|| "-".to_owned(), |c| format!("{c:+}")),
        );
        if row.hypothetical {
            out += " hyp";
        }
        if row.overridden {
            out += " ovr";
        }
    }
    out
}

/// Evaluate `s` on `fixture`'s block and compare the rendering (or the error's message).
fn check(fixture: &str, s: &Scenario, expected: &str) {
    let m = matrix(fixture, &s.group.0, s.year);
    let actual = match evaluate(&m, s) {
        Ok(r) => render(&r),
        Err(e) => format!("error: {e}"),
    };
    assert_lines(&actual, expected, fixture);
}

#[test]
fn baseline_is_the_published_table() {
    // Nothing changes: the published rank 1 and the computed ranks 2–4 are kept as they are.
    check(
        "whatif/pci_mini",
        &scenario("provinces", 2023, WeightChoice::Edition, &[]),
        "
        weights=0.50/0.30/0.20 reweighted=false complete=true
        a 1 78.00 pub +0.00 +0
        b 2 67.00 calc +0.00 +0
        c 3 61.00 calc +0.00 +0
        d 4 50.00 calc +0.00 +0
        ",
    );
}

#[test]
fn equal_weights_rescore_every_unit() {
    // Equal thirds: a (8+6+10)/30 = 80, b 20/30 = 66.67, c 15/30 = 50, d 15/30 = 50. c and d
    // tie at 50 and share rank 3: d climbs from 4th (+1), c keeps 3rd but loses 11 points.
    check(
        "whatif/pci_mini",
        &scenario("provinces", 2023, WeightChoice::Equal, &[]),
        "
        weights=0.33/0.33/0.33 reweighted=true complete=true
        a 1 80.00 rew +2.00 +0 hyp
        b 2 66.67 rew -0.33 +0 hyp
        c =3 50.00 rew -11.00 +0 hyp
        d =3 50.00 rew +0.00 +1 hyp
        ",
    );
}

#[test]
fn custom_weights_are_normalised() {
    // 2:1:1 = 50/25/25. a 40+15+25 = 80, b 30+22.5+12.5 = 65, c 45+10+5 = 60, d 50.
    check(
        "whatif/pci_mini",
        &scenario("provinces", 2023, WeightChoice::Custom(vec![2.0, 1.0, 1.0]), &[]),
        "
        weights=0.50/0.25/0.25 reweighted=true complete=true
        a 1 80.00 rew +2.00 +0 hyp
        b 2 65.00 rew -2.00 +0 hyp
        c 3 60.00 rew -1.00 +0 hyp
        d 4 50.00 rew +0.00 +0 hyp
        ",
    );
    // The edition's own weights, spelt out, change nothing.
    check(
        "whatif/pci_mini",
        &scenario("provinces", 2023, WeightChoice::Custom(vec![50.0, 30.0, 20.0]), &[]),
        "
        weights=0.50/0.30/0.20 reweighted=false complete=true
        a 1 78.00 pub +0.00 +0
        b 2 67.00 calc +0.00 +0
        c 3 61.00 calc +0.00 +0
        d 4 50.00 calc +0.00 +0
        ",
    );
}

#[test]
fn overriding_a_total() {
    // Đà Nẵng at 70: 78 > 70 > 67 > 61, so d 4th -> 2nd (+2), b and c each lose a place.
    check(
        "whatif/pci_mini",
        &scenario("provinces", 2023, WeightChoice::Edition, &[("d", Override::Total(70.0))]),
        "
        weights=0.50/0.30/0.20 reweighted=false complete=true
        a 1 78.00 pub +0.00 +0
        d 2 70.00 ovr +20.00 +2 hyp ovr
        b 3 67.00 calc +0.00 -1
        c 4 61.00 calc +0.00 -1
        ",
    );
}

#[test]
fn overriding_components() {
    // Cà Mau's c from 2 to 10: +8 points × 2 score points each = +16 -> 77, 2nd (+1).
    check(
        "whatif/pci_mini",
        &scenario(
            "provinces",
            2023,
            WeightChoice::Edition,
            &[("c", Override::Components(vec![None, None, Some(10.0)]))],
        ),
        "
        weights=0.50/0.30/0.20 reweighted=false complete=true
        a 1 78.00 pub +0.00 +0
        c 2 77.00 ovr +16.00 +1 hyp ovr
        b 3 67.00 calc +0.00 -1
        d 4 50.00 calc +0.00 +0
        ",
    );
}

#[test]
fn published_totals_keep_their_unexplained_part() {
    // Xuân Lộc's published 49.5 is 0.5 below its composite (5, 5) = 50, Tân Phú's 99.8 is 0.2
    // below (10, 10) = 100. Raising Xuân Lộc's a from 5 to 9 adds 4 × 5 = 20: 69.5, still
    // behind Minh Long's 70 — the published totals are not replaced by composites.
    check(
        "whatif/residual",
        &scenario("g", 2023, WeightChoice::Edition, &[("x", Override::Components(vec![Some(9.0), None]))]),
        "
        weights=0.50/0.50 reweighted=false complete=true
        t 1 99.80 pub +0.00 +0
        m 2 70.00 pub +0.00 +0
        x 3 69.50 ovr +20.00 +0 hyp ovr
        ",
    );
}

#[test]
fn papi_equal_weights_are_its_edition() {
    // PAPI's totals are plain sums, i.e. equal shares: choosing Equal changes nothing.
    check(
        "whatif/papi_mini",
        &scenario("provinces", 2020, WeightChoice::Equal, &[]),
        "
        weights=0.25/0.25/0.25/0.25 reweighted=false complete=true
        h 1 26.00 pub +0.00 +0
        k 2 24.00 pub +0.00 +0
        l 3 23.00 pub +0.00 +0
        ",
    );
    // 40/20/20/20: h 40 × (0.4×0.5 + 0.2×(0.6+0.7+0.8)) = 24.8; k 40 × (0.18 + 0.2×1.95)
    // = 22.8; l 40 × (0.36 + 0.2×1.4) = 25.6. Lào Cai, strong on dimension 1, goes first.
    check(
        "whatif/papi_mini",
        &scenario("provinces", 2020, WeightChoice::Custom(vec![40.0, 20.0, 20.0, 20.0]), &[]),
        "
        weights=0.40/0.20/0.20/0.20 reweighted=true complete=true
        l 1 25.60 rew +2.60 +2 hyp
        h 2 24.80 rew -1.20 -1 hyp
        k 3 22.80 rew -1.20 -1 hyp
        ",
    );
}

#[test]
fn a_unit_without_components_keeps_its_total() {
    // Di Linh has only a total (5): it stays at 5 under equal weights, where Bảo Lâm and Cát
    // Tiên both get (8+2)/2 = 5 and tie with it at 2nd.
    check(
        "whatif/two_criteria",
        &scenario("g", 2023, WeightChoice::Equal, &[]),
        "
        weights=0.50/0.50 reweighted=true complete=true
        a 1 10.00 rew +0.00 +0 hyp
        b =2 5.00 rew -0.60 +0 hyp
        c =2 5.00 rew +0.60 +2 hyp
        d =2 5.00 pub +0.00 +1
        ",
    );
}

#[test]
fn a_partial_block_gets_no_new_ranks() {
    // Hanoi-like partial block (10 units, 4 scored): a changed score cannot be ranked by
    // counting; use the rank interval instead.
    check(
        "partial_block",
        &scenario("partial", 2023, WeightChoice::Edition, &[("d", Override::Total(89.0))]),
        "
        weights=- reweighted=false complete=false
        a - 95.00 pub +0.00 -
        b - 90.00 pub +0.00 -
        d - 89.00 ovr +9.00 - hyp ovr
        e - 88.00 pub +0.00 -
        c - - - - -
        f - - - - -
        g - - - - -
        ",
    );
    // Without a change, the published ranks stay.
    check(
        "partial_block",
        &scenario("partial", 2023, WeightChoice::Edition, &[]),
        "
        weights=- reweighted=false complete=false
        a 1 95.00 pub +0.00 +0
        b 2 90.00 pub +0.00 +0
        c 5 - - - +0
        d 10 80.00 pub +0.00 +0
        e - 88.00 pub +0.00 -
        f - - - - -
        g - - - - -
        ",
    );
}

#[test]
fn a_total_can_complete_a_block() {
    // Hà Giang computed 50, Điện Biên 70; giving Gia Lai 60 and Kon Tum 40 completes the block.
    check(
        "whatif/pci_mini",
        &scenario(
            "partial",
            2023,
            WeightChoice::Edition,
            &[("f", Override::Total(60.0)), ("k", Override::Total(40.0))],
        ),
        "
        weights=0.50/0.30/0.20 reweighted=false complete=true
        e 1 70.00 pub +0.00 +0
        f 2 60.00 ovr - +0 hyp ovr
        g 3 50.00 calc +0.00 -
        k 4 40.00 ovr - - hyp ovr
        ",
    );
}

#[test]
fn errors_name_the_input() {
    let pci = |weights, overrides: &[(&str, Override)]| scenario("provinces", 2023, weights, overrides);
    let cases: Vec<(&str, Scenario, &str)> = vec![
        (
            "whatif/pci_mini",
            pci(WeightChoice::Edition, &[("d", Override::Total(101.0))]),
            "error: unit 'd': total 101 is outside 0..=100",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Edition, &[("d", Override::Total(f64::NAN))]),
            "error: unit 'd': total NaN is outside 0..=100",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Edition, &[("zz", Override::Total(50.0))]),
            "error: unit 'zz' is not in this block this year",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Edition, &[("c", Override::Components(vec![None, Some(11.0), None]))]),
            "error: unit 'c': component 'b' value 11 is outside 0..=10",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Edition, &[("c", Override::Components(vec![None, None]))]),
            "error: unit 'c': 2 component values given, the index has 3",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Custom(vec![1.0, 1.0]), &[]),
            "error: 2 weights given, the index has 3 components",
        ),
        (
            "whatif/pci_mini",
            pci(WeightChoice::Custom(vec![1.0, -1.0, 1.0]), &[]),
            "error: weight -1 of component 'b' must be a number >= 0",
        ),
        ("whatif/pci_mini", pci(WeightChoice::Custom(vec![0.0, 0.0, 0.0]), &[]), "error: the weights add up to 0"),
        (
            "whatif/pci_mini",
            scenario("partial", 2023, WeightChoice::Edition, &[("k", Override::Components(vec![None, None, None]))]),
            "error: unit 'k': component 'c' was not published; give a value to rescore",
        ),
        (
            "partial_block",
            scenario("partial", 2023, WeightChoice::Edition, &[("a", Override::Components(vec![]))]),
            "error: unit 'a': components cannot be scored without weights for the year",
        ),
    ];
    for (fixture, s, expected) in cases {
        check(fixture, &s, expected);
    }
    // A scenario for another block than the matrix.
    let m = matrix("whatif/pci_mini", "provinces", 2023);
    let other = scenario("partial", 2023, WeightChoice::Edition, &[]);
    assert_eq!(
        evaluate(&m, &other).map(|_| ()).map_err(|e| e.to_string()),
        Err("the scenario is for 'partial' 2023 but the block is 'provinces' 2023".to_owned())
    );
}

#[test]
fn row_lookup() {
    let m = matrix("whatif/pci_mini", "provinces", 2023);
    let r = evaluate(&m, &scenario("provinces", 2023, WeightChoice::Edition, &[])).expect("evaluates");
    assert_eq!(r.row(&UnitId("c".into())).map(|row| opt(row.rank_1_based)), Some("3".to_owned()));
    assert!(r.row(&UnitId("zz".into())).is_none());
}

proptest! {
    #[test]
    fn scenario_ranks_are_competition_ranks(spec in complete_block_with_components(), w in prop::collection::vec(0u32..=5, 1..=4)) {
        let m = spec.matrix();
        let mut weights: Vec<f64> = w.into_iter().map(f64::from).take(spec.weights.len()).collect();
        weights.resize(spec.weights.len(), 1.0);
        if weights.iter().sum::<f64>() == 0.0 {
            if let Some(w) = weights.first_mut() {
                *w = 1.0;
            }
        }
        let s = Scenario { group: GroupId("g".into()), year: 2023, weights: WeightChoice::Custom(weights), overrides: BTreeMap::new() };
        let r = evaluate(&m, &s).expect("evaluates");
        let scores: Vec<f64> = r.rows.iter().map(|row| row.score.expect("complete")).collect();
        let ranks: Vec<u32> = r.rows.iter().map(|row| row.rank_1_based.expect("complete")).collect();
        // Rows are in rank order, ranks are "1, 2, 2, 4"-style, and each is 1 + #better.
        prop_assert_eq!(&ranks, &competition_ranks(&scores, spec.higher_is_better));
        prop_assert!(ranks.is_sorted());
        for (i, &rank) in ranks.iter().enumerate() {
            let first = ranks.iter().position(|&x| x == rank).unwrap_or(i);
            prop_assert_eq!(usize::try_from(rank).unwrap_or(0), first + 1, "ranks {:?}", ranks);
        }
    }

    #[test]
    fn raising_a_total_never_lowers_its_rank(
        spec in complete_block_with_components(),
        idx in any::<prop::sample::Index>(),
        base in 0u32..=200,
        step in 0u32..=200,
    ) {
        let m = spec.matrix();
        let unit = m.units().get(idx.index(m.n_units())).expect("unit").id.clone();
        let (lo, hi) = (f64::from(base) / 2.0, (f64::from(base + step) / 2.0).min(100.0));
        let rank_with = |total: f64| {
            let s = Scenario {
                group: GroupId("g".into()),
                year: 2023,
                weights: WeightChoice::Edition,
                overrides: BTreeMap::from([(unit.clone(), Override::Total(total))]),
            };
            evaluate(&m, &s).expect("evaluates").row(&unit).and_then(|r| r.rank_1_based).expect("ranked")
        };
        let (before, after) = (rank_with(lo), rank_with(hi));
        if spec.higher_is_better {
            prop_assert!(after <= before, "{} -> {}: rank {} -> {}", lo, hi, before, after);
        } else {
            prop_assert!(after >= before, "{} -> {}: rank {} -> {}", lo, hi, before, after);
        }
    }
}
