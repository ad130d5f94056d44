// The first-paint snapshot (issue 9, part 1; src/snapshot.rs, src/bin/chiso-prerender.rs): the
// links most readers open arrive with their first screen in the HTML, rendered at build time by
// the app's own components. These tests read that screen as a reader meets it — with JavaScript
// off, and with JavaScript on while the wasm is still on its way (held back or refused by the
// test) — and check that:
//   - it is the link's own ranking, row for row what the app then renders for the same link;
//   - a link that has no snapshot shows none (never another link's state) but the app's loading
//     line, which says so if the app cannot start, and no title other than its own ever appears
//     while the page starts;
//   - when the app takes over nothing moves (layout shifts summed, as the CLS metric counts them)
//     and no snapshot is left behind;
//   - its chart follows the reader's dark colours.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordCspViolations, cspViolations, ROW, screenshot, tid, useSiteAndBrowser } from './helpers.mjs';

const PHONE = { width: 412, height: 823 };
/** The links with a snapshot (chiso-prerender's LINKS), as a reader's address may write them. */
const SNAPSHOT_LINKS = ['/', '/?group=districts', '/?ds=pci', '/?ds=papi', '/?ds=par-index', '/?v=1&embed=1&eid=chiso-abc123',
  '/?view=whatif', '/?ds=pci&view=whatif'];

/** A fresh phone-sized page; `wasm`: 'refuse' (never arrives), 'hold' (until `release()`), or normal. */
async function open(env, path, { js = true, wasm, colorScheme } = {}) {
  const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: js, colorScheme, locale: 'vi-VN' });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  const log = { pageErrors: [] };
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  let release = () => {};
  if (wasm === 'refuse') await page.route(/\.wasm$/, (route) => route.abort());
  if (wasm === 'hold') {
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  }
  await page.goto(new URL(path, env.origin).href);
  return { page, context, log, release: () => release() };
}

/** The ranking (or what-if) rows on the screen, as text (the embed's table is folded, so
 * textContent), with the value of every input (a slider's position, a number box). */
const rowTexts = (page) => page.$$eval(`${ROW}, ${tid('whatif-row')}, input`, (rows) => rows.map((r) => (r.tagName === 'INPUT'
  ? `${r.dataset.testid ?? r.type}=${r.value}` : r.textContent.normalize('NFC').replace(/\s+/g, ' ').trim())));

/** Titles, chart and table as they stand: what a reader sees, and where. */
const layout = (page) => page.evaluate(() => ['[data-testid=title]', '[data-testid=chart]', '[data-testid=ranking-table]', '.sources']
  .map((sel) => {
    const el = document.querySelector(sel);
    if (!el) return `${sel}: none`;
    const r = el.getBoundingClientRect();
    return `${sel}: top ${Math.round(r.top)}, height ${Math.round(r.height)}`;
  }));

/** Waits until the app has put its own view in place of the snapshot. */
async function appReady(page) {
  await page.waitForFunction(() => !document.querySelector('#chiso-root > [data-snapshot]')
    && document.querySelector('[data-testid=app] [data-testid=title]'));
}

describe('the first-paint snapshot', () => {
  const env = useSiteAndBrowser();

  test('with JavaScript off, the default page is the whole ranking with its sources', async () => {
    const { page, context } = await open(env, '/', { js: false });
    try {
      await screenshot(page, 'snapshot-no-javascript');
      assert.match(await page.textContent(tid('title')), /^Chỉ số CCHC \d{4}$/);
      assert.equal(await page.locator(`${tid('chart')} svg rect.bar`).count() > 0, true, 'the chart is drawn as SVG');
      const rows = await page.$$eval(ROW, (trs) => trs.map((r) => r.textContent.trim()));
      assert.ok(rows.length >= 5, `the ranking table has its rows: ${rows.length}`);
      assert.match(rows[0], /^1\D/, 'the first row is rank 1');
      const sources = await page.locator('.sources a[href^="http"]').count();
      assert.ok(sources >= 1, 'the sources are listed with their links');
      assert.equal(await page.locator('noscript').count(), 1);
    } finally {
      await context.close();
    }
  });

  for (const path of SNAPSHOT_LINKS) {
    test(`${path}: the snapshot shows the link's rows, the very rows the app renders`, async () => {
      const before = await open(env, path, { wasm: 'refuse' });
      let snapshotRows;
      let snapshotTitle;
      try {
        await before.page.waitForSelector(`#chiso-root > [data-snapshot] ${tid('title')}`, { state: 'visible' });
        snapshotTitle = await before.page.textContent(tid('title'));
        snapshotRows = await rowTexts(before.page);
        assert.equal(await before.page.locator(tid('title')).count(), 1, 'one snapshot on the screen');
        assert.deepEqual(await cspViolations(before.page), [], 'the snapshot is markup the page policy allows');
      } finally {
        await before.context.close();
      }
      const after = await open(env, path);
      try {
        await appReady(after.page);
        assert.equal(await after.page.textContent(tid('title')), snapshotTitle);
        assert.deepEqual(await rowTexts(after.page), snapshotRows);
        assert.ok(snapshotRows.length > 0);
        assert.deepEqual(after.log.pageErrors, []);
      } finally {
        await after.context.close();
      }
    });
  }

  // Links whose state no snapshot shows: another year, a filter, the other language, a theme.
  for (const [path, title] of [
    ['/?group=districts&top=5', /^Chỉ số CCHC \d{4}$/],
    ['/?ds=pci&year=2016', /^PCI 2016$/],
    ['/?lang=en', /^PAR Index \d{4}$/],
    ['/?ds=pci&theme=dark', /^PCI 2023$/],
    // Another format version is another link (the app says why it reads it as it does).
    ['/?v=2&ds=pci', /^PCI 2023$/],
  ]) {
    test(`${path}: no other link's snapshot, neither before the wasm nor while the app starts`, async () => {
      const early = await open(env, path, { wasm: 'refuse' });
      try {
        await early.page.waitForLoadState('load');
        assert.equal(await early.page.locator(`#chiso-root > div[data-snapshot] ${tid('title')}`).count(), 0,
          'no snapshot is shown');
        assert.equal(await early.page.locator(`${tid('title')}:visible`).count(), 0, 'no title is on the screen');
        // In its place, the app's loading line; the wasm never comes, and the line says so.
        const line = early.page.locator(`#chiso-root > div[data-snapshot] ${tid('boot-loading')}`);
        const lang = path.includes('lang=en') ? 'en' : 'vi';
        await assert.doesNotReject(line.filter({ hasText: lang === 'en' ? 'could not start' : 'Không khởi động được' })
          .waitFor({ timeout: 10_000 }), 'the loading line says the app could not start');
        assert.deepEqual(await cspViolations(early.page), [],
          'the loading line breaks no rule of the page\'s policy');
      } finally {
        await early.context.close();
      }
      // Every title that is ever on the screen while the page starts, frame by frame.
      const context = await env.browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
      await context.addInitScript(() => {
        window.__titles = new Set();
        const look = () => {
          for (const el of document.querySelectorAll('[data-testid=title]')) {
            if (el.getClientRects().length > 0) window.__titles.add(el.textContent);
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
        new MutationObserver(look).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      try {
        await page.goto(new URL(path, env.origin).href);
        await appReady(page);
        const seen = await page.evaluate(() => [...window.__titles]);
        assert.ok(seen.length >= 1, 'the app shows its title');
        for (const t of seen) assert.match(t, title, `only the link's own title is ever shown: ${JSON.stringify(seen)}`);
      } finally {
        await context.close();
      }
    });
  }

  for (const path of ['/', '/?ds=pci', '/?v=1&embed=1&eid=chiso-abc123', '/?ds=pci&view=whatif']) {
    test(`${path}: when the app takes over, nothing moves and no snapshot is left`, async () => {
      const { page, context, log, release } = await open(env, path, { wasm: 'hold' });
      try {
        await page.evaluate(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.waitForSelector(`#chiso-root > [data-snapshot] ${tid('chart')} svg`);
        const snapshotLayout = await layout(page);
        await screenshot(page, `snapshot-first-paint-${path}`);
        release();
        await appReady(page);
        await page.waitForTimeout(200);
        assert.deepEqual(await layout(page), snapshotLayout, 'title, chart, table and sources stay where they were');
        const shift = await page.evaluate(() => window.__shift);
        assert.ok(shift <= 0.02, `layout shift ${shift} (the target is at most 0.02)`);
        assert.equal(await page.locator('[data-snapshot]').count(), 0, 'no snapshot or template is left');
        assert.equal(await page.locator(tid('title')).count(), 1);
        assert.deepEqual(log.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the snapshot\'s chart takes the reader\'s dark colours', async () => {
    const { page, context } = await open(env, '/', { wasm: 'refuse', colorScheme: 'dark' });
    try {
      const bar = page.locator(`${tid('chart')} svg rect.bar`).first();
      await bar.waitFor();
      const [fill, background] = await Promise.all([
        bar.evaluate((el) => getComputedStyle(el).fill),
        page.locator(`${tid('chart')} svg rect.background`).evaluate((el) => getComputedStyle(el).fill),
      ]);
      assert.equal(fill, 'rgb(122, 184, 234)', 'the dark palette\'s bar colour');
      assert.equal(background, 'rgb(20, 24, 29)', 'the dark page background');
      await screenshot(page, 'snapshot-dark');
    } finally {
      await context.close();
    }
  });
});
