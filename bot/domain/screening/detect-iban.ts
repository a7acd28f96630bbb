/** IBANs (FI and others), validated by length per country and mod-97. */
import * as charsModule from './chars';
import type { Candidate, ScanContext } from './scan-context';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryAfter, boundaryBefore, isAlnum, isDigit } = charsModule;

const LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

/** Index of a two-letter country code (ASCII letters, either case) in LENGTH_BY_HEAD. */
function headKey(a: number, b: number): number {
  return ((a | 32) - 97) * 26 + ((b | 32) - 97);
}

// LENGTHS by headKey, so the country is looked up without a two-letter string (0: no IBAN country).
const LENGTH_BY_HEAD = new Uint8Array(26 * 26);
for (const [cc, len] of Object.entries(LENGTHS)) LENGTH_BY_HEAD[headKey(cc.charCodeAt(0), cc.charCodeAt(1))] = len;

/** True when the compact IBAN passes the ISO 13616 mod-97 check. */
export function ibanValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    if (isDigit(c)) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

// The IBAN read last, compact (ASCII letters and digits, as written): checked here without a string.
const COMPACT = new Uint16Array(64);

/**
 * ibanValid() of the upper-cased COMPACT[0, len), whose code units are all ASCII letters or digits.
 * The remainder is taken once per six decimal digits or more instead of per character (the same
 * value: reducing mod 97 commutes with appending digits); the running number stays below 10^9, an
 * int32, so each division stays an integer one.
 */
function compactValid(len: number): boolean {
  let rem = 0;
  let digits = 0;
  for (let k = 4; k < len + 4; k++) {
    const c = COMPACT[k < len ? k : k - len];
    if (c <= 57) {
      rem = rem * 10 + (c - 48);
      digits++;
    } else {
      rem = rem * 100 + ((c >= 97 ? c - 32 : c) - 55);
      digits += 2;
    }
    if (digits >= 6) {
      rem %= 97;
      digits = 0;
    }
  }
  return rem % 97 === 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Finds IBANs written compact or in groups separated by single spaces or dashes. */
export function detectIban(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const n = s.length;
  const p = ctx.profile;
  let lastEnd = 0;
  // the head is two ASCII letters right before a run of two digits or more ("FI21")
  for (let r = 0; r < p.runCount; r++) {
    const i = p.runStart[r] - 2;
    if (i < lastEnd || p.runEnd[r] - i < 4 || !isAsciiLetter(s.charCodeAt(i)) || !isAsciiLetter(s.charCodeAt(i + 1))) continue;
    if (i + 15 > n) break;
    if (!boundaryBefore(s, i)) continue;
    const len = LENGTH_BY_HEAD[headKey(s.charCodeAt(i), s.charCodeAt(i + 1))];
    if (!len) continue;
    let count = 0;
    let j = i;
    while (j < n && count < len) {
      const c = s.charCodeAt(j);
      if (isAlnum(c) && c < 128) {
        COMPACT[count++] = c;
        j++;
      } else if ((c === 32 || c === 45) && isAlnum(s.charCodeAt(j + 1))) j++;
      else break;
    }
    if (count !== len || !boundaryAfter(s, j) || !compactValid(len)) continue;
    out.push({ type: 'iban', start: i, end: j, confidence: 0.99 });
    lastEnd = j;
  }
}
