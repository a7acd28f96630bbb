/**
 * Per-meeting screening counts under `screening:<meetingId>`: numbers only (and, for numbering
 * shared cases, how many each presenter has shared, keyed by Entra object id). Never text.
 */
import { StateStore } from '../../domain/ports';
import { ScreeningCounts, ScreeningOutcome, addScreening, emptyCounts } from '../../domain/meeting-screening';
import type { FindingType } from '../../domain/screening';
import { updateWithRetry } from '../storage/update-with-retry';

/** The stored record. */
export interface ScreeningRecord {
  counts: ScreeningCounts;
  /** Cases shared through the dialog per presenter, for their place in the day's order. */
  shared: Record<string, number>;
}

/** Reads and adds to a meeting's screening counts. */
export class ScreeningRepository {
  constructor(private readonly store: StateStore) {}

  private key(meetingId: string): string {
    return `screening:${meetingId}`;
  }

  /** The meeting's counts (zeros when nothing was screened); the end-of-meeting summary reads this. */
  async screeningCounts(meetingId: string): Promise<ScreeningCounts> {
    return (await this.store.get<ScreeningRecord>(this.key(meetingId)))?.value.counts ?? emptyCounts();
  }

  /** How many cases `userId` has shared in this meeting. */
  async sharedBy(meetingId: string, userId: string): Promise<number> {
    return (await this.store.get<ScreeningRecord>(this.key(meetingId)))?.value.shared[userId] ?? 0;
  }

  /** Adds one screened item; `sharedBy` also counts a case posted by that presenter. Returns the new counts. */
  async record(meetingId: string, found: Record<FindingType, number>, outcome: ScreeningOutcome, sharedBy?: string): Promise<ScreeningCounts> {
    const written = await updateWithRetry<ScreeningRecord>(this.store, this.key(meetingId), (current) => {
      const base = current ?? { counts: emptyCounts(), shared: {} };
      const shared = sharedBy ? { ...base.shared, [sharedBy]: (base.shared[sharedBy] ?? 0) + 1 } : base.shared;
      return { counts: addScreening(base.counts, found, outcome), shared };
    });
    return written.value.counts;
  }
}
