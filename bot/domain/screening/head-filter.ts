/**
 * One bit map the tokeniser reads once for every word of a message, keyed by the five-bit codes of
 * its first four letters (all of a shorter word) that it gathers while reading them: it says whether
 * a registered word or word beginning (word-kinds.ts) or a lower-case name's stem
 * (lower-name-filter.ts) starts so. Most words do neither, and skip both look-ups and their filters.
 * A bit may be set for a word that matches nothing (buckets are shared), never clear for one that does.
 */

/** Some registered word or word beginning starts with these letters. */
export const HEAD_TRIGGER = 1;
/** Some lower-case name's stem starts with these letters. */
export const HEAD_NAME = 2;

// 1024 buckets of 32 bits (4 KB), small enough to stay in the L1 cache between messages: a 16 KB map
// of two bits a bucket missed it on most reads. A head sets two bits in its bucket for each kind, each
// in a part of its own (bits 0-3 and 4-7 for triggers, 8-23 and 24-31 for the more numerous name
// stems), and passes when both are set: about as few false passes as one bit in the larger map.
const MAP = new Int32Array(1 << 10);
const TRIGGER_BITS = 0xff;
const NAME_BITS = ~TRIGGER_BITS;

/**
 * The bucket's bits a head of `mixed = Math.imul(head, 0x9e3779b1)` sets, trigger bits low, name bits
 * high; chosen by bits 11-21 of the product (its low bits depend on the last letter's low bits alone,
 * its top ten choose the bucket).
 */
function maskOf(mixed: number): number {
  return (1 << ((mixed >>> 11) & 3)) | (1 << (4 + ((mixed >>> 13) & 3))) | (1 << (8 + ((mixed >>> 15) & 15))) | (1 << (24 + ((mixed >>> 19) & 7)));
}

/** The five-bit codes of w's first four code units (fewer for a shorter word), as the tokeniser keys a word. */
export function headOf(w: string): number {
  let head = 0;
  for (let i = 0; i < w.length && i < 4; i++) head = (head << 5) | (w.charCodeAt(i) & 31);
  return head;
}

/** Marks the words starting with `head` (see headOf) as maybe `bits`. */
export function markHead(head: number, bits: number): void {
  const mixed = Math.imul(head, 0x9e3779b1);
  const mask = maskOf(mixed);
  MAP[mixed >>> 22] |= ((bits & HEAD_TRIGGER) !== 0 ? mask & TRIGGER_BITS : 0) | ((bits & HEAD_NAME) !== 0 ? mask & NAME_BITS : 0);
}

/** HEAD_* bits a word starting with `head` may have. */
export function headBits(head: number): number {
  const mixed = Math.imul(head, 0x9e3779b1);
  const mask = maskOf(mixed);
  // the bucket's bits missing from the head's: none of its trigger bits is missing, or none of its name bits
  const missing = mask & ~MAP[mixed >>> 22];
  return ((missing & TRIGGER_BITS) === 0 ? HEAD_TRIGGER : 0) | ((missing & NAME_BITS) === 0 ? HEAD_NAME : 0);
}

/** Clears `bits` (one HEAD_* value) of every bucket, before the names are marked again. */
export function clearHeads(bits: number): void {
  const keep = bits === HEAD_TRIGGER ? NAME_BITS : TRIGGER_BITS;
  for (let k = 0; k < MAP.length; k++) MAP[k] &= keep;
}
