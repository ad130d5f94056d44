//! Composite scores: a unit's total worked out from its component values and weight shares.
//!
//! `composite = scale_max × Σ share_i × value_i / max_i`. This is how the indices chiso ships
//! are built: PCI is `Σ w%·s / 10` on a 0–100 scale from 0–10 sub-indices (`scale_max` 100,
//! `max_i` 10, `share_i = w%/100`), and PAPI is the plain sum of 8 dimensions of at most 10 on a
//! 0–80 scale (`scale_max` 80, `max_i` 10, every share 1/8). Component and scale minimums play
//! no part: the composite is linear through zero, which is what both formulas are.
//!
//! Each component point of component `i` is worth `scale_max × share_i / max_i` composite points
//! ([`points_per_component_point`]); the gain and explain modules are built on that number.

use crate::dataset::{Dataset, Index, Observation};
use crate::rank::ScoreOrigin;

/// The composite of `values` (one per component, all present) under `weight_shares` (one per
/// component, summing to 1). `None` when the lengths do not match the index's components.
pub fn composite_score(index: &Index, weight_shares: &[f64], values: &[f64]) -> Option<f64> {
    let n = index.components.len();
    if weight_shares.len() != n || values.len() != n {
        return None;
    }
    Some(
        index
            .components
            .iter()
            .zip(weight_shares)
            .zip(values)
            .map(|((c, share), value)| index.scale_max * share * value / c.max)
            .sum(),
    )
}

/// Composite points that one component point is worth, per component, under `weight_shares`:
/// `scale_max × share_i / max_i`. `None` when the lengths do not match.
pub fn points_per_component_point(index: &Index, weight_shares: &[f64]) -> Option<Vec<f64>> {
    if weight_shares.len() != index.components.len() {
        return None;
    }
    Some(index.components.iter().zip(weight_shares).map(|(c, share)| index.scale_max * share / c.max).collect())
}

/// The composite of an observation's published components under `weight_shares`, when every
/// component was published.
pub fn observation_composite(index: &Index, weight_shares: &[f64], obs: &Observation) -> Option<f64> {
    if obs.components.is_empty() {
        return None;
    }
    let values: Option<Vec<f64>> = obs.components.iter().copied().collect();
    composite_score(index, weight_shares, &values?)
}

/// The score of an observation in `year`: the published total, else the composite of its
/// published components under that year's edition weights (when the edition has weights and
/// every component was published), else `None`.
pub fn observation_score(ds: &Dataset, year: i32, obs: &Observation) -> Option<(f64, ScoreOrigin)> {
    if let Some(score) = obs.score {
        return Some((score, ScoreOrigin::Published));
    }
    let shares = ds.edition(year)?.weight_shares.as_ref()?;
    observation_composite(&ds.index, shares, obs).map(|s| (s, ScoreOrigin::Computed))
}
