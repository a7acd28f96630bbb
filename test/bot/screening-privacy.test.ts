/**
 * Privacy: a whole meeting full of identifier-laden messages through the real server (file store in
 * a temp dir, Graph nock'd, part of it failing), then everything Vuoro produced is searched for
 * every identifier used: the requests it sent to the Bot Connector and Graph, its log output and
 * the storage files. None may appear. The one allowed place is the share dialog handed back to
 * the presenter alone, and only in its input fields (their own text, kept so they can fix it).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { ClientSecretCredential } from '@azure/identity';
import { startTestVuoro } from '../helpers/vuoro-under-test';
import { startConnectorCapture } from '../helpers/connector-capture';
import { activity, cardAction, chatMessage, composeSubmit, mentionWithId, messageEdit, nextMessageId } from '../helpers/teams-activities';
import { tempDirs } from '../helpers/temp-dir';
import { ScreeningRepository } from '../../bot/adapters/repositories/screening-repository';

const TENANT = '72f988bf-0000-4000-8000-0000000000f1';
const newDir = tempDirs('privacy');

/** Identifiers the screener catches, each with the distinctive part searched for. */
const IDENTIFIERS: Array<{ text: string; needle: string }> = [
  { text: '131052-308T', needle: '131052' },
  { text: '010203A1230', needle: '010203A' },
  { text: '040 1234567', needle: '1234567' },
  { text: '+358 50 765 4321', needle: '765 4321' },
  { text: 'matti.virtanen@example.fi', needle: 'virtanen@' },
  { text: 'FI21 1234 5600 0007 85', needle: '5600 0007' },
  { text: 'Matti Virtanen', needle: 'Virtanen' },
  { text: 'Liisa Korhonen', needle: 'Korhonen' },
  { text: 'Mannerheimintie 5 A 3, 00100 Helsinki', needle: 'Mannerheimintie 5' },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

it('no identifier from a meeting reaches any request, log line or stored file', async () => {
  const graphBodies: string[] = [];
  nock('https://login.microsoftonline.com').persist()
    .get(/\/common\/discovery\/instance.*/).reply(200, { tenant_discovery_endpoint: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`, metadata: [] })
    .get(`/${TENANT}/v2.0/.well-known/openid-configuration`).reply(200, { token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, authorization_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize` })
    .post(`/${TENANT}/oauth2/v2.0/token`).query(true).reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'graph-token' });
  let patches = 0;
  nock('https://graph.microsoft.com').persist().patch(/\/v1\.0\/chats\/.*/).reply((_uri, body) => {
    graphBodies.push(JSON.stringify(body));
    patches++;
    return patches % 3 === 0 ? [403, { error: { code: 'Forbidden' } }] : patches % 3 === 1 ? [200, {}] : [503, {}];
  });

  const dir = newDir();
  const connector = await startConnectorCapture();
  connector.organizer = '6b9c0b1e-0000-4000-8000-00000000a001';
  const credential = new ClientSecretCredential(TENANT, '00000000-0000-4000-8000-00000000b0b0', 'bot-secret', { additionallyAllowedTenants: ['*'] });
  const vuoro = await startTestVuoro({ VUORO_STORAGE: 'file', VUORO_DATA_DIR: dir, VUORO_GRAPH_DLP: 'on' }, { graph: { credential, perTenantTokens: true } });
  const dialogs: unknown[] = [];
  try {
    const meeting = 'privacy';
    const person = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, name: `Osallistuja ${n}` });
    const scene = (n: number, locale = 'fi-FI') => ({ serviceUrl: connector.url, meeting, user: person(n), locale });
    await vuoro.send(activity('meeting-start', scene(0)));
    await connector.waitFor((c) => c.method === 'POST' && c.path.includes('/activities'));
    for (let n = 1; n <= 3; n++) await vuoro.send(cardAction(scene(n), 'activity-1', 'intake.answer', { cases: '1', topics: '0', service: 'kela' }));

    for (const [i, { text }] of IDENTIFIERS.entries()) {
      const who = (i % 3) + 1;
      const locale = ['fi-FI', 'sv-FI', 'en-US'][i % 3];
      const id = nextMessageId();
      await vuoro.send(chatMessage(scene(who, locale), `<p>Asiakas: <b>${text}</b>, tarvitsee apua.</p>`, id));
      await vuoro.send(messageEdit(scene(who, locale), id, `<p>Korjaus: ${text}</p>`));
      await vuoro.send(mentionWithId(scene(who, locale), `aloita ${text}`));
      await vuoro.send(mentionWithId(scene(who, locale), `kesto 90 ${text}`));
      const form = { kind: 'client_case', service: 'kela', description: `Taustaa.\nAsiakas ${text} on ollut monessa palvelussa.`, question: `Mitä teemme (${text})?` };
      dialogs.push((await vuoro.send(composeSubmit(scene(who, locale), { action: 'share', ...form }))).body);
      await vuoro.send(composeSubmit(scene(who, locale), { action: 'useRedacted', ...form }));
    }
    await vuoro.send(mentionWithId(scene(1), 'ohje'));
    await new Promise((r) => setTimeout(r, 300));

    const counts = await new ScreeningRepository(vuoro.store).screeningCounts(`MCMx-${meeting}`);
    expect(counts.flagged).toBeGreaterThanOrEqual(IDENTIFIERS.length * 5);
    expect(counts.blocked).toBeGreaterThan(0);
    expect(counts.warned).toBeGreaterThan(0);
    expect(graphBodies.length).toBeGreaterThan(0);
    expect(connector.requests.filter((c) => /notification$/.test(c.path)).length).toBeGreaterThan(0);
    expect(connector.requests.filter((c) => JSON.stringify(c.body).includes('Tapaus')).length).toBeGreaterThan(0); // redacted cases were posted

    const produced: Array<[string, string]> = [
      ['connector requests', JSON.stringify(connector.requests)],
      ['graph requests', graphBodies.join('\n')],
      ['logs', vuoro.logs.join('')],
      ...files(dir).map((f): [string, string] => [`file ${f}`, readFileSync(f, 'utf8')]),
    ];
    expect(files(dir).length).toBeGreaterThan(0);
    const leaks = produced.flatMap(([where, text]) => IDENTIFIERS.filter((id) => text.includes(id.needle)).map((id) => `${id.needle} in ${where}`));
    expect(leaks).toEqual([]);

    // The dialogs handed back to each presenter keep their text only in the input fields.
    for (const body of dialogs) {
      const card = (body as { task: { value: { card: { content: { body: Array<Record<string, unknown>> } } } } }).task.value.card.content;
      const shown = JSON.stringify(card.body.filter((e) => !String(e.type).startsWith('Input.')));
      expect(IDENTIFIERS.filter((id) => shown.includes(id.needle))).toEqual([]);
    }
  } finally {
    await vuoro.close();
    await connector.close();
  }
}, 30000);
