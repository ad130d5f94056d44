//! Fetching a dataset file and turning every failure into a reader-facing message.

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset, LoadError};

/// The state of the dataset: loading, ready (with warnings), or failed with a message.
#[derive(Debug, Clone)]
pub enum LoadState {
    /// The request is under way.
    Loading,
    /// Validated and ready.
    Ready(Arc<Dataset>, Arc<Vec<DataWarning>>),
    /// Nothing can be drawn; the reason for the reader.
    Failed(LoadFailure),
}

/// Why the dataset can't be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadFailure {
    /// The request itself failed (network, 404...).
    Fetch { url: String, detail: String },
    /// The file arrived but is not a valid dataset.
    Invalid { url: String, problems: Vec<String> },
}

/// The default dataset, relative to the page so a sub-path deploy works.
pub const DEFAULT_DATA: &str = "data/hanoi-cchc.json";

/// Validate a `?data=` override: only a relative path on our own origin, ending in `.json`
/// (no scheme, no `//`, no `..`), so a hostile link cannot make the page fetch elsewhere.
pub fn data_url(param: Option<&str>) -> Result<String, String> {
    let Some(p) = param else { return Ok(DEFAULT_DATA.to_string()) };
    let ok_chars = p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if p.len() <= 200 && ok_chars && p.ends_with(".json") && !p.starts_with('/') && !p.contains("..") {
        Ok(p.to_string())
    } else {
        Err(p.chars().take(80).collect())
    }
}

/// Fetch and validate a dataset.
pub async fn load(url: String) -> LoadState {
    let response = match gloo_net::http::Request::get(&url).send().await {
        Ok(r) => r,
        Err(e) => return LoadState::Failed(LoadFailure::Fetch { url, detail: e.to_string() }),
    };
    if !response.ok() {
        let detail = format!("HTTP {} {}", response.status(), response.status_text());
        return LoadState::Failed(LoadFailure::Fetch { url, detail });
    }
    let body = match response.text().await {
        Ok(b) => b,
        Err(e) => return LoadState::Failed(LoadFailure::Fetch { url, detail: e.to_string() }),
    };
    match Dataset::from_json(&body) {
        Ok((ds, warnings)) => LoadState::Ready(Arc::new(ds), Arc::new(warnings)),
        Err(LoadError::Invalid(problems)) => LoadState::Failed(LoadFailure::Invalid {
            url,
            problems: problems.iter().map(ToString::to_string).collect(),
        }),
        Err(e) => LoadState::Failed(LoadFailure::Invalid { url, problems: vec![e.to_string()] }),
    }
}
