//! Reading ../shared/data/hanoi/par_facts.json, shared by the Hanoi and PAR INDEX importers.

use chiso_engine::schema::{RawSource, Text};
use serde_json::Value;

/// A text in Vietnamese with its English translation.
pub fn text(vi: &str, en: &str) -> Text {
    Text { vi: vi.to_string(), en: Some(en.to_string()) }
}

/// The string at `key` of a JSON object, if any.
pub fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A source record: title and publisher from `titles` (par_facts gives only a description;
/// `table` names that list in the error), address and date from par_facts. A date the format
/// cannot hold (a bare year) is left out rather than padded.
pub fn source(facts: &Value, id: &str, titles: &[(&str, &str, &str)], table: &str) -> Result<RawSource, String> {
    let s = facts.pointer(&format!("/sources/{id}")).ok_or(format!("source {id} not in par_facts.json"))?;
    let (_, publisher, title) = titles
        .iter()
        .find(|(sid, _, _)| *sid == id)
        .ok_or(format!("no title/publisher written for source {id} (add it to {table})"))?;
    Ok(RawSource {
        id: id.to_string(),
        title: title.to_string(),
        publisher: publisher.to_string(),
        date: str_at(s, "date").filter(|d| d.len() >= 7).map(str::to_string),
        url: str_at(s, "url").map(str::to_string),
    })
}
