/**
 * One Bot Connector client per bot, audience and service URL, shared by every turn. botbuilder's
 * CloudAdapter builds a new client for every incoming activity and every proactive call: fresh
 * credentials, a pipeline of a dozen policies, a log sanitiser with its own sets. With 300 meetings'
 * status cards that was about a tenth of all the process allocated, and the garbage kept the heap
 * far above its live size. A client holds no per-conversation state and its credentials keep and
 * refresh their own token, so sharing one is safe (botbuilder's older BotFrameworkAdapter did too).
 */

/** What botbuilder's ConnectorFactory offers. */
export interface ClientFactory<C> {
  create(serviceUrl: string, audience?: string): Promise<C>;
}

/** The part of a ConnectorClient whose pipeline can lose its retry policy. */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } };
}

/** Regional Teams service URLs are few; the bound only keeps odd callers from growing the map. */
const MAX_CLIENTS = 64;

/** Shared clients, keyed by app id, audience and service URL. */
export class ConnectorClientCache<C> {
  private readonly clients = new Map<string, Promise<C>>();

  get size(): number {
    return this.clients.size;
  }

  /** A factory handing out this cache's clients; `inner` makes them, for the bot `appId`. */
  wrap(inner: ClientFactory<C>, appId: string): CachingConnectorFactory<C> {
    return new CachingConnectorFactory(inner, appId, this);
  }

  /** The client under `key`, made once by `make`; a failed make is forgotten so the next call retries. */
  get(key: string, make: () => Promise<C>): Promise<C> {
    const known = this.clients.get(key);
    if (known) return known;
    const made = make();
    made.catch(() => {
      if (this.clients.get(key) === made) this.clients.delete(key);
    });
    this.clients.set(key, made);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
    return made;
  }
}

/** A ConnectorFactory whose clients are shared; `createWithoutRetry` gives a twin without the SDK's retry. */
export class CachingConnectorFactory<C> implements ClientFactory<C> {
  constructor(
    private readonly inner: ClientFactory<C>,
    private readonly appId: string,
    private readonly cache: ConnectorClientCache<C>,
  ) {}

  create(serviceUrl: string, audience?: string): Promise<C> {
    return this.cache.get(this.key('retry', serviceUrl, audience), () => this.inner.create(serviceUrl, audience));
  }

  /**
   * A shared client whose pipeline has no retry policy, for callers that handle 429s themselves;
   * a separate client, because removing the policy from the shared one would change every turn.
   */
  createWithoutRetry(serviceUrl: string, audience?: string): Promise<C> {
    return this.cache.get(this.key('no-retry', serviceUrl, audience), async () => {
      const client = await this.inner.create(serviceUrl, audience);
      (client as PipelineHolder).client?.pipeline?.removePolicy({ phase: 'Retry' });
      return client;
    });
  }

  private key(kind: string, serviceUrl: string, audience: string | undefined): string {
    return JSON.stringify([kind, this.appId, audience ?? '', serviceUrl]);
  }
}
