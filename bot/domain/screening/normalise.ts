/**
 * Teams message HTML and look-alike characters are folded into a plain string the detectors can
 * scan, with a map from every normalised character back to the ORIGINAL text's UTF-16 offsets.
 */

/**
 * The folded text plus the offset map and the spans of `<at>` mentions (normalised offsets).
 * The map is a list of segments: in an identity segment normalised char k maps to
 * `orig + (k - norm)`; in a replaced segment (tag, entity, folded character) every char maps to
 * the whole original span [orig, origEnd). One object, reused by every call: it is valid until the
 * next call, and releaseNormalised() drops its text.
 */
export interface Normalised {
  text: string;
  /** Number of segments; 0 when the text is unchanged. */
  segments: number;
  /** Segment starts in the normalised text, ascending (the first `segments` entries). */
  segNorm: Int32Array;
  segOrig: Int32Array;
  /** -1 for an identity segment, else the original end of the replaced span. */
  segOrigEnd: Int32Array;
  mentions: Array<[number, number]>;
}

const NO_MENTIONS: Array<[number, number]> = [];
// Reused: a message with markup allocated a builder and four growing arrays, about 1 KB, every call.
const NORM: Normalised = { text: '', segments: 0, segNorm: new Int32Array(64), segOrig: new Int32Array(64), segOrigEnd: new Int32Array(64), mentions: NO_MENTIONS };

/** Drops the last normalised text (and any pieces left by a call that threw), so no message text stays reachable. */
export function releaseNormalised(): void {
  NORM.text = '';
  NORM.mentions = NO_MENTIONS;
  emptyParts();
}

const NAMED_ENTITIES: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, nbsp: 160, shy: 173, ndash: 0x2013, mdash: 0x2014,
  minus: 0x2212, hellip: 0x2026, euro: 0x20ac, auml: 228, Auml: 196, ouml: 246, Ouml: 214,
  aring: 229, Aring: 197, uuml: 252, Uuml: 220, eacute: 233, Eacute: 201, zwj: 0x200d,
  zwnj: 0x200c, lrm: 0x200e, rlm: 0x200f, lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c, rdquo: 0x201d,
  thinsp: 0x2009, ensp: 0x2002, emsp: 0x2003, hyphen: 0x2010, commat: 64, num: 35, plus: 43,
};

/** Latin look-alikes in Cyrillic and Greek that change how a code or name reads. */
const HOMOGLYPHS: Record<number, number> = {};
function addGlyphs(from: string, to: string): void {
  for (let i = 0; i < from.length; i++) HOMOGLYPHS[from.charCodeAt(i)] = to.charCodeAt(i);
}
addGlyphs('АВЕКМНОРСТХУаеорсухіІјЈѕЅԁ', 'ABEKMHOPCTXYaeopcyxiIjJsSd');
addGlyphs('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ', 'ABEZHIKMNOPTYXoiKvpTuX');

// Tag names that matter, compared in place: block tags become a line break, <at> marks a mention.
const BLOCK_TAG = 1;
const AT_TAG = 2;
// The tag names by length (a name is compared only with those of its length, by index: no iterator).
const TAGS_BY_LENGTH: string[][] = [];
for (const t of ['p', 'br', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'at']) {
  (TAGS_BY_LENGTH[t.length] ??= []).push(t);
}

/** BLOCK_TAG or AT_TAG for the tag name s[a, b) (ASCII letters and digits, any case), else 0. */
function tagKind(s: string, a: number, b: number): number {
  const len = b - a;
  const same = TAGS_BY_LENGTH[len];
  if (same === undefined) return 0;
  for (let t = 0; t < same.length; t++) {
    const name = same[t];
    let k = 0;
    // a letter's lower case sets bit 32, which digits have already
    while (k < len && (s.charCodeAt(a + k) | 32) === name.charCodeAt(k)) k++;
    if (k === len) return name === 'at' ? AT_TAG : BLOCK_TAG;
  }
  return 0;
}

/** -2: drop the character; otherwise the folded code. */
function fold(c: number): number {
  if (c < 0xa0) return c === 9 ? 32 : c;
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return 32;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0xad || c === 0x180e || c === 0x034f) return -2;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0x2043 || c === 0x2796) return 45;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0xfe6b) return 64;
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc) return 39;
  const h = HOMOGLYPHS[c];
  return h === undefined ? c : h;
}

// 1 for every code below 0x3000 that normalise() must touch ('<', '&', tab, and whatever fold() changes).
const TOUCH = new Uint8Array(0x3001);
for (let c = 0; c <= 0x3000; c++) TOUCH[c] = c === 60 || c === 38 || c === 9 || (c >= 0xa0 && fold(c) !== c) ? 1 : 0;

/** True when normalise() would change the code unit c (or the markup it starts). */
export function touches(c: number): boolean {
  return c <= 0x3000 ? TOUCH[c] === 1 : c >= 0xfe58 && fold(c) !== c;
}

function needsWork(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (touches(s.charCodeAt(i))) return true;
  return false;
}

function isTagNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

// fold() for the first 0x3001 code units, precomputed.
const FOLDED = new Int32Array(0x3001);
for (let c = 0; c <= 0x3000; c++) FOLDED[c] = fold(c);

/**
 * The output's pieces: plain runs are copied as slices, not character by character. They are joined
 * at the end: a text grown by concatenation is a rope, which the scan after reads more slowly than
 * join('') costs. Emptied after every call (the pieces are message text).
 */
const parts: string[] = [];
let outLen = 0;

/** Sets segment k: normalised offset outLen maps to original `orig` (`origEnd` -1 for identity). */
function addSegment(k: number, orig: number, origEnd: number): void {
  if (k === NORM.segNorm.length) {
    NORM.segNorm = grown(NORM.segNorm);
    NORM.segOrig = grown(NORM.segOrig);
    NORM.segOrigEnd = grown(NORM.segOrigEnd);
  }
  NORM.segNorm[k] = outLen;
  NORM.segOrig[k] = orig;
  NORM.segOrigEnd[k] = origEnd;
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function foldedString(code: number): string {
  const f = code <= 0x3000 ? FOLDED[code] : fold(code);
  return f === -2 ? '' : String.fromCharCode(f);
}

/**
 * Normalises `text` into the reused result (valid until the next call); linear in its length.
 * `known` skips the check the caller has already made.
 */
export function normalise(text: string, known = false): Normalised {
  const norm = NORM;
  norm.mentions = NO_MENTIONS;
  if (!known && !needsWork(text)) {
    norm.text = text;
    norm.segments = 0;
    return norm;
  }
  const n = text.length;
  let segs = 0;
  outLen = 0;
  let mentionStart = -1;
  let run = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // TOUCH holds '<', '&' and every code fold() changes, in a quarter of FOLDED's bytes
    if (c <= 0x3000 ? TOUCH[c] === 0 : fold(c) === c) {
      i++;
      continue;
    }
    // the plain run before: an identity segment
    if (i > run) {
      addSegment(segs++, run, -1);
      parts.push(text.slice(run, i));
      outLen += i - run;
    }
    // what replaces text[i, next): '' drops it
    let out = '';
    let next = i + 1;
    if (c === 60 && (next = scanTag(text, i) + 1) > 0) {
      let j = i + 1;
      const closing = text.charCodeAt(j) === 47;
      if (closing) j++;
      const nameStart = j;
      while (j < next && isTagNameChar(text.charCodeAt(j))) j++;
      const tag = tagKind(text, nameStart, j);
      if (tag === AT_TAG) {
        if (!closing) mentionStart = outLen;
        else if (mentionStart >= 0) {
          if (norm.mentions === NO_MENTIONS) norm.mentions = [];
          norm.mentions.push([mentionStart, outLen]);
          mentionStart = -1;
        }
      }
      if (tag === BLOCK_TAG) out = '\n';
    } else {
      const cp = c === 38 ? scanEntity(text, i) : -1;
      if (cp > 0) {
        out = cp > 0xffff ? String.fromCodePoint(cp) : foldedString(cp);
        next = entityEnd;
      } else {
        out = foldedString(c);
        next = i + 1;
      }
    }
    if (out.length > 0) {
      addSegment(segs++, i, next);
      parts.push(out);
      outLen += out.length;
    }
    i = next;
    run = i;
  }
  if (n > run) {
    addSegment(segs++, run, -1);
    parts.push(text.slice(run, n));
    outLen += n - run;
  }
  norm.text = parts.join('');
  norm.segments = segs;
  emptyParts();
  return norm;
}

function emptyParts(): void {
  // pop() is compiled inline; the length setter is a runtime call
  while (parts.length > 0) parts.pop();
}

/** Index of the '>' closing a tag opened at i, or -1. Stops at the next '<' so it stays linear. */
function scanTag(s: string, i: number): number {
  const next = s.charCodeAt(i + 1);
  if (!(isTagNameChar(next) || next === 47 || next === 33)) return -1;
  const limit = Math.min(s.length, i + 2000);
  for (let j = i + 1; j < limit; j++) {
    const c = s.charCodeAt(j);
    if (c === 62) return j;
    if (c === 60) return -1;
  }
  return -1;
}

/** End of the entity scanEntity() read last. */
let entityEnd = 0;

/** Code point of the entity at i (its end in `entityEnd`), or -1. */
function scanEntity(s: string, i: number): number {
  const limit = Math.min(s.length, i + 12);
  let j = i + 1;
  while (j < limit && s.charCodeAt(j) !== 59) {
    const c = s.charCodeAt(j);
    if (!(isTagNameChar(c) || c === 35)) return -1;
    j++;
  }
  if (j >= limit) return -1;
  const body = s.slice(i + 1, j);
  let code: number | undefined;
  if (body.charCodeAt(0) === 35) {
    const hex = body[1] === 'x' || body[1] === 'X';
    code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return -1;
  } else code = NAMED_ENTITIES[body];
  if (code === undefined) return -1;
  entityEnd = j + 1;
  return code;
}

/** Index of the segment holding normalised char k. */
function segmentOf(norm: Normalised, k: number): number {
  let lo = 0;
  let hi = norm.segments - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (norm.segNorm[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The original end of the span toOriginalStart() mapped last. */
export let originalEnd = 0;

/** Maps a normalised span back to original offsets: returns the start and leaves the end in `originalEnd` (no pair allocated). */
export function toOriginalStart(norm: Normalised, start: number, end: number): number {
  if (norm.segments === 0) {
    originalEnd = end;
    return start;
  }
  const a = segmentOf(norm, start);
  const z = segmentOf(norm, end - 1);
  originalEnd = norm.segOrigEnd[z] < 0 ? norm.segOrig[z] + (end - 1 - norm.segNorm[z]) + 1 : norm.segOrigEnd[z];
  return norm.segOrigEnd[a] < 0 ? norm.segOrig[a] + (start - norm.segNorm[a]) : norm.segOrig[a];
}
