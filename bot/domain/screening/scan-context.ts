/** What every detector receives: the normalised text and its tokens, built once per message. */
import type { FindingType } from './types';
import type { TextProfile } from './text-profile';
import type { Token } from './tokens';
import * as charsModule from './chars';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { codeAt, isAlnum, isDigit, lowerCode } = charsModule;

/** A detector result in NORMALISED offsets; screen() maps it back to the original text. */
export interface Candidate {
  type: FindingType | 'blocked';
  start: number;
  end: number;
  confidence: number;
}

/** Shared input of the detectors. */
export interface ScanContext {
  text: string;
  tokens: Token[];
  /** `<at>` mention spans (normalised offsets). */
  mentions: Array<[number, number]>;
  /** Which trigger characters the text has (see text-profile.ts). */
  profile: TextProfile;
}

/** A detector: pushes candidates for one type. */
export type Detector = (ctx: ScanContext, out: Candidate[]) => void;

/**
 * Token.lower is the word lower-cased only when it starts with a capital; a lower-case word with a
 * capital inside ("asiakasNro") is compared as written, where the in-place tables compare in lower
 * case: false for such a word (rare), which then takes the comparison as written.
 */
export function caseAsCompared(t: Token, s: string): boolean {
  if (t.cap) return true;
  for (let i = t.start; i < t.end; i++) if (lowerCode(s.charCodeAt(i)) !== s.charCodeAt(i)) return false;
  return true;
}

/** End of the value valueAfterLabel() found last. */
export let valueEnd = 0;

/**
 * The value written after a label ("asiakasnumero on 123456", "passport no: XP1234567"): skips
 * blanks, ':', '#', '.', '=' and filler words, then takes one run of letters, digits and inner
 * dashes. Returns its start (its end in `valueEnd`), or -1 when nothing is within reach. Words are
 * compared in place: nothing is copied. Every filler starts with a letter.
 */
export function valueAfterLabel(s: string, from: number, fillers: WordTable): number {
  const limit = Math.min(s.length, from + 48);
  let i = from;
  let words = 0;
  while (i < limit) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 58 || c === 35 || c === 46 || c === 61 || c === 9) {
      i++;
      continue;
    }
    if (!isAlnum(c)) return -1;
    let j = i;
    while (j < s.length && j - i < 40) {
      const d = s.charCodeAt(j);
      if (isAlnum(d) || ((d === 45 || d === 47) && isAlnum(codeAt(s, j + 1)) && j > i)) j++;
      else break;
    }
    // fillers are words: a value starting with a digit is none, and is not looked up
    if (words < 3 && !isDigit(c) && fillers.get(s, i, j) !== 0) {
      words++;
      i = j;
      continue;
    }
    valueEnd = j;
    return i;
  }
  return -1;
}

/** Number of ASCII digits in s[start, end). */
export function digitCount(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

/** Fillers allowed between a label and the labelled value. */
export const LABEL_FILLERS = new WordTable(['on', 'oli', 'is', 'was', 'är', 'var', 'nro', 'no', 'nr', 'numero', 'number', 'nummer', 'num', 'id', 'tunnus', 'the', 'their', 'his', 'her', 'hänen', 'hans', 'hennes', 'asiakkaan', 'klientens', 'of', 'och', 'ja', 'and'].map((w) => [w, 1] as const));
