/** A workshop as the calendar stores it, for reminder tests. */
import type { Workshop } from '../../../bot/domain/calendar/model';

/** A confirmed workshop on `date` at `start`; fields can be replaced. */
export function workshop(id: string, date: string, start: string, extra: Partial<Workshop> = {}): Workshop {
  const [h, m] = start.split(':').map(Number);
  const end = `${String(h + 2).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return {
    id, date, start, end, title: { fi: 'Paja' }, theme: 'integration', description: { fi: '' }, host: 'network',
    joinUrl: '', materialsUrl: '', status: 'confirmed', rev: 1, ...extra,
  };
}
