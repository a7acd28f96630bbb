/**
 * The tab API's sign-in check: a valid Teams SSO token, or a clean 401 that tells the tab to get
 * a token. Only the refusal reason is logged, never the token.
 */
import type * as restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { SsoError } from './sso-verifier';
import type { SsoUser, SsoVerifier } from './sso-verifier';
import { sendJson } from './http-cache';

/** The signed-in user, or undefined after answering 401. */
export async function signedInUser(auth: SsoVerifier, req: restify.Request, res: restify.Response, route: string, log?: Logger): Promise<SsoUser | undefined> {
  try {
    return await auth.verify(req.headers.authorization);
  } catch (e) {
    if (!(e instanceof SsoError)) throw e;
    log?.info({ route, reason: e.reason }, 'tab API refused: token');
    sendJson(req as unknown as IncomingMessage, res as unknown as ServerResponse, 401, { error: 'unauthenticated' }, { 'cache-control': 'no-store', 'www-authenticate': 'Bearer' });
    return undefined;
  }
}

/** A tab API call about one meeting: the signed-in user, the meeting id from the path, and the raw request and response. */
export interface MeetingCall {
  user: SsoUser;
  meetingId: string;
  req: IncomingMessage;
  res: ServerResponse;
}

/** The call's user and `:meetingId`, or undefined after answering 401. */
export async function meetingCall(auth: SsoVerifier, req: restify.Request, res: restify.Response, route: string, log?: Logger): Promise<MeetingCall | undefined> {
  const user = await signedInUser(auth, req, res, route, log);
  if (!user) return undefined;
  return { user, meetingId: String(req.params?.meetingId ?? ''), req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse };
}
