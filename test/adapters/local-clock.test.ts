/**
 * The local clock: processes given one anchor agree on the time, and it runs at the given speed.
 */
import { localClock } from '../../bot/adapters/local-clock';

const START = Date.parse('2026-11-12T09:40:00Z');

it('reads the start instant at the anchor and runs speed times real time', () => {
  let real = 1_000_000;
  const clock = localClock({ startsAt: START, anchorMs: 999_000, speed: 60 }, () => real);
  expect(clock.now()).toBe(START + 60_000);
  real += 500;
  expect(clock.now()).toBe(START + 90_000);
});

it('gives two processes started at different moments with one anchor the same time', () => {
  let real = 5_000;
  const first = localClock({ startsAt: START, anchorMs: 5_000, speed: 60 }, () => real);
  real = 7_000;
  const second = localClock({ startsAt: START, anchorMs: 5_000, speed: 60 }, () => real);
  expect(second.now()).toBe(first.now());
  expect(first.now()).toBe(START + 120_000);
});

it('anchors at its own creation without an anchor', () => {
  let real = 42_000;
  const clock = localClock({ startsAt: START, speed: 2 }, () => real);
  real += 1_000;
  expect(clock.now()).toBe(START + 2_000);
});
