/**
 * Reads the ids a handler needs from a Teams activity: the meeting (channelData.meeting.id, not
 * the conversation id), the chat, the person (Entra object id) and the language.
 */
import { TeamsInfo, TurnContext } from 'botbuilder';
import { Lang, langFromLocale } from '../i18n';
import { ChatAddress } from '../adapters/repositories/meeting-repository';

/** Ids of one turn. `meetingId` falls back to the chat id outside meetings (group chats). */
export interface TurnInfo {
  meetingId: string;
  inMeeting: boolean;
  conversationId: string;
  userId: string | undefined;
  tenantId: string | undefined;
  lang: Lang;
  address: ChatAddress;
}

/** Extracts TurnInfo; missing optional parts become undefined, never an exception. */
export function turnInfo(context: TurnContext): TurnInfo {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as { meeting?: { id?: string }; tenant?: { id?: string } };
  const conversationId = a.conversation?.id ?? '';
  const meetingId = channelData.meeting?.id || conversationId;
  const tenantId = channelData.tenant?.id ?? a.conversation?.tenantId;
  return {
    meetingId,
    inMeeting: Boolean(channelData.meeting?.id),
    conversationId,
    userId: a.from?.aadObjectId || a.from?.id || undefined,
    tenantId,
    lang: langFromLocale(a.locale),
    address: { serviceUrl: a.serviceUrl, conversationId, tenantId, botId: a.recipient?.id ?? '' },
  };
}

/**
 * The chair is whoever opened the intake, or a meeting organiser or presenter as Teams reports
 * them. A failed look-up means "not the chair": refusing is safer than letting anyone steer.
 */
export async function isChair(context: TurnContext, info: TurnInfo, openedBy: string | undefined): Promise<boolean> {
  if (info.userId && info.userId === openedBy) return true;
  if (!info.inMeeting || !context.activity.from?.aadObjectId) return !info.inMeeting;
  try {
    const participant = await TeamsInfo.getMeetingParticipant(context, info.meetingId, context.activity.from.aadObjectId, info.tenantId);
    const role = participant.meeting?.role ?? '';
    return role === 'Organizer' || role === 'Presenter';
  } catch {
    return false;
  }
}
