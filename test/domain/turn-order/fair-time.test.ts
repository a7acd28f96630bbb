import { applyAction, fairTime, Round, RoundAction, view } from '../../../bot/domain/turn-order';
import { MIN, ok, roundOf } from './round-fixtures';

// Default one-hour settings: the round must end at 55 min (60 - 5 closing); slots 5..20 min per item.
type Row = {
  name: string;
  answers: Array<[number, number]>;
  startMin?: number;
  events: Array<[number, RoundAction, string?]>;
  at: number;
  presenting?: string;
  currentSlotMin?: number;
  upcomingMin: number[];
  doesNotFit: Array<{ userId: string; cases: number; topics: number }>;
};

const rows: Row[] = [
  { name: 'plan: 50 min for 5 items is 10 min each', answers: [[2, 0], [2, 0], [1, 0]], events: [], at: 5, presenting: 'u0', currentSlotMin: 20, upcomingMin: [20, 10], doesNotFit: [] },
  { name: 'a late start shrinks every slot evenly', answers: [[2, 0], [2, 0], [1, 0]], startMin: 20, events: [], at: 20, presenting: 'u0', currentSlotMin: 14, upcomingMin: [14, 7], doesNotFit: [] },
  { name: 'finishing 10 min early spreads the spare per item', answers: [[2, 0], [2, 0], [1, 0]], events: [[15, 'finish', 'u0']], at: 15, presenting: 'u1', currentSlotMin: 26 + 2 / 3, upcomingMin: [13 + 1 / 3], doesNotFit: [] },
  { name: 'running 5 min over shrinks the rest evenly', answers: [[2, 0], [2, 0], [1, 0]], events: [[30, 'next']], at: 30, presenting: 'u1', currentSlotMin: 16 + 2 / 3, upcomingMin: [8 + 1 / 3], doesNotFit: [] },
  { name: 'an overrun still in progress already shrinks those waiting', answers: [[2, 0], [2, 0], [1, 0]], events: [], at: 30, presenting: 'u0', currentSlotMin: 20, upcomingMin: [16 + 2 / 3, 8 + 1 / 3], doesNotFit: [] },
  { name: 'a long overrun stops at the minimum and reports what no longer fits', answers: [[2, 0], [2, 0], [1, 0]], events: [[45, 'next']], at: 45, presenting: 'u1', currentSlotMin: 10, upcomingMin: [5], doesNotFit: [{ userId: 'u2', cases: 1, topics: 0 }] },
  { name: 'a topic gives way before a case', answers: [[1, 0], [1, 0], [1, 2]], events: [[40, 'next']], at: 40, presenting: 'u1', currentSlotMin: 5, upcomingMin: [15], doesNotFit: [{ userId: 'u2', cases: 0, topics: 1 }] },
  { name: 'a quiet meeting caps the slot at the maximum', answers: [[1, 0]], events: [], at: 5, presenting: 'u0', currentSlotMin: 20, upcomingMin: [], doesNotFit: [] },
  { name: 'a skipped presenter’s time goes to the others', answers: [[1, 0], [1, 0], [2, 0]], events: [[5, 'skip', 'u1']], at: 5, presenting: 'u0', currentSlotMin: 12.5, upcomingMin: [37.5], doesNotFit: [] },
  { name: 'deferring the current presenter starts the next with a fresh share', answers: [[1, 0], [1, 0]], events: [[7, 'defer', 'u0']], at: 7, presenting: 'u1', currentSlotMin: 20, upcomingMin: [], doesNotFit: [] },
  { name: '+2 min lengthens this turn and shortens the rest', answers: [[1, 0], [2, 0]], events: [[10, 'extend']], at: 10, presenting: 'u0', currentSlotMin: 50 / 3 + 2, upcomingMin: [55 - 5 - 50 / 3 - 2], doesNotFit: [] },
  { name: 'pause keeps the time left; the rest wait behind it', answers: [[1, 0], [1, 0]], events: [[10, 'pause'], [20, 'resume']], at: 20, presenting: 'u0', currentSlotMin: 20, upcomingMin: [20], doesNotFit: [] },
  { name: 'a pause that eats into the hour shrinks those waiting', answers: [[1, 0], [1, 0]], events: [[10, 'pause'], [30, 'resume']], at: 30, presenting: 'u0', currentSlotMin: 20, upcomingMin: [10], doesNotFit: [] },
];

function run(row: Row): Round {
  let round = roundOf(row.answers, row.startMin ?? 5);
  for (const [min, action, user] of row.events) round = ok(applyAction(round, action, min * MIN, user));
  return round;
}

describe('fair time', () => {
  it.each(rows.map((r) => [r.name, r]))('%s', (_name, row) => {
    const round = run(row);
    const now = row.at * MIN;
    const v = view(round, now);
    expect(v.current?.userId).toBe(row.presenting);
    expect(v.current?.slotSeconds).toBe(row.currentSlotMin === undefined ? undefined : Math.round(row.currentSlotMin * 60));
    expect(v.upcoming.map((p) => p.slotSeconds)).toEqual(row.upcomingMin.map((m) => Math.round(m * 60)));
    expect(v.doesNotFit).toEqual(row.doesNotFit);
  });

  it('never hands out more than the time left while everything fits', () => {
    const round = run(rows[2]);
    const plan = fairTime(round, 15 * MIN);
    expect(plan.slots.at(-1)!.endsAt).toBeLessThanOrEqual(round.roundEndAt);
    expect(plan.spareMs).toBeGreaterThanOrEqual(0);
  });
});
