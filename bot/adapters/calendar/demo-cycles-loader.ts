/**
 * The embedded default: the demo cycles shipped in bot/data/demo-cycles.json, checked with the same
 * validation as the API so a fresh start shows a real, valid calendar.
 */
import demo from '../../data/demo-cycles.json';
import type { Cycle } from '../../domain/calendar/model';
import { validateNewWorkshop } from '../../domain/calendar/validation';

/** Thrown at start-up when the shipped demo data is broken; names the workshop and field. */
export class DemoDataError extends Error {
  constructor(where: string, field: string, code: string) {
    super(`demo-cycles.json: ${where}: ${field} ${code}`);
    this.name = 'DemoDataError';
  }
}

/** Checks cycles read from JSON; returns them typed, or throws DemoDataError. */
export function checkCycles(raw: unknown): Cycle[] {
  const cycles = (raw as { cycles?: unknown }).cycles;
  if (!Array.isArray(cycles)) throw new DemoDataError('root', 'cycles', 'notArray');
  return cycles.map((c: Cycle) => {
    if (!/^[a-z0-9-]{1,40}$/.test(c.id)) throw new DemoDataError('cycle', 'id', 'format');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(c.startMonth)) throw new DemoDataError(c.id, 'startMonth', 'format');
    const seen = new Set<string>();
    for (const w of c.workshops) {
      const { id, rev, movedFrom: _m, updatedAt: _u, ...fields } = w;
      const checked = validateNewWorkshop({ ...fields, status: 'planned' }, c);
      if (!checked.ok) throw new DemoDataError(`${c.id}/${id}`, checked.errors[0].field, checked.errors[0].code);
      if (!/^[a-z0-9-]{1,60}$/.test(id) || seen.has(id)) throw new DemoDataError(`${c.id}/${id}`, 'id', 'format or duplicate');
      if (!Number.isInteger(rev) || rev < 1) throw new DemoDataError(`${c.id}/${id}`, 'rev', 'format');
      seen.add(id);
    }
    return c;
  });
}

/** The shipped demo cycles (a fresh deep copy each call, so callers may change them). */
export function loadDemoCycles(): Cycle[] {
  return checkCycles(JSON.parse(JSON.stringify(demo)));
}
