import nock from 'nock';
import ICAL from 'ical.js';
import { startCalendarServer } from '../helpers/calendar-api-server';
import type { CalendarTestServer } from '../helpers/calendar-api-server';
import { MEMBER_OID, makeKey, serveTenantKeys, signToken } from '../helpers/sso-test-keys';
import type { CalendarView, WorkshopView } from '../../bot/domain/calendar/calendar-view';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const key = makeKey('k1');
let srv: CalendarTestServer;
let coordinator: string;
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
  coordinator = signToken(key, {}, Math.floor(NOW / 1000));
  member = signToken(key, { oid: MEMBER_OID }, Math.floor(NOW / 1000));
  await fetch(`${srv.base}/api/calendar`); // seeds the demo cycles, so write counts below start after it
});
afterEach(() => srv.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(srv.base + path, { headers });
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(srv.base + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function parseEvents(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('GET /api/calendar', () => {
  it('shows the running demo cycle with twelve workshops, one per month, and the next one', async () => {
    const res = await get('/api/calendar');
    expect(res.status).toBe(200);
    const view = (await res.json()) as CalendarView;
    expect(view.cycle.id).toBe('2026-2027');
    expect(view.cycle.workshops).toHaveLength(12);
    expect(new Set(view.cycle.workshops.map((w) => w.date.slice(0, 7)))).toEqual(new Set(view.cycle.months));
    expect(view.next).toEqual({ cycleId: '2026-2027', workshopId: 'ws-2026-12', daysUntil: 14, ongoing: false });
    expect(view.cycles.map((c) => c.phase)).toEqual(['running', 'planning']);
  });

  it('answers 304 to a matching If-None-Match and switches cycle with ?cycle=', async () => {
    const first = await get('/api/calendar');
    const etag = first.headers.get('etag')!;
    expect((await get('/api/calendar', { 'if-none-match': etag })).status).toBe(304);
    const planning = (await (await get('/api/calendar?cycle=2027-2028')).json()) as CalendarView;
    expect(planning.cycle.phase).toBe('planning');
    expect((await get('/api/calendar?cycle=1999-2000')).status).toBe(404);
  });
});

describe('iCalendar', () => {
  it('serves the whole cycle as valid iCalendar in Helsinki time', async () => {
    const res = await get('/api/calendar.ics?lang=en');
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { cal, events } = parseEvents(text);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(events).toHaveLength(12);
    const december = events.find((e) => e.uid.startsWith('ws-2026-12@'))!;
    expect(december.startDate.toJSDate().toISOString()).toBe('2026-12-10T11:00:00.000Z'); // EET, UTC+2
    const june = events.find((e) => e.uid.startsWith('ws-2027-06@'))!;
    expect(june.startDate.toJSDate().toISOString()).toBe('2027-06-10T10:00:00.000Z'); // EEST, UTC+3
    expect(june.summary).toMatch(/^PPT workshop: /);
  });

  it('serves one workshop with an ETag, 304 when unchanged and a new ETag after a change', async () => {
    const first = await get('/api/workshops/ws-2026-12.ics');
    const etag = first.headers.get('etag')!;
    const { events } = parseEvents(await first.text());
    expect(events).toHaveLength(1);
    expect(events[0].summary).toContain('Ydinprosessin havainnointi');
    expect((await get('/api/workshops/ws-2026-12.ics', { 'if-none-match': etag })).status).toBe(304);
    await send('POST', '/api/workshops/ws-2026-12/cancel', {}, bearer(coordinator));
    const after = await get('/api/workshops/ws-2026-12.ics', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(parseEvents(await after.text()).events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect((await get('/api/workshops/ws-nope.ics')).status).toBe(404);
  });
});

describe('changes', () => {
  const draft = { cycleId: '2027-2028', date: '2028-04-13', start: '13:00', end: '15:00', title: { fi: 'Kevään paja' }, theme: 'services', host: 'oralHealth' };

  it('refuses callers without a valid token (401) and non-coordinators (403), writing nothing', async () => {
    const puts = srv.store.puts;
    expect((await send('POST', '/api/workshops', draft)).status).toBe(401);
    expect((await send('POST', '/api/workshops', draft, { authorization: 'Bearer not.a.token' })).status).toBe(401);
    const expired = signToken(key, { exp: Math.floor(NOW / 1000) - 600 }, Math.floor(NOW / 1000) - 4000);
    expect((await send('POST', '/api/workshops', draft, bearer(expired))).status).toBe(401);
    expect((await send('POST', '/api/workshops', draft, bearer(signToken(key, { aud: 'api://other/app' })))).status).toBe(401);
    const res = await send('POST', '/api/workshops', draft, bearer(member));
    expect(res.status).toBe(403);
    expect(srv.store.puts).toBe(puts);
  });

  it('creates a workshop for a coordinator and it shows up in the cycle', async () => {
    const res = await send('POST', '/api/workshops', draft, bearer(coordinator));
    expect(res.status).toBe(201);
    const created = (await res.json()) as WorkshopView;
    expect(res.headers.get('etag')).toBe(created.etag);
    const view = (await (await get('/api/calendar?cycle=2027-2028')).json()) as CalendarView;
    expect(view.cycle.workshops.map((w) => w.id)).toContain(created.id);
  });

  it('answers 400 naming each bad field, localised, and writes nothing', async () => {
    const puts = srv.store.puts;
    const res = await send('POST', '/api/workshops?lang=sv', { ...draft, date: '2028-13-01', end: '12:00', joinUrl: 'http://x', extra: 1 }, bearer(coordinator));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ field: string; code: string; message: string }> };
    expect(body.fields.map((f) => f.field).sort()).toEqual(['date', 'extra', 'joinUrl']);
    expect(body.fields.find((f) => f.field === 'date')!.message).toBe('Ange datumet i formatet ÅÅÅÅ-MM-DD.');
    const late = await send('POST', '/api/workshops', { ...draft, end: '12:00' }, bearer(coordinator));
    expect(((await late.json()) as { fields: Array<{ field: string }> }).fields).toEqual([expect.objectContaining({ field: 'end', code: 'endBeforeStart' })]);
    const nocycle = await send('POST', '/api/workshops', { ...draft, cycleId: undefined }, bearer(coordinator));
    expect(((await nocycle.json()) as { fields: Array<{ field: string }> }).fields[0].field).toBe('cycleId');
    expect(srv.store.puts).toBe(puts);
  });

  it('updates with If-Match and refuses a stale edit with 412 and the current version', async () => {
    const view = (await (await get('/api/calendar')).json()) as CalendarView;
    const march = view.cycle.workshops.find((w) => w.id === 'ws-2027-03')!;
    const ok = await send('PATCH', '/api/workshops/ws-2027-03', { status: 'confirmed', title: { fi: 'Suun terveys ja kokonaishoito' } }, { ...bearer(coordinator), 'if-match': march.etag });
    expect(ok.status).toBe(200);
    const updated = (await ok.json()) as WorkshopView;
    expect(updated.status).toBe('confirmed');
    expect(updated.etag).not.toBe(march.etag);
    const stale = await send('PATCH', '/api/workshops/ws-2027-03', { title: { fi: 'Vanha' } }, { ...bearer(coordinator), 'if-match': march.etag });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { current: WorkshopView }).current.title.fi).toBe('Suun terveys ja kokonaishoito');
    expect((await send('PATCH', '/api/workshops/ws-2027-03', { status: 'cancelled' }, bearer(coordinator))).status).toBe(400);
  });

  it('moves a workshop, remembering the old time, and rejects a move outside the cycle', async () => {
    const bad = await send('POST', '/api/workshops/ws-2027-04/move', { date: '2028-09-01', start: '13:00', end: '15:00' }, bearer(coordinator));
    expect(bad.status).toBe(400);
    const res = await send('POST', '/api/workshops/ws-2027-04/move', { date: '2027-04-22', start: '12:30', end: '14:30' }, bearer(coordinator));
    const moved = (await res.json()) as WorkshopView;
    expect(moved).toMatchObject({ status: 'moved', date: '2027-04-22', movedFrom: { date: '2027-04-15', start: '13:00' } });
  });

  it('writes nothing when the store fails midway, and keeps both of two racing edits', async () => {
    srv.store.failNextPut = new Error('disk full');
    const failed = await send('PATCH', '/api/workshops/ws-2027-05', { title: { fi: 'Ei tallennu' } }, bearer(coordinator));
    expect(failed.status).toBe(500);
    let view = (await (await get('/api/calendar')).json()) as CalendarView;
    expect(view.cycle.workshops.find((w) => w.id === 'ws-2027-05')!.title.fi).not.toBe('Ei tallennu');
    // Another instance changes a different workshop of the same cycle between our read and write.
    srv.store.beforePut = async () => {
      const other = await srv.store.get<{ workshops: Array<{ id: string; host: string }> }>('calendar/cycle/2026-2027');
      other!.value.workshops.find((w) => w.id === 'ws-2027-06')!.host = 'kela';
      await srv.store.put('calendar/cycle/2026-2027', other!.value, other!.eTag);
    };
    const res = await send('PATCH', '/api/workshops/ws-2027-05', { host: 'rehabilitation' }, bearer(coordinator));
    expect(res.status).toBe(200);
    view = (await (await get('/api/calendar')).json()) as CalendarView;
    expect(view.cycle.workshops.find((w) => w.id === 'ws-2027-05')!.host).toBe('rehabilitation');
    expect(view.cycle.workshops.find((w) => w.id === 'ws-2027-06')!.host).toBe('kela');
  });

  it('tells the tab whether the caller is a coordinator', async () => {
    expect(await (await get('/api/calendar/me', bearer(coordinator))).json()).toEqual({ coordinator: true });
    expect(await (await get('/api/calendar/me', bearer(member))).json()).toEqual({ coordinator: false });
    expect((await get('/api/calendar/me')).status).toBe(401);
  });
});
