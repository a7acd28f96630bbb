/**
 * How one word reads as a name: looked up in the name lexicons as written and through its Finnish
 * base forms, in place in the message (no copies), with the readings that make it ambiguous. The
 * reading of every lexicon word is worked out once, when the lexicons load, and kept in the bits
 * of its flags entry above the LEX bits: a word of the lexicons is then read with one look-up.
 */
import * as charsModule from './chars';
import * as finnishInflectionModule from './finnish-inflection';
import * as lexiconBitsModule from './lexicon-bits';
import * as nameTableModule from './name-table';
import { NameTable } from './name-table';
import type { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;
const { baseFormsAt, FORM_HASH, formEndsInNen, formLength, formSecondHash } = finnishInflectionModule;
const { FORM_BITS, LEX, LEX_MASK } = lexiconBitsModule;
const { NAME_TABLE_MAX_LENGTH } = nameTableModule;

/** How a word reads as a name. */
export interface NameInfo {
  first: boolean;
  last: boolean;
  /** Also an ordinary word, a place or inflected ordinary word: needs context. */
  ambiguous: boolean;
  /** A municipality, plain or inflected (asuu Vantaalla, Salossa): only a name with context. */
  place: boolean;
  /** Inflected form that is a frequent encyclopedia word (Turun, Karjalan): a place unless context says otherwise. */
  weak: boolean;
  /** A surname that is also a noun of nature (Mäki, Rinne): alone first in a sentence it is the noun. */
  noun: boolean;
}

// The 64 readings, built once and shared (read-only): reading a word allocates nothing.
export const READINGS: readonly NameInfo[] = Array.from({ length: 64 }, (_, b) => Object.freeze({
  first: (b & 1) !== 0, last: (b & 2) !== 0, ambiguous: (b & 4) !== 0, place: (b & 8) !== 0, weak: (b & 16) !== 0, noun: (b & 32) !== 0,
}));

/** readWord()'s answer for a word that is no name (the readings are 0 ..< NO_NAME, indices of READINGS). */
export const NO_NAME = 64;

/**
 * A flags value's bits above LEX_MASK: 0 for no stored reading, else 1 + readWord()'s answer, or
 * READ_AT_RUN_TIME for a hyphenated word (a particle's reading depends on the case of the letter after it).
 */
export const READING_SHIFT = 8;
export const READ_AT_RUN_TIME = NO_NAME + 2;

/** `info` with other ambiguous and weak flags (a shared reading, no copy). */
export function withDoubt(info: NameInfo, ambiguous: boolean, weak: boolean): NameInfo {
  return READINGS[code(info.first, info.last, ambiguous, info.place, weak, info.noun)];
}

function code(first: boolean, last: boolean, ambiguous: boolean, place: boolean, weak: boolean, noun: boolean): number {
  return (first ? 1 : 0) | (last ? 2 : 0) | (ambiguous ? 4 : 0) | (place ? 8 : 0) | (weak ? 16 : 0) | (noun ? 32 : 0);
}

/** The tables a word is read with (Lexicons has them all). */
export interface ReadingTables {
  flags: WordTable;
  /** See Lexicons.formHashes. */
  formHashes: Uint32Array;
  /** See Lexicons.names (while the readings are worked out, a table of the base-form bits alone). */
  names: NameTable;
}

// A reading while it is worked out: LEX.first and LEX.last, then the bits of code() (a reading's
// index in READINGS) and, above them, a -nen surname read through a base form.
const NAME = LEX.first | LEX.last;
const AMBIGUOUS = 4;
const PLACE = 8;
const WEAK = 16;
const NOUN = 32;
const NEN_SURNAME = 64;

/**
 * The reading of the word s[start, end) (an index of READINGS, or NO_NAME), wf its LEX bits; the
 * word is read in place, never copied. `flags` is looked up only through its LEX bits. `suffixes`,
 * when given, is suffixCount() of the word, the last word it was called for (see baseFormsAt).
 */
export function readWord(s: string, start: number, end: number, wf: number, tables: ReadingTables, suffixes = -1): number {
  if (end - start < 2 || wf & LEX.notName) return NO_NAME;
  // a particle is two to four letters followed by a hyphen of the word: a word without one (most) is
  // read as one part, by the short path below
  let firstEnd = start;
  while (firstEnd < end && s.charCodeAt(firstEnd) !== 45) firstEnd++;
  if (firstEnd < end) return readHyphenated(s, start, end, firstEnd, wf, tables);
  const acc = partReading(s, start, end, wf, tables, suffixes);
  return acc < 0 ? NO_NAME : wordReading(s, start, end, wf, acc, tables.flags);
}

/** readWord() of a word with a hyphen at firstEnd: every part must be a name (Anna-Liisa, not Kela-numero). */
function readHyphenated(s: string, start: number, end: number, firstEnd: number, wf: number, tables: ReadingTables): number {
  if (firstEnd - start <= 4 && arabicPrefixed(s, start, end)) return code(false, true, false, false, false, false);
  let acc = 0;
  for (let a = start; a < end; ) {
    let b = a === start ? firstEnd : a;
    while (b < end && s.charCodeAt(b) !== 45) b++;
    const part = partReading(s, a, b, tables.flags.get(s, a, b) & LEX_MASK, tables, -1);
    if (part < 0) return NO_NAME;
    acc |= part;
    a = b + 1;
  }
  return wordReading(s, start, end, wf, acc, tables.flags);
}

/** The reading bits of one part s[a, b) of a word (pf: its LEX bits), or -1 when it is no name. */
function partReading(s: string, a: number, b: number, pf: number, tables: ReadingTables, suffixes: number): number {
  if (pf & LEX.notName) return -1;
  let acc = pf & NAME;
  if (acc === 0) acc = formsReading(s, a, b, pf, tables, suffixes);
  if (pf & LEX.municipality) acc |= PLACE;
  return acc & NAME ? acc : -1;
}

/** The reading bits that the base forms of s[a, b) give (pf: the LEX bits of s[a, b) itself, no name). */
function formsReading(s: string, a: number, b: number, pf: number, tables: ReadingTables, suffixes: number): number {
  // a form with none of FORM_BITS changes nothing below: formHashes leaves those out as they are proposed
  const forms = baseFormsAt(s, a, b, tables.formHashes, suffixes);
  const names = tables.names;
  let acc = 0;
  for (let k = 0; k < forms; k++) {
    // the compact table of base forms: one slot read, where the flags table reads a slot and the
    // letters; the form's second hash only when a word held has its first
    const h = FORM_HASH[k];
    const i = names.firstSlot(h);
    if (i < 0) continue;
    const bfl = names.formBitsFrom(i, h, formSecondHash(k));
    if (bfl & LEX.municipality) acc |= PLACE;
    if (bfl & LEX.nounSurname) acc |= NOUN;
    if (!(bfl & NAME) || bfl & LEX.notName || formLength(k) < 3) continue;
    acc |= bfl & NAME;
    // the form ends in -nen (110, 101, 110): an inflected -nen surname
    const nen = formEndsInNen(k);
    // an inflected -nen surname (Virtasta, Korhoselle) is a person even when another reading is a word
    if (nen && bfl & LEX.last && !(bfl & LEX.common)) acc |= NEN_SURNAME;
    else if (bfl & (LEX.common | LEX.municipality | LEX.englishAmbiguous)) acc |= AMBIGUOUS;
    // other inflected forms that an encyclopedia uses often (Turun, Lammen, Pietarin) are usually places,
    // and an ordinary word read as an inflected name (potilas -> Potila, annan -> Anna) needs context
    if ((!nen && pf & LEX.encyclopedic) || pf & LEX.common) acc |= WEAK;
  }
  return acc;
}

/** The reading of the word s[start, end) (wf: its LEX bits) whose parts all read as names, together `acc`. */
function wordReading(s: string, start: number, end: number, wf: number, acc: number, flags: WordTable): number {
  if (wf & (LEX.common | LEX.englishAmbiguous)) acc |= AMBIGUOUS;
  if (wf & LEX.nounSurname) acc |= NOUN;
  if (acc & NEN_SURNAME) {
    // "Virosta", "Turusta" read as partitives of -nen surnames or as "from Estonia / Turku"; capitalised
    // elatives are mostly places, so that reading needs context. -sen, -selle, -sella ... are people.
    const partitiveClash = end - start >= 3 && endsWithSta(s, end) && ((wf & LEX.encyclopedic) !== 0 || flags.get(s, start, end - 3) !== 0);
    if (partitiveClash) acc |= AMBIGUOUS;
    else if (!(wf & (LEX.common | LEX.municipality))) return acc & (NAME | NOUN);
  }
  // a place or a weak reading is ambiguous too
  return (acc & (PLACE | WEAK) ? acc | AMBIGUOUS : acc) & (NAME | AMBIGUOUS | PLACE | WEAK | NOUN);
}

/**
 * The table that readWord() looks base forms up in while the lexicon words' readings are worked out
 * (addNameReadings then returns them in one table with these bits).
 */
export function baseFormTable(flags: WordTable): NameTable {
  const words: string[] = [];
  const formBits: number[] = [];
  flags.mapBits((bits, all, start, end) => {
    const f = formBitsOf(bits, all, start, end);
    if (f !== 0) {
      words.push(all.slice(start, end));
      formBits.push(f);
    }
    return bits;
  });
  return new NameTable(words, formBits.map(() => 1), formBits);
}

/**
 * A word's LEX bits as a base form: 0 for a word without FORM_BITS (no other word changes a reading
 * as a base form), and for a word with a letter lowerCode() would change: a base form is lower
 * case, so the flags table could never match it either.
 */
function formBitsOf(bits: number, all: string, start: number, end: number): number {
  return bits & FORM_BITS && end - start <= NAME_TABLE_MAX_LENGTH && isLower(all, start, end) ? bits & LEX_MASK : 0;
}

function isLower(s: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (lowerCode(s.charCodeAt(k)) !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * Stores every word's reading in its flags value (see READING_SHIFT) and returns the readings, with
 * the words' LEX bits as base forms, as a compact table for the name detector's look-ups and
 * readWord()'s. A word whose reading could depend on how it is written (a hyphen, a letter
 * lowerCode() would change) is left to be read at run time.
 */
export function addNameReadings(tables: ReadingTables): NameTable {
  const flags = tables.flags;
  const words: string[] = [];
  const codes: number[] = [];
  const formBits: number[] = [];
  flags.mapBits((bits, all, start, end) => {
    let plain = isLower(all, start, end);
    for (let k = start; k < end && plain; k++) plain = all.charCodeAt(k) !== 45;
    // (readWord looks a few letters past a word for a hyphen; a hyphen of the next word cannot make it a particle)
    const r = plain ? 1 + readWord(all, start, end, bits & LEX_MASK, tables) : READ_AT_RUN_TIME;
    if (end - start <= NAME_TABLE_MAX_LENGTH) {
      words.push(all.slice(start, end));
      codes.push(r);
      formBits.push(formBitsOf(bits, all, start, end));
    }
    return (bits & LEX_MASK) | (r << READING_SHIFT);
  });
  return new NameTable(words, codes, formBits);
}

/** The word ending at `end` ends in -sta or -stä (any case). */
function endsWithSta(s: string, end: number): boolean {
  const a = lowerCode(s.charCodeAt(end - 1));
  return (a === 97 || a === 0xe4) && lowerCode(s.charCodeAt(end - 2)) === 116 && lowerCode(s.charCodeAt(end - 3)) === 115;
}

// Arabic and Kurdish family-name particles written with a hyphen: Al-Rawi, El-Sayed, Abu-Bakr, Bin-Laden.
const PARTICLES = ['al', 'el', 'abu', 'abd', 'bin', 'ben', 'ibn', 'bint'];

/** s[start, end) is a particle, a hyphen and a capitalised part of three letters or more. */
function arabicPrefixed(s: string, start: number, end: number): boolean {
  for (const p of PARTICLES) {
    const h = start + p.length;
    if (end - h < 4 || s.charCodeAt(h) !== 45) continue;
    let same = true;
    for (let k = 0; k < p.length && same; k++) same = lowerCode(s.charCodeAt(start + k)) === p.charCodeAt(k);
    const c = s.charCodeAt(h + 1);
    if (same && lowerCode(c) !== c) return true;
  }
  return false;
}
