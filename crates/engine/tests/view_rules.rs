//! The views' other rules on the shipped data, each as text: the one resolver (a link checked
//! against a dataset), the ranking summary's lines, the unit card's places, the robustness
//! run's configuration and figures, the explanation's headline and the slope chart's labels.

mod support;

use chiso_engine::comparability::ApproxReason;
use chiso_engine::compare::compare;
use chiso_engine::dataset::{Dataset, GroupId, UnitId};
use chiso_engine::explain::explain;
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::rank::{published_place, rank_group, PublishedPlace, SummaryLine};
use chiso_engine::resolve::{resolve, ViewMismatch};
use chiso_engine::robustness::{box_fraction, concentration, config_for, robustness, weight_box};
use chiso_engine::scenario::Scenario;
use chiso_engine::view_state::{from_query, WeightsParam};
use support::assert_lines;

fn dataset(name: &str) -> Dataset {
    let json = match name {
        "hanoi" => include_str!("../../../public/data/hanoi-cchc.json"),
        "papi" => include_str!("../../../public/data/papi.json"),
        _ => include_str!("../../../public/data/pci.json"),
    };
    Dataset::from_json(json).expect("shipped dataset loads").0
}

/// `group year from=… unit=… | mismatches`.
fn resolved(ds: &Dataset, link: &str) -> String {
    let r = resolve(ds, &from_query(link).0);
    let m: Vec<String> = r.mismatches.iter().map(|m| format!("{m:?}")).collect();
    format!(
        "{} {} from={} unit={} years={:?} | {}",
        r.group.0,
        r.year,
        support::opt(r.from),
        r.unit.map_or("-".into(), |u| u.0),
        r.years,
        m.join(" ")
    )
}

#[test]
fn the_resolver_falls_back_and_says_what_did_not_fit() {
    let hanoi = dataset("hanoi");
    let pci = dataset("pci");
    let cases = [
        (&hanoi, "", "departments 2024 from=2023 unit=- years=[2024, 2023, 2022, 2021, 2020, 2019] | "),
        (&hanoi, "group=districts&year=2022", "districts 2022 from=2021 unit=- years=[2024, 2023, 2022, 2021, 2020, 2019] | "),
        (&hanoi, "group=nope&year=1999&unit=ghost", "departments 2024 from=2023 unit=- years=[2024, 2023, 2022, 2021, 2020, 2019] | Group(\"nope\") Year(1999) Unit(\"ghost\")"),
        // `ds` must name the dataset loaded, unless `data=` loaded another file.
        (&hanoi, "ds=pci", "departments 2024 from=2023 unit=- years=[2024, 2023, 2022, 2021, 2020, 2019] | Dataset(\"pci\")"),
        (&hanoi, "ds=pci&data=data/hanoi-cchc.json", "departments 2024 from=2023 unit=- years=[2024, 2023, 2022, 2021, 2020, 2019] | "),
        // `from` must be an earlier year of the group; in the comparison view a wrong one is said.
        (&pci, "ds=pci&view=compare&year=2016&from=2013", "provinces 2016 from=2013 unit=- years=[2023, 2016, 2015, 2014, 2013] | "),
        (&pci, "ds=pci&view=compare&year=2015&from=2016", "provinces 2015 from=2014 unit=- years=[2023, 2016, 2015, 2014, 2013] | From(2016)"),
        (&pci, "ds=pci&view=compare&from=2030", "provinces 2023 from=2016 unit=- years=[2023, 2016, 2015, 2014, 2013] | From(2030)"),
        // Outside the comparison view `from` waits unused in the link, without a notice.
        (&pci, "ds=pci&from=2030", "provinces 2023 from=2016 unit=- years=[2023, 2016, 2015, 2014, 2013] | "),
        (&pci, "ds=pci&year=2013&view=compare", "provinces 2013 from=- unit=- years=[2023, 2016, 2015, 2014, 2013] | "),
        (&pci, "ds=pci&unit=ha-noi", "provinces 2023 from=2016 unit=ha-noi years=[2023, 2016, 2015, 2014, 2013] | "),
    ];
    for (ds, link, want) in cases {
        assert_eq!(resolved(ds, link), want, "{link}");
    }
    // One mismatch of each kind, worded once by the UI.
    let r = resolve(&pci, &from_query("ds=x&group=g&year=1950&unit=u&view=compare&from=1949").0);
    assert_eq!(
        r.mismatches,
        [
            ViewMismatch::Dataset("x".into()),
            ViewMismatch::Group("g".into()),
            ViewMismatch::Year(1950),
            ViewMismatch::Unit("u".into()),
            ViewMismatch::From(1949),
        ]
    );
}

#[test]
fn the_summary_says_the_average_computed_totals_and_coverage() {
    let hanoi = dataset("hanoi");
    let papi = dataset("papi");
    let pci = dataset("pci");
    // A method change's note is the sources' words: shown here by its year only.
    let line = |l: &SummaryLine| match l {
        SummaryLine::Approximate { prev_year, reasons } => {
            let years: Vec<String> = reasons
                .iter()
                .map(|r| match r {
                    ApproxReason::Method { year, .. } => format!("method {year}"),
                    other => format!("{other:?}"),
                })
                .collect();
            format!("Approximate {{ prev_year: {prev_year}, reasons: [{}] }}", years.join(", "))
        }
        other => format!("{other:?}"),
    };
    let lines = |ds: &Dataset, g: &str, y: i32| {
        rank_group(ds, &GroupId(g.into()), y).map(|r| r.summary_lines().iter().map(line).collect::<Vec<_>>().join("\n"))
    };
    // Hanoi 2023: the published average and its change, approximate (the sources say the 2023–2030
    // index set was still being adjusted), then 7 of 22 scores published.
    assert_lines(
        &lines(&hanoi, "departments", 2023).unwrap_or_default(),
        "
        Mean { mean: 88.46, change: Some(2.73), prev_year: Some(2022) }
        Approximate { prev_year: 2022, reasons: [method 2023] }
        Coverage { n_scored: 7, unit_count: Some(22), complete: false }
        ",
        "hanoi",
    );
    // PAPI: every total computed, and the block complete: the computed line says it all.
    assert_eq!(lines(&papi, "provinces", 2020).as_deref(), Some("Computed { n_computed: 63 }"));
    // PCI 2016: every composite published; PCI's methods change between years (SOURCES.md), so
    // the change on 2015 is approximate.
    assert_lines(
        &lines(&pci, "provinces", 2016).unwrap_or_default(),
        "
        Approximate { prev_year: 2015, reasons: [method 2016] }
        Coverage { n_scored: 63, unit_count: Some(63), complete: true }
        ",
        "pci",
    );
}

#[test]
fn a_published_last_place_is_a_position_when_the_block_size_is_known() {
    use chiso_engine::dataset::PublishedRank;
    assert_eq!(
        published_place(Some(PublishedRank::Position(3)), Some(22)),
        Some(PublishedPlace::Position { rank_1_based: 3, unit_count: Some(22) })
    );
    assert_eq!(
        published_place(Some(PublishedRank::Last), Some(22)),
        Some(PublishedPlace::Position { rank_1_based: 22, unit_count: Some(22) })
    );
    assert_eq!(published_place(Some(PublishedRank::Last), None), Some(PublishedPlace::LastOfUnknownCount));
    assert_eq!(published_place(None, Some(22)), None);
}

#[test]
fn robustness_turns_the_spread_into_draws_and_a_box() {
    // spread 10 -> concentration 100, box ± 50%; 0 -> no uncertainty; 20+ -> the whole 0..2s box.
    assert_eq!((concentration(10), concentration(0), concentration(50)), (100.0, f64::INFINITY, 4.0));
    assert_eq!((box_fraction(10), box_fraction(20), box_fraction(100)), (0.5, 1.0, 1.0));
    assert_eq!(weight_box(&[0.2, 0.05], 10), [(0.1, 0.30000000000000004), (0.025, 0.07500000000000001)]);
    let cfg = config_for(10, 5);
    assert_eq!((cfg.n_draws, cfg.seed, cfg.top_k), (10_000, 20_240_220, 5));

    // PCI 2016 at spread 10: Đà Nẵng's 70.00 is first in every draw and provably first; only
    // one province keeps a single rank across the 5–95% band.
    let pci = dataset("pci");
    let m = BlockMatrix::new(&pci, &GroupId("provinces".into()), 2016).expect("block");
    let Some(Ok(r)) = robustness(&m, &WeightsParam::Official, 10, 10) else { panic!("a run") };
    let first = r.result.rows.first().map(|row| {
        (row.unit_id.0.as_str(), row.median_rank_1_based, row.p05_rank_1_based, row.p95_rank_1_based, row.p_top_k)
    });
    assert_eq!(first, Some(("da-nang", 1, 1, 1, 1.0)));
    let bounds = r.bounds_of(&UnitId("da-nang".into())).map(|b| (b.best_bound_1_based, b.worst_bound_1_based));
    assert_eq!((r.n_units, r.n_stable, bounds), (63, 1, Some((1, 1))));

    // An index without components has nothing to weigh.
    let hanoi = dataset("hanoi");
    let m = BlockMatrix::new(&hanoi, &GroupId("departments".into()), 2023).expect("block");
    assert!(robustness(&m, &WeightsParam::Official, 10, 10).is_none());
}

#[test]
fn the_explanation_tells_the_top_contribution_and_two_widest_gaps() {
    // Cà Mau, PCI 2016: transparency (20%) at 5.86 brings 11.73 points, the most; the widest
    // gap is labour training, 4.46 against the best 7.98 = 3.52 points × 2 = 7.04 of the
    // total, then business support, 1.47 × 2 = 2.94.
    let pci = dataset("pci");
    let m = BlockMatrix::new(&pci, &GroupId("provinces".into()), 2016).expect("block");
    let e = explain(&m, &Scenario::baseline(GroupId("provinces".into()), 2016), &UnitId("ca-mau".into()))
        .expect("explained");
    let h = e.headline();
    let gaps: Vec<String> =
        h.gaps.iter().flatten().map(|g| format!("{} {:.2}", g.component_id, g.gap_score_points)).collect();
    assert_eq!(
        h.top.map(|t| format!("{} {:.2}", t.component_id, t.contribution)).as_deref(),
        Some("transparency 11.73")
    );
    assert_eq!(gaps, ["labour_training 7.04", "business_support 2.94"]);
}

#[test]
fn slope_lines_label_every_line_of_a_small_chart_and_the_movers_of_a_large_one() {
    // PCI 2015 -> 2016: 63 lines, so only the three biggest climbers and fallers are named.
    let pci = dataset("pci");
    let c = compare(&pci, &GroupId("provinces".into()), 2015, 2016).expect("both years");
    let lines = c.slope_lines();
    let labelled: Vec<String> = lines
        .iter()
        .filter(|l| l.labelled)
        .map(|l| format!("{} {}->{}", l.row.unit_id.0, l.from_rank, l.to_rank))
        .collect();
    assert_eq!(lines.len(), 63);
    assert_eq!(
        labelled,
        [
            "binh-duong 25->4",
            "vinh-long 19->6",
            "ninh-binh 30->19",
            "nam-dinh 17->30",
            "thanh-hoa 10->31",
            "son-la 44->58"
        ]
    );
    assert_eq!(c.n_positions(Some(63)), 63);
    // Hanoi's districts 2022 -> 2023: two lines, both named; the axis spans the 30 districts.
    let hanoi = dataset("hanoi");
    let c = compare(&hanoi, &GroupId("districts".into()), 2022, 2023).expect("both years");
    let lines = c.slope_lines();
    assert_eq!(
        lines.iter().map(|l| (l.row.unit_id.0.as_str(), l.labelled)).collect::<Vec<_>>(),
        [("hoan-kiem", true), ("ung-hoa", true)]
    );
    assert_eq!((c.n_positions(Some(30)), c.n_positions(None)), (30, 30));
}

#[test]
fn unnamed_units_are_counted_never_listed() {
    // Hanoi 2023: 22 departments, of which the sources name 7: 15 are counted. The 30 districts
    // are all listed by name (most unpublished), and PCI 2016 names all 63 provinces.
    let hanoi = dataset("hanoi");
    let pci = dataset("pci");
    let unnamed = |ds: &Dataset, g: &str, y: i32| rank_group(ds, &GroupId(g.into()), y).and_then(|r| r.n_unnamed());
    assert_eq!(unnamed(&hanoi, "departments", 2023), Some(15));
    assert_eq!(unnamed(&hanoi, "districts", 2023), None);
    assert_eq!(unnamed(&pci, "provinces", 2016), None);
}

#[test]
fn the_filter_menus_offer_the_blocks_kinds_and_the_links_own_cut() {
    use chiso_engine::filter::Limit;
    let hanoi = dataset("hanoi");
    let kinds = |g: &str| {
        hanoi.group(&GroupId(g.into())).map(|g| hanoi.group_kinds(g).iter().map(|k| k.code()).collect::<Vec<_>>())
    };
    assert_eq!(kinds("districts"), Some(vec!["quan", "huyen", "thi_xa"]));
    let codes = |c: Option<Limit>| Limit::choices(c).into_iter().map(Limit::code).collect::<Vec<_>>();
    assert_eq!(codes(None), ["top5", "top10", "bottom5", "bottom10"]);
    assert_eq!(codes(Some(Limit::Top(7))), ["top5", "top10", "bottom5", "bottom10", "top7"]);
    assert_eq!(codes(Some(Limit::Top(10))), ["top5", "top10", "bottom5", "bottom10"]);
    assert_eq!(Limit::from_choice("top7", Some(Limit::Top(7))), Some(Limit::Top(7)));
    assert_eq!(Limit::from_choice("bottom5", None), Some(Limit::Bottom(5)));
    assert_eq!(Limit::from_choice("", None), None);
}
