/**
 * The safety net with Graph: a flagged chat message is marked with a policy violation (exact PATCH
 * body, within a second), and on 403, 429, 5xx and time-outs the sender and chair are warned.
 * Login and Graph are nock'd; the Bot Connector is the loopback capture.
 */
import nock from 'nock';
import { ClientSecretCredential } from '@azure/identity';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, Captured, startConnectorCapture } from '../helpers/connector-capture';
import { chatMessage, messageEdit, nextMessageId } from '../helpers/teams-activities';
import { serveEntraLogin } from '../helpers/entra-login';
import { ScreeningRepository } from '../../bot/adapters/repositories/screening-repository';

const TENANT = '72f988bf-0000-4000-8000-0000000000f1';
const APP_ID = '00000000-0000-4000-8000-00000000b0b0';
const CHAIR = '6b9c0b1e-0000-4000-8000-00000000a001';
const SANNA = { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000c001', name: 'Sanna Sairaanhoitaja' };
const HETU = '131052-308T';

let vuoro: VuoroUnderTest;
let connector: ConnectorCapture;
let tokenRequests: () => number = () => 0;

function serveLogin(): void {
  const login = serveEntraLogin((body) => body.scope === 'https://graph.microsoft.com/.default' && body.client_id === APP_ID && body.client_secret === 'bot-secret' && body.grant_type === 'client_credentials', TENANT);
  tokenRequests = login.tokenRequests;
}

/** Records each PATCH (time, body, auth) and answers with the next scripted reply. */
function serveGraph(path: string, replies: Array<[number, Record<string, string>?] | 'hang'>): Array<{ at: number; body: unknown; auth: string }> {
  const seen: Array<{ at: number; body: unknown; auth: string }> = [];
  const scope = nock('https://graph.microsoft.com');
  for (const reply of replies) {
    const interceptor = scope.patch(path);
    if (reply === 'hang') {
      interceptor.delay(4000).reply(function (_uri, body) {
        seen.push({ at: Date.now(), body, auth: String(this.req.headers.authorization) });
        return [200, {}];
      });
      continue;
    }
    interceptor.reply(function (_uri, body) {
      seen.push({ at: Date.now(), body, auth: String(this.req.headers.authorization) });
      return [reply[0], reply[0] === 200 ? {} : { error: { code: 'x', message: 'y' } }, reply[1] ?? {}];
    });
  }
  return seen;
}

async function waitForLog(fragment: string): Promise<void> {
  for (let i = 0; i < 200 && !vuoro.logs.join('').includes(fragment); i++) await new Promise((r) => setTimeout(r, 25));
}

const notifications = (c: Captured) => c.method === 'POST' && /^\/v1\/meetings\/[^/]+\/notification$/.test(c.path);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  serveLogin();
  connector = await startConnectorCapture();
  connector.organizer = CHAIR;
  const credential = new ClientSecretCredential(TENANT, APP_ID, 'bot-secret', { additionallyAllowedTenants: ['*'] });
  vuoro = await startTestVuoro({ VUORO_GRAPH_DLP: 'on', VUORO_PUBLIC_URL: 'https://vuoro.example.fi', VUORO_ALLOWED_TENANTS: TENANT }, { graph: { credential, perTenantTokens: true } });
  await waitForLog('"event":"screening.graph_ready"');
});
afterEach(async () => {
  await vuoro?.close();
  await connector?.close();
  nock.cleanAll();
});

const chatPath = (meeting: string, id: string) => `/v1.0/chats/${encodeURIComponent(`19:meeting_${meeting}@thread.v2`)}/messages/${id}`;
const counts = (meeting: string) => new ScreeningRepository(vuoro.store).screeningCounts(`MCMx-${meeting}`);

describe('blocking through Graph', () => {
  it('PATCHes the exact policy violation within a second and tells nobody else', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-ok', id), [[200]]);
    const started = Date.now();
    const res = await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-ok', user: SANNA }, `<p>Asiakkaan hetu on ${HETU}</p>`, id));
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0].at - started).toBeLessThan(1000);
    expect(seen[0].auth).toBe('Bearer graph-token');
    expect(seen[0].body).toEqual({
      policyViolation: {
        policyTip: {
          generalText: 'Vuoro esti viestin näkymisen muille: siinä näyttää olevan asiakkaan tunnistetietoja. Teamsissa ei saa käyttää asiakkaan tunnistetietoja.',
          complianceUrl: 'https://vuoro.example.fi/notice/screening?lang=fi&kind=policy',
          matchedConditionDescriptions: ['henkilötunnus'],
        },
        verdictDetails: 'AllowFalsePositiveOverride',
        dlpAction: 'BlockAccess',
      },
    });
    expect(connector.requests.filter(notifications)).toEqual([]);
    expect(await counts('g-ok')).toEqual(expect.objectContaining({ screened: 1, flagged: 1, blocked: 1, warned: 0 }));
    expect(vuoro.logs.join('')).toContain('"event":"screening.blocked"');
    expect(tokenRequests()).toBe(1); // fetched at start-up, reused
  });

  it('blocks an edited message in the localised language of the chat', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-edit', id), [[200]]);
    await vuoro.send(messageEdit({ serviceUrl: connector.url, meeting: 'g-edit', user: SANNA, locale: 'sv-FI' }, id, '<p>Ring 040 1234567</p>'));
    expect(seen).toHaveLength(1);
    expect((seen[0].body as { policyViolation: { policyTip: { matchedConditionDescriptions: string[]; generalText: string } } }).policyViolation.policyTip).toEqual(expect.objectContaining({
      matchedConditionDescriptions: ['telefonnummer'],
      generalText: expect.stringContaining('Vuoro hindrade andra'),
    }));
  });

  it('uses the channel reply path for a channel meeting', async () => {
    const id = nextMessageId();
    const seen = serveGraph('/v1.0/teams/a1b2c3d4-0000-4000-8000-000000000001/channels/19%3Achan%40thread.tacv2/messages/1764140000000/replies/' + id, [[200]]);
    const msg = chatMessage({ serviceUrl: connector.url, user: SANNA }, `<p>${HETU}</p>`, id);
    msg.conversation = { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: '19:chan@thread.tacv2;messageid=1764140000000' };
    msg.channelData = { tenant: { id: TENANT }, team: { id: '19:general@thread.tacv2', aadGroupId: 'a1b2c3d4-0000-4000-8000-000000000001' }, channel: { id: '19:chan@thread.tacv2' } };
    await vuoro.send(msg);
    expect(seen).toHaveLength(1);
  });
});

describe('falling back to warnings when Graph fails', () => {
  async function expectWarned(meeting: string) {
    const sent = await connector.waitFor(notifications, 2);
    expect(sent.map((n) => (n.body.value as { recipients: string[] }).recipients[0])).toEqual([`29:${SANNA.aadObjectId}`, `29:${CHAIR}`]);
    expect(await counts(meeting)).toEqual(expect.objectContaining({ blocked: 0, warned: 1 }));
    expect(JSON.stringify(connector.requests)).not.toContain(HETU);
  }

  it('on 403 (permission not granted)', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-403', id), [[403]]);
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-403', user: SANNA }, `<p>${HETU}</p>`, id));
    expect(seen).toHaveLength(1);
    await expectWarned('g-403');
    expect(vuoro.logs.join('')).toMatch(/"event":"screening.block_failed".*"reason":"forbidden","status":403/);
  });

  it('on 429 waits the Retry-After once and then blocks', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-429', id), [[429, { 'Retry-After': '1' }], [200]]);
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-429', user: SANNA }, `<p>${HETU}</p>`, id));
    expect(seen).toHaveLength(2);
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(990);
    expect(connector.requests.filter(notifications)).toEqual([]);
    expect(connector.requests.filter((c) => c.body.type === 'typing')).toEqual([]); // a slow turn shows no "Vuoro is typing"
    expect(await counts('g-429')).toEqual(expect.objectContaining({ blocked: 1, warned: 0 }));
  });

  it('on 429 with a long Retry-After warns at once', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-429-long', id), [[429, { 'Retry-After': '120' }], [200]]);
    const started = Date.now();
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-429-long', user: SANNA }, `<p>${HETU}</p>`, id));
    expect(Date.now() - started).toBeLessThan(5000); // not the 120 s asked for
    expect(seen).toHaveLength(1);
    await expectWarned('g-429-long');
  });

  it('on a second 429 warns', async () => {
    const id = nextMessageId();
    const seen = serveGraph(chatPath('g-429-twice', id), [[429, { 'Retry-After': '0' }], [429, { 'Retry-After': '0' }]]);
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-429-twice', user: SANNA }, `<p>${HETU}</p>`, id));
    expect(seen).toHaveLength(2);
    await expectWarned('g-429-twice');
  });

  it('on 503', async () => {
    const id = nextMessageId();
    serveGraph(chatPath('g-503', id), [[503]]);
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-503', user: SANNA }, `<p>${HETU}</p>`, id));
    await expectWarned('g-503');
    expect(vuoro.logs.join('')).toContain('"reason":"server"');
  });

  it('on a time-out, well before Teams gives up on the turn', async () => {
    const id = nextMessageId();
    serveGraph(chatPath('g-timeout', id), ['hang']);
    const started = Date.now();
    await vuoro.send(chatMessage({ serviceUrl: connector.url, meeting: 'g-timeout', user: SANNA }, `<p>${HETU}</p>`, id));
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2400);
    expect(took).toBeLessThan(4000);
    await expectWarned('g-timeout');
    expect(vuoro.logs.join('')).toContain('"reason":"timeout"');
  });
});
