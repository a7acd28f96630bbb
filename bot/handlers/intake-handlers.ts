/**
 * Translates meeting starts, intake commands and intake card actions into domain calls and
 * cards. Meeting rules live in bot/domain/intake; this file only loads, saves and renders.
 */
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { Clock } from '../domain/ports';
import {
  MeetingSettings, StartTrigger, closeIntake, decideStart, invalidSetting, openIntake, planTime, recordAnswer, reopenIntake, tally,
} from '../domain/intake';
import { MeetingRecord, MeetingRepository } from '../adapters/repositories/meeting-repository';
import { CentreRepository } from '../adapters/repositories/centre-repository';
import { LatestOnlyQueue } from '../adapters/latest-only-queue';
import { IntakeCardModel, intakeCard } from '../cards/intake-card';
import { CardJson, card, paragraph } from '../cards/card-kit';
import { t } from '../i18n';
import { Logger, errorFields } from '../logger';
import { TurnInfo, isChair, turnInfo } from './turn-info';

/** What the intake handlers need. */
export interface IntakeDeps {
  meetings: MeetingRepository;
  centres: CentreRepository;
  clock: Clock;
  log: Logger;
}

/** Turn-state key of the centre settings read during one turn. */
const SETTINGS_KEY = Symbol('vuoro.centreSettings');

/** Handlers for the intake flow; app.ts registers them on routes. */
export class IntakeHandlers {
  private readonly cardUpdates = new LatestOnlyQueue();

  constructor(private readonly deps: IntakeDeps) {}

  /** meetingStart event or the `aloita` command: posts the intake card (once per meeting). */
  async start(context: TurnContext, trigger: StartTrigger): Promise<void> {
    const info = turnInfo(context);
    const now = this.deps.clock.now();
    let decision: ReturnType<typeof decideStart> = 'ignore';
    const record = await this.deps.meetings.update(info.meetingId, (current) => {
      decision = decideStart(current?.intake, now, trigger);
      if (decision === 'ignore') return undefined;
      const intake = decision === 'new' ? openIntake(info.meetingId, now, trigger === 'command' ? info.userId : undefined) : decision === 'reopen' ? reopenIntake(current!.intake) : current!.intake;
      return { meetingId: info.meetingId, address: info.address, lang: current && decision !== 'new' ? current.lang : info.lang, intake, intakeCardId: current?.intakeCardId, version: current?.version ?? 0 };
    });
    if (decision === 'ignore' || !record) return;
    const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await this.render(context, record))));
    await this.deps.meetings.update(info.meetingId, (current) => current && { ...current, intakeCardId: sent?.id ?? current.intakeCardId });
    this.deps.log.info({ event: 'intake.started', meetingId: info.meetingId, decision, trigger }, 'intake card posted');
  }

  /** An answer from the card: record it, update the card for all, return the personal card. */
  async answer(context: TurnContext, data: Record<string, unknown>): Promise<CardJson> {
    const info = turnInfo(context);
    if (!info.userId) {
      const record = await this.deps.meetings.get(info.meetingId);
      return record ? this.render(context, record, { errorKey: 'intake.error_no_user' }) : this.notRunningCard(info);
    }
    let errorKey: string | undefined;
    let refused: MeetingRecord | undefined;
    const updated = await this.deps.meetings.update(info.meetingId, (current) => {
      if (!current) return undefined;
      const result = recordAnswer(current.intake, info.userId!, { cases: data.cases, topics: data.topics, service: data.service }, this.deps.clock.now());
      if ('error' in result) {
        errorKey = `intake.error_${result.error}`;
        refused = current;
        return undefined;
      }
      errorKey = undefined;
      return { ...current, intake: result.state };
    });
    if (errorKey && refused) {
      this.deps.log.info({ event: 'intake.answer_refused', meetingId: info.meetingId, reason: errorKey }, 'answer refused');
      return this.render(context, refused, { errorKey, userId: info.userId });
    }
    if (!updated) return this.notRunningCard(info);
    this.deps.log.info({ event: 'intake.answered', meetingId: info.meetingId, people: Object.keys(updated.intake.answers).length }, 'answer recorded');
    await this.updateCardForAll(context, info.meetingId);
    return this.render(context, updated, { userId: info.userId });
  }

  /** The card's refresh (Universal Actions): the personal view for whoever looks. */
  async refresh(context: TurnContext): Promise<CardJson> {
    const info = turnInfo(context);
    const record = await this.deps.meetings.get(info.meetingId);
    return record ? this.render(context, record, { userId: info.userId }) : this.notRunningCard(info);
  }

  /** `sulje` or the card's close button; only the chair may close. */
  async close(context: TurnContext): Promise<string> {
    const info = turnInfo(context);
    const record = await this.deps.meetings.get(info.meetingId);
    const lang = record?.lang ?? info.lang;
    if (!record) return t(lang, 'intake.notRunning');
    if (record.intake.status === 'closed') return t(lang, 'intake.alreadyClosed');
    if (!(await isChair(context, info, record.intake.openedBy))) return t(lang, 'intake.chairOnly');
    await this.deps.meetings.update(info.meetingId, (current) => current && { ...current, intake: closeIntake(current.intake, this.deps.clock.now()) });
    await this.updateCardForAll(context, info.meetingId);
    this.deps.log.info({ event: 'intake.closed', meetingId: info.meetingId }, 'intake closed');
    return t(lang, 'intake.closedNotice');
  }

  /** The centre's meeting length, for the settings overview. */
  async describeLength(context: TurnContext): Promise<string> {
    const info = turnInfo(context);
    const { meeting } = await this.deps.centres.get(info.conversationId);
    return t(info.lang, 'intake.lengthCurrent', { minutes: meeting.meetingMinutes });
  }

  /** `kesto 90`: the centre's meeting length; refreshes a running intake's time plan. */
  async setLength(context: TurnContext, minutes: number | undefined): Promise<string> {
    const info = turnInfo(context);
    const record = await this.deps.meetings.get(info.meetingId);
    const lang = record?.lang ?? info.lang;
    if (minutes === undefined) return t(lang, 'intake.lengthInvalid');
    const current = await this.deps.centres.get(info.conversationId);
    const meeting = { ...current.meeting, meetingMinutes: minutes };
    if (invalidSetting(meeting)) return t(lang, 'intake.lengthInvalid');
    await this.deps.centres.update(info.conversationId, (c) => ({ ...c, meeting: { ...c.meeting, meetingMinutes: minutes } }));
    if (record?.intakeCardId && record.intake.status === 'open') await this.updateCardForAll(context, info.meetingId);
    return t(lang, 'intake.lengthSet', { minutes });
  }

  /** Updates the shared intake card in place with the newest stored state (the round closes intake through it). */
  async updateCardForAll(context: TurnContext, meetingId: string): Promise<void> {
    await this.cardUpdates.run(meetingId, async () => {
      const latest = await this.deps.meetings.get(meetingId);
      if (!latest?.intakeCardId) return;
      try {
        await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(await this.render(context, latest))), id: latest.intakeCardId });
      } catch (err) {
        // The answer is stored; the next update or refresh shows it. Never fail the person's turn for this.
        this.deps.log.warn({ event: 'intake.card_update_failed', meetingId, ...errorFields(err) }, 'card update failed');
      }
    });
  }

  /** The centre's meeting settings, read once per turn however many cards the turn renders. */
  private async settingsFor(context: TurnContext, conversationId: string): Promise<MeetingSettings> {
    const cached = context.turnState.get(SETTINGS_KEY) as Promise<MeetingSettings> | undefined;
    if (cached) return cached;
    const read = this.deps.centres.get(conversationId).then((c) => c.meeting);
    context.turnState.set(SETTINGS_KEY, read);
    return read;
  }

  private async render(context: TurnContext, record: MeetingRecord, personal?: { userId?: string; errorKey?: string }): Promise<CardJson> {
    const settings = await this.settingsFor(context, record.address.conversationId);
    const plan = planTime(record.intake, settings);
    const serviceOf = (userId: string) => record.intake.answers[userId]?.service ?? 'other';
    const model: IntakeCardModel = {
      lang: record.lang,
      meetingId: record.meetingId,
      open: record.intake.status === 'open',
      tally: tally(record.intake),
      plan,
      settings,
      deferrals: plan.deferrals.map((d) => ({ ...d, service: serviceOf(d.userId) })),
      personal: personal && {
        answer: personal.userId ? record.intake.answers[personal.userId] : undefined,
        deferral: plan.deferrals.find((d) => d.userId === personal.userId),
        errorKey: personal.errorKey,
      },
    };
    return intakeCard(model);
  }

  private notRunningCard(info: TurnInfo): CardJson {
    return card([paragraph(t(info.lang, 'intake.notRunning'))]);
  }
}
