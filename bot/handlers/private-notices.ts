/**
 * Telling one person something privately, as far as Teams allows: a targeted in-meeting
 * notification (a small page only they see), else a one-to-one chat where Vuoro is installed for
 * them. Notices name finding types only, never what was written.
 */
import { Activity, ConversationParameters, TeamsInfo, TurnContext } from 'botbuilder';
import { Lang, t } from '../i18n';
import { Logger, errorFields } from '../logger';
import { noticeUrl } from '../api/screening-notice-route';
import { TurnInfo } from './turn-info';

/** The part of the turn's Bot Connector client used here. */
interface ConnectorConversations {
  conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id: string }>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
  };
}

/** How a notice reached its person. */
export type NoticeRoute = 'meeting_notification' | 'personal_chat' | 'none';

/** Someone to tell: their Teams user id (29:…), and Entra object id when known. */
export interface Recipient {
  mri: string;
  aadObjectId?: string;
}

/** The notice: an i18n key under screening.notice and the finding types it concerns. */
export interface Notice {
  kind: 'sender' | 'senderBlocked' | 'chair';
  lang: Lang;
  types: readonly string[];
}

/** Sends private notices; the route each took is returned for the counts and logs. */
export class PrivateNotices {
  constructor(private readonly deps: { publicBaseUrl: string; log: Logger }) {}

  /** Tries the in-meeting notification, then the one-to-one chat. */
  async send(context: TurnContext, info: TurnInfo, to: Recipient, notice: Notice): Promise<NoticeRoute> {
    const typeNames = notice.types.map((x) => t(notice.lang, `screening.type.${x}`)).join(', ');
    if (info.inMeeting) {
      try {
        await TeamsInfo.sendMeetingNotification(context, {
          type: 'targetedMeetingNotification',
          value: {
            recipients: [to.mri],
            surfaces: [{
              surface: 'meetingStage',
              contentType: 'task',
              content: { value: { height: 240, width: 400, title: t(notice.lang, 'screening.notice.title'), url: noticeUrl(this.deps.publicBaseUrl, notice.lang, notice.kind, notice.types) } },
            }],
          },
        }, info.meetingId);
        return 'meeting_notification';
      } catch (err) {
        this.deps.log.info({ event: 'screening.notice_route_failed', route: 'meeting_notification', meetingId: info.meetingId, ...errorFields(err) }, 'targeted notification failed');
      }
    }
    try {
      const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
      if (!client) return 'none';
      const created = await client.conversations.createConversation({
        isGroup: false,
        bot: context.activity.recipient,
        members: [{ id: to.mri, name: '' }],
        tenantId: info.tenantId,
        channelData: { tenant: { id: info.tenantId } },
      });
      await client.conversations.sendToConversation(created.id, { type: 'message', text: t(notice.lang, `screening.notice.${notice.kind}`, { types: typeNames }), locale: notice.lang });
      return 'personal_chat';
    } catch (err) {
      this.deps.log.info({ event: 'screening.notice_route_failed', route: 'personal_chat', meetingId: info.meetingId, ...errorFields(err) }, 'one-to-one chat failed');
      return 'none';
    }
  }

  /** The chair to tell: whoever opened intake, else the meeting organiser Teams reports. */
  async chair(context: TurnContext, info: TurnInfo, openedBy: string | undefined): Promise<Recipient | undefined> {
    if (!info.inMeeting) return undefined;
    try {
      if (openedBy) {
        const p = await TeamsInfo.getMeetingParticipant(context, info.meetingId, openedBy, info.tenantId);
        if (p.user?.id) return { mri: p.user.id, aadObjectId: openedBy };
      }
      const meeting = await TeamsInfo.getMeetingInfo(context, info.meetingId);
      const organizer = meeting.organizer as { id?: string; aadObjectId?: string } | undefined;
      return organizer?.id ? { mri: organizer.id, aadObjectId: organizer.aadObjectId } : undefined;
    } catch (err) {
      this.deps.log.info({ event: 'screening.chair_lookup_failed', meetingId: info.meetingId, ...errorFields(err) }, 'chair look-up failed');
      return undefined;
    }
  }
}
