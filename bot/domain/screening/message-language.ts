/**
 * Which of Finnish, Swedish and English a message is written in, guessed from function words that
 * only one of the three languages has (stopwords-iso lists, MIT). The name detector asks only when
 * a capitalised first word of a sentence could be an ordinary word of another language ("Vi",
 * "Inga", "Edit"), so most messages are never scanned.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as charsModule from './chars';
import * as wordTableModule from './word-table';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { CC, classOf, lowerCode } = charsModule;
const { HASH_START, hashFinish, hashLower, hashStep } = wordTableModule;

export const LANG = { fi: 1, sv: 2, en: 4, /** No language leads and the text has at most four words (a label, a button). */ short: 8 } as const;

let table: WordTable | null = null;
// One bit per hash of a function word (16 K bits, 2 KB): most words of a message are none, and are
// not looked up in the 100 KB table, which is seldom used and mostly out of the CPU's caches.
const FILTER_BITS = 1 << 14;
const filter = new Int32Array(FILTER_BITS >>> 5);

// Function words that are also frequent names or that the lists mark oddly are left out.
const SKIP = new Set(['ali', 'den', 'inga', 'men', 'min', 'sen', 'sina', 'vi']);
// Two-letter words count only when they are this telling (the lists also have "mm", "tt", "dd").
const TWO_LETTER = new Set(['är', 'på', 'av', 'ej', 'ni', 'du', 'ei', 'jo', 'of', 'is', 'it', 'we', 'my', 'by']);

/** The function words that tell a language, with its LANG bit. */
export function languageWords(): Array<[string, number]> {
  const lists = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  const sets = { fi: new Set(lists.fi), sv: new Set(lists.sv), en: new Set(lists.en) };
  const entries: Array<[string, number]> = [];
  for (const [lang, bit] of [['fi', LANG.fi], ['sv', LANG.sv], ['en', LANG.en]] as const) {
    for (const w of sets[lang]) {
      const elsewhere = (lang !== 'fi' && sets.fi.has(w)) || (lang !== 'sv' && sets.sv.has(w)) || (lang !== 'en' && sets.en.has(w));
      if (!elsewhere && (w.length > 2 || TWO_LETTER.has(w)) && !SKIP.has(w) && /^\p{L}+$/u.test(w)) entries.push([w, bit]);
    }
  }
  return entries;
}

function build(): WordTable {
  const entries = languageWords();
  for (const [w] of entries) {
    const b = hashLower(w, 0, w.length) & (FILTER_BITS - 1);
    filter[b >>> 5] |= 1 << (b & 31);
  }
  return new WordTable(entries);
}

/** LANG bit of the language with the most distinctive function words in `s`; else LANG.short or 0. */
export function messageLanguage(s: string): number {
  table ??= build();
  let fi = 0;
  let sv = 0;
  let en = 0;
  let words = 0;
  let i = 0;
  while (i < s.length) {
    // letters by the class table: isLetter() tests a regular expression for a code unit past Latin
    // Extended (a dash, a quotation mark), of which a message has several
    if ((classOf(s.charCodeAt(i)) & CC.letter) === 0) {
      i++;
      continue;
    }
    // the word is read once: its letters are hashed and looked at for å as they go by
    const start = i;
    let h = HASH_START;
    let aring = false;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if ((classOf(c) & CC.letter) === 0) break;
      h = hashStep(h, lowerCode(c));
      if (c === 0xe5 || c === 0xc5) aring = true;
      i++;
    }
    words++;
    if (i - start < 2 || i - start > 12) continue;
    // å is Swedish: Finnish and English words have none
    if (aring) sv++;
    const hash = hashFinish(h);
    const b = hash & (FILTER_BITS - 1);
    if ((filter[b >>> 5] & (1 << (b & 31))) === 0) continue;
    const bit = table.getHashed(hash, s, start, i);
    if (bit === LANG.fi) fi++;
    else if (bit === LANG.sv) sv++;
    else if (bit === LANG.en) en++;
  }
  if (fi > sv && fi > en) return LANG.fi;
  if (sv > fi && sv > en) return LANG.sv;
  if (en > fi && en > sv) return LANG.en;
  return words <= 4 ? LANG.short : 0;
}
