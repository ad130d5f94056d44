// End-to-end tests of the built site (dist/) in headless Chromium: does the page wire the engine
// to what a person sees? The ranking maths itself is tested natively in crates/engine.
//
// Hooks the app provides (data-testid unless said otherwise):
//   ranking-table        the ranking; each unit is a `row` with a non-empty data-unit attribute
//   group-<id>           a button per block of the dataset (group-departments, group-districts),
//                        aria-pressed="true" on the one shown
//   year-select          <select> of years, options labelled with the year
//   search               text box that filters the rows (accent-insensitive: "dong da" finds Đống Đa)
//   chart                the chart's box (role=img): an inline <svg> until ECharts is loaded, then
//                        ECharts' <canvas>
//   error-panel          shown, with a message, when the dataset cannot be loaded
// URL: ?data=<same-origin relative path> loads another dataset instead of data/hanoi-cchc.json.

import assert from 'node:assert/strict';

import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, ROW, rowTexts, selectByLabel, tid, waitForFirstRow, waitForRowCount, withPage, useSiteAndBrowser, chartInteractive } from './helpers.mjs';

/** Shows a block (a dataset group) by clicking its button, as a person would. */
async function chooseGroup(page, groupId) {
  const button = page.locator(tid(`group-${groupId}`));
  await button.click();
  await page.locator(`${tid(`group-${groupId}`)}[aria-pressed="true"]`).waitFor();
}

describe('chiso in the browser', () => {
  const env = useSiteAndBrowser();

  test('page loads with no console error and no request to another origin', async (t) => {
    await withPage(t, env, '/', {}, async ({ page, log }) => {
      await waitForFirstRow(page, 'Sở');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(log.pageErrors, [], 'uncaught errors or panics');
      assert.deepEqual(log.consoleErrors, [], 'console errors');
      assert.deepEqual(log.failedRequests, [], 'failed requests');
      assert.deepEqual(log.foreignRequests, [], 'requests to another origin');
    });
  });

  test('departments 2024, the latest year: Sở Nội vụ is first with 95,77%', async (t) => {
    await withPage(t, env, '/', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ', '95,77');
      assert.match((await page.locator(tid('title')).innerText()).normalize('NFC'), /Chỉ số CCHC 2024/);
      // 23 departments in 2024, five of them named with a score: 18 counted, never invented.
      assert.match(await page.locator(tid('unnamed-units')).innerText(), /18 đơn vị khác/);
    });
  });

  test('departments 2023: Sở Nội vụ is first with 94,25', async (t) => {
    await withPage(t, env, '/?year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ', '94,25');
      const units = await page.$$eval(ROW, (rows) => rows.map((r) => r.getAttribute('data-unit')));
      assert.ok(units.length > 1, 'more than one row');
      assert.ok(units.every((u) => u && u.trim() !== ''), `every row has data-unit: ${JSON.stringify(units)}`);
      assert.equal(new Set(units).size, units.length, 'data-unit values are distinct');
    });
  });

  test('switching the block to districts shows Đống Đa first', async (t) => {
    await withPage(t, env, '/?year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      await chooseGroup(page, 'districts');
      await waitForFirstRow(page, 'Đống Đa');
    });
  });

  test('searching "dong da" among districts leaves only Đống Đa', async (t) => {
    await withPage(t, env, '/?year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      await chooseGroup(page, 'districts');
      await waitForFirstRow(page, 'Đống Đa');
      // Typed key by key, as a person would, without Vietnamese diacritics.
      await page.locator(tid('search')).pressSequentially('dong da');
      await waitForRowCount(page, 1);
      const rows = await rowTexts(page);
      assert.match(rows[0], /Đống Đa/);
    });
  });

  test('year 2022, departments: Sở Lao động, Thương binh và Xã hội is first', async (t) => {
    await withPage(t, env, '/', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      await chooseGroup(page, 'departments');
      await selectByLabel(page, 'year-select', /2022/);
      await waitForFirstRow(page, 'Sở Lao động, Thương binh và Xã hội');
    });
  });

  test('the first screen draws its chart as SVG and fetches neither ECharts nor a dataset twice', async (t) => {
    await withPage(t, env, '/', { width: 360, height: 740 }, async ({ page, log }) => {
      // Hold ECharts back, as a slow network would: the first screen must not need it. (The
      // first load settles first, so that only the reload's requests are counted.)
      await page.waitForLoadState('networkidle');
      const requested = [];
      page.on('request', (req) => requested.push(new URL(req.url()).pathname));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/echarts\.min-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
      await page.reload();
      await waitForFirstRow(page, 'Sở');
      const chart = page.locator(tid('chart')).first();
      await chart.locator('svg').waitFor({ state: 'attached' });
      assert.equal(await chart.getAttribute('role'), 'img');
      assert.match(await chart.getAttribute('aria-label'), /Sở/, 'the same text alternative as the canvas chart');
      const bars = await chart.locator('svg rect.bar').count();
      assert.ok(bars > 0, 'the SVG draws the bars');
      assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'ECharts is not needed to draw');
      const svgBox = await chart.boundingBox();
      const [svgWidth, svgHeight] = await chart.locator('svg').evaluate((el) => [el.width.baseVal.value, el.height.baseVal.value]);
      assert.deepEqual([Math.round(svgWidth), Math.round(svgHeight)], [Math.round(svgBox.width), Math.round(svgBox.height)], 'the SVG fills the box');
      // Idle, the page downloads ECharts ahead without running it: still SVG.
      await page.waitForFunction(() => document.querySelector('link[rel="prefetch"][data-chiso-echarts]'));
      assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'a reader who only reads never runs ECharts');
      // A pointer over the chart brings ECharts in, and its chart takes the same box over:
      // nothing below moves.
      release();
      await chart.hover({ position: { x: 4, y: 4 } });
      await chart.locator('canvas').waitFor({ state: 'attached' });
      assert.equal(await chart.locator('svg rect.bar').count(), 0, 'the SVG is gone');
      assert.deepEqual(await chart.boundingBox(), svgBox);
      const datasetFetches = requested.filter((p) => p.endsWith('/data/hanoi-cchc.json'));
      assert.equal(datasetFetches.length, 1, `the dataset is fetched once (its preload is used): ${datasetFetches}`);
      assert.deepEqual(log.consoleErrors, []);
    });
  });

  test('the chart becomes interactive on hover/tap', async (t) => {
    await withPage(t, env, '/', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở');
      const chart = page.locator(tid('chart')).first();
      await chart.locator('svg, canvas').first().waitFor({ state: 'attached' });
      // A reader's tap (pointerdown) loads ECharts at once.
      const box = await chart.boundingBox();
      await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
      await page.mouse.down();
      await page.mouse.up();
      await chart.locator('canvas').first().waitFor({ state: 'visible' });
      // Hovering a bar shows ECharts' tooltip with the unit and its score.
      await page.waitForFunction((sel) => window.echarts?.getInstanceByDom(document.querySelector(sel)), tid('chart'));
      await page.mouse.move(box.x + box.width * 0.6, box.y + 45);
      await page.mouse.move(box.x + box.width * 0.6, box.y + 50);
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(`${sel} div`)].some((d) => /Sở .*: \d+,\d+/.test(d.textContent) && d.style.display !== 'none'),
        tid('chart'),
        { polling: 200 },
      );
    });
  });

  test('the chart is drawn on a canvas', async (t) => {
    await withPage(t, env, '/', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở');
      // A pointer over the chart brings ECharts in.
      await chartInteractive(page);
      const canvas = page.locator(`${tid('chart')} canvas`).first();
      await canvas.waitFor({ state: 'visible' });
      const box = await canvas.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `canvas has a size: ${JSON.stringify(box)}`);
      // Painted pixels: enough of them, and the same on two looks 300 ms apart, so the
      // entry animation is over (and the screenshot shows the finished chart).
      await page.waitForFunction((sel) => {
        const c = document.querySelector(sel);
        if (!c || c.width === 0 || c.height === 0) return false;
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let painted = 0;
        let checksum = 0;
        for (let i = 0; i < data.length; i += 4 * 7) {
          if (data[i + 3] !== 0) painted += 1;
          checksum = (checksum * 31 + data[i] + data[i + 1] + data[i + 2] + data[i + 3]) % 1e9;
        }
        const look = `${painted}:${checksum}`;
        const same = window.chisoTestLastLook === look;
        window.chisoTestLastLook = look;
        return painted > 200 && same;
      }, `${tid('chart')} canvas`, { polling: 300 });
    });
  });

  test('a broken dataset shows the error panel instead of crashing', async (t) => {
    await withPage(t, env, '/?data=fixtures/broken.json', {}, async ({ page, log }) => {
      const panel = page.locator(tid('error-panel'));
      await panel.waitFor({ state: 'visible' });
      assert.notEqual((await panel.innerText()).trim(), '', 'the error panel says something');
      assert.deepEqual(log.pageErrors, [], 'no uncaught error or panic');
      assert.equal(await page.locator(ROW).count(), 0, 'no ranking rows from a broken file');
    });
  });

  test('a dataset that is not there shows the error panel', async (t) => {
    await withPage(t, env, '/?data=fixtures/does-not-exist.json', {}, async ({ page, log }) => {
      const panel = page.locator(tid('error-panel'));
      await panel.waitFor({ state: 'visible' });
      assert.notEqual((await panel.innerText()).trim(), '', 'the error panel says something');
      assert.deepEqual(log.pageErrors, [], 'no uncaught error or panic');
    });
  });

  test('the block average reads as the press wrote it, and the sources are cited', async (t) => {
    await withPage(t, env, '/?year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      const summary = (await page.locator(tid('summary')).innerText()).normalize('NFC');
      assert.match(summary, /Chỉ số CCHC trung bình 88,46%, tăng 2,73% so với năm 2022\./);
      assert.match(summary, /7\/22 đơn vị có điểm được công bố/);
      const sources = (await page.locator(tid('sources')).innerText()).normalize('NFC');
      assert.match(sources, /Tuổi trẻ Thủ đô/);
      // The 15 departments no source names are counted, never invented.
      assert.match(await page.locator(tid('unnamed-units')).innerText(), /15 đơn vị khác/);
    });
  });

  test('unpublished scores are marked, not drawn as zero; rank-only units keep their rank', async (t) => {
    await withPage(t, env, '/?group=districts&year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Đống Đa', '96,38');
      const longBien = page.locator(`${ROW}[data-unit="long-bien"]`);
      const text = (await longBien.innerText()).normalize('NFC').replace(/\s+/g, ' ');
      assert.match(text, /^12 /, `Long Biên keeps its published rank 12: ${text}`);
      assert.match(text, /chưa công bố/);
      assert.doesNotMatch(text, /0,00/);
      // 30 districts are listed; only the 7 with a published score get a bar.
      assert.equal(await page.locator(ROW).count(), 30);
      const aria = (await page.locator(tid('chart')).getAttribute('aria-label')).normalize('NFC');
      assert.match(aria, /7 đơn vị có điểm công bố/);
    });
  });

  test('change against 2022: Ứng Hòa climbs from last (30th) to 19th', async (t) => {
    await withPage(t, env, '/?group=districts&year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Đống Đa');
      const row = (await page.locator(`${ROW}[data-unit="ung-hoa"]`).innerText()).normalize('NFC').replace(/\s+/g, ' ');
      assert.match(row, /^19 Ứng Hòa/);
      assert.match(row, /\+5,03/);
      assert.match(row, /▲11/);
    });
  });

  test('the address bar carries the view, and a shared link reopens it', async (t) => {
    await withPage(t, env, '/?year=2023', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      await chooseGroup(page, 'districts');
      await page.locator(tid('search')).pressSequentially('hoan kiem');
      await waitForRowCount(page, 1);
      // Typing reaches the address bar once the hand stops (src/app.rs URL_IDLE_MS).
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'hoan kiem');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('group'), 'districts');
      assert.equal(url.searchParams.get('q'), 'hoan kiem');
      // Open the copied address in a fresh page: same block, same filter.
      const again = await page.context().newPage();
      await again.goto(url.href);
      await waitForFirstRow(again, 'Hoàn Kiếm', '95,75');
      assert.equal(await again.locator(ROW).count(), 1);
      await again.close();
    });
  });

  test('a hostile address shows a notice and the default view, nothing breaks', async (t) => {
    const hostile = '/?year=%3Cscript%3Ealert(1)%3C%2Fscript%3E&kind=xyz&top=99999999999999999999&q=%FF%FE&unit=..%2F..%2Fetc&data=https%3A%2F%2Fevil.example%2Fx.json';
    await withPage(t, env, '/?year=abc&kind=xyz&top=0&q=%FF%FE&lang=fr', {}, async ({ page, log }) => {
      await waitForFirstRow(page, 'Sở Nội vụ', '95,77');
      const notice = (await page.locator(tid('url-notice')).innerText()).normalize('NFC');
      assert.match(notice, /year=abc/);
      assert.match(notice, /lang=fr/);
      assert.deepEqual(log.pageErrors, []);
    });
    // A data= pointing at another site is refused with the error panel, not fetched.
    await withPage(t, env, hostile, {}, async ({ page, log }) => {
      await page.locator(tid('error-panel')).waitFor({ state: 'visible' });
      assert.deepEqual(log.foreignRequests, [], 'no request leaves our origin');
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('at 360px wide the page does not scroll sideways', async (t) => {
    await withPage(t, env, '/', { width: 360, height: 780 }, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ');
      await chartInteractive(page);
      const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(scrollWidth <= 360, `document is ${scrollWidth}px wide`);
    });
  });
});
