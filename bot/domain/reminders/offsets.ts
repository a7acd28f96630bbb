/**
 * When reminders go out: offsets before a workshop's start. Day offsets keep the Helsinki wall-clock
 * time (7 days before 13:00 is 13:00 even across a DST change); hour and minute offsets are elapsed
 * time (1 hour before is always 3,600 s before the start).
 */
import { helsinkiToUtc } from '../calendar/helsinki-time';

/** An offset as configured: a whole number and a unit, e.g. "7d", "1d", "1h", "30m". */
export type OffsetCode = string;

/** The network's reminder settings. */
export interface ReminderSettings {
  offsets: OffsetCode[];
}

/** 7 days, 1 day and 1 hour before, as the issue asks. */
export const DEFAULT_SETTINGS: ReminderSettings = Object.freeze({ offsets: ['7d', '1d', '1h'] }) as ReminderSettings;

/** A parsed offset. */
export interface Offset {
  code: OffsetCode;
  unit: 'd' | 'h' | 'm';
  amount: number;
}

const MAX = { d: 60, h: 72, m: 600 } as const;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** Parses "7d" / "1h" / "30m"; undefined for anything else (zero, negative, too far, other units). */
export function parseOffset(code: string): Offset | undefined {
  const m = /^([1-9]\d{0,2})([dhm])$/.exec(code);
  if (!m) return undefined;
  const unit = m[2] as Offset['unit'];
  const amount = Number(m[1]);
  return amount <= MAX[unit] ? { code, unit, amount } : undefined;
}

/** Nominal length of an offset in ms (a day counts as 24 h); used for ordering and windows only. */
export function nominalMs(offset: Offset): number {
  return offset.amount * UNIT_MS[offset.unit];
}

/** Validates settings: 1-6 distinct valid offsets, returned longest first; undefined when invalid. */
export function normaliseSettings(raw: unknown): ReminderSettings | undefined {
  const offsets = (raw as { offsets?: unknown } | null)?.offsets;
  if (!Array.isArray(offsets) || offsets.length < 1 || offsets.length > 6) return undefined;
  const parsed = offsets.map((o) => (typeof o === 'string' ? parseOffset(o) : undefined));
  if (parsed.some((p) => !p)) return undefined;
  const sorted = (parsed as Offset[]).sort((a, b) => nominalMs(b) - nominalMs(a));
  if (new Set(sorted.map(nominalMs)).size !== sorted.length) return undefined;
  return { offsets: sorted.map((o) => o.code) };
}

/** YYYY-MM-DD `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a reminder with `offset` is due for a workshop starting at Helsinki `date` `start`. */
export function reminderMoment(date: string, start: string, offset: Offset): number {
  if (offset.unit === 'd') return helsinkiToUtc(addDays(date, -offset.amount), start);
  return helsinkiToUtc(date, start) - nominalMs(offset);
}

/**
 * How late a reminder may still go out (after a restart, or for a workshop added late): a quarter
 * of its lead time, at least 15 minutes and at most a day. Later than that it is skipped, because a
 * "one week to go" message three days late misleads more than it helps.
 */
export function catchUpWindowMs(offset: Offset): number {
  return Math.min(Math.max(nominalMs(offset) / 4, 15 * 60_000), 86_400_000);
}
