/**
 * The composition root: builds storage, the bot and the server from a Config and starts
 * listening. index.ts calls it for the real process; tests call it on an ephemeral port.
 */
import { AddressInfo } from 'net';
import { Server } from 'restify';
import { Config } from './config';
import { Clock, StateStore, systemClock } from './domain/ports';
import { Logger, createLogger, errorFields } from './logger';
import { createBot } from './app';
import { createServer } from './server';
import { createStore } from './adapters/storage/create-store';
import { ScreeningRepository } from './adapters/repositories/screening-repository';
import { calendarRoutes, createCalendarService } from './api/calendar-wiring';
import { screeningNoticeRoute } from './api/screening-notice-route';
import { GraphAccess, graphCredential } from './adapters/graph/graph-credential';
import { DurableScheduler, SchedulerOptions } from './adapters/scheduler/durable-scheduler';
import { statsRoutes } from './api/stats-routes';
import { roundPages } from './api/round-pages';
import { RemindersOptions, RemindersWiring, wireReminders } from './reminders-wiring';
import { GraphSyncJob } from './adapters/calendar/graph-sync-job';
import { createGraphClient } from './adapters/calendar/graph-calendar-sync';
import { localClock } from './adapters/local-clock';
import { warmUpScreener } from './domain/screening';

/** A running Vuoro. */
export interface RunningVuoro {
  server: Server;
  store: StateStore;
  /** Fires stored deadlines (round status updates); tests with a fake clock call its tick(). */
  scheduler: DurableScheduler;
  /** The workshop reminders (tests call `service.sync()` or read `repo`). */
  reminders: RemindersWiring;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Stops accepting requests, finishes those in flight, and releases storage. */
  close(): Promise<void>;
}

/** The scheduled group calendar sync when configured and a Graph credential exists. */
function calendarSyncJob(config: Config, deps: { scheduler: DurableScheduler; calendar: ReturnType<typeof createCalendarService>; clock: Clock; log: Logger; graph?: GraphAccess }): GraphSyncJob | undefined {
  const { groupId, intervalMinutes } = config.calendarSync;
  if (!groupId) return undefined;
  if (!deps.graph) {
    deps.log.warn({ event: 'calendar.sync_disabled', reason: 'no Graph credential in local mode' }, 'VUORO_CALENDAR_GROUP_ID is set but there is no Graph credential; the calendar is not synced');
    return undefined;
  }
  const job = new GraphSyncJob({ ...deps, client: createGraphClient(deps.graph.credential), groupId, intervalMs: intervalMinutes * 60_000 });
  job.register();
  return job;
}

/** Starts Vuoro with `config`; parts can be replaced (tests inject a clock or a store). */
export async function startVuoro(
  config: Config,
  parts: {
    log?: Logger;
    clock?: Clock;
    store?: StateStore;
    scheduler?: Partial<Omit<SchedulerOptions, 'store' | 'clock' | 'onFailure'>>;
    reminders?: RemindersOptions;
    graph?: GraphAccess;
    /** Where the built tab is served from (tests serve a build with a stand-in Teams host). */
    tabDistDir?: string;
  } = {},
): Promise<RunningVuoro> {
  const log = parts.log ?? createLogger(config.logLevel);
  const clock = parts.clock ?? (config.localClock ? localClock(config.localClock) : systemClock);
  const store = parts.store ?? createStore(config.storage, { managedIdentityClientId: config.managedIdentityClientId });
  await store.ping();
  // A 100 ms poll keeps a status update within a tenth of a second of its moment (a poll with
  // nothing due is a heap peek); the next poll waits for the slowest job of a batch, so a wide batch
  // keeps one slow Bot Connector call from holding up the other meetings' updates.
  const scheduler = new DurableScheduler({
    pollIntervalMs: 100,
    concurrency: 128,
    // On an accelerated local clock the full re-read of every stored job stays every 30 s of real
    // time: its storage load would otherwise grow with the clock's speed and starve the poll loop.
    ...(config.localClock ? { refreshIntervalMs: 30_000 * config.localClock.speed } : {}),
    ...parts.scheduler,
    store,
    clock,
    onFailure: (f) => log.warn({ event: 'job.failed', kind: f.kind, attempt: f.attempt, final: f.final, ...errorFields(f.error) }, 'scheduled job failed'),
  });
  const calendar = createCalendarService(store, clock);
  const graph = parts.graph ?? graphCredential(config);
  const bot = createBot({ config, store, clock, log, scheduler, calendar, graph });
  const calendarSync = calendarSyncJob(config, { scheduler, calendar, clock, log, graph });
  const reminders = wireReminders({ config, store, clock, log, bot, scheduler, calendar }, parts.reminders);
  const routes = [calendarRoutes({ config, store, clock, log, calendar, control: bot.roundControl, tabDistDir: parts.tabDistDir }), reminders.routes, statsRoutes({ config, store, log }), roundPages(), screeningNoticeRoute];
  const server = createServer({ bot, store, log, allowedTenants: config.allowedTenants, routes });
  warmUpScreener(); // before listening: the first chat message must not pay for loading the word lists
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  await scheduler.start();
  await reminders.start();
  await calendarSync?.kick();
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    server,
    store,
    scheduler,
    reminders,
    url: `http://${host}:${port}`,
    close: async () => {
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      });
      // After the last request: batched screening counts reach the store before the process ends.
      await new ScreeningRepository(store).flush().catch((err) => log.warn({ event: 'shutdown.flush_failed', ...errorFields(err) }, 'screening counts not flushed'));
    },
  };
}
