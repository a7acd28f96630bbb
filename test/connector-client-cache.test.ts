import { TurnContext } from 'botbuilder';
import { createAdapter } from '../bot/app';
import { loadConfig } from '../bot/config';
import { ConnectorClientCache } from '../bot/connector-client-cache';
import { ProactiveSender } from '../bot/adapters/reminders/proactive-sender';
import { ConnectorCapture, startConnectorCapture } from './helpers/connector-capture';

interface PolicyNames {
  client: { pipeline: { getOrderedPolicies(): Array<{ name: string }> } };
}

const policiesOf = (client: unknown) => (client as PolicyNames).client.pipeline.getOrderedPolicies().map((p) => p.name);

describe('Bot Connector clients shared across turns', () => {
  let capture: ConnectorCapture;
  beforeAll(async () => {
    capture = await startConnectorCapture();
  });
  afterAll(() => capture.close());

  const reference = (serviceUrl: string, conversationId: string) => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, isGroup: true, conversationType: 'groupChat', name: '' },
    bot: { id: '28:vuoro', name: 'Vuoro' },
  });

  it('proactive turns to one service URL reuse one client; another service URL gets its own', async () => {
    const adapter = createAdapter(loadConfig({}));
    const clientOf = async (serviceUrl: string, conversationId: string) => {
      let client: unknown;
      await adapter.continueConversationAsync('', reference(serviceUrl, conversationId), async (context: TurnContext) => {
        client = context.turnState.get(adapter.ConnectorClientKey);
        await context.sendActivity('hei');
      });
      return client;
    };
    const first = await clientOf(capture.url, '19:a@thread.v2');
    const second = await clientOf(capture.url, '19:b@thread.v2');
    const elsewhere = await clientOf(`${capture.url}emea/`, '19:c@thread.v2');
    expect(second).toBe(first);
    expect(elsewhere).not.toBe(first);
    // Both sends still arrived where they were addressed.
    const posts = capture.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(expect.arrayContaining([expect.stringMatching(/^\/v3\/conversations\/19:a@thread.v2\//), expect.stringMatching(/^\/emea\/v3\/conversations\/19:c@thread.v2\//)]));
  });

  it('turns share one user-token client too, instead of a new service client per turn', async () => {
    const adapter = createAdapter(loadConfig({}));
    const tokenClientOf = async (conversationId: string) => {
      let client: unknown;
      await adapter.continueConversationAsync('', reference(capture.url, conversationId), async (context: TurnContext) => {
        client = context.turnState.get(adapter.UserTokenClientKey);
      });
      return client;
    };
    const first = await tokenClientOf('19:e@thread.v2');
    expect(first).toBeDefined();
    expect(await tokenClientOf('19:f@thread.v2')).toBe(first);
  });

  it('reminders send without the SDK retry while the shared client keeps it, so a 429 comes back at once', async () => {
    const adapter = createAdapter(loadConfig({}));
    const serviceUrl = `${capture.url}throttled/`;
    let shared: unknown;
    await adapter.continueConversationAsync('', reference(serviceUrl, '19:d@thread.v2'), async (context: TurnContext) => {
      shared = context.turnState.get(adapter.ConnectorClientKey);
    });
    capture.fail({ match: (c) => c.path.startsWith('/throttled/'), status: 429, retryAfter: '30', times: 1 });
    const before = capture.requests.length;
    const outcome = await new ProactiveSender(adapter, '').send({ serviceUrl, channelId: 'msteams', conversationId: '19:d@thread.v2', conversationType: 'groupChat', botId: '28:vuoro' }, { type: 'message', text: 'muistutus' });
    expect(outcome).toMatchObject({ ok: false, kind: 'throttled', retryAfterMs: 30_000 });
    expect(capture.requests.length - before).toBe(1);
    expect(policiesOf(shared)).toContain('defaultRetryPolicy');
    // The retry-less client is itself shared: a second reminder to the same place does not build another.
    const twice = await new ProactiveSender(adapter, '').send({ serviceUrl, channelId: 'msteams', conversationId: '19:d@thread.v2', conversationType: 'groupChat', botId: '28:vuoro' }, { type: 'message', text: 'muistutus' });
    expect(twice).toEqual({ ok: true });
  });

  it('forgets a client whose creation failed, so the next turn tries again', async () => {
    const cache = new ConnectorClientCache<{ n: number }>();
    let made = 0;
    const factory = cache.wrap({ create: async () => (++made === 1 ? Promise.reject(new Error('no token')) : { n: made }) }, 'app');
    await expect(factory.create('https://smba.trafficmanager.net/emea/')).rejects.toThrow('no token');
    const client = await factory.create('https://smba.trafficmanager.net/emea/');
    expect(client).toEqual({ n: 2 });
    expect(await factory.create('https://smba.trafficmanager.net/emea/')).toBe(client);
    expect(cache.size).toBe(1);
  });

  it('keeps at most 64 clients, dropping the oldest', async () => {
    const cache = new ConnectorClientCache<{ url: string }>();
    const factory = cache.wrap({ create: async (url) => ({ url }) }, 'app');
    const first = await factory.create('https://smba.example/0/');
    for (let i = 1; i <= 64; i++) await factory.create(`https://smba.example/${i}/`);
    expect(cache.size).toBe(64);
    expect(await factory.create('https://smba.example/0/')).not.toBe(first);
  });
});
