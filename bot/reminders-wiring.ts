/**
 * Wires the workshop reminders into a running Vuoro: job handlers on the shared durable scheduler,
 * proactive sends through the bot's adapter, the optional activity feed, and the tab's routes.
 * vuoro.ts owns the scheduler (start after listen, stop on close); this only registers on it.
 */
import { graphCredential } from './adapters/graph/graph-credential';
import type { TokenCredential } from '@azure/identity';
import type { Server } from 'restify';
import type { Bot } from './app';
import type { Config } from './config';
import type { Clock, StateStore } from './domain/ports';
import type { Logger } from './logger';
import type { CalendarService } from './domain/calendar/calendar-service';
import type { DurableScheduler } from './adapters/scheduler/durable-scheduler';
import { ReminderRepository } from './adapters/reminders/reminder-repository';
import { ProactiveSender } from './adapters/reminders/proactive-sender';
import { ActivityFeedNotifier } from './adapters/reminders/activity-feed';
import { ReminderService } from './adapters/reminders/reminder-service';
import { registerReminderRoutes } from './api/reminder-routes';
import { TeamsSsoVerifier } from './api/sso-verifier';

/** What the wiring hands back. */
export interface RemindersWiring {
  service: ReminderService;
  repo: ReminderRepository;
  /** Registers /api/reminders/*. */
  routes: (server: Server) => void;
  /** Makes sure the plan is derived now; call after the scheduler started. */
  start(): Promise<void>;
}

/** Tuning a test may change. */
export interface RemindersOptions {
  syncIntervalMs?: number;
  /** Replaces the credential for Graph (tests). */
  credential?: TokenCredential;
}

/** The activity feed's credential: the bot's Graph credential, which with a secret needs the deploying tenant's id (none locally). */
function feedCredential(config: Config): TokenCredential | undefined {
  if (config.auth.mode === 'secret' && !config.auth.tenantId) return undefined;
  return graphCredential(config)?.credential;
}

/** Registers the reminders on `scheduler`; the caller starts the scheduler. */
export function wireReminders(deps: { config: Config; store: StateStore; clock: Clock; log: Logger; bot: Bot; scheduler: DurableScheduler; calendar: CalendarService }, options: RemindersOptions = {}): RemindersWiring {
  const { config, store, clock, log, bot, scheduler, calendar } = deps;
  const repo = new ReminderRepository(store);
  const credential = config.activityFeed.teamsAppId ? options.credential ?? feedCredential(config) : undefined;
  const feed = credential ? new ActivityFeedNotifier({ credential, teamsAppId: config.activityFeed.teamsAppId }) : undefined;
  const service = new ReminderService({
    repo, scheduler, calendar, clock, log, feed,
    sender: new ProactiveSender(bot.adapter, config.auth.appId, () => clock.now()),
    publicBaseUrl: config.publicBaseUrl,
    syncIntervalMs: options.syncIntervalMs,
  });
  service.register();
  return {
    service,
    repo,
    routes: (server) => {
      const auth = new TeamsSsoVerifier({
        tenantIds: config.allowedTenants.length ? config.allowedTenants : [config.auth.tenantId || 'common'],
        audiences: config.sso.audiences,
        coordinators: config.sso.coordinators,
        clock,
      });
      registerReminderRoutes(server, { repo, auth, clock, log });
    },
    start: () => service.kick(),
  };
}
