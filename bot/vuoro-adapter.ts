/**
 * The Bot Framework adapter with authentication done as its own step, so that any bad token
 * (unknown key, wrong audience, expired) is a clean 401 rather than the SDK's 500, and the SDK's
 * console logging of errors (which may carry request details) is bypassed.
 */
import { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { ConnectorClientCache } from './connector-client-cache';

/** What /api/messages answers. */
export interface ProcessResult {
  status: number;
  body?: unknown;
}

type ConnectorFactory = ReturnType<TeamsAdapter['botFrameworkAuthentication']['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<TeamsAdapter['botFrameworkAuthentication']['createUserTokenClient']>>;
type AuthResult = Awaited<ReturnType<TeamsAdapter['botFrameworkAuthentication']['authenticateRequest']>>;

/** CloudAdapterBase's own steps of a turn, private in its typings; runTurn() calls them as processActivity does. */
interface TurnSteps {
  createTurnContext(activity: Activity, identity: AuthResult['claimsIdentity'], audience: string | undefined, connector: ConnectorClient,
    userToken: UserTokenClient, logic: (context: TurnContext) => Promise<void>, factory: AuthResult['connectorFactory']): TurnContext;
  processTurnResults(context: TurnContext): InvokeResponse | undefined;
}

/** The bot's app id in a claims identity, read as botbuilder reads it (audience, else appid). */
function appIdOf(identity: { getClaimValue(type: string): string | null }): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/** TeamsAdapter plus one entry point for the HTTP route, and Bot Connector clients shared across turns. */
export class VuoroAdapter extends TeamsAdapter {
  private readonly connectorClients = new ConnectorClientCache<ConnectorClient>();
  private readonly userTokenClients = new ConnectorClientCache<UserTokenClient>();
  /**
   * Local mode (no app id): botbuilder ignores the Authorization header and builds the same anonymous
   * identity, caller id and connector factory for every activity, through a chain of a dozen awaits
   * (about a quarter of a plain message's CPU time, and most of its garbage). It is built once.
   */
  private readonly localMode: boolean;
  private localAuth?: Promise<AuthResult>;

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    this.localMode = !args[0]?.MicrosoftAppId;
    // Proactive turns (status cards, reminders) get their factory here; replies to incoming
    // activities get theirs from authenticateRequest below.
    const auth = this.botFrameworkAuthentication;
    const createFactory = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (identity) => this.connectorClients.wrap(createFactory(identity), appIdOf(identity));
    // Every turn also gets a user-token (OAuth) client, another service client with its own pipeline;
    // Vuoro signs nobody in through it, and its credentials depend only on the bot's app id.
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (identity) => this.userTokenClients.get(appIdOf(identity), () => createUserTokenClient(identity));
  }

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
      auth = await this.authenticate(activity, authHeader);
    } catch {
      return { status: 401, body: { error: 'unauthorized', message: 'a valid Bot Framework token is required' } };
    }
    const refused = admit(activity);
    if (refused) return { status: 403, body: { error: refused } };
    const invoke = await this.runTurn(auth, activity, logic);
    return { status: invoke?.status ?? 200, body: invoke?.body };
  }

  /**
   * botbuilder's processActivity and runMiddleware, step for step, as native async functions. The
   * SDK's compiled generator chains (__awaiter) left about 2 KB of every turn to V8's old generation:
   * a full collection about once a second under load, the main source of the p99 latency of plain
   * chat messages. The context is still revoked after the turn, as the SDK does.
   */
  private async runTurn(auth: AuthResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const steps = this as unknown as TurnSteps;
    (activity as { callerId?: string }).callerId = auth.callerId;
    const connector = await auth.connectorFactory?.create(activity.serviceUrl, auth.audience);
    if (!connector) throw new Error('Unable to extract ConnectorClient from turn context.');
    const userToken = await this.botFrameworkAuthentication.createUserTokenClient(auth.claimsIdentity);
    const context = steps.createTurnContext(activity, auth.claimsIdentity, auth.audience, connector, userToken, logic, auth.connectorFactory);
    if (activity.locale) context.locale = activity.locale;
    const revocable = Proxy.revocable(context, {});
    try {
      await this.middleware.run(revocable.proxy, () => logic(revocable.proxy));
    } catch (err) {
      if (!this.onTurnError) throw err;
      await this.onTurnError(revocable.proxy, err as Error);
    } finally {
      revocable.revoke();
    }
    return steps.processTurnResults(context);
  }

  private authenticate(activity: Activity, authHeader: string): Promise<AuthResult> {
    // the Emulator's skill calls get a skill identity even in local mode, so they take the SDK's path
    const skill = activity.channelId === 'emulator' && activity.recipient?.role === 'skill';
    if (this.localMode && !skill) {
      this.localAuth ??= this.authenticateBySdk(activity, authHeader).catch((err: unknown) => {
        this.localAuth = undefined;
        throw err;
      });
      return this.localAuth;
    }
    return this.authenticateBySdk(activity, authHeader);
  }

  private async authenticateBySdk(activity: Activity, authHeader: string): Promise<AuthResult> {
    const auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    if (auth.connectorFactory) auth.connectorFactory = this.connectorClients.wrap(auth.connectorFactory, appIdOf(auth.claimsIdentity));
    return auth;
  }
}
