/** Shared scan for identifiers that only count after a label (record and passport numbers). */
import { digitCount, LABEL_FILLERS, valueAfterLabel, type Candidate, type ScanContext } from './scan-context';
import { codeAt, isAlnum, isDigit } from './chars';
import type { FindingType } from './types';
import { registerTriggerPrefixes, registerTriggerWords } from './word-kinds';

/** Label words: exact forms, or prefixes when they end in '*'. */
export interface LabelSpec {
  type: FindingType;
  exact: Set<string>;
  prefixes: string[];
  /** Two-word labels: first word -> allowed second words. */
  pairs: Map<string, Set<string>>;
  /** The token KIND bit of this spec's label words. */
  kind: number;
  /** At least 1: a value has digits. */
  minDigits: number;
  minLength: number;
}

function isLabel(spec: LabelSpec, w: string): boolean {
  if (spec.exact.has(w)) return true;
  for (const p of spec.prefixes) if (w.startsWith(p)) return true;
  return false;
}

/** Makes the label words of `spec` visible to the tokeniser; call once per spec at load. */
export function registerLabels(spec: LabelSpec): void {
  registerTriggerWords(spec.exact, spec.kind);
  registerTriggerPrefixes(spec.prefixes, spec.kind);
  for (const [first, seconds] of spec.pairs) {
    registerTriggerWords([first], spec.kind);
    registerTriggerWords(seconds);
  }
}

/**
 * A short first group and the digit groups after it, one blank apart, are one number: "75 0240839",
 * "1234 5678". At most three groups of 16 characters in all, so the scan stays bounded.
 */
function joinGroups(s: string, a: number, b: number): number {
  if (b - a > 4) return b;
  let end = b;
  for (let groups = 1; groups < 3; groups++) {
    if (s.charCodeAt(end) !== 32 || !isDigit(codeAt(s, end + 1))) break;
    let c = end + 1;
    while (c < s.length && isAlnum(s.charCodeAt(c))) c++;
    if (c - a > 16) break;
    end = c;
  }
  return end;
}

/** Pushes the value after every label of `spec`. */
export function detectLabelled(spec: LabelSpec, ctx: ScanContext, out: Candidate[]): void {
  const tokens = ctx.tokens;
  const p = ctx.profile;
  // the value has digits (minDigits >= 1), so it ends before the last noted digit run does: a label after it has none
  const lastDigitEnd = p.runCount > 0 ? p.runEnd[p.runCount - 1] : 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.end >= lastDigitEnd) break;
    if (!(t.kind & spec.kind)) continue;
    let labelEnd = -1;
    if (isLabel(spec, t.lower)) labelEnd = t.end;
    else {
      const second = spec.pairs.get(t.lower);
      const next = tokens[k + 1];
      if (second && next && next.start - t.end <= 2 && second.has(next.lower)) labelEnd = next.end;
    }
    if (labelEnd < 0) continue;
    const v = valueAfterLabel(ctx.text, labelEnd, LABEL_FILLERS);
    if (!v) continue;
    const a = v[0];
    const b = joinGroups(ctx.text, a, v[1]);
    if (b - a < spec.minLength || digitCount(ctx.text, a, b) < spec.minDigits) continue;
    out.push({ type: spec.type, start: a, end: b, confidence: 0.9 });
  }
}
