import { defaultSettings } from '../../../bot/domain/intake';
import { applyAction, startRound, summarise, toStatsRecord } from '../../../bot/domain/turn-order';
import { MIN, closedIntake, ok } from './round-fixtures';

// 2026-03-02 08:00 UTC = 10:00 in Helsinki.
const T0 = Date.UTC(2026, 2, 2, 8, 0);

function playedRound() {
  const intake = closedIntake([[2, 0], [1, 1], [1, 0], [1, 0]], ['health_station', 'kela', 'oral_health', 'kela']);
  let round = ok(startRound(intake, defaultSettings(60), T0, T0 + 5 * MIN, 'chair'));
  round = ok(applyAction(round, 'pause', T0 + 10 * MIN));
  round = ok(applyAction(round, 'resume', T0 + 12 * MIN));
  round = ok(applyAction(round, 'finish', T0 + 25 * MIN, 'u0')); // 18 min presenting
  round = ok(applyAction(round, 'defer', T0 + 26 * MIN, 'u2'));
  round = ok(applyAction(round, 'next', T0 + 40 * MIN)); // u1: 25 -> 40 min
  round = ok(applyAction(round, 'end', T0 + 58 * MIN)); // u3 runs 3 min past the round end
  return round;
}

describe('round summary', () => {
  it('counts what was consulted, deferred and not reached and shows time against plan', () => {
    const s = summarise(playedRound(), T0 + 60 * MIN);
    expect(s.consulted).toEqual({ presenters: 3, cases: 4, topics: 1 });
    expect(s.deferred).toEqual({ presenters: 1, cases: 1, topics: 0 });
    expect(s.notReached).toEqual({ presenters: 0, cases: 0, topics: 0 });
    // 50 min / 6 items -> 8 min per item.
    expect(s.turns.map((t) => [t.userId, t.status, t.plannedMinutes, t.actualMinutes])).toEqual([
      ['u0', 'done', 16, 18],
      ['u1', 'done', 16, 15],
      ['u2', 'deferred', 8, undefined],
      ['u3', 'done', 8, 18],
    ]);
    expect(s.roundMinutes).toBe(53);
    expect(s.overrunMinutes).toBe(3);
  });

  it('gives a running round’s summary when the meeting ends mid-turn, without counting the pause', () => {
    let round = ok(startRound(closedIntake([[1, 0], [1, 0]]), defaultSettings(60), T0, T0 + 5 * MIN));
    round = ok(applyAction(round, 'pause', T0 + 8 * MIN));
    const s = summarise(round, T0 + 20 * MIN);
    expect(s.turns[0].actualMinutes).toBe(3);
    expect(s.notReached).toEqual({ presenters: 1, cases: 1, topics: 0 });
  });

  it('keeps anonymous statistics: counts, services and durations, no people or meeting ids', () => {
    const record = toStatsRecord(playedRound(), T0 + 60 * MIN);
    expect(record).toMatchObject({
      date: '2026-03-02',
      presenters: 4,
      casesConsulted: 4,
      topicsConsulted: 1,
      casesDeferred: 1,
      services: ['health_station', 'oral_health', 'kela'],
      itemsByService: { health_station: 2, kela: 3 },
      turnMinutes: [15, 18, 18],
      overrunMinutes: 3,
    });
    const text = JSON.stringify(record);
    for (const id of ['u0', 'u1', 'u2', 'u3', 'chair', 'm1']) expect(text).not.toContain(`"${id}"`);
  });

  it('files a meeting under the Helsinki day even when it is still the day before in UTC', () => {
    const lateUtc = Date.UTC(2026, 0, 31, 22, 30); // 00:30 on 1 February in Helsinki
    const round = ok(startRound(closedIntake([[1, 0]]), defaultSettings(60), lateUtc, lateUtc));
    expect(toStatsRecord(round, lateUtc).date).toBe('2026-02-01');
  });
});
