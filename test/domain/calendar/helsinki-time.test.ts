import fc from 'fast-check';
import { daysBetween, helsinkiOffsetMinutes, helsinkiToUtc, utcToHelsinki } from '../../../bot/domain/calendar/helsinki-time';

describe('Europe/Helsinki wall-clock time', () => {
  it('uses +2 in winter and +3 in summer', () => {
    expect(new Date(helsinkiToUtc('2026-12-10', '13:00')).toISOString()).toBe('2026-12-10T11:00:00.000Z');
    expect(new Date(helsinkiToUtc('2027-06-10', '13:00')).toISOString()).toBe('2027-06-10T10:00:00.000Z');
    expect(helsinkiOffsetMinutes(Date.parse('2027-01-01T00:00:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(Date.parse('2027-07-01T00:00:00Z'))).toBe(180);
  });

  it('gets the days of the DST changes right (last Sundays of March and October)', () => {
    // 2027-03-28 03:00 -> 04:00 local; 2026-10-25 04:00 -> 03:00 local.
    expect(new Date(helsinkiToUtc('2027-03-28', '02:30')).toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(new Date(helsinkiToUtc('2027-03-28', '05:00')).toISOString()).toBe('2027-03-28T02:00:00.000Z');
    expect(new Date(helsinkiToUtc('2026-10-25', '12:00')).toISOString()).toBe('2026-10-25T10:00:00.000Z');
  });

  it('round-trips every wall-clock minute except those the spring change skips', () => {
    const springGap = (date: string, time: string) => {
      const d = new Date(`${date}T12:00:00Z`);
      const lastSunday = d.getUTCMonth() === 2 && d.getUTCDay() === 0 && d.getUTCDate() > 24;
      return lastSunday && time.startsWith('03:');
    };
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 1439 }), (d, minute) => {
      const date = d.toISOString().slice(0, 10);
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const back = utcToHelsinki(helsinkiToUtc(date, time));
      return springGap(date, time) || (back.date === date && back.time === time);
    }), { numRuns: 500 });
    expect(utcToHelsinki(helsinkiToUtc('2027-03-28', '03:30'))).toEqual({ date: '2027-03-28', time: '04:30' });
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(daysBetween('2026-11-26', '2026-12-10')).toBe(14);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2026-12-10', '2026-11-26')).toBe(-14);
  });
});
