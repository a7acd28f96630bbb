import { checkCycles, loadDemoCycles } from '../../../bot/adapters/calendar/demo-cycles-loader';
import { HOSTS, THEMES, cycleMonths } from '../../../bot/domain/calendar/model';

describe('the shipped demo cycles', () => {
  const [running, planning] = loadDemoCycles();

  it('hold a running cycle of twelve monthly workshops and a next cycle being planned', () => {
    expect(running.phase).toBe('running');
    expect(running.workshops.map((w) => w.date.slice(0, 7))).toEqual(cycleMonths(running));
    expect(planning.phase).toBe('planning');
    expect(planning.startMonth > running.startMonth).toBe(true);
  });

  it('use several themes and hosts, with Swedish and English titles for every running workshop', () => {
    expect(new Set(running.workshops.map((w) => w.theme)).size).toBe(THEMES.length);
    expect(new Set(running.workshops.map((w) => w.host)).size).toBeGreaterThanOrEqual(HOSTS.length - 3);
    for (const w of running.workshops) expect([w.title.sv, w.title.en].every((x) => typeof x === 'string' && x.length > 5)).toBe(true);
  });

  it('refuses broken data with the workshop and field named', () => {
    const broken = loadDemoCycles();
    broken[0].workshops[3].end = '10:00';
    expect(() => checkCycles({ cycles: broken })).toThrow('demo-cycles.json: 2026-2027/ws-2026-11: end endBeforeStart');
  });
});
