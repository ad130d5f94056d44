//! Links shared today keep working forever: every link of `tests/links.tsv` (written by chiso
//! when the corpus was made, plus invalid ones) must open exactly the state recorded next to it
//! — its canonical re-written query — with exactly the warnings recorded, and that canonical
//! query must read back to the same state without a warning.
//!
//! The state is compared through its canonical query, which pins every field: reading the query
//! back gives the very same `ViewState` (checked here for every line, and for every valid state
//! by the `valid_states_round_trip` property test), so two states with the same query are equal.
//!
//! The corpus is never edited to make this test pass: a change of the link format must keep
//! every line opening the same state (`v=1`). New lines may be added; `CHISO_BLESS=1 cargo test
//! -p chiso-engine --test links` fills in the two expected columns of lines that have none.

use chiso_engine::view_state::{from_query, ParamWarning, ViewState};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/links.tsv");

/// `param:Problem` for each warning, space-separated; `-` for none.
fn warnings_text(ws: &[ParamWarning]) -> String {
    if ws.is_empty() {
        return "-".to_owned();
    }
    ws.iter().map(|w| format!("{}:{:?}", w.param, w.reason)).collect::<Vec<_>>().join(" ")
}

/// The link as written in the corpus (`(empty)` is the empty query).
fn link_of(cell: &str) -> &str {
    if cell == "(empty)" {
        ""
    } else {
        cell
    }
}

/// The state `link` opens, its canonical query and its warnings.
fn opened(link: &str) -> (ViewState, String, String) {
    let (state, warnings) = from_query(link_of(link));
    let canonical = state.to_query();
    let canonical = if canonical.is_empty() { "(default)".to_owned() } else { canonical };
    (state, canonical, warnings_text(&warnings))
}

#[test]
fn every_link_of_the_corpus_opens_the_state_it_always_opened() {
    let text = std::fs::read_to_string(CORPUS).unwrap_or_else(|e| panic!("{CORPUS}: {e}"));
    let bless = std::env::var_os("CHISO_BLESS").is_some();
    let mut out = Vec::new();
    let mut n_links = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            out.push(line.to_owned());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let link = cols.first().copied().unwrap_or_default();
        if link == "link" {
            out.push(line.to_owned());
            continue;
        }
        n_links += 1;
        let (state, canonical, warnings) = opened(link);
        match (cols.get(1), cols.get(2)) {
            (Some(want_state), Some(want_warnings)) => {
                assert_eq!(
                    (canonical.as_str(), warnings.as_str()),
                    (*want_state, *want_warnings),
                    "tests/links.tsv line {}: {link}",
                    i + 1
                );
                out.push(line.to_owned());
            }
            _ => {
                assert!(bless, "tests/links.tsv line {}: no expected state; run with CHISO_BLESS=1", i + 1);
                out.push(format!("{link}\t{canonical}\t{warnings}"));
            }
        }
        // The canonical query reads back to the same state, silently.
        let back = if canonical == "(default)" { String::new() } else { canonical.clone() };
        let (again, again_warnings) = from_query(&back);
        assert_eq!(again_warnings, [], "tests/links.tsv line {}: {back} reads without a warning", i + 1);
        assert_eq!(again, state, "tests/links.tsv line {}: {back} reads back to the state of {link}", i + 1);
    }
    assert!(n_links >= 40, "the corpus must hold at least 40 links, has {n_links}");
    if bless {
        std::fs::write(CORPUS, out.join("\n") + "\n").unwrap_or_else(|e| panic!("{CORPUS}: {e}"));
    }
}
