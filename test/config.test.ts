/**
 * Configuration is validated once at start-up, with errors that name the variable.
 */
import { ConfigError, loadConfig } from '../bot/config';

describe('loadConfig', () => {
  it('runs in local mode with embedded file storage when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.auth.mode).toBe('local');
    expect(c.storage.kind).toBe('file');
    expect(c.meetingMinutes).toBe(60);
    expect(Object.isFrozen(c.storage)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant', VUORO_ALLOWED_TENANTS: 't' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'x' }, 'VUORO_ALLOWED_TENANTS'],
    [{ MicrosoftAppType: 'Anything' }, 'MicrosoftAppType'],
    [{ VUORO_STORAGE: 'blob' }, 'AZURE_STORAGE_CONNECTION_STRING'],
    [{ VUORO_BLOB_CONTAINER: 'Bad_Name' }, 'VUORO_BLOB_CONTAINER'],
    [{ VUORO_MEETING_MINUTES: '5' }, 'VUORO_MEETING_MINUTES'],
    [{ VUORO_PUBLIC_URL: 'ftp://x' }, 'VUORO_PUBLIC_URL'],
    [{ VUORO_COORDINATORS: 'not-a-guid' }, 'VUORO_COORDINATORS'],
    [{ VUORO_LOG_LEVEL: 'loud' }, 'VUORO_LOG_LEVEL'],
    [{ VUORO_LOCAL_CLOCK: 'tomorrow' }, 'VUORO_LOCAL_CLOCK'],
    [{ VUORO_LOCAL_CLOCK: '2026-11-12T09:40:00Zx0' }, 'VUORO_LOCAL_CLOCK'],
    [{ VUORO_LOCAL_CLOCK: '2026-11-12T09:40:00+02:00' }, 'VUORO_LOCAL_CLOCK'],
    [{ VUORO_LOCAL_CLOCK: '2026-11-12T09:40:00Z', MicrosoftAppId: 'id', MicrosoftAppPassword: 'x', VUORO_ALLOWED_TENANTS: 't' }, 'VUORO_LOCAL_CLOCK'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}: `));
  });

  it('reads the local clock: start instant, shared anchor and speed', () => {
    expect(loadConfig({}).localClock).toBeUndefined();
    expect(loadConfig({ VUORO_LOCAL_CLOCK: '2026-11-12T09:40:00Z@1764140600000x60' }).localClock).toEqual({ startsAt: Date.parse('2026-11-12T09:40:00Z'), anchorMs: 1764140600000, speed: 60 });
    expect(loadConfig({ VUORO_LOCAL_CLOCK: '2026-11-12T09:40Z' }).localClock).toEqual({ startsAt: Date.parse('2026-11-12T09:40:00Z'), anchorMs: undefined, speed: 1 });
  });

  it('selects managed identity when the app type says so', () => {
    const c = loadConfig({ MicrosoftAppId: 'client-id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', VUORO_ALLOWED_TENANTS: 't' });
    expect(c.auth.mode).toBe('managed-identity');
    expect(c.allowedTenants).toEqual(['t']);
  });
});
