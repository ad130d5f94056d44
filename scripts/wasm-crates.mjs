// Bytes of code per Rust crate in a wasm file, from its `name` section: `make bench` (after
// `make build`) runs it on cargo's own output, which still has its function names (wasm-opt
// strips them from the shipped file, and shrinks the code by about a third, so read the shares,
// not the absolute figures).
//
//   node scripts/wasm-crates.mjs [WASM=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/chiso.wasm] [--top N]
//
// A twiggy-like attribution with Node built-ins only (twiggy itself takes minutes to build):
// each function body's bytes go to the crate of the first path in its demangled name
// (`<serde_json::de::Deserializer<R> as ...>::f` -> serde_json); data segments are one row.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args.splice(topIdx, 2)[1]) : 25;
const target = process.env.CARGO_TARGET_DIR || 'target';
const file = args[0] ?? join(target, 'wasm32-unknown-unknown', 'release', 'chiso.wasm');
const bytes = readFileSync(file);

let pos = 8; // magic + version
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
}
function str() {
  const len = leb();
  const s = bytes.toString('utf8', pos, pos + len);
  pos += len;
  return s;
}

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
const sectionBytes = {};
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  if (id === 2) {
    // Imports: only functions take function indices.
    for (let n = leb(); n > 0; n -= 1) {
      str();
      str();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFunctions += 1; }
      else if (kind === 1) { pos += 1; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos += 1; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n -= 1) {
      const len = leb();
      bodySizes.push(len);
      pos += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const name = str();
    sectionBytes[`custom ${name}`] = end - pos;
    if (name === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n -= 1) {
            const idx = leb();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    }
  }
  pos = end;
}

/**
 * The crate a mangled Rust symbol belongs to. Legacy symbols (`_ZN<len><ident>...E`, what our
 * crates get) name it first, or first inside `<...>` for a trait impl
 * (`_ZN..._$LT$serde_json..de..Deserializer...` -> serde_json); v0 symbols (`_R...`, what std
 * ships with) carry it as the first `C<disambiguator>_<len><ident>`.
 */
function crateOf(name) {
  const legacy = /^_ZN(\d+)/.exec(name);
  if (legacy) {
    // Drop glue is core's function but the dropped type's code: count it there.
    const dropped = /drop_in_place\$LT\$(?:\$RF\$|\$BP\$|\$LP\$|_)*([A-Za-z_][A-Za-z0-9_]*)\.\./.exec(name);
    if (dropped && name.startsWith('_ZN4core3ptr')) return dropped[1];
    let ident = name.slice(legacy[0].length, legacy[0].length + Number(legacy[1]));
    ident = ident.replace(/^_?(\$LT\$|\$RF\$|\$BP\$|\$u5b\$|\$u20\$|mut|dyn|const)+/g, '');
    const head = ident.split('..')[0].split('$')[0];
    if (/^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str)$/.test(head)) {
      const tr = /\$u20\$as\$u20\$([A-Za-z_][A-Za-z0-9_]*)\.\./.exec(ident);
      return tr ? tr[1] : 'core';
    }
    return head || '(other)';
  }
  const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(name);
  if (v0) {
    const start = v0.index + v0[0].length;
    return name.slice(start, start + Number(v0[1]));
  }
  // wasm-bindgen's `__wbindgen_describe_*` functions are run by the CLI and then removed.
  if (name.startsWith('__wbindgen_describe')) return '(wasm-bindgen descriptors)';
  return `(other: ${name.slice(0, 12)}...)`;
}

const byCrate = new Map();
bodySizes.forEach((size, i) => {
  const name = names.get(i + importedFunctions) ?? '(unnamed)';
  const crate = crateOf(name);
  const row = byCrate.get(crate) ?? { bytes: 0, functions: 0 };
  row.bytes += size;
  row.functions += 1;
  byCrate.set(crate, row);
});
const codeTotal = bodySizes.reduce((a, b) => a + b, 0);
const rows = [...byCrate.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
console.log(`${file}: ${bytes.length} bytes; code ${codeTotal} bytes in ${bodySizes.length} functions; data ${dataBytes} bytes\n`);
console.log(`${'crate'.padEnd(30)} ${'code bytes'.padStart(10)} ${'share'.padStart(6)} ${'functions'.padStart(9)}`);
for (const [crate, row] of rows.slice(0, top)) {
  console.log(`${crate.padEnd(30)} ${String(row.bytes).padStart(10)} ${(100 * row.bytes / codeTotal).toFixed(1).padStart(5)}% ${String(row.functions).padStart(9)}`);
}
const rest = rows.slice(top).reduce((sum, [, row]) => sum + row.bytes, 0);
if (rest > 0) console.log(`${`(${rows.length - top} more crates)`.padEnd(30)} ${String(rest).padStart(10)} ${(100 * rest / codeTotal).toFixed(1).padStart(5)}%`);
