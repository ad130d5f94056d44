//! Name handling shared by every importer: ASCII ids (slugs) and the normal form in which source
//! spellings are compared.

use chiso_engine::search;
use unicode_normalization::UnicodeNormalization;

/// ASCII id of a Vietnamese name: "Sở Lao động, Thương binh và Xã hội" -> "so-lao-dong-thuong-binh-va-xa-hoi".
pub fn slug(name: &str) -> String {
    let folded = search::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The form in which a name from a source file is compared: Unicode NFC (PCI 2013 writes its
/// province names with decomposed marks, later years precomposed), surrounding whitespace
/// trimmed and inner runs of whitespace (including the line breaks of header cells) made one
/// space. Spelling variants ("Đăk Lăk", "TP.HCM") are *not* folded here: they go through an
/// explicit alias table, so an unknown spelling fails instead of matching by accident.
pub fn normalise(name: &str) -> String {
    let nfc: String = name.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{normalise, slug};

    #[test]
    fn slugs_are_ascii_ids() {
        for (name, want) in [
            ("Sở Lao động, Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
            ("Đống Đa", "dong-da"),
            ("Ứng Hòa", "ung-hoa"),
            ("Văn phòng UBND thành phố", "van-phong-ubnd-thanh-pho"),
            ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
            ("TP. Hồ Chí Minh", "tp-ho-chi-minh"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
    }

    #[test]
    fn normalise_composes_and_collapses_whitespace() {
        // "Hà Nội" with combining grave (U+0300) and dot below (U+0323), as PCI 2013 writes it.
        let decomposed = "Ha\u{300} No\u{302}\u{323}i";
        assert_eq!(normalise(decomposed), "Hà Nội");
        assert_eq!(normalise(" Gia nhập\n thị trường "), "Gia nhập thị trường");
        // Tone placement is not a normalisation matter: "Hoà" and "Hòa" stay different.
        assert_ne!(normalise("Hoà Bình"), normalise("Hòa Bình"));
    }
}
