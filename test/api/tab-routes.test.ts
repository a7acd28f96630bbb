import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import { registerTabRoutes } from '../../bot/api/tab-routes';

let dir: string;
let server: restify.Server;
let base: string;
const js = `console.log(${JSON.stringify('vuosikello '.repeat(400))});`;

/** Raw GET (fetch would decompress for us and hide what was on the wire). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(base + pathname, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vuoro-tab-'));
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>t</title>${'<p>x</p>'.repeat(100)}`);
  writeFileSync(path.join(dist, 'assets', 'main-ABCD2345.js'), js);
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the build');
  server = restify.createServer();
  registerTabRoutes(server, { distDir: dist });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the tab', () => {
  it('compresses with brotli or gzip as accepted, and plain otherwise', async () => {
    const br = await get('/tab/assets/main-ABCD2345.js', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(js);
    expect(br.body.length).toBeLessThan(js.length / 5);
    const gz = await get('/tab/assets/main-ABCD2345.js', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get('/tab/assets/main-ABCD2345.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    expect(br.headers.vary).toBe('Accept-Encoding');
  });

  it('caches hashed assets for a year and revalidates the page, with 304 on a matching ETag', async () => {
    const asset = await get('/tab/assets/main-ABCD2345.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/tab/');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/tab/', { 'if-none-match': page.headers.etag as string })).status).toBe(304);
  });

  it('lets only Teams hosts frame the page and sends the security headers', async () => {
    const page = await get('/tab/');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("frame-ancestors teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft *.office.com *.skype.com teams.cloud.microsoft");
    expect(csp).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBeUndefined(); // would stop Teams from framing the tab
  });

  it('redirects /tab to /tab/ and serves nothing outside the build directory', async () => {
    const redirect = await get('/tab?lang=sv');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/tab/?lang=sv']);
    expect((await get('/tab/..%2fsecret.txt')).status).toBe(404);
    expect((await get('/tab/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/tab/missing.js')).status).toBe(404);
  });
});
