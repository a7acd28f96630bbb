/**
 * A small in-memory StateStore with real eTag semantics for the calendar tests, until the shared
 * memory engine lands; it follows the contract in bot/domain/ports.ts exactly.
 */
import { CREATE_ONLY, ConflictError } from '../../bot/domain/ports';
import type { IfMatch, StateStore, Stored } from '../../bot/domain/ports';

/** In-memory StateStore; `failNextPut` lets a test force a write to fail midway. */
export class CalendarMemoryStore implements StateStore {
  private readonly data = new Map<string, { json: string; eTag: string }>();
  private counter = 0;
  puts = 0;
  failNextPut: Error | undefined;
  /** Called before each put is applied; a test may write in between to simulate a race. */
  beforePut: ((key: string) => Promise<void>) | undefined;

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    const hit = this.data.get(key);
    return hit && { value: JSON.parse(hit.json) as T, eTag: hit.eTag };
  }

  async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    const hook = this.beforePut;
    this.beforePut = undefined;
    if (hook) await hook(key);
    if (this.failNextPut) { const e = this.failNextPut; this.failNextPut = undefined; throw e; }
    const hit = this.data.get(key);
    if (ifMatch === CREATE_ONLY ? hit !== undefined : ifMatch !== undefined && hit?.eTag !== ifMatch) throw new ConflictError(key);
    const eTag = `e${++this.counter}`;
    this.data.set(key, { json: JSON.stringify(value), eTag });
    this.puts++;
    return eTag;
  }

  async delete(key: string, ifMatch?: IfMatch): Promise<void> {
    const hit = this.data.get(key);
    if (ifMatch !== undefined && hit?.eTag !== ifMatch) throw new ConflictError(key);
    this.data.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async ping(): Promise<void> {}
}
