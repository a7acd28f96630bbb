import { MINUTE_MS, Round, Turn, itemsOf } from './round-state';

/** Items that will not fit before the round end, per presenter (cases are kept before topics). */
export interface NotFitting {
  userId: string;
  cases: number;
  topics: number;
}

/** A waiting presenter's projected slot. */
export interface ProjectedSlot {
  userId: string;
  items: number;
  slotMs: number;
  startsAt: number;
  endsAt: number;
}

/** The fair-time projection of everyone still waiting, as of `now`. */
export interface FairTimePlan {
  /** When the next waiting turn can start: the current deadline, or now once it has passed. */
  nextStartAt: number;
  /** roundEndAt - nextStartAt: the time left for those waiting. */
  availableMs: number;
  /** Per-item slot, between the minimum and maximum slot. */
  perItemMs: number;
  slots: ProjectedSlot[];
  /** availableMs - sum of slots; negative when even minimum slots run past the round end. */
  spareMs: number;
  doesNotFit: NotFitting[];
}

/** Turns still waiting, in running order. */
export function waitingTurns(round: Round): Turn[] {
  return round.turns.filter((t) => t.status === 'waiting');
}

/** When the current turn is expected to end, as seen at `now`. */
export function currentTurnEndsAt(round: Round, now: number): number {
  if (round.phase === 'ended' || round.current === undefined) return now;
  if (round.phase === 'paused') return now + Math.max(0, round.remainingMs ?? 0);
  return Math.max(round.deadline ?? now, now);
}

/**
 * Fair time. Every waiting item gets the same share of what is left before the round end, so spare
 * time from an early finish flows evenly to those waiting and an overrun shrinks their slots evenly;
 * a presenter with two cases gets twice the share. The share is kept between the minimum slot (below
 * it a consultation is not worth starting) and the maximum slot (above it the spare is left over, and
 * the round ends early). Whole seconds, rounded down, so the plan never runs past the round end while
 * it fits.
 */
export function fairTime(round: Round, now: number): FairTimePlan {
  const nextStartAt = currentTurnEndsAt(round, now);
  const availableMs = round.roundEndAt - nextStartAt;
  const waiting = waitingTurns(round);
  const items = waiting.reduce((n, t) => n + itemsOf(t), 0);
  const minMs = round.settings.minSlotMinutes * MINUTE_MS;
  const maxMs = round.settings.maxSlotMinutes * MINUTE_MS;
  const evenShare = items > 0 ? Math.floor(availableMs / items / 1000) * 1000 : maxMs;
  const perItemMs = Math.min(maxMs, Math.max(minMs, evenShare));
  const slots: ProjectedSlot[] = [];
  const doesNotFit: NotFitting[] = [];
  let at = nextStartAt;
  for (const turn of waiting) {
    const startsAt = at;
    let fittingItems = 0;
    for (let i = 0; i < itemsOf(turn); i += 1) {
      at += perItemMs;
      if (at <= round.roundEndAt) fittingItems += 1;
    }
    slots.push({ userId: turn.userId, items: itemsOf(turn), slotMs: itemsOf(turn) * perItemMs, startsAt, endsAt: at });
    const missing = itemsOf(turn) - fittingItems;
    if (missing > 0) {
      const topics = Math.min(turn.topics, missing);
      doesNotFit.push({ userId: turn.userId, cases: missing - topics, topics });
    }
  }
  return { nextStartAt, availableMs, perItemMs, slots, spareMs: availableMs - (at - nextStartAt), doesNotFit };
}
