import { MemoryStore } from '../../../bot/adapters/storage/memory-store';
import { updateWithRetry } from '../../../bot/adapters/storage/update-with-retry';
import { ConflictError, type IfMatch, type StateStore } from '../../../bot/domain/ports';

/** A real store in which another writer slips in a write between our read and our write, `times` times. */
function contended(store: MemoryStore, times: number): StateStore & { interruptions: number } {
  const wrapped = Object.assign(Object.create(store) as MemoryStore, { interruptions: 0 });
  wrapped.put = async <T>(key: string, value: T, ifMatch?: IfMatch) => {
    if (wrapped.interruptions < times) {
      wrapped.interruptions++;
      const other = await store.get<{ n: number }>(key);
      await store.put(key, { n: (other?.value.n ?? 0) + 100 });
    }
    return store.put(key, value, ifMatch);
  };
  return wrapped;
}

describe('updateWithRetry', () => {
  it('creates an absent key from fn(undefined)', async () => {
    const store = new MemoryStore();
    const seen: unknown[] = [];
    const result = await updateWithRetry<{ n: number }>(store, 'k', (cur) => {
      seen.push(cur);
      return { n: 1 };
    });
    expect(seen).toEqual([undefined]);
    expect(await store.get('k')).toEqual(result);
  });

  it('re-reads and re-applies fn after losing a race, keeping the other writer\'s change', async () => {
    const base = new MemoryStore();
    await base.put('k', { n: 1 });
    const store = contended(base, 2);
    const inputs: number[] = [];
    const result = await updateWithRetry<{ n: number }>(store, 'k', (cur) => {
      inputs.push(cur!.n);
      return { n: cur!.n + 1 };
    }, { maxBackoffMs: 0 });
    expect(inputs).toEqual([1, 101, 201]);
    expect(result.value).toEqual({ n: 202 });
    expect(await base.get('k')).toEqual(result);
  });

  it('loses the race for a new key to a concurrent creator, then builds on its value', async () => {
    const store = contended(new MemoryStore(), 1);
    const result = await updateWithRetry<{ n: number }>(store, 'k', (cur) => ({ n: (cur?.n ?? 0) + 1 }), { maxBackoffMs: 0 });
    expect(result.value).toEqual({ n: 101 });
  });

  it('gives up with ConflictError after the allowed attempts', async () => {
    const store = contended(new MemoryStore(), Infinity);
    let calls = 0;
    const attempt = updateWithRetry(store, 'k', () => ++calls, { attempts: 4, maxBackoffMs: 1 });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(4);
    expect(store.interruptions).toBe(4);
  });

  it('does not retry other errors', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const attempt = updateWithRetry(store, 'k', () => {
      calls++;
      return undefined; // not JSON: the store refuses it
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect(calls).toBe(1);
  });
});
