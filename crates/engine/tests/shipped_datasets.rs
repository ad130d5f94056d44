//! The datasets shipped in public/data load without error, and the published facts the page
//! leads with come out of the engine as published.

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::rank::{rank_group, RankOrigin, RankingRow};

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

/// The row of `unit` in the ranking of `group` in `year`.
fn row(ds: &Dataset, group: &str, year: i32, unit: &str) -> RankingRow {
    let r = rank_group(ds, &GroupId(group.to_owned()), year).expect("ranking");
    r.rows.into_iter().find(|row| row.unit_id.0 == unit).unwrap_or_else(|| panic!("{unit} in {group} {year}"))
}

#[test]
fn hanoi_districts_2023_lead_with_dong_da() {
    let ds = hanoi();
    let r = rank_group(&ds, &GroupId("districts".into()), 2023).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!(first.name, "Đống Đa");
    assert_eq!(first.score, Some(96.38));
    assert_eq!(first.rank.map(|p| (p.position, p.origin)), Some((1, RankOrigin::Published)));
    assert_eq!(r.unit_count, Some(30));
    assert!(!r.complete);
}

#[test]
fn hanoi_long_bien_2023_has_a_rank_but_no_score() {
    let long_bien = row(&hanoi(), "districts", 2023, "long-bien");
    assert_eq!(long_bien.name, "Long Biên");
    assert_eq!(long_bien.rank.map(|p| p.position), Some(12));
    assert_eq!(long_bien.score, None);
}

#[test]
fn hanoi_phu_xuyen_2023_is_last_of_30() {
    let phu_xuyen = row(&hanoi(), "districts", 2023, "phu-xuyen");
    assert_eq!(phu_xuyen.name, "Phú Xuyên");
    let rank = phu_xuyen.rank.expect("a position");
    assert_eq!((rank.position, rank.last_word, rank.origin), (30, true, RankOrigin::Published));
    assert!(phu_xuyen.said_lowest);
}

#[test]
fn hanoi_ung_hoa_2023_climbed_from_last() {
    // 2022: "last" of 30 districts, so 30th; 2023: 19th. 30 - 19 = 11 places up.
    let ung_hoa = row(&hanoi(), "districts", 2023, "ung-hoa");
    assert_eq!(ung_hoa.name, "Ứng Hòa");
    assert_eq!(ung_hoa.rank.map(|p| p.position), Some(19));
    assert_eq!(ung_hoa.prev_rank, Some(30));
    assert_eq!(ung_hoa.rank_change, Some(11));
    assert_eq!(ung_hoa.prev_score, Some(88.86));
    assert_eq!(ung_hoa.score_change, Some(93.89 - 88.86));
}

#[test]
fn hanoi_departments_2022_lead_with_so_ldtbxh() {
    let ds = hanoi();
    let r = rank_group(&ds, &GroupId("departments".into()), 2022).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!(first.name, "Sở Lao động, Thương binh và Xã hội");
    assert_eq!(first.score, Some(91.68));
    assert_eq!(first.rank.map(|p| p.position), Some(1));
}

#[test]
fn hanoi_so_tttt_2022_is_lowest_without_a_position() {
    // The 2022 departments block has no published size, so "last" cannot become a position.
    let tttt = row(&hanoi(), "departments", 2022, "so-thong-tin-va-truyen-thong");
    assert_eq!(tttt.name, "Sở Thông tin và Truyền thông");
    assert!(tttt.said_lowest);
    assert_eq!(tttt.rank, None);
    assert_eq!(tttt.score, Some(80.9));
}

#[test]
fn hanoi_departments_2024_lead_with_so_noi_vu() {
    let ds = hanoi();
    let r = rank_group(&ds, &GroupId("departments".into()), 2024).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!((first.name.as_str(), first.score), ("Sở Nội vụ", Some(95.77)));
    assert_eq!(first.rank.map(|p| (p.position, p.origin)), Some((1, RankOrigin::Published)));
    // The top five of 23, the other 18 counted, not invented.
    assert_eq!((r.n_scored, r.unit_count, r.complete), (5, Some(23), false));
}

#[test]
fn hanoi_2024_blocks_that_begin_in_2024() {
    let ds = hanoi();
    let central = rank_group(&ds, &GroupId("central-agencies".into()), 2024).expect("ranking");
    let first = central.rows.first().expect("rows");
    assert_eq!((first.name.as_str(), first.score), ("Cục Thuế thành phố Hà Nội", Some(91.52)));
    assert_eq!((central.n_scored, central.unit_count), (1, Some(4)));
    let psu = rank_group(&ds, &GroupId("public-service-units".into()), 2024).expect("ranking");
    assert_eq!((psu.rows.len(), psu.n_scored, psu.unit_count), (0, 0, Some(22)));
    let long_bien = row(&ds, "districts", 2024, "long-bien");
    assert_eq!((long_bien.score, long_bien.rank.map(|p| p.position)), (Some(95.39), Some(1)));
}

/// PCI 2023: the six ranks VCCI published (top five, Hải Dương 17th) are shown as published,
/// and the ranks the page computes from the derived weights agree with each of them.
#[test]
fn pci_2023_published_ranks_agree_with_the_computed_ones() {
    use chiso_engine::rank::{competition_ranks, rank_group, RankOrigin};
    let json = include_str!("../../../public/data/pci.json");
    let ds = chiso_engine::dataset::Dataset::from_json(json).expect("pci loads").0;
    let r = rank_group(&ds, &chiso_engine::dataset::GroupId("provinces".into()), 2023).expect("2023");
    let scores: Vec<f64> = r.rows.iter().map(|row| row.score.unwrap_or(f64::NAN)).collect();
    let computed = competition_ranks(&scores, true);
    let published: Vec<(String, u32, u32)> = r
        .rows
        .iter()
        .zip(&computed)
        .filter_map(|(row, c)| {
            let rank = row.rank.filter(|p| p.origin == RankOrigin::Published)?;
            Some((row.unit_id.0.clone(), rank.position, *c))
        })
        .collect();
    let ids: Vec<&str> = published.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["quang-ninh", "long-an", "hai-phong", "bac-giang", "dong-thap", "hai-duong"]);
    for (id, shown, by_weights) in &published {
        assert_eq!(shown, by_weights, "{id}: published {shown}, computed {by_weights}");
    }
    // Every other province's rank is computed, and said so.
    assert_eq!(r.rows.iter().filter(|row| r.rank_is_computed(row)).count(), 63 - 6);
}
