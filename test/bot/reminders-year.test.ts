/**
 * A whole year of the demo workshops through the real server, with an injected clock: installs and
 * opt-ins as Teams sends them, proactive cards posted over real HTTP to a loopback connector at the
 * stored references' serviceUrl. Along the way: a workshop moved and one cancelled, workshops across
 * both DST changes, one added late, an opt-out, a 429 with Retry-After, a 403, two restarts (one
 * long enough to skip a reminder) and two instances racing on one store.
 */
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { createCalendarService } from '../../bot/api/calendar-wiring';
import { helsinkiToUtc, utcToHelsinki } from '../../bot/domain/calendar/helsinki-time';
import type { Workshop } from '../../bot/domain/calendar/model';
import { t, tn } from '../../bot/i18n';
import type { Lang } from '../../bot/i18n';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, startConnectorCapture, visibleText } from '../helpers/connector-capture';
import { activity, personalMessage } from '../helpers/teams-activities';
import { ConflictCountingStore, FakeClock, PostedCard, postedCards, runUntil } from '../helpers/reminder-sim';

const H = 3_600_000;
const MIN = 60_000;
const at = (date: string, time: string) => helsinkiToUtc(date, time);
const local = (ms: number) => { const h = utcToHelsinki(ms); return `${h.date} ${h.time}`; };
const dayBefore = (date: string, n: number) => { const [y, m, d] = date.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10); };

const CHANNEL = '19:4a1c2b3d4e5f60718293a4b5c6d7e8f9@thread.tacv2';
const people = {
  p1: { user: { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000a001', name: 'Aino Esimerkki' }, locale: 'fi-FI', lang: 'fi' as Lang, word: 'muistuta' },
  p2: { user: { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000a002', name: 'Bertil Exempel' }, locale: 'sv-FI', lang: 'sv' as Lang, word: 'påminn' },
  p3: { user: { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000a003', name: 'Carol Example' }, locale: 'en-GB', lang: 'en' as Lang, word: 'remind' },
};
type Who = keyof typeof people | 'channel';
const convOf = (who: Who) => (who === 'channel' ? CHANNEL : `a:1personal-${people[who].user.aadObjectId}`);
const langOf = (who: Who): Lang => (who === 'channel' ? 'fi' : people[who].lang);

const OFFSETS = [['7d', 7], ['1d', 1], ['1h', 0]] as const;
function moment(w: Pick<Workshop, 'date' | 'start'>, offset: string): number {
  const days = OFFSETS.find(([code]) => code === offset)![1];
  // Independent of the code under test: day offsets keep the wall-clock time, 1 h is elapsed time.
  return days ? at(dayBefore(w.date, days), w.start) : at(w.date, w.start) - H;
}
function whenText(lang: Lang, offset: string): string {
  return offset === '1h' ? tn(lang, 'reminders.inHours', 1) : tn(lang, 'reminders.inDays', offset === '7d' ? 7 : 1);
}

let clock: FakeClock;
let store: ConflictCountingStore;
let connector: ConnectorCapture;
const running: VuoroUnderTest[] = [];

async function boot(): Promise<VuoroUnderTest> {
  const v = await startTestVuoro({}, { clock, store, scheduler: { pollIntervalMs: 1e9 }, reminders: { syncIntervalMs: 6 * H } });
  running.push(v);
  return v;
}
async function shutDown(v: VuoroUnderTest) {
  await v.close();
  running.splice(running.indexOf(v), 1);
}

beforeAll(async () => {
  clock = new FakeClock(at('2026-08-01', '09:00'));
  store = new ConflictCountingStore(new MemoryStore());
  connector = await startConnectorCapture({ clock });
});
afterAll(async () => {
  for (const v of [...running]) await v.close();
  await connector.close();
});

describe('a year of workshop reminders', () => {
  let cards: PostedCard[] = [];
  let wallMs = 0;
  let jumps = 0;
  const events: Record<string, number> = {};
  const logs: string[] = [];

  it('runs the year', async () => {
    const started = Date.now();
    const scene = { serviceUrl: connector.url };
    const calendar = createCalendarService(store, clock);
    let a = await boot();
    // The network's channel installs Vuoro; a consultation meeting chat does too (must not get workshop reminders).
    expect((await a.send(activity('team-installation-update', scene))).status).toBe(200);
    expect((await a.send(activity('installation-update', scene))).status).toBe(200);
    for (const p of Object.values(people)) {
      expect((await a.send(personalMessage({ ...scene, user: p.user, locale: p.locale }, p.word))).status).toBe(200);
    }
    // A workshop on the Thursday after DST ends: its 7 d reminder is in summer time.
    const autumn = await calendar.createWorkshop('2026-2027', { date: '2026-10-29', start: '10:00', end: '12:00', title: { fi: 'Syyspaja' }, theme: 'development', host: 'kela', status: 'confirmed' });
    expect(autumn.ok).toBe(true);
    jumps += await runUntil(clock, store, [a], at('2026-11-06', '09:00'));

    // Moved after its 7 d reminder went out; the next day one person opts out.
    expect((await calendar.moveWorkshop('ws-2026-11', { date: '2026-11-19', start: '13:00', end: '15:00' })).ok).toBe(true);
    jumps += await runUntil(clock, store, [a], at('2026-11-07', '09:00'));
    events.optOut = clock.t;
    await a.send(personalMessage({ ...scene, user: people.p3.user, locale: people.p3.locale }, 'remind off'));
    jumps += await runUntil(clock, store, [a], at('2026-12-05', '09:00'));

    // Cancelled after its 7 d reminder; the connector throttles the channel twice and p2 has removed the app.
    connector.fail({ match: (c) => c.method === 'POST' && c.path.includes(CHANNEL), status: 429, retryAfter: '90', times: 2 });
    connector.fail({ match: (c) => c.method === 'POST' && c.path.includes(convOf('p2')), status: 403, times: 1 });
    expect((await calendar.cancelWorkshop('ws-2026-12')).ok).toBe(true);
    events.cancelled = clock.t;
    jumps += await runUntil(clock, store, [a], at('2027-02-10', '12:00'));

    // Down from 12:00 to 15:00: the 1 d reminder due at 13:00 goes out late but once, inside its window.
    logs.push(...a.logs);
    await shutDown(a);
    clock.t = at('2027-02-10', '15:00');
    events.restart1 = clock.t;
    a = await boot();
    jumps += await runUntil(clock, store, [a], at('2027-03-01', '09:00'));
    // The Thursday after DST starts: its 7 d reminder is in winter time.
    expect((await calendar.createWorkshop('2026-2027', { date: '2027-04-01', start: '10:00', end: '12:00', title: { fi: 'Kevätpaja' }, theme: 'wellbeing', host: 'network', status: 'confirmed' })).ok).toBe(true);
    jumps += await runUntil(clock, store, [a], at('2027-03-11', '11:50'));

    // Down across the 1 h reminder at 12:00 for 40 minutes: longer than its 15-minute window, so skipped.
    logs.push(...a.logs);
    await shutDown(a);
    clock.t = at('2027-03-11', '12:30');
    events.restart2 = clock.t;
    const [c, d] = [await boot(), await boot()];
    const conflictsBefore = store.conflicts;
    jumps += await runUntil(clock, store, [c, d], at('2027-05-25', '09:00'));
    // Added two days before: only the 1 d and 1 h reminders are still ahead.
    expect((await calendar.createWorkshop('2026-2027', { date: '2027-05-27', start: '13:00', end: '14:00', title: { fi: 'Lisäpaja' }, theme: 'services', host: 'oralHealth', status: 'confirmed' })).ok).toBe(true);
    jumps += await runUntil(clock, store, [c, d], at('2027-08-01', '00:00'));
    events.racingC = c.logs.filter((l) => l.includes('"reminders.sent"')).length;
    events.racingD = d.logs.filter((l) => l.includes('"reminders.sent"')).length;
    events.raceConflicts = store.conflicts - conflictsBefore;
    logs.push(...c.logs, ...d.logs);
    wallMs = Date.now() - started;
    cards = postedCards(connector, visibleText);
  });

  it('sends every reminder exactly once, at the right Helsinki time, to everyone subscribed at that moment', async () => {
    const workshops = (await createCalendarService(store, clock).listCycles()).flatMap((cy) => cy.workshops)
      .filter((w) => w.status !== 'cancelled' && w.date >= '2026-08-01' && w.date < '2027-08-01');
    const subscribed = (who: Who, when: number) =>
      who === 'channel' || who === 'p1' || (who === 'p2' && when < events.cancelled) || (who === 'p3' && when < events.optOut);
    type Expected = { who: Who; workshopId: string; offset: string; due: number };
    const expected: Expected[] = [];
    const add = (w: Pick<Workshop, 'id' | 'date' | 'start'>, offset: string) => {
      for (const who of ['channel', 'p1', 'p2', 'p3'] as Who[]) if (subscribed(who, moment(w, offset))) expected.push({ who, workshopId: w.id, offset, due: moment(w, offset) });
    };
    for (const w of workshops) {
      for (const [offset] of OFFSETS) {
        if (w.id === 'ws-2027-03' && offset === '1h') continue; // fell in the 40-minute outage
        if (w.date === '2027-05-27' && offset === '7d') continue; // added after its moment
        add(w, offset);
      }
    }
    add({ id: 'ws-2026-11', date: '2026-11-12', start: '13:00' }, '7d'); // sent before the move
    add({ id: 'ws-2026-12', date: '2026-12-10', start: '13:00' }, '7d'); // sent before the cancellation

    const reminders = cards.filter((c) => !c.heading.includes(t('fi', 'reminders.movedTitle')) && ![t('fi', 'reminders.cancelledTitle'), t('sv', 'reminders.cancelledTitle'), t('en', 'reminders.cancelledTitle'), t('fi', 'reminders.movedTitle'), t('sv', 'reminders.movedTitle'), t('en', 'reminders.movedTitle')].includes(c.heading));
    const problems: string[] = [];
    for (const e of expected) {
      const hits = reminders.filter((c) => c.conversationId === convOf(e.who) && c.workshopId === e.workshopId && c.at >= e.due - 1 && c.at <= e.due + 4 * H);
      const late = e.workshopId === 'ws-2027-02' && e.offset === '1d';
      const ok = hits.length === 1
        && hits[0].heading === t(langOf(e.who), 'reminders.cardTitle', { when: whenText(langOf(e.who), e.offset) })
        && (late ? hits[0].at - events.restart1 <= 5 * MIN : hits[0].at - e.due <= 2 * MIN);
      if (!ok) problems.push(`${e.who} ${e.workshopId} ${e.offset} due ${local(e.due)}: ${hits.map((h) => `${local(h.at)} "${h.heading}"`).join(', ') || 'none'}`);
    }
    expect(problems).toEqual([]);
    expect(reminders.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(100);
  });

  it('keeps the wall-clock time across both DST changes', () => {
    const seven = (date: string) => cards.filter((c) => c.conversationId === CHANNEL && c.heading.includes(whenText('fi', '7d')) && local(c.at).startsWith(date));
    expect(seven('2026-10-22').map((c) => local(c.at))).toEqual(['2026-10-22 10:00']);
    expect(seven('2027-03-25').map((c) => local(c.at))).toEqual(['2027-03-25 10:00']);
    // 7 × 24 h would have been 09:00 and 11:00 local: the elapsed time differs from a week by an hour.
    const lag = (c: PostedCard, due: number) => c.at - due;
    expect(lag(seven('2026-10-22')[0], at('2026-10-29', '10:00') - 7 * 24 * H - H)).toBeGreaterThanOrEqual(0);
    expect(lag(seven('2026-10-22')[0], at('2026-10-29', '10:00') - 7 * 24 * H - H)).toBeLessThan(MIN);
    expect(lag(seven('2027-03-25')[0], at('2027-04-01', '10:00') - 7 * 24 * H + H)).toBeGreaterThanOrEqual(0);
    expect(lag(seven('2027-03-25')[0], at('2027-04-01', '10:00') - 7 * 24 * H + H)).toBeLessThan(MIN);
  });

  it('sends change notices once to everyone already reminded', () => {
    const moved = cards.filter((c) => c.heading === t(langOf(c.conversationId === CHANNEL ? 'channel' : 'p1'), 'reminders.movedTitle') || ['sv', 'en'].some((l) => c.heading === t(l as Lang, 'reminders.movedTitle')));
    expect(moved.map((c) => c.conversationId).sort()).toEqual(['channel', 'p1', 'p2', 'p3'].map((w) => convOf(w as Who)).sort());
    expect(moved.filter((c) => c.text.includes('19.11.2026') || c.text.includes('19/11/2026'))).toHaveLength(4);
    const cancelled = cards.filter((c) => (['fi', 'sv', 'en'] as Lang[]).some((l) => c.heading === t(l, 'reminders.cancelledTitle')));
    // p2 answered 403 and p3 had opted out before the 7 d reminder: the channel and p1 remain.
    expect(cancelled.map((c) => c.conversationId).sort()).toEqual([convOf('channel'), convOf('p1')].sort());
  });

  it('waits out a 429 for Retry-After and unsubscribes on 403', () => {
    const throttled = connector.requests.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    expect(throttled[1].at - throttled[0].at).toBeGreaterThanOrEqual(90_000);
    const delivered = cards.find((c) => c.conversationId === CHANNEL && c.heading === t('fi', 'reminders.cancelledTitle'))!;
    expect(delivered.at - throttled[1].at).toBeGreaterThanOrEqual(90_000);
    expect(connector.requests.filter((r) => r.status === 403)).toHaveLength(1);
    expect(cards.filter((c) => c.conversationId === convOf('p2') && c.at > events.cancelled)).toEqual([]);
  });

  it('shares the work between two racing instances without sending anything twice', () => {
    expect(events.racingC).toBeGreaterThan(0);
    expect(events.racingD).toBeGreaterThan(0);
    expect(events.raceConflicts).toBeGreaterThan(0); // they really competed for the same jobs
    const keys = cards.map((c) => `${c.conversationId}|${c.workshopId}|${c.heading}|${c.at}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stores and logs ids, never names, titles or message text', async () => {
    const dump: string[] = [];
    for (const key of await store.list('reminders/')) dump.push(key, JSON.stringify((await store.get(key))!.value));
    const all = dump.join('\n') + logs.join('\n');
    for (const secret of ['Aino', 'Bertil', 'Carol', 'PPT-verkosto', 'Syyspaja', 'Kevätpaja', 'muistuta', 'påminn', 'remind off', 'Muistutus']) expect(all).not.toContain(secret);
    expect(dump.some((l) => l.includes('"serviceUrl"'))).toBe(true);
    expect(await store.list('reminders/sub/')).toHaveLength(2); // channel and p1; the meeting chat never, p2 and p3 gone
  });

  it('runs the year in seconds', () => {
    console.log(`year: ${cards.length} cards, ${jumps} clock jumps, ${wallMs} ms wall time; racing: ${events.racingC}+${events.racingD} sends, ${events.raceConflicts} lost claims`);
    expect(wallMs).toBeLessThan(60_000);
  });
});
