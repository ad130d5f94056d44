// Embedding chiso in a news article, in headless Chromium: the compact embed view, the "Nhúng"
// code generator, the auto-height loader (public/embed.js) on the demo article served from
// another origin, language and theme parameters, and the self-contained page (Content-Security-
// Policy enforced, nothing from any other origin).
//
// Hooks (data-testid): embed (the compact chrome), embed-source, open-full, embed-table,
// embed-year-<year>, embed-button, embed-panel, embed-code, embed-copy, lang-vi / lang-en.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  appTookOver, chartInteractive,
  APP_READY_MS, DIST_DIR, ROW, cspViolations, launchBrowser, recordCspViolations, screenshot,
  startServer, tid, waitForFirstRow, withPage, useSiteAndBrowser } from './helpers.mjs';

const DARK_BG = 'rgb(20, 24, 29)'; // --bg of the dark palette (style.css, src/theme.rs DARK)
const LIGHT_BG = 'rgb(255, 255, 255)';

/** Height of the app's content in a page or frame, as the embed reports it. */
const contentHeight = (frame) => frame.evaluate(
  () => Math.ceil(document.getElementById('chiso-root').getBoundingClientRect().height),
);

/** Waits until the chart of a page or frame is drawn and the fonts are in. */
async function chartReady(frame) {
  await chartInteractive(frame);
  await frame.evaluate(() => document.fonts.ready.then(() => true));
}

/** The snippet the "Nhúng" button gives for the page's current view. */
async function generatedSnippet(page) {
  await page.locator(tid('embed-button')).click();
  const code = page.locator(tid('embed-code'));
  await code.waitFor();
  return code.inputValue();
}

/** The attributes of the snippet's iframe, and its script's src. */
function parseSnippet(snippet) {
  const iframe = snippet.match(/<iframe ([^>]*)><\/iframe>/);
  assert.ok(iframe, `the snippet has an iframe: ${snippet}`);
  const attrs = Object.fromEntries([...iframe[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
  const script = snippet.match(/<script src="([^"]+)" async><\/script>/);
  assert.ok(script, `the snippet has the loader script: ${snippet}`);
  return { attrs, loader: script[1] };
}

describe('embedding in a news article', () => {
  const env = useSiteAndBrowser();

  test('?embed=1 shows the compact view: chart, year switch, source line, "Mở đầy đủ"', async (t) => {
    await withPage(t, env, '/?group=districts&year=2023&top=5&embed=1&eid=e1', { width: 640 }, async ({ page, log }) => {
      await page.locator(tid('embed')).waitFor();
      await chartReady(page);
      // The full explorer's controls and tools are not there; the year switch is.
      assert.equal(await page.locator(tid('year-select')).count(), 0, 'no filter bar');
      assert.equal(await page.locator(tid('embed-button')).count(), 0, 'no embed button inside an embed');
      assert.equal(await page.locator(`${tid('embed-year-2023')}[aria-pressed="true"]`).count(), 1);
      assert.match((await page.locator(tid('title')).innerText()).normalize('NFC'), /Chỉ số CCHC 2023/);
      assert.match((await page.locator(tid('embed-source')).innerText()).normalize('NFC'), /^Nguồn: .*Tuổi trẻ Thủ đô/);
      // The table is one click away, and opening it grows the page.
      const closed = await contentHeight(page);
      await page.locator(`${tid('embed-table')} summary`).click();
      await page.locator(ROW).first().waitFor({ state: 'visible' });
      assert.equal(await page.locator(ROW).count(), 5, 'top 5 kept');
      assert.ok(await contentHeight(page) > closed + 100, 'the open table adds height');
      // "Mở đầy đủ": the same view in the full explorer, in a new tab, without embed and eid.
      const full = page.locator(tid('open-full'));
      assert.match((await full.innerText()).normalize('NFC'), /Mở đầy đủ/);
      assert.equal(await full.getAttribute('target'), '_blank');
      const href = new URL(await full.getAttribute('href'), env.origin);
      assert.equal(href.search, '?v=1&year=2023&group=districts&top=5');
      // Switching the year is written to the address, and the link follows; but never as a new
      // history entry: an iframe's entries are the host tab's, and Back must leave the article.
      const historyLength = await page.evaluate(() => history.length);
      await page.locator(tid('embed-year-2022')).click();
      await page.locator(`${tid('embed-year-2022')}[aria-pressed="true"]`).waitFor();
      assert.equal(new URL(await full.getAttribute('href'), env.origin).search, '?v=1&year=2022&group=districts&top=5');
      assert.equal(new URL(page.url()).searchParams.get('year'), '2022');
      assert.equal(await page.evaluate(() => history.length), historyLength, 'the embed added no history entry');
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.consoleErrors, []);
    });
  });

  test('"Nhúng" gives a ready snippet for the current view, and copies it', async (t) => {
    const opts = { permissions: ['clipboard-read', 'clipboard-write'] };
    await withPage(t, env, '/?group=districts&year=2023&top=5&lang=en', opts, async ({ page, log }) => {
      await waitForFirstRow(page, 'Đống Đa');
      const snippet = await generatedSnippet(page);
      const { attrs, loader } = parseSnippet(snippet);
      const src = new URL(attrs.src);
      assert.equal(src.origin, env.origin);
      assert.equal(src.searchParams.get('embed'), '1');
      assert.equal(src.searchParams.get('group'), 'districts');
      assert.equal(src.searchParams.get('top'), '5');
      assert.equal(src.searchParams.get('lang'), 'en');
      assert.match(attrs['data-chiso-id'], /^chiso-[a-z0-9]{6}$/);
      assert.equal(src.searchParams.get('eid'), attrs['data-chiso-id'], 'eid in the URL = data-chiso-id');
      assert.match(attrs.title, /PAR Index 2023: chart and ranking table/);
      assert.equal(attrs.loading, 'lazy');
      assert.equal(attrs.width, '100%');
      assert.match(attrs['data-chiso-heights'], /^\d+,\d+,\d+$/);
      assert.equal(attrs.height, attrs['data-chiso-heights'].split(',')[1]);
      assert.equal(loader, `${env.origin}/embed.js`);
      // Copy: the clipboard holds exactly the snippet.
      await page.locator(tid('embed-copy')).click();
      await page.getByText('Copied.').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test("the snippet's starting heights are within 15% of the embed's real height", async (t) => {
    const views = ['/?group=departments', '/?group=districts&top=5'];
    // A width in each band of crates/engine/src/embed.rs (narrow < 420 <= medium < 700 <= wide).
    const widths = [[320, 0], [360, 0], [560, 1], [960, 2]];
    const report = [];
    for (const view of views) {
      let heights;
      await withPage(t, env, view, {}, async ({ page }) => {
        await page.locator(ROW).first().waitFor();
        heights = parseSnippet(await generatedSnippet(page)).attrs['data-chiso-heights'].split(',').map(Number);
      });
      for (const [width, band] of widths) {
        const page = await env.browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${env.origin}${view}&embed=1`);
        await chartReady(page);
        const real = await contentHeight(page);
        await page.close();
        const estimate = heights[band];
        report.push(`${view} at ${width}px: estimated ${estimate}, real ${real}`);
        assert.ok(Math.abs(estimate - real) <= 0.15 * real, report.at(-1));
      }
    }
    t.diagnostic(report.join('; '));
  });

  test('the full app has a visible language switch', async (t) => {
    await withPage(t, env, '/', {}, async ({ page }) => {
      await waitForFirstRow(page, 'Sở Nội vụ', '95,77');
      assert.equal(await page.locator(`${tid('lang-vi')}[aria-pressed="true"]`).count(), 1);
      await page.locator(tid('lang-en')).click();
      await waitForFirstRow(page, 'Sở Nội vụ', '95.77');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
      assert.match(await page.locator(tid('embed-button')).innerText(), /Embed/);
      await page.locator(tid('lang-vi')).click();
      await waitForFirstRow(page, 'Sở Nội vụ', '95,77');
      assert.match((await page.locator(tid('embed-button')).innerText()).normalize('NFC'), /Nhúng/);
    });
  });

  test('theme follows the system, and ?theme= forces it', async (t) => {
    const cases = [
      ['/', 'dark', DARK_BG, null],
      ['/', 'light', LIGHT_BG, null],
      ['/?theme=light', 'dark', LIGHT_BG, 'light'],
      ['/?theme=dark', 'light', DARK_BG, 'dark'],
    ];
    for (const [path, colorScheme, bg, attr] of cases) {
      await withPage(t, env, path, { colorScheme }, async ({ page }) => {
        await page.locator(ROW).first().waitFor();
        const seen = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, document.documentElement.getAttribute('data-theme')]);
        assert.deepEqual(seen, [bg, attr], `${path} with a ${colorScheme} system`);
      });
    }
  });

  test('self-contained: CSP enforced with no violation, fonts and everything else from our origin', async (t) => {
    for (const path of ['/', '/?embed=1&eid=x&lang=en&theme=dark', '/?data=fixtures/broken.json']) {
      await withPage(t, env, path, {}, async ({ page, log }) => {
        await page.locator(`${ROW}, ${tid('error-panel')}`).first().waitFor({ state: 'attached' });
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await cspViolations(page), [], `${path}: CSP violations`);
        assert.deepEqual(log.foreignRequests, [], `${path}: requests to another origin`);
        assert.deepEqual(log.failedRequests, [], `${path}: failed requests`);
        if (path === '/') {
          // The Vietnamese font is ours, and only the subsets the page uses are fetched.
          const fonts = await page.evaluate(() => performance.getEntriesByType('resource')
            .filter((r) => r.name.endsWith('.woff2')).map((r) => new URL(r.name).pathname).sort());
          assert.deepEqual(fonts, [
            '/fonts/be-vietnam-pro-latin-400-normal.woff2',
            '/fonts/be-vietnam-pro-latin-600-normal.woff2',
            '/fonts/be-vietnam-pro-vietnamese-400-normal.woff2',
            '/fonts/be-vietnam-pro-vietnamese-600-normal.woff2',
          ]);
          assert.equal(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Đống Đa')), true);
        }
      });
    }
    // And the policy really bites: an inline script and eval are refused, and reported.
    await withPage(t, env, '/', {}, async ({ page }) => {
      await page.locator(ROW).first().waitFor();
      // An inline script, added to the page, and a script of ours that tries eval: run from the
      // page itself, not through DevTools (whose own evaluations CSP does not cover).
      const outcome = await page.evaluate(async () => {
        const inline = document.createElement('script');
        inline.textContent = 'window.chisoInlineRan = true;';
        document.body.append(inline);
        const probe = document.createElement('script');
        probe.src = '/fixtures/csp-probe.js';
        const loaded = new Promise((ok) => { probe.onload = ok; probe.onerror = ok; });
        document.body.append(probe);
        await loaded;
        await new Promise((r) => setTimeout(r, 100));
        return { inline: window.chisoInlineRan === true, probe: window.chisoCspProbe };
      });
      assert.deepEqual(outcome, { inline: false, probe: { evalRan: false, functionRan: false, done: true } });
      const violations = await cspViolations(page);
      assert.ok(violations.some((v) => v.startsWith('script-src-elem blocked (inline)') || v.startsWith('script-src-elem blocked inline')),
        `an inline-script violation was reported: ${JSON.stringify(violations)}`);
      assert.ok(violations.some((v) => v.startsWith('script-src blocked eval')), `an eval violation was reported: ${JSON.stringify(violations)}`);
    });
  });
});

describe('the demo article, served from another origin', () => {
  const env = {};
  const demo = () => readFileSync(join(DIST_DIR, 'embed-demo.html'), 'utf8');

  before(async () => {
    // The app at http://localhost:<port>, the article at http://127.0.0.1:<other port>: two
    // origins, as a news site and chiso would be.
    env.app = await startServer();
    env.appOrigin = env.app.origin.replace('127.0.0.1', 'localhost');
    // The article is the demo page with a <base> pointing at the app, so its iframes and
    // embed.js come from the app's origin; ?lang= and ?theme= are passed on to both embeds.
    env.host = createServer((req, res) => {
      const url = new URL(req.url, 'http://host');
      if (url.pathname === '/far.html') {
        // An article whose one embed is far below the fold (part 5 of issue 9).
        const far = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài báo</title>
          <meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
          <h1>Một bài báo dài</h1><div style="height: 6000px">Nội dung bài báo…</div>
          <iframe id="far-embed" src="${env.appOrigin}/?v=1&amp;embed=1&amp;eid=chiso-far001" title="chiso"
            loading="lazy" width="100%" height="575" style="border:0"></iframe></body></html>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(far);
        return;
      }
      if (url.pathname !== '/article.html') {
        res.writeHead(404).end();
        return;
      }
      const extra = ['lang', 'theme'].filter((p) => url.searchParams.has(p)).map((p) => `&amp;${p}=${url.searchParams.get(p)}`).join('');
      const html = demo()
        .replace('<head>', `<head>\n    <base href="${env.appOrigin}/" />`)
        .replaceAll('embed=1', `embed=1${extra}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    });
    await new Promise((ok) => env.host.listen(0, '127.0.0.1', ok));
    env.hostOrigin = `http://127.0.0.1:${env.host.address().port}`;
    env.browser = await launchBrowser();
  });

  after(async () => {
    await env.browser?.close();
    await env.app?.close();
    await new Promise((ok) => { env.host?.closeAllConnections(); env.host?.close(ok) ?? ok(); });
  });

  /** Opens the article; returns the page, the two iframes and their frames once both are sized. */
  async function openArticle(t, { width, lang, theme }) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    await context.addInitScript(recordCspViolations);
    const foreign = [];
    await context.route((url) => ![env.hostOrigin, env.appOrigin].includes(url.origin), (route) => {
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const errors = [];
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    const query = new URLSearchParams(Object.entries({ lang, theme }).filter(([, v]) => v)).toString();
    await page.goto(`${env.hostOrigin}/article.html${query ? `?${query}` : ''}`);
    const embeds = [];
    for (const id of ['demo-departments', 'demo-districts']) {
      const iframe = page.locator(`iframe[data-chiso-id="${id}"]`);
      await iframe.scrollIntoViewIfNeeded(); // loading="lazy"
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.waitForURL((u) => u.href.includes('embed=1'));
      await chartReady(frame);
      await page.waitForFunction((sel) => document.querySelector(sel).getAttribute('data-chiso-sized') === 'content',
        `iframe[data-chiso-id="${id}"]`, { timeout: APP_READY_MS });
      embeds.push({ id, iframe, frame });
    }
    return { context, page, embeds, foreign, errors };
  }

  test('an embed far below the fold downloads nothing until it nears the screen, then paints its snapshot first', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const fromApp = [];
    context.on('request', (req) => { if (req.url().startsWith(env.appOrigin)) fromApp.push(new URL(req.url()).pathname + new URL(req.url()).search); });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    const page = await context.newPage();
    try {
      await page.goto(`${env.hostOrigin}/far.html`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(1000);
      assert.deepEqual(fromApp, [], 'nothing is fetched for an embed nobody has scrolled to');
      const iframe = page.locator('#far-embed');
      await iframe.scrollIntoViewIfNeeded();
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.waitForURL((u) => u.href.includes('embed=1'));
      // The wasm is held back: what the reader sees is the snapshot, chart and all.
      await frame.locator('#chiso-root > div[data-snapshot] [data-testid="chart"] svg rect.bar').first().waitFor();
      assert.match(await frame.locator('[data-testid="title"]').textContent(), /^Chỉ số CCHC \d{4}$/);
      await screenshot(page, 'embed-far-below-snapshot');
      release();
      await appTookOver(frame);
      assert.equal(await frame.locator('[data-testid="title"]').count(), 1);
    } finally {
      release();
      await context.close();
    }
  });

  /** Waits until every iframe's height equals its content's height (they report on change). */
  async function waitForFit(page, embeds) {
    for (const { iframe, frame } of embeds) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const [outer, inner] = [await iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height)), await contentHeight(frame)];
        if (Math.abs(outer - inner) <= 1) break;
        if (Date.now() > deadline) assert.fail(`iframe is ${outer}px tall, its content ${inner}px`);
        await page.waitForTimeout(100);
      }
    }
  }

  for (const width of [360, 1280]) {
    for (const [lang, theme] of [['vi', 'light'], ['en', 'dark'], ['vi', 'dark'], ['en', 'light']]) {
      test(`at ${width}px, lang=${lang} theme=${theme}: both embeds fit their content, no scrollbar, nothing from elsewhere`, async (t) => {
        const { context, page, embeds, foreign, errors } = await openArticle(t, { width, lang, theme });
        try {
          await waitForFit(page, embeds);
          const widths = [];
          for (const { id, iframe, frame } of embeds) {
            const inner = await frame.evaluate(() => {
              const s = document.scrollingElement;
              return {
                scrollsDown: s.scrollHeight > s.clientHeight,
                scrollsSideways: s.scrollWidth > s.clientWidth,
                lang: document.documentElement.lang,
                theme: document.documentElement.getAttribute('data-theme'),
                bg: getComputedStyle(document.documentElement).backgroundColor,
                openFull: document.querySelector('[data-testid="open-full"]').textContent,
              };
            });
            assert.equal(inner.scrollsDown, false, `${id}: no vertical scrollbar inside`);
            assert.equal(inner.scrollsSideways, false, `${id}: no horizontal scrollbar inside`);
            assert.equal(inner.lang, lang, `${id}: language`);
            assert.equal(inner.theme, theme, `${id}: theme attribute`);
            assert.equal(inner.bg, theme === 'dark' ? DARK_BG : LIGHT_BG, `${id}: background`);
            assert.match(inner.openFull.normalize('NFC'), lang === 'en' ? /Open full view/ : /Mở đầy đủ/);
            assert.deepEqual(await cspViolations(frame), [], `${id}: CSP violations`);
            widths.push(await iframe.evaluate((el) => Math.round(el.getBoundingClientRect().width)));
          }
          if (width === 1280) assert.ok(widths[1] < widths[0] - 100, `two different widths: ${widths}`);
          const pageScrollsSideways = await page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth);
          assert.equal(pageScrollsSideways, false, 'the article does not scroll sideways');
          assert.deepEqual(foreign, [], 'requests to a third origin');
          assert.deepEqual(errors, [], 'errors in the article or the embeds');
        } finally {
          await screenshot(page, t.name).catch(() => {});
          await context.close();
        }
      });
    }
  }

  test('the loader ignores messages from other origins, other iframes and other ids', async (t) => {
    const { context, page, embeds } = await openArticle(t, { width: 1280 });
    try {
      await waitForFit(page, embeds);
      const [first, second] = embeds;
      const heights = () => Promise.all(embeds.map(({ iframe }) => iframe.evaluate((el) => el.style.height)));
      const before = await heights();
      const settle = () => page.waitForTimeout(300);
      // 1. The article itself (another origin, not an iframe) claims to be the first embed.
      await page.evaluate((id) => window.postMessage({ 'chiso-height': 77, id }, '*'), first.id);
      // 2. A frame of another origin (srcdoc: the article's origin) names the first embed.
      await page.evaluate((id) => {
        const f = document.createElement('iframe');
        f.srcdoc = `<script>parent.postMessage({ "chiso-height": 77, "id": ${JSON.stringify(id)} }, "*")<\/script>`;
        document.body.append(f);
      }, first.id);
      // 3. The first embed (the right origin) names the second one.
      await first.frame.evaluate((id) => parent.postMessage({ 'chiso-height': 77, id }, '*'), second.id);
      // 4. Malformed messages.
      await first.frame.evaluate((id) => {
        parent.postMessage({ 'chiso-height': '77', id }, '*');
        parent.postMessage({ 'chiso-height': 77 }, '*');
        parent.postMessage('chiso-height:77', '*');
      }, first.id);
      await settle();
      assert.deepEqual(await heights(), before, 'no iframe moved');
      // Control: the same message from the right iframe, with its own id, is obeyed.
      await first.frame.evaluate((id) => parent.postMessage({ 'chiso-height': 77, id }, '*'), first.id);
      // Waited for rather than slept on, so a slow machine cannot fail it.
      await page.waitForFunction((id) => document.querySelector(`iframe[data-chiso-id="${id}"]`)?.style.height === '77px', first.id);
      assert.deepEqual(await heights(), ['77px', before[1]], 'the genuine message is obeyed');
    } finally {
      await screenshot(page, t.name).catch(() => {});
      await context.close();
    }
  });
});
