/**
 * A stand-in Entra tenant for tests: an RSA key pair, tokens signed like Teams SSO tokens, and the
 * OpenID metadata + JWKS served through nock at login.microsoftonline.com.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const APP_ID = '66666666-7777-8888-9999-000000000000';
export const AUDIENCE = `api://vuoro.example.fi/${APP_ID}`;
export const COORDINATOR_OID = 'aaaaaaaa-0000-0000-0000-000000000001';
export const MEMBER_OID = 'bbbbbbbb-0000-0000-0000-000000000002';

/** One signing key with its key id. */
export interface TestKey { kid: string; privateKey: KeyObject; publicKey: KeyObject }

/** Makes an RSA signing key. */
export function makeKey(kid: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** Serves metadata and JWKS for `tenant` with `keys`; returns the scopes so tests can assert calls. */
export function serveTenantKeys(keys: TestKey[], tenant = TENANT, times = 1) {
  const meta = nock('https://login.microsoftonline.com')
    .get(`/${tenant}/v2.0/.well-known/openid-configuration`).times(times)
    .reply(200, {
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      jwks_uri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    });
  const jwks = nock('https://login.microsoftonline.com')
    .get(`/${tenant}/discovery/v2.0/keys`).times(times)
    .reply(200, { keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' })) });
  return { meta, jwks };
}

/** Signs a token the way Entra issues Teams SSO access tokens (v2 issuer by default). */
export function signToken(key: TestKey, claims: Record<string, unknown> = {}, nowSec = Math.floor(Date.now() / 1000)): string {
  const payload = {
    aud: AUDIENCE, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: COORDINATOR_OID,
    iat: nowSec - 60, nbf: nowSec - 60, exp: nowSec + 3600, scp: 'access_as_user', ...claims,
  };
  return jwt.sign(payload, key.privateKey, { algorithm: 'RS256', keyid: key.kid });
}
