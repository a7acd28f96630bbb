/** E-mail addresses, found by expanding around each '@' (each character is visited at most twice). */
import { isAlnum } from './chars';
import type { Candidate, ScanContext } from './scan-context';

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** Finds e-mail addresses. */
export function detectEmail(ctx: ScanContext, out: Candidate[]): void {
  const s = ctx.text;
  let at = s.indexOf('@');
  let lastEnd = 0;
  while (at >= 0) {
    let a = at;
    while (a > lastEnd && isLocalChar(s.charCodeAt(a - 1))) a--;
    while (a < at && !isAlnum(s.charCodeAt(a))) a++;
    let b = at + 1;
    while (b < s.length && isDomainChar(s.charCodeAt(b))) b++;
    while (b > at + 1 && !isAlnum(s.charCodeAt(b - 1))) b--;
    const domain = s.slice(at + 1, b);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot + 1) : '';
    if (a < at && dot > 0 && tld.length >= 2 && /^[a-zA-Z]+$/.test(tld)) {
      out.push({ type: 'email', start: a, end: b, confidence: 0.99 });
      lastEnd = b;
    }
    at = s.indexOf('@', Math.max(at + 1, b));
  }
}
