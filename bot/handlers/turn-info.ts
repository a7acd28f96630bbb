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
  return isChairOf(context, { ...info, aadObjectId: context.activity.from?.aadObjectId }, openedBy);
}

/** Who asks, wherever they asked from: a chat activity or the tab (there the turn is a proactive one). */
export interface Asker {
  meetingId: string;
  inMeeting: boolean;
  tenantId: string | undefined;
  userId: string | undefined;
  /** Entra object id, for the meeting role look-up. */
  aadObjectId: string | undefined;
}

/** The chair rule of isChair for an asker who need not be the activity's sender. */
export async function isChairOf(context: TurnContext, asker: Asker, openedBy: string | undefined): Promise<boolean> {
  if (asker.userId && asker.userId === openedBy) return true;
  if (!asker.inMeeting || !asker.aadObjectId) return !asker.inMeeting;
  try {
    const participant = await TeamsInfo.getMeetingParticipant(context, asker.meetingId, asker.aadObjectId, asker.tenantId);
    const role = participant.meeting?.role ?? '';
    return role === 'Organizer' || role === 'Presenter';
  } catch {
    return false;
  }
}
