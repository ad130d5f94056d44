//! Fetching a dataset file, and every way that can fail as a value the error panel words for the
//! reader (in i18n/validation.rs, in the reader's language).

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset, LoadError, Problem};
use chiso_engine::view_state::{ParamWarning, ViewState};

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
    /// The link's `data=` is not a relative path to a .json file on this site
    /// (`datasets::is_allowed_data_path`); nothing was fetched.
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
    /// `ds=own`, but this page has no table of the reader's: the link carries none and this
    /// browser keeps none.
    NoOwnTable { url: String },
    /// The link's fragment claims a table but cannot be unpacked.
    DamagedLink { url: String, problem: crate::own::LinkProblem },
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
            | LoadFailure::Invalid { url, .. }
            | LoadFailure::NoOwnTable { url }
            | LoadFailure::DamagedLink { url, .. } => url,
        }
    }
}

/// The file the page loads for the link it was opened with: the view state's file
/// (`ViewState::data_file`: its `data=`, else the built-in dataset of `ds`), unless the link's
/// `data=` was refused (`view_state::refused_data`) — then nothing is fetched and the error
/// panel says why, rather than showing another dataset than the one the reader was sent to.
pub fn data_file(view: &ViewState, refused: Option<&ParamWarning>) -> Result<String, LoadFailure> {
    match refused {
        Some(w) => Err(LoadFailure::NotAllowed { url: w.raw.clone() }),
        None => Ok(view.data_file().to_string()),
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
    let checked = validate(url, &body);
    // Reading the file and drawing the page are two tasks, not one long one: a phone's browser
    // can paint and answer a touch in between (PCI's 144 kB take about a quarter of the work).
    crate::dom::yield_to_browser().await;
    match checked {
        Ok((ds, warnings)) => LoadState::Ready(ds, warnings),
        Err(failure) => LoadState::Failed(failure),
    }
}

/// Parse and validate a dataset's text (a fetched file, a link's table, this browser's copy);
/// `url` is what a failure names.
pub fn validate(url: String, body: &str) -> Result<(Arc<Dataset>, Arc<Vec<DataWarning>>), LoadFailure> {
    match Dataset::from_json(body) {
        Ok((ds, warnings)) => Ok((Arc::new(ds), Arc::new(warnings))),
        Err(LoadError::Parse(detail)) => Err(LoadFailure::NotADataset { url, detail }),
        Err(LoadError::Version { found, supported }) => Err(LoadFailure::Version { url, found, supported }),
        Err(LoadError::Invalid(problems)) => Err(LoadFailure::Invalid { url, problems }),
    }
}
