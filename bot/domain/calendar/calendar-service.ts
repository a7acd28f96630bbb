/** The port the API and the Graph sync use to read and change cycles; implemented over a StateStore. */
import type { Cycle, Workshop } from './model';
import type { OpResult } from './cycle-ops';

/** A cycle as read, with the store eTag a whole-cycle replacement must present. */
export interface CycleSnapshot {
  cycle: Cycle;
  eTag: string;
}

/** Reads and changes the annual cycles; every change is one conditional write of one cycle. */
export interface CalendarService {
  /** All cycles, oldest first. */
  listCycles(): Promise<Cycle[]>;
  getCycle(cycleId: string): Promise<CycleSnapshot | undefined>;
  findWorkshop(workshopId: string): Promise<{ cycle: Cycle; workshop: Workshop } | undefined>;
  createWorkshop(cycleId: string, input: unknown): Promise<OpResult>;
  updateWorkshop(workshopId: string, patch: unknown, ifMatch?: string): Promise<OpResult>;
  cancelWorkshop(workshopId: string, ifMatch?: string): Promise<OpResult>;
  moveWorkshop(workshopId: string, to: unknown, ifMatch?: string): Promise<OpResult>;
  /** Replaces a whole cycle (Graph sync); `ifMatch` from getCycle, or CREATE_ONLY for a new one. */
  replaceCycle(cycle: Cycle, ifMatch: string | undefined): Promise<string>;
}
