//! `ViewState`: everything a reader can change, the changes the page makes to it, and its round
//! trip through the URL query string.
//!
//! The URL carries only what differs from the defaults, so shared links stay short and old links
//! keep working. Reading is lenient, like ripgrep reads flags: every parameter is `Valid`,
//! `Invalid` (falls back to its default and yields a [`ParamWarning`]) or `Missing`; a hostile
//! or garbled link never panics and never stops the page from drawing.
//!
//! Every parameter is declared once, in [`params::PARAMS`] (name, meaning, value, default, how
//! it is read and written); the table below is generated from it, and a test keeps this file's
//! copy (`PARAMS.md`) and the README's equal to it.
//!
#![doc = include_str!("PARAMS.md")]
//!
//! `embed`, `theme` and `eid` describe how the page is shown rather than what it shows: a news
//! site's iframe sets them (`theme` lets the host's own dark-mode toggle drive ours; `eid` lets the
//! host's loader script tell its iframes apart), and the "open in full" link drops `embed` and
//! `eid` ([`ViewState::full_view`]). `data` names a dataset file of the same site instead of a
//! built-in one (for data desks and tests): a relative path of `A-Z a-z 0-9 - _ . /` ending in
//! `.json`, without a leading `/` or `..` ([`datasets::is_allowed_data_path`]). A `data` the page
//! may not fetch is not replaced by the default dataset: the page shows that it refused it
//! ([`refused_data`]).
//!
//! Writing ([`ViewState::to_query`]): parameters appear in the order of the table, `v=1` first
//! and only when some other parameter is written, so the all-default state is the empty string.
//! Values are percent-encoded as UTF-8, with a space written `+` (and `/` kept in `data`);
//! `kind` is written sorted and without duplicates, so the same view always gives the same link.
//!
//! Reading ([`from_query`]): a leading `?` and anything from `#` on are ignored; pairs are split
//! on `&`, empty pairs skipped; when a parameter repeats the last one wins (earlier ones are not
//! looked at). A parameter with an empty value (`q=` or a bare `q`) counts as missing. Every value
//! is percent-decoded (`+` is a space), must be UTF-8 without control characters and at most
//! [`MAX_VALUE_CHARS`] characters ([`MAX_LIST_CHARS`] for `set` and `w`), then is checked as the
//! table says. Ids (`ds`, `group`, `unit`, `eid`) must match `[a-z0-9][a-z0-9_-]{0,63}`; whether
//! they exist in the dataset is for the resolver to check. In `kind` and `set`, unusable entries
//! are dropped one by one (each with a warning) and the others kept. When both `top` and `bottom`
//! are valid, `top` wins and `bottom` gets a warning. A `v` newer than [`URL_VERSION`] gets a
//! warning and the rest is read as version 1 as far as it goes. Unknown parameters get a warning,
//! except the tracking parameters that messaging apps and ad networks append to shared links
//! (`utm_*`, `fbclid`, `gclid`, `zarsrc`), which are ignored silently because the reader did
//! nothing wrong.
//!
//! Changing the state ([`ViewState::select_group`] and the other transitions): each thing the
//! page lets a reader do is one method here, so what a click drops along with it (a block's
//! what-if changes when the block changes, say) is a rule with a native test, not a closure in a
//! component.

mod codec;
pub mod params;
mod percent;
#[cfg(test)]
mod tests;

pub use crate::datasets::DEFAULT_DATASET;
pub use codec::from_query;
pub use params::{
    DEFAULT_K, DEFAULT_SPREAD, MAX_ID_CHARS, MAX_LIMIT, MAX_LIST_CHARS, MAX_OVERRIDES, MAX_SPREAD, MAX_VALUE_CHARS,
    MAX_YEAR, MIN_YEAR, URL_VERSION,
};

use crate::datasets;
use crate::filter::{Filter, Limit};
use crate::format::Lang;
use crate::schema::UnitKind;

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
    /// A dataset file of the same site to show instead of the built-in `dataset` (a path
    /// relative to the page, see [`datasets::is_allowed_data_path`]); `None` shows the built-in
    /// one. It stays for as long as the page is open: no change of the state drops it.
    pub data: Option<String>,
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
    /// The reader's own table: paste or choose a file, map its columns, then rank it
    /// (`ds=own`). Not a tab of the explorer: it needs no dataset loaded.
    Data,
}

impl View {
    /// Every view a link can name.
    pub const ALL: [View; 5] = [View::Ranking, View::WhatIf, View::Sensitivity, View::Compare, View::Data];

    /// The explorer's tabs, in menu order (every view but [`View::Data`]).
    pub const TABS: [View; 4] = [View::Ranking, View::WhatIf, View::Sensitivity, View::Compare];

    /// The URL spelling.
    pub fn code(self) -> &'static str {
        match self {
            View::Ranking => "ranking",
            View::WhatIf => "whatif",
            View::Sensitivity => "sensitivity",
            View::Compare => "compare",
            View::Data => "data",
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
            data: None,
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
    /// A `data` that is not a relative path to a `.json` file of the same site
    /// ([`datasets::is_allowed_data_path`]); nothing is fetched.
    #[error("not a relative path to a .json file on this site")]
    DataNotAllowed,
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

/// The `data` a link asked for and the page may not fetch, if any: the warning about it. The page
/// then shows that it refused the file instead of quietly showing the default dataset, since
/// the reader was sent to see that file.
pub fn refused_data(warnings: &[ParamWarning]) -> Option<&ParamWarning> {
    warnings.iter().find(|w| w.param == params::DATA)
}

/// True when going from `before` to `after` is a step a reader would want "back" to undo:
/// another dataset, view, block, year, unit, language or base year. Typing, sliders and filters
/// replace the current history entry instead, so "back" is not a keystroke-by-keystroke undo.
pub fn is_navigation(before: &ViewState, after: &ViewState) -> bool {
    before.dataset != after.dataset
        || before.view != after.view
        || before.group != after.group
        || before.year != after.year
        || before.unit != after.unit
        || before.lang != after.lang
        || before.from != after.from
}

impl ViewState {
    /// The query string for this state, without a leading `?`: only parameters that differ from
    /// the defaults, in the order of the module table, preceded by `v=1`; the empty string when
    /// everything is default. Values are written as given: a state that [`from_query`] would
    /// reject (an id with capitals, `top` 0) is written anyway and warned about when read back.
    pub fn to_query(&self) -> String {
        codec::to_query(self)
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

    /// The dataset file the page shows, relative to the page: the link's `data`, else the
    /// built-in dataset's file ([`datasets::builtin_path`]).
    pub fn data_file(&self) -> &str {
        self.data.as_deref().unwrap_or_else(|| datasets::builtin_path(&self.dataset))
    }

    // The transitions: one per thing the page lets a reader do.

    /// The dataset picker: another dataset starts from its own defaults (block, year, filters,
    /// unit, changes and weights belong to the dataset left behind, and so do the embed's
    /// `embed` and `eid`); the view, language, colour scheme and `data` stay.
    pub fn select_dataset(&mut self, id: &str) {
        *self = ViewState {
            dataset: id.to_owned(),
            view: self.view,
            lang: self.lang,
            theme: self.theme,
            data: self.data.take(),
            ..ViewState::default()
        };
    }

    /// "Rank this table" in the own-data view: the reader's table ([`datasets::OWN_DATASET`])
    /// from its own defaults, in the ranking view; language and colour scheme stay, and so do
    /// `embed` and `eid` (an embed of own data keeps being one).
    pub fn open_own(&mut self) {
        *self = ViewState {
            dataset: datasets::OWN_DATASET.to_owned(),
            lang: self.lang,
            theme: self.theme,
            embed: self.embed,
            eid: self.eid.take(),
            ..ViewState::default()
        };
    }

    /// True when the state shows the reader's own table.
    pub fn is_own(&self) -> bool {
        self.dataset == datasets::OWN_DATASET && self.data.is_none()
    }

    /// The view tabs (and the unit card's "what-if" button): everything else stays, so the
    /// reader looks at the same block and unit another way.
    pub fn select_view(&mut self, view: View) {
        self.view = view;
    }

    /// The block buttons: the kind filter, the selected unit, the what-if changes and the base
    /// year belong to the block left behind.
    pub fn select_group(&mut self, id: &str) {
        self.group = Some(id.to_owned());
        self.kinds.clear();
        self.unit = None;
        self.overrides.clear();
        self.from = None;
    }

    /// The year menu. `year` is the year picked (`None`: the latest); the latest of the block
    /// (`latest`) is kept implicit, so a shared link moves on to the next edition. The what-if
    /// changes were made on the year left behind and the base year may no longer be earlier, so
    /// both go.
    pub fn select_year(&mut self, year: Option<i32>, latest: Option<i32>) {
        self.year = year.filter(|y| Some(*y) != latest);
        self.overrides.clear();
        self.from = None;
    }

    /// The embed's year buttons: only the year changes (the latest kept implicit, as in
    /// [`ViewState::select_year`]); an embed's changes and base year stay as the snippet made them.
    pub fn show_year(&mut self, year: i32, latest: Option<i32>) {
        self.year = (Some(year) != latest).then_some(year);
    }

    /// The kind menu: one kind, or every kind (`None`).
    pub fn select_kind(&mut self, kind: Option<UnitKind>) {
        self.kinds = kind.into_iter().collect();
    }

    /// The top/bottom menu: a cut of the block, or the whole block (`None`).
    pub fn select_limit(&mut self, limit: Option<Limit>) {
        self.limit = limit;
    }

    /// The search box: the text as typed (the filter folds accents itself).
    pub fn search(&mut self, text: &str) {
        text.clone_into(&mut self.query);
    }

    /// The language switch.
    pub fn select_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The what-if panel's unit picker.
    pub fn select_unit(&mut self, id: &str) {
        self.unit = Some(id.to_owned());
    }

    /// A click on a unit's name in the ranking table: selects it, or unselects it when it was
    /// the selected one.
    pub fn toggle_unit(&mut self, id: &str) {
        self.unit = if self.unit.as_deref() == Some(id) { None } else { Some(id.to_owned()) };
    }

    /// The unit card's "close" button.
    pub fn close_unit(&mut self) {
        self.unit = None;
    }

    /// The robustness view's uncertainty box, held to `0..=`[`MAX_SPREAD`].
    pub fn set_spread(&mut self, spread: u32) {
        self.spread = spread.min(MAX_SPREAD);
    }

    /// The target rank boxes (robustness, "what it takes"), held to `1..=`[`MAX_LIMIT`].
    pub fn set_k(&mut self, k: u32) {
        self.k = k.clamp(1, MAX_LIMIT);
    }

    /// The comparison's base-year menu (`None`: the year before).
    pub fn set_from(&mut self, from: Option<i32>) {
        self.from = from;
    }

    /// The what-if weights (preset menu or sliders).
    pub fn set_weights(&mut self, weights: WeightsParam) {
        self.weights = weights;
    }

    /// The what-if "reset": every change and the weights back to the published state.
    pub fn reset_whatif(&mut self) {
        self.overrides.clear();
        self.weights = WeightsParam::Official;
    }
}
