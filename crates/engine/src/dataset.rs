//! The validated dataset: newtypes, lookups, and `from_raw`, which turns a parsed file into a
//! [`Dataset`] plus warnings, or into errors that name the offending place in the file.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use thiserror::Error;

use crate::schema::{self, RankWord, RawDataset, RawRank, RawSource, ScoreUnit, Text, UnitKind, WeightsStatus};
use crate::search;

/// Largest block size and rank a dataset may state: keeps every per-position table the engine
/// builds bounded, whatever a file says.
pub const MAX_BLOCK_SIZE: u32 = 1_000_000;

/// Id of a unit, unique in a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub String);

/// Id of a group (block), unique in a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(pub String);

/// A dataset that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Dataset id, for example `hanoi-cchc`.
    pub id: String,
    /// Names, scale, direction and components of the index.
    pub index: Index,
    /// Sources, in file order.
    pub sources: Vec<RawSource>,
    /// Caveats to show the reader.
    pub notes: Vec<Text>,
    /// Per-year metadata of the index, sorted by year.
    pub editions: Vec<Edition>,
    /// Groups in file order.
    pub groups: Vec<Group>,
    /// Every unit, in file order (group by group).
    pub units: Vec<Unit>,
}

/// The index: names, scale and components.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Full name.
    pub name: Text,
    /// Short name.
    pub short_name: Text,
    /// Publisher.
    pub publisher: Text,
    /// Lowest possible score.
    pub scale_min: f64,
    /// Highest possible score.
    pub scale_max: f64,
    /// How scores are written.
    pub unit: ScoreUnit,
    /// True when higher is better.
    pub higher_is_better: bool,
    /// Components in display order.
    pub components: Vec<Component>,
}

/// One component of the total score.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Lowest possible value.
    pub min: f64,
    /// Highest possible value.
    pub max: f64,
}

/// Metadata of one year of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// The year assessed.
    pub year: i32,
    /// Weight shares by component index (summing to 1), when weights are known.
    pub weight_shares: Option<Vec<f64>>,
    /// Official or derived weights.
    pub weights_status: Option<WeightsStatus>,
    /// Caveat for the year.
    pub note: Option<Text>,
    /// Sources.
    pub sources: Vec<String>,
    /// What the sources say about comparing this year with the previous one.
    pub comparability: Option<crate::schema::RawComparability>,
}

/// A block of units ranked together.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Id.
    pub id: GroupId,
    /// Name.
    pub name: Text,
    /// Where the unit list comes from.
    pub roster_note: Option<Text>,
    /// Published block figures, by year.
    pub years: BTreeMap<i32, GroupYear>,
    /// Indices into `Dataset::units`, in file order.
    pub unit_idxs: Vec<usize>,
    /// Every year with a record in this group (block figures or observations), newest first;
    /// worked out once here rather than on every ranking.
    pub years_desc: Vec<i32>,
}

/// Published figures of a block in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupYear {
    /// Number of units ranked (named or not).
    pub unit_count: Option<u32>,
    /// Source of `unit_count`.
    pub unit_count_source: Option<String>,
    /// Published average.
    pub mean: Option<f64>,
    /// Published change of the average against the previous year.
    pub mean_change: Option<f64>,
    /// Source of the figures.
    pub stats_source: Option<String>,
}

/// A unit with its observations.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Id.
    pub id: UnitId,
    /// Vietnamese name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Kind.
    pub kind: UnitKind,
    /// Group the unit belongs to.
    pub group: GroupId,
    /// Folded name for accent-free search.
    pub search_key: String,
    /// Position of this unit in the dataset sorted by (`search_key`, id): a whole-number
    /// tie-break, computed once, so sorting large blocks never compares strings.
    pub name_order: u32,
    /// Observations by year.
    pub observations: BTreeMap<i32, Observation>,
}

/// A published rank, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedRank {
    /// A 1-based position.
    Position(u32),
    /// "The lowest of the block".
    Last,
}

/// A unit's record for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Total score, `None` when not published.
    pub score: Option<f64>,
    /// Published rank.
    pub rank: Option<PublishedRank>,
    /// Component values by component index; `None` where not published.
    pub components: Vec<Option<f64>>,
    /// Source id.
    pub source: String,
    /// Corroborating sources.
    pub other_sources: Vec<String>,
    /// Note for the reader.
    pub note: Option<Text>,
}

/// Why a dataset could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// The file is not JSON of the expected shape (serde's message has line and column).
    #[error("the file is not a valid dataset: {0}")]
    Parse(String),
    /// The file was written for a format version this engine does not read.
    #[error("schema_version {found} is not supported (this version of chiso reads {supported})")]
    Version {
        /// Version found in the file.
        found: u32,
        /// Version supported.
        supported: u32,
    },
    /// The file parsed but breaks the format's rules; each problem names its place.
    #[error("the dataset has {} error(s): {}", .0.len(), first_problem(.0))]
    Invalid(Vec<Problem>),
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

/// One validation problem at a place in the file (`groups[1].units[3].observations[0].score`).
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{path}: {kind}")]
pub struct Problem {
    /// JSON path of the offending value.
    pub path: String,
    /// What is wrong (its `Display` is English, for logs and tests; the UI words it).
    pub kind: ProblemKind,
}

/// What is wrong at a [`Problem`]'s path. Values are the file's own (ids, numbers).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProblemKind {
    /// An id is not lower-case ASCII letters, digits, '-' or '_' (at most [`MAX_ID_CHARS`]).
    #[error("'{0}' is not a valid id (lower-case ASCII letters, digits, '-' or '_', at most {MAX_ID_CHARS})")]
    BadId(String),
    /// A source id that `sources` does not list.
    #[error("source '{0}' is not listed in `sources`")]
    UnknownSource(String),
    /// Two sources share an id.
    #[error("source id '{0}' is used twice")]
    DuplicateSourceId(String),
    /// Two groups share an id.
    #[error("group id '{0}' is used twice")]
    DuplicateGroupId(String),
    /// Two units share an id (ids are unique in the whole dataset).
    #[error("unit id '{0}' is used twice")]
    DuplicateUnitId(String),
    /// Two components share an id.
    #[error("component id '{0}' is used twice")]
    DuplicateComponentId(String),
    /// A source without a title.
    #[error("a source needs a title")]
    MissingTitle,
    /// A unit without a name.
    #[error("a unit needs a name")]
    MissingName,
    /// A source address that is not http(s).
    #[error("'{0}' is not an http(s) address")]
    NotHttp(String),
    /// The dataset has no group.
    #[error("the dataset has no group")]
    NoGroups,
    /// A year listed twice (in a group's years or in the editions).
    #[error("year {0} is listed twice")]
    DuplicateYear(i32),
    /// A year listed twice among one unit's observations.
    #[error("year {0} is listed twice for this unit")]
    DuplicateUnitYear(i32),
    /// A value that is not a number (NaN or infinite).
    #[error("{0} is not a number")]
    NotANumber(f64),
    /// A value above its scale's maximum.
    #[error("{value} is above the scale maximum {max}")]
    AboveMax {
        /// The value.
        value: f64,
        /// The maximum.
        max: f64,
    },
    /// A value below its scale's minimum.
    #[error("{value} is below the scale minimum {min}")]
    BelowMin {
        /// The value.
        value: f64,
        /// The minimum.
        min: f64,
    },
    /// The index's scale is empty or not finite.
    #[error("the scale {min}..{max} is empty or not finite")]
    EmptyScale {
        /// Scale minimum.
        min: f64,
        /// Scale maximum.
        max: f64,
    },
    /// A component's range is empty or not finite.
    #[error("the range {min}..{max} is empty or not finite")]
    EmptyRange {
        /// Range minimum.
        min: f64,
        /// Range maximum.
        max: f64,
    },
    /// Block figures (mean, change) without a source.
    #[error("block figures need a source")]
    StatsWithoutSource,
    /// A block of 0 units.
    #[error("a block cannot have 0 units")]
    ZeroUnits,
    /// A block larger than [`MAX_BLOCK_SIZE`].
    #[error("more than {max} units is not supported")]
    BlockTooLarge {
        /// The largest block supported.
        max: u32,
    },
    /// A component id the index does not have (in weights or in an observation).
    #[error("'{0}' is not a component id")]
    UnknownComponent(String),
    /// A weight that is negative or not a number.
    #[error("weight {0} must be a number >= 0")]
    BadWeight(f64),
    /// An edition with weights gives none for this component.
    #[error("no weight for component '{0}'")]
    MissingWeight(String),
    /// An edition's weights add up to 0.
    #[error("weights add up to 0")]
    WeightsSumToZero,
    /// A rank of 0.
    #[error("ranks start at 1")]
    RankZero,
    /// A rank beyond the largest supported block.
    #[error("rank {rank} is beyond the largest supported block ({max})")]
    RankBeyondMax {
        /// The rank.
        rank: u32,
        /// The largest block supported.
        max: u32,
    },
    /// A rank beyond the block's size.
    #[error("rank {rank} is beyond the block's {unit_count} units")]
    RankBeyondBlock {
        /// The rank.
        rank: u32,
        /// The block's size.
        unit_count: u32,
    },
    /// More units have records in a year than the block has units.
    #[error("{year}: {n_records} units have records but the block has {unit_count}")]
    TooManyRecords {
        /// The year.
        year: i32,
        /// Units with a record.
        n_records: u32,
        /// The block's size.
        unit_count: u32,
    },
}

/// Something odd that still lets the dataset be drawn.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{path}: {kind}")]
pub struct DataWarning {
    /// JSON path of the value.
    pub path: String,
    /// What is odd (its `Display` is English, for logs and tests; the UI words it).
    pub kind: WarningKind,
}

/// What is odd at a [`DataWarning`]'s path.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum WarningKind {
    /// An edition's weights do not add up to 100; they are used as shares of their total.
    #[error("weights add up to {total}, not 100; they are used as shares")]
    WeightsNotHundred {
        /// Their total.
        total: f64,
    },
    /// More than one unit of a block is marked as the lowest in a year.
    #[error("{year}: {n_lowest} units are marked as the lowest")]
    SeveralLowest {
        /// The year.
        year: i32,
        /// How many.
        n_lowest: u32,
    },
    /// A better published rank has a worse published score.
    #[error(
        "{year}: {} is ranked {} with {} but {} is ranked {} with {}",
        better.name, better.rank, better.score, worse.name, worse.rank, worse.score
    )]
    RankScoreOrder {
        /// The year.
        year: i32,
        /// The unit with the better rank.
        better: RankedScore,
        /// The unit with the worse rank and yet the better score.
        worse: RankedScore,
    },
}

/// A unit's published rank and score, as quoted in a [`WarningKind::RankScoreOrder`].
#[derive(Debug, Clone, PartialEq)]
pub struct RankedScore {
    /// The unit's (Vietnamese) name.
    pub name: String,
    /// Its rank.
    pub rank: u32,
    /// Its score.
    pub score: f64,
}

/// The longest id accepted (ids go into URLs).
pub const MAX_ID_CHARS: usize = 64;

impl Dataset {
    /// Parse and validate a dataset file.
    pub fn from_json(json: &str) -> Result<(Dataset, Vec<DataWarning>), LoadError> {
        let raw = schema::parse(json).map_err(|e| match schema::peek_version(json) {
            // A file written for another format version usually does not parse as this one (new
            // or renamed fields); its version is the useful thing to tell the reader.
            Some(found) if found != schema::SCHEMA_VERSION => {
                LoadError::Version { found, supported: schema::SCHEMA_VERSION }
            }
            _ => LoadError::Parse(e.to_string()),
        })?;
        Self::from_raw(raw)
    }

    /// Validate a parsed dataset. Errors only when nothing trustworthy can be drawn; oddities
    /// that still allow drawing come back as warnings.
    pub fn from_raw(raw: RawDataset) -> Result<(Dataset, Vec<DataWarning>), LoadError> {
        if raw.schema_version != schema::SCHEMA_VERSION {
            return Err(LoadError::Version { found: raw.schema_version, supported: schema::SCHEMA_VERSION });
        }
        let mut v = Validator::default();
        let ds = v.dataset(raw);
        if v.problems.is_empty() {
            Ok((ds, v.warnings))
        } else {
            Err(LoadError::Invalid(v.problems))
        }
    }

    /// The unit with this id.
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&RawSource> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Units of a group, in file order.
    pub fn group_units<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = &'a Unit> + 'a {
        group.unit_idxs.iter().filter_map(|&i| self.units.get(i))
    }

    /// The kinds of unit in a group, each once, in `UnitKind` order (the kind menu's choices).
    pub fn group_kinds(&self, group: &Group) -> Vec<crate::schema::UnitKind> {
        let mut kinds: Vec<_> = self.group_units(group).map(|u| u.kind).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// Years in which a group has any record (block figures or observations), newest first.
    pub fn group_years_desc(&self, group: &Group) -> Vec<i32> {
        group.years_desc.clone()
    }

    /// Every year in the dataset, newest first.
    pub fn years_desc(&self) -> Vec<i32> {
        let mut years = BTreeSet::new();
        for g in &self.groups {
            years.extend(self.group_years_desc(g));
        }
        years.into_iter().rev().collect()
    }

    /// The edition (index metadata) of a year.
    pub fn edition(&self, year: i32) -> Option<&Edition> {
        self.editions.iter().find(|e| e.year == year)
    }

    /// Every source id cited for a group in a year (records and block figures), sorted by the
    /// order of `sources` in the file.
    pub fn sources_cited(&self, group: &Group, year: i32) -> Vec<&RawSource> {
        let mut ids: HashSet<&str> = HashSet::new();
        if let Some(gy) = group.years.get(&year) {
            ids.extend(gy.stats_source.as_deref());
            ids.extend(gy.unit_count_source.as_deref());
        }
        for unit in self.group_units(group) {
            if let Some(obs) = unit.observations.get(&year) {
                ids.insert(obs.source.as_str());
                ids.extend(obs.other_sources.iter().map(String::as_str));
            }
        }
        if let Some(ed) = self.edition(year) {
            ids.extend(ed.sources.iter().map(String::as_str));
        }
        self.sources.iter().filter(|s| ids.contains(s.id.as_str())).collect()
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    warnings: Vec<DataWarning>,
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.len() <= MAX_ID_CHARS
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Validator {
    fn error(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem { path: path.into(), kind });
    }

    fn warn(&mut self, path: impl Into<String>, kind: WarningKind) {
        self.warnings.push(DataWarning { path: path.into(), kind });
    }

    fn check_id(&mut self, path: &str, id: &str) {
        if !is_id(id) {
            self.error(path, ProblemKind::BadId(id.to_owned()));
        }
    }

    fn check_source(&mut self, path: &str, id: &str, known: &HashSet<String>) {
        if !known.contains(id) {
            self.error(path, ProblemKind::UnknownSource(id.to_owned()));
        }
    }

    fn check_value(&mut self, path: &str, x: f64, min: f64, max: f64) {
        if !x.is_finite() {
            self.error(path, ProblemKind::NotANumber(x));
        } else if x > max {
            self.error(path, ProblemKind::AboveMax { value: x, max });
        } else if x < min {
            self.error(path, ProblemKind::BelowMin { value: x, min });
        }
    }

    fn dataset(&mut self, raw: RawDataset) -> Dataset {
        self.check_id("id", &raw.id);
        let index = self.index(&raw);
        let mut source_ids = HashSet::new();
        for (i, s) in raw.sources.iter().enumerate() {
            self.check_id(&format!("sources[{i}].id"), &s.id);
            if !source_ids.insert(s.id.clone()) {
                self.error(format!("sources[{i}].id"), ProblemKind::DuplicateSourceId(s.id.clone()));
            }
            if s.title.trim().is_empty() {
                self.error(format!("sources[{i}].title"), ProblemKind::MissingTitle);
            }
            if let Some(url) = &s.url {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.error(format!("sources[{i}].url"), ProblemKind::NotHttp(url.clone()));
                }
            }
        }
        let editions = self.editions(&raw, &index, &source_ids);
        let mut groups = Vec::new();
        let mut units = Vec::new();
        let mut unit_ids = HashSet::new();
        let mut group_ids = HashSet::new();
        if raw.groups.is_empty() {
            self.error("groups", ProblemKind::NoGroups);
        }
        for (gi, rg) in raw.groups.into_iter().enumerate() {
            let gpath = format!("groups[{gi}]");
            self.check_id(&format!("{gpath}.id"), &rg.id);
            if !group_ids.insert(rg.id.clone()) {
                self.error(format!("{gpath}.id"), ProblemKind::DuplicateGroupId(rg.id.clone()));
            }
            let gid = GroupId(rg.id.clone());
            let mut years = BTreeMap::new();
            for (yi, gy) in rg.years.iter().enumerate() {
                let ypath = format!("{gpath}.years[{yi}]");
                if years.contains_key(&gy.year) {
                    self.error(format!("{ypath}.year"), ProblemKind::DuplicateYear(gy.year));
                }
                if let Some(m) = gy.mean {
                    self.check_value(&format!("{ypath}.mean"), m, index.scale_min, index.scale_max);
                }
                if let Some(s) = &gy.stats_source {
                    self.check_source(&format!("{ypath}.stats_source"), s, &source_ids);
                } else if gy.mean.is_some() || gy.mean_change.is_some() {
                    self.error(format!("{ypath}.stats_source"), ProblemKind::StatsWithoutSource);
                }
                if let Some(s) = &gy.unit_count_source {
                    self.check_source(&format!("{ypath}.unit_count_source"), s, &source_ids);
                }
                if gy.unit_count == Some(0) {
                    self.error(format!("{ypath}.unit_count"), ProblemKind::ZeroUnits);
                }
                if gy.unit_count.is_some_and(|n| n > MAX_BLOCK_SIZE) {
                    self.error(format!("{ypath}.unit_count"), ProblemKind::BlockTooLarge { max: MAX_BLOCK_SIZE });
                }
                years.insert(
                    gy.year,
                    GroupYear {
                        unit_count: gy.unit_count,
                        unit_count_source: gy.unit_count_source.clone(),
                        mean: gy.mean,
                        mean_change: gy.mean_change,
                        stats_source: gy.stats_source.clone(),
                    },
                );
            }
            let mut unit_idxs = Vec::new();
            for (ui, ru) in rg.units.into_iter().enumerate() {
                let upath = format!("{gpath}.units[{ui}]");
                self.check_id(&format!("{upath}.id"), &ru.id);
                if !unit_ids.insert(ru.id.clone()) {
                    self.error(format!("{upath}.id"), ProblemKind::DuplicateUnitId(ru.id.clone()));
                }
                if ru.name.trim().is_empty() {
                    self.error(format!("{upath}.name"), ProblemKind::MissingName);
                }
                let mut observations = BTreeMap::new();
                for (oi, ro) in ru.observations.into_iter().enumerate() {
                    let opath = format!("{upath}.observations[{oi}]");
                    if observations.contains_key(&ro.year) {
                        self.error(format!("{opath}.year"), ProblemKind::DuplicateUnitYear(ro.year));
                    }
                    let obs = self.observation(&opath, ro.clone(), &index, &source_ids, years.get(&ro.year));
                    observations.insert(ro.year, obs);
                }
                unit_idxs.push(units.len());
                units.push(Unit {
                    search_key: search::fold(&ru.name),
                    name_order: 0,
                    id: UnitId(ru.id),
                    name: ru.name,
                    name_en: ru.name_en,
                    kind: ru.kind,
                    group: gid.clone(),
                    observations,
                });
            }
            let mut all_years: BTreeSet<i32> = years.keys().copied().collect();
            for &i in &unit_idxs {
                if let Some(u) = units.get(i) {
                    all_years.extend(u.observations.keys().copied());
                }
            }
            let years_desc = all_years.into_iter().rev().collect();
            let group = Group { id: gid, name: rg.name, roster_note: rg.roster_note, years, unit_idxs, years_desc };
            self.check_group_consistency(&gpath, &group, &units, index.higher_is_better);
            groups.push(group);
        }
        let mut by_name: Vec<usize> = (0..units.len()).collect();
        by_name.sort_by(|&a, &b| {
            let key = |i: usize| units.get(i).map(|u| (u.search_key.as_str(), u.id.0.as_str()));
            key(a).cmp(&key(b))
        });
        for (order, &i) in by_name.iter().enumerate() {
            if let Some(u) = units.get_mut(i) {
                u.name_order = u32::try_from(order).unwrap_or(u32::MAX);
            }
        }
        Dataset { id: raw.id, index, sources: raw.sources, notes: raw.notes, editions, groups, units }
    }

    fn index(&mut self, raw: &RawDataset) -> Index {
        let ri = &raw.index;
        let scale = &ri.scale;
        if !(scale.min.is_finite() && scale.max.is_finite() && scale.min < scale.max) {
            self.error("index.scale", ProblemKind::EmptyScale { min: scale.min, max: scale.max });
        }
        let mut seen = HashSet::new();
        let mut components = Vec::new();
        for (ci, c) in ri.components.iter().enumerate() {
            let path = format!("index.components[{ci}]");
            self.check_id(&format!("{path}.id"), &c.id);
            if !seen.insert(c.id.clone()) {
                self.error(format!("{path}.id"), ProblemKind::DuplicateComponentId(c.id.clone()));
            }
            if !(c.min.is_finite() && c.max.is_finite() && c.min < c.max) {
                self.error(format!("{path}.max"), ProblemKind::EmptyRange { min: c.min, max: c.max });
            }
            components.push(Component { id: c.id.clone(), name: c.name.clone(), min: c.min, max: c.max });
        }
        Index {
            name: ri.name.clone(),
            short_name: ri.short_name.clone(),
            publisher: ri.publisher.clone(),
            scale_min: scale.min,
            scale_max: scale.max,
            unit: scale.unit,
            higher_is_better: ri.higher_is_better,
            components,
        }
    }

    fn editions(&mut self, raw: &RawDataset, index: &Index, sources: &HashSet<String>) -> Vec<Edition> {
        let mut out: Vec<Edition> = Vec::new();
        for (ei, re) in raw.editions.iter().enumerate() {
            let path = format!("editions[{ei}]");
            if out.iter().any(|e| e.year == re.year) {
                self.error(format!("{path}.year"), ProblemKind::DuplicateYear(re.year));
            }
            for (si, s) in re.sources.iter().enumerate() {
                self.check_source(&format!("{path}.sources[{si}]"), s, sources);
            }
            let weight_shares = if re.weights_pct.is_empty() {
                None
            } else {
                for key in re.weights_pct.keys() {
                    if !index.components.iter().any(|c| &c.id == key) {
                        self.error(format!("{path}.weights_pct.{key}"), ProblemKind::UnknownComponent(key.clone()));
                    }
                }
                let mut raw_weights = Vec::new();
                for c in &index.components {
                    match re.weights_pct.get(&c.id) {
                        Some(&w) if w.is_finite() && w >= 0.0 => raw_weights.push(w),
                        Some(&w) => {
                            self.error(format!("{path}.weights_pct.{}", c.id), ProblemKind::BadWeight(w));
                            raw_weights.push(0.0);
                        }
                        None => {
                            self.error(format!("{path}.weights_pct"), ProblemKind::MissingWeight(c.id.clone()));
                            raw_weights.push(0.0);
                        }
                    }
                }
                let total: f64 = raw_weights.iter().sum();
                if total <= 0.0 {
                    self.error(format!("{path}.weights_pct"), ProblemKind::WeightsSumToZero);
                    None
                } else {
                    if (total - 100.0).abs() > 1e-6 {
                        self.warn(format!("{path}.weights_pct"), WarningKind::WeightsNotHundred { total });
                    }
                    Some(raw_weights.iter().map(|w| w / total).collect())
                }
            };
            if let Some(c) = &re.comparability {
                for (si, s) in c.sources.iter().enumerate() {
                    self.check_source(&format!("{path}.comparability.sources[{si}]"), s, sources);
                }
            }
            out.push(Edition {
                year: re.year,
                weight_shares,
                weights_status: re.weights_status,
                note: re.note.clone(),
                sources: re.sources.clone(),
                comparability: re.comparability.clone(),
            });
        }
        out.sort_by_key(|e| e.year);
        out
    }

    fn observation(
        &mut self,
        path: &str,
        ro: schema::RawObservation,
        index: &Index,
        sources: &HashSet<String>,
        group_year: Option<&GroupYear>,
    ) -> Observation {
        if let Some(s) = ro.score {
            self.check_value(&format!("{path}.score"), s, index.scale_min, index.scale_max);
        }
        self.check_source(&format!("{path}.source"), &ro.source, sources);
        for (i, s) in ro.other_sources.iter().enumerate() {
            self.check_source(&format!("{path}.other_sources[{i}]"), s, sources);
        }
        let unit_count = group_year.and_then(|gy| gy.unit_count);
        let rank = match ro.rank {
            None => None,
            Some(RawRank::Position(0)) => {
                self.error(format!("{path}.rank"), ProblemKind::RankZero);
                None
            }
            Some(RawRank::Position(p)) if p > MAX_BLOCK_SIZE => {
                self.error(format!("{path}.rank"), ProblemKind::RankBeyondMax { rank: p, max: MAX_BLOCK_SIZE });
                None
            }
            Some(RawRank::Position(p)) => {
                if let Some(n) = unit_count {
                    if p > n {
                        self.error(format!("{path}.rank"), ProblemKind::RankBeyondBlock { rank: p, unit_count: n });
                    }
                }
                Some(PublishedRank::Position(p))
            }
            // Without the block's size, "last" has no position; the row still says "lowest".
            Some(RawRank::Word(RankWord::Last)) => Some(PublishedRank::Last),
        };
        let mut components = vec![None; index.components.len()];
        for (key, &value) in &ro.components {
            let cpath = format!("{path}.components.{key}");
            match index.components.iter().position(|c| &c.id == key) {
                Some(ci) => {
                    if let Some(c) = index.components.get(ci) {
                        self.check_value(&cpath, value, c.min, c.max);
                    }
                    if let Some(slot) = components.get_mut(ci) {
                        *slot = Some(value);
                    }
                }
                None => self.error(cpath, ProblemKind::UnknownComponent(key.clone())),
            }
        }
        Observation {
            score: ro.score,
            rank,
            components,
            source: ro.source,
            other_sources: ro.other_sources,
            note: ro.note,
        }
    }

    /// Published ranks and scores of one block and year must agree with each other: a better
    /// rank never has a lower score, and no two "last" units.
    fn check_group_consistency(&mut self, gpath: &str, group: &Group, units: &[Unit], higher_is_better: bool) {
        let mut years = BTreeSet::new();
        for &i in &group.unit_idxs {
            if let Some(u) = units.get(i) {
                years.extend(u.observations.keys().copied());
            }
        }
        for year in years {
            let unit_count = group.years.get(&year).and_then(|gy| gy.unit_count);
            // Only ranks with a score can be out of order; a rank-only unit between two scored
            // ones must not hide a disagreement between them.
            let mut ranked: Vec<(u32, f64, &str)> = Vec::new();
            let mut n_units = 0u32;
            let mut n_last = 0;
            for &i in &group.unit_idxs {
                let Some(u) = units.get(i) else { continue };
                let Some(obs) = u.observations.get(&year) else { continue };
                n_units += 1;
                let pos = match obs.rank {
                    Some(PublishedRank::Position(p)) => Some(p),
                    Some(PublishedRank::Last) => {
                        n_last += 1;
                        unit_count
                    }
                    None => None,
                };
                if let (Some(p), Some(score)) = (pos, obs.score) {
                    ranked.push((p, score, u.name.as_str()));
                }
            }
            if let Some(n) = unit_count {
                if n_units > n {
                    self.error(
                        format!("{gpath}.years"),
                        ProblemKind::TooManyRecords { year, n_records: n_units, unit_count: n },
                    );
                }
            }
            if n_last > 1 {
                self.warn(gpath, WarningKind::SeveralLowest { year, n_lowest: n_last });
            }
            ranked.sort_by_key(|&(p, _, _)| p);
            for pair in ranked.windows(2) {
                let [(p1, s1, n1), (p2, s2, n2)] = pair else { continue };
                let out_of_order = if higher_is_better { s1 < s2 } else { s1 > s2 };
                if p1 < p2 && out_of_order {
                    let better = RankedScore { name: (*n1).to_owned(), rank: *p1, score: *s1 };
                    let worse = RankedScore { name: (*n2).to_owned(), rank: *p2, score: *s2 };
                    self.warn(gpath, WarningKind::RankScoreOrder { year, better, worse });
                }
            }
        }
    }
}
