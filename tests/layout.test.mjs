// Data in the first screen of a phone (issue 8, part 6): at 360 x 740 every full page shows its
// chart (or its table) within the first 400 px, as the compact embed does. The controls fold
// into one bar there; pressing it shows the block, year and filter controls with their labels.
// A screenshot of each page is saved in target/screenshots/ for a person to look at.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SCREENSHOT_DIR, tid, withPage, useSiteAndBrowser, chartInteractive } from './helpers.mjs';

const PHONE = { width: 360, height: 740 };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The first screen of a phone, less room for the browser's own bars. */
const FIRST_SCREEN_PX = 400;

/** Saves what the first screen shows (the viewport, not the whole page) as first-screen-<name>.png. */
async function firstScreen(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `first-screen-${name}.png`) });
}

/** Top (CSS px from the top of the page) of the first element matching `selector`. */
function topOf(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el ? el.getBoundingClientRect().top + window.scrollY : null;
  }, selector);
}

// [name, path, what the page draws when it is ready, what must start in the first screen].
// On the what-if pages the data of the first screen is the result line (the selected unit's rank
// and its move, which stays in view while the editors scroll); the rescored chart follows the
// editors, so that a slider and its effect are both on screen.
const PAGES = [
  ['ranking (default page)', '/', tid('chart'), tid('chart')],
  ['ranking, PCI', '/?ds=pci', tid('chart'), tid('chart')],
  ['what-if', '/?view=whatif', tid('result-line'), tid('result-line')],
  ['what-if, PCI', '/?ds=pci&view=whatif', tid('result-line'), tid('result-line')],
  ['robustness, PCI', '/?ds=pci&view=sensitivity', `${tid('chart')} svg`, `${tid('chart')}, ${tid('sensitivity-table')}, table`],
  ['year on year', '/?view=compare', `${tid('chart')} svg`, tid('chart')],
  ['year on year, districts', '/?view=compare&group=districts', `${tid('chart')} svg`, tid('chart')],
];

describe('the first screen of a phone', () => {
  const env = useSiteAndBrowser();

  for (const [name, path, ready, first] of PAGES) {
    test(`${name} at 360x740: data starts within ${FIRST_SCREEN_PX}px`, async (t) => {
      await withPage(t, env, path, PHONE, async ({ page, log }) => {
        await page.locator(ready).first().waitFor({ state: 'attached' });
        // Measured in the page's own font (line heights differ in the fallback).
        await page.evaluate(() => document.fonts.ready);
        const top = await topOf(page, first);
        await firstScreen(page, name.replace(/[^a-z0-9]+/gi, '-'));
        t.diagnostic(`${path}: ${first} starts at ${Math.round(top)}px`);
        assert.ok(top !== null, `${first} is on the page`);
        assert.ok(top < FIRST_SCREEN_PX, `${first} starts at ${Math.round(top)}px`);
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= PHONE.width, `the page is ${scrollWidth}px wide`);
        assert.deepEqual(log.pageErrors, []);
      });
    });
  }

  test('the compact bar says the block, year and filter, and opens to every control', async (t) => {
    await withPage(t, env, '/?group=districts&top=5', PHONE, async ({ page }) => {
      await page.locator(tid('chart')).waitFor();
      const toggle = page.locator(tid('controls-toggle'));
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      const line = (await toggle.innerText()).normalize('NFC').replace(/\s+/g, ' ');
      assert.match(line, /quận, huyện, thị xã/, line);
      assert.match(line, /2024/, line);
      assert.match(line, /5/, line);
      const box = await toggle.boundingBox();
      assert.ok(box.height >= 44 && box.height < 70, `one line, a touch target: ${box.height}px`);
      // Folded: the controls are not shown.
      assert.equal(await page.locator(tid('year-select')).isVisible(), false);
      // Opened from the keyboard, each control is there with its label.
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      for (const id of ['group-districts', 'year-select', 'kind-select', 'limit-select', 'search', 'dataset-select']) {
        assert.ok(await page.locator(tid(id)).isVisible(), `${id} is shown`);
      }
      const labels = await page.$$eval('.controls-body label.field > span', (spans) => spans.map((s) => s.textContent.trim()));
      assert.ok(labels.includes('Năm'), JSON.stringify(labels));
      // Choosing a year keeps the bar open and says the new year.
      await page.locator(tid('year-select')).selectOption('2022');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('2022'), tid('controls-toggle'));
      await firstScreen(page, 'controls-open');
      // Escape folds it again and gives the focus back to the bar; so does pressing the bar.
      await page.keyboard.press('Escape');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.ok(await toggle.evaluate((el) => el === document.activeElement), 'the bar has the focus');
      await toggle.click();
      assert.ok(await page.locator(tid('year-select')).isVisible());
      await toggle.click();
      assert.equal(await page.locator(tid('year-select')).isVisible(), false);
    });
  });

  for (const theme of ['light', 'dark']) {
    test(`axe finds nothing on a phone with the bar open (${theme})`, async (t) => {
      await withPage(t, env, `/?lang=en&theme=${theme}`, PHONE, async ({ page }) => {
        await chartInteractive(page);
        await page.locator(tid('controls-toggle')).click();
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(() => window.axe.run(document).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)));
        assert.deepEqual(violations, []);
      });
    });
  }

  test('on a wide screen the controls are shown as before, with no bar', async (t) => {
    await withPage(t, env, '/', { width: 1024, height: 800 }, async ({ page }) => {
      await page.locator(tid('chart')).waitFor();
      assert.equal(await page.locator(tid('controls-toggle')).isVisible(), false);
      assert.ok(await page.locator(tid('year-select')).isVisible());
      assert.ok(await page.locator(tid('group-departments')).isVisible());
    });
  });
});

describe('a what-if you can see', () => {
  const env = useSiteAndBrowser();

  /** Moves PCI 2023's labour-training slider for Hà Nội to 9.8 and returns what is in view. */
  async function moveSlider(page, viewport) {
    await page.locator(tid('whatif-view')).waitFor();
    const slider = page.locator(tid('component-labour_training'));
    await slider.scrollIntoViewIfNeeded();
    await slider.evaluate((el) => {
      el.value = '9.8';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator(`${tid('result-line')} >> text=→`).waitFor();
    return page.evaluate((h) => {
      const inView = (sel) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < h && r.bottom > 0;
      };
      return {
        line: inView('[data-testid=result-line]'),
        slider: inView('[data-testid=component-labour_training]'),
        chart: inView('[data-testid=whatif-view] [data-testid=chart]'),
      };
    }, viewport.height);
  }

  test('phone: after moving a slider, the new rank and its neighbours stay in view', async (t) => {
    await withPage(t, env, '/?ds=pci&year=2023&view=whatif&unit=ha-noi', PHONE, async ({ page }) => {
      const seen = await moveSlider(page, PHONE);
      assert.deepEqual({ line: seen.line, slider: seen.slider }, { line: true, slider: true });
      const focus = (await page.locator(`${tid('result-line')} .focus`).innerText()).normalize('NFC');
      assert.match(focus, /^Hà Nội: hạng \d+ → \d+$/, focus);
      // The excerpt: Hà Nội with one unit on each side, in the rescored order.
      const rows = await page.locator(tid('neighbour')).allInnerTexts();
      assert.ok(rows.length >= 2 && rows.length <= 3, rows.join(' | '));
      assert.equal(await page.locator(`${tid('neighbour')}.selected`).count(), 1);
      assert.match((await page.locator(`${tid('neighbour')}.selected`).innerText()).normalize('NFC'), /Hà Nội/);
    });
  });

  test('phone: a rank range in the excerpt stays in its column, its numbers on one line', async (t) => {
    await withPage(t, env, '/?year=2023&view=whatif&unit=thanh-tra-thanh-pho', PHONE, async ({ page }) => {
      await page.locator(tid('whatif-view')).waitFor();
      const input = page.locator(tid('total-input'));
      await input.fill('85');
      await input.press('Enter');
      const selected = page.locator(`${tid('neighbour')}.selected`);
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('12–22'), `${tid('neighbour')}.selected .n-rank`);
      const boxes = await selected.evaluate((li) => {
        // The rank's text, wherever it runs (its box stays the column's when the text overflows).
        const text = document.createRange();
        text.selectNodeContents(li.querySelector('.n-rank'));
        const range = [...li.querySelectorAll('.n-rank span')].find((s) => s.textContent.includes('–'));
        return {
          rank: text.getBoundingClientRect(),
          name: li.querySelector('.n-name').getBoundingClientRect(),
          rangeLines: range ? range.getClientRects().length : 0,
        };
      });
      assert.ok(boxes.rank.right <= boxes.name.left + 0.5, `the rank (right ${boxes.rank.right}) runs into the name (left ${boxes.name.left})`);
      assert.equal(boxes.rangeLines, 1, '"12–22" is not broken after its dash');
    });
  });

  test('wide screen: after moving a slider, the new rank and the re-sorted chart are in view', async (t) => {
    const WIDE = { width: 1280, height: 900 };
    await withPage(t, env, '/?ds=pci&year=2023&view=whatif&unit=ha-noi', WIDE, async ({ page }) => {
      const seen = await moveSlider(page, WIDE);
      assert.deepEqual(seen, { line: true, slider: true, chart: true });
    });
  });
});
