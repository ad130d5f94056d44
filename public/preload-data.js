// public/preload-data.js — starts downloading the dataset this link opens while the wasm is still
// on its way: a <link rel=preload as=fetch> the app's own fetch of the same URL then finds
// ready. Only the built-in datasets are named here (a file is data/<id>.json, the engine's
// datasets.rs; crates/engine/tests/preload_data.rs checks the list); a link with its own
// `data=` file, the reader's own table (`ds=own`) or the own-data view preloads nothing, and an
// unknown `ds=` preloads the default dataset, as the app then shows it.
(function () {
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
