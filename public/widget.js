/*! Bawaba widget page: keeps the items of the area asked for (?area=), or
 * the one item (?id=), as many as asked (?limit=, 10 unless told), in the
 * theme asked (?theme=dark), and tells the page around it its height
 * (?wid=, for embed.js). The page `bawaba-feed publish` wrote holds every
 * item, so without this script it still shows them all. On a deployment
 * never published, the page is a placeholder that hands over to the live
 * widget with the same settings.
 */
(function () {
  'use strict';
  var q = new URLSearchParams(location.search);
  var root = document.documentElement;
  var live = root.getAttribute('data-live');
  if (live) {
    location.replace('../?' + live + (location.search ? '&' + location.search.slice(1) : ''));
    return;
  }
  root.setAttribute('data-theme', q.get('theme') === 'dark' ? 'dark' : 'light');
  var area = q.get('area');
  var id = q.get('id');
  var limit = parseInt(q.get('limit') || '', 10);
  if (!(limit > 0)) limit = 10;
  var shown = 0;
  Array.prototype.forEach.call(document.querySelectorAll('.widget-items > li'), function (li) {
    var areas = ' ' + (li.getAttribute('data-area') || '') + ' ';
    var keep = (!area || areas.indexOf(' ' + area + ' ') >= 0) && (!id || li.getAttribute('data-id') === id) && shown < limit;
    if (keep) shown += 1;
    else li.parentNode.removeChild(li);
  });
  var none = document.querySelector('.widget-none');
  if (none && shown === 0) none.hidden = false;
  var byArea = function (selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (el) {
      return el.getAttribute('data-area') === area;
    })[0];
  };
  if (area) {
    // The danger notices of this area and of the whole Strip, in place of all of them.
    var dangers = byArea('template[data-area]');
    var all = document.querySelector('.widget-dangers');
    if (dangers && all) all.parentNode.replaceChild(dangers.content.cloneNode(true), all);
    var named = byArea('.widget-areas > li');
    var title = document.querySelector('.widget-area');
    if (named && title) title.textContent = ' · ' + named.textContent;
    var full = document.querySelector('.open-full a');
    if (full) full.href += '&area=' + encodeURIComponent(area);
  }
  var wid = q.get('wid');
  if (!wid || window.parent === window) return;
  // Only the height and the widget's id: the page does not know, and must
  // not care, who embeds it.
  var sent = 0;
  function send() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ bawaba: 'height', wid: wid, height: height }, '*');
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
  else window.addEventListener('load', send);
  send();
})();
