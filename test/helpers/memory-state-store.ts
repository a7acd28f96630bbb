import { CREATE_ONLY, ConflictError, IfMatch, StateStore, Stored } from '../../bot/domain/ports';

/**
 * A minimal in-memory StateStore for tests: values are copied through JSON like a real engine, and
 * every call yields to the event loop so racing callers interleave as they would over the network.
 * The real engine lives in bot/adapters/storage/memory-store.ts (another branch).
 */
export class MemoryStateStore implements StateStore {
  private readonly data = new Map<string, { json: string; eTag: string }>();
  private counter = 0;
  /** Calls per method and lost conditional writes, so tests can see polling cost and real races. */
  readonly calls = { get: 0, put: 0, delete: 0, list: 0, conflicts: 0 };

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    this.calls.get += 1;
    await tick();
    const entry = this.data.get(key);
    return entry ? { value: JSON.parse(entry.json) as T, eTag: entry.eTag } : undefined;
  }

  async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    this.calls.put += 1;
    await tick();
    this.check(key, ifMatch);
    const eTag = `e${++this.counter}`;
    this.data.set(key, { json: JSON.stringify(value), eTag });
    return eTag;
  }

  async delete(key: string, ifMatch?: IfMatch): Promise<void> {
    this.calls.delete += 1;
    await tick();
    if (!this.data.has(key)) return;
    this.check(key, ifMatch);
    this.data.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    this.calls.list += 1;
    await tick();
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async ping(): Promise<void> {}

  private check(key: string, ifMatch: IfMatch): void {
    const existing = this.data.get(key);
    if (ifMatch === undefined) return;
    if (ifMatch === CREATE_ONLY ? existing !== undefined : existing?.eTag !== ifMatch) {
      this.calls.conflicts += 1;
      throw new ConflictError(key);
    }
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
