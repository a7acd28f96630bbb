/**
 * iCalendar (RFC 5545) output for workshops: a VTIMEZONE for Europe/Helsinki so calendar apps show
 * the planned wall-clock time, text escaped, lines folded at 75 octets without splitting characters.
 */
import type { Workshop, TextLang } from './model';
import { localText } from './model';
import { HELSINKI } from './helsinki-time';

/** Localised strings for the ICS text; keys are relative to `calendar.` in the catalogues. */
export type IcsTranslate = (key: string, params?: Record<string, string | number>) => string;

/** What the generator needs besides the workshops. */
export interface IcsOptions {
  lang: TextLang;
  tr: IcsTranslate;
  /** DTSTAMP for workshops that carry no `updatedAt` (ms since epoch). */
  fallbackStamp: number;
  /** Domain used in UIDs, so the same workshop keeps its identity in people's calendars. */
  uidDomain: string;
  calendarName?: string;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE', `TZID:${HELSINKI}`, `X-LIC-LOCATION:${HELSINKI}`,
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0300', 'TZNAME:EEST',
  'DTSTART:19700329T030000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0200', 'TZNAME:EET',
  'DTSTART:19701025T040000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line so no physical line exceeds 75 octets of UTF-8, never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const ICS_STATUS: Record<Workshop['status'], string> = {
  planned: 'TENTATIVE', confirmed: 'CONFIRMED', moved: 'CONFIRMED', cancelled: 'CANCELLED',
};

function eventLines(w: Workshop, o: IcsOptions): string[] {
  const title = localText(w.title, o.lang);
  const parts = [
    `${o.tr('fields.theme')}: ${o.tr(`themes.${w.theme}`)}`,
    `${o.tr('fields.host')}: ${o.tr(`hosts.${w.host}`)}`,
  ];
  const description = localText(w.description, o.lang);
  if (description) parts.push('', description);
  if (w.movedFrom) parts.push('', o.tr('ics.movedFrom', { date: w.movedFrom.date, start: w.movedFrom.start }));
  if (w.joinUrl) parts.push('', `${o.tr('fields.joinUrl')}: ${w.joinUrl}`);
  if (w.materialsUrl) parts.push(`${o.tr('fields.materialsUrl')}: ${w.materialsUrl}`);
  const stamp = w.updatedAt ? Date.parse(w.updatedAt) : o.fallbackStamp;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${w.id}@${o.uidDomain}`,
    `DTSTAMP:${utcStamp(Number.isFinite(stamp) ? stamp : o.fallbackStamp)}`,
    `DTSTART;TZID=${HELSINKI}:${localStamp(w.date, w.start)}`,
    `DTEND;TZID=${HELSINKI}:${localStamp(w.date, w.end)}`,
    `SUMMARY:${escapeText(o.tr('ics.summary', { title }))}`,
    `DESCRIPTION:${escapeText(parts.join('\n'))}`,
    `CATEGORIES:${escapeText(o.tr(`themes.${w.theme}`))}`,
    `STATUS:${ICS_STATUS[w.status]}`,
    `SEQUENCE:${Math.max(0, w.rev - 1)}`,
    `LOCATION:${escapeText(o.tr('ics.location'))}`,
  ];
  if (w.joinUrl) lines.push(`URL:${w.joinUrl}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A complete VCALENDAR with the Helsinki VTIMEZONE and one VEVENT per workshop, CRLF-terminated. */
export function buildIcs(workshops: readonly Workshop[], o: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Vuoro//PPT workshops//FI', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (o.calendarName) lines.push(`X-WR-CALNAME:${escapeText(o.calendarName)}`);
  lines.push(`X-WR-TIMEZONE:${HELSINKI}`, ...VTIMEZONE);
  for (const w of workshops) lines.push(...eventLines(w, o));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
