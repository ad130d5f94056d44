// Be Vietnam Pro, cut to the characters chiso writes: run by scripts/setup.sh into public/fonts/.
//
//   node scripts/subset-fonts.mjs OUT_DIR
//
// @fontsource's Latin and Vietnamese subsets (pinned in package-lock.json) carry every Western
// European letter and much punctuation the page never shows. Vietnamese needs ASCII, the Latin-1
// letters Vietnamese spells with (à, â, é, ô…), its own precomposed letters (Đ, Ơ, Ư, ạ…ỹ: the
// page's text is NFC, an own table's too) and a few symbols; harfbuzz (npm's subset-font) keeps
// those glyphs with their kerning, and the fonts shrink from about 67 kB to 49 kB — every reader's first visit, and the fonts are what the
// first paint's largest text waits for. A character outside the subset is drawn in the fallback
// face, as the stylesheet's unicode-range tells the browser: this script fails when style.css's
// unicode-range for a file is not the one the file was cut to.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const SOURCE = 'node_modules/@fontsource/be-vietnam-pro/files';
const out = process.argv[2] || 'public/fonts';

/** Code points as inclusive ranges. */
const LATIN = [
  [0x20, 0x7e], [0xa0, 0xa0], [0xb1, 0xb1], [0xb7, 0xb7], [0xc0, 0xc3], [0xc8, 0xca], [0xcc, 0xcd],
  [0xd2, 0xd5], [0xd7, 0xd7], [0xd9, 0xda], [0xdd, 0xdd], [0xe0, 0xe3], [0xe8, 0xea], [0xec, 0xed],
  [0xf2, 0xf5], [0xf9, 0xfa], [0xfd, 0xfd], [0x2013, 0x2014], [0x2018, 0x2019], [0x201c, 0x201d],
  [0x2022, 0x2022], [0x2026, 0x2026], [0x2190, 0x2193], [0x2212, 0x2212], [0x2264, 0x2265],
];
const VIETNAMESE = [
  [0x102, 0x103], [0x110, 0x111], [0x128, 0x129], [0x168, 0x169], [0x1a0, 0x1a1], [0x1af, 0x1b0],
  [0x1ea0, 0x1ef9], [0x20ab, 0x20ab],
];
const SUBSETS = { latin: LATIN, vietnamese: VIETNAMESE };

const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');
/** The CSS unicode-range of a subset: "U+0020-007E, U+00A0, …". */
const unicodeRange = (ranges) => ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
const text = (ranges) => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join('');

const css = readFileSync('style.css', 'utf8');
mkdirSync(out, { recursive: true });
let before = 0;
let after = 0;
for (const weight of ['400', '600']) {
  for (const [subset, ranges] of Object.entries(SUBSETS)) {
    const file = `be-vietnam-pro-${subset}-${weight}-normal.woff2`;
    const rule = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]).find((body) => body.includes(`fonts/${file}`));
    const declared = rule?.match(/unicode-range:\s*([^;]+);/)?.[1].trim();
    if (declared !== unicodeRange(ranges)) {
      console.error(`subset-fonts: style.css's @font-face for ${file} must say\n  unicode-range: ${unicodeRange(ranges)};\nnot\n  ${declared}`);
      process.exit(1);
    }
    const source = readFileSync(join(SOURCE, file));
    const cut = await subsetFont(source, text(ranges), { targetFormat: 'woff2' });
    writeFileSync(join(out, file), cut);
    before += source.length;
    after += cut.length;
  }
}
console.log(`subset-fonts: Be Vietnam Pro ${before} -> ${after} bytes (4 woff2 files in ${out})`);
