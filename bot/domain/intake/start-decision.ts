import { IntakeState } from './intake-state';

/** An intake older than this belongs to an earlier meeting; a start begins afresh. */
export const INTAKE_LIFETIME_MS = 6 * 60 * 60 * 1000;

/** What started the intake: Teams' meetingStart event or someone's `aloita` command. */
export type StartTrigger = 'event' | 'command';

/**
 * What a start does: `new` opens a fresh intake; `repost` shows the running one again when someone
 * asks; `reopen` reopens one closed by mistake in the same meeting, keeping its answers; `ignore`
 * drops a meetingStart that arrives after the chair already started by command.
 */
export function decideStart(existing: IntakeState | undefined, now: number, trigger: StartTrigger): 'new' | 'repost' | 'reopen' | 'ignore' {
  if (!existing || now - existing.openedAt > INTAKE_LIFETIME_MS) return 'new';
  if (trigger === 'event') return 'ignore';
  return existing.status === 'open' ? 'repost' : 'reopen';
}

/** Reopens a closed intake, answers kept. */
export function reopenIntake(state: IntakeState): IntakeState {
  const { closedAt: _closed, ...rest } = state;
  return { ...rest, status: 'open' };
}
