/*! chiso embed loader — sizes chiso iframes to their content. Include once per page, from the
 * site that serves chiso: <script src="https://<chiso's site>/embed.js" async></script>
 *
 * For every <iframe data-chiso-id="..."> on the page:
 *  - before the chart inside has loaded, its height is picked by its own width from
 *    data-chiso-heights="narrow,medium,wide" (below 420 px, below 700 px, wider), so the article
 *    does not jump;
 *  - then it takes the height the page inside reports in a message {"chiso-height": N, "id": ID},
 *    sent on load and on every change. A message is used only when its id is the iframe's
 *    data-chiso-id, it comes from that iframe's own window (event.source), and its origin is the
 *    origin of the iframe's src. Anything else is ignored.
 * No request, cookie or storage of its own; it touches nothing but those iframes' height.
 */
(function () {
  'use strict';
  if (window.chisoEmbedLoader) return; // included twice: the first copy does the work
  window.chisoEmbedLoader = { version: 1 };

  var NARROW_BELOW_PX = 420;
  var MEDIUM_BELOW_PX = 700;
  var MIN_PX = 50;
  var MAX_PX = 20000;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-chiso-id]'));
  }

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  /** The starting height for the iframe's width, until the page inside reports its own. */
  function presize(frame) {
    if (frame.getAttribute('data-chiso-sized') === 'content') return;
    var heights = (frame.getAttribute('data-chiso-heights') || '').split(',').map(Number);
    if (heights.length !== 3 || !heights.every(function (h) { return h >= MIN_PX && h <= MAX_PX; })) return;
    var width = frame.getBoundingClientRect().width;
    var px = width < NARROW_BELOW_PX ? heights[0] : width < MEDIUM_BELOW_PX ? heights[1] : heights[2];
    frame.style.height = px + 'px';
    frame.setAttribute('data-chiso-sized', 'width');
  }

  function presizeAll() {
    frames().forEach(presize);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    var px = data['chiso-height'];
    var id = data.id;
    if (typeof px !== 'number' || !isFinite(px) || typeof id !== 'string') return;
    var list = frames();
    for (var i = 0; i < list.length; i += 1) {
      var frame = list[i];
      if (frame.getAttribute('data-chiso-id') !== id) continue;
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== originOf(frame)) continue;
      var height = Math.min(MAX_PX, Math.max(MIN_PX, Math.ceil(px)));
      frame.style.height = height + 'px';
      frame.setAttribute('data-chiso-sized', 'content');
      return;
    }
  });

  presizeAll();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', presizeAll);
  }
  // A rotated phone or a resized window changes the column before the embeds have reported.
  window.addEventListener('resize', presizeAll);
})();
