// What the page says about computed figures and about years that compare only in part: a
// rank that follows from computed totals carries "tính" like a computed score; a change across
// a gap of years and a change of weights is labelled approximate; a chart of computed totals
// does not call them published. The rules are the engine's (rank.rs, comparability.rs); these
// tests check that a reader sees them.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tid, withPage, useSiteAndBrowser } from './helpers.mjs';

const norm = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('computed figures and approximate changes', () => {
  const env = useSiteAndBrowser();

  test('PCI 2023: a province ranked 31st or lower carries "tính" on its rank', async (t) => {
    await withPage(t, env, '/?ds=pci&year=2023', { width: 1280, height: 900 }, async ({ page }) => {
      await page.locator(tid('ranking-table')).waitFor();
      const rows = await page.$$eval(`${tid('ranking-table')} ${tid('row')}`, (trs) =>
        trs.map((tr) => ({
          rank: tr.querySelector('td.rank')?.innerText ?? '',
          tagged: !!tr.querySelector('[data-testid=rank-computed]'),
        })),
      );
      assert.equal(rows.length, 63);
      const low = rows.filter((r) => Number.parseInt(r.rank, 10) >= 31);
      assert.ok(low.length >= 30, `${low.length} rows ranked 31st or lower`);
      assert.ok(low.every((r) => r.tagged && /tính/.test(r.rank)), JSON.stringify(low.slice(0, 3)));
      // The change on 2016 crosses seven years and a change of weights: labelled approximate.
      const heading = norm(await page.locator(`${tid('ranking-table')} thead`).textContent());
      assert.match(heading, /So với 2016 \(gần đúng\)/, heading);
      const note = norm(await page.locator(tid('change-note')).innerText());
      assert.match(note, /Thay đổi so với năm 2016 chỉ là gần đúng: .*hai năm cách nhau 7 năm/, note);
      // The chart labels say it too.
      const label = await page.locator(tid('chart')).getAttribute('aria-label');
      assert.match(norm(label), /do trang tính/, label);
    });
  });

  test('PCI 2016: published ranks carry no tag; 2015 -> 2016 is one year apart', async (t) => {
    await withPage(t, env, '/?ds=pci&year=2016&lang=en', { width: 1280, height: 900 }, async ({ page }) => {
      await page.locator(tid('ranking-table')).waitFor();
      assert.equal(await page.locator(tid('rank-computed')).count(), 0);
      const heading = norm(await page.locator(`${tid('ranking-table')} thead`).textContent());
      assert.match(heading, /Change on 2015/, heading);
    });
  });

  test('PAPI: a chart of computed totals does not call them published', async (t) => {
    await withPage(t, env, '/?ds=papi', { width: 1280, height: 900 }, async ({ page }) => {
      await page.locator(tid('chart')).waitFor();
      const caption = norm(await page.locator('.chart-caption').first().innerText());
      assert.doesNotMatch(caption, /điểm công bố/, caption);
      assert.match(caption, /63 đơn vị có điểm do trang tính/, caption);
    });
  });
});
