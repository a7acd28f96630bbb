/**
 * Validation of workshop input, shared by the API and the tab's edit form so both show the same
 * messages: errors carry the field name and a code; the text is `calendar.errors.<code>` in i18n.
 */
import { HOSTS, STATUSES, THEMES, cycleMonths } from './model';
import type { Cycle, HostKey, LocalText, ThemeKey, Workshop, WorkshopSlot, WorkshopStatus } from './model';

/** Why a field was rejected; each has a message under `calendar.errors`. */
export type ErrorCode =
  | 'required' | 'tooLong' | 'notText' | 'dateFormat' | 'timeFormat' | 'endBeforeStart'
  | 'outsideCycle' | 'unknownTheme' | 'unknownHost' | 'httpsUrl' | 'unknownStatus'
  | 'statusTransition' | 'unknownField' | 'notObject' | 'unknownCycle';

/** One rejected field, e.g. `{ field: 'title.fi', code: 'required' }`. */
export interface FieldError {
  field: string;
  code: ErrorCode;
}

/** The editable fields of a workshop. */
export type WorkshopDraft = Omit<Workshop, 'id' | 'rev' | 'movedFrom' | 'updatedAt'>;

/** Result of a validation: the parsed value or every error found (not just the first). */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Longest title and description accepted; short enough for a wheel label and a Teams card. */
export const LIMITS = { title: 120, description: 600, url: 2000 } as const;

const TOP_FIELDS = ['date', 'start', 'end', 'title', 'theme', 'description', 'host', 'joinUrl', 'materialsUrl', 'status'] as const;
const REQUIRED: readonly string[] = ['date', 'start', 'end', 'title', 'theme', 'host'];

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** True for a 24-hour HH:MM time. */
export function isTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

function localText(raw: unknown, field: string, max: number, required: boolean, errors: FieldError[]): LocalText | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ field, code: 'notObject' });
    return undefined;
  }
  const out: LocalText = { fi: '' };
  for (const [lang, value] of Object.entries(raw)) {
    const name = `${field}.${lang}`;
    if (lang !== 'fi' && lang !== 'sv' && lang !== 'en') { errors.push({ field: name, code: 'unknownField' }); continue; }
    if (typeof value !== 'string') { errors.push({ field: name, code: 'notText' }); continue; }
    const text = value.trim();
    if (text.length > max) errors.push({ field: name, code: 'tooLong' });
    else if (text) out[lang] = text;
  }
  if (required && !out.fi && !errors.some((e) => e.field === `${field}.fi`)) errors.push({ field: `${field}.fi`, code: 'required' });
  return out;
}

function text(raw: unknown, field: string, errors: FieldError[]): string | undefined {
  if (typeof raw !== 'string') { errors.push({ field, code: 'notText' }); return undefined; }
  return raw.trim();
}

/**
 * Checks the fields present in `input` one by one. With `requireAll` (create) the required fields
 * must be there; without it (a patch) any subset may be given. Unknown fields are rejected by name.
 */
export function checkFields(input: unknown, requireAll: boolean): Checked<Partial<WorkshopDraft>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: [{ field: 'body', code: 'notObject' }] };
  const errors: FieldError[] = [];
  const src = input as Record<string, unknown>;
  const out: Partial<WorkshopDraft> = {};
  for (const key of Object.keys(src)) {
    if (!(TOP_FIELDS as readonly string[]).includes(key)) errors.push({ field: key, code: 'unknownField' });
  }
  for (const key of REQUIRED) {
    const v = src[key];
    if (requireAll && (v === undefined || v === null || v === '')) errors.push({ field: key === 'title' ? 'title.fi' : key, code: 'required' });
  }
  const has = (k: string) => src[k] !== undefined && src[k] !== null && !(REQUIRED.includes(k) && src[k] === '');
  if (has('date')) {
    const v = text(src.date, 'date', errors);
    if (v !== undefined) { if (isIsoDate(v)) out.date = v; else errors.push({ field: 'date', code: 'dateFormat' }); }
  }
  for (const k of ['start', 'end'] as const) {
    if (!has(k)) continue;
    const v = text(src[k], k, errors);
    if (v !== undefined) { if (isTime(v)) out[k] = v; else errors.push({ field: k, code: 'timeFormat' }); }
  }
  if (has('title')) out.title = localText(src.title, 'title', LIMITS.title, true, errors);
  if (has('description')) out.description = localText(src.description, 'description', LIMITS.description, false, errors);
  if (has('theme')) {
    if ((THEMES as readonly unknown[]).includes(src.theme)) out.theme = src.theme as ThemeKey;
    else errors.push({ field: 'theme', code: 'unknownTheme' });
  }
  if (has('host')) {
    if ((HOSTS as readonly unknown[]).includes(src.host)) out.host = src.host as HostKey;
    else errors.push({ field: 'host', code: 'unknownHost' });
  }
  for (const k of ['joinUrl', 'materialsUrl'] as const) {
    if (!has(k)) continue;
    const v = text(src[k], k, errors);
    if (v === undefined) continue;
    if (v.length > LIMITS.url) errors.push({ field: k, code: 'tooLong' });
    else if (v && !isHttpsUrl(v)) errors.push({ field: k, code: 'httpsUrl' });
    else out[k] = v;
  }
  if (has('status')) {
    if ((STATUSES as readonly unknown[]).includes(src.status)) out.status = src.status as WorkshopStatus;
    else errors.push({ field: 'status', code: 'unknownStatus' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** Checks what only makes sense for the whole workshop: the end after the start, the date inside the cycle. */
export function checkSlot(slot: WorkshopSlot, cycle: Pick<Cycle, 'startMonth'>): FieldError[] {
  const errors: FieldError[] = [];
  if (slot.end <= slot.start) errors.push({ field: 'end', code: 'endBeforeStart' });
  if (!cycleMonths(cycle).includes(slot.date.slice(0, 7))) errors.push({ field: 'date', code: 'outsideCycle' });
  return errors;
}

/** Full check of a new workshop in `cycle`; what the API's POST and the tab's "create" form run. */
export function validateNewWorkshop(input: unknown, cycle: Pick<Cycle, 'startMonth'>): Checked<WorkshopDraft> {
  const fields = checkFields(input, true);
  if (!fields.ok) return fields;
  const v = fields.value;
  const draft: WorkshopDraft = {
    date: v.date!, start: v.start!, end: v.end!, title: v.title!, theme: v.theme!, host: v.host!,
    description: v.description ?? { fi: '' }, joinUrl: v.joinUrl ?? '', materialsUrl: v.materialsUrl ?? '',
    status: v.status ?? 'planned',
  };
  const errors = checkSlot(draft, cycle);
  if (draft.status !== 'planned' && draft.status !== 'confirmed') errors.push({ field: 'status', code: 'statusTransition' });
  return errors.length ? { ok: false, errors } : { ok: true, value: draft };
}
