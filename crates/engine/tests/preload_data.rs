//! public/boot.js (the page's early preload of the dataset a link opens) names the
//! built-in datasets in the engine's order, the default first, and builds the file name the
//! engine's rule gives (`data/<id>.json`): a new dataset cannot be forgotten there.

use chiso_engine::datasets::{builtin_path, BUILTIN, DEFAULT_DATASET, OWN_DATASET};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/boot.js");

#[test]
fn the_preload_script_names_every_builtin_dataset_default_first() {
    let script = std::fs::read_to_string(SCRIPT).unwrap_or_else(|e| panic!("{SCRIPT}: {e}"));
    let ids: Vec<String> = BUILTIN.iter().map(|d| format!("'{}'", d.id)).collect();
    let line = format!("var BUILTIN = [{}];", ids.join(", "));
    assert!(script.contains(&line), "public/boot.js should say `{line}`");
    assert_eq!(BUILTIN.first().map(|d| d.id), Some(DEFAULT_DATASET));
    for d in BUILTIN {
        assert_eq!(builtin_path(d.id), format!("data/{}.json", d.id), "the script builds data/<id>.json");
    }
    assert!(script.contains(&format!("ds === '{OWN_DATASET}'")), "the reader's own table preloads nothing");
    assert!(script.contains("'data/' + id + '.json'"));
}
