/** Which workshop comes next, and which cycle is "now": what the tab's headline shows. */
import type { Cycle, Workshop } from './model';
import { cycleMonths, sortedWorkshops } from './model';
import { daysBetween, helsinkiToUtc, utcToHelsinki } from './helsinki-time';

/** The next workshop that has not ended and is not cancelled, with calendar days until it. */
export interface NextWorkshop {
  cycleId: string;
  workshop: Workshop;
  /** 0 = today (Helsinki calendar days, not 24-hour periods). */
  daysUntil: number;
  startsAt: number;
  endsAt: number;
  /** True while the workshop is running. */
  ongoing: boolean;
}

/** Finds the next workshop across all cycles at the instant `now` (ms). */
export function nextWorkshop(cycles: readonly Cycle[], now: number): NextWorkshop | undefined {
  const today = utcToHelsinki(now).date;
  for (const cycle of [...cycles].sort((a, b) => a.startMonth.localeCompare(b.startMonth))) {
    for (const w of sortedWorkshops(cycle.workshops)) {
      if (w.status === 'cancelled') continue;
      const endsAt = helsinkiToUtc(w.date, w.end);
      if (endsAt <= now) continue;
      const startsAt = helsinkiToUtc(w.date, w.start);
      return { cycleId: cycle.id, workshop: w, daysUntil: daysBetween(today, w.date), startsAt, endsAt, ongoing: startsAt <= now };
    }
  }
  return undefined;
}

/** The cycle covering today's month; else the running one; else the first. */
export function currentCycle(cycles: readonly Cycle[], now: number): Cycle | undefined {
  const month = utcToHelsinki(now).date.slice(0, 7);
  return cycles.find((c) => cycleMonths(c).includes(month)) ?? cycles.find((c) => c.phase === 'running') ?? cycles[0];
}
