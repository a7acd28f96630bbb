/** Character classes used by the hand-written scanners (no regex on whole messages). */
import * as normaliseModule from './normalise';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { touches } = normaliseModule;

/** '0'..'9' */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER_RE = /\p{L}/u;

/**
 * Any letter: what the class table (below) is filled from. The hot paths read the table instead
 * (isLetter()): the optimiser copied this function's regex path into every caller at every call site.
 */
function readsAsLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0xc0 && c <= 0x24f) return true;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  return LETTER_RE.test(String.fromCharCode(c));
}


/** Upper-case letter (Latin, Latin-1 and anything whose lower-case differs). */
export function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  // a letter's case is in the class table (filled at load from the test below): the test builds two
  // strings, and the name and address detectors ask about Ä, Ö and Å often
  const k = CLASS[c];
  if (k & CC.letter) return (k & CC.upper) !== 0;
  return caseTestUpper(c);
}

function caseTestUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** ASCII upper-case letter or Å/Ä/Ö. */
export function isPlateLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 0xc5 || c === 0xc4 || c === 0xd6;
}

/** Space or tab (not a line break). */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Code at i, or -1 outside the string. */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

/** True when i is not inside a run of letters/digits, looking left. */
export function boundaryBefore(s: string, i: number): boolean {
  return !isAlnum(codeAt(s, i - 1));
}

/** True when position i starts no letter/digit. */
export function boundaryAfter(s: string, i: number): boolean {
  return !isAlnum(codeAt(s, i));
}

/** Skips spaces/tabs from i. */
export function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

// Lower-case of each UTF-16 code unit (all filled at load, below).
const LOWER = new Uint16Array(0x10000);

function fillLower(c: number): void {
  const l = String.fromCharCode(c).toLowerCase();
  LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c;
}

/** Lower-case code unit of c without building a string (a multi-unit lower case keeps c). */
export function lowerCode(c: number): number {
  // one load, no case branch: upper- and lower-case letters alternate unpredictably in a message
  return LOWER[c];
}

/** Bits of classOf(): what the one pass over a message (tokens.ts) needs to know about a code unit. */
export const CC = {
  known: 1, letter: 2,
  /** Upper-case letter (see isUpper). */
  upper: 4,
  /** ASCII digit. */
  digit: 8,
  /** A character the text profile notes: '-', '(', '[', '@', and whatever normalise() would change. */
  special: 16,
  /** A letter outside ASCII. */
  latin: 32,
} as const;

// Class of each UTF-16 code unit (all filled at load, below).
const CLASS = new Uint8Array(0x10000);

function fillClass(c: number): void {
  let k = CC.known;
  if (isDigit(c)) k |= CC.digit;
  else if (readsAsLetter(c)) k |= CC.letter | ((c >= 65 && c <= 90) || (c >= 0xc0 && caseTestUpper(c)) ? CC.upper : 0) | (c >= 128 ? CC.latin : 0);
  if (c === 45 || c === 40 || c === 91 || c === 64 || touches(c)) k |= CC.special;
  CLASS[c] = k;
}

// Every code unit is classed at load (some tens of milliseconds), so the hot paths are a single load
// with no call to fill a gap: a call on the tokeniser's letter loop made the optimiser keep the
// loop's values in memory around it.
for (let c = 0; c < 0x10000; c++) {
  fillClass(c);
  fillLower(c);
}

/** CC bits of the code unit c (0 <= c <= 0xffff, as charCodeAt gives). */
export function classOf(c: number): number {
  return CLASS[c];
}

/** Any letter, by one load of the class table (false for -1 and NaN, as codeAt() and charCodeAt() give past the text). */
export function isLetter(c: number): boolean {
  return c >= 0 && (CLASS[c] & CC.letter) !== 0;
}

/** Letter or digit, by one load of the class table (false for -1 and NaN). */
export function isAlnum(c: number): boolean {
  return c >= 0 && (CLASS[c] & (CC.letter | CC.digit)) !== 0;
}

/**
 * The tables behind classOf() and lowerCode(), read-only, for the tokeniser's letter loop: the
 * optimiser leaves a call on a rare path (a letter past ASCII) out of line, and a call in a loop
 * makes it keep the loop's values in memory on every turn; an element load is never a call.
 */
export const CHAR_CLASS: Readonly<Uint8Array> = CLASS;
export const LOWER_CODE: Readonly<Uint16Array> = LOWER;
