//! Charts as standalone SVG documents, for download (print and social): the ranking bars, the
//! robustness bands and the year slope drawn without ECharts, with the title, notes, source line
//! and date burnt in around them — and the same charts as `<svg>` elements fitted to the page's
//! chart box (`*_inline`), which the page shows until ECharts has loaded (charts/mod.rs).
//!
//! Every function is pure: rows + frame + theme in, one complete SVG document out. Text from data
//! (unit names, labels, the frame's lines) is cleaned of characters XML 1.0 forbids and escaped
//! wherever it is written; it never lands in an attribute, and colours come only from the theme.
//! Text widths are estimated from character counts (there is no font to measure with here), so
//! wrapping is conservative: it assumes a font as wide as DejaVu Sans, what a machine without the
//! page's own font falls back to.

use std::fmt::{self, Write as _};

use chiso_engine::format::{self, Lang};

use super::rank_band::BandRow;
use super::ranking_bar::{BarRow, BarSpec};
use super::slope::SlopeRow;
use crate::theme::Theme;

/// The texts burnt in around a downloaded chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// The chart's title, at the top in bold.
    pub title: String,
    /// A line under the title (the index, the year, the scenario), when there is one.
    pub subtitle: Option<String>,
    /// Notes under the chart, one paragraph each ("* giả định: giá trị do người đọc thay đổi").
    pub notes: Vec<String>,
    /// Where the numbers come from.
    pub source_line: String,
    /// When: the data's date and the download's.
    pub date_line: String,
}

/// The box a chart is drawn into on the page, in CSS pixels: `<EChart>`'s box before ECharts
/// takes it over, so the chart is there at once and nothing moves when ECharts arrives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The box's width (the chart's container).
    pub width_px: f64,
    /// The box's height (what the chart asks ECharts for).
    pub height_px: f64,
}

/// What a chart is drawn on: a document of its own (the download), or the page's chart box.
#[derive(Debug, Clone, Copy)]
struct Sheet {
    width: f64,
    margin: f64,
    /// The page's box: rows spread over its height, no XML declaration, no credit.
    fit: Option<Fit>,
}

impl Sheet {
    fn document(width: f64) -> Sheet {
        Sheet { width, margin: MARGIN_PX, fit: None }
    }

    /// The page's box: a thin margin, as ECharts' grid leaves (a phone has no width to spare).
    fn inline(fit: Fit) -> Sheet {
        Sheet { width: fit.width_px.max(120.0), margin: 4.0, fit: Some(fit) }
    }

    /// Row height: the most-wrapped label's (`row_pitch`) in a document; in the page's box, the
    /// rows share what the box leaves after `fixed_px`, as ECharts shares it.
    fn pitch(&self, labels: &[Vec<String>], min_px: f64, pad_px: f64, fixed_px: f64) -> f64 {
        match self.fit {
            None => row_pitch(labels, min_px, pad_px),
            Some(fit) => ((fit.height_px - 2.0 * self.margin - fixed_px) / count_f64(labels.len().max(1))).max(8.0),
        }
    }

    /// Most lines a unit name may wrap to in a row `pitch` high.
    fn label_max_lines(&self, pitch: f64) -> usize {
        match self.fit {
            None => LABEL_MAX_LINES,
            Some(_) => {
                let fits = ((pitch - 4.0) / LABEL_LINE_PX).floor();
                if fits >= 3.0 {
                    LABEL_MAX_LINES
                } else if fits >= 2.0 {
                    2
                } else {
                    1
                }
            }
        }
    }
}

/// Width of a document in pixels (its `width` and the PNG's).
const WIDE_PX: f64 = 800.0;
/// Width of a bar chart drawn for a phone (`BarSpec::narrow`).
const NARROW_PX: f64 = 480.0;
/// Space around everything.
const MARGIN_PX: f64 = 24.0;
/// Space between the header, the chart and the footer.
const GAP_PX: f64 = 14.0;
/// The page's typeface first, as in style.css; single quotes as it sits in an attribute.
const FONT_FAMILY: &str = "'Be Vietnam Pro', system-ui, sans-serif";
/// Width of an average character as a share of the font size. DejaVu Sans runs about this wide
/// on mixed Vietnamese text, Be Vietnam Pro a little narrower, so text cut to this fits in both.
const CHAR_EM: f64 = 0.6;
/// Bold text is a little wider.
const BOLD_CHAR_EM: f64 = 0.66;
/// The credit at the bottom right.
const CREDIT: &str = "chiso";
/// Width kept free for the credit on the footer's lines.
const CREDIT_PX: f64 = 56.0;
/// Size of the text inside a chart (unit names, values, axis numbers).
const CHART_TEXT_PX: f64 = 12.0;
/// Line height of unit names that wrap.
const LABEL_LINE_PX: f64 = 15.0;
/// Least distance between two axis numbers' positions.
const TICK_GAP_PX: f64 = 26.0;
/// Unit names wrap to at most this many lines; the rest is cut with "…".
const LABEL_MAX_LINES: usize = 3;

/// Horizontal ranking bars, as `ranking_bar` draws them: one row per `BarRow` in the order given
/// (best at the top), the unit's label on the left, a bar from `spec.axis_min` to its value, the
/// value's text at the bar's end, the selected unit in the theme's selected colour, the mean as a
/// dashed line with its label, and axis numbers (in `lang`'s notation) along the bottom.
pub fn bar_svg(rows: &[BarRow], spec: &BarSpec, frame: &Frame, theme: &Theme, lang: Lang) -> String {
    bar_chart(rows, spec, frame, theme, lang, Sheet::document(if spec.narrow { NARROW_PX } else { WIDE_PX }))
}

/// [`bar_svg`] as an `<svg>` element fitted to the page's chart box, without a frame.
pub fn bar_inline(rows: &[BarRow], spec: &BarSpec, theme: &Theme, lang: Lang, fit: Fit) -> String {
    bar_chart(rows, spec, &Frame::default(), theme, lang, Sheet::inline(fit))
}

fn bar_chart(rows: &[BarRow], spec: &BarSpec, frame: &Frame, theme: &Theme, lang: Lang, sheet: Sheet) -> String {
    let width = sheet.width;
    let label_col = if spec.narrow { 124.0 } else { 200.0 };
    let plot_left = sheet.margin + label_col + 8.0;
    // Room after the longest bar for its value text.
    let longest_value = rows.iter().map(|r| clean(&r.value_text).chars().count()).max().unwrap_or(0);
    let value_room = (text_width(longest_value, CHART_TEXT_PX, false) + 10.0).max(40.0);
    let plot_right = width - sheet.margin - value_room;
    let plot_w = (plot_right - plot_left).max(1.0);
    let x_at = |v: f64| plot_left + share(v, spec.axis_min, spec.axis_max) * plot_w;

    let top_pad = if spec.mean.is_some() { 22.0 } else { 6.0 };
    let axis_h = 24.0;
    let mut labels: Vec<Vec<String>> = rows.iter().map(|r| label_lines(&r.label, label_col, LABEL_MAX_LINES)).collect();
    let pitch = sheet.pitch(&labels, 38.0, 10.0, top_pad + axis_h);
    let max_lines = sheet.label_max_lines(pitch);
    if max_lines < LABEL_MAX_LINES {
        labels = rows.iter().map(|r| label_lines(&r.label, label_col, max_lines)).collect();
    }
    let rows_h = pitch * count_f64(rows.len());
    let plot_h = top_pad + rows_h + axis_h;

    document(sheet, frame, theme, plot_h, |c, top| {
        let rows_top = top + top_pad;
        let rows_bottom = rows_top + rows_h;
        let ticks = axis_ticks(spec.axis_min, spec.axis_max, if spec.narrow { 3.0 } else { 5.0 });
        for &tick in &ticks {
            let x = x_at(tick);
            c.line((x, rows_top), (x, rows_bottom), theme.grid, 1.0, false);
            let text = format::number(tick, decimals(tick), lang);
            c.text(x, rows_bottom + 16.0, Style::chart(theme.muted).anchor(Anchor::Middle), "tick", &text);
        }
        c.line((plot_left, rows_top), (plot_left, rows_bottom), theme.muted, 1.0, false);
        let bar_h = (pitch * 0.6).min(26.0);
        let centre = |idx: usize| rows_top + pitch * (count_f64(idx) + 0.5);
        for (idx, (row, lines)) in rows.iter().zip(&labels).enumerate() {
            let cy = centre(idx);
            let colour = if row.selected { theme.bar_selected } else { theme.bar };
            c.open_row(&format!("{}: {}", row.label, row.value_text));
            c.rect((plot_left, cy - bar_h / 2.0), (x_at(row.value) - plot_left, bar_h), colour, "bar");
            let label_style = Style::chart(theme.text).anchor(Anchor::End).bold(row.selected);
            c.lines(plot_left - 8.0, cy, label_style, "label", lines);
            c.close_row();
        }
        // The mean line over the bars (as on screen), the values over the line: each value has
        // a halo of background colour, so the dashes stop short of its figures.
        if let Some((mean, text)) = &spec.mean {
            let x = x_at(*mean);
            c.line((x, rows_top - 4.0), (x, rows_bottom), theme.mean, 2.0, true);
            // The label is centred on the line but kept inside the document.
            let half = text_width(clean(text).chars().count(), CHART_TEXT_PX, true) / 2.0;
            let (m, w) = (sheet.margin, width);
            let cx = x.clamp(m + half, (w - m - half).max(m + half));
            let style = Style::chart(theme.mean).anchor(Anchor::Middle).bold(true);
            c.text(cx, rows_top - 8.0, style, "mean", text);
        }
        for (idx, row) in rows.iter().enumerate() {
            let value_style = Style::chart(theme.text).bold(row.selected).halo(theme.background);
            c.text(x_at(row.value) + 5.0, centre(idx) + CHART_TEXT_PX * 0.35, value_style, "value", &row.value_text);
        }
    })
}

/// An inline chart (`*_inline`) made to follow its box's width: the root's fixed width becomes
/// 100% and the drawing scales down, never up, keeping its proportions. For the build-time
/// snapshot, drawn before anyone knows the reader's screen (a phone's box, [`SNAPSHOT_BOX_PX`]).
pub fn fluid(inline_svg: &str, fit: Fit) -> String {
    let fixed = format!(" width=\"{}\" height=", Px(fit.width_px.max(120.0)));
    inline_svg.replacen(&fixed, " width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" height=", 1)
}

/// Width of the chart box the snapshot is drawn for: the snapshot's phone less the page's
/// padding (style.css `.chiso`, 12 px each side).
pub const SNAPSHOT_BOX_PX: f64 = crate::dom::SNAPSHOT_VIEWPORT_PX - 24.0;

/// The robustness chart, as `rank_band` draws it: per unit (in the order given) a band over the
/// ranks it takes in 90% of the weight draws (5th to 95th percentile), a diamond at its median
/// rank, the selected unit's band in the selected colour; rank 1 on the left, the rank axis
/// (1..`n_positions`) along the top.
pub fn band_svg(rows: &[BandRow], n_positions: u32, frame: &Frame, theme: &Theme) -> String {
    band_chart(rows, n_positions, frame, theme, Sheet::document(WIDE_PX))
}

/// [`band_svg`] as an `<svg>` element fitted to the page's chart box, without a frame.
pub fn band_inline(rows: &[BandRow], n_positions: u32, theme: &Theme, fit: Fit) -> String {
    band_chart(rows, n_positions, &Frame::default(), theme, Sheet::inline(fit))
}

fn band_chart(rows: &[BandRow], n_positions: u32, frame: &Frame, theme: &Theme, sheet: Sheet) -> String {
    let width = sheet.width;
    // A phone's box keeps a narrower name column, as the bar chart does.
    let label_col = if width < 600.0 { 124.0 } else { 200.0 };
    let plot_left = sheet.margin + label_col + 8.0;
    let plot_right = width - sheet.margin - 8.0;
    let plot_w = plot_right - plot_left;
    let n = n_positions.max(1);
    // Rank r owns the slot [r - 0.5, r + 0.5], so rank 1's band starts at the left edge.
    let x_at = |rank: f64| plot_left + share(rank, 0.5, f64::from(n) + 0.5) * plot_w;

    let axis_h = 22.0;
    let mut labels: Vec<Vec<String>> = rows.iter().map(|r| label_lines(&r.label, label_col, LABEL_MAX_LINES)).collect();
    let pitch = sheet.pitch(&labels, 22.0, 7.0, axis_h + 4.0);
    let max_lines = sheet.label_max_lines(pitch);
    if max_lines < LABEL_MAX_LINES {
        labels = rows.iter().map(|r| label_lines(&r.label, label_col, max_lines)).collect();
    }
    let rows_h = pitch * count_f64(rows.len());
    let plot_h = axis_h + rows_h + 4.0;

    document(sheet, frame, theme, plot_h, |c, top| {
        let rows_top = top + axis_h;
        let rows_bottom = rows_top + rows_h;
        for tick in rank_ticks(n, 10, plot_w / f64::from(n)) {
            let x = x_at(f64::from(tick));
            c.line((x, rows_top), (x, rows_bottom), theme.grid, 1.0, false);
            c.text(x, top + 12.0, Style::chart(theme.muted).anchor(Anchor::Middle), "tick", &tick.to_string());
        }
        c.line((plot_left, rows_top), (plot_right, rows_top), theme.muted, 1.0, false);
        let band_h = (pitch * 0.55).min(16.0);
        for (idx, (row, lines)) in rows.iter().zip(&labels).enumerate() {
            let cy = rows_top + pitch * (count_f64(idx) + 0.5);
            let (lo, hi) = (row.p05.min(row.p95), row.p05.max(row.p95));
            let x0 = x_at(f64::from(lo) - 0.5);
            let x1 = x_at(f64::from(hi) + 0.5);
            let colour = if row.selected { theme.bar_selected } else { theme.bar };
            c.open_row(&row.tooltip);
            c.rect((x0, cy - band_h / 2.0), (x1 - x0, band_h), colour, "band");
            c.diamond((x_at(f64::from(row.median)), cy), 5.5, theme.text, theme.background);
            let label_style = Style::chart(theme.text).anchor(Anchor::End).bold(row.selected);
            c.lines(plot_left - 8.0, cy, label_style, "label", lines);
            c.close_row();
        }
    })
}

/// The year-on-year slope chart, as `slope` draws it: per unit a line from its rank in
/// `years.0` (left) to its rank in `years.1` (right), rank 1 at the top, climbers in the theme's
/// `up` colour, fallers in `down`, the unchanged muted; labelled rows drawn thicker, on top, with
/// their label at the right end (moved apart where two would overlap).
pub fn slope_svg(rows: &[SlopeRow], years: (i32, i32), n_positions: u32, frame: &Frame, theme: &Theme) -> String {
    slope_chart(rows, years, n_positions, frame, theme, Sheet::document(WIDE_PX))
}

/// [`slope_svg`] as an `<svg>` element fitted to the page's chart box, without a frame.
pub fn slope_inline(rows: &[SlopeRow], years: (i32, i32), n_positions: u32, theme: &Theme, fit: Fit) -> String {
    slope_chart(rows, years, n_positions, &Frame::default(), theme, Sheet::inline(fit))
}

fn slope_chart(
    rows: &[SlopeRow],
    years: (i32, i32),
    n_positions: u32,
    frame: &Frame,
    theme: &Theme,
    sheet: Sheet,
) -> String {
    let width = sheet.width;
    let n = n_positions.max(1);
    let n_f = f64::from(n);
    let head_h = 30.0;
    // 14 px a rank, as the interactive chart; a very long block is squeezed into about 1000 px.
    // In the page's box the ranks share its height.
    let pitch = match sheet.fit {
        Some(fit) => ((fit.height_px - 2.0 * sheet.margin - head_h - 12.0) / (n_f - 1.0).max(1.0)).max(2.0),
        None if n <= 70 => 14.0,
        None => (1000.0 / n_f).max(3.0),
    };
    let x_from = sheet.margin + 44.0;
    // The end labels' column, as wide as the longest label needs (within reason).
    let longest = rows.iter().filter(|r| r.labelled).map(|r| clean(&r.label).chars().count()).max().unwrap_or(0);
    let label_room = (text_width(longest, 11.0, false) + 14.0).clamp(60.0, (width * 0.45).clamp(60.0, 280.0));
    let x_to = width - sheet.margin - label_room;
    let label_chars = chars_that_fit(label_room - 14.0, 11.0, false);
    let rank_y = |rank: u32| f64::from(rank.clamp(1, n) - 1) * pitch;

    // End labels in rank order, each at least a line below the one above.
    let mut placed: Vec<(usize, f64)> =
        rows.iter().enumerate().filter(|(_, r)| r.labelled).map(|(idx, r)| (idx, rank_y(r.to_rank))).collect();
    placed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut floor = f64::NEG_INFINITY;
    for (_, y) in &mut placed {
        *y = y.max(floor);
        floor = *y + 13.0;
    }
    let lowest_label = placed.iter().map(|(_, y)| *y).fold(0.0, f64::max);
    let area_h = (n_f - 1.0) * pitch;
    let plot_h = head_h + area_h.max(lowest_label) + 12.0;

    document(sheet, frame, theme, plot_h, |c, top| {
        let area_top = top + head_h;
        let year_style = Style::chart(theme.text).anchor(Anchor::Middle).bold(true).size(13.0);
        c.text(x_from, top + 14.0, year_style, "year", &years.0.to_string());
        c.text(x_to, top + 14.0, year_style, "year", &years.1.to_string());
        for tick in rank_ticks(n, 10, pitch) {
            let y = area_top + rank_y(tick);
            c.line((x_from, y), (x_to, y), theme.grid, 1.0, false);
            let style = Style::chart(theme.muted).anchor(Anchor::End);
            c.text(x_from - 10.0, y + CHART_TEXT_PX * 0.35, style, "tick", &tick.to_string());
        }
        for x in [x_from, x_to] {
            c.line((x, area_top), (x, area_top + area_h), theme.muted, 1.0, false);
        }
        // Unlabelled lines first, so the labelled movers are drawn over them.
        for labelled in [false, true] {
            for (idx, row) in rows.iter().enumerate().filter(|(_, r)| r.labelled == labelled) {
                let colour = match row.to_rank.cmp(&row.from_rank) {
                    std::cmp::Ordering::Less => theme.up,
                    std::cmp::Ordering::Greater => theme.down,
                    std::cmp::Ordering::Equal => theme.muted,
                };
                let from = (x_from, area_top + rank_y(row.from_rank));
                let to = (x_to, area_top + rank_y(row.to_rank));
                c.open_row(&row.label);
                c.line(from, to, colour, if labelled { 2.5 } else { 1.25 }, false);
                c.circle(from, 3.0, colour);
                c.circle(to, 3.0, colour);
                if let Some((_, y)) = placed.iter().find(|(i, _)| *i == idx) {
                    let text = clip(&clean(&row.label), label_chars);
                    let style = Style::chart(theme.text).size(11.0).halo(theme.background);
                    c.text(x_to + 8.0, area_top + y + 4.0, style, "end-label", &text);
                }
                c.close_row();
            }
        }
    })
}

/// The whole document around a chart: background, header (title, subtitle), the chart (drawn by
/// `plot` from the y it is given, `plot_h` tall), footer (notes, source, date, credit). On the
/// page's box (`sheet.fit`) it is an `<svg>` element of the box's size with the chart alone:
/// hidden from screen readers, as the box carries the chart's text alternative.
fn document(sheet: Sheet, frame: &Frame, theme: &Theme, plot_h: f64, plot: impl FnOnce(&mut Canvas, f64)) -> String {
    let (width, margin) = (sheet.width, sheet.margin);
    let inner = width - 2.0 * margin;
    let head = header(frame, inner, theme);
    let foot = footer(frame, inner, theme);
    let head_h: f64 = head.iter().map(|l| l.height).sum();
    let foot_h: f64 = foot.iter().map(|l| l.height).sum();
    let plot_top = margin + head_h + if head.is_empty() { 0.0 } else { GAP_PX };
    let foot_top = plot_top + plot_h + GAP_PX;
    let height = match sheet.fit {
        Some(fit) => fit.height_px,
        None => (foot_top + foot_h + margin).ceil(),
    };

    let mut c = Canvas::default();
    c.rect((0.0, 0.0), (width, height), theme.background, "background");
    let mut y = margin;
    for line in &head {
        c.text(margin, line.baseline(y), line.style, line.class, &line.text);
        y += line.height;
    }
    plot(&mut c, plot_top);
    let mut y = foot_top;
    let mut last_baseline = foot_top + 11.0;
    for line in &foot {
        last_baseline = line.baseline(y);
        c.text(margin, last_baseline, line.style, line.class, &line.text);
        y += line.height;
    }
    if sheet.fit.is_none() {
        let credit = Style { size: 11.0, bold: true, fill: theme.muted, anchor: Anchor::End, halo: None };
        c.text(width - margin, last_baseline, credit, "credit", CREDIT);
    }

    let mut doc = String::with_capacity(c.body.len() + 400);
    if sheet.fit.is_some() {
        let _ = writeln!(
            doc,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"{FONT_FAMILY}\" aria-hidden=\"true\" focusable=\"false\">",
            w = Px(width),
            h = Px(height),
        );
    } else {
        doc.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            doc,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"{FONT_FAMILY}\" role=\"img\">\n<title>{}</title>\n",
            escape(&clean(&frame.title)),
            w = Px(width),
            h = Px(height),
        );
    }
    doc.push_str(&c.body);
    doc.push_str("</svg>\n");
    doc
}

/// One line of the header or footer.
struct Line {
    text: String,
    style: Style,
    class: &'static str,
    height: f64,
}

impl Line {
    /// The baseline of this line when its box starts at `top`.
    fn baseline(&self, top: f64) -> f64 {
        top + (self.height + self.style.size * 0.7) / 2.0
    }
}

/// `text` wrapped to `width_px` as lines of one style.
fn paragraph(text: &str, width_px: f64, style: Style, class: &'static str, line_h: f64) -> Vec<Line> {
    let max_chars = chars_that_fit(width_px, style.size, style.bold);
    wrap(&clean(text), max_chars, usize::MAX)
        .into_iter()
        .map(|text| Line { text, style, class, height: line_h })
        .collect()
}

/// Title (bold, larger) and subtitle.
fn header(frame: &Frame, inner: f64, theme: &Theme) -> Vec<Line> {
    let title = Style { size: 20.0, bold: true, fill: theme.text, anchor: Anchor::Start, halo: None };
    let subtitle = Style { size: 14.0, bold: false, fill: theme.muted, anchor: Anchor::Start, halo: None };
    let mut lines = paragraph(&frame.title, inner, title, "title", 26.0);
    if let Some(text) = &frame.subtitle {
        lines.extend(paragraph(text, inner, subtitle, "subtitle", 20.0));
    }
    lines
}

/// Notes, then the source and date lines (smaller, muted), clear of the credit on the right.
fn footer(frame: &Frame, inner: f64, theme: &Theme) -> Vec<Line> {
    let note = Style { size: 12.0, bold: false, fill: theme.text, anchor: Anchor::Start, halo: None };
    let small = Style { size: 11.0, bold: false, fill: theme.muted, anchor: Anchor::Start, halo: None };
    let mut lines: Vec<Line> = frame.notes.iter().flat_map(|n| paragraph(n, inner, note, "note", 17.0)).collect();
    let mut small_lines = paragraph(&frame.source_line, inner - CREDIT_PX, small, "source", 15.0);
    small_lines.extend(paragraph(&frame.date_line, inner - CREDIT_PX, small, "date", 15.0));
    if !lines.is_empty() && !small_lines.is_empty() {
        // A little air between the notes and the source.
        if let Some(first) = small_lines.first_mut() {
            first.height += 6.0;
        }
    }
    lines.extend(small_lines);
    lines
}

/// How text is drawn.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f64,
    bold: bool,
    fill: &'static str,
    anchor: Anchor,
    /// A background-coloured outline under the glyphs, for text that lines may cross.
    halo: Option<&'static str>,
}

impl Style {
    /// Text inside a chart, in `fill`.
    fn chart(fill: &'static str) -> Style {
        Style { size: CHART_TEXT_PX, bold: false, fill, anchor: Anchor::Start, halo: None }
    }
    fn anchor(self, anchor: Anchor) -> Style {
        Style { anchor, ..self }
    }
    fn bold(self, bold: bool) -> Style {
        Style { bold, ..self }
    }
    fn size(self, size: f64) -> Style {
        Style { size, ..self }
    }
    fn halo(self, colour: &'static str) -> Style {
        Style { halo: Some(colour), ..self }
    }
}

/// Which end of the text sits at its x.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A coordinate or length as written into an attribute: one decimal, never NaN or "-0".
struct Px(f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = if self.0.is_finite() { (self.0 * 10.0).round() / 10.0 + 0.0 } else { 0.0 };
        write!(f, "{x}")
    }
}

/// The SVG elements of a document, written in order. Attribute values are numbers, theme colours
/// and fixed class names; text goes through [`clean`] and [`escape`].
#[derive(Default)]
struct Canvas {
    body: String,
}

impl Canvas {
    fn rect(&mut self, (x, y): (f64, f64), (w, h): (f64, f64), fill: &str, class: &'static str) {
        let _ = writeln!(
            self.body,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            Px(x),
            Px(y),
            Px(w.max(0.0)),
            Px(h.max(0.0)),
        );
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dashed: bool) {
        let dash = if dashed { " stroke-dasharray=\"6 4\"" } else { "" };
        let _ = writeln!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}/>",
            Px(x1),
            Px(y1),
            Px(x2),
            Px(y2),
            Px(width),
        );
    }

    fn circle(&mut self, (cx, cy): (f64, f64), r: f64, fill: &str) {
        let _ = writeln!(self.body, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>", Px(cx), Px(cy), Px(r));
    }

    /// A diamond centred on `(cx, cy)`, outlined so it shows on a band of any colour.
    fn diamond(&mut self, (cx, cy): (f64, f64), r: f64, fill: &str, outline: &str) {
        let _ = writeln!(
            self.body,
            "<path class=\"median\" d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"{outline}\" stroke-width=\"1\"/>",
            Px(cx),
            Px(cy - r),
            Px(cx + r),
            Px(cy),
            Px(cx),
            Px(cy + r),
            Px(cx - r),
            Px(cy),
        );
    }

    fn text(&mut self, x: f64, y: f64, style: Style, class: &'static str, content: &str) {
        let weight = if style.bold { " font-weight=\"bold\"" } else { "" };
        let halo = style
            .halo
            .map(|bg| format!(" stroke=\"{bg}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""))
            .unwrap_or_default();
        let _ = writeln!(
            self.body,
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\"{halo} text-anchor=\"{}\">{}</text>",
            Px(x),
            Px(y),
            Px(style.size),
            style.fill,
            style.anchor.as_str(),
            escape(&clean(content)),
        );
    }

    /// Lines of text stacked and centred vertically on `cy`.
    fn lines(&mut self, x: f64, cy: f64, style: Style, class: &'static str, lines: &[String]) {
        let first = cy - LABEL_LINE_PX * (count_f64(lines.len()) - 1.0) / 2.0 + style.size * 0.35;
        for (idx, line) in lines.iter().enumerate() {
            self.text(x, first + LABEL_LINE_PX * count_f64(idx), style, class, line);
        }
    }

    /// Starts one row's group; `title` is its tooltip where SVG viewers show one.
    fn open_row(&mut self, title: &str) {
        let _ = writeln!(self.body, "<g class=\"row\"><title>{}</title>", escape(&clean(title)));
    }

    fn close_row(&mut self) {
        self.body.push_str("</g>\n");
    }
}

/// `text` with `& < > " '` as entities, safe in text content and in quoted attribute values
/// (`]]>` comes out as `]]&gt;`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `text` without the characters XML 1.0 does not allow (controls, U+FFFE, U+FFFF), and with
/// tabs and line breaks as spaces: a document with them would not open at all.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|ch| match ch {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(ch),
        })
        .collect()
}

/// `text` cut to lines of at most `max_chars` characters at spaces (a word longer than a line is
/// cut where it must), at most `max_lines` of them, the last ending in "…" when text was left out.
fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        if line_len > 0 && line_len + 1 + word_len <= max_chars {
            line.push(' ');
            line.push_str(word);
            line_len += 1 + word_len;
            continue;
        }
        if line_len > 0 {
            lines.push(std::mem::take(&mut line));
        }
        let mut chars = word.chars().peekable();
        loop {
            let chunk: String = chars.by_ref().take(max_chars).collect();
            if chars.peek().is_some() {
                lines.push(chunk);
            } else {
                line_len = chunk.chars().count();
                line = chunk;
                break;
            }
        }
    }
    if line_len > 0 {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut cut: String = last.chars().take(max_chars - 1).collect();
            cut.push('…');
            *last = cut;
        }
    }
    lines
}

/// `text` on one line of at most `max_chars` characters, ending in "…" when cut.
fn clip(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A unit's name wrapped into the label column, on at most `max_lines` lines.
fn label_lines(label: &str, column_px: f64, max_lines: usize) -> Vec<String> {
    wrap(&clean(label), chars_that_fit(column_px, CHART_TEXT_PX, true), max_lines)
}

/// Row height that fits the most-wrapped label: `min_px`, or its lines plus `pad_px`.
fn row_pitch(labels: &[Vec<String>], min_px: f64, pad_px: f64) -> f64 {
    let most_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    (LABEL_LINE_PX * count_f64(most_lines) + pad_px).max(min_px)
}

/// Estimated width of `n_chars` characters.
fn text_width(n_chars: usize, size: f64, bold: bool) -> f64 {
    count_f64(n_chars) * size * if bold { BOLD_CHAR_EM } else { CHAR_EM }
}

/// How many characters fit in `width_px` (at least one).
fn chars_that_fit(width_px: f64, size: f64, bold: bool) -> usize {
    let per_char = size * if bold { BOLD_CHAR_EM } else { CHAR_EM };
    // The nudge keeps a width computed by `text_width` for n characters from rounding to n - 1.
    let n = (width_px / per_char + 1e-6).floor();
    // Truncation is what is wanted; the value is small, finite and not negative here.
    if n.is_finite() && n >= 1.0 {
        n as usize
    } else {
        1
    }
}

/// A count as f64 (exact for any count a chart has).
fn count_f64(n: usize) -> f64 {
    u32::try_from(n).map(f64::from).unwrap_or(f64::from(u32::MAX))
}

/// Where `v` lies between `min` and `max`, from 0 to 1 (0 for an empty or broken scale).
fn share(v: f64, min: f64, max: f64) -> f64 {
    let span = max - min;
    if !(span.is_finite() && span > 0.0 && v.is_finite()) {
        return 0.0;
    }
    ((v - min) / span).clamp(0.0, 1.0)
}

/// A round step that cuts `span` into about `target` pieces: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(span: f64, target: f64) -> f64 {
    let raw = span / target;
    let magnitude = 10_f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Round values from `min` to `max` for the axis numbers (none for a broken scale).
fn value_ticks(min: f64, max: f64, target: f64) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite() && max > min) {
        return Vec::new();
    }
    let step = nice_step(max - min, target);
    if !(step.is_finite() && step > 0.0) {
        return Vec::new();
    }
    let first = (min / step - 1e-9).ceil();
    (0..=100_u32).map(|i| (first + f64::from(i)) * step).take_while(|v| *v <= max + step * 1e-9).collect()
}

/// The axis numbers of a value scale: round values, and the scale's two ends (the bars start at
/// the minimum, so it must be read there), an end replacing a round value that would crowd it.
fn axis_ticks(min: f64, max: f64, target: f64) -> Vec<f64> {
    let mut ticks = value_ticks(min, max, target);
    let crowd = nice_step(max - min, target) * 0.4;
    if ticks.first().is_some_and(|&t| t > min) {
        if ticks.first().is_some_and(|&t| t - min < crowd) {
            ticks.remove(0);
        }
        ticks.insert(0, min);
    }
    if ticks.last().is_some_and(|&t| t < max) {
        if ticks.last().is_some_and(|&t| max - t < crowd) {
            ticks.pop();
        }
        ticks.push(max);
    }
    ticks
}

/// Decimals that show `x` exactly, up to 4 ("20", "0,25", "9,7").
fn decimals(x: f64) -> usize {
    (0..=4_u8)
        .find(|&d| {
            let scaled = x * 10_f64.powi(i32::from(d));
            (scaled.round() - scaled).abs() < 1e-6
        })
        .map_or(4, usize::from)
}

/// Ranks to mark on an axis of `n` ranks, `rank_px` apart: 1, the multiples of a round step, and
/// `n` itself; a multiple that would crowd 1 or `n` (nearer than [`TICK_GAP_PX`]) is left out.
fn rank_ticks(n: u32, target: u32, rank_px: f64) -> Vec<u32> {
    let crowded = |a: u32, b: u32| f64::from(b.abs_diff(a)) * rank_px < TICK_GAP_PX;
    let span = n.saturating_sub(1);
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000]
        .into_iter()
        .find(|step| span / step <= target)
        .unwrap_or(span.max(1));
    let mut ticks = vec![1];
    ticks.extend((1..=n / step).map(|k| k * step).filter(|&r| r > 1 && !crowded(1, r)));
    if ticks.last() != Some(&n) {
        let last = ticks.last().copied().unwrap_or(1);
        if last > 1 && crowded(last, n) {
            ticks.pop();
        }
        ticks.push(n);
    }
    ticks
}

#[cfg(test)]
mod tests;
