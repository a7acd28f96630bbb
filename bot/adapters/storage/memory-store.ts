import type { IfMatch, StateStore, Stored } from '../../domain/ports';
import { assertKey, assertPrecondition, newETag, serialise } from './store-rules';

interface Entry {
  json: string;
  eTag: string;
}

/**
 * In-memory engine for tests and as a last-resort fallback. Values are kept as JSON text, so it
 * behaves like the persistent engines (no shared references, non-JSON values rejected).
 */
export class MemoryStore implements StateStore {
  private readonly entries = new Map<string, Entry>();

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    assertKey(key);
    const entry = this.entries.get(key);
    return entry && { value: JSON.parse(entry.json) as T, eTag: entry.eTag };
  }

  async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    assertKey(key);
    const json = serialise(key, value);
    assertPrecondition(key, this.entries.get(key)?.eTag, ifMatch);
    const eTag = newETag();
    this.entries.set(key, { json, eTag });
    return eTag;
  }

  async delete(key: string, ifMatch?: IfMatch): Promise<void> {
    assertKey(key);
    assertPrecondition(key, this.entries.get(key)?.eTag, ifMatch);
    this.entries.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.entries.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async ping(): Promise<void> {}
}
