// Trunk post-build hook (see Trunk.toml): runs in trunk's staging directory.
// 1. Writes the service worker's shell list and version from the files trunk
//    actually produced (their names carry content hashes).
// 2. Writes precompressed .br and .gz copies next to every text and wasm file,
//    for CDNs that serve them (Content-Encoding by Accept-Encoding).

import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, relative, extname } from 'node:path';
import { createHash } from 'node:crypto';
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

const files = (await walk(dir)).map((f) => relative(dir, f).split('\\').join('/'));

// The shell: everything needed to start with no network, but not the data
// (config.json and feeds change without a build; the app caches those).
const isShell = (f) =>
  f === 'index.html' || /\.(js|wasm|css)$/.test(f) && !f.includes('/') || f === 'manifest.webmanifest' || f.startsWith('icons/');
const shell = files.filter((f) => isShell(f) && f !== 'sw.js' && !/\.(br|gz)$/.test(f)).sort();

const hash = createHash('sha256');
for (const f of shell) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

const swPath = join(dir, 'sw.js');
const sw = await readFile(swPath, 'utf8');
const list = shell.map((f) => (f === 'index.html' ? './' : f));
await writeFile(swPath, sw.replace("'__VERSION__'", JSON.stringify(version)).replace("['__SHELL__']", JSON.stringify(list)));
console.log(`service worker: version ${version}, ${list.length} shell files`);

if (release) {
  const compressible = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest']);
  let n = 0;
  for (const f of await walk(dir)) {
    if (!compressible.has(extname(f)) || (await stat(f)).size < 256) continue;
    const body = await readFile(f);
    await writeFile(f + '.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    await writeFile(f + '.gz', gzipSync(body, { level: 9 }));
    n++;
  }
  console.log(`precompressed ${n} files (.br, .gz)`);
}
