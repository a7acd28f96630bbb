/**
 * E-mail addresses, found by expanding around each '@' or the Finnish-style '(at)' / '[at]'
 * (etunimi.sukunimi(at)example.fi). Each character is visited at most twice.
 */
import * as charsModule from './chars';
import type { Candidate, ScanContext } from './scan-context';
import * as textProfileModule from './text-profile';
import type { Finding } from './types';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { isAlnum } = charsModule;
const { HAS } = textProfileModule;

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** s[from, to) is two ASCII letters or more. */
function isTld(s: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Pushes the address around the at-sign s[at, atEnd) if there is one; returns its end or -1. */
function expand(s: string, at: number, atEnd: number, lastEnd: number, out: Candidate[]): number {
  let a = at;
  while (a > lastEnd && isLocalChar(s.charCodeAt(a - 1))) a--;
  while (a < at && !isAlnum(s.charCodeAt(a))) a++;
  // nothing before the at-sign (an @-mention): the domain is not read
  if (a === at) return -1;
  let b = atEnd;
  while (b < s.length && isDomainChar(s.charCodeAt(b))) b++;
  while (b > atEnd && !isAlnum(s.charCodeAt(b - 1))) b--;
  // the domain's last dot, after its first character, and a top-level domain of two ASCII letters or more
  let dot = b - 1;
  while (dot > atEnd && s.charCodeAt(dot) !== 46) dot--;
  if (dot > atEnd && isTld(s, dot + 1, b)) {
    out.push({ type: 'email', start: a, end: b, confidence: at + 1 === atEnd ? 0.99 : 0.9 });
    return b;
  }
  return -1;
}

const AT_MARKERS = ['(at)', '[at]'];

/** Finds e-mail addresses. */
export function detectEmail(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  const flags = ctx.profile.flags;
  let lastEnd = 0;
  // the pass noted whether the text has an '@' and a '(' or '[': the text is searched only for what it has
  for (let at = flags & HAS.at ? s.indexOf('@') : -1; at >= 0; at = s.indexOf('@', Math.max(at + 1, lastEnd))) {
    const end = expand(s, at, at + 1, lastEnd, out);
    if (end > 0) lastEnd = end;
  }
  if (!(flags & HAS.bracket) || s.indexOf('at', 0) < 0) return;
  for (const marker of AT_MARKERS) {
    let last = 0;
    for (let at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, Math.max(at + 1, last))) {
      const end = expand(s, at, at + marker.length, last, out);
      if (end > 0) last = end;
    }
  }
}

/**
 * Teams HTML repeats a linked address in the tag (<a href="mailto:x@y.fi">x@y.fi</a>), which
 * normalising drops: the copy in the tag is found here in the ORIGINAL text and added to `findings`
 * (kept sorted), so a redaction removes both copies. Each character is read a bounded number of times.
 */
export function addMailtoLinks(original: string, findings: Finding[]): void {
  const lower = original.length < 100_000 ? original : original.slice(0, 100_000);
  let added = false;
  for (let m = indexOfMailto(lower, 0); m >= 0; m = indexOfMailto(lower, m + 7)) {
    const from = m + 7;
    let end = from;
    while (end < lower.length && end - from < 254 && isAddressChar(lower.charCodeAt(end))) end++;
    const at = lower.indexOf('@', from);
    if (at <= from || at >= end) continue;
    const out: Candidate[] = [];
    const e = expand(lower, at, at + 1, from, out);
    if (e < 0 || out[0].start !== from) continue;
    if (findings.some((f) => f.start < e && from < f.end)) continue;
    findings.push({ type: 'email', start: from, end: e, confidence: 0.99 });
    added = true;
  }
  if (added) findings.sort((x, y) => x.start - y.start);
}

function isAddressChar(c: number): boolean {
  return isLocalChar(c) || c === 64;
}

/** Next "mailto:" in any case at or after i, or -1. */
function indexOfMailto(s: string, i: number): number {
  for (let k = s.indexOf(':', i); k >= 0; k = s.indexOf(':', k + 1)) {
    if (k >= 6 && s.slice(k - 6, k).toLowerCase() === 'mailto') return k - 6;
  }
  return -1;
}
