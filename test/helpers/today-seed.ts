/** Seeds a meeting's intake (three presenters, one of them the member) and optionally its round. */
import { MeetingRepository } from '../../bot/adapters/repositories/meeting-repository';
import { RoundRepository } from '../../bot/adapters/repositories/round-repository';
import { closeIntake, defaultSettings, openIntake, recordAnswer } from '../../bot/domain/intake';
import type { IntakeState } from '../../bot/domain/intake';
import { startRound } from '../../bot/domain/turn-order';
import type { Round } from '../../bot/domain/turn-order';
import type { StateStore } from '../../bot/domain/ports';
import { MEMBER_OID, TENANT } from './sso-test-keys';

/** Presenters in answer order; the member answers second. */
export const PRESENTERS = [
  { userId: 'cccccccc-0000-0000-0000-000000000003', cases: 2, topics: 0, service: 'health_station' },
  { userId: MEMBER_OID, cases: 1, topics: 1, service: 'kela' },
  { userId: 'dddddddd-0000-0000-0000-000000000004', cases: 1, topics: 0, service: 'youth_social' },
] as const;

function answer(state: IntakeState, p: (typeof PRESENTERS)[number], now: number): IntakeState {
  const result = recordAnswer(state, p.userId, { cases: p.cases, topics: p.topics, service: p.service }, now);
  if ('error' in result) throw new Error(result.error);
  return result.state;
}

/** Writes the meeting record (intake closed when `round` is wanted) and, with `round`, starts the round at `now`. */
export async function seedMeeting(store: StateStore, meetingId: string, now: number, opts: { round?: boolean; tenantId?: string } = {}): Promise<Round | undefined> {
  let intake = PRESENTERS.reduce((s, p) => answer(s, p, now), openIntake(meetingId, now - 60_000));
  if (opts.round) intake = closeIntake(intake, now);
  await new MeetingRepository(store).update(meetingId, () => ({
    meetingId, lang: 'fi', intake, version: 0,
    address: { serviceUrl: 'https://smba.example/', conversationId: `19:chat-${meetingId}`, tenantId: opts.tenantId ?? TENANT, botId: 'bot' },
  }));
  if (!opts.round) return undefined;
  const started = startRound(intake, defaultSettings(60), now - 5 * 60_000, now);
  if ('error' in started) throw new Error(started.error);
  await new RoundRepository(store).update(meetingId, () => ({ round: started.round }));
  return started.round;
}
