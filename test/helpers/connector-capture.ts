/**
 * A stand-in for the Bot Connector on loopback: it records what the bot sends (replies, updates)
 * and answers as the real service does. Meeting participant look-ups answer with a role the test
 * chooses.
 */
import http from 'http';
import { AddressInfo } from 'net';

/** One request the bot made. */
export interface Captured {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The injected clock's time when it arrived (Date.now() unless a clock was given). */
  at: number;
  /** The status the capture answered with. */
  status: number;
  /** The activity id answered to a post or update (what the bot stores as the card's id). */
  responseId?: string;
}

/** An error the capture answers with instead of success, for the next `times` matching requests. */
export interface InjectedFailure {
  match: (c: { method: string; path: string }) => boolean;
  status: 429 | 403 | 404 | 500 | 502 | 503;
  /** Retry-After header value (seconds or an HTTP date), for 429/503. */
  retryAfter?: string;
  times: number;
}

/** The running capture server. */
export interface ConnectorCapture {
  /** Use as the activity's serviceUrl. */
  url: string;
  requests: Captured[];
  /** Role returned for GET /v1/meetings/{id}/participants/{aadId}. */
  roles: Map<string, string>;
  /** Answers matching requests with an error (429 with Retry-After, 403, 404, 5xx), `times` times. */
  fail(failure: InjectedFailure): void;
  /** Requests always answered with an error status instead (first match wins). */
  failures: Array<{ method: string; path: RegExp; status: number }>;
  /** Entra object id of the organiser returned by GET /v1/meetings/{id}; unset answers 404. */
  organizer?: string;
  /** How POST /v1/meetings/{id}/notification answers: 202 (sent) or 403 (the app may not notify here). */
  notifications: { status: 202 | 403 };
  /** Waits until `count` requests matching `filter` have arrived. */
  waitFor(filter: (c: Captured) => boolean, count?: number, timeoutMs?: number): Promise<Captured[]>;
  close(): Promise<void>;
}

/** Starts a capture server on an ephemeral loopback port. */
export async function startConnectorCapture(options: { clock?: { now(): number } } = {}): Promise<ConnectorCapture> {
  const requests: Captured[] = [];
  const roles = new Map<string, string>();
  const failures: InjectedFailure[] = [];
  const now = () => (options.clock ? options.clock.now() : Date.now());
  const notifications: { status: 202 | 403 } = { status: 202 };
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { unparsable: true };
      }
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      const method = req.method ?? '';
      const failure = failures.find((f) => f.times > 0 && f.match({ method, path }));
      if (failure) {
        failure.times -= 1;
        requests.push({ method, path, body, at: now(), status: failure.status });
        res.statusCode = failure.status;
        if (failure.retryAfter) res.setHeader('Retry-After', failure.retryAfter);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ error: { code: failure.status === 429 ? 'Throttled' : 'BotNotInConversationRoster', message: 'injected' } }));
        return;
      }
      const always = capture.failures.find((f) => f.method === method && f.path.test(path));
      requests.push({ method, path, body, at: now(), status: always?.status ?? 200 });
      res.setHeader('Content-Type', 'application/json');
      if (always) {
        res.statusCode = always.status;
        res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'simulated' } }));
        return;
      }
      const meetingInfo = /^\/v1\/meetings\/([^/]+)$/.exec(path);
      if (meetingInfo && method === 'GET') {
        if (!capture.organizer) {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { code: 'NotFound' } }));
          return;
        }
        res.end(JSON.stringify({ details: { id: meetingInfo[1], type: 'Scheduled' }, conversation: { id: 'c', isGroup: true }, organizer: { id: `29:${capture.organizer}`, aadObjectId: capture.organizer } }));
        return;
      }
      const participant = /^\/v1\/meetings\/[^/]+\/participants\/([^/]+)$/.exec(path);
      if (participant) {
        const role = roles.get(participant[1]) ?? 'Attendee';
        res.end(JSON.stringify({ user: { id: `29:${participant[1]}`, aadObjectId: participant[1] }, meeting: { role, inMeeting: true }, conversation: { id: 'c' } }));
        return;
      }
      if (method === 'POST' && path === '/v3/conversations') {
        res.end(JSON.stringify({ id: `a:personal-${++seq}`, activityId: `activity-${seq}` }));
        return;
      }
      if (/^\/v1\/meetings\/[^/]+\/notification$/.test(path) && req.method === 'POST') {
        res.statusCode = notifications.status;
        requests[requests.length - 1].status = notifications.status;
        res.end(JSON.stringify(notifications.status === 202 ? {} : { error: { code: 'BotNotInConversationRoster', message: 'The bot may not send notifications in this meeting.' } }));
        return;
      }
      const id = `activity-${++seq}`;
      requests[requests.length - 1].responseId = id;
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const capture: ConnectorCapture = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    roles,
    fail: (failure) => void failures.push(failure),
    failures: [],
    notifications,
    async waitFor(filter, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hits = requests.filter(filter);
        if (hits.length >= count) return hits;
        if (Date.now() > deadline) throw new Error(`expected ${count} matching connector requests, saw ${hits.length} of ${requests.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return capture;
}

/** All text in a card or message: TextBlocks, facts, choices and button titles, for assertions. */
export function visibleText(activity: object): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label']) if (typeof o[key] === 'string') out.push(o[key] as string);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(activity);
  return out.join('\n');
}
