//! Explaining a score: contributions per component and gaps to the block's best, worked by hand.

mod support;

use std::collections::BTreeMap;

use chiso_engine::dataset::{GroupId, UnitId};
use chiso_engine::explain::explain;
use chiso_engine::scenario::{Override, Scenario, WeightChoice};
use support::{assert_lines, f2, matrix};

/// `score=.. offset=..`, then `+ comp value×share = contribution` per component, then
/// `gap comp value->best = points (score points)` per gap in order.
fn check(fixture: &str, scenario: &Scenario, unit: &str, expected: &str) {
    let m = matrix(fixture, &scenario.group.0, scenario.year);
    let actual = match explain(&m, scenario, &UnitId(unit.to_owned())) {
        Ok(e) => {
            let mut out = format!("score={} offset={}", f2(e.score), f2(e.score_offset));
            for c in &e.contributions {
                out +=
                    &format!("\n+ {} {}x{} = {}", c.component_id, f2(c.value), f2(c.weight_share), f2(c.contribution));
            }
            for g in &e.gaps {
                out += &format!(
                    "\ngap {} {}->{} = {} ({})",
                    g.component_id,
                    f2(g.value),
                    f2(g.block_best),
                    f2(g.gap_component_points),
                    f2(g.gap_score_points)
                );
            }
            out
        }
        Err(e) => format!("error: {e}"),
    };
    assert_lines(&actual, expected, &format!("{fixture} {unit}"));
}

fn base(group: &str, year: i32) -> Scenario {
    Scenario::baseline(GroupId(group.to_owned()), year)
}

#[test]
fn ca_mau_is_furthest_behind_on_c() {
    // Cà Mau (9, 4, 2) under 50/30/20: 45 + 12 + 4 = 61. Block bests: a 9 (itself), b 9, c 10.
    // Gaps: b 5 points × 3 = 15, c 8 points × 2 = 16: c first although its weight is smaller.
    check(
        "whatif/pci_mini",
        &base("provinces", 2023),
        "c",
        "
        score=61.00 offset=0.00
        + a 9.00x0.50 = 45.00
        + b 4.00x0.30 = 12.00
        + c 2.00x0.20 = 4.00
        gap c 2.00->10.00 = 8.00 (16.00)
        gap b 4.00->9.00 = 5.00 (15.00)
        gap a 9.00->9.00 = 0.00 (0.00)
        ",
    );
}

#[test]
fn weights_change_the_biggest_gap() {
    // Equal thirds: every point is worth 10/3. Gaps: c 8 × 3.33 = 26.67, b 5 × 3.33 = 16.67.
    let equal = Scenario { weights: WeightChoice::Equal, ..base("provinces", 2023) };
    check(
        "whatif/pci_mini",
        &equal,
        "c",
        "
        score=50.00 offset=0.00
        + a 9.00x0.33 = 30.00
        + b 4.00x0.33 = 13.33
        + c 2.00x0.33 = 6.67
        gap c 2.00->10.00 = 8.00 (26.67)
        gap b 4.00->9.00 = 5.00 (16.67)
        gap a 9.00->9.00 = 0.00 (0.00)
        ",
    );
}

#[test]
fn published_totals_show_their_unexplained_part() {
    // Xuân Lộc: 25 + 25 = 50 explained, published 49.5: offset −0.5. Both gaps 5 points (25):
    // a tie, kept in component order.
    check(
        "whatif/residual",
        &base("g", 2023),
        "x",
        "
        score=49.50 offset=-0.50
        + a 5.00x0.50 = 25.00
        + b 5.00x0.50 = 25.00
        gap a 5.00->10.00 = 5.00 (25.00)
        gap b 5.00->10.00 = 5.00 (25.00)
        ",
    );
}

#[test]
fn overridden_components_are_explained() {
    // Cà Mau with c = 10: 45 + 12 + 20 = 77; now the block's best on c is itself.
    let s = Scenario {
        overrides: BTreeMap::from([(UnitId("c".into()), Override::Components(vec![None, None, Some(10.0)]))]),
        ..base("provinces", 2023)
    };
    check(
        "whatif/pci_mini",
        &s,
        "c",
        "
        score=77.00 offset=0.00
        + a 9.00x0.50 = 45.00
        + b 4.00x0.30 = 12.00
        + c 10.00x0.20 = 20.00
        gap b 4.00->9.00 = 5.00 (15.00)
        gap a 9.00->9.00 = 0.00 (0.00)
        gap c 10.00->10.00 = 0.00 (0.00)
        ",
    );
}

#[test]
fn errors() {
    check("whatif/pci_mini", &base("provinces", 2023), "zz", "error: unit 'zz' is not in this block this year");
    check("whatif/pci_mini", &base("partial", 2023), "k", "error: unit 'k': component 'c' is unknown");
    check("partial_block", &base("partial", 2023), "a", "error: the year has no weights to split the score with");
    let s = Scenario {
        overrides: BTreeMap::from([(UnitId("d".into()), Override::Total(60.0))]),
        ..base("provinces", 2023)
    };
    check("whatif/pci_mini", &s, "d", "error: unit 'd': its total was overridden; components do not explain it");
}
