import { IntakeState, MeetingSettings, ServiceId, closeIntake, defaultSettings, openIntake, recordAnswer } from '../../../bot/domain/intake';
import { Round, RoundResult, startRound } from '../../../bot/domain/turn-order';

export const MIN = 60_000;

/** A closed intake where presenter i answered [cases, topics] in order, as users u0, u1, ... */
export function closedIntake(answers: Array<[number, number]>, services: ServiceId[] = ['kela']): IntakeState {
  let state = openIntake('m1', 0);
  answers.forEach(([cases, topics], i) => {
    const r = recordAnswer(state, `u${i}`, { cases: cases > 5 ? 'more' : cases, topics: topics > 5 ? 'more' : topics, service: services[i % services.length] }, i);
    if ('error' in r) throw new Error(r.error);
    state = r.state;
  });
  return closeIntake(state, 1);
}

/** Unwraps a transition result, failing the test with the error code. */
export function ok(result: RoundResult): Round {
  if ('error' in result) throw new Error(`unexpected ${result.error}`);
  return result.round;
}

/** A round of a meeting that started at 0, started `startMin` minutes in. */
export function roundOf(answers: Array<[number, number]>, startMin = 5, settings: MeetingSettings = defaultSettings(60)): Round {
  return ok(startRound(closedIntake(answers), settings, 0, startMin * MIN, 'chair'));
}
