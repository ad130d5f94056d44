//! The 63 provinces and centrally-run cities (before the 2025 reorganisation) and the one table
//! that maps every spelling found in the PCI, PAPI and PAR INDEX sources to them, so every
//! dataset gives the same province the same unit id.

use chiso_engine::schema::UnitKind;

use crate::names::{normalise, slug};

/// Number of provincial units in every year imported here.
pub const N_PROVINCES: usize = 63;

/// A province or centrally-run city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// Canonical Vietnamese name (NFC); the unit id is its slug.
    pub name: &'static str,
    /// English name as the PAPI codebook writes it.
    pub name_en: &'static str,
    /// `Tinh`, or `ThanhPhoTrucThuocTw` for the five centrally-run cities.
    pub kind: UnitKind,
}

const fn tinh(name: &'static str, name_en: &'static str) -> Province {
    Province { name, name_en, kind: UnitKind::Tinh }
}

const fn tp(name: &'static str, name_en: &'static str) -> Province {
    Province { name, name_en, kind: UnitKind::ThanhPhoTrucThuocTw }
}

/// In the General Statistics Office's order (the order of PAPI's codes P01..P63), which is also
/// the order of units in the dataset files.
pub const PROVINCES: [Province; N_PROVINCES] = [
    tp("Hà Nội", "Hanoi"),
    tinh("Hà Giang", "Ha Giang"),
    tinh("Cao Bằng", "Cao Bang"),
    tinh("Bắc Kạn", "Bac Kan"),
    tinh("Tuyên Quang", "Tuyen Quang"),
    tinh("Lào Cai", "Lao Cai"),
    tinh("Điện Biên", "Dien Bien"),
    tinh("Lai Châu", "Lai Chau"),
    tinh("Sơn La", "Son La"),
    tinh("Yên Bái", "Yen Bai"),
    tinh("Hòa Bình", "Hoa Binh"),
    tinh("Thái Nguyên", "Thai Nguyen"),
    tinh("Lạng Sơn", "Lang Son"),
    tinh("Quảng Ninh", "Quang Ninh"),
    tinh("Bắc Giang", "Bac Giang"),
    tinh("Phú Thọ", "Phu Tho"),
    tinh("Vĩnh Phúc", "Vinh Phuc"),
    tinh("Bắc Ninh", "Bac Ninh"),
    tinh("Hải Dương", "Hai Duong"),
    tp("Hải Phòng", "Hai Phong"),
    tinh("Hưng Yên", "Hung Yen"),
    tinh("Thái Bình", "Thai Binh"),
    tinh("Hà Nam", "Ha Nam"),
    tinh("Nam Định", "Nam Dinh"),
    tinh("Ninh Bình", "Ninh Binh"),
    tinh("Thanh Hóa", "Thanh Hoa"),
    tinh("Nghệ An", "Nghe An"),
    tinh("Hà Tĩnh", "Ha Tinh"),
    tinh("Quảng Bình", "Quang Binh"),
    tinh("Quảng Trị", "Quang Tri"),
    tinh("Thừa Thiên Huế", "Thua Thien Hue"),
    tp("Đà Nẵng", "Da Nang"),
    tinh("Quảng Nam", "Quang Nam"),
    tinh("Quảng Ngãi", "Quang Ngai"),
    tinh("Bình Định", "Binh Dinh"),
    tinh("Phú Yên", "Phu Yen"),
    tinh("Khánh Hòa", "Khanh Hoa"),
    tinh("Ninh Thuận", "Ninh Thuan"),
    tinh("Bình Thuận", "Binh Thuan"),
    tinh("Kon Tum", "Kon Tum"),
    tinh("Gia Lai", "Gia Lai"),
    tinh("Đắk Lắk", "Dak Lak"),
    tinh("Đắk Nông", "Dak Nong"),
    tinh("Lâm Đồng", "Lam Dong"),
    tinh("Bình Phước", "Binh Phuoc"),
    tinh("Tây Ninh", "Tay Ninh"),
    tinh("Bình Dương", "Binh Duong"),
    tinh("Đồng Nai", "Dong Nai"),
    tinh("Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau"),
    tp("TP. Hồ Chí Minh", "Ho Chi Minh City"),
    tinh("Long An", "Long An"),
    tinh("Tiền Giang", "Tien Giang"),
    tinh("Bến Tre", "Ben Tre"),
    tinh("Trà Vinh", "Tra Vinh"),
    tinh("Vĩnh Long", "Vinh Long"),
    tinh("Đồng Tháp", "Dong Thap"),
    tinh("An Giang", "An Giang"),
    tinh("Kiên Giang", "Kien Giang"),
    tp("Cần Thơ", "Can Tho"),
    tinh("Hậu Giang", "Hau Giang"),
    tinh("Sóc Trăng", "Soc Trang"),
    tinh("Bạc Liêu", "Bac Lieu"),
    tinh("Cà Mau", "Ca Mau"),
];

/// Spellings in the source files that are neither the canonical Vietnamese name nor the PAPI
/// English name, each with the canonical name it stands for and where it was seen. Compared
/// after [`normalise`], so NFC/NFD differences need no entry here.
const ALIASES: [(&str, &str); 10] = [
    // PCI 2013-2016 (all pairs) and PCI 2023.
    ("BRVT", "Bà Rịa - Vũng Tàu"),
    // PCI 2013-2016.
    ("Tp.HCM", "TP. Hồ Chí Minh"),
    // PCI 2023.
    ("TP.HCM", "TP. Hồ Chí Minh"),
    // PCI 2013.
    ("TT- Huế", "Thừa Thiên Huế"),
    // PCI 2014 and 2016.
    ("TT.Huế", "Thừa Thiên Huế"),
    // PCI 2015 and 2023.
    ("TT-Huế", "Thừa Thiên Huế"),
    // PCI 2014 (the ten sub-index pairs; the composite pair writes "Đắk Lắk") and PCI 2016.
    ("Đăk Lăk", "Đắk Lắk"),
    // Same places as "Đăk Lăk".
    ("Đăk Nông", "Đắk Nông"),
    // PCI 2016 (every pair).
    ("Bắc Cạn", "Bắc Kạn"),
    // The PAR INDEX records of par_facts.json.
    ("TP Hồ Chí Minh", "TP. Hồ Chí Minh"),
];

/// Index into [`PROVINCES`] of a name as a source writes it (Vietnamese, PAPI English, or a
/// listed alias). An unknown name is an error naming it, never a guess.
pub fn resolve(name: &str) -> Result<usize, String> {
    let key = normalise(name);
    let canonical = ALIASES.iter().find(|(alias, _)| *alias == key).map_or(key.as_str(), |(_, c)| *c);
    PROVINCES.iter().position(|p| p.name == canonical || p.name_en == canonical).ok_or_else(|| {
        format!("province name '{name}' is not known (add it to ALIASES in provinces.rs if it is a variant)")
    })
}

/// The 63 provinces as dataset units carrying `records` — (province index, that year's record) —
/// each unit's records newest first. PCI and PAPI both build their units this way.
pub fn units_with(
    records: impl IntoIterator<Item = (usize, chiso_engine::schema::RawObservation)>,
) -> Result<Vec<chiso_engine::schema::RawUnit>, String> {
    let mut units = empty_units();
    for (idx, obs) in records {
        units.get_mut(idx).ok_or("province index out of range")?.observations.push(obs);
    }
    for unit in &mut units {
        unit.observations.sort_by_key(|o| std::cmp::Reverse(o.year));
    }
    Ok(units)
}

/// The 63 provinces as dataset units with no observation yet, in GSO order (PCI and PAPI both
/// start from this, so they share ids, names and kinds).
fn empty_units() -> Vec<chiso_engine::schema::RawUnit> {
    PROVINCES
        .iter()
        .map(|p| chiso_engine::schema::RawUnit {
            id: unit_id(p),
            name: p.name.to_string(),
            name_en: Some(p.name_en.to_string()),
            kind: p.kind,
            observations: vec![],
        })
        .collect()
}

/// The unit id of a province: the slug of its canonical name.
pub fn unit_id(province: &Province) -> String {
    slug(province.name)
}

/// Check that `found` (province indices of one year of one file) names each of the 63 provinces
/// exactly once.
pub fn check_complete(what: &str, found: &[usize]) -> Result<(), String> {
    let mut seen = [false; N_PROVINCES];
    for &i in found {
        let Some(slot) = seen.get_mut(i) else {
            return Err(format!("{what}: province index {i} out of range"));
        };
        if *slot {
            let name = PROVINCES.get(i).map_or("?", |p| p.name);
            return Err(format!("{what}: {name} appears twice"));
        }
        *slot = true;
    }
    let missing: Vec<&str> = PROVINCES.iter().zip(seen).filter(|(_, s)| !s).map(|(p, _)| p.name).collect();
    if found.len() != N_PROVINCES || !missing.is_empty() {
        return Err(format!(
            "{what}: expected the {N_PROVINCES} provinces, found {} (missing: {})",
            found.len(),
            missing.join(", ")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn canonical_names_are_nfc_and_ids_are_unique_ascii() {
        let mut ids = HashSet::new();
        for p in &PROVINCES {
            assert_eq!(normalise(p.name), p.name, "{} is not in normal form", p.name);
            let id = unit_id(p);
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{id}");
            assert!(ids.insert(id.clone()), "{id} twice");
        }
        let cities: Vec<&str> =
            PROVINCES.iter().filter(|p| p.kind == UnitKind::ThanhPhoTrucThuocTw).map(|p| p.name).collect();
        assert_eq!(cities, ["Hà Nội", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]);
    }

    #[test]
    fn every_alias_points_at_a_canonical_name() {
        for (alias, canonical) in ALIASES {
            assert_eq!(normalise(alias), alias, "{alias} is not in normal form");
            assert!(PROVINCES.iter().any(|p| p.name == canonical), "{alias} -> {canonical}");
        }
    }

    fn check(name: &str, want_id: &str) {
        let got = resolve(name).map(|i| PROVINCES.get(i).map(unit_id));
        assert_eq!(got, Ok(Some(want_id.to_string())), "{name:?}");
    }

    #[test]
    fn source_spellings_resolve() {
        check("Đăk Lăk", "dak-lak");
        check("Đắk Lắk", "dak-lak");
        check("Dak Lak", "dak-lak");
        check("Bắc Cạn", "bac-kan");
        check("TT- Huế", "thua-thien-hue");
        check("TT.Huế", "thua-thien-hue");
        check("TT-Huế", "thua-thien-hue");
        check("Tp.HCM", "tp-ho-chi-minh");
        check("TP.HCM", "tp-ho-chi-minh");
        check("Ho Chi Minh City", "tp-ho-chi-minh");
        check("BRVT", "ba-ria-vung-tau");
        check("Ba Ria - Vung Tau", "ba-ria-vung-tau");
        // PCI 2013 writes names with decomposed marks.
        check("Ho\u{300}a Bi\u{300}nh", "hoa-binh");
        check(" Hà Nội ", "ha-noi");
    }

    #[test]
    fn unknown_names_fail() {
        assert!(resolve("Hoà Bình").is_err(), "modern tone placement is not listed, so it must fail");
        assert!(resolve("Hà Tây").is_err());
    }

    #[test]
    fn completeness_check_names_the_problem() {
        let all: Vec<usize> = (0..N_PROVINCES).collect();
        assert_eq!(check_complete("t", &all), Ok(()));
        let mut twice = all.clone();
        twice.push(0);
        assert!(check_complete("t", &twice).is_err_and(|e| e.contains("Hà Nội appears twice")));
        let short: Vec<usize> = (1..N_PROVINCES).collect();
        assert!(check_complete("t", &short).is_err_and(|e| e.contains("missing: Hà Nội")));
    }
}
