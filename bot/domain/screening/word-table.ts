/**
 * Word look-ups that allocate nothing: a slice of the message is hashed and compared to the stored
 * words lower-cased code unit by code unit, so no substring or lower-case copy is ever built.
 */
import * as charsModule from './chars';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;

// Hashes stay signed 32-bit integers: V8 keeps those unboxed, where an unsigned value above 2^31
// would allocate a heap number at every store.

/** Start value of the word hash. */
export const HASH_START = 0x811c9dc5 | 0;

/**
 * One letter of the word hash: h * 31 + c, written so that the shift and the subtraction run side
 * by side (two cycles a letter, where a multiply-based hash chains a three-cycle multiply per
 * letter): the tokeniser hashes every word of a message while reading it.
 */
export function hashStep(h: number, c: number): number {
  return ((h << 5) + (c - h)) | 0;
}

/** Mixes the letters' hash once per word, so that its high and low bits both depend on every letter. */
export function hashFinish(h: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return x ^ (x >>> 13);
}

/** The word hash over the lower-cased code units of s[start, end). */
export function hashLower(s: string, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, lowerCode(s.charCodeAt(i)));
  return hashFinish(h);
}

/** Start value of the second hash. */
export const SECOND_START = 0x9e3779b9 | 0;

/** One letter of the second hash (for a word built letter by letter, as a base form is). */
export function secondStep(g: number, c: number): number {
  return Math.imul(g ^ c, 0x5bd1e995) ^ (g >>> 15);
}

/** pairHash2 of s[start, end) alone (hashPair's second hash), for a caller that has the first. */
export function hashSecond(s: string, start: number, end: number): number {
  let g = SECOND_START;
  for (let i = start; i < end; i++) g = secondStep(g, lowerCode(s.charCodeAt(i)));
  return g;
}

/** hashLower() of the slice hashed last by hashPair(). */
export let pairHash1 = 0;
/** A second, independent hash of that slice (different seed and multiplier). */
export let pairHash2 = 0;

/** Both hashes of the lower-cased s[start, end) in one pass, left in pairHash1 / pairHash2. */
export function hashPair(s: string, start: number, end: number): void {
  let h = HASH_START;
  let g = 0x9e3779b9 | 0;
  for (let i = start; i < end; i++) {
    const c = lowerCode(s.charCodeAt(i));
    h = hashStep(h, c);
    g = Math.imul(g ^ c, 0x5bd1e995) ^ (g >>> 15);
  }
  pairHash1 = hashFinish(h);
  pairHash2 = g;
}

/**
 * Lower-case words, each with non-zero bits; built once, then read-only. A slot holds the word's
 * full hash, where its letters start in one packed array of all words, its length and its bits, so
 * a probe reads the slot's cache line and, only when the hashes agree, the letters: no string
 * objects are chased (the name lexicon is large, and its look-ups mostly miss the CPU caches).
 */
export class WordTable {
  // every word's code units, one after another
  private readonly letters: Uint16Array;
  // slot i: [4i] full hash, [4i + 1] offset in letters, [4i + 2] length + 1 (0 = empty), [4i + 3] bits
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly count: number;

  /** Entries with the same word have their bits OR-ed together (a Map has each word once already). */
  constructor(entries: Iterable<readonly [string, number]> = []) {
    const merged = entries instanceof Map ? (entries as Map<string, number>) : new Map<string, number>();
    if (merged !== entries) for (const [w, v] of entries) merged.set(w, (merged.get(w) ?? 0) | v);
    let size = 16;
    while (size < merged.size * 2) size *= 2;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
    this.count = merged.size;
    let total = 0;
    for (const w of merged.keys()) total += w.length;
    this.letters = new Uint16Array(total);
    let offset = 0;
    for (const [w, v] of merged) {
      for (let k = 0; k < w.length; k++) this.letters[offset + k] = w.charCodeAt(k);
      const h = hashLower(w, 0, w.length);
      let i = h & this.mask;
      while (this.slots[4 * i + 2] !== 0) i = (i + 1) & this.mask;
      this.slots[4 * i] = h;
      this.slots[4 * i + 1] = offset;
      this.slots[4 * i + 2] = w.length + 1;
      this.slots[4 * i + 3] = v;
      offset += w.length;
    }
  }

  /** Number of words. */
  get size(): number {
    return this.count;
  }

  /** Bits of the lower-cased s[start, end), or 0 when it is not in the table. */
  get(s: string, start: number, end: number): number {
    return this.getHashed(hashLower(s, start, end), s, start, end);
  }

  /** get() when hashLower(s, start, end) is already known. */
  getHashed(hash: number, s: string, start: number, end: number): number {
    const len1 = end - start + 1;
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const l = slots[4 * i + 2];
      if (l === 0) return 0;
      if (slots[4 * i] === hash && l === len1 && this.sameLower(s, start, slots[4 * i + 1], len1 - 1)) return slots[4 * i + 3];
      i = (i + 1) & this.mask;
    }
  }

  /** Bits of the word whose lower-case code units are buf[0, len). */
  getCodes(buf: Int32Array, len: number): number {
    let h = HASH_START;
    for (let k = 0; k < len; k++) h = hashStep(h, buf[k]);
    return this.getCodesHashed(hashFinish(h), buf, len);
  }

  /** getCodes() when the hash of buf[0, len) is already known (a base form's, from its prefix). */
  getCodesHashed(h: number, buf: Int32Array, len: number): number {
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const l = slots[4 * i + 2];
      if (l === 0) return 0;
      if (slots[4 * i] === h && l === len + 1 && this.sameCodes(buf, slots[4 * i + 1], len)) return slots[4 * i + 3];
      i = (i + 1) & this.mask;
    }
  }

  /** Bits of a whole (already lower-case) word. */
  getWord(w: string): number {
    return this.get(w, 0, w.length);
  }

  /**
   * Replaces every word's bits with f(bits, all, start, end) (the word is all[start, end)), all computed before any is written (f may look
   * words up in this table). For tables whose words carry more than membership bits (see name-reading.ts).
   */
  mapBits(f: (bits: number, all: string, start: number, end: number) => number): void {
    const slots = this.slots;
    const next = new Int32Array(slots.length >>> 2);
    // one string of all the words, read in place: no string per word
    const all = new TextDecoder('utf-16le').decode(this.letters);
    for (let i = 0; i < next.length; i++) {
      const l = slots[4 * i + 2];
      if (l === 0) continue;
      const offset = slots[4 * i + 1];
      next[i] = f(slots[4 * i + 3], all, offset, offset + l - 1);
    }
    for (let i = 0; i < next.length; i++) if (slots[4 * i + 2] !== 0) slots[4 * i + 3] = next[i];
  }

  private sameLower(s: string, start: number, offset: number, len: number): boolean {
    for (let k = 0; k < len; k++) if (lowerCode(s.charCodeAt(start + k)) !== this.letters[offset + k]) return false;
    return true;
  }

  private sameCodes(buf: Int32Array, offset: number, len: number): boolean {
    for (let k = 0; k < len; k++) if (buf[k] !== this.letters[offset + k]) return false;
    return true;
  }
}

/**
 * A bounded set of words remembered only by two 32-bit hashes (no text is kept). A collision of
 * both hashes is needed for a false hit (about one in 2^63 per look-up pair). Both hashes of a slot
 * sit side by side, so a probe reads one cache line.
 */
export class HashSet {
  // slot i: [2i] first hash, [2i + 1] second hash forced odd (0 = empty)
  private readonly slots: Int32Array;
  private readonly mask: number;
  private count = 0;

  constructor(capacityPow2: number) {
    this.slots = new Int32Array(capacityPow2 * 2);
    this.mask = capacityPow2 - 1;
  }

  has(h1: number, h2: number): boolean {
    const a = h1 | 0;
    const b = h2 | 1;
    let i = h1 & this.mask;
    for (;;) {
      const v = this.slots[2 * i + 1];
      if (v === 0) return false;
      if (v === b && this.slots[2 * i] === a) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** Some remembered word has first hash h1 (has() may still say no): a caller can skip computing h2 when not. */
  hasFirst(h1: number): boolean {
    const a = h1 | 0;
    let i = h1 & this.mask;
    for (;;) {
      if (this.slots[2 * i + 1] === 0) return false;
      if (this.slots[2 * i] === a) return true;
      i = (i + 1) & this.mask;
    }
  }

  add(h1: number, h2: number): void {
    // kept at most half full so probes stay short; when full, start over
    if (this.count * 2 >= this.mask) this.clear();
    const a = h1 | 0;
    const b = h2 | 1;
    let i = h1 & this.mask;
    for (;;) {
      const v = this.slots[2 * i + 1];
      if (v === 0) break;
      if (v === b && this.slots[2 * i] === a) return;
      i = (i + 1) & this.mask;
    }
    this.slots[2 * i] = a;
    this.slots[2 * i + 1] = b;
    this.count++;
  }

  clear(): void {
    this.slots.fill(0);
    this.count = 0;
  }
}
