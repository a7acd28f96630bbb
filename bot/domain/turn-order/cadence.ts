import { MINUTE_MS, Round } from './round-state';

/**
 * Teams throttles a bot per conversation: about 7 operations per second, 8 per 2 s, 60 per 30 s and
 * 1800 per hour, and 50 requests per second per app per tenant across all conversations; editing a
 * card in place (`updateActivity`) counts like a new message, and a 429 would delay the very update
 * that says "time up". So the status card is updated at most once per 10 s per meeting: 3 per 30 s
 * and 360 per hour per conversation, far under the per-thread limits, and 300 concurrent meetings in
 * one tenant stay at 30 updates per second at worst, under the 50 per second tenant limit with room
 * for replies to button presses. In practice a turn needs about ten updates.
 */
export const TEAMS_LIMITS = { perConversationPerSecond: 7, perConversationPer30Seconds: 60, perConversationPerHour: 1800, perAppPerTenantPerSecond: 50 } as const;

/** The budget this app keeps under TEAMS_LIMITS: at least this long between two updates of one card. */
export const MIN_UPDATE_INTERVAL_MS = 10_000;

/** When the status card is worth updating. */
export interface CadenceOptions {
  /** Update every minute once this many minutes or fewer are left (default 5). */
  warnMinutes?: number;
  /** Overrides MIN_UPDATE_INTERVAL_MS; it is never taken below 1 s. */
  minIntervalMs?: number;
}

/** The first update moment after `after`: the last change, the warnings before the deadline, time up, overrun. */
function momentAfter(round: Round, warnMinutes: number, after: number): number | undefined {
  const moments = [round.changedAt];
  const deadline = round.deadline;
  if (round.phase === 'running' && deadline !== undefined) {
    moments.push(deadline - 2 * MINUTE_MS);
    for (let k = warnMinutes; k >= 1; k -= 1) moments.push(deadline - k * MINUTE_MS);
    const overrunStep = after < deadline ? 0 : Math.floor((after - deadline) / MINUTE_MS) + 1;
    moments.push(deadline + overrunStep * MINUTE_MS);
  }
  const due = moments.filter((m) => m >= round.changedAt && m > after);
  return due.length > 0 ? Math.min(...due) : undefined;
}

/**
 * When the status card must next be updated: after any change (turn start, pause, resume, +2 min,
 * a new order), each minute while `warnMinutes` or fewer are left, two minutes left, time up, and
 * each minute of overrun; never sooner than `minIntervalMs` after the last post. A moment already
 * missed (say, during a restart) is due now, once, not replayed one by one. `undefined`: nothing to
 * update until the round changes again (paused or ended, and already shown).
 */
export function nextUpdateAt(round: Round, _now: number, lastPostedAt: number | undefined, options: CadenceOptions = {}): number | undefined {
  const minInterval = Math.max(options.minIntervalMs ?? MIN_UPDATE_INTERVAL_MS, 1000);
  const moment = momentAfter(round, options.warnMinutes ?? 5, lastPostedAt ?? -Infinity);
  if (moment === undefined) return undefined;
  return lastPostedAt === undefined ? moment : Math.max(moment, lastPostedAt + minInterval);
}
