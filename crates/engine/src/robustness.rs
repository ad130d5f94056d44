//! The robustness view's rules: how the link's `spread` becomes a sensitivity run (draws, seed,
//! Dirichlet concentration, the box of weights for the proven bounds), and the run's figures
//! that the view tells in words.

use crate::dataset::UnitId;
use crate::matrix::BlockMatrix;
use crate::scenario::resolve_shares;
use crate::scenario_link::weight_choice;
use crate::sensitivity::{rank_bounds, simulate, RankBounds, SensitivityConfig, SensitivityError, SensitivityResult};
use crate::view_state::WeightsParam;

/// Weight draws per run: enough for stable 5–95% bands, a few milliseconds in the browser.
pub const N_DRAWS: u32 = 10_000;

/// Fixed seed: the same link always shows the same bands.
pub const SEED: u64 = 20_240_220;

/// Half-width of the box of weights for the proven bounds, in percent of each share per point
/// of `spread`: spread 10 gives each share ± 50%.
pub const BOX_PCT_PER_SPREAD: f64 = 5.0;

/// Dirichlet concentration for a `spread` of 0–100: `10_000 / spread²` (10 → 100), infinite
/// (no uncertainty) at 0.
pub fn concentration(spread: u32) -> f64 {
    if spread == 0 {
        f64::INFINITY
    } else {
        10_000.0 / f64::from(spread.saturating_mul(spread))
    }
}

/// The half-width of the box of weights, as a fraction of each share: `5 × spread` percent, at
/// most 100%.
pub fn box_fraction(spread: u32) -> f64 {
    (f64::from(spread) * BOX_PCT_PER_SPREAD / 100.0).min(1.0)
}

/// The box of weights for the proven bounds: each share ± [`box_fraction`], within 0–1.
pub fn weight_box(shares: &[f64], spread: u32) -> Vec<(f64, f64)> {
    let r = box_fraction(spread);
    shares.iter().map(|s| ((s * (1.0 - r)).max(0.0), (s * (1.0 + r)).min(1.0))).collect()
}

/// The run for a spread and a target rank.
pub fn config_for(spread: u32, top_k: u32) -> SensitivityConfig {
    SensitivityConfig { n_draws: N_DRAWS, concentration: concentration(spread), seed: SEED, top_k }
}

/// A finished robustness run.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    /// The draws' rank distributions.
    pub result: SensitivityResult,
    /// Proven best/worst rank bounds over the box, aligned with `result.rows` (`None` where
    /// they cannot be worked out).
    pub bounds: Vec<Option<RankBounds>>,
    /// Units in the block (the chart's number of positions).
    pub n_units: u32,
    /// Units whose 5–95% band is a single rank.
    pub n_stable: usize,
}

impl Robustness {
    /// The proven bounds of `unit`, if known.
    pub fn bounds_of(&self, unit: &UnitId) -> Option<RankBounds> {
        self.result.rows.iter().zip(&self.bounds).find(|(r, _)| &r.unit_id == unit).and_then(|(_, b)| *b)
    }
}

/// Run the robustness view for the link's weights, `spread` and `top_k` on block `m`. `None`
/// when the index has no components (nothing to weigh); weights of the link that do not fit are
/// left out as the what-if view does.
pub fn robustness(
    m: &BlockMatrix,
    weights: &WeightsParam,
    spread: u32,
    top_k: u32,
) -> Option<Result<Robustness, SensitivityError>> {
    if m.components().is_empty() {
        return None;
    }
    let (choice, _) = weight_choice(m, weights);
    let result = match simulate(m, &choice, &config_for(spread, top_k)) {
        Ok(r) => r,
        Err(e) => return Some(Err(e)),
    };
    let shares = resolve_shares(m, &choice).ok().flatten().unwrap_or_default();
    let bx = weight_box(&shares, spread);
    let bounds = result.rows.iter().map(|r| rank_bounds(m, &r.unit_id, &bx).ok()).collect();
    let n_units = u32::try_from(m.n_units()).unwrap_or(u32::MAX);
    let n_stable = result.rows.iter().filter(|r| r.p05_rank_1_based == r.p95_rank_1_based).count();
    Some(Ok(Robustness { result, bounds, n_units, n_stable }))
}
