//! The what-if view's rules on the shipped data, each case a whole table as text: which rank
//! each row may show (exact, range, shifted, unknown), the editor, the selected unit's move,
//! "what it takes" turned into link changes, and edits that return to the published value.

mod support;

use chiso_engine::dataset::{Dataset, GroupId, UnitId};
use chiso_engine::gain::Gain;
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::view_state::from_query;
use chiso_engine::whatif::{apply_changes, edit, unit_choices, Editor, ShownRank, WhatIf};
use support::{assert_lines, opt};

fn dataset(name: &str) -> Dataset {
    let json = match name {
        "hanoi" => include_str!("../../../public/data/hanoi-cchc.json"),
        _ => include_str!("../../../public/data/pci.json"),
    };
    Dataset::from_json(json).expect("shipped dataset loads").0
}

fn block(ds: &Dataset, group: &str, year: i32) -> BlockMatrix {
    BlockMatrix::new(ds, &GroupId(group.into()), year).expect("block")
}

/// `12`, `=3`, `12–22 (15 unpublished)`, `11 (was 10)`, `–`.
fn shown(s: ShownRank) -> String {
    match s {
        ShownRank::Exact { rank_1_based, tied } => format!("{}{rank_1_based}", if tied { "=" } else { "" }),
        ShownRank::Range { best_1_based, worst_1_based, n_unpublished } => {
            format!("{best_1_based}–{} ({n_unpublished} unpublished)", opt(worst_1_based))
        }
        ShownRank::Shifted { rank_1_based, published_1_based } => format!("{rank_1_based} (was {published_1_based})"),
        ShownRank::Unknown => "–".to_owned(),
    }
}

/// One line per rescored row that has a score or a shown rank: `shown unit score`.
fn render(w: &WhatIf) -> String {
    let Ok(result) = &w.result else { return format!("error: {:?}", w.result) };
    result
        .rows
        .iter()
        .zip(&w.shown)
        .map(|(r, s)| format!("{} {} {}", shown(*s), r.unit_id.0, r.score.map_or("-".into(), |x| format!("{x:.2}"))))
        .collect::<Vec<_>>()
        .join("\n")
}

fn what_if(ds: &Dataset, group: &str, year: i32, link: &str) -> (BlockMatrix, WhatIf) {
    let m = block(ds, group, year);
    let w = WhatIf::new(&m, &from_query(link).0);
    (m, w)
}

#[test]
fn nothing_changed_published_ranks_stand() {
    let ds = dataset("hanoi");
    let (_, w) = what_if(&ds, "departments", 2023, "view=whatif");
    let got = render(&w);
    assert_lines(
        &got,
        "
        1 so-noi-vu 94.25
        2 so-tai-chinh 93.89
        3 so-khoa-hoc-va-cong-nghe 93.47
        4 so-du-lich 93.44
        5 van-phong-ubnd-thanh-pho 93.42
        11 so-thong-tin-va-truyen-thong 89.58
        22 thanh-tra-thanh-pho 63.96
        ",
        "unchanged",
    );
}

/// The selected unit's move and what it takes, on one line each.
fn render_focus(m: &BlockMatrix, w: &WhatIf, k: u32) -> String {
    let focus = w.focus().map_or("no focus".into(), |f| {
        format!("{}: {} -> {} changed={}", f.unit.0, opt(f.before_1_based), shown(f.after), f.changed)
    });
    let takes = match w.what_it_takes(m, k) {
        None => "no answer".to_owned(),
        Some(Err(e)) => format!("takes: error {e}"),
        Some(Ok(t)) => {
            let gain = match t.answer.gain {
                Gain::AlreadyThere => "already there".to_owned(),
                Gain::Needed { delta, new_score, .. } => format!("+{delta:.2} to {new_score:.2}"),
                Gain::Impossible { reason } => format!("impossible {reason:?}"),
            };
            let changes: Vec<String> = t
                .changes
                .iter()
                .map(|c| {
                    format!("{}{}:{}", c.unit, c.component.as_ref().map_or(String::new(), |c| format!(".{c}")), c.value)
                })
                .collect();
            format!("takes top {k}: {gain} {:?} apply [{}]", t.answer.certainty, changes.join(","))
        }
    };
    format!("{focus}\n{takes}")
}

#[test]
fn one_change_in_a_partial_block_gives_a_range_and_shifts_only_what_it_passes() {
    let ds = dataset("hanoi");
    // Thanh tra (22nd, 63.96) at 85: below the 11th's 89.58, so no published unit is passed and
    // every published rank stands; its own rank is the interval 12–22 (interval.rs works it out).
    let (m, w) = what_if(&ds, "departments", 2023, "set=thanh-tra-thanh-pho:85");
    assert_lines(
        &format!("{}\n{}", render(&w), render_focus(&m, &w, 10)),
        "
        1 (was 1) so-noi-vu 94.25
        2 (was 2) so-tai-chinh 93.89
        3 (was 3) so-khoa-hoc-va-cong-nghe 93.47
        4 (was 4) so-du-lich 93.44
        5 (was 5) van-phong-ubnd-thanh-pho 93.42
        11 (was 11) so-thong-tin-va-truyen-thong 89.58
        12–22 (15 unpublished) thanh-tra-thanh-pho 85.00
        thanh-tra-thanh-pho: 22 -> 12–22 (15 unpublished) changed=true
        takes top 10: +29.46 to 93.42 WorstCase apply [thanh-tra-thanh-pho:93.42]
        ",
        "thanh tra at 85",
    );
    // At 90 it passes the 11th (89.58), which moves down one place to 12th.
    let (_, w) = what_if(&ds, "departments", 2023, "set=thanh-tra-thanh-pho:90");
    assert_lines(
        &render(&w),
        "
        1 (was 1) so-noi-vu 94.25
        2 (was 2) so-tai-chinh 93.89
        3 (was 3) so-khoa-hoc-va-cong-nghe 93.47
        4 (was 4) so-du-lich 93.44
        5 (was 5) van-phong-ubnd-thanh-pho 93.42
        6–11 (15 unpublished) thanh-tra-thanh-pho 90.00
        12 (was 11) so-thong-tin-va-truyen-thong 89.58
        ",
        "thanh tra at 90",
    );
    // At 95 it beats every possible score: exactly 1st, everyone published moves down one.
    let (_, w) = what_if(&ds, "departments", 2023, "set=thanh-tra-thanh-pho:95");
    assert_lines(
        &render(&w),
        "
        1 thanh-tra-thanh-pho 95.00
        2 (was 1) so-noi-vu 94.25
        3 (was 2) so-tai-chinh 93.89
        4 (was 3) so-khoa-hoc-va-cong-nghe 93.47
        5 (was 4) so-du-lich 93.44
        6 (was 5) van-phong-ubnd-thanh-pho 93.42
        12 (was 11) so-thong-tin-va-truyen-thong 89.58
        ",
        "thanh tra at 95",
    );
    // The leader falling to 89 (below the 11th's 89.58): the four behind it and the 11th move
    // up one; its range is 11 (behind 4 published, the 5 unknown at 6–10 and 89.58) to 21 (the
    // 10 unknown at 12–21 may all be above 89); Thanh tra, still behind, stays 22nd.
    let (m, w) = what_if(&ds, "departments", 2023, "unit=so-noi-vu&set=so-noi-vu:89");
    assert_lines(
        &format!("{}\n{}", render(&w), render_focus(&m, &w, 10)),
        "
        1 (was 2) so-tai-chinh 93.89
        2 (was 3) so-khoa-hoc-va-cong-nghe 93.47
        3 (was 4) so-du-lich 93.44
        4 (was 5) van-phong-ubnd-thanh-pho 93.42
        10 (was 11) so-thong-tin-va-truyen-thong 89.58
        11–21 (15 unpublished) so-noi-vu 89.00
        22 (was 22) thanh-tra-thanh-pho 63.96
        so-noi-vu: 1 -> 11–21 (15 unpublished) changed=true
        takes top 10: already there WorstCase apply []
        ",
        "so-noi-vu at 89",
    );
}

#[test]
fn two_changes_in_a_partial_block_leave_every_rank_unknown() {
    let ds = dataset("hanoi");
    let (m, w) = what_if(&ds, "departments", 2023, "set=thanh-tra-thanh-pho:85,so-noi-vu:80");
    assert_lines(
        &format!("{}\n{}", render(&w), render_focus(&m, &w, 10)),
        "
        – so-tai-chinh 93.89
        – so-khoa-hoc-va-cong-nghe 93.47
        – so-du-lich 93.44
        – van-phong-ubnd-thanh-pho 93.42
        – so-thong-tin-va-truyen-thong 89.58
        – thanh-tra-thanh-pho 85.00
        – so-noi-vu 80.00
        thanh-tra-thanh-pho: 22 -> – changed=true
        takes: error in a partially published block only the unit asked about may be changed
        ",
        "two changes",
    );
}

#[test]
fn a_complete_block_shows_its_rescored_ranks_and_components_to_apply() {
    let ds = dataset("pci");
    // PCI 2016 as published: exact ranks. The panel edits the last unit in file order (Cà Mau,
    // 54th); reaching the top 10 (Quảng Nam's 61.17) costs 4.81 points, cheapest all on
    // transparency (weight 20%, the most score per point with room left): 5.86 -> 8.27.
    let (m, w) = what_if(&ds, "provinces", 2016, "");
    let top: Vec<String> = render(&w).lines().take(3).map(str::to_owned).collect();
    assert_lines(
        &format!("{}\n{}", top.join("\n"), render_focus(&m, &w, 10)),
        "
        1 da-nang 70.00
        2 quang-ninh 65.60
        3 dong-thap 64.96
        ca-mau: 54 -> 54 changed=false
        takes top 10: +4.81 to 61.17 Exact apply [ca-mau.transparency:8.2709]
        ",
        "pci 2016",
    );
    // Applying the answer takes Cà Mau to 10th, sharing nothing: the value was rounded up.
    let mut v = from_query("").0;
    let Some(Ok(takes)) = w.what_it_takes(&m, 10) else { panic!("an answer") };
    apply_changes(&mut v, &takes.changes);
    let applied = WhatIf::new(&m, &v);
    assert_eq!(v.to_query(), "v=1&set=ca-mau.transparency%3A8.2709");
    assert_eq!(applied.focus().map(|f| shown(f.after)), Some("10".to_owned()));
}

#[test]
fn other_weights_on_a_complete_block_rank_exactly() {
    let ds = dataset("pci");
    let (_, w) = what_if(&ds, "provinces", 2016, "w=equal");
    let top: Vec<String> = render(&w).lines().take(3).map(str::to_owned).collect();
    // Equal weights (10% each) rescore every province: Đà Nẵng stays first, Sóc Trăng climbs
    // from 22nd to 3rd.
    assert_lines(
        &top.join("\n"),
        "
        1 da-nang 69.93
        2 dong-thap 68.82
        3 soc-trang 65.48
        ",
        "equal weights",
    );
}

#[test]
fn the_editor_follows_the_unit_and_an_edit_back_to_the_published_value_is_no_change() {
    let ds = dataset("hanoi");
    let m = block(&ds, "departments", 2023);
    let tt = UnitId("thanh-tra-thanh-pho".into());
    let mut v = from_query("view=whatif&unit=thanh-tra-thanh-pho").0;
    edit(&mut v, &m, &tt, None, 85.0);
    assert_eq!(v.to_query(), "v=1&unit=thanh-tra-thanh-pho&view=whatif&set=thanh-tra-thanh-pho%3A85");
    let Some(Editor::Total(t)) = WhatIf::new(&m, &v).editor(&m) else { panic!("a total editor") };
    assert_eq!((t.published, t.value, t.changed), (Some(63.96), Some(85.0), true));
    // Past the scale it is held at the scale's end; back at the published value it is gone.
    edit(&mut v, &m, &tt, None, 140.0);
    assert_eq!(v.overrides.first().map(|o| o.value), Some(100.0));
    edit(&mut v, &m, &tt, None, 63.96);
    assert!(v.overrides.is_empty());

    // An unpublished total (most districts of 2023) has no number: the slider waits at the
    // middle of the scale.
    let m = block(&ds, "districts", 2023);
    let unnamed = m.units().iter().find(|u| u.baseline_score.is_none()).map(|u| u.id.clone());
    let Some(unnamed) = unnamed else { panic!("Hanoi 2023 has unpublished districts") };
    let v = from_query(&format!("unit={}", unnamed.0)).0;
    let Some(Editor::Total(t)) = WhatIf::new(&m, &v).editor(&m) else { panic!("a total editor") };
    assert_eq!((t.published, t.value, t.changed, t.slider_at), (None, None, false, 50.0));

    // PCI: ten component sliders; one edited, the rest at their published values.
    let ds = dataset("pci");
    let m = block(&ds, "provinces", 2016);
    let v = from_query("unit=ha-giang&set=ha-giang.land_access:9").0;
    let Some(Editor::Components(rows)) = WhatIf::new(&m, &v).editor(&m) else { panic!("components") };
    let changed: Vec<(&str, bool)> = rows.iter().map(|r| (r.component_id.as_str(), r.changed)).take(3).collect();
    assert_eq!(changed, [("entry_costs", false), ("land_access", true), ("transparency", false)]);
    assert_eq!(rows.get(1).map(|r| r.value), Some(9.0));
}

#[test]
fn the_unit_picker_is_in_accent_free_name_order() {
    let ds = dataset("hanoi");
    let m = block(&ds, "districts", 2023);
    let names: Vec<String> = unit_choices(&ds, &m).into_iter().map(|(_, n)| n).take(4).collect();
    assert_eq!(names, ["Ba Đình", "Ba Vì", "Bắc Từ Liêm", "Cầu Giấy"]);
}

#[test]
fn a_phone_keeps_the_selected_unit_and_its_neighbours_in_view() {
    let render_neighbours = |w: &WhatIf| {
        w.neighbours(1)
            .iter()
            .map(|n| format!("{} {} {:.2}{}", shown(n.shown), n.unit_id.0, n.score, if n.selected { " *" } else { "" }))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Thanh tra at 90 lands between the 5th and the old 11th.
    let ds = dataset("hanoi");
    let (_, w) = what_if(&ds, "departments", 2023, "unit=thanh-tra-thanh-pho&set=thanh-tra-thanh-pho:90");
    assert_lines(
        &render_neighbours(&w),
        "
        5 (was 5) van-phong-ubnd-thanh-pho 93.42
        6–11 (15 unpublished) thanh-tra-thanh-pho 90.00 *
        12 (was 11) so-thong-tin-va-truyen-thong 89.58
        ",
        "thanh tra at 90",
    );
    // The leader has no one above it.
    let (_, w) = what_if(&ds, "departments", 2023, "unit=so-noi-vu");
    assert_lines(&render_neighbours(&w), "1 so-noi-vu 94.25 *\n2 so-tai-chinh 93.89", "leader");
    // Cà Mau, PCI 2016 as published: 53rd Điện Biên above, 55th Lạng Sơn below.
    let ds = dataset("pci");
    let (_, w) = what_if(&ds, "provinces", 2016, "");
    assert_lines(&render_neighbours(&w), "53 dien-bien 56.48\n54 ca-mau 56.36 *\n55 lang-son 56.29", "ca mau");
}
