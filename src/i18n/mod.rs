//! Every word the interface shows, in Vietnamese and English, in one place and one mechanism.
//!
//! - Fixed strings: each area has a `struct XxxMsg` of `&'static str` fields, a `VI` and an `EN`
//!   const, and an accessor `xxx(lang) -> &'static XxxMsg` (`msg`, `chrome`, `whatif`, …).
//! - Sentences with numbers or names: plain functions `fn foo(args…, lang) -> String`.
//! - Engine values are worded here from their enums and fields: rank labels and moves, gain and
//!   explanation answers, link problems, and every engine error or data warning a reader can
//!   meet. An engine `Display` (English, for logs and tests) never reaches the page.
//!
//! A module of our own rather than an i18n crate: the app has a few hundred strings in two
//! languages, and plain `match` arms keep the wasm small and every string greppable. The areas
//! are re-exported here, so a component says `i18n::msg(lang).year` or
//! `i18n::gain_sentence(…)` without knowing which file holds it.

use chiso_engine::format::Lang;
use chiso_engine::schema::Text;

mod card;
mod chrome;
mod compare;
mod errors;
mod layout;
mod link;
mod own;
mod ranking;
mod rules;
mod sensitivity;
mod summary;
mod validation;
mod whatif;

pub use card::*;
pub use chrome::*;
pub use compare::*;
pub use errors::*;
pub use layout::*;
pub use link::*;
pub use own::*;
pub use ranking::*;
pub use rules::*;
pub use sensitivity::*;
pub use summary::*;
pub use validation::*;
pub use whatif::*;

#[cfg(test)]
mod tests;

/// A dataset text in the reader's language (Vietnamese when no translation exists).
pub fn text(t: &Text, lang: Lang) -> &str {
    match lang {
        Lang::En => t.en.as_deref().unwrap_or(&t.vi),
        Lang::Vi => &t.vi,
    }
}

/// Each language's own name, written in that language (the switch shows both).
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    }
}

/// A source's date as the reader's language writes it: "20/02/2024" in Vietnamese, the ISO
/// "2024-02-20" in English.
pub fn source_date(date: &str, lang: Lang) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Vi, [y, m, d]) => format!("{d}/{m}/{y}"),
        (Lang::Vi, [y, m]) => format!("{m}/{y}"),
        _ => date.to_string(),
    }
}
