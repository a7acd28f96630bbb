/**
 * Keeps the workshop cycles in step with the Microsoft 365 group calendar on a schedule. The sync is
 * one job on the durable scheduler that plans its own next run, so with several instances each
 * period's sync is claimed (by eTag) and run by one of them, and a restart picks up where it was.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../../domain/ports';
import type { CalendarService } from '../../domain/calendar/calendar-service';
import type { DurableScheduler } from '../scheduler/durable-scheduler';
import { Logger, errorFields } from '../../logger';
import { SyncReport, syncCycleFromGraph } from './graph-calendar-sync';

/** The scheduler kind of the sync job. */
export const CALENDAR_SYNC_JOB = 'calendar-sync';
const JOB_ID = 'group';
/** A failed sync (Graph down, permission not yet granted) is tried again sooner than the period. */
const RETRY_MS = 5 * 60_000;

/** What the job needs. */
export interface GraphSyncJobDeps {
  scheduler: DurableScheduler;
  calendar: CalendarService;
  client: Client;
  groupId: string;
  intervalMs: number;
  clock: Clock;
  log: Logger;
}

/** The scheduled group calendar sync. */
export class GraphSyncJob {
  constructor(private readonly deps: GraphSyncJobDeps) {}

  /** Registers the handler; call before the scheduler starts. */
  register(): void {
    this.deps.scheduler.register(CALENDAR_SYNC_JOB, async () => {
      await this.run();
    });
  }

  /** Makes sure a sync is planned; the first one runs at once. */
  async kick(): Promise<void> {
    // Only when there is none: replacing a sync another instance is running would run it twice.
    if (await this.deps.scheduler.get(CALENDAR_SYNC_JOB, JOB_ID)) return;
    await this.deps.scheduler.schedule(CALENDAR_SYNC_JOB, JOB_ID, this.deps.clock.now(), {});
  }

  /** Syncs every cycle that is not archived; logs counts per cycle, never event text. */
  async run(): Promise<SyncReport[]> {
    const { calendar, client, groupId, clock, log, scheduler, intervalMs } = this.deps;
    const reports: SyncReport[] = [];
    let next = intervalMs;
    try {
      const cycles = (await calendar.listCycles()).filter((c) => c.phase !== 'archived');
      for (const { workshops: _omit, ...cycle } of cycles) {
        const report = await syncCycleFromGraph(calendar, { client, groupId, cycle, clock });
        log.info({ event: 'calendar.synced', cycle: cycle.id, ...report }, 'group calendar synced');
        reports.push(report);
      }
    } catch (err) {
      next = Math.min(intervalMs, RETRY_MS);
      log.warn({ event: 'calendar.sync_failed', retryInMs: next, ...errorFields(err) }, 'group calendar sync failed');
    }
    await scheduler.schedule(CALENDAR_SYNC_JOB, JOB_ID, clock.now() + next, {});
    return reports;
  }
}
