/**
 * One bit map the tokeniser reads once for every word of a message, keyed by the five-bit codes of
 * its first four letters (all of a shorter word) that it gathers while reading them: two bits a
 * bucket say whether a registered word or word beginning (word-kinds.ts) or a lower-case name's stem
 * (lower-name-filter.ts) starts so. Most words do neither, and skip both look-ups and their filters.
 * A bit may be set for a word that matches nothing (buckets are shared), never clear for one that does.
 */

/** Some registered word or word beginning starts with these letters. */
export const HEAD_TRIGGER = 1;
/** Some lower-case name's stem starts with these letters. */
export const HEAD_NAME = 2;

// 2^16 buckets of two bits (16 KB): small enough to stay cached beside the tables of the detectors
const MAP = new Int32Array(1 << 12);

function bucket(head: number): number {
  return Math.imul(head, 0x9e3779b1) >>> 16;
}

/** The five-bit codes of w's first four code units (fewer for a shorter word), as the tokeniser keys a word. */
export function headOf(w: string): number {
  let head = 0;
  for (let i = 0; i < w.length && i < 4; i++) head = (head << 5) | (w.charCodeAt(i) & 31);
  return head;
}

/** Marks the words starting with `head` (see headOf) as maybe `bits`. */
export function markHead(head: number, bits: number): void {
  const b = bucket(head);
  MAP[b >>> 4] |= bits << ((b & 15) << 1);
}

/** HEAD_* bits a word starting with `head` may have. */
export function headBits(head: number): number {
  const b = bucket(head);
  return (MAP[b >>> 4] >>> ((b & 15) << 1)) & 3;
}

/** Clears `bits` (one HEAD_* value) of every bucket, before the names are marked again. */
export function clearHeads(bits: number): void {
  const keep = ~(bits === HEAD_TRIGGER ? 0x55555555 : 0xaaaaaaaa);
  for (let k = 0; k < MAP.length; k++) MAP[k] &= keep;
}
