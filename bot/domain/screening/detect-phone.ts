/** Phone numbers: Finnish national, +358 / 00358 forms and other international numbers. */
import { boundaryBefore, codeAt, isAlnum, isBlank, isDigit, isLetter } from './chars';
import type { Candidate, ScanContext } from './scan-context';

const PHONE_LABELS = new Set(['puh', 'puhelin', 'puhelinnumero', 'puhelinnro', 'puhnro', 'p', 'gsm', 'tel', 'tfn', 'telefon', 'telefonnummer', 'mobil', 'mobile', 'mob', 'phone', 'cell', 'kännykkä', 'kännykkään', 'numeroon', 'numerosta', 'soita', 'ring']);

interface Run {
  end: number;
  digits: string;
  groups: number[];
  seps: string;
  plus: boolean;
  /** End offset after each digit group, so a run can be cut back to a shorter number. */
  groupEnds: number[];
}

/** Reads digits with single separators (space, dash, slash, brackets) from i. */
function readRun(s: string, i: number): Run {
  const plus = s.charCodeAt(i) === 43;
  let j = plus ? i + 1 : i;
  let digits = '';
  const groups: number[] = [];
  let seps = '';
  let group = 0;
  let end = j;
  const groupEnds: number[] = [];
  while (j < s.length && digits.length <= 17) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      digits += s[j];
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
      if (group === 1 && groups.length >= 2) {
        group = 0;
        break;
      }
      groups.push(group);
      groupEnds.push(end);
    }
    group = 0;
    seps += s[j];
    j = k;
  }
  if (group && !(group === 1 && groups.length >= 2)) {
    groups.push(group);
    groupEnds.push(end);
  }
  if (groupEnds.length) end = groupEnds[groupEnds.length - 1];
  digits = digits.slice(0, groups.reduce((a, b) => a + b, 0));
  return { end, digits, groups, seps, plus, groupEnds };
}

/** The run cut after its first k groups (n digits). */
function prefixRun(run: Run, k: number, n: number): Run {
  const groups = run.groups.slice(0, k);
  return { end: run.groupEnds[k - 1], digits: run.digits.slice(0, n), groups, seps: run.seps.slice(0, k - 1), plus: run.plus, groupEnds: run.groupEnds.slice(0, k) };
}

function finnishRest(rest: string): boolean {
  if (rest.startsWith('0')) rest = rest.slice(1);
  return rest.length >= 5 && rest.length <= 10 && rest[0] !== '0';
}

function looksLikeDate(run: Run): boolean {
  return run.groups.length === 3 && run.groups[0] <= 2 && run.groups[1] <= 2 && !/ /.test(run.seps);
}

/** Plausible phone number given the digits and how they were written. */
function plausible(run: Run, labelled: boolean): boolean {
  const d = run.digits;
  // a country code never starts with 0
  if (run.plus) return d.startsWith('358') ? finnishRest(d.slice(3)) : d[0] !== '0' && d.length >= 8 && d.length <= 15;
  if (d.startsWith('00')) return d.startsWith('00358') ? finnishRest(d.slice(5)) : d[2] !== '0' && d.length >= 10 && d.length <= 17;
  if (d.startsWith('0')) return d.length >= 8 && d.length <= 11 && !looksLikeDate(run);
  return labelled && d.length >= 6 && d.length <= 12 && !looksLikeDate(run);
}

function labelBefore(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (isBlank(s.charCodeAt(j)) || s.charCodeAt(j) === 58 || s.charCodeAt(j) === 46)) j--;
  const end = j + 1;
  while (j >= 0 && isLetter(s.charCodeAt(j))) j--;
  return end > j + 1 && PHONE_LABELS.has(s.slice(j + 1, end).toLowerCase());
}

// Module-level (one object, no allocation per message); every scan starts with lastIndex = 0.
const PHONE_START = /[0-9+(]/g;

/** Finds phone numbers. */
export function detectPhone(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const len = s.length;
  // identifiers found before (identity codes, IBANs, labelled numbers) are not read again as phones
  const claimed = out.length ? out.filter((c) => c.type !== 'phone').sort((a, b) => a.start - b.start) : out;
  let next = 0;
  const start = PHONE_START;
  start.lastIndex = 0;
  while (start.test(s)) {
    let i = start.lastIndex - 1;
    while (next < claimed.length && claimed[next].end <= i) next++;
    if (next < claimed.length && claimed[next].start <= i) {
      start.lastIndex = claimed[next].end;
      continue;
    }
    const c = s.charCodeAt(i);
    const open = c === 40 && isDigit(codeAt(s, i + 1));
    if (!(isDigit(c) || (c === 43 && isDigit(codeAt(s, i + 1))) || open)) continue;
    if (!boundaryBefore(s, i) || codeAt(s, i - 1) === 43 || codeAt(s, i - 1) === 46 || codeAt(s, i - 1) === 44) {
      while (i + 1 < len && isDigit(s.charCodeAt(i + 1))) i++;
      start.lastIndex = i + 1;
      continue;
    }
    const full = readRun(s, open ? i + 1 : i);
    const label = labelBefore(s, i);
    // longest plausible reading first; a number followed by another number ("040 123 4567 60-vuotias") is cut back
    let hit: Run | null = null;
    let n = full.digits.length;
    for (let k = full.groups.length; k >= 1 && !hit; k--) {
      if (k < full.groups.length) n -= full.groups[k];
      if (n < 6) break;
      if (n > 17) continue;
      const run = k === full.groups.length ? full : prefixRun(full, k, n);
      const after = codeAt(s, run.end);
      const cleanEnd = !(isAlnum(after) || ((after === 46 || after === 44) && isDigit(codeAt(s, run.end + 1))));
      if (cleanEnd && plausible(run, label)) hit = run;
    }
    if (hit) {
      out.push({ type: 'phone', start: i, end: hit.end, confidence: hit.plus || hit.digits.startsWith('0') ? 0.95 : 0.8 });
      start.lastIndex = hit.end;
      continue;
    }
    while (i + 1 < len && isDigit(s.charCodeAt(i + 1))) i++;
    start.lastIndex = i + 1;
  }
}
