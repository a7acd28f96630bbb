import { AnswerInput, closeIntake, decideStart, defaultSettings, invalidSetting, IntakeState, openIntake, planTime, recordAnswer, tally } from '../../../bot/domain/intake';

function withAnswers(answers: Array<[string, AnswerInput]>): IntakeState {
  let state = openIntake('m1', 0);
  answers.forEach(([user, input], i) => {
    const result = recordAnswer(state, user, input, i);
    if ('error' in result) throw new Error(result.error);
    state = result.state;
  });
  return state;
}

describe('intake answers', () => {
  it('counts a person once and keeps their place when they change the answer', () => {
    const state = withAnswers([
      ['a', { cases: 2, service: 'kela' }],
      ['b', { cases: 1, topics: 1, service: 'oral_health' }],
      ['a', { cases: 3, service: 'health_station' }],
    ]);
    expect(tally(state)).toEqual({ cases: 4, topics: 1, people: 2, presenters: 2, services: ['health_station', 'oral_health'] });
    expect(state.answers.a.seq).toBe(1);
    expect(state.answers.b.seq).toBe(2);
  });

  it.each([
    [{ cases: 7, service: 'kela' }, 'invalid_cases'],
    [{ cases: -1, service: 'kela' }, 'invalid_cases'],
    [{ cases: '2; drop', service: 'kela' }, 'invalid_cases'],
    [{ cases: undefined, service: 'kela' }, 'invalid_cases'],
    [{ cases: 1, topics: 'x', service: 'kela' }, 'invalid_topics'],
    [{ cases: 1, service: 'hospital' }, 'invalid_service'],
  ])('refuses %j with %s and keeps the old state', (input, error) => {
    const state = withAnswers([['a', { cases: 1, service: 'kela' }]]);
    expect(recordAnswer(state, 'a', input as AnswerInput, 9)).toEqual({ error });
    expect(state.answers.a.cases).toBe(1);
  });

  it('records "more" as more than five and refuses answers after closing', () => {
    const state = withAnswers([['a', { cases: 'more', service: 'other' }]]);
    expect(state.answers.a.cases).toBe(6);
    expect(recordAnswer(closeIntake(state, 5), 'b', { cases: 1, service: 'kela' }, 6)).toEqual({ error: 'intake_closed' });
  });
});

describe('time plan', () => {
  const s = defaultSettings(60); // 50 minutes after 5 + 5 buffers; target 10, minimum 5

  it.each([
    [[], 'empty', 0, 0],
    [[2, 2], 'fits', 12, 0], // 50/4 = 12.5 -> 12
    [[1], 'fits', 20, 0], // capped at the maximum slot
    [[3, 3, 2], 'tight', 6, 0], // 50/8 = 6.25
    [[5, 5, 3], 'over', 5, 3], // 13 items, 10 fit at 5 min
  ])('cases %j -> %s, %i min per case, %i deferred', (cases, status, per, deferred) => {
    const state = withAnswers((cases as number[]).map((c, i) => [`u${i}`, { cases: c, service: 'kela' }]));
    const plan = planTime(state, s);
    expect(plan.status).toBe(status);
    expect(plan.minutesPerItem).toBe(per);
    expect(plan.deferrals.reduce((n, d) => n + d.cases + d.topics, 0)).toBe(deferred);
    expect(plan.itemsThatFit * plan.minutesPerItem).toBeLessThanOrEqual(plan.availableMinutes);
  });

  it('defers topics before client cases, then from whoever brings most', () => {
    const state = withAnswers([
      ['a', { cases: 5, service: 'kela' }],
      ['b', { cases: 4, topics: 1, service: 'disability' }],
      ['c', { cases: 3, service: 'other' }],
    ]);
    const plan = planTime(state, s); // 13 items, 10 fit
    expect(plan.deferrals).toEqual([
      { userId: 'a', cases: 1, topics: 0 },
      { userId: 'b', cases: 1, topics: 1 },
    ]);
  });

  it('follows a centre\'s own meeting length', () => {
    const state = withAnswers([['a', { cases: 4, service: 'kela' }]]);
    expect(planTime(state, defaultSettings(90)).minutesPerItem).toBe(20);
    expect(planTime(state, defaultSettings(30)).status).toBe('tight');
  });

  it('rejects incoherent settings by field', () => {
    expect(invalidSetting(s)).toBeUndefined();
    expect(invalidSetting({ ...s, meetingMinutes: 10 })).toBe('meetingMinutes');
    expect(invalidSetting({ ...s, targetSlotMinutes: 2 })).toBe('targetSlotMinutes');
  });
});

describe('starting an intake', () => {
  const hour = 60 * 60 * 1000;
  it.each([
    [undefined, 0, 'event', 'new'],
    [undefined, 0, 'command', 'new'],
    ['open', 1000, 'event', 'ignore'],
    ['open', 1000, 'command', 'repost'],
    ['closed', 1000, 'command', 'reopen'],
    ['closed', 7 * hour, 'event', 'new'],
    ['open', 7 * hour, 'command', 'new'],
  ] as const)('existing %s, %i ms later, by %s -> %s', (status, later, trigger, expected) => {
    const existing = status ? { ...openIntake('m', 0), status } : undefined;
    expect(decideStart(existing, later, trigger)).toBe(expected);
  });
});
