/**
 * Word tokeniser shared by the name, address and label detectors. Tokens are integer spans of the
 * normalised text, reused from call to call; their strings are built only when a detector asks.
 */
import { isBlank, isLetter, isUpper, lowerCode } from './chars';
import { hashPair, pairHash1, pairHash2, WordTable } from './word-table';

/** A run of letters (inner hyphens and apostrophes kept: Anna-Liisa, O'Brien). */
export class Token {
  start = 0;
  end = 0;
  /** First letter upper-case. */
  cap = false;
  /** Every letter upper-case (THK, KELA). */
  allCaps = false;
  /** First word of a sentence, line or list item. */
  sentStart = false;
  /** KIND bits of the lower-cased word (0 for most words). */
  kind = 0;
  /** Capitalised words only: hashLower() of the word and a second hash (see hashPair), for look-ups in place. */
  hash1 = 0;
  hash2 = 0;
  /** The normalised text the span points into ('' once screening is over). */
  src = '';
  private lowerCache: string | null = null;

  /** The word as written (built on demand). */
  get text(): string {
    return this.src.slice(this.start, this.end);
  }

  /** The word in lower case (built on first use). */
  get lower(): string {
    this.lowerCache ??= this.cap ? this.text.toLowerCase() : this.text;
    return this.lowerCache;
  }

  set(src: string, start: number, end: number, cap: boolean): void {
    this.src = src;
    this.start = start;
    this.end = end;
    this.cap = cap;
    this.lowerCache = null;
  }
}

const ABBREVIATIONS = new WordTable(['s', 'esim', 'n', 'mm', 'ns', 'ts', 'yms', 'tms', 'jne', 'hra', 'rva', 'tri', 'dr', 'mr', 'mrs', 'ms', 'st', 'klo', 'p', 'puh', 'tel', 'ca', 'noin', 'synt', 'f', 'b', 'nr', 'nro', 'no', 'vs', 'etc', 'ym', 'ks', 'vrt', 'prof', 'e', 'd', 'o', 'v', 'kk', 'vk', 'h', 'min'].map((w) => [w, 1] as const));

function isSentenceStart(s: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0) {
    const c = s.charCodeAt(j);
    // blanks, quotes, brackets and bullets in front of a word do not end the look-back
    if (isBlank(c) || c === 34 || c === 39 || c === 40 || c === 91 || c === 0xab || c === 0x201c || c === 0x2022 || c === 42) j--;
    else if (c === 45 && (j === 0 || s.charCodeAt(j - 1) === 10 || isBlank(s.charCodeAt(j - 1)))) j--;
    else break;
  }
  if (j < 0) return true;
  const c = s.charCodeAt(j);
  if (c === 10 || c === 13 || c === 33 || c === 63 || c === 58 || c === 59) return true;
  if (c !== 46) return false;
  // a full stop after an abbreviation or a single digit ("s. 3.4.87", "esim. Kela") does not start a sentence
  let k = j - 1;
  while (k >= 0 && isLetter(s.charCodeAt(k))) k--;
  return !(j > k + 1 && ABBREVIATIONS.get(s, k + 1, j) !== 0);
}

/** Token kinds a detector can test as bits instead of comparing strings. */
export const KIND = {
  recordLabel: 1, passportLabel: 2, birth: 4,
  /** Words before a name that say it is a client or relative (asiakas, äiti, herra). */
  nameContext: 8,
  /** Greetings and professional roles: the name after them is a colleague's. */
  greeting: 16,
  /** "on", "is", "är" between a context word and a name. */
  filler: 32,
  /** Words after a name that make it a person's (äiti, asuu, kanssa). */
  nameAfter: 64,
  /** Words (and word beginnings) after a capitalised word that make it part of an institution's name. */
  institution: 128,
} as const;
// Set on every registered word so a registered word never has bits 0.
const TRIGGER = 1 << 30;

// Lower-case words are kept only when some detector looks them up (labels, context and birth words):
// most words of a message are ordinary lower-case words, and skipping them keeps screening fast.
const exact = new Map<string, number>();
// key of the first three letters -> prefixes sharing them, and their kinds (parallel arrays)
const prefixes = new Map<number, { words: string[]; kinds: number[] }>();
let table: WordTable | null = null;
// Bit filters on (length, first two letters) and on the first three letters: most words of a message
// fail them after three code reads, before any hashing.
const WORD_FILTER = new Uint8Array(1 << 16);
const PREFIX_FILTER = new Uint8Array(1 << 16);

function wordBucket(len: number, c0: number, c1: number): number {
  return (Math.imul(Math.imul(len, 0x9e3779b1) ^ c0, 0x85ebca6b) ^ Math.imul(c1, 0xc2b2ae35)) >>> 16;
}

function prefixBucket(c0: number, c1: number, c2: number): number {
  return (Math.imul(Math.imul(c0, 0x9e3779b1) ^ c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35)) >>> 16;
}

function prefixKey(c0: number, c1: number, c2: number): number {
  return ((c0 & 0x3ff) << 20) | ((c1 & 0x3ff) << 10) | (c2 & 0x3ff);
}

/** Lower-case words a detector needs to see as tokens, optionally tagged with kind bits. */
export function registerTriggerWords(words: Iterable<string>, kind = 0): void {
  for (const w of words) {
    exact.set(w, (exact.get(w) ?? 0) | kind | TRIGGER);
    WORD_FILTER[wordBucket(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0)] = 1;
  }
  table = null;
}

/** Lower-case word beginnings (three letters or more) a detector needs to see: asiakasnumero, asiakasnumerolla. */
export function registerTriggerPrefixes(list: Iterable<string>, kind = 0): void {
  for (const p of list) {
    const key = prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2));
    PREFIX_FILTER[prefixBucket(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))] = 1;
    const entries = prefixes.get(key) ?? { words: [], kinds: [] };
    entries.words.push(p);
    entries.kinds.push(kind);
    prefixes.set(key, entries);
  }
}

function startsWithLower(s: string, start: number, end: number, p: string): boolean {
  if (end - start < p.length) return false;
  for (let k = 0; k < p.length; k++) if (lowerCode(s.charCodeAt(start + k)) !== p.charCodeAt(k)) return false;
  return true;
}

/** KIND bits (plus TRIGGER) of the lower-cased s[start, end) (its hashLower() given when `hashed`); 0 when no detector wants the word. */
function kindOf(s: string, start: number, end: number, hashed: boolean, hash: number): number {
  const len = end - start;
  const c0 = lowerCode(s.charCodeAt(start));
  const c1 = len > 1 ? lowerCode(s.charCodeAt(start + 1)) : 0;
  let kind = 0;
  if (WORD_FILTER[wordBucket(len, c0, c1)] === 1) {
    table ??= new WordTable(exact);
    kind = hashed ? table.getHashed(hash, s, start, end) : table.get(s, start, end);
  }
  if (len >= 3) {
    const c2 = lowerCode(s.charCodeAt(start + 2));
    if (PREFIX_FILTER[prefixBucket(c0, c1, c2)] === 0) return kind;
    const list = prefixes.get(prefixKey(c0, c1, c2));
    if (list) for (let k = 0; k < list.words.length; k++) if (startsWithLower(s, start, end, list.words[k])) kind |= list.kinds[k] | TRIGGER;
  }
  return kind;
}

/** Every letter upper-case, checked without building an upper-case copy. */
function allUpper(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 0xdf && c !== 0xf7 && (c < 0x100 || !isUpper(c)) && letterAt(s, i)) return false;
  }
  return true;
}

/** Lower-case words kept after a trigger, so "asiakas matti virtanen" reaches the name detector. */
const KEEP_AFTER_TRIGGER = 3;

// Letter flags for the first 0x250 code units (Basic Latin to Latin Extended-B); others ask isLetter().
const LETTER_TABLE = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) LETTER_TABLE[c] = isLetter(c) ? 1 : 0;

function letterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0x250 ? LETTER_TABLE[c] === 1 : isLetter(c);
}

let kinds = 0;

/** KIND bits of all tokens of the last tokenize() call together: a detector whose label is absent is skipped. */
export function tokenKinds(): number {
  return kinds;
}

// Token objects and the array holding them are reused by every call: screening allocates no tokens.
const pool: Token[] = [];
const tokens: Token[] = [];

function take(n: number): Token {
  if (n === pool.length) pool.push(new Token());
  return pool[n];
}

/**
 * Splits normalised text into word tokens; linear. Capitalised words are always tokens; lower-case
 * words only when registered as triggers or right after one. The returned array and its tokens are
 * valid until the next call; releaseTokens() drops their hold on the text.
 */
export function tokenize(s: string): Token[] {
  let count = 0;
  kinds = 0;
  const n = s.length;
  let i = 0;
  let keep = 0;
  while (i < n) {
    if (!letterAt(s, i)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && letterAt(s, i)) i++;
      const c = i < n ? s.charCodeAt(i) : -1;
      if ((c === 45 || c === 39) && i + 1 < n && letterAt(s, i + 1)) i += 1;
      else break;
    }
    const first = s.charCodeAt(start);
    const cap = first < 128 ? first >= 65 && first <= 90 : isUpper(first);
    if (cap) hashPair(s, start, i);
    const kind = kindOf(s, start, i, cap, pairHash1);
    if (!cap) {
      if (kind !== 0) keep = KEEP_AFTER_TRIGGER;
      else if (keep > 0) keep--;
      else continue;
    }
    const t = take(count);
    t.set(s, start, i, cap);
    t.allCaps = cap && i - start > 1 && allUpper(s, start, i);
    // only capitalised words need it; the look-back is the costliest part of tokenising
    t.sentStart = cap ? isSentenceStart(s, start) : false;
    t.kind = kind & ~TRIGGER;
    t.hash1 = cap ? pairHash1 : 0;
    t.hash2 = cap ? pairHash2 : 0;
    kinds |= t.kind;
    if (count < tokens.length) tokens[count] = t;
    else tokens.push(t);
    count++;
  }
  tokens.length = count;
  return tokens;
}

/** Drops every token's reference to the last message, so no client text stays reachable. */
export function releaseTokens(): void {
  for (let k = 0; k < tokens.length; k++) tokens[k].set('', 0, 0, false);
  // the array keeps its length (setting it to 0 would drop the backing store, reallocated next call)
}
