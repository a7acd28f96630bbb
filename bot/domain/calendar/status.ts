/**
 * Workshop status transitions. Moving and cancelling have their own actions (they change what
 * people have in their calendars); a plain edit may only confirm, un-confirm or reinstate.
 */
import type { WorkshopStatus } from './model';

const ALLOWED: Record<WorkshopStatus, readonly WorkshopStatus[]> = {
  planned: ['confirmed', 'moved', 'cancelled'],
  confirmed: ['planned', 'moved', 'cancelled'],
  moved: ['confirmed', 'moved', 'cancelled'],
  cancelled: ['planned'],
};

/** Statuses an edit form (PATCH) may set directly; the others come from the move and cancel actions. */
export const EDITABLE_STATUSES: readonly WorkshopStatus[] = ['planned', 'confirmed'];

/** Whether a workshop in status `from` may go to `to`. Staying put is always allowed. */
export function canTransition(from: WorkshopStatus, to: WorkshopStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}
