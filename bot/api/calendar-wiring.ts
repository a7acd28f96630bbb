/**
 * Wires the workshop calendar API and the tab into the server from the configuration.
 */
import path from 'path';
import { Server } from 'restify';
import { Config } from '../config';
import { Clock, StateStore } from '../domain/ports';
import { Logger } from '../logger';
import { StoreCalendarService } from '../adapters/calendar/store-calendar-service';
import { loadDemoCycles } from '../adapters/calendar/demo-cycles-loader';
import { TeamsSsoVerifier } from './sso-verifier';
import { registerCalendarRoutes } from './calendar-routes';
import { registerTabRoutes } from './tab-routes';
import { registerTodayRoutes } from './today-routes';
import { ChairControls, registerRoundActionRoutes } from './round-action-routes';
import { MeetingRepository } from '../adapters/repositories/meeting-repository';
import { CentreRepository } from '../adapters/repositories/centre-repository';
import { RoundRepository } from '../adapters/repositories/round-repository';
import { findProjectRoot } from '../project-root';

/** The calendar service over the store, seeded with the demo cycle on an empty store. */
export function createCalendarService(store: StateStore, clock: Clock): StoreCalendarService {
  return new StoreCalendarService(store, clock, { seed: loadDemoCycles });
}

/**
 * A route registrar for /api/calendar*, /api/workshops/*, the tab's /api/meetings/:id/today (and,
 * given the bot's `control`, .../round/actions) and /tab/* (from `tabDistDir`, dist/tab by default).
 */
export function calendarRoutes(deps: { config: Config; store: StateStore; clock: Clock; log: Logger; calendar?: StoreCalendarService; control?: ChairControls; tabDistDir?: string }): (server: Server) => void {
  const { config, store, clock, log } = deps;
  return (server) => {
    const calendar = deps.calendar ?? createCalendarService(store, clock);
    const auth = new TeamsSsoVerifier({
      tenantIds: config.allowedTenants.length ? config.allowedTenants : [config.auth.tenantId || 'common'],
      audiences: config.sso.audiences,
      coordinators: config.sso.coordinators,
      clock,
    });
    registerCalendarRoutes(server, { calendar, auth, clock, log, uidDomain: new URL(config.publicBaseUrl).hostname });
    const meetings = new MeetingRepository(store);
    const rounds = new RoundRepository(store);
    const { control } = deps;
    registerTodayRoutes(server, { meetings, centres: new CentreRepository(store, config.meetingMinutes), rounds, auth, clock, log, control });
    if (control) registerRoundActionRoutes(server, { meetings, rounds, auth, control, log });
    registerTabRoutes(server, { distDir: deps.tabDistDir ?? path.join(findProjectRoot(__dirname), 'dist', 'tab') });
  };
}
