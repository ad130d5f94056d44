//! Native half of `make bench`: times every case of the library with `std::time::Instant` and
//! prints the figures; with `--json PATH` also writes them for scripts/bench.mjs, which prints
//! them next to the wasm and JavaScript figures. Prints only: no figure is ever asserted.
//!
//!   cargo run --profile bench-o3 -p chiso-bench -- [--json PATH] [--build NOTE] [--data DIR] [--only ID]
//!
//! `--only ID` times one case (for example `--only sensitivity-pci` under `perf record`).
//!
//! Per case: `warmup_samples` untimed samples, then `samples` timed ones of `calls_per_sample`
//! calls each; the median and the minimum of the per-call times are reported, in milliseconds.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chiso_bench::{cases_json, sensitivity_config_json, summary_json, CaseSpec, Workloads, CASES};
use serde_json::json;

/// Median and minimum per-call time of one case, in milliseconds.
struct Timing {
    median_ms: f64,
    min_ms: f64,
}

fn time_case(w: &Workloads, spec: &CaseSpec) -> Result<Timing, String> {
    for _ in 0..spec.warmup_samples {
        w.run(spec.case, spec.calls_per_sample)?;
    }
    let mut per_call_ms: Vec<f64> = Vec::with_capacity(spec.samples as usize);
    for _ in 0..spec.samples {
        let start = Instant::now();
        w.run(spec.case, spec.calls_per_sample)?;
        per_call_ms.push(start.elapsed().as_secs_f64() * 1e3 / f64::from(spec.calls_per_sample));
    }
    per_call_ms.sort_by(f64::total_cmp);
    let median_ms = per_call_ms.get(per_call_ms.len() / 2).copied().unwrap_or(f64::NAN);
    let min_ms = per_call_ms.first().copied().unwrap_or(f64::NAN);
    Ok(Timing { median_ms, min_ms })
}

/// Milliseconds with 3 significant digits, as scripts/bench.mjs prints them.
fn ms(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.1}")
    } else if x >= 1.0 {
        format!("{x:.2}")
    } else {
        // 3 significant digits below 1 ms.
        let decimals = usize::try_from((2.0 - x.log10().floor()).max(2.0) as i64).unwrap_or(2);
        format!("{x:.decimals$}")
    }
}

struct Args {
    json: Option<PathBuf>,
    build: String,
    data: PathBuf,
    only: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: None,
        build: "unknown build (pass --build)".to_owned(),
        data: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data")),
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--json" => args.json = Some(PathBuf::from(value()?)),
            "--build" => args.build = value()?,
            "--data" => args.data = PathBuf::from(value()?),
            "--only" => args.only = Some(value()?),
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: chiso-bench [--json PATH] [--build NOTE] [--data DIR] [--only ID]"
                ))
            }
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    if let Some(id) = &args.only {
        if !CASES.iter().any(|s| s.id == id.as_str()) {
            let ids: Vec<&str> = CASES.iter().map(|s| s.id).collect();
            return Err(format!("no case {id}; cases: {}", ids.join(", ")));
        }
    }
    if cfg!(debug_assertions) {
        eprintln!("chiso-bench: warning: a debug build; figures mean little (use --profile bench-o3)");
    }
    let read = |name: &str| {
        let path = args.data.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let setup = Instant::now();
    let w = Workloads::new(&read("hanoi-cchc.json")?, &read("pci.json")?)?;
    println!("native ({}), set-up {:.0} ms", args.build, setup.elapsed().as_secs_f64() * 1e3);

    let mut results = Vec::new();
    for spec in CASES.iter().filter(|s| args.only.as_deref().is_none_or(|id| id == s.id)) {
        let t = time_case(&w, spec)?;
        println!(
            "  {:<70} median {:>8} ms   min {:>8} ms   ({} samples x {} calls)",
            spec.label,
            ms(t.median_ms),
            ms(t.min_ms),
            spec.samples,
            spec.calls_per_sample
        );
        results.push(json!({ "id": spec.id, "median_ms": t.median_ms, "min_ms": t.min_ms }));
    }
    if args.only.is_none() {
        println!(
            "  (the search \"{}\" keeps {} of 10,000 and {} of 100,000 synthetic rows)",
            chiso_bench::SEARCH_QUERY,
            w.synthetic_matches(10_000)?,
            w.synthetic_matches(100_000)?
        );
    }

    if let Some(path) = &args.json {
        let report = json!({
            "build": args.build,
            "cases": cases_json(),
            "results": results,
            "sensitivity_config": sensitivity_config_json(),
            "sensitivity": summary_json(&w.sensitivity_summary()?),
        });
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chiso-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
