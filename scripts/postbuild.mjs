// After `trunk build`: merges the other pages' builds into dist/ (the own-data page, data.html,
// is built by a second `trunk build` into target/dist-data/), then moves the inline
// <script type="module"> loader that Trunk 0.21 writes into each page out into its own file, so
// the pages' Content-Security-Policy can forbid inline scripts ('unsafe-inline' never appears in
// it). `make build` and `make test` run it.
//
//   node scripts/postbuild.mjs [DIST=dist] [OTHER_BUILD=PAGE...]
//
// Merging copies every file of an other build into dist/, its index.html (Trunk always names the
// page it builds so) as PAGE (`target/dist-data=data.html`); a file already there must be
// byte-identical (Trunk names assets by their content hash, so shared ones are), or the build
// fails rather than let one page's file replace the other's.
//
// The loader becomes dist/start-<hash>.js, loaded by <script type="module" src=... integrity=...>
// at the same place, with the same public_url prefix as Trunk's own links (taken from the
// loader's import of the wasm-bindgen glue). It fails the build when:
//   - index.html has no Content-Security-Policy meta tag, or its script-src allows inline or eval;
//   - any inline script (a <script> without src) is left after the move;
//   - an on* event-handler attribute appears (inline script by another name).
//
// With --snapshots=FILE (chiso-prerender's output) it then puts the first-paint snapshots into
// index.html, holds the app's start back in a <template> for public/boot.js, and takes the
// stylesheet and boot.js into index.html, each allowed by its SHA-256 in the CSP; every inline
// script left must be one the policy names.
//
// Last, it writes pre-compressed copies next to every compressible file (x.wasm -> x.wasm.br,
// x.wasm.gz): brotli at quality 11 and gzip at level 9, better than a host compresses on the
// fly, for hosts that serve such copies (nginx gzip_static / brotli_static, Caddy
// `precompressed`, scripts/serve.mjs). A copy is written only when it is smaller.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dist = positional[0] || 'dist';
const others = positional.slice(1);
const snapshotsFile = flags.find((f) => f.startsWith('--snapshots='))?.slice('--snapshots='.length);

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

// 0. The other pages' builds join dist/.
for (const arg of others) {
  const [other, page] = arg.split('=');
  if (!page) fail(`an other build is given as DIR=PAGE.html, not ${arg}`);
  let copied = 0;
  for (const entry of readdirSync(other, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath ?? entry.path, entry.name);
    const rel = relative(other, from);
    const to = join(dist, rel === 'index.html' ? page : rel);
    const bytes = readFileSync(from);
    if (existsSync(to)) {
      if (!readFileSync(to).equals(bytes)) fail(`${to} exists with other content than ${from}`);
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, bytes);
    copied += 1;
  }
  console.log(`postbuild: merged ${copied} files of ${other} into ${dist}`);
}

// 0b. Short strings from the wasm without TextDecoder. Every tag, attribute name and value, class
// and text node the app builds crosses from the wasm to the DOM as UTF-8 bytes that
// wasm-bindgen's glue decodes with TextDecoder.decode, which costs about the same (~0.1 µs) for
// 3 bytes as for 30; most of these strings are a few ASCII bytes ("td", "class", "num rank").
// Those are read from their char codes instead (V8: 3-4× faster at 3-10 bytes, still faster at
// 24); anything longer or not ASCII still goes to TextDecoder. Measured by CPU profile of
// `?ds=pci` loading at 4× CPU (median of 4 loads each, builds taking turns): the time spent in
// getStringFromWasm0 fell from 20.0 to 10.6 ms, of a take-over task of about 180 ms.
// wasm-bindgen has no option for this (0.2.130), so its generated glue is edited here: the exact
// function it writes is replaced, or the build fails naming it (a new wasm-bindgen must be
// looked at again). The file is renamed by its new content's hash, as Trunk names files: a
// browser that cached the unpatched glue never checks it against the new integrity.
const GLUE_DECODE = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const GLUE_DECODE_SHORT = `// scripts/postbuild.mjs: short ASCII strings from their char codes, one array per length.
const SHORT_STRING_CODES = Array.from({ length: 25 }, (_, n) => new Array(n).fill(0));
function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const bytes = getUint8ArrayMemory0();
    if (len < SHORT_STRING_CODES.length) {
        const codes = SHORT_STRING_CODES[len];
        let i = 0;
        for (; i < len; i++) {
            const c = bytes[ptr + i];
            if (c > 0x7f) break;
            codes[i] = c;
        }
        if (i === len) return String.fromCharCode.apply(null, codes);
    }
    return decodeText(bytes.subarray(ptr, ptr + len));
}`;
for (const page of ['index.html', 'data.html']) {
  const pagePath = join(dist, page);
  if (!existsSync(pagePath)) continue;
  let html = readFileSync(pagePath, 'utf8');
  const glueRef = html.match(/<link rel="modulepreload" href="([^"]*?)((chiso(?:-data)?)-[0-9a-f]{12,16}\.js)"[^>]*>/);
  if (!glueRef) fail(`${pagePath}: no modulepreload of the wasm-bindgen glue (chiso-<hash>.js)`);
  const [, prefix, oldName, stem] = glueRef;
  const code = readFileSync(join(dist, oldName), 'utf8');
  if (code.includes('SHORT_STRING_CODES')) continue;
  if (!code.includes(GLUE_DECODE)) {
    fail(`${oldName}: wasm-bindgen's getStringFromWasm0 is not the one this script replaces (a new wasm-bindgen?)`);
  }
  const patched = code.replace(GLUE_DECODE, () => GLUE_DECODE_SHORT);
  const newName = `${stem}-${createHash('sha256').update(patched).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dist, newName), patched);
  unlinkSync(join(dist, oldName));
  const oldIntegrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  const newIntegrity = `sha384-${createHash('sha384').update(patched).digest('base64')}`;
  const uses = html.split(oldName).length - 1;
  html = html.split(`${prefix}${oldName}`).join(`${prefix}${newName}`).split(`./${oldName}`).join(`./${newName}`);
  if (html.includes(oldName)) fail(`${pagePath}: ${oldName} is named where this script cannot rename it`);
  if (!html.includes(oldIntegrity)) fail(`${pagePath}: no integrity for ${oldName}`);
  html = html.split(oldIntegrity).join(newIntegrity);
  writeFileSync(pagePath, html);
  console.log(`postbuild: ${oldName} -> ${newName}, short strings without TextDecoder (${uses} references)`);
}

for (const page of ['index.html', 'data.html']) {
  const indexPath = join(dist, page);
  if (page !== 'index.html' && !existsSync(indexPath)) continue;
  let html = readFileSync(indexPath, 'utf8');
  // 1. The CSP is there and strict for scripts.
  const csp = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i);
  if (!csp) fail(`${indexPath} has no Content-Security-Policy meta tag`);
  const scriptSrc = csp[1].split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  if (!scriptSrc) fail('the Content-Security-Policy has no script-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'data:', '*']) {
    if (scriptSrc.split(/\s+/).includes(bad)) fail(`script-src must not allow ${bad}: ${scriptSrc}`);
  }

  // 2. Move Trunk's inline module loader into a file.
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const match = html.match(inline);
  if (match) {
    const code = `// Trunk's wasm loader, moved out of ${page} by scripts/postbuild.mjs (CSP: no inline script).\n${match[1].trim()}\n`;
    const glue = code.match(/from\s+'([^']*?)[^'/]+\.js'/);
    if (!glue) fail(`cannot find the wasm-bindgen import in Trunk's loader:\n${code}`);
    const prefix = glue[1];
    const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    writeFileSync(join(dist, name), code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    html = html.replace(inline, `<script type="module" src="${prefix}${name}" integrity="${integrity}"></script>`);
    console.log(`postbuild: moved Trunk's inline loader to ${join(dist, name)}`);
  } else if (!/<script type="module" src="[^"]*start-[0-9a-f]{16}\.js"/.test(html)) {
    fail(`${indexPath} has neither Trunk's inline loader nor a moved one: did Trunk change its output?`);
  }

  // 3. Nothing inline is left.
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(tag[1])) fail(`an inline script is left in ${indexPath}: ${tag[0].slice(0, 120)}`);
  }
  const handler = html.match(/<[^>]+\son[a-z]+\s*=/i);
  if (handler) fail(`an inline event handler is left in ${indexPath}: ${handler[0]}`);

  writeFileSync(indexPath, html);
}

// 3b. The first-paint snapshots (chiso-prerender's JSON, the default link first) go into
// index.html's #chiso-root: the default one shown, the others as <template>s; then public/boot.js
// runs a second time right after the root to show the link's own (src/snapshot.rs).
if (snapshotsFile) {
  const snapshots = JSON.parse(readFileSync(snapshotsFile, 'utf8'));
  const indexPath = join(dist, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const root = '<main id="chiso-root"></main>';
  if (!html.includes(root)) fail(`${indexPath} has no empty ${root} for the snapshots`);
  if (!Array.isArray(snapshots) || snapshots[0]?.query !== '') fail(`${snapshotsFile}: the default link's snapshot must come first`);
  const boot = html.match(/<script src="[^"]*boot-[0-9a-f]+\.js"[^>]*><\/script>/);
  if (!boot) fail(`${indexPath} has no boot script to run after the snapshots`);
  const attr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const parts = snapshots.map(({ query, html: body }, i) => {
    // The snapshot is markup the page's policy must allow as it is: no script, no inline style.
    if (/<script\b/i.test(body)) fail(`the snapshot of '?${query}' has a <script>`);
    if (/\sstyle="/i.test(body)) fail(`the snapshot of '?${query}' has a style attribute (the CSP refuses it)`);
    if (/<[^>]+\son[a-z]+\s*=/i.test(body)) fail(`the snapshot of '?${query}' has an inline event handler`);
    const div = `<div data-snapshot="${attr(query)}">${body}</div>`;
    return i === 0 ? div : `<template data-snapshot="${attr(query)}">${div}</template>`;
  });
  // The app's start (the loader, its module preloads and the wasm preload) waits in a <template>
  // until public/boot.js has seen the snapshot painted: nothing the first paint does not need is
  // asked for before it (a phone's bandwidth goes to the page, its fonts and its stylesheet).
  const later = [];
  html = html.replace(/<link rel="(?:modulepreload|preload)" href="[^"]*\.(?:js|wasm)"[^>]*>\n?/g, (tag) => {
    later.push(tag.trim());
    return '';
  });
  html = html.replace(/<script type="module" src="[^"]*start-[0-9a-f]{16}\.js"[^>]*><\/script>/, (tag) => {
    later.push(tag);
    return '';
  });
  if (!later.some((t) => t.startsWith('<script'))) fail(`${indexPath}: no moved loader to start after the first paint`);
  const start = `<template id="chiso-start">${later.join('')}</template>`;
  html = html.replace(root, () => `<main id="chiso-root">${parts.join('')}</main>${start}${boot[0]}`);
  writeFileSync(indexPath, html);
  console.log(`postbuild: ${snapshots.length} snapshots in ${indexPath} (${snapshots.map((s) => `'?${s.query}'`).join(', ')})`);
}

// 3c. The first paint waits for nothing but the page itself: index.html takes the stylesheet and
// public/boot.js in (both boot.js tags), each allowed by its SHA-256 in the page's CSP — still no
// 'unsafe-inline': only these exact texts may run or style, never markup that came with data.
// (data.html keeps its <link>: the file stays in dist/.)
if (snapshotsFile) {
  const indexPath = join(dist, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const cssTag = html.match(/<link rel="stylesheet" href="([^"]*style-[0-9a-f]{1,16}\.css)"[^>]*>/);
  if (!cssTag) fail(`${indexPath} has no stylesheet link to take in`);
  const css = readFileSync(join(dist, cssTag[1].split('/').pop()), 'utf8');
  if (/<\/style/i.test(css)) fail('the stylesheet contains </style');
  html = html.replace(cssTag[0], () => `<style>${css}</style>`);
  const bootTags = [...html.matchAll(/<script src="([^"]*boot-[0-9a-f]{1,16}\.js)"[^>]*><\/script>/g)];
  if (bootTags.length !== 2 || bootTags[0][0] !== bootTags[1][0]) fail(`${indexPath} should run one boot script twice`);
  const boot = readFileSync(join(dist, bootTags[0][1].split('/').pop()), 'utf8');
  if (/<\/script/i.test(boot)) fail('public/boot.js contains </script');
  html = html.replaceAll(bootTags[0][0], () => `<script>${boot}</script>`);
  // Nothing else loads it (data.html has no snapshot): no stale file in dist/.
  if (!readFileSync(join(dist, 'data.html'), 'utf8').includes(bootTags[0][1].split('/').pop())) {
    unlinkSync(join(dist, bootTags[0][1].split('/').pop()));
  }
  const withSource = (policy, directive, source) => policy.split(';').map((d) => {
    const t = d.trim();
    return t.split(/\s+/)[0] === directive ? ` ${t} ${source}` : d;
  }).join(';').trim();
  const cspRe = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
  html = html.replace(cspRe, (_, open, policy, close) => open + withSource(withSource(policy, 'script-src', sha(boot)), 'style-src', sha(css)) + close);
  // Every inline script is one the policy names by its hash.
  const policy = html.match(cspRe)[2];
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(tag[1])) continue;
    if (!policy.includes(sha(tag[2]))) fail(`an inline script not allowed by its hash is in ${indexPath}: ${tag[0].slice(0, 120)}`);
  }
  writeFileSync(indexPath, html);
  console.log(`postbuild: the stylesheet and boot.js are in ${indexPath}, allowed by their SHA-256`);
}

// 4. Pre-compressed copies. Fonts (woff2) are compressed already; everything else of these types is
// text or wasm, which shrinks by 60-80%.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ico', '.txt', '.map']);
let nCompressed = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${path}.gz`, gz);
  nCompressed += 1;
}
console.log(`postbuild: wrote .br and .gz copies of ${nCompressed} files`);
