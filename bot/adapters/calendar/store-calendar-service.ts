/**
 * CalendarService over the shared StateStore: one key per cycle, every change one conditional write
 * of that cycle (re-read and re-decided on a lost race), so concurrent edits never half-apply.
 */
import { randomUUID } from 'node:crypto';
import { CREATE_ONLY, ConflictError } from '../../domain/ports';
import type { Clock, StateStore, Stored } from '../../domain/ports';
import type { Cycle } from '../../domain/calendar/model';
import type { CalendarService, CycleSnapshot } from '../../domain/calendar/calendar-service';
import type { OpResult } from '../../domain/calendar/cycle-ops';
import { addWorkshop, cancelWorkshop, editWorkshop, moveWorkshop } from '../../domain/calendar/cycle-ops';

const PREFIX = 'calendar/cycle/';
const MAX_ATTEMPTS = 5;

/** Options for tests and wiring; defaults are the demo seed and random ids. */
export interface StoreCalendarOptions {
  /** Cycles written when the store holds none (the embedded default). */
  seed?: () => Cycle[];
  newId?: () => string;
}

/** The store-backed calendar. */
export class StoreCalendarService implements CalendarService {
  private seeding: Promise<void> | undefined;
  private readonly seed: () => Cycle[];
  private readonly newId: () => string;

  constructor(private readonly store: StateStore, private readonly clock: Clock, options: StoreCalendarOptions = {}) {
    this.seed = options.seed ?? (() => []);
    this.newId = options.newId ?? (() => `ws-${randomUUID().slice(0, 8)}`);
  }

  private ensureSeeded(): Promise<void> {
    this.seeding ??= (async () => {
      if ((await this.store.list(PREFIX)).length > 0) return;
      const stamp = new Date(this.clock.now()).toISOString();
      for (const cycle of this.seed()) {
        const stamped = { ...cycle, workshops: cycle.workshops.map((w) => ({ ...w, updatedAt: w.updatedAt ?? stamp })) };
        try {
          await this.store.put(PREFIX + cycle.id, stamped, CREATE_ONLY);
        } catch (e) {
          if (!(e instanceof ConflictError)) throw e; // another instance seeded it first
        }
      }
    })().catch((e) => { this.seeding = undefined; throw e; });
    return this.seeding;
  }

  private async snapshots(): Promise<Stored<Cycle>[]> {
    await this.ensureSeeded();
    const out: Stored<Cycle>[] = [];
    for (const key of await this.store.list(PREFIX)) {
      const s = await this.store.get<Cycle>(key);
      if (s) out.push(s);
    }
    return out.sort((a, b) => a.value.startMonth.localeCompare(b.value.startMonth));
  }

  async listCycles(): Promise<Cycle[]> {
    return (await this.snapshots()).map((s) => s.value);
  }

  async getCycle(cycleId: string): Promise<CycleSnapshot | undefined> {
    if (!/^[a-z0-9-]{1,40}$/.test(cycleId)) return undefined;
    await this.ensureSeeded();
    const s = await this.store.get<Cycle>(PREFIX + cycleId);
    return s && { cycle: s.value, eTag: s.eTag };
  }

  async findWorkshop(workshopId: string) {
    for (const { value: cycle } of await this.snapshots()) {
      const workshop = cycle.workshops.find((w) => w.id === workshopId);
      if (workshop) return { cycle, workshop };
    }
    return undefined;
  }

  /** Reads, applies `op`, writes back conditionally; on a lost race starts over from a fresh read. */
  private async mutate(pick: (all: Stored<Cycle>[]) => Stored<Cycle> | undefined, op: (c: Cycle) => OpResult): Promise<OpResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = pick(await this.snapshots());
      if (!current) return { ok: false, kind: 'notFound' };
      const result = op(current.value);
      if (!result.ok) return result;
      const workshop = { ...result.workshop, updatedAt: new Date(this.clock.now()).toISOString() };
      const cycle = { ...result.cycle, workshops: result.cycle.workshops.map((w) => (w.id === workshop.id ? workshop : w)) };
      try {
        await this.store.put(PREFIX + cycle.id, cycle, current.eTag);
        return { ok: true, cycle, workshop };
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new ConflictError('calendar');
  }

  private withWorkshop(id: string) {
    return (all: Stored<Cycle>[]) => all.find((s) => s.value.workshops.some((w) => w.id === id));
  }

  createWorkshop(cycleId: string, input: unknown): Promise<OpResult> {
    const id = this.newId();
    return this.mutate((all) => all.find((s) => s.value.id === cycleId), (c) => addWorkshop(c, id, input));
  }

  updateWorkshop(workshopId: string, patch: unknown, ifMatch?: string): Promise<OpResult> {
    return this.mutate(this.withWorkshop(workshopId), (c) => editWorkshop(c, workshopId, patch, ifMatch));
  }

  cancelWorkshop(workshopId: string, ifMatch?: string): Promise<OpResult> {
    return this.mutate(this.withWorkshop(workshopId), (c) => cancelWorkshop(c, workshopId, ifMatch));
  }

  moveWorkshop(workshopId: string, to: unknown, ifMatch?: string): Promise<OpResult> {
    return this.mutate(this.withWorkshop(workshopId), (c) => moveWorkshop(c, workshopId, to, ifMatch));
  }

  async replaceCycle(cycle: Cycle, ifMatch: string | undefined): Promise<string> {
    await this.ensureSeeded();
    return this.store.put(PREFIX + cycle.id, cycle, ifMatch);
  }
}
