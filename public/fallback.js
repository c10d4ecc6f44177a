// For browsers that cannot run the app (no WebAssembly, or the wasm failed to
// load): a clear message instead of a page stuck on "loading", with the way
// to the static pages `bawaba-feed publish` writes (every item, no script).
// When index.html carries the overview as published (#boot.snapshot), that
// stays below the message: the data is drawn once, by the shared components,
// never by a second template here. Written in ES5 because the browsers that
// need it are old. The app itself removes #boot or its loading text as soon
// as it starts, which is how this script knows it is not needed.
(function () {
  'use strict';

  var TEXT = {
    ar: {
      title: 'متصفح هذا الهاتف لا يستطيع تشغيل تطبيق بوابة.',
      body: 'يحتاج التطبيق إلى متصفح يدعم WebAssembly، مثل نسخة حديثة من كروم أو فايرفوكس أو سامسونج إنترنت.',
      simple: 'صفحة بسيطة للهواتف القديمة: كل المعلومات، وتعمل على هذا الهاتف'
    },
    en: {
      title: 'This phone\u2019s browser cannot run the Bawaba app.',
      body: 'It needs a browser with WebAssembly, such as an up-to-date Chrome, Firefox or Samsung Internet.',
      simple: 'Simple page for old phones: all the information, and it works on this phone'
    },
    he: {
      title: 'הדפדפן בטלפון הזה אינו יכול להפעיל את אפליקציית בוואבה.',
      body: 'נדרש דפדפן שתומך ב־WebAssembly, כמו גרסה עדכנית של Chrome,\u200f Firefox או Samsung Internet.',
      simple: 'דף פשוט לטלפונים ישנים: כל המידע, והוא עובד בטלפון הזה'
    },
    fr: {
      title: 'Le navigateur de ce téléphone ne peut pas faire fonctionner l\u2019application Bawaba.',
      body: 'Il faut un navigateur compatible WebAssembly, comme une version récente de Chrome, Firefox ou Samsung Internet.',
      simple: 'Page simple pour anciens téléphones\u00a0: toutes les informations, et elle fonctionne sur ce téléphone'
    }
  };
  var ORDER = ['ar', 'en', 'he', 'fr'];
  var RTL = { ar: true, he: true };
  var shown = false;

  function el(tag, text, lang) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (lang) {
      e.setAttribute('lang', lang);
      e.setAttribute('dir', RTL[lang.split('-')[0]] ? 'rtl' : 'ltr');
    }
    return e;
  }

  function preferred() {
    var langs = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < langs.length; i++) {
      var p = String(langs[i]).toLowerCase().split('-')[0];
      if (TEXT[p]) return p;
    }
    return 'ar';
  }

  function fail() {
    var boot = document.getElementById('boot');
    if (shown || !boot) return;
    shown = true;
    var snapshot = boot.className === 'snapshot';
    if (!snapshot) {
      while (boot.firstChild) boot.removeChild(boot.firstChild);
    }
    var box = el('div');
    box.className = 'no-app';
    box.setAttribute('role', 'alert');
    var lang = preferred();
    var langs = [lang].concat(ORDER.filter(function (l) { return l !== lang; }));
    // The reader's language first; under a snapshot, only that one (the
    // snapshot has its own language links).
    for (var i = 0; i < (snapshot ? 1 : langs.length); i++) {
      var block = el('div', '', langs[i]);
      block.appendChild(el(i === 0 && !snapshot ? 'h1' : 'p', TEXT[langs[i]].title)).className = 'no-app-title';
      block.appendChild(el('p', TEXT[langs[i]].body));
      var simple = el('a', TEXT[langs[i]].simple);
      simple.href = 'static/' + langs[i] + '.html';
      simple.className = 'simple-page';
      block.appendChild(el('p')).appendChild(simple);
      box.appendChild(block);
    }
    boot.insertBefore(box, boot.firstChild);
  }

  // A widget shows its own list only, never the page's overview: out
  // before the app starts, which on a slow link can take seconds.
  var boot = document.getElementById('boot');
  if (boot && boot.className === 'snapshot' && /[?&]embed=/.test(location.search)) {
    boot.className = 'boot';
    boot.textContent = '';
  }

  // The service worker (public/sw.js) installs once the app has drawn its
  // first data (page.rs's take_over marks #app data-live): its downloads
  // would compete with the app's own on a slow link. Never in a widget.
  // Once installed it is asked to keep, beyond what the app needs to start,
  // what this page fetched before the worker existed (the reader's
  // language, the parts of the app opened); and on a good connection, the
  // page idle, every optional file (the other languages, the posters' and
  // bulletins' modules, the icons, the parts). Not on 2G
  // (which browsers report as '3g' or slower), with Save-Data, or where the
  // browser does not say: there those come when asked, and About the data
  // offers to make "Pass it on" ready for a blackout.
  var sw = navigator.serviceWorker;
  var app = document.getElementById('app');
  if (sw && app && window.isSecureContext && !/[?&]embed=/.test(location.search)) {
    new MutationObserver(function (_, watch) {
      watch.disconnect();
      sw.register('sw.js');
    }).observe(app, { attributeFilter: ['data-live'] });
    sw.ready.then(function (reg) {
      var worker = reg.active, link = navigator.connection;
      // What this page fetched (public/sw.js, keep()).
      worker.postMessage({ keep: performance.getEntriesByType('resource').map(function (e) { return e.name; }) });
      if (link && link.effectiveType === '4g' && !link.saveData) {
        (window.requestIdleCallback || setTimeout)(function () { worker.postMessage({ keep: 'optional' }); });
      }
    });
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fail);
    else fail();
    return;
  }
  // The start-up module rejects when the wasm cannot be fetched or compiled.
  window.addEventListener('unhandledrejection', fail);
  window.addEventListener('error', fail);
})();
