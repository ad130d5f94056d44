//! Honest ranks under partial publication: the interval of ranks a unit would take with a
//! hypothetical score, consistent with every published score and rank, never guessing scores.
//!
//! The model. The block has positions `1..=unit_count`. A unit with a published position
//! occupies it. Under competition ranking, units at different positions have different scores,
//! and a better position means a better score. So a unit of unknown score at a known position
//! `p` — a rank-only unit, or an unnamed or unranked unit at one of the free positions — lies
//! strictly between the scores of the nearest units above and below `p` whose score and position
//! are both published (the scale's ends where there is none: a closed bound, since a score can
//! equal the scale's end). A unit at the same position as a scored unit is tied with it, so its
//! score is known exactly. The changed unit's own published score still bounds the others: it is
//! a fact about them, whatever the reader makes the unit score now.
//!
//! With `s` the hypothetical score and "above" meaning a better score by more than
//! [`TIE_EPSILON`] (ties share the better rank):
//! - `best  = 1 + #(others with a known score above s) + #(unknown-score units that must be above s)`
//! - `worst = 1 + #(others with a known score above s) + #(unknown-score units that may be above s)`
//!
//! Units with a published score but no position (and the changed unit itself, when it has no
//! published position) also sit at free positions; which ones is not known, so they are assumed
//! to take the free positions that make each bound as wide as possible. The interval is therefore
//! always sound (the true rank lies inside it); it is exact when every score is known. When the
//! block size is unknown, any number of unnamed units may be above, so `worst` is `None`.

use thiserror::Error;

use crate::dataset::{Dataset, GroupId, UnitId};
use crate::matrix::{BlockMatrix, MatrixError};
use crate::rank::TIE_EPSILON;

/// The ranks a unit could take, given everything published about its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankInterval {
    /// Best rank consistent with the published facts.
    pub best_1_based: u32,
    /// Worst rank consistent with the published facts; `None` when the block size is unknown.
    pub worst_1_based: Option<u32>,
    /// Other units of the block whose score is unknown (named or not; only named ones when the
    /// block size is unknown).
    pub n_unpublished: u32,
}

impl RankInterval {
    /// True when the published facts pin the rank down to one value.
    pub fn is_exact(&self) -> bool {
        self.worst_1_based == Some(self.best_1_based)
    }
}

/// Why a rank interval cannot be worked out.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum IntervalError {
    /// The block could not be laid out (unknown group, no record that year).
    #[error(transparent)]
    Matrix(#[from] MatrixError),
    /// The unit has no record in this block that year.
    #[error("unit '{}' is not in this block this year", .0 .0)]
    UnknownUnit(UnitId),
    /// `unit_idx` is not an index into the block's units.
    #[error("the block has no unit #{unit_idx}")]
    NoSuchUnitIdx {
        /// The index given.
        unit_idx: usize,
    },
    /// The hypothetical score is not a number inside the index's scale.
    #[error("score {score} is outside {min}..={max}")]
    ScoreOutOfRange {
        /// The score given.
        score: f64,
        /// Scale minimum.
        min: f64,
        /// Scale maximum.
        max: f64,
    },
}

/// The rank interval of `unit` in `group`'s `year` block if its score were `new_score`.
pub fn rank_interval(
    ds: &Dataset,
    group: &GroupId,
    year: i32,
    unit: &UnitId,
    new_score: f64,
) -> Result<RankInterval, IntervalError> {
    let m = BlockMatrix::new(ds, group, year)?;
    let Some(unit_idx) = m.unit_idx(unit) else { return Err(IntervalError::UnknownUnit(unit.clone())) };
    rank_interval_in(&m, unit_idx, new_score)
}

/// [`rank_interval`] on a block already laid out; `unit_idx` indexes [`BlockMatrix::units`].
pub fn rank_interval_in(m: &BlockMatrix, unit_idx: usize, new_score: f64) -> Result<RankInterval, IntervalError> {
    if unit_idx >= m.n_units() {
        return Err(IntervalError::NoSuchUnitIdx { unit_idx });
    }
    let (min, max) = (m.scale_min(), m.scale_max());
    if !(new_score.is_finite() && (min..=max).contains(&new_score)) {
        return Err(IntervalError::ScoreOutOfRange { score: new_score, min, max });
    }
    let baseline: Vec<Option<f64>> = m.units().iter().map(|u| u.baseline_score).collect();
    let model = IntervalModel::new(m, &baseline, unit_idx);
    let s = m.key(new_score);
    Ok(RankInterval { best_1_based: model.best(s), worst_1_based: model.worst(s), n_unpublished: model.n_unpublished })
}

/// What is known about another unit's score, in key space (bigger = better).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    /// Tied with a scored unit at the same position.
    Exact(f64),
    /// Between `lo` and `hi`; `open` ends exclude the value itself.
    Range { lo: f64, lo_open: bool, hi: f64 },
}

impl Bound {
    /// The unit's score is above `s` whatever it is.
    fn surely_above(self, s: f64) -> bool {
        match self {
            Bound::Exact(k) => k - s > TIE_EPSILON,
            Bound::Range { lo, lo_open: true, .. } => lo >= s,
            Bound::Range { lo, lo_open: false, .. } => lo - s > TIE_EPSILON,
        }
    }

    /// The unit's score may be above `s`. Whether `hi` itself is excluded does not matter: a
    /// score just under `hi` is above `s` exactly when `hi` is.
    fn possibly_above(self, s: f64) -> bool {
        match self {
            Bound::Exact(k) => k - s > TIE_EPSILON,
            Bound::Range { hi, .. } => hi - s > TIE_EPSILON,
        }
    }

    /// The key from which this unit can no longer be above: where `worst` may drop.
    fn ceiling(self) -> f64 {
        match self {
            Bound::Exact(k) => k,
            Bound::Range { hi, .. } => hi,
        }
    }
}

/// The interval model for one changed unit, ready to answer for any hypothetical score.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IntervalModel {
    /// Keys of the other units whose score is known.
    known_keys: Vec<f64>,
    /// Bounds of the other units of unknown score at a published position.
    positioned: Vec<Bound>,
    /// Bounds at each free position (no published unit there); empty when the size is unknown.
    free: Vec<Bound>,
    /// Other units of unknown score without a position (named or unnamed): they sit at free
    /// positions.
    n_unknown_free: usize,
    /// Block size, when known.
    unit_count: Option<u32>,
    /// Other units of unknown score.
    pub(crate) n_unpublished: u32,
}

impl IntervalModel {
    /// The model for unit `x` of `m`, with `scores` (aligned with `m.units()`) as the known
    /// scores: the baseline for a partial block, a scenario's scores for a complete one.
    pub(crate) fn new(m: &BlockMatrix, scores: &[Option<f64>], x: usize) -> IntervalModel {
        let (top, bottom) =
            if m.higher_is_better() { (m.scale_max(), m.scale_min()) } else { (-m.scale_min(), -m.scale_max()) };
        let keys: Vec<Option<f64>> = scores.iter().map(|s| s.map(|s| m.key(s))).collect();
        // Anchors: position and score both known (the changed unit included).
        let mut anchors: Vec<(u32, f64)> =
            m.units().iter().zip(&keys).filter_map(|(u, k)| u.published_position.zip(*k)).collect();
        anchors.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        let bound_at = |p: u32| -> Bound {
            if let Some(&(_, k)) = anchors.iter().find(|(q, _)| *q == p) {
                return Bound::Exact(k);
            }
            // Nearest above: the last anchor before p; nearest below: the first after p.
            let hi = anchors.iter().rev().find(|(q, _)| *q < p).map_or(top, |&(_, k)| k);
            let below = anchors.iter().find(|(q, _)| *q > p);
            let (lo, lo_open) = below.map_or((bottom, false), |&(_, k)| (k, true));
            Bound::Range { lo, lo_open, hi }
        };

        let mut known_keys = Vec::new();
        let mut positioned = Vec::new();
        let mut n_named_unknown_unpositioned = 0usize;
        for (i, (u, k)) in m.units().iter().zip(&keys).enumerate() {
            if i == x {
                continue;
            }
            match (k, u.published_position) {
                (Some(k), _) => known_keys.push(*k),
                (None, Some(p)) => positioned.push(bound_at(p)),
                (None, None) => n_named_unknown_unpositioned += 1,
            }
        }
        let unit_count = m.unit_count();
        let n_unnamed = unit_count.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(m.n_units()));
        let n_unknown_free = n_named_unknown_unpositioned + n_unnamed;
        let free: Vec<Bound> = match unit_count {
            Some(n) => {
                let taken: std::collections::BTreeSet<u32> =
                    m.units().iter().filter_map(|u| u.published_position).collect();
                (1..=n).filter(|p| !taken.contains(p)).map(bound_at).collect()
            }
            None => Vec::new(),
        };
        let n_unpublished = u32::try_from(positioned.len() + n_unknown_free).unwrap_or(u32::MAX);
        IntervalModel { known_keys, positioned, free, n_unknown_free, unit_count, n_unpublished }
    }

    fn known_above(&self, s: f64) -> usize {
        self.known_keys.iter().filter(|&&k| k - s > TIE_EPSILON).count()
    }

    /// Best rank with key `s`.
    pub(crate) fn best(&self, s: f64) -> u32 {
        let positioned = self.positioned.iter().filter(|b| b.surely_above(s)).count();
        // The free positions not taken by unknown-score units hold units of known score (or
        // nobody, after a tie); put them where they spare the most forced positions.
        let fillers = self.free.len().saturating_sub(self.n_unknown_free);
        let forced_free = self.free.iter().filter(|b| b.surely_above(s)).count().saturating_sub(fillers);
        let best = 1 + self.known_above(s) + positioned + forced_free;
        let best = u32::try_from(best).unwrap_or(u32::MAX);
        self.unit_count.map_or(best, |n| best.min(n))
    }

    /// Worst rank with key `s`; `None` when the block size is unknown.
    pub(crate) fn worst(&self, s: f64) -> Option<u32> {
        let n = self.unit_count?;
        let positioned = self.positioned.iter().filter(|b| b.possibly_above(s)).count();
        let possible_free = self.free.iter().filter(|b| b.possibly_above(s)).count().min(self.n_unknown_free);
        let worst = 1 + self.known_above(s) + positioned + possible_free;
        Some(u32::try_from(worst).unwrap_or(u32::MAX).min(n).max(self.best(s)))
    }

    /// Keys at which `worst` may drop (a known score, or the ceiling of an unknown one), plus
    /// `top`, in ascending order without duplicates. The least key reaching a target worst rank
    /// is one of them.
    pub(crate) fn breakpoints(&self, top: f64) -> Vec<f64> {
        let mut out: Vec<f64> = self
            .known_keys
            .iter()
            .copied()
            .chain(self.positioned.iter().chain(&self.free).map(|b| b.ceiling()))
            .chain(std::iter::once(top))
            .collect();
        out.sort_by(f64::total_cmp);
        out.dedup();
        out
    }
}
