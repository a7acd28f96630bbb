/**
 * Per-meeting state, keyed by the Teams meeting id. Holds ids, counts and the language; never
 * message text. Every change is a conditional write, so concurrent answers and two instances
 * never lose an update.
 */
import { StateStore } from '../../domain/ports';
import { IntakeState } from '../../domain/intake';
import { Lang } from '../../i18n';
import { updateWithRetry } from '../storage/update-with-retry';

/** Where to reach a meeting's chat again (a Bot Framework conversation reference, ids only). */
export interface ChatAddress {
  serviceUrl: string;
  conversationId: string;
  tenantId?: string;
  botId: string;
}

/** The stored record of one meeting. */
export interface MeetingRecord {
  meetingId: string;
  address: ChatAddress;
  lang: Lang;
  intake: IntakeState;
  /** Activity id of the intake card in the chat, for in-place updates. */
  intakeCardId?: string;
  /** Bumped on every change; lets a card update tell whether it is showing the latest state. */
  version: number;
}

/** Reads and updates meeting records. */
export class MeetingRepository {
  constructor(private readonly store: StateStore) {}

  private key(meetingId: string): string {
    return `meeting:${meetingId}`;
  }

  /** The record, if the meeting has one. */
  async get(meetingId: string): Promise<MeetingRecord | undefined> {
    return (await this.store.get<MeetingRecord>(this.key(meetingId)))?.value;
  }

  /**
   * Applies `fn` with optimistic retry. `fn` must be pure; it returns the new record, or
   * undefined to leave the record as it is (nothing is written then).
   */
  async update(
    meetingId: string,
    fn: (current: MeetingRecord | undefined) => MeetingRecord | undefined,
  ): Promise<MeetingRecord | undefined> {
    try {
      const written = await updateWithRetry<MeetingRecord>(this.store, this.key(meetingId), (current) => {
        const next = fn(current);
        if (next === undefined) throw new NoChange(current);
        return { ...next, version: (current?.version ?? 0) + 1 };
      });
      return written.value;
    } catch (err) {
      if (err instanceof NoChange) return err.current;
      throw err;
    }
  }
}

/** Thrown out of the update function to leave the record unwritten. */
class NoChange {
  constructor(readonly current: MeetingRecord | undefined) {}
}
