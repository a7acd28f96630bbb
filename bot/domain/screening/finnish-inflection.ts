/**
 * Cheap Finnish (and Swedish/English genitive) suffix stripping that proposes nominative forms of
 * an inflected name: Virtaselle -> virtanen, Matin -> matti, Aholassa -> ahola, Lahden -> lahti.
 * The caller keeps a candidate only if it is in a name lexicon, so over-generation is harmless.
 *
 * Every candidate is a prefix of the word plus at most three letters ("virtase|lle" -> "virta" +
 * "nen"), so candidates are written as (prefix length, tail) into reused arrays: proposing and
 * looking them up builds no strings.
 */
import * as charsModule from './chars';
import * as lexiconBitsModule from './lexicon-bits';
import * as wordTableModule from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;
const { FORM_HASH_BITS } = lexiconBitsModule;
const { HASH_START, hashFinish, hashStep, SECOND_START, secondStep } = wordTableModule;

// Longest first; the plural -i- forms matter for families ("Virtasilla", "Aholoille").
const SUFFIXES = [
  'ineen', 'lleen', 'ssaan', 'ssään', 'staan', 'stään', 'ltaan', 'ltään', 'llaan', 'llään',
  'ille', 'illa', 'illä', 'ilta', 'iltä', 'issa', 'issä', 'ista', 'istä', 'iin', 'ina', 'inä', 'ia', 'iä',
  'lle', 'lla', 'llä', 'lta', 'ltä', 'ssa', 'ssä', 'sta', 'stä', 'ksi', 'kin', 'tta', 'ttä',
  'na', 'nä', 'ta', 'tä', 'en', 'an', 'än', 'on', 'ön', 'un', 'yn', 'in', 'n', 'a', 'ä', "'s", 's', 't',
];
// The suffixes as a trie read from a word's last letter backwards: one walk of at most five letters
// finds every suffix the word ends in (they are suffixes of each other), where comparing the word
// with each suffix of its last letter re-read the same letters. Letters by code unit in ALPHABET (0:
// in no suffix), children NODE_CHILD[node * ALPHABET_SIZE + letter], SUFFIX_AT[node] = 1 + index in SUFFIXES.
const ALPHABET = new Uint8Array(256);
let alphabetSize = 1;
for (const suf of SUFFIXES) for (const ch of suf) if (ALPHABET[ch.charCodeAt(0)] === 0) ALPHABET[ch.charCodeAt(0)] = alphabetSize++;
const NODE_CHILD: number[] = new Array<number>(alphabetSize).fill(0);
const SUFFIX_AT_NODE: number[] = [0];
SUFFIXES.forEach((suf, index) => {
  let node = 0;
  for (let k = suf.length - 1; k >= 0; k--) {
    const a = ALPHABET[suf.charCodeAt(k)];
    if (NODE_CHILD[node * alphabetSize + a] === 0) {
      NODE_CHILD[node * alphabetSize + a] = SUFFIX_AT_NODE.length;
      SUFFIX_AT_NODE.push(0);
      for (let j = 0; j < alphabetSize; j++) NODE_CHILD.push(0);
    }
    node = NODE_CHILD[node * alphabetSize + a];
  }
  SUFFIX_AT_NODE[node] = index + 1;
});
const CHILD = Int16Array.from(NODE_CHILD);
const SUFFIX_AT = Int8Array.from(SUFFIX_AT_NODE);
// The suffixes one word ends in are found shortest first; they are proposed longest first, as listed.
const MAX_SUFFIX = 5;
const FOUND = new Int8Array(MAX_SUFFIX);

// Vowels as a table by code unit (a Set of numbers was a hash look-up per letter).
const VOWELS = new Uint8Array(256);
for (const c of 'aeiouyäöå') VOWELS[c.charCodeAt(0)] = 1;
const VOWEL = { has: (c: number): boolean => c < 256 && VOWELS[c] === 1 };
const [A_T, A_K, A_P, A_D, A_V, A_R, A_L, A_N, A_M, A_G, A_S, A_E, A_I, A_O, A_A, A_OE, A_AE] = [...'tkpdvrlnmgseioaöä'].map((c) => c.charCodeAt(0));

/** Longest word inflected; longer words are no names. */
const MAX_WORD = 60;
const MAX_FORMS = 512;

// Candidate k is a prefix of the word followed by up to three tail letters, packed in one number:
// prefix length << 26 | tail length << 24 | tail letters, 8 bits each, first lowest (every tail
// letter is below 256). Proposing a form is one store: the code that proposes
// (a dozen call sites) stays small, and the forms are hashed and filtered in one loop.
const FORMS = new Int32Array(MAX_FORMS);
let count = 0;
const PREFIX_SHIFT = 26;
const TAIL_LENGTH_SHIFT = 24;
// lower-cased letters of the word being inflected
const W = new Int32Array(MAX_WORD);
// PREFIX_HASH[i]: the word-table hash (before its final mix, see word-table.ts hashLower) of W[0, i), so a candidate's
// hash costs its tail letters only
const PREFIX_HASH = new Int32Array(MAX_WORD + 1);

/** FORM_HASH[k]: formHash(k), kept for the candidates proposed through a filter. */
export const FORM_HASH = new Int32Array(MAX_FORMS);

function tail1(a: number): number {
  return (1 << TAIL_LENGTH_SHIFT) | a;
}

function tail2(a: number, b: number): number {
  return (2 << TAIL_LENGTH_SHIFT) | a | (b << 8);
}

function push(prefix: number, tail: number): void {
  if (count < MAX_FORMS) FORMS[count++] = (prefix << PREFIX_SHIFT) | tail;
}

const NEN = (3 << TAIL_LENGTH_SHIFT) | A_N | (A_E << 8) | (A_N << 16);

// Strong grades of one stem (prefix length, consonant), kept for its e-stem variants.
const GRADE_PREFIX = new Int32Array(8);
const GRADE_CODE = new Int32Array(8);
let grades = 0;

function grade(prefix: number, c: number): void {
  GRADE_PREFIX[grades] = prefix;
  GRADE_CODE[grades++] = c;
}

/** Strong grade forms of the weak-grade stem W[0, m) (reverse consonant gradation), plus the stem itself. */
function strongForms(m: number): void {
  push(m, 0);
  if (m < 3) return;
  const last = W[m - 1];
  if (!VOWEL.has(last)) return;
  const c1 = W[m - 2];
  const c2 = W[m - 3];
  grades = 0;
  if ((c1 === A_T || c1 === A_K || c1 === A_P) && c2 !== c1) grade(m - 1, c1); // mati -> matti, mikon -> mikko
  if (c1 === A_D) grade(m - 2, A_T); // sadu -> satu, lehdo -> lehto
  if (c1 === A_V) grade(m - 2, A_P);
  if (c1 === c2 && (c1 === A_R || c1 === A_L || c1 === A_N)) grade(m - 2, A_T); // virra -> virta, ranna -> ranta
  if (c1 === A_M && c2 === A_M) grade(m - 2, A_P); // lamme -> lampe -> lampi
  if (c1 === A_G && c2 === A_N) grade(m - 2, A_K); // honga -> honka
  grade(m - 1, A_K); // mäe -> mäke -> mäki, turu -> turku (k deleted)
  const g = grades;
  for (let k = 0; k < g; k++) push(GRADE_PREFIX[k], tail2(GRADE_CODE[k], last));
  // e-stems of i-ending nouns: kive -> kivi, nieme -> niemi, lahte -> lahti
  if (last !== A_E) return;
  push(m - 1, tail1(A_I));
  for (let k = 0; k < g; k++) push(GRADE_PREFIX[k], tail2(GRADE_CODE[k], A_I));
}

/**
 * Weak-grade nominatives of an e-stem W[0, m) ending in 'e': words in -e take the strong grade when
 * inflected (rinne : rinteelle, helle : helteen, aate : aatteen, tarve : tarpeen, hake : hakkeen).
 */
function weakEForms(m: number): void {
  if (m < 4 || W[m - 1] !== A_E) return;
  const c1 = W[m - 2];
  const c2 = W[m - 3];
  let c = -1;
  if (c1 === A_T && (c2 === A_N || c2 === A_L || c2 === A_R)) c = c2; // rinte -> rinne, helte -> helle
  else if (c1 === A_P && c2 === A_M) c = A_M;
  else if (c1 === A_K && c2 === A_N) c = A_G;
  else if (c1 === c2 && (c1 === A_T || c1 === A_K || c1 === A_P)) c = c1; // aatte -> aate
  else if (c1 === A_P && VOWEL.has(c2)) c = A_V; // tarpe -> tarve
  else if (c1 === A_T && VOWEL.has(c2)) c = A_D;
  if (c >= 0) push(m - 2, tail2(c, A_E));
}

/** W[0, n) ends in the four letters of suf. */
function endsWith4(n: number, suf: string): boolean {
  return W[n - 4] === suf.charCodeAt(0) && W[n - 3] === suf.charCodeAt(1) && W[n - 2] === suf.charCodeAt(2) && W[n - 1] === suf.charCodeAt(3);
}

/** The suffixes the word s[start, end) ends in, shortest first, as lengths in FOUND; returns how many. */
function suffixesOf(s: string, start: number, end: number): number {
  let node = 0;
  let found = 0;
  for (let k = 1; k <= MAX_SUFFIX && k <= end - start; k++) {
    const c = lowerCode(s.charCodeAt(end - k));
    if (c >= 256 || ALPHABET[c] === 0) break;
    node = CHILD[node * alphabetSize + ALPHABET[c]];
    if (node === 0) break;
    if (SUFFIX_AT[node] !== 0) FOUND[found++] = k;
  }
  return found;
}

/**
 * How many suffixes the word s[start, end) ends in; 0 when baseFormsAt() proposes nothing for it (too
 * short or long, or it ends in no suffix), seen without proposing. Passed on to baseFormsAt() for the
 * same word, it spares that a second walk over the word's end.
 */
export function suffixCount(s: string, start: number, end: number): number {
  const n = end - start;
  return n < 4 || n > MAX_WORD ? 0 : suffixesOf(s, start, end);
}

/**
 * Proposes base forms of the lower-cased word s[start, end) (the word itself is not included);
 * returns how many were written (read them with formLength, formCodes ...). With `formHashes`
 * (Lexicons.formHashes) only candidates whose hash bit is set are kept, with their hash in FORM_HASH.
 * `suffixes`, when given, is suffixCount() of this same word, the last word it was called for.
 */
export function baseFormsAt(s: string, start: number, end: number, formHashes?: Uint32Array, suffixes = -1): number {
  count = 0;
  const n = end - start;
  if (n < 4 || n > MAX_WORD) return 0;
  // a word that ends in no suffix has no candidate (-seen and -sten end in the suffix -en), and most
  // words end in none: the suffixes are found first, on the message, before any letter is copied or hashed
  const found = suffixes >= 0 ? suffixes : suffixesOf(s, start, end);
  if (found === 0) return 0;
  let h = HASH_START;
  PREFIX_HASH[0] = h;
  for (let k = 0; k < n; k++) {
    const c = lowerCode(s.charCodeAt(start + k));
    W[k] = c;
    h = hashStep(h, c);
    PREFIX_HASH[k + 1] = h;
  }
  for (let i = found - 1; i >= 0; i--) proposeBefore(n, FOUND[i]);
  if (endsWith4(n, 'seen')) push(n - 4, NEN);
  // plural genitive of a -nen name: korhosten, niemisten
  if (n >= 7 && endsWith4(n, 'sten')) push(n - 4, NEN);
  return formHashes === undefined ? count : keepHashed(formHashes);
}

/** Proposes the base forms of W[0, n) without its suffix of `len` letters. */
function proposeBefore(n: number, len: number): void {
  const m = n - len;
  if (m < 2) return;
  // -nen names: virtase(lle), virtas(ta) -> virtanen; -s names: tuomakse(lle) -> tuomas
  if (m >= 3 && W[m - 3] === 107 && W[m - 2] === A_S && W[m - 1] === A_E) push(m - 3, tail1(A_S));
  // family plurals: virtas(illa), niemis(iin), korhos(ia) -> -nen; aholo(illa), mäkelö(ille) -> -la, -lä
  if (W[m] === A_I && m >= 4) {
    if (W[m - 1] === A_S) push(m - 1, NEN);
    else if (W[m - 1] === A_O) push(m - 1, tail1(A_A));
    else if (W[m - 1] === A_OE) push(m - 1, tail1(A_AE));
  }
  if (W[m - 2] === A_S && W[m - 1] === A_E) push(m - 2, NEN);
  // (the suffix -ta or -tä)
  else if (W[m - 1] === A_S && len === 2 && W[m] === A_T) push(m - 1, NEN);
  // illative: aholaa(n) -> ahola, matti(in) -> matti, lainee(lle) -> laine
  if (m > 2 && W[m - 1] === W[m - 2] && VOWEL.has(W[m - 1])) {
    strongForms(m - 1);
    weakEForms(m - 1);
  }
  strongForms(m);
  weakEForms(m);
}

/**
 * Keeps the candidates whose hash has its bit in `bits` (in order, with the hash in FORM_HASH); returns
 * how many: a form no lexicon word hashes to is dropped before any table is probed for it.
 */
function keepHashed(bits: Uint32Array): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const f = FORMS[k];
    let h = PREFIX_HASH[f >>> PREFIX_SHIFT];
    for (let j = 0, tail = (f >>> TAIL_LENGTH_SHIFT) & 3; j < tail; j++) h = hashStep(h, (f >>> (8 * j)) & 255);
    h = hashFinish(h);
    const bit = h & (FORM_HASH_BITS - 1);
    if ((bits[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
    FORMS[kept] = f;
    FORM_HASH[kept++] = h;
  }
  count = kept;
  return kept;
}

/** Length of candidate k. */
export function formLength(k: number): number {
  const f = FORMS[k];
  return (f >>> PREFIX_SHIFT) + ((f >>> TAIL_LENGTH_SHIFT) & 3);
}

/** hashSecond() of candidate k, read from the word's letters and the tail (no copy). */
export function formSecondHash(k: number): number {
  const f = FORMS[k];
  const p = f >>> PREFIX_SHIFT;
  let g = SECOND_START;
  for (let i = 0; i < p; i++) g = secondStep(g, W[i]);
  for (let j = 0, tail = (f >>> TAIL_LENGTH_SHIFT) & 3; j < tail; j++) g = secondStep(g, (f >>> (8 * j)) & 255);
  return g;
}

/** Candidate k ends in -nen. */
export function formEndsInNen(k: number): boolean {
  const f = FORMS[k];
  // every form proposed with a tail of three letters ends in -nen; others end in it only within the word
  if ((f & ~(63 << PREFIX_SHIFT)) === NEN) return true;
  const len = formLength(k);
  return len >= 3 && formCode(k, len - 3) === 110 && formCode(k, len - 2) === 101 && formCode(k, len - 1) === 110;
}

/** Letter i of candidate k (of the word last passed to baseFormsAt). */
function formCode(k: number, i: number): number {
  const f = FORMS[k];
  const p = f >>> PREFIX_SHIFT;
  return i < p ? W[i] : (f >>> (8 * (i - p))) & 255;
}

/** Writes candidate k's letters to buf; returns its length. */
export function formCodes(k: number, buf: Int32Array): number {
  const len = formLength(k);
  for (let i = 0; i < len; i++) buf[i] = formCode(k, i);
  return len;
}

/** hashLower() of candidate k (what a word table computes for it), from the prefix hashes. */
export function formHash(k: number): number {
  const f = FORMS[k];
  let h = PREFIX_HASH[f >>> PREFIX_SHIFT];
  for (let j = 0, tail = (f >>> TAIL_LENGTH_SHIFT) & 3; j < tail; j++) h = hashStep(h, (f >>> (8 * j)) & 255);
  return hashFinish(h);
}

/** Candidate base forms for a lower-case word, as strings (for tests and tools; the detector uses baseFormsAt). */
export function baseForms(word: string): string[] {
  const n = baseFormsAt(word, 0, word.length);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let w = '';
    for (let i = 0; i < formLength(k); i++) w += String.fromCharCode(formCode(k, i));
    out.push(w);
  }
  return out;
}
