//! The workloads `make bench` times: engine calls on the shipped datasets and on synthetic blocks.
//!
//! Native (`src/main.rs`, timed with `std::time::Instant`) and wasm (`crates/bench-wasm`, timed
//! with `performance.now()` in Chromium) both call [`Workloads::run`], so the two time exactly
//! the same code. Nothing here measures time; each call returns a checksum of the engine's answer
//! so that the optimiser cannot drop the work, and the inputs pass through `black_box` for the
//! same reason.
//!
//! Errors are plain `String`s: this is tooling that prints and stops, not part of the engine's
//! contract.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::hint::black_box;

use chiso_engine::dataset::{Dataset, GroupId, UnitId};
use chiso_engine::filter::{self, Filter};
use chiso_engine::gain::{gain, Gain, GainQuery, Lever};
use chiso_engine::matrix::BlockMatrix;
use chiso_engine::rank::rank_group;
use chiso_engine::scenario::{evaluate, Override, Scenario, ScenarioResult, WeightChoice};
use chiso_engine::schema::{RawDataset, SCHEMA_VERSION};
use chiso_engine::sensitivity::{simulate, SensitivityConfig, SensitivityResult};
use chiso_engine::table::{build, fragment, mapping, read};
use serde_json::{json, Value};

/// The Hanoi block and year of the Hanoi scenario: 22 departments, 8 of them named (partial).
pub const HANOI_GROUP: &str = "departments";
/// Year of the Hanoi scenario.
pub const HANOI_YEAR: i32 = 2023;
/// The PCI block of every PCI case.
pub const PCI_GROUP: &str = "provinces";
/// PCI year of every PCI case: official weights, 63 provinces × 10 sub-indices all published.
pub const PCI_YEAR: i32 = 2016;
/// Target rank of the gain case.
pub const GAIN_TARGET_RANK: u32 = 10;
/// The sensitivity run of the issue: 10 000 draws of a 63 × 10 block around the edition weights.
/// Concentration 50 gives the 5 % sub-indices α = 2.5 and the 20 % ones α = 10.
pub const SENSITIVITY: SensitivityConfig =
    SensitivityConfig { n_draws: 10_000, concentration: 50.0, seed: 2016, top_k: 10 };
/// Name search applied to the synthetic rankings ("Hoàng Mai" and "hoàng mai" both match).
pub const SEARCH_QUERY: &str = "hoang mai";

/// A timed case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `scenario::evaluate` on Hanoi's departments in 2023, one total overridden.
    EvaluateHanoi,
    /// `scenario::evaluate` on PCI 2016 with custom weights and one component override.
    EvaluatePci,
    /// `gain::gain` to rank 10 with the components lever, for PCI 2016's last province.
    GainPci,
    /// `sensitivity::simulate`, [`SENSITIVITY`] on PCI 2016.
    SensitivityPci,
    /// `rank_group` + `filter::apply` (name search) over 10 000 synthetic units.
    RankFilter10k,
    /// `rank_group` + `filter::apply` (name search) over 100 000 synthetic units.
    RankFilter100k,
    /// A reader's own table: a 10 000-row Vietnamese-Excel CSV (`;`, decimal commas) read, its
    /// columns guessed, built into a dataset and validated — ready to rank.
    ImportCsv10k,
    /// That dataset into a link fragment and back: compact JSON, base64url framing, unframing
    /// and parsing (the browser's deflate is timed by the wasm page, not here).
    Fragment10k,
}

/// How a case is timed: `samples` timed samples of `calls_per_sample` calls each (after
/// warm-up). Calls too quick for `performance.now()` (which Chromium coarsens to 0.1 ms on a
/// page that is not cross-origin isolated) are batched so that a sample takes milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseSpec {
    /// The case.
    pub case: Case,
    /// Stable id, used by the wasm page and the report.
    pub id: &'static str,
    /// What is timed, for the report.
    pub label: &'static str,
    /// Calls per timed sample; a figure is the sample's time divided by this.
    pub calls_per_sample: u32,
    /// Timed samples (their median and minimum are reported).
    pub samples: u32,
    /// Untimed samples run first.
    pub warmup_samples: u32,
}

/// Every case, in report order.
pub const CASES: [CaseSpec; 8] = [
    CaseSpec {
        case: Case::EvaluateHanoi,
        id: "evaluate-hanoi",
        label: "evaluate scenario, Hanoi departments 2023 (1 total override)",
        calls_per_sample: 10_000,
        samples: 31,
        warmup_samples: 3,
    },
    CaseSpec {
        case: Case::EvaluatePci,
        id: "evaluate-pci",
        label: "evaluate scenario, PCI 2016 (custom weights + 1 component override)",
        calls_per_sample: 1000,
        samples: 31,
        warmup_samples: 3,
    },
    CaseSpec {
        case: Case::GainPci,
        id: "gain-pci",
        label: "gain to rank 10, components lever, PCI 2016",
        calls_per_sample: 2000,
        samples: 31,
        warmup_samples: 3,
    },
    CaseSpec {
        case: Case::SensitivityPci,
        id: "sensitivity-pci",
        label: "sensitivity 10,000 draws x 63 units x 10 components, PCI 2016",
        calls_per_sample: 1,
        samples: 21,
        warmup_samples: 3,
    },
    CaseSpec {
        case: Case::RankFilter10k,
        id: "rank-filter-10k",
        label: "rank + filter (search), 10,000 synthetic units",
        calls_per_sample: 1,
        samples: 21,
        warmup_samples: 3,
    },
    CaseSpec {
        case: Case::RankFilter100k,
        id: "rank-filter-100k",
        label: "rank + filter (search), 100,000 synthetic units",
        calls_per_sample: 1,
        samples: 11,
        warmup_samples: 2,
    },
    CaseSpec {
        case: Case::ImportCsv10k,
        id: "import-csv-10k",
        label: "own table: read + guess + build + validate, 10,000-row CSV (; and 94,25)",
        calls_per_sample: 1,
        samples: 11,
        warmup_samples: 2,
    },
    CaseSpec {
        case: Case::Fragment10k,
        id: "fragment-10k",
        label: "own table: dataset -> JSON -> base64url -> dataset, 10,000 rows (no compression)",
        calls_per_sample: 1,
        samples: 11,
        warmup_samples: 2,
    },
];

impl Case {
    /// The case with this [`CaseSpec::id`].
    pub fn from_id(id: &str) -> Option<Case> {
        CASES.iter().find(|s| s.id == id).map(|s| s.case)
    }
}

/// One unit's sensitivity figures, for comparing the native, wasm and JavaScript runs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSummary {
    /// The unit.
    pub unit_id: String,
    /// Rank under the centre weights.
    pub baseline_rank_1_based: u32,
    /// Median rank over the draws.
    pub median_rank_1_based: u32,
    /// 5th percentile rank.
    pub p05_rank_1_based: u32,
    /// 95th percentile rank.
    pub p95_rank_1_based: u32,
    /// Share of draws in the top [`SensitivityConfig::top_k`].
    pub p_top_k: f64,
}

/// Everything the cases need, built once (untimed): block matrices, scenarios, queries and the
/// synthetic datasets.
///
/// The synthetic datasets are built on first use, that is during the warm-up of the rank cases,
/// which come last: building 100 000 units churns the heap (with glibc's allocator this made the
/// small allocation-bound cases after it twice as slow natively), and the app never holds such a
/// dataset while it evaluates a scenario.
pub struct Workloads {
    hanoi: BlockMatrix,
    hanoi_scenario: Scenario,
    pci: BlockMatrix,
    pci_scenario: Scenario,
    pci_baseline: Scenario,
    gain_query: GainQuery,
    synthetic_10k: OnceCell<Result<Dataset, String>>,
    synthetic_100k: OnceCell<Result<Dataset, String>>,
    synthetic_group: GroupId,
    search: Filter,
    csv_10k: OnceCell<String>,
}

impl Workloads {
    /// Lay out the workloads from the shipped datasets' JSON text.
    pub fn new(hanoi_json: &str, pci_json: &str) -> Result<Workloads, String> {
        let (hanoi_ds, _) = Dataset::from_json(hanoi_json).map_err(|e| format!("hanoi-cchc.json: {e}"))?;
        let (pci_ds, _) = Dataset::from_json(pci_json).map_err(|e| format!("pci.json: {e}"))?;

        let hanoi_group = GroupId(HANOI_GROUP.to_owned());
        let hanoi = BlockMatrix::new(&hanoi_ds, &hanoi_group, HANOI_YEAR).map_err(|e| format!("hanoi: {e}"))?;
        // One point off the first published department's total: the block is partial, so the
        // evaluation rescores without ranks (the UI then asks `interval`).
        let Some((hanoi_unit, hanoi_score)) =
            hanoi.units().iter().find_map(|u| u.baseline_score.map(|s| (u.id.clone(), s)))
        else {
            return Err("hanoi: no department has a score".to_owned());
        };
        let hanoi_scenario = Scenario {
            overrides: BTreeMap::from([(hanoi_unit, Override::Total((hanoi_score - 1.0).max(hanoi.scale_min())))]),
            ..Scenario::baseline(hanoi_group, HANOI_YEAR)
        };

        let pci_group = GroupId(PCI_GROUP.to_owned());
        let pci = BlockMatrix::new(&pci_ds, &pci_group, PCI_YEAR).map_err(|e| format!("pci: {e}"))?;
        let pci_baseline = Scenario::baseline(pci_group.clone(), PCI_YEAR);
        let last = last_ranked(&pci).ok_or("pci: no ranked province")?;
        let n_comp = pci.n_components();
        // Custom weights 1..=10 (normalised by the engine) and the last province's first
        // sub-index raised by one point, capped at its maximum.
        let weights = WeightChoice::Custom((1..=n_comp).map(|i| i as f64).collect());
        let last_idx = pci.unit_idx(&last).ok_or("pci: last province not in block")?;
        let first_value = pci.unit_values(last_idx).and_then(|v| v.first().copied()).ok_or("pci: no components")?;
        let first_max = pci.components().first().map(|c| c.max).ok_or("pci: no components")?;
        let mut raised: Vec<Option<f64>> = vec![None; n_comp];
        if let Some(slot) = raised.first_mut() {
            *slot = Some((first_value + 1.0).min(first_max));
        }
        let pci_scenario = Scenario {
            weights,
            overrides: BTreeMap::from([(last.clone(), Override::Components(raised))]),
            ..pci_baseline.clone()
        };
        let gain_query = GainQuery { unit: last, target_rank_1_based: GAIN_TARGET_RANK, lever: Lever::Components };

        let w = Workloads {
            hanoi,
            hanoi_scenario,
            pci,
            pci_scenario,
            pci_baseline,
            gain_query,
            synthetic_10k: OnceCell::new(),
            synthetic_100k: OnceCell::new(),
            synthetic_group: GroupId(SYNTHETIC_GROUP.to_owned()),
            search: Filter { query: SEARCH_QUERY.to_owned(), ..Filter::default() },
            csv_10k: OnceCell::new(),
        };
        // The cases on the shipped data must succeed before anything is timed (the rank cases
        // fail, if at all, on their first warm-up call).
        for spec in CASES.iter().filter(|s| matches!(s.case, Case::EvaluateHanoi | Case::EvaluatePci | Case::GainPci)) {
            w.run(spec.case, 1).map_err(|e| format!("{}: {e}", spec.id))?;
        }
        Ok(w)
    }

    /// Run `case` `calls` times; returns the sum of the calls' checksums.
    pub fn run(&self, case: Case, calls: u32) -> Result<f64, String> {
        let mut checksum = 0.0;
        for _ in 0..calls {
            checksum += self.run_once(case)?;
        }
        Ok(black_box(checksum))
    }

    fn run_once(&self, case: Case) -> Result<f64, String> {
        match case {
            Case::EvaluateHanoi => {
                let r = evaluate(black_box(&self.hanoi), black_box(&self.hanoi_scenario)).map_err(|e| e.to_string())?;
                Ok(scenario_checksum(&r))
            }
            Case::EvaluatePci => {
                let r = evaluate(black_box(&self.pci), black_box(&self.pci_scenario)).map_err(|e| e.to_string())?;
                Ok(scenario_checksum(&r))
            }
            Case::GainPci => {
                let a = gain(black_box(&self.pci), black_box(&self.pci_baseline), black_box(&self.gain_query))
                    .map_err(|e| e.to_string())?;
                match a.gain {
                    Gain::Needed { delta, component_increases, .. } => Ok(delta + component_increases.len() as f64),
                    other => Err(format!("expected a gain, got {other:?}")),
                }
            }
            Case::SensitivityPci => Ok(sensitivity_checksum(&self.sensitivity()?)),
            Case::RankFilter10k => self.rank_filter(self.synthetic(10_000)?),
            Case::RankFilter100k => self.rank_filter(self.synthetic(100_000)?),
            Case::ImportCsv10k => {
                // `build` validates the dataset it writes (Dataset::from_raw): ready to rank.
                let raw = import_csv(black_box(self.csv_10k.get_or_init(|| synthetic_csv(10_000))))?;
                Ok(raw.groups.len() as f64 + raw.groups.iter().map(|g| g.units.len()).sum::<usize>() as f64)
            }
            Case::Fragment10k => {
                // The framing of any size (10,000 rows is past a link's ceiling even compressed;
                // the browser's deflate is timed by the wasm page).
                let raw = import_csv(self.csv_10k.get_or_init(|| synthetic_csv(10_000)))?;
                let json = fragment::dataset_json(black_box(&raw));
                let framed = fragment::base64url_encode(json.as_bytes());
                let back = fragment::base64url_decode(black_box(&framed)).ok_or("base64url round trip failed")?;
                let text = String::from_utf8(back).map_err(|e| e.to_string())?;
                let again = chiso_engine::schema::parse(&text).map_err(|e| e.to_string())?;
                Ok(framed.len() as f64 + again.groups.len() as f64)
            }
        }
    }

    /// The synthetic dataset of `n_units` (10 000 or 100 000), built on first use.
    fn synthetic(&self, n_units: usize) -> Result<&Dataset, String> {
        let cell = if n_units == 10_000 { &self.synthetic_10k } else { &self.synthetic_100k };
        cell.get_or_init(|| synthetic_dataset(n_units)).as_ref().map_err(Clone::clone)
    }

    fn sensitivity(&self) -> Result<SensitivityResult, String> {
        simulate(black_box(&self.pci), &WeightChoice::Edition, black_box(&SENSITIVITY)).map_err(|e| e.to_string())
    }

    fn rank_filter(&self, ds: &Dataset) -> Result<f64, String> {
        let ranking = rank_group(black_box(ds), &self.synthetic_group, SYNTHETIC_YEAR).ok_or("no synthetic ranking")?;
        let kept = filter::apply(&ranking.rows, black_box(&self.search));
        Ok((ranking.rows.len() + kept.len()) as f64)
    }

    /// The sensitivity case's result per unit, by median rank (the engine's row order).
    pub fn sensitivity_summary(&self) -> Result<Vec<UnitSummary>, String> {
        Ok(self
            .sensitivity()?
            .rows
            .into_iter()
            .map(|r| UnitSummary {
                unit_id: r.unit_id.0,
                baseline_rank_1_based: r.baseline_rank_1_based,
                median_rank_1_based: r.median_rank_1_based,
                p05_rank_1_based: r.p05_rank_1_based,
                p95_rank_1_based: r.p95_rank_1_based,
                p_top_k: r.p_top_k,
            })
            .collect())
    }

    /// The 10 000-row own table's dataset as compact JSON (what a link's fragment compresses),
    /// for the wasm page to time the browser's deflate on.
    pub fn own_table_json(&self) -> Result<String, String> {
        import_csv(self.csv_10k.get_or_init(|| synthetic_csv(10_000))).map(|raw| fragment::dataset_json(&raw))
    }

    /// How many rows of the synthetic block of `n_units` (10 000 or 100 000) the search keeps,
    /// for the report.
    pub fn synthetic_matches(&self, n_units: usize) -> Result<usize, String> {
        let ds = self.synthetic(n_units)?;
        let ranking = rank_group(ds, &self.synthetic_group, SYNTHETIC_YEAR).ok_or("no synthetic ranking")?;
        Ok(filter::apply(&ranking.rows, &self.search).len())
    }
}

/// [`UnitSummary`] rows as JSON (`[{unit_id, baseline, median, p05, p95, p_top_k}]`).
pub fn summary_json(rows: &[UnitSummary]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                json!({
                    "unit_id": r.unit_id,
                    "baseline": r.baseline_rank_1_based,
                    "median": r.median_rank_1_based,
                    "p05": r.p05_rank_1_based,
                    "p95": r.p95_rank_1_based,
                    "p_top_k": r.p_top_k,
                })
            })
            .collect(),
    )
}

/// The sensitivity run's parameters as JSON, for the JavaScript peer and the report.
pub fn sensitivity_config_json() -> Value {
    json!({
        "group": PCI_GROUP,
        "year": PCI_YEAR,
        "n_draws": SENSITIVITY.n_draws,
        "concentration": SENSITIVITY.concentration,
        "seed": SENSITIVITY.seed,
        "top_k": SENSITIVITY.top_k,
    })
}

/// Every case as JSON (`[{id, label, calls_per_sample, samples, warmup_samples}]`), for the page.
pub fn cases_json() -> Value {
    Value::Array(
        CASES
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "label": s.label,
                    "calls_per_sample": s.calls_per_sample,
                    "samples": s.samples,
                    "warmup_samples": s.warmup_samples,
                })
            })
            .collect(),
    )
}

/// The unit with the worst baseline rank (ties: the last in file order).
fn last_ranked(m: &BlockMatrix) -> Option<UnitId> {
    m.units()
        .iter()
        .filter_map(|u| u.baseline_rank_1_based.map(|r| (r, u)))
        .max_by_key(|(r, _)| *r)
        .map(|(_, u)| u.id.clone())
}

fn scenario_checksum(r: &ScenarioResult) -> f64 {
    r.rows.iter().map(|row| row.score.unwrap_or(0.0) + f64::from(row.rank_1_based.unwrap_or(0))).sum()
}

fn sensitivity_checksum(r: &SensitivityResult) -> f64 {
    r.rows.iter().map(|row| f64::from(row.median_rank_1_based) + row.p_top_k).sum()
}

/// A reader's CSV of `n_rows` units as Excel with Vietnamese settings writes it: `;` between
/// cells, decimal commas, a row-number column, four blocks, five components and a total.
pub fn synthetic_csv(n_rows: usize) -> String {
    let mut rng = SplitMix64(n_rows as u64 ^ 0x5EED);
    let mut out = String::from("STT;Tên đơn vị;Khối;Công khai;Trách nhiệm;Thủ tục;Bộ máy;Số hóa;Tổng điểm\r\n");
    for i in 0..n_rows {
        let name = format!("{} {} {} {i}", rng.pick(&PREFIXES), rng.pick(&SYLLABLES), rng.pick(&SYLLABLES));
        let comps: Vec<String> = (0..5).map(|_| format!("{:.2}", rng.score() / 10.0).replace('.', ",")).collect();
        let total = format!("{:.2}", rng.score()).replace('.', ",");
        out.push_str(&format!("{};{name};Khối {};{};{total}\r\n", i + 1, i % 4 + 1, comps.join(";")));
    }
    out
}

/// Read, guess and build a CSV as the own-data view does.
fn import_csv(text: &str) -> Result<RawDataset, String> {
    let grid = read::read_delimited(text, None).map_err(|e| e.to_string())?;
    let m = mapping::guess(&grid, SYNTHETIC_YEAR);
    build::build(&grid, &m)
        .map(|b| b.raw)
        .map_err(|issues| format!("{} problems, first {:?}", issues.len(), issues.first()))
}

/// Group id of the synthetic datasets.
const SYNTHETIC_GROUP: &str = "synthetic";
/// Year ranked in the synthetic datasets; the year before is there too, so `rank_group` works
/// out rank changes as it does for the shipped data.
const SYNTHETIC_YEAR: i32 = 2023;

/// Syllables of the synthetic names: real Vietnamese place-name parts, with their diacritics, so
/// search folding does real work.
const SYLLABLES: [&str; 24] = [
    "Hoàng",
    "Mai",
    "Đống",
    "Đa",
    "Ba",
    "Đình",
    "Tây",
    "Hồ",
    "Cầu",
    "Giấy",
    "Thanh",
    "Xuân",
    "Long",
    "Biên",
    "Sơn",
    "Sóc",
    "Mê",
    "Linh",
    "Ứng",
    "Hòa",
    "Phú",
    "Xuyên",
    "Thường",
    "Tín",
];
const PREFIXES: [&str; 3] = ["Phường", "Xã", "Thị trấn"];
const KINDS: [&str; 3] = ["quan", "huyen", "thi_xa"];

/// SplitMix64: a tiny deterministic generator, so the synthetic data is the same on every run
/// and platform without another dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.next_u64() % items.len().max(1) as u64).unwrap_or(0);
        items.get(i).copied().unwrap_or("")
    }

    /// A published-looking score: 50.00..=99.99, two decimals (so ties happen, as in real data).
    fn score(&mut self) -> f64 {
        (5000 + self.next_u64() % 5000) as f64 / 100.0
    }
}

/// A dataset with one block of `n_units` units scored in two years (no components, no published
/// ranks: ranks are computed), built as format-v1 JSON and validated by the engine.
pub fn synthetic_dataset(n_units: usize) -> Result<Dataset, String> {
    let mut rng = SplitMix64(n_units as u64);
    let units: Vec<Value> = (0..n_units)
        .map(|i| {
            let name = format!("{} {} {} {i}", rng.pick(&PREFIXES), rng.pick(&SYLLABLES), rng.pick(&SYLLABLES));
            json!({
                "id": format!("u{i:06}"),
                "name": name,
                "kind": rng.pick(&KINDS),
                "observations": [
                    { "year": SYNTHETIC_YEAR, "score": rng.score(), "source": "synthetic" },
                    { "year": SYNTHETIC_YEAR - 1, "score": rng.score(), "source": "synthetic" },
                ],
            })
        })
        .collect();
    let raw = json!({
        "schema_version": SCHEMA_VERSION,
        "id": "synthetic",
        "index": {
            "name": { "vi": "Chỉ số tổng hợp (dữ liệu giả lập cho đo hiệu năng)" },
            "short_name": { "vi": "Giả lập" },
            "publisher": { "vi": "chiso bench" },
            "scale": { "min": 0.0, "max": 100.0, "unit": "percent" },
            "higher_is_better": true,
        },
        "sources": [{ "id": "synthetic", "title": "Synthetic benchmark data", "publisher": "chiso bench" }],
        "groups": [{
            "id": SYNTHETIC_GROUP,
            "name": { "vi": "Khối giả lập" },
            "years": [
                { "year": SYNTHETIC_YEAR, "unit_count": n_units },
                { "year": SYNTHETIC_YEAR - 1, "unit_count": n_units },
            ],
            "units": units,
        }],
    });
    let raw: RawDataset = serde_json::from_value(raw).map_err(|e| format!("synthetic {n_units}: {e}"))?;
    let (ds, _) = Dataset::from_raw(raw).map_err(|e| format!("synthetic {n_units}: {e}"))?;
    Ok(ds)
}
