//! The one context every view takes: the dataset, the view state, what it resolves to on the
//! dataset and the language. `Copy`, so a component takes `ctx: Ctx` instead of four props.

use std::sync::Arc;

use chiso_engine::dataset::Dataset;
use chiso_engine::format::Lang;
use chiso_engine::resolve::Resolved;
use chiso_engine::view_state::ViewState;
use leptos::prelude::*;

/// What every view reads.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The loaded dataset.
    pub ds: StoredValue<Arc<Dataset>>,
    /// The view state (the address bar's twin).
    pub view: RwSignal<ViewState>,
    /// The view state checked against the dataset (`chiso_engine::resolve`).
    pub resolved: Memo<Resolved>,
    /// The interface language.
    pub lang: Memo<Lang>,
}

impl Ctx {
    /// The dataset (a cheap clone of the `Arc`).
    pub fn ds(&self) -> Arc<Dataset> {
        self.ds.get_value()
    }

    /// A unit's name, or its id when the dataset does not know it.
    pub fn unit_name(&self, id: &chiso_engine::dataset::UnitId) -> String {
        self.ds.with_value(|ds| ds.unit(id).map_or_else(|| id.0.clone(), |u| u.name.clone()))
    }
}
