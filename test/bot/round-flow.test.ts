/**
 * The consultation round through the real server: the chair starts it from the intake card,
 * presses the controls, and the status card is updated in place by the durable scheduler on an
 * injected clock. Replies, updates and meeting notifications are captured at the serviceUrl.
 */
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { MIN_UPDATE_INTERVAL_MS } from '../../bot/domain/turn-order';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, Captured, startConnectorCapture, visibleText } from '../helpers/connector-capture';
import { Scene, activity, cardAction, mention } from '../helpers/teams-activities';

const MIN = 60_000;
const T0 = Date.parse('2026-11-26T07:00:00Z'); // 09:00 in Helsinki

let connector: ConnectorCapture;
const running: VuoroUnderTest[] = [];
const clock = { t: T0, now: () => clock.t };

async function start(store = new MemoryStore()): Promise<VuoroUnderTest> {
  // The poll loop is slowed right down: the test drives the scheduler with tick() on the fake clock.
  const vuoro = await startTestVuoro({}, { clock, store, scheduler: { pollIntervalMs: 3_600_000, rescanIntervalMs: 3_600_000 } });
  running.push(vuoro);
  return vuoro;
}

beforeEach(async () => {
  clock.t = T0;
  pressedVersion = -1;
  connector = await startConnectorCapture();
});
afterEach(async () => {
  for (const v of running.splice(0)) await v.close();
  await connector.close();
});

const person = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name: `Osallistuja ${n}` });
const CHAIR = person(9);
const posts = (c: Captured) => c.method === 'POST' && /\/v3\/conversations\/.+\/activities/.test(c.path);
const cardOf = (c: Captured) => (c.body.attachments as Array<{ content: Record<string, unknown> }>)[0].content;
const textOf = (c: Captured) => visibleText(cardOf(c));
const invokeValue = (res: { body: unknown }) => (res.body as { value: unknown }).value;

/** Opens the intake, collects three answers and returns the intake card's id. */
async function intakeWithAnswers(vuoro: VuoroUnderTest, scene: Scene): Promise<string> {
  await vuoro.send(activity('meeting-start', scene));
  const [intakeCard] = await connector.waitFor(posts);
  const cardId = intakeCard.responseId!;
  const answers: Array<[number, string, string, string]> = [
    [1, '2', '0', 'health_station'],
    [2, '1', '0', 'kela'],
    [3, '1', '1', 'adult_social'],
  ];
  for (const [n, cases, topics, service] of answers) {
    await vuoro.send(cardAction({ ...scene, user: person(n) }, cardId, 'intake.answer', { cases, topics, service }));
  }
  return cardId;
}

/** The chair starts the round from the intake card five minutes into the meeting. */
async function startRound(vuoro: VuoroUnderTest, scene: Scene, intakeCardId: string): Promise<{ statusCardId: string; statusPost: Captured }> {
  connector.roles.set(CHAIR.aadObjectId, 'Organizer');
  clock.t = T0 + 5 * MIN;
  const res = await vuoro.send(cardAction({ ...scene, user: CHAIR }, intakeCardId, 'round.start', {}));
  expect(invokeValue(res)).toBe('Kierros aloitettu.');
  const statusPost = connector.requests.filter(posts).find((c) => textOf(c).includes('Konsultaatiokierros'))!;
  return { statusCardId: statusPost.responseId!, statusPost };
}

function statusUpdates(statusCardId: string): Captured[] {
  return connector.requests.filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${statusCardId}`));
}

/** Advances the fake clock in `stepMs` steps up to `untilMs`, ticking the scheduler; returns the fake time of each new status update. */
async function runClock(vuoros: VuoroUnderTest[], statusCardId: string, untilMs: number, stepMs = 5_000): Promise<Array<{ at: number; text: string }>> {
  const seen: Array<{ at: number; text: string }> = [];
  let known = statusUpdates(statusCardId).length;
  while (clock.t < untilMs) {
    clock.t = Math.min(untilMs, clock.t + stepMs);
    await Promise.all(vuoros.map((v) => v.scheduler.tick()));
    const all = statusUpdates(statusCardId);
    for (const update of all.slice(known)) seen.push({ at: clock.t, text: textOf(update) });
    known = all.length;
  }
  return seen;
}

/** The newest card version seen: in the chat, or returned to whoever pressed last. */
let pressedVersion = -1;
const versionOf = (card: Record<string, unknown>) => (card.actions as Array<{ data: { version: number } }> | undefined)?.[0]?.data.version ?? -1;

/** A status card button press by `user` on the newest card anyone has seen. */
async function press(vuoro: VuoroUnderTest, scene: Scene, statusCardId: string, verb: string, user: { aadObjectId: string }, data: Record<string, unknown> = {}) {
  const latest = [...statusUpdates(statusCardId)].pop() ?? connector.requests.find((c) => c.responseId === statusCardId)!;
  const version = Math.max(versionOf(cardOf(latest)), pressedVersion);
  const res = await vuoro.send(cardAction({ ...scene, user: user as { aadObjectId: string; name?: string } }, statusCardId, verb, { version, ...data }));
  const value = invokeValue(res);
  if (value && typeof value === 'object') pressedVersion = Math.max(pressedVersion, versionOf(value as Record<string, unknown>));
  return res;
}

describe('starting the round', () => {
  it('closes the intake and posts the status card in the order people answered, with the fair slot', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-start' };
    const intakeCardId = await intakeWithAnswers(vuoro, scene);
    const { statusPost } = await startRound(vuoro, scene, intakeCardId);
    const text = textOf(statusPost);
    expect(text).toContain('Nyt vuorossa: Terveysasema, 2 tapausta');
    expect(text).toContain('Tapaukset 1–2/5');
    // 50 minutes until the round end (09:55) for 5 items: 10 min each, so 20 min for two cases.
    expect(text).toContain('Aikaa jäljellä 20 min');
    expect(text).toContain('Seuraavana: Kela, 1 tapaus');
    expect(text).toContain('klo 09:55');
    expect(text).toMatch(/1\. Kela: 1 tapaus, noin 10 min\n[\s\S]*2\. Aikuisten sosiaalipalvelut: 1 tapaus, 1 ilmiö, noin 20 min/);
    const closedIntake = connector.requests.filter((c) => c.method === 'PUT' && c.path.endsWith(intakeCardId)).pop()!;
    expect(textOf(closedIntake)).toContain('Tapausten kartoitus (suljettu)');
    const late = await vuoro.send(cardAction({ ...scene, user: person(4) }, intakeCardId, 'intake.answer', { cases: '1', service: 'kela' }));
    expect(visibleText(invokeValue(late) as object)).toContain('Kartoitus on jo suljettu');
  });

  it('shows the start button to everyone but lets only the organiser, a presenter or the intake opener start', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-roles' };
    const intakeCardId = await intakeWithAnswers(vuoro, scene);
    const intakeCard = cardOf(connector.requests.find(posts)!);
    expect(intakeCard.actions).toEqual(expect.arrayContaining([expect.objectContaining({ verb: 'round.start', title: 'Aloita kierros' })]));
    connector.roles.set(person(5).aadObjectId, 'Attendee');
    const refused = await vuoro.send(cardAction({ ...scene, user: person(5) }, intakeCardId, 'round.start', {}));
    expect(invokeValue(refused)).toMatch(/^Kiitos! Kierrosta ohjaa puheenjohtaja/);
    expect(connector.requests.filter(posts)).toHaveLength(1);
    connector.roles.set(person(6).aadObjectId, 'Presenter');
    const started = await vuoro.send(mention({ ...scene, user: person(6) }, 'kierros'));
    expect(started.status).toBe(200);
    const statusPosts = connector.requests.filter((c) => posts(c) && c.body.attachments && textOf(c).includes('Konsultaatiokierros'));
    expect(statusPosts).toHaveLength(1);
    const again = await vuoro.send(mention({ ...scene, user: person(6) }, 'kierros'));
    expect(again.status).toBe(200);
    await connector.waitFor((c) => posts(c) && c.body.text === 'Kierros on jo käynnissä; tilannekortti on keskustelussa.');
  });

  it('answers in Swedish and English to runda and round', async () => {
    const vuoro = await start();
    const sv = { serviceUrl: connector.url, meeting: 'r-sv', locale: 'sv-FI', user: CHAIR };
    connector.roles.set(CHAIR.aadObjectId, 'Organizer');
    await vuoro.send(mention(sv, 'runda'));
    await connector.waitFor((c) => posts(c) && String(c.body.text).startsWith('Kartläggningen har inte öppnats ännu'));
    await vuoro.send(mention({ ...sv, meeting: 'r-en', locale: 'en-GB' }, 'end'));
    await connector.waitFor((c) => posts(c) && String(c.body.text).startsWith('No round is running'));
  });
});

describe('the status card over a turn', () => {
  it('is updated at the moments that matter, never closer together than the budget', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-cadence' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    const deadline = T0 + 25 * MIN;
    const seen = await runClock([vuoro], statusCardId, deadline + 2 * MIN + 30_000);
    const at = seen.map((s) => (s.at - deadline) / MIN);
    expect(at).toEqual([-5, -4, -3, -2, -1, 0, 1, 2]);
    expect(seen[0].text).toContain('Aikaa jäljellä 5 min');
    expect(seen[3].text).toContain('Aikaa jäljellä 2 min');
    expect(seen[5].text).toContain('Aika on lopussa');
    expect(seen[6].text).toContain('Yli ajan 1 min');
    expect(seen[6].text).toMatch(/jäljessä 1 min/);
  });

  it('answers each press at once but keeps card updates for everyone at least the budget apart', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-controls' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    const times: number[] = [];
    const pressAndSettle = async (verb: string, user: { aadObjectId: string }, data: Record<string, unknown> = {}) => {
      const res = await press(vuoro, scene, statusCardId, verb, user, data);
      const before = statusUpdates(statusCardId).length;
      for (let i = 0; i < 6 && statusUpdates(statusCardId).length === before; i++) {
        await vuoro.scheduler.tick();
        if (statusUpdates(statusCardId).length === before) clock.t += 3_000;
      }
      times.push(clock.t);
      return { res, card: textOf(statusUpdates(statusCardId).pop()!) };
    };
    clock.t += 60_000;
    const paused = await pressAndSettle('round.pause', CHAIR);
    expect(visibleText(invokeValue(paused.res) as object)).toContain('Konsultaatiokierros (tauolla)');
    expect(paused.card).toContain('Tauko: aikaa jäljellä 19 min, kun jatketaan');
    clock.t += 2_000;
    const resumed = await pressAndSettle('round.resume', CHAIR);
    expect(resumed.card).toContain('Aikaa jäljellä 19 min');
    const extended = await pressAndSettle('round.extend', CHAIR);
    expect(extended.card).toContain('Aikaa jäljellä 21 min');
    const done = await pressAndSettle('round.finish', person(1));
    expect(done.card).toContain('Nyt vuorossa: Kela, 1 tapaus');
    const moved = await pressAndSettle('round.moveDown', CHAIR, { userId: person(3).aadObjectId });
    expect(moved.res.status).toBe(200);
    expect(visibleText(invokeValue(moved.res) as object)).toContain('Esittäjä on jo jonossa viimeisenä.');
    const deferred = await pressAndSettle('round.defer', CHAIR, { userId: person(3).aadObjectId });
    expect(deferred.card).toContain('Tämä on kierroksen viimeinen vuoro.');
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(0);
    const gaps = times.slice(1).map((t, i) => t - times[i]).filter((g) => g > 0);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_UPDATE_INTERVAL_MS);
  });

  it('refuses controls from an attendee politely and a stale card without changing anything', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-refuse' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    connector.roles.set(person(2).aadObjectId, 'Attendee');
    const refused = await press(vuoro, scene, statusCardId, 'round.next', person(2));
    expect(invokeValue(refused)).toMatch(/^Kiitos! Kierrosta ohjaa puheenjohtaja/);
    const notYours = await press(vuoro, scene, statusCardId, 'round.finish', person(2));
    expect(invokeValue(notYours)).toBe('Vain vuorossa oleva esittäjä tai puheenjohtaja voi merkitä vuoron valmiiksi.');
    const version = versionOf(cardOf(connector.requests.find((c) => c.responseId === statusCardId)!));
    const onCard = () => vuoro.send(cardAction({ ...scene, user: CHAIR }, statusCardId, 'round.next', { version }));
    const first = await onCard();
    expect(visibleText(invokeValue(first) as object)).toContain('Nyt vuorossa: Kela');
    const double = await onCard(); // the same card in someone's chat, pressed again before it was updated
    const text = visibleText(invokeValue(double) as object);
    expect(text).toContain('Kortti oli ehtinyt vanhentua');
    expect(text).toContain('Nyt vuorossa: Kela');
  });
  it('lets the presenter press Done on a card a few seconds old', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-done-stale' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    const version = versionOf(cardOf(connector.requests.find((c) => c.responseId === statusCardId)!));
    await press(vuoro, scene, statusCardId, 'round.extend', CHAIR);
    const done = await vuoro.send(cardAction({ ...scene, user: person(1) }, statusCardId, 'round.finish', { version }));
    expect(visibleText(invokeValue(done) as object)).toContain('Nyt vuorossa: Kela');
  });
});

describe("you're next", () => {
  it('sends a targeted meeting notification to the next presenter', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-notify' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    await runClock([vuoro], statusCardId, T0 + 20 * MIN);
    const [note] = connector.requests.filter((c) => c.method === 'POST' && c.path.endsWith('/notification'));
    expect(note.path).toBe('/v1/meetings/MCMx-r-notify/notification');
    const value = note.body.value as { recipients: string[]; surfaces: Array<{ surface: string; content: { value: { url: string } } }> };
    expect(value.recipients).toEqual([`29:${person(2).aadObjectId}`]);
    expect(value.surfaces[0].surface).toBe('meetingStage');
    const page = await fetch(value.surfaces[0].content.value.url.replace(/^http:\/\/localhost:\d+/, vuoro.url));
    expect(await page.text()).toContain('Olet seuraavana');
    expect(cardOf(statusUpdates(statusCardId)[0]).msteams).toBeUndefined();
    await runClock([vuoro], statusCardId, T0 + 23 * MIN);
    expect(connector.requests.filter((c) => c.path.endsWith('/notification'))).toHaveLength(1);
  });

  it('mentions the next presenter on the card when Teams refuses the notification (403)', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-mention' };
    connector.notifications.status = 403;
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    await runClock([vuoro], statusCardId, T0 + 20 * MIN);
    const card = cardOf(statusUpdates(statusCardId)[0]);
    expect(visibleText(card)).toContain('<at>Seuraava esittäjä</at>, valmistaudu: olet seuraavana (Kela, 1 tapaus).');
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Seuraava esittäjä</at>', mentioned: { id: person(2).aadObjectId, name: 'Seuraava esittäjä' } }] });
  });
});

describe('durability', () => {
  it('continues after a restart mid-turn with the right time left and posts the missed moment once', async () => {
    const store = new MemoryStore();
    const first = await start(store);
    const scene = { serviceUrl: connector.url, meeting: 'r-restart' };
    const { statusCardId } = await startRound(first, scene, await intakeWithAnswers(first, scene));
    await runClock([first], statusCardId, T0 + 12 * MIN);
    await first.close();
    running.splice(running.indexOf(first), 1);

    clock.t = T0 + 21 * MIN + 30_000; // down through the five- and four-minute warnings
    const second = await start(store);
    const seen = await runClock([second], statusCardId, T0 + 22 * MIN + 30_000);
    expect(seen.map((s) => s.at)).toEqual([T0 + 21 * MIN + 35_000, T0 + 22 * MIN]);
    expect(seen[0].text).toContain('Aikaa jäljellä 4 min'); // 3 min 25 s left, shown rounded up
    expect(seen[1].text).toContain('Aikaa jäljellä 3 min');
    const next = await press(second, scene, statusCardId, 'round.next', CHAIR);
    expect(visibleText(invokeValue(next) as object)).toContain('Nyt vuorossa: Kela');
  });

  it('posts each update once with two instances on one store', async () => {
    const store = new MemoryStore();
    const a = await start(store);
    const b = await start(store);
    const scene = { serviceUrl: connector.url, meeting: 'r-two' };
    const { statusCardId } = await startRound(a, scene, await intakeWithAnswers(a, scene));
    await b.scheduler.rescan();
    const seen = await runClock([a, b], statusCardId, T0 + 26 * MIN);
    expect(seen.map((s) => (s.at - (T0 + 25 * MIN)) / MIN)).toEqual([-5, -4, -3, -2, -1, 0, 1]);
    await press(b, scene, statusCardId, 'round.next', CHAIR);
    await b.scheduler.rescan();
    await a.scheduler.rescan();
    const after = await runClock([a, b], statusCardId, clock.t + 15_000);
    expect(after).toHaveLength(1);
    expect(after[0].text).toContain('Nyt vuorossa: Kela');
  });
});

describe('end of the meeting', () => {
  it('posts the summary once on meetingEnd and keeps anonymous statistics for the month', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-end' };
    const { statusCardId } = await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    clock.t = T0 + 24 * MIN;
    await press(vuoro, scene, statusCardId, 'round.finish', person(1));
    clock.t = T0 + 30 * MIN;
    await press(vuoro, scene, statusCardId, 'round.defer', CHAIR, { userId: person(3).aadObjectId });
    clock.t = T0 + 41 * MIN;
    await vuoro.send(activity('meeting-end', scene));
    await vuoro.send(activity('meeting-end', scene));
    const summaries = connector.requests.filter((c) => posts(c) && c.body.attachments && textOf(c).includes('Kokouksen yhteenveto'));
    expect(summaries).toHaveLength(1);
    const text = textOf(summaries[0]);
    expect(text).toMatch(/Konsultoitu\n3 tapausta, 0 ilmiötä/);
    expect(text).toMatch(/Siirretty seuraavaan kokoukseen\n1 tapaus, 1 ilmiö/);
    expect(text).toMatch(/1\. Terveysasema: 2 tapausta\n19 \/ 20 min, konsultoitu/);
    expect(text).toMatch(/2\. Kela: 1 tapaus\n17 \/ 10 min, konsultoitu/);
    expect(text).toMatch(/3\. Aikuisten sosiaalipalvelut: 1 tapaus, 1 ilmiö\n– \/ 20 min, siirretty/);
    expect(text).not.toContain('Osallistuja');
    await runClock([vuoro], statusCardId, clock.t + 15_000);
    expect(textOf(statusUpdates(statusCardId).pop()!)).toContain('Konsultaatiokierros päättyi');

    const stats = await (await fetch(`${vuoro.url}/api/stats`)).json() as { rows: Array<Record<string, unknown>> };
    expect(stats.rows).toHaveLength(1);
    expect(stats.rows[0]).toMatchObject({ month: '2026-11', centre: '19:meeting_r-end@thread.v2', meetings: 1, presenters: 3, casesConsulted: 3, casesDeferred: 1, topicsDeferred: 1 });
    expect(JSON.stringify(stats)).not.toContain(person(1).aadObjectId);
  });

  it('ends the round on @Vuoro lopeta from the chair only', async () => {
    const vuoro = await start();
    const scene = { serviceUrl: connector.url, meeting: 'r-lopeta' };
    await startRound(vuoro, scene, await intakeWithAnswers(vuoro, scene));
    connector.roles.set(person(2).aadObjectId, 'Attendee');
    await vuoro.send(mention({ ...scene, user: person(2) }, 'lopeta'));
    await connector.waitFor((c) => posts(c) && String(c.body.text).startsWith('Kiitos! Kierrosta ohjaa puheenjohtaja'));
    await vuoro.send(mention({ ...scene, user: CHAIR }, 'lopeta'));
    const [summary] = await connector.waitFor((c) => posts(c) && Boolean(c.body.attachments) && textOf(c).includes('Kokouksen yhteenveto'));
    expect(textOf(summary)).toMatch(/Ei ehditty\n3/);
  });
});
