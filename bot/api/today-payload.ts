/**
 * What the tab's "Tänään" (today) view may know about one meeting: counts, services, positions and
 * the server's absolute deadlines. Never a name or a user id; the caller's own turn is marked `you`.
 */
import { planTime, tally } from '../domain/intake';
import type { IntakeState, MeetingSettings, ServiceId, Tally, TimePlan } from '../domain/intake';
import { view } from '../domain/turn-order';
import type { Round, Standing, TurnStatus } from '../domain/turn-order';

/** One place in the running order. */
export interface TodayTurn {
  position: number;
  service: ServiceId;
  cases: number;
  topics: number;
  status: TurnStatus;
  /** The fair-time slot (waiting) or the granted slot (presenting, done). */
  slotSeconds: number;
  /** Set only on the caller's own turn. */
  you?: true;
}

/** The whole answer of GET /api/meetings/:meetingId/today. */
export interface TodayPayload {
  serverNow: string;
  /** Whether the caller is the chair and gets the round's controls. */
  canControl: boolean;
  /** Whether the caller is presenting now (their own "Done" button). */
  presenting: boolean;
  intake?: {
    status: IntakeState['status'];
    tally: Tally;
    plan: Omit<TimePlan, 'deferrals'> & { deferredItems: number };
  };
  round?: {
    phase: Round['phase'];
    version: number;
    roundEndAt: string;
    standing: Standing;
    totalItems: number;
    order: TodayTurn[];
    /** Position of the turn being presented, with its absolute deadline (absent while paused). */
    current?: { position: number; deadline?: string; remainingSeconds: number; paused: boolean; overrun: boolean };
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The turns the running order shows, in order; a turn's position is its index here plus one. */
function shownTurns(round: Round): Round['turns'] {
  return round.turns.filter((t) => t.status !== 'skipped' && t.status !== 'deferred');
}

/** The presenter at `position` of the running order as the payload numbers it. */
export function presenterAt(round: Round, position: number): string | undefined {
  return shownTurns(round)[position - 1]?.userId;
}

/** Whether `oid` is presenting now. */
export function isPresenting(round: Round | undefined, oid: string): boolean {
  const turn = round?.current === undefined ? undefined : round.turns[round.current];
  return turn?.status === 'presenting' && turn.userId.toLowerCase() === oid.toLowerCase();
}

/** Projects the stored intake and round onto the tab's payload for the user `oid` at `now`. */
export function todayPayload(input: { intake?: IntakeState; settings: MeetingSettings; round?: Round; oid: string; now: number; canControl?: boolean }): TodayPayload {
  const { intake, settings, round, now } = input;
  const me = input.oid.toLowerCase();
  const live = round !== undefined && round.phase !== 'ended';
  const out: TodayPayload = { serverNow: iso(now), canControl: live && input.canControl === true, presenting: live && isPresenting(round, me) };
  if (intake) {
    const { deferrals, ...plan } = planTime(intake, settings);
    out.intake = { status: intake.status, tally: tally(intake), plan: { ...plan, deferredItems: deferrals.reduce((n, d) => n + d.cases + d.topics, 0) } };
  }
  if (round) {
    const v = view(round, now);
    const fair = new Map(v.upcoming.map((p) => [p.userId, p.slotSeconds]));
    const inRound = shownTurns(round);
    const order = inRound.map((t, i): TodayTurn => ({
      position: i + 1,
      service: t.service,
      cases: t.cases,
      topics: t.topics,
      status: t.status,
      slotSeconds: fair.get(t.userId) ?? Math.round((t.slotMs ?? t.plannedMs) / 1000),
      ...(t.userId.toLowerCase() === me ? { you: true as const } : {}),
    }));
    const currentTurn = round.current === undefined ? undefined : round.turns[round.current];
    const position = currentTurn ? inRound.indexOf(currentTurn) + 1 : 0;
    out.round = {
      phase: v.phase,
      version: v.version,
      roundEndAt: iso(v.roundEndAt),
      standing: v.standing,
      totalItems: v.totalItems,
      order,
      current: v.current && position > 0 ? {
        position,
        deadline: !v.current.paused && round.deadline !== undefined ? iso(round.deadline) : undefined,
        remainingSeconds: v.current.secondsLeft,
        paused: v.current.paused,
        overrun: v.current.overrun,
      } : undefined,
    };
  }
  return out;
}
