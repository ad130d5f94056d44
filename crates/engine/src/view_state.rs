//! `ViewState`: everything a reader can change, and its round trip through the URL query string.
//!
//! The URL carries only what differs from the defaults, so shared links stay short and old links
//! keep working. Reading is lenient, like ripgrep reads flags: every parameter is `Valid`,
//! `Invalid` (falls back to its default and yields a [`ParamWarning`]) or `Missing`; a hostile
//! or garbled link never panics and never stops the page from drawing.
//!
//! | param    | meaning                   | value                                       | when absent          |
//! |----------|---------------------------|---------------------------------------------|----------------------|
//! | `v`      | version of the URL format | `1` ([`URL_VERSION`])                       | current version      |
//! | `ds`     | dataset id                | id (see below)                              | `hanoi-cchc`         |
//! | `year`   | year assessed             | whole number in `1900..=2100`               | the dataset's latest |
//! | `group`  | group (block) id          | id                                          | the dataset's first  |
//! | `kind`   | kinds of unit shown       | comma-separated snake_case `UnitKind` names | every kind           |
//! | `q`      | name search               | text, at most 200 characters                | no search            |
//! | `top`    | the block's top N         | whole number in `1..=10000`                 | no limit             |
//! | `bottom` | the block's bottom N      | whole number in `1..=10000`                 | no limit             |
//! | `lang`   | interface language        | `vi` or `en`                                | `vi`                 |
//! | `unit`   | selected unit id          | id                                          | none selected        |
//! | `embed`  | compact chrome for iframes| `1` (on) or `0` (off)                       | off (the full app)   |
//! | `theme`  | colour scheme             | `light`, `dark` or `auto`                   | `auto` (follows the reader's `prefers-color-scheme`) |
//! | `eid`    | embed instance id         | id; echoed in the auto-height message       | none                 |
//! | `view`   | which view                | `ranking`, `whatif`, `sensitivity`, `compare` | `ranking`          |
//! | `set`    | what-if overrides         | comma-separated `unit:value` (a total) or `unit.component:value`, at most 4000 characters | none |
//! | `w`      | weights                   | `official`, `equal`, `emph-<component>`, or comma-separated `component:percent` | `official` |
//! | `spread` | weight uncertainty        | whole number `0..=100` (0 = none)           | `10`                 |
//! | `k`      | target rank ("top k")     | whole number `1..=10000`                    | `10`                 |
//! | `from`   | base year of a comparison | whole number in `1900..=2100`               | the year before `year` |
//!
//! `embed`, `theme` and `eid` describe how the page is shown rather than what it shows: a news
//! site's iframe sets them (`theme` lets the host's own dark-mode toggle drive ours; `eid` lets the
//! host's loader script tell its iframes apart), and the "open in full" link drops `embed` and
//! `eid` ([`ViewState::full_view`]).
//!
//! Writing ([`ViewState::to_query`]): parameters appear in the order of the table, `v=1` first
//! and only when some other parameter is written, so the all-default state is the empty string.
//! Values are percent-encoded as UTF-8, with a space written `+`; `kind` is written sorted and
//! without duplicates, so the same view always gives the same link.
//!
//! Reading ([`from_query`]): a leading `?` and anything from `#` on are ignored; pairs are split
//! on `&`, empty pairs skipped; when a parameter repeats the last one wins (earlier ones are not
//! looked at). A parameter with an empty value (`q=` or a bare `q`) counts as missing. Every value
//! is percent-decoded (`+` is a space), must be UTF-8 without control characters and at most
//! [`MAX_VALUE_CHARS`] characters, then is checked as the table says. Ids (`ds`, `group`, `unit`)
//! must match `[a-z0-9][a-z0-9_-]{0,63}`; whether they exist in the dataset is for the UI to
//! check. In `kind`, unknown names are dropped one by one (each with a warning) and the known
//! ones kept. When both `top` and `bottom` are valid, `top` wins and `bottom` gets a warning. A
//! `v` newer than [`URL_VERSION`] gets a warning and the rest is read as version 1 as far as it
//! goes. Unknown parameters get a warning, except the tracking parameters that messaging apps
//! and ad networks append to shared links (`utm_*`, `fbclid`, `gclid`, `zarsrc`), which are
//! ignored silently because the reader did nothing wrong.

use crate::filter::{Filter, Limit};
use crate::format::Lang;
use crate::schema::UnitKind;

/// The version of the URL format that [`ViewState::to_query`] writes (`v=1`).
pub const URL_VERSION: u32 = 1;

/// The dataset shown when the URL names none.
pub const DEFAULT_DATASET: &str = "hanoi-cchc";

/// Longest accepted parameter value, in characters after percent-decoding.
pub const MAX_VALUE_CHARS: usize = 200;

/// Longest accepted id (`ds`, `group`, `unit`), in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Smallest accepted `year`.
pub const MIN_YEAR: i32 = 1900;

/// Largest accepted `year`.
pub const MAX_YEAR: i32 = 2100;

/// Largest accepted `top` / `bottom`.
pub const MAX_LIMIT: u32 = 10_000;

/// `raw` in a [`ParamWarning`] is cut to this many characters (plus "…").
const MAX_RAW_DISPLAY_CHARS: usize = 80;

/// Everything a reader can change. `ViewState::default()` is the page as first opened.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Dataset id; default [`DEFAULT_DATASET`].
    pub dataset: String,
    /// Year assessed; `None` follows the dataset's latest year (keep it `None` when the reader
    /// picks the latest, so a shared link moves on to the next edition).
    pub year: Option<i32>,
    /// Group (block) id; `None` is the dataset's first group.
    pub group: Option<String>,
    /// Kinds of unit shown; empty shows every kind.
    pub kinds: Vec<UnitKind>,
    /// Name search text, as typed.
    pub query: String,
    /// Top or bottom cut of the block; `None` shows every unit.
    pub limit: Option<Limit>,
    /// Interface language.
    pub lang: Lang,
    /// Id of the selected unit; `None` when no unit is selected.
    pub unit: Option<String>,
    /// Embedded in another page: compact chrome (chart, minimal controls, source line, a link
    /// to the full explorer).
    pub embed: bool,
    /// Colour scheme asked for; [`ColorScheme::Auto`] follows the reader's system setting.
    pub theme: ColorScheme,
    /// Embed instance id chosen by the host page's snippet, echoed in the auto-height message so
    /// the host's loader knows which iframe to resize.
    pub eid: Option<String>,
    /// The view shown.
    pub view: View,
    /// What-if overrides, sorted by unit then component (`None` first); one per (unit, component).
    pub overrides: Vec<OverrideParam>,
    /// Weights of the components.
    pub weights: WeightsParam,
    /// Weight uncertainty for the sensitivity view, 0–100: the Dirichlet concentration is
    /// `10_000 / spread²` (10 → 100; 0 → no uncertainty).
    pub spread: u32,
    /// Target rank for "what it takes" and for the probability of reaching the top k.
    pub k: u32,
    /// Base year of the year comparison; `None` is the year before `year` in the dataset.
    pub from: Option<i32>,
}

/// The view shown (`view=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum View {
    /// The published ranking (the default).
    #[default]
    Ranking,
    /// What-if: change a unit's score or components, or the weights.
    WhatIf,
    /// How ranks move when the weights are uncertain.
    Sensitivity,
    /// Year against year: climbers and fallers.
    Compare,
}

impl View {
    /// Every view, in menu order.
    pub const ALL: [View; 4] = [View::Ranking, View::WhatIf, View::Sensitivity, View::Compare];

    /// The URL spelling.
    pub fn code(self) -> &'static str {
        match self {
            View::Ranking => "ranking",
            View::WhatIf => "whatif",
            View::Sensitivity => "sensitivity",
            View::Compare => "compare",
        }
    }

    /// The view spelled `code`, if any.
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// One what-if override from the link: a unit's total, or one of its components.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideParam {
    /// Unit id.
    pub unit: String,
    /// Component id; `None` overrides the unit's total score.
    pub component: Option<String>,
    /// The hypothetical value.
    pub value: f64,
}

/// The weights a link asks for (`w=`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum WeightsParam {
    /// The year's own weights (official or derived, as the dataset says).
    #[default]
    Official,
    /// Every component weighs the same.
    Equal,
    /// One component's weight doubled, the others scaled down to keep the total.
    Emphasis(String),
    /// Percent per component id (in the order written; the UI matches them to components).
    Custom(Vec<(String, f64)>),
}

/// Default `spread` (weight uncertainty, see [`ViewState::spread`]).
pub const DEFAULT_SPREAD: u32 = 10;

/// Default `k` (target rank).
pub const DEFAULT_K: u32 = 10;

/// Longest accepted `set` or `w` value, in characters after percent-decoding.
pub const MAX_LIST_CHARS: usize = 4000;

/// Most overrides a link may carry.
pub const MAX_OVERRIDES: usize = 20;

/// The colour scheme a link asks for (`theme=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ColorScheme {
    /// Follow the reader's `prefers-color-scheme` (the default; never written to the URL).
    #[default]
    Auto,
    /// Light colours whatever the system says.
    Light,
    /// Dark colours whatever the system says.
    Dark,
}

impl ColorScheme {
    /// Every scheme, in declaration order.
    pub const ALL: [ColorScheme; 3] = [ColorScheme::Auto, ColorScheme::Light, ColorScheme::Dark];

    /// The URL spelling: `auto`, `light`, `dark`.
    pub fn code(self) -> &'static str {
        match self {
            ColorScheme::Auto => "auto",
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
        }
    }

    /// The scheme spelled `code`, if any (exact, lower case).
    pub fn from_code(code: &str) -> Option<ColorScheme> {
        ColorScheme::ALL.into_iter().find(|scheme| scheme.code() == code)
    }
}

impl Default for ViewState {
    fn default() -> ViewState {
        ViewState {
            dataset: DEFAULT_DATASET.to_owned(),
            year: None,
            group: None,
            kinds: Vec::new(),
            query: String::new(),
            limit: None,
            lang: Lang::default(),
            unit: None,
            embed: false,
            theme: ColorScheme::Auto,
            eid: None,
            view: View::Ranking,
            overrides: Vec::new(),
            weights: WeightsParam::Official,
            spread: DEFAULT_SPREAD,
            k: DEFAULT_K,
            from: None,
        }
    }
}

/// Why a URL parameter was not used. The UI words each variant for the reader once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamProblem {
    /// A `%` not followed by two hexadecimal digits (`%G1`, a trailing `%`).
    #[error("malformed percent-encoding")]
    BadPercentEncoding,
    /// The percent-decoded bytes are not UTF-8 text (`%FF%FE`).
    #[error("not UTF-8 text")]
    NotUtf8,
    /// The decoded value holds a control character (newline, tab, NUL, ...).
    #[error("contains a control character")]
    ControlCharacter,
    /// The decoded value is longer than `max_chars` characters.
    #[error("longer than {max_chars} characters")]
    TooLong {
        /// The limit that was exceeded.
        max_chars: usize,
    },
    /// Not a whole number (`year=abc`).
    #[error("not a whole number")]
    NotANumber,
    /// A whole number outside `min..=max` (`year=1800`, `top=0`).
    #[error("outside {min}..={max}")]
    OutOfRange {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
    },
    /// `v` names a URL format this version does not know (a link from a newer app, or `v=0`).
    #[error("URL format version not supported (this app reads version {supported})")]
    UnsupportedVersion {
        /// The version this app reads and writes.
        supported: u32,
    },
    /// A `kind` entry that is not a kind of unit; `raw` holds that entry alone.
    #[error("unknown kind of unit")]
    UnknownKind,
    /// A `lang` other than `vi` or `en`.
    #[error("unknown language (expected vi or en)")]
    UnknownLanguage,
    /// An id not matching `[a-z0-9][a-z0-9_-]{0,63}`.
    #[error("not a valid id (a-z, 0-9, - and _, at most 64 characters)")]
    BadId,
    /// An on/off switch (`embed`) other than `1` or `0`.
    #[error("not a switch (expected 1 or 0)")]
    NotASwitch,
    /// A `theme` other than `light`, `dark` or `auto`.
    #[error("unknown colour scheme (expected light, dark or auto)")]
    UnknownColorScheme,
    /// `bottom` given together with a valid `top`; `top` is kept.
    #[error("ignored because `top` is also given")]
    ConflictsWithTop,
    /// A `view` that is not one of the views.
    #[error("unknown view (expected ranking, whatif, sensitivity or compare)")]
    UnknownView,
    /// A `set` entry that is not `unit:value` or `unit.component:value` with valid ids and a
    /// finite number; `raw` holds that entry alone.
    #[error("not an override (expected unit:value or unit.component:value)")]
    BadOverride,
    /// More `set` entries than [`MAX_OVERRIDES`]; the rest are dropped.
    #[error("too many overrides (at most {max})")]
    TooManyOverrides {
        /// The limit.
        max: usize,
    },
    /// A `w` that is neither a preset nor a list of `component:percent` with valid ids and
    /// non-negative finite numbers adding up to more than 0.
    #[error("not a weight choice (expected official, equal, emph-<component> or component:percent,...)")]
    BadWeights,
    /// A parameter this version does not know; it is ignored.
    #[error("unknown parameter")]
    UnknownParam,
}

/// A URL parameter that was ignored, with why. The state falls back to that parameter's default.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("URL parameter `{param}={raw}`: {reason}")]
pub struct ParamWarning {
    /// The parameter name as decoded (for an undecodable name: as written).
    pub param: String,
    /// The offending value for showing, not parsing: decoded where possible, control characters
    /// replaced by U+FFFD and cut to 80 characters.
    pub raw: String,
    /// What is wrong with it.
    pub reason: ParamProblem,
}

/// One parameter after reading (ripgrep's low-level/high-level split, in one step).
enum Parsed<T> {
    /// Present and usable.
    Valid(T),
    /// Present but unusable: the default applies and a warning is due.
    Invalid(ParamProblem),
    /// Absent or empty: the default applies silently.
    Missing,
}

/// The raw (still percent-encoded) value of each known parameter, last occurrence wins.
#[derive(Default)]
struct RawParams<'a> {
    v: Option<&'a str>,
    ds: Option<&'a str>,
    year: Option<&'a str>,
    group: Option<&'a str>,
    kind: Option<&'a str>,
    q: Option<&'a str>,
    top: Option<&'a str>,
    bottom: Option<&'a str>,
    lang: Option<&'a str>,
    unit: Option<&'a str>,
    embed: Option<&'a str>,
    theme: Option<&'a str>,
    eid: Option<&'a str>,
    view: Option<&'a str>,
    set: Option<&'a str>,
    w: Option<&'a str>,
    spread: Option<&'a str>,
    k: Option<&'a str>,
    from: Option<&'a str>,
}

impl ViewState {
    /// The query string for this state, without a leading `?`: only parameters that differ from
    /// the defaults, in the order of the module table, preceded by `v=1`; the empty string when
    /// everything is default. Values are written as given: a state that [`from_query`] would
    /// reject (an id with capitals, `top` 0) is written anyway and warned about when read back.
    pub fn to_query(&self) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if self.dataset != DEFAULT_DATASET {
            params.push(("ds", encode(&self.dataset)));
        }
        if let Some(year) = self.year {
            params.push(("year", year.to_string()));
        }
        if let Some(group) = &self.group {
            params.push(("group", encode(group)));
        }
        if !self.kinds.is_empty() {
            let mut kinds = self.kinds.clone();
            kinds.sort_unstable();
            kinds.dedup();
            let names: Vec<String> = kinds.into_iter().filter_map(kind_name).collect();
            params.push(("kind", names.join(",")));
        }
        if !self.query.is_empty() {
            params.push(("q", encode(&self.query)));
        }
        match self.limit {
            Some(Limit::Top(n)) => params.push(("top", n.to_string())),
            Some(Limit::Bottom(n)) => params.push(("bottom", n.to_string())),
            None => {}
        }
        if self.lang != Lang::default() {
            params.push(("lang", self.lang.code().to_owned()));
        }
        if let Some(unit) = &self.unit {
            params.push(("unit", encode(unit)));
        }
        if self.embed {
            params.push(("embed", "1".to_owned()));
        }
        if self.theme != ColorScheme::Auto {
            params.push(("theme", self.theme.code().to_owned()));
        }
        if let Some(eid) = &self.eid {
            params.push(("eid", encode(eid)));
        }
        if self.view != View::Ranking {
            params.push(("view", self.view.code().to_owned()));
        }
        if !self.overrides.is_empty() {
            let entries: Vec<String> = self
                .overrides
                .iter()
                .map(|o| match &o.component {
                    Some(c) => format!("{}.{}:{}", o.unit, c, o.value),
                    None => format!("{}:{}", o.unit, o.value),
                })
                .collect();
            params.push(("set", encode(&entries.join(","))));
        }
        match &self.weights {
            WeightsParam::Official => {}
            WeightsParam::Equal => params.push(("w", "equal".to_owned())),
            WeightsParam::Emphasis(c) => params.push(("w", encode(&format!("emph-{c}")))),
            WeightsParam::Custom(list) => {
                let entries: Vec<String> = list.iter().map(|(c, p)| format!("{c}:{p}")).collect();
                params.push(("w", encode(&entries.join(","))));
            }
        }
        if self.spread != DEFAULT_SPREAD {
            params.push(("spread", self.spread.to_string()));
        }
        if self.k != DEFAULT_K {
            params.push(("k", self.k.to_string()));
        }
        if let Some(from) = self.from {
            params.push(("from", from.to_string()));
        }
        if params.is_empty() {
            return String::new();
        }
        let mut out = format!("v={URL_VERSION}");
        for (name, value) in params {
            out.push('&');
            out.push_str(name);
            out.push('=');
            out.push_str(&value);
        }
        out
    }

    /// The same view in the full explorer, for the embed's "open in full" link: without
    /// `embed` and `eid`; language and colour scheme are kept, since the reader chose them (or
    /// the host site chose them for the reader).
    pub fn full_view(&self) -> ViewState {
        ViewState { embed: false, eid: None, ..self.clone() }
    }

    /// The table filter this state asks for (kinds, search text and limit).
    pub fn filter(&self) -> Filter {
        Filter { kinds: self.kinds.clone(), query: self.query.clone(), limit: self.limit }
    }
}

/// Read a query string (with or without the leading `?`) into a state, leniently: every
/// parameter that is unusable falls back to its default and yields a warning (see the module
/// doc). Never panics. Warnings come in the order of the module table, then warnings about
/// unknown or undecodable parameter names in the order they appear.
pub fn from_query(query: &str) -> (ViewState, Vec<ParamWarning>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split_once('#').map_or(query, |(before, _)| before);

    let mut raw = RawParams::default();
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
        let slot = match name.as_str() {
            "v" => &mut raw.v,
            "ds" => &mut raw.ds,
            "year" => &mut raw.year,
            "group" => &mut raw.group,
            "kind" => &mut raw.kind,
            "q" => &mut raw.q,
            "top" => &mut raw.top,
            "bottom" => &mut raw.bottom,
            "lang" => &mut raw.lang,
            "unit" => &mut raw.unit,
            "embed" => &mut raw.embed,
            "theme" => &mut raw.theme,
            "eid" => &mut raw.eid,
            "view" => &mut raw.view,
            "set" => &mut raw.set,
            "w" => &mut raw.w,
            "spread" => &mut raw.spread,
            "k" => &mut raw.k,
            "from" => &mut raw.from,
            other if is_tracking_param(other) => continue,
            _ => {
                name_warnings.push(ParamWarning {
                    param: for_display(raw_name),
                    raw: for_display(raw_value),
                    reason: ParamProblem::UnknownParam,
                });
                continue;
            }
        };
        *slot = Some(raw_value);
    }

    let mut state = ViewState::default();
    let mut reader = Reader::default();
    // `v` only warns: a newer link is still read as far as version 1 understands it.
    let _version: Option<u32> = reader.read("v", raw.v, parse_version);
    if let Some(dataset) = reader.read("ds", raw.ds, parse_id) {
        state.dataset = dataset;
    }
    state.year = reader.read("year", raw.year, parse_year);
    state.group = reader.read("group", raw.group, parse_id);
    if let Some((kinds, unknown)) = reader.read("kind", raw.kind, |value| Ok(parse_kinds(value))) {
        // A list: unknown entries are dropped one by one and the known ones kept.
        state.kinds = kinds;
        for entry in unknown {
            reader.warn("kind", &entry, ParamProblem::UnknownKind);
        }
    }
    if let Some(query) = reader.read("q", raw.q, |value| Ok(value.to_owned())) {
        state.query = query;
    }
    let top = reader.read("top", raw.top, parse_limit);
    let bottom = match (top, parse_value(raw.bottom, parse_limit)) {
        (Some(_), Parsed::Valid(_)) => Parsed::Invalid(ParamProblem::ConflictsWithTop),
        (_, parsed) => parsed,
    };
    let bottom = reader.take("bottom", raw.bottom, bottom);
    state.limit = top.map(Limit::Top).or(bottom.map(Limit::Bottom));
    if let Some(lang) = reader.read("lang", raw.lang, parse_lang) {
        state.lang = lang;
    }
    state.unit = reader.read("unit", raw.unit, parse_id);
    if let Some(embed) = reader.read("embed", raw.embed, parse_switch) {
        state.embed = embed;
    }
    if let Some(theme) = reader.read("theme", raw.theme, parse_color_scheme) {
        state.theme = theme;
    }
    state.eid = reader.read("eid", raw.eid, parse_id);
    if let Some(view) = reader.read("view", raw.view, |v| View::from_code(v).ok_or(ParamProblem::UnknownView)) {
        state.view = view;
    }
    let set = parse_value_max(raw.set, MAX_LIST_CHARS, |v| Ok(parse_overrides(v)));
    if let Some((overrides, bad, too_many)) = reader.take("set", raw.set, set) {
        state.overrides = overrides;
        for entry in bad {
            reader.warn("set", &entry, ParamProblem::BadOverride);
        }
        if too_many {
            reader.warn("set", "…", ParamProblem::TooManyOverrides { max: MAX_OVERRIDES });
        }
    }
    if let Some(weights) = reader.take("w", raw.w, parse_value_max(raw.w, MAX_LIST_CHARS, parse_weights)) {
        state.weights = weights;
    }
    if let Some(spread) =
        reader.read("spread", raw.spread, |v| parse_int(v, 0, 100).map(|n| u32::try_from(n).unwrap_or(DEFAULT_SPREAD)))
    {
        state.spread = spread;
    }
    if let Some(k) = reader.read("k", raw.k, parse_limit) {
        state.k = k;
    }
    state.from = reader.read("from", raw.from, parse_year);

    let mut warnings = reader.warnings;
    warnings.extend(name_warnings);
    (state, warnings)
}

/// Collects the warnings while the known parameters are read, in the order they are read.
#[derive(Default)]
struct Reader {
    warnings: Vec<ParamWarning>,
}

impl Reader {
    /// Parse the raw value of `param` (see [`parse_value`]); `None` when it is missing or invalid,
    /// with a warning for the invalid case.
    fn read<T>(
        &mut self,
        param: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, ParamProblem>,
    ) -> Option<T> {
        self.take(param, raw, parse_value(raw, parse))
    }

    /// The value of an already parsed parameter, recording a warning when it is invalid.
    fn take<T>(&mut self, param: &str, raw: Option<&str>, parsed: Parsed<T>) -> Option<T> {
        match parsed {
            Parsed::Valid(value) => Some(value),
            Parsed::Invalid(reason) => {
                self.warnings.push(ParamWarning {
                    param: param.to_owned(),
                    raw: for_display(raw.unwrap_or("")),
                    reason,
                });
                None
            }
            Parsed::Missing => None,
        }
    }

    /// Record a warning about an already decoded `value` of `param`.
    fn warn(&mut self, param: &str, value: &str, reason: ParamProblem) {
        self.warnings.push(ParamWarning { param: param.to_owned(), raw: shorten_for_display(value), reason });
    }
}

/// Decode and check what every value shares (encoding, control characters, length), then hand
/// the text to `parse`.
fn parse_value<T>(raw: Option<&str>, parse: impl FnOnce(&str) -> Result<T, ParamProblem>) -> Parsed<T> {
    parse_value_max(raw, MAX_VALUE_CHARS, parse)
}

/// [`parse_value`] with another length limit (the lists `set` and `w` may be longer).
fn parse_value_max<T>(
    raw: Option<&str>,
    max_chars: usize,
    parse: impl FnOnce(&str) -> Result<T, ParamProblem>,
) -> Parsed<T> {
    let Some(raw) = raw.filter(|raw| !raw.is_empty()) else {
        return Parsed::Missing;
    };
    let checked = decode(raw).and_then(|value| {
        if value.chars().any(char::is_control) {
            Err(ParamProblem::ControlCharacter)
        } else if value.chars().count() > max_chars {
            Err(ParamProblem::TooLong { max_chars })
        } else {
            parse(&value)
        }
    });
    match checked {
        Ok(value) => Parsed::Valid(value),
        Err(problem) => Parsed::Invalid(problem),
    }
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

fn parse_lang(value: &str) -> Result<Lang, ParamProblem> {
    Lang::from_code(value).ok_or(ParamProblem::UnknownLanguage)
}

fn parse_switch(value: &str) -> Result<bool, ParamProblem> {
    match value {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(ParamProblem::NotASwitch),
    }
}

fn parse_color_scheme(value: &str) -> Result<ColorScheme, ParamProblem> {
    ColorScheme::from_code(value).ok_or(ParamProblem::UnknownColorScheme)
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
        match kind_from_name(entry) {
            Some(kind) => kinds.push(kind),
            None => unknown.push(entry.to_owned()),
        }
    }
    kinds.sort_unstable();
    kinds.dedup();
    (kinds, unknown)
}

/// The snake_case name of a kind, exactly as the dataset schema spells it. Going through serde
/// keeps the URL and the file format from drifting apart when a kind is added.
fn kind_name(kind: UnitKind) -> Option<String> {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(name)) => Some(name),
        // A unit-only enum always serializes to a string; nothing else can happen.
        _ => None,
    }
}

/// The kind with this snake_case name (see [`kind_name`]).
fn kind_from_name(name: &str) -> Option<UnitKind> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// Parameters that apps append to shared links (Zalo adds `zarsrc` and `utm_*`, Facebook
/// `fbclid`, Google Ads `gclid`); ignored without a warning.
fn is_tracking_param(name: &str) -> bool {
    name.starts_with("utm_") || matches!(name, "fbclid" | "gclid" | "zarsrc")
}

/// Percent-encode `value` as UTF-8 for a query string: `A-Z a-z 0-9 - . _ ~` stay, a space
/// becomes `+`, every other byte becomes `%XX` (upper-case hex).
fn encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                for nibble in [byte >> 4, byte & 0x0F] {
                    out.push(HEX.get(usize::from(nibble)).map_or('0', |&hex| char::from(hex)));
                }
            }
        }
    }
    out
}

/// The bytes `raw` stands for (`+` is a space, `%XX` a byte) and whether every `%` was followed
/// by two hex digits; a bad escape is kept as written.
fn decode_bytes(raw: &str) -> (Vec<u8>, bool) {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut well_formed = true;
    let mut rest = raw.as_bytes().iter().copied();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let mut lookahead = rest.clone();
                let high = lookahead.next().and_then(hex_value);
                let low = lookahead.next().and_then(hex_value);
                match (high, low) {
                    (Some(high), Some(low)) => {
                        bytes.push((high << 4) | low);
                        rest = lookahead;
                    }
                    _ => {
                        well_formed = false;
                        bytes.push(b'%');
                    }
                }
            }
            other => bytes.push(other),
        }
    }
    (bytes, well_formed)
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|digit| u8::try_from(digit).ok())
}

/// Strict decoding of a name or value: bad escapes and non-UTF-8 bytes are errors.
fn decode(raw: &str) -> Result<String, ParamProblem> {
    let (bytes, well_formed) = decode_bytes(raw);
    if !well_formed {
        return Err(ParamProblem::BadPercentEncoding);
    }
    String::from_utf8(bytes).map_err(|_| ParamProblem::NotUtf8)
}

/// `raw` made safe to show: decoded as far as possible, then [`shorten_for_display`].
fn for_display(raw: &str) -> String {
    let (bytes, _) = decode_bytes(raw);
    shorten_for_display(&String::from_utf8_lossy(&bytes))
}

/// `text` with control characters replaced by U+FFFD and cut to 80 characters plus "…".
fn shorten_for_display(text: &str) -> String {
    let mut shown: String = text
        .chars()
        .take(MAX_RAW_DISPLAY_CHARS)
        .map(|c| if c.is_control() { char::REPLACEMENT_CHARACTER } else { c })
        .collect();
    if text.chars().nth(MAX_RAW_DISPLAY_CHARS).is_some() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ParamProblem::*;

    /// Every kind, in declaration (= `Ord`) order. The match below stops compiling when a kind
    /// is added, so this list cannot fall behind the schema.
    const ALL_KINDS: [UnitKind; 10] = [
        UnitKind::So,
        UnitKind::CoQuanTuongDuongSo,
        UnitKind::Quan,
        UnitKind::Huyen,
        UnitKind::ThiXa,
        UnitKind::Tinh,
        UnitKind::ThanhPhoTrucThuocTw,
        UnitKind::Bo,
        UnitKind::CoQuanTrungUong,
        UnitKind::Khac,
    ];

    fn all_kinds_is_exhaustive(kind: UnitKind) {
        use UnitKind::*;
        match kind {
            So | CoQuanTuongDuongSo | Quan | Huyen | ThiXa | Tinh | ThanhPhoTrucThuocTw | Bo | CoQuanTrungUong
            | Khac => {}
        }
    }

    fn warning(param: &str, raw: &str, reason: ParamProblem) -> ParamWarning {
        ParamWarning { param: param.to_owned(), raw: raw.to_owned(), reason }
    }

    /// Read `query`; expect `expected` and exactly `expected_warnings`.
    fn check(query: &str, expected: ViewState, expected_warnings: &[ParamWarning]) {
        let (state, warnings) = from_query(query);
        assert_eq!(state, expected, "state of {query:?}");
        assert_eq!(warnings, expected_warnings, "warnings of {query:?}");
    }

    /// Write `state`; expect `expected`, then read it back to the same state without warnings.
    fn check_write(state: ViewState, expected: &str) {
        assert_eq!(state.to_query(), expected, "{state:?}");
        check(expected, state, &[]);
    }

    fn with(change: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut state = ViewState::default();
        change(&mut state);
        state
    }

    #[test]
    fn scenario_params_round_trip() {
        check_write(with(|s| s.view = View::WhatIf), "v=1&view=whatif");
        check_write(
            with(|s| {
                s.view = View::WhatIf;
                s.overrides = vec![
                    OverrideParam { unit: "quang-ninh".into(), component: Some("land_access".into()), value: 8.5 },
                    OverrideParam { unit: "thanh-tra-thanh-pho".into(), component: None, value: 85.0 },
                ];
            }),
            "v=1&view=whatif&set=quang-ninh.land_access%3A8.5%2Cthanh-tra-thanh-pho%3A85",
        );
        check_write(with(|s| s.weights = WeightsParam::Equal), "v=1&w=equal");
        check_write(with(|s| s.weights = WeightsParam::Emphasis("land_access".into())), "v=1&w=emph-land_access");
        check_write(
            with(|s| s.weights = WeightsParam::Custom(vec![("a".into(), 60.0), ("b".into(), 40.0)])),
            "v=1&w=a%3A60%2Cb%3A40",
        );
        check_write(
            with(|s| {
                s.spread = 0;
                s.k = 5;
                s.from = Some(2013);
            }),
            "v=1&spread=0&k=5&from=2013",
        );
    }

    #[test]
    fn scenario_params_fall_back_with_warnings() {
        check("view=map", ViewState::default(), &[warning("view", "map", UnknownView)]);
        // Good entries are kept, bad ones dropped one by one; the last write of a pair wins.
        check(
            "set=a:1,b:x,BAD:2,a:3,c.d:NaN",
            with(|s| s.overrides = vec![OverrideParam { unit: "a".into(), component: None, value: 3.0 }]),
            &[
                warning("set", "b:x", BadOverride),
                warning("set", "BAD:2", BadOverride),
                warning("set", "c.d:NaN", BadOverride),
            ],
        );
        check("w=a:-1", ViewState::default(), &[warning("w", "a:-1", BadWeights)]);
        check("w=a:0,b:0", ViewState::default(), &[warning("w", "a:0,b:0", BadWeights)]);
        check("w=emph-", ViewState::default(), &[warning("w", "emph-", BadWeights)]);
        check("spread=101", ViewState::default(), &[warning("spread", "101", OutOfRange { min: 0, max: 100 })]);
        check("k=0", ViewState::default(), &[warning("k", "0", OutOfRange { min: 1, max: 10000 })]);
        check("from=x", ViewState::default(), &[warning("from", "x", NotANumber)]);
    }

    #[test]
    fn writes_only_what_differs() {
        check_write(ViewState::default(), "");
        check_write(with(|s| s.lang = Lang::En), "v=1&lang=en");
        check_write(with(|s| s.year = Some(2023)), "v=1&year=2023");
        check_write(with(|s| s.limit = Some(Limit::Bottom(5))), "v=1&bottom=5");
        check_write(with(|s| s.query = "dong da".into()), "v=1&q=dong+da");
        check_write(with(|s| s.query = "a+b&c=d%".into()), "v=1&q=a%2Bb%26c%3Dd%25");
        check_write(
            ViewState {
                dataset: "hcm-par".into(),
                year: Some(2023),
                group: Some("districts".into()),
                kinds: vec![UnitKind::Quan, UnitKind::Huyen],
                query: "Đống Đa".into(),
                limit: Some(Limit::Top(10)),
                lang: Lang::En,
                unit: Some("dong-da".into()),
                embed: true,
                theme: ColorScheme::Dark,
                eid: Some("chiso-1".into()),
                ..ViewState::default()
            },
            "v=1&ds=hcm-par&year=2023&group=districts&kind=quan,huyen&q=%C4%90%E1%BB%91ng+%C4%90a&top=10&lang=en&unit=dong-da&embed=1&theme=dark&eid=chiso-1",
        );
    }

    #[test]
    fn default_dataset_and_kind_order_do_not_change_the_link() {
        assert_eq!(with(|s| s.dataset = DEFAULT_DATASET.into()).to_query(), "");
        let shuffled = with(|s| s.kinds = vec![UnitKind::ThiXa, UnitKind::So, UnitKind::ThiXa]);
        assert_eq!(shuffled.to_query(), "v=1&kind=so,thi_xa");
        let mut names: Vec<String> = ALL_KINDS.into_iter().filter_map(kind_name).collect();
        assert_eq!(names.len(), ALL_KINDS.len());
        names.dedup();
        assert_eq!(names.len(), ALL_KINDS.len(), "kind names are distinct");
        for kind in ALL_KINDS {
            all_kinds_is_exhaustive(kind);
            assert_eq!(kind_name(kind).as_deref().and_then(kind_from_name), Some(kind));
        }
    }

    #[test]
    fn reads_leniently() {
        let year = |y| with(|s| s.year = Some(y));
        check("?year=2023", year(2023), &[]);
        check("year=2023", year(2023), &[]);
        check("&&year=2023&#unit=x", year(2023), &[]);
        check("year=2022&year=2023", year(2023), &[]);
        check("year=abc&year=2023", year(2023), &[]);
        check("year=2023&year=abc", ViewState::default(), &[warning("year", "abc", NotANumber)]);
        check("year&q=", ViewState::default(), &[]);
        check("?", ViewState::default(), &[]);
        check("", ViewState::default(), &[]);
        check("q=dong+da", with(|s| s.query = "dong da".into()), &[]);
        check("q=%C4%90%E1%BB%91ng%20%C4%90a", with(|s| s.query = "Đống Đa".into()), &[]);
        check("q=a%2Bb", with(|s| s.query = "a+b".into()), &[]);
        check("%79ear=2023", year(2023), &[]);
        check("lang=en&unit=dong_da", with(|s| (s.lang, s.unit) = (Lang::En, Some("dong_da".into()))), &[]);
        check("v=1&ds=hanoi-cchc", ViewState::default(), &[]);
        check(
            "utm_source=zalo&utm_medium=zalo&zarsrc=30&fbclid=abc&gclid=x&top=3",
            with(|s| s.limit = Some(Limit::Top(3))),
            &[],
        );
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let year_range = OutOfRange { min: 1900, max: 2100 };
        let limit_range = OutOfRange { min: 1, max: 10_000 };
        let unsupported = UnsupportedVersion { supported: 1 };
        let cases: Vec<(&str, &str, &str, ParamProblem)> = vec![
            ("year=abc", "year", "abc", NotANumber),
            ("year=2023.5", "year", "2023.5", NotANumber),
            ("year=1899", "year", "1899", year_range.clone()),
            ("year=2101", "year", "2101", year_range.clone()),
            ("year=-2023", "year", "-2023", year_range.clone()),
            ("year=99999999999999999999", "year", "99999999999999999999", year_range),
            ("top=0", "top", "0", limit_range.clone()),
            ("top=10001", "top", "10001", limit_range.clone()),
            ("bottom=-1", "bottom", "-1", limit_range),
            ("top=ten", "top", "ten", NotANumber),
            ("lang=fr", "lang", "fr", UnknownLanguage),
            ("lang=EN", "lang", "EN", UnknownLanguage),
            ("v=2", "v", "2", unsupported.clone()),
            ("v=0", "v", "0", unsupported.clone()),
            ("v=99999999999999999999", "v", "99999999999999999999", unsupported),
            ("v=one", "v", "one", NotANumber),
            ("ds=Hanoi", "ds", "Hanoi", BadId),
            ("group=-blocks", "group", "-blocks", BadId),
            ("unit=%C4%91ong-da", "unit", "đong-da", BadId),
            ("unit=dong+da", "unit", "dong da", BadId),
            ("q=%G1", "q", "%G1", BadPercentEncoding),
            ("q=abc%", "q", "abc%", BadPercentEncoding),
            ("q=%4", "q", "%4", BadPercentEncoding),
            ("q=%FF%FE", "q", "\u{FFFD}\u{FFFD}", NotUtf8),
            ("q=%E1%BB", "q", "\u{FFFD}", NotUtf8),
            ("q=a%00b", "q", "a\u{FFFD}b", ControlCharacter),
            ("q=line%0Abreak", "q", "line\u{FFFD}break", ControlCharacter),
            ("kind=quan%09", "kind", "quan\u{FFFD}", ControlCharacter),
        ];
        for (query, param, raw, reason) in cases {
            check(query, ViewState::default(), &[warning(param, raw, reason)]);
        }
    }

    #[test]
    fn ids_are_checked_by_shape() {
        let id_64 = "a".repeat(64);
        let id_65 = "a".repeat(65);
        check(&format!("unit={id_64}"), with(|s| s.unit = Some(id_64.clone())), &[]);
        check(&format!("unit={id_65}"), ViewState::default(), &[warning("unit", &id_65, BadId)]);
        check("ds=0-9_x", with(|s| s.dataset = "0-9_x".into()), &[]);
        check("ds=_x", ViewState::default(), &[warning("ds", "_x", BadId)]);
    }

    #[test]
    fn search_text_is_limited_to_200_characters() {
        let ascii_200 = "a".repeat(200);
        check(&format!("q={ascii_200}"), with(|s| s.query = ascii_200.clone()), &[]);
        // 200 Vietnamese letters are 1800 bytes once percent-encoded: the limit is on characters.
        let o_200 = "ố".repeat(200);
        check(&format!("q={}", "%E1%BB%91".repeat(200)), with(|s| s.query = o_200.clone()), &[]);
        let shown = format!("{}…", "a".repeat(80));
        check(
            &format!("q={}", "a".repeat(201)),
            ViewState::default(),
            &[warning("q", &shown, TooLong { max_chars: 200 })],
        );
    }

    #[test]
    fn hostile_text_is_kept_as_text() {
        // The engine only reads it; the UI shows it as text, never as markup.
        let script = "<script>alert(1)</script>";
        check("q=<script>alert(1)</script>", with(|s| s.query = script.into()), &[]);
        check("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", with(|s| s.query = script.into()), &[]);
    }

    #[test]
    fn kinds_keep_the_known_entries() {
        check(
            "kind=huyen,quan,huyen,,thi_xa",
            with(|s| s.kinds = vec![UnitKind::Quan, UnitKind::Huyen, UnitKind::ThiXa]),
            &[],
        );
        check(
            "kind=quan,xyz,Huyen",
            with(|s| s.kinds = vec![UnitKind::Quan]),
            &[warning("kind", "xyz", UnknownKind), warning("kind", "Huyen", UnknownKind)],
        );
        check("kind=xyz", ViewState::default(), &[warning("kind", "xyz", UnknownKind)]);
        // An entry is shown decoded once, not twice.
        check("kind=a%2525", ViewState::default(), &[warning("kind", "a%25", UnknownKind)]);
        check("kind=quan%2Chuyen", with(|s| s.kinds = vec![UnitKind::Quan, UnitKind::Huyen]), &[]);
    }

    #[test]
    fn top_wins_over_bottom() {
        let top_3 = with(|s| s.limit = Some(Limit::Top(3)));
        check("bottom=5&top=3", top_3.clone(), &[warning("bottom", "5", ConflictsWithTop)]);
        check("top=3&bottom=0", top_3, &[warning("bottom", "0", OutOfRange { min: 1, max: 10_000 })]);
        check("top=abc&bottom=5", with(|s| s.limit = Some(Limit::Bottom(5))), &[warning("top", "abc", NotANumber)]);
    }

    #[test]
    fn unknown_and_undecodable_names_are_reported_last() {
        check(
            "foo=bar&year=abc&%FF%FE=1&x%G=2&lang=en",
            with(|s| s.lang = Lang::En),
            &[
                warning("year", "abc", NotANumber),
                warning("foo", "bar", UnknownParam),
                warning("\u{FFFD}\u{FFFD}", "1", NotUtf8),
                warning("x%G", "2", BadPercentEncoding),
            ],
        );
    }

    #[test]
    fn filter_mirrors_the_state() {
        let state = with(|s| (s.kinds, s.query, s.limit) = (vec![UnitKind::So], "so".into(), Some(Limit::Top(5))));
        assert_eq!(
            state.filter(),
            Filter { kinds: vec![UnitKind::So], query: "so".into(), limit: Some(Limit::Top(5)) }
        );
    }

    #[test]
    fn embed_theme_and_eid() {
        let embed = |eid: Option<&str>| {
            with(|s| {
                s.embed = true;
                s.eid = eid.map(str::to_owned);
            })
        };
        check_write(embed(None), "v=1&embed=1");
        check_write(embed(Some("chiso-2")), "v=1&embed=1&eid=chiso-2");
        check_write(with(|s| s.theme = ColorScheme::Dark), "v=1&theme=dark");
        check_write(with(|s| s.theme = ColorScheme::Light), "v=1&theme=light");
        // `auto` is the default: accepted when read, never written.
        check("theme=auto", ViewState::default(), &[]);
        check("embed=0", ViewState::default(), &[]);
        check("embed=1&embed=0", ViewState::default(), &[]);
        check("eid=a-1&year=2023", with(|s| (s.eid, s.year) = (Some("a-1".into()), Some(2023))), &[]);
        let cases: Vec<(&str, &str, &str, ParamProblem)> = vec![
            ("embed=true", "embed", "true", NotASwitch),
            ("embed=yes", "embed", "yes", NotASwitch),
            ("embed=01", "embed", "01", NotASwitch),
            ("theme=Dark", "theme", "Dark", UnknownColorScheme),
            ("theme=sepia", "theme", "sepia", UnknownColorScheme),
            ("eid=Chiso", "eid", "Chiso", BadId),
            ("eid=%3Cx%3E", "eid", "<x>", BadId),
        ];
        for (query, param, raw, reason) in cases {
            check(query, ViewState::default(), &[warning(param, raw, reason)]);
        }
        for scheme in ColorScheme::ALL {
            assert_eq!(ColorScheme::from_code(scheme.code()), Some(scheme));
        }
    }

    #[test]
    fn full_view_drops_only_the_embed_params() {
        let embedded = with(|s| {
            s.embed = true;
            s.eid = Some("x".into());
            s.theme = ColorScheme::Dark;
            s.lang = Lang::En;
            s.year = Some(2022);
        });
        assert_eq!(embedded.full_view().to_query(), "v=1&year=2022&lang=en&theme=dark");
    }

    #[test]
    fn warnings_read_as_sentences() {
        let text = warning("year", "abc", NotANumber).to_string();
        assert_eq!(text, "URL parameter `year=abc`: not a whole number");
    }

    const ID: &str = "[a-z0-9][a-z0-9_-]{0,63}";

    /// A state that `from_query` accepts as it is: valid ids and numbers, kinds sorted and
    /// distinct, search text without control characters.
    fn valid_state() -> impl Strategy<Value = ViewState> {
        // Every char outside the control ranges U+0000..=U+001F and U+007F..=U+009F, with
        // URL-special characters and Vietnamese letters made likely.
        let text_char = prop_oneof![
            prop::char::range(' ', '~'),
            prop::char::range('\u{A0}', '\u{D7FF}'),
            prop::char::range('\u{E000}', '\u{10FFFF}'),
            prop::sample::select(" +%&=#?,Đđống Hòa Hoà Ứ".chars().collect::<Vec<_>>()),
        ];
        let query = prop::collection::vec(text_char, 0..=200).prop_map(|chars| chars.into_iter().collect::<String>());
        let limit = prop::option::of(prop_oneof![
            (1..=MAX_LIMIT).prop_map(Limit::Top),
            (1..=MAX_LIMIT).prop_map(Limit::Bottom),
        ]);
        (
            ID,
            prop::option::of(MIN_YEAR..=MAX_YEAR),
            prop::option::of(ID),
            prop::sample::subsequence(ALL_KINDS.to_vec(), 0..=ALL_KINDS.len()),
            query,
            limit,
            prop::sample::select(Lang::ALL.to_vec()),
            prop::option::of(ID),
            (any::<bool>(), prop::sample::select(ColorScheme::ALL.to_vec()), prop::option::of(ID)),
            scenario_params(),
        )
            .prop_map(
                |(dataset, year, group, kinds, query, limit, lang, unit, (embed, theme, eid), scenario)| {
                    let (view, overrides, weights, spread, k, from) = scenario;
                    ViewState {
                        view,
                        overrides,
                        weights,
                        spread,
                        k,
                        from,
                        dataset,
                        year,
                        group,
                        kinds,
                        query,
                        limit,
                        lang,
                        unit,
                        embed,
                        theme,
                        eid,
                    }
                },
            )
    }

    /// The what-if, sensitivity and comparison parameters, always valid.
    #[allow(clippy::type_complexity)]
    fn scenario_params() -> impl Strategy<Value = (View, Vec<OverrideParam>, WeightsParam, u32, u32, Option<i32>)> {
        let value = prop_oneof![(-1000i32..=1000).prop_map(f64::from), (-1.0e6f64..1.0e6f64)];
        let overrides = prop::collection::btree_map((ID, prop::option::of(ID)), value.clone(), 0..=MAX_OVERRIDES)
            .prop_map(|m| {
                m.into_iter()
                    .map(|((unit, component), value)| OverrideParam { unit, component, value })
                    .collect::<Vec<_>>()
            });
        let weights = prop_oneof![
            Just(WeightsParam::Official),
            Just(WeightsParam::Equal),
            ID.prop_map(WeightsParam::Emphasis),
            prop::collection::btree_map(ID, 0.5f64..100.0, 1..=10)
                .prop_map(|m| WeightsParam::Custom(m.into_iter().collect())),
        ];
        (
            prop::sample::select(View::ALL.to_vec()),
            overrides,
            weights,
            0u32..=100,
            1..=MAX_LIMIT,
            prop::option::of(MIN_YEAR..=MAX_YEAR),
        )
    }

    /// Query strings built from the real parameter names and nasty values.
    fn query_like() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "v", "ds", "year", "group", "kind", "q", "top", "bottom", "lang", "unit", "embed", "theme", "eid", "view",
            "set", "w", "spread", "k", "from", "x", "",
        ]);
        let value = prop_oneof![
            "[-0-9]{0,25}",
            "[%0-9A-Fa-fG+,]{0,12}",
            any::<String>(),
            prop::sample::select(vec![
                "quan,huyen",
                "vi",
                "en",
                "light",
                "dark",
                "auto",
                "0",
                "1",
                "2023",
                "%",
                "%%",
                "=",
                "#"
            ])
            .prop_map(str::to_owned),
        ];
        prop::collection::vec((name, value), 0..8).prop_map(|pairs| {
            pairs.into_iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("&")
        })
    }

    proptest! {
        #[test]
        fn valid_states_round_trip(state in valid_state()) {
            let query = state.to_query();
            prop_assert!(query.is_ascii(), "{}", query);
            let (read, warnings) = from_query(&query);
            prop_assert_eq!(&read, &state);
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
            prop_assert_eq!(read.to_query(), query);
        }

        #[test]
        fn any_string_reads_without_panic(query in any::<String>()) {
            let (state, _warnings) = from_query(&query);
            // Whatever was read is itself a valid state: writing and reading it again is stable.
            let (again, warnings) = from_query(&state.to_query());
            prop_assert_eq!(again, state);
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
        }

        #[test]
        fn query_like_strings_read_without_panic(query in query_like()) {
            let (state, warnings) = from_query(&query);
            let (again, warnings_again) = from_query(&state.to_query());
            prop_assert_eq!(again, state);
            prop_assert!(warnings_again.is_empty(), "{:?} (first read: {:?})", warnings_again, warnings);
        }
    }
}
