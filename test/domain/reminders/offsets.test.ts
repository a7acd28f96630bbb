import { utcToHelsinki, helsinkiToUtc } from '../../../bot/domain/calendar/helsinki-time';
import { addDays, catchUpWindowMs, normaliseSettings, parseOffset, reminderMoment } from '../../../bot/domain/reminders';

const local = (ms: number) => { const h = utcToHelsinki(ms); return `${h.date} ${h.time}`; };
const at = (code: string) => parseOffset(code)!;

describe('reminder offsets in Helsinki time', () => {
  it('keeps the wall-clock time for day offsets across the autumn DST change', () => {
    // DST ends on Sunday 25 October 2026: the workshop is in winter time, 7 days before is summer time.
    expect(local(reminderMoment('2026-10-29', '13:00', at('7d')))).toBe('2026-10-22 13:00');
    expect(helsinkiToUtc('2026-10-29', '13:00') - reminderMoment('2026-10-29', '13:00', at('7d'))).toBe(7 * 86_400_000 + 3_600_000);
    expect(local(reminderMoment('2026-10-26', '10:00', at('1d')))).toBe('2026-10-25 10:00');
  });

  it('keeps the wall-clock time for day offsets across the spring DST change', () => {
    // DST starts on Sunday 28 March 2027: 7 days before a 10:00 workshop on 1 April is 10:00 on 25 March.
    expect(local(reminderMoment('2027-04-01', '10:00', at('7d')))).toBe('2027-03-25 10:00');
    expect(helsinkiToUtc('2027-04-01', '10:00') - reminderMoment('2027-04-01', '10:00', at('7d'))).toBe(7 * 86_400_000 - 3_600_000);
  });

  it('counts hour offsets as elapsed time, also over the night the clocks change', () => {
    expect(helsinkiToUtc('2027-03-28', '05:00') - reminderMoment('2027-03-28', '05:00', at('3h'))).toBe(3 * 3_600_000);
    expect(local(reminderMoment('2027-03-28', '05:00', at('3h')))).toBe('2027-03-28 01:00');
    expect(local(reminderMoment('2026-12-10', '13:00', at('1h')))).toBe('2026-12-10 12:00');
  });

  it('parses only sensible offsets and orders settings longest first', () => {
    expect(['7d', '1h', '30m', '60d'].map((c) => parseOffset(c)?.amount)).toEqual([7, 1, 30, 60]);
    expect(['0d', '-1d', '1w', '61d', '7 d', '', '1.5h'].map((c) => parseOffset(c))).toEqual(Array(7).fill(undefined));
    expect(normaliseSettings({ offsets: ['1h', '7d', '2d'] })).toEqual({ offsets: ['7d', '2d', '1h'] });
    expect(normaliseSettings({ offsets: ['1d', '24h'] })).toBeUndefined();
    expect(normaliseSettings({ offsets: [] })).toBeUndefined();
    expect(normaliseSettings({ offsets: ['7d', 'soon'] })).toBeUndefined();
  });

  it('gives later reminders a shorter catch-up window', () => {
    expect(catchUpWindowMs(at('7d'))).toBe(86_400_000);
    expect(catchUpWindowMs(at('1d'))).toBe(6 * 3_600_000);
    expect(catchUpWindowMs(at('1h'))).toBe(15 * 60_000);
  });

  it('adds calendar days over month and year ends', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-03', -7)).toBe('2026-12-27');
  });
});
