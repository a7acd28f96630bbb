/** screen(text): every client identifier in a message, as spans of the original text. */
import { detectAddress } from './detect-address';
import { detectDateOfBirth } from './detect-date-of-birth';
import { detectEmail } from './detect-email';
import { detectIban } from './detect-iban';
import { detectName } from './detect-name';
import { detectPassportNumber } from './detect-passport-number';
import { detectPersonalId } from './detect-personal-id';
import { detectPhone } from './detect-phone';
import { detectRecordNumber } from './detect-record-number';
import { detectVehicleNumber } from './detect-vehicle-number';
import { normalise, toOriginal } from './normalise';
import type { Candidate, Detector, ScanContext } from './scan-context';
import { tokenize } from './tokens';
import type { Finding, FindingType } from './types';

// Earlier wins an overlap: checksummed and structured identifiers before labelled ones, names last.
const PRIORITY: Array<FindingType | 'blocked'> = ['personal_id', 'blocked', 'iban', 'email', 'record_number', 'passport_number', 'phone',
  'date_of_birth', 'address', 'vehicle_number', 'name'];
const RANK = new Map(PRIORITY.map((t, i) => [t, i]));

// Every detector but the name and e-mail ones needs a digit; most sentences of a case have none.
const DIGIT_DETECTORS: Detector[] = [detectPersonalId, detectIban, detectRecordNumber, detectPassportNumber, detectPhone,
  detectDateOfBirth, detectAddress, detectVehicleNumber];
const HAS_DIGIT = /[0-9]/;

/** Lowest confidence reported. */
export const MIN_CONFIDENCE = 0.5;

function resolve(cands: Candidate[]): Candidate[] {
  if (cands.length === 1) return cands[0].type !== 'blocked' && cands[0].confidence >= MIN_CONFIDENCE ? cands : [];
  cands.sort((a, b) => (RANK.get(a.type) ?? 99) - (RANK.get(b.type) ?? 99) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (c.type !== 'blocked' && c.confidence < MIN_CONFIDENCE) continue;
    // kept is small (a message rarely has more than a few findings), so a scan is fine
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.filter((k) => k.type !== 'blocked').sort((a, b) => a.start - b.start);
}

/**
 * Finds client identifiers in `text` (plain or Teams HTML). Offsets are UTF-16 offsets into the
 * original `text`; findings are sorted and do not overlap. Never throws on any string.
 */
export function screen(text: string): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const norm = normalise(text);
  const ctx: ScanContext = { text: norm.text, tokens: tokenize(norm.text), mentions: norm.mentions };
  const cands: Candidate[] = [];
  if (HAS_DIGIT.test(norm.text)) for (const detect of DIGIT_DETECTORS) detect(ctx, cands);
  detectEmail(ctx, cands);
  detectName(ctx, cands);
  if (cands.length === 0) return [];
  return resolve(cands).map((c) => {
    const [start, end] = toOriginal(norm, c.start, c.end);
    return { type: c.type as FindingType, start, end, confidence: c.confidence };
  });
}
