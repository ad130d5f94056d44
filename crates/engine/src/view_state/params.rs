//! The one table of link parameters ([`PARAMS`]): for each, its name, what it means, the values
//! it takes and what its absence means (the documentation), and how it is read into and written
//! from a [`ViewState`]. Reading, writing and the documented table are all driven by it, so a new
//! parameter is one new row here (plus its `ViewState` field and, if it can go wrong in a new
//! way, the UI's words for that).

use super::percent::{encode, encode_path};
use super::{ColorScheme, OverrideParam, ParamProblem, View, ViewState, WeightsParam};
use crate::datasets::{is_allowed_data_path, DEFAULT_DATASET};
use crate::filter::Limit;
use crate::format::Lang;
use crate::schema::UnitKind;

/// The version of the URL format that [`ViewState::to_query`] writes (`v=1`).
pub const URL_VERSION: u32 = 1;

/// Longest accepted parameter value, in characters after percent-decoding.
pub const MAX_VALUE_CHARS: usize = 200;

/// Longest accepted `set` or `w` value, in characters after percent-decoding.
pub const MAX_LIST_CHARS: usize = 4000;

/// Longest accepted id (`ds`, `group`, `unit`, `eid`), in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Smallest accepted `year`.
pub const MIN_YEAR: i32 = 1900;

/// Largest accepted `year`.
pub const MAX_YEAR: i32 = 2100;

/// Largest accepted `top` / `bottom` (and `k`).
pub const MAX_LIMIT: u32 = 10_000;

/// Default `spread` (weight uncertainty, see [`ViewState::spread`]).
pub const DEFAULT_SPREAD: u32 = 10;

/// Largest accepted `spread`.
pub const MAX_SPREAD: u32 = 100;

/// Default `k` (target rank).
pub const DEFAULT_K: u32 = 10;

/// Most overrides a link may carry.
pub const MAX_OVERRIDES: usize = 20;

/// The name of the dataset-file parameter (see [`super::refused_data`]).
pub const DATA: &str = "data";

/// An entry of a list parameter (`kind`, `set`) that was dropped while the others were kept.
#[derive(Debug, Clone, PartialEq)]
pub struct DroppedEntry {
    /// The entry as decoded (shown to the reader, never parsed again).
    pub entry: String,
    /// Why it was dropped.
    pub problem: ParamProblem,
}

/// Reads a decoded value (already checked for encoding, control characters and length) into the
/// state. `Err` must leave the state as it was — the parameter's default — and is warned about;
/// a list may instead keep its usable entries and push the others onto `dropped`, each warned
/// about on its own. Parameters are read in table order into a default state, so a row may look
/// at what an earlier row read (`bottom` looks at `top`).
pub type ReadFn = fn(value: &str, state: &mut ViewState, dropped: &mut Vec<DroppedEntry>) -> Result<(), ParamProblem>;

/// The value to write for a state, already percent-encoded; `None` when it is the default, so
/// that it is left out of the link.
pub type WriteFn = fn(state: &ViewState) -> Option<String>;

/// One link parameter.
#[derive(Clone, Copy)]
pub struct ParamSpec {
    /// The name in the query string.
    pub name: &'static str,
    /// What it sets (documentation, English, for developers and deployers).
    pub meaning: &'static str,
    /// The values it takes (documentation).
    pub value: &'static str,
    /// What the page does when it is absent (documentation).
    pub default: &'static str,
    /// Longest accepted value, in characters after percent-decoding.
    pub max_chars: usize,
    /// Written only in front of other parameters, never alone (`v`): the default state's link
    /// stays empty.
    pub only_with_others: bool,
    /// How it is read.
    pub read: ReadFn,
    /// How it is written.
    pub write: WriteFn,
}

impl std::fmt::Debug for ParamSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParamSpec").field("name", &self.name).finish_non_exhaustive()
    }
}

/// Every link parameter, in the order they are written and read (and warned about).
pub const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        name: "v",
        meaning: "version of the URL format",
        value: "`1`",
        default: "current version",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: true,
        // Only warns: a newer link is still read as far as version 1 understands it.
        read: |value, _, _| parse_version(value).map(|_| ()),
        write: |_| Some(URL_VERSION.to_string()),
    },
    ParamSpec {
        name: "ds",
        meaning: "dataset id",
        value:
            "`hanoi-cchc`, `pci`, `papi`, `par-index`, or `own` (your own table, carried in the link's `#` fragment)",
        default: "`hanoi-cchc`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.dataset = parse_id(value)?;
            Ok(())
        },
        write: |state| (state.dataset != DEFAULT_DATASET).then(|| encode(&state.dataset)),
    },
    ParamSpec {
        name: "year",
        meaning: "year assessed",
        value: "whole number in `1900..=2100`",
        default: "the dataset's latest",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.year = Some(parse_year(value)?);
            Ok(())
        },
        write: |state| state.year.map(|year| year.to_string()),
    },
    ParamSpec {
        name: "group",
        meaning: "group (block) id",
        value: "id",
        default: "the dataset's first",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.group = Some(parse_id(value)?);
            Ok(())
        },
        write: |state| state.group.as_deref().map(encode),
    },
    ParamSpec {
        name: "kind",
        meaning: "kinds of unit shown",
        value: "comma-separated snake_case `UnitKind` names",
        default: "every kind",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        // A list: unknown entries are dropped one by one and the known ones kept.
        read: |value, state, dropped| {
            let (kinds, unknown) = parse_kinds(value);
            state.kinds = kinds;
            dropped.extend(unknown.into_iter().map(|entry| DroppedEntry { entry, problem: ParamProblem::UnknownKind }));
            Ok(())
        },
        write: |state| {
            let mut kinds = state.kinds.clone();
            kinds.sort_unstable();
            kinds.dedup();
            (!kinds.is_empty()).then(|| kinds.into_iter().map(UnitKind::code).collect::<Vec<_>>().join(","))
        },
    },
    ParamSpec {
        name: "q",
        meaning: "name search",
        value: "text, at most 200 characters",
        default: "no search",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            value.clone_into(&mut state.query);
            Ok(())
        },
        write: |state| (!state.query.is_empty()).then(|| encode(&state.query)),
    },
    ParamSpec {
        name: "top",
        meaning: "the block's top N",
        value: "whole number in `1..=10000`",
        default: "no limit",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.limit = Some(Limit::Top(parse_limit(value)?));
            Ok(())
        },
        write: |state| match state.limit {
            Some(Limit::Top(n)) => Some(n.to_string()),
            _ => None,
        },
    },
    ParamSpec {
        name: "bottom",
        meaning: "the block's bottom N",
        value: "whole number in `1..=10000`; ignored when `top` is given",
        default: "no limit",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            let n = parse_limit(value)?;
            // `top` is read first: a valid one wins.
            if matches!(state.limit, Some(Limit::Top(_))) {
                return Err(ParamProblem::ConflictsWithTop);
            }
            state.limit = Some(Limit::Bottom(n));
            Ok(())
        },
        write: |state| match state.limit {
            Some(Limit::Bottom(n)) => Some(n.to_string()),
            _ => None,
        },
    },
    ParamSpec {
        name: "lang",
        meaning: "interface language",
        value: "`vi` or `en`",
        default: "`vi`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.lang = Lang::from_code(value).ok_or(ParamProblem::UnknownLanguage)?;
            Ok(())
        },
        write: |state| (state.lang != Lang::default()).then(|| state.lang.code().to_owned()),
    },
    ParamSpec {
        name: "unit",
        meaning: "selected unit id",
        value: "id",
        default: "none selected",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.unit = Some(parse_id(value)?);
            Ok(())
        },
        write: |state| state.unit.as_deref().map(encode),
    },
    ParamSpec {
        name: "embed",
        meaning: "compact chrome for iframes",
        value: "`1` (on) or `0` (off)",
        default: "off (the full app)",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.embed = match value {
                "1" => true,
                "0" => false,
                _ => return Err(ParamProblem::NotASwitch),
            };
            Ok(())
        },
        write: |state| state.embed.then(|| "1".to_owned()),
    },
    ParamSpec {
        name: "theme",
        meaning: "colour scheme",
        value: "`light`, `dark` or `auto`",
        default: "`auto` (follows the reader's `prefers-color-scheme`)",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.theme = ColorScheme::from_code(value).ok_or(ParamProblem::UnknownColorScheme)?;
            Ok(())
        },
        write: |state| (state.theme != ColorScheme::Auto).then(|| state.theme.code().to_owned()),
    },
    ParamSpec {
        name: "eid",
        meaning: "embed instance id",
        value: "id; echoed in the auto-height message",
        default: "none",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.eid = Some(parse_id(value)?);
            Ok(())
        },
        write: |state| state.eid.as_deref().map(encode),
    },
    ParamSpec {
        name: "view",
        meaning: "which view",
        value: "`ranking`, `whatif`, `sensitivity`, `compare` or `data` (your own table)",
        default: "`ranking`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.view = View::from_code(value).ok_or(ParamProblem::UnknownView)?;
            Ok(())
        },
        write: |state| (state.view != View::Ranking).then(|| state.view.code().to_owned()),
    },
    ParamSpec {
        name: "set",
        meaning: "what-if overrides",
        value: "comma-separated `unit:value` (a total) or `unit.component:value`, at most 4000 characters",
        default: "none",
        max_chars: MAX_LIST_CHARS,
        only_with_others: false,
        // A list: unusable entries are dropped one by one, and those past the limit together.
        read: |value, state, dropped| {
            let (overrides, bad, too_many) = parse_overrides(value);
            state.overrides = overrides;
            dropped.extend(bad.into_iter().map(|entry| DroppedEntry { entry, problem: ParamProblem::BadOverride }));
            if too_many {
                let problem = ParamProblem::TooManyOverrides { max: MAX_OVERRIDES };
                dropped.push(DroppedEntry { entry: "…".to_owned(), problem });
            }
            Ok(())
        },
        write: |state| {
            let entries: Vec<String> = state
                .overrides
                .iter()
                .map(|o| match &o.component {
                    Some(c) => format!("{}.{}:{}", o.unit, c, o.value),
                    None => format!("{}:{}", o.unit, o.value),
                })
                .collect();
            (!entries.is_empty()).then(|| encode(&entries.join(",")))
        },
    },
    ParamSpec {
        name: "w",
        meaning: "weights",
        value: "`official`, `equal`, `emph-<component>`, or comma-separated `component:percent`",
        default: "`official`",
        max_chars: MAX_LIST_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.weights = parse_weights(value)?;
            Ok(())
        },
        write: |state| match &state.weights {
            WeightsParam::Official => None,
            WeightsParam::Equal => Some("equal".to_owned()),
            WeightsParam::Emphasis(c) => Some(encode(&format!("emph-{c}"))),
            WeightsParam::Custom(list) => {
                let entries: Vec<String> = list.iter().map(|(c, p)| format!("{c}:{p}")).collect();
                Some(encode(&entries.join(",")))
            }
        },
    },
    ParamSpec {
        name: "spread",
        meaning: "weight uncertainty",
        value: "whole number `0..=100` (0 = none)",
        default: "`10`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            let spread = parse_int(value, 0, i64::from(MAX_SPREAD))?;
            state.spread = u32::try_from(spread).unwrap_or(DEFAULT_SPREAD);
            Ok(())
        },
        write: |state| (state.spread != DEFAULT_SPREAD).then(|| state.spread.to_string()),
    },
    ParamSpec {
        name: "k",
        meaning: "target rank (\"top k\")",
        value: "whole number `1..=10000`",
        default: "`10`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.k = parse_limit(value)?;
            Ok(())
        },
        write: |state| (state.k != DEFAULT_K).then(|| state.k.to_string()),
    },
    ParamSpec {
        name: "from",
        meaning: "base year of a comparison",
        value: "whole number in `1900..=2100`",
        default: "the year before `year`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            state.from = Some(parse_year(value)?);
            Ok(())
        },
        write: |state| state.from.map(|from| from.to_string()),
    },
    ParamSpec {
        name: DATA,
        meaning: "dataset file shown instead of `ds`",
        value: "relative path to a `.json` file of this site",
        default: "the file of `ds`",
        max_chars: MAX_VALUE_CHARS,
        only_with_others: false,
        read: |value, state, _| {
            if !is_allowed_data_path(value) {
                return Err(ParamProblem::DataNotAllowed);
            }
            state.data = Some(value.to_owned());
            Ok(())
        },
        write: |state| state.data.as_deref().map(encode_path),
    },
];

/// The parameter called `name`, if any.
pub fn param(name: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.name == name)
}

/// The parameters as a Markdown table (param, meaning, value, when absent), columns padded so the
/// source reads as a table too. The module doc (`PARAMS.md`) and the README's "Link parameters"
/// hold exactly this text; a test checks both.
pub fn doc_table() -> String {
    let header = ["param", "meaning", "value", "when absent"];
    let rows: Vec<[String; 4]> = PARAMS
        .iter()
        .map(|p| [format!("`{}`", p.name), p.meaning.to_owned(), p.value.to_owned(), p.default.to_owned()])
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let padded: Vec<String> = cells.iter().zip(widths).map(|(cell, width)| format!(" {cell:<width$} ")).collect();
        format!("|{}|\n", padded.join("|"))
    };
    let mut out = line(header);
    let rule: Vec<String> = widths.iter().map(|width| "-".repeat(width + 2)).collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in &rows {
        let [a, b, c, d] = row;
        out.push_str(&line([a, b, c, d]));
    }
    out
}

/// A whole number in `min..=max`; overflowing digit strings are out of range, not "not a number".
fn parse_int(value: &str, min: i64, max: i64) -> Result<i64, ParamProblem> {
    use std::num::IntErrorKind;
    match value.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(_) => Err(ParamProblem::OutOfRange { min, max }),
        Err(err) => match err.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => Err(ParamProblem::OutOfRange { min, max }),
            _ => Err(ParamProblem::NotANumber),
        },
    }
}

fn parse_version(value: &str) -> Result<u32, ParamProblem> {
    let unsupported = ParamProblem::UnsupportedVersion { supported: URL_VERSION };
    match parse_int(value, 0, i64::MAX) {
        Ok(n) if n == i64::from(URL_VERSION) => Ok(URL_VERSION),
        Ok(_) | Err(ParamProblem::OutOfRange { .. }) => Err(unsupported),
        Err(problem) => Err(problem),
    }
}

fn parse_year(value: &str) -> Result<i32, ParamProblem> {
    let (min, max) = (i64::from(MIN_YEAR), i64::from(MAX_YEAR));
    let year = parse_int(value, min, max)?;
    i32::try_from(year).map_err(|_| ParamProblem::OutOfRange { min, max })
}

fn parse_limit(value: &str) -> Result<u32, ParamProblem> {
    let (min, max) = (1, i64::from(MAX_LIMIT));
    let n = parse_int(value, min, max)?;
    u32::try_from(n).map_err(|_| ParamProblem::OutOfRange { min, max })
}

/// True when `id` matches `[a-z0-9][a-z0-9_-]{0,63}`.
fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_ascii_lowercase() || first.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && id.len() <= MAX_ID_CHARS
}

fn parse_id(value: &str) -> Result<String, ParamProblem> {
    if is_valid_id(value) {
        Ok(value.to_owned())
    } else {
        Err(ParamProblem::BadId)
    }
}

/// A finite number written the way [`ViewState::to_query`] writes it (`85`, `85.5`, `-1e-3`).
fn parse_number(value: &str) -> Option<f64> {
    let ok_chars = value.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !ok_chars || value.len() > 32 {
        return None;
    }
    value.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Overrides from `unit:value,unit.component:value`: sorted by (unit, component), one per pair
/// (the last written wins), at most [`MAX_OVERRIDES`]; also the entries that could not be read
/// and whether some were dropped for the limit.
fn parse_overrides(value: &str) -> (Vec<OverrideParam>, Vec<String>, bool) {
    let mut out: Vec<OverrideParam> = Vec::new();
    let mut bad = Vec::new();
    for entry in value.split(',').filter(|e| !e.is_empty()) {
        let parsed = entry.split_once(':').and_then(|(target, number)| {
            let value = parse_number(number)?;
            let (unit, component) = match target.split_once('.') {
                Some((u, c)) => (u, Some(c)),
                None => (target, None),
            };
            let ids_ok = is_valid_id(unit) && component.is_none_or(is_valid_id);
            ids_ok.then(|| OverrideParam { unit: unit.to_owned(), component: component.map(str::to_owned), value })
        });
        match parsed {
            Some(o) => {
                out.retain(|x| !(x.unit == o.unit && x.component == o.component));
                out.push(o);
            }
            None => bad.push(entry.to_owned()),
        }
    }
    out.sort_by(|a, b| a.unit.cmp(&b.unit).then(a.component.cmp(&b.component)));
    let too_many = out.len() > MAX_OVERRIDES;
    out.truncate(MAX_OVERRIDES);
    (out, bad, too_many)
}

/// `official`, `equal`, `emph-<component>` or `component:percent,...` (non-negative, total > 0).
fn parse_weights(value: &str) -> Result<WeightsParam, ParamProblem> {
    match value {
        "official" => return Ok(WeightsParam::Official),
        "equal" => return Ok(WeightsParam::Equal),
        _ => {}
    }
    if let Some(c) = value.strip_prefix("emph-") {
        return if is_valid_id(c) { Ok(WeightsParam::Emphasis(c.to_owned())) } else { Err(ParamProblem::BadWeights) };
    }
    let mut list: Vec<(String, f64)> = Vec::new();
    for entry in value.split(',').filter(|e| !e.is_empty()) {
        let (c, p) = entry.split_once(':').ok_or(ParamProblem::BadWeights)?;
        let p = parse_number(p).filter(|p| *p >= 0.0).ok_or(ParamProblem::BadWeights)?;
        if !is_valid_id(c) || list.iter().any(|(x, _)| x == c) {
            return Err(ParamProblem::BadWeights);
        }
        list.push((c.to_owned(), p));
    }
    if list.is_empty() || list.iter().map(|(_, p)| p).sum::<f64>() <= 0.0 {
        return Err(ParamProblem::BadWeights);
    }
    Ok(WeightsParam::Custom(list))
}

/// The kinds named in a comma-separated list, sorted and without duplicates, and the entries
/// that name no kind (in order). Empty entries (`quan,,huyen`) are skipped.
fn parse_kinds(value: &str) -> (Vec<UnitKind>, Vec<String>) {
    let mut kinds = Vec::new();
    let mut unknown = Vec::new();
    for entry in value.split(',').filter(|entry| !entry.is_empty()) {
        match UnitKind::from_code(entry) {
            Some(kind) => kinds.push(kind),
            None => unknown.push(entry.to_owned()),
        }
    }
    kinds.sort_unstable();
    kinds.dedup();
    (kinds, unknown)
}
