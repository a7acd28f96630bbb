/**
 * Runs jobs one at a time per key and drops a job when another for the same key is already
 * waiting: each job renders the newest stored state, so the waiting one covers both. This keeps
 * card updates in order and within Teams' rate limits when many people answer at once.
 */
export class LatestOnlyQueue {
  private readonly tails = new Map<string, { promise: Promise<void>; waiting: boolean }>();

  /** Queues `job` for `key`; resolves when a job that started after this call has finished. */
  run(key: string, job: () => Promise<void>): Promise<void> {
    const tail = this.tails.get(key);
    if (tail?.waiting) return tail.promise;
    const entry = { promise: Promise.resolve(), waiting: true };
    entry.promise = (tail?.promise ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        entry.waiting = false;
        return job();
      })
      .finally(() => {
        if (this.tails.get(key) === entry) this.tails.delete(key);
      });
    this.tails.set(key, entry);
    return entry.promise;
  }
}
