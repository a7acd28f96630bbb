/** Small HTTP helpers shared by the calendar and tab routes: entity tags, 304s and JSON bodies. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A strong entity tag for a body. */
export function bodyEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === '*' || strip(t) === strip(etag));
}

/** Writes a complete response; restify's formatters are bypassed so the bytes are exactly ours. */
export function sendRaw(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  const length = body === undefined ? 0 : Buffer.byteLength(body);
  res.writeHead(status, { 'x-content-type-options': 'nosniff', ...headers, 'content-length': String(length) });
  res.end(body);
}

/** Sends JSON with a content-derived ETag, answering 304 when the client has it already. */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  const etag = headers.etag ?? bodyEtag(body);
  const all = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...headers, etag };
  if (status === 200 && req.method === 'GET' && notModified(req, etag)) return sendRaw(res, 304, { etag, 'cache-control': all['cache-control'] });
  sendRaw(res, status, all, body);
}

/** Reads a JSON body up to `limit` bytes, whether or not a body parser already ran. */
export async function readJson(req: IncomingMessage & { body?: unknown }, limit = 16_384): Promise<unknown> {
  if (req.body !== undefined) {
    if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) return JSON.parse(req.body.toString('utf8') || 'null');
    return req.body;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError('tooLarge');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('notJson');
  }
}

/** The request body could not be read as JSON. */
export class BodyError extends Error {
  constructor(readonly reason: 'tooLarge' | 'notJson') {
    super(`request body ${reason}`);
    this.name = 'BodyError';
  }
}
