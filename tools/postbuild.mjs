// Trunk post-build hook (see Trunk.toml): runs in trunk's staging directory.
// 1. Writes the service worker's shell list and version from the files trunk
//    actually produced (their names carry content hashes).
// 2. Writes precompressed .br and .gz copies next to every text and wasm file
//    but config.json and data/,
//    for CDNs that serve them (Content-Encoding by Accept-Encoding).

import { readdir, readFile, writeFile, stat, unlink, rm } from 'node:fs/promises';
import { join, relative, extname, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { moduleWasm, passWasm } from './pass-wasm.mjs';
import { splitApp, minify } from './split.mjs';
import { writeWidgetPlaceholders } from './widget-pages.mjs';
import { loadedBy } from './shell-size.mjs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk, or pass the directory)');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

async function walk(d) {
  const out = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

// 0. The posters' QR encoder (crates/qr): a wasm of its own, fetched only
//    when a poster is drawn, so the app shell does not carry it. Built here
//    (trunk builds one crate), always optimised: it is small and quick.
//    Named by its content hash, in index.html's <meta name="bawaba-qr">,
//    and precached by the service worker like the shell, for offline posters.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'bawaba-qr'], { cwd: root, stdio: 'inherit' });
const qrTmp = join(dir, 'qr.tmp');
const wasmOpt = existsSync(join(root, 'node_modules/.bin/wasm-opt')) ? join(root, 'node_modules/.bin/wasm-opt') : 'wasm-opt';
execFileSync(wasmOpt, ['-Oz', '--low-memory-unused', '--strip-debug', '--strip-producers', join(root, 'target/wasm32-unknown-unknown/release/bawaba_qr.wasm'), '-o', qrTmp], { stdio: 'inherit' });
const qrBytes = await readFile(qrTmp);
const qrName = `qr-${createHash('sha256').update(qrBytes).digest('hex').slice(0, 16)}.wasm`;
await writeFile(join(dir, qrName), qrBytes);
await unlink(qrTmp);

// 0a. The bulletin writer ("Pass it on", crates/edition): the pages
//     bawaba-feed publish writes, drawn by the same components, as a wasm
//     fetched only when a reader passes a bulletin on, and precached like
//     the shell so it works with no network. Leptos brings wasm-bindgen's
//     DOM imports along, which rendering to a string never calls: after
//     wasm-bindgen, each becomes a function that traps, so the module needs
//     no JavaScript glue (tools/pass-wasm.mjs).
execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'bawaba-edition'], { cwd: root, stdio: 'inherit' });
const passName = await passWasm(join(root, 'target/wasm32-unknown-unknown/release/bawaba_edition.wasm'), dir, wasmOpt);

// 0a'. The publisher's desk (crates/desk): bawaba-feed's import and check as
//     a wasm for desk.html, which names it; never loaded by the portal, never
//     precached for its readers (isKept below).
execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'bawaba-desk'], { cwd: root, stdio: 'inherit' });
const deskName = await moduleWasm(join(root, 'target/wasm32-unknown-unknown/release/bawaba_desk.wasm'), dir, wasmOpt, 'desk', ['import', 'publish', 'export', 'sign', 'keygen', 'words'], '-O1');
// Its page copied here, not through index.html (a trunk link leaves a line
// in every reader's first download).
await writeFile(join(dir, 'desk.html'), (await readFile(join(root, 'public', 'desk.html'), 'utf8')).replace('__DESK_WASM__', deskName));
for (const f of ['desk.js', 'desk.css']) await writeFile(join(dir, f), await readFile(join(root, 'public', f)));
// What the service worker keeps of the desk, when it is opened.
const deskFiles = ['desk.html', 'desk.js', 'desk.css', deskName];

// 0b. The languages the wasm does not carry (crates/ui/src/i18n/mod.rs):
//     written by bawaba-feed from the same tables, named by content hash in
//     index.html's <meta name="bawaba-strings">, precached like the shell.
const stringsTmp = join(dir, 'strings.tmp');
execFileSync('cargo', ['run', '--quiet', '-p', 'bawaba-feed', '--', 'strings', stringsTmp], { cwd: root, stdio: 'inherit' });
const bundles = {};
for (const lang of ['ar', 'he', 'fr']) {
  const body = await readFile(join(stringsTmp, `${lang}.txt`));
  bundles[lang] = `i18n-${lang}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.txt`;
  await writeFile(join(dir, bundles[lang]), body);
}
await rm(stringsTmp, { recursive: true });

// 0c. The app in parts (tools/split.mjs): the views opened on purpose leave
//     the main wasm, fetched when first opened.
const indexFile = join(dir, 'index.html');
const split = splitApp({ root, dir, html: await readFile(indexFile, 'utf8'), release, wasmOpt });
await writeFile(indexFile, split.html);
console.log(`app in parts: ${split.link} loads ${split.parts.join(', ')}`);

// 0d. The widgets' pages until `bawaba-feed publish` writes them
//     (tools/widget-pages.mjs).
await writeWidgetPlaceholders(dir);

const files = (await walk(dir)).map((f) => relative(dir, f).split('\\').join('/'));

// fallback.js minified (its comments explain it in public/), and kept to
// ES5: it is what a browser too old for the app runs.
const fallbackPath = join(dir, 'fallback.js');
if (files.includes('fallback.js')) {
  await writeFile(fallbackPath, minify(await readFile(fallbackPath, 'utf8'), 'es5', undefined));
}
// The parts' stylesheet too, fetched with the first view that needs it
// (0.5 KB of its 1.7 KB of brotli).
const viewsCss = join(dir, 'views.css');
if (files.includes('views.css')) await writeFile(viewsCss, minify(await readFile(viewsCss, 'utf8'), undefined, undefined, 'css'));

// What the service worker keeps: never the data (config.json and feeds
// change without a build; the app keeps those), nor embed.js and widget.js
// (for the sites that embed a widget).
const isKept = (f) =>
  f === 'index.html' || /\.(js|wasm|css)$/.test(f) && !f.includes('/') || /^i18n-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(f) || f === 'manifest.webmanifest' || f.startsWith('icons/');
const kept = files.filter((f) => isKept(f) && !['sw.js', 'embed.js', 'widget.js'].includes(f) && !f.startsWith('desk') && !/\.(br|gz)$/.test(f)).sort();

// 0. Content-Security-Policy. No 'unsafe-inline' anywhere: trunk's inline
//    start-up script and the inlined stylesheet are allowed by their hashes.
//    connect-src is this origin plus the origins of absolute feed URLs in the
//    config.json of this build (a feed host added later needs a rebuild, or
//    the CDN header documented in the README).
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
// The inlined stylesheet minified (esbuild): about 1 KB of brotli off every
// first visit.
html = html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) => open + minify(css, undefined, undefined, 'css') + close);
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]));
const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));
let feedOrigins = [];
let preloads = [];
let defaultLanguage = null;
try {
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  const feeds = (config.feeds ?? []).filter((u) => typeof u === 'string' && (/^https:\/\//i.test(u) || !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(u)));
  feedOrigins = [...new Set(feeds.filter((u) => /^https:\/\//i.test(u)).map((u) => new URL(u).origin))];
  // The feeds download while the wasm does, instead of after it starts: on a
  // 2G link that saves two round trips before the first information shows.
  const signed = Array.isArray(config.trusted_keys) && config.trusted_keys.length > 0;
  preloads = feeds.flatMap((u) => (signed ? [u, u + '.sig'] : [u]));
  // The deployment's default language, needed before anything is drawn in it.
  defaultLanguage = config.default_language;
  if (bundles[config.default_language]) preloads.unshift(bundles[config.default_language]);
} catch {
  // No or broken config.json: the portal reports that itself; 'self' only.
}
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const preloadTags = preloads.map((u) => `<link rel="preload" href="${attr(u)}" as="fetch" crossorigin="anonymous">`).join('');
html = html.replace('<!--__FEED_PRELOADS__-->', preloadTags);
// Comments in index.html are for its readers here, not for every first
// visit; only the snapshot's two markers stay (bawaba-feed publish writes
// between them).
html = html.replace(/<!--(?! ?\/?bawaba:snapshot)[\s\S]*?-->/g, '');
// The bulletin writer's size on the wire (brotli), for "make it ready for
// use offline (… KB)" in About the data.
const passKB = Math.round(brotliCompressSync(await readFile(join(dir, passName)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024);
html = html.replace('</head>', `<meta name="bawaba-qr" content="${qrName}"><meta name="bawaba-pass" content="${passName}" data-kb="${passKB}"><meta name="bawaba-strings" content="${Object.values(bundles).join(' ')}"></head>`);
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts.join(' ')}`,
  `style-src 'self' ${inlineStyles.join(' ')}`,
  "img-src 'self' data:",
  `connect-src 'self' ${feedOrigins.join(' ')}`.trim(),
  "manifest-src 'self'",
  "worker-src 'self'",
  // The widget builder previews a widget of this same portal.
  "frame-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
if (!html.includes('__CSP__')) throw new Error('index.html has no __CSP__ placeholder');
html = html.replace('__CSP__', csp);
await writeFile(indexPath, html);
await writeFile(join(dir, 'csp.txt'), csp + '\n');
console.log(`content security policy: ${inlineScripts.length} inline script(s), ${inlineStyles.length} inline style(s), ${feedOrigins.length} feed origin(s)`);

// The shell: what the app needs to start with no network (index.html, the
// app's script and wasm that it loads, the deployment's default language,
// the manifest); the rest is optional (the icons too: the browser fetches
// those itself when the app is added to the home screen), kept when first fetched, or when
// the page asks on a good connection. The names that carry their content's
// hash are listed apart: the worker takes those from the browser's HTTP
// cache, where the page has just put them, instead of downloading them again.
const loaded = loadedBy(html).filter((f) => /\.(js|wasm)$/.test(f));
const core = new Set(['index.html', 'manifest.webmanifest', ...loaded]);
if (bundles[defaultLanguage]) core.add(bundles[defaultLanguage]);
const shell = kept.filter((f) => core.has(f));
const optional = kept.filter((f) => !core.has(f));
const hashed = kept.filter((f) => loaded.includes(f) && /-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(f) || [qrName, passName, split.link, ...split.parts, ...Object.values(bundles)].includes(f));
const hash = createHash('sha256');
for (const f of kept) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

const swPath = join(dir, 'sw.js');
const sw = await readFile(swPath, 'utf8');
// index.html by its name: hosts without rewrite rules do not all serve a
// folder's index.html for the folder's address.
await writeFile(
  swPath,
  sw
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace("['__SHELL__']", JSON.stringify(shell))
    .replace("['__OPTIONAL__']", JSON.stringify(optional))
    .replace("['__HASHED__']", JSON.stringify(hashed))
    .replace("['__DESK__']", JSON.stringify(deskFiles)),
);
console.log(`service worker: version ${version}, ${shell.length} shell files, ${optional.length} optional`);

if (release) {
  const compressible = new Set(['.html', '.js', '.css', '.wasm', '.json', '.txt', '.svg', '.webmanifest']);
  let n = 0;
  // Not config.json nor data/: deployers replace those without a build, and
  // a host that serves a stale .br beside a new file would hide the update.
  const replaceable = (f) => {
    const rel = relative(dir, f).split('\\').join('/');
    return rel === 'config.json' || rel.startsWith('data/');
  };
  for (const f of await walk(dir)) {
    if (!compressible.has(extname(f)) || replaceable(f) || (await stat(f)).size < 256) continue;
    const body = await readFile(f);
    await writeFile(f + '.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    await writeFile(f + '.gz', gzipSync(body, { level: 9 }));
    n++;
  }
  console.log(`precompressed ${n} files (.br, .gz)`);
}
