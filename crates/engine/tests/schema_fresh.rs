//! `docs/dataset.schema.json` is what the engine's serde types generate today, rendered exactly as
//! the importer writes it (`serde_json::to_string_pretty` plus a trailing newline).

#[test]
fn dataset_schema_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/dataset.schema.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let schema = schemars::schema_for!(chiso_engine::schema::RawDataset);
    let generated = serde_json::to_string_pretty(&schema).expect("the schema serializes") + "\n";
    if generated != committed {
        let line = generated.lines().zip(committed.lines()).take_while(|(g, c)| g == c).count() + 1;
        panic!("docs/dataset.schema.json is stale: run `make data` (first difference at line {line})");
    }
}
