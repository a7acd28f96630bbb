/** The JSON the tab reads (GET /api/calendar): one cycle in full, the others summarised, the next workshop. */
import type { Cycle, CyclePhase, LocalText, Workshop } from './model';
import { cycleMonths } from './model';
import { helsinkiToUtc, utcToHelsinki } from './helsinki-time';
import { currentCycle, nextWorkshop } from './next-workshop';
import { workshopEtag } from './cycle-ops';

/** A workshop as the tab sees it: with its ETag and UTC instants. */
export type WorkshopView = Workshop & { etag: string; startsAt: string; endsAt: string };

/** A cycle without its workshops, for the cycle switch. */
export interface CycleSummary {
  id: string;
  startMonth: string;
  phase: CyclePhase;
  title: LocalText;
  workshopCount: number;
}

/** The whole response. */
export interface CalendarView {
  today: string;
  currentMonth: string;
  cycles: CycleSummary[];
  cycle: CycleSummary & { months: string[]; workshops: WorkshopView[] };
  next: { cycleId: string; workshopId: string; daysUntil: number; ongoing: boolean } | null;
}

function summary(c: Cycle): CycleSummary {
  return { id: c.id, startMonth: c.startMonth, phase: c.phase, title: c.title, workshopCount: c.workshops.length };
}

/** Workshop plus derived fields. */
export function workshopView(w: Workshop): WorkshopView {
  return {
    ...w, etag: workshopEtag(w),
    startsAt: new Date(helsinkiToUtc(w.date, w.start)).toISOString(),
    endsAt: new Date(helsinkiToUtc(w.date, w.end)).toISOString(),
  };
}

/** Builds the view for `cycleId` (or the current cycle); undefined when there is no such cycle. */
export function calendarView(cycles: readonly Cycle[], now: number, cycleId?: string): CalendarView | undefined {
  const chosen = cycleId ? cycles.find((c) => c.id === cycleId) : currentCycle(cycles, now);
  if (!chosen) return undefined;
  const today = utcToHelsinki(now).date;
  const next = nextWorkshop(cycles, now);
  return {
    today,
    currentMonth: today.slice(0, 7),
    cycles: cycles.map(summary),
    cycle: { ...summary(chosen), months: cycleMonths(chosen), workshops: chosen.workshops.map(workshopView) },
    next: next ? { cycleId: next.cycleId, workshopId: next.workshop.id, daysUntil: next.daysUntil, ongoing: next.ongoing } : null,
  };
}
