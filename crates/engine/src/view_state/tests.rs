//! The link's reading and writing, the parameter table and the state's transitions, natively.

use super::*;
use proptest::prelude::*;
use ParamProblem::*;

/// Every kind (`UnitKind::ALL`); the match below stops compiling when a kind is added, so the
/// list is looked at again then.
const ALL_KINDS: [UnitKind; 10] = UnitKind::ALL;

fn all_kinds_is_exhaustive(kind: UnitKind) {
    use UnitKind::*;
    match kind {
        So | CoQuanTuongDuongSo | Quan | Huyen | ThiXa | Tinh | ThanhPhoTrucThuocTw | Bo | CoQuanTrungUong | Khac => {}
    }
}

fn warning(param: &str, raw: &str, reason: ParamProblem) -> ParamWarning {
    ParamWarning { param: param.to_owned(), raw: raw.to_owned(), reason }
}

/// Read `query`; expect `expected` and exactly `expected_warnings`.
fn check(query: &str, expected: ViewState, expected_warnings: &[ParamWarning]) {
    let (state, warnings) = from_query(query);
    assert_eq!(state, expected, "state of {query:?}");
    assert_eq!(warnings, expected_warnings, "warnings of {query:?}");
}

/// Write `state`; expect `expected`, then read it back to the same state without warnings.
fn check_write(state: ViewState, expected: &str) {
    assert_eq!(state.to_query(), expected, "{state:?}");
    check(expected, state, &[]);
}

fn with(change: impl FnOnce(&mut ViewState)) -> ViewState {
    let mut state = ViewState::default();
    change(&mut state);
    state
}

#[test]
fn scenario_params_round_trip() {
    check_write(with(|s| s.view = View::WhatIf), "v=1&view=whatif");
    check_write(
        with(|s| {
            s.view = View::WhatIf;
            s.overrides = vec![
                OverrideParam { unit: "quang-ninh".into(), component: Some("land_access".into()), value: 8.5 },
                OverrideParam { unit: "thanh-tra-thanh-pho".into(), component: None, value: 85.0 },
            ];
        }),
        "v=1&view=whatif&set=quang-ninh.land_access%3A8.5%2Cthanh-tra-thanh-pho%3A85",
    );
    check_write(with(|s| s.weights = WeightsParam::Equal), "v=1&w=equal");
    check_write(with(|s| s.weights = WeightsParam::Emphasis("land_access".into())), "v=1&w=emph-land_access");
    check_write(
        with(|s| s.weights = WeightsParam::Custom(vec![("a".into(), 60.0), ("b".into(), 40.0)])),
        "v=1&w=a%3A60%2Cb%3A40",
    );
    check_write(
        with(|s| {
            s.spread = 0;
            s.k = 5;
            s.from = Some(2013);
        }),
        "v=1&spread=0&k=5&from=2013",
    );
}

#[test]
fn scenario_params_fall_back_with_warnings() {
    check("view=map", ViewState::default(), &[warning("view", "map", UnknownView)]);
    // Good entries are kept, bad ones dropped one by one; the last write of a pair wins.
    check(
        "set=a:1,b:x,BAD:2,a:3,c.d:NaN",
        with(|s| s.overrides = vec![OverrideParam { unit: "a".into(), component: None, value: 3.0 }]),
        &[
            warning("set", "b:x", BadOverride),
            warning("set", "BAD:2", BadOverride),
            warning("set", "c.d:NaN", BadOverride),
        ],
    );
    check("w=a:-1", ViewState::default(), &[warning("w", "a:-1", BadWeights)]);
    check("w=a:0,b:0", ViewState::default(), &[warning("w", "a:0,b:0", BadWeights)]);
    check("w=emph-", ViewState::default(), &[warning("w", "emph-", BadWeights)]);
    check("spread=101", ViewState::default(), &[warning("spread", "101", OutOfRange { min: 0, max: 100 })]);
    check("k=0", ViewState::default(), &[warning("k", "0", OutOfRange { min: 1, max: 10000 })]);
    check("from=x", ViewState::default(), &[warning("from", "x", NotANumber)]);
}

#[test]
fn writes_only_what_differs() {
    check_write(ViewState::default(), "");
    check_write(with(|s| s.lang = Lang::En), "v=1&lang=en");
    check_write(with(|s| s.year = Some(2023)), "v=1&year=2023");
    check_write(with(|s| s.limit = Some(Limit::Bottom(5))), "v=1&bottom=5");
    check_write(with(|s| s.query = "dong da".into()), "v=1&q=dong+da");
    check_write(with(|s| s.query = "a+b&c=d%".into()), "v=1&q=a%2Bb%26c%3Dd%25");
    check_write(
        ViewState {
            dataset: "hcm-par".into(),
            year: Some(2023),
            group: Some("districts".into()),
            kinds: vec![UnitKind::Quan, UnitKind::Huyen],
            query: "Đống Đa".into(),
            limit: Some(Limit::Top(10)),
            lang: Lang::En,
            unit: Some("dong-da".into()),
            embed: true,
            theme: ColorScheme::Dark,
            eid: Some("chiso-1".into()),
            ..ViewState::default()
        },
        "v=1&ds=hcm-par&year=2023&group=districts&kind=quan,huyen&q=%C4%90%E1%BB%91ng+%C4%90a&top=10&lang=en&unit=dong-da&embed=1&theme=dark&eid=chiso-1",
    );
}

#[test]
fn default_dataset_and_kind_order_do_not_change_the_link() {
    assert_eq!(with(|s| s.dataset = DEFAULT_DATASET.into()).to_query(), "");
    let shuffled = with(|s| s.kinds = vec![UnitKind::ThiXa, UnitKind::So, UnitKind::ThiXa]);
    assert_eq!(shuffled.to_query(), "v=1&kind=so,thi_xa");
    let mut names: Vec<String> = ALL_KINDS.into_iter().map(|kind| kind.code().to_owned()).collect();
    assert_eq!(names.len(), ALL_KINDS.len());
    names.dedup();
    assert_eq!(names.len(), ALL_KINDS.len(), "kind names are distinct");
    for kind in ALL_KINDS {
        all_kinds_is_exhaustive(kind);
        assert_eq!(UnitKind::from_code(kind.code()), Some(kind));
    }
}

#[test]
fn reads_leniently() {
    let year = |y| with(|s| s.year = Some(y));
    check("?year=2023", year(2023), &[]);
    check("year=2023", year(2023), &[]);
    check("&&year=2023&#unit=x", year(2023), &[]);
    check("year=2022&year=2023", year(2023), &[]);
    check("year=abc&year=2023", year(2023), &[]);
    check("year=2023&year=abc", ViewState::default(), &[warning("year", "abc", NotANumber)]);
    check("year&q=", ViewState::default(), &[]);
    check("?", ViewState::default(), &[]);
    check("", ViewState::default(), &[]);
    check("q=dong+da", with(|s| s.query = "dong da".into()), &[]);
    check("q=%C4%90%E1%BB%91ng%20%C4%90a", with(|s| s.query = "Đống Đa".into()), &[]);
    check("q=a%2Bb", with(|s| s.query = "a+b".into()), &[]);
    check("%79ear=2023", year(2023), &[]);
    check("lang=en&unit=dong_da", with(|s| (s.lang, s.unit) = (Lang::En, Some("dong_da".into()))), &[]);
    check("v=1&ds=hanoi-cchc", ViewState::default(), &[]);
    check(
        "utm_source=zalo&utm_medium=zalo&zarsrc=30&fbclid=abc&gclid=x&top=3",
        with(|s| s.limit = Some(Limit::Top(3))),
        &[],
    );
}

#[test]
fn bad_values_fall_back_with_a_warning() {
    let year_range = OutOfRange { min: 1900, max: 2100 };
    let limit_range = OutOfRange { min: 1, max: 10_000 };
    let unsupported = UnsupportedVersion { supported: 1 };
    let cases: Vec<(&str, &str, &str, ParamProblem)> = vec![
        ("year=abc", "year", "abc", NotANumber),
        ("year=2023.5", "year", "2023.5", NotANumber),
        ("year=1899", "year", "1899", year_range.clone()),
        ("year=2101", "year", "2101", year_range.clone()),
        ("year=-2023", "year", "-2023", year_range.clone()),
        ("year=99999999999999999999", "year", "99999999999999999999", year_range),
        ("top=0", "top", "0", limit_range.clone()),
        ("top=10001", "top", "10001", limit_range.clone()),
        ("bottom=-1", "bottom", "-1", limit_range),
        ("top=ten", "top", "ten", NotANumber),
        ("lang=fr", "lang", "fr", UnknownLanguage),
        ("lang=EN", "lang", "EN", UnknownLanguage),
        ("v=2", "v", "2", unsupported.clone()),
        ("v=0", "v", "0", unsupported.clone()),
        ("v=99999999999999999999", "v", "99999999999999999999", unsupported),
        ("v=one", "v", "one", NotANumber),
        ("ds=Hanoi", "ds", "Hanoi", BadId),
        ("group=-blocks", "group", "-blocks", BadId),
        ("unit=%C4%91ong-da", "unit", "đong-da", BadId),
        ("unit=dong+da", "unit", "dong da", BadId),
        ("q=%G1", "q", "%G1", BadPercentEncoding),
        ("q=abc%", "q", "abc%", BadPercentEncoding),
        ("q=%4", "q", "%4", BadPercentEncoding),
        ("q=%FF%FE", "q", "\u{FFFD}\u{FFFD}", NotUtf8),
        ("q=%E1%BB", "q", "\u{FFFD}", NotUtf8),
        ("q=a%00b", "q", "a\u{FFFD}b", ControlCharacter),
        ("q=line%0Abreak", "q", "line\u{FFFD}break", ControlCharacter),
        ("kind=quan%09", "kind", "quan\u{FFFD}", ControlCharacter),
    ];
    for (query, param, raw, reason) in cases {
        check(query, ViewState::default(), &[warning(param, raw, reason)]);
    }
}

#[test]
fn ids_are_checked_by_shape() {
    let id_64 = "a".repeat(64);
    let id_65 = "a".repeat(65);
    check(&format!("unit={id_64}"), with(|s| s.unit = Some(id_64.clone())), &[]);
    check(&format!("unit={id_65}"), ViewState::default(), &[warning("unit", &id_65, BadId)]);
    check("ds=0-9_x", with(|s| s.dataset = "0-9_x".into()), &[]);
    check("ds=_x", ViewState::default(), &[warning("ds", "_x", BadId)]);
}

#[test]
fn search_text_is_limited_to_200_characters() {
    let ascii_200 = "a".repeat(200);
    check(&format!("q={ascii_200}"), with(|s| s.query = ascii_200.clone()), &[]);
    // 200 Vietnamese letters are 1800 bytes once percent-encoded: the limit is on characters.
    let o_200 = "ố".repeat(200);
    check(&format!("q={}", "%E1%BB%91".repeat(200)), with(|s| s.query = o_200.clone()), &[]);
    let shown = format!("{}…", "a".repeat(80));
    check(&format!("q={}", "a".repeat(201)), ViewState::default(), &[warning("q", &shown, TooLong { max_chars: 200 })]);
}

#[test]
fn hostile_text_is_kept_as_text() {
    // The engine only reads it; the UI shows it as text, never as markup.
    let script = "<script>alert(1)</script>";
    check("q=<script>alert(1)</script>", with(|s| s.query = script.into()), &[]);
    check("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", with(|s| s.query = script.into()), &[]);
}

#[test]
fn kinds_keep_the_known_entries() {
    check(
        "kind=huyen,quan,huyen,,thi_xa",
        with(|s| s.kinds = vec![UnitKind::Quan, UnitKind::Huyen, UnitKind::ThiXa]),
        &[],
    );
    check(
        "kind=quan,xyz,Huyen",
        with(|s| s.kinds = vec![UnitKind::Quan]),
        &[warning("kind", "xyz", UnknownKind), warning("kind", "Huyen", UnknownKind)],
    );
    check("kind=xyz", ViewState::default(), &[warning("kind", "xyz", UnknownKind)]);
    // An entry is shown decoded once, not twice.
    check("kind=a%2525", ViewState::default(), &[warning("kind", "a%25", UnknownKind)]);
    check("kind=quan%2Chuyen", with(|s| s.kinds = vec![UnitKind::Quan, UnitKind::Huyen]), &[]);
}

#[test]
fn top_wins_over_bottom() {
    let top_3 = with(|s| s.limit = Some(Limit::Top(3)));
    check("bottom=5&top=3", top_3.clone(), &[warning("bottom", "5", ConflictsWithTop)]);
    check("top=3&bottom=0", top_3, &[warning("bottom", "0", OutOfRange { min: 1, max: 10_000 })]);
    check("top=abc&bottom=5", with(|s| s.limit = Some(Limit::Bottom(5))), &[warning("top", "abc", NotANumber)]);
}

#[test]
fn unknown_and_undecodable_names_are_reported_last() {
    check(
        "foo=bar&year=abc&%FF%FE=1&x%G=2&lang=en",
        with(|s| s.lang = Lang::En),
        &[
            warning("year", "abc", NotANumber),
            warning("foo", "bar", UnknownParam),
            warning("\u{FFFD}\u{FFFD}", "1", NotUtf8),
            warning("x%G", "2", BadPercentEncoding),
        ],
    );
}

#[test]
fn filter_mirrors_the_state() {
    let state = with(|s| (s.kinds, s.query, s.limit) = (vec![UnitKind::So], "so".into(), Some(Limit::Top(5))));
    assert_eq!(state.filter(), Filter { kinds: vec![UnitKind::So], query: "so".into(), limit: Some(Limit::Top(5)) });
}

#[test]
fn embed_theme_and_eid() {
    let embed = |eid: Option<&str>| {
        with(|s| {
            s.embed = true;
            s.eid = eid.map(str::to_owned);
        })
    };
    check_write(embed(None), "v=1&embed=1");
    check_write(embed(Some("chiso-2")), "v=1&embed=1&eid=chiso-2");
    check_write(with(|s| s.theme = ColorScheme::Dark), "v=1&theme=dark");
    check_write(with(|s| s.theme = ColorScheme::Light), "v=1&theme=light");
    // `auto` is the default: accepted when read, never written.
    check("theme=auto", ViewState::default(), &[]);
    check("embed=0", ViewState::default(), &[]);
    check("embed=1&embed=0", ViewState::default(), &[]);
    check("eid=a-1&year=2023", with(|s| (s.eid, s.year) = (Some("a-1".into()), Some(2023))), &[]);
    let cases: Vec<(&str, &str, &str, ParamProblem)> = vec![
        ("embed=true", "embed", "true", NotASwitch),
        ("embed=yes", "embed", "yes", NotASwitch),
        ("embed=01", "embed", "01", NotASwitch),
        ("theme=Dark", "theme", "Dark", UnknownColorScheme),
        ("theme=sepia", "theme", "sepia", UnknownColorScheme),
        ("eid=Chiso", "eid", "Chiso", BadId),
        ("eid=%3Cx%3E", "eid", "<x>", BadId),
    ];
    for (query, param, raw, reason) in cases {
        check(query, ViewState::default(), &[warning(param, raw, reason)]);
    }
    for scheme in ColorScheme::ALL {
        assert_eq!(ColorScheme::from_code(scheme.code()), Some(scheme));
    }
}

#[test]
fn full_view_drops_only_the_embed_params() {
    let embedded = with(|s| {
        s.embed = true;
        s.eid = Some("x".into());
        s.theme = ColorScheme::Dark;
        s.lang = Lang::En;
        s.year = Some(2022);
    });
    assert_eq!(embedded.full_view().to_query(), "v=1&year=2022&lang=en&theme=dark");
}

#[test]
fn warnings_read_as_sentences() {
    let text = warning("year", "abc", NotANumber).to_string();
    assert_eq!(text, "URL parameter `year=abc`: not a whole number");
}

const ID: &str = "[a-z0-9][a-z0-9_-]{0,63}";

/// A `data` path the page may fetch.
const DATA_PATH: &str = "[a-zA-Z0-9_-]{1,20}(/[a-zA-Z0-9_-]{1,20}){0,3}[.]json";

/// A state that `from_query` accepts as it is: valid ids and numbers, kinds sorted and
/// distinct, search text without control characters.
fn valid_state() -> impl Strategy<Value = ViewState> {
    // Every char outside the control ranges U+0000..=U+001F and U+007F..=U+009F, with
    // URL-special characters and Vietnamese letters made likely.
    let text_char = prop_oneof![
        prop::char::range(' ', '~'),
        prop::char::range('\u{A0}', '\u{D7FF}'),
        prop::char::range('\u{E000}', '\u{10FFFF}'),
        prop::sample::select(" +%&=#?,Đđống Hòa Hoà Ứ".chars().collect::<Vec<_>>()),
    ];
    let query = prop::collection::vec(text_char, 0..=200).prop_map(|chars| chars.into_iter().collect::<String>());
    let limit =
        prop::option::of(prop_oneof![(1..=MAX_LIMIT).prop_map(Limit::Top), (1..=MAX_LIMIT).prop_map(Limit::Bottom),]);
    (
        ID,
        prop::option::of(MIN_YEAR..=MAX_YEAR),
        prop::option::of(ID),
        prop::sample::subsequence(ALL_KINDS.to_vec(), 0..=ALL_KINDS.len()),
        query,
        limit,
        prop::sample::select(Lang::ALL.to_vec()),
        prop::option::of(ID),
        (
            any::<bool>(),
            prop::sample::select(ColorScheme::ALL.to_vec()),
            prop::option::of(ID),
            prop::option::of(DATA_PATH),
        ),
        scenario_params(),
    )
        .prop_map(
            |(dataset, year, group, kinds, query, limit, lang, unit, (embed, theme, eid, data), scenario)| {
                let (view, overrides, weights, spread, k, from) = scenario;
                ViewState {
                    view,
                    overrides,
                    weights,
                    spread,
                    k,
                    from,
                    dataset,
                    year,
                    group,
                    kinds,
                    query,
                    limit,
                    lang,
                    unit,
                    embed,
                    theme,
                    eid,
                    data,
                }
            },
        )
}

/// The what-if, sensitivity and comparison parameters, always valid.
#[allow(clippy::type_complexity)]
fn scenario_params() -> impl Strategy<Value = (View, Vec<OverrideParam>, WeightsParam, u32, u32, Option<i32>)> {
    let value = prop_oneof![(-1000i32..=1000).prop_map(f64::from), (-1.0e6f64..1.0e6f64)];
    let overrides =
        prop::collection::btree_map((ID, prop::option::of(ID)), value.clone(), 0..=MAX_OVERRIDES).prop_map(|m| {
            m.into_iter().map(|((unit, component), value)| OverrideParam { unit, component, value }).collect::<Vec<_>>()
        });
    let weights = prop_oneof![
        Just(WeightsParam::Official),
        Just(WeightsParam::Equal),
        ID.prop_map(WeightsParam::Emphasis),
        prop::collection::btree_map(ID, 0.5f64..100.0, 1..=10)
            .prop_map(|m| WeightsParam::Custom(m.into_iter().collect())),
    ];
    (
        prop::sample::select(View::ALL.to_vec()),
        overrides,
        weights,
        0u32..=100,
        1..=MAX_LIMIT,
        prop::option::of(MIN_YEAR..=MAX_YEAR),
    )
}

/// Query strings built from the real parameter names and nasty values.
fn query_like() -> impl Strategy<Value = String> {
    let names: Vec<&str> = params::PARAMS.iter().map(|p| p.name).chain(["x", ""]).collect();
    let name = prop::sample::select(names);
    let value = prop_oneof![
        "[-0-9]{0,25}",
        "[%0-9A-Fa-fG+,]{0,12}",
        any::<String>(),
        prop::sample::select(vec![
            "quan,huyen",
            "vi",
            "en",
            "light",
            "dark",
            "auto",
            "0",
            "1",
            "2023",
            "%",
            "%%",
            "=",
            "#"
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec((name, value), 0..8).prop_map(|pairs| {
        pairs.into_iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("&")
    })
}

proptest! {
    #[test]
    fn valid_states_round_trip(state in valid_state()) {
        let query = state.to_query();
        prop_assert!(query.is_ascii(), "{}", query);
        let (read, warnings) = from_query(&query);
        prop_assert_eq!(&read, &state);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(read.to_query(), query);
    }

    #[test]
    fn any_string_reads_without_panic(query in any::<String>()) {
        let (state, _warnings) = from_query(&query);
        // Whatever was read is itself a valid state: writing and reading it again is stable.
        let (again, warnings) = from_query(&state.to_query());
        prop_assert_eq!(again, state);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
    }

    #[test]
    fn query_like_strings_read_without_panic(query in query_like()) {
        let (state, warnings) = from_query(&query);
        let (again, warnings_again) = from_query(&state.to_query());
        prop_assert_eq!(again, state);
        prop_assert!(warnings_again.is_empty(), "{:?} (first read: {:?})", warnings_again, warnings);
    }
}

#[test]
fn data_names_a_file_of_this_site() {
    let file = |path: &str| with(|s| s.data = Some(path.to_owned()));
    check_write(file("fixtures/broken.json"), "v=1&data=fixtures/broken.json");
    check_write(
        with(|s| (s.dataset, s.data) = ("pci".into(), Some("data/pci.json".into()))),
        "v=1&ds=pci&data=data/pci.json",
    );
    check("data=fixtures%2Fbroken.json", file("fixtures/broken.json"), &[]);
    check("data=", ViewState::default(), &[]);
    let refused = [
        ("data=https%3A%2F%2Fevil.example%2Fx.json", "https://evil.example/x.json"),
        ("data=//evil.example/x.json", "//evil.example/x.json"),
        ("data=/data/pci.json", "/data/pci.json"),
        ("data=../secret.json", "../secret.json"),
        ("data=data/pci.txt", "data/pci.txt"),
    ];
    for (query, raw) in refused {
        check(query, ViewState::default(), &[warning("data", raw, DataNotAllowed)]);
    }
    let shown = format!("{}…", "a".repeat(80));
    check(
        &format!("data={}.json", "a".repeat(200)),
        ViewState::default(),
        &[warning("data", &shown, TooLong { max_chars: 200 })],
    );
}

#[test]
fn a_refused_data_file_is_not_replaced_by_the_default() {
    let (_, warnings) = from_query("year=abc&data=https%3A%2F%2Fevil.example%2Fx.json");
    assert_eq!(refused_data(&warnings), warnings.get(1));
    assert_eq!(refused_data(&warnings).map(|w| w.raw.as_str()), Some("https://evil.example/x.json"));
    assert_eq!(refused_data(&from_query("year=abc&data=x.json").1), None);
}

#[test]
fn the_data_file_is_the_link_s_or_the_dataset_s() {
    let file_of = |query: &str| from_query(query).0.data_file().to_owned();
    assert_eq!(file_of(""), "data/hanoi-cchc.json");
    assert_eq!(file_of("ds=pci"), "data/pci.json");
    assert_eq!(file_of("ds=papi"), "data/papi.json");
    assert_eq!(file_of("ds=nope"), "data/hanoi-cchc.json");
    assert_eq!(file_of("ds=pci&data=fixtures/x.json"), "fixtures/x.json");
}

#[test]
fn the_default_state_writes_no_parameter() {
    for spec in params::PARAMS {
        let written = (spec.write)(&ViewState::default());
        assert_eq!(written.is_some(), spec.only_with_others, "{}", spec.name);
    }
    assert_eq!(ViewState::default().to_query(), "");
}

/// Apply `change` to the state `before` opens; expect the state `after` opens (both written as
/// canonical queries) and whether "back" should undo the change.
fn check_transition(before: &str, change: impl FnOnce(&mut ViewState), after: &str, navigation: bool) {
    let (start, warnings) = from_query(before);
    assert_eq!(warnings, [], "{before}");
    let mut state = start.clone();
    change(&mut state);
    assert_eq!(state.to_query(), after, "from {before}");
    assert_eq!(is_navigation(&start, &state), navigation, "navigation from {before} to {after}");
}

#[test]
fn own_table_is_the_own_id_without_a_file() {
    assert!(from_query("ds=own").0.is_own());
    assert!(!from_query("ds=own&data=x.json").0.is_own(), "a file named by the link wins");
    assert!(!from_query("ds=pci").0.is_own());
    assert_eq!(from_query("view=data").0.view, View::Data);
}

#[test]
fn transitions_change_what_the_reader_changed_and_drop_what_belonged_to_it() {
    let everything = "v=1&ds=pci&year=2016&group=provinces&kind=tinh&q=ha&top=5&lang=en&unit=ha-noi&embed=1\
                      &theme=dark&eid=e1&view=whatif&set=ha-noi%3A70&w=equal&spread=20&k=3&from=2013&data=x.json";
    // Another dataset starts from its defaults; view, language, colours and the file stay.
    check_transition(
        everything,
        |v| v.select_dataset("papi"),
        "v=1&ds=papi&lang=en&theme=dark&view=whatif&data=x.json",
        true,
    );
    check_transition("v=1&ds=pci&year=2016", |v| v.select_dataset("hanoi-cchc"), "", true);
    // "Rank this table": the reader's table from its defaults, in the ranking view; language,
    // colours and an embed's identity stay.
    check_transition(
        "v=1&ds=pci&year=2016&lang=en&theme=dark&embed=1&eid=e1&view=data",
        ViewState::open_own,
        "v=1&ds=own&lang=en&embed=1&theme=dark&eid=e1",
        true,
    );
    check_transition(
        "v=1&ds=own&year=2020&view=whatif",
        |v| v.select_view(View::Data),
        "v=1&ds=own&year=2020&view=data",
        true,
    );
    check_transition(
        "v=1&unit=so-noi-vu&set=so-noi-vu%3A80",
        |v| v.select_view(View::WhatIf),
        "v=1&unit=so-noi-vu&view=whatif&set=so-noi-vu%3A80",
        true,
    );
    // Another block: its filter, unit, changes and base year go; the weights and cut stay.
    check_transition(
        "v=1&year=2022&kind=so&q=x&top=5&unit=so-noi-vu&view=whatif&set=so-noi-vu%3A80&w=equal&from=2020",
        |v| v.select_group("districts"),
        "v=1&year=2022&group=districts&q=x&top=5&view=whatif&w=equal",
        true,
    );
    // Another year: the changes and base year go; the latest year is left implicit.
    check_transition(
        "v=1&unit=a&view=whatif&set=a%3A1&w=equal&from=2019",
        |v| v.select_year(Some(2022), Some(2023)),
        "v=1&year=2022&unit=a&view=whatif&w=equal",
        true,
    );
    check_transition("v=1&year=2022&set=a%3A1", |v| v.select_year(Some(2023), Some(2023)), "", true);
    check_transition("v=1&year=2022", |v| v.select_year(None, Some(2023)), "", true);
    // The embed's year buttons change the year only.
    check_transition(
        "v=1&embed=1&view=whatif&set=a%3A1&from=2019",
        |v| v.show_year(2022, Some(2023)),
        "v=1&year=2022&embed=1&view=whatif&set=a%3A1&from=2019",
        true,
    );
    check_transition("v=1&year=2022&embed=1", |v| v.show_year(2023, Some(2023)), "v=1&embed=1", true);
    // Filters, search, sliders and weights replace the history entry.
    check_transition("v=1&kind=so,huyen", |v| v.select_kind(Some(UnitKind::Quan)), "v=1&kind=quan", false);
    check_transition("v=1&kind=quan", |v| v.select_kind(None), "", false);
    check_transition("v=1&top=7", |v| v.select_limit(Some(Limit::Bottom(5))), "v=1&bottom=5", false);
    check_transition("v=1&top=7", |v| v.select_limit(None), "", false);
    check_transition("v=1&q=x", |v| v.search("Đống Đa"), "v=1&q=%C4%90%E1%BB%91ng+%C4%90a", false);
    check_transition("v=1&q=x", |v| v.search(""), "", false);
    check_transition("v=1&view=sensitivity", |v| v.set_spread(150), "v=1&view=sensitivity&spread=100", false);
    check_transition("v=1&view=sensitivity", |v| v.set_spread(0), "v=1&view=sensitivity&spread=0", false);
    check_transition("v=1&k=5", |v| v.set_k(0), "v=1&k=1", false);
    check_transition("v=1&k=5", |v| v.set_k(20_000), "v=1&k=10000", false);
    check_transition("v=1&k=5", |v| v.set_k(10), "", false);
    check_transition("v=1&view=whatif", |v| v.set_weights(WeightsParam::Equal), "v=1&view=whatif&w=equal", false);
    check_transition("v=1&view=whatif&set=a%3A1&w=equal&k=3", ViewState::reset_whatif, "v=1&view=whatif&k=3", false);
    // Language, unit and base year are steps "back" undoes.
    check_transition("v=1&theme=dark", |v| v.select_lang(Lang::En), "v=1&lang=en&theme=dark", true);
    check_transition("v=1&view=whatif", |v| v.select_unit("so-noi-vu"), "v=1&unit=so-noi-vu&view=whatif", true);
    check_transition("", |v| v.toggle_unit("so-noi-vu"), "v=1&unit=so-noi-vu", true);
    check_transition("v=1&unit=so-noi-vu", |v| v.toggle_unit("so-noi-vu"), "", true);
    check_transition("v=1&unit=so-noi-vu", |v| v.toggle_unit("so-tai-chinh"), "v=1&unit=so-tai-chinh", true);
    check_transition("v=1&unit=so-noi-vu", ViewState::close_unit, "", true);
    check_transition("v=1&view=compare", |v| v.set_from(Some(2019)), "v=1&view=compare&from=2019", true);
    check_transition("v=1&view=compare&from=2019", |v| v.set_from(None), "v=1&view=compare", true);
}
