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

/** One call of the module (crates/module): bytes in, its answer out. */
function call(name, bytes) {
  const at = x.input(bytes.length);
  if (!at) return null;
  new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
  const n = x[name]();
  return new TextDecoder().decode(new Uint8Array(x.memory.buffer, x.output(), n));
}

const asked = new URLSearchParams(location.search).get('lang');
const fromBrowser = (navigator.languages ?? []).map((l) => l.slice(0, 2)).find((l) => LANGS.some(([t]) => t === l));
let lang = LANGS.some(([t]) => t === asked) ? asked : fromBrowser ?? 'ar';
let words = {};
let last = null;

function showLanguage() {
  words = JSON.parse(call('words', encode(lang)));
  document.documentElement.lang = lang;
  document.documentElement.dir = words.dir;
  document.title = `${words.title} · Bawaba`;
  for (const el of document.querySelectorAll('[data-w]')) el.textContent = words[el.dataset.w] ?? '';
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
      if (last) check(last);
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

let saveUrl = null;
/** Reads the chosen file and shows what import says about it. */
async function check(file) {
  last = file;
  const head = {
    lang, name: file.name, kind: $('kind').value, now: new Date().toISOString(),
    id: $('id').value.trim() || undefined, publisher: $('publisher').value.trim() || undefined, demo: $('demo').checked,
  };
  const body = new Uint8Array(await file.arrayBuffer());
  const line = encode(JSON.stringify(head) + '\n');
  const request = new Uint8Array(line.length + body.length);
  request.set(line);
  request.set(body, line.length);
  const text = call('import', request);
  const out = $('result');
  if (saveUrl) URL.revokeObjectURL(saveUrl);
  saveUrl = null;
  // Over the import's size limit (the module refuses to take it).
  const said = text ? JSON.parse(text) : { read: false, text: `${words.unreadable}: > 10 MiB` };
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
    saveUrl = URL.createObjectURL(new Blob([said.feed], { type: 'application/json' }));
    const a = el('a', 'save', words.save);
    a.href = saveUrl;
    a.download = `${JSON.parse(said.feed).id}.json`;
    parts.push(a);
  }
  if (warnings.length) parts.push(el('h2', null, words.warnings), list(warnings, true));
  out.replaceChildren(...parts);
}

showLanguage();
$('sheet').hidden = false;
$('sheet').addEventListener('submit', (e) => {
  e.preventDefault();
  const file = $('file').files[0];
  if (file) check(file);
});
