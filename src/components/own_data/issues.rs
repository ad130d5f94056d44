//! The table's problems (to fix before ranking) and warnings (worth knowing), each located by
//! line and column in the reader's own terms; and a JSON file's validation problems.

use chiso_engine::format::Lang;
use chiso_engine::table::build::TableIssue;
use leptos::prelude::*;

use crate::i18n;
use crate::load::LoadFailure;

/// At most this many issues of each sort are listed; the rest are counted.
const MAX_LISTED: usize = 50;

fn list(issues: Vec<TableIssue>, lang: Lang) -> impl IntoView {
    let more = issues.len().saturating_sub(MAX_LISTED);
    view! {
        <ul>
            {issues.iter().take(MAX_LISTED).map(|i| view! { <li>{i18n::issue_text(i, lang)}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p>{i18n::more_details(more, lang)}</p> })}
    }
}

/// Problems and warnings of the table in the box.
#[component]
pub fn Issues(issues: Signal<(Vec<TableIssue>, Vec<TableIssue>)>, lang: Memo<Lang>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let (problems, warnings) = issues.get();
        let t = i18n::own(lang);
        let problems = (!problems.is_empty()).then(|| {
            view! {
                <section class="own-problems" role="alert" data-testid="own-problems">
                    <h2>{t.problems}</h2>
                    {list(problems, lang)}
                </section>
            }
        });
        let warnings = (!warnings.is_empty()).then(|| {
            view! {
                <section class="own-warnings" data-testid="own-warnings">
                    <h2>{t.warnings}</h2>
                    {list(warnings, lang)}
                </section>
            }
        });
        (problems, warnings)
    }
}

/// Why the JSON in the box is not a dataset chiso can show.
#[component]
pub fn JsonProblems(failure: LoadFailure, lang: Memo<Lang>) -> impl IntoView {
    move || {
        let lang = lang.get();
        let text = i18n::load_failure(&failure, lang);
        let details = i18n::failure_details(&failure, lang);
        let shown: Vec<String> = details.lines.iter().take(MAX_LISTED).cloned().collect();
        view! {
            <section class="own-problems" role="alert" data-testid="own-problems">
                <h2>{text.headline}</h2>
                <p>{text.explanation}</p>
                <ul lang=details.untranslated.then_some("en")>{shown.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            </section>
        }
    }
}
