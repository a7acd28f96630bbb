/**
 * Europe/Helsinki wall-clock <-> UTC instants through Intl (no tz library), so DST changes are
 * taken from the platform's time-zone database in Node and in the browser alike.
 */

/** The zone the network plans in. */
export const HELSINKI = 'Europe/Helsinki';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: HELSINKI, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

function partsAt(ms: number): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as unknown as LocalParts;
}

/** Offset of Helsinki from UTC at the instant `ms`, in minutes (120 in winter, 180 in summer). */
export function helsinkiOffsetMinutes(ms: number): number {
  const p = partsAt(ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The UTC instant of a Helsinki wall-clock `date` (YYYY-MM-DD) and `time` (HH:MM). */
export function helsinkiToUtc(date: string, time: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on either side of a DST change.
  let guess = naive - helsinkiOffsetMinutes(naive) * 60000;
  guess = naive - helsinkiOffsetMinutes(guess) * 60000;
  return guess;
}

/** Helsinki wall-clock date (YYYY-MM-DD) and time (HH:MM) at the instant `ms`. */
export function utcToHelsinki(ms: number): { date: string; time: string } {
  const p = partsAt(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** Whole calendar days from Helsinki date `from` to `to` (both YYYY-MM-DD); negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const toUtc = (s: string) => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((toUtc(to) - toUtc(from)) / 86400000);
}
