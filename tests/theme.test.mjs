// The two palettes — light and dark — in their two homes: src/theme.rs (the charts) and style.css
// (the page). No browser: the files are read as text. Checks that
//   - the CSS's two dark blocks (forced and automatic) are the same list;
//   - every chart colour in theme.rs is the CSS custom property of the same name;
//   - every text colour meets WCAG 2.1 AA (4.5:1) on each background it is used on, and the
//     bars, focus ring and the mean line (graphics) meet 3:1 on the page background.
// axe-core (tests/a11y.test.mjs) checks the contrast of the text actually on screen; the chart is
// a canvas, invisible to axe, which is why the palette is checked here.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const css = readFileSync(join(ROOT, 'style.css'), 'utf8');
const rust = readFileSync(join(ROOT, 'src', 'theme.rs'), 'utf8');

/** The `--name: #hex;` declarations of the first CSS block whose selector is exactly `selector`. */
function cssBlock(selector) {
  const start = css.indexOf(`${selector} {`);
  assert.notEqual(start, -1, `style.css has a \`${selector}\` block`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}

/** The fields of `pub const NAME: Theme = Theme { ... }` in theme.rs. */
function rustTheme(name) {
  const m = rust.match(new RegExp(`pub const ${name}: Theme = Theme \\{([^}]*)\\}`));
  assert.ok(m, `src/theme.rs defines ${name}`);
  return Object.fromEntries([...m[1].matchAll(/(\w+):\s*"(#[0-9a-f]{6})"/gi)].map((f) => [f[1], f[2].toLowerCase()]));
}

/** theme.rs field -> CSS custom property. */
const cssName = (field) => (field === 'background' ? 'bg' : field.replace(/_/g, '-'));

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// What is drawn on what (see style.css): [foreground, backgrounds, minimum ratio].
const PAIRS = [
  ['text', ['bg', 'panel', 'warn-bg', 'error-bg', 'selected-bg'], 4.5],
  ['muted', ['bg', 'panel', 'warn-bg', 'error-bg', 'selected-bg'], 4.5],
  ['accent', ['bg', 'panel'], 4.5],
  ['accent-text', ['accent'], 4.5],
  ['selected', ['bg', 'selected-bg'], 4.5],
  ['mean', ['bg'], 4.5],
  ['up', ['bg', 'selected-bg'], 4.5],
  ['down', ['bg', 'selected-bg'], 4.5],
  ['bar', ['bg'], 3],
  ['bar-selected', ['bg'], 3],
  ['focus', ['bg', 'panel'], 3],
];

const light = cssBlock(':root');
const darkForced = cssBlock(':root[data-theme="dark"]');
const darkAuto = cssBlock(':root:not([data-theme="light"])');

describe('colour palettes', () => {
  test('the forced and the automatic dark blocks are the same list', () => {
    assert.deepEqual(darkAuto, darkForced);
    assert.deepEqual(Object.keys(darkForced).sort(), Object.keys(light).sort(), 'dark sets every light colour');
  });

  test('the charts use the page colours (theme.rs = style.css)', () => {
    for (const [name, block] of [['LIGHT', light], ['DARK', darkForced]]) {
      const theme = rustTheme(name);
      assert.ok(Object.keys(theme).length >= 7, `${name} has its fields`);
      for (const [field, hex] of Object.entries(theme)) {
        assert.equal(block[cssName(field)], hex, `${name}.${field} is --${cssName(field)} in style.css`);
      }
    }
  });

  for (const [name, palette] of [['light', light], ['dark', darkForced]]) {
    test(`${name}: every pair meets WCAG AA`, () => {
      const failures = [];
      for (const [fg, bgs, min] of PAIRS) {
        for (const bg of bgs) {
          const ratio = contrast(palette[fg], palette[bg]);
          if (!(ratio >= min)) failures.push(`--${fg} on --${bg}: ${ratio.toFixed(2)} < ${min}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
