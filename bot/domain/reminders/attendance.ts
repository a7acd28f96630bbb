/**
 * "En pääse — lähetän sijaisen": who comes, who sends a substitute, and the expected attendance
 * per service the coordinator sees. Only ids and a service are kept.
 */
import { SERVICES } from '../intake/services';
import type { ServiceId } from '../intake/services';
import type { AttendanceEntry, AttendanceRecord } from './model';

/** Why an answer was refused. */
export type AttendanceError = 'service' | 'substitute' | 'self';

const OID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks raw card input into an entry: a known service, and for a substitute an Entra object id other than one's own. */
export function parseAttendance(userId: string, status: 'attending' | 'substitute', raw: { service?: unknown; substitute?: unknown }, now: number): AttendanceEntry | AttendanceError {
  const service = String(raw.service ?? '');
  if (!(SERVICES as readonly string[]).includes(service)) return 'service';
  if (status === 'attending') return { userId, service: service as ServiceId, status, at: now };
  const substitute = String(raw.substitute ?? '').trim();
  if (!OID.test(substitute)) return 'substitute';
  if (substitute.toLowerCase() === userId.toLowerCase()) return 'self';
  return { userId, service: service as ServiceId, status, substituteUserId: substitute.toLowerCase(), at: now };
}

/** The record with `entry` replacing that person's earlier answer. */
export function recordAnswer(record: AttendanceRecord | undefined, workshopId: string, entry: AttendanceEntry): AttendanceRecord {
  return { workshopId, entries: { ...(record?.entries ?? {}), [entry.userId]: entry } };
}

/** Expected attendance of one service. */
export interface ServiceAttendance {
  service: ServiceId;
  /** Representatives coming themselves. */
  attending: number;
  /** Substitutes sent in someone's place. */
  substitutes: number;
  /** Whether anyone is expected from the service. */
  covered: boolean;
}

/** Per service, in the order of SERVICES: who is expected, so the coordinator sees gaps. */
export function expectedAttendance(record: AttendanceRecord | undefined): ServiceAttendance[] {
  const entries = Object.values(record?.entries ?? {});
  return SERVICES.map((service) => {
    const mine = entries.filter((e) => e.service === service);
    const attending = mine.filter((e) => e.status === 'attending').length;
    const substitutes = mine.filter((e) => e.status === 'substitute').length;
    return { service, attending, substitutes, covered: attending + substitutes > 0 };
  });
}
