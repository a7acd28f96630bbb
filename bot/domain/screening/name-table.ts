/**
 * The lexicon words' name readings (see name-reading.ts) in a table half the size of the flags
 * table and with no letters to read: a slot is the word's hash, its length and reading and 18 bits
 * of a second hash, 8 bytes, so a look-up reads one cache line (the flags table reads a 16-byte
 * slot and, on a hit, the word's letters elsewhere: two likely cache misses in a 2.75 MB table).
 * The second hash is computed only when the first hash and the length agree; a word outside the
 * lexicons is taken for one only if both hashes and the length collide (about 2^-51 per look-up).
 */
import { hashLower, hashSecond } from './word-table';

const LEN_BITS = 6;
// 8 bits: the table of base forms (Lexicons.forms) holds a word's LEX bits as its code
const CODE_BITS = 8;
const CODE_SHIFT = LEN_BITS;
const CHECK_SHIFT = LEN_BITS + CODE_BITS;
/** Longest word held (longer words are not found: the caller reads them another way). */
export const NAME_TABLE_MAX_LENGTH = (1 << LEN_BITS) - 1;

export class NameTable {
  // slot i: [2i] first hash, [2i + 1] length | code << CODE_SHIFT | second hash's high bits (0 = empty)
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** words[k] (lower case, at most NAME_TABLE_MAX_LENGTH letters) with its code codes[k] (1 ..< 2^8). */
  constructor(words: readonly string[], codes: readonly number[]) {
    let size = 16;
    while (size < words.length * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    words.forEach((w, k) => {
      const h = hashLower(w, 0, w.length);
      let i = h & this.mask;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = h;
      this.slots[2 * i + 1] = w.length | (codes[k] << CODE_SHIFT) | (hashSecond(w, 0, w.length) & (-1 << CHECK_SHIFT));
    });
  }

  /** The code of the lower-cased s[start, end) (h: its hashLower), or 0 when it is not held. */
  get(h: number, s: string, start: number, end: number): number {
    const slots = this.slots;
    const len = end - start;
    let check = 0;
    let i = h & this.mask;
    for (;;) {
      const meta = slots[2 * i + 1];
      if (meta === 0) return 0;
      if (slots[2 * i] === h && (meta & NAME_TABLE_MAX_LENGTH) === len) {
        if (check === 0) check = (hashSecond(s, start, end) & (-1 << CHECK_SHIFT)) | 1;
        if ((meta & (-1 << CHECK_SHIFT)) === (check & (-1 << CHECK_SHIFT))) return (meta >>> CODE_SHIFT) & ((1 << CODE_BITS) - 1);
      }
      i = (i + 1) & this.mask;
    }
  }

  /**
   * The code of the word with hashLower h and length len, not in a message (a proposed base form),
   * or 0; its hashSecond is secondOf(key), read only when the first hash and the length agree.
   */
  getKeyed(h: number, len: number, secondOf: (key: number) => number, key: number): number {
    const slots = this.slots;
    // 0 until read (a second hash of 0 is read as 1: only its high bits are compared)
    let second = 0;
    for (let i = h & this.mask; slots[2 * i + 1] !== 0; i = (i + 1) & this.mask) {
      const meta = slots[2 * i + 1];
      if (slots[2 * i] !== h || (meta & NAME_TABLE_MAX_LENGTH) !== len) continue;
      if (second === 0) second = secondOf(key) | 1;
      if ((meta ^ second) >>> CHECK_SHIFT === 0) return (meta >>> CODE_SHIFT) & ((1 << CODE_BITS) - 1);
    }
    return 0;
  }
}
