import { IntakeState } from './intake-state';

/** An intake older than this belongs to an earlier meeting; a start begins afresh. */
export const INTAKE_LIFETIME_MS = 6 * 60 * 60 * 1000;

/**
 * What a start (meetingStart event or the `aloita` command) does: `new` opens a fresh intake,
 * `repost` shows the running one again (the event and the command often both arrive), `reopen`
 * reopens one closed by mistake in the same meeting, keeping its answers.
 */
export function decideStart(existing: IntakeState | undefined, now: number): 'new' | 'repost' | 'reopen' {
  if (!existing || now - existing.openedAt > INTAKE_LIFETIME_MS) return 'new';
  return existing.status === 'open' ? 'repost' : 'reopen';
}

/** Reopens a closed intake, answers kept. */
export function reopenIntake(state: IntakeState): IntakeState {
  const { closedAt: _closed, ...rest } = state;
  return { ...rest, status: 'open' };
}
