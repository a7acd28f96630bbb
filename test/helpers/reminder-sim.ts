/**
 * Drives Vuoro instances through simulated time: the fake clock jumps to the next stored job
 * deadline (as a poll loop with no lag would), every instance rescans and ticks, and what the bot
 * posted is read back from the connector capture.
 */
import { ConflictError } from '../../bot/domain/ports';
import type { IfMatch, StateStore, Stored } from '../../bot/domain/ports';
import type { JobRecord } from '../../bot/adapters/scheduler/durable-scheduler';
import type { RunningVuoro } from '../../bot/vuoro';
import type { Captured, ConnectorCapture } from './connector-capture';

/** A settable clock. */
export class FakeClock {
  constructor(public t: number) {}
  now = (): number => this.t;
}

/** A real engine wrapped to count lost conditional writes, to show that instances really raced. */
export class ConflictCountingStore implements StateStore {
  conflicts = 0;
  constructor(private readonly inner: StateStore) {}
  get<T>(key: string): Promise<Stored<T> | undefined> { return this.inner.get<T>(key); }
  list(prefix: string): Promise<string[]> { return this.inner.list(prefix); }
  ping(): Promise<void> { return this.inner.ping(); }
  put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> { return this.counted(() => this.inner.put(key, value, ifMatch)); }
  delete(key: string, ifMatch?: IfMatch): Promise<void> { return this.counted(() => this.inner.delete(key, ifMatch)); }
  private async counted<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof ConflictError) this.conflicts++;
      throw e;
    }
  }
}

/** The earliest due time of any stored job. */
export async function nextDue(store: StateStore): Promise<number | undefined> {
  let min: number | undefined;
  for (const key of await store.list('job:')) {
    const job = (await store.get<JobRecord>(key))?.value;
    if (job && (min === undefined || job.dueAt < min)) min = job.dueAt;
  }
  return min;
}

/** Runs every instance until the clock reaches `end`; returns how many clock jumps it took. */
export async function runUntil(clock: FakeClock, store: StateStore, instances: RunningVuoro[], end: number): Promise<number> {
  for (let steps = 0; ; steps++) {
    // Who starts first alternates, so racing instances really compete for the same jobs.
    const order = steps % 2 ? [...instances].reverse() : instances;
    await Promise.all(order.map((v) => v.scheduler.rescan()));
    await Promise.all(order.map((v) => v.scheduler.tick()));
    const next = await nextDue(store);
    if (next === undefined || next > end) {
      clock.t = Math.max(clock.t, end);
      return steps;
    }
    // A second at least, so a job another instance holds (or one just rescheduled) cannot stall time.
    clock.t = Math.max(next, clock.t + 1_000);
    if (steps > 200_000) throw new Error('simulation did not settle');
  }
}

/** A card the bot posted, reduced to what a person sees and where it went. */
export interface PostedCard {
  conversationId: string;
  workshopId: string | undefined;
  heading: string;
  text: string;
  at: number;
}

/** Successful card posts to conversations, in arrival order. */
export function postedCards(capture: ConnectorCapture, visibleText: (o: object) => string): PostedCard[] {
  const isPost = (c: Captured) => c.method === 'POST' && c.status === 200 && /^\/v3\/conversations\/[^/]+\/activities/.test(c.path);
  return capture.requests.filter(isPost).filter((c) => Array.isArray(c.body.attachments)).map((c) => {
    const content = (c.body.attachments as Array<{ content: { body: Array<{ text?: string }>; actions?: Array<{ data?: { workshopId?: string } }> } }>)[0].content;
    return {
      conversationId: /^\/v3\/conversations\/([^/]+)\//.exec(c.path)![1],
      workshopId: content.actions?.find((a) => a.data?.workshopId)?.data?.workshopId,
      heading: content.body[0]?.text ?? '',
      text: visibleText(content),
      at: c.at,
    };
  });
}
