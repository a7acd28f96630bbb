import { helsinkiToUtc } from '../../../bot/domain/calendar/helsinki-time';
import { DEFAULT_SETTINGS, changeNotice, decideDue, pendingReminders, remindersFor, withRecipients } from '../../../bot/domain/reminders';
import { workshop } from './workshop-fixture';

const H = 3_600_000;

describe('reminder plan', () => {
  const w = workshop('ws-a', '2026-11-12', '13:00');
  const start = helsinkiToUtc('2026-11-12', '13:00');

  it('plans 7 d, 1 d and 1 h before by default, named by the slot', () => {
    const plan = remindersFor(w, DEFAULT_SETTINGS);
    expect(plan.map((r) => [r.id, (start - r.dueAt) / H])).toEqual([
      ['ws-a.7d.2026-11-12T1300', 168], ['ws-a.1d.2026-11-12T1300', 24], ['ws-a.1h.2026-11-12T1300', 1],
    ]);
    expect(remindersFor({ ...w, status: 'cancelled' }, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('gives a workshop added three days before only the reminders still ahead', () => {
    const now = start - 3 * 24 * H;
    expect(pendingReminders([w], DEFAULT_SETTINGS, now).map((r) => r.offset)).toEqual(['1d', '1h']);
    // Added 20 minutes after the 7 d moment: still inside its window, so it goes out late.
    expect(pendingReminders([w], DEFAULT_SETTINGS, start - 168 * H + 20 * 60_000).map((r) => r.offset)).toEqual(['7d', '1d', '1h']);
    expect(pendingReminders([w], DEFAULT_SETTINGS, start + 1)).toEqual([]);
  });

  it('sends a due reminder, skips it when late, moved or overtaken by a closer one', () => {
    const [r7, r1d, r1h] = remindersFor(w, DEFAULT_SETTINGS);
    expect(decideDue(r7.id, w, DEFAULT_SETTINGS, r7.dueAt)).toEqual({ send: true });
    expect(decideDue(r1h.id, w, DEFAULT_SETTINGS, r1h.dueAt + 16 * 60_000)).toEqual({ send: false, reason: 'late' });
    expect(decideDue(r7.id, { ...w, date: '2026-11-19' }, DEFAULT_SETTINGS, r7.dueAt)).toEqual({ send: false, reason: 'obsolete' });
    expect(decideDue(r7.id, { ...w, status: 'cancelled' }, DEFAULT_SETTINGS, r7.dueAt)).toEqual({ send: false, reason: 'obsolete' });
    expect(decideDue(r1d.id, w, DEFAULT_SETTINGS, r1h.dueAt + 60_000)).toEqual({ send: false, reason: 'late' });
    // Back after a 5-hour outage with reminders at 24 h and 20 h: the 24 h one is still in its window
    // but the 20 h one is due too, so only the closer one goes out.
    const close = { offsets: ['1d', '20h'] };
    const [day, twenty] = remindersFor(w, close);
    expect(decideDue(day.id, w, close, day.dueAt + 5 * H)).toEqual({ send: false, reason: 'superseded' });
    expect(decideDue(twenty.id, w, close, day.dueAt + 5 * H)).toEqual({ send: true });
  });

  it('sends one change notice per change to everyone already reminded', () => {
    let reminded = withRecipients(undefined, w, ['ch-1']);
    reminded = withRecipients(reminded, w, ['u-2', 'u-2']);
    reminded = withRecipients(reminded, w, ['ch-1']);
    expect(reminded.recipients).toEqual(['ch-1', 'u-2']);
    expect(changeNotice(w, reminded)).toBeUndefined();
    const moved = { ...w, date: '2026-11-19', rev: 2 };
    const first = changeNotice(moved, reminded)!;
    expect(first.notice).toEqual({ id: 'ws-a.chg.r2', kind: 'moved', workshopId: 'ws-a', recipients: ['ch-1', 'u-2'] });
    expect(changeNotice(moved, first.next)).toBeUndefined();
    const cancelled = { ...moved, status: 'cancelled' as const, rev: 3 };
    const second = changeNotice(cancelled, first.next)!;
    expect(second.notice.kind).toBe('cancelled');
    expect(changeNotice(cancelled, second.next)).toBeUndefined();
    expect(changeNotice(moved, undefined)).toBeUndefined();
  });
});
