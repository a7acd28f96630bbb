/** Bits of `Lexicons.flags`: one look-up answers every membership question about a word. */
export const LEX = { first: 1, last: 2, common: 4, municipality: 8, notName: 16, encyclopedic: 32, englishAmbiguous: 64, nounSurname: 128 } as const;

/** The LEX bits of a `Lexicons.flags` value (the bits above them hold the word's name reading). */
export const LEX_MASK = 0xff;

/** Bits of `Lexicons.flagHashes`: small enough to stay in a CPU cache, where the flags table is not. */
export const FLAG_HASH_BITS = 1 << 20;
