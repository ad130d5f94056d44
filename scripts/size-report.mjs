// What a first visit downloads, and how big it is: `make bench` (after `make build`).
//
//   node scripts/size-report.mjs [DIST=dist]
//
// Starts from dist/index.html and follows what it references: <script src>, <link href>
// (stylesheets, preloads, icons), URLs quoted in inline scripts (trunk's wasm loader), static
// imports inside the JavaScript it finds (wasm-bindgen snippets), and url()s in the stylesheets
// (the fonts; the page's Vietnamese text uses all four). The default dataset is added by name
// because the app fetches it at run time. Gzip sizes use zlib level 9, about what a static
// host's on-the-fly compression achieves at best; brotli sizes are those of the .br copies
// scripts/postbuild.mjs writes (what a host serving them sends), or the raw size for a file
// without one (fonts). Node built-ins only. tests/budget.test.mjs uses `firstVisit`.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Fetched by the app on start; keep in step with the app's default dataset path. */
export const DEFAULT_DATASET = 'data/hanoi-cchc.json';

/**
 * Maps a URL as written in the page to a file path relative to dist/, or null for other origins
 * and in-page URLs. A build made with `--public-url /sub/` writes "/sub/x.js" for dist/x.js, so
 * leading path segments are dropped until a file matches.
 */
function toDistPath(dist, ref, fromFile) {
  if (/^(data:|blob:|#|mailto:)/.test(ref) || /^[a-z]+:\/\//i.test(ref) || ref.startsWith('//')) return null;
  const clean = ref.split(/[?#]/)[0];
  const joined = clean.startsWith('/') ? clean : posix.join(posix.dirname(`/${fromFile}`), clean);
  const segments = posix.normalize(joined).split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i += 1) {
    const candidate = segments.slice(i).join('/');
    if (existsSync(join(dist, candidate)) && statSync(join(dist, candidate)).isFile()) return candidate;
  }
  return segments.join('/');
}

/** References in index.html: src/href attributes, and quoted asset URLs in inline scripts. */
function htmlRefs(html) {
  const refs = [];
  for (const m of html.matchAll(/<(script|link|img)\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    // A <link rel="canonical"> or "alternate" is not a download.
    if (m[1].toLowerCase() === 'link' && rel && !/stylesheet|preload|modulepreload|icon|manifest/.test(rel)) continue;
    // A <script type="text/plain"> (the ECharts bundle's URL, loaded later by the app when a
    // chart needs it: src/charts/loader.rs) is never fetched by the page itself.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    if (m[1].toLowerCase() === 'script' && type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
    const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (url) refs.push(url);
  }
  // The stylesheet index.html carries in itself (scripts/postbuild.mjs): its fonts.
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) refs.push(...cssUrls(m[1]));
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const q of m[1].matchAll(/["'`]([^"'`\s]+\.(?:js|mjs|wasm|css|json))["'`]/g)) refs.push(q[1]);
  }
  return refs;
}

/** url(...) references inside a stylesheet. */
function cssUrls(source) {
  return [...source.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]);
}

/** Relative static imports (`from './x.js'`, `import './x.js'`) inside a JavaScript file. */
function jsImports(source) {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
}

/**
 * What a first visit to `dist` downloads: `{ file, raw, gzip, br }` per file (bytes; paths
 * relative to dist), in the order found, and `missing`, the files referenced but not there.
 */
export function firstVisit(dist = 'dist') {
  const indexFile = join(dist, 'index.html');
  const files = ['index.html'];
  const queue = [...htmlRefs(readFileSync(indexFile, 'utf8')).map((ref) => [ref, 'index.html'])];
  queue.push([DEFAULT_DATASET, 'index.html']);
  while (queue.length > 0) {
    const [ref, from] = queue.shift();
    const path = toDistPath(dist, ref, from);
    if (path === null || files.includes(path)) continue;
    files.push(path);
    if (!existsSync(join(dist, path))) continue;
    if (/\.m?js$/.test(path)) {
      for (const imp of jsImports(readFileSync(join(dist, path), 'utf8'))) queue.push([imp, path]);
    } else if (/\.css$/.test(path)) {
      for (const url of cssUrls(readFileSync(join(dist, path), 'utf8'))) queue.push([url, path]);
    }
  }
  const missing = files.filter((f) => !existsSync(join(dist, f)));
  const rows = files.filter((f) => !missing.includes(f)).map((file) => {
    const bytes = readFileSync(join(dist, file));
    const brFile = join(dist, `${file}.br`);
    return {
      file,
      raw: bytes.length,
      // A host sends a file gzip-compressed only when that is smaller (never a woff2).
      gzip: Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length),
      br: existsSync(brFile) ? statSync(brFile).size : bytes.length,
    };
  });
  return { rows, missing };
}

/**
 * The rows a first paint waits for: the page (with the link's snapshot, the stylesheet and
 * public/boot.js in it), and any stylesheet or boot script still fetched on its own. The fonts
 * are not among them (font-display: swap draws the text at once in a fallback face).
 */
export function firstPaint(rows) {
  return rows.filter((r) => r.file === 'index.html' || r.file.endsWith('.css') || /(^|\/)boot-[0-9a-f]+\.js$/.test(r.file));
}

// Command line: `node scripts/size-report.mjs [DIST]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`size-report: ${join(dist, 'index.html')} not found; run \`make build\` first`);
    process.exit(1);
  }
  const { rows, missing } = firstVisit(dist);
  const total = { file: 'total' };
  for (const key of ['raw', 'gzip', 'br']) total[key] = rows.reduce((sum, r) => sum + r[key], 0);

  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const table = [
    ['file', 'raw bytes', '', 'gzip -9 bytes', '', 'brotli bytes', ''],
    ...[...rows, total].map((r) => [r.file, String(r.raw), kib(r.raw), String(r.gzip), kib(r.gzip), String(r.br), kib(r.br)]),
  ];
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const line = (row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  console.log(`First visit to ${dist}/ (index.html, what it references, and ${DEFAULT_DATASET}):\n`);
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1, -1)) console.log(line(row));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(line(table[table.length - 1]));
  const paint = firstPaint(rows);
  const paintBr = paint.reduce((sum, r) => sum + r.br, 0);
  console.log(`\nFirst paint (the snapshot): ${paint.map((r) => r.file).join(' + ')} = ${paintBr} brotli bytes (${kib(paintBr)}; target 50 KB)`);
  // What the page fetches later, not for the first screen: the ECharts bundle (a text/plain
  // script the app turns into a real one when a chart needs it, src/charts/loader.rs).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const m of html.matchAll(/<script\b[^>]*\btype="text\/plain"[^>]*>/gi)) {
    const ref = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1];
    const file = ref && toDistPath(dist, ref, 'index.html');
    if (!file || !existsSync(join(dist, file))) continue;
    const br = existsSync(join(dist, `${file}.br`)) ? statSync(join(dist, `${file}.br`)).size : statSync(join(dist, file)).size;
    console.log(`\nLater (when a chart needs it, not in the total): ${file}  ${br} brotli bytes (${kib(br)})`);
  }
  if (!rows.some((r) => existsSync(join(dist, `${r.file}.br`)))) {
    console.log('\n(no .br copies in this build: the brotli column is the raw size)');
  }
  if (missing.length > 0) {
    console.error(`\nsize-report: referenced but not in ${dist}/: ${missing.join(', ')}`);
    process.exit(1);
  }
}
