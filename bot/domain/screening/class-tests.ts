/**
 * The detectors' letter and digit tests as one load of the class table, which chars.ts fills at load
 * from its own isLetter() and isDigit(): the same answers for every code unit (and false for -1 and
 * NaN, as codeAt() and charCodeAt() give past the text). chars.ts's isLetter() ends in a regex test for
 * letters past U+024F, and the optimiser copied that path into every detector at every call site, so
 * the code a found identifier runs through spanned many more cache lines than its few tests need.
 */
import * as charsModule from './chars';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { CC, classOf, codeAt } = charsModule;

const LETTER: number = CC.letter;
const LETTER_OR_DIGIT: number = CC.letter | CC.digit;

/** isLetter() of chars.ts. */
export function isLetter(c: number): boolean {
  return c >= 0 && (classOf(c) & LETTER) !== 0;
}

/** isAlnum() of chars.ts. */
export function isAlnum(c: number): boolean {
  return c >= 0 && (classOf(c) & LETTER_OR_DIGIT) !== 0;
}

/** boundaryBefore() of chars.ts: i is not inside a run of letters and digits, looking left. */
export function boundaryBefore(s: string, i: number): boolean {
  return !isAlnum(codeAt(s, i - 1));
}

/** boundaryAfter() of chars.ts: position i starts no letter or digit. */
export function boundaryAfter(s: string, i: number): boolean {
  return !isAlnum(codeAt(s, i));
}
