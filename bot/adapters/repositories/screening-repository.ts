/**
 * Per-meeting screening counts under `screening:<meetingId>`: numbers only (and, for numbering
 * shared cases, how many each presenter has shared, keyed by Entra object id). Never text.
 *
 * Most chat messages are clean; writing a count for each would put a storage write (an fsync on
 * the file engine) on every turn. Clean messages are therefore added up in memory and written in
 * one conditional update about a second later, or at once when the counts are read or anything
 * else is recorded. Several instances each add their own batches, so nothing is lost between them.
 */
import { StateStore } from '../../domain/ports';
import { ScreeningCounts, ScreeningOutcome, addScreening, emptyCounts, mergeCounts } from '../../domain/meeting-screening';
import type { FindingType } from '../../domain/screening';
import { updateWithRetry } from '../storage/update-with-retry';

/** The stored record. */
export interface ScreeningRecord {
  counts: ScreeningCounts;
  /** Cases shared through the dialog per presenter, for their place in the day's order. */
  shared: Record<string, number>;
}

/** How long clean-message counts wait in memory before they are written. */
export const FLUSH_AFTER_MS = 1000;

/** Pending clean counts per meeting, shared by every repository on the same store. */
const pendingByStore = new WeakMap<StateStore, Map<string, ScreeningCounts>>();

/** Reads and adds to a meeting's screening counts. */
export class ScreeningRepository {
  private readonly pending: Map<string, ScreeningCounts>;

  constructor(private readonly store: StateStore) {
    let pending = pendingByStore.get(store);
    if (!pending) pendingByStore.set(store, (pending = new Map()));
    this.pending = pending;
  }

  private key(meetingId: string): string {
    return `screening:${meetingId}`;
  }

  /** The meeting's counts (zeros when nothing was screened); the end-of-meeting summary reads this. */
  async screeningCounts(meetingId: string): Promise<ScreeningCounts> {
    if (this.pending.has(meetingId)) return (await this.write(meetingId, undefined)).counts;
    return (await this.store.get<ScreeningRecord>(this.key(meetingId)))?.value.counts ?? emptyCounts();
  }

  /** How many cases `userId` has shared in this meeting. */
  async sharedBy(meetingId: string, userId: string): Promise<number> {
    return (await this.store.get<ScreeningRecord>(this.key(meetingId)))?.value.shared[userId] ?? 0;
  }

  /**
   * Adds one screened item; `sharedBy` also counts a case posted by that presenter. A clean item
   * is batched (returns undefined); anything else is written now and the new totals returned.
   */
  async record(meetingId: string, found: Record<FindingType, number>, outcome: ScreeningOutcome, sharedBy?: string): Promise<ScreeningCounts | undefined> {
    const item = addScreening(emptyCounts(), found, outcome);
    if (outcome === 'clean' && !sharedBy) {
      const before = this.pending.get(meetingId);
      this.pending.set(meetingId, before ? mergeCounts(before, item) : item);
      if (!before) setTimeout(() => void this.write(meetingId, undefined).catch(() => undefined), FLUSH_AFTER_MS).unref();
      return undefined;
    }
    return (await this.write(meetingId, { item, sharedBy })).counts;
  }

  /** Writes every batched count now; a clean shutdown calls this so no count is lost. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((meetingId) => this.write(meetingId, undefined)));
  }

  private async write(meetingId: string, add: { item: ScreeningCounts; sharedBy?: string } | undefined): Promise<ScreeningRecord> {
    const batch = this.pending.get(meetingId);
    this.pending.delete(meetingId);
    try {
      const written = await updateWithRetry<ScreeningRecord>(this.store, this.key(meetingId), (current) => {
        const base = current ?? { counts: emptyCounts(), shared: {} };
        let counts = batch ? mergeCounts(base.counts, batch) : base.counts;
        if (add) counts = mergeCounts(counts, add.item);
        const by = add?.sharedBy;
        return { counts, shared: by ? { ...base.shared, [by]: (base.shared[by] ?? 0) + 1 } : base.shared };
      });
      return written.value;
    } catch (err) {
      if (batch) this.pending.set(meetingId, this.pending.has(meetingId) ? mergeCounts(this.pending.get(meetingId)!, batch) : batch);
      throw err;
    }
  }
}
