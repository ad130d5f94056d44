//! chiso-prerender: the first screen of the links most readers open, rendered at build time by
//! the app's own components (Leptos `ssr`, natively), for `scripts/postbuild.mjs` to put into
//! index.html — the reader sees the ranking before the wasm has arrived (src/snapshot.rs).
//!
//!   cargo run --no-default-features --features ssr --bin chiso-prerender -- DIST OUT.json
//!
//! Reads each link's dataset from DIST (as the page would fetch it), validates it with the app's
//! own validation — a dataset that fails stops the build with the located problem — and writes
//! `[{"query": "...", "html": "..."}]` to OUT.json, the default link first.

use std::process::ExitCode;

use chiso::app::Snapshot;
use chiso_engine::view_state::from_query;
use leptos::prelude::*;

/// The links that get a snapshot, as the app writes them in the address bar (canonical), the
/// default first: the five pages `make bench` measures, each built-in dataset's first view and
/// the what-if `make bench` moves sliders on.
/// A link that is not here gets the app's loading line, never another link's snapshot.
const LINKS: &[&str] =
    &["", "group=districts", "ds=pci", "ds=papi", "ds=par-index", "embed=1", "view=whatif", "ds=pci&view=whatif"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, out] = args.as_slice() else {
        eprintln!("usage: chiso-prerender DIST OUT.json");
        return ExitCode::from(2);
    };
    let mut snapshots = Vec::new();
    for &query in LINKS {
        match render(dist, query) {
            Ok(html) => snapshots.push(serde_json::json!({ "query": query, "html": html })),
            Err(message) => {
                eprintln!("chiso-prerender: link '?{query}': {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    let json = serde_json::Value::Array(snapshots).to_string();
    if let Err(e) = std::fs::write(out, json) {
        eprintln!("chiso-prerender: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A query without the current format version (`v=1`), which public/boot.js also drops before it
/// looks for the link's snapshot (another version is another link: it gets no snapshot).
fn without_version(query: &str) -> String {
    query.split('&').filter(|p| *p != "v=1").collect::<Vec<_>>().join("&")
}

/// The snapshot of one link, or why there can be none.
fn render(dist: &str, query: &str) -> Result<String, String> {
    let (view, warnings) = from_query(query);
    if !warnings.is_empty() || without_version(&view.to_query()) != query {
        return Err(format!("not a canonical link (the app would write '?{}')", view.to_query()));
    }
    let file = chiso::load::data_file(&view, None).map_err(|f| format!("no dataset file: {f:?}"))?;
    let path = std::path::Path::new(dist).join(&file);
    let body = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (ds, data_warnings) = chiso::load::validate(file, &body).map_err(|f| format!("{f:?}"))?;
    // A server's shared context: Leptos then knows it renders HTML, not a live page.
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    Ok(owner.with(move || view! { <Snapshot ds warnings=data_warnings initial=view /> }.to_html()))
}
