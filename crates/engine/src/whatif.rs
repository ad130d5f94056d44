//! The what-if view's rules, as values the UI only renders and words: which unit the panel edits
//! and with which editor, which rank each rescored row may honestly show ([`ShownRank`]), the
//! selected unit's move ("hạng 24 → 10"), "what it takes" as an answer that turns itself into
//! link changes, and how an edit or an applied answer changes the view state.
//!
//! What a row may show, in a block whose scores are all known, is simply its rescored rank. In a
//! partly published block nothing may be guessed:
//! - no change at all: the published ranks stand;
//! - one changed unit under the year's own weights: the changed unit gets the interval of
//!   [`crate::interval`] (exact when the facts pin it down); a unit whose score is published moves
//!   exactly one place when the changed unit passes it, either way ([`ShownRank::Shifted`]);
//! - anything more (two changes, other weights): the rank is unknown ("–").

use crate::dataset::{Dataset, UnitId};
use crate::gain::{gain, GainAnswer, GainError, GainQuery, Lever};
use crate::interval::rank_interval_in;
use crate::matrix::BlockMatrix;
use crate::scenario::{evaluate, Override, Scenario, ScenarioError, ScenarioResult, ScenarioRow};
use crate::scenario_link::{gain_overrides, scenario_for, set_override, LinkMismatch};
use crate::search::fold;
use crate::view_state::{OverrideParam, ViewState};

/// A change smaller than this is no change: an edit back to the published value drops the
/// override, so the link stays clean.
pub const SAME_VALUE_EPSILON: f64 = 1e-9;

/// The rank a rescored row may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownRank {
    /// Known for certain: the rescored rank of a complete block, a published rank nothing has
    /// moved, or an interval the facts pin down to one place.
    Exact {
        /// The rank, 1-based.
        rank_1_based: u32,
        /// Shared with another unit ("=3").
        tied: bool,
    },
    /// The changed unit of a partly published block: only a range is certain.
    Range {
        /// Best rank consistent with the published facts.
        best_1_based: u32,
        /// Worst rank; `None` when the block size is unknown.
        worst_1_based: Option<u32>,
        /// Units of the block without a published score: the reason for the range.
        n_unpublished: u32,
    },
    /// A published rank moved by the one changed unit passing it (or not).
    Shifted {
        /// The rank now.
        rank_1_based: u32,
        /// The published rank.
        published_1_based: u32,
    },
    /// Not known: shown as "–".
    Unknown,
}

impl ShownRank {
    /// The single rank shown, if it is one number.
    pub fn single(self) -> Option<u32> {
        match self {
            ShownRank::Exact { rank_1_based, .. } | ShownRank::Shifted { rank_1_based, .. } => Some(rank_1_based),
            ShownRank::Range { .. } | ShownRank::Unknown => None,
        }
    }
}

/// The rank each row of `result` may show (aligned with `result.rows`), by the rules in the
/// module doc.
pub fn shown_ranks(m: &BlockMatrix, scenario: &Scenario, result: &ScenarioResult) -> Vec<ShownRank> {
    let unchanged = scenario.overrides.is_empty() && !result.reweighted;
    let single_change = scenario.overrides.len() == 1 && !result.reweighted;
    let changed = scenario.overrides.keys().next().and_then(|id| result.row(id));
    result
        .rows
        .iter()
        .map(|r| {
            if r.overridden && !result.complete && single_change {
                let interval = m.unit_idx(&r.unit_id).zip(r.score).and_then(|(i, s)| rank_interval_in(m, i, s).ok());
                if let Some(iv) = interval {
                    return match iv.worst_1_based {
                        Some(w) if w == iv.best_1_based => ShownRank::Exact { rank_1_based: w, tied: false },
                        worst_1_based => ShownRank::Range {
                            best_1_based: iv.best_1_based,
                            worst_1_based,
                            n_unpublished: iv.n_unpublished,
                        },
                    };
                }
            }
            match r.rank_1_based {
                Some(rank_1_based) => ShownRank::Exact { rank_1_based, tied: r.tied },
                None if unchanged => r
                    .baseline_rank_1_based
                    .map_or(ShownRank::Unknown, |rank_1_based| ShownRank::Exact { rank_1_based, tied: false }),
                None if single_change && !r.overridden => {
                    changed.and_then(|c| shifted(r, c)).unwrap_or(ShownRank::Unknown)
                }
                None => ShownRank::Unknown,
            }
        })
        .collect()
}

/// The published rank of `r` after `changed` (the one changed unit) moved: one place down when
/// it passed `r` from below, one place up when it fell below `r` from above. `None` when a
/// position or score needed for that is unknown.
fn shifted(r: &ScenarioRow, changed: &ScenarioRow) -> Option<ShownRank> {
    let published = r.baseline_rank_1_based?;
    let score = r.score?;
    let old_pos = changed.baseline_rank_1_based?;
    let new_score = changed.score?;
    let rank_1_based = if old_pos > published && new_score > score {
        published + 1
    } else if old_pos < published && new_score < score {
        published.saturating_sub(1).max(1)
    } else {
        published
    };
    Some(ShownRank::Shifted { rank_1_based, published_1_based: published })
}

/// What the panel edits for the selected unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Editor {
    /// Each component, when the index has components and all of the unit's were published.
    Components(Vec<ComponentEdit>),
    /// The total otherwise.
    Total(TotalEdit),
}

/// One component slider.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentEdit {
    /// Component id.
    pub component_id: String,
    /// Component index in the block.
    pub component_idx: usize,
    /// Lowest and highest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// The published value (the component's minimum when not published).
    pub published: f64,
    /// The value now (the override, else the published one).
    pub value: f64,
    /// True when the value is a hypothetical one.
    pub changed: bool,
}

/// The total's slider and number box.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalEdit {
    /// The published (or computed) total; `None` when unpublished.
    pub published: Option<f64>,
    /// The value now; `None` while an unpublished total has no hypothetical value.
    pub value: Option<f64>,
    /// True when the value is a hypothetical one.
    pub changed: bool,
    /// Where the slider sits: the value, else the middle of the scale (an unpublished total has
    /// no number to show, so the number box starts empty).
    pub slider_at: f64,
}

/// The selected unit's rank before and after the changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    /// The unit.
    pub unit: UnitId,
    /// Its published (or computed) rank, if known.
    pub before_1_based: Option<u32>,
    /// The rank it may show now.
    pub after: ShownRank,
    /// True when anything (a score or the weights) differs from the published state.
    pub changed: bool,
}

/// The what-if view for one block and one view state.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The scenario the link asks for, as far as it fits the block.
    pub scenario: Scenario,
    /// Every part of the link that does not fit the block.
    pub mismatches: Vec<LinkMismatch>,
    /// The rescored block.
    pub result: Result<ScenarioResult, ScenarioError>,
    /// The rank each row may show, aligned with the result's rows (empty on error).
    pub shown: Vec<ShownRank>,
    /// The unit the panel edits: the link's `unit` when it is in the block, else the block's last
    /// unit in file order (the one a reader most often asks about).
    pub unit: Option<UnitId>,
}

impl WhatIf {
    /// Work out the what-if for `v` on the block `m`.
    pub fn new(m: &BlockMatrix, v: &ViewState) -> WhatIf {
        let (scenario, mismatches) = scenario_for(m, v);
        let result = evaluate(m, &scenario);
        let shown = result.as_ref().map(|r| shown_ranks(m, &scenario, r)).unwrap_or_default();
        let asked = v.unit.clone().map(UnitId).filter(|u| m.unit_idx(u).is_some());
        let unit = asked.or_else(|| m.units().last().map(|u| u.id.clone()));
        WhatIf { scenario, mismatches, result, shown, unit }
    }

    /// The editor for the selected unit.
    pub fn editor(&self, m: &BlockMatrix) -> Option<Editor> {
        let unit = self.unit.as_ref()?;
        let idx = m.unit_idx(unit)?;
        let block_unit = m.units().get(idx)?;
        let override_now = self.scenario.overrides.get(unit);
        if uses_components(m, idx) {
            let published = m.unit_values(idx).unwrap_or(&[]);
            let overridden: &[Option<f64>] = match override_now {
                Some(Override::Components(v)) => v,
                _ => &[],
            };
            let rows = m
                .components()
                .iter()
                .enumerate()
                .map(|(ci, c)| {
                    let base = published.get(ci).copied().filter(|x| !x.is_nan()).unwrap_or(c.min);
                    let over = overridden.get(ci).copied().flatten();
                    ComponentEdit {
                        component_id: c.id.clone(),
                        component_idx: ci,
                        min: c.min,
                        max: c.max,
                        published: base,
                        value: over.unwrap_or(base),
                        changed: over.is_some(),
                    }
                })
                .collect();
            return Some(Editor::Components(rows));
        }
        let published = block_unit.baseline_score;
        let (value, changed) = match override_now {
            Some(Override::Total(x)) => (Some(*x), true),
            _ => (published, false),
        };
        let slider_at = value.unwrap_or((m.scale_min() + m.scale_max()) / 2.0);
        Some(Editor::Total(TotalEdit { published, value, changed, slider_at }))
    }

    /// The selected unit's rank before and after.
    pub fn focus(&self) -> Option<Focus> {
        let unit = self.unit.clone()?;
        let result = self.result.as_ref().ok()?;
        let (row, shown) = result.rows.iter().zip(&self.shown).find(|(r, _)| r.unit_id == unit)?;
        let changed = !self.scenario.overrides.is_empty() || result.reweighted;
        Some(Focus { unit, before_1_based: row.baseline_rank_1_based, after: *shown, changed })
    }

    /// The selected unit and up to `around` scored units on each side of it, in the rescored
    /// order: the part of the chart a phone keeps in view beside the editors.
    pub fn neighbours(&self, around: usize) -> Vec<Neighbour> {
        let (Some(unit), Ok(result)) = (self.unit.as_ref(), self.result.as_ref()) else { return Vec::new() };
        let scored: Vec<(&ScenarioRow, ShownRank)> =
            result.rows.iter().zip(self.shown.iter().copied()).filter(|(r, _)| r.score.is_some()).collect();
        let Some(at) = scored.iter().position(|(r, _)| &r.unit_id == unit) else { return Vec::new() };
        let from = at.saturating_sub(around);
        scored
            .iter()
            .skip(from)
            .take(at - from + around + 1)
            .filter_map(|(r, shown)| {
                Some(Neighbour {
                    unit_id: r.unit_id.clone(),
                    shown: *shown,
                    score: r.score?,
                    hypothetical: r.hypothetical,
                    selected: &r.unit_id == unit,
                })
            })
            .collect()
    }

    /// "What it takes" for the selected unit to reach rank `k`: asked of the unit's published
    /// values (its own changes left out), under the other changes and the weights; with the
    /// components lever when the panel edits components.
    pub fn what_it_takes(&self, m: &BlockMatrix, k: u32) -> Option<Result<Takes, GainError>> {
        let unit = self.unit.clone()?;
        let idx = m.unit_idx(&unit)?;
        let lever = if uses_components(m, idx) { Lever::Components } else { Lever::Total };
        let mut scenario = self.scenario.clone();
        scenario.overrides.remove(&unit);
        let query = GainQuery { unit: unit.clone(), target_rank_1_based: k, lever };
        Some(gain(m, &scenario, &query).map(|answer| {
            let changes = gain_overrides(&unit, &answer.gain).unwrap_or_default();
            Takes { unit, answer, changes }
        }))
    }
}

/// One row of [`WhatIf::neighbours`].
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    /// The unit.
    pub unit_id: UnitId,
    /// The rank it may show.
    pub shown: ShownRank,
    /// Its score in the scenario.
    pub score: f64,
    /// True when the score is a hypothetical one.
    pub hypothetical: bool,
    /// True for the selected unit.
    pub selected: bool,
}

/// True when the panel edits `unit_idx`'s components rather than its total.
fn uses_components(m: &BlockMatrix, unit_idx: usize) -> bool {
    !m.components().is_empty() && m.units().get(unit_idx).is_some_and(|u| u.has_all_components)
}

/// An answer to "what it takes", with the link changes that apply it.
#[derive(Debug, Clone, PartialEq)]
pub struct Takes {
    /// The unit asked about.
    pub unit: UnitId,
    /// The engine's answer.
    pub answer: GainAnswer,
    /// The overrides that reach the target (`scenario_link::gain_overrides`); empty when
    /// nothing is needed or nothing can do it.
    pub changes: Vec<OverrideParam>,
}

/// Apply an answer's changes to the view state: the answer was worked out from the unit's
/// published values, so the unit's own earlier changes are dropped first.
pub fn apply_changes(v: &mut ViewState, changes: &[OverrideParam]) {
    if let Some(first) = changes.first() {
        let unit = first.unit.clone();
        v.overrides.retain(|o| o.unit != unit);
    }
    for c in changes {
        set_override(v, &c.unit, c.component.as_deref(), Some(c.value));
    }
}

/// A reader's edit of a slider or number box: set `unit`'s total (`component: None`) or one
/// component to `value`; a value equal to the published one removes the change instead.
pub fn edit(v: &mut ViewState, m: &BlockMatrix, unit: &UnitId, component: Option<&str>, value: f64) {
    let Some(idx) = m.unit_idx(unit) else { return };
    let published = match component {
        None => m.units().get(idx).and_then(|u| u.baseline_score),
        Some(cid) => {
            let ci = m.components().iter().position(|c| c.id == cid);
            ci.and_then(|ci| m.unit_values(idx).and_then(|vals| vals.get(ci)).copied()).filter(|x| !x.is_nan())
        }
    };
    let value = match component {
        None => value.clamp(m.scale_min(), m.scale_max()),
        Some(_) => value,
    };
    let keep = published.is_none_or(|p| (value - p).abs() > SAME_VALUE_EPSILON);
    set_override(v, &unit.0, component, keep.then_some(value));
}

/// The units of the block for the panel's unit picker, as (id, name), in accent-free name order
/// (then id, so the order is total).
pub fn unit_choices(ds: &Dataset, m: &BlockMatrix) -> Vec<(UnitId, String)> {
    let mut units: Vec<(String, UnitId, String)> = m
        .units()
        .iter()
        .map(|u| {
            let name = ds.unit(&u.id).map_or_else(|| u.id.0.clone(), |d| d.name.clone());
            (fold(&name), u.id.clone(), name)
        })
        .collect();
    units.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    units.into_iter().map(|(_, id, name)| (id, name)).collect()
}
