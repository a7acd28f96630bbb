/** Bits of `Lexicons.flags`: one look-up answers every membership question about a word. */
export const LEX = { first: 1, last: 2, common: 4, municipality: 8, notName: 16, encyclopedic: 32, englishAmbiguous: 64, nounSurname: 128 } as const;

/** The LEX bits of a `Lexicons.flags` value (the bits above them hold the word's name reading). */
export const LEX_MASK = 0xff;

/**
 * Bits of `Lexicons.formHashes`: 32 KB, small enough to stay in a CPU cache where the flags table is
 * not; over the 23 000 words a base form can be read as, about one bit in twelve is set.
 */
export const FORM_HASH_BITS = 1 << 18;

/** The LEX bits that make a word matter as a base form (see name-reading.ts): other words add nothing to a reading. */
export const FORM_BITS = LEX.first | LEX.last | LEX.municipality | LEX.nounSurname;
