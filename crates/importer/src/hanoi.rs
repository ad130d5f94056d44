//! Hanoi's Chỉ số CCHC (2019–2023, both blocks) from `shared/data/hanoi/par_facts.json`.
//!
//! Only published figures are carried over, each with its source. Districts are listed by name
//! (the 30 district-level units); a district with no published score gets a record with no score,
//! sourced to the document that says all 30 were assessed. Departments are listed only where a
//! source names them: the department roster is not sourced, so unnamed departments are not
//! invented — the block's published unit count tells the reader how many are missing.

use std::collections::BTreeMap;

use chiso_engine::schema::{
    RankWord, RawDataset, RawGroup, RawGroupYear, RawIndex, RawObservation, RawRank, RawScale, RawSource, RawUnit,
    ScoreUnit, Text, UnitKind, SCHEMA_VERSION,
};
use serde_json::Value;

use crate::names::slug;

/// The par_facts datasets converted, as (par_facts id, our group id). The 2019–2021 entries hold
/// both blocks in one list; their records are told apart by their `block` field.
const BLOCKS: [(&str, &str); 10] = [
    ("hanoi_2023_departments", "departments"),
    ("hanoi_2023_districts", "districts"),
    ("hanoi_2022_departments", "departments"),
    ("hanoi_2022_districts", "districts"),
    ("hanoi_2021", "departments"),
    ("hanoi_2021", "districts"),
    ("hanoi_2020", "departments"),
    ("hanoi_2020", "districts"),
    ("hanoi_2019", "departments"),
    ("hanoi_2019", "districts"),
];

/// The `block` field of a record, by our group id.
fn block_name(group: &str) -> &'static str {
    if group == "departments" {
        "Khối sở, cơ quan tương đương sở"
    } else {
        "Khối UBND quận, huyện, thị xã"
    }
}

/// Publisher and title of each source we cite (par_facts gives only a description); the
/// address and date come from par_facts itself.
const SOURCE_TITLES: [(&str, &str, &str); 11] = [
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
];

/// English names of the departments named by the sources.
const DEPARTMENT_EN: [(&str, &str); 10] = [
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
];

fn text(vi: &str, en: &str) -> Text {
    Text { vi: vi.to_string(), en: Some(en.to_string()) }
}

fn kind_of(s: &str) -> Result<UnitKind, String> {
    Ok(match s {
        "sở" => UnitKind::So,
        "cơ quan tương đương sở" => UnitKind::CoQuanTuongDuongSo,
        "quận" => UnitKind::Quan,
        "huyện" => UnitKind::Huyen,
        "thị xã" => UnitKind::ThiXa,
        other => return Err(format!("unknown unit kind '{other}'")),
    })
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
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
            let name_en = DEPARTMENT_EN.iter().find(|(vi, _)| *vi == name).map(|(_, en)| en.to_string());
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

fn observation(record: &Value, year: i32) -> Result<RawObservation, String> {
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
    let other_sources = Vec::new();
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

    for (fact_id, group) in BLOCKS {
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
        // The count is a number for one block, or {departments, districts} for both.
        let count_value = block.get("expected_unit_count");
        let unit_count =
            count_value.and_then(|c| c.as_u64().or_else(|| c.get(group).and_then(Value::as_u64))).map(|n| n as u32);
        let unit_count_source = unit_count.and_then(|_| {
            let url = str_at(block, "expected_unit_count_source")?;
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
        for record in units.iter().filter(|r| str_at(r, "block").is_none_or(|b| b == block_name(group))) {
            let name = str_at(record, "name").ok_or("unit without name")?;
            let kind = kind_of(str_at(record, "kind").ok_or("unit without kind")?)?;
            let obs = observation(record, year)?;
            use_source(&obs.source);
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

    let sources = used_sources.iter().map(|id| source(&facts, id)).collect::<Result<Vec<_>, _>>()?;

    let mut groups = Vec::new();
    for (gid, name, roster_note) in [
        (
            "departments",
            text("Khối sở, cơ quan tương đương sở", "Departments and equivalent agencies"),
            text(
                "Chỉ gồm các đơn vị được báo chí nêu tên. Năm 2023 khối có 22 đơn vị được đánh giá; các đơn vị không được nêu tên không được liệt kê.",
                "Only the units named in the press are listed. 22 units were assessed in 2023; those not named are not listed.",
            ),
        ),
        (
            "districts",
            text("Khối UBND quận, huyện, thị xã", "District-level people's committees"),
            text(
                "Danh sách 30 quận, huyện, thị xã của Hà Nội trước khi sắp xếp lại năm 2025 (không lấy từ bảng kết quả chính thức).",
                "The 30 district-level units of Hanoi before the 2025 reorganisation (not taken from the official results table).",
            ),
        ),
    ] {
        let mut units = rosters.remove(gid).unwrap_or_default().into_units();
        for u in &mut units {
            u.observations.sort_by_key(|o| std::cmp::Reverse(o.year));
        }
        let mut years = group_years.remove(gid).unwrap_or_default();
        years.sort_by_key(|y| std::cmp::Reverse(y.year));
        groups.push(RawGroup { id: gid.to_string(), name, roster_note: Some(roster_note), years, units });
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
                "Bộ tiêu chí thay đổi từ năm 2021 (giai đoạn 2021–2025 thay cho 2017–2020): so sánh điểm năm 2019–2020 với các năm sau chỉ mang tính tham khảo.",
                "The set of criteria changed in 2021 (the 2021–2025 set replaced 2017–2020): comparing 2019–2020 scores with later years is only indicative.",
            ),
        ],
        editions: vec![],
        groups,
    })
}

fn source_id_for_url(facts: &Value, url: &str) -> Option<String> {
    facts.get("sources")?.as_object()?.iter().find(|(_, s)| str_at(s, "url") == Some(url)).map(|(id, _)| id.clone())
}

fn source(facts: &Value, id: &str) -> Result<RawSource, String> {
    let s = facts.pointer(&format!("/sources/{id}")).ok_or(format!("source {id} not in par_facts.json"))?;
    let (_, publisher, title) = SOURCE_TITLES
        .iter()
        .find(|(sid, _, _)| *sid == id)
        .ok_or(format!("no title/publisher written for source {id} (add it to SOURCE_TITLES)"))?;
    Ok(RawSource {
        id: id.to_string(),
        title: title.to_string(),
        publisher: publisher.to_string(),
        date: str_at(s, "date").map(str::to_string),
        url: str_at(s, "url").map(str::to_string),
    })
}
