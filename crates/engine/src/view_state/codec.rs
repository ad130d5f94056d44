//! A query string <-> a [`ViewState`], driven by the parameter table [`PARAMS`]: the codec knows
//! how a query string is split, decoded, checked and joined; the table knows every parameter.

use super::params::{DroppedEntry, ParamSpec, PARAMS};
use super::percent::{decode, for_display, shorten_for_display};
use super::{ParamProblem, ParamWarning, ViewState};

/// The query string for `state` (see [`ViewState::to_query`]).
pub(super) fn to_query(state: &ViewState) -> String {
    let written: Vec<(&ParamSpec, String)> =
        PARAMS.iter().filter_map(|spec| (spec.write)(state).map(|value| (spec, value))).collect();
    if written.iter().all(|(spec, _)| spec.only_with_others) {
        return String::new();
    }
    let pairs: Vec<String> = written.into_iter().map(|(spec, value)| format!("{}={value}", spec.name)).collect();
    pairs.join("&")
}

/// Read a query string (with or without the leading `?`) into a state, leniently: every
/// parameter that is unusable falls back to its default and yields a warning (see the module
/// doc). Never panics. Warnings come in the order of the parameter table, then warnings about
/// unknown or undecodable parameter names in the order they appear.
pub fn from_query(query: &str) -> (ViewState, Vec<ParamWarning>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split_once('#').map_or(query, |(before, _)| before);

    // The raw (still percent-encoded) value of each parameter, aligned with PARAMS; the last
    // occurrence wins.
    let mut raw: Vec<Option<&str>> = vec![None; PARAMS.len()];
    let mut name_warnings = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = match decode(raw_name) {
            Ok(name) => name,
            Err(reason) => {
                name_warnings.push(ParamWarning { param: for_display(raw_name), raw: for_display(raw_value), reason });
                continue;
            }
        };
        let slot = PARAMS.iter().position(|spec| spec.name == name).and_then(|i| raw.get_mut(i));
        match slot {
            Some(slot) => *slot = Some(raw_value),
            None if is_tracking_param(&name) => {}
            None => name_warnings.push(ParamWarning {
                param: for_display(raw_name),
                raw: for_display(raw_value),
                reason: ParamProblem::UnknownParam,
            }),
        }
    }

    let mut state = ViewState::default();
    let mut warnings = Vec::new();
    for (spec, raw) in PARAMS.iter().zip(raw) {
        read_param(spec, raw, &mut state, &mut warnings);
    }
    warnings.extend(name_warnings);
    (state, warnings)
}

/// Read one parameter's raw value into `state`: absent or empty is missing (the default, no
/// warning); otherwise decode it, check what every value shares (encoding, control characters,
/// length) and hand the text to the table's reader. A failure leaves the default and warns.
fn read_param(spec: &ParamSpec, raw: Option<&str>, state: &mut ViewState, warnings: &mut Vec<ParamWarning>) {
    let Some(raw) = raw.filter(|raw| !raw.is_empty()) else {
        return;
    };
    let mut dropped: Vec<DroppedEntry> = Vec::new();
    let read = decode(raw).and_then(|value| {
        if value.chars().any(char::is_control) {
            Err(ParamProblem::ControlCharacter)
        } else if value.chars().count() > spec.max_chars {
            Err(ParamProblem::TooLong { max_chars: spec.max_chars })
        } else {
            (spec.read)(&value, state, &mut dropped)
        }
    });
    if let Err(reason) = read {
        warnings.push(ParamWarning { param: spec.name.to_owned(), raw: for_display(raw), reason });
    }
    for DroppedEntry { entry, problem } in dropped {
        warnings.push(ParamWarning { param: spec.name.to_owned(), raw: shorten_for_display(&entry), reason: problem });
    }
}

/// Parameters that apps append to shared links (Zalo adds `zarsrc` and `utm_*`, Facebook
/// `fbclid`, Google Ads `gclid`); ignored without a warning.
fn is_tracking_param(name: &str) -> bool {
    name.starts_with("utm_") || matches!(name, "fbclid" | "gclid" | "zarsrc")
}
