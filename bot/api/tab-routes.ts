/**
 * Serves the built tab (dist/tab) under /tab: brotli or gzip when the client accepts it, hashed
 * assets cached for a year, HTML always revalidated, and a CSP that lets only Teams frame the page.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type * as restify from 'restify';
import { bodyEtag, notModified, sendRaw } from './http-cache';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Hosts allowed to frame the tab (Teams web, desktop and Microsoft 365 hosts). */
export const TEAMS_FRAME_ANCESTORS = 'teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft *.office.com *.skype.com teams.cloud.microsoft';

/** Security headers for every tab response. */
export const TAB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'", `frame-ancestors ${TEAMS_FRAME_ANCESTORS}`,
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map']);
/** esbuild's `[name]-[hash]` naming: an 8+ character upper-case base32 hash before the extension. */
const HASHED = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

interface Prepared {
  raw: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  etag: string;
  type: string;
  cacheControl: string;
}

/** Options: where the built tab lives. */
export interface TabRouteOptions {
  distDir: string;
}

function pickEncoding(accept: string | undefined, p: Prepared): 'br' | 'gzip' | undefined {
  const offered = (accept ?? '').toLowerCase().split(',').map((s) => s.trim().split(';'))
    .filter(([, q]) => !q || !/q=0(\.0*)?$/.test(q.trim())).map(([name]) => name);
  if (p.br && offered.includes('br')) return 'br';
  if (p.gzip && (offered.includes('gzip') || offered.includes('*'))) return 'gzip';
  return undefined;
}

/** Registers GET/HEAD /tab, /tab/ and /tab/* serving files from `distDir`. */
export function registerTabRoutes(server: restify.Server, options: TabRouteOptions): void {
  const root = path.resolve(options.distDir);
  const cache = new Map<string, Promise<Prepared | undefined>>();

  const prepare = async (file: string): Promise<Prepared | undefined> => {
    let raw: Buffer;
    try {
      raw = await fs.readFile(file);
    } catch {
      return undefined;
    }
    const ext = path.extname(file);
    const compress = COMPRESSIBLE.has(ext) && raw.length > 512;
    // in libuv's thread pool: brotli at quality 11 on the tab bundle takes a few hundred ms, which on
    // the event loop stalled every chat message arriving in the first second after a start
    const [br, gzip] = compress
      ? await Promise.all([brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), gzipAsync(raw, { level: 9 })])
      : [undefined, undefined];
    return {
      raw,
      br,
      gzip,
      etag: bodyEtag(raw),
      type: TYPES[ext] ?? 'application/octet-stream',
      cacheControl: ext === '.html' ? 'no-cache' : HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    };
  };

  const serve = async (req: restify.Request, res: restify.Response) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/tab') return sendRaw(res, 301, { location: `/tab/${url.search}`, ...TAB_SECURITY_HEADERS });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice('/tab/'.length)) || 'index.html';
    } catch {
      rel = '\0';
    }
    const file = path.resolve(root, rel);
    if (rel.includes('\0') || !file.startsWith(root + path.sep)) return sendRaw(res, 404, { ...TAB_SECURITY_HEADERS, 'content-type': 'text/plain' }, 'not found');
    let entry = cache.get(file);
    if (!entry) {
      entry = prepare(file);
      cache.set(file, entry);
    }
    const p = await entry;
    if (!p) {
      cache.delete(file); // the build may not have run yet; look again next time
      return sendRaw(res, 404, { ...TAB_SECURITY_HEADERS, 'content-type': 'text/plain' }, 'not found');
    }
    const headers: Record<string, string> = { ...TAB_SECURITY_HEADERS, 'content-type': p.type, 'cache-control': p.cacheControl, etag: p.etag, vary: 'Accept-Encoding' };
    if (notModified(req, p.etag)) return sendRaw(res, 304, headers);
    const encoding = pickEncoding(req.headers['accept-encoding'], p);
    const body = encoding ? p[encoding]! : p.raw;
    if (encoding) headers['content-encoding'] = encoding;
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'content-length': String(body.length) });
      return void res.end();
    }
    sendRaw(res, 200, headers, body);
  };

  // Compress everything once at start-up, so the first visitor does not wait for brotli.
  void fs.readdir(root, { recursive: true }).then((names) => {
    for (const name of names) {
      const file = path.join(root, String(name));
      if (!cache.has(file) && path.extname(file)) cache.set(file, prepare(file));
    }
  }, () => undefined);

  server.get('/tab', serve);
  server.get('/tab/*', serve);
  server.head('/tab/*', serve);
}
