import { IntakeState, answersInOrder } from './intake-state';
import { SERVICES, ServiceId } from './services';

/** What the card shows everyone: counts, never names of clients. */
export interface Tally {
  cases: number;
  topics: number;
  /** People who answered, including those with nothing to bring. */
  people: number;
  /** People who bring at least one case or topic. */
  presenters: number;
  /** Services represented, in the catalogue's order. */
  services: ServiceId[];
}

/** Sums the answers of one meeting. */
export function tally(state: IntakeState): Tally {
  const answers = answersInOrder(state);
  const represented = new Set(answers.map((a) => a.service));
  return {
    cases: answers.reduce((sum, a) => sum + a.cases, 0),
    topics: answers.reduce((sum, a) => sum + a.topics, 0),
    people: answers.length,
    presenters: answers.filter((a) => a.cases + a.topics > 0).length,
    services: SERVICES.filter((s) => represented.has(s)),
  };
}
