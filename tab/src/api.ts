/** Calls to the calendar API (same origin). Change calls carry the Teams SSO token. */
import type { CalendarView, WorkshopView } from '../../bot/domain/calendar/calendar-view';
import type { FieldError } from '../../bot/domain/calendar/validation';
import type { ServiceAttendance } from '../../bot/domain/reminders/attendance';
import type { Lang } from './i18n';

/** A field error as the API returns it (with the localised message). */
export type ApiFieldError = FieldError & { message?: string };

/** Outcome of a change call. */
export type ChangeResult =
  | { ok: true; workshop: WorkshopView }
  | { ok: false; status: number; fields?: ApiFieldError[]; current?: WorkshopView; message?: string };

/** Reads the calendar view for `cycleId` (or the current cycle). */
export async function fetchCalendar(lang: Lang, cycleId?: string): Promise<CalendarView> {
  // The first, default request matches the <link rel="preload"> in index.html, so it is already on its way.
  const url = cycleId ? `/api/calendar?${new URLSearchParams({ lang, cycle: cycleId })}` : '/api/calendar';
  const res = await fetch(url);
  if (!res.ok) throw new Error(`calendar ${res.status}`);
  return (await res.json()) as CalendarView;
}

/** Whether the signed-in user may edit. */
export async function fetchIsCoordinator(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  try {
    const res = await fetch('/api/calendar/me', { headers: { authorization: `Bearer ${token}` } });
    return res.ok && ((await res.json()) as { coordinator?: boolean }).coordinator === true;
  } catch {
    return false;
  }
}

/** Link to one workshop's .ics. */
export function workshopIcsUrl(id: string, lang: Lang): string {
  return `/api/workshops/${encodeURIComponent(id)}.ics?lang=${lang}`;
}

/** Link to a whole cycle's .ics. */
export function cycleIcsUrl(cycleId: string, lang: Lang): string {
  return `/api/calendar.ics?cycle=${encodeURIComponent(cycleId)}&lang=${lang}`;
}

/** Sends a change; `path` is relative to /api/workshops. */
export async function sendChange(method: 'POST' | 'PATCH', path: string, body: unknown, token: string | undefined, lang: Lang, ifMatch?: string): Promise<ChangeResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (ifMatch) headers['if-match'] = ifMatch;
  const res = await fetch(`/api/workshops${path}?lang=${lang}`, { method, headers, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, workshop: json as unknown as WorkshopView };
  return { ok: false, status: res.status, fields: json.fields as ApiFieldError[] | undefined, current: json.current as WorkshopView | undefined, message: json.message as string | undefined };
}

/** Expected attendance per service for one workshop (coordinators); undefined when not allowed or unavailable. */
export async function fetchAttendance(workshopId: string, token: string | undefined): Promise<ServiceAttendance[] | undefined> {
  if (!token) return undefined;
  try {
    const res = await fetch(`/api/reminders/attendance/${encodeURIComponent(workshopId)}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) return undefined;
    return ((await res.json()) as { services?: ServiceAttendance[] }).services;
  } catch {
    return undefined;
  }
}
