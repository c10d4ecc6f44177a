// A small static file server standing in for a CDN: serves a directory under
// any sub-path, with ETag / 304 like a real CDN, and lets tests make chosen
// paths fail (HTTP errors, slow or never-finishing answers).
//
// CLI: node e2e/server.mjs --dir dist [--port 8080] [--base /sub/path/]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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

/** The headers the README's table asks hosts to send: a name that carries
 * its content's hash is kept for a year, the small files that keep their
 * name for an hour, and the rest (index.html, sw.js, config.json, feeds) is
 * checked every time. */
export const hostCaching = (path) =>
  /(^|\/)(bawaba-[0-9a-f]+(_bg)?\.(js|wasm)|(i18n-[a-z]{2}|qr|pass|part(-[a-z0-9]+)?)-[0-9a-f]{16}\.(txt|wasm)|parts-[0-9a-f]{16}\.js)$/.test(path)
    ? 'max-age=31536000, immutable'
    : /^(embed\.js|widget\.js|fallback\.js|manifest\.webmanifest|icons\/)/.test(path)
      ? 'max-age=3600'
      : 'no-cache';

/**
 * @param {object} o
 * @param {string} o.dir directory to serve
 * @param {string} [o.base] URL prefix, e.g. '/ngo/portal/'
 * @param {number} [o.port] 0 for any free port
 * @param {Record<string, {status?: number, body?: string|Buffer, delayMs?: number, hang?: boolean, type?: string, location?: string}>} [o.overrides]
 *   keyed by path below the base (e.g. 'data/notices.json')
 * @param {string|((path: string) => string)} [o.cacheControl] for the files
 *   served ('no-cache' by default; a CDN may well send 'max-age=…'), or one
 *   for each path below the base (as the README's table for hosts says)
 * @param {boolean|Date} [o.date] the HTTP `Date` header: the real time
 *   (true, as servers do), none (false), or a test's time (a Date)
 * @param {{kbps: number, rttMs: number}} [o.pipe] one link that every answer
 *   shares, as a phone's mobile connection is shared by every request of a
 *   visit (its service worker's too): each request waits `rttMs` before its
 *   answer, and the answers' bytes go down the link at `kbps`, a chunk at a
 *   time in turn. Bytes are counted both ways (`traffic`).
 * @param {boolean} [o.compress] gzip a text file that has no precompressed
 *   copy (the feeds, config.json) when the browser accepts it, as CDNs do
 */
export async function startServer({ dir, base = '/', port = 0, overrides = {}, cacheControl = 'no-cache', date = true, pipe = null, compress = false }) {
  const root = resolve(dir);
  const requests = [];
  /** Every answer: [path, status, if-none-match sent?]. */
  const answers = [];
  /** Bytes on the wire: requests up, answers down (headers and bodies), and each answer's path and bytes. */
  const traffic = {
    up: 0,
    down: 0,
    log: [],
    /** Counts from zero again (a new visit). */
    reset() {
      this.up = this.down = 0;
      this.log.length = 0;
    },
  };
  const link = { freeAt: 0 };
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Sends an answer: through the shared link when there is one. */
  const send = async (req, res, status, headers, body) => {
    const bytes = body ? Buffer.from(body) : Buffer.alloc(0);
    if (body) headers = { ...headers, 'content-length': bytes.length };
    const head = `HTTP/1.1 ${status}\r\n` + Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
    traffic.down += Buffer.byteLength(head) + bytes.length;
    traffic.log.push([req.url, status, Buffer.byteLength(head) + bytes.length]);
    if (!pipe) {
      res.writeHead(status, headers).end(body);
      return;
    }
    await sleep(pipe.rttMs);
    res.writeHead(status, headers);
    // A chunk at a time, each answer in turn, so that concurrent answers
    // share the link as they would share a cell.
    const CHUNK = 1460;
    for (let at = 0; at === 0 || at < bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      const size = (at === 0 ? Buffer.byteLength(head) : 0) + chunk.length;
      const start = Math.max(Date.now(), link.freeAt);
      link.freeAt = start + (size * 8) / pipe.kbps;
      await sleep(link.freeAt - Date.now());
      if (chunk.length) res.write(chunk);
    }
    res.end();
  };
  const server = createServer(async (req, res) => {
    traffic.up += Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1\r\n`) + req.rawHeaders.reduce((n, h) => n + Buffer.byteLength(h) + 2, 2);
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
      let body = await readFile(encoding ? file + encoding[1] : file);
      if (!encoding && compress && accepts.includes('gzip') && /\.(json|sig|txt|html|js|svg)$/.test(file)) {
        body = gzipSync(body);
        encoding = ['gzip'];
      }
      const etag = '"' + createHash('sha1').update(body).digest('base64url') + '"';
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        etag,
        'cache-control': typeof cacheControl === 'function' ? cacheControl(rel) : cacheControl,
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding[0] } : {}),
      };
      if (req.headers['if-none-match'] === etag) {
        answers.push([url.pathname, 304]);
        await send(req, res, 304, headers, null);
        return;
      }
      answers.push([url.pathname, 200]);
      await send(req, res, 200, headers, req.method === 'HEAD' ? null : body);
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
    traffic,
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
