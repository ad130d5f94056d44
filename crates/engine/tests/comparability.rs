//! Which years compare, by the dataset's own sources (fixtures/comparability.json: 2020 compares
//! with 2019, 2021 does not compare with 2020, 2022 compares only approximately with 2021), and
//! the change columns that follow from it.

mod support;

use chiso_engine::comparability::{compare_years, ApproxReason, YearsCompare};
use chiso_engine::compare::compare;
use chiso_engine::dataset::GroupId;
use chiso_engine::rank::rank_group;
use support::load;

/// `comparable`, `not comparable (2021)`, `approximate [method 2022, gap 2]`.
fn text(c: &YearsCompare) -> String {
    match c {
        YearsCompare::Comparable => "comparable".to_owned(),
        YearsCompare::NotComparable { year, .. } => format!("not comparable ({year})"),
        YearsCompare::Approximate(reasons) => {
            let r: Vec<String> = reasons
                .iter()
                .map(|r| match r {
                    ApproxReason::Method { year, .. } => format!("method {year}"),
                    ApproxReason::Gap { years } => format!("gap {years}"),
                    ApproxReason::Weights { from, to } => format!("weights {from:?}->{to:?}"),
                })
                .collect();
            format!("approximate [{}]", r.join(", "))
        }
    }
}

#[test]
fn years_compare_as_the_sources_say() {
    let ds = load("comparability");
    let cases = [
        (2019, 2020, "comparable"),
        (2020, 2021, "not comparable (2021)"),
        // A break anywhere between breaks the pair.
        (2019, 2023, "not comparable (2021)"),
        (2021, 2022, "approximate [method 2022]"),
        (2022, 2023, "comparable"),
        (2021, 2023, "approximate [method 2022, gap 2]"),
    ];
    for (from, to, want) in cases {
        assert_eq!(text(&compare_years(&ds, from, to)), want, "{from} -> {to}");
    }
}

#[test]
fn no_change_is_drawn_across_a_break() {
    let ds = load("comparability");
    let g = GroupId("g".into());
    // 2021 after 2020: the years do not compare, so no row has a change.
    let r = rank_group(&ds, &g, 2021).expect("ranking");
    assert_eq!(r.prev_year, Some(2020));
    assert!(r.rows.iter().all(|row| row.score_change.is_none() && row.rank_change.is_none()));
    // 2022 after 2021: approximate, drawn: An +15 and up one place.
    let r = rank_group(&ds, &g, 2022).expect("ranking");
    let a = r.rows.iter().find(|row| row.unit_id.0 == "a").map(|row| (row.score_change, row.rank_change));
    assert_eq!(a, Some((Some(15.0), Some(1))));
    assert!(matches!(r.prev_compare, Some(YearsCompare::Approximate(_))));
    // The comparison view follows the same rule.
    let c = compare(&ds, &g, 2019, 2023).expect("both years");
    assert!(c.rows.iter().all(|row| row.rank_change.is_none()) && c.climbers(3).is_empty());
    assert!(c.slope_lines().is_empty(), "no line across a break");
    let c = compare(&ds, &g, 2022, 2023).expect("both years");
    assert_eq!(text(&c.years), "comparable");
    assert_eq!(c.rows.iter().filter_map(|row| row.rank_change).count(), 2);
}

#[test]
fn pci_2016_to_2023_is_labelled_approximate_for_its_gap_and_weights() {
    let json = include_str!("../../../public/data/pci.json");
    let ds = chiso_engine::dataset::Dataset::from_json(json).expect("pci loads").0;
    // Every PCI edition after the first says its methods changed (SOURCES.md: cross-year
    // comparisons are approximate), so the method reason comes first.
    assert_eq!(
        text(&compare_years(&ds, 2016, 2023)),
        "approximate [method 2023, gap 7, weights Some(Official)->Some(Derived)]"
    );
    assert_eq!(text(&compare_years(&ds, 2015, 2016)), "approximate [method 2016]");
}
