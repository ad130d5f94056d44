// The JavaScript peer of the engine's weight sensitivity (crates/engine/src/sensitivity.rs), for
// `make bench`: the same run written the way a competent JavaScript author would write it — typed
// arrays, no allocation per draw, Array.prototype.sort with a comparator — but no tricks, so the
// wasm/JS ratio says what Rust buys over plain JavaScript.
//
// Same model as the engine: score_u(w) = offset_u + Σ_i w_i · scale_max · value_ui / max_i, where
// offset_u = published total − composite under the edition's weights; w ~ Dirichlet(concentration
// × share_i) from Gamma(α_i, 1) samples (Marsaglia–Tsang, with the u^(1/α) boost for α < 1) on a
// seeded xoshiro128** generator; competition ranks per draw (scores within 1e-9 tie); a units ×
// ranks histogram; median, 5th and 95th nearest-rank percentiles and P(rank ≤ top k). The
// generator differs from the engine's (xoshiro256++ with rand_distr's ziggurat normals), so the
// draws differ and only the statistics can agree.

/** Two scores closer than this tie (the engine's TIE_EPSILON). */
const TIE_EPSILON = 1e-9;

/**
 * The block the engine's BlockMatrix lays out, read from the dataset JSON: units of `groupId`
 * with a record in `year` and every component published (all of them for PCI 2013–2016).
 * Returns { unitIds, n, m, a (n × m, row by row, in score points), offsets, shares }.
 */
export function readBlock(dataset, groupId, year) {
  const comps = dataset.index.components;
  const scaleMax = dataset.index.scale.max;
  const edition = (dataset.editions ?? []).find((e) => e.year === year);
  if (!edition) throw new Error(`no edition for ${year}`);
  const pct = comps.map((c) => edition.weights_pct[c.id] ?? 0);
  const pctSum = pct.reduce((s, x) => s + x, 0);
  const shares = Float64Array.from(pct, (x) => x / pctSum);
  const group = dataset.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`no group ${groupId}`);

  const unitIds = [];
  const rows = [];
  const offsets = [];
  for (const unit of group.units) {
    const obs = unit.observations.find((o) => o.year === year);
    if (!obs) continue;
    const row = comps.map((c) => scaleMax * obs.components[c.id] / c.max);
    if (row.some((x) => !Number.isFinite(x))) throw new Error(`${unit.id}: a component is missing`);
    const composite = row.reduce((s, x, i) => s + shares[i] * x, 0);
    unitIds.push(unit.id);
    rows.push(row);
    offsets.push(obs.score == null ? 0 : obs.score - composite);
  }
  const n = unitIds.length;
  const m = comps.length;
  const a = new Float64Array(n * m);
  rows.forEach((row, u) => a.set(row, u * m));
  return { unitIds, n, m, a, offsets: Float64Array.from(offsets), shares };
}

/** xoshiro128** (Blackman & Vigna), seeded through splitmix32; uniform() is in (0, 1). */
function makeRng(seed) {
  let s = seed >>> 0;
  const splitmix32 = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return { uniform: () => (next() + 0.5) / 4294967296 };
}

function rotl(x, k) {
  return (x << k) | (x >>> (32 - k));
}

/** Standard normal samples by Marsaglia's polar method (one spare kept). */
function makeNormal(rng) {
  let spare = null;
  return () => {
    if (spare !== null) {
      const x = spare;
      spare = null;
      return x;
    }
    let u;
    let v;
    let s;
    do {
      u = 2 * rng.uniform() - 1;
      v = 2 * rng.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * f;
    return u * f;
  };
}

/** Gamma(alpha, 1) by Marsaglia & Tsang (2000); alpha < 1 through Gamma(alpha + 1) · U^(1/alpha). */
function gamma(alpha, rng, normal) {
  if (alpha < 1) return gamma(alpha + 1, rng, normal) * Math.pow(rng.uniform(), 1 / alpha);
  const d = alpha - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The sensitivity run: `cfg` = { n_draws, concentration, seed, top_k }. Returns rows in the
 * block's unit order: { unit_id, baseline, median, p05, p95, p_top_k }.
 */
export function simulate(block, cfg) {
  const { n, m, a, offsets, shares } = block;
  const rng = makeRng(cfg.seed);
  const normal = makeNormal(rng);
  const alphas = Array.from(shares, (s) => cfg.concentration * s);
  const w = new Float64Array(m);
  const scores = new Float64Array(n);
  const order = Array.from({ length: n }, (_, u) => u);
  const rankOf = new Int32Array(n);
  const counts = new Uint32Array(n * n);
  const byScore = (x, y) => scores[y] - scores[x] || x - y;

  const rankDraw = (weights) => {
    for (let u = 0; u < n; u += 1) {
      let s = offsets[u];
      for (let i = 0; i < m; i += 1) s += weights[i] * a[u * m + i];
      scores[u] = s;
    }
    order.sort(byScore);
    let prevScore = NaN;
    let prevRank = 0;
    for (let pos = 0; pos < n; pos += 1) {
      const u = order[pos];
      const rank0 = Math.abs(prevScore - scores[u]) <= TIE_EPSILON ? prevRank : pos;
      prevScore = scores[u];
      prevRank = rank0;
      rankOf[u] = rank0;
    }
  };

  rankDraw(shares);
  const baseline = Array.from(rankOf, (r) => r + 1);

  for (let draw = 0; draw < cfg.n_draws; draw += 1) {
    let sum = 0;
    for (let i = 0; i < m; i += 1) {
      w[i] = alphas[i] > 0 ? gamma(alphas[i], rng, normal) : 0;
      sum += w[i];
    }
    for (let i = 0; i < m; i += 1) w[i] /= sum;
    rankDraw(w);
    for (let u = 0; u < n; u += 1) counts[u * n + rankOf[u]] += 1;
  }

  const percentile = (u, q) => {
    const need = Math.max(1, Math.ceil(q * cfg.n_draws));
    let cum = 0;
    for (let r0 = 0; r0 < n; r0 += 1) {
      cum += counts[u * n + r0];
      if (cum >= need) return r0 + 1;
    }
    return n;
  };
  return block.unitIds.map((unitId, u) => {
    let inTop = 0;
    for (let r0 = 0; r0 < Math.min(cfg.top_k, n); r0 += 1) inTop += counts[u * n + r0];
    return {
      unit_id: unitId,
      baseline: baseline[u],
      median: percentile(u, 0.5),
      p05: percentile(u, 0.05),
      p95: percentile(u, 0.95),
      p_top_k: inTop / cfg.n_draws,
    };
  });
}
