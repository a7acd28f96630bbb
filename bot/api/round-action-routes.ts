/**
 * POST /api/meetings/:meetingId/round/actions: the chair's controls of the tab's Today view. The
 * action goes through the same function as the status card's buttons, so the chair rule, the
 * version check and the card update for everyone are the chat's. Body: `{action, version, position?}`
 * where `position` numbers the running order as GET .../today shows it. Logs ids and counts only.
 */
import type * as restify from 'restify';
import type { Logger } from '../logger';
import type { MeetingRecord, MeetingRepository } from '../adapters/repositories/meeting-repository';
import type { RoundRepository } from '../adapters/repositories/round-repository';
import type { Round, RoundAction } from '../domain/turn-order';
import type { RoundActionOutcome } from '../handlers/round-handlers';
import type { SsoVerifier } from './sso-verifier';
import { meetingCall } from './sso-guard';
import { BodyError, readJson, sendJson } from './http-cache';
import { presenterAt } from './today-payload';
import { meetingOf } from './today-routes';

/** The round's controls for a signed-in tab user (the bot's TabRoundControl). */
export interface ChairControls {
  act(meeting: MeetingRecord, oid: string, action: RoundAction, version: number, target?: string): Promise<RoundActionOutcome>;
  canControl(meeting: MeetingRecord, oid: string, round: Round): Promise<boolean>;
}

/** What the route needs. */
export interface RoundActionRouteDeps {
  meetings: MeetingRepository;
  rounds: RoundRepository;
  auth: SsoVerifier;
  control: ChairControls;
  log?: Logger;
}

const ACTIONS: ReadonlySet<string> = new Set<RoundAction>(['finish', 'next', 'pause', 'resume', 'extend', 'skip', 'defer', 'moveUp', 'moveDown', 'end']);
/** Actions on one presenter of the running order, named by position. */
const ON_PRESENTER: ReadonlySet<string> = new Set<RoundAction>(['skip', 'defer', 'moveUp', 'moveDown']);
const NO_STORE = { 'cache-control': 'no-store' };

type Parsed = { action: RoundAction; version: number; position?: number } | { field: string };

function parse(body: unknown): Parsed {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { field: 'body' };
  const { action, version, position } = body as Record<string, unknown>;
  if (typeof action !== 'string' || !ACTIONS.has(action)) return { field: 'action' };
  if (!Number.isSafeInteger(version) || (version as number) < 0) return { field: 'version' };
  if (!ON_PRESENTER.has(action)) return { action: action as RoundAction, version: version as number };
  if (!Number.isSafeInteger(position) || (position as number) < 1) return { field: 'position' };
  return { action: action as RoundAction, version: version as number, position: position as number };
}

/** The HTTP answer to an outcome: 200, 403 for the asker's role, 409 with the domain's error code. */
function answer(outcome: RoundActionOutcome): { status: number; body: Record<string, unknown> } {
  if ('refused' in outcome) return outcome.refused === 'notRunning' ? { status: 409, body: { error: 'notRunning' } } : { status: 403, body: { error: 'chairOnly' } };
  if ('error' in outcome) return { status: 409, body: { error: outcome.error, ...(outcome.record ? { version: outcome.record.round.version } : {}) } };
  return { status: 200, body: { ok: true, version: outcome.record.round.version, phase: outcome.record.round.phase } };
}

/** Registers the route. */
export function registerRoundActionRoutes(server: restify.Server, deps: RoundActionRouteDeps): void {
  const { meetings, rounds, auth, control, log } = deps;
  server.post('/api/meetings/:meetingId/round/actions', async (req: restify.Request, res: restify.Response) => {
    const call = await meetingCall(auth, req, res, 'round-actions', log);
    if (!call) return;
    const { user, meetingId, req: r, res: w } = call;
    try {
      const meeting = await meetingOf(meetings, meetingId, user.tid);
      if (!meeting) return sendJson(r, w, 404, { error: 'notFound' }, NO_STORE);
      let body: unknown;
      try {
        body = await readJson(r);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        return sendJson(r, w, e.reason === 'tooLarge' ? 413 : 400, { error: 'invalid', field: 'body' }, NO_STORE);
      }
      const parsed = parse(body);
      if ('field' in parsed) return sendJson(r, w, 400, { error: 'invalid', field: parsed.field }, NO_STORE);
      const round = parsed.position === undefined ? undefined : (await rounds.get(meetingId))?.round;
      // Positions are those of the version the tab showed; a newer round answers 'stale' below.
      const target = round && parsed.position !== undefined ? presenterAt(round, parsed.position) ?? '' : undefined;
      const { status, body: out } = answer(await control.act(meeting, user.oid, parsed.action, parsed.version, target));
      log?.info({ event: 'tab.round_action', meetingId, action: parsed.action, status }, 'tab round action');
      sendJson(r, w, status, out, NO_STORE);
    } catch (e) {
      log?.error({ route: 'round-actions', err: e instanceof Error ? e.name : 'unknown' }, 'round action route failed');
      sendJson(r, w, 500, { error: 'internal' }, NO_STORE);
    }
  });
}
