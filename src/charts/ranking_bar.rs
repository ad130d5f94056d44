//! The ranking bar chart: one horizontal bar per unit with a published score, best at the top,
//! the block average as a dashed line. Bars start at the scale's minimum so lengths are honest.

use charming::component::Grid;
use charming::datatype::DataPointItem;
use charming::element::{
    ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, Symbol,
    Tooltip, Trigger,
};
use charming::series::Bar;
use serde_json::{json, Value};

use super::{option_json, series_json, OptionParts};
use crate::theme::Theme;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The unit's id: the bar's lasting identity, so that when a what-if moves a unit from rank
    /// 24 to 10, ECharts slides that unit's bar up instead of changing bars in place.
    pub id: String,
    /// Category label (the unit's name, with its rank).
    pub label: String,
    /// The score.
    pub value: f64,
    /// The score as the reader writes it ("94,25%").
    pub value_text: String,
    /// Highlighted (the reader's selected unit).
    pub selected: bool,
}

impl BarRow {
    /// The one bar-row constructor: "=3. Name" (a shared rank), "3. Name", "31 (tính). Name" (a
    /// computed rank, `rank_tag` worded by the caller), or the name alone when the rank is not
    /// known; the score as the reader writes it.
    #[allow(clippy::too_many_arguments)] // one constructor for every bar; each argument is a different fact
    pub fn ranked(
        id: &str,
        rank: Option<(u32, bool)>,
        rank_tag: Option<&str>,
        name: &str,
        value: f64,
        unit: chiso_engine::schema::ScoreUnit,
        lang: chiso_engine::format::Lang,
        selected: bool,
    ) -> BarRow {
        // A computed rank carries its tag, as in the table: "31 (tính). Bình Phước".
        let tag = rank_tag.map(|t| format!(" ({t})")).unwrap_or_default();
        let label = match rank {
            Some((p, true)) => format!("={p}{tag}. {name}"),
            Some((p, false)) => format!("{p}{tag}. {name}"),
            None => name.to_owned(),
        };
        BarRow { id: id.to_owned(), label, value, value_text: chiso_engine::format::score(value, unit, lang), selected }
    }
}

/// What the chart needs besides the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    /// Lowest value of the value axis (the scale's minimum).
    pub axis_min: f64,
    /// Highest value of the value axis (the scale's maximum).
    pub axis_max: f64,
    /// Block average and its label ("TB 88,46%").
    pub mean: Option<(f64, String)>,
    /// A phone-sized container: fewer axis ticks, narrower name column.
    pub narrow: bool,
}

/// Pixel height that fits `n` bars.
pub fn height_for(n: usize) -> u32 {
    let n = u32::try_from(n).unwrap_or(200).min(200);
    56 + 38 * n.max(1)
}

/// The chart's parts as charming builds them.
fn parts(rows: &[BarRow], spec: &BarSpec, theme: &Theme) -> OptionParts {
    let data: Vec<DataPointItem> = rows
        .iter()
        .map(|r| {
            let colour = if r.selected { theme.bar_selected } else { theme.bar };
            DataPointItem::new(r.value)
                .name(format!("{}: {}", r.label, r.value_text))
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let mut bar = Bar::new()
        .data(data)
        .bar_width("60%")
        .label(Label::new().show(true).position(LabelPosition::Right).color(theme.text));
    if let Some((mean, text)) = &spec.mean {
        bar = bar.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(LineStyle::new().color(theme.mean).type_(LineStyleType::Dashed).width(2))
                .label(Label::new().formatter(text.as_str()).color(theme.mean).position(LabelPosition::Start))
                .data(vec![MarkLineVariant::Simple(MarkLineData::new().x_axis(*mean))]),
        );
    }
    OptionParts {
        // The room around the plot is fixed, not measured on every update (`containLabel`):
        // the names' column is `name_width` whatever the names (longer ones wrap), so ECharts
        // measured the same room each time at a cost (nearly a third of a what-if move's chart update).
        // These are the margins containLabel gave: the column plus 11 px beside the axis, 13 px
        // for half the last axis number on the right, 15 px for the axis numbers below.
        grid: Grid::new()
            .left(4 + name_width(spec.narrow) + 11)
            .right((if spec.narrow { 52 } else { 64 }) + 13)
            .top(28)
            .bottom(8 + 15),
        tooltip: Tooltip::new()
            .trigger(Trigger::Item)
            .formatter("{b}")
            .background_color(theme.background)
            .border_color(theme.muted),
        x_axis: super::value_axis(spec.axis_min, spec.axis_max, theme).split_number(if spec.narrow { 2 } else { 5 }),
        y_axis: super::unit_axis(rows.iter().map(|r| r.label.clone()).collect(), theme),
        series: vec![series_json(&bar)],
    }
}

/// The ECharts option: charming's chart plus what charming cannot express yet — a label per
/// bar in the reader's number format, a stable id per bar, and long category names wrapped
/// instead of cut.
pub fn option(rows: &[BarRow], spec: &BarSpec, theme: &Theme) -> Value {
    let mut option = option_json(parts(rows, spec, theme));
    if let Some(items) = option.pointer_mut("/series/0/data").and_then(Value::as_array_mut) {
        for (item, row) in items.iter_mut().zip(rows) {
            if let Some(obj) = item.as_object_mut() {
                obj.insert("id".into(), json!(row.id));
                obj.insert("label".into(), json!({ "formatter": row.value_text }));
            }
        }
    }
    // The tooltip's text follows the theme too (charming has no setter for it).
    if let Some(tooltip) = option.get_mut("tooltip").and_then(Value::as_object_mut) {
        tooltip.insert("textStyle".into(), json!({ "color": theme.text }));
    }
    let path = if option.pointer("/yAxis/0").is_some() { "/yAxis/0/axisLabel" } else { "/yAxis/axisLabel" };
    if let Some(label) = option.pointer_mut(path) {
        if let Some(obj) = label.as_object_mut() {
            obj.insert("width".into(), json!(name_width(spec.narrow)));
            obj.insert("lineHeight".into(), json!(14));
            obj.insert("overflow".into(), json!("break"));
        }
    }
    // Nothing measured: the grid's margins above are the plot's room as they stand.
    if let Some(grid) = option.pointer_mut("/grid/0").and_then(Value::as_object_mut) {
        grid.insert("outerBoundsMode".into(), json!("none"));
    }
    option
}

/// Width of the names' column: long names wrap within it.
fn name_width(narrow: bool) -> i64 {
    if narrow {
        104
    } else {
        180
    }
}

#[cfg(test)]
mod tests {
    use super::{option, BarRow, BarSpec};
    use chiso_engine::format::Lang;
    use chiso_engine::schema::ScoreUnit;

    #[test]
    fn a_bar_is_known_by_its_unit_whatever_its_rank() {
        let rows = [
            BarRow::ranked(
                "so-noi-vu",
                Some((3, false)),
                None,
                "Sở Nội vụ",
                94.25,
                ScoreUnit::Percent,
                Lang::Vi,
                false,
            ),
            BarRow::ranked("dong-da", Some((12, true)), None, "Đống Đa", 90.0, ScoreUnit::Percent, Lang::Vi, true),
            BarRow::ranked("long-bien", None, Some("tính"), "Long Biên", 80.0, ScoreUnit::Percent, Lang::Vi, false),
        ];
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["3. Sở Nội vụ", "=12. Đống Đa", "Long Biên"]);
        let spec = BarSpec { axis_min: 0.0, axis_max: 100.0, mean: None, narrow: false };
        let opt = option(&rows, &spec, &crate::theme::LIGHT);
        let ids: Vec<&str> = (0..3).filter_map(|i| opt.pointer(&format!("/series/0/data/{i}/id"))?.as_str()).collect();
        assert_eq!(ids, ["so-noi-vu", "dong-da", "long-bien"]);
    }
}
