/**
 * Teams side of the reminders: the network channel or group chat is subscribed when Vuoro is
 * installed there and unsubscribed when removed; people opt in and out from their personal chat
 * (`@Vuoro muistuta` / `muistuta pois`); the card's "I can't attend" button records a substitute.
 * Consultation meeting chats are not subscribed: workshop reminders are for the network.
 */
import { TurnContext } from 'botbuilder';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logger';
import type { CalendarService } from '../domain/calendar/calendar-service';
import type { Subscription } from '../domain/reminders/model';
import { parseAttendance, recordAnswer } from '../domain/reminders/attendance';
import { ReminderRepository, channelKey, personKey } from '../adapters/reminders/reminder-repository';
import { storedReference } from '../adapters/reminders/proactive-sender';
import { answerRecorded, substituteForm } from '../cards/reminder-card';
import type { CardJson } from '../cards/card-kit';
import { t } from '../i18n';
import { turnInfo } from './turn-info';

/** Where a turn happens, as far as reminders care. */
function scopeOf(context: TurnContext): 'network' | 'personal' | 'meeting' {
  const a = context.activity;
  const meeting = (a.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
  if (meeting) return 'meeting';
  return a.conversation?.conversationType === 'personal' ? 'personal' : 'network';
}

/** An invoke answer: a card for the person who pressed the button. */
export type CardAnswer = CardJson | string;

/** Handles installs, the remind command and the substitute card actions. */
export class ReminderHandlers {
  constructor(private readonly deps: { repo: ReminderRepository; calendar: CalendarService; clock: Clock; log: Logger }) {}

  /** installationUpdate: `add*` subscribes a network chat, `remove*` unsubscribes it (or the person). */
  async installationUpdate(context: TurnContext): Promise<void> {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('add')) await this.subscribeChannel(context);
    else if (action.startsWith('remove')) await this.unsubscribeHere(context);
  }

  /** conversationUpdate: the bot itself added to a team or group chat. */
  async membersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.subscribeChannel(context);
  }

  /** conversationUpdate: the bot itself removed. */
  async membersRemoved(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersRemoved?.some((m) => m.id === botId)) await this.unsubscribeHere(context);
  }

  private async subscribeChannel(context: TurnContext): Promise<void> {
    if (scopeOf(context) !== 'network') return;
    const info = turnInfo(context);
    const reference = storedReference(TurnContext.getConversationReference(context.activity));
    if (!reference) return;
    const key = channelKey(reference.conversationId);
    const existing = await this.deps.repo.subscription(key);
    const sub: Subscription = { key, kind: 'channel', tenantId: info.tenantId, reference: { ...reference, userId: undefined }, lang: info.lang, via: 'install', since: existing?.since ?? this.deps.clock.now() };
    await this.deps.repo.saveSubscription(sub);
    if (!existing) this.deps.log.info({ event: 'reminders.channelSubscribed', recipient: key }, 'network chat subscribed');
  }

  private async unsubscribeHere(context: TurnContext): Promise<void> {
    const a = context.activity;
    const key = scopeOf(context) === 'personal' ? (a.from?.aadObjectId ? personKey(a.from.aadObjectId) : undefined) : channelKey(a.conversation?.id ?? '');
    if (key && (await this.deps.repo.removeSubscription(key))) this.deps.log.info({ event: 'reminders.unsubscribed', recipient: key.slice(0, 2) }, 'uninstalled, unsubscribed');
  }

  /** `@Vuoro muistuta` / `muistuta pois`: personal opt-in and out; elsewhere explains where to do it. */
  async command(context: TurnContext, off: boolean): Promise<void> {
    const info = turnInfo(context);
    const userId = context.activity.from?.aadObjectId;
    if (scopeOf(context) !== 'personal' || !userId) {
      await context.sendActivity(t(info.lang, 'reminders.personalOnly'));
      return;
    }
    const key = personKey(userId);
    if (off) {
      await this.deps.repo.removeSubscription(key);
      await context.sendActivity(t(info.lang, 'reminders.unsubscribed'));
      return;
    }
    const reference = storedReference(TurnContext.getConversationReference(context.activity));
    const existing = await this.deps.repo.subscription(key);
    await this.deps.repo.saveSubscription({ key, kind: 'person', userId: userId.toLowerCase(), tenantId: info.tenantId, reference, lang: info.lang, via: 'command', since: existing?.since ?? this.deps.clock.now() });
    this.deps.log.info({ event: 'reminders.personSubscribed', via: 'command' }, 'person subscribed');
    await context.sendActivity(t(info.lang, 'reminders.subscribed'));
  }

  /** "I can't attend — I'll send a substitute": the form, for the person who pressed it. */
  async substitute(context: TurnContext, data: { workshopId?: unknown }): Promise<CardAnswer> {
    const lang = turnInfo(context).lang;
    const found = await this.deps.calendar.findWorkshop(String(data.workshopId ?? ''));
    return found ? substituteForm(lang, found.workshop) : t(lang, 'reminders.notFound');
  }

  /** Saves the answer from the form: a substitute (who covers) or attending after all. */
  async answer(context: TurnContext, status: 'attending' | 'substitute', data: { workshopId?: unknown; service?: unknown; substitute?: unknown }): Promise<CardAnswer> {
    const info = turnInfo(context);
    const found = await this.deps.calendar.findWorkshop(String(data.workshopId ?? ''));
    if (!found) return t(info.lang, 'reminders.notFound');
    const userId = context.activity.from?.aadObjectId?.toLowerCase();
    if (!userId) return t(info.lang, 'reminders.notFound');
    const entry = parseAttendance(userId, status, data, this.deps.clock.now());
    if (typeof entry === 'string') {
      const key = { service: 'reminders.errorService', substitute: 'reminders.errorSubstitute', self: 'reminders.errorSelf' }[entry];
      return substituteForm(info.lang, found.workshop, key);
    }
    await this.deps.repo.updateAttendance(found.workshop.id, (r) => recordAnswer(r, found.workshop.id, entry));
    this.deps.log.info({ event: 'reminders.attendance', workshopId: found.workshop.id, status, service: entry.service }, 'attendance recorded');
    return answerRecorded(info.lang, found.workshop, status, entry.service);
  }
}
