/** screen(text): every client identifier in a message, as spans of the original text. */
import * as detectAddressModule from './detect-address';
import * as detectDateOfBirthModule from './detect-date-of-birth';
import * as detectEmailModule from './detect-email';
import * as detectIbanModule from './detect-iban';
import * as detectNameModule from './detect-name';
import * as detectPassportNumberModule from './detect-passport-number';
import * as detectPersonalIdModule from './detect-personal-id';
import * as detectPhoneModule from './detect-phone';
import * as detectRecordNumberModule from './detect-record-number';
import * as detectVehicleNumberModule from './detect-vehicle-number';
import * as normaliseModule from './normalise';
import { originalEnd } from './normalise';
import type { Normalised } from './normalise';
import type { Candidate, ScanContext } from './scan-context';
import * as textProfileModule from './text-profile';
import * as tokensModule from './tokens';
import * as wordKindsModule from './word-kinds';
import type { Finding, FindingType } from './types';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { detectAddress } = detectAddressModule;
const { detectDateOfBirth } = detectDateOfBirthModule;
const { addMailtoLinks, detectEmail } = detectEmailModule;
const { detectIban } = detectIbanModule;
const { detectName } = detectNameModule;
const { detectPassportNumber } = detectPassportNumberModule;
const { detectPersonalId } = detectPersonalIdModule;
const { detectPhone } = detectPhoneModule;
const { detectRecordNumber } = detectRecordNumberModule;
const { detectVehicleNumber } = detectVehicleNumberModule;
const { normalise, releaseNormalised, toOriginalStart } = normaliseModule;
const { HAS, profile } = textProfileModule;
const { releaseTokens, scanPlain, tokenize, tokenKinds } = tokensModule;
const { KIND } = wordKindsModule;

/**
 * Earlier wins an overlap: checksummed and structured identifiers before labelled ones, names last.
 * A switch compares the interned type strings by reference; a keyed look-up in a Record of ranks went
 * through V8's megamorphic stub cache on every comparison.
 */
function rank(type: FindingType | 'blocked'): number {
  switch (type) {
    case 'personal_id': return 0;
    case 'blocked': return 1;
    case 'iban': return 2;
    case 'email': return 3;
    case 'record_number': return 4;
    case 'passport_number': return 5;
    case 'phone': return 6;
    case 'date_of_birth': return 7;
    case 'address': return 8;
    case 'vehicle_number': return 9;
    default: return 10;
  }
}

const NO_MENTIONS: Array<[number, number]> = [];
// The detectors' input and output, reused by every call (screen() is synchronous and never re-entered).
const CTX: ScanContext = { text: '', tokens: [], mentions: NO_MENTIONS, profile };
const CANDS: Candidate[] = [];

/** Lowest confidence reported. */
export const MIN_CONFIDENCE = 0.5;

function byRank(a: Candidate, b: Candidate): number {
  return rank(a.type) - rank(b.type) || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * In-place insertion sorts, one per order: candidate lists are short, Array.prototype.sort copies its
 * input, and a sort taking the comparison as an argument called it (not inlined) for every step.
 */
function sortByRank(list: Candidate[]): void {
  for (let i = 1; i < list.length; i++) {
    const c = list[i];
    let j = i - 1;
    while (j >= 0 && byRank(list[j], c) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = c;
  }
}

function sortByStart(list: Candidate[]): void {
  for (let i = 1; i < list.length; i++) {
    const c = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].start > c.start) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = c;
  }
}

/** Empties the reused candidate list: pop() is compiled inline, where the length setter is a runtime call (about 50 ns). */
function emptyList(list: Candidate[]): void {
  while (list.length > 0) list.pop();
}

const byStart = (a: Candidate, b: Candidate): number => a.start - b.start;

/**
 * Keeps the best of overlapping candidates (by PRIORITY, then length); returns them sorted by start,
 * in a new array (`cands` is reused from call to call). The candidates themselves become the findings:
 * they have a finding's fields and are made afresh by every call.
 */
function resolve(cands: Candidate[]): Candidate[] {
  if (cands.length === 1) return cands[0].type !== 'blocked' && cands[0].confidence >= MIN_CONFIDENCE ? [cands[0]] : [];
  if (cands.length === 2) return resolvePair(cands[0], cands[1]);
  if (cands.length > 64) cands.sort(byRank);
  else sortByRank(cands);
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (c.type !== 'blocked' && c.confidence < MIN_CONFIDENCE) continue;
    // kept is small (a message rarely has more than a few findings), so a scan is fine
    let overlaps = false;
    for (const k of kept) if (c.start < k.end && k.start < c.end) overlaps = true;
    if (!overlaps) kept.push(c);
  }
  let n = 0;
  for (const k of kept) if (k.type !== 'blocked') kept[n++] = k;
  // pop() is compiled inline; the length setter is a runtime call (about 50 ns)
  while (kept.length > n) kept.pop();
  if (n > 64) kept.sort(byStart);
  else sortByStart(kept);
  return kept;
}

/** A candidate that is kept when nothing better overlaps it ('blocked' ones are kept to block, then dropped). */
function eligible(c: Candidate): boolean {
  return c.type === 'blocked' || c.confidence >= MIN_CONFIDENCE;
}

/** resolve() of two candidates (about half the messages with findings), without its sorts and loops. */
function resolvePair(x: Candidate, y: Candidate): Candidate[] {
  // the better one first, as the sort by rank leaves them (a tie keeps the order found)
  const first = byRank(x, y) > 0 ? y : x;
  const second = first === x ? y : x;
  const keepFirst = eligible(first);
  const overlap = second.start < first.end && first.start < second.end;
  const keepSecond = eligible(second) && !(keepFirst && overlap);
  const a = keepFirst && first.type !== 'blocked' ? first : null;
  const b = keepSecond && second.type !== 'blocked' ? second : null;
  if (a === null) return b === null ? [] : [b];
  if (b === null) return [a];
  // by start; equal starts keep the rank order (the insertion sort is stable)
  return b.start < a.start ? [b, a] : [a, b];
}

/** Runs every detector whose trigger characters or words the text has; order matters (phone skips claimed spans). */
function detect(ctx: ScanContext, cands: Candidate[]): void {
  const p = ctx.profile;
  const s = ctx.text;
  const kinds = tokenKinds();
  if (p.digits > 0) {
    if (p.maxRun >= 6) detectPersonalId(ctx, cands);
    if (p.flags & HAS.letterDigits && s.length >= 15) detectIban(ctx, cands);
    if (p.digits >= 4 && kinds & KIND.recordLabel) detectRecordNumber(ctx, cands);
    if (p.digits >= 4 && kinds & KIND.passportLabel) detectPassportNumber(ctx, cands);
    if (p.digits >= 6) detectPhone(ctx, cands);
    if (p.digits >= 2 && kinds & KIND.birth) detectDateOfBirth(ctx, cands);
    detectAddress(ctx, cands);
    if (p.flags & HAS.dash) detectVehicleNumber(ctx, cands);
  }
  if (p.flags & (HAS.at | HAS.bracket)) detectEmail(ctx, cands);
  detectName(ctx, cands);
}

/**
 * Finds client identifiers in `text` (plain or Teams HTML). Offsets are UTF-16 offsets into the
 * original `text`; findings are sorted and do not overlap. Never throws on any string.
 */
export function screen(text: string): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const cands = CANDS;
  // left over only if a detector threw
  emptyList(cands);
  let norm: Normalised | null = null;
  let scanned = true;
  try {
    // plain text (no tags, entities or look-alike characters) is screened as it is, without a copy
    let tokens = scanPlain(text);
    scanned = tokens !== null;
    if (!tokens) {
      norm = normalise(text, true);
      tokens = tokenize(norm.text);
    }
    CTX.text = norm ? norm.text : text;
    CTX.tokens = tokens;
    CTX.mentions = norm ? norm.mentions : NO_MENTIONS;
    detect(CTX, cands);
  } finally {
    releaseTokens();
    // also when normalise() threw half-way
    if (!scanned) releaseNormalised();
    // no message text stays reachable between calls
    CTX.text = '';
    CTX.mentions = NO_MENTIONS;
  }
  // a linked address is also written in the tag, which normalising drops
  const mailto = norm !== null && text.indexOf('@') >= 0;
  if (cands.length === 0 && !mailto) return [];
  const findings = cands.length === 0 ? [] : (resolve(cands) as Finding[]);
  emptyList(cands);
  if (norm && norm.segments > 0) {
    for (const f of findings) {
      f.start = toOriginalStart(norm, f.start, f.end);
      f.end = originalEnd;
    }
  }
  if (mailto) addMailtoLinks(text, findings);
  return findings;
}
