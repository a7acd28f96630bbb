/** A full date written right after a birth word (syntynyt, s., född, born, DOB). */
import * as charsModule from './chars';
import * as scanContextModule from './scan-context';
import type { Candidate, ScanContext } from './scan-context';
import * as wordKindsModule from './word-kinds';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryAfter, codeAt, isDigit, isLetter, skipBlanks } = charsModule;
const { caseAsCompared } = scanContextModule;
const { KIND, registerTriggerWords } = wordKindsModule;

const BIRTH_WORDS = new Set(['syntynyt', 'syntyneen', 'syntyi', 'syntyneelle', 'syntymäaika', 'syntymäaikansa', 'syntymäaikaa', 'syntymäpäivä', 'syntymäpäivänsä', 'synt', 'syntymä',
  'född', 'födelsedatum', 'födelsedag', 'föddes', 'born', 'dob', 'birth', 'birthdate', 'birthday', 'syntymäajaksi']);
// One-letter abbreviations count only with their full stop: "s. 3.4.87", "f. 3.4.1987", "b. 1987-04-03".
const BIRTH_ABBR = new Set(['s', 'f', 'b', 'sa', 'synt']);
registerTriggerWords([...BIRTH_WORDS, ...BIRTH_ABBR, 'd'], KIND.birth);
// Words between a birth word and its date ("syntynyt vuonna", "d.o.b").
const FILLER_WORDS = ['on', 'vuonna', 'the', 'den', 'är', 'is', 'was', 'of', 'date', 'aika', 'päivämäärä', 'pvm', 'datum', 'o', 'b'];

const MONTHS = new Map<string, number>();
['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'].forEach((m, k) => {
  for (const suf of ['kuuta', 'kuu', 'kuun']) MONTHS.set(m + suf, k + 1);
});
['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'].forEach((m, k) => MONTHS.set(m, k + 1));
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((m, k) => {
  MONTHS.set(m, k + 1);
  MONTHS.set(m.slice(0, 3), k + 1);
});
MONTHS.set('sept', 9);
// Month names by their number, looked up in place (no lower-case copy of the word).
const MONTH_TABLE = new WordTable(MONTHS);
// The words the walk from a birth word to its date may meet, in one table: a month (its number, bits
// 0-3) ends the walk, a filler (FILLER_BIT) is stepped over; one probe per word instead of two.
const FILLER_BIT = 16;
const WALK_WORDS = new WordTable([...MONTHS, ...FILLER_WORDS.map((w) => [w, FILLER_BIT] as const)]);

/** Value of the number readInt() read last. */
let intValue = 0;

/** Reads at most `max` digits at i: returns their end, their value in `intValue` (no pair allocated). */
function readInt(s: string, i: number, max: number): number {
  let j = i;
  let v = 0;
  while (j < s.length && isDigit(s.charCodeAt(j)) && j - i < max) v = v * 10 + s.charCodeAt(j++) - 48;
  intValue = v;
  return j;
}

function readWord(s: string, i: number): number {
  let j = i;
  while (j < s.length && isLetter(s.charCodeAt(j))) j++;
  return j;
}

function validDay(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function validYear(y: number, digits: number): boolean {
  return digits === 2 || (digits === 4 && y >= 1900 && y <= 2100);
}

/** End of a full date starting at i (numeric or with a month name), or -1. */
function readFullDate(s: string, i: number): number {
  if (!isDigit(codeAt(s, i))) {
    // "April 3, 1987"
    const w = readWord(s, i);
    const m = MONTH_TABLE.get(s, i, w);
    if (!m) return -1;
    const e = readInt(s, skipBlanks(s, w), 2);
    if (e === skipBlanks(s, w) || !validDay(intValue, m)) return -1;
    let k = codeAt(s, e) === 44 ? e + 1 : e;
    k = skipBlanks(s, k);
    const ye = readInt(s, k, 4);
    return ye - k === 4 && validYear(intValue, 4) && boundaryAfter(s, ye) ? ye : -1;
  }
  const ae = readInt(s, i, 4);
  const a = intValue;
  const sep = codeAt(s, ae);
  if (ae - i === 4 && (sep === 45 || sep === 47)) {
    // 1987-04-03
    const me = readInt(s, ae + 1, 2);
    const m = intValue;
    if (codeAt(s, me) !== sep) return -1;
    const de = readInt(s, me + 1, 2);
    return validDay(intValue, m) && validYear(a, 4) && boundaryAfter(s, de) ? de : -1;
  }
  if (ae - i > 2) return -1;
  if (sep === 46 || sep === 47 || sep === 45) {
    const me = readInt(s, ae + 1, 2);
    const m = intValue;
    if (me > ae + 1 && codeAt(s, me) === sep) {
      // "3.4.-87", "3.4.'87": a two-digit year after a dash or an apostrophe (not a range "1.3.-15.3.")
      const mark = codeAt(s, me + 1);
      if (sep === 46 && (mark === 45 || mark === 39 || mark === 0x2019)) {
        const ye = readInt(s, me + 2, 3);
        return ye - me - 2 === 2 && validDay(a, m) && boundaryAfter(s, ye) && codeAt(s, ye) !== 46 ? ye : -1;
      }
      const ye = readInt(s, me + 1, 4);
      if (validDay(a, m) && validYear(intValue, ye - me - 1) && boundaryAfter(s, ye)) return ye;
      return -1;
    }
  }
  // "3. huhtikuuta 1987", "3 april 1987"
  let k = sep === 46 ? ae + 1 : ae;
  k = skipBlanks(s, k);
  const w = readWord(s, k);
  const m = MONTH_TABLE.get(s, k, w);
  if (!m || !validDay(a, m)) return -1;
  const ys = skipBlanks(s, codeAt(s, w) === 44 ? w + 1 : w);
  const ye = readInt(s, ys, 4);
  return ye - ys === 4 && validYear(intValue, 4) && boundaryAfter(s, ye) ? ye : -1;
}

// Birth words that can follow the date: "06.09.1999 syntynyt mies", "1990-09-20 född".
const AFTER_DATE = ['syntynyt', 'syntyi', 'syntyneen', 'syntyneelle', 'född', 'föddes', 'born'];
// What a birth token is, as bits of one in-place look-up (BIRTH_WORDS, BIRTH_ABBR, AFTER_DATE, 'd').
const AS_WORD = 1;
const AS_ABBR = 2;
const AS_AFTER = 4;
const AS_D = 8;
const BIRTH_TOKENS = new WordTable([
  ...[...BIRTH_WORDS].map((w) => [w, AS_WORD] as const),
  ...[...BIRTH_ABBR].map((w) => [w, AS_ABBR] as const),
  ...AFTER_DATE.map((w) => [w, AS_AFTER] as const),
  ['d', AS_D] as const,
]);

function skipBack(s: string, at: number): number {
  let e = at;
  while (e > 0 && s.charCodeAt(e - 1) === 32) e--;
  return e;
}

/** Start of a full date that ends, one or two blanks before `at`, right before the word; or -1. */
function dateBefore(s: string, at: number): number {
  let end = at;
  while (end > at - 2 && end > 0 && s.charCodeAt(end - 1) === 32) end--;
  if (end === at || !isDigit(codeAt(s, end - 1))) return -1;
  // a date is at most ten characters of digits and . / -
  let a = end;
  while (a > 0 && end - a < 10) {
    const c = s.charCodeAt(a - 1);
    if (!isDigit(c) && c !== 46 && c !== 47 && c !== 45) break;
    a--;
  }
  for (let start = a; start < end - 5; start++) {
    if (!isDigit(s.charCodeAt(start)) || (start > 0 && isLetter(s.charCodeAt(start - 1))) || isDigit(codeAt(s, start - 1))) continue;
    if (readFullDate(s, start) === end) return start;
  }
  return -1;
}

/** Finds birth dates. */
export function detectDateOfBirth(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const tokens = ctx.tokens;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (!(tok.kind & KIND.birth)) continue;
    // Token.lower of a lower-case word is as written: one with a capital inside is none of these
    const as = caseAsCompared(tok, s) ? BIRTH_TOKENS.getHashed(tok.hash1, s, tok.start, tok.end) : 0;
    if (as & AS_AFTER) {
      const start = dateBefore(s, tok.start);
      if (start >= 0) {
        out.push({ type: 'date_of_birth', start, end: skipBack(s, tok.start), confidence: 0.9 });
        continue;
      }
    }
    const abbr = as & AS_ABBR && codeAt(s, tok.end) === 46;
    if (!abbr && !(as & AS_WORD) && !(as & AS_D && s.startsWith('.o.b', tok.end))) continue;
    // walk over blanks, punctuation and filler words to the date, at most 40 characters
    let i = tok.end;
    const limit = Math.min(s.length, tok.end + 40);
    while (i < limit) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) break;
      if (isLetter(c)) {
        const e = readWord(s, i);
        const walk = WALK_WORDS.get(s, i, e);
        if ((walk & 15) !== 0) break;
        if (walk === 0) {
          i = -1;
          break;
        }
        i = e;
        continue;
      }
      if (c === 10) {
        i = -1;
        break;
      }
      i++;
    }
    if (i < 0 || i >= limit) continue;
    const end = readFullDate(s, i);
    if (end > 0) out.push({ type: 'date_of_birth', start: i, end, confidence: 0.9 });
  }
}
