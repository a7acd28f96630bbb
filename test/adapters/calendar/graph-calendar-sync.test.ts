import nock from 'nock';
import { ClientSecretCredential } from '@azure/identity';
import { createGraphClient, syncCycleFromGraph } from '../../../bot/adapters/calendar/graph-calendar-sync';
import { StoreCalendarService } from '../../../bot/adapters/calendar/store-calendar-service';
import { CalendarMemoryStore } from '../../helpers/calendar-memory-store';
import { TENANT } from '../../helpers/sso-test-keys';
import { serveEntraLogin } from '../../helpers/entra-login';

const GROUP = '0a1b2c3d-0000-0000-0000-00000000cafe';
const NOW = Date.parse('2027-08-01T08:00:00Z');
const clock = { now: () => NOW };
const cycle = { id: '2027-2028', startMonth: '2027-08', phase: 'planning' as const, title: { fi: 'Vuosikello 2027–2028' } };

function serveLogin() {
  return serveEntraLogin((body) => body.scope?.includes('https://graph.microsoft.com/.default') && body.client_secret === 'test-secret');
}

function event(id: string, subject: string, start: string, end: string, extra: Record<string, unknown> = {}) {
  return { id, subject, bodyPreview: `${subject} – kuvaus`, start: { dateTime: `${start}.0000000`, timeZone: 'UTC' }, end: { dateTime: `${end}.0000000`, timeZone: 'UTC' }, categories: ['Palvelut tutuksi'], isCancelled: false, showAs: 'busy', onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${id}` }, ...extra };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('group calendar sync through Graph', () => {
  it('turns categorised group events into workshops in Helsinki time, with one conditional write', async () => {
    serveLogin();
    let auth = '';
    nock('https://graph.microsoft.com')
      .get(`/v1.0/groups/${GROUP}/calendar/calendarView`).query(true)
      .reply(function reply() {
        auth = String(this.req.headers.authorization);
        return [200, {
          value: [
            event('AAMk-1', 'Laboratorio tutuksi', '2027-09-16T10:00:00', '2027-09-16T12:00:00', { categories: ['Palvelut tutuksi', 'Laboratorio ja tukipalvelut'] }),
            event('AAMk-2', 'Henkilöstön kahvit', '2027-09-20T09:00:00', '2027-09-20T10:00:00', { categories: ['Muu'] }),
          ],
          '@odata.nextLink': `https://graph.microsoft.com/v1.0/groups/${GROUP}/calendar/calendarView?$skiptoken=p2`,
        }];
      })
      .get(`/v1.0/groups/${GROUP}/calendar/calendarView`).query({ $skiptoken: 'p2' })
      .reply(200, { value: [event('AAMk-3', 'Etäasiointi', '2027-11-11T11:00:00', '2027-11-11T13:00:00', { categories: ['development'], showAs: 'tentative', isCancelled: true })] });

    const store = new CalendarMemoryStore();
    const calendar = new StoreCalendarService(store, clock);
    const client = createGraphClient(new ClientSecretCredential(TENANT, 'client-id', 'test-secret'));
    const report = await syncCycleFromGraph(calendar, { client, groupId: GROUP, cycle, clock });

    expect(auth).toBe('Bearer graph-token');
    expect(report).toEqual({ workshops: 2, ignored: 1, invalid: 0, changed: true });
    const stored = (await calendar.getCycle('2027-2028'))!.cycle.workshops;
    expect(stored.map((w) => [w.date, w.start, w.end, w.theme, w.host, w.status])).toEqual([
      ['2027-09-16', '13:00', '15:00', 'services', 'laboratory', 'confirmed'], // UTC+3 in September
      ['2027-11-11', '13:00', '15:00', 'development', 'network', 'cancelled'], // UTC+2 in November
    ]);
    expect(stored[0].joinUrl).toBe('https://teams.microsoft.com/l/meetup-join/AAMk-1');
    expect(store.puts).toBe(1);
  });

  it('writes nothing when the group calendar has not changed, and keeps workshops made in the tab', async () => {
    serveLogin();
    const body = { value: [event('AAMk-1', 'Laboratorio tutuksi', '2027-09-16T10:00:00', '2027-09-16T12:00:00')] };
    nock('https://graph.microsoft.com').get(`/v1.0/groups/${GROUP}/calendar/calendarView`).query(true).times(2).reply(200, body);
    const store = new CalendarMemoryStore();
    const calendar = new StoreCalendarService(store, clock, { newId: () => 'ws-local' });
    const client = createGraphClient(new ClientSecretCredential(TENANT, 'client-id', 'test-secret'));
    await syncCycleFromGraph(calendar, { client, groupId: GROUP, cycle, clock });
    await calendar.createWorkshop('2027-2028', { date: '2027-10-14', start: '13:00', end: '15:00', title: { fi: 'Paikallinen' }, theme: 'wellbeing', host: 'network' });
    const puts = store.puts;
    const again = await syncCycleFromGraph(calendar, { client, groupId: GROUP, cycle, clock });
    expect(again.changed).toBe(false);
    expect(store.puts).toBe(puts);
    expect((await calendar.getCycle('2027-2028'))!.cycle.workshops.map((w) => w.id)).toContain('ws-local');
  });
});
