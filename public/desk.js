// The publisher's desk (desk.html): a sheet becomes a feed in this browser.
// Every rule and every sentence about the sheet is bawaba-feed's own Rust
// code, compiled to the wasm named in <meta name="bawaba-desk"> (crates/desk,
// tools/pass-wasm.mjs); this file only moves bytes and draws what it says,
// as text, never as HTML. Nothing leaves the computer.

const LANGS = [['ar', 'العربية'], ['en', 'English'], ['he', 'עברית'], ['fr', 'Français']];
const $ = (id) => document.getElementById(id);
const encode = (s) => new TextEncoder().encode(s);

const wasmName = document.querySelector('meta[name="bawaba-desk"]').content;
const module = await WebAssembly.instantiateStreaming(fetch(wasmName), {})
  .catch(async () => WebAssembly.instantiate(await (await fetch(wasmName)).arrayBuffer(), {}));
const x = module.instance.exports;

/** One call of the module (crates/module): bytes in, its answer's bytes
 * out (a copy: the module's memory is reused by its next call), or null
 * when it takes no input that long. */
function callBytes(name, bytes) {
  const at = x.input(bytes.length);
  if (!at) return null;
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  const n = x[name]();
  return new Uint8Array(x.memory.buffer, x.output(), n).slice();
}

/** The same, for an answer that is text. */
function call(name, bytes) {
  const answer = callBytes(name, bytes);
  return answer && new TextDecoder().decode(answer);
}

/** A request: a line of JSON, then the files' bytes one after the other. */
function request(head, ...files) {
  const line = encode(JSON.stringify(head) + '\n');
  const out = new Uint8Array(files.reduce((n, f) => n + f.length, line.length));
  out.set(line);
  let at = line.length;
  for (const f of files) {
    out.set(f, at);
    at += f.length;
  }
  return out;
}

const asked = new URLSearchParams(location.search).get('lang');
const fromBrowser = (navigator.languages ?? []).map((l) => l.slice(0, 2)).find((l) => LANGS.some(([t]) => t === l));
let lang = LANGS.some(([t]) => t === asked) ? asked : fromBrowser ?? 'ar';
let words = {};
let last = null;
/** The feed last made here, until the sheet changes: { text, id }. */
let feed = null;
/** Its signature, once signed here. */
let signature = null;

// The public keys this deployment trusts, to warn before a feed is signed
// with another (null: config.json could not be read, offline perhaps).
const trustedKeys = fetch('config.json').then((r) => r.json()).then((c) => (c.trusted_keys ?? []).map((k) => k.ed25519)).catch(() => null);

function showLanguage() {
  words = JSON.parse(call('words', encode(lang)));
  document.documentElement.lang = lang;
  document.documentElement.dir = words.dir;
  document.title = `${words.title} · Bawaba`;
  for (const node of document.querySelectorAll('[data-w]')) node.textContent = words[node.dataset.w] ?? '';
  const nav = $('langs');
  nav.replaceChildren(...LANGS.map(([tag, name]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.lang = tag;
    b.textContent = name;
    b.setAttribute('aria-pressed', String(tag === lang));
    b.addEventListener('click', () => {
      lang = tag;
      const url = new URL(location.href);
      url.searchParams.set('lang', tag);
      history.replaceState(null, '', url);
      showLanguage();
      // Said again in the new language: the check, then the signature
      // (a new check forgets the feed it had until it has read the file).
      if (last) check(last).then(() => lastKey && feed && sign(lastKey));
    });
    return b;
  }));
}

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
};

function list(found, warn) {
  const ul = el('ul', warn ? 'found warn' : 'found');
  for (const f of found) {
    const li = el('li');
    li.append(el('span', 'at', f.at), el('span', 'text', f.text));
    if (f.hint) li.append(el('span', 'hint', f.hint));
    ul.append(li);
  }
  return ul;
}

/** A link that saves `text` as the file `name` (revoked when replaced). */
const urls = new Map();
function saveLink(slot, text, name, label) {
  if (urls.has(slot)) URL.revokeObjectURL(urls.get(slot));
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  urls.set(slot, url);
  const a = el('a', 'save', label);
  a.href = url;
  a.download = name;
  return a;
}

/** Reads the chosen file and shows what import says about it. */
async function check(file) {
  last = file;
  feed = null;
  // Nothing of the file before stays on screen while this one is read.
  $('result').replaceChildren();
  signature = null;
  $('signing').hidden = true;
  $('publishing').hidden = true;
  $('preview').hidden = true;
  $('signed').replaceChildren();
  $('published').replaceChildren();
  const head = {
    lang, name: file.name, kind: $('kind').value, now: new Date().toISOString(),
    id: $('id').value.trim() || undefined, publisher: $('publisher').value.trim() || undefined, demo: $('demo').checked,
  };
  const text = call('import', request(head, new Uint8Array(await file.arrayBuffer())));
  const out = $('result');
  // Over the import's size limit (the module refuses to take it).
  const said = text ? JSON.parse(text) : { read: false, text: `${words.unreadable}: > 96 MiB` };
  if (!said.read) {
    out.replaceChildren(el('p', 'summary bad', said.text), ...(said.hint ? [el('p', null, said.hint)] : []));
    return;
  }
  const errors = said.found.filter((f) => f.error);
  const warnings = said.found.filter((f) => !f.error);
  const parts = [];
  if (said.feed == null) {
    parts.push(el('p', 'summary bad', words.blocked.replace('{n}', String(said.errors))), list(errors, false));
  } else {
    parts.push(el('p', 'summary good', words.ready.replace('{n}', String(said.items))));
    feed = { text: said.feed, id: JSON.parse(said.feed).id };
    parts.push(saveLink('feed', said.feed, `${feed.id}.json`, words.save), ' ');
    const csv = callBytes('export', encode(said.feed));
    if (csv?.length) parts.push(saveLink('csv', csv, `${feed.id}.csv`, words.save_csv));
    $('signing').hidden = false;
    offerPublish();
  }
  if (warnings.length) parts.push(el('h2', null, words.warnings), list(warnings, true));
  out.replaceChildren(...parts);
}

let lastKey = null;
/** Signs the feed with the chosen key file, as `bawaba-feed sign` does. */
async function sign(keyFile) {
  lastKey = keyFile;
  const said = JSON.parse(call('sign', request({ lang, key: await keyFile.text(), trusted: await trustedKeys }, encode(feed.text))));
  const out = $('signed');
  if (!said.signed) {
    out.replaceChildren(el('p', 'summary bad', said.text));
    return;
  }
  signature = said.sig;
  const parts = [el('p', 'summary good', words.signed), saveLink('sig', said.sig, `${feed.id}.json.sig`, words.save_sig)];
  // No trusted key at all: the portal checks nothing, so nothing is refused.
  if ((await trustedKeys)?.length === 0) parts.push(el('p', null, words.unchecked));
  else if (said.trusted === false) parts.push(el('p', 'summary bad', words.untrusted));
  if (said.trusted === true) parts.push(el('p', null, words.trusted));
  const key = el('p', null, `${words.public}: `);
  key.append(el('code', 'key', said.public));
  parts.push(key);
  out.replaceChildren(...parts);
}

/** The deployment's config.json, as this site serves it, or null. */
const deployment = () => fetch('config.json', { cache: 'no-cache' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
const local = (config) => (config?.feeds ?? []).filter((u) => typeof u === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(u));
const bytesOf = (url) => fetch(url, { cache: 'no-cache' }).then((r) => (r.ok ? r.arrayBuffer().then((b) => new Uint8Array(b)) : null)).catch(() => null);

/** Which of the deployment's feeds the new one replaces: the one with its
 * id, else the first of its kind, else the first. */
async function offerPublish() {
  const config = await deployment();
  const select = $('replaces');
  const urls = local(config);
  if (!urls.length) return;
  const kind = JSON.parse(feed.text).kind;
  const known = await Promise.all(urls.map((u) => fetch(u, { cache: 'no-cache' }).then((r) => r.json()).catch(() => ({}))));
  const pick = urls[known.findIndex((f) => f.id === feed.id)] ?? urls[known.findIndex((f) => f.kind === kind)] ?? urls[0];
  select.replaceChildren(...urls.map((u) => Object.assign(el('option', null, u), { value: u, selected: u === pick })));
  $('publishing').hidden = false;
}

/** bawaba-feed publish on the deployment's files, the new feed (and its
 * signature, if signed here) in place of the chosen one: one zip. */
async function publish() {
  const out = $('published');
  out.replaceChildren(el('p', null, words.publishing));
  // config.json read once: the bytes publish reads are the ones listed from.
  const configBytes = await bytesOf('config.json');
  let config = null;
  try {
    config = configBytes && JSON.parse(new TextDecoder().decode(configBytes));
  } catch {
    // Not a config: said below, as with none.
  }
  if (!config) {
    out.replaceChildren(el('p', 'summary bad', words.no_deployment));
    return;
  }
  const chosen = $('replaces').value;
  const files = [['config.json', configBytes], ['index.html', await bytesOf('index.html')]];
  for (const url of local(config)) {
    if (url === chosen) {
      files.push([url, encode(feed.text)]);
      if (signature) files.push([url + '.sig', encode(signature)]);
    } else {
      files.push([url, await bytesOf(url)], [url + '.sig', await bytesOf(url + '.sig')]);
    }
  }
  const present = files.filter(([, b]) => b);
  const head = { lang, now: new Date().toISOString(), files: present.map(([p, b]) => [p, b.length]), carry: [chosen, chosen + '.sig'] };
  // Let "writing" show: the module works on this thread for a few seconds.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const answer = callBytes('publish', request(head, ...present.map(([, b]) => b)));
  const cut = answer?.indexOf(10) ?? -1;
  if (cut < 0) {
    out.replaceChildren(el('p', 'summary bad', words.no_deployment));
    return;
  }
  const said = JSON.parse(new TextDecoder().decode(answer.subarray(0, cut)));
  const parts = [el('p', said.code === 0 ? 'summary good' : 'summary bad', words.published.replace('{n}', String(said.files.length)))];
  if (said.left_out.length) {
    parts.push(el('p', null, words.left_out));
    const ul = el('ul', 'found');
    for (const l of said.left_out) {
      const li = el('li');
      li.append(el('span', 'at', l.url), el('span', 'text', l.why));
      ul.append(li);
    }
    parts.push(ul);
  }
  parts.push(saveLink('zip', answer.subarray(cut + 1), 'bawaba-pages.zip', words.save_zip));
  out.replaceChildren(...parts);
  showPreview(said.pages);
}

/** The static pages publish wrote, one language at a time, in a frame
 * where nothing runs. */
function showPreview(pages) {
  const tags = LANGS.filter(([t]) => pages[t]);
  if (!tags.length) return;
  // Made here, not in the page: an empty sandboxed frame is reported as
  // blocked script. No script runs in it; the page's own styles only.
  const frame = $('page') ?? Object.assign(document.createElement('iframe'), { id: 'page' });
  frame.setAttribute('sandbox', '');
  $('preview').append(frame);
  const show = (tag) => {
    // Without the feeds the page carries for "Pass it on" (script blocks of
    // JSON): a frame where nothing runs reports each as blocked.
    frame.srcdoc = pages[tag].replace(/<script\b[\s\S]*?<\/script>/gi, '');
    frame.title = `${words.preview} (${tag})`;
    for (const b of $('preview-langs').children) b.setAttribute('aria-pressed', String(b.lang === tag));
  };
  $('preview-langs').replaceChildren(...tags.map(([tag, name]) => {
    const b = el('button', null, name);
    b.type = 'button';
    b.lang = tag;
    b.addEventListener('click', () => show(tag));
    return b;
  }));
  show(pages[lang] ? lang : tags[0][0]);
  $('preview').hidden = false;
}

/** A new key from this browser's random source, as `bawaba-feed keygen` writes it. */
function makeKey() {
  const made = JSON.parse(call('keygen', crypto.getRandomValues(new Uint8Array(32))));
  $('made').replaceChildren(
    el('p', null, words.key_made),
    saveLink('key', made.secret, 'publisher.key', words.save_key),
    ' ',
    saveLink('pub', made.public, 'publisher.key.pub', words.save_pub),
  );
}

/** Once this deployment's service worker controls the page, the desk's files
 * are fetched through it again (from the browser's cache) so it keeps them:
 * the desk then opens with no network. */
async function keepOffline() {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  await sw.register('sw.js').catch(() => null);
  if (!sw.controller) await new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
  await Promise.all([location.pathname.split('/').pop() || 'desk.html', 'desk.js', 'desk.css', wasmName].map((f) => fetch(f, { cache: 'force-cache' }).catch(() => null)));
  document.documentElement.dataset.offline = 'ready';
}

showLanguage();
keepOffline();
$('sheet').hidden = false;
$('signing').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = $('key').files[0];
  if (key && feed) sign(key);
});
$('make-key').addEventListener('click', makeKey);
$('publishing').addEventListener('submit', (e) => {
  e.preventDefault();
  if (feed) publish();
});
$('keys').hidden = false;
$('sheet').addEventListener('submit', (e) => {
  e.preventDefault();
  const file = $('file').files[0];
  if (file) check(file);
});
