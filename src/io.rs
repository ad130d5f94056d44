//! The browser's file, text, compression, storage and download machinery (src/io.js), for the
//! own-data view and the downloads. What the browser already does costs the page no wasm:
//! `TextDecoder` reads UTF-16 and Windows-1258, `CompressionStream` packs a table into a link.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/io.js")]
extern "C" {
    #[wasm_bindgen(js_name = chosenFile)]
    fn chosen_file_js(ev: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = fileBytes)]
    fn file_bytes_js(file: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = bytesToText, catch)]
    fn decode_text_js(bytes: &Uint8Array, label: &str, skip: u32) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = nfc)]
    pub fn nfc(text: &str) -> String;
    #[wasm_bindgen(js_name = deflate)]
    fn deflate_js(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = inflate)]
    fn inflate_js(bytes: &Uint8Array, max_bytes: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = storeGet)]
    pub fn store_get(key: &str) -> Option<String>;
    #[wasm_bindgen(js_name = storeSet)]
    pub fn store_set(key: &str, value: &str) -> bool;
    #[wasm_bindgen(js_name = storeRemove)]
    pub fn store_remove(key: &str);
    #[wasm_bindgen(js_name = downloadText)]
    pub fn download_text(name: &str, mime: &str, text: &str);
    #[wasm_bindgen(js_name = downloadPng)]
    fn download_png_js(name: &str, svg: &str, width: f64, height: f64, scale: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = downloadUrl)]
    pub fn download_url(url: &str, name: &str);
    #[wasm_bindgen(js_name = locationHash)]
    pub fn location_hash() -> String;
}

/// A file the reader chose or dropped.
pub struct Chosen {
    /// Its name as the reader's system gives it.
    pub name: String,
    /// Its size in bytes, before reading it.
    pub size: f64,
    file: JsValue,
}

/// The first file of an `<input type=file>` change or a drop event.
pub fn chosen_file(ev: &JsValue) -> Option<Chosen> {
    let got = chosen_file_js(ev);
    if got.is_null() || got.is_undefined() {
        return None;
    }
    let get = |k: &str| js_sys::Reflect::get(&got, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    Some(Chosen {
        name: get("name").as_string().unwrap_or_default(),
        size: get("size").as_f64().unwrap_or(0.0),
        file: get("file"),
    })
}

/// The chosen file's bytes, or the browser's message.
pub async fn file_bytes(chosen: &Chosen) -> Result<Vec<u8>, String> {
    JsFuture::from(file_bytes_js(&chosen.file)).await.map(|v| Uint8Array::new(&v).to_vec()).map_err(|e| js_message(&e))
}

/// `bytes` decoded with the `TextDecoder` label, after skipping `skip` bytes (a BOM), composed.
pub fn decode_text(bytes: &[u8], label: &str, skip: usize) -> Result<String, String> {
    let array = Uint8Array::from(bytes);
    decode_text_js(&array, label, u32::try_from(skip).unwrap_or(0)).map_err(|e| js_message(&e))
}

/// `text` as deflate-raw bytes.
pub async fn deflate(text: &str) -> Result<Vec<u8>, String> {
    JsFuture::from(deflate_js(text)).await.map(|v| Uint8Array::new(&v).to_vec()).map_err(|e| js_message(&e))
}

/// deflate-raw bytes back to text, refusing more than `max_bytes` once inflated. `Err(None)`
/// when the limit was hit, `Err(Some(message))` for damaged data.
pub async fn inflate(bytes: &[u8], max_bytes: usize) -> Result<String, Option<String>> {
    let array = Uint8Array::from(bytes);
    #[allow(clippy::cast_precision_loss)] // limits are a few MB
    let limit = max_bytes as f64;
    match JsFuture::from(inflate_js(&array, limit)).await {
        Ok(v) => v.as_string().ok_or(Some(String::new())),
        Err(e) => {
            let message = js_message(&e);
            Err((message != "too-large").then_some(message))
        }
    }
}

/// Draw `svg` (a standalone document `width` × `height`) at twice its size and save it as PNG;
/// false when the browser could not.
pub async fn download_png(name: &str, svg: &str, width: f64, height: f64) -> bool {
    JsFuture::from(download_png_js(name, svg, width, height, 2.0)).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// The message of a thrown JS value.
fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default()
}
