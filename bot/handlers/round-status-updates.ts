/**
 * Keeps the round's status card current. Every proactive update goes through one durable job per
 * meeting (`round-status:<meetingId>`), due at the next moment that matters (domain cadence) and
 * never sooner than the posting budget after the last post; an instance claims the post with a
 * conditional write, so with two instances on one store each update is posted once.
 */
import { CardFactory, CloudAdapter, ConversationReference, MessageFactory, TargetedMeetingNotification, TeamsInfo, TurnContext } from 'botbuilder';
import { Clock, ConflictError } from '../domain/ports';
import { MIN_UPDATE_INTERVAL_MS, Round, nextUpdateAt, view } from '../domain/turn-order';
import { DueJob, DurableScheduler } from '../adapters/scheduler/durable-scheduler';
import { ChatAddress, MeetingRepository } from '../adapters/repositories/meeting-repository';
import { PostedMarker, RoundRecord, RoundRepository } from '../adapters/repositories/round-repository';
import { CardJson } from '../cards/card-kit';
import { roundStatusCard } from '../cards/round-status-card';
import { Lang, t } from '../i18n';
import { Logger, errorFields } from '../logger';

/** The scheduler job kind of status updates. */
export const ROUND_STATUS_JOB = 'round-status';

/** The job's payload: the round version it was scheduled for (for logs and to drop jobs of a replaced round). */
export interface RoundStatusPayload {
  version: number;
}

/** What the status updates need. */
export interface RoundStatusDeps {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  botAppId: string;
  meetings: MeetingRepository;
  rounds: RoundRepository;
  scheduler: DurableScheduler;
  clock: Clock;
  log: Logger;
  /** Base URL of this service: the "you're next" notification opens a page there. */
  publicBaseUrl: string;
  timeZone: string;
}

/**
 * When the status card must next be posted. The domain's cadence gives the moments; a change that
 * happened in the same millisecond as the last post (possible with a fake clock or a fast chair)
 * still counts as unseen, judged by version, and waits out the budget like any other.
 */
export function statusDueAt(round: Round, now: number, posted: PostedMarker | undefined): number | undefined {
  const due = nextUpdateAt(round, now, posted?.at);
  if (!posted || posted.version === round.version) return due;
  const unseenChange = Math.max(round.changedAt, posted.at + MIN_UPDATE_INTERVAL_MS);
  return due === undefined ? unseenChange : Math.min(due, unseenChange);
}

/** The Bot Framework reference to a stored chat address. */
export function referenceOf(address: ChatAddress): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: address.serviceUrl,
    conversation: { id: address.conversationId, tenantId: address.tenantId, isGroup: true, conversationType: 'groupChat', name: '' },
    bot: { id: address.botId, name: 'Vuoro' },
  };
}

/** Schedules and posts status card updates. */
export class RoundStatusUpdates {
  constructor(private readonly deps: RoundStatusDeps) {}

  /** Registers the job handler with the scheduler. */
  register(): void {
    this.deps.scheduler.register<RoundStatusPayload>(ROUND_STATUS_JOB, (job) => this.run(job));
  }

  /** The status card for a round, as everyone sees it now. */
  render(lang: Lang, record: RoundRecord, now: number, notice?: string): CardJson {
    const v = view(record.round, now);
    const mentionNext = v.next !== undefined && record.nextNotice?.userId === v.next.userId && record.nextNotice.via === 'mention';
    return roundStatusCard({ lang, view: v, mentionNext, timeZone: this.deps.timeZone, notice });
  }

  /** After any change: (re)schedules the meeting's status job at its next due time. */
  async scheduleFor(meetingId: string): Promise<void> {
    const record = await this.deps.rounds.get(meetingId);
    if (!record) return;
    const now = this.deps.clock.now();
    const due = statusDueAt(record.round, now, (await this.deps.rounds.posted(meetingId))?.value);
    if (due === undefined) return;
    await this.deps.scheduler.schedule<RoundStatusPayload>(ROUND_STATUS_JOB, meetingId, due, { version: record.round.version });
  }

  /** Records the card posted when the round started, so the budget counts from it. */
  async posted(meetingId: string, round: Round, at: number): Promise<void> {
    await this.deps.rounds.markPosted(meetingId, { at, version: round.version });
    await this.scheduleFor(meetingId);
  }

  private async run(job: DueJob<RoundStatusPayload>): Promise<void> {
    const meetingId = job.id;
    const record = await this.deps.rounds.get(meetingId);
    if (!record?.statusCardId || record.round.version < job.payload.version) return;
    const now = this.deps.clock.now();
    const previous = await this.deps.rounds.posted(meetingId);
    const due = statusDueAt(record.round, now, previous?.value);
    if (due === undefined) return;
    if (due > now) {
      await this.deps.scheduler.schedule<RoundStatusPayload>(ROUND_STATUS_JOB, meetingId, due, { version: record.round.version });
      return;
    }
    try {
      await this.deps.rounds.claimPost(meetingId, { at: now, version: record.round.version }, previous);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      await this.scheduleFor(meetingId); // another instance is posting; look again after its budget
      return;
    }
    const meeting = await this.deps.meetings.get(meetingId);
    if (!meeting) return;
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, referenceOf(meeting.address), async (context) => {
      const latest = await this.noticeNext(context, meeting.lang, record, now);
      await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(this.render(meeting.lang, latest, now))), id: record.statusCardId });
    });
    this.deps.log.info({ event: 'round.status_posted', meetingId, version: record.round.version, phase: record.round.phase }, 'status card updated');
    await this.scheduleFor(meetingId);
  }

  /**
   * Tells the next presenter they are next, once per presenter: a targeted in-meeting notification
   * where the app may send one, otherwise (403, no meeting) a mention on the status card.
   */
  private async noticeNext(context: TurnContext, lang: Lang, record: RoundRecord, now: number): Promise<RoundRecord> {
    const next = view(record.round, now).next;
    if (!next || record.nextNotice?.userId === next.userId) return record;
    const meetingId = record.round.meetingId;
    let via: 'notification' | 'mention' = 'mention';
    try {
      const participant = await TeamsInfo.getMeetingParticipant(context, meetingId, next.userId, context.activity.conversation?.tenantId);
      const notification: TargetedMeetingNotification = {
        type: 'targetedMeetingNotification',
        value: {
          recipients: [participant.user?.id ?? next.userId],
          surfaces: [{
            surface: 'meetingStage',
            contentType: 'task',
            content: { value: { height: 240, width: 400, title: t(lang, 'round.notification.title'), url: `${this.deps.publicBaseUrl}/round/next?lang=${lang}` } },
          }],
        },
      };
      await TeamsInfo.sendMeetingNotification(context, notification, meetingId);
      via = 'notification';
    } catch (err) {
      this.deps.log.info({ event: 'round.notification_failed', meetingId, ...errorFields(err) }, 'targeted notification failed; mentioning on the card');
    }
    const { record: updated } = await this.deps.rounds.update(meetingId, (current) =>
      current && current.round.startedAt === record.round.startedAt ? { ...current, nextNotice: { userId: next.userId, via } } : undefined,
    );
    return { ...record, nextNotice: updated?.nextNotice ?? { userId: next.userId, via } };
  }
}
