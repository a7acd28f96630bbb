/** Starts a real restify server on an ephemeral port with the tab's API routes, the demo data and a fixed clock. */
import * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import { registerCalendarRoutes } from '../../bot/api/calendar-routes';
import { registerTabRoutes } from '../../bot/api/tab-routes';
import { registerTodayRoutes } from '../../bot/api/today-routes';
import { registerReminderRoutes } from '../../bot/api/reminder-routes';
import { MeetingRepository } from '../../bot/adapters/repositories/meeting-repository';
import { CentreRepository } from '../../bot/adapters/repositories/centre-repository';
import { RoundRepository } from '../../bot/adapters/repositories/round-repository';
import { ReminderRepository } from '../../bot/adapters/reminders/reminder-repository';
import { createLogger } from '../../bot/logger';
import { TeamsSsoVerifier } from '../../bot/api/sso-verifier';
import { StoreCalendarService } from '../../bot/adapters/calendar/store-calendar-service';
import { loadDemoCycles } from '../../bot/adapters/calendar/demo-cycles-loader';
import type { Clock } from '../../bot/domain/ports';
import { CalendarMemoryStore } from './calendar-memory-store';
import { APP_ID, AUDIENCE, COORDINATOR_OID, TENANT } from './sso-test-keys';

/** A running test server and what it is made of. */
export interface CalendarTestServer {
  base: string;
  store: CalendarMemoryStore;
  clock: { now(): number; set(ms: number): void };
  close(): Promise<void>;
}

/** Starts the server; `now` is the fixed time its clock reports; with `tabDistDir` it also serves the tab. */
export async function startCalendarServer(now: number, tabDistDir?: string): Promise<CalendarTestServer> {
  let current = now;
  const clock: Clock & { set(ms: number): void } = { now: () => current, set: (ms) => { current = ms; } };
  const store = new CalendarMemoryStore();
  let n = 0;
  const calendar = new StoreCalendarService(store, clock, { seed: loadDemoCycles, newId: () => `ws-new-${++n}` });
  const auth = new TeamsSsoVerifier({ tenantIds: [TENANT], audiences: [AUDIENCE, APP_ID], coordinators: [COORDINATOR_OID], clock });
  const server = restify.createServer({ handleUncaughtExceptions: false } as restify.ServerOptions);
  registerCalendarRoutes(server, { calendar, auth, clock });
  // The tab's other reads and writes: the Today view and the reminders switch.
  registerTodayRoutes(server, { meetings: new MeetingRepository(store), centres: new CentreRepository(store, 60), rounds: new RoundRepository(store), auth, clock });
  registerReminderRoutes(server, { repo: new ReminderRepository(store), auth, clock, log: createLogger('silent') });
  if (tabDistDir) registerTabRoutes(server, { distDir: tabDistDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`, store, clock,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
