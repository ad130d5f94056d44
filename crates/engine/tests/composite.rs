//! Composite scores: the formula on PCI- and PAPI-shaped cases worked by hand, and `rank_group`
//! filling unpublished totals from published components (marked as computed).

mod support;

use chiso_engine::composite::{composite_score, points_per_component_point};
use chiso_engine::dataset::GroupId;
use chiso_engine::rank::{rank_group, RankOrigin, ScoreOrigin};
use support::{assert_lines, f2, load, opt};

/// `composite_score` of `values` under `weights_pct` in `fixture`'s index, to 2 decimals.
fn check_composite(fixture: &str, weights_pct: &[f64], values: &[f64], expected: &str) {
    let ds = load(fixture);
    let total: f64 = weights_pct.iter().sum();
    let shares: Vec<f64> = weights_pct.iter().map(|w| w / total).collect();
    let got = composite_score(&ds.index, &shares, values).map_or_else(|| "none".to_owned(), f2);
    assert_eq!(got, expected, "{fixture} {weights_pct:?} {values:?}");
}

#[test]
fn composite_formula() {
    // PCI shape (0–100 from 0–10 sub-indices): Σ w%·s / 10. 50·8 + 30·6 + 20·10 = 780 -> 78.
    check_composite("whatif/pci_mini", &[50.0, 30.0, 20.0], &[8.0, 6.0, 10.0], "78.00");
    // 50·6 + 30·9 + 20·5 = 670 -> 67; 50·9 + 30·4 + 20·2 = 610 -> 61; all 5 -> 50.
    check_composite("whatif/pci_mini", &[50.0, 30.0, 20.0], &[6.0, 9.0, 5.0], "67.00");
    check_composite("whatif/pci_mini", &[50.0, 30.0, 20.0], &[9.0, 4.0, 2.0], "61.00");
    check_composite("whatif/pci_mini", &[50.0, 30.0, 20.0], &[5.0, 5.0, 5.0], "50.00");
    // Equal weights: (8 + 6 + 10) / 30 × 100 = 80.
    check_composite("whatif/pci_mini", &[1.0, 1.0, 1.0], &[8.0, 6.0, 10.0], "80.00");
    // PAPI shape (sum of dimensions of max 10, scale max 40 for 4 dimensions, equal shares):
    // 40 × Σ ¼ × v / 10 = Σ v = 5 + 6 + 7 + 8 = 26, whatever the dimensions' minimum (1 here).
    check_composite("whatif/papi_mini", &[25.0; 4], &[5.0, 6.0, 7.0, 8.0], "26.00");
    check_composite("whatif/papi_mini", &[25.0; 4], &[9.0, 3.0, 6.0, 5.0], "23.00");
    // Lengths must match the index.
    check_composite("whatif/pci_mini", &[50.0, 50.0], &[8.0, 6.0], "none");
    check_composite("whatif/pci_mini", &[50.0, 30.0, 20.0], &[8.0, 6.0], "none");
}

#[test]
fn points_per_component_point_is_scale_times_share_over_max() {
    let ds = load("whatif/pci_mini");
    // 100 × 0.5 / 10 = 5, 100 × 0.3 / 10 = 3, 100 × 0.2 / 10 = 2.
    let got: Option<Vec<String>> =
        points_per_component_point(&ds.index, &[0.5, 0.3, 0.2]).map(|v| v.into_iter().map(f2).collect());
    assert_eq!(got, Some(vec!["5.00".to_owned(), "3.00".to_owned(), "2.00".to_owned()]));
    assert_eq!(points_per_component_point(&ds.index, &[1.0]), None);
}

/// One line per row: `unit rank score origin`, rank as `1p`/`2c`/`-`, origin `pub`/`calc`/`-`.
fn check_ranking(fixture: &str, group: &str, year: i32, expected: &str) {
    let ds = load(fixture);
    let Some(r) = rank_group(&ds, &GroupId(group.to_owned()), year) else { panic!("no ranking") };
    let mut out = format!(
        "count={} scored={} computed={} complete={}",
        opt(r.unit_count),
        r.n_scored,
        r.n_computed_scores,
        r.complete
    );
    for row in &r.rows {
        let rank = row.rank.map_or_else(
            || "-".to_owned(),
            |p| format!("{}{}", p.position, if p.origin == RankOrigin::Published { "p" } else { "c" }),
        );
        let origin = match row.score_origin {
            Some(ScoreOrigin::Published) => "pub",
            Some(ScoreOrigin::Computed) => "calc",
            None => "-",
        };
        assert_eq!(row.is_computed(), row.score_origin == Some(ScoreOrigin::Computed));
        out += &format!("\n{} {rank} {} {origin}", row.unit_id.0, row.score.map_or_else(|| "-".to_owned(), f2));
    }
    assert_lines(&out, expected, &format!("{fixture} {group} {year}"));
}

#[test]
fn unpublished_totals_are_computed_from_components() {
    // An Giang's 78 is published (and its rank 1 kept); the others' totals are computed under
    // the 50/30/20 weights: 67, 61, 50. All 4 have a score, so the block is complete and the
    // missing ranks are computed.
    check_ranking(
        "whatif/pci_mini",
        "provinces",
        2023,
        "
        count=4 scored=4 computed=3 complete=true
        a 1p 78.00 pub
        b 2c 67.00 calc
        c 3c 61.00 calc
        d 4c 50.00 calc
        ",
    );
}

#[test]
fn a_missing_component_leaves_the_score_unknown() {
    // Hà Giang's components give 50; Kon Tum lacks component c, so it has no score. Gia Lai has
    // a rank but nothing else. 2 of 4 scored: nothing is computed.
    check_ranking(
        "whatif/pci_mini",
        "partial",
        2023,
        "
        count=4 scored=2 computed=1 complete=false
        e 1p 70.00 pub
        f 2p - -
        g - 50.00 calc
        k - - -
        ",
    );
}

#[test]
fn published_totals_stay_published() {
    // PAPI shape: totals are published, so nothing is computed even though components are.
    check_ranking(
        "whatif/papi_mini",
        "provinces",
        2020,
        "
        count=3 scored=3 computed=0 complete=true
        h 1c 26.00 pub
        k 2c 24.00 pub
        l 3c 23.00 pub
        ",
    );
}
