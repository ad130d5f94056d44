//! The slope chart of a year comparison: one line per unit from its rank in the base year to its
//! rank in the later year (rank 1 at the top); climbers in green, fallers in red.

use charming::component::{Axis, Grid};
use charming::element::{AxisLabel, AxisType, BoundaryGap, ItemStyle, LineStyle, SplitLine, Symbol, Tooltip, Trigger};
use charming::series::Line;
use serde_json::{json, Value};

use super::{option_json, series_json, OptionParts};
use crate::theme::Theme;

/// One unit's line.
#[derive(Debug, Clone, PartialEq)]
pub struct SlopeRow {
    /// The unit's name.
    pub name: String,
    /// Rank in the base year.
    pub from_rank: u32,
    /// Rank in the later year.
    pub to_rank: u32,
    /// Tooltip / end label text ("Ứng Hòa: 30 → 19").
    pub label: String,
    /// Draw the end label (the biggest movers; all when few).
    pub labelled: bool,
}

/// Pixel height for a block of `n_positions` ranks.
pub fn height_for(n_positions: u32) -> u32 {
    (120 + 14 * n_positions.clamp(8, 70)).min(1100)
}

/// The chart's parts as charming builds them.
fn parts(rows: &[SlopeRow], years: (i32, i32), n_positions: u32, theme: &Theme) -> OptionParts {
    let series = rows
        .iter()
        .map(|r| {
            let colour = match r.to_rank.cmp(&r.from_rank) {
                std::cmp::Ordering::Less => theme.up,
                std::cmp::Ordering::Greater => theme.down,
                std::cmp::Ordering::Equal => theme.muted,
            };
            series_json(
                &Line::new()
                    .name(r.label.clone())
                    .symbol(Symbol::Circle)
                    .symbol_size(7)
                    .line_style(LineStyle::new().color(colour).width(if r.labelled { 3.0 } else { 1.5 }))
                    .item_style(ItemStyle::new().color(colour))
                    .data(vec![f64::from(r.from_rank), f64::from(r.to_rank)]),
            )
        })
        .collect();
    OptionParts {
        grid: Grid::new().left(36).right(150).top(28).bottom(24),
        tooltip: Tooltip::new().trigger(Trigger::Item).formatter("{a}"),
        x_axis: Axis::new()
            .type_(AxisType::Category)
            .boundary_gap(BoundaryGap::CategoryAxis(false))
            .data(vec![years.0.to_string(), years.1.to_string()])
            .axis_label(AxisLabel::new().color(theme.text)),
        y_axis: Axis::new()
            .type_(AxisType::Value)
            .inverse(true)
            .min(1)
            .max(f64::from(n_positions.max(1)))
            .split_line(SplitLine::new().line_style(LineStyle::new().color(theme.grid)))
            .axis_label(AxisLabel::new().color(theme.muted)),
        series,
    }
}

/// The ECharts option: charming's chart plus end labels on the labelled lines, and each line
/// known by its unit (`id`), so a new base year moves the lines instead of redrawing them.
pub fn option(rows: &[SlopeRow], years: (i32, i32), n_positions: u32, theme: &Theme) -> Value {
    let mut option = option_json(parts(rows, years, n_positions, theme));
    if let Some(series) = option.pointer_mut("/series").and_then(Value::as_array_mut) {
        for (s, row) in series.iter_mut().zip(rows) {
            if let Some(obj) = s.as_object_mut() {
                obj.insert("id".into(), json!(row.name));
                obj.insert(
                    "endLabel".into(),
                    json!({ "show": row.labelled, "formatter": row.label, "color": theme.text }),
                );
            }
        }
    }
    option
}
