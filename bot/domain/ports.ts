/**
 * Ports: what the domain needs from the outside world. Adapters under bot/adapters/ implement them,
 * so domain code stays testable with an injected clock and an in-memory store.
 */

/** Wall-clock time, injected so timers and reminders can be tested without waiting. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A value read from a store with the eTag that a later conditional write must present. */
export interface Stored<T> {
  value: T;
  eTag: string;
}

/**
 * Conditional-write precondition: `undefined` writes unconditionally, `'*new'` only creates
 * (fails if the key exists), any other string must equal the stored eTag.
 */
export type IfMatch = string | undefined;

/** The only string `put` accepts as "create, never overwrite". */
export const CREATE_ONLY = '*new';

/** Thrown when a conditional write loses a race: the caller re-reads and decides again. */
export class ConflictError extends Error {
  constructor(readonly key: string) {
    super(`write conflict on key ${key}`);
    this.name = 'ConflictError';
  }
}

/**
 * One storage interface, several engines (embedded file store, Azure Blob storage, memory).
 * Values are JSON-serialisable. Keys are short ASCII ids (no client text ever goes into a key).
 */
export interface StateStore {
  get<T>(key: string): Promise<Stored<T> | undefined>;
  /** Writes `value`; returns the new eTag. Throws ConflictError when `ifMatch` does not hold. */
  put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string>;
  /** Deletes the key (no error if absent). Throws ConflictError when `ifMatch` does not hold. */
  delete(key: string, ifMatch?: IfMatch): Promise<void>;
  /** Keys starting with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Resolves when the engine is reachable; used by /readyz. */
  ping(): Promise<void>;
}
