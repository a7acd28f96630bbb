/**
 * Configuration is read from the environment once, validated, frozen and passed down.
 * A bad value fails start-up with a message that names the variable; local mode needs nothing.
 */

/** How the bot authenticates to (and is authenticated by) the Bot Framework. */
export type AuthMode = 'local' | 'secret' | 'managed-identity';

/** Which engine holds Vuoro's state. */
export type StorageKind = 'file' | 'blob' | 'memory';

/** The validated configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly auth: {
    readonly mode: AuthMode;
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
  };
  readonly storage: {
    readonly kind: StorageKind;
    readonly dataDir: string;
    readonly blobConnectionString: string;
    readonly blobAccountUrl: string;
    readonly blobContainer: string;
  };
  /** Tenants served; empty means any tenant (local mode only). */
  readonly allowedTenants: readonly string[];
  /** Default meeting length in minutes, before a centre sets its own. */
  readonly meetingMinutes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Entra client id of the user-assigned managed identity (Graph, Blob), if any. */
  readonly managedIdentityClientId: string;
  /** Public base URL of this service (tab pages, .ics links); derived from the port locally. */
  readonly publicBaseUrl: string;
  /** Tab single sign-on: accepted token audiences and the workshop coordinators' Entra object ids. */
  readonly sso: { readonly audiences: readonly string[]; readonly coordinators: readonly string[] };
  /** Teams activity-feed reminders: the Teams app id (manifest id); empty means off. */
  readonly activityFeed: { readonly teamsAppId: string };
  /** Bearer key for GET /api/stats; empty: refused in production, loopback only in local mode. */
  readonly statsKey: string;
  /** Chat safety net: mark flagged messages with a Graph policy violation (needs Chat.UpdatePolicyViolation.All). */
  readonly screening: { readonly graphDlp: boolean };
  /** Optional workshop calendar sync from a Microsoft 365 group calendar; empty group id means off. */
  readonly calendarSync: { readonly groupId: string; readonly intervalMinutes: number };
  /** Local mode only: a shifted, faster meeting clock for demos and multi-process tests; absent = real time. */
  readonly localClock?: LocalClockSetting;
}

/** VUORO_LOCAL_CLOCK: the clock reads `startsAt` at real time `anchorMs` (default: start-up) and runs `speed` times faster. */
export interface LocalClockSetting {
  readonly startsAt: number;
  readonly anchorMs?: number;
  readonly speed: number;
}

/** Raised with the name of the offending variable; index.ts prints it and exits. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback = ''): string {
  return (env[name] ?? '').trim() || fallback;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (!raw) return fallback;
  const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!hit) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  return hit;
}

function list(env: Env, name: string): string[] {
  return str(env, name).split(',').map((s) => s.trim()).filter(Boolean);
}

/** Reads and validates the configuration from `env` (process.env in production). */
export function loadConfig(env: Env): Config {
  const port = int(env, 'PORT', 3978, 0, 65535);
  const appId = str(env, 'MicrosoftAppId');
  const appType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  const appPassword = str(env, 'MicrosoftAppPassword');
  const tenantId = str(env, 'MicrosoftAppTenantId');
  let mode: AuthMode = 'local';
  if (appId) {
    if (appType === 'UserAssignedMSI') mode = 'managed-identity';
    else if (!appPassword) throw new ConfigError('MicrosoftAppPassword', 'required when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)');
    else mode = 'secret';
    if (appType !== 'MultiTenant' && !tenantId) throw new ConfigError('MicrosoftAppTenantId', `required when MicrosoftAppType is ${appType}`);
  }

  const kind = oneOf(env, 'VUORO_STORAGE', ['file', 'blob', 'memory'] as const, 'file');
  const blobConnectionString = str(env, 'AZURE_STORAGE_CONNECTION_STRING');
  const blobAccountUrl = str(env, 'VUORO_BLOB_ACCOUNT_URL');
  if (kind === 'blob' && !blobConnectionString && !blobAccountUrl) {
    throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING', 'VUORO_STORAGE=blob needs a connection string or VUORO_BLOB_ACCOUNT_URL (managed identity)');
  }
  const blobContainer = str(env, 'VUORO_BLOB_CONTAINER', 'vuoro-state');
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(blobContainer)) {
    throw new ConfigError('VUORO_BLOB_CONTAINER', 'must be 3-63 lowercase letters, digits and single hyphens');
  }

  const allowedTenants = list(env, 'VUORO_ALLOWED_TENANTS');
  if (mode !== 'local' && allowedTenants.length === 0) {
    throw new ConfigError('VUORO_ALLOWED_TENANTS', 'required in production: the Entra tenant ids Vuoro serves, comma separated');
  }
  const publicBaseUrl = str(env, 'VUORO_PUBLIC_URL', `http://localhost:${port || 3978}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) throw new ConfigError('VUORO_PUBLIC_URL', `expected an http(s) URL, got "${publicBaseUrl}"`);

  const ssoAppId = appId || 'vuoro-local';
  const audiences = list(env, 'VUORO_SSO_AUDIENCE');
  const coordinators = list(env, 'VUORO_COORDINATORS');
  const badCoordinator = coordinators.find((c) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c));
  if (badCoordinator !== undefined) throw new ConfigError('VUORO_COORDINATORS', 'expected Entra object ids (GUIDs), comma separated');
  const statsKey = str(env, 'VUORO_STATS_KEY');
  if (statsKey && (statsKey.length < 24 || /\s/.test(statsKey))) throw new ConfigError('VUORO_STATS_KEY', 'must be at least 24 characters without spaces');

  const feedAppId = str(env, 'VUORO_ACTIVITY_FEED_APP_ID');
  if (feedAppId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(feedAppId)) {
    throw new ConfigError('VUORO_ACTIVITY_FEED_APP_ID', 'expected the Teams app id (a GUID) from the manifest');
  }

  const calendarGroupId = str(env, 'VUORO_CALENDAR_GROUP_ID');
  if (calendarGroupId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(calendarGroupId)) {
    throw new ConfigError('VUORO_CALENDAR_GROUP_ID', 'expected the Entra object id (a GUID) of the Microsoft 365 group');
  }

  const config: Config = {
    port,
    host: str(env, 'HOST', '0.0.0.0'),
    auth: { mode, appId, appPassword, appType, tenantId },
    storage: { kind, dataDir: str(env, 'VUORO_DATA_DIR', '.data'), blobConnectionString, blobAccountUrl, blobContainer },
    allowedTenants,
    meetingMinutes: int(env, 'VUORO_MEETING_MINUTES', 60, 15, 240),
    logLevel: oneOf(env, 'VUORO_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, 'info'),
    managedIdentityClientId: str(env, 'AZURE_CLIENT_ID'),
    publicBaseUrl,
    sso: {
      audiences: audiences.length ? audiences : [`api://${new URL(publicBaseUrl).host}/${ssoAppId}`, ssoAppId],
      coordinators,
    },
    activityFeed: { teamsAppId: feedAppId },
    statsKey,
    screening: { graphDlp: oneOf(env, 'VUORO_GRAPH_DLP', ['on', 'off'] as const, 'off') === 'on' },
    calendarSync: { groupId: calendarGroupId, intervalMinutes: int(env, 'VUORO_CALENDAR_SYNC_MINUTES', 15, 5, 1440) },
    localClock: localClock(env, mode),
  };
  return deepFreeze(config);
}

const LOCAL_CLOCK = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?Z)(?:@(\d{1,15}))?(?:x(\d{1,4}))?$/;

/**
 * `2026-11-12T09:40:00Z@1764140600000x60`: several processes given the same anchor share one clock.
 * Refused outside local mode, so a production app can never run on a shifted clock.
 */
function localClock(env: Env, mode: AuthMode): LocalClockSetting | undefined {
  const raw = str(env, 'VUORO_LOCAL_CLOCK');
  if (!raw) return undefined;
  if (mode !== 'local') throw new ConfigError('VUORO_LOCAL_CLOCK', 'only allowed in local mode (MicrosoftAppId unset)');
  const m = LOCAL_CLOCK.exec(raw);
  const startsAt = m ? Date.parse(m[1]) : NaN;
  const speed = m?.[3] ? Number(m[3]) : 1;
  if (!m || Number.isNaN(startsAt) || speed < 1 || speed > 3600) {
    throw new ConfigError('VUORO_LOCAL_CLOCK', `expected <UTC instant>[@<epoch ms>][x<speed 1-3600>], e.g. 2026-11-12T09:40:00Z@1764140600000x60, got "${raw}"`);
  }
  return { startsAt, anchorMs: m[2] ? Number(m[2]) : undefined, speed };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Every environment variable loadConfig reads; the infra parity test compares this with Bicep. */
export const CONFIG_VARIABLES = [
  'PORT', 'HOST', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId',
  'VUORO_STORAGE', 'VUORO_DATA_DIR', 'AZURE_STORAGE_CONNECTION_STRING', 'VUORO_BLOB_ACCOUNT_URL',
  'VUORO_BLOB_CONTAINER', 'VUORO_ALLOWED_TENANTS', 'VUORO_MEETING_MINUTES', 'VUORO_LOG_LEVEL',
  'AZURE_CLIENT_ID', 'VUORO_PUBLIC_URL', 'VUORO_SSO_AUDIENCE', 'VUORO_COORDINATORS', 'VUORO_STATS_KEY',
  'VUORO_ACTIVITY_FEED_APP_ID',
  'VUORO_GRAPH_DLP', 'VUORO_LOCAL_CLOCK',
  'VUORO_CALENDAR_GROUP_ID', 'VUORO_CALENDAR_SYNC_MINUTES',
] as const;
