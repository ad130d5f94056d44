//! The mapping step: what each column holds (a menu above each column of the preview), the
//! header row, the decimal mark, the scales, the year, the index's name and the source.

use chiso_engine::format::{self, Lang};
use chiso_engine::table::mapping::{DecimalMark, Mapping, Role};
use chiso_engine::table::read::Grid;
use leptos::prelude::*;

use crate::i18n;

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 8;
/// Header-row choices offered (a title or two above a table is common; more is rare).
const HEADER_CHOICES: usize = 6;

fn role_code(role: Role) -> &'static str {
    match role {
        Role::Ignore => "ignore",
        Role::Name => "name",
        Role::Total => "total",
        Role::Component => "component",
        Role::Rank => "rank",
        Role::Group => "group",
        Role::Year => "year",
        Role::Kind => "kind",
    }
}

fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The mapping step, when the box holds a table.
#[component]
pub fn MappingStep(grid: Memo<Option<Grid>>, mapping: RwSignal<Option<Mapping>>, lang: Memo<Lang>) -> impl IntoView {
    let edit = move |f: Box<dyn FnOnce(&mut Mapping)>| {
        mapping.update(|m| {
            if let Some(m) = m.as_mut() {
                f(m);
            }
        });
    };
    let header_of = move |m: &Mapping, i: usize| -> String {
        let lang = lang.get();
        m.columns
            .get(i)
            .map(|c| c.header.clone())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| i18n::column_name(i, lang))
    };

    let settings = move || {
        let lang = lang.get();
        let m = mapping.get()?;
        let t = i18n::own(lang);
        let lines: Vec<usize> =
            grid.with(|g| g.as_ref().map(|g| g.rows.iter().take(HEADER_CHOICES).map(|r| r.line).collect()))?;
        let header_options = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                view! { <option value=i.to_string() selected=m.header_row == Some(i)>{i18n::line_name(*line, lang)}</option> }
            })
            .collect_view();
        let has_year_column = m.columns.iter().any(|c| c.role == Role::Year);
        let has_components = m.columns.iter().any(|c| c.role == Role::Component);
        let on_header = move |ev| {
            let value = event_target_value(&ev);
            let row = value.parse::<usize>().ok();
            let cells: Vec<String> = grid
                .with_untracked(|g| g.as_ref().and_then(|g| row.and_then(|r| g.rows.get(r))).map(|r| r.cells.clone()))
                .unwrap_or_default();
            edit(Box::new(move |m| {
                m.header_row = row;
                for (i, c) in m.columns.iter_mut().enumerate() {
                    c.header = cells.get(i).cloned().unwrap_or_default();
                }
            }));
        };
        let on_decimal = move |ev| {
            let comma = event_target_value(&ev) == "comma";
            edit(Box::new(move |m| m.decimal = if comma { DecimalMark::Comma } else { DecimalMark::Point }));
        };
        let on_scale = move |ev| {
            if let Some(x) = parse_number(&event_target_value(&ev)).filter(|x| *x > 0.0) {
                edit(Box::new(move |m| m.scale_max = x));
            }
        };
        let on_component_scale = move |ev| {
            if let Some(x) = parse_number(&event_target_value(&ev)).filter(|x| *x > 0.0) {
                edit(Box::new(move |m| m.component_max = x));
            }
        };
        let on_year = move |ev| {
            if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
                edit(Box::new(move |m| m.year = y));
            }
        };
        let on_title = move |ev| {
            let v = event_target_value(&ev);
            edit(Box::new(move |m| m.title = v));
        };
        let on_source = move |ev| {
            let v = event_target_value(&ev);
            edit(Box::new(move |m| m.source = v));
        };
        Some(view! {
            <div class="fields own-settings">
                <label class="field">
                    <span>{t.header_row}</span>
                    <select data-testid="own-header-row" on:change=on_header>
                        {header_options}
                        <option value="none" selected=m.header_row.is_none()>{t.no_header}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t.decimal}</span>
                    <select data-testid="own-decimal" on:change=on_decimal>
                        <option value="comma" selected=m.decimal == DecimalMark::Comma>{i18n::decimal_name(DecimalMark::Comma, lang)}</option>
                        <option value="point" selected=m.decimal == DecimalMark::Point>{i18n::decimal_name(DecimalMark::Point, lang)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t.scale_max}</span>
                    <input type="text" inputmode="decimal" data-testid="own-scale" prop:value=format::exact(m.scale_max, lang) on:change=on_scale />
                </label>
                {has_components.then(|| view! {
                    <label class="field">
                        <span>{t.component_max}</span>
                        <input type="text" inputmode="decimal" data-testid="own-component-scale" prop:value=format::exact(m.component_max, lang) on:change=on_component_scale />
                    </label>
                })}
                {(!has_year_column).then(|| view! {
                    <label class="field">
                        <span>{t.year}</span>
                        <input type="number" data-testid="own-year" min="1900" max="2100" prop:value=m.year.to_string() on:change=on_year />
                    </label>
                })}
                <label class="field own-wide">
                    <span>{t.index_title}</span>
                    <input type="text" data-testid="own-title" prop:value=m.title.clone() on:change=on_title />
                </label>
                <label class="field own-wide">
                    <span>{t.source}</span>
                    <input type="text" data-testid="own-source" placeholder=t.source_placeholder prop:value=m.source.clone() on:change=on_source />
                </label>
            </div>
        })
    };

    let preview = move || {
        let lang = lang.get();
        let m = mapping.get()?;
        let t = i18n::own(lang);
        let (rows, more) = grid.with(|g| {
            let g = g.as_ref()?;
            let start = m.header_row.map_or(0, |h| h + 1);
            let data: Vec<Vec<String>> =
                g.rows.iter().skip(start).take(PREVIEW_ROWS).map(|r| r.cells.clone()).collect();
            let more = g.rows.len().saturating_sub(start + data.len());
            Some((data, more))
        })?;
        let heads = m
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let header = header_of(&m, i);
                let role = c.role;
                let weight = c.weight;
                let on_role = move |ev| {
                    let code = event_target_value(&ev);
                    if let Some(r) = Role::ALL.into_iter().find(|r| role_code(*r) == code) {
                        edit(Box::new(move |m| {
                            if let Some(c) = m.columns.get_mut(i) {
                                c.role = r;
                            }
                        }));
                    }
                };
                let on_weight = move |ev| {
                    let w = parse_number(&event_target_value(&ev));
                    edit(Box::new(move |m| {
                        if let Some(c) = m.columns.get_mut(i) {
                            c.weight = w;
                        }
                    }));
                };
                let options = Role::ALL
                    .into_iter()
                    .map(|r| view! { <option value=role_code(r) selected=r == role>{i18n::role_name(r, lang)}</option> })
                    .collect_view();
                let label = format!("{}: {}", t.role_label, header);
                view! {
                    <th scope="col" class=format!("role-{}", role_code(role))>
                        <span class="col-head">{header.clone()}</span>
                        <select data-testid=format!("own-role-{i}") aria-label=label on:change=on_role>{options}</select>
                        {(role == Role::Component).then(|| view! {
                            <label class="weight">
                                <span>{t.weight}</span>
                                <input type="text" inputmode="decimal" data-testid=format!("own-weight-{i}")
                                    prop:value=weight.map(|w| format::exact(w, lang)).unwrap_or_default() on:change=on_weight />
                            </label>
                        })}
                    </th>
                }
            })
            .collect_view();
        let n_columns = m.columns.len();
        let body = rows
            .into_iter()
            .map(|cells| {
                let tds = (0..n_columns)
                    .map(|i| {
                        let role = m.columns.get(i).map_or(Role::Ignore, |c| c.role);
                        view! { <td class=format!("role-{}", role_code(role))>{cells.get(i).cloned().unwrap_or_default()}</td> }
                    })
                    .collect_view();
                view! { <tr>{tds}</tr> }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll own-preview" tabindex="0" role="region" aria-label=t.preview>
                <table data-testid="own-preview">
                    <caption>{t.preview}</caption>
                    <thead><tr>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p class="muted">{i18n::more_rows(more, lang)}</p> })}
        })
    };

    move || {
        mapping.with(Option::is_some).then(|| {
            view! {
                <section class="own-mapping" data-testid="own-mapping">
                    <h2>{move || i18n::own(lang.get()).mapping_title}</h2>
                    <p class="hint">{move || i18n::own(lang.get()).mapping_hint}</p>
                    {settings}
                    {preview}
                </section>
            }
        })
    }
}
