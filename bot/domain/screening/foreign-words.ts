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
import { lowerCode } from './chars';
import { curatedNames } from './lexicons';
import { hashPair, HashSet, pairHash1, pairHash2 } from './word-table';

let swedish: HashSet | null = null;
let english: HashSet | null = null;

function addWord(set: HashSet, w: string): void {
  hashPair(w, 0, w.length);
  set.add(pairHash1, pairHash2);
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
    }
    lineStart = lineEnd + 1;
  }
  return set;
}

function loadEnglish(): HashSet {
  const en = require('@zxcvbn-ts/language-en').dictionary as Record<string, string[]>;
  const names = new Set([...en['firstnames-en'], ...en['lastnames-en'].slice(0, 3000), ...curatedNames()].map((w) => w.toLowerCase()));
  const set = new HashSet(1 << 17);
  for (const w of en['commonWords-en']) if (!names.has(w.toLowerCase())) addWord(set, w.toLowerCase());
  return set;
}

// Swedish inflection endings (definite, plural, genitive): Kortet -> kort, Bilen -> bil, Dagarna -> dag.
const SV_ENDINGS = ['arna', 'erna', 'orna', 'en', 'et', 'na', 'ar', 'er', 'or', 'ns', 'ts', 'n', 't', 's'];

function endsWith(s: string, end: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (lowerCode(s.charCodeAt(end - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

function has(set: HashSet, s: string, start: number, end: number): boolean {
  hashPair(s, start, end);
  return set.has(pairHash1, pairHash2);
}

/** s[start, end) is an ordinary Swedish word, as written or with a definite/plural ending taken off. */
export function isSwedishWord(s: string, start: number, end: number): boolean {
  swedish ??= loadSwedish();
  if (has(swedish, s, start, end)) return true;
  for (const e of SV_ENDINGS) if (end - start - e.length >= 2 && endsWith(s, end, e) && has(swedish, s, start, end - e.length)) return true;
  return false;
}

/** s[start, end) is a frequent English word that is not a first name or a common surname. */
export function isEnglishWord(s: string, start: number, end: number): boolean {
  english ??= loadEnglish();
  return has(english, s, start, end);
}
