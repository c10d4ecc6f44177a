/*! Bawaba widget loader. Paste where the widget should appear:
 *   <script src="https://YOUR-HOST/portal/embed.js" data-feed="distribution"
 *           data-lang="ar" data-area="khan_younis" async></script>
 * data-feed: corridors | distribution | notices   data-lang: ar | en | he | fr
 * optional: data-area, data-id, data-limit, data-theme="dark", data-compact,
 * data-title (the iframe's name for screen readers).
 * Puts an iframe right where the script tag is and keeps it as tall as its
 * content. Several widgets on one page work independently. No cookies, no
 * storage, no other requests; messages are accepted only from the portal's
 * origin and from this widget's own frame, and carry only a height.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var portal = new URL('./', script.src);
  var d = script.dataset;
  var feed = /^(corridors|distribution|notices)$/.test(d.feed || '') ? d.feed : 'corridors';
  var lang = /^(ar|en|he|fr)$/.test(d.lang || '') ? d.lang : (document.documentElement.lang || 'ar').slice(0, 2);
  // The widget's page as `bawaba-feed publish` writes it: its items in
  // the HTML, no app to start (a few KB instead of the whole portal on a
  // visitor's 2G link); widget.js keeps the area, id and limit asked for.
  var page = 'widgets/' + feed + '-' + lang + ('compact' in d ? '-compact' : '') + '.html';
  var params = new URLSearchParams();
  ['area', 'id', 'limit', 'theme'].forEach(function (k) { if (d[k]) params.set(k, d[k]); });
  var wid = 'w' + Math.random().toString(36).slice(2, 10);
  params.set('wid', wid);

  var titles = {
    corridors: { ar: 'المعابر والطرق', en: 'Crossings and roads', he: 'מעברים ודרכים', fr: 'Points de passage et routes' },
    distribution: { ar: 'نقاط توزيع المساعدات', en: 'Aid distribution points', he: 'נקודות חלוקת סיוע', fr: 'Points de distribution d’aide' },
    notices: { ar: 'التنبيهات', en: 'Notices', he: 'הודעות', fr: 'Avis' },
  };
  var iframe = document.createElement('iframe');
  iframe.src = portal.href + page + '?' + params.toString();
  iframe.title = d.title || (titles[feed][lang] || titles[feed].en) + ' — Bawaba';
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  iframe.style.cssText = 'display:block;width:100%;border:0;height:360px;';
  script.parentNode.insertBefore(iframe, script.nextSibling);

  window.addEventListener('message', function (e) {
    if (e.origin !== portal.origin || e.source !== iframe.contentWindow) return;
    var m = e.data;
    if (!m || m.bawaba !== 'height' || m.wid !== wid) return;
    var h = Math.ceil(Number(m.height));
    if (h > 0 && h < 50000) iframe.style.height = h + 'px';
  });
})();
