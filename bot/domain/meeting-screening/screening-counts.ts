/**
 * Per-meeting screening counts: how many messages were screened, flagged, blocked and warned about,
 * and how many identifiers of each type were found. Numbers only; this is all Vuoro keeps.
 */
import { FINDING_TYPES, type FindingType } from '../screening';

/** The counts of one meeting. */
export interface ScreeningCounts {
  /** Chat messages, edits, mentions and shared cases screened. */
  screened: number;
  /** Of those, how many held identifiers. */
  flagged: number;
  /** Chat messages marked with a policy violation through Graph. */
  blocked: number;
  /** Chat messages reported to the sender and chair instead. */
  warned: number;
  /** Shared cases or mentions stopped before they were posted or acted on. */
  stopped: number;
  byType: Record<FindingType, number>;
}

/** What happened to one screened item. */
export type ScreeningOutcome = 'clean' | 'blocked' | 'warned' | 'stopped' | 'ignored';

/** Counts of a meeting nothing was screened in yet. */
export function emptyCounts(): ScreeningCounts {
  return { screened: 0, flagged: 0, blocked: 0, warned: 0, stopped: 0, byType: Object.fromEntries(FINDING_TYPES.map((t) => [t, 0])) as Record<FindingType, number> };
}

/** Adds one screened item (its per-type finding counts and outcome); never mutates `counts`. */
export function addScreening(counts: ScreeningCounts, found: Record<FindingType, number>, outcome: ScreeningOutcome): ScreeningCounts {
  const byType = { ...emptyCounts().byType, ...counts.byType };
  let any = false;
  for (const type of FINDING_TYPES) {
    const n = found[type] ?? 0;
    if (n > 0) any = true;
    byType[type] += n;
  }
  return {
    screened: counts.screened + 1,
    flagged: counts.flagged + (any ? 1 : 0),
    blocked: counts.blocked + (outcome === 'blocked' ? 1 : 0),
    warned: counts.warned + (outcome === 'warned' ? 1 : 0),
    stopped: counts.stopped + (outcome === 'stopped' ? 1 : 0),
    byType,
  };
}

/** The types present in a per-type count, in the stable FINDING_TYPES order. */
export function typesFound(found: Record<FindingType, number>): FindingType[] {
  return FINDING_TYPES.filter((t) => (found[t] ?? 0) > 0);
}

/** The sum of two counts (batches of clean messages are added in one write). */
export function mergeCounts(a: ScreeningCounts, b: ScreeningCounts): ScreeningCounts {
  const byType = { ...emptyCounts().byType };
  for (const type of FINDING_TYPES) byType[type] = (a.byType[type] ?? 0) + (b.byType[type] ?? 0);
  return { screened: a.screened + b.screened, flagged: a.flagged + b.flagged, blocked: a.blocked + b.blocked, warned: a.warned + b.warned, stopped: a.stopped + b.stopped, byType };
}
