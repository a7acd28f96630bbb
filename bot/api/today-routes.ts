/**
 * GET /api/meetings/:meetingId/today: the tab's "Tänään" view of one meeting (intake tally, time
 * plan, running order with the server's deadlines, and whether the caller gets the chair's controls). Behind the tab's Teams SSO token, so a
 * meeting id alone reveals nothing; a meeting of another tenant answers as if it did not exist.
 */
import type * as restify from 'restify';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logger';
import type { MeetingRecord, MeetingRepository } from '../adapters/repositories/meeting-repository';
import type { CentreRepository } from '../adapters/repositories/centre-repository';
import type { RoundRepository } from '../adapters/repositories/round-repository';
import type { SsoVerifier } from './sso-verifier';
import { meetingCall } from './sso-guard';
import { sendJson } from './http-cache';
import { todayPayload } from './today-payload';
import type { ChairControls } from './round-action-routes';

/** What the route needs. */
export interface TodayRouteDeps {
  meetings: MeetingRepository;
  centres: CentreRepository;
  rounds: RoundRepository;
  auth: SsoVerifier;
  clock: Clock;
  log?: Logger;
  /** Tells whether the caller is the chair; without it nobody gets the controls. */
  control?: Pick<ChairControls, 'canControl'>;
}

/** A meeting of the caller's tenant; another tenant's meeting is as good as unknown. */
export async function meetingOf(meetings: MeetingRepository, meetingId: string, tid: string): Promise<MeetingRecord | undefined> {
  if (!meetingId || meetingId.length > 512) return undefined;
  const meeting = await meetings.get(meetingId);
  return meeting && sameTenant(meeting, tid) ? meeting : undefined;
}

function sameTenant(meeting: MeetingRecord, tid: string): boolean {
  const tenant = meeting.address.tenantId;
  return !tenant || tenant.toLowerCase() === tid.toLowerCase();
}

const NO_STORE = { 'cache-control': 'no-store' };

/** Registers the route. */
export function registerTodayRoutes(server: restify.Server, deps: TodayRouteDeps): void {
  const { meetings, centres, rounds, auth, clock, log, control } = deps;
  server.get('/api/meetings/:meetingId/today', async (req: restify.Request, res: restify.Response) => {
    const call = await meetingCall(auth, req, res, 'today', log);
    if (!call) return;
    const { user, meetingId, req: r, res: w } = call;
    const notFound = () => sendJson(r, w, 404, { error: 'notFound' }, NO_STORE);
    if (!meetingId || meetingId.length > 512) return notFound();
    try {
      const [meeting, round] = await Promise.all([meetings.get(meetingId), rounds.get(meetingId)]);
      if ((!meeting && !round) || (meeting && !sameTenant(meeting, user.tid))) return notFound();
      const settings = meeting ? (await centres.get(meeting.address.conversationId)).meeting : round!.round.settings;
      const live = round && round.round.phase !== 'ended' ? round.round : undefined;
      const canControl = Boolean(meeting && live && control && (await control.canControl(meeting, user.oid, live)));
      sendJson(r, w, 200, todayPayload({ intake: meeting?.intake, settings, round: round?.round, oid: user.oid, now: clock.now(), canControl }), NO_STORE);
    } catch (e) {
      log?.error({ route: 'today', err: e instanceof Error ? e.name : 'unknown' }, 'today route failed');
      sendJson(r, w, 500, { error: 'internal' }, NO_STORE);
    }
  });
}
