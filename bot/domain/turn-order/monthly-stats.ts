import { SERVICES, ServiceId } from '../intake';
import { RoundStatsRecord } from './summary';

/** The per-meeting counts a month sums as they are. */
const SUMMED = ['presenters', 'casesConsulted', 'topicsConsulted', 'casesDeferred', 'topicsDeferred', 'itemsSkipped', 'itemsNotReached'] as const;

/** One centre's meetings in one month, as the process owner follows them. */
export interface MonthlyStats extends Pick<RoundStatsRecord, (typeof SUMMED)[number]> {
  centre: string;
  month: string;
  meetings: number;
  /** Meetings whose round ran past its end. */
  meetingsOverrun: number;
  /** Mean round length, one decimal. */
  meanRoundMinutes: number;
  /** Mean consulted turn, one decimal (0 without turns). */
  meanTurnMinutes: number;
  /** Items consulted per service over the month. */
  itemsByService: Record<ServiceId, number>;
  /** In how many meetings each service brought something. */
  meetingsByService: Record<ServiceId, number>;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const zeroes = (): Record<ServiceId, number> => Object.fromEntries(SERVICES.map((s) => [s, 0])) as Record<ServiceId, number>;

/** Sums stored rounds by centre and month, sorted by month then centre. */
export function monthlyStats(rows: Array<{ centre: string; month: string; record: RoundStatsRecord }>): MonthlyStats[] {
  const groups = new Map<string, { centre: string; month: string; records: RoundStatsRecord[] }>();
  for (const row of rows) {
    const id = `${row.month}\u0000${row.centre}`;
    const group = groups.get(id) ?? { centre: row.centre, month: row.month, records: [] };
    group.records.push(row.record);
    groups.set(id, group);
  }
  const sum = (records: RoundStatsRecord[], pick: (r: RoundStatsRecord) => number) => records.reduce((n, r) => n + pick(r), 0);
  return [...groups.values()]
    .sort((a, b) => (a.month === b.month ? (a.centre < b.centre ? -1 : 1) : a.month < b.month ? -1 : 1))
    .map(({ centre, month, records }) => {
      const turns = records.flatMap((r) => r.turnMinutes);
      const itemsByService = zeroes();
      const meetingsByService = zeroes();
      for (const r of records) {
        for (const [service, items] of Object.entries(r.itemsByService) as Array<[ServiceId, number]>) itemsByService[service] += items;
        for (const service of r.services) meetingsByService[service] += 1;
      }
      const sums = Object.fromEntries(SUMMED.map((field) => [field, sum(records, (r) => r[field])])) as Pick<MonthlyStats, (typeof SUMMED)[number]>;
      return {
        centre,
        month,
        meetings: records.length,
        ...sums,
        meetingsOverrun: records.filter((r) => r.overrunMinutes > 0).length,
        meanRoundMinutes: oneDecimal(sum(records, (r) => r.roundMinutes) / records.length),
        meanTurnMinutes: turns.length ? oneDecimal(turns.reduce((a, b) => a + b, 0) / turns.length) : 0,
        itemsByService,
        meetingsByService,
      };
    });
}
