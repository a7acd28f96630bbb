/**
 * The intake through the real server: activities as Teams sends them, replies captured at the
 * activity's serviceUrl.
 */
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, Captured, startConnectorCapture, visibleText } from '../helpers/connector-capture';
import { Scene, activity, cardAction, mention } from '../helpers/teams-activities';

let vuoro: VuoroUnderTest;
let connector: ConnectorCapture;

beforeEach(async () => {
  connector = await startConnectorCapture();
  vuoro = await startTestVuoro();
});
afterEach(async () => {
  await vuoro?.close();
  await connector?.close();
});

const posts = (c: Captured) => c.method === 'POST' && /\/v3\/conversations\/.+\/activities/.test(c.path);
const updates = (c: Captured) => c.method === 'PUT';
const cardOf = (c: Captured) => ((c.body.attachments as Array<{ content: Record<string, unknown> }>)[0]).content;

async function startMeeting(scene: Scene): Promise<string> {
  const res = await vuoro.send(activity('meeting-start', scene));
  expect(res.status).toBe(200);
  const [posted] = await connector.waitFor((c) => posts(c) && c.path.includes(scene.meeting!));
  return connector.requests.indexOf(posted) >= 0 ? `activity-${connector.requests.filter(posts).indexOf(posted) + 1}` : '';
}

function person(n: number) {
  return { aadObjectId: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`, name: `Osallistuja ${n}` };
}

describe('case intake in a meeting', () => {
  it('posts the intake card on meetingStart and updates the tally for everyone after each answer', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-alpha' };
    const cardId = await startMeeting(scene);
    const first = connector.requests.find(posts)!;
    expect(first.path).toContain('/v3/conversations/19:meeting_m-alpha@thread.v2/activities/');
    const text = visibleText(cardOf(first));
    expect(text).toContain('Tapausten kartoitus');
    expect(text).toContain('Terveysasema');
    expect(cardOf(first).actions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'Action.Execute', verb: 'intake.answer' })]));

    const answers: Array<[number, string, string, string]> = [
      [1, '2', '0', 'health_station'],
      [2, '1', '1', 'kela'],
      [3, '3', '0', 'adult_social'],
    ];
    for (const [n, cases, topics, service] of answers) {
      const res = await vuoro.send(cardAction({ ...scene, user: person(n) }, cardId, 'intake.answer', { cases, topics, service }));
      expect(res.status).toBe(200);
      const invoke = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
      expect(invoke.statusCode).toBe(200);
      expect(invoke.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(visibleText(invoke.value)).toContain('Vastauksesi');
    }
    const [, , last] = await connector.waitFor(updates, 3);
    expect(last.path).toBe(`/v3/conversations/19:meeting_m-alpha@thread.v2/activities/${cardId}`);
    const facts = (cardOf(last).body as Array<{ type: string; facts?: Array<{ title: string; value: string }> }>).find((b) => b.type === 'FactSet')!.facts!;
    expect(facts).toEqual(expect.arrayContaining([
      { title: 'Asiakastapauksia', value: '6' },
      { title: 'Ilmiöitä ja yhteistyöasioita', value: '1' },
      { title: 'Vastanneita', value: '3' },
    ]));
    expect(visibleText(cardOf(last))).toMatch(/Aikaa konsultaatioille on 50 min: 7 min|vain lyhyemmillä ajoilla: 7 min/);
  });

  it('counts one person once when they change their answer', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-beta' };
    const cardId = await startMeeting(scene);
    await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '4', service: 'kela' }));
    const res = await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '1', service: 'oral_health' }));
    expect(visibleText((res.body as { value: object }).value)).toContain('Vastauksesi: 1 tapaus, 0 ilmiötä, Suun terveydenhuolto.');
    const all = await connector.waitFor(updates, 2);
    const facts = visibleText(cardOf(all[all.length - 1]));
    expect(facts).toMatch(/Asiakastapauksia\n1\n/);
    expect(facts).toMatch(/Vastanneita\n1\n/);
  });

  it('warns and suggests deferrals when the cases do not fit in the hour', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-full' };
    const cardId = await startMeeting(scene);
    for (let n = 1; n <= 3; n++) {
      await vuoro.send(cardAction({ ...scene, user: person(n) }, cardId, 'intake.answer', { cases: n === 3 ? 'more' : '5', service: n === 2 ? 'kela' : 'disability' }));
    }
    const all = await connector.waitFor(updates, 3);
    const text = visibleText(cardOf(all[all.length - 1]));
    expect(text).toContain('Varoitus: 16 tapausta ei mahdu tuntiin');
    expect(text).toMatch(/Ehdotus: siirrä 6 tapausta seuraavaan kokoukseen: .*Vammaispalvelut/);
  });

  it('keeps meetings apart', async () => {
    const a = { serviceUrl: connector.url, meeting: 'm-one' };
    const b = { serviceUrl: connector.url, meeting: 'm-two' };
    const cardA = await startMeeting(a);
    const cardB = await startMeeting(b);
    await Promise.all([
      vuoro.send(cardAction({ ...a, user: person(1) }, cardA, 'intake.answer', { cases: '5', service: 'kela' })),
      vuoro.send(cardAction({ ...b, user: person(1) }, cardB, 'intake.answer', { cases: '1', service: 'kela' })),
      vuoro.send(cardAction({ ...b, user: person(2) }, cardB, 'intake.answer', { cases: '1', service: 'other' })),
    ]);
    const latest = (m: string) => cardOf(connector.requests.filter((c) => updates(c) && c.path.includes(m)).pop()!);
    await connector.waitFor(updates, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(visibleText(latest('m-one'))).toMatch(/Asiakastapauksia\n5\n/);
    expect(visibleText(latest('m-two'))).toMatch(/Asiakastapauksia\n2\n/);
  });

  it('starts on the command when no meetingStart arrives, in Swedish for a Swedish client', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-sv', locale: 'sv-FI' };
    expect((await vuoro.send(mention(scene, 'börja'))).status).toBe(200);
    const [posted] = await connector.waitFor(posts);
    expect(visibleText(cardOf(posted))).toContain('Kartläggning av ärenden');
    expect(visibleText(cardOf(posted))).toContain('Munhälsovård');
  });

  it('does not post a second card when meetingStart follows the start command', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-twice' };
    await vuoro.send(mention(scene, 'aloita'));
    await vuoro.send(activity('meeting-start', scene));
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests.filter(posts)).toHaveLength(1);
  });

  it('refuses a bad answer with a message and keeps the earlier one', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-bad' };
    const cardId = await startMeeting(scene);
    await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '2', service: 'kela' }));
    const res = await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '99', service: 'kela' }));
    const text = visibleText((res.body as { value: object }).value);
    expect(text).toContain('Valitse tapausten määrä 0–5 tai yli 5.');
    expect(text).toContain('Vastauksesi: 2 tapausta');
  });

  it('lets only the chair close the intake and then shows the closed card', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-close' };
    const cardId = await startMeeting(scene);
    await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '2', service: 'kela' }));
    connector.roles.set(person(2).aadObjectId, 'Attendee');
    const refused = await vuoro.send(cardAction({ ...scene, user: person(2) }, cardId, 'intake.close', {}));
    expect((refused.body as { value: string }).value).toBe('Vain puheenjohtaja voi sulkea kartoituksen.');
    connector.roles.set(person(3).aadObjectId, 'Organizer');
    await vuoro.send(mention({ ...scene, user: person(3) }, 'sulje'));
    const replies = await connector.waitFor((c) => posts(c) && c.body.text === 'Kartoitus suljettu.');
    expect(replies).toHaveLength(1);
    const closed = connector.requests.filter(updates).pop()!;
    expect(visibleText(cardOf(closed))).toContain('Tapausten kartoitus (suljettu)');
    expect(cardOf(closed).actions).toBeUndefined();
    const late = await vuoro.send(cardAction({ ...scene, user: person(4) }, cardId, 'intake.answer', { cases: '1', service: 'kela' }));
    expect(visibleText((late.body as { value: object }).value)).toContain('Kartoitus on jo suljettu, vastausta ei tallennettu.');
  });

  it('changes the centre meeting length and replans', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-len' };
    const cardId = await startMeeting(scene);
    await vuoro.send(cardAction({ ...scene, user: person(1) }, cardId, 'intake.answer', { cases: '4', service: 'kela' }));
    await vuoro.send(mention(scene, 'kesto 90'));
    await connector.waitFor((c) => posts(c) && c.body.text === 'Kokouksen pituus on nyt 90 min.');
    const last = connector.requests.filter(updates).pop()!;
    expect(visibleText(cardOf(last))).toContain('Aikaa konsultaatioille on 80 min: 20 min tapausta kohden.');
    await vuoro.send(mention(scene, 'kesto 5'));
    await connector.waitFor((c) => posts(c) && String(c.body.text).startsWith('Anna kokouksen pituus'));
  });
});

describe('commands and joining', () => {
  it.each([
    ['fi-FI', 'ohje', 'Vuoro osaa nämä'],
    ['sv-FI', 'hjälp', 'Det här kan Vuoro'],
    ['en-US', 'help', 'What Vuoro does'],
  ])('answers help in %s', async (locale, word, title) => {
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-help', locale }, word));
    const [reply] = await connector.waitFor(posts);
    expect(String(reply.body.text)).toContain(title);
  });

  it('answers an unknown command helpfully without repeating it', async () => {
    // (A mention holding client identifiers is refused before this point: test/bot/meeting-screening.test.ts.)
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-unknown' }, 'kahvitauko&nbsp;<b>pidempi</b>'));
    const [reply] = await connector.waitFor(posts);
    expect(reply.body.text).toBe('En tunnistanut komentoa. Kirjoita **@Vuoro ohje**, niin näet mitä osaan.');
    expect(JSON.stringify(connector.requests)).not.toContain('kahvitauko');
    expect(vuoro.logs.join('')).not.toContain('kahvitauko');
  });

  it('understands commands wrapped in HTML, entities and zero-width characters', async () => {
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-html', locale: 'en-GB' }, '<p>\u200bhe&#108;p</p>'));
    const [reply] = await connector.waitFor(posts);
    expect(String(reply.body.text)).toContain('What Vuoro does');
  });

  it('introduces itself once when added, though Teams sends two events', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-join', locale: 'en-US' };
    await vuoro.send(activity('bot-added', scene));
    await vuoro.send(activity('installation-update', scene));
    await new Promise((r) => setTimeout(r, 100));
    const intros = connector.requests.filter(posts);
    expect(intros).toHaveLength(1);
    expect(String(intros[0].body.text)).toContain("Hi, I'm **Vuoro**");
  });
});

describe('bad input', () => {
  it('gives 400 for malformed JSON without echoing it', async () => {
    const res = await vuoro.send('{"type": "message", "text": "Virtanen 010190-123');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('Virtanen');
  });

  it.each([
    [{ channelId: 'msteams' }, 'activity.type'],
    [{ type: 'message', channelId: 'msteams', serviceUrl: 'http://x/', from: { id: '1' } }, 'activity.conversation.id'],
    [{ type: 'message', channelId: 'msteams', serviceUrl: 'javascript:alert(1)', conversation: { id: 'c' }, from: { id: '1' } }, 'activity.serviceUrl'],
    [[1, 2, 3], 'JSON object'],
  ])('gives 400 naming the missing field for %j', async (body, field) => {
    const res = await vuoro.send(body);
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(field);
    expect((await fetch(`${vuoro.url}/healthz`)).status).toBe(200);
  });

  it('handles a 1 MB message and keeps serving', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'm-huge' };
    const res = await vuoro.send(mention(scene, 'x'.repeat(1024 * 1024)));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(posts);
    expect(String(reply.body.text)).toContain('En tunnistanut komentoa');
    expect((await vuoro.send(mention(scene, 'ohje'))).status).toBe(200);
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await vuoro.send(JSON.stringify({ type: 'message', text: 'y'.repeat(5 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });
});

describe('settings overview', () => {
  it.each([
    ['fi-FI', 'asetukset', 'Kokouksen pituus: 60 min.'],
    ['sv-FI', 'inställningar', 'Mötets längd: 60 min.'],
    ['en-US', 'settings', 'Meeting length: 60 min.'],
  ])('shows the centre settings in %s', async (locale, word, expected) => {
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-settings', locale }, word));
    const [reply] = await connector.waitFor(posts);
    expect(String(reply.body.text)).toContain(expected);
  });
});
