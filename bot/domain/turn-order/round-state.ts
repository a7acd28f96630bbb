import { MeetingSettings, ServiceId } from '../intake';

/** Where one presenter is in the round. */
export type TurnStatus = 'waiting' | 'presenting' | 'done' | 'skipped' | 'deferred';

/** One presenter's turn: counts and a service, never client text. */
export interface Turn {
  /** Entra object id of the presenter (a professional, not a client). */
  userId: string;
  service: ServiceId;
  cases: number;
  topics: number;
  /** The time plan's slot: items x minutesPerItem. Kept for the summary; live slots come from fair time. */
  plannedMs: number;
  status: TurnStatus;
  /** Slot granted when the turn started, including +2 min extensions. */
  slotMs?: number;
  startedAt?: number;
  endedAt?: number;
  /** Time the turn spent paused; excluded from the actual. */
  pausedMs: number;
  extendedMs: number;
}

/** The running order of one meeting. All times are absolute ms since the epoch. */
export interface Round {
  meetingId: string;
  /** Whoever started the round; the adapter treats them as chair. */
  startedBy?: string;
  settings: MeetingSettings;
  minutesPerItem: number;
  meetingStartAt: number;
  /** meetingStartAt + meetingMinutes - closingMinutes: the round must finish by then. */
  roundEndAt: number;
  phase: 'running' | 'paused' | 'ended';
  turns: Turn[];
  /** Index into turns of the presenter now presenting. */
  current?: number;
  /** When the current turn's slot runs out (absent while paused). */
  deadline?: number;
  pausedAt?: number;
  /** Slot time left when paused (negative when paused during overrun). */
  remainingMs?: number;
  startedAt: number;
  endedAt?: number;
  /** Bumped by every transition, so a scheduled job can tell it is stale. */
  version: number;
  /** When the last transition happened: the card shows a change, so it is an update moment. */
  changedAt: number;
}

/** Why a transition was refused; the handler turns it into a localised message. */
export type RoundError =
  | 'intake_open'
  | 'invalid_settings'
  | 'no_presenters'
  | 'round_ended'
  | 'paused'
  | 'not_paused'
  | 'not_presenter'
  | 'unknown_presenter'
  | 'not_waiting'
  | 'first_in_line'
  | 'last_in_line';

/** Either the new round or why nothing changed; the input round is never mutated. */
export type RoundResult = { round: Round } | { error: RoundError };

/** What a card button or command can ask the round to do. */
export type RoundAction = 'finish' | 'next' | 'pause' | 'resume' | 'extend' | 'skip' | 'defer' | 'moveUp' | 'moveDown' | 'end';

const CHAIR_ACTIONS: ReadonlySet<RoundAction> = new Set(['next', 'pause', 'resume', 'extend', 'skip', 'defer', 'moveUp', 'moveDown', 'end']);

/**
 * Whether only the chair may do this. Deciding who the chair is needs Teams (meeting roles), so it
 * stays in the adapter; "finish" is the presenter's own Done button.
 */
export function isChairAction(action: RoundAction): boolean {
  return CHAIR_ACTIONS.has(action);
}

/** Cases plus topics: what a slot is measured in. */
export function itemsOf(turn: Pick<Turn, 'cases' | 'topics'>): number {
  return turn.cases + turn.topics;
}

export const MINUTE_MS = 60_000;
/** What the +2 min button adds. */
export const EXTEND_MS = 2 * MINUTE_MS;
