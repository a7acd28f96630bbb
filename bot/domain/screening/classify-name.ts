/**
 * How a token reads as a name: a lexicon word's reading is stored with its flags (one look-up);
 * any other word is read through its Finnish base forms (see name-reading.ts).
 */
import * as finnishInflectionModule from './finnish-inflection';
import * as lexiconsModule from './lexicons';
import type { Lexicons } from './lexicons';
import * as nameTableModule from './name-table';
import * as nameReadingModule from './name-reading';
import type { NameInfo } from './name-reading';
import type { ScanContext } from './scan-context';
import type { Token } from './tokens';
import * as wordTableModule from './word-table';
import { HashSet } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { suffixCount } = finnishInflectionModule;
const { LEX_MASK } = lexiconsModule;
const { NAME_TABLE_MAX_LENGTH } = nameTableModule;
const { NO_NAME, READ_AT_RUN_TIME, READING_SHIFT, READINGS, readWord } = nameReadingModule;
const { hashSecond } = wordTableModule;

export { withDoubt, type NameInfo } from './name-reading';

// Words outside the lexicons already known NOT to be names, remembered by hash only: no word, and no
// name, stays in memory.
// Small (32 KB, up to 2048 words before it starts over): a memory the size of the CPU's L2 cache
// evicted the lexicon slots that every look-up needs, and a meeting repeats far fewer words.
const NOT_A_NAME = new HashSet(1 << 12);

/** Forgets the words remembered as no name (the benchmark measures text the screener has not seen). */
export function forgetNonNames(): void {
  NOT_A_NAME.clear();
}

/** The token as a name, or null when it cannot be one. */
export function classify(ctx: ScanContext, t: Token, lex: Lexicons): NameInfo | null {
  const len = t.end - t.start;
  // one letter ("Pihlajatie C", "Veikko O.") reads as no name in any table: no look-up, nothing to remember
  if (len < 2) return null;
  // a lexicon word carries its reading: one look-up in the compact table, and nothing to remember
  const code = len <= NAME_TABLE_MAX_LENGTH ? lex.names.get(t.hash1, ctx.text, t.start, t.end) : longWordCode(ctx.text, t, lex);
  if (code !== 0 && code !== READ_AT_RUN_TIME) return code - 1 === NO_NAME ? null : READINGS[code - 1];
  // (the rest, for the few words outside the lexicons, is a function of its own: the look-up above
  // is what most words need, and its code stays small)
  return readOutsideLexicons(ctx.text, t, code, lex);
}

/** classify()'s table code of a word longer than the compact table holds. */
function longWordCode(s: string, t: Token, lex: Lexicons): number {
  return lex.flags.getHashed(t.hash1, s, t.start, t.end) >>> READING_SHIFT;
}

/** classify() of a word in no lexicon (code 0) or read at run time (READ_AT_RUN_TIME). */
function readOutsideLexicons(s: string, t: Token, code: number, lex: Lexicons): NameInfo | null {
  const h1 = t.hash1;
  // a word in no lexicon, without a hyphen and with no base form, reads as no name: seeing that costs
  // less than remembering it (a second hash) or recalling it, so such words are not remembered
  // (the suffixes found are passed on: reading the word does not walk them again)
  const suffixes = code === 0 ? suffixCount(s, t.start, t.end) : -1;
  if (suffixes === 0 && !hasHyphen(s, t.start, t.end)) return null;
  // any other word is read through its base forms, unless it is remembered (by hash only) as no name;
  // its second hash is read only when the first matches a remembered word, or to remember this one
  let h2 = 0;
  if (NOT_A_NAME.hasFirst(h1)) {
    h2 = hashSecond(s, t.start, t.end);
    if (NOT_A_NAME.has(h1, h2)) return null;
  }
  // only a word read at run time (hyphenated) needs its lexicon bits: others are in no lexicon
  const wf = code === 0 ? 0 : lex.flags.getHashed(h1, s, t.start, t.end) & LEX_MASK;
  const r = readWord(s, t.start, t.end, wf, lex, suffixes);
  if (r !== NO_NAME) return READINGS[r];
  NOT_A_NAME.add(h1, h2 !== 0 ? h2 : hashSecond(s, t.start, t.end));
  return null;
}

function hasHyphen(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 45) return true;
  return false;
}
