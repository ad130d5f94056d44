// public/boot.js runs twice (ARCHITECTURE.md, "First paint"): in <head> it marks <html data-snap>
// with the link's snapshot key; after #chiso-root it shows the link's snapshot, or none, and starts
// the app once that is painted, with a preload of the link's dataset (BUILTIN:
// crates/engine/tests/preload_data.rs).
(function () {
  var html = document.documentElement;
  var root = document.getElementById('chiso-root');
  if (root) {
    var key = html.getAttribute('data-snap') || '';
    var shown = root.querySelector('div[data-snapshot=""]');
    if (key !== '' && shown) {
      var match = null;
      var templates = root.querySelectorAll('template[data-snapshot]');
      for (var i = 0; i < templates.length; i++) {
        if (templates[i].getAttribute('data-snapshot') === key) match = templates[i];
      }
      // A link without a snapshot gets the app's own loading line, in the link's language,
      // never another link's state.
      shown.replaceWith(match ? match.content.cloneNode(true) : loadingLine(key));
    }
    var snap = root.querySelector('div[data-snapshot]');
    if (snap) snap.inert = true;
    // The app starts once the snapshot is painted (at once when there is none to paint; at the
    // latest after a second, as a hidden tab paints no frame).
    if (snap) {
      // "Painted" is the browser's own word: its first paint entry, reported once the frame is on
      // the screen (a frame callback comes before that).
      var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
      if (types && types.indexOf('paint') >= 0) {
        new PerformanceObserver(function (list, observer) {
          observer.disconnect();
          setTimeout(start, 0);
        }).observe({ type: 'paint', buffered: true });
      } else {
        requestAnimationFrame(function () { setTimeout(start, 0); });
      }
      setTimeout(start, 1000);
    } else {
      start();
    }
    return;
  }

  html.setAttribute('data-snap', snapKey());

  // <div data-snapshot=KEY><div class="chiso"><p class="loading" role="status">…</p></div></div>:
  // the markup of the app's loading line, which the app removes like any snapshot. If the app
  // cannot start (its script or wasm fails to load), the line says so.
  function loadingLine(key) {
    var en = /(^|&)lang=en(&|$)/.test(key);
    var outer = document.createElement('div');
    outer.setAttribute('data-snapshot', key);
    var app = outer.appendChild(document.createElement('div'));
    app.className = 'chiso';
    var line = app.appendChild(document.createElement('p'));
    line.className = 'loading';
    line.setAttribute('role', 'status');
    line.setAttribute('data-testid', 'boot-loading');
    line.textContent = en ? 'Loading data…' : 'Đang tải dữ liệu…';
    startFailed = function () {
      if (!line.isConnected) return;
      line.textContent = en
        ? 'chiso could not start in this browser. Reload the page to try again.'
        : 'Không khởi động được chiso trong trình duyệt này. Hãy tải lại trang.';
    };
    window.addEventListener('error', startFailed);
    window.addEventListener('unhandledrejection', startFailed);
    return outer;
  }

  // The app: the dataset preload, then the loader, its module and wasm preloads (held in
  // <template id="chiso-start"> by scripts/postbuild.mjs), copied into <head> as live elements.
  var started = false;
  // What to do if the app cannot start: set with the loading line; unset for a snapshot, which
  // stays readable. (Only declared here: the run after #chiso-root returns before this line.)
  var startFailed;
  function start() {
    if (started) return;
    started = true;
    preloadData();
    var held = document.getElementById('chiso-start');
    if (!held) return;
    var tags = held.content.children;
    for (var i = 0; i < tags.length; i++) {
      var live = document.createElement(tags[i].tagName);
      for (var j = 0; j < tags[i].attributes.length; j++) {
        live.setAttribute(tags[i].attributes[j].name, tags[i].attributes[j].value);
      }
      // A loader that cannot be fetched reports no error to the window.
      live.onerror = function () {
        if (startFailed) startFailed();
      };
      document.head.appendChild(live);
    }
  }

  function snapKey() {
    var params = window.location.search.replace(/^\?/, '').split('&').filter(function (p) {
      return p !== '' && p !== 'v=1' && p.indexOf('eid=') !== 0;
    });
    return window.location.hash.indexOf('#d1.') === 0 ? '#own' : params.join('&');
  }

  function preloadData() {
    var BUILTIN = ['hanoi-cchc', 'pci', 'papi', 'par-index'];
    var query = new URLSearchParams(window.location.search);
    if (query.has('data') || query.get('view') === 'data') return;
    var ds = query.get('ds');
    if (ds === 'own') return;
    var id = BUILTIN.indexOf(ds) >= 0 ? ds : BUILTIN[0];
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = 'data/' + id + '.json';
    document.head.appendChild(link);
  }
})();
