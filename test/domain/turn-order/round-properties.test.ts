import fc from 'fast-check';
import { MeetingSettings, invalidSetting } from '../../../bot/domain/intake';
import { Round, RoundAction, applyAction, fairTime, itemsOf, nextUpdateAt, startRound, summarise, view } from '../../../bot/domain/turn-order';
import { MIN, closedIntake } from './round-fixtures';

const ACTIONS: RoundAction[] = ['finish', 'next', 'pause', 'resume', 'extend', 'skip', 'defer', 'moveUp', 'moveDown', 'end'];

const settingsArb: fc.Arbitrary<MeetingSettings> = fc
  .record({
    meetingMinutes: fc.integer({ min: 30, max: 120 }),
    openingMinutes: fc.integer({ min: 0, max: 10 }),
    closingMinutes: fc.integer({ min: 0, max: 10 }),
    minSlotMinutes: fc.integer({ min: 1, max: 8 }),
    targetExtra: fc.integer({ min: 0, max: 10 }),
    maxExtra: fc.integer({ min: 0, max: 20 }),
  })
  .map((r) => ({
    meetingMinutes: r.meetingMinutes,
    openingMinutes: r.openingMinutes,
    closingMinutes: r.closingMinutes,
    minSlotMinutes: r.minSlotMinutes,
    targetSlotMinutes: r.minSlotMinutes + r.targetExtra,
    maxSlotMinutes: r.minSlotMinutes + r.targetExtra + r.maxExtra,
  }))
  .filter((s) => invalidSetting(s) === undefined);

const scenarioArb = fc.record({
  settings: settingsArb,
  answers: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 9 }),
  lateStartMs: fc.integer({ min: 0, max: 20 * MIN }),
  steps: fc.array(
    fc.record({ afterMs: fc.integer({ min: 0, max: 15 * MIN }), action: fc.constantFrom(...ACTIONS), target: fc.integer({ min: -1, max: 9 }) }),
    { maxLength: 30 },
  ),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Runs a scenario, calling `check` on every round it passes through. */
function play(sc: Scenario, check: (round: Round, now: number, prev?: Round) => void): void {
  const intake = closedIntake(sc.answers);
  let now = sc.settings.openingMinutes * MIN + sc.lateStartMs;
  const started = startRound(intake, sc.settings, 0, now);
  if ('error' in started) {
    expect(started.error).toBe('no_presenters');
    return;
  }
  let round = started.round;
  check(round, now);
  for (const step of sc.steps) {
    now += step.afterMs;
    check(round, now);
    const target = step.target < 0 ? '' : `u${step.target}`;
    const result = applyAction(round, step.action, now, target);
    if ('round' in result) {
      check(result.round, now, round);
      round = result.round;
    }
  }
}

const runs = { numRuns: 300 };

describe('round properties', () => {
  it('never plans past the round end while everything fits, and time is conserved', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) =>
        play(sc, (round, now) => {
          const plan = fairTime(round, now);
          const used = plan.slots.reduce((ms, s) => ms + s.slotMs, 0);
          expect(used + plan.spareMs).toBe(plan.availableMs);
          expect(plan.availableMs).toBe(round.roundEndAt - plan.nextStartAt);
          expect(plan.perItemMs).toBeGreaterThanOrEqual(round.settings.minSlotMinutes * MIN);
          expect(plan.perItemMs).toBeLessThanOrEqual(round.settings.maxSlotMinutes * MIN);
          const items = plan.slots.reduce((n, s) => n + s.items, 0);
          if (plan.doesNotFit.length === 0 && plan.slots.length > 0) {
            expect(plan.spareMs).toBeGreaterThanOrEqual(0);
            for (const s of plan.slots) expect(s.endsAt).toBeLessThanOrEqual(round.roundEndAt);
          }
          if (items > 0 && plan.availableMs >= items * round.settings.minSlotMinutes * MIN) expect(plan.doesNotFit).toEqual([]);
          if (plan.doesNotFit.length > 0) expect(plan.slots.at(-1)!.endsAt).toBeGreaterThan(round.roundEndAt);
        }),
      ),
      runs,
    );
  });

  it('no transition throws, items are never lost and deadlines only move forward', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) =>
        play(sc, (round, now, prev) => {
          const total = sc.answers.reduce((n, [c, t]) => n + c + t, 0);
          expect(round.turns.reduce((n, t) => n + itemsOf(t), 0)).toBe(total);
          expect(round.turns.filter((t) => t.status === 'presenting').length).toBe(round.current === undefined ? 0 : 1);
          view(round, now);
          summarise(round, now);
          if (round.phase === 'running') expect(round.deadline).toBeGreaterThanOrEqual(round.turns[round.current!].startedAt!);
          if (!prev) return;
          const starts = round.turns.filter((t) => t.startedAt !== undefined).map((t) => t.startedAt!);
          expect(Math.max(...starts)).toBeLessThanOrEqual(now);
          const sameTurn = prev.current !== undefined && prev.current === round.current && prev.turns[prev.current].userId === round.turns[round.current].userId;
          if (sameTurn && prev.phase === 'running' && round.phase === 'running') expect(round.deadline!).toBeGreaterThanOrEqual(prev.deadline!);
          if (prev.current !== round.current && round.phase === 'running') expect(round.deadline!).toBeGreaterThan(now);
          expect(round.version).toBe(prev.version + 1);
        }),
      ),
      runs,
    );
  });

  it('the next card update is never in the past of the last one and never sooner than the budget', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 30 * MIN }), (sc, sinceMs) =>
        play(sc, (round, now) => {
          const last = now - sinceMs;
          const at = nextUpdateAt(round, now, last);
          if (at !== undefined) expect(at).toBeGreaterThanOrEqual(last + 10_000);
        }),
      ),
      runs,
    );
  });
});
