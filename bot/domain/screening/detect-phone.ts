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
    if (group) groups.push(group);
    group = 0;
    seps += s[j];
    j = k;
  }
  if (group) groups.push(group);
  return { end, digits, groups, seps, plus };
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
  if (run.plus) return d.startsWith('358') ? finnishRest(d.slice(3)) : d.length >= 8 && d.length <= 15;
  if (d.startsWith('00')) return d.startsWith('00358') ? finnishRest(d.slice(5)) : d.length >= 10 && d.length <= 17;
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

/** Finds phone numbers. */
export function detectPhone(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const open = c === 40 && isDigit(codeAt(s, i + 1));
    if (!(isDigit(c) || (c === 43 && isDigit(codeAt(s, i + 1))) || open)) continue;
    if (!boundaryBefore(s, i) || codeAt(s, i - 1) === 43 || codeAt(s, i - 1) === 46 || codeAt(s, i - 1) === 44) {
      while (i + 1 < n && isDigit(s.charCodeAt(i + 1))) i++;
      continue;
    }
    const run = readRun(s, open ? i + 1 : i);
    const after = codeAt(s, run.end);
    const cleanEnd = !(isAlnum(after) || (after === 46 || after === 44) && isDigit(codeAt(s, run.end + 1)));
    if (cleanEnd && plausible(run, labelBefore(s, i))) {
      out.push({ type: 'phone', start: i, end: run.end, confidence: run.plus || run.digits.startsWith('0') ? 0.95 : 0.8 });
      i = run.end - 1;
      continue;
    }
    while (i + 1 < n && isDigit(s.charCodeAt(i + 1))) i++;
  }
}
