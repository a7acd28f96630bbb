/**
 * Translates the round's buttons, commands and the meeting's end into turn-order calls. The rules
 * (fair time, who may be moved, what "done" means) live in bot/domain/turn-order; this file checks
 * who is asking, saves with optimistic retry, and hands every card update for all to the scheduler.
 */
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { Clock } from '../domain/ports';
import { closeIntake } from '../domain/intake';
import { Round, RoundAction, RoundError, applyAction, isChairAction, startRound, summarise, toStatsRecord } from '../domain/turn-order';
import { MeetingRecord, MeetingRepository } from '../adapters/repositories/meeting-repository';
import { CentreRepository } from '../adapters/repositories/centre-repository';
import { RoundRecord, RoundRepository } from '../adapters/repositories/round-repository';
import { StatsRepository } from '../adapters/repositories/stats-repository';
import { CardJson } from '../cards/card-kit';
import { ROUND_VERBS } from '../cards/round-status-card';
import { roundSummaryCard } from '../cards/round-summary-card';
import { Lang, t } from '../i18n';
import { Logger } from '../logger';
import { IntakeHandlers } from './intake-handlers';
import { RoundStatusUpdates } from './round-status-updates';
import { isChair, turnInfo } from './turn-info';
import { ScreeningRepository } from '../adapters/repositories/screening-repository';

/** What the round handlers need. */
export interface RoundDeps {
  meetings: MeetingRepository;
  centres: CentreRepository;
  rounds: RoundRepository;
  stats: StatsRepository;
  status: RoundStatusUpdates;
  intake: IntakeHandlers;
  clock: Clock;
  log: Logger;
  /** Zone whose calendar day a meeting's statistics belong to. */
  timeZone: string;
  /** Screening counts of the meeting, for the summary. */
  screening?: ScreeningRepository;
}

const VERB_ACTIONS: Record<string, RoundAction> = {
  [ROUND_VERBS.finish]: 'finish',
  [ROUND_VERBS.next]: 'next',
  [ROUND_VERBS.pause]: 'pause',
  [ROUND_VERBS.resume]: 'resume',
  [ROUND_VERBS.extend]: 'extend',
  [ROUND_VERBS.skip]: 'skip',
  [ROUND_VERBS.defer]: 'defer',
  [ROUND_VERBS.moveUp]: 'moveUp',
  [ROUND_VERBS.moveDown]: 'moveDown',
  [ROUND_VERBS.end]: 'end',
};

/** Posts a card to the meeting chat. */
export type SendCard = (card: CardJson) => Promise<unknown>;

/** A card in the chat of `context`'s conversation. */
export function sendTo(context: TurnContext): SendCard {
  return (card) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** One round action, wherever it was pressed: the status card in the chat or the tab. */
export interface RoundActionRequest {
  meetingId: string;
  userId: string | undefined;
  action: RoundAction;
  /** The round version the asker saw; undefined acts on the current round. */
  version?: number;
  /** The presenter acted on by skip, defer, moveUp and moveDown. */
  target?: string;
  /** The chair rule for this asker; `openedBy` started the round (or opened the intake). */
  isChair(openedBy: string | undefined): Promise<boolean>;
  /** Posts to the meeting chat (the summary, when the action ends the round). */
  send: SendCard;
}

/** What came of a round action: the changed round, a refusal of the asker, or the domain's error. */
export type RoundActionOutcome = { lang?: Lang } & (
  | { record: RoundRecord }
  | { refused: 'notRunning' | 'chairOnly' | 'not_presenter' }
  | { error: RoundError | 'stale'; record?: RoundRecord }
);

/** Handlers for the consultation round; app.ts registers them on routes. */
export class RoundHandlers {
  constructor(private readonly deps: RoundDeps) {}

  /**
   * "Aloita kierros" on the intake card or `@Vuoro kierros`: closes the intake and posts the status
   * card. Returns the message for whoever asked and whether the round started.
   */
  async start(context: TurnContext): Promise<{ message: string; started: boolean }> {
    const refused = (message: string) => ({ message, started: false });
    const info = turnInfo(context);
    const meeting = await this.deps.meetings.get(info.meetingId);
    const lang = meeting?.lang ?? info.lang;
    if (!meeting) return refused(t(lang, 'round.noIntake'));
    if (!(await isChair(context, info, meeting.intake.openedBy))) return refused(t(lang, 'round.chairOnly'));
    const existing = await this.deps.rounds.get(info.meetingId);
    if (existing && existing.round.phase !== 'ended') return refused(t(lang, 'round.alreadyRunning'));
    const now = this.deps.clock.now();
    const closed = await this.deps.meetings.update(info.meetingId, (c) => (c && c.intake.status === 'open' ? { ...c, intake: closeIntake(c.intake, now) } : undefined));
    if (meeting.intake.status === 'open') await this.deps.intake.updateCardForAll(context, info.meetingId);
    const { meeting: settings } = await this.deps.centres.get(meeting.address.conversationId);
    const result = startRound(closed!.intake, settings, closed!.intake.openedAt, now, info.userId);
    if ('error' in result) return refused(t(lang, `round.errors.${result.error}`));
    const round = result.round;
    const { written } = await this.deps.rounds.update(info.meetingId, (current) => (current && current.round.phase !== 'ended' ? undefined : { round }));
    if (!written) return refused(t(lang, 'round.alreadyRunning'));
    const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(this.deps.status.render(lang, { round }, now))));
    await this.deps.rounds.update(info.meetingId, (c) => (c && c.round.startedAt === round.startedAt ? { ...c, statusCardId: sent?.id } : undefined));
    await this.deps.status.posted(info.meetingId, round, now);
    this.deps.log.info({ event: 'round.started', meetingId: info.meetingId, presenters: round.turns.length }, 'round started');
    return { message: t(lang, 'round.started'), started: true };
  }

  /** A status card button: checks the role and the card's version, applies the action, returns the fresh card. */
  async action(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<CardJson | string> {
    if (verb === ROUND_VERBS.start) return (await this.start(context)).message;
    const info = turnInfo(context);
    const requested = VERB_ACTIONS[verb];
    const outcome = requested
      ? await this.act({
          meetingId: info.meetingId,
          userId: info.userId,
          action: requested,
          version: data.version === undefined ? undefined : Number(data.version),
          target: typeof data.userId === 'string' ? data.userId : undefined,
          isChair: (openedBy) => isChair(context, info, openedBy),
          send: sendTo(context),
        })
      : { refused: 'notRunning' as const };
    const lang = outcome.lang ?? info.lang;
    const now = this.deps.clock.now();
    if ('refused' in outcome) return t(lang, outcome.refused === 'not_presenter' ? 'round.errors.not_presenter' : `round.${outcome.refused}`);
    if ('error' in outcome) {
      const notice = outcome.error === 'stale' ? t(lang, 'round.staleCard') : t(lang, `round.errors.${outcome.error}`);
      return outcome.record ? this.deps.status.render(lang, outcome.record, now, notice) : notice;
    }
    return this.deps.status.render(lang, outcome.record, now);
  }

  /**
   * One round action, from the chat card or the tab: checks the role, applies it to the stored round
   * with optimistic retry, and updates the status card for all (and posts the summary at the end).
   */
  async act(request: RoundActionRequest): Promise<RoundActionOutcome> {
    const { meetingId, userId } = request;
    const [record, meeting] = await Promise.all([this.deps.rounds.get(meetingId), this.deps.meetings.get(meetingId)]);
    if (!record || !meeting) return { refused: 'notRunning', lang: meeting?.lang };
    const lang = meeting.lang;
    const now = this.deps.clock.now();
    const chair = () => request.isChair(record.round.startedBy ?? meeting.intake.openedBy);
    let action = request.action;
    if (action === 'finish' && !this.isPresenting(record.round, userId)) {
      if (!(await chair())) return { refused: 'not_presenter', lang };
      action = 'next'; // the chair's Done moves on for the presenter
    } else if (isChairAction(action) && !(await chair())) {
      this.deps.log.info({ event: 'round.refused', meetingId, action }, 'not the chair');
      return { refused: 'chairOnly', lang };
    }
    // The presenter's own Done cannot be pressed twice by mistake (the domain checks who presents),
    // so it works from a card a few seconds old; everything else must come from the newest card.
    const version = action === 'finish' ? undefined : request.version;
    const target = action === 'finish' ? (userId ?? '') : (request.target ?? '');
    const outcome = await this.apply(meetingId, action, now, target, version);
    if (outcome.error) return { error: outcome.error, record: outcome.record, lang };
    await this.afterChange(request.send, meeting, outcome.record!, now);
    return { record: outcome.record!, lang };
  }

  /** `@Vuoro lopeta`: the chair ends the round; the summary follows. */
  async endCommand(context: TurnContext): Promise<string | undefined> {
    const info = turnInfo(context);
    const [record, meeting] = await Promise.all([this.deps.rounds.get(info.meetingId), this.deps.meetings.get(info.meetingId)]);
    const lang = meeting?.lang ?? info.lang;
    if (!record || !meeting || record.round.phase === 'ended') return t(lang, 'round.notRunning');
    if (!(await isChair(context, info, record.round.startedBy ?? meeting.intake.openedBy))) return t(lang, 'round.chairOnly');
    const now = this.deps.clock.now();
    const outcome = await this.apply(info.meetingId, 'end', now, '');
    if (outcome.record) await this.afterChange(sendTo(context), meeting, outcome.record, now);
    return undefined;
  }

  /** meetingEnd from Teams: a running round ends; the summary is posted once. */
  async meetingEnded(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    const [record, meeting] = await Promise.all([this.deps.rounds.get(info.meetingId), this.deps.meetings.get(info.meetingId)]);
    if (!record || !meeting) return;
    const now = this.deps.clock.now();
    const outcome = record.round.phase === 'ended' ? { record } : await this.apply(info.meetingId, 'end', now, '');
    if (outcome.record) await this.afterChange(sendTo(context), meeting, outcome.record, now);
  }

  private isPresenting(round: Round, userId: string | undefined): boolean {
    return round.current !== undefined && userId !== undefined && round.turns[round.current].userId === userId;
  }

  /** Applies the action to the stored round with optimistic retry; a version mismatch is 'stale'. */
  private async apply(meetingId: string, action: RoundAction, now: number, target: string, version?: number): Promise<{ record?: RoundRecord; error?: RoundError | 'stale' }> {
    let error: RoundError | 'stale' | undefined;
    const { record } = await this.deps.rounds.update(meetingId, (current) => {
      error = undefined;
      if (!current) return undefined;
      if (version !== undefined && version !== current.round.version) {
        error = 'stale';
        return undefined;
      }
      const result = applyAction(current.round, action, now, target);
      if ('error' in result) {
        error = result.error;
        return undefined;
      }
      return { ...current, round: result.round };
    });
    if (!error) this.deps.log.info({ event: 'round.changed', meetingId, action, version: record?.round.version }, 'round changed');
    return { record, error };
  }

  /** Schedules the card update for all and, when the round has ended, posts the summary and keeps the statistics. */
  private async afterChange(send: SendCard, meeting: MeetingRecord, record: RoundRecord, now: number): Promise<void> {
    await this.deps.status.scheduleFor(meeting.meetingId);
    if (record.round.phase !== 'ended') return;
    const { written } = await this.deps.rounds.update(meeting.meetingId, (c) =>
      c && c.round.phase === 'ended' && c.summaryPostedAt === undefined && c.round.startedAt === record.round.startedAt ? { ...c, summaryPostedAt: now } : undefined,
    );
    if (!written) return;
    const round = record.round;
    await this.deps.stats.add(meeting.address.conversationId, meeting.meetingId, round.startedAt, toStatsRecord(round, now, this.deps.timeZone));
    const summary = summarise(round, now);
    const screening = await this.deps.screening?.screeningCounts(meeting.meetingId);
    await send(roundSummaryCard({ lang: meeting.lang as Lang, summary, screening }));
    this.deps.log.info({ event: 'round.summary_posted', meetingId: meeting.meetingId, consulted: summary.consulted.cases + summary.consulted.topics }, 'summary posted');
  }
}
