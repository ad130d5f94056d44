//! Hanoi's Chỉ số CCHC (2019–2024) from `shared/data/hanoi/par_facts.json`: departments and
//! districts every year, and from 2024 the two blocks that year added (central agencies based in
//! the city, public service units).
//!
//! Only published figures are carried over, each with its source. Districts are listed by name
//! (the 30 district-level units); a district with no published score gets a record with no score,
//! sourced to the document that says all 30 were assessed. Other blocks list a unit only where a
//! source names it: their rosters are not sourced, so unnamed units are not invented — the
//! block's published unit count tells the reader how many are missing.

use std::collections::BTreeMap;

use chiso_engine::schema::{
    Comparability, RankWord, RawDataset, RawEdition, RawGroup, RawGroupYear, RawIndex, RawObservation, RawRank,
    RawScale, RawUnit, ScoreUnit, UnitKind, SCHEMA_VERSION,
};
use serde_json::Value;

use crate::names::slug;
use crate::par_facts::{source, str_at, text};

/// One par_facts dataset converted into one of our groups.
struct Block {
    /// The par_facts dataset id.
    fact_id: &'static str,
    /// Our group id.
    group: &'static str,
    /// The key of this block in par_facts' `expected_unit_count` when it is an object.
    count_key: &'static str,
    /// Whether the records carry their corroborating sources (`other_source_urls`). Only the
    /// 2024 records do: 2019–2023 were published without them and are kept byte-identical here.
    with_other_sources: bool,
}

const fn block(fact_id: &'static str, group: &'static str, count_key: &'static str) -> Block {
    Block { fact_id, group, count_key, with_other_sources: false }
}

const fn block_2024(group: &'static str, count_key: &'static str) -> Block {
    Block { fact_id: "hanoi_2024", group, count_key, with_other_sources: true }
}

/// The par_facts datasets converted. The 2019–2021 and 2024 entries hold several blocks in one
/// list; their records are told apart by their `block` field.
const BLOCKS: [Block; 14] = [
    block("hanoi_2023_departments", "departments", "departments"),
    block("hanoi_2023_districts", "districts", "districts"),
    block("hanoi_2022_departments", "departments", "departments"),
    block("hanoi_2022_districts", "districts", "districts"),
    block("hanoi_2021", "departments", "departments"),
    block("hanoi_2021", "districts", "districts"),
    block("hanoi_2020", "departments", "departments"),
    block("hanoi_2020", "districts", "districts"),
    block("hanoi_2019", "departments", "departments"),
    block("hanoi_2019", "districts", "districts"),
    block_2024("departments", "departments"),
    block_2024("districts", "districts"),
    block_2024("central-agencies", "central_agencies"),
    block_2024("public-service-units", "public_service_units"),
];

/// One of our groups: its id, the `block` field of its records in par_facts, its name and where
/// its list of units comes from.
struct GroupSpec {
    id: &'static str,
    record_block: &'static str,
    name_vi: &'static str,
    name_en: &'static str,
    roster_vi: &'static str,
    roster_en: &'static str,
}

/// The groups, in the order the page lists them. The last two exist from 2024 (QĐ 1085/QĐ-UBND
/// ranked four blocks that year).
const GROUPS: [GroupSpec; 4] = [
    GroupSpec {
        id: "departments",
        record_block: "Khối sở, cơ quan tương đương sở",
        name_vi: "Khối sở, cơ quan tương đương sở",
        name_en: "Departments and equivalent agencies",
        roster_vi: "Chỉ gồm các đơn vị được báo chí nêu tên. Khối có 22 đơn vị được đánh giá năm 2023 và 23 đơn vị năm 2024; các đơn vị không được nêu tên không được liệt kê.",
        roster_en: "Only the units named in the press are listed. 22 units were assessed in 2023 and 23 in 2024; those not named are not listed.",
    },
    GroupSpec {
        id: "districts",
        record_block: "Khối UBND quận, huyện, thị xã",
        name_vi: "Khối UBND quận, huyện, thị xã",
        name_en: "District-level people's committees",
        roster_vi: "Danh sách 30 quận, huyện, thị xã của Hà Nội trước khi sắp xếp lại năm 2025 (không lấy từ bảng kết quả chính thức).",
        roster_en: "The 30 district-level units of Hanoi before the 2025 reorganisation (not taken from the official results table).",
    },
    GroupSpec {
        id: "central-agencies",
        record_block: "Khối cơ quan Trung ương đóng trên địa bàn",
        name_vi: "Khối cơ quan Trung ương đóng trên địa bàn",
        name_en: "Central agencies based in Hanoi",
        roster_vi: "Khối có từ năm 2024, gồm 4 đơn vị: Kho bạc, Thuế, Hải quan (đánh giá 7 lĩnh vực) và Bảo hiểm xã hội (6 lĩnh vực), với 40 điểm đánh giá và 20 điểm điều tra xã hội học. Chỉ Cục Thuế được báo chí nêu kết quả; các đơn vị khác không được liệt kê.",
        roster_en: "A block since 2024 of 4 units: the State Treasury, Tax and Customs (assessed on 7 fields) and Social Insurance (6 fields), with 40 assessed and 20 survey points. Only the Tax Department's result was reported in the press; the others are not listed.",
    },
    GroupSpec {
        id: "public-service-units",
        record_block: "Khối đơn vị sự nghiệp công lập",
        name_vi: "Khối đơn vị sự nghiệp công lập",
        name_en: "Public service units",
        roster_vi: "Khối có từ năm 2024, gồm 22 đơn vị sự nghiệp công lập. Báo chí chưa nêu tên hay kết quả của đơn vị nào, nên không đơn vị nào được liệt kê.",
        roster_en: "A block since 2024 of 22 public service units. The press named none of them and gave no result, so none is listed.",
    },
];

/// The `block` field of a record, by our group id.
fn block_name(group: &str) -> Option<&'static str> {
    GROUPS.iter().find(|g| g.id == group).map(|g| g.record_block)
}

/// Publisher and title of each source we cite (par_facts gives only a description); the
/// address and date come from par_facts itself.
const SOURCE_TITLES: [(&str, &str, &str); 15] = [
    ("nd_2021", "Nhân Dân", "Sở Tài chính, quận Cầu Giấy dẫn đầu Chỉ số cải cách hành chính năm 2021"),
    (
        "ktdt_2020",
        "Kinh tế & Đô thị",
        "Hà Nội công bố Chỉ số cải cách hành chính năm 2020: Sở Tài chính và UBND quận Cầu Giấy đạt cao nhất",
    ),
    ("wikilegal_2019", "WikiLegal", "Hà Nội công bố Chỉ số cải cách hành chính năm 2019 của các đơn vị, địa phương"),
    ("ttd_20240220", "Tuổi trẻ Thủ đô", "Tiếp tục đổi mới cải cách hành chính, thái độ phục vụ người dân"),
    ("vnp_en_2023", "VietnamPlus (TTXVN)", "Hanoi announces public administration reform index 2023"),
    ("vcci_en_2023", "VCCI", "Hanoi announces public administration reform index 2023"),
    ("ktdt_2024", "Kinh tế & Đô thị", "Sở Nội vụ, quận Long Biên dẫn đầu Chỉ số cải cách hành chính năm 2024"),
    ("hnm_kh280", "Hànộimới", "Hà Nội điều tra xã hội học về cải cách hành chính (KH 280/KH-UBND)"),
    ("nld_2022", "Người Lao Động", "Sở nào, quận nào xếp bét bảng về cải cách hành chính?"),
    ("bdt_2022", "Báo Đấu thầu", "Hà Nội công bố Chỉ số cải cách hành chính năm 2022"),
    ("qhtv_2022", "Truyền hình Quốc hội", "Hà Nội công bố Chỉ số cải cách hành chính 2022"),
    ("ttd_2024_yte", "Tuổi trẻ Thủ đô", "Sở Y tế lọt top đầu bảng xếp hạng cải cách hành chính"),
    (
        "tb247_2024",
        "tinbong247news.net (trang tổng hợp đăng lại; chưa rõ báo gốc)",
        "Hà Nội: Sở Nội vụ và quận Long Biên dẫn đầu Chỉ số cải cách hành chính năm 2024",
    ),
    ("vnvn_kh334", "vietnam.vn", "Hà Nội điều tra xã hội học xác định Chỉ số cải cách hành chính (KH 334/KH-UBND)"),
    ("hieuluat_1752", "Hiểu Luật", "Quyết định 1752/QĐ-UBND của UBND thành phố Hà Nội (Chỉ số CCHC năm 2019)"),
];

/// English names of the departments and agencies named by the sources.
const UNIT_EN: [(&str, &str); 13] = [
    ("Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment"),
    ("Ban Quản lý các khu công nghiệp và chế xuất thành phố", "Hanoi Industrial and Export Processing Zones Authority"),
    ("Sở Nội vụ", "Department of Home Affairs"),
    ("Sở Tài chính", "Department of Finance"),
    ("Sở Khoa học và Công nghệ", "Department of Science and Technology"),
    ("Sở Du lịch", "Department of Tourism"),
    ("Văn phòng UBND thành phố", "Office of the City People's Committee"),
    ("Sở Thông tin và Truyền thông", "Department of Information and Communications"),
    ("Thanh tra thành phố", "City Inspectorate"),
    ("Sở Lao động, Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs"),
    ("Sở Xây dựng", "Department of Construction"),
    ("Sở Y tế", "Department of Health"),
    ("Cục Thuế thành phố Hà Nội", "Hanoi Tax Department"),
];

fn kind_of(s: &str) -> Result<UnitKind, String> {
    Ok(match s {
        "sở" => UnitKind::So,
        "cơ quan tương đương sở" => UnitKind::CoQuanTuongDuongSo,
        "quận" => UnitKind::Quan,
        "huyện" => UnitKind::Huyen,
        "thị xã" => UnitKind::ThiXa,
        "cơ quan Trung ương" => UnitKind::CoQuanTrungUong,
        other => return Err(format!("unknown unit kind '{other}'")),
    })
}

fn f64_at(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

/// Keeps units in insertion order while merging observations by name.
#[derive(Default)]
struct Roster {
    order: Vec<String>,
    units: BTreeMap<String, RawUnit>,
}

impl Roster {
    fn unit(&mut self, name: &str, kind: UnitKind) -> &mut RawUnit {
        if !self.units.contains_key(name) {
            self.order.push(name.to_string());
            let name_en = UNIT_EN.iter().find(|(vi, _)| *vi == name).map(|(_, en)| en.to_string());
            self.units.insert(
                name.to_string(),
                RawUnit { id: slug(name), name: name.to_string(), name_en, kind, observations: vec![] },
            );
        }
        // Just inserted or already present.
        self.units.get_mut(name).expect("unit present")
    }

    fn into_units(mut self) -> Vec<RawUnit> {
        self.order.iter().filter_map(|n| self.units.remove(n)).collect()
    }
}

/// A par_facts record as one of our observations; `other_sources` are its corroborating sources.
fn observation(record: &Value, year: i32, other_sources: Vec<String>) -> Result<RawObservation, String> {
    let score = f64_at(record, "score_pct");
    let rank = match record.get("rank").and_then(Value::as_u64) {
        Some(p) => Some(RawRank::Position(u32::try_from(p).map_err(|e| e.to_string())?)),
        None => {
            let note = str_at(record, "rank_note").unwrap_or_default();
            if note.starts_with("lowest") {
                Some(RawRank::Word(RankWord::Last))
            } else {
                None
            }
        }
    };
    let source = str_at(record, "source").ok_or("a record has no source")?.to_string();
    let note = match (score, rank) {
        (None, Some(_)) => Some(text(
            "Nguồn chỉ công bố thứ hạng, không công bố điểm.",
            "The source gives the rank only, not the score.",
        )),
        (Some(_), Some(RawRank::Word(RankWord::Last))) => Some(text(
            "Nguồn chỉ nêu đây là đơn vị có chỉ số thấp nhất khối.",
            "The source only says this unit had the lowest score of the block.",
        )),
        _ => None,
    };
    Ok(RawObservation { year, score, rank, components: BTreeMap::new(), source, other_sources, note })
}

/// Convert par_facts.json into the Hanoi dataset.
pub fn convert(facts_json: &str) -> Result<RawDataset, String> {
    let facts: Value = serde_json::from_str(facts_json).map_err(|e| format!("par_facts.json: {e}"))?;
    let datasets = facts.get("datasets").and_then(Value::as_array).ok_or("par_facts.json has no datasets")?;
    let find = |id: &str| datasets.iter().find(|d| str_at(d, "id") == Some(id));

    let mut used_sources: Vec<String> = Vec::new();
    let mut use_source = |id: &str| {
        if !used_sources.iter().any(|s| s == id) {
            used_sources.push(id.to_string());
        }
    };

    let mut rosters: BTreeMap<&str, Roster> = BTreeMap::new();
    let mut group_years: BTreeMap<&str, Vec<RawGroupYear>> = BTreeMap::new();

    // Districts: all 30 by name, in the roster's order (quận, huyện, thị xã).
    let roster = facts
        .pointer("/unit_roster_unsourced/districts")
        .and_then(Value::as_object)
        .ok_or("par_facts.json has no district roster")?;
    let districts = rosters.entry("districts").or_default();
    for (kind, names) in roster {
        let kind = kind_of(kind)?;
        for name in names.as_array().into_iter().flatten().filter_map(Value::as_str) {
            districts.unit(name, kind);
        }
    }

    for Block { fact_id, group, count_key, with_other_sources } in BLOCKS {
        let block = find(fact_id).ok_or(format!("par_facts.json has no dataset {fact_id}"))?;
        let year = block.get("year").and_then(Value::as_i64).ok_or("block without year")?;
        let year = i32::try_from(year).map_err(|e| e.to_string())?;
        let stats = block.get("block_stats");
        let stats_source = stats.and_then(|s| {
            str_at(s, "source").map(str::to_string).or_else(|| {
                // 2022 blocks cite a URL only; map it back to its source id.
                let url = str_at(s, "source_url")?;
                source_id_for_url(&facts, url)
            })
        });
        // The count is a number for one block, or {departments, districts, ...} for several.
        let count_value = block.get("expected_unit_count");
        let unit_count = count_value
            .and_then(|c| c.as_u64().or_else(|| c.get(count_key).and_then(Value::as_u64)))
            .map(u32::try_from)
            .transpose()
            .map_err(|e| e.to_string())?;
        // 2024's four counts (23, 30, 4, 22) are stated by the report on QĐ 1085/QĐ-UBND that
        // par_facts cites as the decision's source (Tuổi trẻ Thủ đô, 06/03/2025).
        let unit_count_source = unit_count.and_then(|_| {
            let url = str_at(block, "expected_unit_count_source").or_else(|| str_at(block, "decision_source_url"))?;
            source_id_for_url(&facts, url)
        });
        // 2020's count (22 departments, 30 districts) is stated by the very report its records
        // come from (Kinh tế & Đô thị on QĐ 2001/QĐ-UBND); 2019's has no source, so it is left out.
        let (unit_count, unit_count_source) = match (year, unit_count_source) {
            (_, Some(src)) => (unit_count, Some(src)),
            (2020, None) => (unit_count, unit_count.map(|_| "ktdt_2020".to_string())),
            (2019, None) => (None, None),
            (_, None) => (unit_count, None),
        };
        // The 2022 district count (30) is not given a source of its own in par_facts; it is the
        // block the NLĐ report describes.
        let unit_count_source = unit_count_source.or_else(|| unit_count.and(stats_source.clone()));
        for s in stats_source.iter().chain(unit_count_source.iter()) {
            use_source(s);
        }
        let has_figures = unit_count.is_some() || stats_source.is_some();
        if has_figures {
            group_years.entry(group).or_default().push(RawGroupYear {
                year,
                unit_count,
                unit_count_source: unit_count_source.clone(),
                mean: stats.and_then(|s| f64_at(s, "average_pct")),
                mean_change: stats.and_then(|s| f64_at(s, "change_vs_prev_year_pct_points")),
                stats_source: stats_source.clone(),
            });
        }

        let roster = rosters.entry(group).or_default();
        let units = block.get("units").and_then(Value::as_array).ok_or("block without units")?;
        let record_block = block_name(group).ok_or(format!("group {group} is not in GROUPS"))?;
        for record in units.iter().filter(|r| str_at(r, "block").is_none_or(|b| b == record_block)) {
            let name = str_at(record, "name").ok_or("unit without name")?;
            let kind = kind_of(str_at(record, "kind").ok_or("unit without kind")?)?;
            let other_sources = if with_other_sources { other_source_ids(&facts, record)? } else { vec![] };
            let obs = observation(record, year, other_sources)?;
            use_source(&obs.source);
            for s in &obs.other_sources {
                use_source(s);
            }
            roster.unit(name, kind).observations.push(obs);
        }
        // Districts not named this year: assessed (the block had `unit_count` units), score
        // not published.
        // Without a stated block size (2019, 2021) only the named districts have a record.
        if group == "districts" && unit_count.is_some() {
            let count_source = unit_count_source.clone().ok_or("district block without a source for its size")?;
            for unit in roster.units.values_mut() {
                if !unit.observations.iter().any(|o| o.year == year) {
                    unit.observations.push(RawObservation {
                        year,
                        score: None,
                        rank: None,
                        components: BTreeMap::new(),
                        source: count_source.clone(),
                        other_sources: vec![],
                        note: None,
                    });
                }
            }
        }
    }

    let editions = editions();
    for s in editions.iter().flat_map(|e| e.comparability.iter().flat_map(|c| c.sources.iter())) {
        use_source(s);
    }
    let sources = used_sources
        .iter()
        .map(|id| source(&facts, id, &SOURCE_TITLES, "hanoi::SOURCE_TITLES"))
        .collect::<Result<Vec<_>, _>>()?;

    let mut groups = Vec::new();
    for spec in &GROUPS {
        let mut units = rosters.remove(spec.id).unwrap_or_default().into_units();
        for u in &mut units {
            u.observations.sort_by_key(|o| std::cmp::Reverse(o.year));
        }
        let mut years = group_years.remove(spec.id).unwrap_or_default();
        years.sort_by_key(|y| std::cmp::Reverse(y.year));
        groups.push(RawGroup {
            id: spec.id.to_string(),
            name: text(spec.name_vi, spec.name_en),
            roster_note: Some(text(spec.roster_vi, spec.roster_en)),
            years,
            units,
        });
    }

    Ok(RawDataset {
        schema_version: SCHEMA_VERSION,
        id: "hanoi-cchc".to_string(),
        index: RawIndex {
            name: text(
                "Chỉ số cải cách hành chính (Chỉ số CCHC) của các sở, cơ quan tương đương sở và UBND quận, huyện, thị xã thành phố Hà Nội",
                "Hanoi Public Administration Reform Index (PAR Index) of city departments and district-level people's committees",
            ),
            short_name: text("Chỉ số CCHC", "PAR Index"),
            publisher: text("UBND thành phố Hà Nội", "Hanoi People's Committee"),
            scale: RawScale { min: 0.0, max: 100.0, unit: ScoreUnit::Percent },
            higher_is_better: true,
            components: vec![],
        },
        sources,
        notes: vec![
            text(
                "Bảng kết quả đầy đủ (phụ lục quyết định công bố) chưa được tìm thấy: chỉ những điểm và thứ hạng được báo chí đăng được hiển thị. Điểm chưa công bố được để trống, không ước tính.",
                "The full results table (the decision's appendix) has not been found: only the scores and ranks printed in the press are shown. Unpublished scores are left blank, never estimated.",
            ),
            text(
                "Bộ tiêu chí thay đổi từ năm 2021 (giai đoạn 2021–2025 thay cho 2017–2020), nên điểm năm 2019–2020 không so sánh được với các năm sau; năm 2024 áp dụng bộ chỉ số mới (QĐ 3598/QĐ-UBND), nên so sánh với các năm trước chỉ mang tính tham khảo.",
                "The set of criteria changed in 2021 (the 2021–2025 set replaced 2017–2020), so 2019–2020 scores do not compare with later years; 2024 used a new index set (QĐ 3598/QĐ-UBND), so comparisons with earlier years are only indicative.",
            ),
            text(
                "Theo Giám đốc Sở Nội vụ tại hội nghị công bố Chỉ số CCHC năm 2023, Bộ chỉ số CCHC giai đoạn 2023–2030 vẫn còn một số nội dung cần tiếp tục nghiên cứu, điều chỉnh cho phù hợp với thực tiễn của thành phố và chỉ đạo mới của Trung ương (Tuổi trẻ Thủ đô, 20/02/2024).",
                "According to the Director of the Department of Home Affairs at the conference announcing the 2023 index, some contents of the 2023–2030 index set still need further study and adjustment to fit the city's practice and new central guidance (Tuổi trẻ Thủ đô, 20 February 2024).",
            ),
        ],
        editions,
        groups,
    })
}

/// The source ids of a record's `other_source_urls`; an address par_facts does not list is an
/// error, never dropped.
fn other_source_ids(facts: &Value, record: &Value) -> Result<Vec<String>, String> {
    record
        .get("other_source_urls")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|url| source_id_for_url(facts, url).ok_or(format!("no source in par_facts.json has the address {url}")))
        .collect()
}

/// How each year compares with the one before, as the sources say. Hanoi publishes no
/// components, so an edition carries only its year and this.
fn editions() -> Vec<RawEdition> {
    let edition = crate::editions::comparability;
    vec![
        edition(
            2020,
            Comparability::Comparable,
            "Năm 2019 và 2020 cùng thuộc giai đoạn của bộ chỉ số 2017–2020 (QĐ 6677/QĐ-UBND ngày 25/9/2017).",
            "2019 and 2020 both fall under the 2017–2020 index set (QĐ 6677/QĐ-UBND of 25/9/2017).",
            &["hieuluat_1752", "ktdt_2020"],
        ),
        edition(
            2021,
            Comparability::NotComparable,
            "Năm 2021 là năm đầu áp dụng bộ chỉ số giai đoạn 2021–2025 (8 nội dung, 164 tiêu chí), thay cho bộ chỉ số 2017–2020: điểm và thứ hạng năm 2021 không so sánh được với năm 2020.",
            "2021 is the first year of the 2021–2025 index set (8 contents, 164 criteria), which replaced the 2017–2020 set: 2021 scores and ranks do not compare with 2020.",
            &["nd_2021", "hieuluat_1752"],
        ),
        edition(
            2022,
            Comparability::Approximate,
            "Cùng bộ chỉ số 2021–2025 với năm 2021 và báo cáo năm 2022 so sánh với năm 2021, nhưng số tiêu chí khác nhau (năm 2021: 164 theo báo chí; năm 2022: 161 với khối sở, 164 với khối quận, huyện).",
            "The same 2021–2025 index set as 2021, and the 2022 report compares with 2021, but the number of criteria differs (2021: 164 as reported; 2022: 161 for departments, 164 for districts).",
            &["qhtv_2022", "bdt_2022", "nd_2021"],
        ),
        edition(
            2023,
            Comparability::Approximate,
            "Báo cáo năm 2023 so sánh với năm 2022, nhưng theo Giám đốc Sở Nội vụ, Bộ chỉ số CCHC giai đoạn 2023–2030 vẫn còn một số nội dung cần tiếp tục nghiên cứu, điều chỉnh; bộ tiêu chí năm 2023 chưa được tìm thấy.",
            "The 2023 report compares with 2022, but according to the Director of the Department of Home Affairs some contents of the 2023–2030 index set still need study and adjustment; the 2023 criteria have not been found.",
            &["ttd_20240220"],
        ),
        edition(
            2024,
            Comparability::Approximate,
            "Năm 2024 áp dụng bộ chỉ số mới (QĐ 3598/QĐ-UBND ngày 10/7/2024: 8 lĩnh vực và điểm thưởng, điểm trừ; 70 điểm thẩm định, 30 điểm điều tra xã hội học), khối sở có 23 đơn vị (năm 2023: 22) và có thêm hai khối mới. Báo chí vẫn so sánh thứ hạng với năm 2023.",
            "2024 used a new index set (QĐ 3598/QĐ-UBND of 10/7/2024: 8 fields plus bonus and penalty points; 70 appraised and 30 survey points), the departments block had 23 units (2023: 22) and two blocks were added. The press still compares ranks with 2023.",
            &["tb247_2024", "vnvn_kh334", "ktdt_2024"],
        ),
    ]
}

fn source_id_for_url(facts: &Value, url: &str) -> Option<String> {
    facts.get("sources")?.as_object()?.iter().find(|(_, s)| str_at(s, "url") == Some(url)).map(|(id, _)| id.clone())
}
