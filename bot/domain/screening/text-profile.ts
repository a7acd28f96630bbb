/**
 * What the one pass over a message (tokens.ts) notes besides the words, so that screen() can skip
 * the detectors that cannot fire: most messages have no digit, no '@' and no dash, and the
 * detectors that need them are then skipped without a scan.
 */

/** Bits of `TextProfile.flags`. */
export const HAS = {
  markup: 1, at: 2, dash: 4, bracket: 8,
  /** An ASCII letter right before two digits (IBAN head "FI21"). */
  letterDigits: 16,
  /** A lower-case a/e/n/u, a space and a digit (lower-case street "mannerheimintie 12"). */
  wordSpaceDigit: 32,
} as const;

/** What the pass found; the object is reused by every call. */
export interface TextProfile {
  flags: number;
  /** ASCII digits in the text. */
  digits: number;
  /** Longest run of consecutive ASCII digits. */
  maxRun: number;
  /** The runs of consecutive ASCII digits, in order: run k is [runStart[k], runEnd[k]); the digit detectors visit these instead of searching the text. */
  runCount: number;
  runStart: Int32Array;
  runEnd: Int32Array;
}

/** The profile of the text scanned last. */
export const profile: TextProfile = { flags: 0, digits: 0, maxRun: 0, runCount: 0, runStart: new Int32Array(64), runEnd: new Int32Array(64) };

/** Doubles the room for digit runs in `profile` (the tokeniser writes the runs itself). */
export function growRuns(): void {
  const k = profile.runStart.length;
  const a = new Int32Array(k * 2);
  a.set(profile.runStart);
  profile.runStart = a;
  const b = new Int32Array(k * 2);
  b.set(profile.runEnd);
  profile.runEnd = b;
}

/** Flag of a character classed CC.special outside a word: '-', brackets, '@', or markup for the rest. */
export function specialFlag(c: number): number {
  return c === 45 ? HAS.dash : c === 40 || c === 91 ? HAS.bracket : c === 64 ? HAS.at : HAS.markup;
}
