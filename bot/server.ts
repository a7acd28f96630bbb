/**
 * The one HTTP server: the bot endpoint, health probes and whatever routes later features add
 * (tab, calendar API). Security headers on every response.
 */
import restify, { Request, Response, Server } from 'restify';
import { Activity } from 'botbuilder';
import { Bot } from './app';
import { StateStore } from './domain/ports';
import { Logger, errorFields } from './logger';
import { activityProblem } from './activity-check';
import { refusal } from './tenant-filter';
import { BodyError, readJson } from './api/http-cache';

/** Larger than any Teams message (about 28 KB) with room for cards; beyond it: 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Adds routes to the server; features register themselves through this. */
export type RouteRegistrar = (server: Server) => void;

/** Builds the restify server; it does not listen yet. */
export function createServer(deps: { bot: Bot; store: StateStore; log: Logger; allowedTenants: readonly string[]; routes?: RouteRegistrar[] }): Server {
  const { bot, store, log, allowedTenants } = deps;
  const server = restify.createServer({ name: 'vuoro', handleUncaughtExceptions: false });
  server.pre((_req: Request, res: Response, next: restify.Next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.header('Cache-Control', 'no-store');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  // readJson, not restify's bodyReader: that one also handles gzip and Content-MD5, which Teams
  // never sends, and calls the deprecated Buffer() constructor on every request.
  server.post('/api/messages', async (req: Request, res: Response) => {
    let body: unknown;
    try {
      body = await readJson(req, MAX_BODY_BYTES);
    } catch (err) {
      if (err instanceof BodyError && err.reason === 'tooLarge') res.send(413, { error: 'too_large', message: `the request body is over ${MAX_BODY_BYTES} bytes` });
      else res.send(400, { error: 'malformed_json', message: 'the request body is not valid JSON' });
      return;
    }
    const problem = activityProblem(body);
    if (problem) {
      log.warn({ event: 'activity.rejected', reason: problem }, 'activity rejected');
      res.send(400, { error: 'invalid_activity', message: problem });
      return;
    }
    try {
      const result = await bot.adapter.processRequest(
        req.header('authorization') ?? '',
        body as Activity,
        async (context) => {
          await bot.app.run(context);
        },
        (activity) => refusal(activity, allowedTenants),
      );
      if (result.status === 401 || result.status === 403) {
        log.warn({ event: 'activity.refused', status: result.status, channelId: (body as Activity).channelId }, 'activity refused');
      }
      res.send(result.status, result.body);
    } catch (err) {
      log.error({ event: 'activity.failed', ...errorFields(err) }, 'processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal_error' });
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await store.ping();
      res.send(200, { status: 'ready' });
    } catch (err) {
      log.warn({ event: 'readyz.storage_unreachable', ...errorFields(err) }, 'storage unreachable');
      res.send(503, { status: 'storage unreachable' });
    }
  });
  for (const register of deps.routes ?? []) register(server);
  return server;
}
