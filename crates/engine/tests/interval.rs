//! Rank intervals under partial publication: worked by hand on tiny blocks and on Hanoi's real
//! departments block, plus the property that the true rank always lies inside the interval.

mod support;

use chiso_engine::dataset::{GroupId, UnitId};
use chiso_engine::interval::{rank_interval, rank_interval_in, RankInterval};
use chiso_engine::rank::competition_ranks;
use proptest::prelude::*;
use support::{load, opt, BlockSpec, UnitSpec};

fn render(r: Result<RankInterval, chiso_engine::interval::IntervalError>) -> String {
    match r {
        Ok(r) => format!("best={} worst={} unpublished={}", r.best_1_based, opt(r.worst_1_based), r.n_unpublished),
        Err(e) => format!("error: {e}"),
    }
}

/// The interval of `unit` in `group` 2023 of `fixture` at `score`.
fn check(fixture: &str, group: &str, year: i32, unit: &str, score: f64, expected: &str) {
    let ds = load(fixture);
    let got = render(rank_interval(&ds, &GroupId(group.to_owned()), year, &UnitId(unit.to_owned()), score));
    assert_eq!(got, expected, "{fixture} {group} {unit} at {score}");
}

fn hanoi() -> chiso_engine::dataset::Dataset {
    let json = include_str!("../../../public/data/hanoi-cchc.json");
    chiso_engine::dataset::Dataset::from_json(json).expect("hanoi-cchc.json loads").0
}

fn check_hanoi(group: &str, unit: &str, score: f64, expected: &str) {
    let got = render(rank_interval(&hanoi(), &GroupId(group.to_owned()), 2023, &UnitId(unit.to_owned()), score));
    assert_eq!(got, expected, "hanoi {group} {unit} at {score}");
}

#[test]
fn hanoi_thanh_tra_at_85() {
    // Hanoi departments 2023: 22 units; published 1 94.25, 2 93.89, 3 93.47, 4 93.44, 5 93.42,
    // 11 89.58 and last (22) Thanh tra 63.96. At 85, Thanh tra is behind the 6 published
    // scores; the 5 unnamed units at positions 6–10 lie in (89.58, 93.42), so above 85 for
    // sure: best 1 + 6 + 5 = 12. The 10 at 12–21 lie in (63.96, 89.58) — Thanh tra's own 63.96
    // still bounds them — and may all be above 85: worst 12 + 10 = 22. 15 scores unknown.
    check_hanoi("departments", "thanh-tra-thanh-pho", 85.0, "best=12 worst=22 unpublished=15");
}

#[test]
fn hanoi_thanh_tra_elsewhere() {
    // 95 beats every possible score (the best unknown is below 93.42): exactly 1st.
    check_hanoi("departments", "thanh-tra-thanh-pho", 95.0, "best=1 worst=1 unpublished=15");
    // 93.43: behind 94.25, 93.89, 93.47, 93.44 only; the unknown 6–10 are below 93.42: 5th.
    check_hanoi("departments", "thanh-tra-thanh-pho", 93.43, "best=5 worst=5 unpublished=15");
    // 90: behind the 5 above 93.42; the 5 unknown at 6–10 (89.58..93.42) may or may not be
    // above; the ones at 12–21 (below 89.58) are not: 6..=11.
    check_hanoi("departments", "thanh-tra-thanh-pho", 90.0, "best=6 worst=11 unpublished=15");
    // Equal to the 11th (89.58): the tie shares 11th; the units at 6–10 are strictly above
    // 89.58 (they are ranked above it) and the ones at 12–21 strictly below: exactly 11th.
    check_hanoi("departments", "thanh-tra-thanh-pho", 89.58, "best=11 worst=11 unpublished=15");
    // Its own published score gives its published place: last.
    check_hanoi("departments", "thanh-tra-thanh-pho", 63.96, "best=22 worst=22 unpublished=15");
}

#[test]
fn hanoi_districts() {
    // Districts 2023: 30 units; published 1 96.38, 2 95.76, 3 95.75, 4 95.22, 5 95.21,
    // 19 Ứng Hòa 93.89, last (30) Phú Xuyên 91.61; Long Biên 12th without a score. Ứng Hòa at
    // 95.5: behind 96.38, 95.76, 95.75; every unknown is below 95.21: exactly 4th.
    check_hanoi("districts", "ung-hoa", 95.5, "best=4 worst=4 unpublished=23");
    // Phú Xuyên at 94: behind the 5 top scores; 6–18 and Long Biên (12) lie in (93.89, 95.21),
    // above 94 or not; 20–29 lie in (91.61, 93.89), below: 6..=19 (Ứng Hòa's 93.89 is not above).
    check_hanoi("districts", "phu-xuyen", 94.0, "best=6 worst=19 unpublished=23");
}

#[test]
fn small_partial_block() {
    // 10 units: a 1st 95, b 2nd 90, c 5th (no score), d last 80, e 88 (no rank), f and g named
    // without anything, 3 unnamed. d at 89: behind a and b. c at 5 lies in (80, 90): maybe
    // above. The free positions 3, 4, 6–9 all lie in (80, 90); 5 unknown units (f, g, 3
    // unnamed) sit at 5 of those 6 (e takes the sixth): maybe all above. best 3, worst 9.
    check("partial_block", "partial", 2023, "d", 89.0, "best=3 worst=9 unpublished=6");
    // e (a score, no rank) at 96: nothing can be above.
    check("partial_block", "partial", 2023, "e", 96.0, "best=1 worst=1 unpublished=6");
    // e at 85: behind a, b; c and the 5 unknowns may be above: 3..=9.
    check("partial_block", "partial", 2023, "e", 85.0, "best=3 worst=9 unpublished=6");
    // c (rank only) at 92: behind a; b is 90; the free positions are all below 90: exactly 2nd.
    check("partial_block", "partial", 2023, "c", 92.0, "best=2 worst=2 unpublished=5");
}

#[test]
fn rank_only_unit_without_anchor_below_is_bounded_by_the_scale() {
    // pci_mini "partial": e 1st 70, f 2nd (no score), g computed 50 (no rank), k unknown; 4
    // units. g at 50: e above; f lies in [0, 70) — maybe above, not surely; k sits at a free
    // position (3 or 4, in [0, 70)): maybe above. best 2, worst 4.
    check("whatif/pci_mini", "partial", 2023, "g", 50.0, "best=2 worst=4 unpublished=2");
}

#[test]
fn unknown_block_size_has_no_worst() {
    // "unsized": y 1st 75, z 72, x 70 "last" of an unknown number. z at 74: behind y; nothing
    // bounds how many unnamed units may be above.
    check("partial_block", "unsized", 2023, "z", 74.0, "best=2 worst=- unpublished=0");
}

#[test]
fn complete_block_is_exact() {
    // Every score known: the interval is the competition rank. 85 ties with the two 85s: =2.
    check("complete_tie", "districts", 2023, "d", 85.0, "best=2 worst=2 unpublished=0");
    check("complete_tie", "districts", 2023, "a", 60.0, "best=4 worst=4 unpublished=0");
}

#[test]
fn errors() {
    check("partial_block", "partial", 2023, "zz", 50.0, "error: unit 'zz' is not in this block this year");
    check("partial_block", "partial", 2023, "d", 101.0, "error: score 101 is outside 0..=100");
    check("partial_block", "nope", 2023, "d", 50.0, "error: there is no group 'nope'");
    check("partial_block", "partial", 1999, "d", 50.0, "error: group 'partial' has no record in 1999");
    let ds = load("partial_block");
    let m = chiso_engine::matrix::BlockMatrix::new(&ds, &GroupId("partial".into()), 2023).expect("block");
    assert_eq!(render(rank_interval_in(&m, 99, 50.0)), "error: the block has no unit #99");
}

/// What the publisher reveals about one unit of a generated block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Both,
    RankOnly,
    ScoreOnly,
    NameOnly,
    Unnamed,
}

fn shown() -> impl Strategy<Value = Shown> {
    prop_oneof![
        Just(Shown::Both),
        Just(Shown::RankOnly),
        Just(Shown::ScoreOnly),
        Just(Shown::NameOnly),
        Just(Shown::Unnamed)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A random complete block (scores on a coarse grid, so ties happen), partly hidden: some
    /// units keep score and rank, some only one, some only the name, some vanish. One named
    /// unit changes score. The rank it truly takes (competition rank among all the true scores)
    /// lies in the interval.
    #[test]
    fn the_true_rank_lies_in_the_interval(
        truth in prop::collection::vec((0u32..=20).prop_map(|q| f64::from(q) * 5.0), 1..14),
        shown in prop::collection::vec(shown(), 14),
        x_pick in any::<prop::sample::Index>(),
        x_shown in prop_oneof![Just(Shown::Both), Just(Shown::RankOnly), Just(Shown::ScoreOnly), Just(Shown::NameOnly)],
        new_score in (0u32..=40).prop_map(|q| f64::from(q) * 2.5),
        size_known in prop::bool::weighted(0.85),
        higher_is_better in any::<bool>(),
    ) {
        let n = truth.len();
        let x = x_pick.index(n);
        let ranks = competition_ranks(&truth, higher_is_better);
        let mut units = Vec::new();
        let mut x_in_spec = 0;
        for (i, (&score, &rank)) in truth.iter().zip(&ranks).enumerate() {
            let how = if i == x { x_shown } else { shown.get(i).copied().unwrap_or(Shown::Both) };
            let (score, rank) = match how {
                Shown::Both => (Some(score), Some(rank)),
                Shown::RankOnly => (None, Some(rank)),
                Shown::ScoreOnly => (Some(score), None),
                Shown::NameOnly => (None, None),
                Shown::Unnamed => continue,
            };
            if i == x {
                x_in_spec = units.len();
            }
            units.push(UnitSpec { score, rank, components: Vec::new() });
        }
        let spec = BlockSpec {
            scale_max: 100.0,
            higher_is_better,
            weights: Vec::new(),
            unit_count: size_known.then(|| u32::try_from(n).unwrap_or(u32::MAX)),
            units,
        };
        let m = spec.matrix();
        let interval = rank_interval_in(&m, x_in_spec, new_score).expect("interval");
        let mut changed = truth.clone();
        if let Some(slot) = changed.get_mut(x) {
            *slot = new_score;
        }
        let true_rank = competition_ranks(&changed, higher_is_better).get(x).copied().unwrap_or(0);
        prop_assert!(interval.best_1_based <= true_rank, "best {} > true {}", interval.best_1_based, true_rank);
        if let Some(worst) = interval.worst_1_based {
            prop_assert!(true_rank <= worst, "true {} > worst {}", true_rank, worst);
        } else {
            prop_assert!(!size_known);
        }
    }
}
