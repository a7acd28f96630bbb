/**
 * A bit filter that tells the tokeniser which lower-case words may be names ("nyt juha haluaa",
 * "lausunnon hodanista"): most lower-case words are ordinary and must stay off the name detector's
 * path. One pass over the word hashes every prefix; the whole word and the word without its last
 * one to four letters (a case ending) are probed against the names and their weak-grade stems. The
 * probes use the word hash the tokeniser built while reading the word (word-table.ts hashStep): its
 * shorter prefixes' hashes are worked back from it over the last letters alone (a step is invertible),
 * so the word is not hashed a second time.
 * A hit is only a candidate: the name detector still classifies the word.
 */
import * as charsModule from './chars';
import * as headFilterModule from './head-filter';
import * as wordTableModule from './word-table';
import { HashSet } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;
const { clearHeads, HEAD_NAME, markHead } = headFilterModule;
const { HASH_START, hashFinish, hashLower, hashStep } = wordTableModule;

const BITS = 1 << 20;
const MASK = BITS - 1;
let bits: Uint32Array | null = null;
let source: (() => Iterable<string>) | null = null;
// Endings taken off before probing: -n, -a, 's, -sta, -lle, -ista ...
const MAX_ENDING = 4;
const MIN_STEM = 4;

// 31 * INV31 = 1 (mod 2^32): undoes hashStep's multiplication, so h = (hashStep(h, c) - c) * INV31
const INV31 = 0xbdef7bdf | 0;

function probeBits(h: number): number {
  return h ^ (h >>> 13);
}

function set(h: number): void {
  const b = bits as Uint32Array;
  const x = h & MASK;
  const y = probeBits(Math.imul(h, 0x5bd1e995)) & MASK;
  b[x >>> 5] |= 1 << (x & 31);
  b[y >>> 5] |= 1 << (y & 31);
}

function test(b: Uint32Array, h: number): boolean {
  const x = h & MASK;
  if ((b[x >>> 5] & (1 << (x & 31))) === 0) return false;
  const y = probeBits(Math.imul(h, 0x5bd1e995)) & MASK;
  return (b[y >>> 5] & (1 << (y & 31))) !== 0;
}

// A four-letter stem takes at most four letters of ending (juha|nsa, olga|lle).
const SHORT_WORD = 8;
// Bit maps keyed by four letters at five bits a letter (case and most accents fold together), read
// without hashing the word: letters 1-4 of the four-letter stems (juha, mati) and of the stems of five
// letters or more, in one map (16 KB; both bits of a key in one 32-bit word, so one read answers
// both), and letters 2-5 of the longer stems in another (16 KB). Hashed into maps this small (a few
// thousand keys each: a few per cent of false passes, which the Bloom filter below still stops)
// instead of one bit for each of the 2^20 keys (3 x 128 KB), they stay in the caches beside the
// detectors' tables; most ordinary words fail them after one read.
const FIRST = new Int32Array(1 << 12);
const SECOND = new Int32Array(1 << 12);

/** The 32-bit word of FIRST for the letters key k. */
function firstAt(k: number): number {
  return Math.imul(k, 0x27d4eb2d) >>> 20;
}

/** k's bit in its FIRST word among the four-letter stems (low half) or the longer ones (high half). */
function firstBit(k: number, long: boolean): number {
  return 1 << (((Math.imul(k, 0x85ebca6b) >>> 28) | (long ? 16 : 0)));
}

/** The bit of SECOND for the letters key k. */
function secondBit(k: number): number {
  return Math.imul(k, 0xc2b2ae35) >>> 15;
}

function four(c0: number, c1: number, c2: number, c3: number): number {
  return ((c0 & 31) << 15) | ((c1 & 31) << 10) | ((c2 & 31) << 5) | (c3 & 31);
}

function add(w: string): void {
  if (w.length < MIN_STEM) return;
  const k = four(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2), w.charCodeAt(3));
  markHead(k, HEAD_NAME);
  FIRST[firstAt(k)] |= firstBit(k, w.length > MIN_STEM);
  if (w.length > MIN_STEM) {
    const b = secondBit(four(w.charCodeAt(1), w.charCodeAt(2), w.charCodeAt(3), w.charCodeAt(4)));
    SECOND[b >>> 5] |= 1 << (b & 31);
  }
  let h = HASH_START;
  for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
  set(hashFinish(h));
}

// Stems the inflected forms start with: matti -> mati(n), heikki -> heiki(n), virtanen -> virtase(n), virtas(ta), tuomas -> tuomakse(lle).
function stems(w: string): string[] {
  const out = [w];
  const n = w.length;
  if (w.endsWith('nen')) out.push(w.slice(0, n - 3) + 'se', w.slice(0, n - 3) + 's');
  else if (w.endsWith('s')) out.push(w.slice(0, n - 1) + 'kse'); // tuomas -> tuomakse(lle)
  const m = /([kpt])\1([aeiouyäö])$/.exec(w);
  if (m) out.push(w.slice(0, n - 2) + m[2]);
  if (/[aeiouyäö]$/.test(w)) out.push(w.slice(0, n - 1));
  return out;
}

// Words that passed the filter but proved no name, by hash only (no word stays in memory): a word
// that recurs in a conversation (viikolla, kuukauden) is then dropped before it becomes a token.
const REJECTED = new HashSet(1 << 14);

/** Forgets the rejected words (the benchmark measures text the screener has not seen). */
export function forgetRejectedLowerNames(): void {
  REJECTED.clear();
}

function second(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x5bd1e995);
}

/** The word s[start, end) passed the filter but is no lower-case name. */
export function rejectLowerName(s: string, start: number, end: number): void {
  const h = hashLower(s, start, end);
  REJECTED.add(h, second(h));
}

/** The names the filter is built from (registered once by the name detector; built on first use). */
export function registerLowerNames(names: () => Iterable<string>): void {
  source = names;
  bits = null;
}

function build(): Uint32Array {
  bits = new Uint32Array(BITS >>> 5);
  for (const map of [FIRST, SECOND]) map.fill(0);
  clearHeads(HEAD_NAME);
  if (source) for (const w of source()) for (const st of stems(w)) add(st);
  return bits;
}

/** Builds the filter now if it is not built (the tokeniser's head filter needs its bits before the first word). */
export function prepareLowerNames(): void {
  if (!bits) build();
}

/**
 * The cheap first test, made by the tokeniser for every lower-case word s[start, start + n) of four
 * letters or more: false for most ordinary words; true sends the word on to mayBeLowerName.
 */
export function mayBeLowerNameHead(s: string, start: number, n: number): boolean {
  const k = four(s.charCodeAt(start), s.charCodeAt(start + 1), s.charCodeAt(start + 2), s.charCodeAt(start + 3));
  return mayBeLowerNameHeadKeyed(n, k, n > MIN_STEM ? four(s.charCodeAt(start + 1), s.charCodeAt(start + 2), s.charCodeAt(start + 3), s.charCodeAt(start + 4)) : 0);
}

/**
 * mayBeLowerNameHead() of a word of n code units when the tokeniser has read their five-bit codes:
 * `first` of the first four, `second` of the second to fifth (read only when n > 4).
 */
export function mayBeLowerNameHeadKeyed(n: number, first: number, second: number): boolean {
  if (!bits) build();
  // no smaller filter first: the tokeniser asks only for a word whose head passed head-filter.ts,
  // which holds these heads too (a further filter of its own was one more cache miss a word). The
  // bits are read here, not through hasBit(): inlined into the tokeniser's loop, a helper the
  // optimiser leaves out of line (its inlining budget spent) is a call a read
  const word = FIRST[firstAt(first)];
  if (n <= SHORT_WORD && (word & firstBit(first, false)) !== 0) return true;
  if (n <= MIN_STEM || (word & firstBit(first, true)) === 0) return false;
  const b = secondBit(second);
  return (SECOND[b >>> 5] & (1 << (b & 31))) !== 0;
}

// 0x85ebca6b * FINISH_INV = 1 (mod 2^32): undoes hashFinish's multiplication
const FINISH_INV = 0xa5cb9243 | 0;

/** The letters' hash h of which hashFinish(h) is `hash`: each of hashFinish's three steps is invertible. */
function unfinish(hash: number): number {
  const x = hash ^ (hash >>> 13) ^ (hash >>> 26);
  const z = Math.imul(x, FINISH_INV);
  return z ^ (z >>> 16);
}

/**
 * s[start, end) (lower case, four letters or more, passed mayBeLowerNameHead) may be a name or an
 * inflected name. `hash` is its hashLower(), as the tokeniser built it.
 */
export function mayBeLowerName(s: string, start: number, end: number, hash = hashLower(s, start, end)): boolean {
  const b = bits ?? build();
  const n = end - start;
  const from = n - MAX_ENDING < MIN_STEM ? MIN_STEM : n - MAX_ENDING;
  // the whole word first, then ever shorter stems, each hash worked back from the longer one's
  let hit = test(b, hash);
  let h = hit ? 0 : unfinish(hash);
  for (let len = n; !hit && len > from; len--) {
    h = Math.imul(h - lowerCode(s.charCodeAt(start + len - 1)), INV31);
    hit = test(b, hashFinish(h));
  }
  return hit && !REJECTED.has(hash, second(hash));
}
