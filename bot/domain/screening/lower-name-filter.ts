/**
 * A bit filter that tells the tokeniser which lower-case words may be names ("nyt juha haluaa",
 * "lausunnon hodanista"): most lower-case words are ordinary and must stay off the name detector's
 * path. One pass over the word hashes every prefix; the whole word and the word without its last
 * one to four letters (a case ending) are probed against the names and their weak-grade stems.
 * A hit is only a candidate: the name detector still classifies the word.
 */
import { lowerCode } from './chars';
import { HashSet } from './word-table';

const BITS = 1 << 20;
const MASK = BITS - 1;
let bits: Uint32Array | null = null;
let source: (() => Iterable<string>) | null = null;
// Endings taken off before probing: -n, -a, 's, -sta, -lle, -ista ...
const MAX_ENDING = 4;
const MIN_STEM = 4;

function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

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

// Bits by the hash of the first five letters of every longer stem, and of the four-letter stems (juha,
// mati): most ordinary words fail them after four or five letters, before the rest is hashed.
const HEAD5 = new Uint8Array(1 << 16);
const HEAD4 = new Uint8Array(1 << 16);
// A four-letter stem takes at most four letters of ending (juha|nsa, olga|lle).
const SHORT_WORD = 8;
const FNV_START = 0x811c9dc5 | 0;

function add(w: string): void {
  if (w.length < MIN_STEM) return;
  let h = FNV_START;
  for (let i = 0; i < w.length; i++) {
    h = fnvStep(h, w.charCodeAt(i));
    if (i === MIN_STEM - 1 && w.length === MIN_STEM) HEAD4[h >>> 16] = 1;
    if (i === MIN_STEM) HEAD5[h >>> 16] = 1;
  }
  set(h);
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

function second(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x5bd1e995);
}

/** The word s[start, end) passed the filter but is no lower-case name. */
export function rejectLowerName(s: string, start: number, end: number): void {
  let h = FNV_START;
  for (let i = start; i < end; i++) h = fnvStep(h, lowerCode(s.charCodeAt(i)));
  REJECTED.add(h, second(h));
}

/** The names the filter is built from (registered once by the name detector; built on first use). */
export function registerLowerNames(names: () => Iterable<string>): void {
  source = names;
  bits = null;
}

function build(): Uint32Array {
  bits = new Uint32Array(BITS >>> 5);
  HEAD4.fill(0);
  HEAD5.fill(0);
  if (source) for (const w of source()) for (const st of stems(w)) add(st);
  return bits;
}

/** s[start, end) (lower case, four letters or more) may be a name or an inflected name. */
export function mayBeLowerName(s: string, start: number, end: number): boolean {
  const b = bits ?? build();
  const n = end - start;
  let h = FNV_START;
  for (let i = 0; i < MIN_STEM; i++) h = fnvStep(h, lowerCode(s.charCodeAt(start + i)));
  let hit = n <= SHORT_WORD && HEAD4[h >>> 16] === 1;
  if (hit) hit = n - MAX_ENDING <= MIN_STEM && test(b, h);
  else if (n === MIN_STEM || HEAD5[fnvStep(h, lowerCode(s.charCodeAt(start + MIN_STEM))) >>> 16] === 0) return false;
  const from = n - MAX_ENDING < MIN_STEM + 1 ? MIN_STEM + 1 : n - MAX_ENDING;
  for (let i = MIN_STEM; i < n; i++) {
    h = fnvStep(h, lowerCode(s.charCodeAt(start + i)));
    if (!hit && i + 1 >= from) hit = test(b, h);
  }
  return hit && !REJECTED.has(h, second(h));
}
