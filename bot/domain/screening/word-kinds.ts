/**
 * The words detectors look for, as KIND bits: registered once at load, then looked up for every word
 * of a message in place (no substring or lower-case copy) behind bit filters that most words fail.
 */
import * as charsModule from './chars';
import * as headFilterModule from './head-filter';
import * as wordTableModule from './word-table';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;
const { HEAD_TRIGGER, headOf, markHead } = headFilterModule;
const { hashLower } = wordTableModule;

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
  /** Verbs of contacting a person (soitin, tapasin, ringde); always with nameContext. */
  contactVerb: 512,
} as const;
// Set on every registered word so a registered word never has bits 0.
export const TRIGGER = 1 << 30;

// Lower-case words are kept only when some detector looks them up (labels, context and birth words):
// most words of a message are ordinary lower-case words, and skipping them keeps screening fast.
const exact = new Map<string, number>();
// Registered word beginnings and their kinds (parallel arrays).
const prefixWords: string[] = [];
const prefixKinds: number[] = [];
// The tokeniser hashes every word as it reads its letters (hashLower), so a registered word is found by
// that hash: one bit of a filter on its top 16 bits, then, for the few words that pass, a table probe.
// One bit a bucket (8 KB), so it stays in the L1 cache: read for every word of every message.
const WORD_FILTER = new Int32Array(1 << 11);
// The shortest registered prefix (0: none) by its first three letters (prefixKey): a word shorter
// than that cannot start with any of them ("asiakas" is no "asiakasnumero"), and most words that
// share the three letters are.
const PREFIX_MIN = new Uint8Array(1 << 15);
// The keys PREFIX_MIN has, one bit each (4 KB): read first, so most words touch only this small map.
const PREFIX_KEYS = new Int32Array(1 << 10);
// The registered prefixes' first three, four or five letters (fewer of a shorter prefix) at five bits
// each, as the tokeniser gathers a word's head, one bit each in 2^16 (8 KB): a word is compared with
// the prefixes only when its own head's first three, four or five letters have a bit. Sharper than
// PREFIX_KEYS, whose three letters "kirjata" shares with "kirjasto". The first three letters choose
// the 64-byte line all three bits are in, so a word reads one cache line.
const PREFIX_HEADS = new Int32Array(1 << 11);
let exactTable: WordTable | null = null;
// The registered words of one to three ASCII letters and the three-letter prefixes, with their kinds,
// in a small open-addressing table keyed by head (headOf): slot i holds [head, kind]. For a word of
// three ASCII letters or fewer the head is the word itself (each letter's five-bit code is non-zero),
// so one probe settles it with no filter, hash probe or letter comparison: a third of a message's
// words are this short ("on", "is", "ja", "och").
let shortSlots: Int32Array | null = null;

/** The bit of PREFIX_HEADS for the first three to five letters `head` of a word whose first three are `key`. */
function prefixHeadBit(key: number, head: number): number {
  return ((Math.imul(key, 0x9e3779b1) >>> 25) << 9) | (Math.imul(head, 0x85ebca6b) >>> 23);
}

function setBucket(filter: Int32Array, b: number): void {
  filter[b >>> 5] |= 1 << (b & 31);
}

function hasBucket(filter: Int32Array, b: number): boolean {
  return (filter[b >>> 5] & (1 << (b & 31))) !== 0;
}

/**
 * A code unit with the low five bits of its lower case: below 0x100 a letter and its lower case share
 * them (A-Z and À-Þ are 32 apart), so only rarer code units need lowerCode() (and no case branch).
 */
function low5(c: number): number {
  return c < 0x100 ? c : lowerCode(c);
}

/** Three lower-case code units at five bits each; a word and its registered prefix share it. */
function prefixKey(c0: number, c1: number, c2: number): number {
  return ((c0 & 31) << 10) | ((c1 & 31) << 5) | (c2 & 31);
}

/**
 * Registered prefixes grouped by their key (prefixKey), found through a small open-addressing table:
 * slot i holds [key + 1, group]. A word that passes PREFIX_MIN reads a slot or two and compares the
 * few candidates of its key letter by letter.
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

/** Kind bits of the registered prefixes s[start, end) starts with, among those of key `b`. */
function prefixKind(s: string, start: number, end: number, b: number): number {
  const index = (prefixIndex ??= buildIndex(prefixWords, prefixKinds, (p) => prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))));
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

function shortSlot(head: number, mask: number): number {
  return (Math.imul(head, 0x9e3779b1) >>> 20) & mask;
}

function buildShort(): Int32Array {
  const words = new Set([...exact.keys(), ...prefixWords].filter((w) => /^[a-z]{1,3}$/.test(w)));
  let size = 64;
  while (size < words.size * 4) size *= 2;
  const slots = new Int32Array(size * 2);
  for (const w of words) {
    const kind = kindOf(w, 0, w.length);
    let i = shortSlot(headOf(w), size - 1);
    while (slots[2 * i] !== 0) i = (i + 1) & (size - 1);
    slots[2 * i] = headOf(w);
    slots[2 * i + 1] = kind;
  }
  return slots;
}

/**
 * kindOf() of a word of one to three ASCII letters, whose head (headOf) is `head`: no other such
 * word has a kind (a longer registered prefix cannot start it).
 */
export function kindOfShort(head: number): number {
  const slots = (shortSlots ??= buildShort());
  const mask = (slots.length >>> 1) - 1;
  let i = shortSlot(head, mask);
  for (;;) {
    const k = slots[2 * i];
    if (k === head) return slots[2 * i + 1];
    if (k === 0) return 0;
    i = (i + 1) & mask;
  }
}

/** Lower-case words a detector needs to see as tokens, optionally tagged with kind bits. */
export function registerTriggerWords(words: Iterable<string>, kind = 0): void {
  for (const w of words) {
    exact.set(w, (exact.get(w) ?? 0) | kind | TRIGGER);
    setBucket(WORD_FILTER, hashLower(w, 0, w.length) >>> 16);
    markHead(headOf(w), HEAD_TRIGGER);
  }
  exactTable = null;
  shortSlots = null;
}

/** Lower-case word beginnings (three letters or more) a detector needs to see: asiakasnumero, asiakasnumerolla. */
export function registerTriggerPrefixes(list: Iterable<string>, kind = 0): void {
  for (const p of list) {
    // shorter ones were never matched (the look-up reads three letters)
    if (p.length < 3) continue;
    const key = prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2));
    const len = Math.min(p.length, 255);
    if (PREFIX_MIN[key] === 0 || len < PREFIX_MIN[key]) PREFIX_MIN[key] = len;
    setBucket(PREFIX_KEYS, key);
    // a word that starts with a three-letter beginning may have any fourth letter, or none
    const head = headOf(p);
    markHead(head, HEAD_TRIGGER);
    setBucket(PREFIX_HEADS, prefixHeadBit(prefixKey(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2)), p.length < 5 ? head : (head << 5) | (p.charCodeAt(4) & 31)));
    if (p.length === 3) for (let c = 0; c < 32; c++) markHead((head << 5) | c, HEAD_TRIGGER);
    prefixWords.push(p);
    prefixKinds.push(kind);
  }
  prefixIndex = null;
  exactTable = null;
  shortSlots = null;
}

/** KIND bits (plus TRIGGER) of the lower-cased s[start, end); 0 when no detector wants the word. */
export function kindOf(s: string, start: number, end: number): number {
  return kindOfKeyed(hashLower(s, start, end), s, start, end, end - start >= 3 ? prefixKeyAt(s, start) : -1);
}

/** prefixKey() of the word starting at s[start] (three code units or more). */
export function prefixKeyAt(s: string, start: number): number {
  return prefixKey(low5(s.charCodeAt(start)), low5(s.charCodeAt(start + 1)), low5(s.charCodeAt(start + 2)));
}

/**
 * kindOf() when the word's hashLower() (the tokeniser builds it while reading the word) and its
 * prefixKey() (-1 for a word of fewer than three code units) are known.
 */
export function kindOfKeyed(hash: number, s: string, start: number, end: number, key: number): number {
  const kind = exactKind(hash, s, start, end);
  if (kind !== 0) return kind;
  return key >= 0 ? prefixKindKeyed(s, start, end, key) : 0;
}

/** The kinds of s[start, end) when it is a registered word (its entry holds its prefixes' kinds too: exactKinds), else 0. */
function exactKind(hash: number, s: string, start: number, end: number): number {
  // the filter's bit read here, not through hasBucket(): a helper the optimiser leaves out of line
  // (its inlining budget is spent on the tokeniser's loop) is a call for every word that gets here
  const b = hash >>> 16;
  return (WORD_FILTER[b >>> 5] & (1 << (b & 31))) === 0 ? 0 : (exactTable ??= exactKinds()).getHashed(hash, s, start, end);
}

/**
 * kindOfKeyed() of a word whose whole head the tokeniser gathered: the five-bit codes of its first
 * `headLen` code units (all Latin-1 letters), headLen = min(length, 5).
 */
export function kindOfHead(hash: number, s: string, start: number, end: number, head: number, headLen: number): number {
  const kind = exactKind(hash, s, start, end);
  return kind !== 0 || headLen < 3 ? kind : prefixKindOfHead(s, start, end, head, headLen);
}

/**
 * The prefix half of kindOfHead(), out of line: only words that are no registered word get here, and
 * its helpers inline into it rather than spend the tokeniser's inlining budget.
 */
function prefixKindOfHead(s: string, start: number, end: number, head: number, headLen: number): number {
  const key = head >>> (5 * (headLen - 3));
  // a registered prefix of three, four or five letters or more marked the bit of that many of the word's letters
  if (!hasBucket(PREFIX_HEADS, prefixHeadBit(key, key)) && !(headLen > 3 && hasBucket(PREFIX_HEADS, prefixHeadBit(key, head >>> (5 * (headLen - 4))))) &&
    !(headLen > 4 && hasBucket(PREFIX_HEADS, prefixHeadBit(key, head)))) return 0;
  return prefixKindKeyed(s, start, end, key);
}

/** Kind bits of the registered prefixes s[start, end) starts with; `key` is its prefixKey(). */
function prefixKindKeyed(s: string, start: number, end: number, key: number): number {
  return hasBucket(PREFIX_KEYS, key) && end - start >= PREFIX_MIN[key] ? prefixKind(s, start, end, key) : 0;
}

/** The registered words, each with the kinds of the registered prefixes it starts with besides its own. */
function exactKinds(): WordTable {
  const merged = new Map<string, number>();
  for (const [w, kind] of exact) merged.set(w, kind | (w.length >= 3 ? prefixKindKeyed(w, 0, w.length, prefixKeyAt(w, 0)) : 0));
  return new WordTable(merged);
}
