/**
 * The composition root: builds storage, the bot and the server from a Config and starts
 * listening. index.ts calls it for the real process; tests call it on an ephemeral port.
 */
import { AddressInfo } from 'net';
import { Server } from 'restify';
import { Config } from './config';
import { Clock, StateStore, systemClock } from './domain/ports';
import { Logger, createLogger } from './logger';
import { createBot } from './app';
import { createServer } from './server';
import { createStore } from './adapters/storage/create-store';
import { calendarRoutes } from './api/calendar-wiring';
import { screeningNoticeRoute } from './api/screening-notice-route';
import { GraphAccess, graphCredential } from './adapters/graph/graph-credential';

/** A running Vuoro. */
export interface RunningVuoro {
  server: Server;
  store: StateStore;
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Stops accepting requests, finishes those in flight, and releases storage. */
  close(): Promise<void>;
}

/** Starts Vuoro with `config`; parts can be replaced (tests inject a clock or a store). */
export async function startVuoro(config: Config, parts: { log?: Logger; clock?: Clock; store?: StateStore; graph?: GraphAccess } = {}): Promise<RunningVuoro> {
  const log = parts.log ?? createLogger(config.logLevel);
  const clock = parts.clock ?? systemClock;
  const store = parts.store ?? createStore(config.storage, { managedIdentityClientId: config.managedIdentityClientId });
  await store.ping();
  const bot = createBot({ config, store, clock, log, graph: parts.graph ?? graphCredential(config) });
  const server = createServer({ bot, store, log, routes: [calendarRoutes({ config, store, clock, log }), screeningNoticeRoute] });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    server,
    store,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}
