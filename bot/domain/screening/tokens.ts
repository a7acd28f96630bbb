/**
 * Word tokeniser shared by the name, address and label detectors. Tokens are integer spans of the
 * normalised text, reused from call to call; their strings are built only when a detector asks.
 */
import * as chars from './chars';
import * as textProfile from './text-profile';
import * as headFilter from './head-filter';
import * as lowerNames from './lower-name-filter';
import * as wordKinds from './word-kinds';
import * as wordTable from './word-table';

// What the pass calls and reads from other modules, bound once at load: compiled, a use through the
// module object (chars.classOf) checks the object's shape and the function's identity on every call,
// in the letter loop too, where a constant binding is folded away.
const { CC, CHAR_CLASS, classOf, isBlank, isDigit, isLetter, LOWER_CODE } = chars;
const { growRuns, profile, specialFlag } = textProfile;
const { HEAD_NAME, HEAD_TRIGGER, headBits } = headFilter;
const { mayBeLowerName, mayBeLowerNameHead, mayBeLowerNameHeadKeyed, prepareLowerNames } = lowerNames;
const { KIND, kindOfHead, kindOfKeyed, kindOfShort, prefixKeyAt, TRIGGER } = wordKinds;
const { HASH_START, hashFinish, hashStep, WordTable } = wordTable;
const HAS_MARKUP = textProfile.HAS.markup;
const HAS_DASH = textProfile.HAS.dash;
const HAS_LETTER_DIGITS = textProfile.HAS.letterDigits;
const HAS_WORD_SPACE_DIGIT = textProfile.HAS.wordSpaceDigit;
const KIND_LOWER_NAME = KIND.lowerName;


// The text the tokens of the last scan point into ('' once they are released): one reference for
// them all, so filling a token stores numbers only.
let source = '';
// Tokens whose lower-case copy was made since the last release (few: most tokens are never asked).
const lowered: Token[] = [];
let loweredCount = 0;

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
  /** hashLower() of the word, built while the pass read it: look-ups in place start from it. */
  hash1 = 0;
  private lowerCache: string | null = null;

  /** The word as written (built on demand; '' once screening is over). */
  get text(): string {
    return source.slice(this.start, this.end);
  }

  /** The word in lower case (built on first use). */
  get lower(): string {
    if (this.lowerCache === null) {
      this.lowerCache = this.cap ? this.text.toLowerCase() : this.text;
      if (loweredCount < lowered.length) lowered[loweredCount] = this;
      else lowered.push(this);
      loweredCount++;
    }
    return this.lowerCache;
  }

  /** Drops the lower-case copy of the word (the offsets are numbers, no client text). */
  forget(): void {
    this.lowerCache = null;
  }
}

// CC bits as plain constants for the hot loop
const LETTER = CC.letter;
const UPPER = CC.upper;
const DIGIT = CC.digit;
const SPECIAL = CC.special;
const LATIN = CC.latin;

const ABBREVIATION_WORDS = ['s', 'esim', 'n', 'mm', 'ns', 'ts', 'yms', 'tms', 'jne', 'hra', 'rva', 'tri', 'dr', 'mr', 'mrs', 'ms', 'st', 'klo', 'p', 'puh', 'tel', 'ca', 'noin', 'synt', 'f', 'b', 'nr', 'nro', 'no', 'vs', 'etc', 'ym', 'ks', 'vrt', 'prof', 'e', 'd', 'o', 'v', 'kk', 'vk', 'h', 'min'];
const ABBREVIATIONS = new WordTable(ABBREVIATION_WORDS.map((w) => [w, 1] as const));
// A longer word before a full stop is no abbreviation, and is not looked up.
const ABBREVIATION_MAX = Math.max(...ABBREVIATION_WORDS.map((w) => w.length));

// Whether a word starts a sentence is carried forward through the pass instead of looked back for
// from every capitalised word. What a character does to it (SENT_* below): blanks, quotes, brackets
// and bullets keep it; a line break or ! ? : ; sets it; a full stop sets it unless an abbreviation
// ends there ("esim. Kela"), which is checked only when a capitalised word follows; a dash keeps it
// at a line's or blank's end; anything else clears it.
const SENT_CLEAR = 0;
const SENT_KEEP = 1;
const SENT_SET = 2;
const SENT_DASH = 3;
const SENT_DOT = 4;
const SENT_ACTION = new Uint8Array(128);
for (const c of [9, 32, 34, 39, 40, 91, 42]) SENT_ACTION[c] = SENT_KEEP;
for (const c of [10, 13, 33, 63, 58, 59]) SENT_ACTION[c] = SENT_SET;
SENT_ACTION[45] = SENT_DASH;
SENT_ACTION[46] = SENT_DOT;

/** SENT_* action of the code unit c (not a letter or digit) at s[i]. */
function sentenceAction(s: string, i: number, c: number): number {
  if (c >= 128) return c === 0xab || c === 0x201c || c === 0x2022 ? SENT_KEEP : SENT_CLEAR;
  const a = SENT_ACTION[c];
  if (a !== SENT_DASH) return a;
  return i === 0 || s.charCodeAt(i - 1) === 10 || isBlank(s.charCodeAt(i - 1)) ? SENT_KEEP : SENT_CLEAR;
}

/** A word after the full stop at s[j] starts a sentence unless the letters before it are an abbreviation. */
function sentenceAfterDot(s: string, j: number): boolean {
  // the look-back stops one letter past the longest abbreviation: a longer word is none
  let k = j - 1;
  while (k >= 0 && j - k <= ABBREVIATION_MAX + 1 && isLetter(s.charCodeAt(k))) k--;
  return !(j > k + 1 && j - k - 1 <= ABBREVIATION_MAX && ABBREVIATIONS.get(s, k + 1, j) !== 0);
}

/** Lower-case words kept after a trigger, so "asiakas matti virtanen" reaches the name detector. */
const KEEP_AFTER_TRIGGER = 3;

let kinds = 0;

/** KIND bits of all tokens of the last scan together: a detector whose label is absent is skipped. */
export function tokenKinds(): number {
  return kinds;
}

// Token objects are reused by every call: screening allocates no tokens.
const pool: Token[] = [];
// byCount[k] holds pool[0, k), made the first time a scan finds k tokens: a scan hands out the
// array of its count instead of resizing one shared array (which reallocated the array's store
// whenever a longer message followed a shorter one). The arrays are read-only to their users.
const byCount: Token[][] = [];
// Longer messages are rare: their arrays are made afresh rather than kept.
const BY_COUNT_MAX = 256;
let tokens: Token[] = [];

function tokensOf(count: number): Token[] {
  if (count >= BY_COUNT_MAX) return pool.slice(0, count);
  return (byCount[count] ??= pool.slice(0, count));
}

/**
 * One pass over the text: its word tokens, and its profile (text-profile.ts) left in `profile`.
 * Capitalised words are always tokens; lower-case words only when registered as triggers or right
 * after one. With `stopAtMarkup` the pass gives up (returns false) at the first character that
 * normalise() would change. Linear; the tokens are valid until the next call.
 */
function scan(s: string, stopAtMarkup: boolean): boolean {
  // a caller that did not release the last scan's tokens: their lower-case copies are stale now
  if (loweredCount > 0) releaseTokens();
  source = s;
  prepareLowerNames();
  let count = 0;
  let kindBits = 0;
  let flags = 0;
  let digits = 0;
  let maxRun = 0;
  let runs = 0;
  let runStart = profile.runStart;
  let runEnd = profile.runEnd;
  let keep = 0;
  // the last word read, when it is letters only: a full stop right after it is checked for an
  // abbreviation from its hash (see sentenceAfterDot)
  let plainStart = -1;
  let plainEnd = -1;
  let plainHash = 0;
  // would a word here start a sentence: 0 no, 1 yes, j + 2 when the full stop at j decides (see SENT_DOT)
  let sentence = 1;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    const cls = classOf(c);
    if (cls & DIGIT) {
      const start = i;
      i++;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      // the run's profile flags and its entry are written here, not in calls: a message has many digit
      // runs, and a call in this loop makes the optimiser keep the loop's values in memory around it
      if (start > 0) {
        const b = s.charCodeAt(start - 1);
        if (((b | 32) - 97) >>> 0 < 26) {
          if (i - start > 1) flags |= HAS_LETTER_DIGITS;
        } else if (b === 32 && start > 1) {
          const a = s.charCodeAt(start - 2);
          if (a === 97 || a === 101 || a === 110 || a === 117) flags |= HAS_WORD_SPACE_DIGIT;
        }
      }
      if (runs === runStart.length) {
        growRuns();
        runStart = profile.runStart;
        runEnd = profile.runEnd;
      }
      runStart[runs] = start;
      runEnd[runs] = i;
      runs++;
      sentence = 0;
      digits += i - start;
      if (i - start > maxRun) maxRun = i - start;
      continue;
    }
    if (!(cls & LETTER)) {
      if (cls & SPECIAL) {
        const f = specialFlag(c);
        flags |= f;
        if (f === HAS_MARKUP && stopAtMarkup) return false;
      }
      const a = sentenceAction(s, i, c);
      if (a === SENT_SET) sentence = 1;
      else if (a === SENT_DOT) sentence = i + 2;
      else if (a === SENT_CLEAR) sentence = 0;
      i++;
      continue;
    }
    // a word: letters, with inner hyphens and apostrophes (Anna-Liisa, O'Brien)
    const start = i;
    const sentenceBefore = sentence;
    sentence = 0;
    let inner = cls;
    // 32 once a lower-case letter is seen: the word is not all capitals (THK, KELA)
    let lower = 0;
    // hashLower() of the word, built while its letters are read: the kind look-up and, for a
    // capitalised word, the name look-ups start from it instead of reading the letters again
    let h = hashStep(HASH_START, LOWER_CODE[c]);
    // the first five code units at five bits each, as the filters key them (word-kinds.ts,
    // lower-name-filter.ts): gathered here so that they need not read the letters again
    let head = c & 31;
    i++;
    // both letter loops call nothing and hash at one place: a call the optimiser leaves out of line
    // (on a rare path) makes it keep the loop's values in memory on every turn
    if (c < 0x100) {
      const headEnd = i + 4 < n ? i + 4 : n;
      while (i < headEnd) {
        const e = s.charCodeAt(i);
        let x = e | 32;
        if ((x - 97) >>> 0 < 26) lower |= e & 32;
        else {
          const k = CHAR_CLASS[e];
          // a hyphen, an apostrophe or a letter past Latin-1 ends the head; the loop below goes on
          if (!(k & LETTER) || e >= 0x100) break;
          inner |= k;
          if (!(k & UPPER) && e >= 0xdf) lower = 32;
          x = LOWER_CODE[e];
        }
        h = hashStep(h, x);
        head = (head << 5) | (e & 31);
        i++;
      }
    }
    const headLen = c < 0x100 ? i - start : 0;
    // the code unit that ended the word (-1 at the text's end)
    let d = -1;
    let joined = false;
    while (i < n) {
      const e = s.charCodeAt(i);
      // ASCII letters first, without the table: they are most letters, and never markup
      let x = e | 32;
      if ((x - 97) >>> 0 < 26) lower |= e & 32;
      else if (e === 32) {
        d = e;
        break;
      } else {
        const k = CHAR_CLASS[e];
        if (k & LETTER) {
          inner |= k;
          // ª, µ and º (below ß) count as neither case
          if (!(k & UPPER) && e >= 0xdf) lower = 32;
          x = LOWER_CODE[e];
        } else if ((e === 45 || e === 39) && i + 1 < n && CHAR_CLASS[s.charCodeAt(i + 1)] & LETTER) {
          // an inner hyphen or apostrophe: hashed as it is
          if (e === 45) flags |= HAS_DASH;
          joined = true;
          x = e;
        } else {
          d = e;
          break;
        }
      }
      h = hashStep(h, x);
      i++;
    }
    // a letter normalise() would fold (a Cyrillic look-alike, a full-width letter) is markup too
    if (inner & SPECIAL) {
      flags |= HAS_MARKUP;
      if (stopAtMarkup) return false;
    }
    const cap = (cls & UPPER) !== 0;
    const end = i;
    // the blank after a word is passed here, read already
    if (d === 32) i++;
    const len = end - start;
    // the head is whole when it holds the first five code units (all of a shorter word)
    const whole = headLen === (len < 5 ? len : 5);
    h = hashFinish(h);
    // a capitalised word after a full stop starts a sentence unless the word before the stop is an
    // abbreviation: read from that word's hash when it ended at the stop, letters only
    let afterDot = false;
    if (cap && sentenceBefore > 1) {
      const j = sentenceBefore - 2;
      afterDot = j === plainEnd ? !(j - plainStart <= ABBREVIATION_MAX && ABBREVIATIONS.getHashed(plainHash, s, plainStart, j) !== 0) : sentenceAfterDot(s, j);
    }
    if (joined) plainEnd = -1;
    else {
      plainStart = start;
      plainEnd = end;
      plainHash = h;
    }
    let kind = 0;
    let may = 0;
    // a word of three ASCII letters or fewer is its head: one probe settles it (and it is too short for a name)
    if (len <= 3 && whole && !(inner & LATIN)) kind = kindOfShort(head);
    else {
      // one read says which look-ups the word may need (head-filter.ts); a word without a whole head takes them all
      may = whole ? headBits(len < 5 ? head : head >>> 5) : HEAD_TRIGGER | HEAD_NAME;
      if (may & HEAD_TRIGGER) {
        kind = whole ? kindOfHead(h, s, start, end, head, headLen) : kindOfKeyed(h, s, start, end, len < 3 ? -1 : prefixKeyAt(s, start));
      }
    }
    if (!cap) {
      if (kind !== 0) keep = KEEP_AFTER_TRIGGER;
      else {
        // a lower-case word that may be a name ("nyt juha haluaa") is kept too; four letters or more
        const named = len >= 4 && (may & HEAD_NAME) !== 0 && (whole ? mayBeLowerNameHeadKeyed(len, head >>> (5 * (headLen - 4)), head & 0xfffff) : mayBeLowerNameHead(s, start, len)) &&
          mayBeLowerName(s, start, end, h);
        if (keep > 0) keep--;
        else if (!named) continue;
        if (named) kind = KIND_LOWER_NAME;
      }
    }
    let t: Token;
    if (count < pool.length) t = pool[count];
    else {
      t = new Token();
      pool.push(t);
    }
    t.start = start;
    t.end = end;
    t.cap = cap;
    t.allCaps = cap && len > 1 && lower === 0;
    t.sentStart = cap && (sentenceBefore === 1 || afterDot);
    kind &= ~TRIGGER;
    t.kind = kind;
    t.hash1 = h;
    kindBits |= kind;
    count++;
  }
  tokens = tokensOf(count);
  kinds = kindBits;
  profile.flags = flags;
  profile.digits = digits;
  profile.maxRun = maxRun;
  profile.runCount = runs;
  return true;
}

/** Tokens and profile of plain text, or null when it has markup or look-alikes to normalise first. */
export function scanPlain(s: string): Token[] | null {
  return scan(s, true) ? tokens : null;
}

/** Tokens and profile of normalised text. */
export function tokenize(s: string): Token[] {
  scan(s, false);
  return tokens;
}

/** Drops the last message's text and every lower-case copy of its words, so no client text stays reachable. */
export function releaseTokens(): void {
  source = '';
  for (let k = 0; k < loweredCount; k++) lowered[k].forget();
  loweredCount = 0;
  // the arrays keep their length (setting it to 0 would drop the backing store, reallocated next call)
}
