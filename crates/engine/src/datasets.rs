//! The built-in datasets (id -> file served next to the page) and the rule for a link's own
//! dataset file (`data=`). Their names for the reader live in the UI's strings, keyed by id.

/// A dataset that ships with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltinDataset {
    /// Its id: the `ds=` value and the file's own `id`.
    pub id: &'static str,
    /// Its file, relative to the page so that a sub-path deploy works.
    pub path: &'static str,
}

/// The dataset shown when a link names none.
const HANOI_CCHC: BuiltinDataset = BuiltinDataset { id: "hanoi-cchc", path: "data/hanoi-cchc.json" };

/// Every built-in dataset, in picker order; the first one is the default.
pub const BUILTIN: &[BuiltinDataset] = &[
    HANOI_CCHC,
    BuiltinDataset { id: "pci", path: "data/pci.json" },
    BuiltinDataset { id: "papi", path: "data/papi.json" },
    BuiltinDataset { id: "par-index", path: "data/par-index.json" },
];

/// The id of the dataset shown when a link names none.
pub const DEFAULT_DATASET: &str = HANOI_CCHC.id;

/// The `ds=` of the reader's own table: it is not fetched, but read from the link's fragment
/// (`table::fragment`) or from this browser's storage, and its dataset carries this id.
pub const OWN_DATASET: &str = "own";

/// Longest accepted `data=` path, in characters.
pub const MAX_DATA_PATH_CHARS: usize = 200;

/// The built-in dataset with this id, if any.
pub fn builtin(id: &str) -> Option<&'static BuiltinDataset> {
    BUILTIN.iter().find(|d| d.id == id)
}

/// The file of the built-in dataset `id`; an unknown id gives the default dataset's file (the
/// page then says that the id asked for does not exist).
pub fn builtin_path(id: &str) -> &'static str {
    builtin(id).map_or(HANOI_CCHC.path, |d| d.path)
}

/// True when a link may make the page fetch `path` (`data=`): a relative path on the page's own
/// site to a `.json` file — only `A-Z a-z 0-9 - _ . /`, no leading `/` (so no `//host`), no
/// `..`, at most [`MAX_DATA_PATH_CHARS`] characters — so that a hostile link cannot make the
/// page fetch from elsewhere.
pub fn is_allowed_data_path(path: &str) -> bool {
    let ok_chars = path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    path.len() <= MAX_DATA_PATH_CHARS
        && ok_chars
        && path.ends_with(".json")
        && !path.starts_with('/')
        && !path.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_ids_and_files() {
        assert_eq!(BUILTIN.first(), Some(&HANOI_CCHC));
        assert_eq!(builtin_path("pci"), "data/pci.json");
        assert_eq!(builtin_path("papi"), "data/papi.json");
        assert_eq!(builtin_path("par-index"), "data/par-index.json");
        assert_eq!(builtin_path(DEFAULT_DATASET), "data/hanoi-cchc.json");
        assert_eq!(builtin_path("nope"), "data/hanoi-cchc.json");
        assert_eq!(builtin("nope"), None);
        for d in BUILTIN {
            assert_eq!(d.path, format!("data/{}.json", d.id), "a file is named after its id");
            assert!(is_allowed_data_path(d.path));
        }
    }

    #[test]
    fn data_paths_stay_on_this_site() {
        let cases = [
            ("fixtures/broken.json", true),
            ("data/pci.json", true),
            ("my_data-2.v1.json", true),
            ("data/pci.JSON", false),
            ("data/pci.json?x=1", false),
            ("data/pci", false),
            ("/data/pci.json", false),
            ("//evil.example/x.json", false),
            ("https://evil.example/x.json", false),
            ("https%3A%2F%2Fevil.example%2Fx.json", false),
            ("../secret.json", false),
            ("data/../../x.json", false),
            ("data\\x.json", false),
            ("dữ-liệu.json", false),
            ("", false),
            (".json", true),
        ];
        for (path, allowed) in cases {
            assert_eq!(is_allowed_data_path(path), allowed, "{path}");
        }
        let longest = format!("{}.json", "a".repeat(MAX_DATA_PATH_CHARS - 5));
        assert!(is_allowed_data_path(&longest));
        assert!(!is_allowed_data_path(&format!("a{longest}")));
    }
}
