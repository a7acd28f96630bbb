import fc from 'fast-check';
import { MIN_UPDATE_INTERVAL_MS, Round, RoundAction, TEAMS_LIMITS, applyAction, nextUpdateAt } from '../../../bot/domain/turn-order';
import { MIN, ok, roundOf } from './round-fixtures';

/** Posts the status card whenever nextUpdateAt says so, as the adapter's scheduler would; returns post times. */
function postsUntil(round: Round, from: number, until: number, last?: number): number[] {
  const posts: number[] = [];
  let lastPosted = last;
  for (;;) {
    const at = nextUpdateAt(round, from, lastPosted);
    if (at === undefined || at >= until) return posts;
    const postedAt = Math.max(at, from);
    posts.push(postedAt);
    lastPosted = postedAt;
  }
}

describe('status card cadence', () => {
  it('updates at turn start, each of the last five minutes, time up and each minute of overrun', () => {
    const round = roundOf([[1, 0], [1, 0]]); // u0 from 5 min, slot 20, deadline 25
    const posts = postsUntil(round, 5 * MIN, 27.5 * MIN).map((t) => t / MIN);
    expect(posts).toEqual([5, 20, 21, 22, 23, 24, 25, 26, 27]);
  });

  it('takes fewer warnings when configured and never updates a paused card twice', () => {
    let round = roundOf([[1, 0], [1, 0]]);
    expect(nextUpdateAt(round, 5 * MIN, 5 * MIN, { warnMinutes: 2 })).toBe(23 * MIN);
    round = ok(applyAction(round, 'pause', 10 * MIN));
    expect(nextUpdateAt(round, 10 * MIN, 6 * MIN)).toBe(10 * MIN);
    expect(nextUpdateAt(round, 40 * MIN, 10 * MIN)).toBeUndefined();
  });

  it('after a restart posts a missed moment once, not every one it missed', () => {
    const round = roundOf([[1, 0], [1, 0]]);
    // Last post at turn start; the server was down until 26.5 min.
    const posts = postsUntil(round, 26.5 * MIN, 28 * MIN, 5 * MIN).map((t) => t / MIN);
    expect(posts).toEqual([26.5, 27]);
  });

  it('holds a burst of chair actions back to one update per budget interval', () => {
    let round = roundOf([[1, 0], [1, 0], [1, 0], [1, 0]]);
    let last = 5 * MIN;
    round = ok(applyAction(round, 'next', 5 * MIN + 2000));
    expect(nextUpdateAt(round, 5 * MIN + 2000, last)).toBe(last + MIN_UPDATE_INTERVAL_MS);
    last = last + MIN_UPDATE_INTERVAL_MS;
    round = ok(applyAction(round, 'extend', last + 1000));
    expect(nextUpdateAt(round, last + 1000, last)).toBe(last + MIN_UPDATE_INTERVAL_MS);
  });

  it('never exceeds the Teams budget over a simulated hour of random chairing', () => {
    const actions: RoundAction[] = ['finish', 'next', 'pause', 'resume', 'extend', 'skip', 'defer', 'moveUp', 'next', 'next'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ afterMs: fc.integer({ min: 0, max: 8 * MIN }), action: fc.constantFrom(...actions), target: fc.integer({ min: 0, max: 7 }) }), { maxLength: 40 }),
        (answers, steps) => {
          let round = roundOf(answers);
          let now = 5 * MIN;
          const posts: number[] = [];
          const advanceTo = (until: number) => {
            const p = postsUntil(round, now, until, posts.at(-1));
            posts.push(...p);
          };
          for (const step of steps) {
            advanceTo(now + step.afterMs);
            now += step.afterMs;
            const result = applyAction(round, step.action, now, step.action === 'finish' ? round.turns[round.current ?? 0].userId : `u${step.target}`);
            if ('round' in result) round = result.round;
            if (now > 65 * MIN) break;
          }
          advanceTo(65 * MIN);
          for (let i = 1; i < posts.length; i += 1) expect(posts[i] - posts[i - 1]).toBeGreaterThanOrEqual(MIN_UPDATE_INTERVAL_MS);
          for (let i = 0; i < posts.length; i += 1) {
            expect(posts.filter((t) => t >= posts[i] && t < posts[i] + 30_000).length).toBeLessThanOrEqual(TEAMS_LIMITS.perConversationPer30Seconds / 20);
          }
          expect(posts.length).toBeLessThan(TEAMS_LIMITS.perConversationPerHour / 5);
        },
      ),
      { numRuns: 200 },
    );
  });
});
