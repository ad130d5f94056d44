//! Serde mirror of the dataset JSON (format v1) — the only module that knows the file format.
//!
//! Everything here is *raw*: it is what the file says, before validation. `dataset.rs` turns a
//! [`RawDataset`] into a validated `Dataset` (or errors naming the offending place). The JSON
//! Schema in `docs/dataset.schema.json` is generated from these types (feature `schema`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version this engine reads and writes. Bump it when the format changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset file: one index (for example Hanoi's Chỉ số CCHC), its sources, its groups
/// (blocks) and their units with one observation per unit and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Format version; this engine reads version 1.
    pub schema_version: u32,
    /// Stable short id of the dataset, for example `hanoi-cchc`.
    pub id: String,
    /// What is measured and on which scale.
    pub index: RawIndex,
    /// Every source cited anywhere in the file; records refer to them by `id`.
    pub sources: Vec<RawSource>,
    /// Caveats a reader must see (partial publication, derived weights, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Per-year metadata of the index itself (weights in force that year and their status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<RawEdition>,
    /// Blocks of comparable units (ranked separately), for example departments and districts.
    pub groups: Vec<RawGroup>,
}

/// A text in Vietnamese with an optional English translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Vietnamese (always present).
    pub vi: String,
    /// English, where a translation exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// The index: names, scale and direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawIndex {
    /// Full name, for example "Chỉ số cải cách hành chính (Chỉ số CCHC) của Hà Nội".
    pub name: Text,
    /// Short name for headings, for example "Chỉ số CCHC".
    pub short_name: Text,
    /// Who publishes the index (for example "UBND thành phố Hà Nội").
    pub publisher: Text,
    /// The scale of a unit's total score.
    pub scale: RawScale,
    /// True when a higher score is better (it is for every index shipped so far).
    pub higher_is_better: bool,
    /// Components of the total score, in display order; empty when none are published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<RawComponent>,
}

/// A score scale: `min..=max` with a display unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    /// Lowest possible score (usually 0).
    pub min: f64,
    /// Highest possible score (100 for a percentage).
    pub max: f64,
    /// How scores are written: `percent` shows "94,25%", `points` shows "94,25".
    pub unit: ScoreUnit,
}

/// How a score is written for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoreUnit {
    /// A percentage of the maximum ("94,25%").
    Percent,
    /// Points ("71,25 điểm").
    Points,
}

/// One component (sub-index, field, dimension) of the total score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    /// Stable id used as the key in observations' `components`.
    pub id: String,
    /// Name of the component.
    pub name: Text,
    /// Lowest possible component score.
    #[serde(default)]
    pub min: f64,
    /// Highest possible component score.
    pub max: f64,
}

/// Metadata of the index for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEdition {
    /// The year assessed (not the year of publication).
    pub year: i32,
    /// Weight of each component in percent (keys are component ids), when components exist.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights_pct: BTreeMap<String, f64>,
    /// Whether the weights are official or were derived from published results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights_status: Option<WeightsStatus>,
    /// Caveats for this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Source ids backing this edition's metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How this year's results compare with the dataset's previous year, as the sources say.
    /// Absent: comparable (no source says otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparability: Option<RawComparability>,
}

/// What the sources say about comparing an edition with the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawComparability {
    /// Whether changes against the previous year may be drawn.
    pub with_previous: Comparability,
    /// Why, for the reader (for example "the criteria changed in 2021").
    pub note: Text,
    /// Source ids saying so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// How two years' results compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparability {
    /// Same method: changes mean what they say.
    Comparable,
    /// Methods changed in part: a change is drawn, labelled approximate.
    Approximate,
    /// The sources say the years do not compare: no change is drawn.
    NotComparable,
}

/// Provenance of a weight vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WeightsStatus {
    /// Published by the index's owner.
    Official,
    /// Not published: worked out from published scores (say how in `note`).
    Derived,
}

/// A source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Short id referred to by records.
    pub id: String,
    /// Title of the article or document.
    pub title: String,
    /// Who published it (newspaper, agency).
    pub publisher: String,
    /// Publication date, `YYYY-MM-DD` or `YYYY-MM` where only the month is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Web address, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A block of units ranked together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    /// Stable id, for example `departments`.
    pub id: String,
    /// Name, for example "Khối sở, cơ quan tương đương sở".
    pub name: Text,
    /// Where the list of units comes from, when it is not from the results themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_note: Option<Text>,
    /// Published figures for the whole block, one entry per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<RawGroupYear>,
    /// The units named in this block.
    pub units: Vec<RawUnit>,
}

/// Published figures for a block in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGroupYear {
    /// The year assessed.
    pub year: i32,
    /// How many units were ranked that year (named or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_count: Option<u32>,
    /// Source of `unit_count`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_count_source: Option<String>,
    /// Published block average score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    /// Published change of the block average against the previous year, in score points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_change: Option<f64>,
    /// Source of `mean` and `mean_change`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stats_source: Option<String>,
}

/// A ranked unit: a department, a district, a province...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Stable id, unique in the dataset (ASCII, for URLs), for example `dong-da`.
    pub id: String,
    /// Vietnamese name as published, without the kind prefix for districts ("Đống Đa").
    pub name: String,
    /// English name, where one is in use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// What sort of unit it is.
    pub kind: UnitKind,
    /// One record per year in which the unit was assessed.
    pub observations: Vec<RawObservation>,
}

/// The sort of a unit (administrative level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Sở (a city or provincial department).
    So,
    /// Cơ quan tương đương sở (an agency of department rank: Văn phòng UBND, Thanh tra...).
    CoQuanTuongDuongSo,
    /// Quận (urban district).
    Quan,
    /// Huyện (rural district).
    Huyen,
    /// Thị xã (town).
    ThiXa,
    /// Tỉnh (province).
    Tinh,
    /// Thành phố trực thuộc trung ương (centrally-run city).
    ThanhPhoTrucThuocTw,
    /// Bộ, cơ quan ngang bộ (ministry).
    Bo,
    /// Cơ quan trung ương đóng trên địa bàn (central agency in the city).
    CoQuanTrungUong,
    /// Anything else.
    Khac,
}

impl UnitKind {
    /// Every kind, in declaration (= `Ord`) order.
    pub const ALL: [UnitKind; 10] = [
        UnitKind::So,
        UnitKind::CoQuanTuongDuongSo,
        UnitKind::Quan,
        UnitKind::Huyen,
        UnitKind::ThiXa,
        UnitKind::Tinh,
        UnitKind::ThanhPhoTrucThuocTw,
        UnitKind::Bo,
        UnitKind::CoQuanTrungUong,
        UnitKind::Khac,
    ];

    /// The snake_case code, exactly as the dataset file spells the kind; also its spelling in
    /// links (`kind=`) and the UI's menu values. A test keeps it equal to serde's name.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::So => "so",
            UnitKind::CoQuanTuongDuongSo => "co_quan_tuong_duong_so",
            UnitKind::Quan => "quan",
            UnitKind::Huyen => "huyen",
            UnitKind::ThiXa => "thi_xa",
            UnitKind::Tinh => "tinh",
            UnitKind::ThanhPhoTrucThuocTw => "thanh_pho_truc_thuoc_tw",
            UnitKind::Bo => "bo",
            UnitKind::CoQuanTrungUong => "co_quan_trung_uong",
            UnitKind::Khac => "khac",
        }
    }

    /// The kind spelled `code` (exact, lower case), if any.
    pub fn from_code(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// A unit's published result for one year. Absent fields were not published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    /// The year assessed.
    pub year: i32,
    /// Total score; `null` or absent when it was not published.
    #[serde(default)]
    pub score: Option<f64>,
    /// Published rank within the block: a 1-based position, or `"last"` when the source only
    /// says the unit was the lowest of the block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<RawRank>,
    /// Published component scores (keys are component ids); missing keys were not published.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub components: BTreeMap<String, f64>,
    /// Source id of this record.
    pub source: String,
    /// Further sources that confirm the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sources: Vec<String>,
    /// Anything the reader should know about this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A published rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum RawRank {
    /// A 1-based position ("thứ 11").
    Position(u32),
    /// A word for a position without a number.
    Word(RankWord),
}

/// A rank given in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankWord {
    /// "thấp nhất": the last of the block; its position is the block's `unit_count`.
    Last,
}

/// Parse a dataset file. Errors are serde's, with line and column.
pub fn parse(json: &str) -> Result<RawDataset, serde_json::Error> {
    serde_json::from_str(json)
}

/// The `schema_version` of a file that may not parse as this format version; `None` when the file
/// is not a JSON object with a whole-number `schema_version`.
pub fn peek_version(json: &str) -> Option<u32> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    u32::try_from(value.get("schema_version")?.as_u64()?).ok()
}

#[cfg(test)]
mod tests {
    use super::UnitKind;

    /// Stops compiling when a kind is added, so [`UnitKind::ALL`] cannot fall behind.
    fn listed_in_all(kind: UnitKind) -> bool {
        use UnitKind::*;
        match kind {
            So | CoQuanTuongDuongSo | Quan | Huyen | ThiXa | Tinh | ThanhPhoTrucThuocTw | Bo | CoQuanTrungUong
            | Khac => UnitKind::ALL.contains(&kind),
        }
    }

    #[test]
    fn kind_codes_are_the_file_names_and_read_back() {
        let mut codes = Vec::new();
        for kind in UnitKind::ALL {
            assert!(listed_in_all(kind));
            // The link's and the menu's code is the file's name: they cannot drift apart.
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::String(kind.code().to_owned())));
            assert_eq!(UnitKind::from_code(kind.code()), Some(kind));
            codes.push(kind.code());
        }
        let mut sorted = UnitKind::ALL.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, UnitKind::ALL, "ALL is in Ord order");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), UnitKind::ALL.len(), "codes are distinct");
        assert_eq!(UnitKind::from_code("Quan"), None);
    }
}
