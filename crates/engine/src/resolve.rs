//! The one resolver: a view state checked against the dataset it is shown on. Every value the
//! dataset does not have falls back to its default and yields a [`ViewMismatch`], which the UI
//! words once and shows as a notice; nothing is dropped silently.

use crate::dataset::{Dataset, GroupId, UnitId};
use crate::view_state::{View, ViewState};

/// A value of the view state that this dataset does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewMismatch {
    /// `ds=` names another dataset than the one loaded (and no `data=` override loaded it).
    Dataset(String),
    /// `group=` is not a group of the dataset; the first group is shown.
    Group(String),
    /// `year=` is not a year of the group; its latest year is shown.
    Year(i32),
    /// `unit=` is not a unit of the dataset; no unit is selected.
    Unit(String),
    /// `from=` is not an earlier year of the group (comparison view); the year before is used.
    From(i32),
}

/// What a view state resolves to on a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The group shown.
    pub group: GroupId,
    /// The year shown.
    pub year: i32,
    /// Years of the group, newest first.
    pub years: Vec<i32>,
    /// Base year of the comparison: the link's `from` when it is an earlier year of the group,
    /// else the latest earlier year; `None` when the group has no earlier year.
    pub from: Option<i32>,
    /// The selected unit, when it exists.
    pub unit: Option<UnitId>,
    /// Every value that did not fit, in the order of the link parameters.
    pub mismatches: Vec<ViewMismatch>,
}

/// Resolve `v` on `ds`. When the link's `data` named the file, its dataset's id need not match
/// `ds`.
pub fn resolve(ds: &Dataset, v: &ViewState) -> Resolved {
    let mut mismatches = Vec::new();
    if v.dataset != ds.id && v.data.is_none() {
        mismatches.push(ViewMismatch::Dataset(v.dataset.clone()));
    }
    let first = ds.groups.first().map(|g| g.id.clone()).unwrap_or(GroupId(String::new()));
    let group = match &v.group {
        Some(g) if ds.group(&GroupId(g.clone())).is_some() => GroupId(g.clone()),
        Some(g) => {
            mismatches.push(ViewMismatch::Group(g.clone()));
            first
        }
        None => first,
    };
    let years = ds.group(&group).map(|g| ds.group_years_desc(g)).unwrap_or_default();
    let latest = years.first().copied().unwrap_or(0);
    let year = match v.year {
        Some(y) if years.contains(&y) => y,
        Some(y) => {
            mismatches.push(ViewMismatch::Year(y));
            latest
        }
        None => latest,
    };
    let unit = match &v.unit {
        Some(u) if ds.unit(&UnitId(u.clone())).is_some() => Some(UnitId(u.clone())),
        Some(u) => {
            mismatches.push(ViewMismatch::Unit(u.clone()));
            None
        }
        None => None,
    };
    let before = years.iter().copied().find(|y| *y < year);
    let from = match v.from {
        Some(f) if f < year && years.contains(&f) => Some(f),
        // Only the comparison view uses `from`; elsewhere it waits, unused, in the link.
        Some(f) if v.view == View::Compare => {
            mismatches.push(ViewMismatch::From(f));
            before
        }
        _ => before,
    };
    Resolved { group, year, years, from, unit, mismatches }
}
