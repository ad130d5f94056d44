// Lighthouse half of `make bench` (issue 9): the built site served as a host would serve it
// (scripts/serve.mjs: the .br copies, brotli), Lighthouse 12's default mobile preset (simulated
// slow 4G and a 4× slower CPU) in Debian's Chromium, three runs per page; prints the median of
// each figure next to the issue's target. Figures only: nothing decides the exit code, and no
// test asserts time.
//
//   node scripts/lighthouse.mjs [--runs 3] [--dist dist] [QUERY ...]   (default: '' and '?ds=pci')

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { startStaticServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/helpers.mjs';

/** Bytes transferred less the ECharts bundle's (the audit lists the largest files by URL). */
function withoutIdleEcharts(r) {
  const audit = r.audits['total-byte-weight'];
  const echarts = (audit.details?.items ?? []).filter((i) => /\/echarts\.min[^/]*\.js$/.test(i.url));
  return audit.numericValue - echarts.reduce((sum, i) => sum + i.totalBytes, 0);
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, dist: { type: 'string', default: 'dist' } },
});
const queries = positionals.length > 0 ? positionals : ['', '?ds=pci'];
const nRuns = Number(opts.runs);
const lighthouseVersion = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8'),
).version;

/** What is printed: Lighthouse's name for it, how it is shown, and issue 9's target. */
const ROWS = [
  { label: 'Performance score', get: (r) => r.categories.performance.score * 100, fmt: (x) => x.toFixed(0), target: '≥ 95' },
  { label: 'First Contentful Paint', audit: 'first-contentful-paint', fmt: secs, target: '≤ 1.0 s' },
  { label: 'Largest Contentful Paint', audit: 'largest-contentful-paint', fmt: secs, target: '≤ 1.5 s' },
  { label: 'Speed Index', audit: 'speed-index', fmt: secs, target: '≤ 1.5 s' },
  { label: 'Total Blocking Time', audit: 'total-blocking-time', fmt: (x) => `${x.toFixed(0)} ms`, target: '≤ 100 ms' },
  { label: 'Cumulative Layout Shift', audit: 'cumulative-layout-shift', fmt: (x) => x.toFixed(3), target: '≤ 0.02' },
  { label: 'Bytes transferred', audit: 'total-byte-weight', fmt: (x) => `${(x / 1024).toFixed(0)} KiB`, target: '≤ 293 KiB' },
  // The same, less the ECharts bundle the page downloads ahead when the browser is idle (not run;
  // src/charts/loader.rs), which Lighthouse waits for: what the view itself needed.
  { label: '  without the idle ECharts', get: withoutIdleEcharts, fmt: (x) => `${(x / 1024).toFixed(0)} KiB`, target: '≤ 293 KiB' },
  { label: 'Accessibility', get: (r) => r.categories.accessibility.score * 100, fmt: (x) => x.toFixed(0), target: '100' },
  { label: 'Best practices', get: (r) => r.categories['best-practices'].score * 100, fmt: (x) => x.toFixed(0), target: '100' },
  { label: 'SEO', get: (r) => r.categories.seo.score * 100, fmt: (x) => x.toFixed(0), target: '100' },
];

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const { origin, close } = await startStaticServer({ mounts: { '/': opts.dist } });
const columns = [];
const lcpElements = [];
try {
  for (const query of queries) {
    const lhrs = [];
    for (let run = 0; run < nRuns; run += 1) {
      // A fresh browser per run: nothing cached from the run before.
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHISO_CHROMIUM || '/usr/bin/chromium',
        chromeFlags: CHROMIUM_ARGS,
        logLevel: 'silent',
      });
      try {
        const result = await lighthouse(`${origin}/${query}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        lhrs.push(result.lhr);
        // The last run's whole report, to look into (the waterfall, the LCP element's phases).
        mkdirSync('target/lighthouse', { recursive: true });
        writeFileSync(`target/lighthouse/${(query || 'default').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'default'}.json`, JSON.stringify(result.lhr));
      } finally {
        await chrome.kill();
      }
      process.stderr.write(`lighthouse: ${query || '/'} run ${run + 1}/${nRuns}\n`);
    }
    // Which element the LCP was, in the last run (a snapshot's, or one the app drew later).
    // Lighthouse names no element when it is gone from the page by the end of the run (the app
    // replaces the snapshot): then its LCP breakdown says where the time went.
    const last = lhrs.at(-1)?.audits;
    const lcpItem = last?.['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    const parts = last?.['lcp-breakdown-insight']?.details?.items?.[0]?.items ?? [];
    const breakdown = parts.map((p) => `${p.label} ${Math.round(p.duration)} ms`).join(', ');
    if (lcpItem) lcpElements.push(`${query || '/'}: ${lcpItem.nodeLabel?.slice(0, 80)} (${lcpItem.selector})`);
    else lcpElements.push(`${query || '/'}: not named (replaced by the end of the run)${breakdown ? `; ${breakdown}` : ''}`);
    columns.push({
      name: query || 'default page',
      values: ROWS.map((row) => {
        const values = lhrs.map((r) => (row.get ? row.get(r) : r.audits[row.audit].numericValue));
        return row.fmt(median(values));
      }),
    });
  }
} finally {
  await close();
}

const table = [
  ['measure (median of ' + nRuns + ')', ...columns.map((c) => c.name), 'target'],
  ...ROWS.map((row, i) => [row.label, ...columns.map((c) => c.values[i]), row.target]),
];
const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
console.log(`\nLighthouse ${lighthouseVersion} (mobile preset), served brotli-compressed from ${opts.dist}/:\n`);
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w, col) => (col === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
}
console.log(`\nLargest Contentful Paint element (last run; reports in target/lighthouse/):\n${lcpElements.map((l) => `  ${l}`).join('\n')}`);
