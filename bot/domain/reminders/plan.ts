/**
 * The reminder schedule, derived from the calendar: one reminder per workshop and offset, named by
 * the workshop's slot so a moved workshop gets fresh reminders and the old ones fall away.
 */
import type { Workshop, WorkshopSlot } from '../calendar/model';
import { helsinkiToUtc } from '../calendar/helsinki-time';
import { Offset, ReminderSettings, catchUpWindowMs, parseOffset, reminderMoment } from './offsets';

/** One reminder moment of one workshop. */
export interface PlannedReminder {
  /** `<workshopId>.<offset>.<date>T<hhmm>`: printable ASCII, usable as a job id and store key. */
  id: string;
  workshopId: string;
  offset: string;
  dueAt: number;
  /** After this it is skipped rather than sent late. */
  lateUntil: number;
  startsAt: number;
}

/** The slot part of a reminder id. */
export function slotKey(slot: WorkshopSlot): string {
  return `${slot.date}T${slot.start.replace(':', '')}`;
}

/** Whether two slots are the same date and times. */
export function sameSlot(a: WorkshopSlot, b: WorkshopSlot): boolean {
  return a.date === b.date && a.start === b.start && a.end === b.end;
}

/** Whether a workshop is one people should be reminded of. */
export function remindable(w: Workshop): boolean {
  return w.status !== 'cancelled';
}

function offsetsOf(settings: ReminderSettings): Offset[] {
  return settings.offsets.map(parseOffset).filter((o): o is Offset => Boolean(o));
}

/** Every reminder of `workshop` under `settings` (cancelled workshops have none). */
export function remindersFor(workshop: Workshop, settings: ReminderSettings): PlannedReminder[] {
  if (!remindable(workshop)) return [];
  const startsAt = helsinkiToUtc(workshop.date, workshop.start);
  return offsetsOf(settings).map((offset) => {
    const dueAt = reminderMoment(workshop.date, workshop.start, offset);
    return {
      id: `${workshop.id}.${offset.code}.${slotKey(workshop)}`,
      workshopId: workshop.id,
      offset: offset.code,
      dueAt,
      lateUntil: Math.min(dueAt + catchUpWindowMs(offset), startsAt),
      startsAt,
    };
  });
}

/**
 * The reminders still worth scheduling at `now`: not yet past their catch-up window. A workshop
 * added late therefore gets only the reminders whose moment has not passed (or only just passed).
 */
export function pendingReminders(workshops: readonly Workshop[], settings: ReminderSettings, now: number): PlannedReminder[] {
  return workshops.flatMap((w) => remindersFor(w, settings)).filter((r) => r.lateUntil > now).sort((a, b) => a.dueAt - b.dueAt);
}

/** What to do with a reminder that has fallen due. */
export type DueDecision =
  | { send: true }
  | { send: false; reason: 'obsolete' | 'late' | 'superseded' };

/**
 * Decides at `now` whether the reminder `reminderId` still goes out, given the workshop as it is
 * now: not if the workshop moved or was cancelled (its id names the old slot), not if it is past its
 * window, and not if a closer reminder is already due (after a long outage, send one, not three).
 */
export function decideDue(reminderId: string, workshop: Workshop | undefined, settings: ReminderSettings, now: number): DueDecision {
  const current = workshop ? remindersFor(workshop, settings) : [];
  const mine = current.find((r) => r.id === reminderId);
  if (!mine) return { send: false, reason: 'obsolete' };
  if (now > mine.lateUntil) return { send: false, reason: 'late' };
  if (current.some((r) => r.dueAt > mine.dueAt && r.dueAt <= now)) return { send: false, reason: 'superseded' };
  return { send: true };
}
