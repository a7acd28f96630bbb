import { ServiceId, isServiceId } from './services';

/** The highest exact count on the card; "more" is recorded as this plus one. */
export const MAX_LISTED_CASES = 5;
/** What "more than five" counts as in the time plan. */
export const MORE_CASES_VALUE = MAX_LISTED_CASES + 1;

/** One participant's answer: counts and a service, nothing else (no free text). */
export interface IntakeAnswer {
  cases: number;
  /** Phenomena and regional-cooperation topics together. */
  topics: number;
  service: ServiceId;
  /** Order of first answer; a changed answer keeps its place. */
  seq: number;
  answeredAt: number;
}

/** Per-meeting intake. Keyed by the meeting id; holds ids and counts only. */
export interface IntakeState {
  meetingId: string;
  status: 'open' | 'closed';
  openedAt: number;
  closedAt?: number;
  /** Entra object id of whoever opened intake (counts as chair for closing it). */
  openedBy?: string;
  answers: Record<string, IntakeAnswer>;
  nextSeq: number;
}

/** A raw answer as submitted from the card, before validation. */
export interface AnswerInput {
  cases: unknown;
  topics?: unknown;
  service: unknown;
}

/** Why an answer was refused; the handler turns it into a localised message. */
export type AnswerError = 'intake_closed' | 'invalid_cases' | 'invalid_topics' | 'invalid_service';

/** Starts a fresh intake for a meeting. */
export function openIntake(meetingId: string, now: number, openedBy?: string): IntakeState {
  return { meetingId, status: 'open', openedAt: now, openedBy, answers: {}, nextSeq: 1 };
}

function parseCount(value: unknown, allowMore: boolean): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (allowMore && value === 'more') return MORE_CASES_VALUE;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_LISTED_CASES) return NaN;
  return n;
}

/**
 * Records or replaces one person's answer. Returns the new state, or an error code; the input state
 * is never mutated, so a refused answer loses nothing.
 */
export function recordAnswer(
  state: IntakeState,
  userId: string,
  input: AnswerInput,
  now: number,
): { state: IntakeState } | { error: AnswerError } {
  if (state.status !== 'open') return { error: 'intake_closed' };
  const cases = parseCount(input.cases, true);
  if (cases === undefined || Number.isNaN(cases)) return { error: 'invalid_cases' };
  const topics = parseCount(input.topics, true) ?? 0;
  if (Number.isNaN(topics)) return { error: 'invalid_topics' };
  if (!isServiceId(input.service)) return { error: 'invalid_service' };
  const previous = state.answers[userId];
  const answer: IntakeAnswer = {
    cases,
    topics,
    service: input.service,
    seq: previous?.seq ?? state.nextSeq,
    answeredAt: now,
  };
  return {
    state: {
      ...state,
      answers: { ...state.answers, [userId]: answer },
      nextSeq: previous ? state.nextSeq : state.nextSeq + 1,
    },
  };
}

/** Closes intake; closing twice is harmless. */
export function closeIntake(state: IntakeState, now: number): IntakeState {
  return state.status === 'closed' ? state : { ...state, status: 'closed', closedAt: now };
}

/** Answers in the order people first answered (the default running order). */
export function answersInOrder(state: IntakeState): Array<{ userId: string } & IntakeAnswer> {
  return Object.entries(state.answers)
    .map(([userId, a]) => ({ userId, ...a }))
    .sort((a, b) => a.seq - b.seq);
}
