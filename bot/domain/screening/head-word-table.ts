/**
 * The registered trigger words (word-kinds.ts), found by the hash and the head the tokeniser gathered
 * while it read the word. Most words looked up here are registered ones, so a look-up usually ends in
 * comparing the word's letters with the stored ones, and reading them again cost more than the rest of
 * the look-up. When the word's first five code units (all of a shorter word) are ASCII letters, their
 * five-bit codes name their lower case exactly: the head is compared instead, and only the letters past
 * the fifth are read again.
 */
import { lowerCode } from './chars';
import { hashLower } from './word-table';

/** Letters a head holds (head-filter.ts keys on four of them; the tokeniser gathers five). */
const HEAD_LETTERS = 5;
// slot i: [S * i] hash, + 1 length + 1 (0 = empty), + 2 ASCII head (-1: not all a-z), + 3 letters' offset, + 4 bits
const S = 5;

/** The five-bit codes of w's first five code units (all of a shorter word) when they are a-z, else -1. */
export function asciiHeadOf(w: string): number {
  let head = 0;
  for (let i = 0; i < w.length && i < HEAD_LETTERS; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return -1;
    head = (head << 5) | (c & 31);
  }
  return head;
}

/** Lower-case words, each with non-zero bits; built once, then read-only. */
export class HeadWordTable {
  private readonly letters: Uint16Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: Map<string, number>) {
    let size = 16;
    while (size < entries.size * 2) size *= 2;
    this.slots = new Int32Array(size * S);
    this.mask = size - 1;
    let total = 0;
    for (const w of entries.keys()) total += w.length;
    this.letters = new Uint16Array(total);
    let offset = 0;
    for (const [w, bits] of entries) {
      for (let k = 0; k < w.length; k++) this.letters[offset + k] = w.charCodeAt(k);
      const h = hashLower(w, 0, w.length);
      let i = h & this.mask;
      while (this.slots[S * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[S * i] = h;
      this.slots[S * i + 1] = w.length + 1;
      this.slots[S * i + 2] = asciiHeadOf(w);
      this.slots[S * i + 3] = offset;
      this.slots[S * i + 4] = bits;
      offset += w.length;
    }
  }

  /**
   * Bits of the lower-cased s[start, end), or 0. `hash` is its hashLower(); `head` its asciiHeadOf()
   * when the tokeniser read its first five code units as ASCII letters, else -1 (the letters are compared).
   */
  get(hash: number, s: string, start: number, end: number, head: number): number {
    const len1 = end - start + 1;
    const slots = this.slots;
    let i = hash & this.mask;
    for (;;) {
      const at = S * i;
      const l = slots[at + 1];
      if (l === 0) return 0;
      if (slots[at] === hash && l === len1) {
        if (head < 0) {
          if (this.same(s, start, slots[at + 3], 0, len1 - 1)) return slots[at + 4];
        } else if (slots[at + 2] === head && this.same(s, start, slots[at + 3], HEAD_LETTERS, len1 - 1)) return slots[at + 4];
      }
      i = (i + 1) & this.mask;
    }
  }

  /** s[start + from, start + len) in lower case equals the stored letters from `offset + from` on. */
  private same(s: string, start: number, offset: number, from: number, len: number): boolean {
    for (let k = from; k < len; k++) if (lowerCode(s.charCodeAt(start + k)) !== this.letters[offset + k]) return false;
    return true;
  }
}
