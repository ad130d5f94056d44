//! Tests of the SVG charts, read back with a small XML parser (below) rather than by string
//! search, so a document that would not open in a viewer fails here.

use super::{band_inline, band_svg, bar_inline, bar_svg, clean, escape, slope_inline, slope_svg, wrap, Fit, Frame};
use crate::charts::rank_band::BandRow;
use crate::charts::ranking_bar::{BarRow, BarSpec};
use crate::charts::slope::SlopeRow;
use crate::theme::{Theme, DARK, LIGHT};
use chiso_engine::format::Lang;

/// A unit name that would run script if it reached the document unescaped.
const HOSTILE: &str = "<img src=x onerror=alert(1)>";
/// Every character XML gives a meaning, plus ones XML 1.0 forbids outright.
const AWKWARD: &str = "Sở \"A\" & 'B' ]]> <![CDATA[ x\u{0}\u{1b}\u{fffe}y";

fn frame() -> Frame {
    Frame {
        title: "Chỉ số cải cách hành chính 2023 (PAR INDEX): xếp hạng 63 tỉnh, thành phố".into(),
        subtitle: Some("Điểm tổng, thang 0–100%".into()),
        notes: vec!["* giả định: giá trị do người đọc thay đổi; tính: giá trị do chiso tính".into()],
        source_line: "Nguồn: Bộ Nội vụ, Báo cáo PAR INDEX 2023".into(),
        date_line: "Dữ liệu công bố 16/5/2024 · tải về 2/6/2025".into(),
    }
}

fn bar(id: &str, label: &str, value: f64, selected: bool) -> BarRow {
    BarRow { id: id.into(), label: label.into(), value, value_text: format!("{value:.2}%"), selected }
}

fn spec() -> BarSpec {
    BarSpec { axis_min: 0.0, axis_max: 100.0, mean: Some((87.5, "TB 87,50%".into())), narrow: false }
}

fn band(label: &str, p05: u32, median: u32, p95: u32, selected: bool) -> BandRow {
    BandRow { label: label.into(), p05, median, p95, tooltip: format!("{label}: {median}"), selected }
}

fn slope(name: &str, from_rank: u32, to_rank: u32, labelled: bool) -> SlopeRow {
    SlopeRow { name: name.into(), from_rank, to_rank, label: format!("{name}: {from_rank} → {to_rank}"), labelled }
}

// ---- a small XML reader -------------------------------------------------------------------------

/// An element with its attributes and children, entities decoded.
#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn num(&self, name: &str) -> f64 {
        let raw = self.attr(name).unwrap_or_else(|| panic!("<{}> has no {name}", self.name));
        raw.parse().unwrap_or_else(|_| panic!("{name}={raw:?} is not a number"))
    }

    fn class(&self) -> &str {
        self.attr("class").unwrap_or("")
    }

    /// The text inside, all levels joined.
    fn text(&self) -> String {
        self.children
            .iter()
            .map(|c| match c {
                Node::El(e) => e.text(),
                Node::Text(t) => t.clone(),
            })
            .collect()
    }

    /// Every element below, depth first, in document order.
    fn all(&self) -> Vec<&El> {
        let mut out = Vec::new();
        for child in &self.children {
            if let Node::El(e) = child {
                out.push(e);
                out.extend(e.all());
            }
        }
        out
    }

    fn with_class(&self, class: &str) -> Vec<&El> {
        self.all().into_iter().filter(|e| e.class() == class).collect()
    }

    /// The one child (at any depth) of class `class`.
    fn one(&self, class: &str) -> &El {
        let found = self.with_class(class);
        assert_eq!(found.len(), 1, "one .{class} in {self:?}");
        found.into_iter().next().expect("checked above")
    }
}

/// Parses a whole document: an optional XML declaration, one root element, nothing after it
/// but white space. Checks names, quoting, entity references and that every tag is closed by
/// its own end tag.
fn parse(doc: &str) -> Result<El, String> {
    let mut rest = doc;
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = after.split_once("?>").ok_or("unterminated XML declaration")?.1;
    }
    rest = rest.trim_start();
    let root = element(&mut rest)?;
    if !rest.trim().is_empty() {
        return Err(format!("content after the root element: {:?}", rest.chars().take(40).collect::<String>()));
    }
    Ok(root)
}

fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
}

/// Text with its entity references decoded; an `&` that starts no reference, a `<`, or a
/// character XML 1.0 forbids is an error.
fn decode(raw: &str) -> Result<String, String> {
    if let Some(bad) = raw
        .chars()
        .find(|&c| c == '<' || (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}'))
    {
        return Err(format!("character {bad:?} not allowed in {raw:?}"));
    }
    let mut out = String::new();
    let mut rest = raw;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let (name, tail) = after.split_once(';').ok_or_else(|| format!("unterminated entity in {raw:?}"))?;
        let ch = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    name.strip_prefix('#').and_then(|d| d.parse().ok())
                };
                code.and_then(char::from_u32).ok_or_else(|| format!("unknown entity &{name}; in {raw:?}"))?
            }
        };
        out.push(ch);
        rest = tail;
    }
    out.push_str(rest);
    Ok(out)
}

fn element(rest: &mut &str) -> Result<El, String> {
    let r = rest.strip_prefix('<').ok_or("expected '<'")?;
    let name_len = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/').ok_or("unterminated tag")?;
    let (name, mut r) = r.split_at_checked(name_len).ok_or("bad tag")?;
    if !is_name(name) {
        return Err(format!("bad element name {name:?}"));
    }
    let mut el = El { name: name.to_owned(), attrs: Vec::new(), children: Vec::new() };
    loop {
        r = r.trim_start();
        if let Some(after) = r.strip_prefix("/>") {
            *rest = after;
            return Ok(el);
        }
        if let Some(after) = r.strip_prefix('>') {
            r = after;
            break;
        }
        let (key, after) = r.split_once('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
        let key = key.trim();
        if !is_name(key) || el.attrs.iter().any(|(k, _)| k == key) {
            return Err(format!("bad or repeated attribute name {key:?} in <{name}>"));
        }
        let after = after.trim_start().strip_prefix('"').ok_or_else(|| format!("unquoted attribute {key}"))?;
        let (value, after) = after.split_once('"').ok_or_else(|| format!("unterminated attribute {key}"))?;
        el.attrs.push((key.to_owned(), decode(value)?));
        r = after;
    }
    loop {
        if let Some(after) = r.strip_prefix("</") {
            let (end, after) = after.split_once('>').ok_or("unterminated end tag")?;
            if end.trim_end() != name {
                return Err(format!("<{name}> closed by </{end}>"));
            }
            *rest = after;
            return Ok(el);
        }
        if let Some(after) = r.strip_prefix("<!--") {
            r = after.split_once("-->").ok_or("unterminated comment")?.1;
        } else if r.starts_with("<!") || r.starts_with("<?") {
            return Err(format!("unexpected markup {:?}", r.chars().take(20).collect::<String>()));
        } else if r.starts_with('<') {
            let mut sub = r;
            el.children.push(Node::El(element(&mut sub)?));
            r = sub;
        } else {
            let end = r.find('<').ok_or_else(|| format!("<{name}> never closed"))?;
            let (text, after) = r.split_at_checked(end).ok_or("bad text")?;
            el.children.push(Node::Text(decode(text)?));
            r = after;
        }
    }
}

/// Parses `doc`, failing the test with the reason when it is not well-formed.
fn read(doc: &str) -> El {
    let root = parse(doc).unwrap_or_else(|e| panic!("not well-formed: {e}\n{doc}"));
    assert_eq!(root.name, "svg");
    assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2000/svg"));
    root
}

/// Every text drawn, in document order.
fn texts(root: &El) -> Vec<String> {
    root.all().into_iter().filter(|e| e.name == "text").map(El::text).collect()
}

// ---- the reader itself --------------------------------------------------------------------------

#[test]
fn the_test_reader_rejects_what_a_viewer_would() {
    assert!(parse("<svg><g></svg>").is_err(), "unclosed tag");
    assert!(parse("<svg>a & b</svg>").is_err(), "bare ampersand");
    assert!(parse("<svg><img src=x></svg>").is_err(), "unquoted attribute");
    assert!(parse("<svg>\u{1b}</svg>").is_err(), "control character");
    assert!(parse("<svg/><svg/>").is_err(), "two roots");
    let ok = parse("<?xml version=\"1.0\"?>\n<svg a=\"&quot;\"><t>&lt;&amp;&#233;</t></svg>").expect("well-formed");
    assert_eq!(ok.attr("a"), Some("\""));
    assert_eq!(ok.text(), "<&é");
}

// ---- safety -------------------------------------------------------------------------------------

#[test]
fn hostile_text_is_escaped_and_every_chart_is_well_formed() {
    let hostile_frame = Frame {
        title: HOSTILE.into(),
        subtitle: Some(AWKWARD.into()),
        notes: vec![HOSTILE.into()],
        source_line: AWKWARD.into(),
        date_line: "]]>".into(),
    };
    let bars = [bar("a", HOSTILE, 90.0, true), bar("b", AWKWARD, 80.0, false)];
    let mut bar_spec = spec();
    bar_spec.mean = Some((85.0, HOSTILE.into()));
    let bands = [band(HOSTILE, 1, 2, 3, false), band(AWKWARD, 2, 3, 5, true)];
    let slopes = [slope(HOSTILE, 1, 2, true), slope(AWKWARD, 2, 1, true)];
    let docs = [
        bar_svg(&bars, &bar_spec, &hostile_frame, &LIGHT, Lang::Vi),
        band_svg(&bands, 5, &hostile_frame, &LIGHT),
        slope_svg(&slopes, (2022, 2023), 5, &hostile_frame, &DARK),
    ];
    let cleaned = clean(AWKWARD);
    assert_eq!(cleaned, "Sở \"A\" & 'B' ]]> <![CDATA[ xy");
    for doc in &docs {
        assert!(!doc.contains("<img"), "raw markup from data in {doc}");
        assert!(!doc.contains("<![CDATA["), "raw CDATA from data in {doc}");
        assert!(!doc.contains('\u{1b}') && !doc.contains('\u{0}') && !doc.contains('\u{fffe}'));
        let root = read(doc);
        // Nothing from data became an element or an attribute.
        for el in root.all() {
            assert!(
                ["rect", "line", "circle", "path", "text", "g", "title"].contains(&el.name.as_str()),
                "unexpected element <{}>",
                el.name
            );
            for (key, value) in &el.attrs {
                assert!(!value.contains('<'), "{key}={value:?}");
            }
        }
        // ...and the names read back exactly as given (cleaned, wrapped lines joined).
        let all_text = texts(&root).join(" ");
        assert!(all_text.contains(HOSTILE), "{all_text}");
        assert!(root.all().iter().any(|e| e.name == "title" && e.text().contains(&cleaned)));
    }
}

#[test]
fn escape_covers_the_five_xml_characters() {
    assert_eq!(escape("<a href=\"x\">&'</a>]]>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;]]&gt;");
}

// ---- the frame ----------------------------------------------------------------------------------

#[test]
fn title_subtitle_notes_source_date_and_credit_are_burnt_in() {
    let f = frame();
    let root = read(&bar_svg(&[bar("a", "1. Quảng Ninh", 94.25, false)], &spec(), &f, &LIGHT, Lang::Vi));
    let header: Vec<String> = root.with_class("title").into_iter().map(El::text).collect();
    assert_eq!(header.join(" "), f.title);
    assert_eq!(root.one("subtitle").text(), "Điểm tổng, thang 0–100%");
    assert_eq!(root.one("note").text(), f.notes.join(""));
    assert_eq!(root.one("source").text(), f.source_line);
    assert_eq!(root.one("date").text(), f.date_line);
    assert_eq!(root.one("credit").text(), "chiso");
    // Title on top, chart in the middle, source and date at the bottom.
    let y = |class: &str| root.with_class(class).first().map(|e| e.num("y")).unwrap_or(f64::NAN);
    assert!(y("title") < y("subtitle") && y("subtitle") < y("label") && y("label") < y("note"));
    assert!(y("note") < y("source") && y("source") < y("date"));
    assert!(y("date") < root.num("height"));
    // A background the size of the document, in the theme's colour.
    let bg = root.one("background");
    assert_eq!((bg.num("width"), bg.num("height")), (root.num("width"), root.num("height")));
    assert_eq!(bg.attr("fill"), Some(LIGHT.background));
}

#[test]
fn long_texts_wrap_inside_the_width() {
    let mut f = frame();
    f.title = "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước \
               (SIPAS) năm 2023, xếp hạng các sở, ban, ngành và quận, huyện, thị xã của thành phố Hà Nội"
        .into();
    f.source_line = "x".repeat(300);
    for narrow in [false, true] {
        let bar_spec = BarSpec { narrow, ..spec() };
        let root =
            read(&bar_svg(&[bar("a", &"Tên rất dài ".repeat(12), 50.0, false)], &bar_spec, &f, &LIGHT, Lang::Vi));
        let width = root.num("width");
        assert_eq!(width, if narrow { 480.0 } else { 800.0 });
        let titles = root.with_class("title");
        assert!(titles.len() >= 2, "the title wraps");
        assert!(root.with_class("source").len() >= 2, "an unbreakable source line is cut");
        for el in root.all().into_iter().filter(|e| e.name == "text" && e.attr("text-anchor") == Some("start")) {
            let size = el.num("font-size");
            let estimate = el.text().chars().count() as f64 * size * 0.6;
            assert!(el.num("x") + estimate <= width, "{:?} runs off the right edge", el.text());
        }
        // A very long unit name is cut to three lines, ending in "…".
        let label = root.with_class("label");
        assert_eq!(label.len(), 3);
        assert!(label.last().is_some_and(|l| l.text().ends_with('…')));
    }
}

#[test]
fn wrap_breaks_at_spaces_and_cuts_what_does_not_fit() {
    assert_eq!(wrap("Sở Tài nguyên và Môi trường", 12, 9), ["Sở Tài", "nguyên và", "Môi trường"]);
    assert_eq!(wrap("abcdefghij", 4, 9), ["abcd", "efgh", "ij"]);
    assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c …"]);
    assert!(wrap("   ", 10, 3).is_empty());
}

// ---- bars ---------------------------------------------------------------------------------------

#[test]
fn bars_keep_the_rows_order_and_count() {
    let rows = [
        bar("qn", "1. Quảng Ninh", 94.25, false),
        bar("hp", "2. Hải Phòng", 92.1, false),
        bar("x", "=3. Bắc Ninh", 9.0, false),
    ];
    let root = read(&bar_svg(&rows, &spec(), &frame(), &LIGHT, Lang::Vi));
    let groups = root.with_class("row");
    assert_eq!(groups.len(), rows.len());
    let labels: Vec<String> = groups.iter().map(|g| g.one("label").text()).collect();
    assert_eq!(labels, ["1. Quảng Ninh", "2. Hải Phòng", "=3. Bắc Ninh"]);
    // The values are drawn after the mean line (over it), in the rows' order.
    let values: Vec<String> = root.with_class("value").into_iter().map(El::text).collect();
    assert_eq!(values, ["94.25%", "92.10%", "9.00%"]);
    // Best at the top: each bar below the one before.
    let ys: Vec<f64> = groups.iter().map(|g| g.one("bar").num("y")).collect();
    assert!(ys.windows(2).all(|w| w.first() < w.last()), "{ys:?}");
    // The mean's label and line, the axis numbers in Vietnamese notation.
    assert_eq!(root.one("mean").text(), "TB 87,50%");
    assert!(root.all().iter().any(|e| e.attr("stroke-dasharray").is_some() && e.attr("stroke") == Some(LIGHT.mean)));
    let ticks: Vec<String> = root.with_class("tick").into_iter().map(El::text).collect();
    assert_eq!(ticks, ["0", "20", "40", "60", "80", "100"]);
}

#[test]
fn the_value_axis_is_numbered_at_both_ends() {
    let check = |min: f64, max: f64, narrow: bool, expected: &[&str]| {
        let bar_spec = BarSpec { axis_min: min, axis_max: max, mean: None, narrow };
        let root = read(&bar_svg(&[bar("a", "a", max, false)], &bar_spec, &frame(), &LIGHT, Lang::Vi));
        let ticks: Vec<String> = root.with_class("tick").into_iter().map(El::text).collect();
        assert_eq!(ticks, expected, "{min}..{max}, narrow: {narrow}");
    };
    // 50..100 in three steps would be 60, 80, 100: the bars' start, 50, is numbered too.
    check(50.0, 100.0, true, &["50", "60", "80", "100"]);
    check(50.0, 100.0, false, &["50", "60", "70", "80", "90", "100"]);
    // An end next to a round value takes its place.
    check(0.0, 103.0, false, &["0", "25", "50", "75", "103"]);
    // Each number with the decimals it needs.
    check(1.0, 9.7, false, &["1", "2", "4", "6", "8", "9,7"]);
    check(0.0, 1.0, false, &["0", "0,2", "0,4", "0,6", "0,8", "1"]);
}

#[test]
fn rank_axes_mark_rank_one_and_the_last_rank() {
    use super::rank_ticks;
    assert_eq!(rank_ticks(1, 10, 14.0), [1]);
    // 2 is marked where there is room for it, not 14 px below 1.
    assert_eq!(rank_ticks(14, 10, 37.0), [1, 2, 4, 6, 8, 10, 12, 14]);
    assert_eq!(rank_ticks(14, 10, 14.0), [1, 4, 6, 8, 10, 12, 14]);
    assert_eq!(rank_ticks(30, 10, 14.0), [1, 5, 10, 15, 20, 25, 30]);
    // 60 gives way to 63 when they would touch.
    assert_eq!(rank_ticks(63, 10, 14.0), [1, 10, 20, 30, 40, 50, 60, 63]);
    assert_eq!(rank_ticks(63, 10, 8.0), [1, 10, 20, 30, 40, 50, 63]);
}

#[test]
fn bar_length_is_proportional_from_the_axis_minimum() {
    let bar_spec = BarSpec { axis_min: 50.0, axis_max: 100.0, mean: None, narrow: false };
    let rows = [bar("max", "max", 100.0, false), bar("min", "min", 50.0, false), bar("mid", "mid", 75.0, false)];
    let root = read(&bar_svg(&rows, &bar_spec, &frame(), &LIGHT, Lang::En));
    let widths: Vec<f64> = root.with_class("bar").into_iter().map(|b| b.num("width")).collect();
    // The axis' grid lines mark where 50 and 100 are: the full bar spans them exactly.
    let ticks: Vec<(String, f64)> = root.with_class("tick").into_iter().map(|t| (t.text(), t.num("x"))).collect();
    let x_of = |label: &str| ticks.iter().find(|(t, _)| t == label).map(|(_, x)| *x).unwrap_or(f64::NAN);
    let plot_w = x_of("100") - x_of("50");
    assert!(plot_w > 300.0, "{ticks:?}");
    assert_eq!(widths.len(), 3);
    let close = |a: f64, b: f64| (a - b).abs() <= 0.2;
    assert!(widths.first().is_some_and(|&w| close(w, plot_w)), "{widths:?} vs {plot_w}");
    assert!(widths.get(1).is_some_and(|&w| close(w, 0.0)), "{widths:?}");
    assert!(widths.get(2).is_some_and(|&w| close(w, plot_w / 2.0)), "{widths:?}");
    // Every bar starts at the axis minimum.
    let xs: Vec<f64> = root.with_class("bar").into_iter().map(|b| b.num("x")).collect();
    assert!(xs.iter().all(|&x| close(x, x_of("50"))), "{xs:?}");
    // Values beyond the scale (or not numbers) stay inside it.
    let odd = [bar("hi", "hi", 130.0, false), bar("lo", "lo", -5.0, false), bar("nan", "nan", f64::NAN, false)];
    let root = read(&bar_svg(&odd, &bar_spec, &frame(), &LIGHT, Lang::En));
    let widths: Vec<f64> = root.with_class("bar").into_iter().map(|b| b.num("width")).collect();
    assert!(widths.first().is_some_and(|&w| close(w, plot_w)) && widths.iter().skip(1).all(|&w| w == 0.0));
}

#[test]
fn the_selected_bar_takes_the_themes_selected_colour() {
    for theme in [LIGHT, DARK] {
        let rows = [bar("a", "a", 90.0, false), bar("b", "b", 80.0, true), bar("c", "c", 70.0, false)];
        let root = read(&bar_svg(&rows, &spec(), &frame(), &theme, Lang::Vi));
        let fills: Vec<Option<&str>> = root.with_class("bar").into_iter().map(|b| b.attr("fill")).collect();
        assert_eq!(fills, [Some(theme.bar), Some(theme.bar_selected), Some(theme.bar)]);
        assert_eq!(root.one("background").attr("fill"), Some(theme.background));
    }
}

#[test]
fn colours_come_only_from_the_theme() {
    let theme: Theme = DARK;
    let palette = [theme.text, theme.muted, theme.grid, theme.bar, theme.bar_selected, theme.mean, theme.background];
    let palette: Vec<&str> = palette.into_iter().chain([theme.up, theme.down]).collect();
    let docs = [
        bar_svg(&[bar("a", "a", 90.0, true)], &spec(), &frame(), &theme, Lang::Vi),
        band_svg(&[band("a", 1, 2, 3, true)], 5, &frame(), &theme),
        slope_svg(
            &[slope("a", 1, 3, true), slope("b", 3, 1, false), slope("c", 2, 2, false)],
            (2022, 2023),
            3,
            &frame(),
            &theme,
        ),
    ];
    for doc in &docs {
        for el in read(doc).all() {
            for key in ["fill", "stroke"] {
                if let Some(colour) = el.attr(key) {
                    assert!(palette.contains(&colour), "<{} {key}={colour}> is not from the theme", el.name);
                }
            }
        }
    }
}

// ---- bands --------------------------------------------------------------------------------------

#[test]
fn bands_sit_at_their_ranks() {
    let rows =
        [band("Quảng Ninh", 1, 1, 2, false), band("Hải Phòng", 2, 3, 6, true), band("Bắc Ninh", 5, 8, 10, false)];
    let root = read(&band_svg(&rows, 10, &frame(), &LIGHT));
    let groups = root.with_class("row");
    assert_eq!(groups.len(), 3);
    let labels: Vec<String> = groups.iter().map(|g| g.one("label").text()).collect();
    assert_eq!(labels, ["Quảng Ninh", "Hải Phòng", "Bắc Ninh"]);
    let bands: Vec<&El> = groups.iter().map(|g| g.one("band")).collect();
    let medians: Vec<&El> = groups.iter().map(|g| g.one("median")).collect();
    // One rank is a fixed width; a band from p05 to p95 covers p95 - p05 + 1 of them.
    let first = bands.first().expect("three bands");
    let rank_w = first.num("width") / 2.0;
    let left = first.num("x");
    for (b, row) in bands.iter().zip(&rows) {
        let close = |a: f64, e: f64| (a - e).abs() <= 0.2;
        assert!(close(b.num("x"), left + rank_w * f64::from(row.p05 - 1)), "{row:?}");
        assert!(close(b.num("width"), rank_w * f64::from(row.p95 - row.p05 + 1)), "{row:?}");
    }
    // The median diamond is centred in its rank's slot (the path starts at its top point).
    for (m, row) in medians.iter().zip(&rows) {
        let x: f64 = m.attr("d").and_then(|d| d.strip_prefix('M')?.split(' ').next()?.parse().ok()).unwrap_or(f64::NAN);
        assert!((x - (left + rank_w * (f64::from(row.median) - 0.5))).abs() <= 0.2, "{row:?}: {x}");
    }
    // Rows go down the page in order; the selected band is highlighted.
    let ys: Vec<f64> = bands.iter().map(|b| b.num("y")).collect();
    assert!(ys.windows(2).all(|w| w.first() < w.last()), "{ys:?}");
    let fills: Vec<Option<&str>> = bands.iter().map(|b| b.attr("fill")).collect();
    assert_eq!(fills, [Some(LIGHT.bar), Some(LIGHT.bar_selected), Some(LIGHT.bar)]);
    let ticks: Vec<String> = root.with_class("tick").into_iter().map(El::text).collect();
    let every_rank: Vec<String> = (1..=10).map(|r: u32| r.to_string()).collect();
    assert_eq!(ticks, every_rank);
}

// ---- slope --------------------------------------------------------------------------------------

#[test]
fn slope_lines_run_from_rank_to_rank() {
    let rows = [slope("Ứng Hòa", 30, 19, true), slope("Ba Vì", 5, 12, false), slope("Mê Linh", 8, 8, false)];
    let root = read(&slope_svg(&rows, (2022, 2023), 30, &frame(), &LIGHT));
    let groups = root.with_class("row");
    assert_eq!(groups.len(), 3);
    let years: Vec<String> = root.with_class("year").into_iter().map(El::text).collect();
    assert_eq!(years, ["2022", "2023"]);
    // y of a rank, from the axis numbers: rank 1 at the top, 14 px a rank.
    let ticks: Vec<(String, f64)> = root.with_class("tick").into_iter().map(|t| (t.text(), t.num("y"))).collect();
    let tick_y = |label: &str| ticks.iter().find(|(t, _)| t == label).map(|(_, y)| *y).unwrap_or(f64::NAN);
    let rank_1 = tick_y("1") - 12.0 * 0.35;
    assert!(((tick_y("30") - tick_y("1")) - 29.0 * 14.0).abs() <= 0.2, "{ticks:?}");
    for row in &rows {
        let group = groups
            .iter()
            .find(|g| g.all().iter().any(|e| e.name == "title" && e.text() == row.label))
            .unwrap_or_else(|| panic!("no line for {row:?}"));
        let line = group.all().into_iter().find(|e| e.name == "line").expect("a line");
        let y_of = |rank: u32| rank_1 + 14.0 * f64::from(rank - 1);
        assert!((line.num("y1") - y_of(row.from_rank)).abs() <= 0.2, "{row:?}");
        assert!((line.num("y2") - y_of(row.to_rank)).abs() <= 0.2, "{row:?}");
        assert!(line.num("x1") < line.num("x2"));
        let colour = match row.to_rank.cmp(&row.from_rank) {
            std::cmp::Ordering::Less => LIGHT.up,
            std::cmp::Ordering::Greater => LIGHT.down,
            std::cmp::Ordering::Equal => LIGHT.muted,
        };
        assert_eq!(line.attr("stroke"), Some(colour), "{row:?}");
        assert_eq!(group.with_class("end-label").len(), usize::from(row.labelled));
    }
}

#[test]
fn end_labels_are_not_cut_when_their_column_was_sized_for_them() {
    // 19 characters: the column is as wide as they need, and not a hair less.
    let rows = [slope("Tỉnh số 60", 60, 16, true), slope("Tỉnh số 9", 9, 1, true)];
    let root = read(&slope_svg(&rows, (2022, 2023), 63, &frame(), &LIGHT));
    let labels: Vec<String> = root.with_class("end-label").into_iter().map(El::text).collect();
    assert_eq!(labels, ["Tỉnh số 60: 60 → 16", "Tỉnh số 9: 9 → 1"]);
}

#[test]
fn end_labels_on_the_same_rank_do_not_overlap() {
    let rows = [slope("A", 1, 2, true), slope("B", 3, 2, true), slope("C", 4, 3, true)];
    let root = read(&slope_svg(&rows, (2022, 2023), 4, &frame(), &LIGHT));
    let mut ys: Vec<f64> = root.with_class("end-label").into_iter().map(|e| e.num("y")).collect();
    ys.sort_by(f64::total_cmp);
    assert_eq!(ys.len(), 3);
    assert!(ys.windows(2).all(|w| w.last().zip(w.first()).is_some_and(|(b, a)| b - a >= 12.9)), "{ys:?}");
    // The plot grows to hold the last label: it stays above the notes.
    let note_y = root.one("note").num("y");
    assert!(ys.last().is_some_and(|&y| y + 12.0 < note_y));
}

// ---- samples to look at -------------------------------------------------------------------------

/// Writes one document of each chart to the folder named by `CHISO_SVG_SAMPLES`, when set, to
/// be looked at (or turned into PNG); without it, still checks that they are well-formed.
#[test]
fn samples() {
    let provinces = [
        "Quảng Ninh",
        "Hải Phòng",
        "Đà Nẵng",
        "Bắc Ninh",
        "Hà Nội",
        "Thành phố Hồ Chí Minh",
        "Bình Dương",
        "Thừa Thiên Huế",
        "Đồng Tháp",
        "Bà Rịa - Vũng Tàu",
        "Sở Tài nguyên và Môi trường <Hà Nội> & \"Ban\"",
        "Long An",
        "Cần Thơ",
        "Lào Cai",
    ];
    let bars: Vec<BarRow> = provinces
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let value = 94.25 - 1.7 * i as f64;
            BarRow::ranked(
                &format!("u{i}"),
                Some((u32::try_from(i).unwrap_or(0) + 1, i == 3)),
                None,
                name,
                value,
                chiso_engine::schema::ScoreUnit::Percent,
                Lang::Vi,
                i == 4,
            )
        })
        .collect();
    let bar_spec = BarSpec { axis_min: 50.0, axis_max: 100.0, mean: Some((85.7, "TB 85,70%".into())), narrow: false };
    let bands: Vec<BandRow> = provinces
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let r = u32::try_from(i).unwrap_or(0) + 1;
            band(name, r.saturating_sub(2).max(1), r, (r + 3 + r % 4).min(14), i == 4)
        })
        .collect();
    let moves = [(1, 3), (2, 1), (3, 2), (4, 9), (5, 5), (6, 4), (7, 14), (8, 6), (9, 8), (10, 7), (11, 13), (12, 10)];
    let slopes: Vec<SlopeRow> =
        provinces.iter().zip(moves).map(|(name, (from, to))| slope(name, from, to, from.abs_diff(to) >= 2)).collect();
    // A full block of 63 provinces, each moved by a fixed shuffle (37 is coprime with 63).
    let slopes_63: Vec<SlopeRow> = (1..=63_u32)
        .map(|from| {
            let to = (from * 37) % 63 + 1;
            slope(&format!("Tỉnh số {from}"), from, to, from.abs_diff(to) >= 40)
        })
        .collect();
    let narrow = BarSpec { narrow: true, ..bar_spec.clone() };
    let docs = [
        ("bar", bar_svg(&bars, &bar_spec, &frame(), &LIGHT, Lang::Vi)),
        ("bar-narrow-dark", bar_svg(&bars, &narrow, &frame(), &DARK, Lang::Vi)),
        ("band", band_svg(&bands, 14, &frame(), &LIGHT)),
        ("slope", slope_svg(&slopes, (2022, 2023), 14, &frame(), &LIGHT)),
        ("slope-63-dark", slope_svg(&slopes_63, (2022, 2023), 63, &frame(), &DARK)),
    ];
    for (name, doc) in &docs {
        read(doc);
        if let Some(dir) = std::env::var_os("CHISO_SVG_SAMPLES") {
            let dir = std::path::PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("sample folder");
            std::fs::write(dir.join(format!("{name}.svg")), doc).expect("sample written");
        }
    }
}

#[test]
fn no_rows_and_an_empty_frame_still_make_a_document() {
    let empty = Frame::default();
    let degenerate = BarSpec { axis_min: 5.0, axis_max: 5.0, mean: Some((f64::NAN, String::new())), narrow: true };
    let docs = [
        bar_svg(&[], &spec(), &empty, &LIGHT, Lang::Vi),
        bar_svg(&[bar("a", "", f64::INFINITY, true)], &degenerate, &empty, &LIGHT, Lang::En),
        band_svg(&[], 0, &empty, &LIGHT),
        band_svg(&[band("a", 9, 7, 3, false)], 0, &empty, &LIGHT),
        slope_svg(&[], (2023, 2023), 0, &empty, &DARK),
        slope_svg(&[slope("a", 0, 99, true)], (2022, 2023), 1, &empty, &DARK),
    ];
    for doc in &docs {
        let root = read(doc);
        assert!(root.num("height") > 0.0);
        // Coordinates stay numbers (the value text, "inf%" here, is the caller's).
        for el in root.all() {
            assert!(el.attrs.iter().all(|(_, v)| !v.contains("NaN") && !v.contains("inf")), "{el:?}");
        }
        assert_eq!(root.one("credit").text(), "chiso");
    }
}

// ---- on the page, before ECharts ----------------------------------------------------------------

#[test]
fn inline_charts_fill_the_page_box_exactly_and_leave_the_text_alternative_to_it() {
    let rows: Vec<BarRow> = (0..30)
        .map(|i| {
            bar(
                &format!("u{i}"),
                &format!("{}. {HOSTILE} Sở Tài nguyên và Môi trường", i + 1),
                90.0 - f64::from(i),
                i == 3,
            )
        })
        .collect();
    let fit = Fit { width_px: 336.0, height_px: f64::from(crate::charts::ranking_bar::height_for(rows.len())) };
    let mut narrow = spec();
    narrow.narrow = true;
    let bands = [band("a", 1, 2, 3, false), band(HOSTILE, 2, 3, 5, true)];
    let slopes = [slope("a", 1, 2, true), slope(HOSTILE, 2, 1, true)];
    let docs = [
        (bar_inline(&rows, &narrow, &LIGHT, Lang::Vi, fit), fit),
        (
            band_inline(&bands, 5, &DARK, Fit { width_px: 800.0, height_px: 104.0 }),
            Fit { width_px: 800.0, height_px: 104.0 },
        ),
        (
            slope_inline(&slopes, (2022, 2023), 5, &LIGHT, Fit { width_px: 336.0, height_px: 190.0 }),
            Fit { width_px: 336.0, height_px: 190.0 },
        ),
    ];
    for (doc, fit) in &docs {
        assert!(doc.starts_with("<svg "), "an element to put in the page, no XML declaration: {doc}");
        assert!(!doc.contains("<img"));
        let root = read(doc);
        assert_eq!((root.num("width"), root.num("height")), (fit.width_px, fit.height_px), "the box's size");
        assert_eq!(root.attr("aria-hidden"), Some("true"), "the box carries role=img and the summary");
        assert!(root.with_class("credit").is_empty() && root.with_class("title").is_empty(), "no frame");
        // Everything drawn stays inside the box.
        for el in root.all().into_iter().filter(|e| e.name == "rect") {
            assert!(el.num("y") + el.num("height") <= fit.height_px + 0.5, "{el:?}");
            assert!(el.num("x") + el.num("width") <= fit.width_px + 0.5, "{el:?}");
        }
    }
    // Thirty bars, each unit's name wrapped to what its row holds.
    let root = read(&docs[0].0);
    assert_eq!(root.with_class("bar").len(), 30);
    let label_ys: Vec<f64> = root.with_class("label").iter().map(|e| e.num("y")).collect();
    assert!(label_ys.iter().all(|y| *y < fit.height_px), "{label_ys:?}");
}

#[test]
fn a_fluid_chart_follows_its_box_width_and_keeps_its_height() {
    let fit = Fit { width_px: super::SNAPSHOT_BOX_PX, height_px: 246.0 };
    let fixed =
        bar_inline(&[bar("a", "Sở A", 90.0, false), bar("b", "Sở B", 80.0, false)], &spec(), &LIGHT, Lang::Vi, fit);
    let fluid = super::fluid(&fixed, fit);
    let root = read(&fluid);
    let attr = |name: &str| root.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(attr("width").as_deref(), Some("100%"));
    assert_eq!(attr("height").as_deref(), Some("246"), "the box keeps its height: nothing below it moves");
    assert_eq!(attr("viewBox").as_deref(), Some("0 0 388 246"));
    assert_eq!(attr("preserveAspectRatio").as_deref(), Some("xMinYMin meet"));
    // Only the root changed: the drawing is the same.
    assert_eq!(fluid.replace(" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"", " width=\"388\""), fixed);
}
