/**
 * The words detectors look for, as KIND bits: registered once at load, then looked up for every word
 * of a message in place (no substring or lower-case copy) behind bit filters that most words fail.
 */
import { lowerCode } from './chars';

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
  /** Lower-case words that may be names (lower-name-filter.ts); set by the tokeniser, not registered. */
  lowerName: 256,
} as const;
// Set on every registered word so a registered word never has bits 0.
export const TRIGGER = 1 << 30;

// Lower-case words are kept only when some detector looks them up (labels, context and birth words):
// most words of a message are ordinary lower-case words, and skipping them keeps screening fast.
const exact = new Map<string, number>();
// Registered word beginnings and their kinds (parallel arrays).
const prefixWords: string[] = [];
const prefixKinds: number[] = [];
// Bit filters on (length, first two letters) and on the first three letters: most words of a message
// fail them after three code reads, before any hashing. One bit a bucket (8 KB each), so both stay
// in the L1 cache: read for every word of every message, a byte a bucket missed it.
const WORD_FILTER = new Int32Array(1 << 11);
const PREFIX_FILTER = new Int32Array(1 << 11);

function setBucket(filter: Int32Array, b: number): void {
  filter[b >>> 5] |= 1 << (b & 31);
}

function hasBucket(filter: Int32Array, b: number): boolean {
  return (filter[b >>> 5] & (1 << (b & 31))) !== 0;
}

function wordBucket(len: number, c0: number, c1: number): number {
  return (Math.imul(Math.imul(len, 0x9e3779b1) ^ c0, 0x85ebca6b) ^ Math.imul(c1, 0xc2b2ae35)) >>> 16;
}

function prefixBucket(c0: number, c1: number, c2: number): number {
  return (Math.imul(Math.imul(c0, 0x9e3779b1) ^ c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35)) >>> 16;
}

/**
 * Registered words (or prefixes) grouped by their filter bucket, found through a small open-addressing
 * table: slot i holds [bucket + 1, group]. A word that passes a filter reads a slot or two and compares
 * the few candidates of its bucket letter by letter; it is never hashed (hashing every letter cost
 * more than the comparisons).
 */
interface BucketIndex {
  slots: Int32Array;
  mask: number;
  groups: number[][];
  /** Every word's code units, one after another (a typed array: the words' strings come in several representations, which made reading them slow). */
  letters: Uint16Array;
  /** Word k is letters[start[k], start[k + 1]). */
  start: Int32Array;
  kinds: number[];
}
let exactIndex: BucketIndex | null = null;
let prefixIndex: BucketIndex | null = null;

/** Indexes `words` (with their kinds) by the bucket `bucketOf` gives each. */
function buildIndex(words: string[], kinds: number[], bucketOf: (w: string) => number): BucketIndex {
  const byBucket = new Map<number, number[]>();
  const start = new Int32Array(words.length + 1);
  words.forEach((w, k) => {
    const b = bucketOf(w);
    const group = byBucket.get(b) ?? [];
    group.push(k);
    byBucket.set(b, group);
    start[k + 1] = start[k] + w.length;
  });
  const letters = new Uint16Array(start[words.length]);
  words.forEach((w, k) => {
    for (let i = 0; i < w.length; i++) letters[start[k] + i] = w.charCodeAt(i);
  });
  let size = 16;
  while (size < byBucket.size * 2) size *= 2;
  const slots = new Int32Array(size * 2);
  const groups: number[][] = [];
  for (const [b, group] of byBucket) {
    let i = b & (size - 1);
    while (slots[2 * i] !== 0) i = (i + 1) & (size - 1);
    slots[2 * i] = b + 1;
    slots[2 * i + 1] = groups.length;
    groups.push(group);
  }
  return { slots, mask: size - 1, groups, letters, start, kinds };
}

/** s[from, from + len) in lower case is word k of the index (len its length at most). */
function sameStart(s: string, from: number, index: BucketIndex, k: number, len: number): boolean {
  const at = index.start[k];
  for (let i = 0; i < len; i++) if (lowerCode(s.charCodeAt(from + i)) !== index.letters[at + i]) return false;
  return true;
}

/** The group of bucket `b`, or null. */
function groupOf(index: BucketIndex, b: number): number[] | null {
  let i = b & index.mask;
  while (index.slots[2 * i] !== b + 1) {
    if (index.slots[2 * i] === 0) return null;
    i = (i + 1) & index.mask;
  }
  return index.groups[index.slots[2 * i + 1]];
}

/** Kind bits of the registered word that is s[start, end) in lower case (of filter bucket `b`), or 0. */
function exactKind(s: string, start: number, end: number, b: number): number {
  const index = (exactIndex ??= buildIndex([...exact.keys()], [...exact.values()], (w) => wordBucket(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0)));
  const group = groupOf(index, b);
  if (group === null) return 0;
  const len = end - start;
  for (let k = 0; k < group.length; k++) {
    const w = group[k];
    if (index.start[w + 1] - index.start[w] === len && sameStart(s, start, index, w, len)) return index.kinds[w];
  }
  return 0;
}

/** Kind bits of the registered prefixes s[start, end) starts with, among those of filter bucket `b`. */
function prefixKind(s: string, start: number, end: number, b: number): number {
  const index = (prefixIndex ??= buildIndex(prefixWords, prefixKinds, (p) => prefixBucket(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))));
  const group = groupOf(index, b);
  if (group === null) return 0;
  let kind = 0;
  for (let k = 0; k < group.length; k++) {
    const p = group[k];
    const plen = index.start[p + 1] - index.start[p];
    if (plen <= end - start && sameStart(s, start, index, p, plen)) kind |= index.kinds[p] | TRIGGER;
  }
  return kind;
}

/** Lower-case words a detector needs to see as tokens, optionally tagged with kind bits. */
export function registerTriggerWords(words: Iterable<string>, kind = 0): void {
  for (const w of words) {
    exact.set(w, (exact.get(w) ?? 0) | kind | TRIGGER);
    setBucket(WORD_FILTER, wordBucket(w.length, w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0));
  }
  exactIndex = null;
}

/** Lower-case word beginnings (three letters or more) a detector needs to see: asiakasnumero, asiakasnumerolla. */
export function registerTriggerPrefixes(list: Iterable<string>, kind = 0): void {
  for (const p of list) {
    setBucket(PREFIX_FILTER, prefixBucket(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2)));
    prefixWords.push(p);
    prefixKinds.push(kind);
  }
  prefixIndex = null;
}

/** KIND bits (plus TRIGGER) of the lower-cased s[start, end); 0 when no detector wants the word. */
export function kindOf(s: string, start: number, end: number): number {
  const len = end - start;
  const c0 = lowerCode(s.charCodeAt(start));
  const c1 = len > 1 ? lowerCode(s.charCodeAt(start + 1)) : 0;
  const wb = wordBucket(len, c0, c1);
  let kind = hasBucket(WORD_FILTER, wb) ? exactKind(s, start, end, wb) : 0;
  if (len >= 3) {
    const b = prefixBucket(c0, c1, lowerCode(s.charCodeAt(start + 2)));
    if (hasBucket(PREFIX_FILTER, b)) kind |= prefixKind(s, start, end, b);
  }
  return kind;
}
