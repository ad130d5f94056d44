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

describe('the national PAR INDEX, partly published', () => {
  const env = useSiteAndBrowser();

  test('2023: 15 scores and 5 ranks published; the other 43 provinces shown as unpublished', async (t) => {
    await withPage(t, env, '/?ds=par-index&year=2023', { width: 1280, height: 900 }, async ({ page, log }) => {
      const rows = `${tid('ranking-table')} ${tid('row')}`;
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 63, rows);
      const all = (await page.locator(rows).allInnerTexts()).map(norm);
      assert.match(all[0], /^1 Quảng Ninh .*92,18%/, all[0]);
      // Long An's 7th place was published without its score: the rank stays, the score is not invented.
      const longAn = all.find((r) => /Long An/.test(r));
      assert.match(longAn, /^7 Long An .*chưa công bố/, longAn);
      assert.equal(all.filter((r) => /chưa công bố/.test(r)).length, 63 - 15);
      assert.equal(all.filter((r) => /^\d/.test(r)).length, 15 + 5, 'every published rank is shown');
      assert.ok(all.every((r) => !/0,00/.test(r)), 'no unpublished score drawn as zero');
      assert.equal(await page.locator(tid('rank-computed')).count(), 0, 'no rank is computed in a partial block');
      const label = norm(await page.locator(tid('chart')).getAttribute('aria-label'));
      assert.match(label, /Biểu đồ gồm 15 đơn vị có điểm công bố/, label);
      // The page says how much is published.
      assert.match(norm(await page.locator(tid('summary')).innerText()), /15\/63/);
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('a changed score in the partial block gets an honest rank range', async (t) => {
    await withPage(t, env, '/?ds=par-index&year=2023&view=whatif&unit=an-giang&set=an-giang:90', {}, async ({ page }) => {
      const line = norm(await page.locator(`${tid('result-line')} .focus`).innerText());
      // 6 published scores are above 90; the four at 7th–10th lie between 88,72 and 90,76: 7–11.
      assert.match(line, /^An Giang: hạng 63 → 7–11$/, line);
    });
  });
});
