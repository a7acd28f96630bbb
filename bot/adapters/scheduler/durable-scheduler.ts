import { randomUUID } from 'node:crypto';
import { Clock, ConflictError, StateStore, systemClock } from '../../domain/ports';
import { DueIndex } from './due-index';

/** A job as stored under `job:<kind>:<id>`: a due time, not a sleeping timer, so it survives restarts. */
export interface JobRecord<P = unknown> {
  kind: string;
  id: string;
  dueAt: number;
  payload: P;
  /** Failed runs so far. */
  attempts: number;
  /** The instance running it, and until when its claim holds (then another instance may take over). */
  claimedBy?: string;
  claimUntil?: number;
}

/** What a handler receives when its job is due. */
export interface DueJob<P> {
  kind: string;
  id: string;
  dueAt: number;
  payload: P;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  firedAt: number;
}

/** Runs a due job; throwing makes it retry with backoff. */
export type JobHandler<P> = (job: DueJob<P>) => Promise<void>;

/** Why a job failed, for the log (ids and counts only; never the payload). */
export interface JobFailure {
  kind: string;
  id: string;
  attempt: number;
  /** True when the job is dropped after its last attempt. */
  final: boolean;
  error: unknown;
}

/** Scheduler options; only `store` is required. */
export interface SchedulerOptions {
  store: StateStore;
  clock?: Clock;
  /** Distinguishes this instance's claims; random by default. */
  instanceId?: string;
  /** How often due jobs are looked for (default 250 ms): the lag a turn change can have. */
  pollIntervalMs?: number;
  /** How often the store's key list is read for jobs another instance scheduled (default 2 s). */
  rescanIntervalMs?: number;
  /** How often every known job is re-read in case another instance moved it (default 30 s). */
  refreshIntervalMs?: number;
  /** How long a claim holds; a crashed instance's job runs elsewhere after it (default 60 s). */
  claimTtlMs?: number;
  /** Runs before a job is dropped (default 6). */
  maxAttempts?: number;
  /** Wait before retry n (default 1 s, 2 s, 4 s, ... up to 60 s). */
  backoffMs?: (attempt: number) => number;
  /** Jobs run at once by this instance (default 32). */
  concurrency?: number;
  onFailure?: (failure: JobFailure) => void;
}

const PREFIX = 'job:';
const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const ID = /^[\x21-\x7e]{1,200}$/;

/** The store key of a job. Kinds are short lower-case words; ids are printable ASCII without spaces. */
export function jobKey(kind: string, id: string): string {
  if (!KIND.test(kind)) throw new Error(`invalid job kind ${JSON.stringify(kind)}`);
  if (!ID.test(id)) throw new Error('invalid job id');
  return `${PREFIX}${kind}:${id}`;
}

/**
 * Durable deadlines: jobs are stored with their due time and fired by a poll loop, so a restart picks
 * up what fell due while it was down, and several instances can share one store. An instance runs a
 * job only after winning a conditional write (eTag) that claims it, so with two instances each job
 * fires once; if the winner dies mid-run, its claim expires and another instance runs the job again
 * (at least once after a crash, exactly once otherwise). A handler may reschedule its own job: the
 * final delete is conditional too, so the new due time survives.
 */
export class DurableScheduler {
  readonly instanceId: string;
  private readonly store: StateStore;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly rescanIntervalMs: number;
  private readonly refreshIntervalMs: number;
  private readonly claimTtlMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly concurrency: number;
  private readonly onFailure: (failure: JobFailure) => void;
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly index = new DueIndex();
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling: Promise<number> | undefined;
  private scanning: Promise<void> | undefined;
  private lastRescanAt = -Infinity;
  private lastRefreshAt = -Infinity;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.instanceId = options.instanceId ?? randomUUID();
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.rescanIntervalMs = options.rescanIntervalMs ?? 2_000;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 30_000;
    this.claimTtlMs = options.claimTtlMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? ((n) => Math.min(1_000 * 2 ** (n - 1), 60_000));
    this.concurrency = options.concurrency ?? 32;
    this.onFailure = options.onFailure ?? (() => undefined);
  }

  /** Registers the handler for one kind of job (one handler per kind). */
  register<P>(kind: string, handler: JobHandler<P>): void {
    jobKey(kind, 'x');
    if (this.handlers.has(kind)) throw new Error(`handler for ${kind} already registered`);
    this.handlers.set(kind, handler as JobHandler<unknown>);
  }

  /** Creates or replaces the job `kind:id`, due at `dueAt` (ms since the epoch; the past means now). */
  async schedule<P>(kind: string, id: string, dueAt: number, payload: P): Promise<void> {
    const key = jobKey(kind, id);
    const record: JobRecord<P> = { kind, id, dueAt, payload, attempts: 0 };
    await this.store.put(key, record);
    this.index.set(key, dueAt);
  }

  /** Removes the job; cancelling a job that is not there is fine. */
  async cancel(kind: string, id: string): Promise<void> {
    const key = jobKey(kind, id);
    this.index.delete(key);
    await this.store.delete(key);
  }

  /** The stored job, if any (for status pages and tests). */
  async get<P>(kind: string, id: string): Promise<JobRecord<P> | undefined> {
    return (await this.store.get<JobRecord<P>>(jobKey(kind, id)))?.value;
  }

  /** Jobs this instance knows about. */
  get indexedJobs(): number {
    return this.index.size;
  }

  /** Loads every stored job (catch-up after a restart) and starts polling. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.rescan(true);
    this.loop();
  }

  /** Stops polling and waits for jobs already running. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await this.scanning;
  }

  /**
   * One poll: runs the jobs due by now and returns how many this instance ran. The loop calls it;
   * tests with a fake clock call it directly.
   */
  async tick(): Promise<number> {
    if (this.polling) return this.polling;
    this.polling = this.runDue().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  /**
   * Reads the store's job keys and indexes jobs scheduled by another instance; `full` also re-reads
   * jobs already known, in case another instance moved them. Cheap without `full`: one list call.
   */
  async rescan(full = false): Promise<void> {
    if (this.scanning) return this.scanning;
    this.scanning = this.scan(full).finally(() => {
      this.scanning = undefined;
    });
    return this.scanning;
  }

  private loop(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      const now = this.clock.now();
      if (now - this.lastRescanAt >= this.rescanIntervalMs) {
        const full = now - this.lastRefreshAt >= this.refreshIntervalMs;
        this.rescan(full).catch((error) => this.onFailure({ kind: 'scan', id: '-', attempt: 0, final: false, error }));
      }
      this.tick()
        .catch((error) => this.onFailure({ kind: 'poll', id: '-', attempt: 0, final: false, error }))
        .finally(() => this.loop());
    }, this.pollIntervalMs);
    this.timer.unref?.();
  }

  private async scan(full: boolean): Promise<void> {
    const startedAt = this.clock.now();
    const keys = await this.store.list(PREFIX);
    const listed = new Set(keys);
    for (const key of [...this.index.keys()]) if (!listed.has(key) && !this.inFlight.has(key)) this.index.delete(key);
    const toRead = keys.filter((k) => !this.inFlight.has(k) && (full || !this.index.has(k)));
    await this.pool(toRead, (key) => this.reload(key));
    this.lastRescanAt = startedAt;
    if (full) this.lastRefreshAt = startedAt;
  }

  /** Re-reads one job and indexes it at the time it next needs looking at. */
  private async reload(key: string): Promise<void> {
    const stored = await this.store.get<JobRecord>(key);
    if (!stored) {
      this.index.delete(key);
      return;
    }
    const job = stored.value;
    const claimed = job.claimUntil !== undefined && job.claimedBy !== this.instanceId ? job.claimUntil : 0;
    this.index.set(key, Math.max(job.dueAt, claimed));
  }

  private async runDue(): Promise<number> {
    const due = this.index.takeDue(this.clock.now()).filter((key) => !this.inFlight.has(key));
    const ran = await this.pool(due, (key) =>
      this.fire(key).catch((error) => {
        // The store failed (not a lost race): keep the job and look again after a short wait.
        this.onFailure({ kind: 'store', id: key, attempt: 0, final: false, error });
        this.index.set(key, this.clock.now() + this.backoffMs(1));
        return false;
      }),
    );
    return ran.filter(Boolean).length;
  }

  private async pool<T>(items: string[], work: (item: string) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));
    return results;
  }

  /** Claims and runs one job; true when this instance ran it. */
  private async fire(key: string): Promise<boolean> {
    this.inFlight.add(key);
    try {
      const stored = await this.store.get<JobRecord>(key);
      if (!stored) return false;
      const job = stored.value;
      const now = this.clock.now();
      const handler = this.handlers.get(job.kind);
      if (job.dueAt > now || (job.claimUntil !== undefined && job.claimUntil > now) || !handler) {
        // Not due after all (moved elsewhere), someone else's, or not ours to run: look again later.
        this.index.set(key, Math.max(job.dueAt, job.claimUntil ?? 0, handler ? 0 : now + this.rescanIntervalMs));
        return false;
      }
      let claimTag: string;
      try {
        claimTag = await this.store.put<JobRecord>(key, { ...job, claimedBy: this.instanceId, claimUntil: now + this.claimTtlMs }, stored.eTag);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        await this.reload(key);
        return false;
      }
      const attempt = job.attempts + 1;
      try {
        await handler({ kind: job.kind, id: job.id, dueAt: job.dueAt, payload: job.payload, attempt, firedAt: now });
      } catch (error) {
        const final = attempt >= this.maxAttempts;
        this.onFailure({ kind: job.kind, id: job.id, attempt, final, error });
        if (final) await this.settle(key, () => this.store.delete(key, claimTag));
        else {
          const retryAt = this.clock.now() + this.backoffMs(attempt);
          await this.settle(key, async () => {
            await this.store.put<JobRecord>(key, { kind: job.kind, id: job.id, dueAt: retryAt, payload: job.payload, attempts: attempt }, claimTag);
            this.index.set(key, retryAt);
          });
        }
        return true;
      }
      await this.settle(key, () => this.store.delete(key, claimTag));
      return true;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Runs a write conditional on our claim; a conflict means the job was rescheduled meanwhile, so keep that. */
  private async settle(key: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await this.reload(key);
    }
  }
}
