/**
 * Anonymous meeting statistics per centre and month. A record holds counts, services and
 * durations (no names, no meeting id); its key is derived from the meeting by a one-way hash, so
 * the meetingEnd event and `@Vuoro lopeta` on two instances still store one record per meeting.
 */
import { createHash } from 'node:crypto';
import { CREATE_ONLY, ConflictError, StateStore } from '../../domain/ports';
import { RoundStatsRecord } from '../../domain/turn-order';

/** One stored record with the centre and month it belongs to. */
export interface CentreStats {
  /** The centre: the recurring meeting's chat id. */
  centre: string;
  /** YYYY-MM in the centre's time zone. */
  month: string;
  record: RoundStatsRecord;
}

const PREFIX = 'stats:';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** Stores and lists statistics records. */
export class StatsRepository {
  constructor(private readonly store: StateStore) {}

  /** Adds the record of one round once; true when this call stored it. */
  async add(centre: string, meetingId: string, roundStartedAt: number, record: RoundStatsRecord): Promise<boolean> {
    const month = record.date.slice(0, 7);
    const key = `${PREFIX}${month}:${digest(centre)}:${digest(`${meetingId}|${roundStartedAt}`)}`;
    try {
      await this.store.put<CentreStats>(key, { centre, month, record }, CREATE_ONLY);
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  /** Records from `from` to `to` (YYYY-MM, inclusive, either may be omitted), optionally of one centre. */
  async list(filter: { centre?: string; from?: string; to?: string } = {}): Promise<CentreStats[]> {
    const keys = (await this.store.list(PREFIX)).filter((key) => {
      const month = key.slice(PREFIX.length, PREFIX.length + 7);
      return (!filter.from || month >= filter.from) && (!filter.to || month <= filter.to);
    });
    const values = await Promise.all(keys.map((key) => this.store.get<CentreStats>(key)));
    return values.flatMap((v) => (v && (!filter.centre || v.value.centre === filter.centre) ? [v.value] : []));
  }
}

/** Whether `text` is a month as the stats API takes it. */
export function isMonth(text: unknown): text is string {
  return typeof text === 'string' && MONTH.test(text);
}
