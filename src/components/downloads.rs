//! "Tải về": the current view's table as CSV (two dialects), the dataset as JSON, and the chart
//! as SVG or PNG with the title, the source line and the date burnt in. Made in the browser
//! from what the view shows; nothing is sent anywhere.

use chiso_engine::format::Lang;
use chiso_engine::table::export::{to_csv, CsvStyle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::charts::svg::{self, Frame};
use crate::components::context::Ctx;
use crate::export::{slug, ChartSnap, Exports, ViewExport};
use crate::i18n;
use crate::io;
use crate::own::{self, OwnSlot};

/// What to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    CsvSemicolon,
    CsvComma,
    Json,
    Png,
    Svg,
}

/// "30/11/2026" / "2026-11-30": today, as the reader writes dates.
fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    match lang {
        Lang::Vi => format!("{day:02}/{m:02}/{y}"),
        Lang::En => format!("{y}-{m:02}-{day:02}"),
    }
}

/// The chart of `snap` as a standalone SVG document.
fn chart_svg(snap: &ChartSnap, frame: &Frame, lang: Lang) -> String {
    let theme = crate::theme::LIGHT;
    match snap {
        ChartSnap::Bar(rows, spec) => svg::bar_svg(rows, spec, frame, &theme, lang),
        ChartSnap::Band(rows, n) => svg::band_svg(rows, *n, frame, &theme),
        ChartSnap::Slope(rows, years, n) => svg::slope_svg(rows, *years, *n, frame, &theme),
    }
}

/// The `width` and `height` attributes of an SVG document's root.
fn svg_size(doc: &str) -> (f64, f64) {
    let root = doc.split_once("<svg").map_or("", |(_, rest)| rest.split_once('>').map_or(rest, |(head, _)| head));
    let attr = |name: &str| {
        root.split_once(&format!(" {name}=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .and_then(|(v, _)| v.trim_end_matches("px").parse::<f64>().ok())
    };
    (attr("width").unwrap_or(800.0), attr("height").unwrap_or(600.0))
}

/// The downloads menu of the explorer.
#[component]
pub fn Downloads(
    ctx: Ctx,
    heading: Signal<String>,
    sources: Signal<Vec<chiso_engine::schema::RawSource>>,
) -> impl IntoView {
    let lang = ctx.lang;
    let status = RwSignal::new(None::<&'static str>);
    let own = own::use_own();
    let exports = use_context::<Exports>();

    let stem = move |what: &str| {
        let (short, year) = (heading.get_untracked(), ctx.resolved.with_untracked(|r| r.year));
        let _ = year;
        format!("chiso-{}-{what}", slug(&short))
    };
    let frame = move |e: &ViewExport, lang: Lang| {
        let t = i18n::own(lang);
        let cited: Vec<String> = sources.get_untracked().iter().map(|s| s.title.clone()).collect();
        let mut notes = Vec::new();
        if matches!(e.chart, Some(ChartSnap::Band(..))) {
            notes.push(i18n::band_legend(lang).to_string());
        }
        if e.has_assumed || e.has_computed {
            notes.push(format!("* {}", t.marks_legend));
        }
        Frame {
            title: heading.get_untracked(),
            subtitle: Some(e.subtitle.clone()),
            notes,
            source_line: format!("{}: {}", i18n::source_word(lang), cited.join("; ")),
            date_line: format!("chiso · {}", today(lang)),
        }
    };
    let save = move |kind: Kind| {
        let lang = lang.get_untracked();
        status.set(None);
        if kind == Kind::Json {
            let json = if ctx.view.with_untracked(|v| v.is_own()) {
                own.0.with_untracked(|s| match s {
                    OwnSlot::Ready(t) => Some((*t.json).clone()),
                    _ => None,
                })
            } else {
                None
            };
            match json {
                Some(json) => io::download_text(&format!("{}.json", stem("du-lieu")), "application/json", &json),
                None => {
                    // A file of the site: the browser fetches it from the same place the page did.
                    let file = ctx.view.with_untracked(|v| v.data_file().to_string());
                    io::download_url(&file, &format!("{}.json", stem("du-lieu")));
                }
            }
            return;
        }
        let Some(e) = exports.and_then(|x| x.take(lang)) else {
            status.set(Some(i18n::own(lang).download_failed));
            return;
        };
        match kind {
            Kind::CsvSemicolon | Kind::CsvComma => {
                let style = if kind == Kind::CsvSemicolon { CsvStyle::Semicolon } else { CsvStyle::Comma };
                let csv = to_csv(&e.header, &e.rows, style);
                io::download_text(&format!("{}.csv", stem(e.what)), "text/csv;charset=utf-8", &csv);
            }
            Kind::Svg | Kind::Png => {
                let Some(snap) = e.chart.as_ref() else {
                    status.set(Some(i18n::own(lang).download_failed));
                    return;
                };
                let doc = chart_svg(snap, &frame(&e, lang), lang);
                let name = stem(e.what);
                if kind == Kind::Svg {
                    io::download_text(&format!("{name}.svg"), "image/svg+xml", &doc);
                } else {
                    let (w, h) = svg_size(&doc);
                    spawn_local(async move {
                        if !io::download_png(&format!("{name}.png"), &doc, w, h).await {
                            status.set(Some(i18n::own(lang).download_failed));
                        }
                    });
                }
            }
            Kind::Json => {}
        }
    };
    let item = move |kind: Kind, label: fn(&'static i18n::OwnMsg) -> &'static str, id: &'static str| {
        view! {
            <li><button type="button" class="link-button" data-testid=id on:click=move |_| save(kind)>
                {move || label(i18n::own(lang.get()))}
            </button></li>
        }
    };
    view! {
        <details class="downloads" data-testid="downloads">
            // On phones an arrow stands for the words (the masthead has one row); the words stay the
            // accessible name.
            <summary class="tool">
                <span class="label-short" aria-hidden="true">"⤓"</span>
                <span class="label-long">{move || i18n::own(lang.get()).downloads}</span>
            </summary>
            <ul class="menu">
                {item(Kind::CsvSemicolon, |t| t.csv_semicolon, "download-csv")}
                {item(Kind::CsvComma, |t| t.csv_comma, "download-csv-comma")}
                {item(Kind::Png, |t| t.chart_png, "download-png")}
                {item(Kind::Svg, |t| t.chart_svg, "download-svg")}
                {item(Kind::Json, |t| t.dataset_json, "download-json")}
            </ul>
            <p role="status" class="muted" data-testid="download-status">{move || status.get()}</p>
        </details>
    }
}
