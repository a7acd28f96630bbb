/**
 * The tab's reminder switch and the coordinator's views, behind the tab's Teams SSO token:
 *   GET/POST/DELETE /api/reminders/subscription   the caller's own personal reminders
 *   GET /api/reminders/attendance/:workshopId      expected attendance per service (coordinators)
 *   GET/PUT /api/reminders/settings                 the network's offsets (PUT: coordinators)
 */
import type * as restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logger';
import { expectedAttendance } from '../domain/reminders/attendance';
import { normaliseSettings } from '../domain/reminders/offsets';
import { ReminderRepository, personKey } from '../adapters/reminders/reminder-repository';
import { langFromLocale } from '../i18n';
import type { SsoUser, SsoVerifier } from './sso-verifier';
import { signedInUser } from './sso-guard';
import { BodyError, readJson, sendJson } from './http-cache';

/** What the routes need. */
export interface ReminderRouteDeps {
  repo: ReminderRepository;
  auth: SsoVerifier;
  clock: Clock;
  log: Logger;
}

type Handler = (req: restify.Request, res: restify.Response, user: SsoUser) => Promise<void>;

/** Registers the reminder routes. */
export function registerReminderRoutes(server: restify.Server, deps: ReminderRouteDeps): void {
  const { repo, auth, clock, log } = deps;
  const noStore = { 'cache-control': 'no-store' };

  /** Authenticates, optionally requires a coordinator, and turns any failure into a clean answer. */
  const authed = (route: string, handler: Handler, coordinatorOnly = false) => async (req: restify.Request, res: restify.Response) => {
    const r = req as unknown as IncomingMessage;
    const w = res as unknown as ServerResponse;
    const user = await signedInUser(auth, req, res, route, log);
    if (!user) return;
    if (coordinatorOnly && !user.isCoordinator) return sendJson(r, w, 403, { error: 'forbidden' }, noStore);
    try {
      await handler(req, res, user);
    } catch (e) {
      if (e instanceof BodyError) return sendJson(r, w, e.reason === 'tooLarge' ? 413 : 400, { error: e.reason }, noStore);
      log.error({ route, err: e instanceof Error ? e.name : 'unknown' }, 'reminder route failed');
      sendJson(r, w, 500, { error: 'internal' }, noStore);
    }
  };
  const json = (req: restify.Request, res: restify.Response, status: number, value: unknown) =>
    sendJson(req as unknown as IncomingMessage, res as unknown as ServerResponse, status, value, noStore);

  server.get('/api/reminders/subscription', authed('subscription', async (req, res, user) => {
    json(req, res, 200, { subscribed: Boolean(await repo.subscription(personKey(user.oid))) });
  }));

  server.post('/api/reminders/subscription', authed('subscription', async (req, res, user) => {
    const key = personKey(user.oid);
    const existing = await repo.subscription(key);
    const lang = langFromLocale(new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? req.headers['accept-language']?.split(',')[0]);
    // Keep a chat reference from an earlier `@Vuoro muistuta`; without one the first reminder opens the chat.
    await repo.saveSubscription({ key, kind: 'person', userId: user.oid.toLowerCase(), tenantId: user.tid, reference: existing?.reference, lang, via: existing?.via ?? 'tab', since: existing?.since ?? clock.now() });
    log.info({ event: 'reminders.personSubscribed', via: 'tab' }, 'person subscribed');
    json(req, res, 200, { subscribed: true });
  }));

  server.del('/api/reminders/subscription', authed('subscription', async (req, res, user) => {
    await repo.removeSubscription(personKey(user.oid));
    json(req, res, 200, { subscribed: false });
  }));

  server.get('/api/reminders/attendance/:workshopId', authed('attendance', async (req, res) => {
    const id = String(req.params?.workshopId ?? '');
    if (!/^[a-z0-9-]{1,60}$/.test(id)) return json(req, res, 404, { error: 'notFound' });
    json(req, res, 200, { workshopId: id, services: expectedAttendance(await repo.attendance(id)) });
  }, true));

  server.get('/api/reminders/settings', authed('settings', async (req, res) => {
    json(req, res, 200, await repo.settings());
  }));

  server.put('/api/reminders/settings', authed('settings', async (req, res) => {
    const settings = normaliseSettings(await readJson(req as unknown as IncomingMessage));
    if (!settings) return json(req, res, 400, { error: 'invalid', field: 'offsets' });
    await repo.saveSettings(settings);
    json(req, res, 200, settings);
  }, true));
}
