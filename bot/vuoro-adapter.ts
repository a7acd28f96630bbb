/**
 * The Bot Framework adapter with authentication done as its own step, so that any bad token
 * (unknown key, wrong audience, expired) is a clean 401 rather than the SDK's 500, and the SDK's
 * console logging of errors (which may carry request details) is bypassed.
 */
import { Activity, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';

/** What /api/messages answers. */
export interface ProcessResult {
  status: number;
  body?: unknown;
}

/** TeamsAdapter plus one entry point for the HTTP route. */
export class VuoroAdapter extends TeamsAdapter {
  /**
   * Authenticates the request, asks `admit` whether this channel and tenant are served (403 when
   * not), then runs `logic`; an invoke's response becomes the HTTP answer.
   */
  async processRequest(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
    admit: (activity: Activity) => string | undefined = () => undefined,
  ): Promise<ProcessResult> {
    let auth;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch {
      return { status: 401, body: { error: 'unauthorized', message: 'a valid Bot Framework token is required' } };
    }
    const refused = admit(activity);
    if (refused) return { status: 403, body: { error: refused } };
    const invoke = await this.processActivity(auth, activity, logic);
    return { status: invoke?.status ?? 200, body: invoke?.body };
  }
}
