/**
 * Builds the Bot Framework adapter and the teams-ai Application and registers the handlers.
 * Everything Teams-specific about routing is here and in handlers/, so a move to the newer
 * Teams SDK stays small.
 */
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, TurnContext } from 'botbuilder';
// Deep imports: the package's index also loads its AI planners and a GPT tokenizer, which Vuoro
// never uses (about 11 MB of heap and 18 MB of resident memory at start-up).
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import { VuoroAdapter } from './vuoro-adapter';
import { Config } from './config';
import { Clock, StateStore } from './domain/ports';
import { Logger, errorFields } from './logger';
import { MeetingRepository } from './adapters/repositories/meeting-repository';
import { CentreRepository } from './adapters/repositories/centre-repository';
import { IntakeHandlers } from './handlers/intake-handlers';
import { InstallHandlers } from './handlers/install-handlers';
import { CommandHandlers } from './handlers/command-handlers';
import { INTAKE_VERBS } from './cards/intake-card';
import { REMINDER_VERBS } from './cards/reminder-card';
import { ReminderHandlers } from './handlers/reminder-handlers';
import { ReminderRepository } from './adapters/reminders/reminder-repository';
import type { CalendarService } from './domain/calendar/calendar-service';
import { createCalendarService } from './api/calendar-wiring';
import { ScreeningRepository } from './adapters/repositories/screening-repository';
import { GraphDlp } from './adapters/graph/dlp-client';
import type { GraphAccess } from './adapters/graph/graph-credential';
import { ChatScreeningHandlers } from './handlers/chat-screening-handlers';
import { ScreeningSettingsHandlers } from './handlers/screening-settings-handlers';
import { SHARE_CASE_COMMAND, ShareCaseHandlers } from './handlers/share-case-handlers';
import { PrivateNotices } from './handlers/private-notices';
import { OutboundGuard } from './handlers/outbound-guard';
import { screen } from './domain/screening';
import { ROUND_VERB_PATTERN } from './cards/round-status-card';
import { DurableScheduler } from './adapters/scheduler/durable-scheduler';
import { RoundRepository } from './adapters/repositories/round-repository';
import { StatsRepository } from './adapters/repositories/stats-repository';
import { RoundHandlers } from './handlers/round-handlers';
import { RoundStatusUpdates } from './handlers/round-status-updates';
import { TabRoundControl } from './handlers/tab-round-control';
import { t, langFromLocale } from './i18n';

/** The wired bot: the adapter that speaks HTTP and the application that routes turns. */
export interface Bot {
  adapter: VuoroAdapter;
  app: Application<TurnState>;
  /** The round's controls for the tab's Today view. */
  roundControl: TabRoundControl;
}

/** Creates the adapter for the configured auth mode (local mode: no app id, no token checks). */
export function createAdapter(config: Config): VuoroAdapter {
  const { auth } = config;
  const settings = auth.mode === 'local'
    ? {}
    : {
        MicrosoftAppId: auth.appId,
        MicrosoftAppPassword: auth.mode === 'secret' ? auth.appPassword : undefined,
        MicrosoftAppType: auth.appType,
        MicrosoftAppTenantId: auth.tenantId || undefined,
      };
  return new VuoroAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/**
 * The screener builds its lexicons on first use (most of a second); do it at start-up so the first
 * chat message is screened, and blocked, as fast as the rest. The sample is synthetic.
 */
function warmUpScreener(): void {
  screen('Warm-up: Matti Meikäläinen, 010203A123B, 040 1234567, Mannerheimintie 1, 00100 Helsinki');
}

/**
 * teams-ai 1.7.4's run() starts its typing timer on every message whatever `startTypingTimer` says.
 * A meeting chat shows no "Vuoro is typing", and the timer cost every chat message a timer and
 * two closures, so it is not started at all.
 */
class VuoroApplication extends Application<TurnState> {
  override startTypingTimer(): void {}
}

/** The zone meeting times are shown in and statistics are dated by. */
export const MEETING_TIME_ZONE = 'Europe/Helsinki';

/** Builds the application with all routes; round status updates are registered on `scheduler`. */
export function createBot(deps: { config: Config; store: StateStore; clock: Clock; log: Logger; scheduler: DurableScheduler; calendar?: CalendarService; graph?: GraphAccess }): Bot {
  const { config, store, clock, log, scheduler } = deps;
  const adapter = createAdapter(config);
  adapter.use(new OutboundGuard(log));
  warmUpScreener();
  const app = new VuoroApplication({
    adapter,
    botAppId: config.auth.appId || undefined,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const meetings = new MeetingRepository(store);
  const centres = new CentreRepository(store, config.meetingMinutes);
  const rounds = new RoundRepository(store);
  const screening = new ScreeningRepository(store);
  const intake = new IntakeHandlers({ meetings, centres, clock, log });
  const install = new InstallHandlers({ store, log });
  const status = new RoundStatusUpdates({
    adapter, botAppId: config.auth.appId, meetings, rounds, scheduler, clock, log, publicBaseUrl: config.publicBaseUrl, timeZone: MEETING_TIME_ZONE,
  });
  status.register();
  const round = new RoundHandlers({ meetings, centres, rounds, stats: new StatsRepository(store), status, intake, clock, log, timeZone: MEETING_TIME_ZONE, screening });
  const dlp = config.screening.graphDlp && deps.graph ? new GraphDlp(deps.graph) : undefined;
  if (dlp && config.allowedTenants.length) {
    void dlp.warmUp(config.allowedTenants).then((tokens) => log.info({ event: 'screening.graph_ready', tenants: config.allowedTenants.length, tokens }, 'Graph tokens fetched'));
  }
  if (config.screening.graphDlp && !dlp) log.warn({ event: 'screening.graph_unavailable' }, 'VUORO_GRAPH_DLP is on but there is no Graph credential; warning instead of blocking');
  const chatScreening = new ChatScreeningHandlers({ centres, meetings, screening, dlp, notices: new PrivateNotices({ publicBaseUrl: config.publicBaseUrl, log }), publicBaseUrl: config.publicBaseUrl, log });
  const settings = new ScreeningSettingsHandlers({ centres, meetings, graphBlocking: Boolean(dlp), log });
  const reminders = new ReminderHandlers({ repo: new ReminderRepository(store), calendar: deps.calendar ?? createCalendarService(store, clock), clock, log });
  const commands = new CommandHandlers({ intake, round, reminders, screening: chatScreening, settings, log });
  const share = new ShareCaseHandlers({ meetings, screening, log });

  app.conversationUpdate('membersAdded', async (context) => {
    await install.membersAdded(context);
    await reminders.membersAdded(context);
  });
  app.conversationUpdate('membersRemoved', (context) => reminders.membersRemoved(context));
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await install.installed(context);
    await reminders.installationUpdate(context);
  });
  app.meetings.start((context) => intake.start(context, 'event'));
  app.adaptiveCards.actionExecute(INTAKE_VERBS.answer, (context, _state, data) => intake.answer(context, data));
  app.adaptiveCards.actionExecute(INTAKE_VERBS.refresh, (context) => intake.refresh(context));
  app.adaptiveCards.actionExecute(INTAKE_VERBS.close, (context) => intake.close(context));
  app.adaptiveCards.actionExecute(REMINDER_VERBS.substitute, (context, _state, data) => reminders.substitute(context, data as Record<string, unknown>));
  app.adaptiveCards.actionExecute(REMINDER_VERBS.saveSubstitute, (context, _state, data) => reminders.answer(context, 'substitute', data as Record<string, unknown>));
  app.adaptiveCards.actionExecute(REMINDER_VERBS.attend, (context, _state, data) => reminders.answer(context, 'attending', data as Record<string, unknown>));
  app.adaptiveCards.actionExecute(ROUND_VERB_PATTERN, (context, _state, data) => round.action(context, String(context.activity.value?.action?.verb ?? ''), data));
  app.meetings.end((context) => round.meetingEnded(context));
  app.activity(ActivityTypes.Message, (context) => commands.message(context));
  app.messageEventUpdate('editMessage', (context) => chatScreening.edit(context));
  app.messageEventUpdate('undeleteMessage', (context) => chatScreening.edit(context));
  app.messageExtensions.fetchTask(SHARE_CASE_COMMAND, (context) => share.fetchTask(context));
  app.messageExtensions.submitAction<Record<string, unknown>>(SHARE_CASE_COMMAND, (context, _state, data) => share.submitAction(context, data));

  app.error(async (context: TurnContext, err: Error) => {
    log.error({ event: 'turn.failed', activityType: context.activity?.type, conversationId: context.activity?.conversation?.id, ...errorFields(err) }, 'turn failed');
    if (context.activity?.type === ActivityTypes.Message) {
      await context.sendActivity(t(langFromLocale(context.activity.locale), 'errors.generic')).catch(() => undefined);
    }
  });
  return { adapter, app, roundControl: new TabRoundControl({ adapter, botAppId: config.auth.appId, round, clock }) };
}
