/**
 * The optional Teams activity feed: a real @azure/identity credential gets its token from a nock'd
 * login.microsoftonline.com, and Graph's sendActivityNotification (nock'd) receives the manifest's
 * activity type with the template parameters.
 */
import nock from 'nock';
import { ClientSecretCredential } from '@azure/identity';
import { ACTIVITY_TYPE, ActivityFeedNotifier, GraphError } from '../../../bot/adapters/reminders/activity-feed';
import manifest from '../../../manifest/manifest.template.json';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const TEAMS_APP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const USER = '6b9c0b1e-0000-4000-8000-00000000a001';

function serveLogin() {
  // MSAL may use built-in metadata for this host; serve it anyway in case it asks.
  nock('https://login.microsoftonline.com').get(`/${TENANT}/v2.0/.well-known/openid-configuration`).reply(200, {
    token_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    authorization_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    end_session_endpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/logout`,
  }).persist();
  return nock('https://login.microsoftonline.com').post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.scope === 'https://graph.microsoft.com/.default' && body.client_id === CLIENT)
    .query(true) // MSAL adds client-request-id
    .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'graph-token-1' });
}

function notifier() {
  const credential = new ClientSecretCredential(TENANT, CLIENT, 'secret', { disableInstanceDiscovery: true });
  return new ActivityFeedNotifier({ credential, teamsAppId: TEAMS_APP });
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('activity feed notifications', () => {
  it('uses the activity type the manifest declares', () => {
    expect(manifest.activities.activityTypes.map((a) => a.type)).toContain(ACTIVITY_TYPE);
    const template = manifest.activities.activityTypes.find((a) => a.type === ACTIVITY_TYPE)!.templateText;
    expect([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()).toEqual(['startTime', 'workshop']);
  });

  it('gets a Graph token and posts the notification to the user', async () => {
    const token = serveLogin();
    let sent: Record<string, unknown> = {};
    const graph = nock('https://graph.microsoft.com', { reqheaders: { authorization: 'Bearer graph-token-1' } })
      .post(`/v1.0/users/${USER}/teamwork/sendActivityNotification`, (body) => { sent = body; return true; })
      .reply(204);
    const feed = notifier();
    await feed.notify(USER, { workshop: 'Palvelut tutuksi', startTime: 'torstai 17.9.2026 13:00', webUrl: feed.tabLink(), preview: 'Palvelut tutuksi' });
    expect(token.isDone()).toBe(true);
    expect(graph.isDone()).toBe(true);
    expect(sent).toEqual({
      topic: { source: 'text', value: 'Palvelut tutuksi', webUrl: `https://teams.microsoft.com/l/entity/${TEAMS_APP}/vuoro-home` },
      activityType: 'workshopReminder',
      previewText: { content: 'Palvelut tutuksi' },
      teamsAppId: TEAMS_APP,
      templateParameters: [{ name: 'workshop', value: 'Palvelut tutuksi' }, { name: 'startTime', value: 'torstai 17.9.2026 13:00' }],
    });
  });

  it('reports a Graph refusal with its status only', async () => {
    serveLogin();
    nock('https://graph.microsoft.com').post(`/v1.0/users/${USER}/teamwork/sendActivityNotification`).reply(403, { error: { code: 'Forbidden', message: 'The app is not installed for the user Aino' } });
    const error = await notifier().notify(USER, { workshop: 'x', startTime: 'y', webUrl: 'https://teams.microsoft.com/l/entity/x/y', preview: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(403);
    expect(String((error as Error).message)).not.toContain('Aino');
  });
});
