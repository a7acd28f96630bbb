/**
 * Validates the Teams SSO token the tab sends (teams-js `authentication.getAuthToken`) as
 * `Authorization: Bearer …`: RS256 signature by the tenant's published keys (OpenID metadata ->
 * jwks_uri, cached), issuer, audience and expiry; coordinators are recognised by Entra object id.
 */
import { createPublicKey } from 'node:crypto';
import type { KeyObject, JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../domain/ports';
import { systemClock } from '../domain/ports';

/** Who called, once the token checked out. */
export interface SsoUser {
  /** Entra object id. */
  oid: string;
  /** Tenant id. */
  tid: string;
  isCoordinator: boolean;
}

/** Why a token was refused; the API answers 401 for all of them and logs only the reason. */
export type SsoFailure = 'missing' | 'malformed' | 'tenant' | 'keys' | 'signature' | 'issuer' | 'audience' | 'expired';

/** A refused token. The message never contains the token. */
export class SsoError extends Error {
  constructor(readonly reason: SsoFailure) {
    super(`SSO token rejected: ${reason}`);
    this.name = 'SsoError';
  }
}

/** What the calendar routes need from authentication. */
export interface SsoVerifier {
  verify(authorizationHeader: string | undefined): Promise<SsoUser>;
}

/** Settings, from configuration (see the report for the environment variables). */
export interface TeamsSsoOptions {
  /** Tenants whose users may sign in. */
  tenantIds: readonly string[];
  /** Accepted `aud` values: `api://<host>/<appId>` and the app id. */
  audiences: readonly string[];
  /** Entra object ids of the network's coordinators. */
  coordinators: readonly string[];
  clock?: Clock;
  /** Login host; only tests or sovereign clouds change it. */
  authority?: string;
  /** How long fetched keys are trusted before a refresh (default 24 h). */
  keyTtlMs?: number;
  /** Minimum time between refreshes triggered by an unknown key id (default 5 min). */
  refreshCooldownMs?: number;
}

interface TenantKeys {
  keys: Map<string, KeyObject>;
  issuer: string;
  fetchedAt: number;
}

interface OpenIdMetadata { issuer?: unknown; jwks_uri?: unknown }
interface Jwks { keys?: Array<JsonWebKey & { kid?: string; kty?: string; use?: string }> }

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new SsoError('keys');
  return (await res.json()) as T;
}

/** The production verifier for Entra ID (v1 and v2 access tokens). */
export class TeamsSsoVerifier implements SsoVerifier {
  private readonly cache = new Map<string, Promise<TenantKeys>>();
  private readonly clock: Clock;
  private readonly authority: string;
  private readonly ttl: number;
  private readonly cooldown: number;

  constructor(private readonly options: TeamsSsoOptions) {
    this.clock = options.clock ?? systemClock;
    this.authority = (options.authority ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    this.ttl = options.keyTtlMs ?? 24 * 3600_000;
    this.cooldown = options.refreshCooldownMs ?? 5 * 60_000;
  }

  private async fetchKeys(tid: string): Promise<TenantKeys> {
    const meta = await getJson<OpenIdMetadata>(`${this.authority}/${encodeURIComponent(tid)}/v2.0/.well-known/openid-configuration`);
    if (typeof meta.jwks_uri !== 'string' || !meta.jwks_uri.startsWith('https://')) throw new SsoError('keys');
    const jwks = await getJson<Jwks>(meta.jwks_uri);
    const keys = new Map<string, KeyObject>();
    for (const k of jwks.keys ?? []) {
      if (k.kty !== 'RSA' || !k.kid || (k.use && k.use !== 'sig')) continue;
      keys.set(k.kid, createPublicKey({ key: { kty: k.kty, n: k.n, e: k.e }, format: 'jwk' }));
    }
    const issuer = typeof meta.issuer === 'string' ? meta.issuer.replace('{tenantid}', tid) : `${this.authority}/${tid}/v2.0`;
    return { keys, issuer, fetchedAt: this.clock.now() };
  }

  private keysFor(tid: string, forceRefresh: boolean): Promise<TenantKeys> {
    const cached = this.cache.get(tid);
    if (cached && !forceRefresh) return cached;
    const fresh = this.fetchKeys(tid);
    this.cache.set(tid, fresh);
    fresh.catch(() => { if (this.cache.get(tid) === fresh) this.cache.delete(tid); });
    return fresh;
  }

  private async keyFor(tid: string, kid: string): Promise<{ key: KeyObject; issuer: string }> {
    let entry = await this.keysFor(tid, false).catch(() => { throw new SsoError('keys'); });
    const age = this.clock.now() - entry.fetchedAt;
    if (age > this.ttl || (!entry.keys.has(kid) && age > this.cooldown)) {
      entry = await this.keysFor(tid, true).catch(() => { throw new SsoError('keys'); });
    }
    const key = entry.keys.get(kid);
    if (!key) throw new SsoError('signature');
    return { key, issuer: entry.issuer };
  }

  async verify(authorizationHeader: string | undefined): Promise<SsoUser> {
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(authorizationHeader ?? '');
    if (!authorizationHeader) throw new SsoError('missing');
    if (!match) throw new SsoError('malformed');
    const token = match[1];
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new SsoError('malformed');
    const { kid, alg } = decoded.header;
    const tid = decoded.payload.tid;
    if (alg !== 'RS256' || typeof kid !== 'string') throw new SsoError('signature');
    if (typeof tid !== 'string' || !this.options.tenantIds.includes(tid)) throw new SsoError('tenant');
    const { key, issuer } = await this.keyFor(tid, kid);
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: ['RS256'],
        audience: [...this.options.audiences] as [string, ...string[]],
        issuer: [issuer, `https://sts.windows.net/${tid}/`],
        clockTimestamp: Math.floor(this.clock.now() / 1000),
        clockTolerance: 60,
      }) as jwt.JwtPayload;
    } catch (e) {
      const message = e instanceof Error ? e.message : '';
      if (e instanceof jwt.TokenExpiredError || e instanceof jwt.NotBeforeError) throw new SsoError('expired');
      if (message.includes('audience')) throw new SsoError('audience');
      if (message.includes('issuer')) throw new SsoError('issuer');
      throw new SsoError('signature');
    }
    if (typeof payload.oid !== 'string' || typeof payload.exp !== 'number') throw new SsoError('malformed');
    return { oid: payload.oid, tid, isCoordinator: this.options.coordinators.includes(payload.oid) };
  }
}
