/**
 * Screening in the meeting through the real server: the share-a-case dialog, mentions holding
 * identifiers, and the safety net (warn mode, no Graph) for RSC-delivered messages and edits.
 */
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, Captured, startConnectorCapture, visibleText } from '../helpers/connector-capture';
import { Scene, activity, cardAction, chatMessage, composeFetchTask, composeSubmit, mention, mentionWithId, messageEdit } from '../helpers/teams-activities';
import { ScreeningRepository } from '../../bot/adapters/repositories/screening-repository';

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

const HETU = '131052-308T';
// Messages only: botbuilder may send a typing indicator when a turn is slow (a loaded test machine).
const posts = (c: Captured) => c.method === 'POST' && /^\/v3\/conversations\/19:.+\/activities/.test(c.path) && c.body.type !== 'typing';
const notifications = (c: Captured) => c.method === 'POST' && /^\/v1\/meetings\/[^/]+\/notification$/.test(c.path);
const personalChats = (c: Captured) => c.method === 'POST' && c.path === '/v3/conversations';
const CHAIR = '6b9c0b1e-0000-4000-8000-00000000a001';
const SANNA = { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000c001', name: 'Sanna Sairaanhoitaja' };
type Invoke = { status: number; body: { task?: { type: string; value: { card: { content: Record<string, unknown> } } } } };

function dialogOf(res: { body: unknown }) {
  return (res as Invoke).body.task!.value.card.content;
}

function inputValues(card: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of card.body as Array<Record<string, unknown>>) if (String(el.type).startsWith('Input.')) out[el.id as string] = el.value;
  return out;
}

async function counts(meeting: string) {
  return new ScreeningRepository(vuoro.store).screeningCounts(`MCMx-${meeting}`);
}

describe('share a case (message extension)', () => {
  it('opens the dialog with kind, service, description and question', async () => {
    const res = await vuoro.send(composeFetchTask({ serviceUrl: connector.url, meeting: 'share-open' }));
    expect(res.status).toBe(200);
    const card = dialogOf(res);
    expect((res as Invoke).body.task!.type).toBe('continue');
    expect(Object.keys(inputValues(card))).toEqual(['kind', 'service', 'description', 'question']);
    expect(visibleText(card)).toContain('Tuo tapaus');
    expect(visibleText(card)).toContain('Alueellinen yhteistyö');
  });

  it('returns the dialog with the text kept and findings by type and line, and posts nothing', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'share-found', user: SANNA };
    const description = `Asiakas on 72-vuotias.\nHetu ${HETU}, soita 040 1234567.`;
    const started = Date.now();
    const res = await vuoro.send(composeSubmit(scene, { action: 'share', kind: 'client_case', service: 'older_people', description, question: 'Kuka koordinoi?' }));
    expect(Date.now() - started).toBeLessThan(3000); // Teams waits about 5 s for a message extension; alone this takes a few ms
    const card = dialogOf(res);
    const shown = visibleText({ body: (card.body as Array<Record<string, unknown>>).filter((e) => e.type === 'TextBlock') });
    expect(shown).toContain('Kuvaus: henkilötunnus, rivi 2');
    expect(shown).toContain('Kuvaus: puhelinnumero, rivi 2');
    expect(shown).not.toContain(HETU);
    expect(inputValues(card)).toEqual({ kind: 'client_case', service: 'older_people', description, question: 'Kuka koordinoi?' });
    expect((card.actions as Array<{ title: string; data: { action: string } }>).map((a) => a.data.action)).toEqual(['share', 'useRedacted']);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests.filter(posts)).toEqual([]);
    expect((await counts('share-found')).stopped).toBe(1);
    expect((await counts('share-found')).byType.personal_id).toBe(1);
  });

  it('posts the redacted text with one click, as a case card attributed to the presenter', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'share-redact', user: SANNA, locale: 'en-GB' };
    const res = await vuoro.send(composeSubmit(scene, { action: 'useRedacted', kind: 'phenomenon', service: 'kela', description: `Client ${HETU} keeps missing appointments.`, question: 'Who follows up?' }));
    expect(res).toEqual({ status: 200, body: {} }); // the dialog closes
    const [post] = await connector.waitFor(posts);
    const content = (post.body.attachments as Array<{ content: Record<string, unknown> }>)[0].content;
    const text = visibleText(content);
    expect(text).toContain('Client [personal identity code] keeps missing appointments.');
    expect(text).toContain('Brought by: <at>Sanna Sairaanhoitaja</at>');
    expect(text).toContain('Phenomenon');
    expect(JSON.stringify(post.body)).not.toContain(HETU);
    expect((content.msteams as { entities: unknown[] }).entities).toEqual([{ type: 'mention', text: '<at>Sanna Sairaanhoitaja</at>', mentioned: { id: `29:${SANNA.aadObjectId}`, name: SANNA.name } }]);
  });

  it('numbers a clean case in the day\'s order when intake is running', async () => {
    const scene: Scene = { serviceUrl: connector.url, meeting: 'share-numbered' };
    await vuoro.send(activity('meeting-start', scene));
    await connector.waitFor(posts);
    const other = { aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Olli Osallistuja' };
    await vuoro.send(cardAction({ ...scene, user: other }, 'activity-1', 'intake.answer', { cases: '2', topics: '0', service: 'kela' }));
    await vuoro.send(cardAction({ ...scene, user: SANNA }, 'activity-1', 'intake.answer', { cases: '1', topics: '1', service: 'health_station' }));
    const before = connector.requests.filter(posts).length;
    const res = await vuoro.send(composeSubmit({ ...scene, user: SANNA }, { action: 'share', kind: 'client_case', service: 'health_station', description: 'Nuori aikuinen, päihteet ja asunnottomuus.', question: 'Kuka ottaa koppia?' }));
    expect(res.status).toBe(200);
    const all = await connector.waitFor(posts, before + 1);
    expect(visibleText(all[before].body)).toContain('Tapaus 3/4');
    const second = await vuoro.send(composeSubmit({ ...scene, user: SANNA }, { action: 'share', kind: 'phenomenon', service: 'health_station', description: 'Yhteydenotot viikonloppuisin.', question: 'Miten sovimme?' }));
    expect(second.status).toBe(200);
    const again = await connector.waitFor(posts, before + 2);
    expect(visibleText(again[before + 1].body)).toContain('Tapaus 4/4');
  });

  it('refuses an incomplete form and keeps what was typed', async () => {
    const res = await vuoro.send(composeSubmit({ serviceUrl: connector.url, meeting: 'share-bad' }, { action: 'share', kind: 'client_case', service: 'nope', description: 'Kuvaus', question: 'Kysymys' }));
    expect(visibleText(dialogOf(res))).toContain('Valitse palvelu.');
    expect(inputValues(dialogOf(res)).description).toBe('Kuvaus');
  });
});

describe('mentions holding identifiers', () => {
  it('does not act on them and tells the sender privately, without quoting', async () => {
    connector.organizer = CHAIR;
    const scene = { serviceUrl: connector.url, meeting: 'mention-hetu', user: SANNA };
    expect((await vuoro.send(mentionWithId(scene, `aloita, asiakas ${HETU}`))).status).toBe(200);
    const [note, chairNote] = await connector.waitFor(notifications, 2);
    expect(JSON.stringify(chairNote.body)).toContain('kind=chair');
    expect(note.path).toBe('/v1/meetings/MCMx-mention-hetu/notification');
    expect(note.body).toEqual({
      type: 'targetedMeetingNotification',
      value: {
        recipients: [`29:${SANNA.aadObjectId}`],
        surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: expect.objectContaining({ title: 'Vuoro: tunnistetietoja chatissa', url: expect.stringContaining('/notice/screening?lang=fi&kind=sender&types=personal_id') }) } }],
      },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests.filter(posts)).toEqual([]); // no intake card: the command was not acted on
    expect(JSON.stringify(connector.requests)).not.toContain(HETU);
    expect((await counts('mention-hetu')).flagged).toBe(1);
  });

  it('answers in the chat, without quoting, when no private route works', async () => {
    connector.failures.push({ method: 'POST', path: /notification$/, status: 403 }, { method: 'POST', path: /^\/v3\/conversations$/, status: 403 });
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'mention-open', locale: 'en-US' }, `help me with matti.virtanen@example.fi`));
    const [reply] = await connector.waitFor(posts);
    expect(reply.body.text).toBe('I did not act on your message because it seems to hold client identifying information (email). Please delete the message from the chat and write it again without identifying details.');
    expect(JSON.stringify(connector.requests)).not.toContain('virtanen');
  });

  it('acts on a clean mention as before', async () => {
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'mention-clean' }, 'ohje'));
    const [reply] = await connector.waitFor(posts);
    expect(String(reply.body.text)).toContain('Vuoro');
  });
});

describe('safety net without Graph (warns)', () => {
  it('ignores clean chat messages and does not read them as commands', async () => {
    const scene = { serviceUrl: connector.url, meeting: 'net-clean', user: SANNA };
    expect((await vuoro.send(chatMessage(scene, '<p>ohje</p>'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests).toEqual([]);
    expect(await counts('net-clean')).toEqual(expect.objectContaining({ screened: 1, flagged: 0 }));
  });

  it('tells the sender and the chair privately about a flagged message, never quoting it', async () => {
    connector.organizer = CHAIR;
    const scene = { serviceUrl: connector.url, meeting: 'net-warn', user: SANNA };
    await vuoro.send(chatMessage(scene, `<p>Asiakas Matti Virtanen, ${HETU}</p>`));
    const sent = await connector.waitFor(notifications, 2);
    const recipients = sent.map((n) => (n.body.value as { recipients: string[] }).recipients[0]);
    expect(recipients).toEqual([`29:${SANNA.aadObjectId}`, `29:${CHAIR}`]);
    expect(JSON.stringify(sent[1].body)).toContain('kind=chair');
    expect(JSON.stringify(connector.requests)).not.toMatch(/Virtanen|131052/);
    expect(await counts('net-warn')).toEqual(expect.objectContaining({ screened: 1, flagged: 1, warned: 1, blocked: 0 }));
    expect(vuoro.logs.join('')).toContain('"event":"screening.flagged"');
  });

  it('falls back to a one-to-one chat, then to a notice in the chat naming nobody', async () => {
    connector.failures.push({ method: 'POST', path: /notification$/, status: 403 });
    const scene = { serviceUrl: connector.url, meeting: 'net-fallback', user: SANNA };
    await vuoro.send(chatMessage(scene, `<p>puh 040 1234567</p>`));
    const [created] = await connector.waitFor(personalChats);
    expect(created.body).toEqual(expect.objectContaining({ isGroup: false, members: [{ id: `29:${SANNA.aadObjectId}`, name: '' }] }));
    const [personal] = await connector.waitFor((c) => /^\/v3\/conversations\/a:personal-\d+\/activities$/.test(c.path));
    expect(personal.body.text).toContain('puhelinnumero');
    // no organiser known and no intake: the chair is told in the chat, with no name and no quote
    const [chat] = await connector.waitFor(posts);
    expect(chat.body.text).toBe('Chatissa on viesti, jossa näyttää olevan asiakkaan tunnistetietoja. Lähettäjä: poista viesti. Puheenjohtaja: varmista, että se poistetaan.');
    expect(JSON.stringify(connector.requests)).not.toContain('1234567');
  });

  it('screens edits too', async () => {
    connector.organizer = CHAIR;
    const scene = { serviceUrl: connector.url, meeting: 'net-edit', user: SANNA };
    await vuoro.send(chatMessage(scene, '<p>Asiakas on iäkäs.</p>', '1764140700001'));
    const res = await vuoro.send(messageEdit(scene, '1764140700001', `<p>Asiakas on iäkäs, ${HETU}.</p>`));
    expect(res.status).toBe(200);
    await connector.waitFor(notifications, 2);
    expect(await counts('net-edit')).toEqual(expect.objectContaining({ screened: 2, flagged: 1, warned: 1 }));
  });
});

describe('the centre setting', () => {
  it('only the chair changes it; "pois" turns the safety net off, mentions are still refused', async () => {
    const meeting = 'setting';
    const attendee = { serviceUrl: connector.url, meeting, user: SANNA };
    await vuoro.send(mention(attendee, 'seulonta pois'));
    const [refused] = await connector.waitFor(posts);
    expect(refused.body.text).toBe('Vain puheenjohtaja voi muuttaa seulonnan asetusta.');
    connector.roles.set(CHAIR, 'Organizer');
    await vuoro.send(mention({ serviceUrl: connector.url, meeting, user: { aadObjectId: CHAIR } }, 'seulonta pois'));
    const [, set] = await connector.waitFor(posts, 2);
    expect(set.body.text).toBe('Chatin tunnistetietojen seulonta tässä keskuksessa: pois päältä.');
    const before = connector.requests.length;
    await vuoro.send(chatMessage(attendee, `<p>${HETU}</p>`));
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests.length).toBe(before);
    await vuoro.send(mentionWithId(attendee, `aloita ${HETU}`));
    await connector.waitFor(notifications);
  });

  it('shows the setting in Swedish and accepts "granskning varning"', async () => {
    connector.roles.set(CHAIR, 'Presenter');
    const scene = { serviceUrl: connector.url, meeting: 'setting-sv', locale: 'sv-FI', user: { aadObjectId: CHAIR } };
    await vuoro.send(mention(scene, 'granskning'));
    await vuoro.send(mention(scene, 'granskning varning'));
    const [shown, set] = await connector.waitFor(posts, 2);
    expect(shown.body.text).toContain('blockering (meddelandet döljs för andra)');
    expect(set.body.text).toBe('Granskning av identifierande uppgifter i chatten på den här centralen: varning (avsändaren och ordföranden meddelas).');
  });
});

describe('counts in the end-of-meeting summary', () => {
  it('shows how many identifiers were caught, as a number only', async () => {
    connector.organizer = CHAIR;
    connector.roles.set(CHAIR, 'Organizer');
    const scene: Scene = { serviceUrl: connector.url, meeting: 'summary' };
    const chair = { ...scene, user: { aadObjectId: CHAIR, name: 'Paula Puheenjohtaja' } };
    await vuoro.send(activity('meeting-start', scene));
    await connector.waitFor(posts);
    await vuoro.send(cardAction({ ...scene, user: SANNA }, 'activity-1', 'intake.answer', { cases: '1', topics: '0', service: 'kela' }));
    await vuoro.send(mention(chair, 'kierros'));
    await vuoro.send(chatMessage({ ...scene, user: SANNA }, `<p>Asiakkaan hetu ${HETU} ja puhelin 040 1234567</p>`));
    await vuoro.send(chatMessage({ ...scene, user: SANNA }, '<p>Kiitos, poistin viestin.</p>'));
    await vuoro.send(mention(chair, 'lopeta'));
    const [summary] = await connector.waitFor((c) => posts(c) && visibleText(c.body).includes('Kokouksen yhteenveto'));
    expect(visibleText(summary.body)).toMatch(/Tunnistetietojen seulonta: [34] viestiä seulottu, 1 sisälsi tunnistetietoja \(0 estetty, 1 varoitettu, 0 pysäytetty ennen julkaisua\)\./);
    expect(visibleText(summary.body)).toContain('Löydetyt tyypit: henkilötunnus 1, puhelinnumero 1.');
    expect(JSON.stringify(summary.body)).not.toMatch(/131052|1234567/);
    expect(await counts('summary')).toEqual(expect.objectContaining({ screened: 4, flagged: 1, warned: 1 }));
  });
});
