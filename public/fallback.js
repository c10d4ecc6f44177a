// For browsers that cannot run the app (no WebAssembly, or the wasm failed to
// load): a clear message instead of a page stuck on "loading", and the latest
// notices as plain text when they can be had. Written in ES5 with
// XMLHttpRequest because the browsers that need it are old. Feed text is only
// ever set with textContent, never as HTML. The app itself removes #boot as
// soon as it starts, which is how this script knows it is not needed.
(function () {
  'use strict';

  var TEXT = {
    ar: {
      title: 'متصفح هذا الهاتف لا يستطيع تشغيل تطبيق بوابة.',
      body: 'يحتاج التطبيق إلى متصفح يدعم WebAssembly، مثل نسخة حديثة من كروم أو فايرفوكس أو سامسونج إنترنت.',
      simple: 'صفحة بسيطة للهواتف القديمة: كل المعلومات، وتعمل على هذا الهاتف',
      notices: 'آخر التنبيهات (نص بسيط)',
      none: 'تعذّر تحميل التنبيهات.',
      demo: 'بيانات تجريبية — ليست معلومات حقيقية. لا تعتمد عليها في التخطيط لتنقّل أو زيارة.',
      signed: 'هذه التنبيهات موقّعة، وهذا المتصفح لا يستطيع التحقق من التواقيع، لذلك لا تُعرض.'
    },
    en: {
      title: 'This phone\u2019s browser cannot run the Bawaba app.',
      body: 'It needs a browser with WebAssembly, such as an up-to-date Chrome, Firefox or Samsung Internet.',
      simple: 'Simple page for old phones: all the information, and it works on this phone',
      notices: 'Latest notices (plain text)',
      none: 'Could not load the notices.',
      demo: 'DEMO DATA \u2014 not real information. Do not use it to plan a journey or a visit.',
      signed: 'These notices are signed and this browser cannot check signatures, so they are not shown.'
    },
    he: {
      title: 'הדפדפן בטלפון הזה אינו יכול להפעיל את אפליקציית בוואבה.',
      body: 'נדרש דפדפן שתומך ב־WebAssembly, כמו גרסה עדכנית של Chrome,\u200f Firefox או Samsung Internet.',
      simple: 'דף פשוט לטלפונים ישנים: כל המידע, והוא עובד בטלפון הזה',
      notices: 'ההודעות האחרונות (טקסט פשוט)',
      none: 'לא ניתן לטעון את ההודעות.',
      demo: 'נתוני הדגמה — לא מידע אמיתי. אין להסתמך עליהם לתכנון נסיעה או הגעה.',
      signed: 'ההודעות האלה חתומות והדפדפן הזה אינו יכול לבדוק חתימות, ולכן הן אינן מוצגות.'
    },
    fr: {
      title: 'Le navigateur de ce téléphone ne peut pas faire fonctionner l\u2019application Bawaba.',
      body: 'Il faut un navigateur compatible WebAssembly, comme une version récente de Chrome, Firefox ou Samsung Internet.',
      simple: 'Page simple pour anciens téléphones\u00a0: toutes les informations, et elle fonctionne sur ce téléphone',
      notices: 'Derniers avis (texte simple)',
      none: 'Impossible de charger les avis.',
      demo: 'DONNÉES DE DÉMONSTRATION \u2014 pas de vraies informations. Ne vous en servez pas pour préparer un trajet ou un déplacement.',
      signed: 'Ces avis sont signés et ce navigateur ne sait pas contrôler les signatures\u00a0: ils ne sont pas affichés.'
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

  function pick(text, lang) {
    if (!text || typeof text !== 'object') return null;
    var tags = [lang].concat(ORDER);
    for (var i = 0; i < tags.length; i++) {
      if (typeof text[tags[i]] === 'string' && text[tags[i]]) return [text[tags[i]], tags[i]];
    }
    for (var k in text) {
      if (Object.prototype.hasOwnProperty.call(text, k) && typeof text[k] === 'string' && text[k]) return [text[k], k];
    }
    return null;
  }

  function get(url, done) {
    var x = new XMLHttpRequest();
    x.open('GET', url);
    x.timeout = 45000;
    x.onload = function () {
      var data = null;
      if (x.status >= 200 && x.status < 300) {
        try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      }
      done(data);
    };
    x.onerror = x.ontimeout = function () { done(null); };
    x.send();
  }

  function safeFeedUrl(u) {
    if (typeof u !== 'string') return false;
    var s = u.replace(/^\s+/, '').toLowerCase();
    if (!s || s.indexOf('//') === 0) return false;
    var colon = s.indexOf(':');
    var slash = s.indexOf('/');
    return colon < 0 || (slash >= 0 && slash < colon) || s.indexOf('https:') === 0;
  }

  function showNotices(box, lang) {
    var list = el('div');
    box.appendChild(el('h2', TEXT[lang].notices, lang));
    box.appendChild(list);
    var failed = function (key) { list.appendChild(el('p', TEXT[lang][key], lang)); };
    get('config.json', function (config) {
      if (!config || !config.feeds || !config.feeds.length) return failed('none');
      if (config.trusted_keys && config.trusted_keys.length) return failed('signed');
      var pending = 0;
      var shownAny = false;
      for (var i = 0; i < config.feeds.length; i++) {
        if (!safeFeedUrl(config.feeds[i])) continue;
        pending++;
        get(config.feeds[i], function (feed) {
          pending--;
          if (feed && feed.kind === 'notices' && feed.items && feed.items.length) {
            shownAny = true;
            if (feed.demo !== false) list.appendChild(el('p', TEXT[lang].demo, lang)).className = 'demo-banner';
            var items = feed.items.slice(0, 30);
            for (var j = 0; j < items.length; j++) {
              var title = pick(items[j] && items[j].title, lang);
              if (!title) continue;
              var art = el('article');
              art.className = 'card';
              art.appendChild(el('h3', title[0], title[1]));
              var body = pick(items[j].body, lang);
              if (body) art.appendChild(el('p', body[0], body[1]));
              if (typeof items[j].updated_at === 'string') art.appendChild(el('p', items[j].updated_at, 'en')).className = 'note';
              list.appendChild(art);
            }
          }
          if (pending === 0 && !shownAny) failed('none');
        });
      }
      if (pending === 0) failed('none');
    });
  }

  function fail() {
    var boot = document.getElementById('boot');
    if (shown || !boot) return;
    shown = true;
    boot.setAttribute('role', 'alert');
    boot.className = 'boot no-app';
    while (boot.firstChild) boot.removeChild(boot.firstChild);
    var lang = preferred();
    var langs = [lang].concat(ORDER.filter(function (l) { return l !== lang; }));
    // The reader's language, then the notices, then the other languages.
    var box = el('section', '', lang);
    for (var i = 0; i < langs.length; i++) {
      var block = el('div', '', langs[i]);
      block.appendChild(el(i === 0 ? 'h1' : 'p', TEXT[langs[i]].title)).className = 'no-app-title';
      block.appendChild(el('p', TEXT[langs[i]].body));
      // The published edition (bawaba-feed publish): every item, no script.
      var simple = el('a', TEXT[langs[i]].simple);
      simple.href = 'static/' + langs[i] + '.html';
      simple.className = 'simple-page';
      block.appendChild(el('p')).appendChild(simple);
      boot.appendChild(block);
      if (i === 0) boot.appendChild(box);
    }
    showNotices(box, lang);
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
