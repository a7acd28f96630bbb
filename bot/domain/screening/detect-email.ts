/**
 * E-mail addresses, found by expanding around each '@' or the Finnish-style '(at)' / '[at]'
 * (etunimi.sukunimi(at)example.fi). Each character is visited at most twice.
 */
import { isAlnum } from './chars';
import type { Candidate, ScanContext } from './scan-context';

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

const TLD = /^[a-zA-Z]{2,}$/;

/** Pushes the address around the at-sign s[at, atEnd) if there is one; returns its end or -1. */
function expand(s: string, at: number, atEnd: number, lastEnd: number, out: Candidate[]): number {
  let a = at;
  while (a > lastEnd && isLocalChar(s.charCodeAt(a - 1))) a--;
  while (a < at && !isAlnum(s.charCodeAt(a))) a++;
  let b = atEnd;
  while (b < s.length && isDomainChar(s.charCodeAt(b))) b++;
  while (b > atEnd && !isAlnum(s.charCodeAt(b - 1))) b--;
  const domain = s.slice(atEnd, b);
  const dot = domain.lastIndexOf('.');
  if (a < at && dot > 0 && TLD.test(domain.slice(dot + 1))) {
    out.push({ type: 'email', start: a, end: b, confidence: at + 1 === atEnd ? 0.99 : 0.9 });
    return b;
  }
  return -1;
}

/** Finds e-mail addresses. */
export function detectEmail(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  let lastEnd = 0;
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', Math.max(at + 1, lastEnd))) {
    const end = expand(s, at, at + 1, lastEnd, out);
    if (end > 0) lastEnd = end;
  }
  if (s.indexOf('at', 0) < 0) return;
  for (const marker of ['(at)', '[at]']) {
    let last = 0;
    for (let at = s.indexOf(marker); at >= 0; at = s.indexOf(marker, Math.max(at + 1, last))) {
      const end = expand(s, at, at + marker.length, last, out);
      if (end > 0) last = end;
    }
  }
}
