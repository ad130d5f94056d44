//! Fetching a dataset file, and every way that can fail as a value the error panel words for the
//! reader (in i18n/validation.rs, in the reader's language).

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset, LoadError, Problem};

/// The state of the dataset: loading, ready (with warnings), or failed.
#[derive(Debug, Clone)]
pub enum LoadState {
    /// The request is under way.
    Loading,
    /// Validated and ready.
    Ready(Arc<Dataset>, Arc<Vec<DataWarning>>),
    /// Nothing can be drawn.
    Failed(LoadFailure),
}

/// Why the dataset can't be shown. `url` is the address as asked for; `detail` fields carry the
/// browser's or the JSON parser's own technical text, shown as such (it has no translation).
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The `data=` parameter is not a relative path to a .json file on this site; nothing was
    /// fetched.
    NotAllowed { url: String },
    /// The request got no answer (offline, blocked, server down).
    Network { url: String, detail: String },
    /// The server answered with an error status (404 and so on).
    Http { url: String, status: u16 },
    /// The answer could not be read.
    Unreadable { url: String, detail: String },
    /// The file is not JSON of the dataset's shape.
    NotADataset { url: String, detail: String },
    /// The file is written for a dataset format version this app does not read.
    Version { url: String, found: u32, supported: u32 },
    /// The file breaks the format's rules; each problem names its JSON path.
    Invalid { url: String, problems: Vec<Problem> },
}

impl LoadFailure {
    /// The address that failed.
    pub fn url(&self) -> &str {
        match self {
            LoadFailure::NotAllowed { url }
            | LoadFailure::Network { url, .. }
            | LoadFailure::Http { url, .. }
            | LoadFailure::Unreadable { url, .. }
            | LoadFailure::NotADataset { url, .. }
            | LoadFailure::Version { url, .. }
            | LoadFailure::Invalid { url, .. } => url,
        }
    }
}

/// True when the link's `data=` names the dataset file: the picker and `ds` then do not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataOverride(pub bool);

/// The built-in datasets: (id, file relative to the page), in picker order.
pub const DATASETS: [(&str, &str); 3] =
    [("hanoi-cchc", "data/hanoi-cchc.json"), ("pci", "data/pci.json"), ("papi", "data/papi.json")];

/// The file of a built-in dataset; an unknown id loads the default one (the page then says that
/// the id asked for does not exist).
pub fn dataset_path(id: &str) -> String {
    DATASETS.iter().find(|(i, _)| *i == id).map_or(DEFAULT_DATA, |(_, p)| p).to_string()
}

/// The default dataset, relative to the page so a sub-path deploy works.
pub const DEFAULT_DATA: &str = "data/hanoi-cchc.json";

/// Validate a `?data=` override: only a relative path on our own origin, ending in `.json`
/// (no scheme, no `//`, no `..`), so a hostile link cannot make the page fetch elsewhere.
pub fn data_url(param: Option<&str>) -> Result<String, LoadFailure> {
    let Some(p) = param else { return Ok(DEFAULT_DATA.to_string()) };
    let ok_chars = p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if p.len() <= 200 && ok_chars && p.ends_with(".json") && !p.starts_with('/') && !p.contains("..") {
        Ok(p.to_string())
    } else {
        Err(LoadFailure::NotAllowed { url: p.chars().take(80).collect() })
    }
}

/// Fetch and validate a dataset.
pub async fn load(url: String) -> LoadState {
    let response = match gloo_net::http::Request::get(&url).send().await {
        Ok(r) => r,
        Err(e) => return LoadState::Failed(LoadFailure::Network { url, detail: e.to_string() }),
    };
    if !response.ok() {
        return LoadState::Failed(LoadFailure::Http { url, status: response.status() });
    }
    let body = match response.text().await {
        Ok(b) => b,
        Err(e) => return LoadState::Failed(LoadFailure::Unreadable { url, detail: e.to_string() }),
    };
    match Dataset::from_json(&body) {
        Ok((ds, warnings)) => LoadState::Ready(Arc::new(ds), Arc::new(warnings)),
        Err(LoadError::Parse(detail)) => LoadState::Failed(LoadFailure::NotADataset { url, detail }),
        Err(LoadError::Version { found, supported }) => {
            LoadState::Failed(LoadFailure::Version { url, found, supported })
        }
        Err(LoadError::Invalid(problems)) => LoadState::Failed(LoadFailure::Invalid { url, problems }),
    }
}
