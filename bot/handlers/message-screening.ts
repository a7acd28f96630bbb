/**
 * Screens what a Teams message activity says (its text and any HTML rendering of it) and keeps
 * only counts per type. The text itself goes no further than this function.
 */
import { Activity, TurnContext } from 'botbuilder';
import { screen, summarise, type FindingType } from '../domain/screening';

/** Per-type counts of what a message holds, and whether it holds anything. */
export interface MessageVerdict {
  found: Record<FindingType, number>;
  flagged: boolean;
}

/** Screens the activity's text and text/html attachments. */
export function screenMessage(activity: Partial<Activity>): MessageVerdict {
  const parts: string[] = [];
  if (typeof activity.text === 'string') parts.push(activity.text);
  for (const a of activity.attachments ?? []) {
    if (a.contentType === 'text/html' && typeof a.content === 'string') parts.push(a.content);
  }
  // The HTML rendering repeats the text; counting both would double every finding, so take the larger count per type.
  const found = summarise([]);
  for (const part of parts) {
    const counts = summarise(screen(part));
    for (const type of Object.keys(counts) as FindingType[]) found[type] = Math.max(found[type], counts[type]);
  }
  return { found, flagged: Object.values(found).some((n) => n > 0) };
}

/** True when the activity @mentions the bot itself (not someone else). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

/** A one-to-one chat with the bot, where every message is addressed to it. */
export function isPersonalChat(context: TurnContext): boolean {
  const c = context.activity.conversation;
  return c?.conversationType === 'personal' || (!c?.isGroup && c?.conversationType !== 'channel' && c?.conversationType !== 'groupChat');
}
