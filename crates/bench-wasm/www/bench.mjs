// In-page half of `make bench`: loads one wasm build of the workloads (crates/bench-wasm), times
// each case with performance.now() — warm-up, then the median and minimum of N samples, as the
// native harness does — and, when asked, times the JavaScript sensitivity peer the same way.
// scripts/bench.mjs drives it: `await window.chisoBench.run({ pkg: '/pkg-o3/', peer: true })`.
// Figures are only returned for printing; nothing here judges them.

import * as peer from './sensitivity-peer.mjs';

/** Median and minimum per-call time (ms) of `fn(calls)` over `samples` samples, after warm-up. */
function time(fn, { calls_per_sample: calls, samples, warmup_samples: warmup }) {
  let checksum = 0;
  for (let i = 0; i < warmup; i += 1) checksum += fn(calls);
  const perCall = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    checksum += fn(calls);
    perCall.push((performance.now() - t0) / calls);
  }
  perCall.sort((x, y) => x - y);
  return { median_ms: perCall[Math.floor(perCall.length / 2)], min_ms: perCall[0], checksum };
}

async function fetchText(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

async function run({ pkg, peer: withPeer }) {
  const status = document.getElementById('status');
  const [hanoi, pci] = await Promise.all([fetchText('/data/hanoi-cchc.json'), fetchText('/data/pci.json')]);
  const wasm = await import(`${pkg}chiso_bench_wasm.js`);
  await wasm.default();

  const t0 = performance.now();
  const bench = new wasm.Bench(hanoi, pci);
  const setup_ms = performance.now() - t0;
  const cases = JSON.parse(wasm.cases());
  const results = [];
  for (const spec of cases) {
    status.textContent = `wasm: ${spec.label}`;
    const t = time((calls) => bench.run(spec.id, calls), spec);
    results.push({ id: spec.id, median_ms: t.median_ms, min_ms: t.min_ms });
  }
  // The browser's half of a link fragment: deflate-raw of the 10,000-row table's JSON and back
  // (CompressionStream / DecompressionStream, as src/io.js does), median of 7 after 2 warm-ups.
  status.textContent = 'browser: deflate and inflate of the 10,000-row table';
  const json = bench.own_table_json();
  const squeeze = async (stream, bytes) => new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
  const timings = { deflate: [], inflate: [] };
  let packed = null;
  for (let i = 0; i < 9; i += 1) {
    const t1 = performance.now();
    packed = await squeeze(new CompressionStream('deflate-raw'), json);
    const t2 = performance.now();
    await squeeze(new DecompressionStream('deflate-raw'), packed);
    const t3 = performance.now();
    if (i >= 2) { timings.deflate.push(t2 - t1); timings.inflate.push(t3 - t2); }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const compress = {
    json_bytes: new TextEncoder().encode(json).length,
    deflated_bytes: packed.length,
    fragment_chars: 3 + Math.ceil((packed.length * 4) / 3),
    deflate_ms: median(timings.deflate),
    inflate_ms: median(timings.inflate),
  };
  const out = {
    setup_ms,
    cases,
    results,
    compress,
    sensitivity: JSON.parse(bench.sensitivity_summary()),
    user_agent: navigator.userAgent,
  };

  if (withPeer) {
    status.textContent = 'JavaScript peer: sensitivity';
    const cfg = JSON.parse(wasm.sensitivity_config());
    const block = peer.readBlock(JSON.parse(pci), cfg.group, cfg.year);
    const spec = cases.find((c) => c.id === 'sensitivity-pci');
    let rows = null;
    const t = time(() => {
      rows = peer.simulate(block, cfg);
      return rows.length;
    }, spec);
    out.peer = { id: 'sensitivity-pci', median_ms: t.median_ms, min_ms: t.min_ms, sensitivity: rows };
  }
  bench.free();
  status.textContent = 'done';
  return out;
}

window.chisoBench = { run };
