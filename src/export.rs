//! Downloads of what a view shows: its table as CSV, its chart as SVG or PNG with the title, the
//! source line and the date burnt in, and the dataset as JSON. Each view registers, once, how to
//! take its snapshot ([`register`]); nothing is computed until the reader asks, so a what-if
//! slider pays nothing for it. Values a reader changed are marked *giả định* and values chiso
//! computed *tính*, in the CSV's note column and under the chart.

use std::sync::Arc;

use chiso_engine::format::Lang;
use chiso_engine::table::export::CsvCell;
use leptos::prelude::*;

use crate::charts::{rank_band::BandRow, ranking_bar::BarRow, ranking_bar::BarSpec, slope::SlopeRow};

/// A chart as a view draws it.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSnap {
    /// Horizontal bars (ranking, what-if).
    Bar(Vec<BarRow>, BarSpec),
    /// Rank bands (robustness).
    Band(Vec<BandRow>, u32),
    /// Ranks in two years (year on year).
    Slope(Vec<SlopeRow>, (i32, i32), u32),
}

/// What a view shows, for the downloads.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewExport {
    /// What the file name says after the dataset and year ("xep-hang", "gia-dinh", …).
    pub what: &'static str,
    /// Column headings.
    pub header: Vec<String>,
    /// Rows as shown.
    pub rows: Vec<Vec<CsvCell>>,
    /// The chart, when the view draws one.
    pub chart: Option<ChartSnap>,
    /// A line under the chart's title (the view, and "giả định" when values were changed).
    pub subtitle: String,
    /// True when some value shown is a reader's assumption.
    pub has_assumed: bool,
    /// True when some value shown was computed by chiso.
    pub has_computed: bool,
}

type Snapshot = Arc<dyn Fn(Lang) -> Option<ViewExport> + Send + Sync>;

/// The current view's snapshot taker (a context of the explorer).
#[derive(Clone, Copy)]
pub struct Exports(StoredValue<Option<Snapshot>>);

/// Provide the slot (the explorer does, once).
pub fn provide() -> Exports {
    let e = Exports(StoredValue::new(None));
    provide_context(e);
    e
}

/// Register the mounted view's snapshot; it is dropped when the view unmounts.
pub fn register(f: impl Fn(Lang) -> Option<ViewExport> + Send + Sync + 'static) {
    let Some(exports) = use_context::<Exports>() else { return };
    let snap: Snapshot = Arc::new(f);
    let mine = snap.clone();
    exports.0.set_value(Some(snap));
    on_cleanup(move || {
        // Only if no other view has registered since.
        let still_mine = exports.0.with_value(|s| s.as_ref().is_some_and(|s| Arc::ptr_eq(s, &mine)));
        if still_mine {
            exports.0.set_value(None);
        }
    });
}

impl Exports {
    /// The current view's snapshot, if a view is mounted.
    pub fn take(self, lang: Lang) -> Option<ViewExport> {
        let f = self.0.with_value(Clone::clone)?;
        f(lang)
    }
}

/// Words of a status note: "giả định", "tính", or both.
pub fn note(assumed: bool, computed: bool, lang: Lang) -> CsvCell {
    let t = crate::i18n::own(lang);
    let words: Vec<&str> =
        [(assumed, t.assumed), (computed, t.computed)].into_iter().filter(|(on, _)| *on).map(|(_, w)| w).collect();
    if words.is_empty() {
        CsvCell::Empty
    } else {
        CsvCell::Text(words.join(", "))
    }
}

/// A number cell, or empty when unknown.
pub fn num(x: Option<f64>, decimals: usize) -> CsvCell {
    x.map_or(CsvCell::Empty, |x| CsvCell::Number(x, decimals))
}

/// A whole-number cell, or empty.
pub fn int(x: Option<u32>) -> CsvCell {
    x.map_or(CsvCell::Empty, |x| CsvCell::Number(f64::from(x), 0))
}

/// A text cell.
pub fn text(s: impl Into<String>) -> CsvCell {
    CsvCell::Text(s.into())
}

/// ASCII file-name part: "Hà Nội 2024" -> "ha-noi-2024" (the engine's slug, as ids are made).
pub fn slug(s: &str) -> String {
    chiso_engine::table::build::slug(s)
}
