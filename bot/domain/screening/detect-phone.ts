/** Phone numbers: Finnish national, +358 / 00358 forms and other international numbers. */
import * as charsModule from './chars';
import type { Candidate, ScanContext } from './scan-context';
import type { TextProfile } from './text-profile';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryBefore, codeAt, isAlnum, isBlank, isDigit, isLetter } = charsModule;

const PHONE_LABELS = new WordTable(['puh', 'puhelin', 'puhelinnumero', 'puhelinnro', 'puhnro', 'p', 'gsm', 'tel', 'tfn', 'telefon', 'telefonnummer', 'mobil', 'mobile', 'mob', 'phone', 'cell', 'kännykkä', 'kännykkään', 'numeroon', 'numerosta', 'soita', 'ring'].map((w) => [w, 1] as const));

// The digit run read last, in reused arrays (no strings or objects per number): its digits, the
// digit count of each group, the end offset after each group (so a run can be cut back to a shorter
// number) and whether each separator was a blank.
const DIGITS = new Int32Array(20);
const GROUPS = new Int32Array(20);
const GROUP_ENDS = new Int32Array(20);
const SEP_BLANK = new Uint8Array(20);
let digitCount = 0;
let groupCount = 0;
let sepCount = 0;
let plus = false;

function pushGroup(group: number, end: number): void {
  GROUPS[groupCount] = group;
  GROUP_ENDS[groupCount] = end;
  groupCount++;
}

// The most characters readRun() steps over between two digit groups (" - (" and ") " around a bracketed group).
const MAX_SEPARATOR = 5;

/** Digit run r is followed by a separator readRun() steps over and, within its reach, the next run. */
function continues(s: string, p: TextProfile, r: number): boolean {
  if (r + 1 === p.runCount || p.runStart[r + 1] - p.runEnd[r] > MAX_SEPARATOR) return false;
  const c = s.charCodeAt(p.runEnd[r]);
  return c === 32 || c === 9 || c === 45 || c === 47 || c === 40 || c === 41;
}

/**
 * Digits in run r and the runs continues() chains to it: readRun() from run r steps over no wider gap
 * and no other separator, so it reads at most these (a cheap bound, from the noted runs alone).
 */
function chainedDigits(s: string, p: TextProfile, r: number): number {
  let n = p.runEnd[r] - p.runStart[r];
  for (let q = r; n < 6 && continues(s, p, q); q++) n += p.runEnd[q + 1] - p.runStart[q + 1];
  return n;
}

/** Reads digits with single separators (space, dash, slash, brackets) from i into the arrays above. */
function readRun(s: string, i: number): void {
  plus = s.charCodeAt(i) === 43;
  let j = plus ? i + 1 : i;
  digitCount = 0;
  groupCount = 0;
  sepCount = 0;
  let group = 0;
  let end = j;
  while (j < s.length && digitCount <= 17) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      DIGITS[digitCount++] = c - 48;
      group++;
      j++;
      end = j;
      continue;
    }
    // one separator (or a bracketed group) between digit groups
    let k = j;
    if (c === 40 || c === 41) k++;
    else if (isBlank(c) || c === 45 || c === 47) {
      k++;
      const d = codeAt(s, k);
      if (d === 40 || (isBlank(c) && d === 45 && isBlank(codeAt(s, k + 1)))) k += d === 40 ? 1 : 2;
    } else break;
    if (codeAt(s, k) === 41) k++;
    if (isBlank(codeAt(s, k)) && k > j && s.charCodeAt(k - 1) === 41) k++;
    if (!isDigit(codeAt(s, k))) break;
    if (group) {
      // a one-digit group only as area code ("+358 9 123 4567"); "1 2 3 4" is a list, not a number
      if (group === 1 && groupCount >= 2) {
        group = 0;
        break;
      }
      pushGroup(group, end);
    }
    group = 0;
    SEP_BLANK[sepCount++] = c === 32 ? 1 : 0;
    j = k;
  }
  if (group && !(group === 1 && groupCount >= 2)) pushGroup(group, end);
  let n = 0;
  for (let g = 0; g < groupCount; g++) n += GROUPS[g];
  digitCount = n;
}

/** Digit i of the run, -1 past its end. */
function digit(i: number, n: number): number {
  return i < n ? DIGITS[i] : -1;
}

/** The national part after a Finnish country code at `from` (of n digits) has a plausible length. */
function finnishRest(from: number, n: number): boolean {
  if (digit(from, n) === 0) from++;
  return n - from >= 5 && n - from <= 10 && digit(from, n) !== 0;
}

/** The first k groups read like a date ("3.4.87" written 3-4-87): three short groups, no blanks. */
function looksLikeDate(k: number): boolean {
  if (k !== 3 || GROUPS[0] > 2 || GROUPS[1] > 2) return false;
  const seps = k === groupCount ? sepCount : k - 1;
  for (let g = 0; g < seps; g++) if (SEP_BLANK[g] === 1) return false;
  return true;
}

/** The first k groups (n digits) of the run are a plausible phone number given how they were written. */
function plausible(k: number, n: number, labelled: boolean): boolean {
  const d0 = digit(0, n);
  const d1 = digit(1, n);
  // a country code never starts with 0
  if (plus) return d0 === 3 && d1 === 5 && digit(2, n) === 8 ? finnishRest(3, n) : d0 !== 0 && n >= 8 && n <= 15;
  if (d0 === 0 && d1 === 0) return digit(2, n) === 3 && digit(3, n) === 5 && digit(4, n) === 8 ? finnishRest(5, n) : digit(2, n) !== 0 && n >= 10 && n <= 17;
  if (d0 === 0) return n >= 8 && n <= 11 && !looksLikeDate(k);
  return labelled && n >= 6 && n <= 12 && !looksLikeDate(k);
}

function labelBefore(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (isBlank(s.charCodeAt(j)) || s.charCodeAt(j) === 58 || s.charCodeAt(j) === 46)) j--;
  const end = j + 1;
  while (j >= 0 && isLetter(s.charCodeAt(j))) j--;
  return end > j + 1 && PHONE_LABELS.get(s, j + 1, end) !== 0;
}

/** `out` holds no phone and is sorted by start, so it can be walked as the claimed spans without a copy. */
function usableAsClaimed(out: Candidate[]): boolean {
  for (let k = 0; k < out.length; k++) if (out[k].type === 'phone' || (k > 0 && out[k].start < out[k - 1].start)) return false;
  return true;
}

/** Finds phone numbers. */
export function detectPhone(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const p = ctx.profile;
  // identifiers found before (identity codes, IBANs, labelled numbers) are not read again as phones
  const claimed = usableAsClaimed(out) ? out : out.filter((c) => c.type !== 'phone').sort((a, b) => a.start - b.start);
  let next = 0;
  let lastEnd = 0;
  // a number starts at a digit run, or at the '+' or '(' right before one
  for (let r = 0; r < p.runCount; r++) {
    const run = p.runStart[r];
    if (run < lastEnd) continue;
    const lead = codeAt(s, run - 1);
    const i = (lead === 43 || lead === 40) && run - 1 >= lastEnd ? run - 1 : run;
    while (next < claimed.length && claimed[next].end <= i) next++;
    if (next < claimed.length && claimed[next].start <= i) {
      lastEnd = claimed[next].end;
      continue;
    }
    // a phone has six digits or more: runs that cannot give six with their separators ("60-vuotias",
    // "5 lasta", "3.4.2023", "klo 10:30", "GAD-7 21", "30 000 euroa") are no number, and are not read
    if (chainedDigits(s, p, r) < 6) continue;
    const open = lead === 40 && i < run;
    if (!boundaryBefore(s, i) || codeAt(s, i - 1) === 43 || codeAt(s, i - 1) === 46 || codeAt(s, i - 1) === 44) continue;
    // a number written without a leading 0 or '+' is one only after a label (see plausible): without
    // one ("syntynyt 1939-03-03", "30 000 000") it is not read
    const needsLabel = !(lead === 43 && i < run) && s.charCodeAt(run) !== 48;
    const label = needsLabel && labelBefore(s, i);
    if (needsLabel && !label) continue;
    readRun(s, open ? run : i);
    if (digitCount < 6) continue;
    // longest plausible reading first; a number followed by another number ("040 123 4567 60-vuotias") is cut back
    let hit = 0;
    let n = digitCount;
    for (let k = groupCount; k >= 1 && !hit; k--) {
      if (k < groupCount) n -= GROUPS[k];
      if (n < 6) break;
      if (n > 17) continue;
      const end = GROUP_ENDS[k - 1];
      const after = codeAt(s, end);
      const cleanEnd = !(isAlnum(after) || ((after === 46 || after === 44) && isDigit(codeAt(s, end + 1))));
      if (cleanEnd && plausible(k, n, label)) hit = k;
    }
    if (hit) {
      const end = GROUP_ENDS[hit - 1];
      out.push({ type: 'phone', start: i, end, confidence: plus || DIGITS[0] === 0 ? 0.95 : 0.8 });
      lastEnd = end;
    }
  }
}
