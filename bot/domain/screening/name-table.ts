/**
 * The lexicon words' name readings (see name-reading.ts) and, for the words a base form can be read
 * as, their LEX bits, in a table half the size of the flags table and with no letters to read: a
 * slot is the word's hash, its reading, its LEX bits as a base form and 17 bits of a second hash,
 * 8 bytes, so a look-up reads one cache line (the flags table reads a 16-byte slot and, on a hit,
 * the word's letters elsewhere: two likely cache misses in a 2.75 MB table). One table for both
 * look-ups: a base form probes lines that the name look-ups keep cached, no table of its own.
 * The second hash is computed only when the first hash agrees; a word outside the lexicons is
 * taken for one only if both hashes collide (about 2^-49 per look-up).
 */
import * as wordTableModule from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { hashLower, hashSecond } = wordTableModule;

const CODE_BITS = 7;
const FORM_SHIFT = CODE_BITS;
const FORM_BITS_HELD = 8;
const CHECK_SHIFT = CODE_BITS + FORM_BITS_HELD;
/** Longest word held (longer words are not found: the caller reads them another way). */
export const NAME_TABLE_MAX_LENGTH = 63;

export class NameTable {
  // slot i: [2i] first hash, [2i + 1] code | form bits << FORM_SHIFT | second hash's high bits (0 = empty)
  private readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * words[k] (lower case, at most NAME_TABLE_MAX_LENGTH letters) with its code codes[k] (1 ..< 2^7)
   * and its LEX bits as a base form formBits[k] (0 ..< 2^8, 0 for a word no base form is read as).
   */
  constructor(words: readonly string[], codes: readonly number[], formBits: readonly number[]) {
    let size = 16;
    while (size < words.length * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    words.forEach((w, k) => {
      const h = hashLower(w, 0, w.length);
      let i = h & this.mask;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = h;
      this.slots[2 * i + 1] = codes[k] | (formBits[k] << FORM_SHIFT) | (hashSecond(w, 0, w.length) & (-1 << CHECK_SHIFT));
    });
  }

  /** The next slot from i on whose first hash is h, or -1 when an empty slot comes first. */
  private slotOf(h: number, i: number): number {
    const slots = this.slots;
    for (; slots[2 * i + 1] !== 0; i = (i + 1) & this.mask) if (slots[2 * i] === h) return i;
    return -1;
  }

  /** The code of the lower-cased s[start, end) (h: its hashLower), or 0 when it is not held. */
  get(h: number, s: string, start: number, end: number): number {
    // 0 until read (a second hash of 0 is read as 1: only its high bits are compared)
    let second = 0;
    for (let i = this.slotOf(h, h & this.mask); i >= 0; i = this.slotOf(h, (i + 1) & this.mask)) {
      if (second === 0) second = hashSecond(s, start, end) | 1;
      const meta = this.slots[2 * i + 1];
      if ((meta ^ second) >>> CHECK_SHIFT === 0) return meta & ((1 << CODE_BITS) - 1);
    }
    return 0;
  }

  /**
   * Where the look-up of a base form with hashLower h starts (for formBitsFrom), or -1 when no word
   * held has that first hash: most proposed forms end here, before their second hash is computed.
   */
  firstSlot(h: number): number {
    return this.slotOf(h, h & this.mask);
  }

  /**
   * The LEX bits as a base form of the word with hashLower h and hashSecond `second`, not in a message
   * (a proposed base form), or 0; i is firstSlot(h) (not -1).
   */
  formBitsFrom(i: number, h: number, second: number): number {
    const check = second | 1;
    for (; i >= 0; i = this.slotOf(h, (i + 1) & this.mask)) {
      const meta = this.slots[2 * i + 1];
      if ((meta ^ check) >>> CHECK_SHIFT === 0) return (meta >>> FORM_SHIFT) & ((1 << FORM_BITS_HELD) - 1);
    }
    return 0;
  }
}
