/**
 * What the safety net does with a chat message that holds client identifiers, chosen per centre:
 * block it (Graph policy violation, falling back to warnings), only warn, or do nothing.
 */

/** The per-centre safety-net setting. */
export const SCREENING_MODES = ['block', 'warn', 'off'] as const;

/** One of SCREENING_MODES. */
export type ScreeningMode = (typeof SCREENING_MODES)[number];

/** Blocking is the default: the rule is that no client identifier may stay in Teams. */
export const DEFAULT_SCREENING_MODE: ScreeningMode = 'block';

const MODE_WORDS: Record<string, ScreeningMode> = {
  esto: 'block', estä: 'block', esta: 'block', block: 'block', blockera: 'block', blockering: 'block',
  varoitus: 'warn', varoita: 'warn', warn: 'warn', varning: 'warn', varna: 'warn',
  pois: 'off', off: 'off', av: 'off',
};

/** Reads a mode word in Finnish, Swedish or English; undefined when it is none of them. */
export function parseScreeningMode(word: string | undefined): ScreeningMode | undefined {
  return word === undefined ? undefined : MODE_WORDS[word.toLowerCase().replace(/[.!,:;]+$/, '')];
}

/** What to do first about a flagged chat message. */
export type SafetyNetAction = 'block' | 'warn' | 'none';

/**
 * Blocking needs the Graph permission for data-loss-prevention verdicts; without it the message
 * can only be reported to its sender and the chair.
 */
export function safetyNetAction(mode: ScreeningMode, graphBlockingAvailable: boolean): SafetyNetAction {
  if (mode === 'off') return 'none';
  if (mode === 'block' && graphBlockingAvailable) return 'block';
  return 'warn';
}
