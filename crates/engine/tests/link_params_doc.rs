//! The documented link parameters are the table's: the module doc's `PARAMS.md` and the README's
//! "Link parameters" (between `<!-- params:begin -->` and `<!-- params:end -->`) hold exactly
//! `params::doc_table()`. After a change to the table, `CHISO_BLESS=1 cargo test -p chiso-engine
//! --test link_params_doc` rewrites both.

use chiso_engine::datasets::BUILTIN;
use chiso_engine::view_state::params::{doc_table, PARAMS};

const MODULE_DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/view_state/PARAMS.md");
const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
const BEGIN: &str = "<!-- params:begin -->";
const END: &str = "<!-- params:end -->";

fn bless() -> bool {
    std::env::var_os("CHISO_BLESS").is_some()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &str, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
}

#[test]
fn the_module_doc_is_the_table() {
    let want = doc_table();
    if bless() {
        write(MODULE_DOC, &want);
    }
    let got = read(MODULE_DOC);
    assert!(got == want, "{MODULE_DOC} is stale; run with CHISO_BLESS=1, or make it:\n{want}");
}

#[test]
fn the_readme_is_the_table() {
    let want = format!("\n\n{}\n", doc_table());
    let text = read(README);
    let Some((before, rest)) = text.split_once(BEGIN) else { panic!("README.md has no {BEGIN}") };
    let Some((got, after)) = rest.split_once(END) else { panic!("README.md has no {END}") };
    if bless() && got != want {
        write(README, &format!("{before}{BEGIN}{want}{END}{after}"));
        return;
    }
    assert!(got == want, "README.md's link parameters are stale; run with CHISO_BLESS=1, or make them:{want}");
}

#[test]
fn the_table_names_every_parameter_once_and_every_builtin_dataset() {
    let mut names: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PARAMS.len(), "parameter names are distinct");
    let Some(ds) = PARAMS.iter().find(|p| p.name == "ds") else { panic!("no ds row") };
    for d in BUILTIN {
        assert!(ds.value.contains(&format!("`{}`", d.id)), "the ds row names {}", d.id);
    }
    for p in PARAMS {
        assert!(!p.meaning.is_empty() && !p.value.is_empty() && !p.default.is_empty(), "{} is documented", p.name);
        // A cell may not break the Markdown table.
        assert!(![p.meaning, p.value, p.default].iter().any(|cell| cell.contains('|') || cell.contains('\n')));
    }
}
