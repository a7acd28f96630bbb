/**
 * The tab's reminder switch and the card's "I can't attend — I'll send a substitute", through the
 * real server: a person who switched reminders on in the tab (and never chatted with Vuoro) gets a
 * personal chat opened for the first reminder and reused for the next; the substitute form records
 * who covers, and the coordinator sees the expected attendance per service.
 */
import nock from 'nock';
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { helsinkiToUtc } from '../../bot/domain/calendar/helsinki-time';
import { t } from '../../bot/i18n';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, startConnectorCapture, visibleText } from '../helpers/connector-capture';
import { ClientSecretCredential } from '@azure/identity';
import { activity, cardAction, personalMessage } from '../helpers/teams-activities';
import { AUDIENCE, COORDINATOR_OID, MEMBER_OID, TENANT, TestKey, makeKey, serveTenantKeys, signToken } from '../helpers/sso-test-keys';
import { FakeClock, postedCards, runUntil } from '../helpers/reminder-sim';

const SUBSTITUTE = '6b9c0b1e-0000-4000-8000-00000000d00d';
let clock: FakeClock;
let store: MemoryStore;
let connector: ConnectorCapture;
let vuoro: VuoroUnderTest;
let key: TestKey;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  key = makeKey('k1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  serveTenantKeys([key], TENANT, 1);
  clock = new FakeClock(helsinkiToUtc('2026-08-12', '12:00'));
  store = new MemoryStore();
  connector = await startConnectorCapture({ clock });
  vuoro = await startTestVuoro(
    // The fixtures' Teams tenant and the tab's test tenant are both served.
    { VUORO_SSO_AUDIENCE: AUDIENCE, VUORO_ALLOWED_TENANTS: `${TENANT},72f988bf-0000-4000-8000-0000000000f1`, VUORO_COORDINATORS: COORDINATOR_OID },
    { clock, store, scheduler: { pollIntervalMs: 1e9 }, reminders: { syncIntervalMs: 6 * 3_600_000 } },
  );
});
afterEach(async () => {
  await vuoro.close();
  await connector.close();
  nock.cleanAll();
});

async function api(method: string, path: string, oid: string | undefined, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (oid) headers.authorization = `Bearer ${signToken(key, { oid, tid: TENANT }, Math.floor(clock.t / 1000))}`;
  const res = await fetch(`${vuoro.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('reminders from the tab', () => {
  it('switches on and off with the tab token, and refuses without one', async () => {
    expect((await api('POST', '/api/reminders/subscription', undefined)).status).toBe(401);
    expect((await api('GET', '/api/reminders/subscription', MEMBER_OID)).body).toEqual({ subscribed: false });
    expect((await api('POST', '/api/reminders/subscription', MEMBER_OID)).body).toEqual({ subscribed: true });
    expect((await api('GET', '/api/reminders/subscription', MEMBER_OID)).body).toEqual({ subscribed: true });
    expect((await api('DELETE', '/api/reminders/subscription', MEMBER_OID)).body).toEqual({ subscribed: false });
    expect((await api('GET', '/api/reminders/subscription', MEMBER_OID)).body).toEqual({ subscribed: false });
  });

  it('opens a personal chat for the first reminder and reuses it for the next', async () => {
    // The network's team is in the same tenant as the person: its service URL is the one to use.
    const install = activity('team-installation-update', { serviceUrl: connector.url });
    (install.conversation as Record<string, unknown>).tenantId = TENANT;
    (install.channelData as Record<string, unknown>).tenant = { id: TENANT };
    await vuoro.send(install);
    await api('POST', '/api/reminders/subscription', MEMBER_OID);
    await runUntil(clock, store, [vuoro], helsinkiToUtc('2026-08-19', '14:00'));
    const creates = connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(creates).toHaveLength(1);
    expect(creates[0].body).toMatchObject({ isGroup: false, members: [{ id: MEMBER_OID }], tenantId: TENANT });
    const personal = postedCards(connector, visibleText).filter((c) => c.conversationId.startsWith('a:personal-'));
    expect(personal.map((c) => c.heading)).toEqual([
      t('fi', 'reminders.cardTitle', { when: '7 päivän päästä' }),
      t('fi', 'reminders.cardTitle', { when: 'huomenna' }),
    ]);
    expect(new Set(personal.map((c) => c.conversationId)).size).toBe(1);
  });

  it('lets the coordinator change the offsets; others may not', async () => {
    expect((await api('PUT', '/api/reminders/settings', MEMBER_OID, { offsets: ['2d'] })).status).toBe(403);
    expect((await api('PUT', '/api/reminders/settings', COORDINATOR_OID, { offsets: ['soon'] })).status).toBe(400);
    expect((await api('PUT', '/api/reminders/settings', COORDINATOR_OID, { offsets: ['30m', '2d'] })).body).toEqual({ offsets: ['2d', '30m'] });
    await vuoro.send(activity('team-installation-update', { serviceUrl: connector.url }));
    await runUntil(clock, store, [vuoro], helsinkiToUtc('2026-08-20', '13:00'));
    const headings = postedCards(connector, visibleText).map((c) => c.heading);
    expect(headings).toEqual([t('fi', 'reminders.cardTitle', { when: '2 päivän päästä' }), t('fi', 'reminders.cardTitle', { when: '30 minuutin päästä' })]);
  });
});

describe('"I can\'t attend — I\'ll send a substitute"', () => {
  it('records who covers and shows the coordinator the expected attendance per service', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-net', user: { aadObjectId: MEMBER_OID } };
    const form = await vuoro.send(cardAction(scene, 'card-1', 'reminder.substitute', { workshopId: 'ws-2026-09' }));
    const formCard = (form.body as { value: Record<string, unknown> }).value;
    expect(visibleText(formCard)).toContain(t('fi', 'reminders.formTitle'));
    expect(JSON.stringify(formCard)).toContain('graph.users');

    const bad = await vuoro.send(cardAction(scene, 'card-1', 'reminder.substituteSave', { workshopId: 'ws-2026-09', service: 'kela', substitute: 'Maija Meikäläinen' }));
    expect(visibleText((bad.body as { value: object }).value)).toContain(t('fi', 'reminders.errorSubstitute'));

    const ok = await vuoro.send(cardAction(scene, 'card-1', 'reminder.substituteSave', { workshopId: 'ws-2026-09', service: 'kela', substitute: SUBSTITUTE }));
    expect(visibleText((ok.body as { value: object }).value)).toContain(t('fi', 'reminders.savedSubstitute', { service: 'Kela' }));
    const other = { ...scene, user: { aadObjectId: COORDINATOR_OID } };
    await vuoro.send(cardAction(other, 'card-1', 'reminder.attend', { workshopId: 'ws-2026-09', service: 'oral_health' }));

    expect((await api('GET', '/api/reminders/attendance/ws-2026-09', MEMBER_OID)).status).toBe(403);
    const view = await api('GET', '/api/reminders/attendance/ws-2026-09', COORDINATOR_OID);
    const services = Object.fromEntries((view.body.services as Array<{ service: string; covered: boolean }>).map((s) => [s.service, s]));
    expect(services.kela).toEqual({ service: 'kela', attending: 0, substitutes: 1, covered: true });
    expect(services.oral_health).toEqual({ service: 'oral_health', attending: 1, substitutes: 0, covered: true });
    expect(services.disability.covered).toBe(false);

    const stored = JSON.stringify((await store.get('reminders/attendance/ws-2026-09'))!.value);
    expect(stored).toContain(SUBSTITUTE);
    expect(stored).not.toContain('Maija');
  });
});

describe('activity feed, when configured', () => {
  it('notifies each reminded person (not the channel) through Graph', async () => {
    await vuoro.close();
    const TEAMS_APP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    nock('https://login.microsoftonline.com').post(`/${TENANT}/oauth2/v2.0/token`).query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'graph-token-2' });
    const notified: string[] = [];
    nock('https://graph.microsoft.com').post(/\/v1\.0\/users\/[^/]+\/teamwork\/sendActivityNotification/, (body) => body.activityType === 'workshopReminder')
      .times(10).reply(204, (uri) => void notified.push(uri.split('/')[3]));
    vuoro = await startTestVuoro(
      { VUORO_ACTIVITY_FEED_APP_ID: TEAMS_APP },
      { clock, store, scheduler: { pollIntervalMs: 1e9 }, reminders: { syncIntervalMs: 6 * 3_600_000, credential: new ClientSecretCredential(TENANT, 'cccccccc-0000-4000-8000-000000000001', 's', { disableInstanceDiscovery: true }) } },
    );
    await vuoro.send(activity('team-installation-update', { serviceUrl: connector.url }));
    await vuoro.send(personalMessage({ serviceUrl: connector.url, user: { aadObjectId: MEMBER_OID } }, 'muistuta'));
    await runUntil(clock, store, [vuoro], helsinkiToUtc('2026-08-13', '14:00'));
    expect(postedCards(connector, visibleText)).toHaveLength(2); // the channel and the person
    expect(notified).toEqual([MEMBER_OID]);
  });
});
