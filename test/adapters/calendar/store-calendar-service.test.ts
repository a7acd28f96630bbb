import { StoreCalendarService } from '../../../bot/adapters/calendar/store-calendar-service';
import { loadDemoCycles } from '../../../bot/adapters/calendar/demo-cycles-loader';
import { CalendarMemoryStore } from '../../helpers/calendar-memory-store';

const clock = { now: () => Date.parse('2026-11-26T10:00:00Z') };

describe('store-backed calendar', () => {
  it('seeds the demo cycles once, even when two instances start together', async () => {
    const store = new CalendarMemoryStore();
    const a = new StoreCalendarService(store, clock, { seed: loadDemoCycles });
    const b = new StoreCalendarService(store, clock, { seed: loadDemoCycles });
    const [ca, cb] = await Promise.all([a.listCycles(), b.listCycles()]);
    expect(ca.map((c) => c.id)).toEqual(['2026-2027', '2027-2028']);
    expect(cb).toEqual(ca);
    expect(store.puts).toBe(2);
    expect(ca[0].workshops[0].updatedAt).toBe('2026-11-26T10:00:00.000Z');
  });

  it('does not reseed a store that already has cycles, and stamps each change', async () => {
    const store = new CalendarMemoryStore();
    await new StoreCalendarService(store, clock, { seed: loadDemoCycles }).cancelWorkshop('ws-2027-02');
    const later = { now: () => Date.parse('2026-11-27T08:00:00Z') };
    const again = new StoreCalendarService(store, later, { seed: loadDemoCycles });
    const found = await again.findWorkshop('ws-2027-02');
    expect(found?.workshop.status).toBe('cancelled');
    const moved = await again.moveWorkshop('ws-2027-03', { date: '2027-03-18', start: '13:00', end: '15:00' });
    expect(moved.ok && moved.workshop.updatedAt).toBe('2026-11-27T08:00:00.000Z');
  });

  it('gives up with a conflict rather than overwrite when every write loses a race', async () => {
    const store = new CalendarMemoryStore();
    const calendar = new StoreCalendarService(store, clock, { seed: loadDemoCycles });
    await calendar.listCycles();
    const original = store.put.bind(store);
    let raced = 0;
    store.put = async (key, value, ifMatch) => {
      if (key.startsWith('calendar/cycle/') && ifMatch && raced < 10) {
        raced++;
        const current = await store.get(key);
        await original(key, current!.value, current!.eTag); // someone else writes first
      }
      return original(key, value, ifMatch);
    };
    await expect(calendar.updateWorkshop('ws-2027-04', { host: 'kela' })).rejects.toThrow('write conflict');
    expect((await calendar.findWorkshop('ws-2027-04'))!.workshop.host).toBe('olderPeople');
  });
});
