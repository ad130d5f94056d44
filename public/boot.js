// public/boot.js runs twice (ARCHITECTURE.md, "First paint"): in <head> it marks
// <html data-snap> with the link's snapshot key and preloads the link's dataset (BUILTIN:
// crates/engine/tests/preload_data.rs); after #chiso-root it shows the link's snapshot, or none.
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
      if (match) {
        shown.replaceWith(match.content.cloneNode(true));
      } else {
        shown.remove();
      }
    }
    var snap = root.querySelector('div[data-snapshot]');
    if (snap) snap.inert = true;
    return;
  }

  var params = window.location.search.replace(/^\?/, '').split('&').filter(function (p) {
    return p !== '' && p.indexOf('v=') !== 0 && p.indexOf('eid=') !== 0;
  });
  var own = window.location.hash.indexOf('#d1.') === 0;
  html.setAttribute('data-snap', own ? '#own' : params.join('&'));

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
})();
