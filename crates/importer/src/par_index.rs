//! The national PAR INDEX (Chỉ số cải cách hành chính of the ministries and of the 63 provinces,
//! published by the Government's PAR Steering Committee and the Ministry of Home Affairs), 2021–2024,
//! from the `national_par_index_*` datasets of `shared/data/hanoi/par_facts.json`.
//!
//! The full tables were not found: only what the press published is carried over, each record
//! with its source and the sources that corroborate it. Provinces are the 63 of
//! [`crate::provinces`] (the same ids as PCI and PAPI); in a year whose block size is sourced,
//! a province with no published figure gets a record with no score, sourced to the document that
//! gives the size. Ministries are listed where a source names them (in 2023 every one of the 17,
//! by the group it fell in). Published ranks are kept where the score is unknown, and where two
//! sources contradict each other both figures are kept as published and the record says so.

use std::collections::BTreeMap;

use chiso_engine::schema::{
    Comparability, RawDataset, RawEdition, RawGroup, RawGroupYear, RawIndex, RawObservation, RawRank, RawScale,
    RawUnit, ScoreUnit, Text, UnitKind, SCHEMA_VERSION,
};
use serde_json::Value;

use crate::names::slug;
use crate::par_facts::{source, str_at, text};
use crate::provinces::{self, N_PROVINCES};

/// The par_facts datasets converted, oldest first.
const FACT_IDS: [&str; 5] = [
    "national_par_index_2021",
    "national_par_index_2022",
    "national_par_index_2023_provinces",
    "national_par_index_2023_ministries",
    "national_par_index_2024",
];

/// The `block` field of province and ministry records.
const PROVINCE_BLOCK: &str = "UBND tỉnh, thành phố trực thuộc Trung ương";
const MINISTRY_BLOCK: &str = "Bộ, cơ quan ngang bộ";

/// Our group ids; `provinces` as in PCI and PAPI.
const PROVINCES_GROUP: &str = "provinces";
const MINISTRIES_GROUP: &str = "ministries";

/// The source that states each year's provincial block size (63). par_facts gives the number
/// (`expected_unit_count`) for 2023 only; these are the documents that say it. 2021: Kiên Giang
/// 63rd and last. 2022: the 2022–2030 scheme (QĐ 876/QĐ-BNV) covers the 63 provinces. 2023: 7
/// provinces in group A and 56 in group B. 2024: 13 in group A and 50 in group B.
const PROVINCE_COUNT_SOURCES: [(i32, &str); 4] =
    [(2021, "qngai_2021"), (2022, "baophapluat_876"), (2023, "baomoi_hn3"), (2024, "baomoinet_2024")];

/// 2023's ministries block: 17 (the block average is of "17 bộ, cơ quan ngang bộ").
const MINISTRY_COUNT_2023: (u32, &str) = (17, "baotintuc_ministries");

/// Publisher and title of each source cited (par_facts gives only a description); the address
/// and date come from par_facts.
const SOURCE_TITLES: [(&str, &str, &str); 32] = [
    ("qngai_2021", "Sở TT&TT Quảng Ngãi", "Chỉ số cải cách hành chính của tỉnh Quảng Ngãi tăng 24 bậc"),
    ("tntv_2021", "Đài PT-TH Thái Nguyên", "Chỉ số PAR INDEX 2021: Thái Nguyên đứng thứ 6 toàn quốc"),
    (
        "baohatinh_2021",
        "Báo Hà Tĩnh",
        "Hà Tĩnh ban hành kế hoạch khắc phục hạn chế, nâng cao Chỉ số PAR INDEX, SIPAS năm 2022",
    ),
    ("baotintuc_laocai_2021", "Báo Tin tức (TTXVN)", "SIPAS 2021: Ninh Bình tăng 7 bậc, xếp thứ 12 (infographic)"),
    (
        "brvt_2021",
        "Báo Bà Rịa - Vũng Tàu",
        "Phấn đấu đến năm 2025, BR-VT trong nhóm có chỉ số CCHC cao nhất nước",
    ),
    ("baodongnai_2022", "Báo Đồng Nai", "Đồng Nai tăng 4 bậc trong xếp hạng cải cách hành chính"),
    (
        "qn_en_2022",
        "Báo Quảng Ninh (English)",
        "Quang Ninh tops public administration indexes for fourth consecutive year",
    ),
    ("cadn_2023", "Công an Đà Nẵng", "Đà Nẵng xếp thứ 12 Chỉ số cải cách hành chính năm 2023"),
    ("baomoi_hn3", "Báo Mới (Hà Nội TV)", "Hà Nội xếp thứ ba cả nước về Chỉ số CCHC"),
    ("ldtd_169249", "Lao động Thủ đô", "Hà Nội tiếp tục xếp thứ 3 cả nước về Chỉ số cải cách hành chính"),
    (
        "dbnd_brvt",
        "Đại biểu Nhân dân",
        "Bà Rịa - Vũng Tàu tiếp tục đứng đầu Đông Nam Bộ về Chỉ số cải cách hành chính",
    ),
    (
        "ttht_thainguyen",
        "Thị trường Hàng hóa",
        "Thái Nguyên tiếp tục giữ vị trí thứ 2 về Chỉ số SIPAS năm 2023",
    ),
    (
        "vnvn_camau",
        "vietnam.vn (bản đăng lại dịch máy)",
        "Chỉ số cải cách hành chính đứng thứ ba khu vực Đồng bằng sông Cửu Long (Cà Mau)",
    ),
    (
        "vnvn_ninhbinh",
        "vietnam.vn (bản đăng lại dịch máy)",
        "Năm 2023, Chỉ số cải cách hành chính của Ninh Bình tăng 6 bậc so với năm 2022",
    ),
    (
        "nghean24h",
        "Nghệ An 24h",
        "Chỉ số PAR INDEX 2023 của Nghệ An xếp thứ 15 của cả nước và đứng đầu 6 tỉnh Bắc Trung Bộ",
    ),
    ("tth_en", "Cổng TTĐT Thừa Thiên Huế (English)", "Thua Thien Hue's PAR INDEX 2023 released"),
    ("baohatinh", "Báo Hà Tĩnh", "Hà Tĩnh tăng 10 bậc về Chỉ số cải cách hành chính"),
    ("thuonghieu_nd", "Thương hiệu & Công luận", "PAR INDEX (trang chủ đề)"),
    (
        "vgp_en_2023",
        "Cổng TTĐT Chính phủ (English)",
        "MoJ, Quang Ninh province lead public administrative reform index",
    ),
    (
        "shipbolt_vna",
        "shipbolt.vn (bản sao tin TTXVN tiếng Anh)",
        "Quang Ninh tops country's public administrative reform index",
    ),
    ("baotintuc_ministries", "Báo Tin tức (TTXVN)", "Giá trị (trang chủ đề): Chỉ số CCHC 2023 của 17 bộ, cơ quan ngang bộ"),
    ("ktdt_hp_2024", "Kinh tế & Đô thị", "Hải Phòng đứng đầu toàn quốc về Chỉ số cải cách hành chính"),
    ("baomoinet_2024", "baomoi.net.vn", "Hai tỉnh nào có Chỉ số cải cách hành chính cao nhất?"),
    (
        "ttd_brvt_2024",
        "Tuổi trẻ Thủ đô",
        "Đạt chỉ số cao về hiệu quả quản trị và hành chính công (Bà Rịa - Vũng Tàu)",
    ),
    ("hanoitimes_2024", "Hanoi Times", "Hanoi urges improvements to retain top spot in governance index"),
    ("vnvn_khanhhoa_2024", "vietnam.vn", "Người dân thêm hài lòng về sự phục vụ (Khánh Hòa)"),
    ("vnvn_quangngai_2024", "vietnam.vn", "Quảng Ngãi tụt hạng Chỉ số SIPAS và PAR INDEX"),
    ("vnvn_binhthuan_2024", "vietnam.vn", "Cải cách hành chính hướng đến phục vụ Nhân dân (Bình Thuận)"),
    ("baophapluat_876", "Báo Pháp luật Việt Nam", "Đánh giá Chỉ số cải cách hành chính qua hai phương pháp"),
    (
        "bacninh_876",
        "Cổng TTĐT Bắc Ninh",
        "Quyết định 876/QĐ-BNV phê duyệt Đề án xác định Chỉ số CCHC của các bộ, cơ quan ngang bộ, UBND tỉnh, thành phố trực thuộc Trung ương giai đoạn 2022–2030",
    ),
    ("tvpl_876", "Thư viện Pháp luật", "Tiêu chí xác định Chỉ số CCHC cấp bộ giai đoạn 2022–2030"),
    ("congthuong_par2023", "Báo Công Thương", "Kết quả Chỉ số cải cách hành chính năm 2023 (PAR INDEX 2023)"),
];

/// English names of the ministries.
const MINISTRY_EN: [(&str, &str); 17] = [
    ("Bộ Tư pháp", "Ministry of Justice"),
    ("Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
    ("Bộ Tài chính", "Ministry of Finance"),
    ("Bộ Nội vụ", "Ministry of Home Affairs"),
    ("Bộ Tài nguyên và Môi trường", "Ministry of Natural Resources and Environment"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "Ministry of Agriculture and Rural Development"),
    ("Bộ Xây dựng", "Ministry of Construction"),
    ("Bộ Giao thông vận tải", "Ministry of Transport"),
    ("Bộ Thông tin và Truyền thông", "Ministry of Information and Communications"),
    ("Bộ Lao động - Thương binh và Xã hội", "Ministry of Labour, Invalids and Social Affairs"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism"),
    ("Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"),
    ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
    ("Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment"),
    ("Bộ Y tế", "Ministry of Health"),
    ("Bộ Ngoại giao", "Ministry of Foreign Affairs"),
    ("Bộ Công Thương", "Ministry of Industry and Trade"),
];

/// What a reader must know about one record, by (year, name as par_facts writes it): the
/// conflicts par_facts records (`conflict`), and records with neither score nor rank.
const RECORD_NOTES: [(i32, &str, &str, &str); 6] = [
    (
        2023,
        "Cà Mau",
        "Các nguồn không khớp nhau: Cà Mau 86,89% ở hạng 32 nhưng TP. Hồ Chí Minh 86,97% ở hạng 33; lại có 32 tỉnh trên mức trung bình 86,98%, mà 86,89% thấp hơn. Số liệu của Cà Mau lấy từ một bản đăng lại dịch máy, nên điểm hoặc thứ hạng có thể sai; cả hai được giữ như đã đăng.",
        "The sources disagree: Cà Mau 86.89% at rank 32 but Ho Chi Minh City 86.97% at rank 33; and 32 provinces were above the 86.98% average, which 86.89% is not. Cà Mau's figures come from a machine-translated republication, so its score or rank may be wrong; both are kept as published.",
    ),
    (
        2023,
        "TP Hồ Chí Minh",
        "Xem ghi chú của Cà Mau: nguồn khác đăng Cà Mau 86,89% ở hạng 32, trên TP. Hồ Chí Minh dù điểm thấp hơn.",
        "See Cà Mau's note: another source gives Cà Mau 86.89% at rank 32, above Ho Chi Minh City despite a lower score.",
    ),
    (
        2023,
        "An Giang",
        "Cổng TTĐT Chính phủ (tiếng Anh) viết Bình Thuận và Sóc Trăng đứng cuối bảng; bốn nguồn khác nêu An Giang đứng cuối với 81,32%.",
        "The government portal (English) says Bình Thuận and Sóc Trăng were at the bottom; four other sources name An Giang last with 81.32%.",
    ),
    (
        2023,
        "Bình Thuận",
        "Không tìm thấy điểm hay thứ hạng; Cổng TTĐT Chính phủ (tiếng Anh) chỉ viết Bình Thuận ở cuối bảng xếp hạng, trái với các nguồn nêu An Giang đứng cuối.",
        "No score or rank was found; the government portal (English) only says Bình Thuận was at the bottom, which conflicts with the sources naming An Giang last.",
    ),
    (
        2022,
        "Bắc Giang",
        "Thứ hạng theo thứ tự nguồn liệt kê các tỉnh dẫn đầu; nguồn không công bố điểm.",
        "The rank is the order in which the source lists the leading provinces; it gives no score.",
    ),
    (
        2024,
        "Bình Thuận",
        "Nguồn chỉ công bố điểm và thứ hạng của một số lĩnh vực, không công bố chỉ số chung và thứ hạng chung.",
        "The source gives scores and ranks of some fields only, not the overall index or rank.",
    ),
];

fn source_id_for_url(facts: &Value, url: &str) -> Result<String, String> {
    facts
        .get("sources")
        .and_then(Value::as_object)
        .and_then(|m| m.iter().find(|(_, s)| str_at(s, "url") == Some(url)).map(|(id, _)| id.clone()))
        .ok_or(format!("no source in par_facts.json has the address {url}"))
}

/// Keeps ministries in the order first named, merging their records by name.
#[derive(Default)]
struct Ministries {
    units: Vec<RawUnit>,
}

impl Ministries {
    fn push(&mut self, name: &str, obs: RawObservation) {
        if let Some(unit) = self.units.iter_mut().find(|u| u.name == name) {
            unit.observations.push(obs);
            return;
        }
        let name_en = MINISTRY_EN.iter().find(|(vi, _)| *vi == name).map(|(_, en)| en.to_string());
        self.units.push(RawUnit {
            id: slug(name),
            name: name.to_string(),
            name_en,
            kind: UnitKind::Bo,
            observations: vec![obs],
        });
    }

    fn has(&self, name: &str, year: i32) -> bool {
        self.units.iter().any(|u| u.name == name && u.observations.iter().any(|o| o.year == year))
    }
}

/// A par_facts record as one of our observations.
fn observation(facts: &Value, record: &Value, year: i32) -> Result<RawObservation, String> {
    let name = str_at(record, "name").ok_or("a record has no name")?;
    let score = record.get("score_pct").and_then(Value::as_f64);
    let rank = record
        .get("rank")
        .and_then(Value::as_u64)
        .map(|p| u32::try_from(p).map(RawRank::Position))
        .transpose()
        .map_err(|e| e.to_string())?;
    let source = str_at(record, "source").ok_or(format!("{year} {name}: no source"))?.to_string();
    let other_sources = record
        .get("other_source_urls")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|url| source_id_for_url(facts, url))
        .collect::<Result<Vec<_>, _>>()?;
    let listed = RECORD_NOTES.iter().find(|(y, n, _, _)| *y == year && *n == name).map(|(_, _, vi, en)| text(vi, en));
    if listed.is_none() && record.get("conflict").is_some() {
        return Err(format!("{year} {name}: par_facts records a conflict; write its note in RECORD_NOTES"));
    }
    let note = listed.or_else(|| {
        (score.is_none() && rank.is_some()).then(|| {
            text("Nguồn chỉ công bố thứ hạng, không công bố điểm.", "The source gives the rank only, not the score.")
        })
    });
    Ok(RawObservation { year, score, rank, components: BTreeMap::new(), source, other_sources, note })
}

/// An observation saying the unit was assessed and its result not published.
fn unpublished(year: i32, source: &str, note: Option<Text>) -> RawObservation {
    RawObservation {
        year,
        score: None,
        rank: None,
        components: BTreeMap::new(),
        source: source.to_string(),
        other_sources: vec![],
        note,
    }
}

/// A year of one block: scored, ranked without a score, and the rest of the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Coverage {
    year: i32,
    n_scored: usize,
    n_rank_only: usize,
    unit_count: Option<u32>,
}

fn coverage(units: &[RawUnit], year: i32, unit_count: Option<u32>) -> Coverage {
    let obs: Vec<&RawObservation> =
        units.iter().flat_map(|u| u.observations.iter()).filter(|o| o.year == year).collect();
    Coverage {
        year,
        n_scored: obs.iter().filter(|o| o.score.is_some()).count(),
        n_rank_only: obs.iter().filter(|o| o.score.is_none() && o.rank.is_some()).count(),
        unit_count,
    }
}

/// One sentence per year: how much of the block was published.
fn coverage_note(what_vi: &str, what_en: &str, rows: &[Coverage]) -> Text {
    let vi: Vec<String> = rows
        .iter()
        .map(|c| {
            let of = c.unit_count.map_or(String::new(), |n| format!("/{n}"));
            format!("năm {}: {}{of} có điểm, {} chỉ có thứ hạng", c.year, c.n_scored, c.n_rank_only)
        })
        .collect();
    let en: Vec<String> = rows
        .iter()
        .map(|c| {
            let of = c.unit_count.map_or(String::new(), |n| format!(" of {n}"));
            format!("{}: {}{of} with a score, {} with a rank only", c.year, c.n_scored, c.n_rank_only)
        })
        .collect();
    text(&format!("{what_vi} — {}.", vi.join("; ")), &format!("{what_en} — {}.", en.join("; ")))
}

/// Convert the `national_par_index_*` datasets of par_facts.json into the PAR INDEX dataset.
pub fn convert(facts_json: &str) -> Result<RawDataset, String> {
    let facts: Value = serde_json::from_str(facts_json).map_err(|e| format!("par_facts.json: {e}"))?;
    let datasets = facts.get("datasets").and_then(Value::as_array).ok_or("par_facts.json has no datasets")?;
    let find = |id: &str| {
        datasets.iter().find(|d| str_at(d, "id") == Some(id)).ok_or(format!("par_facts.json has no dataset {id}"))
    };

    let mut used_sources: Vec<String> = Vec::new();
    let mut use_source = |id: &str| {
        if !used_sources.iter().any(|s| s == id) {
            used_sources.push(id.to_string());
        }
    };

    // Province records by province index; ministries in the order named.
    let mut province_obs: Vec<(usize, RawObservation)> = Vec::new();
    let mut ministries = Ministries::default();
    let mut province_years: Vec<RawGroupYear> = Vec::new();
    let mut ministry_years: Vec<RawGroupYear> = Vec::new();

    for fact_id in FACT_IDS {
        let block = find(fact_id)?;
        let year = block.get("year").and_then(Value::as_i64).ok_or(format!("{fact_id}: no year"))?;
        let year = i32::try_from(year).map_err(|e| e.to_string())?;
        for record in block.get("units").and_then(Value::as_array).into_iter().flatten() {
            let name = str_at(record, "name").ok_or(format!("{fact_id}: a record has no name"))?;
            let obs = observation(&facts, record, year)?;
            use_source(&obs.source);
            for s in &obs.other_sources {
                use_source(s);
            }
            match str_at(record, "block") {
                Some(PROVINCE_BLOCK) => province_obs.push((provinces::resolve(name)?, obs)),
                Some(MINISTRY_BLOCK) => ministries.push(name, obs),
                other => return Err(format!("{fact_id} {name}: unknown block {other:?}")),
            }
        }
        if fact_id == "national_par_index_2023_ministries" {
            ministry_years.push(ministries_2023(&facts, block, &mut ministries, &mut use_source)?);
        }
    }

    // Provinces: the block size and averages per year; every province without a record in a
    // year of known size gets one saying its result was not published.
    for &(year, count_source) in &PROVINCE_COUNT_SOURCES {
        use_source(count_source);
        let BlockStats { mean, mean_change, source: stats_source } = national_stats(&facts, year)?;
        if let Some(s) = &stats_source {
            use_source(s);
        }
        let n = u32::try_from(N_PROVINCES).map_err(|e| e.to_string())?;
        province_years.push(RawGroupYear {
            year,
            unit_count: Some(n),
            unit_count_source: Some(count_source.to_string()),
            mean,
            mean_change,
            stats_source,
        });
        for idx in 0..N_PROVINCES {
            if !province_obs.iter().any(|(i, o)| *i == idx && o.year == year) {
                province_obs.push((idx, unpublished(year, count_source, None)));
            }
        }
    }
    province_years.sort_by_key(|y| std::cmp::Reverse(y.year));
    ministry_years.sort_by_key(|y| std::cmp::Reverse(y.year));
    let province_units = provinces::units_with(province_obs)?;
    let mut ministry_units = ministries.units;
    for u in &mut ministry_units {
        u.observations.sort_by_key(|o| std::cmp::Reverse(o.year));
    }

    let editions = editions();
    for s in editions.iter().flat_map(|e| e.comparability.iter().flat_map(|c| c.sources.iter())) {
        use_source(s);
    }
    let sources = used_sources
        .iter()
        .map(|id| source(&facts, id, &SOURCE_TITLES, "par_index::SOURCE_TITLES"))
        .collect::<Result<Vec<_>, _>>()?;

    let count_of = |years: &[RawGroupYear], y: i32| years.iter().find(|g| g.year == y).and_then(|g| g.unit_count);
    let province_coverage: Vec<Coverage> = PROVINCE_COUNT_SOURCES
        .iter()
        .map(|&(y, _)| coverage(&province_units, y, count_of(&province_years, y)))
        .collect();
    let ministry_coverage: Vec<Coverage> =
        [2022, 2023].iter().map(|&y| coverage(&ministry_units, y, count_of(&ministry_years, y))).collect();

    Ok(RawDataset {
        schema_version: SCHEMA_VERSION,
        id: "par-index".to_string(),
        index: RawIndex {
            name: text(
                "Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, UBND tỉnh, thành phố trực thuộc Trung ương (PAR INDEX)",
                "Public Administration Reform Index of ministries and provinces (PAR INDEX)",
            ),
            short_name: text("PAR INDEX", "PAR INDEX"),
            publisher: text(
                "Ban Chỉ đạo cải cách hành chính của Chính phủ, Bộ Nội vụ",
                "The Government's Steering Committee for Public Administration Reform, Ministry of Home Affairs",
            ),
            scale: RawScale { min: 0.0, max: 100.0, unit: ScoreUnit::Percent },
            higher_is_better: true,
            components: vec![],
        },
        sources,
        notes: vec![
            text(
                "Bảng kết quả đầy đủ của Bộ Nội vụ (63 tỉnh, thành phố và các bộ, với điểm từng lĩnh vực) chưa được tìm thấy: chỉ những điểm và thứ hạng được báo chí đăng được hiển thị, mỗi số liệu kèm nguồn. Điểm chưa công bố được để trống, không ước tính; thứ hạng đã công bố được giữ cả khi không có điểm.",
                "The Ministry of Home Affairs' full results (the 63 provinces and the ministries, with each field's score) have not been found: only the scores and ranks printed in the press are shown, each with its source. Unpublished scores are left blank, never estimated; published ranks are kept even where the score is unknown.",
            ),
            coverage_note("Tỉnh, thành phố", "Provinces", &province_coverage),
            coverage_note("Bộ, cơ quan ngang bộ", "Ministries", &ministry_coverage),
            text(
                "Năm 2023 các nguồn mâu thuẫn nhau ở hai chỗ: Cà Mau (86,89%, hạng 32) và TP. Hồ Chí Minh (86,97%, hạng 33), và tỉnh đứng cuối (An Giang theo bốn nguồn; Bình Thuận và Sóc Trăng theo Cổng TTĐT Chính phủ tiếng Anh). Các số liệu được giữ như đã đăng và ghi chú ở từng tỉnh.",
                "In 2023 the sources contradict each other twice: Cà Mau (86.89%, rank 32) against Ho Chi Minh City (86.97%, rank 33), and which province was last (An Giang in four sources; Bình Thuận and Sóc Trăng in the government portal's English report). The figures are kept as published and noted on each province.",
            ),
            text(
                "Chỉ số gồm điểm thẩm định của Bộ Nội vụ và điểm điều tra xã hội học. Từ năm 2022 chỉ số được xác định theo Đề án giai đoạn 2022–2030 (QĐ 876/QĐ-BNV, thay cho QĐ 1149/QĐ-BNV); năm 2024 dùng bộ tiêu chí đánh giá mới. Ngoài 17 bộ, cơ quan ngang bộ, năm 2023 còn 2 cơ quan đặc thù (Thanh tra Chính phủ, Ủy ban Dân tộc) được đánh giá, không nằm trong khối xếp hạng này.",
                "The index combines the Ministry of Home Affairs' appraisal and a sociological survey. From 2022 it follows the 2022–2030 scheme (QĐ 876/QĐ-BNV, replacing QĐ 1149/QĐ-BNV); 2024 used a new set of criteria. Besides the 17 ministries, 2 special agencies (the Government Inspectorate, the Committee for Ethnic Minority Affairs) were assessed in 2023, outside this ranked block.",
            ),
        ],
        editions,
        groups: vec![
            RawGroup {
                id: PROVINCES_GROUP.to_string(),
                name: text("Tỉnh, thành phố trực thuộc trung ương", "Provinces and centrally-run cities"),
                roster_note: Some(text(
                    "63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.",
                    "The 63 provinces and centrally-run cities before the 2025 reorganisation.",
                )),
                years: province_years,
                units: province_units,
            },
            RawGroup {
                id: MINISTRIES_GROUP.to_string(),
                name: text("Bộ, cơ quan ngang bộ", "Ministries and ministry-level agencies"),
                roster_note: Some(text(
                    "Năm 2023: 17 bộ, cơ quan ngang bộ, theo danh sách nhóm đạt trên và dưới 80% của Cổng TTĐT Chính phủ. Năm 2022 chỉ các bộ được báo chí nêu tên.",
                    "2023: the 17 ministries and ministry-level agencies, from the government portal's lists of those above and below 80%. 2022: only the ministries named in the press.",
                )),
                years: ministry_years,
                units: ministry_units,
            },
        ],
    })
}

/// 2023's ministries: the block's size and average, and a record for each of the 17 named in
/// the government portal's two groups (above and below 80%) that has none yet.
fn ministries_2023(
    facts: &Value,
    block: &Value,
    ministries: &mut Ministries,
    use_source: &mut impl FnMut(&str),
) -> Result<RawGroupYear, String> {
    let year = 2023;
    let groups_url = str_at(block, "groups_source_url").ok_or("2023 ministries: no groups_source_url")?;
    let groups_source = source_id_for_url(facts, groups_url)?;
    use_source(&groups_source);
    let members = |key: &str| -> Vec<String> {
        block
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect()
    };
    let above = members("above_80_pct_members");
    let below = members("below_80_pct_members");
    let (count, count_source) = MINISTRY_COUNT_2023;
    if u32::try_from(above.len() + below.len()).ok() != Some(count) {
        return Err(format!("2023 ministries: the groups list {} + {}, not {count}", above.len(), below.len()));
    }
    for (names, vi, en) in [
        (
            &above,
            "Nguồn chỉ nêu đơn vị thuộc nhóm đạt trên 80%.",
            "The source only says it was in the group above 80%.",
        ),
        (&below, "Nguồn chỉ nêu đơn vị thuộc nhóm dưới 80%.", "The source only says it was in the group below 80%."),
    ] {
        for name in names {
            if !ministries.has(name, year) {
                ministries.push(name, unpublished(year, &groups_source, Some(text(vi, en))));
            }
        }
    }
    let stats = block.get("stats").ok_or("2023 ministries: no stats")?;
    let stats_source = source_id_for_url(facts, str_at(stats, "source_url").ok_or("2023 ministries: stats source")?)?;
    if stats_source != count_source {
        return Err(format!("2023 ministries: the average's source is {stats_source}, expected {count_source}"));
    }
    use_source(count_source);
    Ok(RawGroupYear {
        year,
        unit_count: Some(count),
        unit_count_source: Some(count_source.to_string()),
        mean: stats.get("average_pct").and_then(Value::as_f64),
        mean_change: stats.get("change_vs_2022").and_then(Value::as_f64),
        stats_source: Some(stats_source),
    })
}

/// A block's published average, its change on the year before, and the source saying so.
#[derive(Debug, Default)]
struct BlockStats {
    mean: Option<f64>,
    mean_change: Option<f64>,
    source: Option<String>,
}

/// The national average of the provinces in `year`, where par_facts has it.
fn national_stats(facts: &Value, year: i32) -> Result<BlockStats, String> {
    let datasets = facts.get("datasets").and_then(Value::as_array).ok_or("par_facts.json has no datasets")?;
    let block = datasets
        .iter()
        .find(|d| {
            d.get("year").and_then(Value::as_i64) == Some(i64::from(year)) && {
                let id = str_at(d, "id").unwrap_or_default();
                id == format!("national_par_index_{year}") || id == format!("national_par_index_{year}_provinces")
            }
        })
        .ok_or(format!("no national_par_index dataset for {year}"))?;
    if let Some(stats) = block.get("national_stats") {
        let url = stats
            .get("source_urls")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .and_then(Value::as_str)
            .ok_or(format!("{year}: national_stats without a source"))?;
        return Ok(BlockStats {
            mean: stats.get("average_pct").and_then(Value::as_f64),
            mean_change: stats.get(format!("change_vs_{}", year - 1)).and_then(Value::as_f64),
            source: Some(source_id_for_url(facts, url)?),
        });
    }
    match (block.get("national_average_pct").and_then(Value::as_f64), str_at(block, "average_source_url")) {
        (Some(mean), Some(url)) => {
            Ok(BlockStats { mean: Some(mean), mean_change: None, source: Some(source_id_for_url(facts, url)?) })
        }
        _ => Ok(BlockStats::default()),
    }
}

/// How each year compares with the one before, as the sources say.
fn editions() -> Vec<RawEdition> {
    let edition = crate::editions::comparability;
    vec![
        edition(
            2022,
            Comparability::NotComparable,
            "Từ năm 2022 chỉ số được xác định theo Đề án mới giai đoạn 2022–2030 (QĐ 876/QĐ-BNV ngày 10/11/2022, thay cho QĐ 1149/QĐ-BNV ngày 30/12/2020), với tiêu chí và tỷ trọng điểm điều tra xã hội học khác (cấp bộ: 31,5 thay cho 36,5 điểm): kết quả năm 2022 không so sánh được với năm 2021.",
            "From 2022 the index follows a new 2022–2030 scheme (QĐ 876/QĐ-BNV of 10/11/2022, replacing QĐ 1149/QĐ-BNV of 30/12/2020), with other criteria and another weight of the survey (ministries: 31.5 instead of 36.5 points): 2022 results do not compare with 2021.",
            &["bacninh_876", "tvpl_876", "baophapluat_876"],
        ),
        edition(
            2023,
            Comparability::Comparable,
            "Cùng Đề án QĐ 876/QĐ-BNV; Bộ Nội vụ công bố mức thay đổi so với năm 2022 (trung bình các tỉnh +2,19 điểm, các bộ +0,33 điểm).",
            "The same scheme (QĐ 876/QĐ-BNV); the Ministry of Home Affairs published the changes on 2022 (provinces' average +2.19 points, ministries' +0.33).",
            &["congthuong_par2023", "baomoi_hn3", "baotintuc_ministries"],
        ),
        edition(
            2024,
            Comparability::Approximate,
            "Năm 2024 dùng bộ tiêu chí đánh giá mới (điểm tối đa từng lĩnh vực thay đổi); Bộ Nội vụ vẫn công bố mức thay đổi so với năm 2023 (trung bình các tỉnh +1,39 điểm), nên so sánh chỉ mang tính tương đối.",
            "2024 used a new set of criteria (each field's maximum changed); the Ministry of Home Affairs still published the changes on 2023 (provinces' average +1.39 points), so comparisons are approximate.",
            &["vnvn_binhthuan_2024", "vnvn_khanhhoa_2024", "ktdt_hp_2024"],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provinces::PROVINCES;

    #[test]
    fn ministry_names_are_distinct_and_translated() {
        let mut ids: Vec<String> = MINISTRY_EN.iter().map(|(vi, _)| slug(vi)).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), MINISTRY_EN.len());
        assert_eq!(PROVINCES.len(), N_PROVINCES);
    }

    #[test]
    fn coverage_note_counts_per_year() {
        let rows = [Coverage { year: 2023, n_scored: 15, n_rank_only: 5, unit_count: Some(63) }];
        let note = coverage_note("Tỉnh", "Provinces", &rows);
        assert_eq!(note.vi, "Tỉnh — năm 2023: 15/63 có điểm, 5 chỉ có thứ hạng.");
        assert_eq!(note.en.as_deref(), Some("Provinces — 2023: 15 of 63 with a score, 5 with a rank only."));
    }
}
