//! The datasets shipped in public/data load without error, and the published facts the page
//! leads with come out of the engine as published.

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::rank::{rank_group, RankOrigin};

fn hanoi() -> Dataset {
    let json = include_str!("../../../public/data/hanoi-cchc.json");
    let (ds, warnings) = Dataset::from_json(json).expect("hanoi-cchc.json loads");
    assert!(warnings.is_empty(), "unexpected warnings: {warnings:?}");
    ds
}

#[test]
fn hanoi_departments_2023_lead_with_so_noi_vu() {
    let ds = hanoi();
    let r = rank_group(&ds, &GroupId("departments".into()), 2023).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!(first.name, "Sở Nội vụ");
    assert_eq!(first.score, Some(94.25));
    assert_eq!(r.unit_count, Some(22));
    assert_eq!(r.n_scored, 7);
    assert!(!r.complete);
    assert_eq!(r.published_mean, Some(88.46));
    assert_eq!(r.published_mean_change, Some(2.73));
}
