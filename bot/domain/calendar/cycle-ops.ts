/**
 * Changes to a cycle as pure functions: each returns the whole new cycle (written back in one
 * conditional store write, so a change is never half-applied) or says why it was refused.
 */
import type { Cycle, Workshop } from './model';
import { sortedWorkshops } from './model';
import { checkFields, checkSlot, validateNewWorkshop } from './validation';
import type { FieldError, WorkshopDraft } from './validation';
import { EDITABLE_STATUSES, canTransition } from './status';

/** Outcome of a change: the new cycle and workshop, or the reason it was refused. */
export type OpResult =
  | { ok: true; cycle: Cycle; workshop: Workshop }
  | { ok: false; kind: 'invalid'; errors: FieldError[] }
  | { ok: false; kind: 'notFound' }
  | { ok: false; kind: 'stale'; workshop: Workshop };

/** The strong HTTP entity tag of a workshop's current revision. */
export function workshopEtag(w: Pick<Workshop, 'id' | 'rev'>): string {
  return `"${w.id}.${w.rev}"`;
}

/** Whether an If-Match header value (possibly a list, possibly `*`) still names this revision. */
export function ifMatchHolds(w: Workshop, ifMatch: string | undefined): boolean {
  if (ifMatch === undefined) return true;
  const tags = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(workshopEtag(w));
}

function replace(cycle: Cycle, next: Workshop): OpResult {
  const workshops = sortedWorkshops(cycle.workshops.map((w) => (w.id === next.id ? next : w)));
  return { ok: true, cycle: { ...cycle, workshops }, workshop: next };
}

function locate(cycle: Cycle, id: string, ifMatch: string | undefined): Workshop | OpResult {
  const w = cycle.workshops.find((x) => x.id === id);
  if (!w) return { ok: false, kind: 'notFound' };
  if (!ifMatchHolds(w, ifMatch)) return { ok: false, kind: 'stale', workshop: w };
  return w;
}

/** Adds a workshop with the given new id after full validation. */
export function addWorkshop(cycle: Cycle, id: string, input: unknown): OpResult {
  const checked = validateNewWorkshop(input, cycle);
  if (!checked.ok) return { ok: false, kind: 'invalid', errors: checked.errors };
  const workshop: Workshop = { id, ...checked.value, rev: 1 };
  return { ok: true, cycle: { ...cycle, workshops: sortedWorkshops([...cycle.workshops, workshop]) }, workshop };
}

/** Applies a partial edit; status may only be set to planned or confirmed here. */
export function editWorkshop(cycle: Cycle, id: string, patch: unknown, ifMatch?: string): OpResult {
  const found = locate(cycle, id, ifMatch);
  if ('ok' in found) return found;
  const fields = checkFields(patch, false);
  if (!fields.ok) return { ok: false, kind: 'invalid', errors: fields.errors };
  const merged: WorkshopDraft & Workshop = { ...found, ...fields.value };
  const errors = checkSlot(merged, cycle);
  const status = fields.value.status;
  if (status && status !== found.status && (!EDITABLE_STATUSES.includes(status) || !canTransition(found.status, status))) {
    errors.push({ field: 'status', code: 'statusTransition' });
  }
  if (errors.length) return { ok: false, kind: 'invalid', errors };
  return replace(cycle, { ...merged, rev: found.rev + 1 });
}

/** Cancels a workshop; it stays in the cycle (and in calendars, as STATUS:CANCELLED). */
export function cancelWorkshop(cycle: Cycle, id: string, ifMatch?: string): OpResult {
  const found = locate(cycle, id, ifMatch);
  if ('ok' in found) return found;
  if (!canTransition(found.status, 'cancelled')) return { ok: false, kind: 'invalid', errors: [{ field: 'status', code: 'statusTransition' }] };
  return replace(cycle, { ...found, status: 'cancelled', rev: found.rev + 1 });
}

/** Moves a workshop to a new date and time, remembering where it was. */
export function moveWorkshop(cycle: Cycle, id: string, input: unknown, ifMatch?: string): OpResult {
  const found = locate(cycle, id, ifMatch);
  if ('ok' in found) return found;
  const fields = checkFields(input, false);
  const errors: FieldError[] = fields.ok ? [] : [...fields.errors];
  const slot = fields.ok ? fields.value : {};
  const src = (typeof input === 'object' && input) || {};
  for (const k of ['date', 'start', 'end'] as const) {
    if (!(k in src)) errors.push({ field: k, code: 'required' });
  }
  for (const k of Object.keys(src)) {
    if (!['date', 'start', 'end'].includes(k) && !errors.some((e) => e.field === k)) errors.push({ field: k, code: 'unknownField' });
  }
  if (!errors.length && !canTransition(found.status, 'moved')) errors.push({ field: 'status', code: 'statusTransition' });
  if (errors.length) return { ok: false, kind: 'invalid', errors };
  const to = { date: slot.date!, start: slot.start!, end: slot.end! };
  const slotErrors = checkSlot(to, cycle);
  if (slotErrors.length) return { ok: false, kind: 'invalid', errors: slotErrors };
  const movedFrom = { date: found.date, start: found.start, end: found.end };
  return replace(cycle, { ...found, ...to, status: 'moved', movedFrom, rev: found.rev + 1 });
}
