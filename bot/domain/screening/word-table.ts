/**
 * Word look-ups that allocate nothing: a slice of the message is hashed and compared to the stored
 * words lower-cased code unit by code unit, so no substring or lower-case copy is ever built.
 */
import { lowerCode } from './chars';

// Hashes stay signed 32-bit integers: V8 keeps those unboxed, where an unsigned value above 2^31
// would allocate a heap number at every store.

/** FNV-1a over the lower-cased code units of s[start, end). */
export function hashLower(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(s.charCodeAt(i)), 0x01000193);
  return h;
}

/** hashLower() of the slice hashed last by hashPair(). */
export let pairHash1 = 0;
/** A second, independent hash of that slice (different seed and multiplier). */
export let pairHash2 = 0;

/** Both hashes of the lower-cased s[start, end) in one pass, left in pairHash1 / pairHash2. */
export function hashPair(s: string, start: number, end: number): void {
  let h = 0x811c9dc5 | 0;
  let g = 0x9e3779b9 | 0;
  for (let i = start; i < end; i++) {
    const c = lowerCode(s.charCodeAt(i));
    h = Math.imul(h ^ c, 0x01000193);
    g = Math.imul(g ^ c, 0x5bd1e995) ^ (g >>> 15);
  }
  pairHash1 = h;
  pairHash2 = g;
}

/**
 * Lower-case words, each with non-zero bits; built once, then read-only. A slot holds the word's
 * full hash beside its index, so a probe touches the word's text only when the hashes agree.
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly values: number[] = [];
  // slot i: [2i] full hash, [2i + 1] word index + 1 (0 = empty)
  private slots: Int32Array;
  private mask: number;

  /** Entries with the same word have their bits OR-ed together. */
  constructor(entries: Iterable<readonly [string, number]> = []) {
    const merged = new Map<string, number>();
    for (const [w, v] of entries) merged.set(w, (merged.get(w) ?? 0) | v);
    let size = 16;
    while (size < merged.size * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (const [w, v] of merged) {
      const k = this.words.length;
      this.words.push(w);
      this.values.push(v);
      const h = hashLower(w, 0, w.length);
      let i = h & this.mask;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = h;
      this.slots[2 * i + 1] = k + 1;
    }
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** Bits of the lower-cased s[start, end), or 0 when it is not in the table. */
  get(s: string, start: number, end: number): number {
    return this.getHashed(hashLower(s, start, end), s, start, end);
  }

  /** get() when hashLower(s, start, end) is already known. */
  getHashed(hash: number, s: string, start: number, end: number): number {
    const len = end - start;
    const h = hash;
    let i = hash & this.mask;
    for (;;) {
      const k = this.slots[2 * i + 1];
      if (k === 0) return 0;
      if (this.slots[2 * i] === h) {
        const w = this.words[k - 1];
        if (w.length === len && sameLower(s, start, w)) return this.values[k - 1];
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Bits of the word whose lower-case code units are buf[0, len). */
  getCodes(buf: Int32Array, len: number): number {
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ buf[k], 0x01000193);
    let i = h & this.mask;
    for (;;) {
      const k = this.slots[2 * i + 1];
      if (k === 0) return 0;
      if (this.slots[2 * i] === h) {
        const w = this.words[k - 1];
        if (w.length === len && sameCodes(buf, w)) return this.values[k - 1];
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Bits of a whole (already lower-case) word. */
  getWord(w: string): number {
    return this.get(w, 0, w.length);
  }
}

function sameCodes(buf: Int32Array, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (buf[k] !== w.charCodeAt(k)) return false;
  return true;
}

function sameLower(s: string, start: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) if (lowerCode(s.charCodeAt(start + k)) !== w.charCodeAt(k)) return false;
  return true;
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
