//! Vietnam's Provincial Competitiveness Index (PCI, VCCI & USAID): 2013–2016 from the official
//! workbooks' `Summary_VN` sheet, 2023 from the indicator workbook's `Tổng hợp` sheet.
//!
//! `Summary_VN` holds eleven (province, score) column pairs — ten sub-indices and the composite —
//! and **each pair is sorted by its own score**, so the pairs are joined by province name, never
//! by row. The English `Summary` sheet of the 2014–2016 files is a stale copy of 2013 and is not
//! read. The 2023 file has the ten sub-indices only (no composite, no rank). Layout facts are
//! checked as the files are read: a file that does not look as described fails the import.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Range};
use chiso_engine::schema::{
    Comparability, RawComparability, RawDataset, RawEdition, RawGroup, RawGroupYear, RawIndex, RawObservation, RawRank,
    RawScale, RawSource, ScoreUnit, Text, WeightsStatus, SCHEMA_VERSION,
};

use crate::names::normalise;
use crate::provinces::{self, N_PROVINCES, PROVINCES};
use crate::xlsx::sheet;

/// Number of PCI sub-indices (CSTP 1..10).
pub const N_SUB: usize = 10;

/// The sub-indices in the official order (CSTP 1..10): id, Vietnamese name (as the 2013–2016
/// workbooks head the columns), English name.
pub const COMPONENTS: [(&str, &str, &str); N_SUB] = [
    ("entry_costs", "Gia nhập thị trường", "Entry costs"),
    ("land_access", "Tiếp cận đất đai", "Land access"),
    ("transparency", "Tính minh bạch", "Transparency"),
    ("time_costs", "Chi phí thời gian", "Time costs"),
    ("informal_charges", "Chi phí không chính thức", "Informal charges"),
    ("policy_bias", "Cạnh tranh bình đẳng", "Equal competition (policy bias)"),
    ("proactivity", "Tính năng động", "Proactivity of provincial leadership"),
    ("business_support", "Hỗ trợ doanh nghiệp", "Business support services"),
    ("labour_training", "Đào tạo lao động", "Labour training"),
    ("legal_institutions", "Thiết chế pháp lý", "Legal institutions"),
];

/// Official weights (percent, CSTP 1..10) used through PCI 2021: the VCCI handbook table, and
/// an exact fit on every 2013–2016 composite (see the tests).
pub const WEIGHTS_OFFICIAL_PCT: [f64; N_SUB] = [5.0, 5.0, 20.0, 5.0, 10.0, 5.0, 5.0, 20.0, 20.0, 5.0];

/// PCI 2023 weights (percent), DERIVED: among vectors of multiples of 5% with every weight at
/// least 5%, the only one that reproduces the published 2023 scores of Quảng Ninh, Long An and
/// Hải Dương (with zeros allowed one more fits; see the tests). No official document confirms it.
pub const WEIGHTS_2023_DERIVED_PCT: [f64; N_SUB] = [5.0, 10.0, 5.0, 5.0, 15.0, 10.0, 15.0, 15.0, 10.0, 10.0];

/// The 2013–2016 workbooks, read from their `Summary_VN` sheet.
pub const SUMMARY_YEARS: [i32; 4] = [2013, 2014, 2015, 2016];

/// Year of the indicator workbook (DERIVED from its published results; the file has no label).
pub const YEAR_2023: i32 = 2023;

/// Commit of `mdtrinh/vietnamdata` the 2013–2016 workbooks come from.
const VIETNAMDATA_COMMIT: &str = "5e8d4e7408e1b3e422cde2f9f356240c6a50408b";
/// Commit of `ttuan8600/flask_test` the 2023 workbook comes from.
const FLASK_TEST_COMMIT: &str = "f72d0ef3511d527905068b389a432f8133c479c6";

/// One province's figures in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceYear {
    /// Index into [`PROVINCES`].
    pub province_idx: usize,
    /// Sub-indices CSTP 1..10 (0–10 scale).
    pub sub_indices: [f64; N_SUB],
    /// Published composite (0–100), where the file has one.
    pub score: Option<f64>,
    /// Published rank, where the file has one.
    pub rank: Option<u32>,
}

/// One year of PCI as read from its file, rows in [`PROVINCES`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct PciYear {
    /// The year assessed.
    pub year: i32,
    /// The 63 provinces, in [`PROVINCES`] order.
    pub rows: Vec<ProvinceYear>,
}

fn summary_file(year: i32) -> String {
    format!("pci_{year}_vcci.xlsx")
}

const FILE_2023: &str = "pci_2023_vcci_indicators.xlsx";

/// A1-style name of a 0-based (row, col) cell, for error messages.
fn cell_name(row: u32, col: u32) -> String {
    let letter = char::from_u32(u32::from(b'A') + col).unwrap_or('?');
    format!("{letter}{}", row + 1)
}

fn text_at(range: &Range<Data>, row: u32, col: u32) -> Option<String> {
    match range.get_value((row, col))? {
        Data::String(s) => Some(normalise(s)).filter(|s| !s.is_empty()),
        _ => None,
    }
}

fn number_at(range: &Range<Data>, row: u32, col: u32) -> Result<f64, String> {
    match range.get_value((row, col)) {
        Some(Data::Float(x)) if x.is_finite() => Ok(*x),
        // Whole numbers stored as integers are exact in f64 (ranks are at most 63).
        Some(Data::Int(i)) => Ok(*i as f64),
        other => Err(format!("{}: expected a number, found {other:?}", cell_name(row, col))),
    }
}

fn expect_text(range: &Range<Data>, row: u32, col: u32, want: &str, what: &str) -> Result<(), String> {
    let got = text_at(range, row, col).unwrap_or_default();
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: {} should read '{want}', found '{got}'", cell_name(row, col)))
    }
}

/// Rows 2–64 of `Summary_VN`: 63 provinces.
const FIRST_ROW: u32 = 1;
const LAST_ROW: u32 = 63;

/// Read one 2013–2016 workbook's `Summary_VN` sheet.
pub fn read_summary(raw_dir: &Path, year: i32) -> Result<PciYear, String> {
    let file = summary_file(year);
    let range = sheet(&raw_dir.join(&file), "Summary_VN")?;
    let what = format!("{file} Summary_VN");
    // Header row: each pair's label sits above its score column (C, E, ..., W), the rank in X.
    let mut labels: Vec<String> = COMPONENTS.iter().map(|(_, vi, _)| (*vi).to_string()).collect();
    labels.push(format!("PCI {year}"));
    for (pair, label) in (0u32..).zip(&labels) {
        expect_text(&range, 0, 2 + 2 * pair, label, &what)?;
    }
    expect_text(&range, 0, 23, "Xếp hạng", &what)?;
    // Exactly 63 rows: row 65 (just below) is blank.
    if text_at(&range, LAST_ROW + 1, 1).is_some() {
        return Err(format!("{what}: row {} is not blank; expected exactly {N_PROVINCES} provinces", LAST_ROW + 2));
    }

    let mut sub: Vec<[Option<f64>; N_SUB]> = vec![[None; N_SUB]; N_PROVINCES];
    let mut published: Vec<Option<(f64, u32)>> = vec![None; N_PROVINCES];
    for pair in 0u32..=10 {
        let (name_col, value_col) = (1 + 2 * pair, 2 + 2 * pair);
        let mut found = Vec::with_capacity(N_PROVINCES);
        let mut previous = f64::INFINITY;
        for row in FIRST_ROW..=LAST_ROW {
            let name = text_at(&range, row, name_col)
                .ok_or_else(|| format!("{what}: {} has no province name", cell_name(row, name_col)))?;
            let p = provinces::resolve(&name).map_err(|e| format!("{what} {}: {e}", cell_name(row, name_col)))?;
            let value = number_at(&range, row, value_col).map_err(|e| format!("{what}: {e}"))?;
            // The layout SOURCES.md describes: each pair is its own league table, best first, so
            // rows are never matched by position across pairs.
            if value > previous {
                return Err(format!("{what}: column pair {} is not sorted by score at row {}", pair + 1, row + 1));
            }
            previous = value;
            found.push(p);
            let pair_idx = pair as usize;
            if pair_idx < N_SUB {
                if let Some(slot) = sub.get_mut(p).and_then(|s| s.get_mut(pair_idx)) {
                    *slot = Some(value);
                }
            } else {
                // The composite pair; its rank is in column X of the same row.
                let rank = number_at(&range, row, 23).map_err(|e| format!("{what}: {e}"))?;
                let rank = whole(rank)
                    .ok_or_else(|| format!("{what}: rank {rank} at {} is not a position", cell_name(row, 23)))?;
                if let Some(slot) = published.get_mut(p) {
                    *slot = Some((value, rank));
                }
            }
        }
        provinces::check_complete(&format!("{what}, pair {}", pair + 1), &found)?;
    }

    let mut rows = Vec::with_capacity(N_PROVINCES);
    for (province_idx, (subs, comp)) in sub.into_iter().zip(published).enumerate() {
        let name = PROVINCES.get(province_idx).map_or("?", |p| p.name);
        let mut sub_indices = [0.0; N_SUB];
        for (slot, value) in sub_indices.iter_mut().zip(subs) {
            *slot = value.ok_or_else(|| format!("{what}: {name} lacks a sub-index"))?;
        }
        let (score, rank) = comp.ok_or_else(|| format!("{what}: {name} lacks the composite"))?;
        // A wrong join (a name mapped to the wrong province) would break this identity.
        let recomputed = composite(&WEIGHTS_OFFICIAL_PCT, &sub_indices);
        if (recomputed - score).abs() >= 0.01 {
            return Err(format!("{what}: {name}'s sub-indices give {recomputed}, the published PCI is {score}"));
        }
        rows.push(ProvinceYear { province_idx, sub_indices, score: Some(score), rank: Some(rank) });
    }
    Ok(PciYear { year, rows })
}

fn whole(x: f64) -> Option<u32> {
    // A rank is a small whole number; anything else is not a rank.
    (x.fract() == 0.0 && (1.0..=1000.0).contains(&x)).then_some(x as u32)
}

/// Read the 2023 indicator workbook's `Tổng hợp` sheet (rows 2–64). Row 66 repeats "Yên Bái"
/// (checked to be an exact copy, then dropped); rows 67–69 are the min / median / max.
pub fn read_2023(raw_dir: &Path) -> Result<PciYear, String> {
    let range = sheet(&raw_dir.join(FILE_2023), "Tổng hợp")?;
    let what = format!("{FILE_2023} Tổng hợp");
    expect_text(&range, 0, 0, "Tỉnh/Thành phố", &what)?;
    for k in 1..=N_SUB {
        let col = k as u32;
        let header = text_at(&range, 0, col).unwrap_or_default();
        if !header.starts_with(&format!("CSTP {k}:")) {
            return Err(format!("{what}: {} should be sub-index CSTP {k}, found '{header}'", cell_name(0, col)));
        }
    }
    let read_row = |row: u32| -> Result<(String, [f64; N_SUB]), String> {
        let name = text_at(&range, row, 0).ok_or_else(|| format!("{what}: {} has no name", cell_name(row, 0)))?;
        let mut values = [0.0; N_SUB];
        for (col, slot) in (1u32..).zip(values.iter_mut()) {
            *slot = number_at(&range, row, col).map_err(|e| format!("{what}: {e}"))?;
        }
        Ok((name, values))
    };
    let mut by_province: Vec<Option<[f64; N_SUB]>> = vec![None; N_PROVINCES];
    let mut found = Vec::with_capacity(N_PROVINCES);
    let mut last = None;
    for row in FIRST_ROW..=LAST_ROW {
        let (name, values) = read_row(row)?;
        let p = provinces::resolve(&name).map_err(|e| format!("{what} {}: {e}", cell_name(row, 0)))?;
        found.push(p);
        if let Some(slot) = by_province.get_mut(p) {
            *slot = Some(values);
        }
        last = Some((name, values));
    }
    provinces::check_complete(&what, &found)?;
    if text_at(&range, 64, 0).is_some() {
        return Err(format!("{what}: row 65 should be blank"));
    }
    // Row 66: the duplicated last province. Drop it only if it is an exact copy.
    if read_row(65).ok() != last {
        return Err(format!("{what}: row 66 is not an exact copy of row 64; the layout changed"));
    }
    for (row, label) in [(66, "Thấp nhất"), (67, "Trung vị"), (68, "Cao nhất")] {
        expect_text(&range, row, 0, label, &what)?;
    }
    let mut rows = Vec::with_capacity(N_PROVINCES);
    for (province_idx, values) in by_province.into_iter().enumerate() {
        let sub_indices = values.ok_or_else(|| format!("{what}: province {province_idx} missing"))?;
        rows.push(ProvinceYear { province_idx, sub_indices, score: None, rank: None });
    }
    Ok(PciYear { year: YEAR_2023, rows })
}

/// Every PCI year, oldest first.
pub fn read_all(raw_dir: &Path) -> Result<Vec<PciYear>, String> {
    let mut years = SUMMARY_YEARS.iter().map(|&y| read_summary(raw_dir, y)).collect::<Result<Vec<_>, _>>()?;
    years.push(read_2023(raw_dir)?);
    Ok(years)
}

/// Composite on the 0–100 scale: Σ wᵢ·sᵢ / 10 with wᵢ in percent and sᵢ on the 0–10 scale.
pub fn composite(weights_pct: &[f64; N_SUB], sub_indices: &[f64; N_SUB]) -> f64 {
    weights_pct.iter().zip(sub_indices).map(|(w, s)| w * s / 10.0).sum()
}

fn text(vi: &str, en: &str) -> Text {
    Text { vi: vi.to_string(), en: Some(en.to_string()) }
}

/// The PCI 2023 ranks VCCI published at the launch, as ../shared/data/raw/SOURCES.md records
/// them (the workbook has none): the top five in order and Hải Dương 17th. Only the top 30 were
/// ranked officially, and only these six are in our sources; every other 2023 rank is computed.
const PUBLISHED_RANKS_2023: [(&str, u32); 6] =
    [("quang-ninh", 1), ("long-an", 2), ("hai-phong", 3), ("bac-giang", 4), ("dong-thap", 5), ("hai-duong", 17)];

/// Source of [`PUBLISHED_RANKS_2023`].
const LAUNCH_2023_SOURCE: &str = "pci-2023-launch";

fn launch_2023_source() -> RawSource {
    RawSource {
        id: LAUNCH_2023_SOURCE.to_string(),
        title: "Công bố PCI 2023 (09/05/2024): 5 tỉnh dẫn đầu (Quảng Ninh, Long An, Hải Phòng, Bắc Giang, Đồng Tháp) và Hải Dương thứ 17, theo tin về lễ công bố trên vietnam.vn".to_string(),
        publisher: "VCCI & USAID".to_string(),
        date: Some("2024-05-09".to_string()),
        url: None,
    }
}

/// The rank VCCI published for `province_idx` in 2023, if our sources have it.
fn published_rank_2023(province_idx: usize) -> Option<u32> {
    let id = PROVINCES.get(province_idx).map(provinces::unit_id)?;
    PUBLISHED_RANKS_2023.iter().find(|(pid, _)| *pid == id).map(|(_, rank)| *rank)
}

fn source_id(year: i32) -> String {
    format!("pci-{year}")
}

/// The day each PCI edition was launched (its report and data published). 2023:
/// ../shared/data/raw/SOURCES.md ("PCI 2023 was launched on 2024-05-09"). 2014–2016 are not in
/// SOURCES.md; they come from press reports of the launch: 2014 daidoanket.vn/chi-so-nang-luc-
/// canh-tranh-cap-tinh-10005551.html ("Ngày 16-4", 17/04/2015), 2015 danang.vietccr.vn
/// (06/04/2016: "Sáng 31-3 ... công bố ... PCI năm 2015"), 2016 vietnamplus.vn/video-chat-luong-
/// dieu-hanh-kinh-te-cua-cac-tinh-da-duoc-cai-thien/435665.vnp ("Ngày 14/3", PCI 2016). No
/// source found for 2013: left out rather than guessed.
fn launch_date(year: i32) -> Option<&'static str> {
    match year {
        2014 => Some("2015-04-16"),
        2015 => Some("2016-03-31"),
        2016 => Some("2017-03-14"),
        2023 => Some("2024-05-09"),
        _ => None,
    }
}

fn source(year: i32) -> RawSource {
    let title = if year == YEAR_2023 {
        format!("PCI {year}: 10 chỉ số thành phần của 63 tỉnh, thành phố (bảng “Tổng hợp”, tệp dữ liệu chỉ tiêu PCI)")
    } else {
        format!("PCI {year}: điểm PCI, xếp hạng và 10 chỉ số thành phần của 63 tỉnh, thành phố (bảng “Summary_VN”)")
    };
    RawSource {
        id: source_id(year),
        title,
        publisher: "VCCI & USAID".to_string(),
        date: launch_date(year).map(str::to_string),
        url: Some("https://pcivietnam.vn".to_string()),
    }
}

fn weights_map(weights: &[f64; N_SUB]) -> BTreeMap<String, f64> {
    COMPONENTS.iter().zip(weights).map(|((id, _, _), w)| ((*id).to_string(), *w)).collect()
}

fn edition(year: i32) -> RawEdition {
    let (weights, status, note) = if year == YEAR_2023 {
        (
            &WEIGHTS_2023_DERIVED_PCT,
            WeightsStatus::Derived,
            text(
                "Trọng số năm 2023 là trọng số suy ra, chưa được văn bản chính thức nào xác nhận: trong các bộ trọng số là bội số của 5% và mỗi trọng số ít nhất 5%, đây là bộ duy nhất tái tạo đúng (±0,01) điểm PCI 2023 đã công bố của Quảng Ninh (71,25), Long An (70,94) và Hải Dương (68,68). Nếu cho phép trọng số bằng 0 thì còn một bộ khác cũng khớp trong phạm vi ±0,01 (0, 10, 5, 25, 0, 10, 20, 10, 20, 0%) nhưng cho nhóm 5 tỉnh dẫn đầu khác (Hải Phòng, Quảng Ninh, Long An, Đà Nẵng, Cần Thơ), nên điểm và thứ hạng tính ra phụ thuộc vào giả định này. Tệp dữ liệu chỉ có 10 chỉ số thành phần, không có điểm PCI và thứ hạng; năm 2023 chỉ 30 tỉnh, thành phố dẫn đầu được xếp hạng chính thức. Tệp không ghi năm; năm 2023 được xác định bằng cách đối chiếu với kết quả đã công bố. Năm 2023, chỉ số thành phần 7, 8 và 10 mang tên “Tính năng động và tiên phong của chính quyền”, “Chính sách hỗ trợ doanh nghiệp” và “Thiết chế pháp lý & An ninh trật tự”.",
                "The 2023 weights are derived and not confirmed by any official document: among vectors of multiples of 5% with every weight at least 5%, they are the only one that reproduces (±0.01) the published PCI 2023 scores of Quảng Ninh (71.25), Long An (70.94) and Hải Dương (68.68). With weights allowed to be 0, another vector also fits within ±0.01 (0, 10, 5, 25, 0, 10, 20, 10, 20, 0%) and gives a different top five (Hải Phòng, Quảng Ninh, Long An, Đà Nẵng, Cần Thơ), so the computed scores and ranks rest on this assumption. The file holds the 10 sub-indices only, with no PCI score and no rank; in 2023 only the top 30 provinces were officially ranked. The file carries no year; 2023 was established by matching it against the published results. In 2023 sub-indices 7, 8 and 10 are named “Proactivity and pioneering of the provincial government”, “Business support policies” and “Legal institutions & law and order”.",
            ),
        )
    } else {
        (
            &WEIGHTS_OFFICIAL_PCT,
            WeightsStatus::Official,
            text(
                "Trọng số chính thức của PCI (dùng đến năm 2021); điểm PCI đã công bố bằng đúng tổng có trọng số của 10 chỉ số thành phần.",
                "The official PCI weights (in use until 2021); the published PCI score is exactly the weighted sum of the 10 sub-indices.",
            ),
        )
    };
    RawEdition {
        year,
        weights_pct: weights_map(weights),
        weights_status: Some(status),
        note: Some(note),
        sources: vec![source_id(year)],
        comparability: comparability(year),
    }
}

/// Every year after the first compares only approximately with the one before: PCI's sub-index
/// methods change between years (../shared/data/raw/SOURCES.md, on the official workbooks). The
/// engine adds the gap of years and the change of weights (2016 official, 2023 derived) itself.
fn comparability(year: i32) -> Option<RawComparability> {
    (year > SUMMARY_YEARS[0]).then(|| RawComparability {
        with_previous: Comparability::Approximate,
        note: text(
            "Phương pháp tính các chỉ số thành phần PCI (chỉ tiêu, cách đo) thay đổi giữa các năm, nên so sánh với năm trước chỉ mang tính tương đối.",
            "PCI's sub-index methods (indicators, measures) change between years, so comparing with the previous year is approximate.",
        ),
        sources: vec![],
    })
}

/// The PCI dataset from the years read.
pub fn convert(years: &[PciYear]) -> Result<RawDataset, String> {
    let records = years.iter().flat_map(|y| {
        y.rows.iter().map(move |row| {
            let components =
                COMPONENTS.iter().zip(&row.sub_indices).map(|((id, _, _), v)| ((*id).to_string(), *v)).collect();
            // 2023: the workbook has no rank; six ranks were published at the launch.
            let launch_rank = (y.year == YEAR_2023).then(|| published_rank_2023(row.province_idx)).flatten();
            let obs = RawObservation {
                year: y.year,
                score: row.score,
                rank: row.rank.or(launch_rank).map(RawRank::Position),
                components,
                source: source_id(y.year),
                other_sources: launch_rank.map(|_| vec![LAUNCH_2023_SOURCE.to_string()]).unwrap_or_default(),
                note: launch_rank.map(|_| {
                    text(
                        "Hạng do VCCI công bố (09/05/2024); điểm PCI năm 2023 do trang tính từ các chỉ số thành phần.",
                        "Rank published by VCCI (09/05/2024); the 2023 PCI score is computed from the sub-indices.",
                    )
                }),
            };
            (row.province_idx, obs)
        })
    });
    let units = provinces::units_with(records)?;
    let mut year_list: Vec<i32> = years.iter().map(|y| y.year).collect();
    year_list.sort_unstable();
    let n_units = u32::try_from(N_PROVINCES).map_err(|e| e.to_string())?;
    let group_years = year_list
        .iter()
        .rev()
        .map(|&year| RawGroupYear {
            year,
            unit_count: Some(n_units),
            unit_count_source: Some(source_id(year)),
            mean: None,
            mean_change: None,
            stats_source: None,
        })
        .collect();

    Ok(RawDataset {
        schema_version: SCHEMA_VERSION,
        id: "pci".to_string(),
        index: RawIndex {
            name: text("Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI)", "Provincial Competitiveness Index (PCI)"),
            short_name: text("PCI", "PCI"),
            publisher: text(
                "Phòng Thương mại và Công nghiệp Việt Nam (VCCI) và USAID",
                "Vietnam Chamber of Commerce and Industry (VCCI) and USAID",
            ),
            scale: RawScale { min: 0.0, max: 100.0, unit: ScoreUnit::Points },
            higher_is_better: true,
            components: COMPONENTS
                .iter()
                .map(|(id, vi, en)| chiso_engine::schema::RawComponent {
                    id: (*id).to_string(),
                    name: text(vi, en),
                    min: 0.0,
                    max: 10.0,
                })
                .collect(),
        },
        sources: year_list
            .iter()
            .map(|&y| source(y))
            .chain(year_list.contains(&YEAR_2023).then(launch_2023_source))
            .collect(),
        notes: notes(),
        editions: year_list.iter().map(|&y| edition(y)).collect(),
        groups: vec![RawGroup {
            id: "provinces".to_string(),
            name: text("Tỉnh, thành phố trực thuộc trung ương", "Provinces and centrally-run cities"),
            roster_note: Some(text(
                "63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.",
                "The 63 provinces and centrally-run cities before the 2025 reorganisation.",
            )),
            years: group_years,
            units,
        }],
    })
}

fn notes() -> Vec<Text> {
    vec![
        text(
            "Phương pháp tính các chỉ số thành phần PCI (chỉ tiêu, trọng số) thay đổi giữa các năm, nên so sánh giữa các năm chỉ mang tính tương đối. Điểm là ước lượng từ khảo sát doanh nghiệp, có sai số chọn mẫu.",
            "PCI sub-index methods (indicators, weights) change between years, so comparisons across years are approximate. Scores are estimates from a business survey and carry sampling error.",
        ),
        text(
            "Năm 2023: tệp dữ liệu chỉ có 10 chỉ số thành phần; trọng số năm 2023 là trọng số suy ra (xem ghi chú của năm 2023), không phải trọng số được công bố.",
            "2023: the file holds the 10 sub-indices only; the 2023 weights are derived (see the 2023 note), not published.",
        ),
        text(
            &format!(
                "Nguồn số liệu: VCCI & USAID (pcivietnam.vn). Năm 2013–2016: bảng PCI chính thức, bản sao trong kho GitHub mdtrinh/vietnamdata (data-raw/PCI/PCI_<năm>.xlsx, commit {VIETNAMDATA_COMMIT}, giấy phép CC0). Năm 2023: tệp dữ liệu chỉ tiêu PCI trong kho GitHub ttuan8600/flask_test (raw data/pci.xlsx, commit {FLASK_TEST_COMMIT}; kho không có giấy phép, số liệu là bản tải miễn phí của VCCI). Số liệu giữ nguyên như trong tệp, không làm tròn; chỉ tên tỉnh được chuẩn hóa."
            ),
            &format!(
                "Data: VCCI & USAID (pcivietnam.vn). 2013–2016: the official PCI workbooks, as copied in the GitHub repository mdtrinh/vietnamdata (data-raw/PCI/PCI_<year>.xlsx, commit {VIETNAMDATA_COMMIT}, CC0 licence). 2023: the PCI indicator workbook in the GitHub repository ttuan8600/flask_test (raw data/pci.xlsx, commit {FLASK_TEST_COMMIT}; the repository has no licence, the data is VCCI's free download). Numbers are kept as in the files, unrounded; only province names are normalised."
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use chiso_engine::rank::competition_ranks;

    use super::*;
    use crate::test_support::raw_dir;

    fn id_of(row: &ProvinceYear) -> String {
        PROVINCES.get(row.province_idx).map(provinces::unit_id).unwrap_or_default()
    }

    /// The published composite equals Σ w·s/10 with the official weights for all 63
    /// provinces, and competition ranking of the published composites gives the published ranks.
    #[test]
    fn summary_years_reproduce_published_composites_and_ranks() {
        let Some(dir) = raw_dir() else { return };
        for year in SUMMARY_YEARS {
            let y = read_summary(&dir, year).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(y.rows.len(), N_PROVINCES);
            let mut published = Vec::new();
            let mut ranks = Vec::new();
            for row in &y.rows {
                let score = row.score.unwrap_or_else(|| panic!("{year} {}: no composite", id_of(row)));
                let recomputed = composite(&WEIGHTS_OFFICIAL_PCT, &row.sub_indices);
                assert!((recomputed - score).abs() < 0.01, "{year} {}: {recomputed} vs published {score}", id_of(row));
                published.push(score);
                ranks.push(row.rank.unwrap_or_default());
            }
            // The published ranks have no ties and no gaps (1..=63 once each), so competition
            // ranking must give them back exactly.
            let mut sorted = ranks.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (1..=63).collect::<Vec<u32>>(), "{year}: published ranks are not 1..=63");
            assert_eq!(competition_ranks(&published, true), ranks, "{year}");
        }
    }

    #[test]
    fn summary_top_scores_match_sources_md() {
        let Some(dir) = raw_dir() else { return };
        for (year, top_id, top_score) in [(2013, "da-nang", 66.45), (2016, "da-nang", 70.00)] {
            let y = read_summary(&dir, year).unwrap_or_else(|e| panic!("{e}"));
            let top = y.rows.iter().find(|r| r.rank == Some(1)).unwrap_or_else(|| panic!("{year}: no rank 1"));
            assert_eq!(id_of(top), top_id);
            assert!(top.score.is_some_and(|s| (s - top_score).abs() < 0.005), "{year}: {:?}", top.score);
        }
    }

    #[test]
    fn derived_2023_weights_reproduce_published_scores_and_order() {
        let Some(dir) = raw_dir() else { return };
        let y = read_2023(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(y.rows.len(), N_PROVINCES);
        assert!(y.rows.iter().all(|r| r.score.is_none() && r.rank.is_none()));
        let scores: Vec<f64> = y.rows.iter().map(|r| composite(&WEIGHTS_2023_DERIVED_PCT, &r.sub_indices)).collect();
        let ranks = competition_ranks(&scores, true);
        let lookup = |id: &str| {
            let i = y.rows.iter().position(|r| id_of(r) == id).unwrap_or_else(|| panic!("{id} missing"));
            (scores.get(i).copied().unwrap_or(f64::NAN), ranks.get(i).copied().unwrap_or(0))
        };
        for (id, published) in [("quang-ninh", 71.25), ("long-an", 70.94), ("hai-duong", 68.68)] {
            let (score, _) = lookup(id);
            assert!((score - published).abs() <= 0.01, "{id}: {score} vs published {published}");
        }
        assert_eq!(lookup("hai-duong").1, 17);
        for (rank, id) in (1..).zip(["quang-ninh", "long-an", "hai-phong", "bac-giang", "dong-thap"]) {
            assert_eq!(lookup(id).1, rank, "{id}");
        }
        // The old weights do not reproduce 2023 (Quảng Ninh 71.07, not 71.25): the weights changed.
        let qn =
            y.rows.iter().find(|r| id_of(r) == "quang-ninh").map(|r| composite(&WEIGHTS_OFFICIAL_PCT, &r.sub_indices));
        assert!(qn.is_some_and(|s| (s - 71.07).abs() < 0.01), "{qn:?}");
    }

    /// Every vector of multiples of 5% that adds up to 100, with each weight at least
    /// `min_steps` × 5%, and reproduces the published 2023 scores of Quảng Ninh, Long An and Hải
    /// Dương to ±0,01.
    fn weights_fitting_2023(y: &PciYear, min_steps: u32) -> Vec<[f64; N_SUB]> {
        let published: Vec<([f64; N_SUB], f64)> = [("quang-ninh", 71.25), ("long-an", 70.94), ("hai-duong", 68.68)]
            .iter()
            .map(|(id, score)| {
                let row = y.rows.iter().find(|r| id_of(r) == *id).unwrap_or_else(|| panic!("{id} missing"));
                (row.sub_indices, *score)
            })
            .collect();
        let mut found = Vec::new();
        let mut steps = [0u32; N_SUB];
        fn walk(
            i: usize,
            left: u32,
            min_steps: u32,
            steps: &mut [u32; N_SUB],
            published: &[([f64; N_SUB], f64)],
            found: &mut Vec<[f64; N_SUB]>,
        ) {
            if i == N_SUB - 1 {
                if left < min_steps {
                    return;
                }
                if let Some(last) = steps.last_mut() {
                    *last = left;
                }
                let weights = steps.map(|k| f64::from(k) * 5.0);
                if published.iter().all(|(subs, score)| (composite(&weights, subs) - score).abs() <= 0.01) {
                    found.push(weights);
                }
                return;
            }
            for k in min_steps..=left {
                if let Some(slot) = steps.get_mut(i) {
                    *slot = k;
                }
                walk(i + 1, left - k, min_steps, steps, published, found);
            }
        }
        walk(0, 20, min_steps, &mut steps, &published, &mut found);
        found
    }

    /// The top five provinces (ids, in order) with `weights`.
    fn top_five(y: &PciYear, weights: &[f64; N_SUB]) -> Vec<String> {
        let scores: Vec<f64> = y.rows.iter().map(|r| composite(weights, &r.sub_indices)).collect();
        let ranks = competition_ranks(&scores, true);
        let mut ranked: Vec<(u32, String)> = ranks.iter().zip(&y.rows).map(|(k, r)| (*k, id_of(r))).collect();
        ranked.sort();
        ranked.into_iter().take(5).map(|(_, id)| id).collect()
    }

    /// Issue 10: the derived weights are unique only among vectors whose every weight is at least
    /// 5%; allowing a weight of 0, another vector fits to ±0,01 and ranks a different top five.
    /// The 2023 edition note says so.
    #[test]
    fn derived_2023_weights_are_unique_only_with_every_weight_at_least_5_pct() {
        let Some(dir) = raw_dir() else { return };
        let y = read_2023(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(weights_fitting_2023(&y, 1), [WEIGHTS_2023_DERIVED_PCT]);
        let with_zero = weights_fitting_2023(&y, 0);
        let others: Vec<_> = with_zero.iter().filter(|w| **w != WEIGHTS_2023_DERIVED_PCT).collect();
        assert!(!others.is_empty(), "with zeros allowed another vector fits");
        let derived_top = top_five(&y, &WEIGHTS_2023_DERIVED_PCT);
        assert!(others.iter().any(|w| top_five(&y, w) != derived_top), "{others:?}");
        let note = edition(YEAR_2023).note.map(|t| t.vi).unwrap_or_default();
        assert!(note.contains("ít nhất 5%") && note.contains("bằng 0"), "{note}");
    }

    #[test]
    fn weights_add_up_to_100() {
        assert_eq!(WEIGHTS_OFFICIAL_PCT.iter().sum::<f64>(), 100.0);
        assert_eq!(WEIGHTS_2023_DERIVED_PCT.iter().sum::<f64>(), 100.0);
    }
}
