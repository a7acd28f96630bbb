/**
 * The calendar API the tab calls: JSON and iCalendar reads for everyone, changes for coordinators
 * only (Teams SSO token + configured role). Bad input -> 400 naming the field; stale If-Match -> 412.
 */
import type * as restify from 'restify';
import type { Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../domain/ports';
import type { CalendarService } from '../domain/calendar/calendar-service';
import type { OpResult } from '../domain/calendar/cycle-ops';
import { workshopEtag } from '../domain/calendar/cycle-ops';
import type { FieldError } from '../domain/calendar/validation';
import { calendarView, workshopView } from '../domain/calendar/calendar-view';
import { currentCycle } from '../domain/calendar/next-workshop';
import { buildIcs } from '../domain/calendar/ics';
import type { Workshop } from '../domain/calendar/model';
import { langFromLocale, t } from '../i18n';
import type { Lang } from '../i18n';
import type { SsoUser, SsoVerifier } from './sso-verifier';
import { SsoError } from './sso-verifier';
import { BodyError, bodyEtag, notModified, readJson, sendJson, sendRaw } from './http-cache';

/** What the routes need; the lead's server passes them in. */
export interface CalendarRouteDeps {
  calendar: CalendarService;
  auth: SsoVerifier;
  clock: Clock;
  log?: Logger;
  /** Domain in ICS UIDs (the service's host name); default "vuoro.app". */
  uidDomain?: string;
}

type Req = restify.Request;
type Res = restify.Response;

function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function langOf(req: IncomingMessage): Lang {
  return langFromLocale(query(req).get('lang') ?? req.headers['accept-language']?.split(',')[0]);
}

function fieldErrors(lang: Lang, errors: FieldError[]) {
  return { error: 'invalid', fields: errors.map((e) => ({ ...e, message: t(lang, `calendar.errors.${e.code}`) })) };
}

function sendIcs(req: IncomingMessage, res: ServerResponse, body: string, filename: string): void {
  const etag = bodyEtag(body);
  const headers = { etag, 'cache-control': 'no-cache', 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` };
  if (notModified(req, etag)) return sendRaw(res, 304, { etag, 'cache-control': 'no-cache' });
  sendRaw(res, 200, headers, body);
}

/** Registers GET /api/calendar, /api/calendar.ics, /api/calendar/me, /api/workshops/:id.ics and the coordinator changes. */
export function registerCalendarRoutes(server: restify.Server, deps: CalendarRouteDeps): void {
  const { calendar, auth, clock, log } = deps;
  const uidDomain = deps.uidDomain ?? 'vuoro.app';

  const ics = (lang: Lang, workshops: Workshop[], name?: string) =>
    buildIcs(workshops, { lang, tr: (k, p) => t(lang, `calendar.${k}`, p), fallbackStamp: clock.now(), uidDomain, calendarName: name });

  /** Wraps a handler so any failure becomes a clean response and a log line with ids only. */
  const guarded = (route: string, handler: (req: Req, res: Res) => Promise<void>) => async (req: Req, res: Res) => {
    try {
      await handler(req, res);
    } catch (e) {
      const lang = langOf(req);
      if (e instanceof BodyError) return sendJson(req, res, e.reason === 'tooLarge' ? 413 : 400, { error: e.reason, fields: [{ field: 'body', code: 'notObject', message: t(lang, 'calendar.errors.notObject') }] });
      log?.error({ route, err: e instanceof Error ? e.name : 'unknown' }, 'calendar route failed');
      sendJson(req, res, 500, { error: 'internal' });
    }
  };

  /** Resolves the caller; answers 401/403 itself and returns undefined when the caller may not proceed. */
  const coordinator = async (req: Req, res: Res): Promise<SsoUser | undefined> => {
    const lang = langOf(req);
    try {
      const user = await auth.verify(req.headers.authorization);
      if (user.isCoordinator) return user;
      log?.info({ oid: user.oid }, 'calendar change refused: not a coordinator');
      sendJson(req, res, 403, { error: 'forbidden', message: t(lang, 'calendar.errors.forbidden') });
    } catch (e) {
      if (!(e instanceof SsoError)) throw e;
      log?.info({ reason: e.reason }, 'calendar change refused: token');
      sendJson(req, res, 401, { error: 'unauthenticated', message: t(lang, 'calendar.errors.unauthenticated') }, { 'www-authenticate': 'Bearer' });
    }
    return undefined;
  };

  const answer = (req: Req, res: Res, result: OpResult, created = false) => {
    const lang = langOf(req);
    if (result.ok) {
      log?.info({ workshopId: result.workshop.id, rev: result.workshop.rev }, 'workshop changed');
      const headers: Record<string, string> = { etag: workshopEtag(result.workshop), 'cache-control': 'no-store' };
      if (created) headers.location = `/api/workshops/${result.workshop.id}.ics`;
      return sendJson(req, res, created ? 201 : 200, workshopView(result.workshop), headers);
    }
    if (result.kind === 'notFound') return sendJson(req, res, 404, { error: 'notFound', message: t(lang, 'calendar.errors.notFound') });
    if (result.kind === 'stale') {
      return sendJson(req, res, 412, { error: 'stale', message: t(lang, 'calendar.errors.stale'), current: workshopView(result.workshop) }, { etag: workshopEtag(result.workshop), 'cache-control': 'no-store' });
    }
    sendJson(req, res, 400, fieldErrors(lang, result.errors));
  };

  const ifMatch = (req: Req) => req.headers['if-match'];

  server.get('/api/calendar', guarded('calendar', async (req, res) => {
    const cycleId = query(req).get('cycle') ?? undefined;
    const view = calendarView(await calendar.listCycles(), clock.now(), cycleId);
    if (!view) return sendJson(req, res, 404, { error: 'notFound', field: 'cycle', message: t(langOf(req), 'calendar.errors.notFound') });
    sendJson(req, res, 200, view);
  }));

  server.get('/api/calendar/me', guarded('me', async (req, res) => {
    try {
      const user = await auth.verify(req.headers.authorization);
      sendJson(req, res, 200, { coordinator: user.isCoordinator }, { 'cache-control': 'no-store' });
    } catch (e) {
      if (!(e instanceof SsoError)) throw e;
      sendJson(req, res, 401, { error: 'unauthenticated', coordinator: false }, { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' });
    }
  }));

  server.get('/api/calendar.ics', guarded('calendar.ics', async (req, res) => {
    const lang = langOf(req);
    const cycles = await calendar.listCycles();
    const wanted = query(req).get('cycle');
    const chosen = wanted === 'all' ? cycles : [wanted ? cycles.find((c) => c.id === wanted) : currentCycle(cycles, clock.now())].filter((c) => c !== undefined);
    if (!chosen.length) return sendJson(req, res, 404, { error: 'notFound', field: 'cycle', message: t(lang, 'calendar.errors.notFound') });
    const name = chosen.length === 1 ? chosen[0].title[lang] ?? chosen[0].title.fi : t(lang, 'calendar.appTitle');
    sendIcs(req, res, ics(lang, chosen.flatMap((c) => c.workshops), name), `ppt-vuosikello-${chosen.length === 1 ? chosen[0].id : 'all'}.ics`);
  }));

  server.get('/api/workshops/:file', guarded('workshop.ics', async (req, res) => {
    const match = /^([a-z0-9-]{1,60})\.ics$/.exec(String(req.params.file));
    const found = match ? await calendar.findWorkshop(match[1]) : undefined;
    if (!found) return sendJson(req, res, 404, { error: 'notFound', message: t(langOf(req), 'calendar.errors.notFound') });
    sendIcs(req, res, ics(langOf(req), [found.workshop]), `ppt-paja-${found.workshop.date}.ics`);
  }));

  server.post('/api/workshops', guarded('create', async (req, res) => {
    if (!(await coordinator(req, res))) return;
    const body = await readJson(req);
    const { cycleId, ...input } = (typeof body === 'object' && body) ? body as Record<string, unknown> : { cycleId: undefined };
    if (typeof cycleId !== 'string' || !(await calendar.getCycle(cycleId))) {
      return sendJson(req, res, 400, fieldErrors(langOf(req), [{ field: 'cycleId', code: cycleId === undefined ? 'required' : 'unknownCycle' }]));
    }
    answer(req, res, await calendar.createWorkshop(cycleId, input), true);
  }));

  server.patch('/api/workshops/:id', guarded('update', async (req, res) => {
    if (!(await coordinator(req, res))) return;
    answer(req, res, await calendar.updateWorkshop(String(req.params.id), await readJson(req), ifMatch(req)));
  }));

  server.post('/api/workshops/:id/cancel', guarded('cancel', async (req, res) => {
    if (!(await coordinator(req, res))) return;
    answer(req, res, await calendar.cancelWorkshop(String(req.params.id), ifMatch(req)));
  }));

  server.post('/api/workshops/:id/move', guarded('move', async (req, res) => {
    if (!(await coordinator(req, res))) return;
    answer(req, res, await calendar.moveWorkshop(String(req.params.id), await readJson(req), ifMatch(req)));
  }));
}
