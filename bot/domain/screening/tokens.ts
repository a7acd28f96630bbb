/** Word tokeniser shared by the name, address and label detectors. */
import { isBlank, isLetter, isUpper } from './chars';

/** A run of letters (inner hyphens and apostrophes kept: Anna-Liisa, O'Brien). */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First letter upper-case. */
  cap: boolean;
  /** Every letter upper-case (THK, KELA). */
  allCaps: boolean;
  /** First word of a sentence, line or list item. */
  sentStart: boolean;
  /** KIND bits: label or birth word. */
  kind: number;
}

const ABBREVIATIONS = new Set(['s', 'esim', 'n', 'mm', 'ns', 'ts', 'yms', 'tms', 'jne', 'hra', 'rva', 'tri', 'dr', 'mr', 'mrs', 'ms', 'st', 'klo', 'p', 'puh', 'tel', 'ca', 'noin', 'synt', 'f', 'b', 'nr', 'nro', 'no', 'vs', 'etc', 'ym', 'ks', 'vrt', 'prof', 'e', 'd', 'o', 'v', 'kk', 'vk', 'h', 'min']);

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
  const word = s.slice(k + 1, j).toLowerCase();
  return !(word.length > 0 && ABBREVIATIONS.has(word));
}

// Lower-case words are kept only when some detector looks them up (labels, context and birth words):
// most words of a message are ordinary lower-case words, and skipping them keeps screening fast.
// Keys are numbers (length and first letters), so deciding to skip allocates nothing.
const TRIGGER_KEYS = new Set<number>();
const TRIGGER_PREFIX_KEYS = new Set<number>();
const KIND_EXACT = new Map<string, number>();
// prefix key -> [prefix, kind] pairs sharing those first three letters
const KIND_PREFIXES = new Map<number, Array<[string, number]>>();

// Small-integer keys (V8 hashes them without allocating); collisions only let an extra word through.
function wordKey(len: number, c0: number, c1: number): number {
  return ((len & 0x1ff) << 20) | ((c0 & 0x3ff) << 10) | (c1 & 0x3ff);
}

function prefixKey(c0: number, c1: number, c2: number): number {
  return ((c0 & 0x3ff) << 20) | ((c1 & 0x3ff) << 10) | (c2 & 0x3ff);
}

/** Token kinds a detector can ask for without comparing strings again. */
export const KIND = { recordLabel: 1, passportLabel: 2, birth: 4 } as const;

/** Lower-case words a detector needs to see as tokens, optionally tagged with a kind bit. */
export function registerTriggerWords(words: Iterable<string>, kind = 0): void {
  for (const w of words) {
    TRIGGER_KEYS.add(wordKey(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0));
    if (kind) KIND_EXACT.set(w, (KIND_EXACT.get(w) ?? 0) | kind);
  }
}

/** Lower-case word beginnings a detector needs to see (inflected labels: asiakasnumero, asiakasnumerolla). */
export function registerTriggerPrefixes(prefixes: Iterable<string>, kind = 0): void {
  for (const p of prefixes) {
    TRIGGER_PREFIX_KEYS.add(prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2)));
    if (kind) {
      const key = prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2));
      const list = KIND_PREFIXES.get(key) ?? [];
      list.push([p, kind]);
      KIND_PREFIXES.set(key, list);
    }
  }
}

function isTrigger(s: string, start: number, end: number): boolean {
  const c0 = s.charCodeAt(start);
  const c1 = end - start > 1 ? s.charCodeAt(start + 1) : 0;
  if (TRIGGER_KEYS.has(wordKey(end - start, c0, c1))) return true;
  return end - start >= 3 && TRIGGER_PREFIX_KEYS.has(prefixKey(c0, c1, s.charCodeAt(start + 2)));
}

function kindOf(lower: string): number {
  let kind = KIND_EXACT.get(lower) ?? 0;
  if (lower.length >= 3) {
    const list = KIND_PREFIXES.get(prefixKey(lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(2)));
    if (list) for (const [p, k] of list) if (lower.startsWith(p)) kind |= k;
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

/**
 * Splits normalised text into word tokens; linear. Capitalised words are always tokens; lower-case
 * words only when registered as triggers or right after one.
 */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
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
    let trigger = false;
    if (!cap) {
      trigger = isTrigger(s, start, i);
      if (trigger) keep = KEEP_AFTER_TRIGGER;
      else if (keep > 0) keep--;
      else continue;
    }
    const text = s.slice(start, i);
    const lower = cap ? text.toLowerCase() : text;
    tokens.push({
      start,
      end: i,
      text,
      lower,
      cap,
      allCaps: cap && i - start > 1 && allUpper(s, start, i),
      // only capitalised words need it; the look-back is the costliest part of tokenising
      sentStart: cap ? isSentenceStart(s, start) : false,
      // capitalised words: look the kind up only when the lower-cased word could be a trigger
      kind: trigger || (cap && isTrigger(lower, 0, lower.length)) ? kindOf(lower) : 0,
    });
  }
  return tokens;
}
