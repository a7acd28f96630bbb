/**
 * What the reminder feature stores. Records hold ids, times and counts only; never the text of a
 * chat message (the card text is rebuilt from the calendar at send time).
 */
import type { WorkshopSlot } from '../calendar/model';
import type { ServiceId } from '../intake/services';

/** Who receives reminders: a network channel or group chat, or one person who opted in. */
export type RecipientKind = 'channel' | 'person';

/**
 * A conversation reference reduced to ids and the service URL (names of people, teams and
 * channels are dropped before storing).
 */
export interface StoredReference {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  conversationType?: string;
  tenantId?: string;
  botId: string;
  userId?: string;
}

/** A subscription, stored under its recipient key. */
export interface Subscription {
  key: string;
  kind: RecipientKind;
  /** Entra object id of the person (personal subscriptions). */
  userId?: string;
  tenantId?: string;
  /** Absent for a person who opted in from the tab and never chatted with Vuoro. */
  reference?: StoredReference;
  lang: 'fi' | 'sv' | 'en';
  /** How it started: install, chat command or tab switch. */
  via: 'install' | 'command' | 'tab';
  since: number;
}

/** What a delivery carries: a reminder at one offset, or a notice that the workshop moved or was cancelled. */
export type DeliveryKind = 'reminder' | 'moved' | 'cancelled';

/** The outcome of one reminder moment (not per recipient). */
export type ReminderMarkState = 'scheduled' | 'fanned' | 'skipped' | 'obsolete' | 'superseded';

/** Stored per reminder moment so the plan is derived once and never re-sent. */
export interface ReminderMark {
  state: ReminderMarkState;
  workshopId: string;
  offset: string;
  dueAt: number;
  at: number;
  /** How many deliveries it fanned out to. */
  recipients?: number;
}

/** Stored per (reminder or notice, recipient): the exactly-once mark of one message. */
export interface DeliveryMark {
  state: 'pending' | 'sent' | 'gone' | 'failed';
  at: number;
}

/** Who has been reminded of a workshop, and at which slot, so a move or cancellation reaches them. */
export interface RemindedRecord {
  workshopId: string;
  slot: WorkshopSlot;
  recipients: string[];
  /** The workshop revision of the last change notice sent. */
  noticeRev?: number;
  cancelledNotice?: boolean;
}

/** One person's answer to the reminder: attending, or sending a substitute. Ids and a service only. */
export interface AttendanceEntry {
  userId: string;
  service: ServiceId;
  status: 'attending' | 'substitute';
  substituteUserId?: string;
  at: number;
}

/** All answers for one workshop, keyed by the answering person's id. */
export interface AttendanceRecord {
  workshopId: string;
  entries: Record<string, AttendanceEntry>;
}
