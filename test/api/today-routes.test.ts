import nock from 'nock';
import { startCalendarServer } from '../helpers/calendar-api-server';
import type { CalendarTestServer } from '../helpers/calendar-api-server';
import { MEMBER_OID, makeKey, serveTenantKeys, signToken } from '../helpers/sso-test-keys';
import { PRESENTERS, seedMeeting } from '../helpers/today-seed';
import type { TodayPayload } from '../../bot/api/today-payload';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const MEETING = 'MCMxOTptZWV0aW5nX1pUQXhAdGhyZWFkLnYy';
const key = makeKey('today-k');
let srv: CalendarTestServer;
let member: string;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  nock.cleanAll();
  serveTenantKeys([key], undefined, 1);
  srv = await startCalendarServer(NOW);
  member = signToken(key, { oid: MEMBER_OID }, Math.floor(NOW / 1000));
});
afterEach(() => srv.close());

const today = (id: string, token?: string) =>
  fetch(`${srv.base}/api/meetings/${encodeURIComponent(id)}/today`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /api/meetings/:meetingId/today', () => {
  it('refuses without a valid Teams SSO token, even for a meeting that exists', async () => {
    await seedMeeting(srv.store, MEETING, NOW);
    const none = await today(MEETING);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(JSON.stringify(await none.json())).not.toContain('cases');
    const expired = signToken(key, { oid: MEMBER_OID }, Math.floor(NOW / 1000) - 7200);
    expect((await today(MEETING, expired)).status).toBe(401);
  });

  it('answers 404 for an unknown meeting and for a meeting of another tenant', async () => {
    expect((await today('no-such-meeting', member)).status).toBe(404);
    await seedMeeting(srv.store, 'other-tenant-meeting', NOW, { tenantId: '99999999-2222-3333-4444-555555555555' });
    expect((await today('other-tenant-meeting', member)).status).toBe(404);
  });

  it('shows the intake tally and the time plan, with counts only', async () => {
    await seedMeeting(srv.store, MEETING, NOW);
    const res = await today(MEETING, member);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as TodayPayload;
    expect(body.serverNow).toBe(new Date(NOW).toISOString());
    expect(body.intake?.status).toBe('open');
    expect(body.intake?.tally).toEqual({ cases: 4, topics: 1, people: 3, presenters: 3, services: ['health_station', 'youth_social', 'kela'] });
    // 60 min - 5 opening - 5 closing = 50 min for 5 items: 10 min each, the target slot.
    expect(body.intake?.plan).toMatchObject({ status: 'fits', availableMinutes: 50, items: 5, minutesPerItem: 10, deferredItems: 0 });
    expect(body.round).toBeUndefined();
  });

  it('gives the running order with the server\'s absolute deadline, marks only the caller\'s own turn and names nobody', async () => {
    const round = await seedMeeting(srv.store, MEETING, NOW, { round: true });
    const res = await today(MEETING, member);
    const text = await res.text();
    for (const p of PRESENTERS) expect(text).not.toContain(p.userId);
    const body = JSON.parse(text) as TodayPayload;
    expect(body.round?.phase).toBe('running');
    expect(body.round?.order.map((t) => [t.position, t.service, t.status, t.you ?? false])).toEqual([
      [1, 'health_station', 'presenting', false],
      [2, 'kela', 'waiting', true],
      [3, 'youth_social', 'waiting', false],
    ]);
    expect(body.round?.current?.position).toBe(1);
    expect(body.round?.current?.deadline).toBe(new Date(round!.deadline!).toISOString());
    expect(Date.parse(body.round!.current!.deadline!)).toBeGreaterThan(NOW);
    expect(body.round?.current?.remainingSeconds).toBe(Math.ceil((round!.deadline! - NOW) / 1000));
    // The countdown follows the server's clock: three minutes later, three minutes less.
    srv.clock.set(NOW + 180_000);
    const later = (await (await today(MEETING, member)).json()) as TodayPayload;
    expect(later.round?.current?.remainingSeconds).toBe(body.round!.current!.remainingSeconds - 180);
  });
});
