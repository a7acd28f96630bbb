/**
 * The bot introduces itself once per chat when it is added (Teams sends both conversationUpdate
 * and installationUpdate for one install; a create-only write makes sure only one speaks).
 */
import { TurnContext } from 'botbuilder';
import { CREATE_ONLY, ConflictError, StateStore } from '../domain/ports';
import { t } from '../i18n';
import { Logger } from '../logger';
import { turnInfo } from './turn-info';

/** Handles the bot being added to a chat, meeting or team. */
export class InstallHandlers {
  constructor(private readonly deps: { store: StateStore; log: Logger }) {}

  /** conversationUpdate: introduce only when the bot itself is among those added. */
  async membersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    await this.introduceOnce(context);
  }

  /** installationUpdate with action `add` (or `add-upgrade`). */
  async installed(context: TurnContext): Promise<void> {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('add')) await this.introduceOnce(context);
  }

  private async introduceOnce(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    if (!info.conversationId) return;
    try {
      await this.deps.store.put(`intro:${info.conversationId}`, { introduced: true }, CREATE_ONLY);
    } catch (err) {
      if (err instanceof ConflictError) return;
      throw err;
    }
    await context.sendActivity(t(info.lang, 'intro.text'));
    this.deps.log.info({ event: 'bot.introduced', conversationId: info.conversationId }, 'introduced');
  }
}
