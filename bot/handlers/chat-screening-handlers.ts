/**
 * The safety net for the meeting chat: every message Vuoro receives (mentions, and with the
 * resource-specific permission every chat message and edit) is screened. On a finding the message
 * is blocked through Graph where the centre chose blocking and the permission exists; otherwise,
 * or when Graph fails, its sender and the chair are told privately. Only counts are kept.
 */
import { TurnContext } from 'botbuilder';
import { DEFAULT_SCREENING_MODE, ScreeningMode, ScreeningOutcome, safetyNetAction, typesFound } from '../domain/meeting-screening';
import { CentreRepository } from '../adapters/repositories/centre-repository';
import { MeetingRepository } from '../adapters/repositories/meeting-repository';
import { ScreeningRepository } from '../adapters/repositories/screening-repository';
import { BlockResult, GraphDlp, MessageLocation } from '../adapters/graph/dlp-client';
import { noticeUrl } from '../api/screening-notice-route';
import { t } from '../i18n';
import { Logger, errorFields } from '../logger';
import { MessageVerdict, isPersonalChat, mentionsBot, screenMessage } from './message-screening';
import { PrivateNotices } from './private-notices';
import { TurnInfo, turnInfo } from './turn-info';

/** What the safety net needs. */
export interface ChatScreeningDeps {
  centres: CentreRepository;
  meetings: MeetingRepository;
  screening: ScreeningRepository;
  notices: PrivateNotices;
  /** Present when Graph policy violations are configured. */
  dlp?: GraphDlp;
  publicBaseUrl: string;
  log: Logger;
}

/** What the command layer should do with a message after screening. */
export type MessageDisposition = 'act' | 'ignore' | 'refused';

/** The Graph address of the message in this activity, if it has one. */
export function messageLocation(context: TurnContext): MessageLocation | undefined {
  const a = context.activity;
  const messageId = a.id;
  if (!messageId) return undefined;
  const cd = (a.channelData ?? {}) as { team?: { aadGroupId?: string }; channel?: { id?: string } };
  if (a.conversation?.conversationType === 'channel') {
    const teamId = cd.team?.aadGroupId;
    const channelId = cd.channel?.id;
    if (!teamId || !channelId) return undefined;
    const parent = /;messageid=(\d+)/.exec(a.conversation.id ?? '')?.[1];
    return { kind: 'channel', teamId, channelId, messageId, parentId: parent };
  }
  const chatId = (a.conversation?.id ?? '').split(';')[0];
  return chatId ? { kind: 'chat', chatId, messageId } : undefined;
}

/** Screens chat messages and edits and acts on findings. */
export class ChatScreeningHandlers {
  private readonly chatNoticeSent = new WeakSet<TurnContext>();

  constructor(private readonly deps: ChatScreeningDeps) {}

  /**
   * A message activity: screened before anything else. Returns whether a command may be acted on
   * ('act'), the message was not for Vuoro ('ignore'), or it held identifiers ('refused').
   */
  async message(context: TurnContext): Promise<MessageDisposition> {
    const personal = isPersonalChat(context);
    const addressed = personal || mentionsBot(context.activity);
    const info = turnInfo(context);
    const mode = personal ? 'off' : (await this.deps.centres.get(info.conversationId)).screening ?? DEFAULT_SCREENING_MODE;
    if (!addressed && mode === 'off') return 'ignore';
    const verdict = screenMessage(context.activity);
    if (!verdict.flagged) {
      await this.count(info, verdict, 'clean');
      return addressed ? 'act' : 'ignore';
    }
    if (personal) {
      await context.sendActivity(this.refusalText(info, verdict));
      await this.count(info, verdict, 'stopped');
      return 'refused';
    }
    const outcome = await this.safetyNet(context, info, verdict, mode, addressed);
    await this.count(info, verdict, addressed && outcome === 'ignored' ? 'stopped' : outcome);
    return addressed ? 'refused' : 'ignore';
  }

  /** A messageUpdate (edit or undelete): screened like a new message, never a command. */
  async edit(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    const mode = (await this.deps.centres.get(info.conversationId)).screening ?? DEFAULT_SCREENING_MODE;
    if (mode === 'off' || isPersonalChat(context)) return;
    const verdict = screenMessage(context.activity);
    const outcome = verdict.flagged ? await this.safetyNet(context, info, verdict, mode, false) : 'clean';
    await this.count(info, verdict, outcome);
  }

  private sender(context: TurnContext) {
    return { mri: context.activity.from?.id ?? '', aadObjectId: context.activity.from?.aadObjectId };
  }

  /**
   * Blocks (where chosen and possible) or warns. The Graph call goes first so the message is hidden
   * as soon as possible; a refused mention always tells its sender, whatever the setting.
   */
  private async safetyNet(context: TurnContext, info: TurnInfo, verdict: MessageVerdict, mode: ScreeningMode, refusal: boolean): Promise<ScreeningOutcome> {
    const action = safetyNetAction(mode, Boolean(this.deps.dlp));
    const types = typesFound(verdict.found);
    let outcome: ScreeningOutcome = action === 'none' ? 'ignored' : 'warned';
    if (action === 'block' && (await this.block(context, info, types))?.ok) outcome = 'blocked';
    if (refusal || outcome === 'warned') await this.tellSender(context, info, verdict, refusal);
    if (outcome === 'warned') await this.warnChair(context, info, types);
    return outcome;
  }

  private refusalText(info: TurnInfo, verdict: MessageVerdict): string {
    const types = typesFound(verdict.found).map((x) => t(info.lang, `screening.type.${x}`)).join(', ');
    return t(info.lang, 'screening.mention.refused', { types });
  }

  private async block(context: TurnContext, info: TurnInfo, types: readonly string[]): Promise<BlockResult | undefined> {
    const loc = messageLocation(context);
    if (!loc || !this.deps.dlp) return undefined;
    const started = Date.now();
    const result = await this.deps.dlp.block(info.tenantId, loc, {
      generalText: t(info.lang, 'screening.policyTip'),
      complianceUrl: noticeUrl(this.deps.publicBaseUrl, info.lang, 'policy'),
      matchedConditionDescriptions: types.map((x) => t(info.lang, `screening.type.${x}`)),
    });
    const fields = { event: result.ok ? 'screening.blocked' : 'screening.block_failed', meetingId: info.meetingId, attempts: result.attempts, ms: Date.now() - started };
    if (result.ok) this.deps.log.info(fields, 'message blocked');
    else this.deps.log.warn({ ...fields, reason: result.reason, status: result.status }, 'blocking failed; warning instead');
    return result;
  }

  /** Privately where possible; otherwise in the chat, still without quoting anything. */
  private async tellSender(context: TurnContext, info: TurnInfo, verdict: MessageVerdict, refusal: boolean): Promise<void> {
    const route = await this.deps.notices.send(context, info, this.sender(context), { kind: 'sender', lang: info.lang, types: typesFound(verdict.found) });
    if (route !== 'none') return;
    if (!refusal) return this.chatNotice(context, info);
    this.chatNoticeSent.add(context); // the refusal in the chat serves as the notice
    await context.sendActivity(this.refusalText(info, verdict));
  }

  private async warnChair(context: TurnContext, info: TurnInfo, types: readonly string[]): Promise<void> {
    const record = await this.deps.meetings.get(info.meetingId);
    const chair = await this.deps.notices.chair(context, info, record?.intake.openedBy);
    if (chair && chair.mri === context.activity.from?.id) return; // the sender is the chair and has been told
    const route = chair ? await this.deps.notices.send(context, info, chair, { kind: 'chair', lang: record?.lang ?? info.lang, types }) : 'none';
    if (route === 'none') await this.chatNotice(context, info);
  }


  /** The last resort: a notice in the chat itself, naming nobody and quoting nothing (once per turn). */
  private async chatNotice(context: TurnContext, info: TurnInfo): Promise<void> {
    if (this.chatNoticeSent.has(context)) return;
    this.chatNoticeSent.add(context);
    await context.sendActivity(t(info.lang, 'screening.notice.chat')).catch((err) => this.deps.log.warn({ event: 'screening.chat_notice_failed', meetingId: info.meetingId, ...errorFields(err) }, 'chat notice failed'));
  }

  private async count(info: TurnInfo, verdict: MessageVerdict, outcome: ScreeningOutcome): Promise<void> {
    try {
      const counts = await this.deps.screening.record(info.meetingId, verdict.found, outcome);
      if (verdict.flagged && counts) {
        this.deps.log.info({ event: 'screening.flagged', meetingId: info.meetingId, outcome, found: typesCount(verdict), totals: { screened: counts.screened, flagged: counts.flagged, blocked: counts.blocked, warned: counts.warned, stopped: counts.stopped } }, 'identifiers found');
      }
    } catch (err) {
      this.deps.log.warn({ event: 'screening.count_failed', meetingId: info.meetingId, ...errorFields(err) }, 'count not stored');
    }
  }
}

function typesCount(verdict: MessageVerdict): Record<string, number> {
  return Object.fromEntries(Object.entries(verdict.found).filter(([, n]) => n > 0));
}
