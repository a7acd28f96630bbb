/** Finnish registration plates ("ABC-123"); two-letter plates and lower case only after a label. */
import { boundaryAfter, boundaryBefore, codeAt, isDigit, isPlateLetter } from './chars';
import type { Candidate, ScanContext } from './scan-context';

// Three-letter abbreviations that are written like a plate in care notes (GAD-7, PHQ-9, ICD-10).
const NOT_PLATES = new Set(['ICD', 'GAD', 'PHQ', 'BDI', 'HPV', 'HIV', 'CRP', 'EKG', 'EEG', 'EMG', 'DSM', 'ADL', 'ATC', 'HUS', 'THK', 'PPT',
  'MMS', 'BMI', 'TSH', 'AST', 'ALT', 'GGT', 'LDL', 'HDL', 'INR', 'PSA', 'SAD', 'ECT', 'TMS', 'AVI', 'KKE', 'EBV', 'CMV', 'HSV', 'RSV',
  'UTI', 'ICF', 'RAI', 'BAI', 'AHI', 'CDR', 'ISO', 'SFS', 'COV', 'MRI', 'CT', 'TEP', 'TOP', 'EVA', 'SOS', 'ADD', 'OCD', 'PTSD', 'AUD',
  'CIWA', 'FAS', 'LAS', 'IPS', 'DDD', 'HPA', 'PCR', 'VAT', 'ALV', 'EUR', 'USD', 'SEK', 'KLO', 'NRO', 'PVM', 'TES', 'SAS', 'MDQ', 'ASQ',
  'AQ', 'SCL', 'CGI', 'GAF', 'BPI', 'VAS', 'NRS', 'HAD', 'EPDS', 'ICPC', 'COVID', 'SARS', 'MMSE', 'VKO', 'KKS', 'SOTE', 'ACE', 'YKI', 'TET']);
const LABELS = new Set(['rekisterinumero', 'rekisterinumerolla', 'rekisterinumeroltaan', 'rekisteri', 'rekisterikilpi', 'rekkari', 'rek', 'reknro', 'rekisterinro',
  'registreringsnummer', 'regnr', 'reg', 'registration', 'plate', 'licence', 'license', 'auto', 'auton', 'autolla', 'bil', 'bilen', 'car', 'vehicle', 'ajoneuvo', 'nro', 'nr', 'no', 'number']);

/** A label word among the three words before i. */
function labelled(s: string, i: number): boolean {
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
    const prefix = s.slice(a, d);
    const upperPrefix = prefix.toUpperCase();
    // care-scale abbreviations (GAD-7) first: the label look-back runs only for plate candidates
    if (NOT_PLATES.has(upperPrefix)) continue;
    const hasLabel = labelled(s, a);
    if (!hasLabel && (prefix !== upperPrefix || letters !== 3)) continue;
    out.push({ type: 'vehicle_number', start: a, end: b, confidence: hasLabel ? 0.9 : 0.7 });
  }
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 0xe5 || c === 0xe4 || c === 0xf6;
}
