//! Rankings within a group and year: competition ranking with ties, published ranks kept where
//! scores are incomplete, block statistics and the change against the previous year.
//!
//! A unit's score is its published total, or — when the total was not published but every
//! component was and the year's edition has weights — the composite worked out from them
//! ([`crate::composite`]); [`RankingRow::score_origin`] says which.

use crate::comparability::YearsCompare;
use crate::composite;
use crate::dataset::{Dataset, Group, GroupId, Observation, PublishedRank, Unit, UnitId};
use crate::schema::UnitKind;

/// Where a row's rank comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankOrigin {
    /// Printed by the source (a position, or "last of N" resolved with the block size).
    Published,
    /// Computed by competition ranking because every score of the block is published.
    Computed,
}

/// Where a row's score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreOrigin {
    /// The total printed by the source.
    Published,
    /// Not published: the composite of the published components under the year's weights
    /// (`scale_max × Σ share_i × value_i / max_i`, see [`crate::composite`]).
    Computed,
}

/// A rank as shown to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankPos {
    /// 1-based position ("=2" shares position 2 with another unit).
    pub position: u32,
    /// True when another unit of the block has the same position.
    pub tied: bool,
    /// True when the source only said "the lowest" (the position is the block size).
    pub last_word: bool,
    /// Published or computed.
    pub origin: RankOrigin,
}

/// One line of a ranking table.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingRow {
    /// The unit.
    pub unit_id: UnitId,
    /// Vietnamese name.
    pub name: String,
    /// English name, where known.
    pub name_en: Option<String>,
    /// Kind of unit.
    pub kind: UnitKind,
    /// Accent-free, lower-case search key of the name (see `search::fold`).
    pub search_key: String,
    /// Total score: published, or computed from published components (see `score_origin`);
    /// `None` when neither.
    pub score: Option<f64>,
    /// Where `score` comes from; `None` exactly when `score` is `None`.
    pub score_origin: Option<ScoreOrigin>,
    /// Rank, `None` when neither published nor computable.
    pub rank: Option<RankPos>,
    /// Previous year's score (published or computed, like `score`).
    pub prev_score: Option<f64>,
    /// Previous year's rank position (if known).
    pub prev_rank: Option<u32>,
    /// `score - prev_score`, when both are known.
    pub score_change: Option<f64>,
    /// Places gained since the previous year (positive = moved up), when both ranks are known.
    pub rank_change: Option<i64>,
    /// True when the source calls the unit the lowest of the block (with or without a
    /// position: "last" in a block of unknown size has none).
    pub said_lowest: bool,
}

impl RankingRow {
    /// True when the unit's score for this year is unknown: neither published nor computable
    /// from published components. (A computed score is not unpublished in this sense; see
    /// [`RankingRow::is_computed`].)
    pub fn is_unpublished(&self) -> bool {
        self.score.is_none()
    }

    /// True when the score was worked out from the components rather than printed.
    pub fn is_computed(&self) -> bool {
        self.score_origin == Some(ScoreOrigin::Computed)
    }
}

/// A ranking of one group in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The group ranked.
    pub group: GroupId,
    /// The year ranked.
    pub year: i32,
    /// The previous year compared against, when the dataset has one for this group.
    pub prev_year: Option<i32>,
    /// How this year compares with `prev_year` (`crate::comparability`); the changes are `None`
    /// when the sources say the two do not compare.
    pub prev_compare: Option<crate::comparability::YearsCompare>,
    /// Rows in display order: by rank, then by score, then unpublished units by name.
    pub rows: Vec<RankingRow>,
    /// How many units were ranked that year (published block size), if known.
    pub unit_count: Option<u32>,
    /// How many of the block's units have a score (published or computed).
    pub n_scored: usize,
    /// How many of those scores were computed from components rather than published.
    pub n_computed_scores: usize,
    /// True when every unit of the block has a score, published or computed (ranks are then
    /// computed where none is published).
    pub complete: bool,
    /// Published block average, if any.
    pub published_mean: Option<f64>,
    /// Published change of the block average against the previous year.
    pub published_mean_change: Option<f64>,
    /// Source of the block figures.
    pub stats_source: Option<String>,
}

/// Two scores closer than this are a tie (guards against floating-point noise in composites).
pub const TIE_EPSILON: f64 = 1e-9;

/// Competition ranks ("1, 2, 2, 4") of `scores`, in input order. Equal scores (within
/// [`TIE_EPSILON`]) share the better rank.
pub fn competition_ranks(scores: &[f64], higher_is_better: bool) -> Vec<u32> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    let key = |i: usize| {
        let s = scores.get(i).copied().unwrap_or(f64::NAN);
        if higher_is_better {
            -s
        } else {
            s
        }
    };
    order.sort_by(|&a, &b| key(a).total_cmp(&key(b)).then(a.cmp(&b)));
    let mut ranks = vec![0u32; scores.len()];
    let mut prev: Option<(f64, u32)> = None;
    for (pos0, &i) in order.iter().enumerate() {
        let k = key(i);
        let pos = u32::try_from(pos0 + 1).unwrap_or(u32::MAX);
        let rank = match prev {
            Some((pk, pr)) if (k - pk).abs() <= TIE_EPSILON => pr,
            _ => pos,
        };
        prev = Some((k, rank));
        if let Some(slot) = ranks.get_mut(i) {
            *slot = rank;
        }
    }
    ranks
}

/// Where a unit's published rank puts it, for showing one record (the unit card).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedPlace {
    /// A position, of a block of `unit_count` units when known ("hạng 3/22"). A source that
    /// said "last" of a block of known size gives that size as the position.
    Position {
        /// The position, 1-based.
        rank_1_based: u32,
        /// The block size that year, if published.
        unit_count: Option<u32>,
    },
    /// The source said "last" and the block size is not known.
    LastOfUnknownCount,
}

/// Where `rank` puts a unit in a block of `unit_count` units; `None` without a published rank.
pub fn published_place(rank: Option<PublishedRank>, unit_count: Option<u32>) -> Option<PublishedPlace> {
    let rank = rank?;
    Some(match position_of(Some(rank), unit_count) {
        Some((rank_1_based, _)) => PublishedPlace::Position { rank_1_based, unit_count },
        None => PublishedPlace::LastOfUnknownCount,
    })
}

/// One line of a ranking's summary, in the order they are shown.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryLine {
    /// The published block average, with its published change on the year before.
    Mean {
        /// The average.
        mean: f64,
        /// Its change, when published.
        change: Option<f64>,
        /// The year before, when the dataset has it.
        prev_year: Option<i32>,
    },
    /// Totals computed from published components (never counted as published).
    Computed {
        /// How many.
        n_computed: usize,
    },
    /// The sources say this year does not compare with the previous one: no change is drawn.
    NotComparable {
        /// The previous year.
        prev_year: i32,
        /// The sources' words.
        note: crate::schema::Text,
    },
    /// Changes on the previous year are approximate (method, gap or weights).
    Approximate {
        /// The previous year.
        prev_year: i32,
        /// Every reason.
        reasons: Vec<crate::comparability::ApproxReason>,
    },
    /// How many of the block's units have a published score.
    Coverage {
        /// Units with a score.
        n_scored: usize,
        /// Block size, when published.
        unit_count: Option<u32>,
        /// True when every unit has a score.
        complete: bool,
    },
}

impl Ranking {
    /// True when changes on the previous year are shown (there is one, and the years compare).
    pub fn shows_change(&self) -> bool {
        self.prev_year.is_some() && self.prev_compare.as_ref().is_none_or(YearsCompare::draws_change)
    }

    /// True when `row`'s rank follows from a computed total: computed by the page (not
    /// published) in a block where some total was computed. Such a rank is marked like a
    /// computed score (*tính*).
    pub fn rank_is_computed(&self, row: &RankingRow) -> bool {
        self.n_computed_scores > 0 && row.rank.is_some_and(|r| r.origin == RankOrigin::Computed)
    }

    /// Units of the block that no source names: the published block size less the rows (never
    /// invented rows); `None` when the size is unknown or every unit is named.
    pub fn n_unnamed(&self) -> Option<u32> {
        let named = u32::try_from(self.rows.len()).ok()?;
        self.unit_count?.checked_sub(named).filter(|n| *n > 0)
    }

    /// What the summary says: the published average if any; computed totals said to be
    /// computed; the coverage unless every score was computed in a complete block (then the
    /// computed line says it all).
    pub fn summary_lines(&self) -> Vec<SummaryLine> {
        let mut lines = Vec::new();
        if let Some(mean) = self.published_mean {
            lines.push(SummaryLine::Mean { mean, change: self.published_mean_change, prev_year: self.prev_year });
        }
        if self.n_computed_scores > 0 {
            lines.push(SummaryLine::Computed { n_computed: self.n_computed_scores });
        }
        match (&self.prev_compare, self.prev_year) {
            (Some(YearsCompare::NotComparable { note, .. }), Some(prev_year)) => {
                lines.push(SummaryLine::NotComparable { prev_year, note: note.clone() });
            }
            (Some(YearsCompare::Approximate(reasons)), Some(prev_year)) => {
                lines.push(SummaryLine::Approximate { prev_year, reasons: reasons.clone() });
            }
            _ => {}
        }
        if self.n_computed_scores == 0 || !self.complete {
            lines.push(SummaryLine::Coverage {
                n_scored: self.n_scored,
                unit_count: self.unit_count,
                complete: self.complete,
            });
        }
        lines
    }
}

/// Resolve a published rank to a position, given the block size that year.
fn position_of(rank: Option<PublishedRank>, unit_count: Option<u32>) -> Option<(u32, bool)> {
    match rank? {
        PublishedRank::Position(p) => Some((p, false)),
        PublishedRank::Last => unit_count.map(|n| (n, true)),
    }
}

/// The score and rank of each unit of a block with a record in `year`, in file order: the
/// published rank where there is one, else the computed one when the block is complete.
pub(crate) struct BlockYear<'a> {
    pub(crate) units: Vec<&'a Unit>,
    /// Index of each unit in `Dataset::units`, aligned with `units`.
    pub(crate) unit_idxs: Vec<usize>,
    /// Each unit's record for the year, aligned with `units`.
    pub(crate) observations: Vec<&'a Observation>,
    /// Published or computed score of each unit, aligned with `units`.
    pub(crate) scores: Vec<Option<(f64, ScoreOrigin)>>,
    pub(crate) ranks: Vec<Option<RankPos>>,
    pub(crate) unit_count: Option<u32>,
    pub(crate) n_scored: usize,
    pub(crate) complete: bool,
}

pub(crate) fn block_year<'a>(ds: &'a Dataset, group: &'a Group, year: i32) -> BlockYear<'a> {
    let unit_count = group.years.get(&year).and_then(|gy| gy.unit_count);
    // One lookup of each unit's record for the year; everything below works on these.
    let mut unit_idxs = Vec::with_capacity(group.unit_idxs.len());
    let mut units = Vec::with_capacity(group.unit_idxs.len());
    let mut observations = Vec::with_capacity(group.unit_idxs.len());
    for &i in &group.unit_idxs {
        let Some(u) = ds.units.get(i) else { continue };
        let Some(o) = u.observations.get(&year) else { continue };
        unit_idxs.push(i);
        units.push(u);
        observations.push(o);
    }
    let scores: Vec<Option<(f64, ScoreOrigin)>> =
        observations.iter().map(|o| composite::observation_score(ds, year, o)).collect();
    let n_scored = scores.iter().filter(|s| s.is_some()).count();
    let complete =
        unit_count.is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == n_scored)) && n_scored == units.len();
    let computed = if complete {
        let flat: Vec<f64> = scores.iter().map(|s| s.map_or(f64::NAN, |(v, _)| v)).collect();
        Some(competition_ranks(&flat, ds.index.higher_is_better))
    } else {
        None
    };
    let ranks = observations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let published = position_of(o.rank, unit_count);
            match (published, computed.as_ref().and_then(|c| c.get(i))) {
                (Some((position, last_word)), _) => {
                    Some(RankPos { position, tied: false, last_word, origin: RankOrigin::Published })
                }
                (None, Some(&position)) => {
                    Some(RankPos { position, tied: false, last_word: false, origin: RankOrigin::Computed })
                }
                (None, None) => None,
            }
        })
        .collect();
    BlockYear { units, unit_idxs, observations, scores, ranks, unit_count, n_scored, complete }
}

/// Rank one group in one year. `None` when the group does not exist or has no record that year.
///
/// Ranks printed by the source are kept as they are. Ranks are computed (competition ranking)
/// only when every unit of the block has a score — published, or computed from published
/// components under the year's weights — never from a partial list. The previous year's score
/// and rank are found the same way, so a complete previous year gives rank changes.
pub fn rank_group(ds: &Dataset, group_id: &GroupId, year: i32) -> Option<Ranking> {
    let group = ds.group(group_id)?;
    let group_year = group.years.get(&year);
    let this = block_year(ds, group, year);
    if this.units.is_empty() && group_year.is_none() {
        return None;
    }
    let prev_year = ds.group_years_desc(group).into_iter().find(|&y| y < year);
    let prev_compare = prev_year.map(|py| crate::comparability::compare_years(ds, py, year));
    // Previous year's (score, rank) by dataset unit index: a plain vector, no hashing. Only
    // where the years compare: otherwise no change is drawn.
    let mut prev_by_unit: Vec<(Option<f64>, Option<u32>)> = Vec::new();
    if let Some(py) = prev_year.filter(|_| prev_compare.as_ref().is_none_or(|c| c.draws_change())) {
        let prev = block_year(ds, group, py);
        prev_by_unit = vec![(None, None); ds.units.len()];
        for ((&i, score), rank) in prev.unit_idxs.iter().zip(&prev.scores).zip(&prev.ranks) {
            if let Some(slot) = prev_by_unit.get_mut(i) {
                *slot = (score.map(|(v, _)| v), rank.map(|r| r.position));
            }
        }
    }

    let mut rows: Vec<RankingRow> = Vec::with_capacity(this.units.len());
    let mut name_orders: Vec<u32> = Vec::with_capacity(this.units.len());
    for ((((unit, &i), &obs), &rank), &scored) in
        this.units.iter().zip(&this.unit_idxs).zip(&this.observations).zip(&this.ranks).zip(&this.scores)
    {
        let (prev_score, prev_rank) = prev_by_unit.get(i).copied().unwrap_or((None, None));
        name_orders.push(unit.name_order);
        let score = scored.map(|(v, _)| v);
        rows.push(RankingRow {
            unit_id: unit.id.clone(),
            name: unit.name.clone(),
            name_en: unit.name_en.clone(),
            kind: unit.kind,
            search_key: unit.search_key.clone(),
            score,
            score_origin: scored.map(|(_, origin)| origin),
            rank,
            prev_score,
            prev_rank,
            score_change: score.zip(prev_score).map(|(a, b)| a - b),
            rank_change: rank.zip(prev_rank).map(|(r, p)| i64::from(p) - i64::from(r.position)),
            said_lowest: obs.rank == Some(PublishedRank::Last),
        });
    }
    let mut rows = sort_rows(rows, &name_orders, ds.index.higher_is_better);
    mark_ties(&mut rows);
    Some(Ranking {
        group: group.id.clone(),
        year,
        prev_year,
        prev_compare,
        rows,
        unit_count: this.unit_count,
        n_scored: this.n_scored,
        n_computed_scores: this.scores.iter().filter(|s| matches!(s, Some((_, ScoreOrigin::Computed)))).count(),
        complete: this.complete,
        published_mean: group_year.and_then(|gy| gy.mean),
        published_mean_change: group_year.and_then(|gy| gy.mean_change),
        stats_source: group_year.and_then(|gy| gy.stats_source.clone()),
    })
}

/// Marks rows that share a position. `rows` must be in display order, where ranked rows with
/// the same position are next to each other.
fn mark_ties(rows: &mut [RankingRow]) {
    let positions: Vec<Option<u32>> = rows.iter().map(|r| r.rank.map(|p| p.position)).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        let Some(rank) = row.rank.as_mut() else { continue };
        let here = Some(rank.position);
        let before = i.checked_sub(1).and_then(|j| positions.get(j)).copied().flatten();
        let after = positions.get(i + 1).copied().flatten();
        rank.tied = before == here || after == here;
    }
}

/// An order-preserving whole number for a score (`f64::total_cmp` order), best first.
fn score_order(score: Option<f64>, higher_is_better: bool) -> u64 {
    let s = score.unwrap_or(f64::NAN);
    let s = if higher_is_better { -s } else { s };
    let bits = s.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Display order: ranked rows by position (then score, then name); then rows with a score but
/// no known rank, best score first; then unpublished rows by name. Deterministic. Sorts
/// whole-number keys and moves each row once, so large blocks stay fast.
fn sort_rows(rows: Vec<RankingRow>, name_orders: &[u32], higher_is_better: bool) -> Vec<RankingRow> {
    let mut keys: Vec<(u8, u32, u64, u32, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let class = match (r.rank, r.score) {
                (Some(_), _) => 0,
                (None, Some(_)) => 1,
                (None, None) => 2,
            };
            let position = r.rank.map_or(u32::MAX, |p| p.position);
            let name = name_orders.get(i).copied().unwrap_or(u32::MAX);
            (class, position, score_order(r.score, higher_is_better), name, i)
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<RankingRow>> = rows.into_iter().map(Some).collect();
    keys.iter().filter_map(|&(.., i)| slots.get_mut(i).and_then(Option::take)).collect()
}
