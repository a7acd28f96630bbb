/**
 * Chat commands (`@Vuoro aloita`, `ohje`, ...). Unknown words get a helpful answer that never
 * repeats what was typed.
 */
import { TurnContext } from 'botbuilder';
import { t } from '../i18n';
import { Logger } from '../logger';
import { parseCommand } from './commands';
import { IntakeHandlers } from './intake-handlers';
import { ReminderHandlers } from './reminder-handlers';
import { RoundHandlers } from './round-handlers';
import { turnInfo } from './turn-info';
import { ChatScreeningHandlers } from './chat-screening-handlers';
import { ScreeningSettingsHandlers } from './screening-settings-handlers';

/** Routes a message addressed to Vuoro to the right handler. */
export class CommandHandlers {
  constructor(
    private readonly deps: {
      intake: IntakeHandlers;
      round: RoundHandlers;
      reminders?: ReminderHandlers;
      screening: ChatScreeningHandlers;
      settings: ScreeningSettingsHandlers;
      log: Logger;
    },
  ) {}

  /**
   * Handles every message Vuoro receives. Each is screened first; only a clean message addressed
   * to Vuoro (a mention, or a one-to-one chat) is read as a command.
   */
  async message(context: TurnContext): Promise<void> {
    if ((await this.deps.screening.message(context)) !== 'act') return;
    const info = turnInfo(context);
    const command = parseCommand(context.activity.text);
    this.deps.log.info({ event: 'command', command: command.id, conversationId: info.conversationId }, 'command received');
    switch (command.id) {
      case 'start':
        return this.deps.intake.start(context, 'command');
      case 'close':
        await context.sendActivity(await this.deps.intake.close(context));
        return;
      case 'length':
        await context.sendActivity(await this.deps.intake.setLength(context, command.args[0]));
        return;
      case 'screening':
        await context.sendActivity(await this.deps.settings.command(context, command.mode));
        return;
      case 'settings':
        await context.sendActivity(
          [await this.deps.intake.describeLength(context), await this.deps.settings.command(context, undefined), '', t(info.lang, 'help.settings')].join('\n'),
        );
        return;
      case 'round': {
        const { message, started } = await this.deps.round.start(context);
        if (!started) await context.sendActivity(message); // the status card speaks for a started round
        return;
      }
      case 'end':
        await this.reply(context, await this.deps.round.endCommand(context));
        return;
      case 'remind':
        if (this.deps.reminders) return this.deps.reminders.command(context, command.off);
        await context.sendActivity(t(info.lang, 'unknown.text'));
        return;
      case 'help':
      case 'empty':
        await context.sendActivity(helpText(info.lang));
        return;
      default:
        await context.sendActivity(t(info.lang, 'unknown.text'));
    }
  }

  private async reply(context: TurnContext, text: string | undefined): Promise<void> {
    if (text) await context.sendActivity(text);
  }
}

/** The help message in one language. */
export function helpText(lang: Parameters<typeof t>[0]): string {
  const line = (k: string) => `- ${t(lang, `help.${k}`)}`;
  return [`**${t(lang, 'help.title')}**`, line('start'), line('close'), `- ${t(lang, 'round.help.round')}`, `- ${t(lang, 'round.help.end')}`, line('length'), `- ${t(lang, 'screening.help')}`, `- ${t(lang, 'reminders.help')}`, line('help'), '', t(lang, 'help.privacy')].join('\n');
}
