/** Street addresses with a number (staircase, flat) and postal code + post office. */
import * as charsModule from './chars';
import * as lexiconsModule from './lexicons';
import * as postalCodesModule from './postal-codes';
import type { Candidate, ScanContext } from './scan-context';
import * as textProfileModule from './text-profile';
import type { TextProfile } from './text-profile';
import type { Token } from './tokens';
import * as streetNounsModule from './street-nouns';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryAfter, boundaryBefore, codeAt, isBlank, isDigit, isLetter, isUpper, skipBlanks } = charsModule;
const { lexicons } = lexiconsModule;
const { isPostalCode } = postalCodesModule;
const { HAS } = textProfileModule;
const { streetNounLength, streetTail, WHOLE_STREET_NAMES } = streetNounsModule;

const EN_STREET = new WordTable(['street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'ln', 'drive', 'way', 'close', 'court', 'crescent', 'place', 'terrace', 'gardens', 'square'].map((w) => [w, 1] as const));
const FLAT_WORDS = new WordTable(['as', 'asunto', 'lgh', 'bst', 'apt', 'flat', 'h', 'rappu', 'porras', 'trappa'].map((w) => [w, 1] as const));

/**
 * The part before the street noun, s[start, end), has at least `min` code units once lower-cased as
 * toLowerCase() does it (only İ, U+0130, becomes two): counted only when it is short.
 */
function specificPart(s: string, start: number, end: number, min: number): boolean {
  let n = end - start;
  for (let i = start; i < end && n < min; i++) if (s.charCodeAt(i) === 0x130) n++;
  return n >= min;
}

function readNumber(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j)) && j - i < 4) j++;
  if (j === i || isDigit(codeAt(s, j))) return -1;
  if (codeAt(s, j) === 45 && isDigit(codeAt(s, j + 1))) {
    j++;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  }
  if (isLetter(codeAt(s, j)) && !isLetter(codeAt(s, j + 1))) j++; // 12a
  return boundaryAfter(s, j) ? j : -1;
}

/** After the house number: " B 34", " as. 3", " A", " lgh 1102". Returns the new end. */
function readUnit(s: string, end: number): number {
  const i = skipBlanks(s, end);
  if (i === end) return end;
  const c = codeAt(s, i);
  // a lower-case staircase letter counts only with a flat number after it ("12 b 5")
  const lowerStair = c >= 97 && c <= 122 && !isLetter(codeAt(s, i + 1)) && isDigit(codeAt(s, skipBlanks(s, i + 1)));
  if ((isUpper(c) && !isLetter(codeAt(s, i + 1)) && c < 128) || lowerStair) {
    let j = i + 1;
    const k = skipBlanks(s, j);
    if (isDigit(codeAt(s, k))) {
      const m = readNumber(s, k);
      if (m > 0) j = m;
    }
    return j;
  }
  let w = i;
  while (w < s.length && isLetter(s.charCodeAt(w))) w++;
  if (w > i && FLAT_WORDS.get(s, i, w) !== 0) {
    let k = codeAt(s, w) === 46 ? w + 1 : w;
    k = skipBlanks(s, k);
    const m = isDigit(codeAt(s, k)) ? readNumber(s, k) : -1;
    if (m > 0) return m;
  }
  return end;
}

/** "FI-" or "fi-" at i (i >= 0; compared in place). */
function finnishPrefixAt(s: string, i: number): boolean {
  if (i < 0 || s.charCodeAt(i + 2) !== 45) return false;
  const f = s.charCodeAt(i);
  const c = s.charCodeAt(i + 1);
  return (f === 70 && c === 73) || (f === 102 && c === 105);
}

// The post offices (from the lexicons, built on first use): kept here, where lexicons() was a call per postal code.
let places: WordTable | null = null;

/** Postal code + post office at i ("00100 Helsinki", "FI-00100 HELSINKI"); end or -1. */
function readPostal(s: string, i: number): number {
  let p = i;
  if (finnishPrefixAt(s, p) && isDigit(codeAt(s, p + 3))) p += 3;
  if (!boundaryBefore(s, p)) return -1;
  for (let k = 0; k < 5; k++) if (!isDigit(codeAt(s, p + k))) return -1;
  if (isDigit(codeAt(s, p + 5))) return -1;
  if (!isPostalCode(s, p)) return -1;
  const w0 = skipBlanks(s, p + 5);
  if (w0 === p + 5) return -1;
  let w = w0;
  while (w < s.length && (isLetter(s.charCodeAt(w)) || (s.charCodeAt(w) === 45 && isLetter(codeAt(s, w + 1))))) w++;
  return w > w0 && (places ??= lexicons().places).get(s, w0, w) !== 0 ? w : -1;
}

/** Extends an address end over ", 00100 Helsinki". */
function withPostal(s: string, end: number): number {
  let i = end;
  if (codeAt(s, i) === 44) i++;
  i = skipBlanks(s, i);
  const p = readPostal(s, i);
  return p > 0 ? p : end;
}

/**
 * Finds addresses. Each street form is read by its own function: one body holding all three was slower
 * even where its rare parts never ran (the optimiser spent its inlining budget on them, not the hot loop).
 */
export function detectAddress(ctx: ScanContext, out: Candidate[]): void {
  const p = ctx.profile;
  // every address has a number, and the pass noted every digit run: none, no address
  if (p.runCount === 0) return;
  const s = ctx.text;
  // most lines with digits have no run a street can go with: their tokens and runs are not walked again
  const possible = streetNumbers(s, p);
  const first = out.length;
  const covered = possible !== 0 ? capitalisedStreets(s, ctx.tokens, p, possible, out) : 0;
  // the profile saw no "a/e/n/u, blank, digit": no lower-case street can follow
  if (possible & NOUN_BEFORE && p.flags & HAS.wordSpaceDigit) lowerCaseStreets(s, p, out, first);
  if (p.maxRun >= 5) postalCodesAlone(s, p, out, covered);
}

/** streetNumbers(): a run has blanks and a capital after it ("12 Baker Street"). */
const CAPITAL_AFTER = 1;
/** streetNumbers(): a run has blanks before it and a word ending like a street noun ("Mannerheimintie 12", "mannerheimintie 12"). */
const NOUN_BEFORE = 2;

/**
 * Which street forms some digit run can be the house number of: runs of at most four digits (longer
 * ones readNumber() refuses) with a capital after them (CAPITAL_AFTER), or a word before them whose
 * last three letters end a street noun (NOUN_BEFORE; every lower-case street noun is one too). A filter
 * on what capitalisedStreets() and lowerCaseStreets() require.
 */
function streetNumbers(s: string, p: TextProfile): number {
  const runStart = p.runStart;
  const runEnd = p.runEnd;
  const count = p.runCount;
  let found = 0;
  for (let r = 0; r < count; r++) {
    const start = runStart[r];
    const end = runEnd[r];
    if (end - start > 4) continue;
    // a form already seen is not looked for again
    if (!(found & CAPITAL_AFTER) && isUpper(codeAt(s, skipBlanks(s, end)))) found |= CAPITAL_AFTER;
    // the character before the run is read first: a run with no blank before it is not walked back from
    if (!(found & NOUN_BEFORE) && start > 3 && isBlank(s.charCodeAt(start - 1))) {
      let e = start - 1;
      while (e > 0 && isBlank(s.charCodeAt(e - 1))) e--;
      if (e >= 3 && streetTail(s, e - 3, e)) found |= NOUN_BEFORE;
    }
    if (found === (CAPITAL_AFTER | NOUN_BEFORE)) break;
  }
  return found;
}

/**
 * "Mannerheimintie 12 B 5", "12 Baker Street"; returns the end of the last one found. Only the forms
 * streetNumbers() found `possible` are looked for: the street word before a number ends like a street
 * noun (NOUN_BEFORE), and the words after a number start with a capital (CAPITAL_AFTER).
 */
function capitalisedStreets(s: string, tokens: Token[], p: TextProfile, possible: number, out: Candidate[]): number {
  // "12 Baker Street" needs a number before the street word: no word before the first run is one
  const firstNumber = p.runStart[0];
  let covered = 0;
  // the first digit run starting at or after the token's end (tokens and runs both come in order)
  let r = 0;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti];
    // both street forms below start at a capitalised word; the run pointer catches up at the next one
    if (!t.cap || t.start < covered || t.end - t.start > 40) continue;
    while (r < p.runCount && p.runStart[r] < t.end) r++;
    // a house number right after the word (blanks between) starts a digit run: the runs are walked, not the text
    const numberNext = (possible & NOUN_BEFORE) !== 0 && r < p.runCount && p.runStart[r] > t.end && skipBlanks(s, t.end) === p.runStart[r];
    // the house number comes first in the test: street nouns are matched only before a number
    const streetLike = numberNext && streetTail(s, t.start, t.end);
    const noun = streetLike ? streetNounLength(s, t.start, t.end) : 0;
    // a street name has a specific part before the street noun: Mannerheimin|tie, not "Mäki 3"; a
    // street whose whole name is the noun is looked up only when that part is missing
    const named = noun > 0 && specificPart(s, t.start, t.end - noun, noun >= 5 ? 1 : 3);
    if (named || (streetLike && WHOLE_STREET_NAMES.getHashed(t.hash1, s, t.start, t.end) !== 0)) {
      const num = readNumber(s, p.runStart[r]);
      if (num > 0) {
        const end = withPostal(s, readUnit(s, num));
        out.push({ type: 'address', start: t.start, end, confidence: 0.9 });
        covered = end;
        continue;
      }
    }
    if ((possible & CAPITAL_AFTER) !== 0 && t.start > firstNumber && EN_STREET.getHashed(t.hash1, s, t.start, t.end) !== 0) {
      const end = numberFirst(s, t.start, t.end, out);
      if (end > 0) covered = end;
    }
  }
  return covered;
}

/** "12 Baker Street" ending at the street word s[start, end): number, one or two capitalised words, street word. The address end, or -1. */
function numberFirst(s: string, start: number, end: number, out: Candidate[]): number {
  let j = start - 1;
  let words = 0;
  let k = j;
  while (words < 3) {
    while (k >= 0 && isBlank(s.charCodeAt(k))) k--;
    const e = k + 1;
    while (k >= 0 && isLetter(s.charCodeAt(k))) k--;
    if (e > k + 1 && isUpper(s.charCodeAt(k + 1))) {
      words++;
      j = k;
      continue;
    }
    break;
  }
  if (words === 0) return -1;
  let d = j;
  while (d >= 0 && isBlank(s.charCodeAt(d))) d--;
  const numEnd = d + 1;
  while (d >= 0 && isDigit(s.charCodeAt(d))) d--;
  if (numEnd > d + 1 && numEnd - d - 1 <= 4 && boundaryBefore(s, d + 1)) {
    const addressEnd = withPostal(s, end);
    out.push({ type: 'address', start: d + 1, end: addressEnd, confidence: 0.85 });
    return addressEnd;
  }
  return -1;
}

/**
 * "mannerheimintie 12": a lower-case street noun right before a digit run. A run inside a capitalised
 * street found before (out[first, ...)) is not read: its street word ends in a noun too ("Mannerheimintie
 * 12"), and walking back over it only finds its capital; a lower-case noun there ("Xyz-puistotie 12")
 * would give a shorter address inside the capitalised one, which screen()'s overlap resolution drops.
 */
function lowerCaseStreets(s: string, p: TextProfile, out: Candidate[], first: number): void {
  let lowCovered = 0;
  const capitalised = out.length;
  let c = first;
  for (let r = 0; r < p.runCount; r++) {
    const numberAt = p.runStart[r];
    while (c < capitalised && out[c].end <= numberAt) c++;
    if ((c < capitalised && out[c].start <= numberAt) || !lowerStreetBefore(s, numberAt)) continue;
    let a = numberAt - 1;
    while (a > 0 && isLetter(s.charCodeAt(a - 1))) a--;
    if (a < lowCovered || isUpper(s.charCodeAt(a)) || numberAt - 1 - a < 6) continue;
    const num = readNumber(s, numberAt);
    if (num < 0 || !boundaryBefore(s, a)) continue;
    const end = withPostal(s, readUnit(s, num));
    out.push({ type: 'address', start: a, end, confidence: 0.75 });
    lowCovered = end;
  }
}

/**
 * Postal code + post office standing alone: five digits and a blank, after `covered`. A longer run
 * ("asiakasnumero 1234567 ") holds none: its last five digits have a digit before them.
 */
function postalCodesAlone(s: string, p: TextProfile, out: Candidate[], covered: number): void {
  for (let r = 0; r < p.runCount; r++) {
    const runEnd = p.runEnd[r];
    if (runEnd - p.runStart[r] !== 5 || s.charCodeAt(runEnd) !== 32) continue;
    const at = runEnd - 5;
    if (at < covered) continue;
    const start = finnishPrefixAt(s, at - 3) ? at - 3 : at;
    const end = readPostal(s, start);
    if (end > 0) {
      out.push({ type: 'address', start, end, confidence: 0.85 });
      covered = end;
    }
  }
}

// Lower case ("mannerheimintie 12") only with an unmistakable street noun ("hoitopolku 2" is a care path).
const LOWER_STREET_NOUNS = ['tie', 'katu', 'kuja', 'gatan', 'vägen'];

/** s[end - word.length, end) is `word` as written, compared in place from its last letter back. */
function wordEndsAt(s: string, end: number, word: string): boolean {
  const from = end - word.length;
  if (from < 0) return false;
  for (let k = word.length - 1; k >= 0; k--) if (s.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** A lower-case street noun and one blank end right before the digit at `numberAt`. */
function lowerStreetBefore(s: string, numberAt: number): boolean {
  if (s.charCodeAt(numberAt - 1) !== 32) return false;
  // every noun ends in e, u, a or n (the letters the profile's flag looks for): others are not compared
  const last = s.charCodeAt(numberAt - 2);
  if (last !== 101 && last !== 117 && last !== 97 && last !== 110) return false;
  for (let k = 0; k < LOWER_STREET_NOUNS.length; k++) if (wordEndsAt(s, numberAt - 1, LOWER_STREET_NOUNS[k])) return true;
  return false;
}
