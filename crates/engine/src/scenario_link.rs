//! The bridge between the link's view state (ids and percentages, as a reader shares them) and
//! the engine's scenario (component and unit indices): in both directions, with a notice for
//! every part of a link that does not fit the dataset on screen.

use std::collections::BTreeMap;

use crate::dataset::UnitId;
use crate::gain::Gain;
use crate::matrix::BlockMatrix;
use crate::scenario::{Override, Scenario, WeightChoice};
use crate::view_state::{OverrideParam, ViewState, WeightsParam};

/// Something in the link that does not apply to this block; the rest still does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkMismatch {
    /// `set` names a unit that is not in this block and year.
    UnknownUnit(String),
    /// `set` or `w` names a component this dataset does not have.
    UnknownComponent(String),
    /// `set` changes a component, but this dataset publishes no components.
    NoComponents(String),
    /// `w` asks for weights, but this dataset has no components to weigh.
    NoWeights,
    /// `set` gives a value outside the scale (of the total, or of that component); the text is
    /// the entry as written, `unit:value` or `unit.component:value`.
    OutOfRange(String),
}

/// The weights a link asks for, as the engine's choice. Component ids are matched to the
/// block's components; a custom list that misses a component gives it 0.
pub fn weight_choice(m: &BlockMatrix, w: &WeightsParam) -> (WeightChoice, Vec<LinkMismatch>) {
    let comps = m.components();
    if comps.is_empty() {
        let mismatch = if *w == WeightsParam::Official { vec![] } else { vec![LinkMismatch::NoWeights] };
        return (WeightChoice::Edition, mismatch);
    }
    match w {
        WeightsParam::Official => (WeightChoice::Edition, vec![]),
        WeightsParam::Equal => (WeightChoice::Equal, vec![]),
        WeightsParam::Emphasis(id) => {
            let Some(idx) = comps.iter().position(|c| &c.id == id) else {
                return (WeightChoice::Edition, vec![LinkMismatch::UnknownComponent(id.clone())]);
            };
            let base = m.edition_shares().map(<[f64]>::to_vec).unwrap_or_else(|| vec![1.0; comps.len()]);
            (WeightChoice::Custom(emphasise(&base, idx)), vec![])
        }
        WeightsParam::Custom(list) => {
            let mut mismatches = Vec::new();
            let mut shares = vec![0.0; comps.len()];
            for (id, pct) in list {
                match comps.iter().position(|c| &c.id == id) {
                    Some(i) => {
                        if let Some(slot) = shares.get_mut(i) {
                            *slot = *pct;
                        }
                    }
                    None => mismatches.push(LinkMismatch::UnknownComponent(id.clone())),
                }
            }
            if shares.iter().sum::<f64>() > 0.0 {
                (WeightChoice::Custom(shares), mismatches)
            } else {
                (WeightChoice::Edition, mismatches)
            }
        }
    }
}

/// `base` shares with component `idx` weighing twice as much and the others scaled down so the
/// total stays the same (a component with no weight gets the average weight, then doubled).
pub fn emphasise(base: &[f64], idx: usize) -> Vec<f64> {
    let total: f64 = base.iter().sum();
    let n = base.len().max(1) as f64;
    let mut shares: Vec<f64> = base.to_vec();
    if let Some(w) = shares.get_mut(idx) {
        let own = if *w > 0.0 { *w } else { total / n };
        *w = own * 2.0;
    }
    let new_total: f64 = shares.iter().sum();
    if new_total > 0.0 && total > 0.0 {
        for s in &mut shares {
            *s *= total / new_total;
        }
    }
    shares
}

/// The scenario a view state asks for on this block: its weights and the overrides of units in
/// the block (others are reported, not applied).
pub fn scenario_for(m: &BlockMatrix, v: &ViewState) -> (Scenario, Vec<LinkMismatch>) {
    let (weights, mut mismatches) = weight_choice(m, &v.weights);
    let comps = m.components();
    let mut overrides: BTreeMap<UnitId, Override> = BTreeMap::new();
    for o in &v.overrides {
        let unit = UnitId(o.unit.clone());
        if m.unit_idx(&unit).is_none() {
            mismatches.push(LinkMismatch::UnknownUnit(o.unit.clone()));
            continue;
        }
        match &o.component {
            None if !(m.scale_min()..=m.scale_max()).contains(&o.value) => {
                mismatches.push(LinkMismatch::OutOfRange(format!("{}:{}", o.unit, o.value)));
            }
            None => {
                overrides.insert(unit, Override::Total(o.value));
            }
            Some(cid) if comps.is_empty() => mismatches.push(LinkMismatch::NoComponents(cid.clone())),
            Some(cid) => {
                let Some(ci) = comps.iter().position(|c| &c.id == cid) else {
                    mismatches.push(LinkMismatch::UnknownComponent(cid.clone()));
                    continue;
                };
                if comps.get(ci).is_some_and(|c| !(c.min..=c.max).contains(&o.value)) {
                    mismatches.push(LinkMismatch::OutOfRange(format!("{}.{}:{}", o.unit, cid, o.value)));
                    continue;
                }
                let entry = overrides.entry(unit).or_insert_with(|| Override::Components(vec![None; comps.len()]));
                // A total for the same unit wins over its components (the link said both).
                if let Override::Components(values) = entry {
                    if let Some(slot) = values.get_mut(ci) {
                        *slot = Some(o.value);
                    }
                }
            }
        }
    }
    let scenario = Scenario { group: m.group().clone(), year: m.year(), weights, overrides };
    (scenario, mismatches)
}

/// Set (or, with `value: None`, remove) one override in the view state, keeping the list sorted
/// and one entry per (unit, component).
pub fn set_override(v: &mut ViewState, unit: &str, component: Option<&str>, value: Option<f64>) {
    v.overrides.retain(|o| !(o.unit == unit && o.component.as_deref() == component));
    if let Some(value) = value {
        v.overrides.push(OverrideParam { unit: unit.to_owned(), component: component.map(str::to_owned), value });
    }
    v.overrides.sort_by(|a, b| a.unit.cmp(&b.unit).then(a.component.cmp(&b.component)));
}

/// Weights as percentages by component (for sliders), for any choice.
pub fn weights_pct(m: &BlockMatrix, choice: &WeightChoice) -> Vec<f64> {
    let n = m.components().len();
    let shares: Vec<f64> = match choice {
        WeightChoice::Edition => m.edition_shares().map(<[f64]>::to_vec).unwrap_or_else(|| vec![1.0; n]),
        WeightChoice::Equal => vec![1.0; n],
        WeightChoice::Custom(s) => s.clone(),
    };
    let total: f64 = shares.iter().sum();
    if total <= 0.0 {
        return vec![0.0; n];
    }
    shares.iter().map(|s| 100.0 * s / total).collect()
}

/// The link's custom weights for percentages by component, rounded to 0.1 so links stay short.
pub fn custom_weights(m: &BlockMatrix, pct: &[f64]) -> WeightsParam {
    WeightsParam::Custom(
        m.components().iter().zip(pct).map(|(c, p)| (c.id.clone(), (p * 10.0).round() / 10.0)).collect(),
    )
}

/// The weights menu's value for the link's weights: `official`, `equal`, `emph-<component>`,
/// or `custom` for a list of percentages.
pub fn preset_code(w: &WeightsParam) -> String {
    match w {
        WeightsParam::Official => "official".to_owned(),
        WeightsParam::Equal => "equal".to_owned(),
        WeightsParam::Emphasis(c) => format!("emph-{c}"),
        WeightsParam::Custom(_) => "custom".to_owned(),
    }
}

/// The weights for a menu value of [`preset_code`]; `custom` keeps `now`, anything unknown is the
/// official weights.
pub fn from_preset(code: &str, now: &WeightsParam) -> WeightsParam {
    match code {
        "equal" => WeightsParam::Equal,
        "custom" => now.clone(),
        other => other.strip_prefix("emph-").map_or(WeightsParam::Official, |c| WeightsParam::Emphasis(c.to_owned())),
    }
}

/// Decimals kept in a link value that applies a gain answer.
const GAIN_LINK_DECIMALS: i32 = 4;

/// The link overrides that apply a gain answer to `unit`: its new total, or its new component
/// values (in component order); `None` when nothing is to change (already there, impossible).
/// Values are rounded to [`GAIN_LINK_DECIMALS`] decimals away from the current value (up for a
/// gain, down for a lower-is-better total), so the link stays short and the target is still met.
pub fn gain_overrides(unit: &UnitId, gain: &Gain) -> Option<Vec<OverrideParam>> {
    let Gain::Needed { delta, new_score, component_increases } = gain else { return None };
    let scale = 10f64.powi(GAIN_LINK_DECIMALS);
    let toward = |x: f64, up: bool| if up { (x * scale).ceil() / scale } else { (x * scale).floor() / scale };
    let param = |component: Option<String>, value| OverrideParam { unit: unit.0.clone(), component, value };
    if component_increases.is_empty() {
        return Some(vec![param(None, toward(*new_score, *delta >= 0.0))]);
    }
    Some(component_increases.iter().map(|c| param(Some(c.component_id.clone()), toward(c.new_value, true))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gain::{ComponentIncrease, ImpossibleReason};

    fn values(o: Option<Vec<OverrideParam>>) -> Option<Vec<(Option<String>, f64)>> {
        o.map(|list| list.into_iter().map(|p| (p.component, p.value)).collect())
    }

    #[test]
    fn gain_overrides_round_toward_the_target() {
        let unit = UnitId("a".to_owned());
        let total = |delta, new_score| Gain::Needed { delta, new_score, component_increases: vec![] };
        // A gain rounds up, a lower-is-better loss rounds down: both still reach the target.
        assert_eq!(values(gain_overrides(&unit, &total(1.5, 80.123_41))), Some(vec![(None, 80.1235)]));
        assert_eq!(values(gain_overrides(&unit, &total(-1.5, 20.123_49))), Some(vec![(None, 20.1234)]));
        let comps = Gain::Needed {
            delta: 2.0,
            new_score: 90.0,
            component_increases: vec![ComponentIncrease {
                component_idx: 1,
                component_id: "c2".to_owned(),
                increase: 0.5,
                new_value: 7.000_01,
            }],
        };
        assert_eq!(values(gain_overrides(&unit, &comps)), Some(vec![(Some("c2".to_owned()), 7.0001)]));
        assert_eq!(values(gain_overrides(&unit, &Gain::AlreadyThere)), None);
        let impossible = Gain::Impossible { reason: ImpossibleReason::BlockSizeUnknown };
        assert_eq!(values(gain_overrides(&unit, &impossible)), None);
    }
}
