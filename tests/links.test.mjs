// Links shared today keep working: a sample of tests/links.tsv (every third link, and every one
// the page must warn about) opened in the browser. Each draws its view without an error, shows
// the link notice exactly when the corpus records warnings (a refused data= file shows the error
// panel instead, and fetches nothing), and its canonical query opens the same title. The states themselves are checked natively for every line (crates/engine/tests/links.rs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, appTookOver, tid, withPage, useSiteAndBrowser } from './helpers.mjs';

const corpus = readFileSync(join(ROOT, 'tests', 'links.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('link\t'))
  .map((l) => {
    const [link, state, warnings] = l.split('\t');
    return { link: link === '(empty)' ? '' : link, state: state === '(default)' ? '' : state, warnings };
  });
const sample = corpus.filter((c, i) => i % 3 === 0 || c.warnings !== '-');

/** Opens `path` in `page` and returns the title and whether the link notice shows. */
async function open(page, origin, path) {
  await page.goto(`${origin}/${path.startsWith('?') || path === '' ? path : `?${path}`}`);
  await appTookOver(page);
  const title = page.locator(`${tid('title')}, ${tid('error-panel')}`).first();
  await title.waitFor({ timeout: 30_000 });
  // Let the view settle (the notice is drawn with the view).
  await page.waitForTimeout(50);
  return { title: (await title.innerText()).trim(), notice: await page.locator(tid('url-notice')).count() };
}

describe('the link corpus in the browser', () => {
  const env = useSiteAndBrowser();

  test(`${sample.length} shared links open their recorded state`, async (t) => {
    assert.ok(corpus.length >= 40, `corpus has ${corpus.length} links`);
    await withPage(t, env, '/', { width: 1280, height: 900 }, async ({ page, log }) => {
      for (const c of sample) {
        const opened = await open(page, env.origin, c.link);
        if (c.warnings.includes('data:')) {
          // A file the link may not load: the error panel says so, and nothing else is drawn.
          assert.equal(await page.locator(tid('error-panel')).count(), 1, `${c.link}: error panel`);
          continue;
        }
        assert.equal(opened.notice > 0, c.warnings !== '-', `${c.link}: notice shown ${opened.notice}, warnings ${c.warnings}`);
        const again = await open(page, env.origin, c.state ? `?${c.state}` : '');
        assert.equal(again.title, opened.title, `${c.link} and its canonical ?${c.state} open the same title`);
        assert.equal(again.notice, 0, `the canonical ?${c.state} opens without a notice`);
      }
      assert.deepEqual(log.pageErrors, []);
    });
  });
});
