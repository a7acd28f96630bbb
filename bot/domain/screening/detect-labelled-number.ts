/** Shared scan for identifiers that only count after a label (record and passport numbers). */
import * as scanContextModule from './scan-context';
import { valueEnd } from './scan-context';
import type { Candidate, ScanContext } from './scan-context';
import * as charsModule from './chars';
import type { Token } from './tokens';
import type { FindingType } from './types';
import * as wordKindsModule from './word-kinds';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { caseAsCompared, digitCount, LABEL_FILLERS, valueAfterLabel } = scanContextModule;
const { codeAt, isAlnum, isDigit } = charsModule;
const { registerTriggerPrefixes, registerTriggerWords } = wordKindsModule;

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

/** A spec's label words as tables for look-ups in place (registerLabels builds it). */
export interface Labels {
  spec: LabelSpec;
  /** First words of two-word labels -> their index + 1 in `seconds`. */
  pairFirst: WordTable;
  seconds: WordTable[];
  /** By the same index: the first word is a label by itself too. */
  selfLabel: boolean[];
}

/** Makes the label words of `spec` visible to the tokeniser; call once per spec at load. */
export function registerLabels(spec: LabelSpec): Labels {
  registerTriggerWords(spec.exact, spec.kind);
  registerTriggerPrefixes(spec.prefixes, spec.kind);
  const firsts: Array<[string, number]> = [];
  const seconds: WordTable[] = [];
  const selfLabel: boolean[] = [];
  for (const [first, second] of spec.pairs) {
    registerTriggerWords([first], spec.kind);
    registerTriggerWords(second);
    seconds.push(new WordTable([...second].map((w) => [w, 1] as const)));
    selfLabel.push(isLabel(spec, first));
    firsts.push([first, seconds.length]);
  }
  return { spec, pairFirst: new WordTable(firsts), seconds, selfLabel };
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

/** End of the label at token k (one word, or a pair's first and second), or -1. */
function labelEndAt(labels: Labels, tokens: Token[], k: number, s: string): number {
  const t = tokens[k];
  if (!caseAsCompared(t, s)) return isLabel(labels.spec, t.lower) ? t.end : -1;
  const pair = labels.pairFirst.getHashed(t.hash1, s, t.start, t.end);
  // the tokeniser gave the spec's kind to its exact words, words starting with its prefixes and the
  // first words of its pairs: only a pair's first word that is no label by itself needs its second word
  if (pair === 0 || labels.selfLabel[pair - 1]) return t.end;
  const next = k + 1 < tokens.length ? tokens[k + 1] : null;
  if (!next || next.start - t.end > 2 || !caseAsCompared(next, s)) return -1;
  return labels.seconds[pair - 1].getHashed(next.hash1, s, next.start, next.end) !== 0 ? next.end : -1;
}

/** Pushes the value after every label of `labels`. */
export function detectLabelled(labels: Labels, ctx: ScanContext, out: Candidate[]): void {
  const spec = labels.spec;
  const s = ctx.text;
  const tokens = ctx.tokens;
  const p = ctx.profile;
  // the value has digits (minDigits >= 1), so it ends before the last noted digit run does: a label after it has none
  const lastDigitEnd = p.runCount > 0 ? p.runEnd[p.runCount - 1] : 0;
  // a pair's second word is often a label by itself too ("Kelan asiakasnumero"): the same label end
  // gives the same value, which was read (and pushed, or refused) already
  let lastLabelEnd = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.end >= lastDigitEnd) break;
    if (!(t.kind & spec.kind)) continue;
    const labelEnd = labelEndAt(labels, tokens, k, s);
    if (labelEnd < 0 || labelEnd === lastLabelEnd) continue;
    lastLabelEnd = labelEnd;
    const a = valueAfterLabel(s, labelEnd, LABEL_FILLERS);
    if (a < 0) continue;
    const b = joinGroups(s, a, valueEnd);
    if (b - a < spec.minLength || digitCount(s, a, b) < spec.minDigits) continue;
    out.push({ type: spec.type, start: a, end: b, confidence: 0.9 });
  }
}
