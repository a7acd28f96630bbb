/**
 * Rules every storage engine shares, so the memory, file and blob engines agree on what a key,
 * a value and a precondition mean (the contract suite holds them to it).
 */
import { randomBytes } from 'node:crypto';
import { ConflictError, CREATE_ONLY, type IfMatch } from '../../domain/ports';

/** What a precondition asks for: nothing, absence of the key, or one exact eTag. */
export type Precondition = { kind: 'none' } | { kind: 'create' } | { kind: 'match'; eTag: string };

/** Interprets the port's `ifMatch` argument. */
export function preconditionOf(ifMatch: IfMatch): Precondition {
  if (ifMatch === undefined) return { kind: 'none' };
  if (ifMatch === CREATE_ONLY) return { kind: 'create' };
  return { kind: 'match', eTag: ifMatch };
}

/**
 * Throws ConflictError unless `ifMatch` holds against the stored eTag (`undefined` when the key is
 * absent). A specific eTag never matches an absent key: the caller read something that is gone.
 */
export function assertPrecondition(key: string, currentETag: string | undefined, ifMatch: IfMatch): void {
  const pre = preconditionOf(ifMatch);
  if (pre.kind === 'create' && currentETag !== undefined) throw new ConflictError(key);
  if (pre.kind === 'match' && pre.eTag !== currentETag) throw new ConflictError(key);
}

/** Rejects keys no engine can hold; the message names no key text. */
export function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new TypeError('storage key must be a non-empty string');
  // A lone surrogate has no UTF-8 form, so two such keys could meet in one file or blob name.
  if (/\p{Cs}/u.test(key)) throw new TypeError('storage key must be well-formed Unicode');
}

/** JSON text of `value`; engines store text so a caller never shares a reference with the store. */
export function serialise(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (typeof json !== 'string') throw new TypeError(`value for key ${key} is not JSON-serialisable`);
  return json;
}

/** A fresh opaque eTag: random, so even rewriting the same value changes it. */
export function newETag(): string {
  return `"${randomBytes(9).toString('base64url')}"`;
}
