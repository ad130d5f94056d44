//! wasm-bindgen exports of the `make bench` workloads ([`chiso_bench::Workloads`]), for the page
//! in `www/`: it builds a [`Bench`] from the shipped datasets' JSON, then times
//! [`Bench::run`] with `performance.now()`. Timing lives in the page, not here.

use chiso_bench::{cases_json, sensitivity_config_json, summary_json, Case, Workloads};
use wasm_bindgen::prelude::*;

/// The workloads, set up once.
#[wasm_bindgen]
pub struct Bench {
    workloads: Workloads,
}

#[wasm_bindgen]
impl Bench {
    /// Set up every case from the text of hanoi-cchc.json and pci.json (untimed).
    #[wasm_bindgen(constructor)]
    pub fn new(hanoi_json: &str, pci_json: &str) -> Result<Bench, JsError> {
        Workloads::new(hanoi_json, pci_json).map(|workloads| Bench { workloads }).map_err(|e| JsError::new(&e))
    }

    /// Run the case with this id `calls` times; returns a checksum of the answers.
    pub fn run(&self, case_id: &str, calls: u32) -> Result<f64, JsError> {
        let case = Case::from_id(case_id).ok_or_else(|| JsError::new(&format!("unknown case {case_id}")))?;
        self.workloads.run(case, calls).map_err(|e| JsError::new(&e))
    }

    /// The 10 000-row own table's dataset JSON (the text a link's fragment compresses).
    pub fn own_table_json(&self) -> Result<String, JsError> {
        self.workloads.own_table_json().map_err(|e| JsError::new(&e))
    }

    /// The sensitivity case's per-unit figures as JSON (see [`chiso_bench::summary_json`]).
    pub fn sensitivity_summary(&self) -> Result<String, JsError> {
        let rows = self.workloads.sensitivity_summary().map_err(|e| JsError::new(&e))?;
        Ok(summary_json(&rows).to_string())
    }
}

/// Every case as JSON: id, label, calls per sample, samples, warm-up samples.
#[wasm_bindgen]
pub fn cases() -> String {
    cases_json().to_string()
}

/// The sensitivity run's parameters as JSON (group, year, draws, concentration, seed, top k).
#[wasm_bindgen]
pub fn sensitivity_config() -> String {
    sensitivity_config_json().to_string()
}
