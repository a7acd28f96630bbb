import { ServiceId } from '../intake';
import { NotFitting, fairTime, waitingTurns } from './fair-time';
import { MINUTE_MS, Round, Turn, TurnStatus, itemsOf } from './round-state';

/** How the round stands against the hour, judged against the time plan's slots. */
export interface Standing {
  kind: 'ahead' | 'on_time' | 'behind';
  /** Whole minutes ahead or behind (0 when on time). */
  minutes: number;
}

/** A presenter as the status card lists them. */
export interface PresenterView {
  userId: string;
  service: ServiceId;
  cases: number;
  topics: number;
  status: TurnStatus;
  /** Fair-time slot for a waiting presenter; the granted slot for the one presenting. */
  slotSeconds: number;
}

/** Everything the status card shows; seconds are whole, negative secondsLeft means overrun. */
export interface RoundView {
  meetingId: string;
  phase: Round['phase'];
  version: number;
  current?: PresenterView & {
    secondsLeft: number;
    overrun: boolean;
    paused: boolean;
    /** "Case k of n": the presenter's first and last item among all items still in the round. */
    firstItem: number;
    lastItem: number;
  };
  totalItems: number;
  next?: PresenterView;
  upcoming: PresenterView[];
  standing: Standing;
  doesNotFit: NotFitting[];
  /** Seconds left until the round must end (negative once past it). */
  secondsToRoundEnd: number;
  roundEndAt: number;
}

const ON_TIME_MARGIN_MS = MINUTE_MS;

function presenter(turn: Turn, slotMs: number): PresenterView {
  return { userId: turn.userId, service: turn.service, cases: turn.cases, topics: turn.topics, status: turn.status, slotSeconds: Math.round(slotMs / 1000) };
}

/**
 * "Ahead by 4 min": if the current presenter took their planned slot (plus any +2 min) and everyone
 * waiting took theirs, the round would end four minutes before the round end. Judged against the
 * plan, not the fair-time slots, because fair time always stretches the slots to fill the hour.
 */
export function standing(round: Round, now: number): Standing {
  let end = round.endedAt ?? now;
  if (round.phase !== 'ended') {
    const turn = round.current === undefined ? undefined : round.turns[round.current];
    let currentLeft = 0;
    if (turn?.startedAt !== undefined) {
      const pausedNow = round.phase === 'paused' && round.pausedAt !== undefined ? now - round.pausedAt : 0;
      const presented = now - turn.startedAt - turn.pausedMs - pausedNow;
      currentLeft = Math.max(0, turn.plannedMs + turn.extendedMs - presented);
    }
    end = now + currentLeft + waitingTurns(round).reduce((ms, t) => ms + t.plannedMs, 0);
  }
  const diff = round.roundEndAt - end;
  if (Math.abs(diff) < ON_TIME_MARGIN_MS) return { kind: 'on_time', minutes: 0 };
  return { kind: diff > 0 ? 'ahead' : 'behind', minutes: Math.floor(Math.abs(diff) / MINUTE_MS) };
}

/** The status card's view model at `now`. Pure; call it again whenever the card is refreshed. */
export function view(round: Round, now: number): RoundView {
  const plan = fairTime(round, now);
  const slotOf = new Map(plan.slots.map((s) => [s.userId, s.slotMs]));
  const inRound = round.turns.filter((t) => t.status !== 'skipped' && t.status !== 'deferred');
  const upcoming = waitingTurns(round).map((t) => presenter(t, slotOf.get(t.userId) ?? 0));
  let current: RoundView['current'];
  if (round.current !== undefined && round.phase !== 'ended') {
    const turn = round.turns[round.current];
    const leftMs = round.phase === 'paused' ? (round.remainingMs ?? 0) : (round.deadline ?? now) - now;
    const before = inRound.slice(0, inRound.indexOf(turn)).reduce((n, t) => n + itemsOf(t), 0);
    current = {
      ...presenter(turn, turn.slotMs ?? 0),
      secondsLeft: Math.ceil(leftMs / 1000),
      overrun: leftMs < 0,
      paused: round.phase === 'paused',
      firstItem: before + 1,
      lastItem: before + itemsOf(turn),
    };
  }
  return {
    meetingId: round.meetingId,
    phase: round.phase,
    version: round.version,
    current,
    totalItems: inRound.reduce((n, t) => n + itemsOf(t), 0),
    next: upcoming[0],
    upcoming,
    standing: standing(round, now),
    doesNotFit: plan.doesNotFit,
    secondsToRoundEnd: Math.ceil((round.roundEndAt - now) / 1000),
    roundEndAt: round.roundEndAt,
  };
}
