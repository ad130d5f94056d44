//! Accent-insensitive search over Vietnamese names: `fold` makes the key, `matches` tests it.
//!
//! Readers type names with or without diacritics ("dong da", "Đống Đa", "ĐỐNG ĐA"), and
//! published names mix the two common placements of the tone mark ("Hòa" / "Hoà") as well as
//! precomposed and decomposed code points. Folding both sides to plain lower-case ASCII-ish
//! letters makes all of those meet.

/// The accent-free, lower-case search key of `s`.
///
/// Steps: lower-case; replace every Vietnamese or Latin letter with a tone or a hat by its bare
/// letter ([`bare_letter`]: "ồ" -> "o"), and drop combining marks (U+0300–U+036F), so decomposed
/// input folds like precomposed input and "Hòa"/"Hoà" both give "hoa"; map the d-with-stroke to
/// `d` (it has no decomposition); collapse runs of whitespace to one space and trim.
/// Punctuation is kept.
///
/// Besides `đ` (U+0111) the map also covers its look-alikes `ð` (U+00F0, from `Ð` U+00D0) and
/// `ɖ` (U+0256, from `Ɖ` U+0189), which legacy keyboards and encodings put in place of `Đ`.
///
/// Folding is idempotent: `fold(&fold(s)) == fold(s)`.
pub fn fold(s: &str) -> String {
    // Lower-casing first means marks produced by lower-casing (e.g. `İ` -> `i` + U+0307) are
    // dropped like every other mark, and the tables below need only look up lower-case letters.
    let lowered = s.to_lowercase();
    let bare: String =
        lowered.chars().filter(|c| !is_combining_mark(*c)).map(|c| bare_letter(c).unwrap_or(c)).collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for the combining diacritical marks (U+0300–U+036F): every mark a decomposed
/// Vietnamese letter carries (grave, acute, tilde, hook above, dot below, circumflex, breve,
/// horn) is one of them.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// U+00C0–U+017F (Latin-1 Supplement letters and Latin Extended-A), one byte per code point:
/// the letter its canonical decomposition starts with, lower-cased, or `.` for a letter that
/// has none (æ, ø, ß, ł, ...), which folding keeps. Generated from Unicode's decompositions;
/// `tests::tables_agree_with_unicode_decomposition` checks every entry.
const LATIN_C0_17F: &[u8; 0xC0] = b"\
    aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
    aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
    ...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";

/// U+1EA0–U+1EF9 (the Vietnamese letters with a tone mark in Latin Extended Additional), one
/// byte per code point, as [`LATIN_C0_17F`]: ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ, ẹ … ệ, ỉ ị, ọ … ợ, ụ … ự,
/// ỳ ỵ ỷ ỹ, each after its capital.
const VIETNAMESE_1EA0_1EF9: &[u8; 0x5A] = b"\
    aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooo\
    oooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

/// The bare lower-case letter of a lower-case Latin or Vietnamese letter with marks, `None`
/// for any other character (kept as it is). Covers the letters folding needs: Latin-1 and
/// Latin Extended-A, ơ ư (U+01A0/U+01A1, U+01AF/U+01B0), the Vietnamese toned letters, and the
/// d-with-stroke and its look-alikes.
fn bare_letter(c: char) -> Option<char> {
    let table_entry = |table: &[u8], start: u32| {
        let byte = *table.get(usize::try_from(u32::from(c).checked_sub(start)?).ok()?)?;
        (byte != b'.').then_some(char::from(byte))
    };
    match c {
        'đ' | 'ð' | 'ɖ' | 'Đ' | 'Ð' | 'Ɖ' => Some('d'),
        'ơ' | 'Ơ' => Some('o'),
        'ư' | 'Ư' => Some('u'),
        '\u{00C0}'..='\u{017F}' => table_entry(LATIN_C0_17F, 0xC0),
        '\u{1EA0}'..='\u{1EF9}' => table_entry(VIETNAMESE_1EA0_1EF9, 0x1EA0),
        _ => None,
    }
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

    /// Every Vietnamese vowel with each of the five tones (and none), and đ: the bare letter
    /// it folds to, then the letter with no tone, huyền, hỏi, ngã, sắc, nặng.
    const VIETNAMESE_LETTERS: [(&str, &str); 13] = [
        ("a", "aàảãáạ"),
        ("a", "ăằẳẵắặ"),
        ("a", "âầẩẫấậ"),
        ("e", "eèẻẽéẹ"),
        ("e", "êềểễếệ"),
        ("i", "iìỉĩíị"),
        ("o", "oòỏõóọ"),
        ("o", "ôồổỗốộ"),
        ("o", "ơờởỡớợ"),
        ("u", "uùủũúụ"),
        ("u", "ưừửữứự"),
        ("y", "yỳỷỹýỵ"),
        ("d", "đ"),
    ];

    /// Every Vietnamese letter, lower and upper case, precomposed (NFC) and decomposed (NFD),
    /// folds to its bare letter.
    #[test]
    fn fold_every_vietnamese_letter() {
        use unicode_normalization::UnicodeNormalization;
        let mut n_checked = 0;
        for (bare, letters) in VIETNAMESE_LETTERS {
            for lower in letters.chars() {
                let upper: String = lower.to_uppercase().collect();
                assert_ne!(upper, lower.to_string(), "{lower} has a capital");
                for letter in [lower.to_string(), upper] {
                    let nfd: String = letter.nfd().collect();
                    check_fold(&letter, bare);
                    check_fold(&nfd, bare);
                    // Inside a word, too: "Hòa" -> "hoa".
                    check_fold(&format!("H{letter}a"), &format!("h{bare}a"));
                    check_fold(&format!("H{nfd}a"), &format!("h{bare}a"));
                    n_checked += 1;
                }
            }
        }
        // 12 vowels × 6 forms + đ, each in two cases.
        assert_eq!(n_checked, 2 * (12 * 6 + 1));
    }

    /// The hand tables give exactly what the full Unicode decomposition gave (NFD, combining
    /// marks dropped), for every code point they cover.
    #[test]
    fn tables_agree_with_unicode_decomposition() {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let reference = |c: char| -> String {
            c.to_lowercase()
                .collect::<String>()
                .nfd()
                .filter(|m| !is_combining_mark(*m))
                .map(|m| if matches!(m, 'đ' | 'ð' | 'ɖ') { 'd' } else { m })
                .collect()
        };
        let ranges = [(0xC0_u32, 0x17F_u32), (0x1A0, 0x1B0), (0x1EA0, 0x1EF9)];
        for (lo, hi) in ranges {
            for c in (lo..=hi).filter_map(char::from_u32) {
                assert_eq!(fold(&c.to_string()), reference(c), "U+{:04X} {c}", u32::from(c));
            }
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
