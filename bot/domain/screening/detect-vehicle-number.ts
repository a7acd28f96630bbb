/** Finnish registration plates ("ABC-123"); two-letter plates and lower case only after a label. */
import * as charsModule from './chars';
import type { Candidate, ScanContext } from './scan-context';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { boundaryAfter, boundaryBefore, codeAt, isDigit, isPlateLetter } = charsModule;

// Three-letter abbreviations that are written like a plate in care notes (GAD-7, PHQ-9, ICD-10).
const NOT_PLATES = new Set(['ICD', 'GAD', 'PHQ', 'BDI', 'HPV', 'HIV', 'CRP', 'EKG', 'EEG', 'EMG', 'DSM', 'ADL', 'ATC', 'HUS', 'THK', 'PPT',
  'MMS', 'BMI', 'TSH', 'AST', 'ALT', 'GGT', 'LDL', 'HDL', 'INR', 'PSA', 'SAD', 'ECT', 'TMS', 'AVI', 'KKE', 'EBV', 'CMV', 'HSV', 'RSV',
  'UTI', 'ICF', 'RAI', 'BAI', 'AHI', 'CDR', 'ISO', 'SFS', 'COV', 'MRI', 'CT', 'TEP', 'TOP', 'EVA', 'SOS', 'ADD', 'OCD', 'PTSD', 'AUD',
  'CIWA', 'FAS', 'LAS', 'IPS', 'DDD', 'HPA', 'PCR', 'VAT', 'ALV', 'EUR', 'USD', 'SEK', 'KLO', 'NRO', 'PVM', 'TES', 'SAS', 'MDQ', 'ASQ',
  'AQ', 'SCL', 'CGI', 'GAF', 'BPI', 'VAS', 'NRS', 'HAD', 'EPDS', 'ICPC', 'COVID', 'SARS', 'MMSE', 'VKO', 'KKS', 'SOTE', 'ACE', 'YKI', 'TET']);
const LABELS = new Set(['rekisterinumero', 'rekisterinumerolla', 'rekisterinumeroltaan', 'rekisteri', 'rekisterikilpi', 'rekkari', 'rek', 'reknro', 'rekisterinro',
  'registreringsnummer', 'regnr', 'reg', 'registration', 'plate', 'licence', 'license', 'auto', 'auton', 'autolla', 'bil', 'bilen', 'car', 'vehicle', 'ajoneuvo', 'nro', 'nr', 'no', 'number']);

// LABELS without the number words, which count only next to a vehicle word; looked up in place.
const LABEL_TABLE = new WordTable([...LABELS].filter((w) => w !== 'nro' && w !== 'nr' && w !== 'no' && w !== 'number').map((w) => [w, 1] as const));
// NOT_PLATES lower-cased, looked up in place (a plate prefix is ASCII letters or Å, Ä, Ö, which case-map one to one).
const NOT_PLATE_TABLE = new WordTable([...NOT_PLATES].map((w) => [w.toLowerCase(), 1] as const));

/** A label word among the last two words of the 30 characters before i (a word cut by the window counts as cut). */
function labelled(s: string, i: number): boolean {
  const from = Math.max(0, i - 30);
  for (let k = from; k < i; k++) {
    const c = s.charCodeAt(k);
    // other letters lower-case differently (İ to two code units, the Kelvin sign to k): read as before
    if (c >= 128 && !isNordic(c)) return labelledAsWritten(s, i);
  }
  for (let k = Math.max(from, i - 4); k < i; k++) {
    const c = s.charCodeAt(k);
    if (c === 44 || c === 59 || c === 33 || c === 63) return false;
  }
  let end = i;
  for (let words = 0; words < 2; words++) {
    while (end > from && !isWordLetter(s.charCodeAt(end - 1))) end--;
    if (end === from) return false;
    let start = end - 1;
    while (start > from && isWordLetter(s.charCodeAt(start - 1))) start--;
    if (LABEL_TABLE.get(s, start, end) !== 0) return true;
    end = start;
  }
  return false;
}

/** Å, Ä, Ö in either case. */
function isNordic(c: number): boolean {
  return c === 0xe5 || c === 0xe4 || c === 0xf6 || c === 0xc5 || c === 0xc4 || c === 0xd6;
}

/** A letter of [a-zåäö] once lower-cased (c is ASCII or Nordic). */
function isWordLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || isNordic(c);
}

/** labelled() on a copy of the text, for windows with other non-ASCII letters. */
function labelledAsWritten(s: string, i: number): boolean {
  const before = s.slice(Math.max(0, i - 30), i);
  if (/[,;!?]/.test(before.slice(-4))) return false;
  const words = before.toLowerCase().split(/[^a-zåäö]+/).filter(Boolean).slice(-2);
  return words.some((w) => LABELS.has(w) && w !== 'nro' && w !== 'nr' && w !== 'no' && w !== 'number');
}

/** Finds plates. */
export function detectVehicleNumber(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const p = ctx.profile;
  // a plate's dash has a digit right after it, so it is the character before a noted digit run: the runs
  // are walked, not every dash of the text (most are in hyphenated words and ranges)
  for (let r = 0; r < p.runCount; r++) {
    const d = p.runStart[r] - 1;
    if (d < 0 || s.charCodeAt(d) !== 45) continue;
    let a = d;
    while (a > 0 && d - a < 4 && (isPlateLetter(s.charCodeAt(a - 1)) || isLower(s.charCodeAt(a - 1)))) a--;
    const letters = d - a;
    if (letters < 2 || letters > 3 || !boundaryBefore(s, a)) continue;
    let b = d + 1;
    while (b < s.length && isDigit(s.charCodeAt(b)) && b - d <= 4) b++;
    const digits = b - d - 1;
    if (digits < 1 || digits > 3 || codeAt(s, d + 1) === 48 || !boundaryAfter(s, b)) continue;
    if ((codeAt(s, b) === 46 || codeAt(s, b) === 44) && isDigit(codeAt(s, b + 1))) continue;
    // care-scale abbreviations (GAD-7) first: the label look-back runs only for plate candidates
    if (NOT_PLATE_TABLE.get(s, a, d) !== 0) continue;
    const hasLabel = labelled(s, a);
    if (!hasLabel && (hasLower(s, a, d) || letters !== 3)) continue;
    out.push({ type: 'vehicle_number', start: a, end: b, confidence: hasLabel ? 0.9 : 0.7 });
  }
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 0xe5 || c === 0xe4 || c === 0xf6;
}

/** s[a, d) has a lower-case letter (the prefix is written in upper case otherwise). */
function hasLower(s: string, a: number, d: number): boolean {
  for (let k = a; k < d; k++) if (isLower(s.charCodeAt(k))) return true;
  return false;
}
