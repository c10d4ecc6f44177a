// The app in parts, for tools/postbuild.mjs: the views a reader opens on
// purpose (the map, the printable page, the poster, the widget builder, ...;
// each marked `#[wasm_split(name, ...)]` beside its view, loaded through
// src/components/part.rs) leave the main wasm for wasm files of their own,
// fetched when first opened. On a 2G link every kilobyte of the first
// download is about a third of a second before the live app.
//
// Trunk has no step between cargo and wasm-bindgen, so this one redoes its
// last two from cargo's output (linked with --emit-relocs, build.rs):
// wasm-split-cli (crate wasm_split_cli_support) cuts the module, wasm-bindgen
// makes the main part's JavaScript glue under trunk's file names, and
// wasm-opt optimises every part (index.html asks trunk for none). Each part
// and the small link module that loads them get a content-hash name, so a
// host may cache them for a year and the service worker can tell them apart.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';

/**
 * JavaScript without its comments, layout and long local names (esbuild,
 * which renames no property and no export): the main part's glue is a fifth
 * of its brotli bytes that way. `target` keeps it to syntax its readers'
 * browsers know. With `loader` 'css', a stylesheet, lowered to nothing.
 */
export function minify(code, target = 'es2020', format = 'esm', loader = 'js') {
  const css = loader === 'css';
  return transformSync(code, { minify: true, loader, format: css ? undefined : format, target: css ? undefined : target, charset: 'utf8', legalComments: 'none', logLevel: 'error' }).code.trimEnd();
}

// The features rustc's wasm32 target emits (as tools/pass-wasm.mjs): the
// parts carry no target_features section to detect them from.
const FEATURES = ['bulk-memory', 'bulk-memory-opt', 'mutable-globals', 'sign-ext', 'nontrapping-float-to-int', 'reference-types', 'multivalue', 'call-indirect-overlong'].map((f) => `--enable-${f}`);
// What trunk's wasm-opt step was given (index.html used to ask for it).
// BAWABA_NAMES=1 keeps the functions' names (a profile then reads them; the
// wasm is larger, so never for a deployment).
const OPT = ['-Os', '--low-memory-unused', process.env.BAWABA_NAMES === '1' ? '-g' : '--strip-debug', '--strip-producers', '--strip-target-features'];

const hex = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

/**
 * Splits the app trunk just built in `dir`. `html` is index.html's text;
 * returns it with the main part's integrity hashes renewed and the link
 * module preloaded, and the names written: { html, link, parts }.
 */
export function splitApp({ root, dir, html, release, wasmOpt }) {
  const main = html.match(/href="\.\/(bawaba-[0-9a-f]+)\.js"/)?.[1];
  // A page with no app (the hook's own tests): nothing to split.
  if (!main) return { html, link: null, parts: [] };
  const cargoWasm = join(root, 'target', 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'bawaba.wasm');
  const tmp = mkdtempSync(join(tmpdir(), 'bawaba-split-'));
  try {
    execFileSync('wasm-split-cli', [cargoWasm, tmp, '--target', 'web', '--out-name', main], { stdio: 'inherit' });
    // --keep-lld-exports: the link module hands the parts the main part's
    // function table, which wasm-bindgen would otherwise not export.
    execFileSync('wasm-bindgen', [join(tmp, `${main}.wasm`), '--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', join(tmp, 'out'), '--out-name', main], { stdio: 'inherit' });
    const optimised = (from) => {
      if (!release) return readFileSync(from);
      const to = from + '.opt';
      execFileSync(wasmOpt, [...OPT, ...FEATURES, from, '-o', to], { stdio: 'inherit' });
      return readFileSync(to);
    };
    // The parts (split_<view>.wasm) and the code two of them share
    // (chunk_<n>.wasm), renamed by content.
    let link = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    const parts = [];
    for (const f of readdirSync(tmp).filter((f) => /^(split_.+|chunk_\d+)\.wasm$/.test(f)).sort()) {
      const bytes = optimised(join(tmp, f));
      const view = f.match(/^split_(.+)\.wasm$/)?.[1];
      const name = `part-${view ? view.replace(/[^a-z0-9]/gi, '') + '-' : ''}${hex(bytes)}.wasm`;
      writeFileSync(join(dir, name), bytes);
      if (!link.includes(`"./${f}"`)) throw new Error(`the link module does not load ${f}`);
      link = link.replaceAll(`"./${f}"`, `"./${name}"`);
      parts.push(name);
    }
    // Loaded before the app starts, on every first visit.
    if (release) link = minify(link);
    const linkName = `parts-${hex(link)}.js`;
    writeFileSync(join(dir, linkName), link);
    // The main part, under trunk's names, importing the link module by its new name.
    const glue = readFileSync(join(tmp, 'out', `${main}.js`), 'utf8');
    if (!/from ['"]\.\/__wasm_split\.js['"]/.test(glue)) throw new Error('wasm-bindgen did not import the link module');
    let js = glue.replace(/from (['"])\.\/__wasm_split\.js\1/g, `from './${linkName}'`);
    if (release) js = minify(js);
    const wasm = optimised(join(tmp, 'out', `${main}_bg.wasm`));
    writeFileSync(join(dir, `${main}.js`), js);
    writeFileSync(join(dir, `${main}_bg.wasm`), wasm);
    // Trunk's integrity hashes named the unsplit files.
    html = html
      .replace(new RegExp(`(href="\\./${main}\\.js"[^>]*integrity=")[^"]*`), `$1${sri(js)}`)
      .replace(new RegExp(`(href="\\./${main}_bg\\.wasm"[^>]*integrity=")[^"]*`), `$1${sri(wasm)}`);
    // The link module is imported by the main part's script: fetched
    // beside it rather than one round trip (840 ms on 2G) after it.
    const preload = `<link rel="modulepreload" href="./${linkName}" crossorigin="anonymous" integrity="${sri(link)}">`;
    html = html.replace(/(<link rel="modulepreload" href="\.\/bawaba-[0-9a-f]+\.js"[^>]*>)/, `$1${preload}`);
    return { html, link: linkName, parts };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
