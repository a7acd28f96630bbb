import { DurableScheduler } from '../../../bot/adapters/scheduler/durable-scheduler';
import { defaultSettings } from '../../../bot/domain/intake';
import { Round, next, nextUpdateAt, startRound, view } from '../../../bot/domain/turn-order';
import { MemoryStateStore } from '../../helpers/memory-state-store';
import { closedIntake, MIN, ok } from '../../domain/turn-order/round-fixtures';

// The way the Teams adapter is meant to use the two parts: the round is stored, its deadline is a job.
function wire(store: MemoryStateStore, clock: { now: () => number }, changes: Array<[string, number]>) {
  const s = new DurableScheduler({ store, clock, pollIntervalMs: 1_000_000 });
  s.register<{ version: number }>('turn', async (job) => {
    const stored = await store.get<Round>(`round:${job.id}`);
    if (!stored || stored.value.version !== job.payload.version) return;
    const round = ok(next(stored.value, clock.now()));
    await store.put(`round:${job.id}`, round, stored.eTag);
    changes.push([round.turns[round.current!]?.userId ?? 'end', clock.now()]);
    if (round.deadline) await s.schedule('turn', job.id, round.deadline, { version: round.version });
  });
  return s;
}

describe('a round across a restart', () => {
  it('continues with the right time left and changes turn once, at the stored deadline', async () => {
    const store = new MemoryStateStore();
    const clock = { t: 0, now: () => clock.t };
    const changes: Array<[string, number]> = [];
    const first = wire(store, clock, changes);
    clock.t = 5 * MIN;
    const round = ok(startRound(closedIntake([[1, 0], [1, 0]]), defaultSettings(60), 0, clock.t));
    await store.put('round:m1', round);
    await first.schedule('turn', 'm1', round.deadline!, { version: round.version });
    await first.start();
    await first.stop(); // the process goes down mid-turn

    clock.t = 21 * MIN; // back up four minutes before the deadline (25 min)
    const second = wire(store, clock, changes);
    await second.start();
    const stored = (await store.get<Round>('round:m1'))!.value;
    expect(view(stored, clock.t).current).toMatchObject({ userId: 'u0', secondsLeft: 4 * 60 });
    expect(nextUpdateAt(stored, clock.t, 5 * MIN)).toBe(20 * MIN); // the missed five-minute warning: due now, once
    await second.tick();
    expect(changes).toEqual([]);
    clock.t = 25 * MIN;
    await Promise.all([second.tick(), second.tick()]);
    expect(changes).toEqual([['u1', 25 * MIN]]);
    await second.stop();
  });
});
