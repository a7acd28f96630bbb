/**
 * The running order of one meeting and when its status card was last posted, each under its own
 * key: the round changes on button presses, the posting marker on scheduled updates, and keeping
 * them apart means neither write races the other.
 */
import { CREATE_ONLY, StateStore, Stored } from '../../domain/ports';
import { Round } from '../../domain/turn-order';
import { updateWithRetry } from '../storage/update-with-retry';

/** How the next presenter was told they are next. */
export interface NextNotice {
  userId: string;
  via: 'notification' | 'mention';
}

/** The stored round of one meeting: ids, counts and times only. */
export interface RoundRecord {
  round: Round;
  /** Activity id of the status card in the meeting chat, for in-place updates. */
  statusCardId?: string;
  nextNotice?: NextNotice;
  /** Set by whoever posted the summary, so it is posted once. */
  summaryPostedAt?: number;
}

/** When the status card was last posted and which round version it showed. */
export interface PostedMarker {
  at: number;
  version: number;
}

/** Reads and writes round records and posting markers. */
export class RoundRepository {
  constructor(private readonly store: StateStore) {}

  private key(meetingId: string): string {
    return `round:${meetingId}`;
  }

  private postedKey(meetingId: string): string {
    return `round-posted:${meetingId}`;
  }

  /** The meeting's round, if one was started. */
  async get(meetingId: string): Promise<RoundRecord | undefined> {
    return (await this.store.get<RoundRecord>(this.key(meetingId)))?.value;
  }

  /**
   * Applies the pure `fn` with optimistic retry; `fn` returns undefined to leave the record as it
   * is. Returns the stored record and whether this call wrote it.
   */
  async update(meetingId: string, fn: (current: RoundRecord | undefined) => RoundRecord | undefined): Promise<{ record: RoundRecord | undefined; written: boolean }> {
    let unchanged: { value: RoundRecord | undefined } | undefined;
    try {
      const written = await updateWithRetry<RoundRecord>(this.store, this.key(meetingId), (current) => {
        const next = fn(current);
        unchanged = next === undefined ? { value: current } : undefined;
        if (next === undefined) throw unchanged;
        return next;
      });
      return { record: written.value, written: true };
    } catch (err) {
      if (unchanged !== undefined && err === unchanged) return { record: unchanged.value, written: false };
      throw err;
    }
  }

  /** The posting marker with its eTag, for a conditional claim. */
  async posted(meetingId: string): Promise<Stored<PostedMarker> | undefined> {
    return this.store.get<PostedMarker>(this.postedKey(meetingId));
  }

  /**
   * Claims the right to post now: a conditional write against the marker read before, so of two
   * instances only one posts. Throws ConflictError when another got there first.
   */
  async claimPost(meetingId: string, marker: PostedMarker, previous: Stored<PostedMarker> | undefined): Promise<void> {
    await this.store.put(this.postedKey(meetingId), marker, previous ? previous.eTag : CREATE_ONLY);
  }

  /** Records a post made outside the scheduler (the status card posted when the round starts). */
  async markPosted(meetingId: string, marker: PostedMarker): Promise<void> {
    await this.store.put(this.postedKey(meetingId), marker);
  }
}
