// The app shell's size: every script, stylesheet and wasm that index.html
// loads, and the language bundle it preloads (the deployment's default
// language, which the wasm does not carry), plus index.html itself, compressed with brotli at quality 11 (what
// a CDN serves from the .br copies). Used by tools/bench (the report) and
// tools/test (the ceiling).
//   node tools/shell-size.mjs [DIST] [--max KB]   prints the figure; with
//   --max, exits 1 when the shell is larger.
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** Every script, stylesheet and wasm index.html loads, and the language
 * bundle it preloads, with or without "./" (also tools/postbuild.mjs's
 * start of the service worker's shell). */
export function loadedBy(index) {
  return [...index.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["'](?:\.\/)?([^"':]+\.(?:js|wasm|css)|i18n-[a-z]{2}-[0-9a-f]{16}\.txt)["']/g)].map((m) => m[1]);
}

export async function shellSize(dist) {
  const index = await readFile(join(dist, 'index.html'), 'utf8');
  const files = ['index.html', ...loadedBy(index)];
  const unique = [...new Set(files)];
  let raw = 0;
  let br = 0;
  for (const f of unique) {
    const body = await readFile(join(dist, f));
    raw += body.length;
    br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: unique, raw, br };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--max');
  const max = at >= 0 ? Number(args.splice(at, 2)[1]) : null;
  const dist = args[0] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { files, raw, br } = await shellSize(dist);
  const kb = br / 1024;
  console.log(`app shell: ${kb.toFixed(1)} KB brotli (${br} bytes; raw ${(raw / 1024).toFixed(0)} KB) in ${files.join(', ')}`);
  if (max !== null && kb > max) {
    console.error(`the app shell is over its ceiling of ${max} KB brotli: pay for the addition with savings, or raise the ceiling by its measured cost and say why`);
    process.exit(1);
  }
}
