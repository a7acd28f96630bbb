/**
 * Production mode: with an app id configured, only activities carrying a valid Bot Framework token
 * are processed. The token is signed with the test's own key; Microsoft's OpenID metadata and key
 * set are served through nock.
 */
import { generateKeyPairSync, KeyObject } from 'crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { activity } from '../helpers/teams-activities';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

function keyPair(kid: string): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: ['msteams'] } };
}

const trusted = keyPair('test-key-1');
const stranger = keyPair('test-key-1'); // same kid, different key: a forged token

function token(options: { key?: KeyObject; aud?: string; iss?: string; expiresIn?: number; serviceUrl?: string } = {}): string {
  return jwt.sign(
    { serviceurl: options.serviceUrl ?? SERVICE_URL },
    options.key ?? trusted.privateKey,
    { algorithm: 'RS256', keyid: 'test-key-1', audience: options.aud ?? APP_ID, issuer: options.iss ?? 'https://api.botframework.com', expiresIn: options.expiresIn ?? 600 },
  );
}

let vuoro: VuoroUnderTest;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'] })
    .get('/v1/.well-known/keys')
    .reply(200, { keys: [trusted.jwk] });
  vuoro = await startTestVuoro({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-real', VUORO_ALLOWED_TENANTS: '72f988bf-0000-4000-8000-0000000000f1' });
});

afterAll(async () => {
  await vuoro?.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

async function post(authorization?: string): Promise<number> {
  // An activity that needs no reply, so the only thing tested is whether it is let in.
  const body = activity('bot-added', { serviceUrl: SERVICE_URL }, { membersAdded: [{ id: '29:someone-else' }] });
  const res = await fetch(`${vuoro.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(body),
  });
  return res.status;
}

describe('production mode authentication', () => {
  it('rejects a POST without a token with 401', async () => {
    expect(await post()).toBe(401);
  });

  it.each([
    ['signed by a key Microsoft did not publish', () => token({ key: stranger.privateKey })],
    ['meant for another bot', () => token({ aud: '99999999-2222-4333-8444-555555555555' })],
    ['from an unknown issuer', () => token({ iss: 'https://evil.example.com' })],
    ['expired', () => token({ expiresIn: -600 })],
    ['issued for another service URL', () => token({ serviceUrl: 'https://attacker.example.com/' })],
  ])('rejects a token %s with 401', async (_why, make) => {
    expect(await post(`Bearer ${make()}`)).toBe(401);
  });

  it('accepts an activity with a valid Bot Framework token', async () => {
    expect(await post(`Bearer ${token()}`)).toBe(200);
  });

  it('logs rejections without the token', async () => {
    const bad = token({ key: stranger.privateKey });
    await post(`Bearer ${bad}`);
    expect(vuoro.logs.join('')).not.toContain(bad.slice(20, 60));
  });
});

describe('managed identity mode', () => {
  it('also rejects unauthenticated activities with 401', async () => {
    const msi = await startTestVuoro({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: '72f988bf-0000-4000-8000-0000000000f1', VUORO_ALLOWED_TENANTS: '72f988bf-0000-4000-8000-0000000000f1' });
    try {
      const res = await msi.send(activity('bot-added', { serviceUrl: SERVICE_URL }));
      expect(res.status).toBe(401);
    } finally {
      await msi.close();
    }
  });
});

