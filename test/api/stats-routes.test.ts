/**
 * GET /api/stats through the real server: the bearer key, the local-mode loopback rule, the
 * production refusal without a key, and the monthly rows as JSON and CSV.
 */
import { networkInterfaces } from 'node:os';
import { loadConfig } from '../../bot/config';
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { StatsRepository } from '../../bot/adapters/repositories/stats-repository';
import { SERVICES } from '../../bot/domain/intake';
import { RoundStatsRecord, applyAction, toStatsRecord } from '../../bot/domain/turn-order';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { MIN, ok, roundOf } from '../domain/turn-order/round-fixtures';

const KEY = 'k'.repeat(12) + 'stats-key-0123456789';
const CENTRE_A = '19:meeting_centreA@thread.v2';
const CENTRE_B = '19:meeting_centreB@thread.v2';
const NOV = Date.parse('2026-11-26T07:00:00Z');
const DEC = Date.parse('2026-12-03T07:00:00Z');

let vuoro: VuoroUnderTest | undefined;
afterEach(async () => {
  await vuoro?.close();
  vuoro = undefined;
});

/** A finished round: everyone consults, the last presenter's cases are deferred. */
function record(startAt: number, answers: Array<[number, number]>): RoundStatsRecord {
  let round = roundOf(answers, 5);
  round = { ...round, startedAt: startAt, meetingStartAt: startAt };
  for (let i = 0; i < answers.length - 1; i++) round = ok(applyAction(round, 'next', (i + 1) * 8 * MIN));
  round = ok(applyAction(round, 'defer', answers.length * 8 * MIN));
  return toStatsRecord({ ...round, startedAt: startAt }, startAt + 50 * MIN);
}

async function seeded(env: Record<string, string>): Promise<{ vuoro: VuoroUnderTest; records: Array<[string, RoundStatsRecord]> }> {
  const store = new MemoryStore();
  const repo = new StatsRepository(store);
  const records: Array<[string, RoundStatsRecord]> = [
    [CENTRE_A, record(NOV, [[2, 0], [1, 1], [1, 0]])],
    [CENTRE_A, record(NOV - 14 * 86_400_000, [[3, 0], [1, 0]])],
    [CENTRE_B, record(NOV, [[1, 0], [1, 0], [1, 0], [2, 1]])],
    [CENTRE_A, record(DEC, [[1, 0], [1, 0]])],
  ];
  for (const [i, [centre, r]] of records.entries()) await repo.add(centre, `m${i}`, i, r);
  vuoro = await startTestVuoro(env, { store });
  return { vuoro, records };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${vuoro!.url}${path}`, { headers });

describe('GET /api/stats with a key', () => {
  it('refuses a missing key with 401 and a wrong key with 403', async () => {
    await seeded({ VUORO_STATS_KEY: KEY });
    const missing = await get('/api/stats');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('/api/stats', { Authorization: `Bearer ${KEY}x` })).status).toBe(403);
    expect((await get('/api/stats', { Authorization: `Basic ${KEY}` })).status).toBe(401);
    expect(vuoro!.logs.join('')).not.toContain(KEY);
  });

  it('sums each centre by month, with no names or meeting ids', async () => {
    const { records } = await seeded({ VUORO_STATS_KEY: KEY });
    const res = await get('/api/stats', { Authorization: `Bearer ${KEY}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Array<Record<string, unknown> & { itemsByService: Record<string, number> }> };
    const novA = records.filter(([c, r]) => c === CENTRE_A && r.date.startsWith('2026-11')).map(([, r]) => r);
    expect(body.rows.map((r) => [r.month, r.centre, r.meetings])).toEqual([
      ['2026-11', CENTRE_A, novA.length],
      ['2026-11', CENTRE_B, 1],
      ['2026-12', CENTRE_A, 1],
    ]);
    const row = body.rows[0];
    expect(row.casesConsulted).toBe(novA.reduce((n, r) => n + r.casesConsulted, 0));
    expect(row.casesDeferred).toBe(novA.reduce((n, r) => n + r.casesDeferred, 0));
    expect(row.presenters).toBe(novA.reduce((n, r) => n + r.presenters, 0));
    expect(row.itemsByService.kela).toBe(novA.reduce((n, r) => n + (r.itemsByService.kela ?? 0), 0));
    expect(JSON.stringify(body)).not.toMatch(/"u\d"|m\d|meetingId/);
    const filtered = (await (await get(`/api/stats?centre=${encodeURIComponent(CENTRE_A)}&from=2026-12`, { Authorization: `Bearer ${KEY}` })).json()) as { rows: unknown[] };
    expect(filtered.rows).toHaveLength(1);
    expect((await get('/api/stats?from=2026-13', { Authorization: `Bearer ${KEY}` })).status).toBe(400);
  });

  it('gives CSV for ?format=csv and for Accept: text/csv', async () => {
    await seeded({ VUORO_STATS_KEY: KEY });
    const byQuery = await get('/api/stats?format=csv', { Authorization: `Bearer ${KEY}` });
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await byQuery.text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['month', 'centre', 'meetings']);
    expect(header).toEqual(expect.arrayContaining(SERVICES.map((s) => `items_${s}`)));
    expect(lines[1].split(',').slice(0, 3)).toEqual(['2026-11', CENTRE_A, '2']);
    const json = (await (await get('/api/stats', { Authorization: `Bearer ${KEY}` })).json()) as { rows: Array<Record<string, number>> };
    const casesColumn = header.indexOf('casesConsulted');
    expect(lines.slice(1).map((l) => Number(l.split(',')[casesColumn]))).toEqual(json.rows.map((r) => r.casesConsulted));
    const byAccept = await get('/api/stats', { Authorization: `Bearer ${KEY}`, Accept: 'text/csv' });
    expect(await byAccept.text()).toBe(csv);
  });
});

describe('GET /api/stats without a key', () => {
  it('answers on loopback in local mode', async () => {
    await seeded({});
    expect((await get('/api/stats')).status).toBe(200);
  });

  const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
  (external ? it : it.skip)('refuses a caller from another address in local mode', async () => {
    await seeded({ HOST: '0.0.0.0' });
    const port = new URL(vuoro!.url).port;
    const res = await fetch(`http://${external!.address}:${port}/api/stats`);
    expect(res.status).toBe(403);
  });

  it('refuses everyone in production', async () => {
    await seeded({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'secret', VUORO_ALLOWED_TENANTS: 'tenant' });
    expect((await get('/api/stats')).status).toBe(403);
  });
});

describe('VUORO_STATS_KEY', () => {
  it('fails start-up naming the variable when the key is short or has spaces', () => {
    expect(() => loadConfig({ VUORO_STATS_KEY: 'too-short' })).toThrow(/^VUORO_STATS_KEY: /);
    expect(() => loadConfig({ VUORO_STATS_KEY: `${KEY} ${KEY}` })).toThrow(/^VUORO_STATS_KEY: /);
    expect(loadConfig({ VUORO_STATS_KEY: KEY }).statsKey).toBe(KEY);
  });
});
