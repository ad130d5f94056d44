//! Accent-insensitive search over Vietnamese names: `fold` makes the key, `matches` tests it.
//!
//! Readers type names with or without diacritics ("dong da", "Đống Đa", "ĐỐNG ĐA"), and
//! published names mix the two common placements of the tone mark ("Hòa" / "Hoà") as well as
//! precomposed and decomposed code points. Folding both sides to plain lower-case ASCII-ish
//! letters makes all of those meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The accent-free, lower-case search key of `s`.
///
/// Steps: lower-case; decompose canonically (NFD) and drop every combining mark, so tones and
/// vowel hats vanish and "Hòa"/"Hoà" both give "hoa"; map the d-with-stroke to `d` (it has no
/// decomposition); collapse runs of whitespace to one space and trim. Punctuation is kept.
///
/// Besides `đ` (U+0111) the map also covers its look-alikes `ð` (U+00F0, from `Ð` U+00D0) and
/// `ɖ` (U+0256, from `Ɖ` U+0189), which legacy keyboards and encodings put in place of `Đ`.
///
/// Folding is idempotent: `fold(&fold(s)) == fold(s)`.
pub fn fold(s: &str) -> String {
    // Lower-casing first means marks produced by lower-casing (e.g. `İ` -> `i` + U+0307) are
    // decomposed and dropped like every other mark.
    let lowered = s.to_lowercase();
    let bare: String = lowered
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'ð' | 'ɖ' => 'd',
            other => other,
        })
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A search query folded once, ready to be tested against many keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    /// The folded query's words; empty when the query is blank.
    words: Vec<String>,
}

impl SearchQuery {
    /// Fold `query` (see [`fold`]) and split it into words.
    pub fn new(query: &str) -> SearchQuery {
        SearchQuery { words: fold(query).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect() }
    }

    /// True when the query has no words, so it matches everything.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word of the query occurs somewhere in `key`, which must already be
    /// folded (a `RankingRow::search_key`). Words match anywhere, so "dong" finds "Đống Đa" and
    /// "da dong" finds it too.
    pub fn matches(&self, key: &str) -> bool {
        self.words.iter().all(|word| key.contains(word.as_str()))
    }
}

/// True when every whitespace-separated word of the folded `query` occurs in `key`, an already
/// folded search key. An empty or blank query matches everything.
///
/// To test one query against many keys, build a [`SearchQuery`] once instead.
pub fn matches(query: &str, key: &str) -> bool {
    SearchQuery::new(query).matches(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fold(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    /// `query` against the published `name` (folded here, as the ranking does).
    fn check(query: &str, name: &str, expected: bool) {
        assert_eq!(matches(query, &fold(name)), expected, "matches({query:?}, fold({name:?}))");
    }

    #[test]
    fn fold_table() {
        let cases = [
            ("Đống Đa", "dong da"),
            ("ĐỐNG ĐA", "dong da"),
            ("  Đống \t  Đa\n", "dong da"),
            ("Ứng Hòa", "ung hoa"),
            ("Ứng Hoà", "ung hoa"),
            // Decomposed input: "Hoa" followed by a combining grave accent.
            ("Ho\u{0061}\u{0300}", "hoa"),
            ("Sở Tài nguyên và Môi trường", "so tai nguyen va moi truong"),
            ("Bà Rịa - Vũng Tàu", "ba ria - vung tau"),
            ("Văn phòng UBND Thành phố", "van phong ubnd thanh pho"),
            ("Mê Linh", "me linh"),
            // Look-alikes of Đ typed by legacy keyboards.
            ("\u{00D0}ông Anh", "dong anh"),
            ("\u{0189}an Phượng", "dan phuong"),
            // Non-breaking space counts as whitespace.
            ("Sóc\u{00A0}Sơn", "soc son"),
            ("", ""),
            ("   ", ""),
        ];
        for (input, expected) in cases {
            check_fold(input, expected);
        }
    }

    #[test]
    fn fold_is_idempotent_on_samples() {
        for s in ["Đống Đa", "ỨNG HOÀ", "  a  b ", "İstanbul", "Thanh Oai"] {
            let once = fold(s);
            assert_eq!(fold(&once), once, "fold twice {s:?}");
        }
    }

    #[test]
    fn matches_table() {
        let cases = [
            ("dong da", "Đống Đa", true),
            ("Đống Đa", "Đống Đa", true),
            ("ĐỐNG ĐA", "Đống Đa", true),
            ("đống", "Đống Đa", true),
            ("da dong", "Đống Đa", true),
            ("ung hoa", "Ứng Hòa", true),
            ("ứng hoà", "Ứng Hòa", true),
            ("hoa", "Ứng Hòa", true),
            ("tai nguyen", "Sở Tài nguyên và Môi trường", true),
            ("", "Đống Đa", true),
            ("   ", "Đống Đa", true),
            ("dong xuan", "Đống Đa", false),
            ("ba dinh", "Đống Đa", false),
            ("hoang mai", "Hoàn Kiếm", false),
        ];
        for (query, name, expected) in cases {
            check(query, name, expected);
        }
    }

    #[test]
    fn search_query_reports_blank() {
        assert!(SearchQuery::new(" \t").is_empty());
        assert!(!SearchQuery::new("a").is_empty());
    }
}
