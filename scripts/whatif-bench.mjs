// What-if half of `make bench` (issue "Readable in a second on a phone", part 8): does the
// what-if keep up with a finger? The built site is served as a host would serve it
// (scripts/serve.mjs, brotli) to headless Chromium at a phone's size, and the first what-if
// slider is moved 30 times by tapping its track (trusted `input` events). Each move is timed from
// its `input` event to the next frame: the event's timestamp to a task queued from the first
// animation frame after it, i.e. once that frame's script, style, layout and paint are done. Run
// at CPU 1× and 4× slower (CDP Emulation.setCPUThrottlingRate); prints p50 / p95 per page next
// to the targets, and whether one press-and-drag through the same points moves the value each
// time. Figures only: nothing decides the exit code.
//
//   node scripts/whatif-bench.mjs [--moves 30] [--rounds 3] [--dist LABEL=DIR ...]   (default: --dist dist)
//
// Several --dist print side by side (a build of main and this branch: before and after). Each
// case runs --rounds times, the builds' rounds taking turns (this machine is shared: a slow
// minute falls on every build alike); p50 / p95 are of all rounds' taps together, and each
// round's own p95 is printed beside them to show the spread. Each round also taps a bare slider
// (a page with nothing else but a running frame loop) at each CPU rate: what the browser takes
// before any page's own work, to read the targets against.

import { parseArgs } from 'node:util';
import { startStaticServer } from './serve.mjs';
import { appTookOver, chartInteractive, launchBrowser } from '../tests/helpers.mjs';

const { values: opts } = parseArgs({
  options: {
    moves: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
    dist: { type: 'string', multiple: true, default: [] },
  },
});
const N_MOVES = Number(opts.moves);
const N_ROUNDS = Math.max(1, Number(opts.rounds));
const builds = (opts.dist.length > 0 ? opts.dist : ['dist']).map((spec) => {
  const [label, dir] = spec.includes('=') ? spec.split('=') : [spec, spec];
  return { label, dir };
});

/** Pages and CPU rates, with the issue's p95 target for each. */
const CASES = [
  { page: 'Hanoi', query: '?view=whatif', rate: 1, target: 16 },
  { page: 'Hanoi', query: '?view=whatif', rate: 4, target: 50 },
  { page: 'PCI', query: '?ds=pci&view=whatif', rate: 1, target: 16 },
  { page: 'PCI', query: '?ds=pci&view=whatif', rate: 4, target: 100 },
];

/** What the browser alone takes, on the same measure: a page holding nothing but a slider of the
 * app's size, and a frame loop like a chart's (ECharts draws in animation frames until the
 * chart is still), so that taps meet frames already running, as they do in the app. */
const BARE = { page: 'bare slider', bare: true };
const BARE_HTML = `<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">
<title>bare slider</title><body><div class="whatif"><div class="editor">
<input type="range" min="0" max="100" step="0.01" value="50" style="width: 300px; height: 44px; margin: 200px 20px">
</div></div><div data-testid="whatif-row"></div>
<script>(function loop() { requestAnimationFrame(loop); })();</script></body></html>`;

/** Installed in the page: one sample per trusted `input` event on a range input. */
function recordInputToFrame() {
  window.chisoBench = [];
  document.addEventListener('input', (e) => {
    if (!e.isTrusted || e.target.type !== 'range') return;
    const start = e.timeStamp;
    requestAnimationFrame(() => {
      // A task queued from the frame's rAF runs after that frame's style, layout and paint.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.chisoBench.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }, { capture: true });
}

function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The slider a reader drags first: the unit's first sub-index, its total, or a weight. */
const SLIDER = '.whatif .editor input[type=range], .whatif input[type=range][data-testid^="weight-"]';

async function measure(browser, origin, { query, rate, bare }) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.addInitScript(recordInputToFrame);
  if (bare) {
    await page.route('**/bare-slider.html', (route) => route.fulfill({ contentType: 'text/html', body: BARE_HTML }));
    await page.goto(`${origin}/bare-slider.html`);
  } else {
    await page.goto(`${origin}/${query}`);
    await appTookOver(page);
    await page.locator('[data-testid="whatif-row"]').first().waitFor({ state: 'attached' });
    // The steady state a finger meets: ECharts in (the first touch brings it; here a pointer
    // over the chart), drawing the chart the sliders move.
    await chartInteractive(page);
  }
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  const slider = page.locator(SLIDER).first();
  await slider.scrollIntoViewIfNeeded();
  // Taps land on N_MOVES points of the track's middle 60%, each well away from the one before
  // (a tap on the thumb itself would not move it): point (7·i mod N_MOVES) in turn.
  const taps = Array.from({ length: N_MOVES }, (_, i) => 0.2 + (0.6 * ((7 * i) % N_MOVES)) / (N_MOVES - 1));
  // The drag: from a quarter of the track to three quarters and back.
  const shares = Array.from({ length: N_MOVES }, (_, i) => {
    const t = i < N_MOVES / 2 ? i / (N_MOVES / 2) : 2 - i / (N_MOVES / 2);
    return 0.25 + 0.5 * t;
  });
  // Timed moves: a tap on the track at each point (each one trusted `input` event, whatever the
  // page does to the slider in between); the next tap once this one is on the screen, so samples
  // never queue behind each other. The slider is found again each time (the page may move it).
  let missed = 0;
  let box;
  for (const share of taps) {
    const before = await page.evaluate(() => window.chisoBench.length);
    box = await slider.boundingBox();
    await page.mouse.click(box.x + box.width * share, box.y + box.height / 2);
    const got = await page
      .waitForFunction((n) => window.chisoBench.length > n, before, { timeout: 3_000, polling: 'raf' })
      .then(() => true, () => false);
    if (!got) missed += 1;
  }
  const samples = await page.evaluate(() => window.chisoBench.splice(0));
  // Followed: does one press-and-drag through the same points move the value every time (a
  // slider rebuilt under the finger stops after the first)?
  box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * shares[0] - 4, y);
  await page.mouse.down();
  for (const share of shares) await page.mouse.move(box.x + box.width * share, y);
  await page.mouse.up();
  await page.waitForTimeout(300 * rate);
  const dragged = await page.evaluate(() => window.chisoBench.length);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { samples, missed, dragged };
}

const browser = await launchBrowser();
/** Per build and case: every round's taps, lost taps and drag counts. */
const results = builds.map(() => CASES.map(() => ({ samples: [], p95s: [], missed: 0, dragged: [] })));
/** The bare slider at each CPU rate, once a round whatever the builds. */
const RATES = [...new Set(CASES.map((c) => c.rate))];
const bareResults = RATES.map(() => ({ samples: [], p95s: [], missed: 0, dragged: [] }));
/** One round's measure added to its case's results. */
function add(r, { samples, missed, dragged }) {
  r.samples.push(...samples);
  r.p95s.push(percentile(samples, 95));
  r.missed += missed;
  r.dragged.push(Math.min(dragged, N_MOVES + 1));
}
try {
  const servers = await Promise.all(builds.map((build) => startStaticServer({ mounts: { '/': build.dir } })));
  try {
    for (let round = 0; round < N_ROUNDS; round += 1) {
      for (const [i, rate] of RATES.entries()) {
        add(bareResults[i], await measure(browser, servers[0].origin, { ...BARE, rate }));
      }
      for (const [b, build] of builds.entries()) {
        for (const [i, c] of CASES.entries()) {
          const measured = await measure(browser, servers[b].origin, c);
          process.stderr.write(`whatif-bench: round ${round + 1} ${build.label} ${c.page} ${c.rate}×: ${measured.samples.length} samples\n`);
          add(results[b][i], measured);
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
} finally {
  await browser.close();
}
const rows = [];
const row = (label, page, rate, r, target) => [
  label,
  page,
  `${rate}×`,
  `${r.samples.length}${r.missed ? ` (${r.missed} lost)` : ''}`,
  `${percentile(r.samples, 50).toFixed(1)} ms`,
  `${percentile(r.samples, 95).toFixed(1)} ms`,
  r.p95s.map((x) => x.toFixed(0)).join(' / '),
  target,
  `${Math.min(...r.dragged)}/${N_MOVES + 1}`,
];
for (const [i, rate] of RATES.entries()) rows.push(row('(browser alone)', BARE.page, rate, bareResults[i], '–'));
for (const [b, build] of builds.entries()) {
  for (const [i, c] of CASES.entries()) rows.push(row(build.label, c.page, c.rate, results[b][i], `≤ ${c.target} ms`));
}

const table = [['build', 'what-if page', 'CPU', 'taps', 'p50', 'p95', 'each round\'s p95', 'p95 target', 'drag followed'], ...rows];
const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
console.log(`\nWhat-if slider at 360×740: ${N_ROUNDS} rounds of ${N_MOVES} taps on its track, each timed from its input`);
console.log(`event to the next frame; "drag followed": input events during one press-and-drag through the same`);
console.log(`points (the fewest of the rounds). "(browser alone)": the same taps on a page holding only a slider`);
console.log(`and a running frame loop: what any page pays before its own work.\n`);
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w, col) => (col < 3 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
}
