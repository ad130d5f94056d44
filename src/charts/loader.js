// Loading ECharts when a chart needs it, for src/charts/loader.rs.
//
// The page holds <script type="text/plain" id="chiso-echarts" src=… integrity=…>: Trunk fills in
// the bundle's hashed URL (with the public_url prefix) and its integrity, and a text/plain script
// is never fetched or run. loadEcharts adds a real script with the same URL and integrity to
// <head> (script-src 'self' allows it: no inline code).

let loading = null;

// Loads the bundle once; resolves when window.echarts exists, rejects with a plain message.
export function loadEcharts() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      if (window.echarts) return resolve();
      const template = document.getElementById('chiso-echarts');
      if (!template) return reject(new Error('the page has no #chiso-echarts'));
      const script = document.createElement('script');
      script.src = template.getAttribute('src');
      const integrity = template.getAttribute('integrity');
      if (integrity) script.integrity = integrity;
      script.onload = () => (window.echarts ? resolve() : reject(new Error('ECharts did not start')));
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.appendChild(script);
    });
  }
  return loading;
}

// Downloads the bundle into the browser's cache without running it (a prefetch: no main-thread
// work), so that loadEcharts later runs it at once.
export function prefetchEcharts() {
  const template = document.getElementById('chiso-echarts');
  if (!template || loading || document.querySelector('link[rel="prefetch"][data-chiso-echarts]')) return;
  const link = document.createElement('link');
  link.rel = 'prefetch';
  link.href = template.getAttribute('src');
  link.setAttribute('data-chiso-echarts', '');
  document.head.appendChild(link);
}

// Calls `f` once, at the reader's first pointerdown, touchstart or keydown anywhere on the page.
export function onFirstInput(f) {
  const events = ['pointerdown', 'touchstart', 'keydown'];
  const once = () => {
    for (const e of events) removeEventListener(e, once, true);
    f();
  };
  for (const e of events) addEventListener(e, once, { capture: true, passive: true });
}

// Calls `f` when the browser is next idle, at most `timeoutMs` later (a plain timer of
// `timeoutMs` where there is no requestIdleCallback, as in Safari).
export function whenIdle(f, timeoutMs) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => f(), { timeout: timeoutMs });
  else setTimeout(() => f(), timeoutMs);
}

// Watches a chart's box: `near(bool)` when it comes within a screen's height of the viewport or
// goes farther (IntersectionObserver; in a cross-origin frame the margin is ignored: in view), and
// `width(px)` when its width is first known or changes (ResizeObserver: read after the browser's
// layout, so never forcing one); `near(true)` too before the page is printed. Returns the function
// that stops watching. Without either observer that callback is simply never called.
export function watchChartBox(el, near, width) {
  const observers = [];
  if (typeof IntersectionObserver === 'function') {
    observers.push(new IntersectionObserver((e) => near(e[e.length - 1].isIntersecting), { rootMargin: '100% 0px' }));
  }
  if (typeof ResizeObserver === 'function') {
    observers.push(new ResizeObserver((e) => width(e[e.length - 1].contentRect.width)));
  }
  for (const o of observers) o.observe(el);
  // A page about to be printed prints every chart as it stands now.
  const printing = () => near(true);
  addEventListener('beforeprint', printing);
  return () => {
    observers.forEach((o) => o.disconnect());
    removeEventListener('beforeprint', printing);
  };
}
