/**
 * Proactive messages through the Bot Framework: `continueConversationAsync` to a stored
 * conversation reference, or a new personal conversation for someone who opted in from the tab.
 * The SDK's own retry (which sleeps out a 429's Retry-After inside the call) is taken off the
 * pipeline, so throttling comes back here and the durable scheduler waits instead, across restarts.
 */
import { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { StoredReference } from '../../domain/reminders/model';
import type { CachingConnectorFactory } from '../../connector-client-cache';

/** How a send ended. `gone`: the app was removed or the chat deleted (403/404), stop sending there. */
export type SendOutcome =
  | { ok: true; reference?: StoredReference }
  | { ok: false; kind: 'throttled'; retryAfterMs?: number; status: number }
  | { ok: false; kind: 'gone'; status: number }
  | { ok: false; kind: 'failed'; status?: number };

interface HttpErrorLike {
  statusCode?: number;
  response?: { headers?: { get(name: string): string | undefined } };
}

/** Retry-After in ms from seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The error of a failed send, classified. */
export function classify(error: unknown, now: number): Exclude<SendOutcome, { ok: true }> {
  const e = error as HttpErrorLike;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === 429) return { ok: false, kind: 'throttled', status, retryAfterMs: retryAfterMs(e.response?.headers?.get('retry-after'), now) };
  if (status === 403 || status === 404) return { ok: false, kind: 'gone', status };
  return { ok: false, kind: 'failed', status };
}

/** Reduces a conversation reference to ids and the service URL (no names are stored). */
export function storedReference(ref: Partial<ConversationReference>): StoredReference | undefined {
  if (!ref.serviceUrl || !ref.conversation?.id || !ref.bot?.id) return undefined;
  return {
    serviceUrl: ref.serviceUrl,
    channelId: ref.channelId ?? 'msteams',
    conversationId: ref.conversation.id,
    conversationType: ref.conversation.conversationType,
    tenantId: ref.conversation.tenantId,
    botId: ref.bot.id,
    userId: ref.user?.aadObjectId,
  };
}

function toReference(r: StoredReference): Partial<ConversationReference> {
  return {
    serviceUrl: r.serviceUrl,
    channelId: r.channelId,
    bot: { id: r.botId, name: 'Vuoro' },
    conversation: { id: r.conversationId, isGroup: r.conversationType !== 'personal', conversationType: r.conversationType ?? '', tenantId: r.tenantId, name: '' },
  };
}

/** Sends through the adapter; never throws for an HTTP failure, returns the outcome. */
export class ProactiveSender {
  constructor(private readonly adapter: CloudAdapter, private readonly botAppId: string, private readonly now: () => number = Date.now) {}

  /**
   * Swaps the turn's connector client for one without the retry policy. The adapter shares its
   * clients across turns, so the policy cannot simply be removed from the turn's own client.
   */
  private async withoutSdkRetry(context: TurnContext): Promise<void> {
    const factory = context.turnState.get(this.adapter.ConnectorFactoryKey) as Partial<CachingConnectorFactory<unknown>> | undefined;
    if (factory?.createWithoutRetry && context.activity.serviceUrl) {
      context.turnState.set(this.adapter.ConnectorClientKey, await factory.createWithoutRetry(context.activity.serviceUrl, context.turnState.get(this.adapter.OAuthScopeKey)));
      return;
    }
    const client = context.turnState.get(this.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } } | undefined;
    client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
  }

  /**
   * Runs `send` inside the adapter's turn. A failure is caught inside the turn and classified
   * outside it, because the adapter hands errors thrown in a turn to the application's onTurnError,
   * which would swallow a 429 or 403 that the scheduler needs to see.
   */
  private async inTurn(run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>, send: (context: TurnContext) => Promise<void>): Promise<SendOutcome | undefined> {
    let failure: { error: unknown } | undefined;
    try {
      await run(async (context) => {
        try {
          await this.withoutSdkRetry(context);
          await send(context);
        } catch (error) {
          failure = { error };
        }
      });
    } catch (error) {
      failure = { error };
    }
    return failure && classify(failure.error, this.now());
  }

  /** Posts `activity` to the stored conversation. */
  async send(reference: StoredReference, activity: Partial<Activity>): Promise<SendOutcome> {
    const failed = await this.inTurn(
      (logic) => this.adapter.continueConversationAsync(this.botAppId, toReference(reference), logic),
      async (context) => void (await context.sendActivity(activity)),
    );
    return failed ?? { ok: true };
  }

  /**
   * Opens (or reopens) the personal chat with `userId` and posts `activity`; the returned reference
   * is kept so the next send goes straight to it. Teams answers 403 when the user has not installed
   * the app, which the caller treats as unsubscribed.
   */
  async sendToUser(serviceUrl: string, tenantId: string, userId: string, activity: Partial<Activity>): Promise<SendOutcome> {
    let reference: StoredReference | undefined;
    const params = { isGroup: false, bot: { id: this.botAppId || 'vuoro', name: 'Vuoro' }, members: [{ id: userId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } }, activity: undefined as unknown as Activity };
    const failed = await this.inTurn(
      // No audience: the connector factory then uses the Bot Framework's default scope.
      (logic) => this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, undefined as unknown as string, params, logic),
      async (context) => {
        reference = storedReference(TurnContext.getConversationReference(context.activity));
        if (reference) reference = { ...reference, conversationType: 'personal', userId };
        await context.sendActivity(activity);
      },
    );
    return failed ?? { ok: true, reference };
  }
}
