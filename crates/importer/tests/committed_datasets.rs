//! The committed PCI and PAPI files load in the engine without warnings, list the 63 provinces
//! with a record for each in every year, and give the same province the same id in both.
//! (That they equal a fresh import is `chiso-importer --check`'s job; this needs no ../shared.)

use std::collections::BTreeSet;

use chiso_engine::dataset::{Dataset, GroupId};
use chiso_engine::rank::{rank_group, RankOrigin};
use chiso_engine::schema::WeightsStatus;

fn load(name: &str) -> Dataset {
    let path = format!("{}/../../public/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let (ds, warnings) = Dataset::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(warnings.is_empty(), "{name} loads with warnings: {warnings:?}");
    ds
}

fn check(name: &str, years: &[i32], n_components: usize) -> Dataset {
    let ds = load(name);
    assert_eq!(ds.groups.len(), 1, "{name}");
    assert_eq!(ds.units.len(), 63, "{name}");
    assert_eq!(ds.index.components.len(), n_components, "{name}");
    let mut want: Vec<i32> = years.to_vec();
    want.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ds.years_desc(), want, "{name}");
    for &year in years {
        let with_record = ds.units.iter().filter(|u| u.observations.contains_key(&year)).count();
        assert_eq!(with_record, 63, "{name} {year}");
        let complete_components = ds
            .units
            .iter()
            .filter_map(|u| u.observations.get(&year))
            .filter(|o| o.components.iter().all(Option::is_some))
            .count();
        assert_eq!(complete_components, 63, "{name} {year}: every province has every component");
        assert!(ds.edition(year).is_some_and(|e| e.weight_shares.is_some()), "{name} {year}: weights");
    }
    ds
}

#[test]
fn pci_has_63_provinces_in_each_year() {
    let ds = check("pci.json", &[2013, 2014, 2015, 2016, 2023], 10);
    let r = rank_group(&ds, &GroupId("provinces".into()), 2016).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!((first.unit_id.0.as_str(), first.rank.map(|p| p.origin)), ("da-nang", Some(RankOrigin::Published)));
    // The 2023 file has no composite and no rank: nothing published may appear as if it were.
    // The only published 2023 ranks are the six VCCI announced at the launch (a source of their
    // own), never a score.
    let obs_2023: Vec<_> = ds.units.iter().filter_map(|u| u.observations.get(&2023)).collect();
    assert!(obs_2023.iter().all(|o| o.score.is_none()));
    let ranked: Vec<_> = obs_2023.iter().filter(|o| o.rank.is_some()).collect();
    assert_eq!(ranked.len(), 6);
    assert!(ranked.iter().all(|o| o.other_sources.iter().any(|s| s == "pci-2023-launch")));
    assert_eq!(ds.edition(2023).and_then(|e| e.weights_status), Some(WeightsStatus::Derived));
}

#[test]
fn papi_has_63_provinces_in_each_year_and_computed_ranks() {
    let ds = check("papi.json", &[2019, 2020], 8);
    let r = rank_group(&ds, &GroupId("provinces".into()), 2020).expect("ranking");
    assert!(r.complete);
    assert!(r.rows.iter().all(|row| row.rank.is_some_and(|p| p.origin == RankOrigin::Computed)));
    // The totals are computed (the file has none) as the unweighted sum of the 8 dimensions:
    // PAPI 2020's published Quảng Ninh 48.811 comes back, marked as computed.
    assert_eq!(r.n_computed_scores, 63);
    let qn = r.rows.iter().find(|row| row.unit_id.0 == "quang-ninh").expect("Quảng Ninh");
    assert!((qn.score.unwrap_or_default() - 48.811).abs() < 0.001, "{:?}", qn.score);
    assert!(qn.is_computed());
}

#[test]
fn pci_and_papi_share_unit_ids() {
    let ids = |ds: &Dataset| ds.units.iter().map(|u| u.id.0.clone()).collect::<BTreeSet<_>>();
    assert_eq!(ids(&load("pci.json")), ids(&load("papi.json")));
}

/// The PAR INDEX lists the 63 provinces under the ids PCI and PAPI use, and loads with one
/// warning only: the contradiction of two published 2023 figures (Cà Mau 86,89 ranked 32nd
/// above TP. Hồ Chí Minh 86,97), which the page shows the reader.
#[test]
fn par_index_shares_province_ids_and_warns_of_its_one_contradiction() {
    let path = format!("{}/../../public/data/par-index.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let (ds, warnings) = Dataset::from_json(&json).unwrap_or_else(|e| panic!("par-index.json: {e}"));
    let said: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(said, ["groups[0]: 2023: Cà Mau is ranked 32 with 86.89 but TP. Hồ Chí Minh is ranked 33 with 86.97"]);
    let provinces = GroupId("provinces".into());
    let group = ds.groups.iter().find(|g| g.id == provinces).expect("provinces");
    let ids: BTreeSet<String> = ds.group_units(group).map(|u| u.id.0.clone()).collect();
    let pci: BTreeSet<String> = load("pci.json").units.iter().map(|u| u.id.0.clone()).collect();
    assert_eq!(ids, pci);
    assert_eq!(ds.years_desc(), [2024, 2023, 2022, 2021]);
    // 2023: Quảng Ninh first, published; Long An 7th with no score, its rank kept.
    let r = rank_group(&ds, &provinces, 2023).expect("ranking");
    let first = r.rows.first().expect("rows");
    assert_eq!((first.unit_id.0.as_str(), first.score), ("quang-ninh", Some(92.18)));
    assert_eq!(first.rank.map(|p| p.origin), Some(RankOrigin::Published));
    let long_an = r.rows.iter().find(|row| row.unit_id.0 == "long-an").expect("Long An");
    assert_eq!((long_an.score, long_an.rank.map(|p| p.position)), (None, Some(7)));
    assert_eq!((r.n_scored, r.unit_count, r.complete), (15, Some(63), false));
    assert_eq!(r.published_mean, Some(86.98));
}
