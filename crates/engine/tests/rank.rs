//! Rankings: competition ranks (tables and properties) and `rank_group` on tiny fixtures in
//! `tests/fixtures/`, each rendered as one line per row so a whole table is one expected string.

use std::fmt::Display;

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::rank::{competition_ranks, rank_group, RankOrigin, RankPos, Ranking};
use proptest::prelude::*;

fn load(fixture: &str) -> Dataset {
    let path = format!("{}/tests/fixtures/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (ds, warnings) = Dataset::from_json(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(warnings.is_empty(), "{path}: unexpected warnings {warnings:?}");
    ds
}

fn opt<T: Display>(x: Option<T>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| x.to_string())
}

fn signed<T: Display>(x: Option<T>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:+}"))
}

/// `=2c`: tied, position 2, computed; `10p(last)`: published as "the lowest" of 10; `-`: no rank.
fn rank_text(rank: Option<RankPos>) -> String {
    let Some(r) = rank else { return "-".to_owned() };
    let tied = if r.tied { "=" } else { "" };
    let origin = match r.origin {
        RankOrigin::Published => "p",
        RankOrigin::Computed => "c",
    };
    let last = if r.last_word { "(last)" } else { "" };
    format!("{tied}{}{origin}{last}", r.position)
}

/// A header line with the block figures, then one line per row in display order:
/// `unit rank score=.. [prev=score@rank] [change=score@rank] [lowest]`.
fn render(ranking: Option<Ranking>) -> String {
    let Some(r) = ranking else { return "none".to_owned() };
    let mut out = format!(
        "count={} scored={} complete={} prev_year={}",
        opt(r.unit_count),
        r.n_scored,
        r.complete,
        opt(r.prev_year)
    );
    for row in &r.rows {
        out += &format!("\n{} {} score={}", row.unit_id.0, rank_text(row.rank), opt(row.score));
        if row.prev_score.is_some() || row.prev_rank.is_some() {
            out += &format!(" prev={}@{}", opt(row.prev_score), opt(row.prev_rank));
        }
        if row.score_change.is_some() || row.rank_change.is_some() {
            out += &format!(" change={}@{}", signed(row.score_change), signed(row.rank_change));
        }
        if row.said_lowest {
            out += " lowest";
        }
    }
    out
}

/// Rank `group` in `year` of `fixtures/{fixture}.json` and compare with `expected` (leading and
/// trailing blank lines and each line's indentation are ignored).
fn check(fixture: &str, group: &str, year: i32, expected: &str) {
    let ds = load(fixture);
    let actual = render(rank_group(&ds, &GroupId(group.to_owned()), year));
    let expected: Vec<&str> = expected.trim().lines().map(str::trim).collect();
    assert_eq!(actual, expected.join("\n"), "{fixture} {group} {year}");
}

fn check_ranks(scores: &[f64], higher_is_better: bool, expected: &[u32]) {
    assert_eq!(competition_ranks(scores, higher_is_better), expected, "{scores:?} higher_is_better={higher_is_better}");
}

#[test]
fn competition_ranks_table() {
    check_ranks(&[], true, &[]);
    check_ranks(&[50.0], true, &[1]);
    // "1, 2, 2, 4": the two 85s share 2 and the next unit is 4th, not 3rd.
    check_ranks(&[90.0, 85.0, 85.0, 70.0], true, &[1, 2, 2, 4]);
    check_ranks(&[90.0, 85.0, 85.0, 70.0], false, &[4, 2, 2, 1]);
    // Input order is kept in the output.
    check_ranks(&[70.0, 90.0, 80.0], true, &[3, 1, 2]);
    check_ranks(&[7.0, 7.0, 7.0], true, &[1, 1, 1]);
    check_ranks(&[60.0, 80.0, 80.0, 80.0, 90.0], true, &[5, 2, 2, 2, 1]);
    // Floating-point noise below TIE_EPSILON is a tie; 0.1 + 0.2 is 0.30000000000000004.
    check_ranks(&[0.1 + 0.2, 0.3, 0.2], true, &[1, 1, 3]);
    check_ranks(&[0.0, -0.0], true, &[1, 1]);
}

#[test]
fn complete_block_computes_ranks_with_ties() {
    // Every one of the 4 units has a score, so ranks are computed: 90 > 85 = 85 > 70. The tie
    // is shown by name (Ba Đình before Cầu Giấy, against file order). Đông Anh is published as
    // "last", which is kept and resolved to the block size 4.
    check(
        "complete_tie",
        "districts",
        2023,
        "
        count=4 scored=4 complete=true prev_year=-
        a 1c score=90
        c =2c score=85
        b =2c score=85
        d 4p(last) score=70 lowest
        ",
    );
}

#[test]
fn partial_block_keeps_published_ranks_only() {
    // 4 of 10 units have a score: no rank is computed. Ranked rows come first by position (the
    // rank-only Đan Phượng included, "last" resolved to 10), then Gia Lâm with a score but no
    // rank, then the unpublished by name: Ba Đình (g) before Hoài Đức (f).
    check(
        "partial_block",
        "partial",
        2023,
        "
        count=10 scored=4 complete=false prev_year=-
        a 1p score=95
        b 2p score=90
        c 5p score=-
        d 10p(last) score=80 lowest
        e - score=88
        g - score=-
        f - score=-
        ",
    );
}

#[test]
fn unknown_block_size_leaves_last_without_position() {
    // Every named unit has a score, but the block size is not published, so nothing is
    // computed and "last" cannot become a position; the row still says it is the lowest.
    check(
        "partial_block",
        "unsized",
        2023,
        "
        count=- scored=3 complete=false prev_year=-
        y 1p score=75
        z - score=72
        x - score=70 lowest
        ",
    );
}

#[test]
fn every_named_unit_scored_is_not_a_complete_block() {
    // Both named units have a score but the block has 3: ranking 2 of 3 would invent ranks.
    check(
        "partial_block",
        "short",
        2023,
        "
        count=3 scored=2 complete=false prev_year=-
        p - score=60
        q - score=50
        ",
    );
}

#[test]
fn lower_is_better_ranks_the_smallest_first() {
    // 1 = 1 < 2.5; the tie is shown by name: Cần Thơ (w) before Đà Nẵng (v).
    check(
        "lower_is_better",
        "cities",
        2023,
        "
        count=3 scored=3 complete=true prev_year=-
        w =1c score=1
        v =1c score=1
        u 3c score=2.5
        ",
    );
}

#[test]
fn year_over_year_change() {
    // 2021: only An, published 3rd of an unknown number.
    check(
        "two_years",
        "t",
        2021,
        "
        count=- scored=1 complete=false prev_year=-
        a 3p score=60
        ",
    );
    // 2022 is complete: 85.25 > 80 > 70. An moved from 3rd (2021) to 2nd: +1 place, +20 points.
    check(
        "two_years",
        "t",
        2022,
        "
        count=3 scored=3 complete=true prev_year=2021
        b 1c score=85.25
        a 2c score=80 prev=60@3 change=+20@+1
        c 3c score=70
        ",
    );
}

/// Regression: the previous year's rank used to come from published ranks only, so a complete
/// previous year (ranks computed from scores) gave no rank change at all.
#[test]
fn prev_rank_uses_computed_ranks_of_a_complete_previous_year() {
    // 2023: An published 1st (90); computed Cường 88 > Bình 86.5. 2022 (computed): Bình 1,
    // An 2, Cường 3. Changes: An 2->1 = +1, Cường 3->2 = +1, Bình 1->3 = -2;
    // 90-80 = +10, 88-70 = +18, 86.5-85.25 = +1.25 (all exact in binary).
    check(
        "two_years",
        "t",
        2023,
        "
        count=3 scored=3 complete=true prev_year=2022
        a 1p score=90 prev=80@2 change=+10@+1
        c 2c score=88 prev=70@3 change=+18@+1
        b 3c score=86.5 prev=85.25@1 change=+1.25@-2
        ",
    );
}

#[test]
fn no_ranking_without_group_or_records() {
    check("two_years", "t", 2020, "none");
    check("two_years", "nope", 2023, "none");
}

/// Scores on a quarter-point grid: exact in binary, so equal means equal and different means at
/// least 0.25 apart (far beyond TIE_EPSILON).
fn scores() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((0u32..=40).prop_map(|q| f64::from(q) / 4.0), 0..12)
}

fn better(a: f64, b: f64, higher_is_better: bool) -> bool {
    if higher_is_better {
        a > b
    } else {
        a < b
    }
}

proptest! {
    #[test]
    fn rank_is_one_plus_the_number_of_better_scores(scores in scores(), higher_is_better in any::<bool>()) {
        let ranks = competition_ranks(&scores, higher_is_better);
        let expected: Vec<u32> = scores
            .iter()
            .map(|&s| 1 + u32::try_from(scores.iter().filter(|&&t| better(t, s, higher_is_better)).count()).unwrap_or(u32::MAX))
            .collect();
        prop_assert_eq!(ranks, expected);
    }

    #[test]
    fn a_better_score_never_worsens_its_rank(
        scores in scores().prop_filter("non-empty", |s| !s.is_empty()),
        idx in any::<prop::sample::Index>(),
        quarters in 0u32..=40,
        higher_is_better in any::<bool>(),
    ) {
        let i = idx.index(scores.len());
        let mut improved = scores.clone();
        // Raising a score when higher is better, lowering it when lower is better.
        let step = f64::from(quarters) / 4.0;
        if let Some(s) = improved.get_mut(i) {
            *s = if higher_is_better { *s + step } else { *s - step };
        }
        let before = competition_ranks(&scores, higher_is_better);
        let after = competition_ranks(&improved, higher_is_better);
        prop_assert!(after.get(i) <= before.get(i), "{:?} -> {:?}: rank {:?} -> {:?}", scores, improved, before.get(i), after.get(i));
    }

    #[test]
    fn equal_scores_share_a_rank(scores in scores(), higher_is_better in any::<bool>()) {
        let ranks = competition_ranks(&scores, higher_is_better);
        for (i, si) in scores.iter().enumerate() {
            for (j, sj) in scores.iter().enumerate() {
                if si == sj {
                    prop_assert_eq!(ranks.get(i), ranks.get(j), "scores {:?}", scores);
                }
            }
        }
    }

    #[test]
    fn ranks_do_not_depend_on_input_order(
        (scores, shuffled) in scores().prop_flat_map(|s| (Just(s.clone()), Just(s).prop_shuffle())),
        higher_is_better in any::<bool>(),
    ) {
        // As a multiset of (score, rank) pairs, both orders give the same ranking.
        let pairs = |s: &[f64]| {
            let mut p: Vec<(u64, u32)> =
                s.iter().map(|x| x.to_bits()).zip(competition_ranks(s, higher_is_better)).collect();
            p.sort_unstable();
            p
        };
        prop_assert_eq!(pairs(&scores), pairs(&shuffled));
    }
}
