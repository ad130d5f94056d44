// Shared harness for the browser tests: a static server for dist/ (plus tests/fixtures/ at
// /fixtures/), headless Debian Chromium through playwright-core, a log of everything that went
// wrong on the page, and a screenshot per test in target/screenshots/.
//
// Run with `make test` (which builds dist/ first) or, after `make build`, `node --test tests/`.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built site; CHISO_DIST points the tests at another build. */
export const DIST_DIR = process.env.CHISO_DIST || join(ROOT, 'dist');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
export const SCREENSHOT_DIR = join(ROOT, 'target', 'screenshots');

/** Time for the wasm to download, compile and draw its first ranking, on a slow CI core. */
export const APP_READY_MS = 30_000;

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses many times a second. --no-sandbox because CI runs as root.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves dist/ at / and tests/fixtures/ at /fixtures/ on a free loopback port. */
export function startServer() {
  return startStaticServer({ mounts: { '/': DIST_DIR, '/fixtures/': FIXTURES_DIR } });
}

/**
 * Launches headless Chromium. Playwright's launch() gives it a new, empty --user-data-dir in the
 * temp directory and deletes it on close; each test then gets its own fresh browser context, so
 * no cookie or localStorage leaks from one test into the next.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHISO_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** True for URLs the page may load: our loopback server, and in-page data:/blob: URLs. */
function isLocalUrl(url, origin) {
  const u = new URL(url);
  return u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:'
    || u.protocol === 'about:';
}

/**
 * Runs in every frame before the page's own scripts (context.addInitScript): keeps each
 * Content-Security-Policy violation the frame reports, for cspViolations().
 */
export function recordCspViolations() {
  window.chisoTestCspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.chisoTestCspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/** The CSP violations a page (or frame) has reported so far. */
export function cspViolations(pageOrFrame) {
  return pageOrFrame.evaluate(() => window.chisoTestCspViolations ?? ['the CSP recorder is not installed']);
}

/**
 * Opens `path` (relative to the server's origin) in a new browser context of `width`x`height`,
 * with the system colour scheme `colorScheme` ('light' or 'dark'; Playwright's default is light)
 * and the given browser `permissions` (for example ['clipboard-read', 'clipboard-write']).
 * Returns `{ page, log }`; `log` fills up as the page runs:
 *   consoleErrors: console.error messages; pageErrors: uncaught exceptions and panics;
 *   failedRequests: requests that got no response or a 4xx/5xx; foreignRequests: any request to
 *   another origin (these are also blocked, so a test never waits on the network).
 */
export async function openPage(browser, origin, path, { width = 1280, height = 900, colorScheme, permissions } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', colorScheme, permissions });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  page.setDefaultTimeout(APP_READY_MS);
  const log = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    if (isLocalUrl(req.url(), origin)) {
      log.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) log.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  await page.route((url) => !isLocalUrl(url.href, origin), (route) => {
    log.foreignRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await page.goto(new URL(path, origin).href);
  await appTookOver(page);
  return { page, log };
}

/**
 * Waits until the app has replaced the page's first-paint snapshot (src/snapshot.rs), if the page
 * showed one: before that, the rows and the chart on the screen are the snapshot's, which the
 * app removes (tests/snapshot.test.mjs looks at the snapshot itself).
 */
export async function appTookOver(pageOrFrame) {
  await pageOrFrame.waitForFunction(() => !document.querySelector('#chiso-root > div[data-snapshot]'), null, { timeout: APP_READY_MS });
}

/** Saves a full-page screenshot as target/screenshots/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // ASCII file names: "Đống Đa" -> "Dong-Da".
  const slug = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const file = join(SCREENSHOT_DIR, `${slug}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** CSS selector for a `data-testid` hook. */
export const tid = (id) => `[data-testid="${id}"]`;

/**
 * Moves the pointer over the first chart of a page or frame, as a reader reaching for its
 * tooltips does — which brings ECharts in (src/charts/loader.rs: the first screen's chart is SVG
 * until then) — and waits until ECharts has drawn it on its canvas.
 */
export async function chartInteractive(pageOrFrame) {
  await appTookOver(pageOrFrame);
  const chart = pageOrFrame.locator(tid('chart')).first();
  await chart.locator('svg, canvas').first().waitFor({ state: 'attached', timeout: APP_READY_MS });
  // From outside the chart, so that the pointer really moves over it (in a frame, the page's mouse).
  const page = typeof pageOrFrame.page === 'function' ? pageOrFrame.page() : pageOrFrame;
  await page.mouse.move(0, 0);
  await chart.hover({ position: { x: 4, y: 4 }, timeout: APP_READY_MS });
  await chart.hover({ position: { x: 8, y: 8 }, timeout: APP_READY_MS });
  await pageOrFrame.locator('[_echarts_instance_]').first().waitFor({ state: 'attached', timeout: APP_READY_MS });
}

export const ROW = `${tid('ranking-table')} ${tid('row')}`;

/** Text of every ranking row, whitespace collapsed. */
export function rowTexts(page) {
  return page.$$eval(ROW, (rows) => rows.map((r) => r.textContent.normalize('NFC').replace(/\s+/g, ' ').trim()));
}

/** Waits until the first ranking row's text contains every one of `parts`. */
export async function waitForFirstRow(page, ...parts) {
  await appTookOver(page);
  try {
    await page.waitForFunction(([sel, want]) => {
      const first = document.querySelector(sel);
      const text = first ? first.textContent.normalize('NFC').replace(/\s+/g, ' ') : '';
      return want.every((p) => text.includes(p));
    }, [ROW, parts], { timeout: APP_READY_MS, polling: 100 });
  } catch (err) {
    throw await rowsError(page, `expected the first row to contain ${JSON.stringify(parts)}`, err);
  }
}

/** Waits until exactly `n` ranking rows are shown. */
export async function waitForRowCount(page, n) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelectorAll(sel).length === want,
      [ROW, n],
      { timeout: APP_READY_MS, polling: 100 },
    );
  } catch (err) {
    throw await rowsError(page, `expected ${n} rows`, err);
  }
}

/** An error that says what was expected and which rows the page actually showed. */
async function rowsError(page, what, cause) {
  const shown = await rowTexts(page).catch(() => []);
  return new Error(`${what}; rows shown (${shown.length}): ${JSON.stringify(shown.slice(0, 5))}`, { cause });
}

/**
 * Picks the option of the <select data-testid=testid> whose visible label matches `label`
 * (a RegExp), as a person would, and fails listing the labels on offer if none does.
 */
export async function selectByLabel(page, testid, label) {
  const select = page.locator(`select${tid(testid)}`);
  const options = await select.locator('option').evaluateAll(
    (opts) => opts.map((o) => ({ value: o.value, label: o.textContent.normalize('NFC').trim() })),
  );
  const match = options.find((o) => label.test(o.label));
  if (!match) {
    throw new Error(`no option matching ${label} in ${testid}; options: ${JSON.stringify(options.map((o) => o.label))}`);
  }
  await select.selectOption(match.value);
}

/**
 * Runs `body({ page, log })` on a fresh tab at `path` and always saves a screenshot named after
 * the test, pass or fail, so a failure can be looked at.
 */
export async function withPage(t, env, path, opts, body) {
  const { page, log } = await openPage(env.browser, env.origin, path, opts);
  try {
    await body({ page, log });
  } finally {
    await screenshot(page, t.name).catch((err) => t.diagnostic(`screenshot failed: ${err}`));
    await page.context().close();
  }
}

/**
 * Registers, in the calling `describe`, a `before` that checks dist/ is built, starts the static
 * server and launches Chromium, and an `after` that closes both. Returns the `env` the tests pass
 * to `withPage` (`{ server, origin, browser }`, filled in once `before` has run).
 */
export function useSiteAndBrowser() {
  const env = {};
  before(async () => {
    if (!existsSync(join(DIST_DIR, 'index.html'))) {
      throw new Error('dist/index.html is missing: run `make build` first');
    }
    env.server = await startServer();
    env.origin = env.server.origin;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
