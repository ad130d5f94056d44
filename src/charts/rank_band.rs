//! The robustness chart: for each unit, the band of ranks it takes in 90% of the weight draws
//! (5th to 95th percentile) and a mark at its median rank; rank 1 on the left.

use charming::component::Grid;
use charming::element::{ItemStyle, LineStyle, Symbol, Tooltip, Trigger};
use charming::series::{Bar, Line};
use serde_json::{json, Value};

use super::{option_json, series_json, OptionParts};
use crate::theme::Theme;

/// One unit's band.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRow {
    /// The unit's name (category label).
    pub label: String,
    /// 5th percentile rank.
    pub p05: u32,
    /// Median rank.
    pub median: u32,
    /// 95th percentile rank.
    pub p95: u32,
    /// Tooltip text ("Quảng Ninh: trung vị 1, 5–95%: 1–2").
    pub tooltip: String,
    /// Highlighted (the reader's selected unit).
    pub selected: bool,
}

/// Pixel height for `n` units.
pub fn height_for(n: usize) -> u32 {
    let n = u32::try_from(n).unwrap_or(100).min(100);
    60 + 22 * n.max(1)
}

/// The chart's parts as charming builds them: an invisible bar up to the band's start, the band
/// stacked on it, and the medians as symbols.
fn parts(rows: &[BandRow], n_positions: u32, theme: &Theme) -> OptionParts {
    let start: Vec<f64> = rows.iter().map(|r| f64::from(r.p05) - 0.5).collect();
    let band: Vec<f64> = rows.iter().map(|r| f64::from(r.p95 - r.p05.min(r.p95)) + 1.0).collect();
    let medians: Vec<f64> = rows.iter().map(|r| f64::from(r.median)).collect();
    OptionParts {
        grid: Grid::new().left(4).right(16).top(24).bottom(8).contain_label(true),
        tooltip: Tooltip::new().trigger(Trigger::Item).formatter("{b}"),
        x_axis: super::value_axis(0.0, f64::from(n_positions) + 0.5, theme).position("top"),
        y_axis: super::unit_axis(rows.iter().map(|r| r.label.clone()).collect(), theme),
        series: vec![
            series_json(&Bar::new().stack("band").data(start).item_style(ItemStyle::new().color("transparent"))),
            series_json(
                &Bar::new().stack("band").data(band).bar_width("55%").item_style(ItemStyle::new().color(theme.bar)),
            ),
            series_json(
                &Line::new()
                    .data(medians)
                    .symbol(Symbol::Diamond)
                    .symbol_size(10)
                    .line_style(LineStyle::new().width(0))
                    .item_style(ItemStyle::new().color(theme.text)),
            ),
        ],
    }
}

/// The ECharts option: charming's chart plus tooltips and highlights per unit, and no tooltip
/// on the invisible spacer bars.
pub fn option(rows: &[BandRow], n_positions: u32, theme: &Theme) -> Value {
    let mut option = option_json(parts(rows, n_positions, theme));
    for series_idx in 0..3 {
        let Some(items) = option.pointer_mut(&format!("/series/{series_idx}/data")).and_then(Value::as_array_mut)
        else {
            continue;
        };
        for (item, row) in items.iter_mut().zip(rows) {
            let value = item.take();
            // The unit's name is each item's lasting id: when the spread changes the order,
            // ECharts moves each band to its unit's new place.
            *item = if series_idx == 1 && row.selected {
                json!({ "id": row.label, "value": value, "name": row.tooltip, "itemStyle": { "color": theme.bar_selected } })
            } else {
                json!({ "id": row.label, "value": value, "name": row.tooltip })
            };
        }
    }
    // The axis runs to N + 0.5 so the last rank's band fits; its end is not a rank to label.
    let label_path = if option.pointer("/xAxis/0").is_some() { "/xAxis/0/axisLabel" } else { "/xAxis/axisLabel" };
    if let Some(label) = option.pointer_mut(label_path).and_then(Value::as_object_mut) {
        label.insert("showMaxLabel".into(), json!(false));
    }
    if let Some(s) = option.pointer_mut("/series/0").and_then(Value::as_object_mut) {
        s.insert("silent".into(), json!(true));
        s.insert("tooltip".into(), json!({ "show": false }));
    }
    option
}
