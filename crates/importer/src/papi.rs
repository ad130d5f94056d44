//! PAPI, the Provincial Governance and Public Administration Performance Index (CECODES,
//! VFF-CRT, UNDP): 2019 and 2020, the only years of the sub-dimension files with all eight
//! dimensions for all 63 provinces.
//!
//! Each yearly CSV has one row per province code (P01..P63, named in `codebook_provinces.csv`)
//! and one column per sub-dimension (SC11..SC83, assigned to dimensions C01..C08 by
//! `codebook_subcriteria.csv`). A dimension (1–10 points) is the sum of its sub-dimensions; the
//! PAPI total is the unweighted sum of the eight dimensions (max 80), the official rule. The
//! files publish no total and no rank: the total is computed here by that rule, and ranks are
//! left to the app (every score of the block is known, so it computes them).

use std::collections::BTreeMap;
use std::path::Path;

use chiso_engine::schema::{
    Comparability, RawComparability, RawComponent, RawDataset, RawEdition, RawGroup, RawGroupYear, RawIndex,
    RawObservation, RawScale, RawSource, ScoreUnit, Text, WeightsStatus, SCHEMA_VERSION,
};

use crate::provinces::{self, N_PROVINCES};

/// Number of PAPI dimensions since 2018.
pub const N_DIM: usize = 8;

/// The dimensions: codebook code, component id, Vietnamese name (PAPI's own; C1–C6 as headed in
/// the UNDP PAPI workbook, C2 with its 2018+ full name). English names come from the codebook.
pub const DIMENSIONS: [(&str, &str, &str); N_DIM] = [
    ("C01", "participation", "Tham gia của người dân ở cấp cơ sở"),
    ("C02", "transparency", "Công khai, minh bạch trong việc ra quyết định ở địa phương"),
    ("C03", "vertical_accountability", "Trách nhiệm giải trình với người dân"),
    ("C04", "control_of_corruption", "Kiểm soát tham nhũng trong khu vực công"),
    ("C05", "public_admin_procedures", "Thủ tục hành chính công"),
    ("C06", "public_service_delivery", "Cung ứng dịch vụ công"),
    ("C07", "environmental_governance", "Quản trị môi trường"),
    ("C08", "e_governance", "Quản trị điện tử"),
];

/// The years imported: the complete 8-dimension years of the files.
pub const YEARS: [i32; 2] = [2019, 2020];

/// Lowest and highest possible dimension score.
pub const DIM_MIN: f64 = 1.0;
/// See [`DIM_MIN`].
pub const DIM_MAX: f64 = 10.0;

const DIR: &str = "papi_subdim_2011_2024";
/// Commit of `hnks-gh/ml-mcdm` the yearly CSV files come from.
const CSV_COMMIT: &str = "035ed0137ea6768bf25920e0f5184a403f369fd5";
/// Commit of `hnks-gh/ml-mcdm` the codebooks come from.
const CODEBOOK_COMMIT: &str = "67345273f8fecea768b93161296c651f206e509e";

/// One province's figures in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceYear {
    /// Index into [`PROVINCES`].
    pub province_idx: usize,
    /// Dimensions C01..C08, each the sum of its sub-dimensions.
    pub dimensions: [f64; N_DIM],
    /// Unweighted sum of the dimensions.
    pub total: f64,
}

/// One year, rows in [`PROVINCES`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct PapiYear {
    /// The year assessed.
    pub year: i32,
    /// The 63 provinces, in [`PROVINCES`] order.
    pub rows: Vec<ProvinceYear>,
}

/// What the codebooks say.
#[derive(Debug, Clone, PartialEq)]
pub struct Codebook {
    /// English name of each dimension, in [`DIMENSIONS`] order.
    pub dimension_names_en: [String; N_DIM],
    /// Sub-dimension column (SC11...) -> dimension index (0..8).
    pub sub_to_dim: BTreeMap<String, usize>,
    /// Province code (P01...) -> index into [`PROVINCES`].
    pub province_codes: BTreeMap<String, usize>,
}

/// Rows of a two-or-more-column CSV file as trimmed strings, header checked.
fn read_csv(path: &Path, header: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let shown = path.display();
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let got: Vec<&str> = reader.headers().map_err(|e| format!("{shown}: {e}"))?.iter().collect();
    if got.get(..header.len()) != Some(header) {
        return Err(format!("{shown}: header should start {header:?}, found {got:?}"));
    }
    reader
        .records()
        .map(|r| r.map(|rec| rec.iter().map(|s| s.trim().to_string()).collect()).map_err(|e| format!("{shown}: {e}")))
        .collect()
}

/// Read the three codebooks, checking that they agree with [`DIMENSIONS`] and the province list.
pub fn read_codebook(raw_dir: &Path) -> Result<Codebook, String> {
    let dir = raw_dir.join(DIR);
    let criteria = read_csv(&dir.join("codebook_criteria.csv"), &["Variable_Code", "Variable_Name"])?;
    let mut names: Vec<String> = Vec::with_capacity(N_DIM);
    for (code, _, _) in DIMENSIONS {
        let name = criteria
            .iter()
            .find(|r| r.first().map(String::as_str) == Some(code))
            .and_then(|r| r.get(1))
            .ok_or_else(|| format!("codebook_criteria.csv has no {code}"))?;
        names.push(name.clone());
    }
    let dimension_names_en: [String; N_DIM] = names.try_into().map_err(|_| "eight dimension names".to_string())?;

    let subs = read_csv(
        &dir.join("codebook_subcriteria.csv"),
        &["Variable_Code", "Variable_Name", "Criteria_Name", "Criteria_Code"],
    )?;
    let mut sub_to_dim = BTreeMap::new();
    for r in &subs {
        let (Some(sc), Some(c)) = (r.first(), r.get(3)) else {
            return Err(format!("codebook_subcriteria.csv: short row {r:?}"));
        };
        let dim = DIMENSIONS
            .iter()
            .position(|(code, _, _)| code == c)
            .ok_or_else(|| format!("codebook_subcriteria.csv: {sc} belongs to unknown {c}"))?;
        // SC<d><k> belongs to C0<d>: the rule the column names follow, checked against the codebook.
        if sc.get(2..3) != Some(&(dim + 1).to_string()) {
            return Err(format!("codebook_subcriteria.csv: {sc} is filed under {c}"));
        }
        sub_to_dim.insert(sc.clone(), dim);
    }

    let codes = read_csv(&dir.join("codebook_provinces.csv"), &["Variable_Code", "Variable_Name"])?;
    let mut province_codes = BTreeMap::new();
    for r in &codes {
        let (Some(code), Some(name)) = (r.first(), r.get(1)) else {
            return Err(format!("codebook_provinces.csv: short row {r:?}"));
        };
        let p = provinces::resolve(name).map_err(|e| format!("codebook_provinces.csv {code}: {e}"))?;
        province_codes.insert(code.clone(), p);
    }
    let all: Vec<usize> = province_codes.values().copied().collect();
    provinces::check_complete("codebook_provinces.csv", &all)?;
    Ok(Codebook { dimension_names_en, sub_to_dim, province_codes })
}

/// Read one year's CSV: every cell must be a number (a complete year).
pub fn read_year(raw_dir: &Path, codebook: &Codebook, year: i32) -> Result<PapiYear, String> {
    let path = raw_dir.join(DIR).join(format!("{year}.csv"));
    let shown = path.display().to_string();
    let mut reader = csv::Reader::from_path(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let header: Vec<String> =
        reader.headers().map_err(|e| format!("{shown}: {e}"))?.iter().map(str::to_string).collect();
    if header.first().map(String::as_str) != Some("Province") {
        return Err(format!("{shown}: first column should be Province"));
    }
    let mut column_dims = Vec::new();
    for sc in header.iter().skip(1) {
        let dim = codebook.sub_to_dim.get(sc).ok_or_else(|| format!("{shown}: column {sc} is not in the codebook"))?;
        column_dims.push(*dim);
    }
    for (d, (code, _, _)) in DIMENSIONS.iter().enumerate() {
        if !column_dims.contains(&d) {
            return Err(format!("{shown}: no sub-dimension column for {code}"));
        }
    }
    let mut by_province: Vec<Option<[f64; N_DIM]>> = vec![None; N_PROVINCES];
    let mut found = Vec::with_capacity(N_PROVINCES);
    for record in reader.records() {
        let record = record.map_err(|e| format!("{shown}: {e}"))?;
        let code = record.get(0).unwrap_or_default().trim();
        let p = *codebook.province_codes.get(code).ok_or_else(|| format!("{shown}: unknown province code '{code}'"))?;
        if record.len() != header.len() {
            return Err(format!("{shown}: row {code} has {} cells, the header {}", record.len(), header.len()));
        }
        let mut dims = [0.0; N_DIM];
        // Summed in column order, so the result is the same on every run.
        for (cell, (&dim, sc)) in record.iter().skip(1).zip(column_dims.iter().zip(header.iter().skip(1))) {
            let value: f64 = cell
                .trim()
                .parse()
                .map_err(|_| format!("{shown}: {code} {sc} = '{cell}' is not a number (the year is incomplete)"))?;
            if let Some(slot) = dims.get_mut(dim) {
                *slot += value;
            }
        }
        found.push(p);
        if let Some(slot) = by_province.get_mut(p) {
            *slot = Some(dims);
        }
    }
    provinces::check_complete(&shown, &found)?;
    let mut rows = Vec::with_capacity(N_PROVINCES);
    for (province_idx, dims) in by_province.into_iter().enumerate() {
        let dimensions = dims.ok_or_else(|| format!("{shown}: province {province_idx} missing"))?;
        for ((_, id, _), v) in DIMENSIONS.iter().zip(&dimensions) {
            if !(DIM_MIN..=DIM_MAX).contains(v) {
                return Err(format!("{shown}: province {province_idx} {id} = {v} is outside {DIM_MIN}..{DIM_MAX}"));
            }
        }
        rows.push(ProvinceYear { province_idx, total: total(&dimensions), dimensions });
    }
    Ok(PapiYear { year, rows })
}

/// The official PAPI aggregation: the unweighted sum of the dimensions, in order.
pub fn total(dimensions: &[f64; N_DIM]) -> f64 {
    dimensions.iter().sum()
}

/// The codebook and every imported year, oldest first.
pub fn read_all(raw_dir: &Path) -> Result<(Codebook, Vec<PapiYear>), String> {
    let codebook = read_codebook(raw_dir)?;
    let years = YEARS.iter().map(|&y| read_year(raw_dir, &codebook, y)).collect::<Result<Vec<_>, _>>()?;
    Ok((codebook, years))
}

fn text(vi: &str, en: &str) -> Text {
    Text { vi: vi.to_string(), en: Some(en.to_string()) }
}

fn source_id(year: i32) -> String {
    format!("papi-{year}")
}

/// The day each PAPI report was launched. Not in ../shared/data/raw/SOURCES.md; from reports of
/// the launch: 2019 baonghean.vn/en/cong-bo-chi-so-papi-nam-2019-nghe-an-xep-thu-17-ca-nuoc-
/// 10212759.html ("On the morning of April 28 ... announced the 2019 ... PAPI"), 2020
/// undp.org/vietnam/publications/papi2020 (April 14, 2021; en.baochinhphu.vn says the same).
fn launch_date(year: i32) -> Option<&'static str> {
    match year {
        2019 => Some("2020-04-28"),
        2020 => Some("2021-04-14"),
        _ => None,
    }
}

fn source(year: i32) -> RawSource {
    RawSource {
        id: source_id(year),
        title: format!("PAPI {year}: điểm các chỉ số nội dung thành phần của 63 tỉnh, thành phố ({year}.csv)"),
        publisher: "CECODES, VFF-CRT & UNDP".to_string(),
        date: launch_date(year).map(str::to_string),
        url: Some("https://papi.org.vn".to_string()),
    }
}

/// The PAPI dataset from the codebook and the years read.
pub fn convert(codebook: &Codebook, years: &[PapiYear]) -> Result<RawDataset, String> {
    // The file has no totals: the engine computes each one from the dimensions by PAPI's rule
    // (equal weights), and the page says it is computed, not published.
    let records = years.iter().flat_map(|y| {
        y.rows.iter().map(move |row| {
            let components =
                DIMENSIONS.iter().zip(&row.dimensions).map(|((_, id, _), v)| ((*id).to_string(), *v)).collect();
            let obs = RawObservation {
                year: y.year,
                score: None,
                rank: None,
                components,
                source: source_id(y.year),
                other_sources: vec![],
                note: None,
            };
            (row.province_idx, obs)
        })
    });
    let units = provinces::units_with(records)?;
    let mut year_list: Vec<i32> = years.iter().map(|y| y.year).collect();
    year_list.sort_unstable();
    let n_units = u32::try_from(N_PROVINCES).map_err(|e| e.to_string())?;
    let equal_pct = 100.0 / N_DIM as f64;

    Ok(RawDataset {
        schema_version: SCHEMA_VERSION,
        id: "papi".to_string(),
        index: RawIndex {
            name: text(
                "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
                "Provincial Governance and Public Administration Performance Index (PAPI)",
            ),
            short_name: text("PAPI", "PAPI"),
            publisher: text("CECODES, VFF-CRT và UNDP Việt Nam", "CECODES, VFF-CRT and UNDP Viet Nam"),
            scale: RawScale { min: 0.0, max: 80.0, unit: ScoreUnit::Points },
            higher_is_better: true,
            components: DIMENSIONS
                .iter()
                .zip(&codebook.dimension_names_en)
                .map(|((_, id, vi), en)| RawComponent {
                    id: (*id).to_string(),
                    name: text(vi, en),
                    min: DIM_MIN,
                    max: DIM_MAX,
                })
                .collect(),
        },
        sources: year_list.iter().map(|&y| source(y)).collect(),
        notes: notes(),
        editions: year_list
            .iter()
            .map(|&year| RawEdition {
                year,
                weights_pct: DIMENSIONS.iter().map(|(_, id, _)| ((*id).to_string(), equal_pct)).collect(),
                weights_status: Some(WeightsStatus::Official),
                note: Some(text(
                    "Chỉ số PAPI tổng hợp là tổng không trọng số của 8 chỉ số nội dung, tức mỗi chỉ số nội dung chiếm 12,5%.",
                    "The PAPI total is the unweighted sum of the 8 dimensions, so each dimension weighs 12.5%.",
                )),
                sources: vec![source_id(year)],
                comparability: comparability(year),
            })
            .collect(),
        groups: vec![RawGroup {
            id: "provinces".to_string(),
            name: text("Tỉnh, thành phố trực thuộc trung ương", "Provinces and centrally-run cities"),
            roster_note: Some(text(
                "63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.",
                "The 63 provinces and centrally-run cities before the 2025 reorganisation.",
            )),
            years: year_list
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
                .collect(),
            units,
        }],
    })
}

/// 2020 against 2019: the same eight dimensions from the same sub-dimension columns (the
/// codebook's labels hold from 2018 on; PAPI's 8-dimension form began in 2018, and earlier years,
/// not imported, do not compare with it). Said explicitly so the page can show why.
fn comparability(year: i32) -> Option<RawComparability> {
    (year > YEARS[0]).then(|| RawComparability {
        with_previous: Comparability::Comparable,
        note: text(
            "Năm 2019 và 2020 cùng 8 chỉ số nội dung, tính từ cùng các chỉ số nội dung thành phần (cấu trúc 8 chỉ số nội dung có từ năm 2018).",
            "2019 and 2020 have the same 8 dimensions, built from the same sub-dimensions (the 8-dimension form dates from 2018).",
        ),
        sources: vec![source_id(year - 1), source_id(year)],
    })
}

fn notes() -> Vec<Text> {
    vec![
        text(
            "Điểm PAPI tổng hợp được tính từ 8 chỉ số nội dung theo quy tắc chính thức của PAPI: tổng không trọng số (tối đa 80 điểm). Mỗi chỉ số nội dung (1–10 điểm) là tổng các chỉ số nội dung thành phần trong tệp số liệu. Tệp không có thứ hạng; thứ hạng do ứng dụng tính từ điểm tổng hợp.",
            "The PAPI total is computed from the 8 dimensions by PAPI's official rule: their unweighted sum (at most 80 points). Each dimension (1–10 points) is the sum of its sub-dimensions in the data file. The file has no ranks; the app computes them from the totals.",
        ),
        text(
            "Chỉ có năm 2019 và 2020 có đủ 8 chỉ số nội dung cho cả 63 tỉnh, thành phố trong tệp số liệu; các năm khác thiếu số liệu nên không được đưa vào. Điểm là ước lượng từ khảo sát người dân, có sai số chọn mẫu.",
            "Only 2019 and 2020 have all 8 dimensions for all 63 provinces in the data files; other years have gaps and are left out. Scores are estimates from a citizen survey and carry sampling error.",
        ),
        text(
            &format!(
                "Nguồn số liệu: PAPI (CECODES, VFF-CRT, UNDP), papi.org.vn. Điểm các chỉ số nội dung thành phần lấy từ kho GitHub hnks-gh/ml-mcdm (data/csv/<năm>.csv, commit {CSV_COMMIT}; bảng mã data/codebook, commit {CODEBOOK_COMMIT}; giấy phép MIT). Tổng tính ra tái tạo đúng kết quả PAPI 2020 đã công bố (Quảng Ninh 48,811; Đồng Tháp 46,961; Thái Nguyên 46,471), và số liệu 2011–2016 của kho này trùng khớp với tệp PAPI chính thức của UNDP. Số liệu không làm tròn."
            ),
            &format!(
                "Data: PAPI (CECODES, VFF-CRT, UNDP), papi.org.vn. Sub-dimension scores from the GitHub repository hnks-gh/ml-mcdm (data/csv/<year>.csv, commit {CSV_COMMIT}; codebooks in data/codebook, commit {CODEBOOK_COMMIT}; MIT licence). The computed totals reproduce the published PAPI 2020 results (Quảng Ninh 48.811, Đồng Tháp 46.961, Thái Nguyên 46.471), and the repository's 2011–2016 values match UNDP's official PAPI workbook. Numbers are not rounded."
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::raw_dir;

    fn read() -> Option<(Codebook, Vec<PapiYear>)> {
        let dir = raw_dir()?;
        Some(read_all(&dir).unwrap_or_else(|e| panic!("{e}")))
    }

    #[test]
    fn no_total_is_stored_and_every_dimension_is() {
        let Some((codebook, years)) = read() else { return };
        let ds = convert(&codebook, &years).unwrap_or_else(|e| panic!("{e}"));
        let mut n = 0;
        for unit in ds.groups.iter().flat_map(|g| &g.units) {
            for obs in &unit.observations {
                assert_eq!(obs.score, None, "{} {}: totals are computed by the engine", unit.id, obs.year);
                assert!(DIMENSIONS.iter().all(|(_, id, _)| obs.components.contains_key(*id)));
                n += 1;
            }
        }
        assert_eq!(n, N_PROVINCES * YEARS.len());
    }

    #[test]
    fn totals_2020_match_published_results() {
        let Some((_, years)) = read() else { return };
        let y2020 = years.iter().find(|y| y.year == 2020).unwrap_or_else(|| panic!("no 2020"));
        for (id, published) in [("quang-ninh", 48.811), ("dong-thap", 46.961), ("thai-nguyen", 46.471)] {
            let row = y2020
                .rows
                .iter()
                .find(|r| provinces::PROVINCES.get(r.province_idx).map(provinces::unit_id).as_deref() == Some(id))
                .unwrap_or_else(|| panic!("{id} missing"));
            assert!((row.total - published).abs() <= 0.001, "{id}: {} vs published {published}", row.total);
        }
    }

    #[test]
    fn codebook_maps_every_sub_dimension_and_names_the_dimensions() {
        let Some((codebook, _)) = read() else { return };
        assert_eq!(codebook.sub_to_dim.len(), 29);
        assert_eq!(codebook.dimension_names_en.first().map(String::as_str), Some("Participation"));
        assert_eq!(codebook.dimension_names_en.last().map(String::as_str), Some("E-Governance"));
        // P01 is Hanoi and P50 Ho Chi Minh City (GSO order = PROVINCES order).
        for (code, idx) in &codebook.province_codes {
            let n: usize = code.get(1..).and_then(|s| s.parse().ok()).unwrap_or(0);
            assert_eq!(n, idx + 1, "{code}");
        }
    }
}
