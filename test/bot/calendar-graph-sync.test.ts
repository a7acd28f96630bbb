/**
 * The scheduled group calendar sync in the running server: with VUORO_CALENDAR_GROUP_ID set, the
 * workshops of the Microsoft 365 group calendar (Graph through nock) appear in GET /api/calendar,
 * follow a move on the next period, survive a refused Graph call untouched, and no event text is logged.
 */
import nock from 'nock';
import { ClientSecretCredential } from '@azure/identity';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { FakeClock } from '../helpers/reminder-sim';
import { TENANT } from '../helpers/sso-test-keys';
import { serveEntraLogin } from '../helpers/entra-login';

const GROUP = '0a1b2c3d-0000-4000-8000-00000000cafe';
const SUBJECT = 'Kelan etuudet tutuksi';
const MINUTE = 60_000;

interface ViewWorkshop { id: string; date: string; start: string; end: string; theme: string; status: string; title: Record<string, string> }

let vuoro: VuoroUnderTest | undefined;
let clock: FakeClock;
/** What the group calendar answers now: events, or an HTTP status for a failure. */
let calendarAnswer: unknown[] | number = [];
let calendarReads = 0;

function event(date: string, startUtc: string, endUtc: string) {
  return {
    id: 'AAMkAD-kela-1', subject: SUBJECT, bodyPreview: 'Asiantuntija kertoo etuuksista.',
    start: { dateTime: `${date}T${startUtc}:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `${date}T${endUtc}:00.0000000`, timeZone: 'UTC' },
    categories: ['Palvelut tutuksi'], isCancelled: false, showAs: 'busy', onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/kela' },
  };
}

function serveGroupCalendar(): void {
  nock('https://graph.microsoft.com').persist()
    .get(`/v1.0/groups/${GROUP}/calendar/calendarView`).query(true)
    .reply(() => {
      calendarReads++;
      return typeof calendarAnswer === 'number' ? [calendarAnswer, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } }] : [200, { value: calendarAnswer }];
    });
}

async function synced(): Promise<ViewWorkshop[]> {
  const res = await fetch(`${vuoro!.url}/api/calendar?cycle=2026-2027`);
  expect(res.status).toBe(200);
  const view = await res.json() as { cycle: { workshops: ViewWorkshop[] } };
  return view.cycle.workshops.filter((w) => w.id.startsWith('ws-g-'));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const syncLogs = () => vuoro!.logs.filter((l) => l.includes('"event":"calendar.sync'));
// One "synced" line per cycle; a run plans its next run from the clock when it ends, so the test moves
// the fake clock only after a run has logged every cycle (on a loaded machine the calendar can show a
// move before the run's second cycle is read).
const syncedLines = () => syncLogs().filter((l) => l.includes('"event":"calendar.synced"')).length;
const runEnded = (lines: number) => until(`${lines} synced cycles`, async () => (syncedLines() >= lines ? true : undefined));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  calendarReads = 0;
  clock = new FakeClock(Date.parse('2026-11-26T08:00:00Z'));
  serveEntraLogin((body) => body.scope === 'https://graph.microsoft.com/.default' && body.client_secret === 'test-secret');
  serveGroupCalendar();
});
afterEach(async () => {
  await vuoro?.close();
  vuoro = undefined;
  nock.cleanAll();
});

describe('scheduled group calendar sync', () => {
  it('shows group calendar workshops in the calendar, follows a move, and keeps them through a refused Graph call', async () => {
    calendarAnswer = [event('2027-01-21', '10:00', '12:00')];
    const credential = new ClientSecretCredential(TENANT, 'client-id', 'test-secret');
    vuoro = await startTestVuoro({ VUORO_CALENDAR_GROUP_ID: GROUP, VUORO_CALENDAR_SYNC_MINUTES: '15' }, { clock, graph: { credential, perTenantTokens: false } });

    const first = await until('the first sync', async () => ((await synced()).length ? synced() : undefined));
    await runEnded(2);
    expect(first.map((w) => [w.date, w.start, w.end, w.theme, w.status, w.title.fi])).toEqual([['2027-01-21', '12:00', '14:00', 'services', 'confirmed', SUBJECT]]);
    const readsAfterFirst = calendarReads;
    expect(readsAfterFirst).toBe(2); // the running cycle and the one being planned

    // Moved in Outlook: nothing changes before the period is over, then the calendar follows.
    calendarAnswer = [event('2027-01-28', '11:00', '13:00')];
    clock.t += 14 * MINUTE;
    await new Promise((r) => setTimeout(r, 400));
    expect(calendarReads).toBe(readsAfterFirst);
    clock.t += 1 * MINUTE + 1;
    const moved = await until('the move', async () => {
      const now = await synced();
      return now[0]?.date === '2027-01-28' ? now : undefined;
    });
    expect(moved.map((w) => [w.date, w.start, w.end])).toEqual([['2027-01-28', '13:00', '15:00']]);
    expect(moved[0].id).toBe(first[0].id);
    await runEnded(4);

    // Permission not (yet) granted: the calendar keeps what it had, and the sync is tried again after five minutes.
    calendarAnswer = 403;
    clock.t += 15 * MINUTE + 1;
    await until('the failure log', async () => (syncLogs().some((l) => l.includes('sync_failed')) ? true : undefined));
    expect((await synced()).map((w) => w.date)).toEqual(['2027-01-28']);
    const failure = JSON.parse(syncLogs().find((l) => l.includes('sync_failed'))!) as Record<string, unknown>;
    expect(failure).toMatchObject({ status: 403, retryInMs: 5 * MINUTE });

    calendarAnswer = [{ ...event('2027-01-28', '11:00', '13:00'), isCancelled: true }];
    clock.t += 5 * MINUTE + 1;
    const cancelled = await until('the cancellation', async () => {
      const now = await synced();
      return now[0]?.status === 'cancelled' ? now : undefined;
    });
    expect(cancelled).toHaveLength(1);

    const logged = vuoro.logs.join('');
    expect(logged).not.toContain(SUBJECT);
    expect(logged).not.toContain('etuuksista');
    expect(logged).not.toContain('meetup-join');
  });

  it('stays off, and says so, without a Graph credential in local mode', async () => {
    vuoro = await startTestVuoro({ VUORO_CALENDAR_GROUP_ID: GROUP }, { clock });
    await new Promise((r) => setTimeout(r, 300));
    expect(calendarReads).toBe(0);
    expect(vuoro.logs.join('')).toContain('"event":"calendar.sync_disabled"');
    expect(await synced()).toEqual([]);
  });

  it('refuses a group id that is not a GUID, naming the variable', async () => {
    await expect(startTestVuoro({ VUORO_CALENDAR_GROUP_ID: 'ppt-verkosto' })).rejects.toThrow(/VUORO_CALENDAR_GROUP_ID/);
  });
});
