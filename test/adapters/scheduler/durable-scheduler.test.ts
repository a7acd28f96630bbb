import { DueJob, DurableScheduler, JobFailure, SchedulerOptions, jobKey } from '../../../bot/adapters/scheduler/durable-scheduler';
import { MemoryStateStore } from '../../helpers/memory-state-store';

class FakeClock {
  constructor(public t = 1_000_000) {}
  now = () => this.t;
}

function scheduler(store: MemoryStateStore, clock: FakeClock, options: Partial<SchedulerOptions> = {}) {
  return new DurableScheduler({ store, clock, ...options });
}

describe('durable scheduler', () => {
  it('fires a job when it is due, with its payload, and then forgets it', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const s = scheduler(store, clock);
    const seen: Array<DueJob<{ v: number }>> = [];
    s.register<{ v: number }>('turn', async (job) => {
      seen.push(job);
    });
    await s.schedule('turn', 'meeting-1', clock.t + 5_000, { v: 3 });
    expect(await s.tick()).toBe(0);
    clock.t += 4_999;
    expect(await s.tick()).toBe(0);
    clock.t += 1;
    expect(await s.tick()).toBe(1);
    expect(seen).toEqual([{ kind: 'turn', id: 'meeting-1', dueAt: clock.t, payload: { v: 3 }, attempt: 1, firedAt: clock.t }]);
    expect(await store.list('job:')).toEqual([]);
    clock.t += 60_000;
    expect(await s.tick()).toBe(0);
  });

  it('rejects keys that could smuggle text into storage', () => {
    expect(() => jobKey('Turn Update', 'm')).toThrow();
    expect(() => jobKey('turn', 'has space')).toThrow();
    expect(jobKey('turn', '19:meeting_abc@thread.v2')).toBe('job:turn:19:meeting_abc@thread.v2');
  });

  it('moves and cancels jobs, also when another instance did it', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const a = scheduler(store, clock);
    const b = scheduler(store, clock);
    const fired: string[] = [];
    for (const s of [a, b]) s.register('turn', async (job) => void fired.push(job.id));
    await a.schedule('turn', 'm1', clock.t + 1_000, {});
    await a.schedule('turn', 'm2', clock.t + 1_000, {});
    await b.rescan();
    await b.cancel('turn', 'm1');
    await b.schedule('turn', 'm2', clock.t + 10_000, {}); // moved later by b; a still thinks +1 s
    clock.t += 2_000;
    await Promise.all([a.tick(), b.tick()]);
    expect(fired).toEqual([]);
    clock.t += 8_000;
    await Promise.all([a.tick(), b.tick()]);
    expect(fired).toEqual(['m2']);
  });

  it('runs each job exactly once with two instances racing on one store', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const a = scheduler(store, clock);
    const b = scheduler(store, clock);
    const runs = new Map<string, string[]>();
    for (const s of [a, b]) {
      s.register('turn', async (job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), s.instanceId]);
      });
    }
    for (let i = 0; i < 200; i += 1) await (i % 2 ? a : b).schedule('turn', `m${i}`, clock.t + (i % 37) * 100, { i });
    await Promise.all([a.rescan(), b.rescan()]);
    for (let step = 0; step < 40; step += 1) {
      clock.t += 100;
      await Promise.all(step % 2 ? [a.tick(), b.tick()] : [b.tick(), a.tick()]);
    }
    expect(runs.size).toBe(200);
    expect([...runs.values()].filter((r) => r.length !== 1)).toEqual([]);
    const byA = [...runs.values()].filter((r) => r[0] === a.instanceId).length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(200);
    expect(store.calls.conflicts).toBeGreaterThan(0); // the instances really raced for the same jobs
  });

  it('runs each job exactly once with two real poll loops on real time', async () => {
    const store = new MemoryStateStore();
    const options = { pollIntervalMs: 5, rescanIntervalMs: 20 };
    const a = new DurableScheduler({ store, ...options });
    const b = new DurableScheduler({ store, ...options });
    const counts = new Map<string, number>();
    for (const s of [a, b]) s.register('turn', async (job) => void counts.set(job.id, (counts.get(job.id) ?? 0) + 1));
    await Promise.all([a.start(), b.start()]);
    const now = Date.now();
    for (let i = 0; i < 100; i += 1) await (i % 2 ? a : b).schedule('turn', `m${i}`, now + (i % 10) * 20, {});
    for (let waited = 0; counts.size < 100 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.stop(), b.stop()]);
    expect(counts.size).toBe(100);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('after a restart runs what fell due while it was down, and the rest on time', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const before = scheduler(store, clock);
    await before.schedule('turn', 'overdue', clock.t + 1_000, { left: 1 });
    await before.schedule('turn', 'later', clock.t + 120_000, { left: 2 });
    await before.stop();
    clock.t += 30_000; // the server was down for half a minute
    const after = scheduler(store, clock, { pollIntervalMs: 1_000_000 });
    const fired: Array<[string, number]> = [];
    after.register('turn', async (job) => void fired.push([job.id, job.firedAt - job.dueAt]));
    await after.start();
    await after.tick();
    expect(fired).toEqual([['overdue', 29_000]]);
    clock.t += 90_000;
    await after.tick();
    expect(fired).toEqual([['overdue', 29_000], ['later', 0]]);
    await after.stop();
  });

  it('retries a failing handler with backoff and gives up after the last attempt', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const failures: JobFailure[] = [];
    const s = scheduler(store, clock, { maxAttempts: 3, backoffMs: (n) => n * 1_000, onFailure: (f) => failures.push(f) });
    const attempts: Array<[string, number, number]> = [];
    s.register<{ failTimes: number }>('post', async (job) => {
      attempts.push([job.id, job.attempt, clock.t]);
      if (job.attempt <= job.payload.failTimes) throw new Error('429 from the connector');
    });
    const t0 = clock.t;
    await s.schedule('post', 'recovers', t0, { failTimes: 2 });
    await s.schedule('post', 'never', t0, { failTimes: 99 });
    for (let i = 0; i < 10; i += 1) {
      await s.tick();
      clock.t += 500;
    }
    expect(attempts.filter((a) => a[0] === 'recovers').map((a) => [a[1], a[2] - t0])).toEqual([[1, 0], [2, 1_000], [3, 3_000]]);
    expect(attempts.filter((a) => a[0] === 'never').length).toBe(3);
    expect(failures.map((f) => [f.id, f.attempt, f.final])).toEqual([
      ['recovers', 1, false], ['never', 1, false], ['recovers', 2, false], ['never', 2, false], ['never', 3, true],
    ]);
    expect(await store.list('job:')).toEqual([]);
  });

  it('keeps a job its handler rescheduled, so a ticking card goes on', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const s = scheduler(store, clock);
    const ticks: number[] = [];
    s.register<{ n: number }>('tick', async (job) => {
      ticks.push(job.payload.n);
      if (job.payload.n < 3) await s.schedule('tick', job.id, clock.t + 60_000, { n: job.payload.n + 1 });
    });
    await s.schedule('tick', 'm', clock.t, { n: 1 });
    for (let i = 0; i < 5; i += 1) {
      await s.tick();
      clock.t += 60_000;
    }
    expect(ticks).toEqual([1, 2, 3]);
  });

  it('lets another instance take over a job whose runner died mid-run, after the claim expires', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const a = scheduler(store, clock, { claimTtlMs: 10_000 });
    const b = scheduler(store, clock, { claimTtlMs: 10_000 });
    const ran: string[] = [];
    a.register('turn', () => new Promise(() => ran.push('a'))); // hangs forever, like a crashed process
    b.register('turn', async () => void ran.push('b'));
    await a.schedule('turn', 'm', clock.t, {});
    void a.tick();
    await new Promise((r) => setTimeout(r, 20));
    await b.rescan();
    await b.tick();
    expect(ran).toEqual(['a']);
    clock.t += 10_001;
    await b.tick();
    expect(ran).toEqual(['a', 'b']);
  });

  it('polls hundreds of waiting jobs without touching the store', async () => {
    const store = new MemoryStateStore();
    const clock = new FakeClock();
    const s = scheduler(store, clock);
    s.register('turn', async () => undefined);
    for (let i = 0; i < 300; i += 1) await s.schedule('turn', `m${i}`, clock.t + 3_600_000, {});
    const reads = store.calls.get + store.calls.list;
    for (let i = 0; i < 1_000; i += 1) {
      clock.t += 250;
      await s.tick();
    }
    expect(store.calls.get + store.calls.list).toBe(reads);
    expect(s.indexedJobs).toBe(300);
  });
});
