import { caseNumber, parseShareCase, MAX_DESCRIPTION } from '../../../bot/domain/meeting-screening';
import { openIntake, recordAnswer, IntakeState } from '../../../bot/domain/intake';

function intakeWith(answers: Array<[string, number, number]>): IntakeState {
  let state = openIntake('m', 0);
  for (const [user, cases, topics] of answers) {
    const r = recordAnswer(state, user, { cases: String(cases), topics: String(topics), service: 'kela' }, 1);
    if ('error' in r) throw new Error(r.error);
    state = r.state;
  }
  return state;
}

describe('parseShareCase', () => {
  const ok = { kind: 'regional', service: 'kela', description: ' Kuvaus\r\nrivi 2 ', question: 'Kysymys?' };
  it('accepts a complete form and normalises line ends and edges', () => {
    expect(parseShareCase(ok)).toEqual({ input: { kind: 'regional', service: 'kela', description: 'Kuvaus\nrivi 2', question: 'Kysymys?' } });
  });
  it.each([
    [{ ...ok, kind: 'gossip' }, 'kind'],
    [{ ...ok, service: 'x' }, 'service'],
    [{ ...ok, description: '   ' }, 'description'],
    [{ ...ok, question: undefined }, 'question'],
    [{ ...ok, description: 'a'.repeat(MAX_DESCRIPTION + 1) }, 'too_long'],
  ])('refuses %j with %s', (data, error) => {
    expect(parseShareCase(data as Record<string, unknown>)).toEqual({ error });
  });
});

describe('caseNumber', () => {
  const intake = intakeWith([['a', 2, 0], ['b', 1, 1], ['c', 3, 0]]);
  it('places each presenter\'s cases after those who answered before them', () => {
    expect(caseNumber(intake, 'a', 0)).toEqual({ n: 1, of: 7 });
    expect(caseNumber(intake, 'a', 1)).toEqual({ n: 2, of: 7 });
    expect(caseNumber(intake, 'b', 0)).toEqual({ n: 3, of: 7 });
    expect(caseNumber(intake, 'c', 2)).toEqual({ n: 7, of: 7 });
  });
  it('puts cases beyond the announced ones after everyone\'s', () => {
    expect(caseNumber(intake, 'b', 2)).toEqual({ n: 8, of: 8 });
  });
  it('gives no number without intake or an answer', () => {
    expect(caseNumber(undefined, 'a', 0)).toBeUndefined();
    expect(caseNumber(intake, 'nobody', 0)).toBeUndefined();
    expect(caseNumber(intake, undefined, 0)).toBeUndefined();
  });
});
