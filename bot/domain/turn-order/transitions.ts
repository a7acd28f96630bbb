import { IntakeState, MeetingSettings, answersInOrder, invalidSetting, planTime } from '../intake';
import { fairTime } from './fair-time';
import { EXTEND_MS, MINUTE_MS, Round, RoundAction, RoundResult, Turn, itemsOf } from './round-state';

function bump(round: Round, now: number, changes: Partial<Round>): RoundResult {
  return { round: { ...round, ...changes, version: round.version + 1, changedAt: now } };
}

function replaceTurn(turns: Turn[], index: number, changes: Partial<Turn>): Turn[] {
  return turns.map((t, i) => (i === index ? { ...t, ...changes } : t));
}

/** Closes the current turn with `status` (paused time is excluded from its actual). */
function closeCurrent(round: Round, now: number, status: Turn['status']): Turn[] {
  if (round.current === undefined) return round.turns;
  const turn = round.turns[round.current];
  const pausedMs = turn.pausedMs + (round.phase === 'paused' && round.pausedAt !== undefined ? now - round.pausedAt : 0);
  return replaceTurn(round.turns, round.current, { status, endedAt: now, pausedMs });
}

/** Starts the first waiting turn with its fair-time slot, or ends the round when nobody waits. */
function startNext(round: Round, turns: Turn[], now: number): RoundResult {
  const base: Round = { ...round, turns, current: undefined, deadline: undefined, pausedAt: undefined, remainingMs: undefined, phase: 'running' };
  const index = turns.findIndex((t) => t.status === 'waiting');
  if (index < 0) return bump(base, now, { phase: 'ended', endedAt: now });
  const slotMs = fairTime(base, now).slots[0].slotMs;
  return bump(base, now, {
    turns: replaceTurn(turns, index, { status: 'presenting', startedAt: now, slotMs }),
    current: index,
    deadline: now + slotMs,
  });
}

/**
 * Builds the running order from a closed intake and starts the first turn. Presenters come in the
 * order they answered; people with nothing to bring are left out. `meetingStartAt` fixes the round
 * end, so a late start shrinks the slots instead of running past the hour.
 */
export function startRound(
  intake: IntakeState,
  settings: MeetingSettings,
  meetingStartAt: number,
  now: number,
  startedBy?: string,
): RoundResult {
  if (intake.status !== 'closed') return { error: 'intake_open' };
  if (invalidSetting(settings)) return { error: 'invalid_settings' };
  const plan = planTime(intake, settings);
  const turns: Turn[] = answersInOrder(intake)
    .filter((a) => a.cases + a.topics > 0)
    .map((a) => ({
      userId: a.userId,
      service: a.service,
      cases: a.cases,
      topics: a.topics,
      plannedMs: itemsOf(a) * plan.minutesPerItem * MINUTE_MS,
      status: 'waiting',
      pausedMs: 0,
      extendedMs: 0,
    }));
  if (turns.length === 0) return { error: 'no_presenters' };
  const round: Round = {
    meetingId: intake.meetingId,
    startedBy,
    settings,
    minutesPerItem: plan.minutesPerItem,
    meetingStartAt,
    roundEndAt: meetingStartAt + (settings.meetingMinutes - settings.closingMinutes) * MINUTE_MS,
    phase: 'running',
    turns,
    startedAt: now,
    version: 0,
    changedAt: now,
  };
  return startNext(round, turns, now);
}

/** The presenter's own Done: their turn ends and the next one starts. */
export function finishTurn(round: Round, now: number, userId: string): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  if (round.current === undefined || round.turns[round.current].userId !== userId) return { error: 'not_presenter' };
  return startNext(round, closeCurrent(round, now, 'done'), now);
}

/** The chair moves on: the current turn counts as consulted and the next one starts. */
export function next(round: Round, now: number): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  return startNext(round, closeCurrent(round, now, 'done'), now);
}

/** Stops the clock; the time left is kept for resume. */
export function pause(round: Round, now: number): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  if (round.phase === 'paused') return { error: 'paused' };
  return bump(round, now, { phase: 'paused', pausedAt: now, remainingMs: (round.deadline ?? now) - now, deadline: undefined });
}

/** Restarts the clock with the time that was left at pause. */
export function resume(round: Round, now: number): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  if (round.phase !== 'paused' || round.current === undefined) return { error: 'not_paused' };
  const turn = round.turns[round.current];
  return bump(round, now, {
    phase: 'running',
    turns: replaceTurn(round.turns, round.current, { pausedMs: turn.pausedMs + now - (round.pausedAt ?? now) }),
    deadline: now + (round.remainingMs ?? 0),
    pausedAt: undefined,
    remainingMs: undefined,
  });
}

/** +2 min for the current presenter; an overrun restarts from now, so the extra time is real. */
export function extend(round: Round, now: number): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  if (round.current === undefined) return { error: 'not_presenter' };
  const turn = round.turns[round.current];
  const turns = replaceTurn(round.turns, round.current, { slotMs: (turn.slotMs ?? 0) + EXTEND_MS, extendedMs: turn.extendedMs + EXTEND_MS });
  if (round.phase === 'paused') return bump(round, now, { turns, remainingMs: Math.max(0, round.remainingMs ?? 0) + EXTEND_MS });
  return bump(round, now, { turns, deadline: Math.max(round.deadline ?? now, now) + EXTEND_MS });
}

function setAside(round: Round, now: number, userId: string, status: 'skipped' | 'deferred'): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  const index = userId ? round.turns.findIndex((t) => t.userId === userId) : (round.current ?? -1);
  if (index < 0) return { error: 'unknown_presenter' };
  if (index === round.current) return startNext(round, closeCurrent(round, now, status), now);
  if (round.turns[index].status !== 'waiting') return { error: 'not_waiting' };
  return bump(round, now, { turns: replaceTurn(round.turns, index, { status }) });
}

/** Passes over a presenter (e.g. absent) in this round; their time goes to the others. Empty id: the current one. */
export function skip(round: Round, now: number, userId: string): RoundResult {
  return setAside(round, now, userId, 'skipped');
}

/** Moves a presenter's cases to the next meeting; their time goes to the others. Empty id: the current one. */
export function defer(round: Round, now: number, userId: string): RoundResult {
  return setAside(round, now, userId, 'deferred');
}

function move(round: Round, now: number, userId: string, direction: -1 | 1): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  const index = round.turns.findIndex((t) => t.userId === userId);
  if (index < 0) return { error: 'unknown_presenter' };
  if (round.turns[index].status !== 'waiting') return { error: 'not_waiting' };
  let other = index + direction;
  while (other >= 0 && other < round.turns.length && round.turns[other].status !== 'waiting') other += direction;
  if (other < 0 || other >= round.turns.length) return { error: direction < 0 ? 'first_in_line' : 'last_in_line' };
  const turns = [...round.turns];
  [turns[index], turns[other]] = [turns[other], turns[index]];
  return bump(round, now, { turns, current: round.current });
}

/** Moves a waiting presenter one place earlier among those waiting. */
export function moveUp(round: Round, now: number, userId: string): RoundResult {
  return move(round, now, userId, -1);
}

/** Moves a waiting presenter one place later among those waiting. */
export function moveDown(round: Round, now: number, userId: string): RoundResult {
  return move(round, now, userId, 1);
}

/** Ends the round; the current presenter counts as consulted, whoever still waits as not reached. */
export function endRound(round: Round, now: number): RoundResult {
  if (round.phase === 'ended') return { error: 'round_ended' };
  return bump(round, now, {
    turns: closeCurrent(round, now, 'done'),
    phase: 'ended',
    endedAt: now,
    current: undefined,
    deadline: undefined,
    pausedAt: undefined,
    remainingMs: undefined,
  });
}

/**
 * One entry point for card buttons and commands, so the adapter is a lookup. `userId` is the
 * presenter pressing Done for "finish", and the presenter acted on for skip/defer/moveUp/moveDown.
 */
export function applyAction(round: Round, action: RoundAction, now: number, userId = ''): RoundResult {
  switch (action) {
    case 'finish':
      return finishTurn(round, now, userId);
    case 'next':
      return next(round, now);
    case 'pause':
      return pause(round, now);
    case 'resume':
      return resume(round, now);
    case 'extend':
      return extend(round, now);
    case 'skip':
      return skip(round, now, userId);
    case 'defer':
      return defer(round, now, userId);
    case 'moveUp':
      return moveUp(round, now, userId);
    case 'moveDown':
      return moveDown(round, now, userId);
    case 'end':
      return endRound(round, now);
  }
}
