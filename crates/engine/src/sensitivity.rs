//! Would the order hold with other weights? Seeded Monte-Carlo on weights -> rank
//! distributions ([`simulate`]), and proven rank bounds over a box of weights ([`rank_bounds`]).
//!
//! Scores under weights `w` follow [`BlockMatrix::score_with`]: `score_u(w) = offset_u +
//! Σ_i w_i a_ui` with `a_ui = scale_max × value_ui / max_i`. A unit without every component keeps
//! its score under any weights (it is listed in [`SensitivityResult::fixed_units`]).
//!
//! Draws: weights ~ Dirichlet(α) with `α_i = concentration × share_i` around the centre shares
//! (Gamma(α_i, 1) samples divided by their sum), so the mean draw is the centre and a higher
//! concentration keeps draws closer to it. A component with share 0 stays at 0. An infinite
//! concentration draws nothing and returns the centre's ranks exactly. The generator is
//! xoshiro256++ seeded with `seed`: the same seed gives the same result on every platform.
//!
//! Each draw ranks the block by competition ranking (ties within [`TIE_EPSILON`] share the
//! better rank, as everywhere) and adds one to a units × positions histogram; every statistic
//! comes from that histogram. A draw allocates nothing: scores are `n_comp` multiply-adds over
//! contiguous columns, and the order is one sort of `u64`s packing each key with its unit index
//! (10 000 draws of a 63 × 10 block take about 6 ms natively).

use rand_distr::{Distribution, Gamma};
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use thiserror::Error;

use crate::dataset::UnitId;
use crate::matrix::BlockMatrix;
use crate::rank::TIE_EPSILON;
use crate::scenario::{resolve_shares, ScenarioError, WeightChoice};

/// Largest block [`simulate`] accepts (its rank histogram holds units² counts).
pub const MAX_UNITS: usize = 2_000;

/// How to draw weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SensitivityConfig {
    /// Number of weight draws (at least 1).
    pub n_draws: u32,
    /// Dirichlet concentration: `α_i = concentration × share_i`. Higher keeps draws closer to
    /// the centre weights; `f64::INFINITY` means no spread (the centre's ranks exactly).
    pub concentration: f64,
    /// Seed of the generator.
    pub seed: u64,
    /// `p_top_k` is the share of draws with rank ≤ `top_k` (at least 1).
    pub top_k: u32,
}

/// One unit's rank distribution over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityRow {
    /// The unit.
    pub unit_id: UnitId,
    /// Rank under the centre weights.
    pub baseline_rank_1_based: u32,
    /// Median rank (the least rank `r` with at least half the draws at rank ≤ `r`).
    pub median_rank_1_based: u32,
    /// 5th percentile rank (nearest rank: the least `r` with ≥ 5% of draws at rank ≤ `r`).
    pub p05_rank_1_based: u32,
    /// 95th percentile rank (nearest rank, as for `p05`).
    pub p95_rank_1_based: u32,
    /// Mean rank.
    pub mean_rank: f64,
    /// Share of draws with rank ≤ `top_k`, in `0..=1`.
    pub p_top_k: f64,
    /// Number of draws at each rank: `rank_counts[r − 1]` draws had rank `r`.
    pub rank_counts: Vec<u32>,
}

/// Rank distributions of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityResult {
    /// Number of draws behind every statistic.
    pub n_draws: u32,
    /// The `top_k` of `p_top_k`.
    pub top_k: u32,
    /// Centre weight shares.
    pub center_shares: Vec<f64>,
    /// Units whose score does not move with weights (a component is unknown), sorted by id.
    pub fixed_units: Vec<UnitId>,
    /// Rows by median rank, then mean rank, then baseline rank, then unit id.
    pub rows: Vec<SensitivityRow>,
}

/// Proven bounds on a unit's rank for every weight vector in a box (see [`rank_bounds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankBounds {
    /// No weights in the box give a better rank than this.
    pub best_bound_1_based: u32,
    /// No weights in the box give a worse rank than this.
    pub worst_bound_1_based: u32,
}

/// Why a simulation or bound cannot be worked out.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SensitivityError {
    /// The centre weights are invalid.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// The block has no weights (no components, or the edition has none and none were given).
    #[error("the block has no weights to vary")]
    NoWeights,
    /// Some unit of the block has no score (or the block size is unknown or not matched):
    /// ranks cannot be computed.
    #[error("the block is not completely published; ranks under other weights cannot be computed")]
    IncompleteBlock,
    /// The block has more units than the rank histogram is sized for.
    #[error("the block has {0} units; weight sensitivity handles at most {MAX_UNITS}")]
    TooManyUnits(usize),
    /// `n_draws` is 0.
    #[error("at least one draw is needed")]
    ZeroDraws,
    /// `concentration` is not a number > 0.
    #[error("concentration {0} must be a number > 0 (or infinity for no spread)")]
    InvalidConcentration(f64),
    /// `top_k` is 0.
    #[error("top_k must be at least 1")]
    ZeroTopK,
    /// The unit has no record in the block that year.
    #[error("unit '{}' is not in this block this year", .0 .0)]
    UnknownUnit(UnitId),
    /// The weight box has the wrong number of entries.
    #[error("{found} weight bounds given, the index has {expected} components")]
    WeightBoundCount {
        /// Number of components.
        expected: usize,
        /// Number of bounds given.
        found: usize,
    },
    /// A weight bound is not `0 ≤ lo ≤ hi ≤ 1`.
    #[error("bounds {lo}..={hi} of component '{component}' must satisfy 0 <= lo <= hi <= 1")]
    InvalidWeightBound {
        /// Component id.
        component: String,
        /// Lower share.
        lo: f64,
        /// Upper share.
        hi: f64,
    },
    /// No weights in the box sum to 1.
    #[error("no weights in the box add up to 1 (lower shares sum to {sum_lo}, upper to {sum_hi})")]
    InfeasibleWeightBounds {
        /// Sum of lower shares.
        sum_lo: f64,
        /// Sum of upper shares.
        sum_hi: f64,
    },
}

/// Scores as a linear function of the weights: `score_u(w) = offsets[u] + Σ_i w_i a[u][i]`.
struct Linear {
    n_units: usize,
    n_comp: usize,
    /// Row by row (`a[u][i]` at `u × n_comp + i`); zeros for fixed units.
    a: Vec<f64>,
    offsets: Vec<f64>,
    fixed: Vec<bool>,
}

impl Linear {
    fn new(m: &BlockMatrix) -> Result<Linear, SensitivityError> {
        let complete_size = m.unit_count().is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == m.n_units()));
        let n_comp = m.n_components();
        let mut a = Vec::with_capacity(m.n_units() * n_comp);
        let mut offsets = Vec::with_capacity(m.n_units());
        let mut fixed = Vec::with_capacity(m.n_units());
        for (ui, u) in m.units().iter().enumerate() {
            let row = m.unit_values(ui).unwrap_or(&[]);
            if u.has_all_components {
                a.extend(m.components().iter().zip(row).map(|(c, v)| m.scale_max() * v / c.max));
                offsets.push(u.score_offset);
                fixed.push(false);
            } else if let Some(score) = u.baseline_score {
                a.extend(std::iter::repeat_n(0.0, n_comp));
                offsets.push(score);
                fixed.push(true);
            } else {
                return Err(SensitivityError::IncompleteBlock);
            }
        }
        if !complete_size {
            return Err(SensitivityError::IncompleteBlock);
        }
        Ok(Linear { n_units: m.n_units(), n_comp, a, offsets, fixed })
    }

    fn row(&self, u: usize) -> &[f64] {
        self.a.get(u * self.n_comp..(u + 1) * self.n_comp).unwrap_or(&[])
    }
}

/// [`Linear`] laid out for the draw loop: keys (bigger = better) as `key0 + Σ_i w_i col_i`,
/// with each component's column contiguous over units, so a draw is `n_comp` vectorisable
/// multiply-adds over the block.
struct KeyColumns {
    n_units: usize,
    /// Offsets in key space.
    key0: Vec<f64>,
    /// Column by column (`sign × a[u][i]` at `i × n_units + u`).
    cols: Vec<f64>,
}

impl KeyColumns {
    fn new(lin: &Linear, sign: f64) -> KeyColumns {
        let n = lin.n_units;
        let mut cols = vec![0.0; n * lin.n_comp];
        for u in 0..n {
            for (i, a) in lin.row(u).iter().enumerate() {
                if let Some(slot) = cols.get_mut(i * n + u) {
                    *slot = sign * a;
                }
            }
        }
        KeyColumns { n_units: n, key0: lin.offsets.iter().map(|o| sign * o).collect(), cols }
    }

    /// Keys of every unit under `w`, written into `out`.
    fn keys_into(&self, w: &[f64], out: &mut [f64]) {
        out.copy_from_slice(&self.key0);
        for (col, &wi) in self.cols.chunks_exact(self.n_units.max(1)).zip(w) {
            for (k, a) in out.iter_mut().zip(col) {
                *k += wi * a;
            }
        }
    }
}

/// Add one draw to the `n × n` histogram. `packed` is scratch space of `n` entries.
///
/// Each key is packed with its unit index into one `u64` that sorts best first (the float's
/// bits made order-preserving and inverted, the index in the low bits), so a plain integer sort
/// orders the draw; then competition ranks are assigned walking the sorted order.
fn rank_draw(keys: &[f64], packed: &mut [u64], counts: &mut [u32], n: usize) {
    let index_bits = usize::BITS - n.leading_zeros();
    let index_mask = (1u64 << index_bits) - 1;
    for ((p, &k), u) in packed.iter_mut().zip(keys).zip(0u64..) {
        *p = (descending_bits(k) & !index_mask) | u;
    }
    packed.sort_unstable();
    let mut prev: Option<(f64, usize)> = None;
    for (pos0, &p) in packed.iter().enumerate() {
        let u = usize::try_from(p & index_mask).unwrap_or(usize::MAX);
        let k = keys.get(u).copied().unwrap_or(f64::NAN);
        let rank0 = match prev {
            Some((pk, pr0)) if (pk - k).abs() <= TIE_EPSILON => pr0,
            _ => pos0,
        };
        prev = Some((k, rank0));
        if let Some(c) = counts.get_mut(u * n + rank0) {
            *c += 1;
        }
    }
}

/// Bits of `k` that sort ascending as `k` descends (the usual sign-flip trick, inverted).
fn descending_bits(k: f64) -> u64 {
    let b = k.to_bits();
    let ascending = if b >> 63 == 1 { !b } else { b | (1 << 63) };
    !ascending
}

/// Rank distributions of every unit of a complete block when the weights vary around `center`.
pub fn simulate(
    m: &BlockMatrix,
    center: &WeightChoice,
    cfg: &SensitivityConfig,
) -> Result<SensitivityResult, SensitivityError> {
    if cfg.n_draws == 0 {
        return Err(SensitivityError::ZeroDraws);
    }
    if cfg.top_k == 0 {
        return Err(SensitivityError::ZeroTopK);
    }
    if cfg.concentration.is_nan() || cfg.concentration <= 0.0 {
        return Err(SensitivityError::InvalidConcentration(cfg.concentration));
    }
    let Some(center_shares) = resolve_shares(m, center)? else { return Err(SensitivityError::NoWeights) };
    let lin = Linear::new(m)?;
    let n = lin.n_units;
    // The rank histogram is n × n counts: bounded so a huge block fails cleanly, not by memory.
    if n > MAX_UNITS {
        return Err(SensitivityError::TooManyUnits(n));
    }
    let sign = if m.higher_is_better() { 1.0 } else { -1.0 };
    let cols = KeyColumns::new(&lin, sign);

    // Buffers reused by every draw.
    let mut keys = vec![0.0; n];
    let mut counts = vec![0u32; n * n];
    let mut packed = vec![0u64; n];

    cols.keys_into(&center_shares, &mut keys);
    rank_draw(&keys, &mut packed, &mut counts, n);
    let mut baseline_ranks = vec![0u32; n];
    for (u, hist) in counts.chunks_exact(n.max(1)).enumerate() {
        let rank = hist.iter().position(|&c| c > 0).map_or(0, |r0| r0 + 1);
        if let Some(slot) = baseline_ranks.get_mut(u) {
            *slot = u32::try_from(rank).unwrap_or(u32::MAX);
        }
    }
    counts.fill(0);

    if cfg.concentration.is_infinite() {
        for (u, &r) in baseline_ranks.iter().enumerate() {
            if let Some(c) = counts.get_mut(u * n + (r as usize).saturating_sub(1)) {
                *c = cfg.n_draws;
            }
        }
    } else {
        // One Gamma per component with a positive share; share-0 components stay at 0.
        let gammas: Vec<Option<Gamma<f64>>> = center_shares
            .iter()
            .map(|&s| if s > 0.0 { Gamma::new(cfg.concentration * s, 1.0).ok() } else { None })
            .collect();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(cfg.seed);
        let mut w = vec![0.0; lin.n_comp];
        for _ in 0..cfg.n_draws {
            draw_dirichlet(&gammas, &center_shares, &mut rng, &mut w);
            cols.keys_into(&w, &mut keys);
            rank_draw(&keys, &mut packed, &mut counts, n);
        }
    }

    let n_draws = f64::from(cfg.n_draws);
    let mut rows: Vec<SensitivityRow> = m
        .units()
        .iter()
        .zip(&baseline_ranks)
        .zip(counts.chunks_exact(n.max(1)))
        .map(|((unit, &baseline), hist)| {
            let percentile = |q: f64| -> u32 {
                // Nearest rank: at least ceil(q × n) draws at or below the answer (and at least 1).
                let need = (q * n_draws).ceil().max(1.0);
                let mut cum = 0.0;
                for (r0, &c) in hist.iter().enumerate() {
                    cum += f64::from(c);
                    if cum >= need {
                        return u32::try_from(r0 + 1).unwrap_or(u32::MAX);
                    }
                }
                u32::try_from(hist.len()).unwrap_or(u32::MAX)
            };
            let mean_rank =
                hist.iter().enumerate().map(|(r0, &c)| (r0 as f64 + 1.0) * f64::from(c)).sum::<f64>() / n_draws;
            let in_top: u64 = hist.iter().take(cfg.top_k as usize).map(|&c| u64::from(c)).sum();
            SensitivityRow {
                unit_id: unit.id.clone(),
                baseline_rank_1_based: baseline,
                median_rank_1_based: percentile(0.5),
                p05_rank_1_based: percentile(0.05),
                p95_rank_1_based: percentile(0.95),
                mean_rank,
                p_top_k: in_top as f64 / n_draws,
                rank_counts: hist.to_vec(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.median_rank_1_based
            .cmp(&b.median_rank_1_based)
            .then(a.mean_rank.total_cmp(&b.mean_rank))
            .then(a.baseline_rank_1_based.cmp(&b.baseline_rank_1_based))
            .then(a.unit_id.cmp(&b.unit_id))
    });
    let mut fixed_units: Vec<UnitId> =
        m.units().iter().zip(&lin.fixed).filter(|(_, &f)| f).map(|(u, _)| u.id.clone()).collect();
    fixed_units.sort();
    Ok(SensitivityResult { n_draws: cfg.n_draws, top_k: cfg.top_k, center_shares, fixed_units, rows })
}

/// One Dirichlet draw into `w`. A draw whose Gamma samples all underflow to 0 (possible with
/// tiny α) is drawn again, a bounded number of times, then falls back to the centre.
fn draw_dirichlet(gammas: &[Option<Gamma<f64>>], center: &[f64], rng: &mut Xoshiro256PlusPlus, w: &mut [f64]) {
    for _ in 0..64 {
        let mut sum = 0.0;
        for (wi, g) in w.iter_mut().zip(gammas) {
            *wi = g.as_ref().map_or(0.0, |g| g.sample(rng));
            sum += *wi;
        }
        if sum > 0.0 && sum.is_finite() {
            for wi in w.iter_mut() {
                *wi /= sum;
            }
            return;
        }
    }
    w.copy_from_slice(center);
}

/// Proven bounds on the rank of `unit` for every weight vector `w` with
/// `lo_i ≤ w_i ≤ hi_i` (`weight_bounds[i] = (lo_i, hi_i)`) and `Σ w_i = 1`.
///
/// For each other unit `y`, `d_y(w) = score_y(w) − score_x(w)` is linear in `w`, so its maximum
/// and minimum over the box ∩ simplex are LPs solved exactly by a greedy fill: start every
/// weight at `lo`, then give the remaining mass `1 − Σ lo` to the components with the largest
/// (for the maximum; smallest for the minimum) coefficient first, each up to its `hi`. Then
/// `worst_bound = 1 + #{y: max d_y > 0}` and `best_bound = 1 + #{y: min d_y > 0}` (above by more
/// than [`TIE_EPSILON`]; reversed for a lower-is-better index). These are bounds, not ranks that
/// are necessarily reached: each `y` may need different weights to pass or fall behind, so the
/// true best and worst ranks over the box lie within `[best_bound, worst_bound]`.
pub fn rank_bounds(
    m: &BlockMatrix,
    unit: &UnitId,
    weight_bounds: &[(f64, f64)],
) -> Result<RankBounds, SensitivityError> {
    let n_comp = m.n_components();
    if n_comp == 0 {
        return Err(SensitivityError::NoWeights);
    }
    if weight_bounds.len() != n_comp {
        return Err(SensitivityError::WeightBoundCount { expected: n_comp, found: weight_bounds.len() });
    }
    for (c, &(lo, hi)) in m.components().iter().zip(weight_bounds) {
        if !(lo.is_finite() && hi.is_finite() && 0.0 <= lo && lo <= hi && hi <= 1.0) {
            return Err(SensitivityError::InvalidWeightBound { component: c.id.clone(), lo, hi });
        }
    }
    let sum_lo: f64 = weight_bounds.iter().map(|b| b.0).sum();
    let sum_hi: f64 = weight_bounds.iter().map(|b| b.1).sum();
    if sum_lo > 1.0 + 1e-9 || sum_hi < 1.0 - 1e-9 {
        return Err(SensitivityError::InfeasibleWeightBounds { sum_lo, sum_hi });
    }
    let Some(x) = m.unit_idx(unit) else { return Err(SensitivityError::UnknownUnit(unit.clone())) };
    let lin = Linear::new(m)?;
    let sign = if m.higher_is_better() { 1.0 } else { -1.0 };
    let (row_x, off_x) = (lin.row(x), lin.offsets.get(x).copied().unwrap_or(0.0));
    let remaining = (1.0 - sum_lo).max(0.0);

    let mut coef = vec![0.0; n_comp];
    let mut order: Vec<usize> = Vec::with_capacity(n_comp);
    let mut n_surely_above = 0u32;
    let mut n_possibly_above = 0u32;
    for y in (0..lin.n_units).filter(|&y| y != x) {
        for ((c, ay), ax) in coef.iter_mut().zip(lin.row(y)).zip(row_x) {
            *c = sign * (ay - ax);
        }
        let constant = sign * (lin.offsets.get(y).copied().unwrap_or(0.0) - off_x);
        let base: f64 = constant + coef.iter().zip(weight_bounds).map(|(c, b)| c * b.0).sum::<f64>();
        order.clear();
        order.extend(0..n_comp);
        // Largest coefficient first for the maximum.
        order.sort_by(|&a, &b| {
            coef.get(b).copied().unwrap_or(0.0).total_cmp(&coef.get(a).copied().unwrap_or(0.0)).then(a.cmp(&b))
        });
        let fill = |idxs: &mut dyn Iterator<Item = &usize>| -> f64 {
            let mut left = remaining;
            let mut extra = 0.0;
            for &i in idxs {
                if left <= 0.0 {
                    break;
                }
                let (Some(&c), Some(&(lo, hi))) = (coef.get(i), weight_bounds.get(i)) else { continue };
                let add = (hi - lo).min(left);
                extra += c * add;
                left -= add;
            }
            extra
        };
        let max_d = base + fill(&mut order.iter());
        let min_d = base + fill(&mut order.iter().rev());
        if max_d > TIE_EPSILON {
            n_possibly_above += 1;
        }
        if min_d > TIE_EPSILON {
            n_surely_above += 1;
        }
    }
    Ok(RankBounds { best_bound_1_based: 1 + n_surely_above, worst_bound_1_based: 1 + n_possibly_above })
}
