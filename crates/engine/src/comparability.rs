//! Whether two years of an index compare, by the dataset's own sources: a change is drawn only
//! where the years compare; across a change of method, a gap of years or a change of weights it
//! is labelled approximate; where a source says two years do not compare, no change is drawn.
//! The ranking's change column and the comparison view use this one rule.

use crate::dataset::Dataset;
use crate::schema::{Comparability, Text, WeightsStatus};

/// Why a change between two years is only approximate.
#[derive(Debug, Clone, PartialEq)]
pub enum ApproxReason {
    /// The sources say the method changed in `year` (in part).
    Method {
        /// The year whose edition says so.
        year: i32,
        /// The sources' words.
        note: Text,
    },
    /// More than one year lies between the two (`years` apart).
    Gap {
        /// `to - from`.
        years: i32,
    },
    /// The weights differ in kind (official one year, derived the other).
    Weights {
        /// The base year's.
        from: Option<WeightsStatus>,
        /// The later year's.
        to: Option<WeightsStatus>,
    },
}

/// How a later year compares with a base year.
#[derive(Debug, Clone, PartialEq)]
pub enum YearsCompare {
    /// Changes mean what they say.
    Comparable,
    /// Changes are drawn, labelled approximate, with every reason.
    Approximate(Vec<ApproxReason>),
    /// No change is drawn: the sources say `year` does not compare with the year before it.
    NotComparable {
        /// The first year after `from` (up to `to`) whose edition says so.
        year: i32,
        /// The sources' words.
        note: Text,
    },
}

impl YearsCompare {
    /// True when a change may be drawn (comparable or approximate).
    pub fn draws_change(&self) -> bool {
        !matches!(self, YearsCompare::NotComparable { .. })
    }
}

/// How `to` compares with `from` (`from < to`) in `ds`: any edition in `from+1..=to` that says
/// "not comparable" breaks the pair; otherwise every method change, a gap of more than one year
/// and a change in the kind of weights make it approximate.
pub fn compare_years(ds: &Dataset, from: i32, to: i32) -> YearsCompare {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    let between = ds.editions.iter().filter(|e| e.year > lo && e.year <= hi);
    let mut reasons = Vec::new();
    for e in between {
        let Some(c) = &e.comparability else { continue };
        match c.with_previous {
            Comparability::NotComparable => return YearsCompare::NotComparable { year: e.year, note: c.note.clone() },
            Comparability::Approximate => reasons.push(ApproxReason::Method { year: e.year, note: c.note.clone() }),
            Comparability::Comparable => {}
        }
    }
    if hi - lo > 1 {
        reasons.push(ApproxReason::Gap { years: hi - lo });
    }
    let status = |y: i32| ds.edition(y).and_then(|e| e.weights_status);
    if status(lo) != status(hi) && status(lo).is_some() && status(hi).is_some() {
        reasons.push(ApproxReason::Weights { from: status(lo), to: status(hi) });
    }
    if reasons.is_empty() {
        YearsCompare::Comparable
    } else {
        YearsCompare::Approximate(reasons)
    }
}
