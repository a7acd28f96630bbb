import nock from 'nock';
import jwt from 'jsonwebtoken';
import { SsoError, TeamsSsoVerifier } from '../../bot/api/sso-verifier';
import { APP_ID, AUDIENCE, COORDINATOR_OID, MEMBER_OID, TENANT, makeKey, serveTenantKeys, signToken } from '../helpers/sso-test-keys';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const nowSec = Math.floor(NOW / 1000);
const k1 = makeKey('k1');
const k2 = makeKey('k2');
const stranger = makeKey('k1'); // same kid, different key: a forged signature

function verifier(clock = { now: () => NOW }) {
  return new TeamsSsoVerifier({ tenantIds: [TENANT], audiences: [AUDIENCE, APP_ID], coordinators: [COORDINATOR_OID], clock });
}

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    return e instanceof SsoError ? e.reason : `other: ${String(e)}`;
  }
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('Teams SSO token check', () => {
  it('accepts a token signed by the tenant key and tells coordinators from members, fetching keys once', async () => {
    const scopes = serveTenantKeys([k1]);
    const v = verifier();
    expect(await v.verify(`Bearer ${signToken(k1, {}, nowSec)}`)).toEqual({ oid: COORDINATOR_OID, tid: TENANT, isCoordinator: true });
    expect(await v.verify(`Bearer ${signToken(k1, { oid: MEMBER_OID, aud: APP_ID }, nowSec)}`)).toMatchObject({ isCoordinator: false });
    expect(scopes.meta.isDone() && scopes.jwks.isDone()).toBe(true); // and nock would throw on a second fetch
  });

  it('accepts v1 tokens (sts.windows.net issuer), which Teams issues by default', async () => {
    serveTenantKeys([k1]);
    expect(await reason(verifier().verify(`Bearer ${signToken(k1, { iss: `https://sts.windows.net/${TENANT}/` }, nowSec)}`))).toBe('accepted');
  });

  it('refuses forged, foreign, expired, mis-addressed and unsigned tokens', async () => {
    serveTenantKeys([k1]);
    const v = verifier();
    const cases: Array<[string, string | undefined]> = [
      ['missing', undefined],
      ['malformed', 'Basic dXNlcjpwYXNz'],
      ['signature', `Bearer ${signToken(stranger, {}, nowSec)}`],
      ['tenant', `Bearer ${signToken(k1, { tid: '99999999-0000-0000-0000-000000000000' }, nowSec)}`],
      ['expired', `Bearer ${signToken(k1, { exp: nowSec - 120 }, nowSec - 3600)}`],
      ['audience', `Bearer ${signToken(k1, { aud: 'api://elsewhere/123' }, nowSec)}`],
      ['issuer', `Bearer ${signToken(k1, { iss: 'https://login.microsoftonline.com/other/v2.0' }, nowSec)}`],
      ['signature', `Bearer ${jwt.sign({ tid: TENANT, oid: COORDINATOR_OID, aud: AUDIENCE }, 'secret', { algorithm: 'HS256', keyid: 'k1' })}`],
    ];
    for (const [expected, header] of cases) expect([expected, await reason(v.verify(header))]).toEqual([expected, expected]);
  });

  it('picks up a rotated key after the cool-down, and says "keys" when the tenant metadata is unreachable', async () => {
    let now = NOW;
    const v = verifier({ now: () => now });
    serveTenantKeys([k1]);
    expect(await reason(v.verify(`Bearer ${signToken(k1, {}, nowSec)}`))).toBe('accepted');
    serveTenantKeys([k1, k2]);
    expect(await reason(v.verify(`Bearer ${signToken(k2, {}, nowSec)}`))).toBe('signature'); // inside the cool-down: no refetch
    now += 6 * 60_000;
    expect(await reason(v.verify(`Bearer ${signToken(k2, {}, Math.floor(now / 1000))}`))).toBe('accepted');
    const fresh = verifier();
    nock('https://login.microsoftonline.com').get(`/${TENANT}/v2.0/.well-known/openid-configuration`).reply(503);
    expect(await reason(fresh.verify(`Bearer ${signToken(k1, {}, nowSec)}`))).toBe('keys');
  });
});
