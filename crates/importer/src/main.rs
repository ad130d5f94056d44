//! `chiso-importer`: converts the shared source facts (`../shared/data`) into chiso's own dataset
//! files under `public/data/`, and writes the dataset JSON Schema to `docs/dataset.schema.json`.
//!
//! `cargo run -p chiso-importer` regenerates everything; `-- --check` regenerates in memory and
//! fails when a committed file differs (so the committed data is always reproducible).
//!
//! Datasets: Hanoi's Chỉ số CCHC and the national PAR INDEX (`data/hanoi/par_facts.json`), PCI
//! and PAPI (`data/raw/`, see its SOURCES.md). Raw files are never copied into the repository: only numbers and
//! attribution are written.

mod editions;
mod hanoi;
mod names;
mod papi;
mod par_facts;
mod par_index;
mod pci;
mod provinces;
mod xlsx;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chiso_engine::dataset::Dataset;
use chiso_engine::schema::RawDataset;

/// One generated file: where it goes and its exact bytes.
struct Output {
    path: PathBuf,
    bytes: String,
}

fn repo_root() -> PathBuf {
    // crates/importer -> repo root
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_dir(root: &Path) -> PathBuf {
    std::env::var_os("CHISO_SHARED").map(PathBuf::from).unwrap_or_else(|| root.join("../shared"))
}

/// How a generated JSON file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonLayout {
    /// Indented, for small files people read in review (Hanoi, the schema).
    Pretty,
    /// One line, for the large numeric datasets the app downloads (PCI, PAPI).
    Compact,
}

/// JSON with a trailing newline. serde_json writes floats as their shortest round-trip form,
/// so the bytes are the same on every run.
fn to_json<T: serde::Serialize>(value: &T, layout: JsonLayout) -> Result<String, String> {
    let json = match layout {
        JsonLayout::Pretty => serde_json::to_string_pretty(value),
        JsonLayout::Compact => serde_json::to_string(value),
    };
    json.map(|s| s + "\n").map_err(|e| e.to_string())
}

/// The dataset JSON Schema, generated from the engine's serde types.
pub fn schema_json() -> Result<String, String> {
    to_json(&schemars::schema_for!(RawDataset), JsonLayout::Pretty)
}

/// The warnings the PAR INDEX file is meant to load with, exactly as the engine words them (its
/// English `Display`): two published 2023 figures contradict each other, both are kept as
/// published, and the page shows the reader the contradiction.
const PAR_INDEX_WARNINGS: [&str; 1] =
    ["groups[0]: 2023: Cà Mau is ranked 32 with 86.89 but TP. Hồ Chí Minh is ranked 33 with 86.97"];

/// A dataset file checked by the engine. `expected_warnings` are the only warnings it may load
/// with, and each must occur: a file the app would reject, or one with any other warning, is
/// never shipped.
fn dataset_output(
    root: &Path,
    name: &str,
    raw: &RawDataset,
    layout: JsonLayout,
    expected_warnings: &[&str],
) -> Result<Output, String> {
    let json = to_json(raw, layout)?;
    let warnings = match Dataset::from_json(&json) {
        Err(e) => return Err(format!("generated {name} does not validate: {e}")),
        Ok((_, warnings)) => warnings,
    };
    let list: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    if list != expected_warnings {
        return Err(format!(
            "generated {name} loads with warnings [{}], expected [{}]",
            list.join("; "),
            expected_warnings.join("; ")
        ));
    }
    Ok(Output { path: root.join("public/data").join(name), bytes: json })
}

fn outputs(root: &Path, shared: &Path) -> Result<Vec<Output>, String> {
    let facts_path = shared.join("data/hanoi/par_facts.json");
    let facts =
        std::fs::read_to_string(&facts_path).map_err(|e| format!("cannot read {}: {e}", facts_path.display()))?;
    let hanoi = hanoi::convert(&facts)?;
    let par_index = par_index::convert(&facts)?;
    let raw_dir = shared.join("data/raw");
    let pci = pci::convert(&pci::read_all(&raw_dir)?)?;
    let (papi_codebook, papi_years) = papi::read_all(&raw_dir)?;
    let papi = papi::convert(&papi_codebook, &papi_years)?;
    Ok(vec![
        Output { path: root.join("docs/dataset.schema.json"), bytes: schema_json()? },
        dataset_output(root, "hanoi-cchc.json", &hanoi, JsonLayout::Pretty, &[])?,
        dataset_output(root, "pci.json", &pci, JsonLayout::Compact, &[])?,
        dataset_output(root, "papi.json", &papi, JsonLayout::Compact, &[])?,
        dataset_output(root, "par-index.json", &par_index, JsonLayout::Pretty, &PAR_INDEX_WARNINGS)?,
    ])
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = repo_root();
    let shared = shared_dir(&root);
    if !shared.join("data").is_dir() {
        let msg = format!(
            "chiso-importer: the shared source folder {} is not here, so the datasets cannot be regenerated or checked (set CHISO_SHARED to its path).",
            shared.display()
        );
        eprintln!("{msg}");
        // A clone without ../shared can still build and test the app from the committed data.
        return if check { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    let outs = match outputs(&root, &shared) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("chiso-importer: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stale = 0;
    for out in &outs {
        let shown = out.path.strip_prefix(&root).unwrap_or(&out.path).display().to_string();
        if check {
            let current = std::fs::read_to_string(&out.path).unwrap_or_default();
            if current == out.bytes {
                println!("ok       {shown}");
            } else {
                println!("STALE    {shown} (run `make data` and commit the result)");
                stale += 1;
            }
        } else {
            if let Some(dir) = out.path.parent() {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    eprintln!("chiso-importer: cannot create {}: {e}", dir.display());
                    return ExitCode::FAILURE;
                }
            }
            if let Err(e) = std::fs::write(&out.path, &out.bytes) {
                eprintln!("chiso-importer: cannot write {shown}: {e}");
                return ExitCode::FAILURE;
            }
            println!("wrote    {shown} ({} bytes)", out.bytes.len());
        }
    }
    if stale > 0 {
        eprintln!("chiso-importer: {stale} generated file(s) differ from what the sources give");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// What the unit tests share: the raw source folder, when this checkout has one.
#[cfg(test)]
mod test_support {
    use std::path::PathBuf;

    /// `../shared/data/raw` (or `$CHISO_SHARED/data/raw`), or `None` after printing why the
    /// calling test checks nothing: a clone without the shared folder still passes its tests.
    pub fn raw_dir() -> Option<PathBuf> {
        let dir = super::shared_dir(&super::repo_root()).join("data/raw");
        if dir.is_dir() {
            Some(dir)
        } else {
            println!("SKIPPED: {} is not here, so this test has nothing to check", dir.display());
            None
        }
    }
}
