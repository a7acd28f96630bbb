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

/** Projects the stored intake and round onto the tab's payload for the user `oid` at `now`. */
export function todayPayload(input: { intake?: IntakeState; settings: MeetingSettings; round?: Round; oid: string; now: number }): TodayPayload {
  const { intake, settings, round, now } = input;
  const me = input.oid.toLowerCase();
  const out: TodayPayload = { serverNow: iso(now) };
  if (intake) {
    const { deferrals, ...plan } = planTime(intake, settings);
    out.intake = { status: intake.status, tally: tally(intake), plan: { ...plan, deferredItems: deferrals.reduce((n, d) => n + d.cases + d.topics, 0) } };
  }
  if (round) {
    const v = view(round, now);
    const fair = new Map(v.upcoming.map((p) => [p.userId, p.slotSeconds]));
    const inRound = round.turns.filter((t) => t.status !== 'skipped' && t.status !== 'deferred');
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
