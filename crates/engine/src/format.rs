//! Numbers, scores, ranks and rank changes in Vietnamese or English notation: figures and marks
//! only. Words about them ("thấp nhất", "tăng 3 bậc") are the UI's: ranks and moves come back as
//! [`RankLabel`] and [`RankMove`].
//!
//! Vietnamese writes "1.234,5" (dot thousands, comma decimals), English "1,234.5". Negative
//! numbers use the minus sign "−" (U+2212), not the hyphen. Rounding is half away from zero
//! after a tiny relative nudge, so a published "94,245" shows as "94,25" even though the binary
//! float is a hair below it; a value that rounds to zero never shows a sign ("0,00", not
//! "−0,00").

use crate::rank::RankPos;
use crate::schema::ScoreUnit;

/// The language of the interface and of every formatted string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// Vietnamese (the default: the indices are Vietnamese and published in Vietnamese).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The ISO 639-1 code: `"vi"` or `"en"` (also the URL value and the HTML `lang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language with this exact code (`"vi"` or `"en"`, lower-case); `None` otherwise.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    fn decimal_separator(self) -> char {
        match self {
            Lang::Vi => ',',
            Lang::En => '.',
        }
    }

    fn thousands_separator(self) -> char {
        match self {
            Lang::Vi => '.',
            Lang::En => ',',
        }
    }
}

/// The minus sign used for negative numbers (U+2212), typographically matched to "+".
pub const MINUS: char = '\u{2212}';

/// What is printed for a number that is not a number (NaN).
pub const NOT_A_NUMBER: &str = "—";

/// At most this many decimals are printed; larger requests are clamped, since an `f64` holds
/// about 15 significant digits.
pub const MAX_DECIMALS: usize = 12;

/// Decimals shown for a total score ("94,25").
pub const SCORE_DECIMALS: usize = 2;

/// Relative nudge added before rounding so that decimal values stored a hair below a half
/// (94.245 is 94.2449999…) round as written. Far larger than float error, far smaller than any
/// published precision.
const ROUNDING_NUDGE_REL: f64 = 1e-12;

/// Cap on the nudge, in units of the last printed digit: with many digits a relative nudge
/// would grow big enough to carry a genuine ...4999 over the half.
const ROUNDING_NUDGE_MAX: f64 = 1e-3;

/// The pieces of a rounded number: its sign and its digits with separators, without sign.
struct Rounded {
    /// True when the rounded value is below zero (never true for a value that rounds to 0).
    negative: bool,
    /// True when the rounded value is exactly zero.
    zero: bool,
    /// Digits with thousands and decimal separators, or "∞", or [`NOT_A_NUMBER`].
    body: String,
}

fn round(x: f64, decimals: usize, lang: Lang) -> Rounded {
    if x.is_nan() {
        return Rounded { negative: false, zero: false, body: NOT_A_NUMBER.to_owned() };
    }
    if x.is_infinite() {
        return Rounded { negative: x < 0.0, zero: false, body: "∞".to_owned() };
    }
    let decimals = decimals.min(MAX_DECIMALS);
    // `decimals <= MAX_DECIMALS`, so the conversion cannot fail; 12 is a harmless fallback.
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(12));
    let scaled = x.abs() * scale;
    let rounded = (scaled + (scaled * ROUNDING_NUDGE_REL).min(ROUNDING_NUDGE_MAX)).round();
    if rounded.is_infinite() {
        // Only for |x| near f64::MAX with many decimals: print the integer part alone.
        return round(x, 0, lang);
    }
    // `{:.0}` prints an integral f64 exactly, at any magnitude.
    let digits = format!("{rounded:.0}");
    let zero = rounded == 0.0;
    // Pad so there is at least one integer digit: "5" with 2 decimals becomes "005" -> "0,05".
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (int_digits, frac_digits) =
        padded.split_at_checked(padded.len().saturating_sub(decimals)).unwrap_or((&padded, ""));
    let mut body = group_thousands(int_digits, lang.thousands_separator());
    if decimals > 0 {
        body.push(lang.decimal_separator());
        body.push_str(frac_digits);
    }
    Rounded { negative: x < 0.0 && !zero, zero, body }
}

/// `digits` (ASCII digits only) with `separator` between groups of three from the right.
fn group_thousands(digits: &str, separator: char) -> String {
    let n_digits = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (n_digits - idx).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `x` rounded to `decimals` places: "1.234,5" (vi), "1,234.5" (en), "−0,5" for negatives.
///
/// Rounds half away from zero (after a tiny nudge, see the module doc); a value that rounds to
/// zero prints without sign. NaN prints [`NOT_A_NUMBER`], infinities "∞" and "−∞". At most
/// [`MAX_DECIMALS`] decimals are printed.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    let rounded = round(x, decimals, lang);
    if rounded.negative {
        format!("{MINUS}{}", rounded.body)
    } else {
        rounded.body
    }
}

/// Like [`number`] but always signed, for changes: "+2,73", "−1,26", and "0,00" without a sign
/// when the value rounds to zero. NaN prints [`NOT_A_NUMBER`].
pub fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let rounded = round(x, decimals, lang);
    if rounded.negative {
        format!("{MINUS}{}", rounded.body)
    } else if rounded.zero || x.is_nan() {
        rounded.body
    } else {
        format!("+{}", rounded.body)
    }
}

/// A total score with [`SCORE_DECIMALS`] decimals: percent "94,25%" (vi) / "94.25%" (en), points
/// "71,25" (the unit is named in the column heading, not after each number).
pub fn score(x: f64, unit: ScoreUnit, lang: Lang) -> String {
    let digits = number(x, SCORE_DECIMALS, lang);
    match unit {
        ScoreUnit::Percent => format!("{digits}%"),
        ScoreUnit::Points => digits,
    }
}

/// A whole number with the language's thousands separator: "1.234" (vi), "1,234" (en).
pub fn integer(n: u64, lang: Lang) -> String {
    group_thousands(&n.to_string(), lang.thousands_separator())
}

/// `x` exactly as stored (the shortest decimal that reads back to it, no rounding), with the
/// language's separators: "104,2" (vi), "104.2" (en), "−0,5", "100". For values quoted back to
/// the reader from a file or an input (a validation problem, an out-of-range override), where
/// rounding could hide why the value is wrong. NaN prints [`NOT_A_NUMBER`], infinities "∞".
pub fn exact(x: f64, lang: Lang) -> String {
    if x.is_nan() {
        return NOT_A_NUMBER.to_owned();
    }
    let sign = if x < 0.0 { MINUS.to_string() } else { String::new() };
    if x.is_infinite() {
        return format!("{sign}∞");
    }
    // `Display` of an f64 never uses an exponent: "1e21" prints all 22 digits.
    let plain = format!("{}", x.abs());
    let (int_digits, frac_digits) = plain.split_once('.').unwrap_or((&plain, ""));
    let mut out = sign;
    out.push_str(&group_thousands(int_digits, lang.thousands_separator()));
    if !frac_digits.is_empty() {
        out.push(lang.decimal_separator());
        out.push_str(frac_digits);
    }
    out
}

/// How a rank is shown: figures and marks, or — when the source gave no position and the block
/// size is unknown — a word the UI supplies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RankLabel {
    /// Figures and marks, the same in every language: "1", "=2", "30/30", "=30/30".
    Figure(String),
    /// The source only said "the lowest" and the block size is unknown ("thấp nhất").
    Lowest,
}

/// A rank as printed in a table: "1", "=2" when tied.
///
/// When the source only said "the lowest" (`last_word`), the label is "30/30" if the block size
/// `unit_count` is known (the position over the block size, "=" in front if tied) and
/// [`RankLabel::Lowest`] otherwise.
pub fn rank_label(pos: &RankPos, unit_count: Option<u32>) -> RankLabel {
    let tie_mark = if pos.tied { "=" } else { "" };
    if pos.last_word {
        return match unit_count {
            Some(count) => RankLabel::Figure(format!("{tie_mark}{}/{count}", pos.position)),
            None => RankLabel::Lowest,
        };
    }
    RankLabel::Figure(format!("{tie_mark}{}", pos.position))
}

/// Which way a rank moved, and by how many places; the UI words it ("tăng 3 bậc").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankMove {
    /// Moved up (a better rank) by `places` (> 0).
    Up {
        /// Places gained.
        places: u64,
    },
    /// Moved down by `places` (> 0).
    Down {
        /// Places lost.
        places: u64,
    },
    /// Same rank.
    Unchanged,
}

impl RankMove {
    /// The move for `delta` places gained (positive = moved up).
    pub fn from_delta(delta: i64) -> RankMove {
        let places = delta.unsigned_abs();
        match delta.signum() {
            1 => RankMove::Up { places },
            -1 => RankMove::Down { places },
            _ => RankMove::Unchanged,
        }
    }
}

/// A compact rank change, `delta` being places gained (positive = moved up): "▲3", "▼2", "=".
/// Screen readers should get the change in words ([`RankMove`], worded by the UI) alongside.
pub fn rank_change(delta: i64, lang: Lang) -> String {
    match RankMove::from_delta(delta) {
        RankMove::Up { places } => format!("▲{}", integer(places, lang)),
        RankMove::Down { places } => format!("▼{}", integer(places, lang)),
        RankMove::Unchanged => "=".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::RankOrigin;

    /// `(x, decimals)` formatted in Vietnamese and English.
    fn check_number(x: f64, decimals: usize, expected_vi: &str, expected_en: &str) {
        assert_eq!(number(x, decimals, Lang::Vi), expected_vi, "number({x:?}, {decimals}, vi)");
        assert_eq!(number(x, decimals, Lang::En), expected_en, "number({x:?}, {decimals}, en)");
    }

    fn check_signed(x: f64, decimals: usize, expected_vi: &str, expected_en: &str) {
        assert_eq!(signed(x, decimals, Lang::Vi), expected_vi, "signed({x:?}, {decimals}, vi)");
        assert_eq!(signed(x, decimals, Lang::En), expected_en, "signed({x:?}, {decimals}, en)");
    }

    #[test]
    fn numbers() {
        let cases: [(f64, usize, &str, &str); 22] = [
            (94.25, 2, "94,25", "94.25"),
            (94.245, 2, "94,25", "94.25"),
            (94.244_999, 2, "94,24", "94.24"),
            (1.005, 2, "1,01", "1.01"),
            (0.125, 2, "0,13", "0.13"),
            (1234.5, 1, "1.234,5", "1,234.5"),
            (1234.5, 0, "1.235", "1,235"),
            (999.5, 0, "1.000", "1,000"),
            (999.4, 0, "999", "999"),
            (1_234_567.891, 2, "1.234.567,89", "1,234,567.89"),
            (100.0, 2, "100,00", "100.00"),
            (0.05, 1, "0,1", "0.1"),
            (0.004, 2, "0,00", "0.00"),
            (0.0, 2, "0,00", "0.00"),
            (-0.0, 2, "0,00", "0.00"),
            (-0.004, 2, "0,00", "0.00"),
            (-1.26, 2, "−1,26", "−1.26"),
            (-94.245, 2, "−94,25", "−94.25"),
            (-1234.0, 0, "−1.234", "−1,234"),
            (f64::NAN, 2, "—", "—"),
            (f64::INFINITY, 2, "∞", "∞"),
            (f64::NEG_INFINITY, 2, "−∞", "−∞"),
        ];
        for (x, decimals, vi, en) in cases {
            check_number(x, decimals, vi, en);
        }
    }

    #[test]
    fn numbers_at_extremes_do_not_panic() {
        check_number(0.5, 40, "0,500000000000", "0.500000000000");
        check_number(0.123_456_789_012_4, 12, "0,123456789012", "0.123456789012");
        check_number(12_345_678.904_999, 3, "12.345.678,905", "12,345,678.905");
        check_number(0.05, 2, "0,05", "0.05");
        assert!(number(f64::MAX, 2, Lang::En).starts_with("179,769,313"));
        assert!(number(f64::MAX, 12, Lang::Vi).starts_with("179.769.313"));
        check_number(f64::MIN_POSITIVE, 2, "0,00", "0.00");
    }

    #[test]
    fn signed_numbers() {
        let cases: [(f64, usize, &str, &str); 7] = [
            (2.73, 2, "+2,73", "+2.73"),
            (-1.26, 2, "−1,26", "−1.26"),
            (0.0, 2, "0,00", "0.00"),
            (-0.001, 2, "0,00", "0.00"),
            (0.001, 2, "0,00", "0.00"),
            (1500.0, 0, "+1.500", "+1,500"),
            (f64::NAN, 2, "—", "—"),
        ];
        for (x, decimals, vi, en) in cases {
            check_signed(x, decimals, vi, en);
        }
    }

    #[test]
    fn scores() {
        let cases = [
            (94.25, ScoreUnit::Percent, Lang::Vi, "94,25%"),
            (94.25, ScoreUnit::Percent, Lang::En, "94.25%"),
            (71.25, ScoreUnit::Points, Lang::Vi, "71,25"),
            (71.25, ScoreUnit::Points, Lang::En, "71.25"),
            (80.0, ScoreUnit::Percent, Lang::Vi, "80,00%"),
        ];
        for (x, unit, lang, expected) in cases {
            assert_eq!(score(x, unit, lang), expected, "score({x}, {unit:?}, {lang:?})");
        }
    }

    #[test]
    fn exact_values() {
        let cases: [(f64, &str, &str); 9] = [
            (104.2, "104,2", "104.2"),
            (100.0, "100", "100"),
            (1234.5, "1.234,5", "1,234.5"),
            (-0.5, "−0,5", "−0.5"),
            (-0.0, "0", "0"),
            (0.1 + 0.2, "0,30000000000000004", "0.30000000000000004"),
            (f64::NAN, "—", "—"),
            (f64::INFINITY, "∞", "∞"),
            (f64::NEG_INFINITY, "−∞", "−∞"),
        ];
        for (x, vi, en) in cases {
            assert_eq!(exact(x, Lang::Vi), vi, "exact({x:?}, vi)");
            assert_eq!(exact(x, Lang::En), en, "exact({x:?}, en)");
        }
        assert_eq!(exact(1e21, Lang::En), "1,000,000,000,000,000,000,000");
        assert_eq!(integer(1234, Lang::Vi), "1.234");
        assert_eq!(integer(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
    }

    #[test]
    fn rank_labels() {
        let pos = |position, tied, last_word| RankPos { position, tied, last_word, origin: RankOrigin::Published };
        let figure = |s: &str| RankLabel::Figure(s.to_owned());
        let cases = [
            (pos(1, false, false), None, figure("1")),
            (pos(2, true, false), Some(30), figure("=2")),
            (pos(30, false, true), Some(30), figure("30/30")),
            (pos(30, true, true), Some(30), figure("=30/30")),
            (pos(0, false, true), None, RankLabel::Lowest),
        ];
        for (pos, unit_count, expected) in cases {
            assert_eq!(rank_label(&pos, unit_count), expected, "{pos:?} of {unit_count:?}");
        }
    }

    #[test]
    fn rank_changes() {
        let cases = [
            (3, Lang::Vi, "▲3", RankMove::Up { places: 3 }),
            (1, Lang::En, "▲1", RankMove::Up { places: 1 }),
            (-2, Lang::Vi, "▼2", RankMove::Down { places: 2 }),
            (0, Lang::En, "=", RankMove::Unchanged),
            (1234, Lang::Vi, "▲1.234", RankMove::Up { places: 1234 }),
            (i64::MIN, Lang::En, "▼9,223,372,036,854,775,808", RankMove::Down { places: 1 << 63 }),
        ];
        for (delta, lang, compact, moved) in cases {
            assert_eq!(rank_change(delta, lang), compact, "rank_change({delta}, {lang:?})");
            assert_eq!(RankMove::from_delta(delta), moved, "RankMove::from_delta({delta})");
        }
    }

    #[test]
    fn lang_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code("VI"), None);
        assert_eq!(Lang::default(), Lang::Vi);
    }
}
