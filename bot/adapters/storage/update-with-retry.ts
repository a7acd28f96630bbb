import { ConflictError, CREATE_ONLY, type StateStore, type Stored } from '../../domain/ports';

/** Options for updateWithRetry. */
export interface RetryOptions {
  /** How many read-modify-write rounds before the last ConflictError is thrown (default 20). */
  attempts?: number;
  /**
   * Cap of the random pause between rounds, in ms (default 20). The pause bound doubles each
   * round (1, 2, 4 … ms) so a crowd of writers on one key thins out instead of colliding again.
   */
  maxBackoffMs?: number;
}

/**
 * Optimistic update: read the key, apply the pure `fn` to its value (undefined when absent), write
 * the result only if nobody wrote in between, and start over when someone did. `fn` may run more
 * than once, so it must not have side effects; the value from its last call is the one written,
 * so a caller that needs to know whether *its* update made a change (a reminder marked sent, say)
 * can note that in a variable the last call sets. Returns what was written.
 */
export async function updateWithRetry<T>(
  store: StateStore,
  key: string,
  fn: (current: T | undefined) => T,
  options: RetryOptions = {},
): Promise<Stored<T>> {
  const attempts = Math.max(1, options.attempts ?? 20);
  const maxBackoffMs = options.maxBackoffMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(key);
    const value = fn(current?.value);
    try {
      const eTag = await store.put(key, value, current ? current.eTag : CREATE_ONLY);
      return { value, eTag };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= attempts) throw err;
    }
    const bound = Math.min(maxBackoffMs, 2 ** (attempt - 1));
    if (bound > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * bound));
  }
}
