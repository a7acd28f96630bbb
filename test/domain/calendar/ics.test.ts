import ICAL from 'ical.js';
import { buildIcs, escapeText, foldLine } from '../../../bot/domain/calendar/ics';
import type { Workshop } from '../../../bot/domain/calendar/model';
import { t } from '../../../bot/i18n';

const base: Workshop = {
  id: 'ws-test', date: '2027-03-11', start: '13:00', end: '15:00', rev: 3,
  title: { fi: 'Suun terveys; hampaat, ja "muuta"\\polku', en: 'Oral health' }, theme: 'services', host: 'oralHealth',
  description: { fi: 'Rivi yksi\nRivi kaksi – ääkköset åäö '.repeat(6) }, joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  materialsUrl: '', status: 'moved', movedFrom: { date: '2027-03-04', start: '13:00', end: '15:00' },
};
const opts = (lang: 'fi' | 'en') => ({ lang, tr: (k: string, p?: Record<string, string | number>) => t(lang, `calendar.${k}`, p), fallbackStamp: Date.parse('2026-11-26T10:00:00Z'), uidDomain: 'vuoro.test' });

describe('iCalendar output', () => {
  it('escapes text values as RFC 5545 asks', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'ä'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
  });

  it('round-trips through ical.js: text, time zone, status, sequence and UID', () => {
    const text = buildIcs([base, { ...base, id: 'ws-cancel', status: 'cancelled', rev: 1, movedFrom: undefined }], opts('fi'));
    expect(text.endsWith('\r\n')).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const [moved, cancelled] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(moved.summary).toBe('PPT-paja: Suun terveys; hampaat, ja "muuta"\\polku');
    expect(moved.description).toContain('Rivi yksi\nRivi kaksi – ääkköset åäö');
    expect(moved.description).toContain('Siirretty, alun perin 2027-03-04 klo 13:00.');
    expect(moved.uid).toBe('ws-test@vuoro.test');
    expect(moved.sequence).toBe(2);
    expect(moved.startDate.zone.tzid).toBe('Europe/Helsinki');
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-03-11T11:00:00.000Z');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes the workshop in the requested language, falling back to Finnish', () => {
    const en = buildIcs([base], opts('en'));
    expect(en).toContain('SUMMARY:PPT workshop: Oral health');
    expect(en).toContain('CATEGORIES:Knowing each other\'s services');
    expect(en).toContain('Rivi yksi'); // no English description: the Finnish one
  });
});
