// Accessibility and small screens, in headless Chromium: axe-core (npm `axe-core`, pinned in
// package-lock.json) finds no violation on any view of the app — full explorer, its embed panel,
// the compact embed with its table open, the error panel, the demo article — in Vietnamese and
// English, light and dark; and from 320 px wide nothing scrolls sideways and every control is a
// touch target of at least 44 x 44 px.
//
// axe runs with its default rules (WCAG 2.0/2.1 A and AA plus best practices), injected through
// the DevTools protocol, which the page's Content-Security-Policy does not apply to.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DIST_DIR, ROW, tid, withPage, useSiteAndBrowser, chartInteractive } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; returns its violations as short readable lines. */
async function axeViolations(page, options = {}) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate((opts) => window.axe.run(document, opts).then((r) => r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  }))), options);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

/** Waits for what each view draws last. */
async function ready(page, path) {
  if (path.includes('public-service-units')) {
    // A block no source names a unit of: the page says so, and draws no chart.
    await page.locator(tid('no-unit')).waitFor();
    return;
  }
  if (path.includes('broken')) {
    await page.locator(tid('error-panel')).waitFor();
    return;
  }
  if (path.includes('data.html')) {
    await page.locator(tid('own-data')).waitFor();
    return;
  }
  const rows = path.includes('view=whatif') ? tid('whatif-row')
    : path.includes('view=sensitivity') ? tid('sensitivity-row')
      : path.includes('view=compare') ? tid('compare-row') : ROW;
  await page.locator(rows).first().waitFor({ state: 'attached' });
  await chartInteractive(page);
}

// Each view: [name, path, what to do once it is drawn].
const VIEWS = [
  ['ranking, departments', '/?group=departments', null],
  ['ranking, districts', '/?group=districts', null],
  ['ranking, PAR INDEX 2023 (partly published)', '/?ds=par-index&year=2023', null],
  ['ranking, a block with no unit named (2024)', '/?group=public-service-units', null],
  ['embed code panel open', '/', async (page) => {
    await page.locator(tid('embed-button')).click();
    await page.locator(tid('embed-panel')).waitFor();
  }],
  ['compact embed', '/?embed=1&eid=a11y', null],
  ['compact embed, table open', '/?group=districts&embed=1&eid=a11y', async (page) => {
    await page.locator(`${tid('embed-table')} summary`).click();
    await page.locator(ROW).first().waitFor({ state: 'visible' });
  }],
  ['error panel', '/?data=fixtures/broken.json', null],
  ['downloads menu open', '/?year=2023', async (page) => {
    await page.locator(`${tid('downloads')} summary`).click();
    await page.locator(tid('download-csv')).waitFor();
  }],
  ['your data: a table mapped, with a problem and a warning', '/data.html?v=1&view=data', async (page) => {
    await page.locator(tid('own-text')).fill('Đơn vị;Điểm;Hạng\nA;90;2\nB;80;1\nC;9,5,3;3\n');
    await page.locator(tid('own-problems')).waitFor();
  }],
  ['your data: a valid table', '/data.html?v=1&view=data', async (page) => {
    await page.locator(tid('own-text')).fill('Đơn vị\tCông khai\tThủ tục\nA\t9\t8\nB\t7\t6\n');
    await page.locator(tid('own-mapping')).waitFor();
  }],
  ['what-if, Hanoi with a changed total', '/?year=2023&view=whatif&unit=thanh-tra-thanh-pho&set=thanh-tra-thanh-pho:85', null],
  ['what-if, PCI sub-indices and weights', '/?ds=pci&year=2016&view=whatif&unit=ha-noi&w=equal&set=ha-noi.transparency:7.5', null],
  ['robustness, PCI', '/?ds=pci&year=2016&view=sensitivity', null],
  ['year on year, PCI 2013 to 2016', '/?ds=pci&year=2016&from=2013&view=compare', null],
  ['compact embed of a comparison', '/?view=compare&group=districts&embed=1&eid=a11y', null],
  ['compact embed of a what-if', '/?year=2023&view=whatif&unit=thanh-tra-thanh-pho&set=thanh-tra-thanh-pho:85&embed=1&eid=a11y', null],
];

describe('accessibility', () => {
  const env = useSiteAndBrowser();

  for (const [name, path, act] of VIEWS) {
    test(`axe: no violation on ${name}, in both languages and both themes`, async (t) => {
      const found = [];
      for (const lang of ['vi', 'en']) {
        for (const theme of ['light', 'dark']) {
          const sep = path.includes('?') ? '&' : '?';
          const full = `${path}${sep}lang=${lang}&theme=${theme}`;
          await withPage(t, env, full, { width: 1024 }, async ({ page }) => {
            await ready(page, path);
            if (act) await act(page);
            found.push(...(await axeViolations(page)).map((v) => `${full}: ${v}`));
          });
        }
      }
      assert.deepEqual(found, []);
    });
  }

  test('axe: no violation on the demo article (the iframes have titles)', async (t) => {
    await withPage(t, env, '/embed-demo.html', { width: 1280 }, async ({ page }) => {
      await page.locator('iframe[data-chiso-id]').first().waitFor();
      // The embeds are checked above as pages of their own; here only the article around them.
      assert.deepEqual(await axeViolations(page, { iframes: false }), []);
      const titles = await page.$$eval('iframe', (frames) => frames.map((f) => f.title));
      assert.equal(titles.length, 2);
      assert.ok(titles.every((title) => title.length > 10), JSON.stringify(titles));
    });
  });

  test('a unit chosen from the keyboard keeps the focus on its name, pressed and then released', async (t) => {
    // The table redraws its rows when a unit is chosen: the name pressed must stay the element
    // with the focus (a rebuilt row would drop it to the page's top for a keyboard reader).
    await withPage(t, env, '/?ds=pci', {}, async ({ page }) => {
      await page.locator(ROW).first().waitFor();
      const name = page.locator(`${ROW} button.name`).nth(5);
      const label = (await name.innerText()).normalize('NFC');
      await name.focus();
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        if (el.tagName !== 'BUTTON') return el.tagName;
        return `${el.tagName} ${el.textContent.normalize('NFC').trim()} ${el.getAttribute('aria-pressed')}`;
      });
      await page.keyboard.press('Enter');
      await page.locator(`${ROW}.selected`).waitFor();
      assert.equal(await focused(), `BUTTON ${label} true`);
      await page.keyboard.press('Enter');
      await page.locator(`${ROW}.selected`).waitFor({ state: 'detached' });
      assert.equal(await focused(), `BUTTON ${label} false`);
    });
  });

  test('the chart has a text description, and the table carries every number', async (t) => {
    await withPage(t, env, '/?group=districts&year=2023&embed=1&eid=x', {}, async ({ page }) => {
      await ready(page, '');
      const chart = page.locator(tid('chart'));
      assert.equal(await chart.getAttribute('role'), 'img');
      assert.match((await chart.getAttribute('aria-label')).normalize('NFC'), /Biểu đồ gồm 7 đơn vị .*Đống Đa: 96,38%/);
      assert.equal(await page.locator(ROW).count(), 30, 'every district is in the (folded) table');
    });
  });
});

describe('small screens', () => {
  const env = useSiteAndBrowser();

  /**
   * Controls smaller than 44 x 44 px. Links inside a sentence are exempt (WCAG 2.5.5 "inline");
   * a table row's name button counts as its whole cell, which its ::after covers.
   */
  function smallTargets(page) {
    return page.evaluate(() => {
      const small = [];
      const controls = document.querySelectorAll('button, select, input, textarea, summary, a[href]');
      for (const el of controls) {
        if (el.closest('p, li') && el.tagName === 'A' && !el.classList.contains('open-full')) continue;
        const box = (el.matches('table.ranking button.name') ? el.closest('th') : el).getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not shown (inside a closed <details>)
        if (box.width < 44 || box.height < 44) {
          small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}": ${Math.round(box.width)}x${Math.round(box.height)}`);
        }
      }
      return small;
    });
  }

  const CASES = [
    ['full explorer', '/?group=districts', null],
    ['embed code panel', '/', async (page) => {
      await page.locator(tid('embed-button')).click();
      await page.locator(tid('embed-panel')).waitFor();
    }],
    ['compact embed with its table open', '/?group=districts&embed=1&eid=m', async (page) => {
      await page.locator(`${tid('embed-table')} summary`).click();
      await page.locator(ROW).first().waitFor({ state: 'visible' });
    }],
    ['what-if on PCI', '/?ds=pci&year=2016&view=whatif&unit=ha-noi', null],
    ['robustness on PCI', '/?ds=pci&year=2016&view=sensitivity', null],
    ['year on year on Hanoi', '/?view=compare&group=districts', null],
    ['your data with a table mapped', '/data.html?v=1&view=data', async (page) => {
      await page.locator(tid('own-text')).fill('STT;Tên đơn vị;Công khai;Thủ tục;Tổng điểm;Xếp hạng\n1;Huyện A;8,5;9;85;2\n2;Huyện B;9;9,5;90;1\n');
      await page.locator(tid('own-mapping')).waitFor();
    }],
  ];

  for (const [name, path, act] of CASES) {
    for (const width of [320, 360]) {
      test(`${name} at ${width}px: no sideways scrolling, touch targets of 44px`, async (t) => {
        await withPage(t, env, path, { width, height: 740 }, async ({ page }) => {
          await ready(page, path);
          if (act) await act(page);
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `the page is ${scrollWidth}px wide`);
          assert.deepEqual(await smallTargets(page), []);
        });
      });
    }
  }
});
