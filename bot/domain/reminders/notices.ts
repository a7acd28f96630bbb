/**
 * Change notices: everyone who was reminded of a workshop hears when it moves or is cancelled,
 * once per change.
 */
import type { Workshop } from '../calendar/model';
import type { RemindedRecord } from './model';
import { sameSlot } from './plan';

/** A notice to send to every recipient of a RemindedRecord. */
export interface ChangeNotice {
  /** `<workshopId>.chg.r<rev>`: one id per revision, so a notice goes out once. */
  id: string;
  kind: 'moved' | 'cancelled';
  workshopId: string;
  recipients: string[];
}

/**
 * The notice `workshop`'s current state calls for, and the record as it should be afterwards;
 * undefined when nobody was reminded or nothing changed since the last reminder or notice.
 */
export function changeNotice(workshop: Workshop, reminded: RemindedRecord | undefined): { notice: ChangeNotice; next: RemindedRecord } | undefined {
  if (!reminded || reminded.recipients.length === 0) return undefined;
  const base = { id: `${workshop.id}.chg.r${workshop.rev}`, workshopId: workshop.id, recipients: [...reminded.recipients] };
  if (workshop.status === 'cancelled') {
    if (reminded.cancelledNotice) return undefined;
    return { notice: { ...base, kind: 'cancelled' }, next: { ...reminded, cancelledNotice: true, noticeRev: workshop.rev } };
  }
  if (sameSlot(workshop, reminded.slot)) return undefined;
  const slot = { date: workshop.date, start: workshop.start, end: workshop.end };
  return { notice: { ...base, kind: 'moved' }, next: { ...reminded, slot, noticeRev: workshop.rev, cancelledNotice: false } };
}

/** The record after `recipients` were reminded of `workshop` at its current slot (each listed once). */
export function withRecipients(reminded: RemindedRecord | undefined, workshop: Workshop, recipients: readonly string[]): RemindedRecord {
  const slot = { date: workshop.date, start: workshop.start, end: workshop.end };
  const base = reminded ?? { workshopId: workshop.id, slot, recipients: [] };
  const added = recipients.filter((r, i) => !base.recipients.includes(r) && recipients.indexOf(r) === i);
  return added.length ? { ...base, recipients: [...base.recipients, ...added] } : base;
}
