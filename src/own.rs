//! The reader's own table while the page is open: where it came from (the link's fragment, this
//! browser's storage, or the own-data view), its link fragment, and keeping it in storage.
//!
//! The table never leaves the browser: the fragment (`#…`) is not sent with any request, and
//! storage is this browser's `localStorage`.

use std::sync::Arc;

use chiso_engine::dataset::{DataWarning, Dataset};
use chiso_engine::table::fragment::{self, FragmentError, MAX_INFLATED_BYTES};
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io;
use crate::load::{self, LoadFailure, LoadState};

/// Storage key of the last table's dataset (JSON).
const STORE_DATASET: &str = "chiso.own.dataset.v1";
/// Storage key of the text the reader pasted or the file's text, so the box survives a reload.
const STORE_INPUT: &str = "chiso.own.input.v1";
/// Storage key of the chosen file's name.
const STORE_FILE_NAME: &str = "chiso.own.file.v1";

/// A table ready to rank: validated once, when it arrives.
#[derive(Debug, Clone)]
pub struct OwnTable {
    /// Its compact JSON (what the fragment carries and the JSON download saves).
    pub json: Arc<String>,
    /// The validated dataset.
    pub dataset: Arc<Dataset>,
    /// Its oddities.
    pub warnings: Arc<Vec<DataWarning>>,
    /// The link fragment (without `#`) once compressed; `None` while compressing.
    pub fragment: Option<Result<String, FragmentError>>,
}

impl OwnTable {
    /// A table from its JSON text (the explorer never writes a dataset: its wasm has no
    /// serializer for one; the own-data page does that).
    fn from_json(json: String) -> Result<OwnTable, LoadFailure> {
        let (dataset, warnings) = load::validate(LINK_LABEL.to_string(), &json)?;
        Ok(OwnTable { json: Arc::new(json), dataset, warnings, fragment: None })
    }
}

/// Where the reader's table stands.
#[derive(Debug, Clone)]
pub enum OwnSlot {
    /// None in this page.
    Empty,
    /// The link's fragment is being unpacked.
    Reading,
    /// Ready.
    Ready(OwnTable),
    /// The link's fragment could not be read.
    Broken(LoadFailure),
}

/// The page's one own-table slot (a context provided by the app).
#[derive(Debug, Clone, Copy)]
pub struct Own(pub RwSignal<OwnSlot>);

/// The slot of this page.
pub fn use_own() -> Own {
    use_context::<Own>().unwrap_or_else(|| Own(RwSignal::new(OwnSlot::Empty)))
}

/// What the error panel shows as the address of a table carried in the link.
pub const LINK_LABEL: &str = "#…";

/// Start the slot: the link's fragment when it carries a table (unpacked in the background),
/// else the table last ranked in this browser.
pub fn provide() -> Own {
    let slot = RwSignal::new(OwnSlot::Empty);
    let own = Own(slot);
    provide_context(own);
    let hash = io::location_hash();
    if fragment::is_data_fragment(&hash) {
        slot.set(OwnSlot::Reading);
        spawn_local(async move {
            let got = from_fragment(&hash).await;
            slot.set(match got {
                Ok(mut table) => {
                    table.fragment = Some(Ok(hash.trim_start_matches('#').to_string()));
                    OwnSlot::Ready(table)
                }
                Err(failure) => OwnSlot::Broken(failure),
            });
        });
    } else if let Some(json) = io::store_get(STORE_DATASET) {
        match OwnTable::from_json(json) {
            Ok(table) => {
                slot.set(OwnSlot::Ready(table.clone()));
                pack(own, table);
            }
            // A stored table this version cannot read is forgotten rather than shown broken.
            Err(_) => io::store_remove(STORE_DATASET),
        }
    }
    own
}

async fn from_fragment(hash: &str) -> Result<OwnTable, LoadFailure> {
    let url = LINK_LABEL.to_string();
    let bytes = fragment::decode(hash).map_err(|e| LoadFailure::DamagedLink { url: url.clone(), problem: e.into() })?;
    let json = io::inflate(&bytes, MAX_INFLATED_BYTES).await.map_err(|e| LoadFailure::DamagedLink {
        url: url.clone(),
        problem: match e {
            None => LinkProblem::TooLarge,
            Some(_) => LinkProblem::Damaged,
        },
    })?;
    OwnTable::from_json(json)
}

/// Why a link's table could not be unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// Cut short or changed on the way (a messenger trimmed it).
    Damaged,
    /// Longer than chiso accepts.
    TooLong,
    /// Unpacks to more than chiso accepts.
    TooLarge,
}

impl From<FragmentError> for LinkProblem {
    fn from(e: FragmentError) -> LinkProblem {
        match e {
            FragmentError::TooLong { .. } => LinkProblem::TooLong,
            FragmentError::NotData | FragmentError::Damaged => LinkProblem::Damaged,
        }
    }
}

/// The dataset to show for `ds=own`.
pub fn load_state(slot: &OwnSlot) -> LoadState {
    match slot {
        OwnSlot::Empty => LoadState::Failed(LoadFailure::NoOwnTable { url: LINK_LABEL.to_string() }),
        OwnSlot::Reading => LoadState::Loading,
        OwnSlot::Broken(failure) => LoadState::Failed(failure.clone()),
        OwnSlot::Ready(table) => LoadState::Ready(table.dataset.clone(), table.warnings.clone()),
    }
}

/// Rank `table` (the own-data page's button): keep it in this browser with the text it came
/// from, pack it into a link fragment, and open the explorer on it (`view` gives the language
/// and colours). A table too large for a link opens from this browser's storage instead.
pub fn open_in_explorer(json: String, input: &str, file_name: Option<&str>, view: ViewState) {
    io::store_set(STORE_DATASET, &json);
    remember_input(input, file_name);
    spawn_local(async move {
        let packed = match io::deflate(&json).await {
            Ok(bytes) => fragment::encode(&bytes).ok(),
            Err(_) => None,
        };
        let mut v = view;
        v.open_own();
        crate::state::go(&crate::state::explorer_url(&v, packed.as_deref()), false);
    });
}

/// Keep the box's text (and the file's name) for a reload; an empty box forgets it.
pub fn remember_input(input: &str, file_name: Option<&str>) {
    if input.is_empty() {
        io::store_remove(STORE_INPUT);
    } else {
        io::store_set(STORE_INPUT, input);
    }
    match file_name {
        Some(name) => io::store_set(STORE_FILE_NAME, name),
        None => {
            io::store_remove(STORE_FILE_NAME);
            true
        }
    };
}

/// The box's text and file name kept from the last visit.
pub fn remembered_input() -> (String, Option<String>) {
    (io::store_get(STORE_INPUT).unwrap_or_default(), io::store_get(STORE_FILE_NAME))
}

/// Forget the table and the box's text in this browser.
pub fn forget() {
    io::store_remove(STORE_DATASET);
    io::store_remove(STORE_INPUT);
    io::store_remove(STORE_FILE_NAME);
}

/// Compress the table into its link fragment, then put it in the address bar when the page
/// shows the table.
fn pack(own: Own, table: OwnTable) {
    let json = table.json.clone();
    spawn_local(async move {
        let packed = match io::deflate(&json).await {
            Ok(bytes) => fragment::encode(&bytes),
            Err(_) => Err(FragmentError::Damaged),
        };
        own.0.update(|slot| {
            if let OwnSlot::Ready(t) = slot {
                if Arc::ptr_eq(&t.json, &json) {
                    t.fragment = Some(packed.clone());
                }
            }
        });
        if let Ok(f) = packed {
            crate::state::set_own_fragment(&f);
        }
    });
}

/// The fragment of the page's table, if packed and not too long.
pub fn current_fragment() -> Option<String> {
    let own = use_context::<Own>()?;
    own.0.with_untracked(|slot| match slot {
        OwnSlot::Ready(OwnTable { fragment: Some(Ok(f)), .. }) => Some(f.clone()),
        _ => None,
    })
}
