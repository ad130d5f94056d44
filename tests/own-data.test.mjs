// The reader's own table (view=data), in headless Chromium: a pasted TSV and a Vietnamese-Excel
// CSV file (semicolons, decimal commas, Windows-1258) each become a ranking; a located error keeps
// the text; a shared link carries the table in its fragment to a fresh browser; an embed of it
// fits; every download is made and the CSV reads back as the same ranking; nothing the reader
// typed is sent in any request; hostile names show as text everywhere.
//
// Hooks (data-testid): own-data, privacy, own-text, own-file, own-mapping, own-role-<i>,
// own-problems, own-warnings, own-input-error, own-summary, own-rank, own-forget, open-own-data,
// downloads, download-csv, download-csv-comma, download-png, download-svg, download-json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES_DIR, ROW, openPage, rowTexts, screenshot, tid, waitForFirstRow, waitForRowCount, withPage, useSiteAndBrowser } from './helpers.mjs';

const PASTE = readFileSync(join(FIXTURES_DIR, 'own', 'paste.tsv'), 'utf8');

/** The text of a Vietnamese-Excel CSV: `;`, decimal commas, a row-number column. */
const EXCEL_CSV = [
  'STT;Tên đơn vị;Công khai;Trách nhiệm;Thủ tục;Tổng điểm;Xếp hạng',
  '1;Huyện Ngọc Hồi;8,5;7,25;9;82,50;3',
  '2;Huyện Sơn Tĩnh;9,75;9,5;9,25;95,00;1',
  '3;Thị xã Đắk Hà;7;6,5;7,75;70,80;4',
  '4;Quận Hưng Lợi;9,25;8,75;9,5;91,20;2',
  '5;Huyện Ỷ Lan;6,5;6;7;65,00;5',
].join('\r\n');

/**
 * Windows-1258 bytes of `text`: the code page's own letters where it has them, else the letter
 * without its tone mark followed by the tone as a combining mark (how Vietnamese Windows writes
 * it). The table comes from the decoder itself, so the encoder cannot disagree with it.
 */
function windows1258(text) {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map();
  for (let b = 0; b < 256; b += 1) table.set(decoder.decode(new Uint8Array([b])), b);
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const out = [];
  for (const ch of text.normalize('NFC')) {
    if (table.has(ch)) {
      out.push(table.get(ch));
      continue;
    }
    const d = ch.normalize('NFD');
    const tone = tones.find((t) => d.includes(t));
    const base = d.replace(tone, '').normalize('NFC');
    assert.ok(tone && table.has(base) && table.has(tone), `windows-1258 cannot write ${ch}`);
    out.push(table.get(base), table.get(tone));
  }
  return Buffer.from(out);
}

/** Every request the page makes, with its body, to check none carries the reader's data. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (req) => seen.push(`${req.method()} ${req.url()} ${req.postData() ?? ''}`));
  return seen;
}

/** Paste `text` into the box as a person would (one input event with the whole text). */
async function paste(page, text) {
  const box = page.locator(tid('own-text'));
  await box.fill(text);
}

/** Ranks the table in the box and waits for the ranking's first row to contain `leader`. */
async function rankIt(page, leader) {
  const button = page.locator(tid('own-rank'));
  await assert.doesNotReject(() => page.waitForFunction((sel) => !document.querySelector(sel)?.disabled, tid('own-rank')));
  await button.click();
  await waitForFirstRow(page, leader);
}

/** The address once the table is packed into its fragment. */
async function packedUrl(page) {
  await page.waitForFunction(() => window.location.hash.startsWith('#d1.'));
  return page.url();
}

describe('your own data', () => {
  const env = useSiteAndBrowser();

  test('a pasted TSV is mapped, previewed and ranked; nothing is sent anywhere', async (t) => {
    await withPage(t, env, '/', {}, async ({ page, log }) => {
      const requests = recordRequests(page);
      await page.locator(tid('open-own-data')).click();
      await page.locator(tid('own-data')).waitFor();
      assert.match(await page.locator(tid('privacy')).textContent(), /không rời khỏi trình duyệt/);
      assert.match(page.url(), /view=data/);
      await paste(page, PASTE);
      await page.locator(tid('own-mapping')).waitFor();
      // The guesses: name, total, rank.
      const roles = await page.$$eval('[data-testid^="own-role-"]', (s) => s.map((x) => x.value));
      assert.deepEqual(roles, ['name', 'total', 'rank']);
      assert.match(await page.locator(tid('own-summary')).textContent(), /6 đơn vị · 1 năm · 1 khối/);
      await screenshot(page, 'own data mapping step');
      await rankIt(page, 'Phường Bến Đò');
      await waitForRowCount(page, 6);
      const rows = await rowTexts(page);
      assert.match(rows[0], /^1\D*Phường Bến Đò.*91,75/);
      // "–" is not published, never 0.
      const dong = rows.find((r) => r.includes('Xã Đồng Lúa'));
      assert.ok(dong && !/\b0,00\b/.test(dong), `unpublished stays unpublished: ${dong}`);
      assert.match(page.url(), /ds=own/);
      await packedUrl(page);
      // No request carried any of the table (names or numbers).
      for (const needle of ['B%E1%BA%BFn', 'Bến', 'Ben', '91,75', '91.75', 'd1.']) {
        const carrying = requests.filter((r) => r.includes(needle));
        assert.deepEqual(carrying, [], `a request carries "${needle}"`);
      }
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.foreignRequests, []);
      await screenshot(page, 'own data ranked');
    });
  });

  test('a Vietnamese-Excel CSV file in Windows-1258 (;, 94,25) becomes a ranking', async (t) => {
    await withPage(t, env, '/?view=data', {}, async ({ page, log }) => {
      await page.locator(tid('own-data')).waitFor();
      await page.locator(tid('own-file')).setInputFiles({ name: 'bang-xep-hang.csv', mimeType: 'text/csv', buffer: windows1258(EXCEL_CSV) });
      await page.locator(tid('own-mapping')).waitFor();
      // Decoded, composed Vietnamese in the box.
      const text = await page.locator(tid('own-text')).inputValue();
      assert.ok(text.includes('Thị xã Đắk Hà') && text.includes('Huyện Ỷ Lan'), text.slice(0, 200));
      const roles = await page.$$eval('[data-testid^="own-role-"]', (s) => s.map((x) => x.value));
      assert.deepEqual(roles, ['ignore', 'name', 'component', 'component', 'component', 'total', 'rank']);
      assert.equal(await page.locator(tid('own-decimal')).inputValue(), 'comma');
      await rankIt(page, 'Huyện Sơn Tĩnh');
      await waitForRowCount(page, 5);
      assert.match((await rowTexts(page))[0], /95,00/);
      // Components make the what-if and robustness views work on the reader's table.
      await page.locator(tid('view-sensitivity')).click();
      await page.locator(tid('sensitivity-view')).waitFor();
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('a bad cell is located in the reader\'s terms, and the text stays', async (t) => {
    const bad = ['Đơn vị;Chỉ số', 'A;1', 'B;2', 'C;3', 'D;4', 'E;5', 'Phường Lỗi;9,5,3'].join('\n');
    await withPage(t, env, '/?view=data', {}, async ({ page, log }) => {
      await page.locator(tid('own-data')).waitFor();
      await paste(page, bad);
      const problems = page.locator(tid('own-problems'));
      await problems.waitFor();
      assert.match(await problems.textContent(), /Dòng 7, cột 'Chỉ số': '9,5,3' không phải là số/);
      assert.equal(await page.locator(tid('own-rank')).isDisabled(), true);
      assert.equal(await page.locator(tid('own-text')).inputValue(), bad);
      await screenshot(page, 'own data located error');
      // In English too.
      await page.locator(tid('lang-en')).click();
      await page.waitForFunction((sel) => /Line 7, column 'Chỉ số': '9,5,3' is not a number/.test(document.querySelector(sel)?.textContent ?? ''), tid('own-problems'));
      // The box survives a reload in this browser; "forget" clears it.
      await page.reload();
      await page.locator(tid('own-data')).waitFor();
      assert.equal(await page.locator(tid('own-text')).inputValue(), bad);
      await page.locator(tid('own-forget')).click();
      assert.equal(await page.locator(tid('own-text')).inputValue(), '');
      await page.reload();
      await page.locator(tid('own-data')).waitFor();
      assert.equal(await page.locator(tid('own-text')).inputValue(), '');
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('a hostile file: markup in names stays text; an Excel workbook is refused with the text kept', async (t) => {
    const hostile = 'Đơn vị,Điểm\n"<img src=x onerror=""window.pwned=1"">",90\n<b>bold</b>,80\nC,70\n';
    await withPage(t, env, '/?view=data', {}, async ({ page, log }) => {
      await page.locator(tid('own-data')).waitFor();
      await paste(page, hostile);
      await page.locator(tid('own-mapping')).waitFor();
      await page.locator(tid('own-file')).setInputFiles({ name: 'so-lieu.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
      await page.locator(tid('own-input-error')).waitFor();
      assert.match(await page.locator(tid('own-input-error')).textContent(), /sao chép|copy/i);
      assert.equal(await page.locator(tid('own-text')).inputValue(), hostile.replace(/\r/g, ''));
      await rankIt(page, '<img src=x onerror="window.pwned=1">');
      // The chart's tooltip (ECharts, loaded by the tap) shows the name as text too.
      const chart = page.locator(tid('chart')).first();
      const box = await chart.boundingBox();
      await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
      await page.mouse.down();
      await page.mouse.up();
      await page.waitForFunction((sel) => window.echarts?.getInstanceByDom(document.querySelector(sel)), tid('chart'));
      for (const dy of [36, 40, 44, 48]) await page.mouse.move(box.x + box.width * 0.6, box.y + dy);
      await page.waitForFunction(
        (sel) => [...document.querySelectorAll(`${sel} div`)].some((d) => d.textContent.includes('<img src=x') && d.style.display !== 'none'),
        tid('chart'),
        { polling: 200 },
      );
      assert.equal(await page.locator(`${tid('app')} img`).count(), 0, 'no <img> from the data');
      assert.equal(await page.locator(`${tid('app')} b`).count(), 0, 'no <b> from the data');
      // The SVG export escapes it too.
      await page.locator(`${tid('downloads')} summary`).click();
      const [svg] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-svg')).click()]);
      const doc = readFileSync(await svg.path(), 'utf8');
      assert.ok(!doc.includes('<img') && doc.includes('&lt;img'), 'the name is escaped in the SVG');
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('a shared link carries the table to a fresh browser; an embed of it fits', async (t) => {
    let shared;
    let snippet;
    await withPage(t, env, '/?view=data', {}, async ({ page }) => {
      await page.locator(tid('own-data')).waitFor();
      await paste(page, PASTE);
      await rankIt(page, 'Phường Bến Đò');
      await page.locator(tid('limit-select')).selectOption('top-3').catch(() => {});
      shared = await packedUrl(page);
      // The embed code carries the table too.
      await page.locator(tid('embed-button')).click();
      snippet = await page.locator(tid('embed-code')).inputValue();
      assert.match(snippet, /ds=own[^"]*#d1\./, 'the embed snippet carries the table in its fragment');
    });
    // A new context: no storage of the first one.
    const { page, log } = await openPage(env.browser, env.origin, shared.replace(env.origin, ''));
    try {
      await waitForFirstRow(page, 'Phường Bến Đò', '91,75');
      assert.equal(await page.evaluate(() => window.localStorage.length), 0, 'nothing stored by opening a link');
      await screenshot(page, 'own data opened from a link');
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await page.context().close();
    }
    const embed = shared.replace('?', '?embed=1&eid=own1&');
    const { page: framed, log: framedLog } = await openPage(env.browser, env.origin, embed.replace(env.origin, ''), { width: 400, height: 700 });
    try {
      await framed.locator(tid('embed')).waitFor();
      const overflow = await framed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scroll in the embed (${overflow}px)`);
      assert.deepEqual(framedLog.pageErrors, []);
    } finally {
      await framed.context().close();
    }
    // The snippet in an article of another origin: the iframe takes its content's height.
    const host = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài báo</title></head><body style="max-width:400px"><p>Đoạn mở đầu.</p>${snippet}<p>Đoạn kết.</p></body></html>`);
    });
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
    const context = await env.browser.newContext({ viewport: { width: 420, height: 900 } });
    try {
      const article = await context.newPage();
      await article.goto(`http://localhost:${host.address().port}/`);
      const iframe = article.locator('iframe[data-chiso-id]');
      await article.waitForFunction(() => document.querySelector('iframe[data-chiso-id]')?.getAttribute('data-chiso-sized') === 'content', null, { timeout: 30_000 });
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.locator(ROW).first().waitFor({ state: 'attached' });
      const deadline = Date.now() + 5000;
      for (;;) {
        const outer = await iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height));
        const inner = await frame.evaluate(() => Math.ceil(document.getElementById('chiso-root').getBoundingClientRect().height));
        if (Math.abs(outer - inner) <= 1) break;
        if (Date.now() > deadline) assert.fail(`the iframe is ${outer}px tall, its content ${inner}px`);
        await article.waitForTimeout(100);
      }
      await screenshot(article, 'own data embedded in an article');
    } finally {
      await context.close();
      await new Promise((ok) => { host.closeAllConnections(); host.close(ok); });
    }
  });

  test('two years of a table: year on year works, and a what-if export marks its assumptions', async (t) => {
    const twoYears = [
      'Năm\tĐơn vị\tĐiểm',
      '2023\tQuận Một\t80', '2023\tQuận Hai\t85', '2023\tQuận Ba\t70',
      '2024\tQuận Một\t90', '2024\tQuận Hai\t82', '2024\tQuận Ba\t75',
    ].join('\n');
    await withPage(t, env, '/data.html?v=1&view=data', {}, async ({ page, log }) => {
      await page.locator(tid('own-data')).waitFor();
      await paste(page, twoYears);
      assert.match(await page.locator(tid('own-summary')).textContent(), /3 đơn vị · 2 năm · 1 khối/);
      await rankIt(page, 'Quận Một');
      await page.locator(tid('view-compare')).click();
      await page.locator(tid('compare-row')).first().waitFor();
      const compared = await page.locator(tid('compare-row')).allTextContents();
      assert.equal(compared.length, 3);
      assert.ok(compared.some((r) => r.includes('Quận Một')), compared.join(' | '));
      // A what-if on the reader's table: the change is marked in the CSV.
      const url = new URL(page.url());
      url.searchParams.set('view', 'whatif');
      url.searchParams.set('unit', 'quan-ba');
      url.searchParams.set('set', 'quan-ba:95');
      await page.goto(url.href);
      await page.locator(tid('whatif-row')).first().waitFor();
      await page.locator(`${tid('downloads')} summary`).click();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-csv')).click()]);
      const text = readFileSync(await csv.path(), 'utf8');
      assert.match(text, /Quận Ba;95,00;[^\r\n]*giả định/, text);
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('a damaged link says so, with the way to the own-data page', async (t) => {
    await withPage(t, env, '/?ds=own#d1.@@@', {}, async ({ page, log }) => {
      await page.locator(tid('error-panel')).waitFor();
      assert.match(await page.locator(tid('error-panel')).textContent(), /cắt ngắn|bị sửa/);
      await page.locator(tid('open-data-view')).click();
      await page.locator(tid('own-data')).waitFor();
      assert.deepEqual(log.pageErrors, []);
    });
  });

  test('every download is made; the CSV reads back as the same ranking', async (t) => {
    const names = (page) => page.$$eval(`${ROW} .name`, (els) => els.map((e) => e.textContent.normalize('NFC').trim()));
    await withPage(t, env, '/?ds=pci&year=2023', {}, async ({ page, log }) => {
      await waitForRowCount(page, 63);
      const shown = await names(page);
      await page.locator(`${tid('downloads')} summary`).click();
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-csv')).click()]);
      assert.match(csv.suggestedFilename(), /^chiso-.*\.csv$/);
      const bytes = readFileSync(await csv.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      assert.match(text.split('\r\n')[0], /^Hạng;Đơn vị;/);
      assert.match(text, /;\d+,\d\d;/, 'decimal commas');
      const [png] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-png')).click()]);
      const pngBytes = readFileSync(await png.path());
      assert.deepEqual([...pngBytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
      const [svg] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-svg')).click()]);
      const doc = readFileSync(await svg.path(), 'utf8');
      assert.match(doc, /^<svg|<\?xml/);
      assert.match(doc, /2023/);
      assert.match(doc, /Nguồn/);
      const [json] = await Promise.all([page.waitForEvent('download'), page.locator(tid('download-json')).click()]);
      const jsonBytes = readFileSync(await json.path());
      assert.equal(JSON.parse(jsonBytes.toString('utf8')).id, 'pci');
      // The CSV back in: the same order of the same units.
      await page.locator(tid('open-own-data')).click();
      await page.locator(tid('own-data')).waitFor();
      await page.locator(tid('own-file')).setInputFiles({ name: csv.suggestedFilename(), mimeType: 'text/csv', buffer: bytes });
      await page.locator(tid('own-mapping')).waitFor();
      await page.locator(tid('own-rank')).click();
      await waitForRowCount(page, 63);
      assert.deepEqual(await names(page), shown);
      // The dataset file reads back too: a JSON dataset needs no mapping.
      await page.goto(new URL('/data.html?v=1&view=data', page.url()).href);
      await page.locator(tid('own-file')).setInputFiles({ name: 'pci.json', mimeType: 'application/json', buffer: jsonBytes });
      await page.waitForFunction((sel) => !document.querySelector(sel)?.disabled, tid('own-rank'));
      assert.equal(await page.locator(tid('own-mapping')).count(), 0, 'no column mapping for a dataset file');
      await page.locator(tid('own-rank')).click();
      await waitForRowCount(page, 63);
      assert.deepEqual(await names(page), shown);
      assert.deepEqual(log.pageErrors, []);
    });
  });
});
