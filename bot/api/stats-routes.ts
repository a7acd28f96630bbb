/**
 * GET /api/stats: the centres' anonymous monthly statistics as JSON or CSV, for the process owner.
 * Authorised by a bearer key (VUORO_STATS_KEY); without one configured, production refuses every
 * caller and local mode answers only on loopback.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Request, Response } from 'restify';
import { Config } from '../config';
import { StateStore } from '../domain/ports';
import { SERVICES } from '../domain/intake';
import { MonthlyStats, monthlyStats } from '../domain/turn-order';
import { StatsRepository, isMonth } from '../adapters/repositories/stats-repository';
import { Logger, errorFields } from '../logger';
import { RouteRegistrar } from '../server';

const COUNT_COLUMNS = [
  'meetings', 'presenters', 'casesConsulted', 'topicsConsulted', 'casesDeferred', 'topicsDeferred',
  'itemsSkipped', 'itemsNotReached', 'meetingsOverrun', 'meanRoundMinutes', 'meanTurnMinutes',
] as const;

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The monthly rows as CSV (RFC 4180, CRLF), one column per service for items and for meetings. */
export function statsCsv(rows: MonthlyStats[]): string {
  const header = ['month', 'centre', ...COUNT_COLUMNS, ...SERVICES.map((s) => `items_${s}`), ...SERVICES.map((s) => `meetings_${s}`)];
  const lines = rows.map((r) => [r.month, r.centre, ...COUNT_COLUMNS.map((c) => r[c]), ...SERVICES.map((s) => r.itemsByService[s]), ...SERVICES.map((s) => r.meetingsByService[s])]);
  return [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** 'ok', or the status to refuse with. */
function authorise(req: Request, config: Config): 'ok' | 401 | 403 {
  if (!config.statsKey) return config.auth.mode === 'local' && isLoopback(req.socket?.remoteAddress) ? 'ok' : 403;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  if (!match) return 401;
  return timingSafeEqual(digest(match[1]), digest(config.statsKey)) ? 'ok' : 403;
}

function wantsCsv(req: Request): boolean {
  const format = (req.query as Record<string, unknown> | undefined)?.format;
  if (format !== undefined) return format === 'csv';
  return /\btext\/csv\b/i.test(req.header('accept') ?? '');
}

/** Registers GET /api/stats. */
export function statsRoutes(deps: { config: Config; store: StateStore; log: Logger }): RouteRegistrar {
  const repo = new StatsRepository(deps.store);
  return (server) => {
    server.get('/api/stats', async (req: Request, res: Response) => {
      const auth = authorise(req, deps.config);
      if (auth !== 'ok') {
        if (auth === 401) res.header('WWW-Authenticate', 'Bearer realm="vuoro-stats"');
        deps.log.warn({ event: 'stats.refused', status: auth }, 'stats request refused');
        res.send(auth, { error: auth === 401 ? 'unauthorised' : 'forbidden' });
        return;
      }
      const query = (req.query ?? {}) as Record<string, unknown>;
      for (const name of ['from', 'to'] as const) {
        if (query[name] !== undefined && !isMonth(query[name])) {
          res.send(400, { error: 'invalid_month', message: `${name} must be a month as YYYY-MM` });
          return;
        }
      }
      const centre = typeof query.centre === 'string' && query.centre ? query.centre : undefined;
      try {
        const rows = monthlyStats(await repo.list({ centre, from: query.from as string | undefined, to: query.to as string | undefined }));
        deps.log.info({ event: 'stats.served', rows: rows.length }, 'stats served');
        if (wantsCsv(req)) {
          res.header('Content-Type', 'text/csv; charset=utf-8');
          res.header('Content-Disposition', 'attachment; filename="vuoro-stats.csv"');
          res.sendRaw(200, statsCsv(rows));
          return;
        }
        res.send(200, { schema: 1, rows });
      } catch (err) {
        deps.log.error({ event: 'stats.failed', ...errorFields(err) }, 'stats failed');
        res.send(500, { error: 'internal_error' });
      }
    });
  };
}
