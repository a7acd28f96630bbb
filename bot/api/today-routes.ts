/**
 * GET /api/meetings/:meetingId/today: the tab's read-only "Tänään" view of one meeting (intake tally,
 * time plan, running order with the server's deadlines). Behind the tab's Teams SSO token, so a
 * meeting id alone reveals nothing; a meeting of another tenant answers as if it did not exist.
 */
import type * as restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logger';
import type { MeetingRepository } from '../adapters/repositories/meeting-repository';
import type { CentreRepository } from '../adapters/repositories/centre-repository';
import type { RoundRepository } from '../adapters/repositories/round-repository';
import type { SsoVerifier } from './sso-verifier';
import { signedInUser } from './sso-guard';
import { sendJson } from './http-cache';
import { todayPayload } from './today-payload';

/** What the route needs. */
export interface TodayRouteDeps {
  meetings: MeetingRepository;
  centres: CentreRepository;
  rounds: RoundRepository;
  auth: SsoVerifier;
  clock: Clock;
  log?: Logger;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** Registers the route. */
export function registerTodayRoutes(server: restify.Server, deps: TodayRouteDeps): void {
  const { meetings, centres, rounds, auth, clock, log } = deps;
  server.get('/api/meetings/:meetingId/today', async (req: restify.Request, res: restify.Response) => {
    const r = req as unknown as IncomingMessage;
    const w = res as unknown as ServerResponse;
    const user = await signedInUser(auth, req, res, 'today', log);
    if (!user) return;
    const meetingId = String(req.params?.meetingId ?? '');
    const notFound = () => sendJson(r, w, 404, { error: 'notFound' }, NO_STORE);
    if (!meetingId || meetingId.length > 512) return notFound();
    try {
      const [meeting, round] = await Promise.all([meetings.get(meetingId), rounds.get(meetingId)]);
      const tenant = meeting?.address.tenantId;
      if ((!meeting && !round) || (tenant && tenant.toLowerCase() !== user.tid.toLowerCase())) return notFound();
      const settings = meeting ? (await centres.get(meeting.address.conversationId)).meeting : round!.round.settings;
      sendJson(r, w, 200, todayPayload({ intake: meeting?.intake, settings, round: round?.round, oid: user.oid, now: clock.now() }), NO_STORE);
    } catch (e) {
      log?.error({ route: 'today', err: e instanceof Error ? e.name : 'unknown' }, 'today route failed');
      sendJson(r, w, 500, { error: 'internal' }, NO_STORE);
    }
  });
}
