import { SERVICES, ServiceId } from '../intake';
import { MINUTE_MS, Round, Turn, TurnStatus, itemsOf } from './round-state';

/** Counts of one outcome. */
export interface OutcomeCount {
  presenters: number;
  cases: number;
  topics: number;
}

/** One turn on the summary card. */
export interface TurnSummary {
  userId: string;
  service: ServiceId;
  cases: number;
  topics: number;
  status: TurnStatus;
  plannedMinutes: number;
  /** Presenting time without pauses, one decimal; undefined for a turn that never started. */
  actualMinutes?: number;
}

/** What the end-of-meeting summary card shows. */
export interface RoundSummary {
  consulted: OutcomeCount;
  deferred: OutcomeCount;
  skipped: OutcomeCount;
  /** Still waiting when the round ended. */
  notReached: OutcomeCount;
  turns: TurnSummary[];
  roundMinutes: number;
  /** How far past the round end it finished (0 when in time). */
  overrunMinutes: number;
}

const oneDecimal = (ms: number) => Math.round(ms / (MINUTE_MS / 10)) / 10;

function actualMs(turn: Turn, round: Round, now: number): number | undefined {
  if (turn.startedAt === undefined) return undefined;
  const end = turn.endedAt ?? now;
  const pausedNow = turn.status === 'presenting' && round.phase === 'paused' && round.pausedAt !== undefined ? end - round.pausedAt : 0;
  return Math.max(0, end - turn.startedAt - turn.pausedMs - pausedNow);
}

function count(turns: Turn[], outcome: (t: Turn) => boolean): OutcomeCount {
  const picked = turns.filter(outcome);
  return { presenters: picked.length, cases: picked.reduce((n, t) => n + t.cases, 0), topics: picked.reduce((n, t) => n + t.topics, 0) };
}

const consulted = (t: Turn) => t.status === 'done' || t.status === 'presenting';

/** The summary at `now` (the round may still be running when the meeting ends). */
export function summarise(round: Round, now: number): RoundSummary {
  const end = round.endedAt ?? now;
  return {
    consulted: count(round.turns, consulted),
    deferred: count(round.turns, (t) => t.status === 'deferred'),
    skipped: count(round.turns, (t) => t.status === 'skipped'),
    notReached: count(round.turns, (t) => t.status === 'waiting'),
    turns: round.turns.map((t) => {
      const actual = actualMs(t, round, now);
      return {
        userId: t.userId,
        service: t.service,
        cases: t.cases,
        topics: t.topics,
        status: t.status,
        plannedMinutes: oneDecimal(t.plannedMs),
        actualMinutes: actual === undefined ? undefined : oneDecimal(actual),
      };
    }),
    roundMinutes: oneDecimal(end - round.startedAt),
    overrunMinutes: oneDecimal(Math.max(0, end - round.roundEndAt)),
  };
}

/**
 * One meeting's anonymous statistics: counts, services and durations only, no names or ids of
 * people and no meeting id, so the process owner can follow meetings month by month.
 */
export interface RoundStatsRecord {
  schema: 1;
  /** Local calendar day of the round start, YYYY-MM-DD. */
  date: string;
  meetingMinutes: number;
  minutesPerItem: number;
  presenters: number;
  casesConsulted: number;
  topicsConsulted: number;
  casesDeferred: number;
  topicsDeferred: number;
  itemsSkipped: number;
  itemsNotReached: number;
  /** Services that brought something, in catalogue order. */
  services: ServiceId[];
  /** Items consulted per service. */
  itemsByService: Partial<Record<ServiceId, number>>;
  roundMinutes: number;
  overrunMinutes: number;
  /** Actual minutes of consulted turns, sorted so the running order is not recoverable. */
  turnMinutes: number[];
}

/** The statistics record for a round; `timeZone` decides which day it belongs to. */
export function toStatsRecord(round: Round, now: number, timeZone = 'Europe/Helsinki'): RoundStatsRecord {
  const s = summarise(round, now);
  const itemsByService: Partial<Record<ServiceId, number>> = {};
  for (const t of round.turns.filter(consulted)) itemsByService[t.service] = (itemsByService[t.service] ?? 0) + itemsOf(t);
  const brought = new Set(round.turns.map((t) => t.service));
  return {
    schema: 1,
    date: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(round.startedAt)),
    meetingMinutes: round.settings.meetingMinutes,
    minutesPerItem: round.minutesPerItem,
    presenters: round.turns.length,
    casesConsulted: s.consulted.cases,
    topicsConsulted: s.consulted.topics,
    casesDeferred: s.deferred.cases,
    topicsDeferred: s.deferred.topics,
    itemsSkipped: s.skipped.cases + s.skipped.topics,
    itemsNotReached: s.notReached.cases + s.notReached.topics,
    services: SERVICES.filter((id) => brought.has(id)),
    itemsByService,
    roundMinutes: s.roundMinutes,
    overrunMinutes: s.overrunMinutes,
    turnMinutes: s.turns.filter((t) => t.status === 'done' || t.status === 'presenting').map((t) => t.actualMinutes ?? 0).sort((a, b) => a - b),
  };
}
