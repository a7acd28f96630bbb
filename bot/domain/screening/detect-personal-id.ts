/** Finnish personal identity code (henkilötunnus), checksum validated, every century sign. */
import * as charsModule from './chars';
import type { Candidate, ScanContext } from './scan-context';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryAfter, boundaryBefore, isAlnum, isBlank, isDigit } = charsModule;

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
// '+' 1800s; '-' Y X W V U 1900s; A B C D E F 2000s (2023 reform added the letters)
const CENTURY_SIGNS = '+-YXWVUABCDEF';

/** Check character for the nine digits DDMMYYNNN. */
export function hetuCheckChar(nineDigits: string): string {
  return CHECK[Number(nineDigits) % 31];
}

// The century signs by code unit, either case (CENTURY_SIGNS.includes(c.toUpperCase()) without a string).
const IS_SIGN = new Uint8Array(128);
for (let c = 0; c < 128; c++) IS_SIGN[c] = CENTURY_SIGNS.includes(String.fromCharCode(c).toUpperCase()) ? 1 : 0;

/** c (a code unit) is a century sign in either case; only ASCII letters and signs upper-case to one. */
function isCenturySign(c: number): boolean {
  return c < 128 && IS_SIGN[c] === 1;
}

function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
}

function skipSmallGap(s: string, i: number): number {
  let k = 0;
  while (k < 2 && isBlank(s.charCodeAt(i))) {
    i++;
    k++;
  }
  return i;
}

/** Finds codes; a well-formed code with a wrong check character becomes a 'blocked' span. */
export function detectPersonalId(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const n = s.length;
  const p = ctx.profile;
  let lastEnd = 0;
  // a code starts with a run of exactly six digits (DDMMYY)
  for (let r = 0; r < p.runCount; r++) {
    const i = p.runStart[r];
    if (i < lastEnd || p.runEnd[r] - i !== 6) continue;
    if (i + 10 > n) break;
    if (!boundaryBefore(s, i)) continue;
    const j = i + 6;
    const day = twoDigits(s, i);
    const month = twoDigits(s, i + 2);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    let k = skipSmallGap(s, j);
    if (k >= n || !isCenturySign(s.charCodeAt(k))) continue;
    k = skipSmallGap(s, k + 1);
    if (k + 4 > n || !isDigit(s.charCodeAt(k)) || !isDigit(s.charCodeAt(k + 1)) || !isDigit(s.charCodeAt(k + 2))) continue;
    const c = s.charCodeAt(k + 3);
    if (!isAlnum(c) || !boundaryAfter(s, k + 4)) continue;
    const end = k + 4;
    // DDMMYYNNN as a number (exact: nine digits), without building its string
    const nine = (day * 10000 + month * 100 + twoDigits(s, i + 4)) * 1000 + (s.charCodeAt(k) - 48) * 100 + twoDigits(s, k + 1);
    // the check character in either case; a non-ASCII letter (ſ upper-cases to S) is compared as a string
    const ok = c < 128 ? CHECK.charCodeAt(nine % 31) === (c >= 97 && c <= 122 ? c - 32 : c) : CHECK[nine % 31] === s[k + 3].toUpperCase();
    out.push({ type: ok ? 'personal_id' : 'blocked', start: i, end, confidence: ok ? 0.99 : 0 });
    lastEnd = end;
  }
}
