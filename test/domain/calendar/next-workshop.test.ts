import { currentCycle, nextWorkshop } from '../../../bot/domain/calendar/next-workshop';
import { loadDemoCycles } from '../../../bot/adapters/calendar/demo-cycles-loader';

const cycles = loadDemoCycles();

describe('the next workshop', () => {
  it('is the first one that has not ended, counted in Helsinki calendar days', () => {
    // 23:30 UTC on 9 Dec is already 10 Dec in Helsinki: the workshop is "today".
    expect(nextWorkshop(cycles, Date.parse('2026-12-09T23:30:00Z'))).toMatchObject({ workshop: { id: 'ws-2026-12' }, daysUntil: 0, ongoing: false });
    expect(nextWorkshop(cycles, Date.parse('2026-12-10T12:00:00Z'))).toMatchObject({ workshop: { id: 'ws-2026-12' }, ongoing: true });
    expect(nextWorkshop(cycles, Date.parse('2026-12-10T13:00:00Z'))!.workshop.id).toBe('ws-2027-01');
  });

  it('skips cancelled workshops and continues into the next cycle', () => {
    const copy = loadDemoCycles();
    copy[0].workshops.find((w) => w.id === 'ws-2026-12')!.status = 'cancelled';
    expect(nextWorkshop(copy, Date.parse('2026-11-26T10:00:00Z'))!.workshop.id).toBe('ws-2027-01');
    expect(nextWorkshop(cycles, Date.parse('2027-07-02T10:00:00Z'))).toMatchObject({ cycleId: '2027-2028', workshop: { id: 'ws-2027-08' } });
    expect(nextWorkshop(cycles, Date.parse('2030-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('picks the cycle covering this month', () => {
    expect(currentCycle(cycles, Date.parse('2026-11-26T10:00:00Z'))!.id).toBe('2026-2027');
    expect(currentCycle(cycles, Date.parse('2027-09-01T10:00:00Z'))!.id).toBe('2027-2028');
    expect(currentCycle(cycles, Date.parse('2031-01-01T10:00:00Z'))!.phase).toBe('running');
  });
});
