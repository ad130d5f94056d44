// Browser half of `make bench`: times the wasm builds of the workloads and the JavaScript
// sensitivity peer in headless Chromium, then prints them next to the native figures with the
// ratios and the issue's targets. It prints figures only; no target decides the exit code.
//
//   node scripts/bench.mjs --native target/bench/native.json \
//     --pkg 'o3=target/bench/pkg-o3=wasm, profile bench-o3 + wasm-opt -O3' [--pkg ...]
//
// Each --pkg is LABEL=DIR=DESCRIPTION: a wasm-bindgen `--target web` output directory. The first
// one is the build the targets are judged on, and the JavaScript peer runs in its page. The page
// (crates/bench-wasm/www/) is served by scripts/serve.mjs with DIR at /pkg-LABEL/ and
// public/data/ at /data/, in Chromium launched as the browser tests launch it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from './serve.mjs';
import { launchBrowser } from '../tests/helpers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values: args } = parseArgs({
  options: {
    native: { type: 'string', default: join(ROOT, 'target/bench/native.json') },
    pkg: { type: 'string', multiple: true, default: [] },
  },
});
const builds = args.pkg.map((spec) => {
  const [label, dir, ...rest] = spec.split('=');
  if (!label || !dir) throw new Error(`--pkg ${spec}: expected LABEL=DIR=DESCRIPTION`);
  return { label, dir, description: rest.join('=') || label };
});
if (builds.length === 0) throw new Error('give at least one --pkg LABEL=DIR=DESCRIPTION');
const native = JSON.parse(readFileSync(args.native, 'utf8'));

/** Milliseconds with 3 significant digits (at least 2 decimals below 100). */
function ms(x) {
  if (x == null || !Number.isFinite(x)) return '—';
  if (x >= 100) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}
const ratio = (a, b) => (a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const byId = (results, id) => results?.find((r) => r.id === id);

// --- run every build in its own page ---------------------------------------------------------
const mounts = { '/': join(ROOT, 'crates/bench-wasm/www'), '/data/': join(ROOT, 'public/data') };
for (const b of builds) mounts[`/pkg-${b.label}/`] = b.dir;
const server = await startStaticServer({ mounts });
const browser = await launchBrowser();
const runs = [];
try {
  for (const [i, b] of builds.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => window.chisoBench !== undefined);
    const t0 = Date.now();
    const result = await page.evaluate((opts) => window.chisoBench.run(opts), { pkg: `/pkg-${b.label}/`, peer: i === 0 })
      .catch((e) => { throw new Error(`${b.label}: ${e.message}; page errors: ${errors.join(' | ')}`); });
    runs.push({ ...b, ...result, wall_s: (Date.now() - t0) / 1000 });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// --- per-build figures ---------------------------------------------------------------------------
const cases = native.cases;
const chromium = runs[0].user_agent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? runs[0].user_agent;
console.log(`\nwasm in headless Chromium (${chromium}), median of N samples after warm-up (performance.now())`);
for (const r of runs) {
  console.log(`  ${r.label}: ${r.description}; set-up ${ms(r.setup_ms)} ms, page run ${r.wall_s.toFixed(1)} s`);
  for (const spec of cases) {
    const t = byId(r.results, spec.id);
    console.log(`    ${spec.label.padEnd(70)} median ${ms(t?.median_ms).padStart(8)} ms   min ${ms(t?.min_ms).padStart(8)} ms`);
  }
}
for (const r of runs) {
  const c = r.compress;
  if (!c) continue;
  console.log(`  ${r.label}: the browser's deflate-raw of the 10,000-row table's JSON (${c.json_bytes} B -> ${c.deflated_bytes} B, `
    + `a ${c.fragment_chars}-character fragment): deflate ${ms(c.deflate_ms)} ms, inflate ${ms(c.inflate_ms)} ms`);
}
const peerRun = runs[0].peer;
console.log(`  JavaScript peer (crates/bench-wasm/www/sensitivity-peer.mjs), same page as ${runs[0].label}:`);
console.log(`    ${cases.find((c) => c.id === peerRun.id).label.padEnd(70)} median ${ms(peerRun.median_ms).padStart(8)} ms   min ${ms(peerRun.min_ms).padStart(8)} ms`);

// --- agreement of the sensitivity results ---------------------------------------------------------
/** Compares two per-unit summaries: how many medians are equal, the largest differences. */
function agreement(a, b) {
  const other = new Map(b.map((r) => [r.unit_id, r]));
  let sameMedian = 0;
  let sameAll = 0;
  let maxMedian = 0;
  let maxBand = 0;
  let maxTop = 0;
  let missing = 0;
  for (const r of a) {
    const s = other.get(r.unit_id);
    if (!s) { missing += 1; continue; }
    if (r.median === s.median) sameMedian += 1;
    if (r.median === s.median && r.p05 === s.p05 && r.p95 === s.p95 && r.baseline === s.baseline && r.p_top_k === s.p_top_k) sameAll += 1;
    maxMedian = Math.max(maxMedian, Math.abs(r.median - s.median));
    maxBand = Math.max(maxBand, Math.abs(r.p05 - s.p05), Math.abs(r.p95 - s.p95));
    maxTop = Math.max(maxTop, Math.abs(r.p_top_k - s.p_top_k));
  }
  return { n: a.length, sameMedian, sameAll, maxMedian, maxBand, maxTop, missing };
}
const cfg = native.sensitivity_config;
console.log(`\nsensitivity agreement (${cfg.n_draws} draws, concentration ${cfg.concentration}, PCI ${cfg.year}, top ${cfg.top_k})`);
for (const r of runs) {
  const g = agreement(native.sensitivity, r.sensitivity);
  console.log(`  wasm ${r.label} vs native: ${g.sameAll}/${g.n} units identical in every figure (same seed, same generator)`
    + `${g.missing ? `, ${g.missing} missing` : ''}`);
}
const gj = agreement(runs[0].sensitivity, peerRun.sensitivity);
console.log(`  JS vs wasm ${runs[0].label} (different generators, so Monte-Carlo noise only): median rank equal for `
  + `${gj.sameMedian}/${gj.n} units, largest median difference ${gj.maxMedian}, largest 5%/95% difference ${gj.maxBand}, `
  + `largest P(top ${cfg.top_k}) difference ${gj.maxTop.toFixed(3)}${gj.missing ? `, ${gj.missing} missing` : ''}`);

// --- the table -------------------------------------------------------------------------------
const main = runs[0];
const TARGETS = {
  'evaluate-pci': 'wasm ≤ 1 ms',
  'sensitivity-pci': 'wasm ≤ 50 ms; JS/wasm ≥ 3; wasm/native ≤ 1.5',
  'rank-filter-100k': 'wasm ≤ 100 ms',
  'import-csv-10k': 'wasm ≤ 200 ms (issue 11)',
};
const header = ['case', 'native ms', ...runs.map((r) => `wasm ${r.label} ms`), 'JS ms',
  `wasm ${main.label}/native`, ...runs.slice(1).map((r) => `wasm ${r.label}/native`), `JS/wasm ${main.label}`, 'target (issue 3)'];
const rows = cases.map((spec) => {
  const n = byId(native.results, spec.id)?.median_ms;
  const ws = runs.map((r) => byId(r.results, spec.id)?.median_ms);
  const js = spec.id === peerRun.id ? peerRun.median_ms : null;
  return [spec.id, ms(n), ...ws.map(ms), ms(js), ratio(ws[0], n), ...ws.slice(1).map((w) => ratio(w, n)),
    js == null ? '—' : ratio(js, ws[0]), TARGETS[spec.id] ?? '—'];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\nmedian per call (native: ${native.build}; ${runs.map((r) => `wasm ${r.label}: ${r.description}`).join('; ')})`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

// --- targets -------------------------------------------------------------------------------------
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const nat = (id) => byId(native.results, id)?.median_ms;
const checks = (r, withPeer) => {
  const w = (id) => byId(r.results, id)?.median_ms;
  const list = [
    ['sensitivity 10,000 × 63 × 10 in wasm ≤ 50 ms', `${ms(w('sensitivity-pci'))} ms`, w('sensitivity-pci') <= 50],
    ['sensitivity wasm within 1.5× of native', ratio(w('sensitivity-pci'), nat('sensitivity-pci')), w('sensitivity-pci') <= 1.5 * nat('sensitivity-pci')],
    ['one scenario evaluation on PCI ≤ 1 ms', `${ms(w('evaluate-pci'))} ms`, w('evaluate-pci') <= 1],
    ['100,000 units ranked and filtered ≤ 100 ms', `${ms(w('rank-filter-100k'))} ms`, w('rank-filter-100k') <= 100],
    ['10,000-row CSV ready to rank (read, map, build, validate) ≤ 200 ms', `${ms(w('import-csv-10k'))} ms`, w('import-csv-10k') <= 200],
  ];
  if (withPeer) {
    list.splice(1, 0, ['sensitivity wasm ≥ 3× faster than JS', `JS/wasm ${ratio(peerRun.median_ms, w('sensitivity-pci'))}`,
      peerRun.median_ms >= 3 * w('sensitivity-pci')]);
  }
  return list;
};
for (const [i, r] of runs.entries()) {
  console.log(`\ntargets, wasm ${r.label} (${r.description})${i === 0 ? '' : ' — JS peer compared against the first build only'}`);
  for (const [what, figure, ok] of checks(r, i === 0)) console.log(`  ${verdict(ok).padEnd(7)}  ${what.padEnd(46)} ${figure}`);
}
console.log('\nFigures only: no target is asserted, and they move with the machine and its load.');
