/**
 * Teams message HTML and look-alike characters are folded into a plain string the detectors can
 * scan, with a map from every normalised character back to the ORIGINAL text's UTF-16 offsets.
 */

/**
 * The folded text plus the offset map and the spans of `<at>` mentions (normalised offsets).
 * The map is a list of segments: in an identity segment normalised char k maps to
 * `orig + (k - norm)`; in a replaced segment (tag, entity, folded character) every char maps to
 * the whole original span [orig, origEnd).
 */
export interface Normalised {
  text: string;
  /** Segment starts in the normalised text, ascending; empty when the text is unchanged. */
  segNorm: number[];
  segOrig: number[];
  /** -1 for an identity segment, else the original end of the replaced span. */
  segOrigEnd: number[];
  mentions: Array<[number, number]>;
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
 * Collects output text and segments; plain runs are copied as slices, not character by character.
 * The pieces are joined at the end: a text grown by concatenation is a rope, which the scan after
 * reads more slowly than join('') costs.
 */
class Builder {
  parts: string[] = [];
  len = 0;
  segNorm: number[] = [];
  segOrig: number[] = [];
  segOrigEnd: number[] = [];

  /** Original text[a, b) unchanged. */
  identity(text: string, a: number, b: number): void {
    if (b <= a) return;
    this.segNorm.push(this.len);
    this.segOrig.push(a);
    this.segOrigEnd.push(-1);
    this.parts.push(text.slice(a, b));
    this.len += b - a;
  }

  /** `out` replaces original [a, b). */
  replace(out: string, a: number, b: number): void {
    if (out.length === 0) return;
    this.segNorm.push(this.len);
    this.segOrig.push(a);
    this.segOrigEnd.push(b);
    this.parts.push(out);
    this.len += out.length;
  }
}

function foldedString(code: number): string {
  const f = code <= 0x3000 ? FOLDED[code] : fold(code);
  return f === -2 ? '' : String.fromCharCode(f);
}

/** Normalises `text`; linear in its length. `known` skips the check the caller has already made. */
export function normalise(text: string, known = false): Normalised {
  if (!known && !needsWork(text)) return { text, segNorm: [], segOrig: [], segOrigEnd: [], mentions: [] };
  const n = text.length;
  const b = new Builder();
  const mentions: Array<[number, number]> = [];
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
    b.identity(text, run, i);
    if (c === 60) {
      const close = scanTag(text, i);
      if (close > 0) {
        let j = i + 1;
        const closing = text.charCodeAt(j) === 47;
        if (closing) j++;
        const nameStart = j;
        while (j < close && isTagNameChar(text.charCodeAt(j))) j++;
        const tag = tagKind(text, nameStart, j);
        if (tag === AT_TAG) {
          if (!closing) mentionStart = b.len;
          else if (mentionStart >= 0) {
            mentions.push([mentionStart, b.len]);
            mentionStart = -1;
          }
        }
        if (tag === BLOCK_TAG) b.replace('\n', i, close + 1);
        i = close + 1;
        run = i;
        continue;
      }
    } else if (c === 38) {
      const cp = scanEntity(text, i);
      if (cp > 0) {
        b.replace(cp > 0xffff ? String.fromCodePoint(cp) : foldedString(cp), i, entityEnd);
        i = entityEnd;
        run = i;
        continue;
      }
    }
    b.replace(foldedString(c), i, i + 1);
    i++;
    run = i;
  }
  b.identity(text, run, n);
  return { text: b.parts.join(''), segNorm: b.segNorm, segOrig: b.segOrig, segOrigEnd: b.segOrigEnd, mentions };
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
  let hi = norm.segNorm.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (norm.segNorm[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps a normalised span back to original offsets. */
export function toOriginal(norm: Normalised, start: number, end: number): [number, number] {
  if (norm.segNorm.length === 0) return [start, end];
  const a = segmentOf(norm, start);
  const z = segmentOf(norm, end - 1);
  const origStart = norm.segOrigEnd[a] < 0 ? norm.segOrig[a] + (start - norm.segNorm[a]) : norm.segOrig[a];
  const origEnd = norm.segOrigEnd[z] < 0 ? norm.segOrig[z] + (end - 1 - norm.segNorm[z]) + 1 : norm.segOrigEnd[z];
  return [origStart, origEnd];
}
