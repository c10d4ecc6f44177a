// A small static file server standing in for a CDN: serves a directory under
// any sub-path, with ETag / 304 like a real CDN, and lets tests make chosen
// paths fail (HTTP errors, slow or never-finishing answers).
//
// CLI: node e2e/server.mjs --dir dist [--port 8080] [--base /sub/path/]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, normalize, extname, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.sig': 'text/plain; charset=utf-8',
};

/**
 * @param {object} o
 * @param {string} o.dir directory to serve
 * @param {string} [o.base] URL prefix, e.g. '/ngo/portal/'
 * @param {number} [o.port] 0 for any free port
 * @param {Record<string, {status?: number, body?: string|Buffer, delayMs?: number, hang?: boolean, type?: string, location?: string}>} [o.overrides]
 *   keyed by path below the base (e.g. 'data/notices.json')
 * @param {string} [o.cacheControl] for the files served ('no-cache' by
 *   default; a CDN may well send 'max-age=…')
 * @param {boolean|Date} [o.date] the HTTP `Date` header: the real time
 *   (true, as servers do), none (false), or a test's time (a Date)
 */
export async function startServer({ dir, base = '/', port = 0, overrides = {}, cacheControl = 'no-cache', date = true }) {
  const root = resolve(dir);
  const requests = [];
  /** Every answer: [path, status, if-none-match sent?]. */
  const answers = [];
  const server = createServer(async (req, res) => {
    res.sendDate = date === true;
    if (date instanceof Date) res.setHeader('date', date.toUTCString());
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not under ' + base);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    const o = overrides[rel];
    if (o) {
      if (o.hang) return; // never answer: the portal must time out by itself
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
    }
    // A delay alone holds the real file back; anything else replaces it.
    if (o && (o.body !== undefined || o.status !== undefined || o.location)) {
      const headers = { 'content-type': o.type ?? 'application/json', 'cache-control': 'no-cache' };
      if (o.location) headers.location = o.location; // e.g. a redirect loop
      res.writeHead(o.status ?? 200, headers);
      res.end(o.body ?? '');
      return;
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      // Like a CDN serving the precompressed copies tools/postbuild.mjs writes.
      const accepts = req.headers['accept-encoding'] ?? '';
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!encoding && accepts.includes(enc) && (await stat(file + ext).catch(() => null))?.isFile()) encoding = [enc, ext];
      }
      const body = await readFile(encoding ? file + encoding[1] : file);
      const etag = '"' + createHash('sha1').update(body).digest('base64url') + '"';
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        etag,
        'cache-control': cacheControl,
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      };
      if (req.headers['if-none-match'] === etag) {
        answers.push([url.pathname, 304]);
        res.writeHead(304, headers).end();
        return;
      }
      answers.push([url.pathname, 200]);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    port: address.port,
    requests,
    answers,
    /** Mutable: tests change what a path answers between two visits. */
    overrides,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  let base = arg('--base', '/');
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const s = await startServer({ dir: arg('--dir', 'dist'), base, port: Number(arg('--port', 8080)) });
  console.log(`Bawaba is served at ${s.url} (Ctrl-C to stop)`);
}
