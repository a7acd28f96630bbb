/**
 * Ordinary Swedish and English words, for capitalised first words of a sentence that are also names
 * in our lists ("Inga ärenden", "Vi har", "Kortet var", "Edit"). Swedish: the lower-case entries of
 * the hunspell dictionary `dictionary-sv` (LGPL-3.0; capitalised entries are proper names and are
 * left out), read as text since the package is an ES module. English: the OpenSubtitles frequency
 * list of `@zxcvbn-ts/language-en` minus its first names and surnames and our curated names. Both are kept as pairs of
 * 32-bit hashes (no strings), built on first use.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as fs from 'fs';
import * as path from 'path';
import * as charsModule from './chars';
import * as lexiconsModule from './lexicons';
import * as wordTableModule from './word-table';
import { HashSet, pairHash1, pairHash2 } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;
const { curatedNames } = lexiconsModule;
const { HASH_START, hashFinish, hashLower, hashPair, hashSecond, hashStep } = wordTableModule;

/**
 * Two bits a word in a bit array small enough to stay in the CPU's L2 cache: most words asked about
 * (names) are in neither set, and the filter turns most of them away without reading the sets'
 * megabytes of slots (a cache miss a probe). Both bits come from the first hash alone, which the
 * tokeniser has already computed for every word; the sets place words by its low bits, the filter
 * by its high bits and by those of a remix of it.
 */
class WordFilter {
  private readonly bits: Int32Array;
  private readonly shift: number;

  constructor(log2Bits: number) {
    this.bits = new Int32Array(1 << (log2Bits - 5));
    this.shift = 32 - log2Bits;
  }

  add(h1: number): void {
    const a = h1 >>> this.shift;
    const b = Math.imul(h1, 0x9e3779b1) >>> this.shift;
    this.bits[a >>> 5] |= 1 << (a & 31);
    this.bits[b >>> 5] |= 1 << (b & 31);
  }

  mayHave(h1: number): boolean {
    const a = h1 >>> this.shift;
    if ((this.bits[a >>> 5] & (1 << (a & 31))) === 0) return false;
    const b = Math.imul(h1, 0x9e3779b1) >>> this.shift;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}

let swedish: HashSet | null = null;
let english: HashSet | null = null;
// 64 KB for 140k Swedish words, 32 KB for the English ones: about one word in six (one in seven) gets through to the set
const swedishFilter = new WordFilter(19);
const englishFilter = new WordFilter(18);

function addWord(set: HashSet, filter: WordFilter, w: string): void {
  hashPair(w, 0, w.length);
  set.add(pairHash1, pairHash2);
  filter.add(pairHash1);
}

function loadSwedish(): HashSet {
  const dic = fs.readFileSync(path.join(path.dirname(require.resolve('dictionary-sv')), 'index.dic'), 'utf8');
  const set = new HashSet(1 << 19);
  let lineStart = dic.indexOf('\n') + 1; // the first line is the entry count
  while (lineStart < dic.length) {
    let lineEnd = dic.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = dic.length;
    let wordEnd = dic.indexOf('/', lineStart);
    if (wordEnd < 0 || wordEnd > lineEnd) wordEnd = lineEnd;
    const c = dic.charCodeAt(lineStart);
    // lower-case first letter: an ordinary word (proper names are capitalised in the dictionary)
    if (wordEnd - lineStart >= 2 && lowerCode(c) === c && c !== 45) {
      hashPair(dic, lineStart, wordEnd);
      set.add(pairHash1, pairHash2);
      swedishFilter.add(pairHash1);
    }
    lineStart = lineEnd + 1;
  }
  return set;
}

function loadEnglish(): HashSet {
  const en = require('@zxcvbn-ts/language-en').dictionary as Record<string, string[]>;
  const names = new Set([...en['firstnames-en'], ...en['lastnames-en'].slice(0, 3000), ...curatedNames()].map((w) => w.toLowerCase()));
  const set = new HashSet(1 << 17);
  for (const w of en['commonWords-en']) if (!names.has(w.toLowerCase())) addWord(set, englishFilter, w.toLowerCase());
  return set;
}

// Swedish inflection endings (definite, plural, genitive): Kortet -> kort, Bilen -> bil, Dagarna -> dag,
// grouped by their last letter so a word is compared only with the endings it can have.
const SV_ENDINGS = ['arna', 'erna', 'orna', 'en', 'et', 'na', 'ar', 'er', 'or', 'ns', 'ts', 'n', 't', 's'];
const SV_BY_LAST: string[][] = Array.from({ length: 128 }, (_, c) => SV_ENDINGS.filter((e) => e.charCodeAt(e.length - 1) === c));
const LONGEST_ENDING = 4;

function endsWith(s: string, end: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (lowerCode(s.charCodeAt(end - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

// Both hashes of the word without its last k letters (k = 1..4), left by wordHashes(): the word and
// its stems are hashed in one pass over its letters, not once a stem.
const STEM1 = new Int32Array(LONGEST_ENDING + 1);
const STEM2 = new Int32Array(LONGEST_ENDING + 1);

/**
 * hashPair() of s[start, end), and of its stems into STEM1/STEM2. The steps must stay hashPair()'s
 * (the sets are built with it): a test compares the two.
 */
export function wordHashes(s: string, start: number, end: number): void {
  let h = HASH_START;
  let g = 0x9e3779b9 | 0;
  for (let i = start; i < end; i++) {
    const left = end - i;
    if (left <= LONGEST_ENDING) {
      STEM1[left] = hashFinish(h);
      STEM2[left] = g;
    }
    const c = lowerCode(s.charCodeAt(i));
    h = hashStep(h, c);
    g = Math.imul(g ^ c, 0x5bd1e995) ^ (g >>> 15);
  }
  STEM1[0] = hashFinish(h);
  STEM2[0] = g;
}

/** Both hashes of s[start, end) without its last k letters, after wordHashes(s, start, end) (for the test). */
export function stemHashes(k: number): [number, number] {
  return [STEM1[k], STEM2[k]];
}

const NO_ENDINGS: string[] = [];

/** s[start, end) is an ordinary Swedish word, as written or with a definite/plural ending taken off. */
export function isSwedishWord(s: string, start: number, end: number): boolean {
  return isSwedishHashed(hashLower(s, start, end), s, start, end);
}

/** isSwedishWord() when hashLower(s, start, end) is known (a token's hash1). */
export function isSwedishHashed(h1: number, s: string, start: number, end: number): boolean {
  swedish ??= loadSwedish();
  const set = swedish;
  const filter = swedishFilter;
  const last = lowerCode(s.charCodeAt(end - 1));
  const endings = last < 128 ? SV_BY_LAST[last] : NO_ENDINGS;
  const whole = filter.mayHave(h1);
  // most words asked about are names with no Swedish ending: turned away before any letter is read again
  if (!whole && endings.length === 0) return false;
  wordHashes(s, start, end);
  if (whole && set.has(h1, STEM2[0])) return true;
  for (const e of endings) {
    const k = e.length;
    if (end - start - k >= 2 && endsWith(s, end, e) && filter.mayHave(STEM1[k]) && set.has(STEM1[k], STEM2[k])) return true;
  }
  return false;
}

/** s[start, end) is a frequent English word that is not a first name or a common surname. */
export function isEnglishWord(s: string, start: number, end: number): boolean {
  return isEnglishHashed(hashLower(s, start, end), s, start, end);
}

/** isEnglishWord() when hashLower(s, start, end) is known (a token's hash1). */
export function isEnglishHashed(h1: number, s: string, start: number, end: number): boolean {
  english ??= loadEnglish();
  return englishFilter.mayHave(h1) && english.has(h1, hashSecond(s, start, end));
}
