/**
 * Marks a Teams message with a data-loss-prevention verdict (`policyViolation`, `BlockAccess`)
 * through Microsoft Graph, so that nobody but its sender sees it any more. Needs the application
 * permission Chat.UpdatePolicyViolation.All (ChannelMessage.UpdatePolicyViolation.All in channels).
 * Failures come back as a reason the caller can fall back on; nothing here throws or logs text.
 */
import type { TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';

/** Where the message is. Chat ids and message ids are Teams' own (`19:...@thread.v2`, `1764...`). */
export type MessageLocation =
  | { kind: 'chat'; chatId: string; messageId: string }
  | { kind: 'channel'; teamId: string; channelId: string; messageId: string; parentId?: string };

/** The policy tip Teams shows the sender on the blocked message. */
export interface PolicyTip {
  generalText: string;
  complianceUrl: string;
  matchedConditionDescriptions: string[];
}

/** The outcome of one attempt to block. */
export type BlockResult =
  | { ok: true; attempts: number }
  | { ok: false; reason: 'forbidden' | 'throttled' | 'server' | 'timeout' | 'failed'; status?: number; attempts: number };

/** Options; the defaults keep the whole attempt well inside a Teams turn. */
export interface GraphDlpOptions {
  credential: TokenCredential;
  /** Ask the credential for a token of the message's tenant (a multi-tenant app registration). */
  perTenantTokens: boolean;
  /** Per request, token included (default 2500 ms). */
  timeoutMs?: number;
  /** A 429's Retry-After is waited out (once) only up to this (default 5000 ms); longer means fall back. */
  maxRetryAfterMs?: number;
}

const SCOPE = 'https://graph.microsoft.com/.default';

/** The PATCH body Graph expects: only `policyViolation`. */
export function policyViolationBody(tip: PolicyTip): Record<string, unknown> {
  return {
    policyViolation: {
      policyTip: { generalText: tip.generalText, complianceUrl: tip.complianceUrl, matchedConditionDescriptions: tip.matchedConditionDescriptions },
      // The screener can be wrong: let the sender report a false positive, but not simply override.
      verdictDetails: 'AllowFalsePositiveOverride',
      dlpAction: 'BlockAccess',
    },
  };
}

/** The Graph path of a message. */
export function messagePath(loc: MessageLocation): string {
  const e = encodeURIComponent;
  if (loc.kind === 'chat') return `/chats/${e(loc.chatId)}/messages/${e(loc.messageId)}`;
  const base = `/teams/${e(loc.teamId)}/channels/${e(loc.channelId)}/messages`;
  return loc.parentId && loc.parentId !== loc.messageId ? `${base}/${e(loc.parentId)}/replies/${e(loc.messageId)}` : `${base}/${e(loc.messageId)}`;
}

class Timeout extends Error {
  constructor() {
    super('graph request timed out');
    this.name = 'GraphTimeout';
  }
}

/** Sends policy-violation verdicts. One Graph client per tenant. */
export class GraphDlp {
  private readonly clients = new Map<string, Client>();
  private readonly timeoutMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: GraphDlpOptions) {
    this.timeoutMs = options.timeoutMs ?? 2500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5000;
  }

  /**
   * Fetches (and caches) tokens for the tenants served, so that the first flagged message of the
   * day is not delayed by sign-in round trips. Failures are left for the real call to report.
   */
  async warmUp(tenantIds: readonly string[]): Promise<number> {
    const tenants = this.options.perTenantTokens ? tenantIds : tenantIds.slice(0, 1);
    const results = await Promise.allSettled(tenants.map((tenantId) => this.options.credential.getToken(SCOPE, this.options.perTenantTokens ? { tenantId } : undefined)));
    return results.filter((r) => r.status === 'fulfilled' && r.value).length;
  }

  /** Blocks the message; on 429 waits Retry-After once if it is short enough. */
  async block(tenantId: string | undefined, loc: MessageLocation, tip: PolicyTip): Promise<BlockResult> {
    const body = policyViolationBody(tip);
    let attempts = 0;
    for (;;) {
      attempts++;
      const outcome = await this.patch(tenantId, loc, body);
      if (outcome.ok) return { ok: true, attempts };
      if (outcome.reason === 'throttled' && attempts === 1 && outcome.retryAfterMs !== undefined && outcome.retryAfterMs <= this.maxRetryAfterMs) {
        await new Promise((r) => setTimeout(r, outcome.retryAfterMs));
        continue;
      }
      return { ok: false, reason: outcome.reason, status: outcome.status, attempts };
    }
  }

  private async patch(tenantId: string | undefined, loc: MessageLocation, body: Record<string, unknown>): Promise<
    { ok: true } | { ok: false; reason: 'forbidden' | 'throttled' | 'server' | 'timeout' | 'failed'; status?: number; retryAfterMs?: number }
  > {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Timeout());
      }, this.timeoutMs);
    });
    try {
      const request = this.client(tenantId).api(messagePath(loc)).version('v1.0').option('signal', controller.signal).patch(body);
      request.catch(() => undefined); // settled by the race below; never an unhandled rejection
      await Promise.race([request, timeout]);
      return { ok: true };
    } catch (err) {
      if (err instanceof Timeout || (err as { name?: string }).name === 'AbortError') return { ok: false, reason: 'timeout' };
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 429) return { ok: false, reason: 'throttled', status, retryAfterMs: retryAfterMs((err as { headers?: Headers }).headers) };
      if (status === 401 || status === 403) return { ok: false, reason: 'forbidden', status };
      if (status !== undefined && status >= 500) return { ok: false, reason: 'server', status };
      return { ok: false, reason: 'failed', status: typeof status === 'number' && status > 0 ? status : undefined };
    } finally {
      clearTimeout(timer);
    }
  }

  private client(tenantId: string | undefined): Client {
    const key = this.options.perTenantTokens ? tenantId ?? '' : '';
    let client = this.clients.get(key);
    if (!client) {
      const { credential } = this.options;
      const authProvider = {
        getAccessToken: async () => {
          const token = await credential.getToken(SCOPE, key ? { tenantId: key } : undefined);
          if (!token) throw Object.assign(new Error('no token'), { statusCode: 401 });
          return token.token;
        },
      };
      // No RetryHandler: a 429 is handled above, bounded, instead of waiting up to minutes.
      client = Client.initWithMiddleware({ middleware: [new AuthenticationHandler(authProvider), new HTTPMessageHandler()] });
      this.clients.set(key, client);
    }
    return client;
  }
}

/** Retry-After in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const raw = headers?.get?.('Retry-After');
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
